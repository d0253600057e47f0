#!/bin/sh
# bench/run.sh BUILD - the benchmark on the bundled examples (~50 MB).
BUILD=${1:-build}
exec "$BUILD/bench" --mb "${BENCH_MB:-50}" examples/*.txt
