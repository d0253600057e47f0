/* petr_match.c - matching what the foreign dictionaries say beyond dyad's own
 * pattern format, for src/compat's coder (petr_code.c): patterns (words and
 * synsets before and after the verb, '$' source and '+' target positions,
 * '^' skips, '%' compounds, adjacency), discard phrases and TABARI stems.
 * Reads the document's tokens, noun phrases and actor mentions and the
 * loaded tables; never writes or allocates.
 *
 * Semantics (TABARI's, which PETRARCH keeps for its patterns): elements after
 * the verb are found left to right up to the end of the clause, elements
 * before it right to left back to its start, over the tokens the coder has
 * not deleted (TABARI's subordinate phrases); other words may stand between
 * two elements unless the second is joined to the first (DY_PE_ADJ). A word
 * matches a token by its form (a TABARI stem: any token beginning with it); a
 * synset by any member phrase, longest first (whose words stand together,
 * except those a TABARI dictionary joined with a blank); '+' and '$' take the
 * nearest actor mention in their direction, '%' the nearest one in a
 * compound; '^' passes over the next actor and its compound (TABARI) or the
 * next noun phrase (PETRARCH: "* THEIR ^ +", "warned their populations about
 * the Prince"). A failed element makes the matcher try the next position of
 * the element before it (backtracking, bounded). */
#include "petr.h"

#define MATCH_BUDGET 20000   /* element trials per pattern, to bound the worst case */
#define MAX_ENDS 16

typedef struct mctx {
    const dyad_ctx *ctx;
    const dy_events *ev;
    const struct dyad_doc *doc;
    const dy_text *t;
    size_t first, end, m0, m1;   /* the scope */
    const uint8_t *dead, *men_dead;
    const dy_pel *el;
    int nel, vpos;
    int32_t src, tgt, comp;
    int nskip;
    uint32_t skip_first[4], skip_end[4];
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

/* ---- the scope: live tokens and mentions ---- */

static int live(const mctx *mc, size_t i)
{
    return i >= mc->first && i < mc->end && !(mc->dead && mc->dead[i - mc->first]);
}

/* The first live token at i or after it (mc->end when none). */
static size_t next_live(const mctx *mc, size_t i)
{
    if (i < mc->first)
        i = mc->first;
    while (i < mc->end && !live(mc, i))
        i++;
    return i;
}

/* The last live token before i, or SIZE_MAX. */
static size_t prev_live(const mctx *mc, size_t i)
{
    if (i > mc->end)
        i = mc->end;
    while (i > mc->first) {
        i--;
        if (live(mc, i))
            return i;
    }
    return SIZE_MAX;
}

static int men_ok(const mctx *mc, size_t m)
{
    const dy_mention *mm = &mc->doc->men[m];
    return mm->code[0] && !(mc->men_dead && mc->men_dead[m - mc->m0]) && mm->first >= mc->first &&
           mm->first < mc->end;
}

/* The compound (consecutive DY_AM_GROUP mentions) of mention m: [*g0, *g1). */
static void group_of(const mctx *mc, size_t m, size_t *g0, size_t *g1)
{
    const dy_mention *men = mc->doc->men;
    size_t a = m, b = m + 1;
    while (a > mc->m0 && (men[a].flags & DY_AM_GROUP))
        a--;
    while (b < mc->m1 && (men[b].flags & DY_AM_GROUP))
        b++;
    *g0 = a;
    *g1 = b;
}

/* A pattern word matches the form as written, as in PETRARCH and TABARI
 * ("RESOLUTION" is not "resolutions"; a TABARI stem is a DY_PE_STEM). */
static int word_ok(const mctx *mc, size_t i, uint32_t w)
{
    return live(mc, i) && mc->t->tok[i].word == w;
}

static int stem_ok(const mctx *mc, size_t i, uint32_t w)
{
    if (!live(mc, i))
        return 0;
    const dy_tok *k = &mc->t->tok[i];
    uint32_t n = dy_intern_len(&mc->ctx->words, w);
    return k->nlen >= n && !memcmp(mc->t->norm + k->norm, dy_intern_str(&mc->ctx->words, w), n);
}

static int elem_ok(const mctx *mc, size_t i, const dy_pel *el)
{
    return kind(el) == PE_WORD ? word_ok(mc, i, el->word) : stem_ok(mc, i, el->word);
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

/* Synset members: where a member of synset sid that starts at live token i
 * ends (the token after its last word), forwards; or, backwards, where one
 * whose last word is the live token before j starts. The words of a member
 * stand together unless a blank joined them in a TABARI dictionary (then
 * other words may stand between). */
static int member_fwd(mctx *mc, const dy_pel *el, int n, size_t i, size_t *ends, int *ne, int depth,
                      int anchored);
static int member_bwd(mctx *mc, const dy_pel *el, int n, size_t j, size_t *starts, int *ns,
                      int depth, int anchored);

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
        member_fwd(mc, &mc->ev->el[pt->el_first], pt->nel, i, ends, ne, depth + 1, 1);
    }
}

static void synset_bwd(mctx *mc, uint32_t sid, size_t j, size_t *starts, int *ns, int depth)
{
    size_t p0, p1;
    if (depth > 4 || !run_of(mc->ev, DY_PC_SYNSET, sid, &p0, &p1))
        return;
    for (size_t p = p0; p < p1; p++) {
        const dy_pattern *pt = &mc->ev->pat[p];
        member_bwd(mc, &mc->ev->el[pt->el_first], pt->nel, j, starts, ns, depth + 1, 1);
    }
}

/* Elements el[0..n) from live token i on (anchored: the first one at i):
 * every end reached. */
static int member_fwd(mctx *mc, const dy_pel *el, int n, size_t i, size_t *ends, int *ne, int depth,
                      int anchored)
{
    if (n == 0)
        return add_pos(ends, ne, i);
    size_t lim = anchored ? i + 1 : mc->end;
    for (size_t at = i; at < lim && at < mc->end; at++) {
        if (--mc->budget < 0)
            return 0;
        if (!live(mc, at))
            continue;
        int k = kind(el);
        int nadj = n > 1 ? adj(&el[1]) : 1;
        if (k == PE_WORD || k == DY_PE_STEM) {
            if (elem_ok(mc, at, el))
                member_fwd(mc, el + 1, n - 1, n > 1 ? next_live(mc, at + 1) : at + 1, ends, ne,
                           depth, nadj);
        } else if (k == DY_PE_SYNSET) {
            size_t e[MAX_ENDS];
            int m = 0;
            synset_fwd(mc, el->word, at, e, &m, depth);
            for (int q = 0; q < m; q++)
                member_fwd(mc, el + 1, n - 1, n > 1 ? next_live(mc, e[q]) : e[q], ends, ne, depth,
                           nadj);
        }
    }
    return 0;
}

/* Elements el[0..n) whose last word is the live token before j (anchored)
 * or any earlier one: every start (the first word's token). */
static int member_bwd(mctx *mc, const dy_pel *el, int n, size_t j, size_t *starts, int *ns,
                      int depth, int anchored)
{
    if (n == 0)
        return add_pos(starts, ns, j);
    const dy_pel *last = &el[n - 1];
    int k = kind(last);
    for (size_t i = prev_live(mc, j); i != SIZE_MAX; i = prev_live(mc, i)) {
        if (--mc->budget < 0)
            return 0;
        if (k == PE_WORD || k == DY_PE_STEM) {
            if (elem_ok(mc, i, last))
                member_bwd(mc, el, n - 1, i, starts, ns, depth, adj(last));
        } else if (k == DY_PE_SYNSET) {
            size_t s[MAX_ENDS];
            int m = 0;
            synset_bwd(mc, last->word, i + 1, s, &m, depth);
            for (int q = 0; q < m; q++)
                member_bwd(mc, el, n - 1, s[q], starts, ns, depth, adj(last));
        }
        if (anchored)
            break;
    }
    return 0;
}

/* The nearest live mention (with a code) after token pos: one covering pos
 * or starting later (exact: covering the first live token at pos); -1. */
static int32_t mention_after(const mctx *mc, size_t pos, int exact, int compound)
{
    const struct dyad_doc *d = mc->doc;
    size_t at = next_live(mc, pos);
    for (size_t m = mc->m0; m < mc->m1; m++) {
        const dy_mention *mm = &d->men[m];
        if (!men_ok(mc, m) || mm->end <= at)
            continue;
        if (compound) {
            size_t g0, g1;
            group_of(mc, m, &g0, &g1);
            if (g1 - g0 < 2)
                continue;
        }
        if (exact && !(mm->first <= at && at < mm->end))
            return -1;
        return (int32_t)m;
    }
    return -1;
}

/* The nearest live mention (with a code) that ends at lim or before it
 * (exact: covering the last live token before lim); -1. */
static int32_t mention_before(const mctx *mc, size_t lim, int exact, int compound)
{
    const struct dyad_doc *d = mc->doc;
    int32_t best = -1;
    for (size_t m = mc->m0; m < mc->m1; m++) {
        const dy_mention *mm = &d->men[m];
        if (!men_ok(mc, m) || mm->first >= lim)
            continue;
        if (compound) {
            size_t g0, g1;
            group_of(mc, m, &g0, &g1);
            if (g1 - g0 < 2)
                continue;
        }
        if (best < 0 || mm->end > d->men[best].end ||
            (mm->end == d->men[best].end && mm->first < d->men[best].first))
            best = (int32_t)m;
    }
    if (best >= 0 && exact) {
        size_t i = prev_live(mc, lim);
        if (i == SIZE_MAX || !(d->men[best].first <= i && i < d->men[best].end))
            return -1;
    }
    return best;
}

static void span(mctx *mc, size_t a, size_t b)
{
    if (a < mc->lo)
        mc->lo = (uint32_t)a;
    if (b > mc->hi)
        mc->hi = (uint32_t)b;
}

/* The tokens of mention m's compound: [*f, *e). */
static void group_span(const mctx *mc, size_t m, uint32_t *f, uint32_t *e)
{
    size_t g0, g1;
    group_of(mc, m, &g0, &g1);
    *f = UINT32_MAX;
    *e = 0;
    for (size_t k = g0; k < g1; k++) {
        if (mc->doc->men[k].first < *f)
            *f = mc->doc->men[k].first;
        if (mc->doc->men[k].end > *e)
            *e = mc->doc->men[k].end;
    }
}

/* The next noun phrase (of the syntax stage) at token pos or after it
 * (exact: starting at the first live token at pos), with the mentions it
 * overlaps: [*f, *e). */
static int np_after(const mctx *mc, size_t pos, int exact, uint32_t *f, uint32_t *e)
{
    const dy_syn *syn = &mc->doc->syn;
    if (!syn->tok_np)
        return 0;
    for (size_t i = next_live(mc, pos); i < mc->end; i = next_live(mc, i + 1)) {
        int32_t np = syn->tok_np[i];
        if (np >= 0) {
            *f = (uint32_t)i;
            *e = syn->np[np].end > i ? syn->np[np].end : (uint32_t)i + 1;
            for (size_t m = mc->m0; m < mc->m1; m++)
                if (mc->doc->men[m].first < *e && mc->doc->men[m].end > *e &&
                    mc->doc->men[m].first >= *f)
                    *e = mc->doc->men[m].end;
            return 1;
        }
        if (exact)
            return 0;
    }
    return 0;
}

/* The noun phrase that ends before token lim (exact: at the last live token
 * before it): [*f, *e). */
static int np_before(const mctx *mc, size_t lim, int exact, uint32_t *f, uint32_t *e)
{
    const dy_syn *syn = &mc->doc->syn;
    if (!syn->tok_np)
        return 0;
    for (size_t i = prev_live(mc, lim); i != SIZE_MAX; i = prev_live(mc, i)) {
        int32_t np = syn->tok_np[i];
        if (np >= 0) {
            *e = (uint32_t)i + 1;
            *f = syn->np[np].first < i ? syn->np[np].first : (uint32_t)i;
            if (*f < mc->first)
                *f = (uint32_t)mc->first;
            return 1;
        }
        if (exact)
            return 0;
    }
    return 0;
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
    size_t start = next_live(mc, pos);
    size_t lim = a ? (start < mc->end ? start + 1 : start) : mc->end;
    switch (k) {
    case PE_WORD:
    case DY_PE_STEM:
        for (size_t i = start; i < lim; i++)
            if (elem_ok(mc, i, el) && match_after(mc, e + 1, i + 1)) {
                span(mc, i, i + 1);
                return 1;
            }
        return 0;
    case DY_PE_SYNSET:
        for (size_t i = start; i < lim; i++) {
            if (!live(mc, i))
                continue;
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
    case DY_PE_SOURCE:
    case DY_PE_COMPOUND: {
        int32_t m = mention_after(mc, pos, a, k == DY_PE_COMPOUND);
        if (m < 0)
            return 0;
        int32_t *slot = k == PE_TARGET ? &mc->tgt : k == DY_PE_SOURCE ? &mc->src : &mc->comp;
        int32_t save = *slot;
        *slot = m;
        uint32_t gf, ge;
        group_span(mc, (size_t)m, &gf, &ge);
        size_t end = k == DY_PE_COMPOUND ? ge : mc->doc->men[m].end;
        if (match_after(mc, e + 1, end > pos ? end : pos + 1))
            return 1;
        *slot = save;
        return 0;
    }
    case DY_PE_SKIP: {
        /* '^': pass over the next actor (its whole compound); PETRARCH: the
         * next noun phrase */
        uint32_t gf, ge;
        if (!(dy_compat_mode(mc->ctx) & DY_COMPAT_TABARI)) {
            if (!np_after(mc, pos, a, &gf, &ge))
                return 0;
        } else {
            int32_t m = mention_after(mc, pos, a, 0);
            if (m < 0)
                return 0;
            group_span(mc, (size_t)m, &gf, &ge);
        }
        int save = mc->nskip;
        if (mc->nskip < 4) {
            mc->skip_first[mc->nskip] = gf;
            mc->skip_end[mc->nskip++] = ge;
        }
        if (match_after(mc, e + 1, ge > pos ? ge : pos + 1))
            return 1;
        mc->nskip = save;
        return 0;
    }
    case DY_PE_PAIR:
    case DY_PE_GUARD:
        return match_after(mc, e + 1, pos);
    default:
        return 0;
    }
}

/* Elements e, e-1 .. 0 (before the verb), right to left, below token lim;
 * adj_right: element e must end right at lim (at the last live token before
 * it). */
static int match_before(mctx *mc, int e, size_t lim, int adj_right)
{
    if (e < 0)
        return 1;
    if (--mc->budget < 0)
        return 0;
    const dy_pel *el = &mc->el[e];
    int k = kind(el), a = adj(el);
    switch (k) {
    case PE_WORD:
    case DY_PE_STEM:
        for (size_t i = prev_live(mc, lim); i != SIZE_MAX; i = prev_live(mc, i)) {
            if (elem_ok(mc, i, el) && match_before(mc, e - 1, i, a)) {
                span(mc, i, i + 1);
                return 1;
            }
            if (adj_right)
                break;
        }
        return 0;
    case DY_PE_SYNSET: {
        for (size_t last = prev_live(mc, lim); last != SIZE_MAX; last = prev_live(mc, last)) {
            size_t j = last + 1;
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
            if (adj_right)
                break;
        }
        return 0;
    }
    case PE_TARGET:
    case DY_PE_SOURCE:
    case DY_PE_COMPOUND: {
        int32_t m = mention_before(mc, lim, adj_right, k == DY_PE_COMPOUND);
        if (m < 0)
            return 0;
        int32_t *slot = k == PE_TARGET ? &mc->tgt : k == DY_PE_SOURCE ? &mc->src : &mc->comp;
        int32_t save = *slot;
        *slot = m;
        uint32_t gf, ge;
        group_span(mc, (size_t)m, &gf, &ge);
        if (match_before(mc, e - 1, k == DY_PE_COMPOUND ? gf : mc->doc->men[m].first, a))
            return 1;
        *slot = save;
        return 0;
    }
    case DY_PE_SKIP: {
        uint32_t gf, ge;
        if (!(dy_compat_mode(mc->ctx) & DY_COMPAT_TABARI)) {
            if (!np_before(mc, lim, adj_right, &gf, &ge))
                return 0;
        } else {
            int32_t m = mention_before(mc, lim, adj_right, 0);
            if (m < 0)
                return 0;
            group_span(mc, (size_t)m, &gf, &ge);
        }
        int save = mc->nskip;
        if (mc->nskip < 4) {
            mc->skip_first[mc->nskip] = gf;
            mc->skip_end[mc->nskip++] = ge;
        }
        if (match_before(mc, e - 1, gf, a))
            return 1;
        mc->nskip = save;
        return 0;
    }
    default:
        return 0;
    }
}

int dy_compat_match(const dyad_ctx *ctx, const struct dyad_doc *doc, const dy_pattern *p, size_t v,
                    const dy_compat_scope *sc, dy_compat_hit *hit)
{
    const dy_events *ev = &ctx->ev;
    mctx mc;
    memset(&mc, 0, sizeof mc);
    mc.ctx = ctx;
    mc.ev = ev;
    mc.doc = doc;
    mc.t = &doc->t;
    mc.first = sc->first;
    mc.end = sc->end;
    mc.m0 = sc->m0;
    mc.m1 = sc->m1;
    mc.dead = sc->dead;
    mc.men_dead = sc->men_dead;
    mc.src = mc.tgt = mc.comp = -1;
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
    hit->compound = mc.comp;
    hit->pair_code = pair;
    hit->weak = weak;
    hit->nskip = mc.nskip;
    memcpy(hit->skip_first, mc.skip_first, sizeof mc.skip_first);
    memcpy(hit->skip_end, mc.skip_end, sizeof mc.skip_end);
    hit->first = mc.lo;
    hit->last = mc.hi ? mc.hi - 1 : 0;
    return 1;
}

/* ---- discards and stems ---- */

static int phrase_at(const dyad_ctx *ctx, const dy_text *t, const dy_pattern *pt, size_t i,
                     size_t first, size_t end)
{
    mctx mc;
    memset(&mc, 0, sizeof mc);
    mc.ctx = ctx;
    mc.ev = &ctx->ev;
    mc.t = t;
    mc.first = first;
    mc.end = end;
    mc.budget = 1000;
    size_t ends[MAX_ENDS];
    int ne = 0;
    member_fwd(&mc, &ctx->ev.el[pt->el_first], pt->nel, i + 1, ends, &ne, 0,
               pt->nel ? adj(&ctx->ev.el[pt->el_first]) : 1);
    return ne > 0;
}

int dy_compat_phrase(const dyad_ctx *ctx, const struct dyad_doc *doc, int cls, uint32_t head,
                     size_t i, size_t first, size_t end)
{
    size_t p0, p1;
    if (!run_of(&ctx->ev, cls, head, &p0, &p1))
        return 0;
    for (size_t p = p0; p < p1; p++)
        if (phrase_at(ctx, &doc->t, &ctx->ev.pat[p], i, first, end))
            return 1;
    return 0;
}

int dy_compat_discard(const dyad_ctx *ctx, const struct dyad_doc *doc, size_t s, size_t m0,
                      size_t m1)
{
    if (!dy_compat_mode(ctx))
        return 0;
    const dy_events *ev = &ctx->ev;
    const dy_text *t = &doc->t;
    const dy_sent *se = &t->sent[s];
    size_t end = se->first + se->ntok;
    int found = 0;
    if (dy_compat_mode(ctx) & DY_COMPAT_TABARI) {
        /* TABARI: an actor coded ### or +++ */
        for (size_t m = m0; m < m1; m++)
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
                    if (phrase_at(ctx, t, &ev->pat[p], i, se->first, end)) {
                        if (cls == DY_PC_DISCARD_STORY)
                            return cls;
                        found = cls;
                    }
            }
    }
    return found;
}

int dy_compat_stems(const dyad_ctx *ctx, const char *w, size_t n, uint32_t *out, int max)
{
    uint32_t lens;
    if (n < 3 || !dy_map_get(&ctx->ev.by_head, (uint64_t)DY_PC_STEMLEN << 32, &lens))
        return 0;
    int k0 = 0;
    uint32_t v;
    for (size_t k = n; k >= 3 && k0 < max; k--) {
        if (!(lens & (1u << (k < 31 ? k : 31))))
            continue;
        uint32_t id = dy_word_find(ctx, w, k);
        if (id && dy_map_get(&ctx->ev.by_head, ((uint64_t)DY_PC_STEM << 32) | id, &v) &&
            !dy_map_get(&ctx->ev.by_head, ((uint64_t)DY_PC_NOEND << 32) | id, &v))
            out[k0++] = id;
    }
    return k0;
}

uint32_t dy_compat_stem(const dyad_ctx *ctx, const char *w, size_t n)
{
    uint32_t v, lens;
    if (n < 3 || !dy_map_get(&ctx->ev.by_head, (uint64_t)DY_PC_STEMLEN << 32, &lens))
        return 0;
    for (size_t k = n; k >= 3; k--) {
        if (!(lens & (1u << (k < 31 ? k : 31))))
            continue;
        uint32_t id = dy_word_find(ctx, w, k);
        if (id && dy_map_get(&ctx->ev.by_head, ((uint64_t)DY_PC_STEM << 32) | id, &v))
            return id;
    }
    return 0;
}
