#!/usr/bin/env bash
# Installs GLPK when it is missing: the C library and header (libglpk-dev) always, and the glpsol command
# (glpk-utils) when called with --with-glpsol (the tests read exported models back with it).
# Debian/Ubuntu use apt-get (through sudo when not root); macOS uses Homebrew's glpk, which has both.
set -euo pipefail

want_glpsol=0
[ "${1:-}" = "--with-glpsol" ] && want_glpsol=1

have_header() { [ -f /usr/include/glpk.h ] || [ -f /usr/local/include/glpk.h ] || [ -f /opt/homebrew/include/glpk.h ]; }
have_glpsol() { command -v glpsol >/dev/null 2>&1; }

missing=()
have_header || missing+=(libglpk-dev)
if [ "$want_glpsol" = 1 ] && ! have_glpsol; then missing+=(glpk-utils); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "fairshare: installing ${missing[*]} (GLPK) with apt-get…" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
elif command -v brew >/dev/null 2>&1; then
    echo "fairshare: installing glpk with Homebrew…" >&2
    brew install glpk >&2
else
    echo "fairshare: GLPK is missing (${missing[*]}); install it with your package manager" >&2
    exit 1
fi
