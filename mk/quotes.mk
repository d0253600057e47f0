# mk/quotes.mk - the quotes stage (src/context/quotes.c): its evaluation.
#   make eval-quotes   accuracy on the PolNeAR gold in ../shared, and the
#                      speakers of the project's sample article (skips when
#                      ../shared is absent)
# The test suite tests/quotes/run.sh is run by `make check` like every suite.
SHARED ?= ../shared
QUOTES_GOLD ?= $(SHARED)/eval/quotes/polnear
# The sample article and the speakers of its direct quotations, in order.
QUOTES_SPEAKERS ?= Rutte,Rutte,Zelenskyy,Zelenskyy,Rutte,Rutte,Zelenskyy,Zelenskyy,Rutte,Rutte
QUOTES_SAMPLE ?= $(SHARED)/samples/nato-rutte-kyiv-2024-10-03.txt:2024-10-03:$(QUOTES_SPEAKERS)

$(BUILD)/quotes_eval: eval/quotes_eval.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

eval-quotes:
	@if [ -f "$(QUOTES_GOLD)/attributions.tsv" ]; then \
	  $(MAKE) --no-print-directory $(BUILD)/quotes_eval && \
	  $(BUILD)/quotes_eval -s "$(QUOTES_SAMPLE)" $(QUOTES_GOLD); \
	else echo "SKIP eval-quotes: $(QUOTES_GOLD) not found"; fi

.PHONY: eval-quotes
