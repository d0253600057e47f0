# mk/peers.mk - reading the dictionaries of earlier coders (issue 5):
# src/compat (PETRARCH-1/2 and TABARI dictionaries, `--dict-format petrarch`)
# and `make eval-peers`, the peer suites of ../shared/eval/peer-suites coded
# from raw text with their own dictionaries (docs/compat.md).
PEERS ?= ../shared/eval/peer-suites

# src/compat is part of the library. The Makefile's LIB_SRC does not list the
# folder (yet): add its objects to the library here, once.
COMPAT_SRC := $(sort $(wildcard src/compat/*.c))
ifeq ($(filter src/compat/%,$(LIB_SRC)),)
COMPAT_OBJ := $(COMPAT_SRC:%.c=$(BUILD)/obj/%.o)
LIB_SRC += $(COMPAT_SRC)
LIB_OBJ += $(COMPAT_OBJ)
$(BUILD)/libdyad.a $(BUILD)/libdyad.so: $(COMPAT_OBJ)
-include $(COMPAT_OBJ:.o=.d)
endif

# Pass rates of the PETRARCH-1 unit-test records and TABARI's Validate.text,
# with the failures sorted by cause; prints SKIP when the suites are absent.
eval-peers: all
	@python3 eval/peers_eval.py --dyad $(BUILD)/dyad --peers $(PEERS) $(PEERS_FLAGS)

.PHONY: eval-peers
