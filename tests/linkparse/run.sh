#!/bin/sh
# `dyad parse --parser link`, the link-grammar back-end (src/syntax/link.c):
# subject, verb and object of main clauses (passive, coordination, reported
# speech) in sentences written for this test, sentences link-grammar cannot
# analyse (too long, over the time limit, bytes that are not text), the inputs
# (stdin, '-', several files) and the usage errors (unknown parser; dyad built
# without link-grammar, through BUILD/tests/dyad-nolink). Then `dyad code
# --parser link`: the events (code, source, target) coded on link-grammar's
# analysis, a document with a sentence it cannot parse, JSONL input, the same
# usage errors. Prints PASS/FAIL lines; SKIP (exit 0) when dyad was built
# without link-grammar.
DYAD=${DYAD:-build/dyad}
BUILD=${BUILD:-${1:-build}}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "PASS linkparse/$1"; }
ko() { echo "FAIL linkparse/$1${2:+: $2}"; fails=$((fails+1)); }
check() { # name expected-status actual-status
    if [ "$2" = "$3" ]; then ok "$1"; else ko "$1" "exit $3, want $2"; fi
}
# has NAME FILE TEXT: FILE has the line TEXT
has() { if grep -qxF -- "$3" "$2"; then ok "$1"; else ko "$1" "no line '$3'"; fi; }
# block N FILE: the analysis of sentence N (from "# N " to the next "# ")
block() { awk -v n="$1" '/^# [0-9]+ /{on = ($2 == n)} /^== /{on = 0} on' "$2"; }

# usage errors, whichever way dyad was built
"$DYAD" parse --parser deep --text "Talks resumed." > "$T/out" 2> "$T/err"; st=$?
check unknown-parser-exit 2 $st
grep -q "unknown parser 'deep'" "$T/err" && [ ! -s "$T/out" ] && ok unknown-parser-message ||
    ko unknown-parser-message "$(cat "$T/err")"
"$DYAD" parse --parser > /dev/null 2>&1; check parser-no-value-exit 2 $?
"$DYAD" parse --parser link --link-timeout 0 --text "Talks resumed." > /dev/null 2>&1
check bad-timeout-exit 2 $?

if [ -x "$BUILD/tests/dyad-nolink" ]; then
    "$BUILD/tests/dyad-nolink" parse --parser link --text "Talks resumed." > "$T/out" 2> "$T/err"; st=$?
    check without-link-exit 2 $st
    grep -q "dyad was built without link-grammar" "$T/err" && [ ! -s "$T/out" ] &&
        ok without-link-message || ko without-link-message "$(cat "$T/err")"
    "$BUILD/tests/dyad-nolink" parse --text "Talks resumed." > "$T/out" 2>&1; st=$?
    check without-link-default-parser 0 $st
    echo "Talks resumed." | "$BUILD/tests/dyad-nolink" code --parser link > "$T/out" 2> "$T/err"; st=$?
    check code-without-link-exit 2 $st
    grep -q "dyad was built without link-grammar" "$T/err" && [ ! -s "$T/out" ] &&
        ok code-without-link-message || ko code-without-link-message "$(cat "$T/err")"
    echo "Talks resumed." | "$BUILD/tests/dyad-nolink" code --parser fast > "$T/out" 2>&1; st=$?
    check code-without-link-fast 0 $st
fi
echo "Talks resumed." | "$DYAD" code --parser deep > "$T/out" 2> "$T/err"; st=$?
check code-unknown-parser-exit 2 $st
grep -q "unknown parser 'deep'" "$T/err" && [ ! -s "$T/out" ] && ok code-unknown-parser-message ||
    ko code-unknown-parser-message "$(head -1 "$T/err")"
echo "Talks resumed." | "$DYAD" code --link-timeout x > /dev/null 2>&1; check code-bad-timeout-exit 2 $?

"$DYAD" parse --parser link --text "Talks resumed." > "$T/out" 2> "$T/err"; st=$?
if [ $st -eq 2 ] && grep -q "built without link-grammar" "$T/err"; then
    ok without-link-error
    echo "SKIP linkparse: dyad was built without link-grammar"
    [ $fails -eq 0 ]
    exit
fi
if [ $st -ne 0 ] && grep -q "dictionary was not found" "$T/err"; then
    echo "SKIP linkparse: link-grammar's English dictionary is not installed"
    [ $fails -eq 0 ]
    exit
fi
check link-exit 0 $st

# 1. clauses: subject, verb, object
cat > "$T/s.txt" <<'EOF'
The convoy was attacked by armed men near the border.
France and Germany condemned the strike.
Protesters blocked the road and burned tyres.
The spokesman said the troops had withdrawn from the city.
The talks will resume next month, the minister said.
The government did not sign the accord.
The envoy told journalists that the ceasefire would hold.
Release the detained reporters.
Jürgen Müller met the envoy in Kyiv.
EOF
"$DYAD" parse --parser link "$T/s.txt" > "$T/out" 2> "$T/err"; st=$?
check clauses-exit 0 $st
[ ! -s "$T/err" ] && ok quiet-stderr || ko quiet-stderr "$(head -3 "$T/err")"
[ "$(grep -c '^link: complete$' "$T/out")" = 9 ] && ok clauses-complete ||
    ko clauses-complete "$(grep '^link:' "$T/out" | tr '\n' ' ')"
block 1 "$T/out" > "$T/b"
has passive-verb "$T/b" "vg 0 [was attacked] attack past PASSIVE"
has passive-roles "$T/b" "    subj=[The convoy] agent=[armed men] near=[the border]"
block 2 "$T/out" > "$T/b"
has coord-subject-np "$T/b" "np 0 [France] head=France name=France conj=1"
has coord-subject "$T/b" "    subj=[France] obj=[the strike]"
block 3 "$T/out" > "$T/b"
has coord-verbs-1 "$T/b" "    subj=[Protesters] obj=[the road] conj=vg1"
has coord-verbs-2 "$T/b" "vg 1 [burned] burn past"
[ "$(grep -cxF '    subj=[Protesters] obj=[tyres]' "$T/b")" = 1 ] && ok coord-verbs-2-roles ||
    ko coord-verbs-2-roles
block 4 "$T/out" > "$T/b"
has reported-frame "$T/b" "vg 0 [said] say past SPEECH"
has reported-clause "$T/b" "vg 1 [had withdrawn] withdraw past REPORTED|PERFECT"
has reported-roles "$T/b" "    subj=[the troops] from=[the city] parent=vg0"
block 5 "$T/out" > "$T/b"
has frame-after-clause "$T/b" "vg 0 [will resume] resume future FUTURE|REPORTED"
has frame-after-parent "$T/b" "    subj=[The talks] parent=vg1"
has frame-after-speaker "$T/b" "    subj=[the minister]"
block 6 "$T/out" > "$T/b"
has negation "$T/b" "vg 0 [did not sign] sign past NEG"
has negation-roles "$T/b" "    subj=[The government] obj=[the accord]"
block 7 "$T/out" > "$T/b"
has told-object "$T/b" "    subj=[The envoy] obj=[journalists]"
has told-that-clause "$T/b" "    subj=[the ceasefire] parent=vg0"
block 8 "$T/out" > "$T/b"
has imperative "$T/b" "vg 0 [Release] release - IMPERATIVE"
has imperative-roles "$T/b" "    subj=- obj=[the detained reporters]"
# names with letters outside ASCII (link-grammar reads UTF-8 whatever the
# program's locale)
block 9 "$T/out" > "$T/b"
has utf8-names "$T/b" "    subj=[Jürgen Müller] obj=[the envoy] in=[Kyiv]"
grep -q '^== link-grammar: 9 sentences, 9 complete, 0 partial, 0 failed$' "$T/out" &&
    ok summary-line || ko summary-line
# the default parser is untouched: no link lines, same output as --parser fast
"$DYAD" parse "$T/s.txt" > "$T/fast" 2>/dev/null
"$DYAD" parse --parser fast "$T/s.txt" > "$T/fast2" 2>/dev/null
! grep -q '^link:' "$T/fast" && cmp -s "$T/fast" "$T/fast2" && ok default-parser-unchanged ||
    ko default-parser-unchanged

# 2. sentences it cannot analyse: marked failed, the document goes on
{
    printf 'The'; i=0; while [ $i -lt 130 ]; do printf ' long'; i=$((i+1)); done; printf ' march ended.\n'
    printf 'Talks resumed on Monday.\n'
} > "$T/long.txt"
"$DYAD" parse --parser link "$T/long.txt" > "$T/out" 2> "$T/err"; st=$?
check too-long-exit 0 $st
block 1 "$T/out" | grep -q '^link: failed (too long: ' && ok too-long-marked || ko too-long-marked
block 1 "$T/out" | grep -q '^vg ' && ko too-long-no-clauses || ok too-long-no-clauses
block 2 "$T/out" | grep -qxF '    subj=[Talks] on=[Monday]' && ok after-failure-analysed ||
    ko after-failure-analysed "$(block 2 "$T/out" | tr '\n' ' ')"

# a sentence of 110 words with many readings against a limit of 1 s: either
# it times out (marked) or it is parsed; never more than the limit twice over
awk 'BEGIN { srand(7); split("the army said that police in the town near the river attacked and burned houses of rebels with guns on Monday while officials of the ministry told reporters who had seen the men that talks would resume", w, " ");
  s = "The"; for (i = 0; i < 110; i++) s = s " " w[1 + int(rand() * length(w))]; print s "."; print "Talks resumed." }' > "$T/slow.txt"
start=$(date +%s)
"$DYAD" parse --parser link --link-timeout 1 "$T/slow.txt" > "$T/out" 2> "$T/err"; st=$?
took=$(( $(date +%s) - start ))
check timeout-exit 0 $st
block 1 "$T/out" | grep -qE '^link: (failed \(timeout after 1 s\)|complete|partial)' && ok timeout-marked ||
    ko timeout-marked "$(block 1 "$T/out" | grep '^link')"
[ $took -le 8 ] && ok timeout-bounded || ko timeout-bounded "${took}s"
block 2 "$T/out" | grep -q '^link: complete$' && ok timeout-next-sentence || ko timeout-next-sentence

# bytes that are not text (invalid UTF-8, control characters, NUL) and a
# sentence of punctuation only
printf 'Police \377\376 arrested \001 two men.\n\000Then nothing.\n!!! ??? ...\n' > "$T/bad.txt"
"$DYAD" parse --parser link "$T/bad.txt" > "$T/out" 2> "$T/err"; st=$?
check bad-bytes-exit 0 $st
[ "$(grep -c '^link: ' "$T/out")" = "$(grep -c '^# [0-9]' "$T/out")" ] && grep -q '^# 1 ' "$T/out" &&
    ok bad-bytes-every-sentence || ko bad-bytes-every-sentence

# 3. inputs: stdin, '-', several files, empty input
printf 'The army shelled the town.\n' | "$DYAD" parse --parser link > "$T/out" 2>/dev/null; st=$?
check stdin-exit 0 $st
grep -qxF '    subj=[The army] obj=[the town]' "$T/out" && ok stdin-roles || ko stdin-roles
printf 'Talks resumed.\n' > "$T/b.txt"
printf 'The army shelled the town.\n' | "$DYAD" parse --parser link "$T/b.txt" - > "$T/out" 2>/dev/null; st=$?
check files-exit 0 $st
[ "$(grep -c '^== file ' "$T/out")" = 2 ] && grep -qxF "== file -" "$T/out" && ok files-headers ||
    ko files-headers
: | "$DYAD" parse --parser link > "$T/out" 2>/dev/null; st=$?
check empty-exit 0 $st
"$DYAD" parse --parser link "$T/missing.txt" > "$T/out" 2>/dev/null; st=$?
check missing-file-exit 2 $st

# 4. dyad code --parser link: the whole pipeline on link-grammar's analysis
# ev FILE: "sentence code source-code target-code" per event of a
# --format events output ("-" for an actor without a code or no actor)
ev() {
    sed -e 's/^{"id":[^,]*,"sentence":\([0-9]*\),"code":"\([0-9]*\)".*"source":\(null\|{[^}]*"code":"\([A-Z]*\)"[^}]*}\),"target":\(null\|{[^}]*"code":"\([A-Z]*\)"[^}]*}\).*/\1 \2 \4 \6/' \
        -e 's/  / - /; s/ $/ -/' "$1"
}
cat > "$T/c.txt" <<'EOF'
Turkish troops shelled a Syrian village on Tuesday.
The Kenyan ambassador was expelled by the Somali government.
EOF
"$DYAD" code --parser link --date 2024-05-01 --format events "$T/c.txt" > "$T/out" 2> "$T/err"; st=$?
check code-exit 0 $st
[ ! -s "$T/err" ] && ok code-quiet-stderr || ko code-quiet-stderr "$(head -3 "$T/err")"
ev "$T/out" > "$T/ev"
has code-clause "$T/ev" "0 194 TURMIL SYR"
has code-passive "$T/ev" "1 161 SOMGOV KENGOV"
[ "$(wc -l < "$T/ev")" -eq 2 ] && ok code-event-count || ko code-event-count "$(tr '\n' ';' < "$T/ev")"
# the default is the fast parser, and --parser fast is the default
"$DYAD" code --date 2024-05-01 "$T/c.txt" > "$T/fast" 2>/dev/null
"$DYAD" code --parser fast --date 2024-05-01 "$T/c.txt" > "$T/fast2" 2>/dev/null
cmp -s "$T/fast" "$T/fast2" && ok code-fast-is-default || ko code-fast-is-default

# a sentence link-grammar does not parse (over its length limit) gets no
# events with link (the fast parser codes it), the next one does; the
# document record is whole
{
    printf 'Turkish troops shelled a Syrian village near the border'
    i=0; while [ $i -lt 70 ]; do printf ', farms'; i=$((i+1)); done
    printf ' and roads.\nThe Kenyan ambassador was expelled by the Somali government.\n'
} > "$T/clong.txt"
"$DYAD" code --parser link --date 2024-05-01 "$T/clong.txt" > "$T/out" 2> "$T/err"; st=$?
check code-failed-sentence-exit 0 $st
[ "$(wc -l < "$T/out")" -eq 1 ] && grep -q '"error":null' "$T/out" &&
    grep -q '"sentences":\[{"start":0,"end":[0-9]*},{"start":[0-9]*,"end":[0-9]*}\]' "$T/out" &&
    ok code-failed-sentence-record || ko code-failed-sentence-record "$(head -c 300 "$T/out")"
"$DYAD" code --parser link --date 2024-05-01 --format events "$T/clong.txt" > "$T/out" 2>/dev/null
ev "$T/out" > "$T/ev"
[ "$(cat "$T/ev")" = "1 161 SOMGOV KENGOV" ] && ok code-failed-sentence-events ||
    ko code-failed-sentence-events "$(tr '\n' ';' < "$T/ev")"
"$DYAD" code --date 2024-05-01 --format events "$T/clong.txt" > "$T/out" 2>/dev/null
ev "$T/out" | grep -q '^0 194 ' && ok code-failed-sentence-fast || ko code-failed-sentence-fast

# JSONL: one record per line, with the time limit option
printf '%s\n' '{"id":"a","date":"2024-05-01","text":"Turkish troops shelled a Syrian village."}' \
    '{"id":"b","date":"2024-05-01","text":"Talks"}' \
    '{"id":"c","date":"2024-05-01","text":"The Kenyan ambassador was expelled by the Somali government."}' |
    "$DYAD" code --jsonl --parser link --link-timeout 2 > "$T/out" 2> "$T/err"; st=$?
check code-jsonl-exit 0 $st
[ "$(cut -c1-9 "$T/out" | tr '\n' ' ')" = '{"id":"a" {"id":"b" {"id":"c" ' ] && ok code-jsonl-records ||
    ko code-jsonl-records "$(cut -c1-9 "$T/out" | tr '\n' ' ')"
grep '^{"id":"c"' "$T/out" | grep -q '"code":"161"' && ok code-jsonl-events || ko code-jsonl-events

[ $fails -eq 0 ]
