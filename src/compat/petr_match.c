/* petr_match.c - matching what the foreign dictionaries say beyond dyad's own
 * pattern format, for the event coder: extended patterns (words and synsets
 * before and after the verb, '$' source and '+' target positions, skipped noun
 * phrases, adjacency), discard phrases and TABARI stems. Reads the document's
 * tokens, noun phrases and actor mentions and the loaded tables; never writes
 * or allocates.
 *
 * Semantics (TABARI's, which PETRARCH keeps for its patterns): elements after
 * the verb are found left to right up to the end of the sentence, elements
 * before it right to left back to its start; other words may stand between
 * two elements unless the second is joined to the first (DY_PE_ADJ). A
 * word matches a token by its form (a TABARI stem: any token beginning with
 * it); a synset by any member phrase (whose words stand together); '+' and
 * '$' take the nearest actor mention in their direction;
 * '^' the nearest noun phrase. A failed element makes the matcher try the
 * next position of the element before it (backtracking, bounded). */
#include "petr.h"

#define MATCH_BUDGET 20000   /* element trials per pattern, to bound the worst case */
#define MAX_ENDS 16

typedef struct mctx {
    const dyad_ctx *ctx;
    const dy_events *ev;
    const struct dyad_doc *doc;
    const dy_text *t;
    size_t sfirst, send, m0, m1;
    const dy_pel *el;
    int nel, vpos;
    int32_t src, tgt;
    uint32_t lo, hi;        /* span of the matched tokens */
    int budget;
} mctx;

int dy_compat_mode(const dyad_ctx *ctx)
{
    uint32_t v;
    if (!ctx || !dy_map_get(&ctx->ev.by_head, (uint64_t)DY_PC_MODE << 32, &v))
        return 0;
    return (int)v;
}

static int kind(const dy_pel *e)
{
    return e->kind & DY_PE_KIND;
}

static int adj(const dy_pel *e)
{
    return (e->kind & DY_PE_ADJ) != 0;
}

/* A pattern word matches the form as written, as in PETRARCH and TABARI
 * ("RESOLUTION" is not "resolutions"; a TABARI stem is a DY_PE_STEM). */
static int word_ok(const mctx *mc, size_t i, uint32_t w)
{
    return mc->t->tok[i].word == w;
}

static int stem_ok(const mctx *mc, size_t i, uint32_t w)
{
    const dy_tok *k = &mc->t->tok[i];
    uint32_t n = dy_intern_len(&mc->ctx->words, w);
    return k->nlen >= n && !memcmp(mc->t->norm + k->norm, dy_intern_str(&mc->ctx->words, w), n);
}

/* The run of class cls patterns with head h: [*p0, *p1). */
static int run_of(const dy_events *ev, int cls, uint32_t h, size_t *p0, size_t *p1)
{
    uint32_t v;
    if (!h || !dy_map_get(&ev->by_head, ((uint64_t)cls << 32) | h, &v))
        return 0;
    size_t e = v - 1;
    *p0 = e;
    while (e < ev->npat && ev->pat[e].noun == cls && ev->pat[e].head == h)
        e++;
    *p1 = e;
    return 1;
}

/* Synset members: where a member of synset sid that starts at token i ends
 * (exclusive), forwards; or, backwards, where one that ends at j starts. */
static int member_fwd(mctx *mc, const dy_pel *el, int n, size_t i, size_t *ends, int *ne, int depth);
static int member_bwd(mctx *mc, const dy_pel *el, int n, size_t j, size_t *starts, int *ns,
                      int depth);

static int add_pos(size_t *a, int *n, size_t v)
{
    for (int k = 0; k < *n; k++)
        if (a[k] == v)
            return 0;
    if (*n < MAX_ENDS)
        a[(*n)++] = v;
    return 0;
}

static void synset_fwd(mctx *mc, uint32_t sid, size_t i, size_t *ends, int *ne, int depth)
{
    size_t p0, p1;
    if (depth > 4 || !run_of(mc->ev, DY_PC_SYNSET, sid, &p0, &p1))
        return;
    for (size_t p = p0; p < p1; p++) {
        const dy_pattern *pt = &mc->ev->pat[p];
        member_fwd(mc, &mc->ev->el[pt->el_first], pt->nel, i, ends, ne, depth + 1);
    }
}

static void synset_bwd(mctx *mc, uint32_t sid, size_t j, size_t *starts, int *ns, int depth)
{
    size_t p0, p1;
    if (depth > 4 || !run_of(mc->ev, DY_PC_SYNSET, sid, &p0, &p1))
        return;
    for (size_t p = p0; p < p1; p++) {
        const dy_pattern *pt = &mc->ev->pat[p];
        member_bwd(mc, &mc->ev->el[pt->el_first], pt->nel, j, starts, ns, depth + 1);
    }
}

/* Consecutive elements el[0..n) from token i: every end reached. */
static int member_fwd(mctx *mc, const dy_pel *el, int n, size_t i, size_t *ends, int *ne, int depth)
{
    if (n == 0)
        return add_pos(ends, ne, i);
    if (i >= mc->send || --mc->budget < 0)
        return 0;
    int k = kind(el);
    if (k == PE_WORD || k == DY_PE_STEM) {
        if (k == PE_WORD ? word_ok(mc, i, el->word) : stem_ok(mc, i, el->word))
            member_fwd(mc, el + 1, n - 1, i + 1, ends, ne, depth);
    } else if (k == DY_PE_SYNSET) {
        size_t e[MAX_ENDS];
        int m = 0;
        synset_fwd(mc, el->word, i, e, &m, depth);
        for (int q = 0; q < m; q++)
            member_fwd(mc, el + 1, n - 1, e[q], ends, ne, depth);
    }
    return 0;
}

/* Consecutive elements el[0..n) ending at token j (exclusive): every start. */
static int member_bwd(mctx *mc, const dy_pel *el, int n, size_t j, size_t *starts, int *ns,
                      int depth)
{
    if (n == 0)
        return add_pos(starts, ns, j);
    if (j <= mc->sfirst || --mc->budget < 0)
        return 0;
    const dy_pel *last = &el[n - 1];
    int k = kind(last);
    if (k == PE_WORD || k == DY_PE_STEM) {
        if (k == PE_WORD ? word_ok(mc, j - 1, last->word) : stem_ok(mc, j - 1, last->word))
            member_bwd(mc, el, n - 1, j - 1, starts, ns, depth);
    } else if (k == DY_PE_SYNSET) {
        size_t s[MAX_ENDS];
        int m = 0;
        synset_bwd(mc, last->word, j, s, &m, depth);
        for (int q = 0; q < m; q++)
            member_bwd(mc, el, n - 1, s[q], starts, ns, depth);
    }
    return 0;
}

/* The nearest mention (with a code) that starts at pos or later (exact: at
 * pos, or covering it); -1. */
static int32_t mention_after(const mctx *mc, size_t pos, int exact)
{
    const struct dyad_doc *d = mc->doc;
    for (size_t m = mc->m0; m < mc->m1; m++) {
        const dy_mention *mm = &d->men[m];
        if (!mm->code[0] || mm->end <= pos)
            continue;
        if (exact && !(mm->first <= pos && pos < mm->end))
            return -1;
        return (int32_t)m;
    }
    return -1;
}

/* The nearest mention (with a code) that ends at lim or before it (exact: at
 * lim, or covering lim - 1); -1. */
static int32_t mention_before(const mctx *mc, size_t lim, int exact)
{
    const struct dyad_doc *d = mc->doc;
    int32_t best = -1;
    for (size_t m = mc->m0; m < mc->m1; m++) {
        const dy_mention *mm = &d->men[m];
        if (!mm->code[0] || mm->first >= lim || mm->first < mc->sfirst)
            continue;
        if (best < 0 || mm->end > d->men[best].end ||
            (mm->end == d->men[best].end && mm->first < d->men[best].first))
            best = (int32_t)m;
    }
    if (best >= 0 && exact && !(d->men[best].end >= lim && d->men[best].first < lim))
        return -1;
    return best;
}

static void span(mctx *mc, size_t a, size_t b)
{
    if (a < mc->lo)
        mc->lo = (uint32_t)a;
    if (b > mc->hi)
        mc->hi = (uint32_t)b;
}

/* Elements e.. (after the verb) from token pos on. */
static int match_after(mctx *mc, int e, size_t pos)
{
    if (e >= mc->nel)
        return 1;
    if (--mc->budget < 0)
        return 0;
    const dy_pel *el = &mc->el[e];
    int k = kind(el), a = adj(el);
    size_t lim = a ? pos + 1 : mc->send;
    if (lim > mc->send)
        lim = mc->send;
    switch (k) {
    case PE_WORD:
    case DY_PE_STEM:
        for (size_t i = pos; i < lim; i++)
            if ((k == PE_WORD ? word_ok(mc, i, el->word) : stem_ok(mc, i, el->word)) &&
                match_after(mc, e + 1, i + 1)) {
                span(mc, i, i + 1);
                return 1;
            }
        return 0;
    case DY_PE_SYNSET:
        for (size_t i = pos; i < lim; i++) {
            size_t ends[MAX_ENDS];
            int ne = 0;
            synset_fwd(mc, el->word, i, ends, &ne, 0);
            /* longest member first */
            for (int q = 0; q < ne; q++)
                for (int r = q + 1; r < ne; r++)
                    if (ends[r] > ends[q]) {
                        size_t x = ends[q];
                        ends[q] = ends[r];
                        ends[r] = x;
                    }
            for (int q = 0; q < ne; q++)
                if (match_after(mc, e + 1, ends[q])) {
                    span(mc, i, ends[q]);
                    return 1;
                }
        }
        return 0;
    case PE_TARGET:
    case DY_PE_SOURCE: {
        int32_t m = mention_after(mc, pos, a);
        if (m < 0)
            return 0;
        int32_t *slot = k == PE_TARGET ? &mc->tgt : &mc->src, save = *slot;
        *slot = m;
        size_t end = mc->doc->men[m].end;
        if (match_after(mc, e + 1, end > pos ? end : pos + 1))
            return 1;
        *slot = save;
        return 0;
    }
    case DY_PE_SKIP: {
        const dy_syn *syn = &mc->doc->syn;
        for (size_t i = pos; i < lim; i++) {
            int32_t np = syn->tok_np ? syn->tok_np[i] : -1;
            if (np < 0)
                continue;
            size_t end = syn->np[np].end;
            return match_after(mc, e + 1, end > i ? end : i + 1);
        }
        return 0;
    }
    case DY_PE_PAIR:
    case DY_PE_COMPOUND:
    case DY_PE_GUARD:
        return match_after(mc, e + 1, pos);
    default:
        return 0;
    }
}

/* Elements e, e-1 .. 0 (before the verb), right to left, below token lim;
 * adj_right: element e must end right at lim. */
static int match_before(mctx *mc, int e, size_t lim, int adj_right)
{
    if (e < 0)
        return 1;
    if (--mc->budget < 0)
        return 0;
    const dy_pel *el = &mc->el[e];
    int k = kind(el), a = adj(el);
    size_t low = adj_right ? (lim > mc->sfirst ? lim - 1 : lim) : mc->sfirst;
    switch (k) {
    case PE_WORD:
    case DY_PE_STEM:
        for (size_t i = lim; i-- > low;)
            if ((k == PE_WORD ? word_ok(mc, i, el->word) : stem_ok(mc, i, el->word)) &&
                match_before(mc, e - 1, i, a)) {
                span(mc, i, i + 1);
                return 1;
            }
        return 0;
    case DY_PE_SYNSET: {
        size_t jlow = adj_right ? lim : mc->sfirst + 1;
        for (size_t j = lim; j >= jlow && j > mc->sfirst; j--) {
            size_t starts[MAX_ENDS];
            int ns = 0;
            synset_bwd(mc, el->word, j, starts, &ns, 0);
            /* longest member first */
            for (int q = 0; q < ns; q++)
                for (int r = q + 1; r < ns; r++)
                    if (starts[r] < starts[q]) {
                        size_t x = starts[q];
                        starts[q] = starts[r];
                        starts[r] = x;
                    }
            for (int q = 0; q < ns; q++)
                if (match_before(mc, e - 1, starts[q], a)) {
                    span(mc, starts[q], j);
                    return 1;
                }
        }
        return 0;
    }
    case PE_TARGET:
    case DY_PE_SOURCE: {
        int32_t m = mention_before(mc, lim, adj_right);
        if (m < 0)
            return 0;
        int32_t *slot = k == PE_TARGET ? &mc->tgt : &mc->src, save = *slot;
        *slot = m;
        if (match_before(mc, e - 1, mc->doc->men[m].first, a))
            return 1;
        *slot = save;
        return 0;
    }
    case DY_PE_SKIP: {
        const dy_syn *syn = &mc->doc->syn;
        for (size_t i = lim; i-- > low;) {
            int32_t np = syn->tok_np ? syn->tok_np[i] : -1;
            if (np < 0)
                continue;
            size_t first = syn->np[np].first;
            return match_before(mc, e - 1, first < i ? first : i, a);
        }
        return 0;
    }
    case DY_PE_COMPOUND:
        return match_before(mc, e - 1, lim, 0);
    default:
        return 0;
    }
}

int dy_compat_match(const dyad_ctx *ctx, const struct dyad_doc *doc, const dy_pattern *p, size_t v,
                    size_t sfirst, size_t send, size_t m0, size_t m1, dy_compat_hit *hit)
{
    const dy_events *ev = &ctx->ev;
    mctx mc;
    memset(&mc, 0, sizeof mc);
    mc.ctx = ctx;
    mc.ev = ev;
    mc.doc = doc;
    mc.t = &doc->t;
    mc.sfirst = sfirst;
    mc.send = send;
    mc.m0 = m0;
    mc.m1 = m1;
    mc.src = mc.tgt = -1;
    mc.lo = mc.hi = (uint32_t)v;
    mc.hi++;
    mc.budget = MATCH_BUDGET;
    /* skip the guard; find the verb marker */
    mc.el = &ev->el[p->el_first];
    mc.nel = p->nel;
    int weak = 0;
    if (mc.nel && kind(&mc.el[0]) == DY_PE_GUARD) {
        mc.el++;
        mc.nel--;
        if (mc.nel && kind(&mc.el[0]) == DY_PE_WEAK) {
            weak = 1;
            mc.el++;
            mc.nel--;
        }
    }
    mc.vpos = -1;
    for (int i = 0; i < mc.nel; i++)
        if (kind(&mc.el[i]) == DY_PE_VERB) {
            mc.vpos = i;
            break;
        }
    int32_t pair = -1;
    if (mc.nel && kind(&mc.el[mc.nel - 1]) == DY_PE_PAIR) {
        pair = (int32_t)mc.el[mc.nel - 1].word;
        mc.nel--;
    }
    if (mc.vpos >= 0 && !match_before(&mc, mc.vpos - 1, v, adj(&mc.el[mc.vpos])))
        return 0;
    if (!match_after(&mc, mc.vpos + 1, v + 1))
        return 0;
    hit->src = mc.src;
    hit->tgt = mc.tgt;
    hit->pair_code = pair;
    hit->weak = weak;
    hit->first = mc.lo;
    hit->last = mc.hi ? mc.hi - 1 : 0;
    return 1;
}

int32_t dy_compat_pair_code(const dy_events *ev, const dy_pattern *p)
{
    if (!p->nel)
        return -1;
    const dy_pel *e = &ev->el[p->el_first + p->nel - 1];
    return kind(e) == DY_PE_PAIR ? (int32_t)e->word : -1;
}

int dy_compat_weak(const dy_events *ev, const dy_pattern *p)
{
    return p->nel > 1 && kind(&ev->el[p->el_first]) == DY_PE_GUARD &&
           kind(&ev->el[p->el_first + 1]) == DY_PE_WEAK;
}

/* ---- discards and stems ---- */

static int phrase_at(const dyad_ctx *ctx, const dy_text *t, const dy_pattern *pt, size_t i,
                     size_t end)
{
    mctx mc;
    memset(&mc, 0, sizeof mc);
    mc.ctx = ctx;
    mc.ev = &ctx->ev;
    mc.t = t;
    mc.send = end;
    mc.budget = 1000;
    size_t ends[MAX_ENDS];
    int ne = 0;
    member_fwd(&mc, &ctx->ev.el[pt->el_first], pt->nel, i + 1, ends, &ne, 0);
    return ne > 0;
}

int dy_compat_discard(const dyad_ctx *ctx, const struct dyad_doc *doc, size_t s)
{
    if (!dy_compat_mode(ctx))
        return 0;
    const dy_events *ev = &ctx->ev;
    const dy_text *t = &doc->t;
    const dy_sent *se = &t->sent[s];
    size_t end = se->first + se->ntok;
    int found = 0;
    if (dy_compat_mode(ctx) & DY_COMPAT_TABARI) {
        /* TABARI: an actor coded ### or +++ (mentions are in sentence order) */
        size_t lo = 0, hi = doc->nmen;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (doc->men[mid].sent < s)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t m = lo; m < doc->nmen && doc->men[m].sent == s; m++)
            if (!strcmp(doc->men[m].code, "###") || !strcmp(doc->men[m].code, "+++"))
                found = DY_PC_DISCARD;
    }
    for (size_t i = se->first; i < end; i++) {
        const dy_tok *k = &t->tok[i];
        uint32_t heads[3] = {k->word, k->lemma, 0};
        if (dy_compat_mode(ctx) & DY_COMPAT_TABARI)
            heads[2] = dy_compat_stem(ctx, t->norm + k->norm, k->nlen);
        for (int cls = DY_PC_DISCARD_STORY; cls >= DY_PC_DISCARD; cls--)
            for (int h = 0; h < 3; h++) {
                size_t p0, p1;
                if (!heads[h] || !run_of(ev, cls, heads[h], &p0, &p1))
                    continue;
                for (size_t p = p0; p < p1; p++)
                    if (phrase_at(ctx, t, &ev->pat[p], i, end)) {
                        if (cls == DY_PC_DISCARD_STORY)
                            return cls;
                        found = cls;
                    }
            }
    }
    return found;
}

uint32_t dy_compat_stem(const dyad_ctx *ctx, const char *w, size_t n)
{
    if (n < 3 || !(dy_compat_mode(ctx) & DY_COMPAT_TABARI))
        return 0;
    uint32_t v;
    for (size_t k = n; k >= 3; k--) {
        uint32_t id = dy_word_find(ctx, w, k);
        if (id && dy_map_get(&ctx->ev.by_head, ((uint64_t)DY_PC_STEM << 32) | id, &v))
            return id;
    }
    return 0;
}
