/* internal.h - private to libdyad: the context and document structures that
 * tie the stages together. Every stage reads the document's token array and
 * appends to its own flat arrays here. */
#ifndef DY_INTERNAL_H
#define DY_INTERNAL_H

#include "dyad.h"

#include "../actors/actors.h"
#include "../context/context.h"
#include "../events/events.h"
#include "../syntax/syntax.h"
#include "../text/text.h"
#include "../util/util.h"

struct dyad_ctx {
    char *data_dir;
    dy_abbrevs ab;
    dy_intern words;        /* every word any table knows (lower-case forms) */
    dy_lex lex;             /* syntax tables */
    dy_actors act;          /* actor dictionaries */
    dy_events ev;           /* CAMEO codes and event patterns */
    void *gaz;              /* gazetteer (context stage), may be NULL */
    int32_t default_date;   /* day number, or INT32_MIN: today */
    char *wordnet_dir;
    char *poslex_path;
    /* by word id: the quote stage's word class and the time stage's word id,
     * looked up once when the context is made (NULL: look the token up) */
    uint16_t *qt_wc;
    size_t nqt_wc;
    uint32_t *tx_wid;
    size_t ntx_wid;
};

struct dyad_doc {
    const struct dyad_ctx *ctx; /* of the last dyad_code (must outlive its use) */
    char *text;             /* copy of the input */
    size_t len, text_cap;
    dy_text t;
    dy_syn syn;
    struct dy_link *link;   /* link-grammar back-end of the analysis, or NULL:
                               dy_parse (dyad_doc_set_link; owned by the caller) */
    int has_date;
    int32_t date;           /* document date (day number) if has_date */
    int32_t role_date;      /* date used to select dated roles */
    dyad_err err;
    char errmsg[128];
    dy_mention *men;
    size_t nmen, men_cap;
    /* the event coder's map of the current sentence: men_at[i - men_at_first]
     * is the mention covering token i among [men_at_m0, men_at_m1) (-1:
     * none); men_at_n == 0: no map */
    int32_t *men_at;
    size_t men_at_cap, men_at_first, men_at_n, men_at_m0, men_at_m1;
    dy_event *ev;
    size_t nev, ev_cap;
    dy_timex *tx;
    size_t ntx, tx_cap;
    dy_quote *q;
    size_t nq, q_cap;
    dy_place *pl;
    size_t npl, pl_cap;
    dy_buf out;             /* serialised output */
    dy_buf strs;            /* strings handed out by accessors, built once */
    size_t *str_off;        /* per mention: 3 offsets; then per event: 4 */
    size_t str_off_cap;
    int strs_ready;
};

/* The mention a coreference chain of doc's mentions starts at: m followed
 * along ref (at most 8 links), or -1 for -1. */
static inline int32_t dy_men_root(const struct dyad_doc *doc, int32_t m)
{
    for (int n = 0; m >= 0 && doc->men[m].ref >= 0 && n < 8; n++)
        m = doc->men[m].ref;
    return m;
}

/* Intern a word into the context's word table (load time only). */
uint32_t dy_word_add(struct dyad_ctx *ctx, const char *w, size_t n);
static inline uint32_t dy_word_find(const struct dyad_ctx *ctx, const char *w, size_t n)
{
    return dy_intern_find(&ctx->words, w, n);
}

#endif
