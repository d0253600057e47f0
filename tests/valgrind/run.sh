#!/bin/sh
# Memory check: the bundled example and a JSONL stream with malformed lines
# under valgrind (no errors, no leaks). Skipped in the sanitizer pass and when
# valgrind is absent.
DYAD=${DYAD:-build/dyad}
if [ -n "${SANITIZE:-}" ]; then echo "SKIP valgrind (sanitizer build)"; exit 0; fi
if ! command -v valgrind >/dev/null 2>&1; then echo "SKIP valgrind (not installed)"; exit 0; fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fails=0
vg() { # name args...
    name=$1; shift
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        "$DYAD" "$@" > "$T/out" 2> "$T/err" < "${STDIN:-/dev/null}"; then
        echo "PASS valgrind/$name"
    else
        st=$?
        if [ $st -eq 99 ]; then echo "FAIL valgrind/$name"; cat "$T/err"; fails=$((fails+1));
        else echo "PASS valgrind/$name (exit $st, no memory errors)"; fi
    fi
}
vg example code --date 2025-03-12 examples/un-envoy-sudan-2025-03-12.txt
printf '{"id":"a","date":"2024-10-03","text":"Russian troops shelled the town."}\nnot json\n{"id":"b"}\n' > "$T/in.jsonl"
vg jsonl code --jsonl "$T/in.jsonl"
vg parse parse --date 2024-10-03 --text "The envoy said he would visit Kenya next week."
vg dict-check dict check
if [ -f ../shared/samples/nato-rutte-kyiv-2024-10-03.txt ]; then
    vg shared-sample code --date 2024-10-03 ../shared/samples/nato-rutte-kyiv-2024-10-03.txt
fi
[ $fails -eq 0 ]
