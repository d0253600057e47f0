/* link.h - the optional deep back-end of the syntax stage: link-grammar
 * (Debian liblink-grammar-dev, the English dictionary) behind the analysis
 * interface of dy_parse. It reads a tokenized, split and tagged dy_text and
 * fills a dy_syn like dy_parse does (src/syntax/link.c; docs/syntax.md,
 * "link-grammar back-end").
 *
 * Built only when the Makefile finds link-grammar (mk/syntax.mk defines
 * DY_HAVE_LINK_GRAMMAR for link.c); otherwise dy_link_open fails with
 * "dyad was built without link-grammar" and nothing links -llink-grammar.
 * Link-grammar parses some tens of sentences a second, dy_parse some hundred
 * thousand: a yardstick and a second opinion, not the production path. */
#ifndef DY_LINK_H
#define DY_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "syntax.h"

/* Outcome of one sentence. */
enum dy_link_status {
    DY_LINK_COMPLETE = 0,   /* a linkage without null links */
    DY_LINK_PARTIAL,        /* a linkage that skips some words (null links) */
    DY_LINK_TIMEOUT,        /* failed: the time limit ran out */
    DY_LINK_NONE,           /* failed: no linkage at all */
    DY_LINK_TOOLONG,        /* failed: more than DY_LINK_MAX_TOKENS tokens or
                               DY_LINK_MAX_BYTES bytes; not tried */
    DY_LINK_EMPTY           /* no words */
};

#define DY_LINK_MAX_TOKENS 120
#define DY_LINK_MAX_BYTES 2000

typedef struct dy_link dy_link;

/* 1 when link-grammar was built in. */
int dy_link_built(void);
/* Load the English dictionary. max_seconds (>= 1) is the time limit of one
 * sentence (link-grammar's max_parse_time; a sentence without a complete
 * linkage is parsed a second time with null links, with the same limit).
 * Returns NULL with a message in err. Prints nothing: link-grammar's own
 * messages are silenced. */
dy_link *dy_link_open(int max_seconds, char *err, size_t errlen);
void dy_link_close(dy_link *b);
/* "5.12.0" or "" */
const char *dy_link_version(void);

/* The deep analysis of every sentence of t (tokenized, split and tagged with
 * ctx's tables, which also give the lemmas of verbs dyad did not tag as
 * verbs) into syn (the structure dy_parse
 * fills: NPs, verb groups with subject, object, indirect object, agent,
 * prepositional objects, flags and tense, per-token NP/VG indexes). A sentence
 * that fails gets no NPs or groups and a failed status. Returns 0 or -1 (no
 * memory). */
struct dyad_ctx;
int dy_link_parse(dy_link *b, const struct dyad_ctx *ctx, const dy_text *t, dy_syn *syn);
/* After dy_link_parse: the status of sentence s (enum dy_link_status), its
 * number of null links, and its main clause (a verb group index, or -1). */
int dy_link_status(const dy_link *b, size_t s, int *nulls);
int32_t dy_link_main(const dy_link *b, size_t s);
/* The time limit of a sentence, in seconds. */
int dy_link_timeout(const dy_link *b);
/* Counts over every dy_link_parse call: sentences per status. */
void dy_link_counts(const dy_link *b, size_t counts[DY_LINK_EMPTY + 1]);
/* A short English name of a status ("complete", "timeout" ...). */
const char *dy_link_status_name(int status);

#endif
