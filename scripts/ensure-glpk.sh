#!/usr/bin/env bash
# Installs the C libraries fairshare builds against when they are missing: GLPK (libglpk-dev) and libxlsxwriter
# (libxlsxwriter-dev, for --format xlsx). With --with-test-tools (or its older name --with-glpsol) also what the
# tests run: the glpsol command (glpk-utils; the tests read exported models back with it) and LibreOffice Calc
# (libreoffice-calc-nogui; the tests open the workbooks fairshare writes in it).
# Debian/Ubuntu use apt-get (through sudo when not root); macOS uses Homebrew.
set -euo pipefail

want_tools=0
case "${1:-}" in --with-test-tools | --with-glpsol) want_tools=1 ;; esac

have_header() {
    for prefix in /usr/include /usr/local/include /opt/homebrew/include; do
        [ -f "$prefix/$1" ] && return 0
    done
    return 1
}
have() { command -v "$1" >/dev/null 2>&1; }

missing=()
have_header glpk.h || missing+=(libglpk-dev)
have_header xlsxwriter.h || missing+=(libxlsxwriter-dev)
if [ "$want_tools" = 1 ]; then
    have glpsol || missing+=(glpk-utils)
    have soffice || missing+=(libreoffice-calc-nogui)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "fairshare: installing ${missing[*]} with apt-get…" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
elif command -v brew >/dev/null 2>&1; then
    echo "fairshare: installing glpk and libxlsxwriter with Homebrew…" >&2
    brew install glpk libxlsxwriter >&2
    if [ "$want_tools" = 1 ] && ! have soffice; then brew install --cask libreoffice >&2; fi
else
    echo "fairshare: missing ${missing[*]}; install them with your package manager" >&2
    exit 1
fi
