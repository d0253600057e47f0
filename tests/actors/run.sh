#!/bin/sh
# tests/actors/run.sh [BUILD] - the actor cases of tests/actors/cases.txt (text
# in, actor mentions with codes and references out) through `dyad code`, and
# `dyad dict check` on the shipped dictionaries and on broken ones.
# Prints PASS/FAIL per case; exit status 1 when one fails.
BUILD=${1:-${BUILD:-build}}
DYAD=${DYAD:-$BUILD/dyad}
dir=$(dirname "$0")
fail=0
if "$DYAD" dict check > "$BUILD/dict-check.out" 2>&1; then
    echo "PASS actors/dict-check"
else
    cat "$BUILD/dict-check.out"
    echo "FAIL actors/dict-check"
    fail=1
fi
# a dictionary with problems: every one reported with file and line, exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-actors.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for f in "$dir/../../data"/*; do
    [ "$(basename "$f")" = actors ] || ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$tmp/"
done
mkdir "$tmp/actors"
cp "$dir/../../data/actors/"*.txt "$tmp/actors/"
cat > "$tmp/actors/zz-broken.txt" <<'DICT'
Freedonia | Freedonian => FRD ; @country
Sylvania => FRDGOV ; SYLGOV 2001-01-01..2005-12-31 ; SYLMIL 2004-01-01..
Freedonian troops | Freedonian troops => FRDMIL
Kremlin => RUSGOV
Rufus Firefly => FRD ; FRDXXX 1933-01-01..
DICT
"$DYAD" dict check --data "$tmp" > "$tmp/out" 2>&1
rc=$?
want="zz-broken.txt:2: overlapping date ranges
zz-broken.txt:3: phrase 'Freedonian troops' written twice
zz-broken.txt:4: duplicate phrase 'Kremlin' (kept by"
missing=0
printf '%s\n' "$want" | while IFS= read -r w; do
    grep -qF "$w" "$tmp/out" || { echo "     missing: $w"; exit 1; }
done || missing=1
grep -q "zz-broken.txt:2: code 'SYLGOV'" "$tmp/out" || missing=1
grep -q "zz-broken.txt:5: code 'FRDXXX': 'XXX' is no role" "$tmp/out" || missing=1
if [ "$rc" -eq 1 ] && [ "$missing" -eq 0 ]; then
    echo "PASS actors/dict-check-problems"
else
    cat "$tmp/out"
    echo "FAIL actors/dict-check-problems (exit $rc)"
    fail=1
fi
# a malformed line stops the load, naming file and line
printf 'Freedonia => frd\n' > "$tmp/actors/zz-broken.txt"
"$DYAD" dict check --data "$tmp" > "$tmp/out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && grep -q "zz-broken.txt:1: bad code 'frd'" "$tmp/out"; then
    echo "PASS actors/dict-load-error"
else
    cat "$tmp/out"
    echo "FAIL actors/dict-load-error (exit $rc)"
    fail=1
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP actors/cases: python3 not found"
    exit $fail
fi
python3 "$dir/check.py" "$DYAD" "$dir/cases.txt" || fail=1
# the mention array grows while names in apposition, quote speakers and
# places are added to it: documents with 0..80 mentions before them, so that
# each of those additions meets a growth of the array in some document (run
# under ASan by the sanitize pass, a stale pointer into the array aborts)
python3 - "$tmp/grow.jsonl" <<'PY'
import json, sys
filler = ["Peru", "Chile", "Bolivian troops", "Ecuadorean police", "the Brazilian army"]
with open(sys.argv[1], "w") as f:
    for k in range(81):
        pre = " ".join("%s met %s." % (filler[i % 5], filler[(i + 1) % 5]) for i in range(k // 2))
        text = (pre + " The defence minister, Ana Petrova, said the army was ready. "
                "\u201cWe will not wait,\u201d she said. Colombian troops captured the town of "
                "Cucuta, the spokesman, Rafael Ortiz, said.")
        f.write(json.dumps({"id": str(k), "text": text}) + "\n")
PY
if "$DYAD" code --jsonl "$tmp/grow.jsonl" > "$tmp/grow.out" 2> "$tmp/grow.err" &&
   [ "$(wc -l < "$tmp/grow.out")" -eq 81 ]; then
    echo "PASS actors/mention-array-growth"
else
    head -20 "$tmp/grow.err"
    echo "FAIL actors/mention-array-growth"
    fail=1
fi
exit $fail
