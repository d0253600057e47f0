/* fuzz_parse.c - libFuzzer target: arbitrary bytes through the linguistic
 * stage alone (tokenizer, splitter, tagger, chunker, clauses and roles, the
 * readable printer), then the invariants the later stages rely on: every
 * index of the analysis points inside its array and every chunk inside its
 * sentence. A broken invariant aborts (a finding like a crash). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

static dyad_ctx *ctx;
static dy_text t;
static dy_syn syn;
static char *src;
static size_t src_cap;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[512];
    if (dyad_ctx_new(NULL, &ctx, err, sizeof err))
        abort();
    return 0;
}

#define CHECK(c)                                                                  \
    do {                                                                          \
        if (!(c)) {                                                               \
            fprintf(stderr, "fuzz_parse: invariant failed: %s (line %d)\n", #c,   \
                    __LINE__);                                                    \
            abort();                                                              \
        }                                                                         \
    } while (0)

static void check_np(int32_t n, int allow_none)
{
    CHECK((allow_none && n == -1) || (n >= 0 && (size_t)n < syn.nnp));
}

static void check_vg(int32_t v)
{
    CHECK(v == -1 || (v >= 0 && (size_t)v < syn.nvg));
}

static void check_analysis(void)
{
    size_t ns = t.nsent;
    for (size_t s = 0; s < ns; s++) {
        CHECK(syn.sent_np[s] <= syn.sent_np[s + 1] && syn.sent_np[s + 1] <= syn.nnp);
        CHECK(syn.sent_vg[s] <= syn.sent_vg[s + 1] && syn.sent_vg[s + 1] <= syn.nvg);
    }
    for (size_t i = 0; i < t.ntok; i++) {
        CHECK(t.tok[i].tag > T_NONE && t.tok[i].tag < T_COUNT);
        CHECK(t.tok[i].lemma < ctx->words.n);
        check_np(syn.tok_np[i], 1);
        check_vg(syn.tok_vg[i]);
    }
    for (size_t n = 0; n < syn.nnp; n++) {
        const dy_np *p = &syn.np[n];
        CHECK(p->sent < ns);
        const dy_sent *se = &t.sent[p->sent];
        CHECK(p->first < p->end && p->first >= se->first && p->end <= se->first + se->ntok);
        CHECK(p->head >= p->first && p->head < p->end);
        CHECK(p->name_first <= p->name_end && p->name_end <= p->end);
        CHECK(p->name_first == p->name_end || p->name_first >= p->first);
        check_np(p->poss, 1);
        check_np(p->of, 1);
        check_np(p->conj, 1);
        check_np(p->appos, 1);
        check_vg(p->rel);
        CHECK(n >= syn.sent_np[p->sent] && n < syn.sent_np[p->sent + 1]);
    }
    for (size_t v = 0; v < syn.nvg; v++) {
        const dy_vg *g = &syn.vg[v];
        CHECK(g->sent < ns);
        const dy_sent *se = &t.sent[g->sent];
        CHECK(g->first <= g->head && g->head < se->first + se->ntok && g->head >= se->first);
        CHECK(g->first < g->end && g->end <= se->first + se->ntok);
        check_np(g->subj, 1);
        check_np(g->obj, 1);
        check_np(g->iobj, 1);
        check_np(g->agent, 1);
        check_vg(g->xcomp);
        check_vg(g->parent);
        check_vg(g->conj);
        CHECK(g->parent != (int32_t)v && g->xcomp != (int32_t)v && g->conj != (int32_t)v);
        CHECK(g->pp_first + g->npp <= syn.npp);
        for (uint32_t q = g->pp_first; q < g->pp_first + g->npp; q++) {
            CHECK(syn.pp[q].prep < t.ntok);
            check_np(syn.pp[q].np, 0);
        }
        CHECK(g->tense <= TENSE_FUTURE);
        CHECK(v >= syn.sent_vg[g->sent] && v < syn.sent_vg[g->sent + 1]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > DYAD_MAX_DOC)
        return 0;
    if (dy_grow((void **)&src, &src_cap, size + 1, 1))
        return 0;
    memcpy(src, data, size);
    src[size] = 0;
    /* keep the arrays between runs, like a reused document */
    t.src = src;
    t.len = size;
    if (dy_tokenize(&t, &ctx->ab) || dy_split(&t, &ctx->ab))
        return 0;
    for (size_t i = 0; i < t.ntok; i++)
        t.tok[i].word = dy_word_find(ctx, t.norm + t.tok[i].norm, t.tok[i].nlen);
    if (dy_tag(ctx, &t) || dy_parse(ctx, &t, &syn))
        return 0;
    check_analysis();
    dy_buf out = {0};
    (void)dy_syn_print(ctx, &t, &syn, &out);
    dy_buf_free(&out);
    return 0;
}
