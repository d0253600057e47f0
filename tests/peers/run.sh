#!/bin/sh
# tests/peers/run.sh BUILD - reading the dictionaries of earlier coders
# (`--dict-format petrarch`, src/compat, docs/compat.md). Prints PASS/FAIL lines
# and exits 1 when one failed:
#  - small PETRARCH and TABARI dictionaries written here: what they load into
#    (actors with dated codes, synonyms, agents, verb patterns), and events
#    coded the way those coders do (agents, synsets, paired codes, compounds,
#    discards, TABARI stems, weak codes, comma clauses, minimum length);
#  - malformed lines: a message naming file and line, never a crash (and a
#    few hundred deterministic mutations of the dictionaries);
#  - the peer suites of ../shared/eval/peer-suites (third-party material, read
#    by path and never copied here; SKIP when absent): loading every
#    dictionary there, and the pass rates of eval/peers_eval.py kept at or
#    above the floors below.
BUILD=${1:-${BUILD:-build}}
DYAD=${DYAD:-$BUILD/dyad}
PEERS=${PEERS:-../shared/eval/peer-suites}
# Records that must keep passing: just under the figures of docs/compat.md
# (250 of 273 and 381 of 439 records). PETRARCH mode reads the tagger's verbs,
# so a change of the syntax stage may move its figure by a record or two.
FLOOR_PETRARCH1=${FLOOR_PETRARCH1:-246}
FLOOR_TABARI=${FLOOR_TABARI:-377}

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
ok() { echo "PASS peers/$1"; }
ko() { echo "FAIL peers/$1${2:+: $2}"; fails=$((fails+1)); }
# code TEXT with the dictionaries of DIR on DATE; the JSON record into $T/out
code() { printf '%s' "$3" | "$DYAD" code --dict-format petrarch --dict-dir "$1" --date "$2" \
           > "$T/out" 2> "$T/err"; }
has() { grep -q -- "$1" "$T/out"; }
# a status that is a crash (signal, sanitizer report)
crashed() { [ "$1" -ge 2 ] || grep -q 'Sanitizer\|runtime error' "$T/err"; }

# ---- a small PETRARCH dictionary set ----
D="$T/petr"
mkdir -p "$D"
cat > "$D/Test.actors.txt" <<'EOF'
<!-- PETRARCH test actors
     several lines of comment -->
ARNOR_  [ARN]   # a country
+ARNORIAN
GONDOR [GON]
+MINAS_TIRITH
SAM_GAMGEE [HOB]  ; default
	[HOBCIV <20080120]
	[HOBMIL 20080120-20121109]
	[HOBGOV >20121109]
LORIEN [ELR/GAL]
BOROMIR [---]
EOF
cat > "$D/Test.agents.txt" <<'EOF'
!PERSON! = MAN, MEN
TROOPS {} [~MIL]
FOREIGN_MINISTER [~GOVFRM]
CONGRESS!PERSON! [~LEG]
MSF {} [NGO~]
EOF
cat > "$D/Test.discards.txt" <<'EOF'
BASEBALL
+WORLD GOLF CHAMPIONSHIPS
EOF
cat > "$D/Test.verbs.txt" <<'EOF'
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE
- * &TIETYPES TIES [902]
- * FULL_DIPLOMATIC TIES [901]

--- ATTACK [190] ---
ATTACK {ATTACKED}
- * + WITH ROCKETS [195]

--- MEET [031:031] ---
MEET
EOF
if "$DYAD" code --dict-format petrarch --dict-dir "$D" < /dev/null > "$T/out" 2> "$T/err"; then
    ok petrarch-load
else
    ko petrarch-load "$(cat "$T/err")"
fi
code "$D" 1995-01-01 "Arnor restored relations with Gondor."
has '"code":"ARN"' && has '"code":"GON"' && ok actors || ko actors "$(cat "$T/out")"
has '"code":"064"' && ok verb-code || ko verb-code "$(cat "$T/out")"
code "$D" 1995-01-01 "The Arnorian troops entered Minas Tirith."
has '"code":"ARNMIL"' && has '"text":"Minas Tirith","code":"GON"' && ok synonyms-agents \
    || ko synonyms-agents "$(cat "$T/out")"
for dc in 2001-05-05:HOBCIV 2010-05-05:HOBMIL 2014-05-05:HOBGOV; do
    code "$D" "${dc%%:*}" "Sam Gamgee met officials."
    has "\"code\":\"${dc##*:}\"" && ok "dated-code-${dc##*:}" || ko "dated-code-${dc##*:}" "$(cat "$T/out")"
done
# the null code [---]: the name is known (nothing shorter matches in it) but
# has no code, so it is no actor of an event
code "$D" 1995-01-01 "Boromir attacked Gondor."
! has '"text":"Boromir","code":"[A-Z]' && ! has '"code":"190"' && ok null-code || ko null-code "$(cat "$T/out")"

# coding the way PETRARCH does (src/compat/petr_code.c, petr_men.c): events as
# "SOURCE/TARGET/CODE" triples
events() { python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted("%s/%s/%s" % (e["source"]["code"], e["target"]["code"], e["code"])
                      for e in d["events"])))' "$T/out"; }
expect() { # name dictionary date text expected-events
    code "$2" "$3" "$4"
    got=$(events)
    [ "$got" = "$5" ] && ok "$1" || ko "$1" "expected '$5', got '$got' for: $4"
}
if command -v python3 > /dev/null; then
    expect prefix-agent-pattern "$D" 1995-01-01 "MSF Arnor attacked Gondor with rockets." \
        "NGOARN/GON/195"
    expect synset "$D" 1995-01-01 "Arnor restored military ties with Gondor." "ARN/GON/902"
    expect paired-compound "$D" 1995-01-01 "Arnor and Gondor met in Minas Tirith." \
        "ARN/GON/031 GON/ARN/031"
    expect irregular-form "$D" 1995-01-01 "Arnor met Gondor." "ARN/GON/031 GON/ARN/031"
    expect two-actor-code "$D" 1995-01-01 "Lorien attacked Gondor." "ELR/GON/190 GAL/GON/190"
    expect dyads-only "$D" 1995-01-01 "Arnor attacked quickly." ""
    expect sentence-discard "$D" 1995-01-01 "Arnor attacked Gondor, a baseball fan said." ""
fi

# ---- a small TABARI dictionary set (.project names the files) ----
D2="$T/tab"
mkdir -p "$D2"
cat > "$D2/Test.project" <<'EOF'
<actorsfile>  Test.actors
<verbsfile>   Test.verbs
<agentsfile>  Test.agents
EOF
cat > "$D2/Test.actors" <<'EOF'
<NOUN>
FORCES_
</NOUN>
ARNOR  [ARN]
GONDOR
+MINAS_TIRITH
	[GON]
ALBRIGHT  [USAGOV 991201-010114] [---] ;ems 02 Feb 2001
VOLLEYBALL  [+++]
~~FINISH 16:47 CDT Thu 05 May 2005
THIS LINE IS AFTER THE END [[[
EOF
cat > "$D2/Test.agents" <<'EOF'
AMBASSADOR_  [ ~GOV] ;LRP 02 Jun 2004
EOF
cat > "$D2/Test.verbs" <<'EOF'
<SYNSETS>
&CURRENCY
+DOLLAR
+SWISS_FRANC
</SYNSETS>
<TIME>
LAST_WEEK [-7]
</TIME>
CONTRIBUT  [070] ;tony  3/12/91
- * &CURRENCY [071]
ACCORD  [---]
- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]
VISIT_ [032:033]
SAID  [023?]
~~FINISH
EOF
if "$DYAD" code --dict-dir "$D2/Test.project" < /dev/null > "$T/out" 2> "$T/err"; then
    ok tabari-project-load
else
    ko tabari-project-load "$(cat "$T/err")"
fi
code "$D2" 1995-01-01 "The Arnor ambassador visited Gondor on Monday after the talks."
has '"code":"ARNGOV"' && has '"code":"032"' && ok tabari-code || ko tabari-code "$(cat "$T/out")"
# coding the way TABARI does: stems, paired codes, fewer than 8 words not
# coded, weak codes, subordinate phrases between commas, discard actors
if command -v python3 > /dev/null; then
    expect tabari-stem-paired "$D2" 1995-01-01 \
        "The Arnorian ambassador visited Gondor on Monday after the talks." \
        "ARNGOV/GON/032 GON/ARNGOV/033"
    expect tabari-min-words "$D2" 1995-01-01 "The Arnor ambassador visited Gondor." ""
    expect tabari-weak-code "$D2" 1995-01-01 \
        "Arnor said on Monday that it would contribute dollars to Gondor." "ARN/GON/071"
    expect tabari-weak-alone "$D2" 1995-01-01 \
        "Arnor said on Monday that Gondor was a fine neighbour." "ARN/GON/023"
    expect tabari-dated-actor "$D2" 2000-06-01 \
        "Arnor visited the capital with Albright at his side on Monday." \
        "ARN/USAGOV/032 USAGOV/ARN/033"
    expect tabari-comma-clause "$D2" 2000-06-01 \
        "Arnor visited, with Albright at his side, the capital on Monday." ""
    expect tabari-discard-actor "$D2" 1995-01-01 \
        "Arnor visited Gondor for a volleyball match on Monday." ""
fi

# ---- malformed lines: file and line named, exit status 1, no crash ----
bad() { # name file-in-$T/bad content expected-line
    rm -rf "$T/bad"
    mkdir -p "$T/bad"
    cp "$D/Test.actors.txt" "$D/Test.verbs.txt" "$T/bad/"
    printf '%s\n' "$3" > "$T/bad/$2"
    "$DYAD" code --dict-dir "$T/bad" < /dev/null > "$T/out" 2> "$T/err"
    st=$?
    if crashed $st; then
        ko "bad-$1" "crashed (status $st): $(head -3 "$T/err")"
    elif [ $st -ne 1 ] || ! grep -q "$2:$4:" "$T/err"; then
        ko "bad-$1" "status $st, message: $(cat "$T/err")"
    else
        ok "bad-$1"
    fi
}
bad unclosed-bracket Test.actors.txt "$(printf 'ARNOR [ARN]\nGONDOR [GON')" 2
bad bad-date Test.actors.txt "$(printf 'SAM\n  [HOB 2008013-]')" 2
bad date-only Test.actors.txt "[950601-990815]" 1
bad code-line-first Test.actors.txt "  [ARN]" 1
bad pattern-no-code Test.verbs.txt "$(printf -- '--- X [010] ---\nX\n- * Y')" 3
bad pattern-no-verb Test.verbs.txt "$(printf -- '--- X [010] ---\nX\n- Y Z [011]')" 3
bad pattern-outside Test.verbs.txt "- * Y [011]" 1
bad unclosed-brace Test.verbs.txt "$(printf -- '--- X [010] ---\nX\n- * { A | B [011]')" 3
bad bad-code Test.verbs.txt "$(printf -- '--- X [01@] ---')" 1
bad agent-no-code Test.agents.txt "$(printf 'TROOPS [~MIL]\nPOLICE')" 2
bad agent-macro Test.agents.txt "CONGRESS!NOPE! [~LEG]" 1
if "$DYAD" code --dict-dir "$T/nowhere" < /dev/null > "$T/out" 2> "$T/err"; [ $? -eq 1 ] &&
    grep -q 'nowhere' "$T/err"; then ok bad-no-directory; else ko bad-no-directory "$(cat "$T/err")"; fi

# deterministic mutations of the dictionaries: never a crash
if command -v awk > /dev/null; then
    crash=0
    for seed in $(seq 1 60); do
        rm -rf "$T/mut"
        mkdir -p "$T/mut"
        for f in "$D"/*.txt; do
            awk -v seed="$seed" 'BEGIN { srand(seed); split("[ ] { } ( ) | _ + $ ^ % & ~ = ! - # ; < > * : /", ch, " ") }
                { s = $0
                  if (rand() < 0.3 && length(s) > 0) { p = int(rand() * length(s)); s = substr(s, 1, p) ch[int(rand() * 24) + 1] substr(s, p + 1) }
                  if (rand() < 0.15 && length(s) > 0) { p = int(rand() * length(s)); s = substr(s, 1, p) substr(s, p + 2) }
                  if (rand() < 0.05) s = s s
                  print s }' "$f" > "$T/mut/$(basename "$f")"
        done
        printf 'Arnor attacked Gondor with rockets. Sam Gamgee met the Arnorian troops in Lorien.' |
            "$DYAD" code --dict-dir "$T/mut" --date 2010-01-01 > "$T/out" 2> "$T/err"
        st=$?
        if crashed $st; then
            crash=1
            ko mutations "seed $seed: status $st: $(head -5 "$T/err")"
            break
        fi
    done
    [ $crash = 0 ] && ok mutations
fi

# ---- the peer suites (SKIP when absent) ----
if [ ! -d "$PEERS" ]; then
    echo "SKIP peers/suites: $PEERS not found (the peer suites live outside the project)"
elif ! command -v python3 > /dev/null; then
    echo "SKIP peers/suites: python3 not found"
else
    for d in "$PEERS"/petrarch1 "$PEERS"/petrarch2 "$PEERS"/universal-petrarch "$PEERS"/tabari; do
        [ -d "$d" ] || continue
        n=$(basename "$d")
        if "$DYAD" code --dict-dir "$d" < /dev/null > "$T/out" 2> "$T/err"; then
            ok "load-$n"
        else
            ko "load-$n" "$(cat "$T/err")"
        fi
    done
    printf 'petrarch1 %s\ntabari %s\n' "$FLOOR_PETRARCH1" "$FLOOR_TABARI" > "$T/floors"
    python3 eval/peers_eval.py --dyad "$DYAD" --peers "$PEERS" --floor "$T/floors" > "$T/eval" 2>&1
    st=$?
    grep -E '^(PASS|FAIL) ' "$T/eval"
    grep -q '^PASS peers/' "$T/eval" || { ko suites "$(cat "$T/eval")"; }
    [ $st -eq 0 ] || fails=$((fails+1))
    grep -E 'records pass' "$T/eval" | sed 's/^/# /'
fi

[ $fails -eq 0 ]
