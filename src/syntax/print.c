/* print.c - the readable form of the syntax stage's analysis, for `dyad parse`
 * and for the syntax tests. Reads dy_text and dy_syn, appends text to a dy_buf:
 *
 *   # 1 Russian troops have also made grinding advances in the east.
 *   tok Russian/JJ troops/NNS=troop have/VBP also/RB made/VBN=make ...
 *   np 0 [Russian troops] head=troops
 *   vg 0 [have also made] make past PERFECT
 *        subj=[Russian troops] obj=[grinding advances] in=[the east]
 */
#include "tagger.h"

#include <stdio.h>

#include "../core/internal.h"

static const char *const vg_flag_names[] = {
    "NEG", "FAILED", "REFUSED", "PASSIVE", "FUTURE", "MODAL", "INTENT", "REPORTED",
    "QUESTION", "HYPOTHETICAL", "INF", "PART", "SPEECH", "RELATIVE", "PERFECT",
    "PROGRESSIVE", "CONTROL", "ACCORDING", "COPULA", "IMPERATIVE"};

int dy_vg_flags_str(uint32_t flags, char *buf, size_t n)
{
    size_t len = 0;
    if (n)
        buf[0] = 0;
    for (size_t i = 0; i < sizeof vg_flag_names / sizeof vg_flag_names[0]; i++) {
        if (!(flags & (1u << i)))
            continue;
        int w = snprintf(buf + len, n > len ? n - len : 0, "%s%s", len ? "|" : "",
                         vg_flag_names[i]);
        if (w < 0)
            return -1;
        len += (size_t)w;
        if (len >= n)
            return -1;
    }
    return 0;
}

static int add_span(dy_buf *out, const dy_text *t, uint32_t a, uint32_t b)
{
    if (a >= b || b > t->ntok)
        return dy_buf_str(out, "");
    return dy_buf_add(out, t->src + t->tok[a].start, t->tok[b - 1].end - t->tok[a].start);
}

static int add_np(dy_buf *out, const dy_text *t, const dy_syn *syn, int32_t n)
{
    if (n < 0 || (size_t)n >= syn->nnp)
        return dy_buf_str(out, "-");
    const dy_np *np = &syn->np[n];
    uint32_t a = np->first, b = np->end;
    /* print the possessor with the possessed NP: [Ukraine's east] */
    if (np->poss >= 0 && (size_t)np->poss < syn->nnp)
        a = syn->np[np->poss].first;
    if (dy_buf_ch(out, '[') || add_span(out, t, a, b))
        return -1;
    if (np->of >= 0 && (size_t)np->of < syn->nnp) {
        const dy_np *o = &syn->np[np->of];
        if (dy_buf_str(out, " of ") || add_span(out, t, o->first, o->end))
            return -1;
    }
    return dy_buf_ch(out, ']');
}

static int add_word(dy_buf *out, const struct dyad_ctx *ctx, uint32_t id)
{
    if (!id || id >= ctx->words.n)
        return dy_buf_str(out, "?");
    return dy_buf_add(out, dy_intern_str(&ctx->words, id), dy_intern_len(&ctx->words, id));
}

int dy_syn_print(const struct dyad_ctx *ctx, const dy_text *t, const dy_syn *syn, dy_buf *out)
{
    static const char *const tense[] = {"-", "present", "past", "future"};
    size_t ns = t->nsent ? t->nsent : (t->ntok ? 1 : 0);
    for (size_t s = 0; s < ns; s++) {
        uint32_t first = t->nsent ? t->sent[s].first : 0;
        uint32_t end = t->nsent ? first + t->sent[s].ntok : (uint32_t)t->ntok;
        if (dy_buf_printf(out, "# %zu ", s + 1) || add_span(out, t, first, end) ||
            dy_buf_str(out, "\ntok"))
            return -1;
        for (uint32_t i = first; i < end; i++) {
            const dy_tok *k = &t->tok[i];
            if (dy_buf_ch(out, ' ') || add_span(out, t, i, i + 1) || dy_buf_ch(out, '/') ||
                dy_buf_str(out, dy_tag_name(k->tag)))
                return -1;
            if (k->lemma && k->lemma != k->word &&
                (dy_buf_ch(out, '=') || add_word(out, ctx, k->lemma)))
                return -1;
        }
        if (dy_buf_ch(out, '\n'))
            return -1;
        if (s + 1 >= syn->sent_cap && syn->sent_cap)
            continue;
        uint32_t n0 = syn->sent_np ? syn->sent_np[s] : 0, n1 = syn->sent_np ? syn->sent_np[s + 1] : 0;
        for (uint32_t n = n0; n < n1; n++) {
            const dy_np *np = &syn->np[n];
            if (dy_buf_printf(out, "np %u [", n - n0) || add_span(out, t, np->first, np->end) ||
                dy_buf_str(out, "] head=") || add_span(out, t, np->head, np->head + 1))
                return -1;
            if (np->name_end > np->name_first &&
                (dy_buf_str(out, " name=") || add_span(out, t, np->name_first, np->name_end)))
                return -1;
            if (np->poss >= 0 && dy_buf_printf(out, " poss=%d", np->poss - (int32_t)n0))
                return -1;
            if (np->of >= 0 && dy_buf_printf(out, " of=%d", np->of - (int32_t)n0))
                return -1;
            if (np->conj >= 0 && dy_buf_printf(out, " conj=%d", np->conj - (int32_t)n0))
                return -1;
            if (np->appos >= 0 && dy_buf_printf(out, " appos=%d", np->appos - (int32_t)n0))
                return -1;
            if (np->rel >= 0 && dy_buf_printf(out, " rel=vg%d", np->rel - (int32_t)syn->sent_vg[s]))
                return -1;
            if (dy_buf_ch(out, '\n'))
                return -1;
        }
        uint32_t g0 = syn->sent_vg[s], g1 = syn->sent_vg[s + 1];
        for (uint32_t g = g0; g < g1; g++) {
            const dy_vg *v = &syn->vg[g];
            char fl[256];
            dy_vg_flags_str(v->flags, fl, sizeof fl);
            if (dy_buf_printf(out, "vg %u [", g - g0) || add_span(out, t, v->first, v->end) ||
                dy_buf_str(out, "] ") || add_word(out, ctx, v->lemma) ||
                dy_buf_printf(out, " %s%s%s\n    subj=", tense[v->tense & 3], *fl ? " " : "", fl) ||
                add_np(out, t, syn, v->subj))
                return -1;
            if (v->obj >= 0 && (dy_buf_str(out, " obj=") || add_np(out, t, syn, v->obj)))
                return -1;
            if (v->iobj >= 0 && (dy_buf_str(out, " iobj=") || add_np(out, t, syn, v->iobj)))
                return -1;
            if (v->agent >= 0 && (dy_buf_str(out, " agent=") || add_np(out, t, syn, v->agent)))
                return -1;
            for (uint32_t q = v->pp_first; q < v->pp_first + v->npp && q < syn->npp; q++) {
                const dy_pp *pp = &syn->pp[q];
                if (dy_buf_ch(out, ' ') || add_span(out, t, pp->prep, pp->prep + 1) ||
                    dy_buf_ch(out, '=') || add_np(out, t, syn, pp->np))
                    return -1;
            }
            if (v->xcomp >= 0 && dy_buf_printf(out, " xcomp=vg%d", v->xcomp - (int32_t)g0))
                return -1;
            if (v->parent >= 0 && dy_buf_printf(out, " parent=vg%d", v->parent - (int32_t)g0))
                return -1;
            if (v->conj >= 0 && dy_buf_printf(out, " conj=vg%d", v->conj - (int32_t)g0))
                return -1;
            if (dy_buf_ch(out, '\n'))
                return -1;
        }
    }
    return 0;
}
