#!/bin/sh
# `make install PREFIX=...` installs program, library, header, pkg-config file
# and data; the installed program codes with the installed data, and a small
# program builds against the installed library through pkg-config.
if [ -n "${SANITIZE:-}" ]; then echo "SKIP install (sanitizer build)"; exit 0; fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fails=0
if make --no-print-directory install PREFIX="$T/usr" > "$T/log" 2>&1; then echo "PASS install/make-install"; else echo "FAIL install/make-install"; cat "$T/log"; exit 1; fi
for f in bin/dyad lib/libdyad.a lib/libdyad.so include/dyad.h lib/pkgconfig/dyad.pc share/dyad/abbreviations.txt share/dyad/cameo/codes.tsv; do
    if [ -e "$T/usr/$f" ]; then echo "PASS install/has-$f"; else echo "FAIL install/has-$f"; fails=$((fails+1)); fi
done
if printf 'Kenya hosted talks with Somalia.' | "$T/usr/bin/dyad" code --data "$T/usr/share/dyad" | grep -q '"events"'; then
    echo "PASS install/installed-program-codes"; else echo "FAIL install/installed-program-codes"; fails=$((fails+1)); fi
cat > "$T/p.c" <<'C'
#include <dyad.h>
#include <stdio.h>
int main(void) { dyad_ctx *c; char e[256];
  if (dyad_ctx_new(DATA, &c, e, sizeof e)) { puts(e); return 1; }
  dyad_doc *d = dyad_doc_new();
  dyad_code(c, d, "Egypt hosted talks with Israel.", 31, "2024-10-03");
  printf("%zu\n", dyad_doc_sentence_count(d));
  dyad_doc_free(d); dyad_ctx_free(c); return 0; }
C
if PKG_CONFIG_PATH="$T/usr/lib/pkgconfig" cc -DDATA="\"$T/usr/share/dyad\"" -o "$T/p" "$T/p.c" \
    $(PKG_CONFIG_PATH="$T/usr/lib/pkgconfig" pkg-config --cflags --libs --static dyad) 2>"$T/cc.log" && [ "$(LD_LIBRARY_PATH="$T/usr/lib" "$T/p")" = 1 ]; then
    echo "PASS install/pkg-config-build"; else echo "FAIL install/pkg-config-build"; cat "$T/cc.log"; fails=$((fails+1)); fi
if make --no-print-directory symbols > "$T/sym" 2>&1; then echo "PASS install/exported-symbols-prefixed"; else echo "FAIL install/exported-symbols-prefixed"; cat "$T/sym"; fails=$((fails+1)); fi
[ $fails -eq 0 ]
