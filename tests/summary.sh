#!/bin/sh
# summary.sh - the closing line of `make check`: totals over every results file.
cat build/test-results build/asan/test-results build/fuzz-results 2>/dev/null > build/all-results
p=$(grep -c '^PASS' build/all-results)
f=$(grep -c '^FAIL' build/all-results)
s=$(grep -c '^SKIP' build/all-results)
echo "$p passed, $f failed, $s skipped"
[ "$f" -eq 0 ]
