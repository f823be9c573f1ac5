#!/usr/bin/env bash
# Installs a headless browser when it is missing: the tests of `fairshare report --html` render the report in
# Chromium to a PNG (Tests/FairshareCLITests/HTMLReportRenderTests.swift). Debian/Ubuntu use apt-get's
# `chromium` (through sudo when not root); elsewhere it says what to install. Nothing happens when a Chromium is
# already on PATH (chromium, chromium-browser, google-chrome) or FAIRSHARE_CHROMIUM names one.
set -euo pipefail

if [ -n "${FAIRSHARE_CHROMIUM:-}" ] && [ -x "${FAIRSHARE_CHROMIUM}" ]; then exit 0; fi
for name in chromium chromium-browser google-chrome; do
    command -v "$name" >/dev/null 2>&1 && exit 0
done

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "fairshare: installing chromium (headless browser for the HTML report's tests) with apt-get…" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >&2
elif command -v brew >/dev/null 2>&1; then
    echo "fairshare: installing chromium with Homebrew…" >&2
    brew install --cask chromium >&2
else
    echo "fairshare: Chromium is missing; install it (the HTML report's tests render with it)" >&2
    exit 1
fi
