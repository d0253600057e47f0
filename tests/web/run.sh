#!/bin/sh
# tests/web/run.sh - `dyad serve`: API tests with a real server on a free
# loopback port (api_test.py), then the web page in headless Chromium driven
# by playwright-core (e2e.js), which saves screenshots to $BUILD. Prints
# PASS/FAIL/SKIP lines; exit 1 on a failure. With SANITIZE=1 (ASan build) the
# browser part is skipped.
set -u
DYAD=${DYAD:-build/dyad}
BUILD=${BUILD:-build}
HERE=$(dirname "$0")
ROOT=$HERE/../..
T=$BUILD/tests/web
rm -rf "$T"
mkdir -p "$T"
fail=0
pass() { echo "PASS web/$1"; }
failed() { echo "FAIL web/$1"; fail=1; }
skip() { echo "SKIP web/$1 ($2)"; }

if ! command -v python3 > /dev/null 2>&1; then
    skip all "no python3"
    exit 0
fi
if [ ! -x "$DYAD" ]; then
    failed "program ($DYAD missing)"
    exit 1
fi

# a month of news in a store
C=$T/corpus.jsonl
python3 "$ROOT/tests/store/gen-corpus.py" --days 31 --seed 11 > "$C"
DB=$T/web.db
if ! "$DYAD" ingest --quiet --db "$DB" --jsonl "$C"; then
    failed "ingest"
    exit 1
fi

: > "$T/serve.log"
"$DYAD" serve --db "$DB" --port 0 --bind 127.0.0.1 --web "$ROOT/web" --timeout 2000 --quiet \
    2> "$T/serve.log" &
pid=$!
port=
k=0
while [ $k -lt 100 ]; do
    port=$(sed -n 's|^dyad serve: listening on http://127.0.0.1:\([0-9][0-9]*\)/$|\1|p' "$T/serve.log")
    [ -n "$port" ] && break
    kill -0 $pid 2> /dev/null || break
    sleep 0.1
    k=$((k + 1))
done
if [ -z "$port" ]; then
    failed "serve-starts"
    sed 's/^/  /' "$T/serve.log"
    kill $pid 2> /dev/null
    exit 1
fi
pass "serve-starts (port $port)"
URL=http://127.0.0.1:$port

python3 "$HERE/api_test.py" "$URL" "$DYAD" "$DB" "$C" || fail=1

if [ "${SANITIZE:-0}" = 1 ]; then
    skip browser "sanitizer build"
elif ! command -v node > /dev/null 2>&1; then
    skip browser "no node"
elif [ ! -x /usr/bin/chromium ]; then
    skip browser "no /usr/bin/chromium"
elif [ ! -d "$ROOT/node_modules/playwright-core" ]; then
    skip browser "playwright-core not installed: run npm ci"
else
    timeout 120 node "$HERE/e2e.js" "$URL" "$BUILD" || fail=1
fi

# a clean stop on SIGTERM
kill -TERM $pid
k=0
while kill -0 $pid 2> /dev/null && [ $k -lt 50 ]; do
    sleep 0.1
    k=$((k + 1))
done
if kill -0 $pid 2> /dev/null; then
    failed "serve-stops-on-sigterm"
    kill -9 $pid
else
    wait $pid
    rc=$?
    if [ $rc -eq 0 ]; then pass "serve-stops-on-sigterm"; else failed "serve-stops-on-sigterm (exit $rc)"; fi
fi
exit $fail
