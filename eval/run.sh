#!/bin/sh
# eval/run.sh BUILD - every accuracy measurement on ../shared gold; each part
# skips cleanly when ../shared is absent.
BUILD=${1:-build}
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/eval" ]; then
    echo "SKIP eval: $SHARED/eval not found (the development gold lives outside the project)"
    exit 0
fi
python3 eval/cameo_eval.py "$BUILD/dyad" "$SHARED"
for m in eval-syntax eval-actors eval-timex eval-quotes eval-places eval-peers; do
    if grep -q "^$m:" mk/*.mk 2>/dev/null; then
        echo "== $m"
        make --no-print-directory "$m"
    fi
done
