/* doc.c - the document pipeline and the public accessors.
 *
 * dyad_code() copies the text and runs the stages in order:
 *   text (tokenize, split) -> syntax (tag, lemma, parse) -> actors ->
 *   context (time expressions, quotes, places) -> events.
 * Every array is reused from one document to the next. */
#include "internal.h"
#include "../compat/compat.h"
#include "../syntax/link.h"

#include <stdio.h>
#include <time.h>

dyad_doc *dyad_doc_new(void)
{
    dyad_doc *d = dy_calloc(1, sizeof *d);
    return d;
}

void dyad_doc_free(dyad_doc *d)
{
    if (!d)
        return;
    dy_free(d->text);
    dy_free(d->t.tok);
    dy_free(d->t.norm);
    dy_free(d->t.sent);
    dy_syn_free(&d->syn);
    dy_free(d->men);
    dy_free(d->men_at);
    dy_free(d->ev);
    dy_free(d->tx);
    dy_free(d->q);
    dy_free(d->pl);
    dy_buf_free(&d->out);
    dy_buf_free(&d->strs);
    dy_free(d->str_off);
    dy_free(d);
}

static void reset(dyad_doc *d)
{
    d->len = 0;
    d->t.ntok = d->t.nsent = d->t.norm_len = 0;
    d->t.invalid = 0;
    d->nmen = d->nev = d->ntx = d->nq = d->npl = 0;
    d->men_at_n = 0;
    d->syn.nnp = d->syn.nvg = d->syn.npp = 0;
    d->err = DYAD_OK;
    d->errmsg[0] = 0;
    d->has_date = 0;
    d->strs_ready = 0;
}

static int32_t today(void)
{
    time_t now = time(NULL);
    struct tm tmv;
    gmtime_r(&now, &tmv);
    return dy_days_from_civil(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday);
}

dyad_err dyad_code(const dyad_ctx *ctx, dyad_doc *d, const char *text, size_t len, const char *date)
{
    reset(d);
    d->ctx = ctx;
    if (date) {
        int32_t day;
        if (dy_parse_date(date, strlen(date), &day)) {
            d->err = DYAD_EINVAL;
            snprintf(d->errmsg, sizeof d->errmsg, "invalid date '%.20s' (want YYYY-MM-DD)", date);
            return d->err;
        }
        d->has_date = 1;
        d->date = day;
    }
    d->role_date = d->has_date ? d->date
                   : ctx->default_date != INT32_MIN ? ctx->default_date : today();
    if (len > DYAD_MAX_DOC) {
        d->err = DYAD_ETOOBIG;
        snprintf(d->errmsg, sizeof d->errmsg, "document of %zu bytes exceeds the 16 MiB limit", len);
        return d->err;
    }
    if (dy_grow((void **)&d->text, &d->text_cap, len + 1, 1))
        goto nomem;
    if (len)
        memcpy(d->text, text, len);
    d->text[len] = 0;
    d->len = len;
    d->t.src = d->text;
    d->t.len = len;
    if (dy_tokenize(&d->t, &ctx->ab) || dy_split(&d->t, &ctx->ab))
        goto nomem;
    for (size_t i = 0; i < d->t.ntok; i++) {
        dy_tok *k = &d->t.tok[i];
        k->word = dy_word_find(ctx, d->t.norm + k->norm, k->nlen);
    }
    if (dy_tag(ctx, &d->t) ||
        (d->link ? dy_link_parse(d->link, ctx, &d->t, &d->syn) : dy_parse(ctx, &d->t, &d->syn)))
        goto nomem;
    if ((dy_compat_mode(ctx) ? dy_compat_actors(ctx, d) : dy_actors_find(ctx, d)) ||
        dy_timex_find(ctx, d) || dy_quotes_find(ctx, d) ||
        dy_places_find(ctx, d) || (!dy_compat_mode(ctx) && dy_actors_localise(ctx, d)) ||
        dy_events_code(ctx, d))
        goto nomem;
    dy_timex_assign(ctx, d);
    dy_places_assign(ctx, d);
    return DYAD_OK;
nomem:
    d->err = DYAD_ENOMEM;
    snprintf(d->errmsg, sizeof d->errmsg, "out of memory");
    return d->err;
}

size_t dyad_doc_invalid_bytes(const dyad_doc *d) { return d->t.invalid; }
size_t dyad_doc_sentence_count(const dyad_doc *d) { return d->t.nsent; }
size_t dyad_doc_token_count(const dyad_doc *d) { return d->t.ntok; }

dyad_err dyad_doc_sentence(const dyad_doc *d, size_t i, size_t *start, size_t *end)
{
    if (i >= d->t.nsent)
        return DYAD_ENOTFOUND;
    *start = d->t.sent[i].start;
    *end = d->t.sent[i].end;
    return DYAD_OK;
}

size_t dyad_doc_actor_count(const dyad_doc *d) { return d->nmen; }
size_t dyad_doc_event_count(const dyad_doc *d) { return d->nev; }
