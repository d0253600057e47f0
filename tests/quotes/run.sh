#!/bin/sh
# tests/quotes/run.sh [BUILD] - the quotation cases of tests/quotes/cases.txt
# (text in, expected quotations and speakers out) through `dyad code`.
# Prints PASS/FAIL per case; exit status 1 when one fails.
BUILD=${1:-${BUILD:-build}}
DYAD=${DYAD:-$BUILD/dyad}
dir=$(dirname "$0")
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP quotes: python3 not found"
    exit 0
fi
exec python3 "$dir/check.py" "$DYAD" "$dir/cases.txt"
