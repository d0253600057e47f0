# dyad - political event-data coder. Plain GNU make.
#   make            build/libdyad.a, build/libdyad.so, build/dyad
#   make check      every test (unit, data-driven, CLI, sanitizers, fuzz smoke)
#   make bench      the speed benchmark
#   make eval       accuracy on ../shared gold (skips when ../shared is absent)
#   make install PREFIX=/usr/local
CC      ?= cc
PREFIX  ?= /usr/local
OPT     ?= -O3
BUILD   ?= build
PKGS    := libutf8proc libcjson sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -lcjson -lsqlite3)
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wshadow -Wno-unused-parameter
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -fPIC \
  -fvisibility=hidden -Iinclude $(PKG_CFLAGS) \
  -DDYAD_BUILD_DATA='"$(CURDIR)/data"' -DDYAD_PREFIX_DATA='"$(PREFIX)/share/dyad"' $(CFLAGS)
LDLIBS  := $(PKG_LIBS) -lm

LIB_SRC := $(sort $(wildcard src/util/*.c src/text/*.c src/syntax/*.c src/actors/*.c \
             src/events/*.c src/context/*.c src/output/*.c src/store/*.c src/core/*.c \
             src/compat/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c src/server/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
CLI_LIBS := $(if $(wildcard src/server/*.c),-lcivetweb,)

all: $(BUILD)/libdyad.a $(BUILD)/libdyad.so $(BUILD)/dyad

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libdyad.so: $(LIB_OBJ)
	$(CC) -shared -o $@ $^ $(LDLIBS)

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS) $(CLI_LIBS)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---- tests ----
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

check: all unit
	@sh tests/run-tests.sh $(BUILD)
	@$(MAKE) --no-print-directory sanitize
	@$(MAKE) --no-print-directory fuzz-smoke
	@sh tests/summary.sh

# The whole test suite again, built with ASan+UBSan (separate build tree).
sanitize:
	@$(MAKE) --no-print-directory BUILD=build/asan CC=clang OPT=-O1 \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  all $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run-tests.sh build/asan --unit

FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
# The library once, instrumented for coverage and built with ASan+UBSan.
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Iinclude -Isrc \
  $(PKG_CFLAGS) -DDYAD_BUILD_DATA='"$(CURDIR)/data"' -DDYAD_PREFIX_DATA='"$(PREFIX)/share/dyad"'
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzz/obj/%.o)
build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -MMD -MP -c $< -o $@
build/fuzz/libdyad-fuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^
build/fuzz/%: fuzz/%.c build/fuzz/libdyad-fuzz.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< build/fuzz/libdyad-fuzz.a $(LDLIBS)
-include $(FUZZ_OBJ:.o=.d)

FUZZ_SECONDS ?= 20
fuzz-smoke: $(FUZZ_BIN)
	@sh tests/run-fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

# ---- benchmark and evaluation ----
$(BUILD)/bench: bench/bench.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

bench: all $(BUILD)/bench
	@sh bench/run.sh $(BUILD)

eval: all
	@sh eval/run.sh $(BUILD)

# ---- install ----
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/dyad
	install -m 755 $(BUILD)/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(BUILD)/libdyad.a $(DESTDIR)$(PREFIX)/lib/libdyad.a
	install -m 755 $(BUILD)/libdyad.so $(DESTDIR)$(PREFIX)/lib/libdyad.so
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h
	cp -R data/. $(DESTDIR)$(PREFIX)/share/dyad/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LINK_GRAMMAR_LIBS@|$(LINK_GRAMMAR_LIBS)|' dyad.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/dyad.pc

# Every exported symbol must carry the dyad_ prefix.
symbols: $(BUILD)/libdyad.so
	@bad=$$(nm -D --defined-only $(BUILD)/libdyad.so | awk '$$2 ~ /[TDBR]/ {print $$3}' | grep -v '^dyad_' | grep -v '^_' || true); \
	if [ -n "$$bad" ]; then echo "unprefixed exported symbols: $$bad"; exit 1; fi; echo "symbols: ok"

# Extra rules of each area (store, web, gazetteer, eval) live in mk/*.mk.
-include mk/*.mk

clean:
	rm -rf build

.PHONY: all unit check sanitize fuzz-smoke bench eval install symbols clean
