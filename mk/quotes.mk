# mk/quotes.mk - the quotes stage (src/context/quotes.c): its evaluation.
#   make eval-quotes   accuracy on the PolNeAR gold in ../shared (skips when absent)
# The test suite tests/quotes/run.sh is run by `make check` like every suite.
SHARED ?= ../shared
QUOTES_GOLD ?= $(SHARED)/eval/quotes/polnear

$(BUILD)/quotes_eval: eval/quotes_eval.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

eval-quotes:
	@if [ -f "$(QUOTES_GOLD)/attributions.tsv" ]; then \
	  $(MAKE) --no-print-directory $(BUILD)/quotes_eval && $(BUILD)/quotes_eval $(QUOTES_GOLD); \
	else echo "SKIP eval-quotes: $(QUOTES_GOLD) not found"; fi

.PHONY: eval-quotes
