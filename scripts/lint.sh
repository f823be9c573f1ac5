#!/usr/bin/env bash
# `swift format lint --strict` over the package's sources, tests and manifest, with the project's .swift-format
# (120 columns, 4 spaces). Fails on any finding. To fix what it reports: scripts/lint.sh --fix (swift format
# format -i), then read the diff.
#
#   scripts/lint.sh [--fix]
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests Package.swift)
if [ "${1:-}" = "--fix" ]; then
    swift format format -i -r "${paths[@]}" --configuration .swift-format
fi
swift format lint --strict -r "${paths[@]}" --configuration .swift-format
