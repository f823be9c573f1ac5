#!/usr/bin/env bash
# Installs a headless browser when it is missing: the tests of `fairshare report --html` render the report in
# Chromium to a PNG (Tests/FairshareCLITests/HTMLReportRenderTests.swift). Debian/Ubuntu use apt-get's
# `chromium` without its recommendations, and DejaVu fonts when the machine has no font at all (through sudo when
# not root); elsewhere it says what to install. Nothing happens when a Chromium is already on PATH (chromium,
# chromium-browser, google-chrome) or FAIRSHARE_CHROMIUM names one, and a font is there.
set -euo pipefail

have_browser() {
    if [ -n "${FAIRSHARE_CHROMIUM:-}" ] && [ -x "${FAIRSHARE_CHROMIUM}" ]; then return 0; fi
    for name in chromium chromium-browser google-chrome; do
        command -v "$name" >/dev/null 2>&1 && return 0
    done
    return 1
}
have_font() { [ "$(uname)" = Darwin ] || ls /usr/share/fonts/truetype/*/*.ttf >/dev/null 2>&1; }

missing=()
have_browser || missing+=(chromium)
have_font || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "fairshare: installing ${missing[*]} (headless browser for the HTML report's tests) with apt-get…" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
elif command -v brew >/dev/null 2>&1; then
    echo "fairshare: installing chromium with Homebrew…" >&2
    brew install --cask chromium >&2
else
    echo "fairshare: Chromium is missing; install it (the HTML report's tests render with it)" >&2
    exit 1
fi
