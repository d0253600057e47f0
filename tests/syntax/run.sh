#!/bin/sh
# The data-driven syntax tests (tests/syntax/*.txt): run by the unit-test
# binary in --data mode, one PASS/FAIL line per case.
BUILD=${BUILD:-${1:-build}}
T="$BUILD/tests/test_syntax"
if [ ! -x "$T" ]; then
    echo "SKIP syntax: $T not built"
    exit 0
fi
"$T" --data tests/syntax
