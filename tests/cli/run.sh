#!/bin/sh
# CLI contract tests for `dyad code`: exit codes, one record per document,
# error records for malformed JSONL lines, usage errors. Each check prints
# PASS/FAIL; the script exits 1 if any failed.
DYAD=${DYAD:-build/dyad}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "PASS cli/$1"; }
ko() { echo "FAIL cli/$1${2:+: $2}"; fails=$((fails+1)); }
check() { # name expected-status actual-status
    if [ "$2" = "$3" ]; then ok "$1"; else ko "$1" "exit $3, want $2"; fi
}
lines() { wc -l < "$1" | tr -d ' '; }
jsonok() { python3 -c 'import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$1" 2>/dev/null; }

# 1. plain text file: one line, valid JSON, id = file name, date honoured
printf 'Russian troops attacked Ukrainian positions.\n' > "$T/a.txt"
"$DYAD" code --date 2024-10-03 "$T/a.txt" > "$T/out" 2>"$T/err"; st=$?
check plain-exit 0 $st
[ "$(lines "$T/out")" = 1 ] && jsonok "$T/out" && ok plain-one-json-line || ko plain-one-json-line
python3 - "$T/out" "$T/a.txt" <<'PY' && ok plain-fields || ko plain-fields
import json,sys
r=json.loads(open(sys.argv[1]).readline())
assert r["id"]==sys.argv[2] and r["date"]=="2024-10-03" and r["error"] is None
for k in ("sentences","actors","events","quotes","timex"): assert isinstance(r[k],list), k
assert r["sentences"]==[{"start":0,"end":44}], r["sentences"]
PY

# 2. several files: one line each, in order
printf 'Talks resumed.\n' > "$T/b.txt"
"$DYAD" code "$T/a.txt" "$T/b.txt" > "$T/out" 2>/dev/null; st=$?
check two-files-exit 0 $st
[ "$(lines "$T/out")" = 2 ] && ok two-files-two-lines || ko two-files-two-lines

# 3. stdin
printf 'Kenya hosted talks.' | "$DYAD" code > "$T/out" 2>/dev/null; st=$?
check stdin-exit 0 $st
[ "$(lines "$T/out")" = 1 ] && ok stdin-one-line || ko stdin-one-line

# 4. empty input: no output, exit 0
: | "$DYAD" code > "$T/out" 2>/dev/null; st=$?
check empty-exit 0 $st
[ ! -s "$T/out" ] && ok empty-no-output || ko empty-no-output
: | "$DYAD" code --jsonl > "$T/out" 2>/dev/null; st=$?
check empty-jsonl-exit 0 $st

# 5. JSONL: good, malformed, missing text, bad date, numeric id, blank line
cat > "$T/in.jsonl" <<'J'
{"id": "d1", "date": "2024-10-03", "text": "Russian forces shelled the town."}
{"id": "d2", "text": "broken
{"id": "d3", "date": "2024-10-03"}
{"id": "d4", "date": "03/10/2024", "text": "Talks."}

{"id": 5, "date": "2024-10-04", "text": "Egypt hosted talks with Israel."}
[1, 2]
J
"$DYAD" code --jsonl "$T/in.jsonl" > "$T/out" 2>"$T/err"; st=$?
check jsonl-errors-exit 1 $st
[ "$(lines "$T/out")" = 6 ] && ok jsonl-one-line-per-record || ko jsonl-one-line-per-record "$(lines "$T/out") lines"
jsonok "$T/out" && ok jsonl-valid-json || ko jsonl-valid-json
python3 - "$T/out" <<'PY' && ok jsonl-error-records || ko jsonl-error-records
import json,sys
rs=[json.loads(l) for l in open(sys.argv[1])]
assert rs[0]["id"]=="d1" and rs[0]["error"] is None
assert rs[1]["id"] is None and rs[1]["line"]==2 and rs[1]["error"]
assert rs[2]["id"]=="d3" and rs[2]["line"]==3 and "text" in rs[2]["error"]
assert rs[3]["id"]=="d4" and rs[3]["line"]==4 and "date" in rs[3]["error"]
assert rs[4]["id"]=="5" and rs[4]["date"]=="2024-10-04" and rs[4]["error"] is None
assert rs[5]["line"]==7 and rs[5]["error"]
PY
grep -q ':2:' "$T/err" && ok jsonl-stderr-names-line || ko jsonl-stderr-names-line

# 6. usage errors: unknown option, unreadable file, bad --date, bad --format
"$DYAD" code --bogus "$T/a.txt" > "$T/out" 2>"$T/err"; st=$?
check unknown-option 2 $st
[ ! -s "$T/out" ] && grep -q usage "$T/err" && ok unknown-option-usage || ko unknown-option-usage
"$DYAD" code "$T/does-not-exist.txt" > "$T/out" 2>"$T/err"; st=$?
check unreadable-file 2 $st
grep -q does-not-exist "$T/err" && ok unreadable-file-named || ko unreadable-file-named
"$DYAD" code --date 2024-13-45x "$T/a.txt" > /dev/null 2>&1; st=$?
check bad-date 2 $st
"$DYAD" code --format xml "$T/a.txt" > /dev/null 2>&1; st=$?
check bad-format 2 $st
"$DYAD" nosuchcommand > /dev/null 2>&1; st=$?
check unknown-command 2 $st

# 7. a document over 16 MiB is an error record, not a crash
python3 -c 'import sys; sys.stdout.write("War. " * (17*1024*1024//5))' > "$T/big.txt"
"$DYAD" code "$T/big.txt" > "$T/out" 2>/dev/null; st=$?
check big-doc-exit 1 $st
python3 - "$T/out" <<'PY' && ok big-doc-error-record || ko big-doc-error-record
import json,sys
rs=[json.loads(l) for l in open(sys.argv[1])]
assert len(rs)==1 and "16 MiB" in rs[0]["error"], rs
PY

# 8. invalid UTF-8 is replaced, never fatal
printf 'Troops \377\376 attacked the town.\n' > "$T/bad.txt"
"$DYAD" code "$T/bad.txt" > "$T/out" 2>/dev/null; st=$?
check invalid-utf8-exit 0 $st
jsonok "$T/out" && ok invalid-utf8-json || ko invalid-utf8-json

# 9. --format events: one object per event with the document id
printf '{"id":"e1","date":"2024-10-03","text":"Russian troops attacked Ukrainian soldiers."}\n' > "$T/e.jsonl"
"$DYAD" code --jsonl --format events "$T/e.jsonl" > "$T/out" 2>/dev/null; st=$?
check events-exit 0 $st
python3 - "$T/out" <<'PY' && ok events-format || ko events-format
import json,sys
rs=[json.loads(l) for l in open(sys.argv[1])]
assert rs and all(r["id"]=="e1" and "code" in r for r in rs), rs
PY

# 10. the bundled example codes with events
"$DYAD" code --date 2025-03-12 examples/*.txt > "$T/out" 2>/dev/null; st=$?
check example-exit 0 $st
python3 - "$T/out" <<'PY' && ok example-has-events || ko example-has-events
import json,sys
r=json.loads(open(sys.argv[1]).readline())
assert len(r["events"])>=3 and len(r["actors"])>=5, (len(r["events"]), len(r["actors"]))
PY

# 11. dict check passes on the shipped dictionaries
"$DYAD" dict check > "$T/out" 2>"$T/err"; st=$?
check dict-check 0 $st

# 12. list-shaped lines whose last noun phrase ends the sentence (a table
# heading, a line-up) parse and code without a crash
"$DYAD" parse --text "Squad : Peter Mills , John Smith" > "$T/out" 2>"$T/err"; st=$?
check list-line-parse 0 $st
printf 'Squad : Peter Mills , John Smith\nReserves : Ann Lee , Tom Cole\n' | "$DYAD" code > "$T/out" 2>"$T/err"; st=$?
check list-line-code 0 $st

[ $fails -eq 0 ]
