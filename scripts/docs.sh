#!/usr/bin/env bash
# Builds the DocC documentation of the eight libraries and fails on any warning: DocC's own (broken symbol links,
# undocumented parameters of a documented list, …) through --warnings-as-errors, and any other `warning:` line
# that SwiftPM or the plugin prints.
#
# Output: one archive per library, .build-docs/plugins/Swift-DocC/outputs/<Library>.doccarchive, ready for static
# hosting (serve the folder and open /documentation/<library, lower case>/). Its own scratch path, so it never
# touches the .build of `swift build` and `swift test`.
#
#   scripts/docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-glpk.sh

# Every library product. An executable (the CLI) has no API to document.
libraries=(LinearModel GLPKSolver FairShareJSON FairShareScenario FairShareEngine FairShareReport FairShareXLSX FairShareSynthetic)
targets=()
for library in "${libraries[@]}"; do targets+=(--target "$library"); done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift package --scratch-path .build-docs generate-documentation --warnings-as-errors "${targets[@]}" 2>&1 \
    | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
    echo "docs: the documentation has errors or warnings (above)" >&2
    exit "$status"
fi
if grep -q '^warning:' "$log"; then
    echo "docs: warnings (above):" >&2
    grep '^warning:' "$log" >&2
    exit 1
fi
echo "docs: ${#libraries[@]} libraries documented without warnings in .build-docs/plugins/Swift-DocC/outputs/"
