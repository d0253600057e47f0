# mk/syntax.mk - the syntax stage (src/syntax, issue 3): its evaluations.
#   make eval-syntax   tag agreement and NP-chunk F1 on the CoNLL file in
#                      ../shared (skips when it is absent)
#   make eval-link     subject/verb/object agreement of the fast analysis with
#                      link-grammar on the sentences of cameo-dev.tsv and
#                      plover-gsr-dev.json (needs liblink-grammar-dev; skips
#                      when it or the files are absent; LINK_FLAGS=-v lists
#                      the disagreements)
# The data-driven tests tests/syntax/*.txt run in `make check` through
# tests/syntax/run.sh; the fuzz target is fuzz/fuzz_parse.c.
SHARED ?= ../shared
SYNTAX_GOLD ?= $(SHARED)/eval/syntax/conllpp-dev.txt
SYNTAX_FLAGS ?=

$(BUILD)/syntax_eval: eval/syntax_eval.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

eval-syntax: $(BUILD)/syntax_eval
	@$(BUILD)/syntax_eval $(SYNTAX_FLAGS) $(SYNTAX_GOLD)

.PHONY: eval-syntax

# The link-grammar cross-check: only this program links -llink-grammar.
LINK_GRAMMAR_LIBS ?= -llink-grammar
LINK_EVAL_FILES ?= $(SHARED)/eval/cameo-dev.tsv $(SHARED)/eval/plover-gsr-dev.json

$(BUILD)/link_eval: eval/link_eval.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS) $(LINK_GRAMMAR_LIBS)

eval-link:
	@if [ ! -f /usr/include/link-grammar/link-includes.h ]; then \
	  echo "SKIP eval-link: liblink-grammar-dev not installed"; \
	elif [ ! -f "$(SHARED)/eval/cameo-dev.tsv" ]; then \
	  echo "SKIP eval-link: $(SHARED)/eval/cameo-dev.tsv not found"; \
	else $(MAKE) --no-print-directory $(BUILD)/link_eval && \
	  $(BUILD)/link_eval $(LINK_FLAGS) $(LINK_EVAL_FILES); fi

.PHONY: eval-link
