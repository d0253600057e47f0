# mk/timex.mk - time expressions (issue 6, dates): the test driver of
# tests/timex/ and the evaluation on TimeML gold (make eval-timex).
TIMEX_GOLD ?= ../shared/eval/dates/tbaq

$(BUILD)/tests/timex-cases: tests/timex/cases.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

# built with everything else, so that tests/timex/run.sh finds it (also in
# the sanitizer tree)
all: $(BUILD)/tests/timex-cases

$(BUILD)/timex_eval: eval/timex_eval.c $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

# Share of gold DATE expressions found and normalised exactly; prints SKIP
# when the gold is absent.
eval-timex: $(BUILD)/timex_eval
	@$(BUILD)/timex_eval $(TIMEX_FLAGS) $(TIMEX_GOLD)

.PHONY: eval-timex
