# mk/actors.mk - the actor stage (src/actors/, data/actors/, issue 4): its
# evaluation on the development gold in ../shared (skips when absent).
#   make eval-actors   actor recognition on the CAMEO / PLOVER gold
#                      (eval/actors_eval.py) and name recall on the CoNLL
#                      gold (eval/names_eval.c); figures in docs/quality.md
# Its suite tests/actors/run.sh and unit test tests/unit/test_actors.c run
# with every other test in `make check`.
SHARED ?= ../shared
NAMES_GOLD ?= $(SHARED)/eval/syntax/conllpp-dev.txt

$(BUILD)/names_eval: eval/names_eval.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

eval-actors: all
	@if [ -f "$(SHARED)/eval/cameo-dev.tsv" ]; then \
	  python3 eval/actors_eval.py $(BUILD)/dyad $(SHARED); \
	else echo "SKIP eval-actors: $(SHARED)/eval/cameo-dev.tsv not found"; fi
	@if [ -f "$(NAMES_GOLD)" ]; then \
	  $(MAKE) --no-print-directory $(BUILD)/names_eval && $(BUILD)/names_eval $(NAMES_GOLD); \
	else echo "SKIP eval-actors names: $(NAMES_GOLD) not found"; fi

.PHONY: eval-actors
