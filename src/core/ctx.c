/* ctx.c - the context: finds the data directory and loads every table once
 * (abbreviations, syntax lexicon, actor and event dictionaries, CAMEO codes).
 * After dyad_ctx_new returns, the context is read-only. */
#include "internal.h"
#include "../compat/compat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#ifndef DYAD_BUILD_DATA
#define DYAD_BUILD_DATA "data"
#endif
#ifndef DYAD_PREFIX_DATA
#define DYAD_PREFIX_DATA "/usr/local/share/dyad"
#endif

const char *dyad_strerror(dyad_err err)
{
    switch (err) {
    case DYAD_OK: return "success";
    case DYAD_ENOMEM: return "out of memory";
    case DYAD_EIO: return "input/output error";
    case DYAD_EDATA: return "malformed data file";
    case DYAD_ENODATA: return "data directory not found (use --data DIR or DYAD_DATA)";
    case DYAD_EINVAL: return "invalid argument";
    case DYAD_ETOOBIG: return "document too large (limit 16 MiB)";
    case DYAD_EJSON: return "malformed JSON";
    case DYAD_ENOTFOUND: return "not found";
    }
    return "unknown error";
}

static int is_data_dir(const char *d)
{
    if (!d || !*d)
        return 0;
    char p[4096];
    struct stat st;
    snprintf(p, sizeof p, "%s/abbreviations.txt", d);
    return stat(p, &st) == 0;
}

const char *dyad_find_data(void)
{
    const char *e = getenv("DYAD_DATA");
    if (is_data_dir(e))
        return e;
    if (is_data_dir(DYAD_BUILD_DATA))
        return DYAD_BUILD_DATA;
    if (is_data_dir(DYAD_PREFIX_DATA))
        return DYAD_PREFIX_DATA;
    if (is_data_dir("/usr/share/dyad"))
        return "/usr/share/dyad";
    return NULL;
}

uint32_t dy_word_add(struct dyad_ctx *ctx, const char *w, size_t n)
{
    return dy_intern_add(&ctx->words, w, n);
}

void dyad_ctx_free(dyad_ctx *ctx)
{
    if (!ctx)
        return;
    dy_abbrevs_free(&ctx->ab);
    dy_lex_free(&ctx->lex);
    dy_actors_free(&ctx->act);
    dy_events_free(&ctx->ev);
    dy_gaz_free(ctx->gaz);
    dy_intern_free(&ctx->words);
    dy_free(ctx->data_dir);
    dy_free(ctx->wordnet_dir);
    dy_free(ctx->poslex_path);
    dy_free(ctx->qt_wc);
    dy_free(ctx->tx_wid);
    dy_free(ctx);
}

dyad_err dyad_ctx_new(const char *data_dir, dyad_ctx **out, char *errbuf, size_t errlen)
{
    dyad_opts o;
    memset(&o, 0, sizeof o);
    o.data_dir = data_dir;
    return dyad_ctx_new_opts(&o, out, errbuf, errlen);
}

dyad_err dyad_ctx_new_opts(const dyad_opts *opts, dyad_ctx **out, char *errbuf, size_t errlen)
{
    char dummy[256];
    if (!errbuf || !errlen) {
        errbuf = dummy;
        errlen = sizeof dummy;
    }
    errbuf[0] = 0;
    *out = NULL;
    /* PETRARCH/TABARI dictionaries (src/compat) replace dyad's actors and
     * patterns; without dict_dir they are in data_dir (see dyad.h) */
    const char *dict = opts && opts->format == DYAD_DICT_PETRARCH
                           ? (opts->dict_dir ? opts->dict_dir : opts->data_dir) : NULL;
    if (opts && opts->format == DYAD_DICT_PETRARCH && !dict) {
        snprintf(errbuf, errlen, "PETRARCH dictionaries: no dictionary directory (--dict-dir DIR)");
        return DYAD_EINVAL;
    }
    const char *dir = opts && opts->data_dir && dict != opts->data_dir ? opts->data_dir
                                                                       : dyad_find_data();
    if (!dir) {
        snprintf(errbuf, errlen, "%s", dyad_strerror(DYAD_ENODATA));
        return DYAD_ENODATA;
    }
    if (!is_data_dir(dir)) {
        snprintf(errbuf, errlen, "%s: not a dyad data directory (no abbreviations.txt)", dir);
        return DYAD_ENODATA;
    }
    dyad_ctx *c = dy_calloc(1, sizeof *c);
    if (!c)
        return DYAD_ENOMEM;
    c->default_date = INT32_MIN;
    c->data_dir = dy_strndup(dir, strlen(dir));
    if (opts && opts->wordnet_dir)
        c->wordnet_dir = dy_strndup(opts->wordnet_dir, strlen(opts->wordnet_dir));
    if (opts && opts->poslex_path)
        c->poslex_path = dy_strndup(opts->poslex_path, strlen(opts->poslex_path));
    if (!c->data_dir || dy_intern_init(&c->words)) {
        dyad_ctx_free(c);
        return DYAD_ENOMEM;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/abbreviations.txt", dir);
    if (dy_abbrevs_load(&c->ab, path, errbuf, errlen)) {
        dyad_ctx_free(c);
        return DYAD_EDATA;
    }
    if (dy_lex_load(c, errbuf, errlen)) {
        dyad_ctx_free(c);
        return DYAD_EDATA;
    }
    if (dy_events_load(c, dir, errbuf, errlen)) {
        dyad_ctx_free(c);
        return DYAD_EDATA;
    }
    if (dict ? dy_compat_load(c, dict, errbuf, errlen) : dy_actors_load(c, dir, errbuf, errlen)) {
        dyad_ctx_free(c);
        return DYAD_EDATA;
    }
    {
        /* the gazetteer is optional: without its index no places are found */
        char gerr[256];
        (void)dy_gaz_load(c, gerr, sizeof gerr);
    }
    /* word tables of the context stages by word id: a speed-up only (the
     * stages look a token up themselves without them) */
    (void)dy_quotes_prepare(c);
    (void)dy_timex_prepare(c);
    *out = c;
    return DYAD_OK;
}

dyad_err dyad_ctx_set_default_date(dyad_ctx *ctx, const char *date)
{
    if (!date) {
        ctx->default_date = INT32_MIN;
        return DYAD_OK;
    }
    int32_t d;
    if (dy_parse_date(date, strlen(date), &d))
        return DYAD_EINVAL;
    ctx->default_date = d;
    return DYAD_OK;
}

void dyad_ctx_stats(const dyad_ctx *ctx, dyad_dict_stats *st)
{
    memset(st, 0, sizeof *st);
    st->actor_phrases = ctx->act.nphrases;
    st->actor_entries = ctx->act.nentries;
    st->agent_phrases = ctx->act.nagent_phrases;
    st->people = ctx->act.npeople;
    st->verb_patterns = ctx->ev.nverb;
    st->noun_patterns = ctx->ev.nnoun;
    st->verb_lemmas = ctx->ev.nlemmas;
    st->event_codes = ctx->ev.ncodes;
    st->abbreviations = ctx->ab.words.n ? ctx->ab.words.n - 1 : 0;
    st->warnings = ctx->act.warnings + ctx->ev.warnings;
    /* codes with at least one pattern */
    size_t covered = 0;
    for (size_t c = 0; c < ctx->ev.ncodes; c++)
        for (size_t p = 0; p < ctx->ev.npat; p++)
            if (ctx->ev.pat[p].code == (int32_t)c) {
                covered++;
                break;
            }
    st->event_codes_covered = covered;
}

size_t dyad_ctx_check(const dyad_ctx *ctx, dyad_msg_cb cb, void *user)
{
    return dy_actors_check(ctx, cb, user) + dy_events_check(ctx, cb, user) +
           dy_timex_check(ctx, cb, user);
}
