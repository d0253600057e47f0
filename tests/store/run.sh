#!/bin/sh
# tests/store/run.sh - the event store, `dyad ingest`, `dyad query` and the
# GDELT / PLOVER / CSV exports, on a synthetic year of news (gen-corpus.py).
# Expected values come from `dyad code` on the same corpus (check.py), so the
# store is checked against the coder's own output whatever the coder finds.
# Prints PASS/FAIL/SKIP lines; exit 1 on a failure. DYAD = the program,
# BUILD = the build directory; SANITIZE=1 (ASan build) uses 45 days.
set -u
DYAD=${DYAD:-build/dyad}
BUILD=${BUILD:-build}
HERE=$(dirname "$0")
T=$BUILD/tests/store
rm -rf "$T"
mkdir -p "$T"
fail=0
pass() { echo "PASS store/$1"; }
failed() { echo "FAIL store/$1"; fail=1; }
skip() { echo "SKIP store/$1 ($2)"; }
# check NAME COMMAND...: PASS when the command succeeds, else FAIL with its output
check() {
    name=$1
    shift
    if "$@" > "$T/out" 2>&1; then pass "$name"; else failed "$name"; sed 's/^/  /' "$T/out" | head -20; fi
}
# jget FILE KEY: a value of the JSON object in FILE
jget() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

if ! command -v python3 > /dev/null 2>&1; then
    skip all "no python3"
    exit 0
fi
if [ ! -x "$DYAD" ]; then
    failed "program ($DYAD missing)"
    exit 1
fi
DAYS=366
[ "${SANITIZE:-0}" = 1 ] && DAYS=45
C=$T/corpus.jsonl
python3 "$HERE/gen-corpus.py" --days $DAYS > "$C"
ndocs=$(wc -l < "$C")

# ---- the reference: what the coder says, without the store
if ! "$DYAD" code --jsonl --format events "$C" > "$T/events.jsonl" 2> "$T/code.err"; then
    failed "code-reference"
    sed 's/^/  /' "$T/code.err" | head
    exit 1
fi
nev=$(wc -l < "$T/events.jsonl")
pass "code-reference ($ndocs documents, $nev events)"

# ---- ingest
DB=$T/full.db
if "$DYAD" ingest --quiet --db "$DB" --jsonl "$C" > "$T/ingest.out" 2> "$T/ingest.err" &&
    [ ! -s "$T/ingest.out" ] && [ ! -s "$T/ingest.err" ]; then
    pass "ingest (silent when not a terminal)"
else
    failed "ingest"
    sed 's/^/  /' "$T/ingest.err" | head
fi
"$DYAD" query --db "$DB" --stats > "$T/stats1.json"
check "stats-documents" test "$(jget "$T/stats1.json" documents)" = "$ndocs"
check "stats-events" test "$(jget "$T/stats1.json" events)" = "$nev"

# ---- counts and groups against the reference
if [ "$nev" -eq 0 ]; then
    skip "group-by" "the coder found no events in the corpus"
else
    for dims in dyad,day dyad code root country month; do
        "$DYAD" query --db "$DB" --group-by "$dims" --format csv > "$T/g-$dims.csv"
        check "group-by-$dims" python3 "$HERE/check.py" groups "$C" "$T/events.jsonl" "$T/g-$dims.csv" "$dims"
    done
    n=0
    for f in "--source RUS" "--target UKR" "--actor CHN" "--code 19" "--code 111" "--quad 4" \
        "--from 2024-01-20 --to 2024-02-10" "--negated yes" "--actor IR --quad 3"; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        got=$("$DYAD" query --db "$DB" $f | wc -l)
        # shellcheck disable=SC2086
        check "filter-$n ($f)" python3 "$HERE/check.py" count "$C" "$T/events.jsonl" "$got" $f
    done
    "$DYAD" query --db "$DB" --unique > "$T/unique.jsonl"
    check "records-mentions-articles-sources" python3 "$HERE/check.py" records "$C" "$T/events.jsonl" "$T/unique.jsonl"
    # the one-a-day view of the schema agrees with the records
    check "one-a-day-view" python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
m, r = db.execute("select total(num_mentions), count(*) from event_records").fetchone()
e, = db.execute("select count(*) from events").fetchone()
n, = db.execute("select count(*) from records").fetchone()
sys.exit(0 if (int(m), r) == (e, n) else "view: %s mentions, %s records; tables: %s, %s" % (m, r, e, n))
' "$DB"
    "$DYAD" query --db "$DB" --limit 3 --offset 2 > "$T/page.jsonl"
    "$DYAD" query --db "$DB" > "$T/all.jsonl"
    check "limit-offset" test "$(sed -n 3,5p "$T/all.jsonl" | cut -c1-200)" = "$(cut -c1-200 "$T/page.jsonl")"
    "$DYAD" query --db "$DB" --format table --limit 5 > "$T/table.txt"
    check "table-format" test "$(wc -l < "$T/table.txt")" -eq 6
fi

# ---- idempotent re-ingest, resume on a complete store
"$DYAD" query --db "$DB" > "$T/before.jsonl"
"$DYAD" ingest --quiet --db "$DB" --jsonl "$C"
"$DYAD" query --db "$DB" --stats > "$T/stats2.json"
"$DYAD" query --db "$DB" > "$T/after.jsonl"
check "reingest-same-counts" cmp "$T/stats1.json" "$T/stats2.json"
check "reingest-same-events" python3 "$HERE/check.py" same "$T/before.jsonl" "$T/after.jsonl"
"$DYAD" ingest --quiet --resume --db "$DB" --jsonl "$C"
"$DYAD" query --db "$DB" --stats > "$T/stats3.json"
check "resume-complete-store-adds-nothing" cmp "$T/stats1.json" "$T/stats3.json"

# ---- replacing one document replaces its events
first=$(head -n 1 "$C" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
printf '{"id":"%s","date":"2024-01-01","text":"Russian troops attacked Ukrainian positions. Ukraine condemned Russia. China criticized Japan."}\n' "$first" > "$T/replace.jsonl"
"$DYAD" code --jsonl --format events "$T/replace.jsonl" > "$T/replace-events.jsonl"
"$DYAD" ingest --quiet --db "$T/replace.db" --jsonl "$C" "$T/replace.jsonl"
check "replace-document-events" test "$("$DYAD" query --db "$T/replace.db" --doc "$first" | wc -l)" = "$(wc -l < "$T/replace-events.jsonl")"
"$DYAD" query --db "$T/replace.db" --stats > "$T/stats-r.json"
check "replace-document-count" test "$(jget "$T/stats-r.json" documents)" = "$ndocs"

# ---- kill -9 in the middle of a batch, then --resume
# Lines are fed through a FIFO: 120 lines with batches of 50, so two batches
# are committed and the third is open when the process is killed.
K=$T/kill.db
rm -f "$T/fifo"
mkfifo "$T/fifo"
"$DYAD" ingest --quiet --batch 50 --db "$K" --jsonl - < "$T/fifo" &
pid=$!
exec 3> "$T/fifo"
head -n 120 "$C" >&3
k=0
got=0
while [ $k -lt 200 ]; do   # up to 20 s for the two commits
    got=$("$DYAD" query --db "$K" --stats 2> /dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])' 2> /dev/null || echo 0)
    [ "$got" = 100 ] && break
    sleep 0.1
    k=$((k + 1))
done
sleep 0.5   # let it code the 20 lines of the open batch
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
exec 3>&-
"$DYAD" query --db "$K" --stats > "$T/stats-k.json" 2> "$T/out"
check "kill9-keeps-committed-batches" test "$(jget "$T/stats-k.json" documents)" = 100
check "kill9-database-intact" python3 -c '
import sqlite3, sys
r = sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0]
sys.exit(0 if r == "ok" else r)' "$K"
if "$DYAD" ingest --quiet --resume --batch 50 --db "$K" --jsonl "$C"; then pass "kill9-resume"; else failed "kill9-resume"; fi
"$DYAD" query --db "$K" --stats > "$T/stats-k2.json"
"$DYAD" query --db "$K" > "$T/killed.jsonl"
check "kill9-resume-same-counts" cmp "$T/stats1.json" "$T/stats-k2.json"
check "kill9-resume-nothing-lost-or-duplicated" python3 "$HERE/check.py" same "$T/before.jsonl" "$T/killed.jsonl"

# ---- exports
if [ "$nev" -eq 0 ]; then
    skip "exports" "the coder found no events in the corpus"
else
    # (record ids changed with the re-ingest above: dump both again)
    "$DYAD" query --db "$DB" --unique > "$T/unique2.jsonl"
    "$DYAD" query --db "$DB" --format gdelt > "$T/query.gdelt.tsv"
    python3 "$HERE/gdelt_reader.py" "$T/query.gdelt.tsv" "$T/unique2.jsonl" store/gdelt-query || fail=1
    "$DYAD" code --jsonl --format gdelt "$C" > "$T/code.gdelt.tsv"
    python3 "$HERE/gdelt_reader.py" "$T/code.gdelt.tsv" "$T/events.jsonl" store/gdelt-code "$C" || fail=1
    "$DYAD" query --db "$DB" --format gdelt --header --limit 1 > "$T/head.tsv"
    check "gdelt-header-61-names" test "$(head -n 1 "$T/head.tsv" | awk -F'\t' '{print NF, $1, $61}')" = "61 GLOBALEVENTID SOURCEURL"
    "$DYAD" code --jsonl --format plover "$C" > "$T/code.plover.jsonl"
    check "plover-code" python3 "$HERE/check.py" plover "$T/events.jsonl" "$T/code.plover.jsonl"
    "$DYAD" query --db "$DB" --format plover > "$T/query.plover.jsonl"
    "$DYAD" query --db "$DB" > "$T/all2.jsonl"
    check "plover-query" python3 "$HERE/check.py" plover "$T/all2.jsonl" "$T/query.plover.jsonl"
    "$DYAD" code --jsonl --format csv "$C" > "$T/code.csv"
    check "csv-code" python3 "$HERE/check.py" csv "$T/events.jsonl" "$T/code.csv"
fi

# ---- errors and usage
printf '%s\n' '{"id":"ok1","date":"2024-02-02","text":"Iran threatened Israel."}' 'not json' \
    '{"id":"ok2","date":"2024-02-03","text":"Egypt praised Syria."}' > "$T/bad.jsonl"
"$DYAD" ingest --quiet --db "$T/bad.db" --jsonl "$T/bad.jsonl" 2> "$T/bad.err"
rc=$?
"$DYAD" query --db "$T/bad.db" --stats > "$T/stats-b.json"
check "bad-line-exit-1" test $rc = 1
check "bad-line-others-stored" test "$(jget "$T/stats-b.json" documents)" = 2
check "bad-line-message" grep -q 'bad.jsonl:2' "$T/bad.err"
"$DYAD" query --db "$DB" --from 2024-1-1 > /dev/null 2>&1
check "query-bad-date-exit-2" test $? = 2
"$DYAD" query --db "$DB" --group-by day,month > /dev/null 2>&1
check "query-bad-group-exit-2" test $? = 2
"$DYAD" ingest --jsonl "$C" > /dev/null 2>&1
check "ingest-no-db-exit-2" test $? = 2
"$DYAD" query --db "$T/no-such.db" > /dev/null 2>&1
check "query-missing-store-exit-1" test $? = 1

exit $fail
