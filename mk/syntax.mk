# mk/syntax.mk - the syntax stage (src/syntax, issue 3): its evaluations.
#   make eval-syntax   tag agreement and NP-chunk F1 on the CoNLL file in
#                      ../shared (skips when it is absent)
#   make eval-link     subject/verb/object agreement of the fast analysis with
#                      link-grammar on the sentences of cameo-dev.tsv and
#                      plover-gsr-dev.json (needs dyad built with
#                      link-grammar; skips when it or the files are absent;
#                      LINK_FLAGS=-v lists the disagreements)
#   LINK_GRAMMAR=no    build without the link-grammar back-end even when
#                      liblink-grammar-dev is installed (detected otherwise)
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

# The link-grammar cross-check: the back-end of src/syntax/link.c (below)
# against the fast analysis.
LINK_EVAL_FILES ?= $(SHARED)/eval/cameo-dev.tsv $(SHARED)/eval/plover-gsr-dev.json

$(BUILD)/link_eval: eval/link_eval.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

eval-link:
	@if [ "$(LINK_GRAMMAR)" != yes ]; then \
	  echo "SKIP eval-link: dyad was built without link-grammar (liblink-grammar-dev)"; \
	elif [ ! -f "$(SHARED)/eval/cameo-dev.tsv" ]; then \
	  echo "SKIP eval-link: $(SHARED)/eval/cameo-dev.tsv not found"; \
	else $(MAKE) --no-print-directory $(BUILD)/link_eval && \
	  $(BUILD)/link_eval $(LINK_FLAGS) $(LINK_EVAL_FILES); fi

.PHONY: eval-link

# The optional deep back-end (src/syntax/link.c, `dyad parse --parser link`):
# built in when pkg-config or the header finds link-grammar, unless
# LINK_GRAMMAR=no. Only link.o is compiled against it; every program that
# links libdyad gets -llink-grammar through LDLIBS (and libdyad.so records it).
# (After switching it, `make clean`: link.o is not rebuilt by itself.)
ifndef LINK_GRAMMAR
LINK_GRAMMAR := $(shell pkg-config --exists link-grammar 2>/dev/null && echo yes || \
                  { [ -f /usr/include/link-grammar/link-includes.h ] && echo yes; } || echo no)
endif
ifeq ($(LINK_GRAMMAR),yes)
LINK_GRAMMAR_CFLAGS := -DDY_HAVE_LINK_GRAMMAR $(shell pkg-config --cflags link-grammar 2>/dev/null)
LINK_GRAMMAR_LIBS := $(shell pkg-config --libs link-grammar 2>/dev/null || echo -llink-grammar)
$(BUILD)/obj/src/syntax/link.o: ALL_CFLAGS += $(LINK_GRAMMAR_CFLAGS)
LDLIBS += $(LINK_GRAMMAR_LIBS)
# the same program without the back-end, for the "built without" test of
# tests/linkparse: link.c compiled without it, linked before libdyad.a
all: $(BUILD)/tests/dyad-nolink
$(BUILD)/tests/link-nolink.o: src/syntax/link.c $(wildcard src/*/*.h) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(BUILD)/tests/dyad-nolink: $(CLI_OBJ) $(BUILD)/tests/link-nolink.o $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/tests/link-nolink.o $(BUILD)/libdyad.a \
	  $(LDLIBS) $(CLI_LIBS)
endif
