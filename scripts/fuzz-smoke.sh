#!/usr/bin/env bash
# A short fuzzing run for CI (README, "Reliability"): builds Fuzz/'s libFuzzer target and runs each mode for a
# fixed number of seconds from the committed inputs. Any finding (a crash, a trap, a lie the target checks, an input
# slower than 10 s, more than 2 GB of memory) stops the run and fails the script; the input is kept in the artifact
# directory, to become a test in Tests/ReliabilityTests/FuzzFindings/.
#
#   scripts/fuzz-smoke.sh [SECONDS]     every mode, SECONDS each (default 120)
#
# Modes (Fuzz/README.md):
#   bytes   inputs are scenario files, seeded with Scenarios/, the hostile corpus and every earlier finding
#   edits   inputs are lists of awkward numeric edits to the shipped scenarios and two synthetic regions
#   exact   the same edits; every level optimum of an LP is compared with GLPK's exact rational simplex
# The edits and exact modes also start from their earlier findings in Fuzz/Findings/ (edit lists named after the mode).
#
# New inputs go to corpus-MODE/ (the first directory libFuzzer is given); the seed directories are only read.
# The seed is fixed (-seed=1) so that a run explores the same inputs on every machine, as far as its speed lets it.
# Scratch: $FUZZ_SCRATCH (default /tmp/fairshare-fuzz): build-fuzz/, corpus-*/, artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
scratch=${FUZZ_SCRATCH:-/tmp/fairshare-fuzz}
scripts/ensure-glpk.sh
echo "== Fuzzing: building Fuzz/FairShareFuzz with -sanitize=fuzzer (scratch $scratch)"
(cd Fuzz && swift build -c release --scratch-path "$scratch/build-fuzz" --product FairShareFuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld)
fuzzer="$scratch/build-fuzz/release/FairShareFuzz"
artifacts="$scratch/artifacts"
rm -rf "$scratch"/corpus-* "$scratch"/seeds* "$artifacts"
mkdir -p "$artifacts" "$scratch/seeds"
cp Scenarios/*.json Tests/ReliabilityTests/Corpus/*.json Tests/ReliabilityTests/FuzzFindings/*.json "$scratch/seeds/"
# Edit lists found earlier, per mode: each mode reads them as seeds beside its own corpus.
for mode in edits exact; do
    mkdir -p "$scratch/seeds-$mode"
    find Fuzz/Findings -maxdepth 1 -type f -name "$mode-*" -exec cp {} "$scratch/seeds-$mode/" \;
done

run() {
    local mode=$1
    shift
    local corpus="$scratch/corpus-$mode" log="$scratch/$mode.log"
    mkdir -p "$corpus"
    echo "== Fuzzing, mode $mode, $seconds s"
    local status=0
    FAIRSHARE_FUZZ_MODE=$mode SWIFT_BACKTRACE=enable=no "$fuzzer" -seed=1 -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$artifacts/$mode-" "$corpus" "$@" > "$log" 2>&1 || status=$?
    grep -E "^Done [0-9]+ runs" "$log" | sed 's/^/   /' || true
    if [ "$status" -ne 0 ]; then
        echo "FAIL: the fuzzer found something in mode $mode (exit $status). The end of its log ($log):"
        tail -40 "$log"
        echo "The input: $(ls "$artifacts"/"$mode"-* 2> /dev/null | tr '\n' ' ')"
        echo "Fix it, then add the input to Tests/ReliabilityTests/FuzzFindings/ (see Fuzz/README.md)."
        exit 1
    fi
}

run bytes -max_len=65536 -dict=Fuzz/scenario.dict "$scratch/seeds"
run edits "$scratch/seeds-edits"
run exact "$scratch/seeds-exact"
# A differential run that compared nothing checked nothing.
compared=$(sed -nE 's/^exact: .* with ([0-9]+) level optima compared.*/\1/p' "$scratch/exact.log")
echo "   $(grep -E '^exact: ' "$scratch/exact.log")"
if [ "${compared:-0}" -eq 0 ]; then
    echo "FAIL: the exact mode compared no level optimum"
    exit 1
fi
echo "   no finding"
