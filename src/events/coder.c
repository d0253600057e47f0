/* coder.c - coding events from a document.
 *
 * Reads tokens (lemmas, tags), the verb groups of the syntax stage when it
 * found them, and the actor mentions; writes doc->ev. For each trigger (a verb
 * or event noun with patterns):
 *   - the patterns of its lemma are tried longest first: elements must follow
 *     in order inside the clause; '*' places the target;
 *   - source = the subject (syntax) or, failing that, the nearest actor before
 *     the trigger that is not inside a prepositional phrase; for a noun, the
 *     actor in front of it ("Russian attacks", "Russia's attack") or the
 *     clause's subject; target = the pattern's '*', the object of its last
 *     preposition, or the direct object / first actor after the trigger;
 *   - negated and failed actions give no event; refusal keeps its own code;
 *     future and intent turn cooperative roots into 03x and violent ones into
 *     the threat codes (data/cameo/intent.tsv); questions and if-clauses give
 *     none;
 *   - compound actors give one event each; reciprocal verbs give both ways;
 *   - a bare statement (010) is kept only when nothing more specific was
 *     coded in the sentence. One event per (source, target, code) a sentence. */
#include "../core/internal.h"

#include <stdio.h>

static int tok_is(const dy_text *t, size_t i, const char *w)
{
    return i < t->ntok && dy_tok_is(t, &t->tok[i], w);
}

static int is_prep(const dy_text *t, size_t i)
{
    static const char *p[] = {"of", "in", "on", "to", "with", "for", "from", "by", "at",
                              "against", "into", "over", "about", "inside", "near", "across",
                              "toward", "towards", "between", "among", "under", "after", "before",
                              "like", "including"};
    if (i >= t->ntok)
        return 0;
    if (t->tok[i].tag)
        return t->tok[i].tag == T_IN || t->tok[i].tag == T_TO;
    for (size_t k = 0; k < sizeof p / sizeof *p; k++)
        if (dy_tok_is(t, &t->tok[i], p[k]))
            return 1;
    return 0;
}

/* Words that may sit between a subject and its verb. */
static int is_aux_between(const dy_text *t, size_t i)
{
    static const char *w[] = {"has", "have", "had", "was", "were", "is", "are", "be", "been",
                              "will", "would", "could", "can", "may", "might", "should", "must",
                              "shall", "also", "not", "n't", "never", "so", "far", "already",
                              "reportedly", "again", "did", "does", "do", "repeatedly", "then",
                              "later", "now", "still", "just", "always", "to", "allegedly",
                              "jointly", "formally", "officially", "first", "recently", "yet",
                              "both", "all", "had", "themselves", "itself", "once"};
    const dy_tok *k = &t->tok[i];
    if (k->tag == T_RB || k->tag == T_MD)
        return 1;
    for (size_t j = 0; j < sizeof w / sizeof *w; j++)
        if (dy_tok_is(t, k, w[j]))
            return 1;
    return 0;
}

static int mention_at(const struct dyad_doc *doc, size_t m0, size_t m1, size_t tok)
{
    for (size_t m = m0; m < m1; m++)
        if (doc->men[m].first <= tok && tok < doc->men[m].end)
            return (int)m;
    return -1;
}

typedef struct trig {
    uint32_t tok;
    int noun;
    uint32_t head;          /* head word id */
} trig;

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

static int push_event(struct dyad_doc *doc, uint32_t sent, int code, int32_t src, int32_t tgt,
                      uint32_t tf, uint32_t te, int32_t pat)
{
    /* one event per (source code, target code, code) in a sentence */
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

/* The members of a compound actor starting at mention m: "A and B", "A, B and C". */
static size_t compound(const struct dyad_doc *doc, const dy_text *t, size_t m, size_t m1,
                       int32_t *out, size_t max)
{
    size_t n = 0;
    out[n++] = (int32_t)m;
    while (n < max && m + 1 < m1) {
        const dy_mention *a = &doc->men[m], *b = &doc->men[m + 1];
        size_t gap = b->first - a->end;
        if (gap == 1 && (tok_is(t, a->end, "and") || tok_is(t, a->end, ",")))
            ;
        else if (gap == 2 && tok_is(t, a->end, ",") && tok_is(t, a->end + 1, "and"))
            ;
        else
            break;
        out[n++] = (int32_t)(m + 1);
        m++;
    }
    return n;
}

static int is_reciprocal(const dy_events *ev, int code)
{
    const char *c = ev->codes[code].code;
    /* consult (040-046 meet/negotiate), agree (057 sign), fight (190-196) */
    return !strcmp(c, "040") || !strcmp(c, "042") || !strcmp(c, "043") || !strcmp(c, "046") ||
           !strcmp(c, "057") || !strcmp(c, "0311") || !strcmp(c, "190") || !strcmp(c, "193");
}

int dy_events_code(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    const dy_events *ev = &ctx->ev;
    const dy_text *t = &doc->t;
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
        if (m1 == m0)
            continue;
        size_t ev0 = doc->nev;
        int question = end > first && tok_is(t, end - 1, "?");
        /* triggers */
        trig tg[128];
        size_t ntg = 0;
        for (size_t i = first; i < end && ntg < 128; i++) {
            const dy_tok *k = &t->tok[i];
            if (k->kind != TK_WORD || mention_at(doc, m0, m1, i) >= 0)
                continue;
            uint32_t head = k->lemma ? k->lemma : k->word;
            size_t p0, p1;
            int tag = k->tag;
            int as_verb = tag ? dy_tag_is_verb(tag) : 1;
            int as_noun = tag ? dy_tag_is_noun(tag) : 1;
            if (as_verb && (pattern_range(ev, 0, head, &p0, &p1) ||
                            pattern_range(ev, 0, k->word, &p0, &p1))) {
                tg[ntg].tok = (uint32_t)i;
                tg[ntg].noun = 0;
                tg[ntg].head = ev->pat[p0].head;
                ntg++;
            } else if (as_noun && (pattern_range(ev, 1, head, &p0, &p1) ||
                                   pattern_range(ev, 1, k->word, &p0, &p1))) {
                tg[ntg].tok = (uint32_t)i;
                tg[ntg].noun = 1;
                tg[ntg].head = ev->pat[p0].head;
                ntg++;
            }
        }
        int32_t prev_src = -1;
        size_t prev_verb_tok = first;
        for (size_t g = 0; g < ntg; g++) {
            size_t v = tg[g].tok;
            size_t p0, p1;
            pattern_range(ev, tg[g].noun, tg[g].head, &p0, &p1);
            /* clause end: next verb trigger, ';' or sentence end */
            size_t cend = end;
            for (size_t h = g + 1; h < ntg; h++)
                if (!tg[h].noun) {
                    cend = tg[h].tok;
                    break;
                }
            for (size_t i = v + 1; i < cend; i++)
                if (tok_is(t, i, ";") || tok_is(t, i, ":")) {
                    cend = i;
                    break;
                }
            /* best pattern */
            int32_t best = -1, btgt = -1;
            size_t blast = v;
            for (size_t p = p0; p < p1 && best < 0; p++) {
                const dy_pattern *pt = &ev->pat[p];
                size_t pos = v + 1, last = v;
                int32_t tgt = -1;
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
                            tgt = m;
                            pos = doc->men[m].end;
                        }
                        continue;
                    }
                    size_t lim = pos + (e == 0 ? 4 : 6);
                    size_t i = pos;
                    for (; i < cend && i < lim; i++)
                        if (el_match(&t->tok[i], el->word))
                            break;
                    if (i >= cend || i >= lim)
                        ok = 0;
                    else {
                        last = i;
                        pos = i + 1;
                    }
                }
                if (ok) {
                    best = (int32_t)p;
                    btgt = tgt;
                    blast = last;
                }
            }
            if (best < 0)
                continue;
            const dy_pattern *pt = &ev->pat[best];
            int code = pt->code;
            /* target: '*', else the object of the pattern's last word if it is
             * a preposition, else the first actor after the trigger */
            if (btgt < 0) {
                size_t from = blast + 1;
                for (size_t i = from; i < cend; i++) {
                    int m = mention_at(doc, m0, m1, i);
                    if (m >= 0) {
                        /* skip actors that are only possessors of a non-actor
                         * head when a later actor follows the preposition */
                        btgt = m;
                        break;
                    }
                    if (tg[g].noun && i > from + 3)
                        break;
                }
            }
            /* negation, failure, refusal, intent */
            int neg = 0, failed = 0, intent = 0, hypo = 0;
            for (size_t i = v; i-- > first && i + 5 > v;) {
                if (tok_is(t, i, "not") || tok_is(t, i, "n't") || tok_is(t, i, "never") ||
                    tok_is(t, i, "no"))
                    neg = 1;
                if (tok_is(t, i, "failed") || tok_is(t, i, "fails") || tok_is(t, i, "fail"))
                    failed = 1;
                if (tok_is(t, i, "will") || tok_is(t, i, "plans") || tok_is(t, i, "planned") ||
                    tok_is(t, i, "wants") || tok_is(t, i, "intends") || tok_is(t, i, "vowed") ||
                    tok_is(t, i, "pledged") || tok_is(t, i, "promised") || tok_is(t, i, "'ll") ||
                    tok_is(t, i, "shall") || tok_is(t, i, "aims"))
                    intent = 1;
                if (tok_is(t, i, "would") || tok_is(t, i, "could") || tok_is(t, i, "might") ||
                    tok_is(t, i, "should"))
                    hypo = 1;
                if (tok_is(t, i, ",") || tok_is(t, i, "and") || mention_at(doc, m0, m1, i) >= 0)
                    break;
            }
            for (size_t i = first; i < v; i++)
                if (tok_is(t, i, "if") || tok_is(t, i, "unless"))
                    hypo = 1;
            if (tg[g].noun)
                neg = failed = intent = 0;
            if (neg || failed || question || (hypo && !tg[g].noun))
                continue;
            if (intent) {
                int root = (ev->codes[code].code[0] - '0') * 10 + (ev->codes[code].code[1] - '0');
                const char *ic = NULL;
                switch (root) {
                case 4: ic = "036"; break;
                case 5: ic = "030"; break;
                case 6: ic = "031"; break;
                case 7: ic = "033"; break;
                case 8: ic = "035"; break;
                case 18: case 19: case 20: ic = "138"; break;
                case 17: ic = "139"; break;
                case 16: ic = "130"; break;
                default: break;
                }
                if (ic) {
                    int c2 = dy_code_index(ev, ic);
                    if (c2 >= 0)
                        code = c2;
                }
            }
            /* source */
            int32_t src = -1;
            if (tg[g].noun) {
                /* "Russian attacks", "Russia's attack on" */
                for (size_t i = v; i-- > first && i + 4 > v;) {
                    int m = mention_at(doc, m0, m1, i);
                    if (m >= 0) {
                        src = m;
                        break;
                    }
                    if (t->tok[i].kind != TK_WORD && !tok_is(t, i, "'s"))
                        break;
                }
                if (src < 0)
                    src = prev_src;
            } else {
                for (size_t i = v; i-- > first;) {
                    int m = mention_at(doc, m0, m1, i);
                    if (m < 0)
                        continue;
                    size_t mf = doc->men[m].first;
                    /* skip actors inside prepositional phrases and possessors */
                    int inpp = mf > first && is_prep(t, mf - 1);
                    int poss = tok_is(t, doc->men[m].end, "'s") || tok_is(t, doc->men[m].end, "'");
                    if (inpp || poss) {
                        i = mf;
                        continue;
                    }
                    /* directly before the verb (aux, adverbs, relative clause) */
                    int close = 1;
                    int depth = 0;
                    for (size_t j = doc->men[m].end; j < v; j++) {
                        if (tok_is(t, j, ",")) {
                            depth = !depth;
                            continue;
                        }
                        if (depth)
                            continue;
                        if (!is_aux_between(t, j)) {
                            close = 0;
                            break;
                        }
                    }
                    if (close || prev_src < 0 || doc->men[m].first < prev_verb_tok)
                        src = m;
                    else
                        src = prev_src;
                    break;
                }
                if (src < 0)
                    src = prev_src;
            }
            if (src < 0)
                continue;
            if (btgt == src)
                btgt = -1;
            if (!tg[g].noun) {
                prev_src = src;
                prev_verb_tok = v;
            }
            int32_t srcs[8], tgts[8];
            size_t ns = compound(doc, t, (size_t)src, m1, srcs, 8);
            size_t nt = btgt >= 0 ? compound(doc, t, (size_t)btgt, m1, tgts, 8) : 0;
            if (!nt) {
                tgts[0] = -1;
                nt = 1;
            }
            int recip = is_reciprocal(ev, code);
            for (size_t a = 0; a < ns; a++)
                for (size_t b = 0; b < nt; b++) {
                    if (push_event(doc, (uint32_t)s, code, srcs[a], tgts[b], (uint32_t)v,
                                   (uint32_t)v + 1, best))
                        return -1;
                    if (recip && tgts[b] >= 0 &&
                        push_event(doc, (uint32_t)s, code, tgts[b], srcs[a], (uint32_t)v,
                                   (uint32_t)v + 1, best))
                        return -1;
                }
            /* "X and Y met": reciprocal among compound sources */
            if (recip && ns > 1 && tgts[0] < 0)
                for (size_t a = 0; a < ns; a++)
                    for (size_t b = 0; b < ns; b++)
                        if (a != b && push_event(doc, (uint32_t)s, code, srcs[a], srcs[b],
                                                 (uint32_t)v, (uint32_t)v + 1, best))
                            return -1;
        }
        /* drop 010 when something more specific was coded; drop events with
         * no target when the same source has a targeted event of that root */
        int specific = 0;
        for (size_t i = ev0; i < doc->nev; i++)
            if (strcmp(ev->codes[doc->ev[i].code].code, "010"))
                specific = 1;
        size_t w = ev0;
        for (size_t i = ev0; i < doc->nev; i++) {
            dy_event *e = &doc->ev[i];
            if (specific && !strcmp(ev->codes[e->code].code, "010"))
                continue;
            if (e->tgt < 0) {
                int dup = 0;
                for (size_t j = ev0; j < doc->nev; j++)
                    if (j != i && doc->ev[j].tgt >= 0 && doc->ev[j].src == e->src &&
                        !strncmp(ev->codes[doc->ev[j].code].code, ev->codes[e->code].code, 2))
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
