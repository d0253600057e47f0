#!/bin/sh
# tests/timex/run.sh BUILD - the time expression cases of tests/timex/*.txt:
# each line is a document date, a text and the expected TimeML values (format
# in tests/timex/cases.c). Prints PASS/FAIL lines; exits 1 on a failure.
BUILD=${1:-build}
dir=$(dirname "$0")
bin="$BUILD/tests/timex-cases"
if [ ! -x "$bin" ]; then
    echo "FAIL timex/driver (no $bin: run make)"
    exit 1
fi
status=0
for f in "$dir"/*.txt; do
    "$bin" "$f" || status=1
done
exit $status
