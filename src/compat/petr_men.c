/* petr_men.c - actor mentions the way PETRARCH and TABARI find them, for a
 * context loaded with their dictionaries (dy_compat_actors replaces
 * dy_actors_find there). Reads the tokens, their tags and the actor trie of
 * ctx->act as src/compat loaded it; writes doc->men and doc->syn.np[].actor.
 *
 * 1. Dictionary matches. Each word is tried by its form, by the TABARI stems
 *    it begins with ("Wessiaian": ARNOR) and, in TABARI files, without a noun
 *    ending ("Libyas", "radios") unless its entry was closed by '='.
 *    Hyphenated words are tried as their parts ("Al-Gore": AL GORE), a literal
 *    '_' between two words joins them ("Port_Ness"), and words a phrase
 *    joins with a blank may have other words between them ("Ithilen state-run
 *    television": ITHILEN TELEVISION; PETRARCH: adjectives and nouns only,
 *    TABARI: up to 12 words of any kind, "Durthang ... rebel Orc forces").
 *    Actors are the longest matches from left to right; a null code ("[---]",
 *    or a date it does not cover) keeps its words from matching anything.
 *    PETRARCH finds agents at every word outside the actors, overlapping ones
 *    too ("main opposition group": MOP and OPP); TABARI takes the longest
 *    match of either kind.
 * 2. Noun phrases: runs of determiners, adjectives, nouns, numbers and
 *    dictionary matches ("the Zembla main opposition group", "Zembla's
 *    government", "awful and evil minister"; TABARI's dictionary verbs end
 *    them, "Danish shot and wounded"). An agent-only run takes the actors of
 *    "of", "in" or "from" after it ("ambassadors of Wessia, Solvia and
 *    Zembla", "Lawmakers and officials in Yarrow and Zembla"); PETRARCH: so
 *    does a run without dictionary words before "of" ("goats of Zembla").
 * 3. Codes. PETRARCH: the first actor of the phrase with every agent of it:
 *    suffix agents (~GOV) append the three-letter blocks the code lacks,
 *    prefix agents (NGO~) go in front ("human rights activists of Amnesty
 *    International": SGMHGMNGM); "former" makes the agents ELI; agents with
 *    no actor give the bare agent code (AM_ROLE); the agents of "AGENT in A
 *    and B" go to every actor. TABARI: each actor is a mention and an agent
 *    goes to the actor before it ("Ulm Prime Minister Romendacil", "Zembla's
 *    Prime Minister") or else to the one after it ("first Deputy Prime
 *    Minister Telemar"); those of "AGENT of A, B and C" to the first actor
 *    only. "A/B" codes give one mention per actor.
 * 4. Compounds. Phrases joined by "and", "or", "nor", or by commas in a list
 *    that a conjunction closes ("Xandia, Varda, Yarrow and Ulm"; after "A
 *    and B" a comma ends it), form one compound; its mentions are
 *    consecutive in doc->men, each after the first flagged DY_AM_GROUP.
 *    PETRARCH: an agent-only phrase after "and" takes the actor of the one
 *    before it ("Danish media and government": DNKMED, DNKGOV).
 * 5. TABARI pronouns (he, it, their ...) are mentions of the sentence's first
 *    actor (its compound), or of the previous sentence's.
 * Every mention made here has DY_AM_COMPAT (mentions appended by later stages
 * do not). Scratch arrays are allocated once per document, none per token. */
#include "petr.h"

#define PM_MAXGAP 12        /* words between the two parts of a blank-joined phrase */

#define PM_IDS 5
typedef struct slot {       /* one word as the dictionaries see it */
    uint32_t tok;           /* its token */
    uint32_t ids[PM_IDS];   /* form, form without a noun ending, TABARI stems */
    uint8_t tflags;         /* the token's flags (case) */
    uint8_t joiner;         /* a literal '_' token (joins, matches nothing) */
} slot;

typedef struct raw {        /* a dictionary match */
    uint32_t first, end;    /* tokens */
    int32_t entry;
    uint8_t agent;
    uint8_t null;           /* an actor with no code on the document's date */
} raw;

typedef struct run {        /* a noun phrase */
    uint32_t first, end;    /* tokens */
    uint32_t r0, r1;        /* its raws */
    int32_t link;           /* agent-only run: the run whose actors it takes */
    uint8_t conj_next;      /* joined to the next run by and / , / nor */
    uint8_t by_conj;        /* ... by a conjunction (not a bare comma) */
} run;

typedef struct pm {
    const dyad_ctx *ctx;
    const dy_actors *a;
    struct dyad_doc *doc;
    const dy_text *t;
    int tabari;
    size_t s_first, s_end;  /* the sentence being read */
    slot *sl;
    size_t nsl;
    uint32_t *tok_sl;       /* token -> its first slot */
    raw *rw;
    size_t nrw;
    run *rn;
    size_t nrn;
    uint8_t *taken;         /* per token: covered by an actor match */
    uint8_t *dv;            /* per token: dictionary verb (petr_sent.dv) */
    uint32_t *stem;         /* per token: its stems (petr_sent.stem) */
    uint8_t *nstem;
    size_t cap;
    int32_t prev_first;     /* first mention of the latest sentence with actors */
} pm;

static int case_ok(uint8_t fl, int req)
{
    if (req == CASE_ANY || req == DY_CASE_GAP)
        return 1;
    if (req == CASE_CAP)
        return (fl & TF_CAP) != 0;
    return (fl & TF_ALLCAP) != 0;
}

static const char *code_of(const dy_actors *a, const dy_aentry *e, int32_t day)
{
    for (uint32_t i = 0; i < e->ndc; i++) {
        const dy_dcode *d = &a->dc[e->dc_first + i];
        if (day >= d->from && day <= d->to)
            return dy_intern_str(&a->codes, d->code);
    }
    if (e->fallback)
        return dy_intern_str(&a->codes, e->fallback);
    return "";
}

static int word_class(const dyad_ctx *ctx, int cls, uint32_t id)
{
    uint32_t v;
    return id && dy_map_get(&ctx->ev.by_head, ((uint64_t)cls << 32) | id, &v);
}

/* TABARI noun endings: the form without -s, -es, -'s ("Libyas", "radios"). */
static uint32_t noun_base(const dyad_ctx *ctx, const char *w, size_t n)
{
    static const char *const suf[] = {"'s", "es", "s"};
    for (int k = 0; k < 3; k++) {
        size_t sl = strlen(suf[k]);
        if (n > sl + 2 && !memcmp(w + n - sl, suf[k], sl)) {
            uint32_t id = dy_word_find(ctx, w, n - sl);
            if (id && !word_class(ctx, DY_PC_NOEND, id))
                return id;
        }
    }
    return 0;
}

/* ---- slots ---- */

static int add_slot(pm *p, uint32_t tok, const char *w, size_t n, uint8_t tflags, int whole)
{
    if (p->nsl >= p->cap * 2)
        return 0;
    slot *s = &p->sl[p->nsl++];
    memset(s, 0, sizeof *s);
    s->tok = tok;
    s->tflags = tflags;
    if (n == 1 && w[0] == '_') {
        s->joiner = 1;
        return 0;
    }
    s->ids[0] = dy_word_find(p->ctx, w, n);
    if (p->tabari) {
        if (!s->ids[0] || !word_class(p->ctx, DY_PC_NOEND, s->ids[0]))
            s->ids[1] = noun_base(p->ctx, w, n);
        if (whole) {
            /* the stems of the token, kept for the verb tests */
            uint32_t buf[PETR_NSTEM];
            const uint32_t *st;
            petr_sent ps = {p->ctx, p->t, p->s_first, p->s_end, NULL, NULL, 1, NULL, p->stem,
                            p->nstem};
            int ns = petr_stems(&ps, tok, buf, &st);
            for (int q = 0; q < ns && q < PM_IDS - 2; q++)
                s->ids[2 + q] = st[q];
        } else {
            dy_compat_stems(p->ctx, w, n, s->ids + 2, PM_IDS - 2);
        }
    }
    for (int a = 1; a < PM_IDS; a++)
        for (int b = 0; b < a; b++)
            if (s->ids[a] == s->ids[b])
                s->ids[a] = 0;
    return 0;
}

static void make_slots(pm *p, size_t first, size_t end)
{
    const dy_text *t = p->t;
    p->nsl = 0;
    for (size_t i = first; i < end; i++) {
        const dy_tok *k = &t->tok[i];
        const char *w = t->norm + k->norm;
        p->tok_sl[i - first] = (uint32_t)p->nsl;
        const char *h = k->kind == TK_WORD && k->nlen > 2 ? memchr(w + 1, '-', k->nlen - 2) : NULL;
        uint32_t whole = dy_word_find(p->ctx, w, k->nlen);
        if (h && !whole) {
            /* "Al-Gore": the parts (a known hyphenated word stays whole) */
            size_t a = 0;
            for (size_t j = 0; j <= k->nlen; j++)
                if (j == k->nlen || w[j] == '-') {
                    if (j > a)
                        add_slot(p, (uint32_t)i, w + a, j - a, j == k->nlen ? 0 : k->flags, 0);
                    a = j + 1;
                }
        } else {
            add_slot(p, (uint32_t)i, w, k->nlen, k->flags, 1);
        }
    }
    p->tok_sl[end - first] = (uint32_t)p->nsl;
}

/* ---- trie walk ---- */

typedef struct best {
    int act_len, ag_len;    /* slots */
    size_t act_end, ag_end; /* slot after the last matched */
    int32_t act, ag;
} best;

/* May token i stand between two words of a PETRARCH phrase ("Ithilen
 * state-run television")? */
static int gap_word(const dy_text *t, size_t i)
{
    int tg = t->tok[i].tag;
    return tg == T_JJ || tg == T_JJR || tg == T_JJS || dy_tag_is_noun(tg) || tg == T_CD ||
           tg == T_VBN || tg == T_VBG || tg == T_POS;
}

static void walk(const pm *p, uint32_t node, size_t j, size_t s0, best *b, int depth)
{
    if (j >= p->nsl || depth > 32)
        return;
    const dy_actors *a = p->a;
    const slot *sl = &p->sl[j];
    if (sl->joiner) {
        if (j > s0)
            walk(p, node, j + 1, s0, b, depth + 1);
        return;
    }
    for (int w = 0; w < PM_IDS; w++) {
        uint32_t id = sl->ids[w];
        if (!id)
            continue;
        for (int c = CASE_ANY; c <= DY_CASE_GAP; c++) {
            if (c == DY_CASE_GAP && j == s0)
                break;
            if (!case_ok(sl->tflags, c))
                continue;
            uint32_t child;
            if (!dy_map_get(&a->edges, dy_edge_key(node, id, c), &child))
                continue;
            int32_t e = a->nodes[child].entry;
            int len = (int)(j - s0 + 1);
            if (e >= 0) {
                if (a->entries[e].kind == EK_AGENT) {
                    if (len > b->ag_len) {
                        b->ag_len = len;
                        b->ag = e;
                        b->ag_end = j + 1;
                    }
                } else if (len > b->act_len) {
                    b->act_len = len;
                    b->act = e;
                    b->act_end = j + 1;
                }
            }
            walk(p, child, j + 1, s0, b, depth + 1);
        }
    }
    /* a gap edge from node: the next word of the phrase further on
     * (PETRARCH: within the noun phrase, over adjectives and nouns) */
    if (j > s0)
        for (size_t g = j + 1; g < p->nsl && g <= j + PM_MAXGAP; g++) {
            if (!p->tabari && !gap_word(p->t, p->sl[g - 1].tok))
                break;
            const slot *gs = &p->sl[g];
            for (int w = 0; w < PM_IDS; w++) {
                uint32_t id = gs->ids[w], child;
                if (!id)
                    continue;
                if (!dy_map_get(&a->edges, dy_edge_key(node, id, DY_CASE_GAP), &child))
                    continue;
                int32_t e = a->nodes[child].entry;
                int len = (int)(g - s0 + 1);
                if (e >= 0 && a->entries[e].kind != EK_AGENT && len > b->act_len) {
                    b->act_len = len;
                    b->act = e;
                    b->act_end = g + 1;
                } else if (e >= 0 && a->entries[e].kind == EK_AGENT && len > b->ag_len) {
                    b->ag_len = len;
                    b->ag = e;
                    b->ag_end = g + 1;
                }
                walk(p, child, g + 1, s0, b, depth + 1);
            }
        }
}

static void match_at(const pm *p, size_t j, best *b)
{
    memset(b, 0, sizeof *b);
    b->act = b->ag = -1;
    walk(p, 0, j, j, b, 0);
}

static int push_raw(pm *p, uint32_t first, uint32_t end, int32_t entry, int agent, int null)
{
    if (p->nrw >= p->cap)
        return 0;
    raw *r = &p->rw[p->nrw++];
    r->first = first;
    r->end = end;
    r->entry = entry;
    r->agent = (uint8_t)agent;
    r->null = (uint8_t)null;
    return 0;
}

/* The dictionary matches of tokens [first, end), in token order. */
static void find_raws(pm *p, size_t first, size_t end)
{
    const dy_actors *a = p->a;
    p->nrw = 0;
    p->s_first = first;
    p->s_end = end;
    memset(p->taken, 0, end - first);
    memset(p->dv, 0, end - first);
    memset(p->nstem, 255, end - first);
    make_slots(p, first, end);
    /* actors: longest, left to right */
    size_t tabari_skip = 0;   /* TABARI: agents do not overlap anything */
    for (size_t j = 0; j < p->nsl;) {
        best b;
        match_at(p, j, &b);
        if (b.act >= 0 && (!p->tabari || b.act_len >= b.ag_len)) {
            uint32_t f = p->sl[j].tok, e = p->sl[b.act_end - 1].tok + 1;
            const char *c = code_of(a, &a->entries[b.act], p->doc->role_date);
            push_raw(p, f, e, b.act, 0, !c[0]);
            for (uint32_t i = f; i < e; i++)
                p->taken[i - first] = 1;
            j = b.act_end;
            continue;
        }
        if (p->tabari && b.ag >= 0) {
            uint32_t f = p->sl[j].tok, e = p->sl[b.ag_end - 1].tok + 1;
            push_raw(p, f, e, b.ag, 1, 0);
            tabari_skip = b.ag_end;
            j = b.ag_end;
            continue;
        }
        j++;
    }
    (void)tabari_skip;
    if (p->tabari)
        return;
    /* PETRARCH: agents at every word outside the actors, overlapping */
    size_t nact = p->nrw;
    for (size_t j = 0; j < p->nsl; j++) {
        if (p->taken[p->sl[j].tok - first])
            continue;
        best b;
        match_at(p, j, &b);
        if (b.ag < 0)
            continue;
        uint32_t f = p->sl[j].tok, e = p->sl[b.ag_end - 1].tok + 1;
        int inside = 0;
        for (uint32_t i = f; i < e; i++)
            inside |= p->taken[i - first];
        if (!inside)
            push_raw(p, f, e, b.ag, 1, 0);
    }
    /* merge in token order (insertion: the agents come after the actors) */
    for (size_t k = nact; k < p->nrw; k++) {
        raw x = p->rw[k];
        size_t at = k;
        while (at > 0 && p->rw[at - 1].first > x.first)
            at--;
        memmove(&p->rw[at + 1], &p->rw[at], (k - at) * sizeof x);
        p->rw[at] = x;
    }
}

/* ---- phrases ---- */

static int tok_is(const dy_text *t, size_t i, const char *w)
{
    return i < t->ntok && dy_tok_is(t, &t->tok[i], w);
}

/* May token i stand inside a noun phrase? */
static int np_word(const pm *p, size_t i, size_t first, size_t end)
{
    const dy_text *t = p->t;
    const dy_tok *k = &t->tok[i];
    if (p->taken[i - first])
        return 1;
    if (p->tabari) {
        /* TABARI reads its dictionary verbs as verbs, whatever the tagger
         * says ("Danish shot and wounded Zembla") */
        petr_sent ps = {p->ctx, t, first, end, NULL, p->taken, 1, p->dv, p->stem, p->nstem};
        if (petr_tabari_verb_word(&ps, i) && petr_dict_verb(&ps, i))
            return 0;
    }
    switch (k->tag) {
    case T_DT: case T_PDT: case T_JJ: case T_JJR: case T_JJS: case T_NN: case T_NNS:
    case T_NNP: case T_NNPS: case T_CD: case T_POS: case T_PRPS: case T_FW:
        return !tok_is(t, i, "that") && !tok_is(t, i, "which");
    case T_VBN: case T_VBG:
        /* "the affected Ithilen villages", "the invading Vardas" */
        return i > first && i + 1 < end &&
               (t->tok[i - 1].tag == T_DT || t->tok[i - 1].tag == T_JJ ||
                t->tok[i - 1].tag == T_PRPS) &&
               (dy_tag_is_noun(t->tok[i + 1].tag) || t->tok[i + 1].tag == T_JJ);
    default:
        break;
    }
    /* a literal '_' ("Port_Ness") */
    return k->nlen == 1 && t->norm[k->norm] == '_';
}

static int is_adj(const pm *p, size_t i)
{
    const dy_tok *k = &p->t->tok[i];
    if (p->tabari) {
        if (word_class(p->ctx, DY_PC_ADJ, k->word))
            return 1;
        uint32_t st[4];
        int ns = dy_compat_stems(p->ctx, p->t->norm + k->norm, k->nlen, st, 4);
        for (int q = 0; q < ns; q++)
            if (word_class(p->ctx, DY_PC_ADJ, st[q]))
                return 1;
        return 0;
    }
    return k->tag == T_JJ;
}

static int conj_at(const dy_text *t, size_t i)
{
    return tok_is(t, i, "and") || tok_is(t, i, "nor") || tok_is(t, i, "or");
}

/* The runs of tokens [first, end) and their raws. */
static void find_runs(pm *p, size_t first, size_t end)
{
    const dy_text *t = p->t;
    p->nrn = 0;
    size_t r = 0;
    for (size_t i = first; i < end;) {
        if (!np_word(p, i, first, end)) {
            i++;
            continue;
        }
        size_t j = i;
        for (;;) {
            while (j < end && np_word(p, j, first, end))
                j++;
            /* "awful and evil minister": adjectives joined inside the phrase */
            if (j + 1 < end && j > i && conj_at(t, j) && is_adj(p, j - 1) && is_adj(p, j + 1)) {
                j++;
                continue;
            }
            break;
        }
        while (r < p->nrw && p->rw[r].first < i)
            r++;
        size_t r0 = r;
        while (r < p->nrw && p->rw[r].first < j)
            r++;
        /* PETRARCH: a phrase with no dictionary word takes the actor of an
         * "of" phrase after it ("goats of Zembla", "the population of
         * Zembla") */
        int bare = r == r0 && !p->tabari && j + 1 < end && tok_is(t, j, "of") && r < p->nrw &&
                   p->rw[r].first == j + 1 && !p->rw[r].agent && !p->rw[r].null;
        if ((r > r0 || bare) && p->nrn < p->cap) {
            run *u = &p->rn[p->nrn++];
            memset(u, 0, sizeof *u);
            u->first = (uint32_t)i;
            u->end = (uint32_t)j;
            u->r0 = (uint32_t)r0;
            u->r1 = (uint32_t)r;
            u->link = -1;
        }
        i = j > i ? j : i + 1;
    }
    /* links and conjunctions between consecutive runs; after "A and B" a
     * comma ends the compound ("A and B, the Solvia newspaper"), and in
     * PETRARCH so does ", and" ("A and B, and C and D") */
    int seen_and = 0;
    for (size_t k = 0; k + 1 < p->nrn; k++) {
        run *u = &p->rn[k], *v = &p->rn[k + 1];
        size_t gap = v->first - u->end;
        uint32_t e = u->end;
        if (gap == 1 && conj_at(t, e)) {
            u->conj_next = u->by_conj = 1;
            seen_and = 1;
            continue;
        }
        if ((gap == 1 && tok_is(t, e, ",") && !seen_and) ||
            (gap == 2 && tok_is(t, e, ",") && conj_at(t, e + 1) && (p->tabari || !seen_and))) {
            u->conj_next = 1;
            u->by_conj = gap == 2;
            seen_and |= gap == 2;
            continue;
        }
        seen_and = 0;
        if (gap == 1 && (tok_is(t, e, "of") || tok_is(t, e, "in") || tok_is(t, e, "from")))
            u->link = (int32_t)(k + 1);
    }
    /* commas alone make no list ("its Entian embassy, a senior official"):
     * a chain of runs is a compound only when a conjunction joins it */
    for (size_t k = 0; k < p->nrn;) {
        size_t e = k;
        int any = 0;
        while (e < p->nrn && p->rn[e].conj_next) {
            any |= p->rn[e].by_conj;
            e++;
        }
        if (!any)
            for (size_t q = k; q < e; q++)
                p->rn[q].conj_next = 0;
        k = e + 1;
    }
}

/* ---- codes ---- */

/* Does code c hold the three-letter block b at a multiple of three? */
static int has_block(const char *c, const char *b)
{
    size_t n = strlen(c);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (!memcmp(c + i, b, 3))
            return 1;
    return 0;
}

/* Add agent role to code (size 24): "~" suffix roles append their missing
 * blocks, "X~" prefix roles go in front when missing. */
static void add_role(char *code, const char *role)
{
    size_t rl = strlen(role), cl = strlen(code);
    if (rl && role[rl - 1] == '~') {
        rl--;
        int miss = 0;
        for (size_t i = 0; i + 3 <= rl; i += 3)
            miss |= !has_block(code, role + i);
        if (!miss || rl + cl >= 24)
            return;
        memmove(code + rl, code, cl + 1);
        memcpy(code, role, rl);
        return;
    }
    for (size_t i = 0; i + 3 <= rl; i += 3)
        if (!has_block(code, role + i) && cl + 3 < 24) {
            memcpy(code + cl, role + i, 3);
            cl += 3;
            code[cl] = 0;
        }
    if (rl % 3 && rl < 3 && cl + rl < 24) {   /* an odd short role, kept whole */
        memcpy(code + cl, role, rl);
        code[cl + rl] = 0;
    }
}

static int push_men(pm *p, uint32_t first, uint32_t end, uint32_t sent, const char *code,
                    uint32_t flags, int32_t entry, int32_t agent_entry)
{
    struct dyad_doc *doc = p->doc;
    if (DY_GROW(doc->men, doc->men_cap, doc->nmen + 1))
        return -1;
    dy_mention *m = &doc->men[doc->nmen++];
    memset(m, 0, sizeof *m);
    m->first = first;
    m->end = end > first ? end : first + 1;
    m->sent = sent;
    size_t l = strlen(code);
    if (l >= sizeof m->code)
        l = sizeof m->code - 1;
    memcpy(m->code, code, l);
    m->flags = flags | DY_AM_COMPAT;
    m->ref = -1;
    m->entry = entry;
    m->agent_entry = agent_entry;
    return 0;
}

/* Push code, one mention per actor of an "A/B" code; the first one gets
 * group (continuing the compound before it), the others continue it. */
static int push_code(pm *p, uint32_t first, uint32_t end, uint32_t sent, const char *code,
                     uint32_t flags, int32_t entry, int32_t agent_entry, int group)
{
    char buf[24];
    size_t l = strlen(code);
    if (l >= sizeof buf)
        l = sizeof buf - 1;
    memcpy(buf, code, l);
    buf[l] = 0;
    for (char *c = buf, *sl; c; c = sl ? sl + 1 : NULL) {
        sl = strchr(c, '/');
        if (sl)
            *sl = 0;
        if (!*c)
            continue;
        if (push_men(p, first, end, sent, c, flags | (group ? DY_AM_GROUP : 0), entry, agent_entry))
            return -1;
        group = 1;
    }
    return 0;
}

/* PETRARCH: the code of run u (its first actor, its agents); actor_of, when
 * u has no actor, lends its actor and (all but its last) agents. Returns
 * the actor raw or -1; *agent the first agent raw. */
static int32_t run_code(const pm *p, const run *u, const run *actor_of, int skip_last, char *code,
                        int32_t *agent)
{
    const dy_actors *a = p->a;
    const dy_text *t = p->t;
    int32_t act = -1;
    *agent = -1;
    code[0] = 0;
    const run *src = u;
    for (uint32_t r = u->r0; r < u->r1 && act < 0; r++)
        if (!p->rw[r].agent && !p->rw[r].null)
            act = (int32_t)r;
    if (act < 0 && actor_of) {
        for (uint32_t r = actor_of->r0; r < actor_of->r1 && act < 0; r++)
            if (!p->rw[r].agent && !p->rw[r].null)
                act = (int32_t)r;
        src = actor_of;
    }
    if (act >= 0) {
        const char *c = code_of(a, &a->entries[p->rw[act].entry], p->doc->role_date);
        size_t l = strlen(c);
        if (l >= 24)
            l = 23;
        memcpy(code, c, l);
        code[l] = 0;
    }
    int former = 0;
    for (uint32_t i = u->first; i < u->end; i++)
        former |= tok_is(t, i, "former");
    /* the lending run's agents (all but its last), then this run's */
    for (int pass = src != u ? 0 : 1; pass < 2; pass++) {
        const run *v = pass ? u : src;
        uint32_t last = v->r1;
        if (!pass && skip_last)
            for (uint32_t r = v->r0; r < v->r1; r++)
                if (p->rw[r].agent)
                    last = r;
        for (uint32_t r = v->r0; r < v->r1; r++) {
            if (!p->rw[r].agent || (!pass && r >= last))
                continue;
            if (*agent < 0)
                *agent = (int32_t)r;
            const char *role = code_of(a, &a->entries[p->rw[r].entry], p->doc->role_date);
            if (former && role[strlen(role) ? strlen(role) - 1 : 0] != '~')
                continue;
            add_role(code, role);
        }
    }
    if (former && code[0])
        add_role(code, "ELI");
    /* an agent alone: its role without the prefix mark */
    size_t l = strlen(code);
    if (l && code[l - 1] == '~')
        code[l - 1] = 0;
    return act;
}

/* PETRARCH mentions of sentence s from its runs. */
static int petrarch_mentions(pm *p, uint32_t s)
{
    int group = 0;
    for (size_t k = 0; k < p->nrn; k++) {
        run *u = &p->rn[k];
        char code[24];
        int32_t agent;
        int32_t act = run_code(p, u, NULL, 0, code, &agent);
        if (u->r0 == u->r1) {
            /* "goats of Zembla": the actor of the "of" phrase, over both */
            if (u->link < 0) {
                group = 0;
                continue;
            }
            run *w = &p->rn[u->link];
            int32_t ag2, a2 = run_code(p, w, NULL, 0, code, &ag2);
            if (a2 >= 0 && push_code(p, u->first, w->end, s, code, 0, p->rw[a2].entry,
                                     ag2 >= 0 ? p->rw[ag2].entry : -1, group))
                return -1;
            k = (size_t)u->link;
            group = a2 >= 0 && w->conj_next;
            continue;
        }
        /* agent-only runs ("Lawmakers and officials") linked by of / in /
         * from to actors: each actor of that run and of its compound, with
         * the agents of each of them */
        size_t k2 = k;
        if (act < 0 && agent >= 0) {
            while (p->rn[k2].link < 0 && p->rn[k2].conj_next && k2 + 1 < p->nrn) {
                char c1[24];
                int32_t g1;
                if (run_code(p, &p->rn[k2 + 1], NULL, 0, c1, &g1) >= 0 || g1 < 0)
                    break;
                k2++;
            }
        }
        if (act < 0 && agent >= 0 && p->rn[k2].link >= 0) {
            int first = 1;
            size_t v0 = (size_t)p->rn[k2].link, vlast = v0;
            /* one mention per actor and agent run, in text order: the first
             * spans the agents too */
            for (size_t v = v0;; v++) {
                run *w = &p->rn[v];
                char c2[24];
                int32_t ag2, a2 = run_code(p, w, NULL, 0, c2, &ag2);
                for (size_t ka = k; ka <= k2 && a2 >= 0; ka++) {
                    const run *ua = &p->rn[ka];
                    char c3[24];
                    memcpy(c3, c2, sizeof c3);
                    for (uint32_t r = ua->r0; r < ua->r1; r++)
                        if (p->rw[r].agent)
                            add_role(c3, code_of(p->a, &p->a->entries[p->rw[r].entry],
                                                 p->doc->role_date));
                    uint32_t f = v == v0 && ka == k ? u->first : w->first;
                    if (push_code(p, f, w->end, s, c3, 0, p->rw[a2].entry, p->rw[ua->r0].entry,
                                  group || !first))
                        return -1;
                    first = 0;
                }
                vlast = v;
                if (!w->conj_next || v + 1 >= p->nrn)
                    break;
            }
            k = vlast;
            group = p->rn[vlast].conj_next;
            continue;
        }
        if (act < 0 && agent >= 0 && k > 0 && p->rn[k - 1].conj_next) {
            /* "Danish media and government": the actor of the run before */
            char c2[24];
            int32_t ag2;
            int32_t a2 = run_code(p, u, &p->rn[k - 1], 1, c2, &ag2);
            if (a2 >= 0) {
                memcpy(code, c2, sizeof code);
                act = a2;
            }
        }
        if (!code[0]) {
            group = 0;
            continue;
        }
        uint32_t flags = act < 0 ? AM_ROLE : 0;
        /* the mention spans the dictionary matches of the phrase (a word
         * the tagger put in it, "Ethiopia act on", stays out) */
        uint32_t f = UINT32_MAX, e = 0;
        for (uint32_t r = u->r0; r < u->r1; r++) {
            if (p->rw[r].null || (!p->rw[r].agent && (int32_t)r != act))
                continue;
            if (p->rw[r].first < f)
                f = p->rw[r].first;
            if (p->rw[r].end > e)
                e = p->rw[r].end;
        }
        if (f == UINT32_MAX)
            f = u->first, e = u->end;
        if (push_code(p, f, e, s, code, flags, act >= 0 ? p->rw[act].entry : -1,
                      agent >= 0 ? p->rw[agent].entry : -1, group))
            return -1;
        group = u->conj_next;
    }
    return 0;
}

/* TABARI mentions of sentence s: every actor, agents to the actor before
 * them in the phrase (after 's and at most one word) or else the one after
 * them; agents with no actor alone; "AGENT of/in ACTOR". */
static int tabari_mentions(pm *p, uint32_t s)
{
    const dy_actors *a = p->a;
    const dy_text *t = p->t;
    int group = 0;
    for (size_t k = 0; k < p->nrn; k++) {
        run *u = &p->rn[k];
        /* the agents of the run, each given to an actor */
        int32_t owner[64];
        uint32_t n = u->r1 - u->r0;
        if (n > 64)
            n = 64;
        for (uint32_t q = 0; q < n; q++) {
            owner[q] = -1;
            const raw *g = &p->rw[u->r0 + q];
            if (!g->agent)
                continue;
            int32_t before = -1, after = -1;
            for (uint32_t r = u->r0; r < u->r0 + q; r++)
                if (!p->rw[r].agent && !p->rw[r].null)
                    before = (int32_t)r;
            for (uint32_t r = u->r0 + q + 1; r < u->r0 + n && after < 0; r++)
                if (!p->rw[r].agent && !p->rw[r].null)
                    after = (int32_t)r;
            if (before >= 0) {
                uint32_t gap = 0;
                for (uint32_t i = p->rw[before].end; i < g->first; i++)
                    if (!tok_is(t, i, "'s") && !tok_is(t, i, "'"))
                        gap++;
                /* agents between them go to the same actor */
                for (uint32_t r = (uint32_t)before + 1; r < u->r0 + q; r++)
                    if (p->rw[r].agent)
                        gap = 0;
                if (gap > 1 && after >= 0)
                    before = -1;
            }
            owner[q] = before >= 0 ? before : after;
        }
        int any = 0;
        for (uint32_t q = 0; q < n; q++) {
            const raw *r = &p->rw[u->r0 + q];
            if (r->agent || r->null)
                continue;
            char code[24];
            const char *c = code_of(a, &a->entries[r->entry], p->doc->role_date);
            snprintf(code, sizeof code, "%s", c);
            int former = 0;
            for (uint32_t i = u->first; i < u->end; i++)
                former |= tok_is(t, i, "former");
            int32_t ag = -1;
            for (uint32_t g = 0; g < n; g++)
                if (owner[g] == (int32_t)(u->r0 + q)) {
                    if (ag < 0)
                        ag = (int32_t)(u->r0 + g);
                    const char *role = code_of(a, &a->entries[p->rw[u->r0 + g].entry],
                                               p->doc->role_date);
                    if (!former)
                        add_role(code, role);
                }
            if (former)
                add_role(code, "ELI");
            /* several actors in a phrase: one compound only when it is
             * part of one ("Tarsis and the evil Wessia awful Zembla") */
            int grp = any ? (group || u->conj_next) : group;
            if (push_code(p, r->first, r->end, s, code, 0, r->entry,
                          ag >= 0 ? p->rw[ag].entry : -1, grp))
                return -1;
            any = 1;
        }
        if (!any) {
            /* agents with no actor: "AGENT of/in ACTOR", or alone */
            char code[24] = "";
            int32_t ag = -1;
            for (uint32_t q = 0; q < n; q++)
                if (p->rw[u->r0 + q].agent) {
                    if (ag < 0)
                        ag = (int32_t)(u->r0 + q);
                    add_role(code, code_of(a, &a->entries[p->rw[u->r0 + q].entry],
                                           p->doc->role_date));
                }
            if (ag < 0)
                continue;
            if (u->link >= 0) {
                /* the first actor of the linked run takes the agents */
                run *w = &p->rn[u->link];
                int32_t a2 = -1;
                for (uint32_t r = w->r0; r < w->r1 && a2 < 0; r++)
                    if (!p->rw[r].agent && !p->rw[r].null)
                        a2 = (int32_t)r;
                if (a2 >= 0) {
                    char c3[24];
                    snprintf(c3, sizeof c3, "%s",
                             code_of(a, &a->entries[p->rw[a2].entry], p->doc->role_date));
                    int former = 0;
                    for (uint32_t i = u->first; i < w->end; i++)
                        former |= tok_is(t, i, "former");
                    if (former)
                        add_role(c3, "ELI");
                    else
                        for (uint32_t q = 0; q < n; q++)
                            if (p->rw[u->r0 + q].agent)
                                add_role(c3, code_of(a, &a->entries[p->rw[u->r0 + q].entry],
                                                     p->doc->role_date));
                    if (push_code(p, u->first, p->rw[a2].end, s, c3, 0, p->rw[a2].entry,
                                  p->rw[ag].entry, group))
                        return -1;
                    /* the rest of the linked run (and its compound) as usual */
                    u = w;
                    k = (size_t)(w - p->rn);
                    int rest = 0;
                    for (uint32_t r = w->r0; r < w->r1; r++)
                        if (r != (uint32_t)a2 && !p->rw[r].agent && !p->rw[r].null) {
                            if (push_code(p, p->rw[r].first, p->rw[r].end, s,
                                          code_of(a, &a->entries[p->rw[r].entry],
                                                  p->doc->role_date),
                                          0, p->rw[r].entry, -1, 1))
                                return -1;
                            rest = 1;
                        }
                    (void)rest;
                    group = w->conj_next;
                    continue;
                }
            }
            size_t l = strlen(code);
            if (l && code[l - 1] == '~')
                code[l - 1] = 0;
            if (push_code(p, u->first, u->end, s, code, AM_ROLE, -1, p->rw[ag].entry, group))
                return -1;
        }
        group = u->conj_next;
    }
    return 0;
}

/* ---- pronouns (TABARI) ---- */

static int pronoun(const dy_text *t, size_t i)
{
    static const char *const w[] = {"he", "she", "it", "they", "him", "her", "them",
                                    "his", "its", "their"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tok_is(t, i, w[k]))
            return 1;
    return 0;
}

/* Pronoun mentions of sentence s (first mention of the sentence: m0). The
 * pronoun takes the first actor's compound: one mention per member. */
static int pronouns(pm *p, uint32_t s, size_t m0)
{
    struct dyad_doc *doc = p->doc;
    const dy_text *t = p->t;
    const dy_sent *se = &t->sent[s];
    size_t mend = doc->nmen;
    int32_t ante = mend > m0 ? (int32_t)m0 : p->prev_first;
    if (ante < 0)
        return 0;
    for (size_t i = se->first; i < se->first + se->ntok; i++) {
        if (!pronoun(t, i) || p->taken[i - se->first])
            continue;
        if (mend > m0 && doc->men[m0].first > i)
            continue;   /* before the first actor: no antecedent here */
        if (tok_is(t, i, "it") && i + 1 < se->first + se->ntok &&
            (tok_is(t, i + 1, "seems") || tok_is(t, i + 1, "is") || tok_is(t, i + 1, "was")))
            continue;   /* "it seems" */
        int32_t g = ante;
        for (int first = 1;; first = 0) {
            dy_mention ref = doc->men[g];
            if (push_men(p, (uint32_t)i, (uint32_t)i + 1, s, ref.code,
                         AM_PRONOUN | (first ? 0 : DY_AM_GROUP), ref.entry, ref.agent_entry))
                return -1;
            doc->men[doc->nmen - 1].ref = g;
            g++;
            if ((size_t)g >= mend || !(doc->men[g].flags & DY_AM_GROUP) ||
                (doc->men[g].flags & AM_PRONOUN))
                break;
        }
    }
    /* keep the sentence's mentions in text order (stable) */
    for (size_t k = mend; k < doc->nmen; k++) {
        dy_mention x = doc->men[k];
        size_t at = k;
        while (at > m0 && doc->men[at - 1].first > x.first)
            at--;
        if (at == k)
            continue;
        memmove(&doc->men[at + 1], &doc->men[at], (k - at) * sizeof x);
        doc->men[at] = x;
        /* refs into the moved range shift by one */
        for (size_t q = m0; q < doc->nmen; q++)
            if (doc->men[q].ref >= (int32_t)at && doc->men[q].ref < (int32_t)k)
                doc->men[q].ref++;
    }
    return 0;
}

int dy_compat_actors(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    doc->nmen = 0;
    if (!dy_compat_mode(ctx))
        return 0;
    const dy_text *t = &doc->t;
    pm p;
    memset(&p, 0, sizeof p);
    p.ctx = ctx;
    p.a = &ctx->act;
    p.doc = doc;
    p.t = t;
    p.tabari = (dy_compat_mode(ctx) & DY_COMPAT_TABARI) != 0;
    p.prev_first = -1;
    size_t maxs = 0;
    for (size_t s = 0; s < t->nsent; s++)
        if (t->sent[s].ntok > maxs)
            maxs = t->sent[s].ntok;
    p.cap = maxs + 8;
    p.sl = dy_malloc(2 * p.cap * sizeof *p.sl);
    p.tok_sl = dy_malloc((p.cap + 1) * sizeof *p.tok_sl);
    p.rw = dy_malloc(p.cap * sizeof *p.rw);
    p.rn = dy_malloc(p.cap * sizeof *p.rn);
    p.taken = dy_malloc(p.cap);
    p.dv = dy_malloc(p.cap);
    p.stem = dy_malloc(p.cap * PETR_NSTEM * sizeof *p.stem);
    p.nstem = dy_malloc(p.cap);
    int rc = 0;
    if (!p.sl || !p.tok_sl || !p.rw || !p.rn || !p.taken || !p.dv || !p.stem || !p.nstem)
        rc = -1;
    for (uint32_t s = 0; s < t->nsent && !rc; s++) {
        const dy_sent *se = &t->sent[s];
        if (!se->ntok)
            continue;
        size_t m0 = doc->nmen;
        find_raws(&p, se->first, se->first + se->ntok);
        find_runs(&p, se->first, se->first + se->ntok);
        rc = p.tabari ? tabari_mentions(&p, s) : petrarch_mentions(&p, s);
        if (!rc && p.tabari)
            rc = pronouns(&p, s, m0);
        if (doc->nmen > m0 && !(doc->men[m0].flags & AM_PRONOUN))
            p.prev_first = (int32_t)m0;
    }
    dy_free(p.sl);
    dy_free(p.tok_sl);
    dy_free(p.rw);
    dy_free(p.rn);
    dy_free(p.taken);
    dy_free(p.dv);
    dy_free(p.stem);
    dy_free(p.nstem);
    if (rc)
        return -1;
    if (doc->syn.tok_np)
        for (size_t m = 0; m < doc->nmen; m++)
            for (uint32_t i = doc->men[m].first; i < doc->men[m].end; i++) {
                int32_t np = doc->syn.tok_np[i];
                if (np >= 0 && doc->syn.np[np].head == i && doc->syn.np[np].actor < 0)
                    doc->syn.np[np].actor = (int32_t)m;
            }
    return 0;
}
