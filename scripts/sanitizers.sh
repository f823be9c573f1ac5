#!/usr/bin/env bash
# fairshare's sanitizer and leak checks (README, "Reliability"). Each check builds in its own scratch path, so it
# never disturbs .build or another check.
#
#   scripts/sanitizers.sh            all three checks below, in turn
#   scripts/sanitizers.sh address    the whole test suite under AddressSanitizer (LeakSanitizer included)
#   scripts/sanitizers.sh thread     the concurrency and cancellation tests under ThreadSanitizer
#   scripts/sanitizers.sh leaks      valgrind --leak-check=full over 1,000 and over 10,000 solves: no leak, and
#                                    no growth of the heap in use at exit (LeakSanitizer when valgrind is missing)
#
# Scratch paths: $SANITIZER_SCRATCH/build-{asan,tsan,leak}, default under /tmp. Exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SANITIZER_SCRATCH:-/tmp}
scripts/ensure-glpk.sh

address() {
    echo "== AddressSanitizer: swift test --sanitize=address (scratch $scratch/build-asan)"
    # LeakSanitizer runs at the exit of every instrumented process (the tests and the fairshare processes they
    # start); scripts/lsan-suppressions.txt lists the toolchain's own leaks.
    # The time-limit and cancellation tests assert tight bounds in seconds, which AddressSanitizer's slowdown (two
    # to three times) can break on a loaded machine; they run under ThreadSanitizer below and unsanitized in the
    # suite. The other bounds in seconds and in peak memory are scaled (ReliabilityTestSupport).
    FAIRSHARE_TEST_TIME_SCALE=3 FAIRSHARE_TEST_MEMORY_SCALE=4 LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=1 ${LSAN_OPTIONS:-}" \
        swift test --sanitize=address --scratch-path "$scratch/build-asan" --skip CancellationAndTimeLimitTests
}

thread() {
    echo "== ThreadSanitizer: concurrency and cancellation tests (scratch $scratch/build-tsan)"
    # GLPKSolverTests: ConcurrencyTests, ThreadingTests, InteriorPointStopTests (the interior-point method on a
    # thread of its own, stopped by longjmp); ReliabilityTests: ConcurrentSolveTests, CancellationAndTimeLimitTests.
    FAIRSHARE_TEST_TIME_SCALE=10 TSAN_OPTIONS="halt_on_error=1 ${TSAN_OPTIONS:-}" swift test --sanitize=thread --scratch-path "$scratch/build-tsan" \
        --filter 'ConcurrencyTests|ThreadingTests|InteriorPointStopTests|ConcurrentSolveTests|CancellationAndTimeLimitTests'
}

# Prints "<definitely+indirectly lost bytes> <bytes in use at exit>" of a valgrind log.
valgrind_figures() {
    local lost in_use
    lost=$(grep -E "(definitely|indirectly) lost:" "$1" | sed -E 's/.*lost: ([0-9,]+) bytes.*/\1/' | tr -d , \
        | awk '{s += $1} END {print s + 0}')
    in_use=$(grep -E "in use at exit:" "$1" | sed -E 's/.*exit: ([0-9,]+) bytes.*/\1/' | tr -d ,)
    echo "$lost ${in_use:-0}"
}

leaks() {
    echo "== Leaks: SolveLoop (Fuzz/) over 1,000 and 10,000 small solves (scratch $scratch/build-leak)"
    local loop="$scratch/build-leak/release/SolveLoop"
    if command -v valgrind > /dev/null; then
        # -gdwarf-4: clang writes DWARF 5 for the C target (CGLPKInterior), which Debian 12's valgrind (3.19) cannot
        # read ("unhandled dwarf2 abbrev form code 0x25 … I can't recover").
        (cd Fuzz && swift build -c release --scratch-path "$scratch/build-leak" --product SolveLoop -Xcc -gdwarf-4)
        local figures=()
        for solves in 1000 10000; do
            local log="$scratch/build-leak/valgrind-$solves.log"
            valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
                --error-exitcode=99 "$loop" "$solves" 2> "$log"
            figures+=("$(valgrind_figures "$log")")
            echo "   $solves solves: lost (definitely + indirectly) and in use at exit, bytes: ${figures[-1]}"
        done
        read -r lost_small in_use_small <<< "${figures[0]}"
        read -r lost_large in_use_large <<< "${figures[1]}"
        if [ "$lost_small" -ne 0 ] || [ "$lost_large" -ne 0 ]; then
            echo "FAIL: memory lost; see $scratch/build-leak/valgrind-*.log"
            exit 1
        fi
        # Ten times the solves may leave a little more in caches (Swift metadata, a GLPK environment per
        # thread), never ten times as much: allow 64 KB.
        if [ "$in_use_large" -gt $((in_use_small + 65536)) ]; then
            echo "FAIL: the heap in use at exit grows with the number of solves ($in_use_small → $in_use_large bytes)"
            exit 1
        fi
        echo "   no leak, no growth"
    else
        echo "   valgrind not found; using LeakSanitizer"
        (cd Fuzz && swift build -c release --scratch-path "$scratch/build-leak" --product SolveLoop \
            -Xswiftc -sanitize=address)
        for solves in 1000 10000; do
            ASAN_OPTIONS="detect_leaks=1:halt_on_error=1" "$loop" "$solves"
        done
    fi
}

case "${1:-all}" in
    address) address ;;
    thread) thread ;;
    leaks) leaks ;;
    all) address; thread; leaks ;;
    *) echo "usage: $0 [address|thread|leaks|all]" >&2; exit 1 ;;
esac
