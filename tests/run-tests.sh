#!/bin/sh
# run-tests.sh BUILD [--unit] - runs the unit tests built in BUILD/tests, then
# (unless --unit) every suite script tests/*/run.sh with BUILD. Each suite
# prints "PASS name" / "FAIL name" lines; the totals go to BUILD/test-results.
# Exit status: 0 when everything passed.
BUILD=${1:-build}
ONLY_UNIT=${2:-}
RES="$BUILD/test-results"
mkdir -p "$BUILD"
: > "$RES"
fail=0
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    if "$t" > "$BUILD/$(basename "$t").log" 2>&1; then
        echo "PASS unit/$(basename "$t")" | tee -a "$RES"
    else
        echo "FAIL unit/$(basename "$t")" | tee -a "$RES"
        cat "$BUILD/$(basename "$t").log"
        fail=1
    fi
done
if [ "$ONLY_UNIT" != "--unit" ]; then
    for s in tests/*/run.sh; do
        [ -f "$s" ] || continue
        echo "== suite $s"
        if ! DYAD="$BUILD/dyad" BUILD="$BUILD" sh "$s" "$BUILD" >> "$RES.tmp" 2>&1; then
            fail=1
        fi
        cat "$RES.tmp"
        grep -E '^(PASS|FAIL|SKIP) ' "$RES.tmp" >> "$RES"
        rm -f "$RES.tmp"
    done
else
    # sanitizer pass: the suites that run the program too
    for s in tests/*/run.sh; do
        [ -f "$s" ] || continue
        case "$s" in tests/web/*) continue ;; esac
        echo "== suite $s (sanitizers)"
        if ! DYAD="$BUILD/dyad" BUILD="$BUILD" SANITIZE=1 sh "$s" "$BUILD" > "$RES.tmp" 2>&1; then
            fail=1
            cat "$RES.tmp"
        fi
        grep -E '^(PASS|FAIL|SKIP) ' "$RES.tmp" | sed 's/^\(PASS\|FAIL\|SKIP\) /\1 asan:/' >> "$RES"
        rm -f "$RES.tmp"
    done
fi
if grep -q '^FAIL' "$RES"; then fail=1; fi
exit $fail
