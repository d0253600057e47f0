#!/bin/sh
# tests/places/run.sh BUILD - the place stage (issue 6, docs/places.md): the
# cases of tests/places/cases.txt, a context without a gazetteer index or with
# a broken one (it loads and finds no place), an index built without the
# cities data (countries and subdivisions only), and the sample article of
# ../shared when present. Prints PASS/FAIL lines; exits 1 if any failed.
BUILD=${1:-build}
T="$BUILD/places-test"
E="$BUILD/places-eval"
fails=0
ok() { echo "PASS places/$1"; }
ko() { echo "FAIL places/$1${2:+: $2}"; fails=$((fails+1)); }
if [ ! -x "$T" ] || [ ! -f "$BUILD/gaz.bin" ]; then
    ko build "$T or $BUILD/gaz.bin missing (run make)"
    exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$T" tests/places/cases.txt || fails=$((fails+1))

count() { "$T" --count "$1" 2>/dev/null | cut -d' ' -f1; }
TXT="Leaders met in Paris and in Kyiv on Monday."
[ "$(count "$TXT")" = 2 ] && ok index-found || ko index-found "want 2 places with the index"
[ "$(DYAD_GAZ=$TMP/none.bin count "$TXT")" = 0 ] && ok no-index-no-places ||
    ko no-index-no-places "a missing index must load and give 0 places"
head -c 4000 "$BUILD/gaz.bin" > "$TMP/short.bin"
[ "$(DYAD_GAZ=$TMP/short.bin count "$TXT")" = 0 ] && ok truncated-index-refused ||
    ko truncated-index-refused
printf 'DYGAZ01\000garbage garbage garbage garbage garbage garbage garbage garbage' > "$TMP/junk.bin"
[ "$(DYAD_GAZ=$TMP/junk.bin count "$TXT")" = 0 ] && ok junk-index-refused || ko junk-index-refused
# damaged words across the file (header, places, slots, candidates, names):
# the index is refused or used, never a crash
size=$(wc -c < "$BUILD/gaz.bin")
crash=""
for k in 0 1 2 3 4 5 6 7 8 9 10 11 12; do
    off=$(( k == 0 ? 12 : size / 13 * k ))
    cp "$BUILD/gaz.bin" "$TMP/flip.bin"
    printf '\377\377\377\177' | dd of="$TMP/flip.bin" bs=1 seek=$off conv=notrunc 2>/dev/null
    DYAD_GAZ=$TMP/flip.bin "$T" --count "$TXT" > /dev/null 2>&1 || crash="$crash $off"
done
[ -z "$crash" ] && ok damaged-index-no-crash || ko damaged-index-no-crash "at offsets$crash"

# without the cities data: countries and subdivisions still resolve
if ASAN_OPTIONS=detect_leaks=0 "$BUILD/mkgaz" -o "$TMP/nocity.bin" -d data/places 2>/dev/null; then
    out=$(DYAD_GAZ=$TMP/nocity.bin "$T" --count "Shelling continued in the Donetsk region and inside Russia." 2>/dev/null)
    case "$out" in
    "2 [Donetsk Oblast UKR UA-14 adm1"*"[Russia RUS - country"*) ok degraded-index ;;
    *) ko degraded-index "got: $out" ;;
    esac
else
    ko degraded-index "mkgaz failed without the cities data"
fi

SAMPLE=../shared/samples/nato-rutte-kyiv-2024-10-03.txt
if [ -f "$SAMPLE" ] && [ -x "$E" ]; then
    "$E" --sample "$SAMPLE" 2024-10-03 > "$TMP/sample.out" 2>&1
    if grep -q '^PASS' "$TMP/sample.out" && ! grep -q '^FAIL' "$TMP/sample.out"; then
        ok sample-kyiv-vuhledar
    else
        ko sample-kyiv-vuhledar "$(grep -E '^FAIL' "$TMP/sample.out" | tr '\n' ' ')"
    fi
else
    echo "SKIP places/sample-kyiv-vuhledar: $SAMPLE not found"
fi
[ $fails -eq 0 ]
