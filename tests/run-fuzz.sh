#!/bin/sh
# run-fuzz.sh SECONDS FUZZER... - runs each libFuzzer target briefly over its
# corpus (fuzz/corpus/NAME, crashes kept in fuzz/regressions/NAME).
secs=$1; shift
: > build/fuzz-results
fail=0
for f in "$@"; do
    name=$(basename "$f")
    corpus="fuzz/corpus/${name#fuzz_}"
    mkdir -p "$corpus" build/fuzz/work-$name
    reg="fuzz/regressions/${name#fuzz_}"
    if [ -d "$reg" ] && [ -n "$(ls "$reg" 2>/dev/null)" ]; then
        if ! "$f" "$reg"/* > build/fuzz/$name.log 2>&1; then
            echo "FAIL fuzz/$name (regression)" | tee -a build/fuzz-results
            tail -30 build/fuzz/$name.log; fail=1; continue
        fi
    fi
    if "$f" -max_total_time="$secs" -print_final_stats=1 -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build/fuzz/work-$name/ build/fuzz/work-$name "$corpus" \
        > build/fuzz/$name.log 2>&1; then
        echo "PASS fuzz/$name ($(grep -o 'stat::number_of_executed_units: [0-9]*' build/fuzz/$name.log | awk '{print $2}') runs)" | tee -a build/fuzz-results
    else
        echo "FAIL fuzz/$name" | tee -a build/fuzz-results
        tail -30 build/fuzz/$name.log
        mkdir -p "$reg"; cp build/fuzz/work-$name/crash-* build/fuzz/work-$name/leak-* build/fuzz/work-$name/timeout-* "$reg"/ 2>/dev/null
        fail=1
    fi
done
exit $fail
