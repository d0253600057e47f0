/* coder.c - coding events from a document.
 *
 * Reads tokens (lemmas, tags), the verb groups and noun phrases of the syntax
 * stage, and the actor mentions; writes doc->ev.
 *
 * Verbs: for each verb group whose lemma has patterns, the patterns are tried
 * longest first over the tokens of its clause (elements in order, gaps
 * allowed; '*' places the target). Source = the subject's actor (the passive
 * agent's for a passive), following the subject up through participles and
 * control verbs; target = the pattern's '*', else the object of the pattern's
 * last preposition, else the direct object (or the "of" complement of an
 * object with no actor: "the outpost of X"), else the first actor after the
 * verb in the clause.
 * Nouns: an event noun ("attack on", "visit to") codes with the actor in
 * front of it or its possessor as source ("Russian attacks", "Russia's
 * attack"), an agent after "by", or the subject of the verb it is the object
 * of.
 * Modality: negated and failed verbs give no event; refused ones take the
 * refusal code of their root and future/intent ones the intent code
 * (data/cameo/modality.tsv); questions, conditionals and bare modals (would,
 * could) give none.
 * Compound actors give one event each; reciprocal codes give both ways. A bare
 * statement (010) is kept only when nothing more specific was coded in the
 * sentence. One event per (source, target, code) a sentence. */
#include "../core/internal.h"

#include <stdio.h>

static int tok_is(const dy_text *t, size_t i, const char *w)
{
    return i < t->ntok && dy_tok_is(t, &t->tok[i], w);
}

static int pattern_range(const dy_events *ev, int noun, uint32_t head, size_t *p0, size_t *p1)
{
    uint32_t v;
    if (!head || !dy_map_get(&ev->by_head, ((uint64_t)noun << 32) | head, &v))
        return 0;
    *p0 = v - 1;
    size_t e = *p0;
    while (e < ev->npat && ev->pat[e].noun == noun && ev->pat[e].head == head)
        e++;
    *p1 = e;
    return 1;
}

static int el_match(const dy_tok *k, uint32_t w)
{
    return k->word == w || (k->lemma && k->lemma == w);
}

/* Mention index covering token i (within [m0, m1)), or -1. Pronoun mentions
 * count: they carry their referent's code. */
static int mention_at(const struct dyad_doc *doc, size_t m0, size_t m1, size_t i)
{
    for (size_t m = m0; m < m1; m++) {
        if (doc->men[m].first > i)
            break;
        if (i < doc->men[m].end && doc->men[m].code[0])
            return (int)m;
    }
    return -1;
}

/* The actor of a noun phrase: a mention covering its head, else the first
 * mention inside it; with follow_of, also the NP after "of" and the possessor. */
static int np_actor(const struct dyad_doc *doc, size_t m0, size_t m1, int32_t np, int follow_of)
{
    if (np < 0)
        return -1;
    const dy_np *n = &doc->syn.np[np];
    int m = mention_at(doc, m0, m1, n->head);
    if (m >= 0)
        return m;
    for (uint32_t i = n->first; i < n->end; i++)
        if ((m = mention_at(doc, m0, m1, i)) >= 0)
            return m;
    if (follow_of) {
        if (n->of >= 0 && (m = np_actor(doc, m0, m1, n->of, 0)) >= 0)
            return m;
        if (n->poss >= 0 && (m = np_actor(doc, m0, m1, n->poss, 0)) >= 0)
            return m;
    }
    return -1;
}

static int push_event(struct dyad_doc *doc, uint32_t sent, int code, int32_t src, int32_t tgt,
                      uint32_t tf, uint32_t te, int32_t pat)
{
    const char *sc = src >= 0 ? doc->men[src].code : "";
    const char *tc = tgt >= 0 ? doc->men[tgt].code : "";
    if (src >= 0 && tgt >= 0 && !strcmp(sc, tc))
        return 0;   /* an actor acting on itself: not an interaction */
    for (size_t i = doc->nev; i-- > 0;) {
        dy_event *e = &doc->ev[i];
        if (e->sent != sent)
            break;
        const char *esc = e->src >= 0 ? doc->men[e->src].code : "";
        const char *etc = e->tgt >= 0 ? doc->men[e->tgt].code : "";
        if (e->code == code && !strcmp(esc, sc) && !strcmp(etc, tc))
            return 0;
    }
    if (DY_GROW(doc->ev, doc->ev_cap, doc->nev + 1))
        return -1;
    dy_event *e = &doc->ev[doc->nev++];
    memset(e, 0, sizeof *e);
    e->sent = sent;
    e->code = code;
    e->src = src;
    e->tgt = tgt;
    e->trig_first = tf;
    e->trig_end = te;
    e->pattern = pat;
    e->date = doc->has_date ? doc->date : INT32_MIN;
    e->timex = -1;
    e->place = -1;
    return 0;
}

/* Members of a compound actor: the NP's conjuncts, or adjacent mentions
 * joined by "and" / ",". */
static size_t compound(const struct dyad_doc *doc, size_t m0, size_t m1, int32_t m, int32_t np,
                       int32_t *out, size_t max)
{
    const dy_text *t = &doc->t;
    size_t n = 0;
    out[n++] = m;
    if (np >= 0) {
        for (int32_t c = doc->syn.np[np].conj; c >= 0 && n < max; c = doc->syn.np[c].conj) {
            int a = np_actor(doc, m0, m1, c, 0);
            if (a >= 0 && a != out[n - 1])
                out[n++] = a;
        }
    }
    /* adjacent mentions: "Hungarian and Romanian officials" */
    for (size_t k = (size_t)m; n < max && k + 1 < m1;) {
        const dy_mention *a = &doc->men[k], *b = &doc->men[k + 1];
        size_t gap = b->first - a->end;
        int joined = (gap == 1 && (tok_is(t, a->end, "and") || tok_is(t, a->end, ","))) ||
                     (gap == 2 && tok_is(t, a->end, ",") && tok_is(t, a->end + 1, "and"));
        if (!joined || b->sent != a->sent)
            break;
        int dup = 0;
        for (size_t j = 0; j < n; j++)
            if (out[j] == (int32_t)(k + 1))
                dup = 1;
        if (!dup)
            out[n++] = (int32_t)(k + 1);
        k++;
    }
    return n;
}

static int is_reciprocal(const dy_events *ev, int code)
{
    return ev->mutual && ev->mutual[code];
}

static int code_root(const dy_events *ev, int code)
{
    const char *c = ev->codes[code].code;
    return (c[0] - '0') * 10 + (c[1] - '0');
}

/* Try the patterns [p0, p1) of the word at token v over tokens (v, cend).
 * Returns the pattern index or -1; *tgt gets the '*' mention, *last the last
 * matched token. */
static int32_t best_pattern(const struct dyad_doc *doc, const dy_events *ev, size_t p0, size_t p1,
                            size_t v, size_t cend, size_t m0, size_t m1, int32_t *tgt, size_t *last)
{
    const dy_text *t = &doc->t;
    for (size_t p = p0; p < p1; p++) {
        const dy_pattern *pt = &ev->pat[p];
        size_t pos = v + 1, lastm = v;
        int32_t tg = -1;
        int ok = 1;
        for (uint32_t e = 0; e < pt->nel && ok; e++) {
            const dy_pel *el = &ev->el[pt->el_first + e];
            if (el->kind == PE_TARGET) {
                int m = -1;
                for (size_t i = pos; i < cend && i < pos + 6; i++)
                    if ((m = mention_at(doc, m0, m1, i)) >= 0)
                        break;
                if (m < 0)
                    ok = 0;
                else {
                    tg = m;
                    pos = doc->men[m].end;
                }
                continue;
            }
            size_t lim = pos + (e == 0 ? 4 : 7);
            size_t i = pos;
            for (; i < cend && i < lim; i++)
                if (el_match(&t->tok[i], el->word))
                    break;
            if (i >= cend || i >= lim)
                ok = 0;
            else {
                lastm = i;
                pos = i + 1;
            }
        }
        if (ok) {
            *tgt = tg;
            *last = lastm;
            return (int32_t)p;
        }
    }
    return -1;
}

/* The subject actor of a verb group, climbing to governing groups for
 * participles, infinitives and control verbs. */
static int vg_subject(const struct dyad_doc *doc, size_t m0, size_t m1, int32_t g, int *np_out)
{
    const dy_syn *syn = &doc->syn;
    for (int hops = 0; g >= 0 && hops < 4; hops++) {
        const dy_vg *vg = &syn->vg[g];
        int32_t np = (vg->flags & VG_PASSIVE) ? vg->agent : vg->subj;
        int m = np_actor(doc, m0, m1, np, 0);
        if (m >= 0) {
            *np_out = np;
            return m;
        }
        if (np >= 0 && !(vg->flags & (VG_PART | VG_INF)))
            return -1;   /* a subject without an actor */
        g = vg->parent;
    }
    return -1;
}

static int emit(struct dyad_doc *doc, const dy_events *ev, size_t m0, size_t m1, uint32_t s, int code,
                int32_t src, int32_t src_np, int32_t tgt, int32_t tgt_np, uint32_t trig, int32_t pat)
{
    int32_t srcs[8], tgts[8];
    size_t ns = compound(doc, m0, m1, src, src_np, srcs, 8);
    size_t nt = tgt >= 0 ? compound(doc, m0, m1, tgt, tgt_np, tgts, 8) : 0;
    if (!nt) {
        tgts[0] = -1;
        nt = 1;
    }
    int recip = is_reciprocal(ev, code);
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < nt; b++) {
            if (push_event(doc, s, code, srcs[a], tgts[b], trig, trig + 1, pat))
                return -1;
            if (recip && tgts[b] >= 0 && push_event(doc, s, code, tgts[b], srcs[a], trig, trig + 1, pat))
                return -1;
        }
    int root = code_root(ev, code);
    if ((recip || (root >= 3 && root <= 6)) && ns > 1 && tgts[0] < 0)
        for (size_t a = 0; a < ns; a++)
            for (size_t b = 0; b < ns; b++)
                if (a != b && push_event(doc, s, code, srcs[a], srcs[b], trig, trig + 1, pat))
                    return -1;
    return 0;
}

/* Apply modality; returns the code to use, or -1 for no event. */
static int modal_code(const dy_events *ev, int code, uint32_t flags)
{
    if (flags & (VG_NEG | VG_FAILED | VG_QUESTION | VG_HYPOTHETICAL))
        return -1;
    int root = code_root(ev, code);
    if (flags & VG_REFUSED)
        return root == 12 ? code : ev->refuse_code[root] >= 0 ? ev->refuse_code[root] : -1;
    if (flags & (VG_FUTURE | VG_INTENT)) {
        if (ev->intent_code[root] >= 0)
            return ev->intent_code[root];
        return code;
    }
    if ((flags & VG_MODAL) && root != 13)
        return -1;
    return code;
}

/* Flags in force for a verb group: its own, plus those of the control verbs
 * above it ("failed to convince", "plans to visit"). */
static uint32_t vg_flags(const dy_syn *syn, int32_t g)
{
    uint32_t f = syn->vg[g].flags;
    int32_t p = syn->vg[g].parent;
    for (int hops = 0; p >= 0 && hops < 3; hops++) {
        const dy_vg *pv = &syn->vg[p];
        if (pv->xcomp != g)
            break;
        f |= pv->flags & (VG_NEG | VG_FAILED | VG_REFUSED | VG_FUTURE | VG_INTENT | VG_QUESTION |
                          VG_HYPOTHETICAL | VG_MODAL);
        g = p;
        p = pv->parent;
    }
    return f;
}

int dy_events_code(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    const dy_events *ev = &ctx->ev;
    const dy_text *t = &doc->t;
    const dy_syn *syn = &doc->syn;
    doc->nev = 0;
    size_t m0 = 0;
    for (size_t s = 0; s < t->nsent; s++) {
        const dy_sent *se = &t->sent[s];
        size_t first = se->first, end = first + se->ntok;
        while (m0 < doc->nmen && doc->men[m0].sent < s)
            m0++;
        size_t m1 = m0;
        while (m1 < doc->nmen && doc->men[m1].sent == s)
            m1++;
        if (m1 == m0 || !syn->sent_vg)
            continue;
        size_t ev0 = doc->nev;
        uint32_t g0 = syn->sent_vg[s], g1 = syn->sent_vg[s + 1];
        int32_t coded_obj[64];
        size_t ncoded_obj = 0;

        /* ---- verbs ---- */
        for (uint32_t g = g0; g < g1; g++) {
            const dy_vg *vg = &syn->vg[g];
            size_t p0, p1;
            const dy_tok *hk = &t->tok[vg->head];
            if (!pattern_range(ev, 0, vg->lemma, &p0, &p1) &&
                !pattern_range(ev, 0, hk->word, &p0, &p1))
                continue;
            /* the clause: up to the next verb group that is not this one's
             * complement chain */
            size_t cend = end;
            for (uint32_t h = g + 1; h < g1; h++) {
                int chained = 0;
                for (int32_t x = vg->xcomp; x >= 0; x = syn->vg[x].xcomp)
                    if ((uint32_t)x == h)
                        chained = 1;
                if (!chained) {
                    cend = syn->vg[h].first;
                    break;
                }
            }
            for (size_t i = vg->head + 1; i < cend; i++)
                if (tok_is(t, i, ";")) {
                    cend = i;
                    break;
                }
            int32_t tgt = -1;
            size_t last = vg->head;
            int32_t pat = best_pattern(doc, ev, p0, p1, vg->head, cend, m0, m1, &tgt, &last);
            if (pat < 0 || ev->pat[pat].code == DY_CODE_NONE)
                continue;
            int code = modal_code(ev, ev->pat[pat].code, vg_flags(syn, (int32_t)g));
            if (code < 0)
                continue;
            int src_np = -1;
            int src = vg_subject(doc, m0, m1, (int32_t)g, &src_np);
            int32_t tgt_np = -1;
            if (tgt < 0) {
                const dy_pattern *pt = &ev->pat[pat];
                /* the object of the pattern's last word when it is a preposition */
                if (pt->nel) {
                    const dy_pel *le = &ev->el[pt->el_first + pt->nel - 1];
                    if (le->kind == PE_WORD)
                        for (uint32_t k = 0; k < vg->npp && tgt < 0; k++) {
                            const dy_pp *pp = &syn->pp[vg->pp_first + k];
                            if (pp->prep == last || el_match(&t->tok[pp->prep], le->word)) {
                                tgt = np_actor(doc, m0, m1, pp->np, 1);
                                tgt_np = pp->np;
                            }
                        }
                }
                if (tgt < 0) {
                    int32_t obj = (vg->flags & VG_PASSIVE) ? vg->subj : vg->obj;
                    tgt = np_actor(doc, m0, m1, obj, 1);
                    tgt_np = obj;
                }
                if (tgt < 0 && vg->iobj >= 0) {
                    tgt = np_actor(doc, m0, m1, vg->iobj, 0);
                    tgt_np = vg->iobj;
                }
                if (tgt < 0)
                    for (uint32_t k = 0; k < vg->npp && tgt < 0; k++) {
                        const dy_pp *pp = &syn->pp[vg->pp_first + k];
                        if (tok_is(t, pp->prep, "to") || tok_is(t, pp->prep, "with") ||
                            tok_is(t, pp->prep, "against") || tok_is(t, pp->prep, "on") ||
                            tok_is(t, pp->prep, "at") || tok_is(t, pp->prep, "for") ||
                            tok_is(t, pp->prep, "into")) {
                            tgt = np_actor(doc, m0, m1, pp->np, 1);
                            tgt_np = pp->np;
                        }
                    }
                if (tgt < 0 && last > vg->head) {
                    for (size_t i = last + 1; i < cend && tgt < 0; i++)
                        tgt = mention_at(doc, m0, m1, i);
                }
            }
            if ((vg->flags & VG_SPEECH) && tgt < 0 && code_root(ev, code) == 1) {
                /* "X said Y would ...": the reported clause's subject */
                for (uint32_t h = g + 1; h < g1 && tgt < 0; h++)
                    if (syn->vg[h].parent == (int32_t)g) {
                        tgt = np_actor(doc, m0, m1, syn->vg[h].subj, 0);
                        tgt_np = syn->vg[h].subj;
                    }
                if (tgt < 0)
                    continue;   /* a bare attribution is no event */
            }
            if (src < 0) {
                /* no subject actor: an actor just before the verb group */
                for (size_t i = vg->first; i-- > first && i + 3 > vg->first;) {
                    int m = mention_at(doc, m0, m1, i);
                    if (m >= 0) {
                        src = m;
                        break;
                    }
                }
            }
            if (src < 0 || src == tgt)
                continue;
            if (emit(doc, ev, m0, m1, (uint32_t)s, code, src, src_np, tgt, tgt_np, vg->head, pat))
                return -1;
            if (vg->obj >= 0 && ncoded_obj < 64)
                coded_obj[ncoded_obj++] = vg->obj;
        }

        /* ---- nouns ---- */
        uint32_t n0 = syn->sent_np[s], n1 = syn->sent_np[s + 1];
        for (uint32_t n = n0; n < n1; n++) {
            const dy_np *np = &syn->np[n];
            int skip = 0;
            for (size_t c = 0; c < ncoded_obj; c++)
                if (coded_obj[c] == (int32_t)n)
                    skip = 1;   /* "launched an attack on": the verb coded it */
            for (uint32_t i = np->first; i < np->end && !skip; i++) {
                const dy_tok *k = &t->tok[i];
                if (k->kind != TK_WORD || mention_at(doc, m0, m1, i) >= 0)
                    continue;
                size_t p0, p1;
                uint32_t head = k->lemma ? k->lemma : k->word;
                if (!pattern_range(ev, 1, head, &p0, &p1) && !pattern_range(ev, 1, k->word, &p0, &p1))
                    continue;
                /* the noun's reach: its NP and the prepositional phrases after it */
                size_t cend = end;
                int32_t vgn = syn->tok_vg ? -1 : -1;
                for (size_t j = np->end; j < end; j++)
                    if (syn->tok_vg && syn->tok_vg[j] >= 0) {
                        cend = j;
                        break;
                    }
                int32_t tgt = -1;
                size_t last = i;
                int32_t pat = best_pattern(doc, ev, p0, p1, i, cend, m0, m1, &tgt, &last);
                if (pat < 0 || ev->pat[pat].code == DY_CODE_NONE)
                    continue;
                int code = ev->pat[pat].code;
                if (ev->pat[pat].nel == 0 && i + 1 < np->end)
                    continue;   /* a bare noun used as a modifier: "attack helicopters" */
                if (tgt < 0 && ev->pat[pat].nel > 0)
                    for (size_t j = last + 1; j < cend && j < last + 8 && tgt < 0; j++)
                        tgt = mention_at(doc, m0, m1, j);
                /* source: in front of the noun, its possessor, "by X", or the
                 * subject of the verb whose object this NP is */
                int src = -1;
                for (uint32_t j = np->first; j < i && src < 0; j++)
                    src = mention_at(doc, m0, m1, j);
                if (src < 0)
                    src = np_actor(doc, m0, m1, np->poss, 0);
                if (src < 0)
                    for (size_t j = np->end; j + 1 < cend && j < np->end + 6; j++)
                        if (tok_is(t, j, "by")) {
                            for (size_t q = j + 1; q < cend && q < j + 5 && src < 0; q++)
                                src = mention_at(doc, m0, m1, q);
                            break;
                        }
                if (src < 0)
                    for (uint32_t g = g0; g < g1 && src < 0; g++)
                        if (syn->vg[g].obj == (int32_t)n) {
                            int snp;
                            src = vg_subject(doc, m0, m1, (int32_t)g, &snp);
                            if (vg_flags(syn, (int32_t)g) & (VG_NEG | VG_FAILED | VG_QUESTION))
                                code = -1;
                        }
                (void)vgn;
                if (code < 0 || src < 0 || src == tgt)
                    continue;
                if (emit(doc, ev, m0, m1, (uint32_t)s, code, src, -1, tgt, -1, i, pat))
                    return -1;
                break;   /* one trigger per noun phrase */
            }
        }

        /* a bare statement only when nothing more specific was coded; an event
         * without target only when no targeted one of its root has its source */
        int specific = 0;
        for (size_t i = ev0; i < doc->nev; i++)
            if (code_root(ev, doc->ev[i].code) != 1 || strcmp(ev->codes[doc->ev[i].code].code, "010"))
                specific = 1;
        size_t w = ev0;
        for (size_t i = ev0; i < doc->nev; i++) {
            dy_event *e = &doc->ev[i];
            if (specific && !strcmp(ev->codes[e->code].code, "010"))
                continue;
            if (e->tgt < 0) {
                int dup = 0;
                for (size_t j = ev0; j < doc->nev; j++)
                    if (j != i && doc->ev[j].tgt >= 0 &&
                        !strcmp(doc->men[doc->ev[j].src].code, doc->men[e->src].code) &&
                        code_root(ev, doc->ev[j].code) == code_root(ev, e->code))
                        dup = 1;
                if (dup)
                    continue;
            }
            doc->ev[w++] = *e;
        }
        doc->nev = w;
    }
    return 0;
}
