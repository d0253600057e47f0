/* coder.c - coding events from a document.
 *
 * Reads tokens (lemmas, tags), the verb groups and noun phrases of the syntax
 * stage, and the actor mentions; writes doc->ev. Works a sentence at a time,
 * in three steps.
 *
 * 1. Frames. For each verb group whose lemma has patterns, the patterns are
 *    tried over the tokens of its clause (elements in order, gaps allowed
 *    unless joined by '_'; words before a '^' head precede it; '*' places the
 *    target, '$' the source). The pattern with the most elements wins; among
 *    equals the tightest match, then the more specific code, then file order.
 *    Source = the subject's actor (the passive agent's for a passive; with
 *    '$', the actor there, and the subject becomes the target), following the
 *    subject up through participles and control verbs; target = the '*'
 *    actor, else the object of the pattern's last preposition, else the
 *    direct object (the subject of a passive; or the "of" complement of an
 *    object with no actor: "the outpost of X"), else the first actor after
 *    the pattern in the clause.
 * 2. Modality. Verbs whose pattern codes a bare appeal, intent, demand,
 *    refusal or threat (020, 030, 100, 120, 130: "urge * to", "agree to",
 *    "demand that", "refuse to", "threaten to") take the content of their
 *    complement - the infinitive, the that-clause, or an event noun in their
 *    object ("requested a meeting") - and code it in their modality through
 *    data/cameo/modality.tsv: "agreed to send aid" is 033, "urged X to
 *    release" 0253, "threatened to cut aid" 1311. The complement itself is not
 *    an event. A clause with must / have to (should / ought to / need to)
 *    reported by a speech verb is a demand (an appeal) of the speaker to its
 *    subject: "X said Y must return the helicopter" is X -> Y 1053.
 *    Otherwise negated and failed verbs give no event; refused ones take the
 *    refusal form, future and intended ones the intent form; questions,
 *    conditionals and bare modals (would, could) give none.
 * 3. Nouns. An event noun ("attack on", "visit to") codes with the actor in
 *    front of it or its possessor as source ("Russian attacks", "Russia's
 *    attack"), an agent after "by" or "from", or the subject of the verb it
 *    is the object (or prepositional object) of.
 *
 * Compound actors give one event each; reciprocal codes give both ways. A bare
 * statement (010) is kept only when nothing more specific was coded in the
 * sentence, and never without a target. One event per (source, target, code)
 * a sentence. Nothing here allocates per token: frames live on the stack.
 * A context loaded with PETRARCH or TABARI dictionaries is coded by src/compat
 * instead (dy_compat_code, docs/compat.md). */
#include "../core/internal.h"
#include "../compat/compat.h"

#include <stdio.h>

/* verb groups of one sentence that get frames; more are coded without the
 * modality step (a "sentence" that long is a list, not prose) */
#define MAXF 96

typedef struct frame {
    int32_t pat;            /* pattern, -1: no frame */
    int32_t code;           /* the pattern's code (DY_CODE_NONE for a discard) */
    int32_t src, src_np;    /* source mention and its NP (-1) */
    int32_t tgt, tgt_np;
    uint8_t tgt_rule;       /* how the target was found: 1 '*' or '$', 2 the
                               pattern's preposition, 3 the object, 4 another
                               prepositional object, 5 the first actor after */
    uint8_t used;           /* taken by a governing verb or a speech frame */
    uint8_t done;           /* coded (or deliberately not) */
    uint8_t emitted;        /* gave an event other than a bare statement */
    uint8_t denied;         /* a denial (016) or what it denies: the clauses
                               below it are not events */
    uint8_t undergone;      /* the subject underwent it ("survived an
                               assassination attempt"): the target */
    uint32_t trig, cend;    /* trigger token, end of the clause */
    uint32_t last;          /* last token its pattern matched */
    uint32_t flags;         /* modality flags in force */
} frame;

typedef struct sctx {
    const dyad_ctx *ctx;
    const dy_events *ev;
    struct dyad_doc *doc;
    const dy_text *t;
    const dy_syn *syn;
    uint32_t s, first, end;
    size_t m0, m1;
    uint32_t g0, g1;
    frame fr[MAXF];
    uint32_t nfr;
    uint32_t used_noun[32]; /* noun tokens coded through a governing verb */
    uint32_t nused_noun;
    size_t ev0;             /* the sentence's first event */
    size_t nreal;           /* mentions of the actor stage; places made
                               targets are appended after them (see
                               place_target) and sorted in at the end */
    uint8_t cur_rank;       /* rank of the events emitted now: 0 main clause,
                               1 subordinate (relative clause, participial
                               adjunct, purpose, event noun) */
    uint8_t rank[256];      /* per event of the sentence (later ones: 0) */
    uint8_t sourceless;     /* emit may code an event without source */
    uint32_t pre;           /* a passive's subject head, which a pattern's
                               first word may match ("aid was delivered to":
                               `deliver aid to`); UINT32_MAX: none */
    uint32_t aim_from;      /* first token of a protest's aim before its verb
                               ("students demanding X marched"), else end */
    size_t pl0, pl1;        /* the sentence's places in doc->pl */
    uint32_t town[8];       /* first tokens of the sentence's towns and cities
                               (gazetteer places): a pattern's "town" matches
                               them ("seized Goma": `seize town`) */
    uint32_t ntown;
} sctx;

static int tok_w(const sctx *sc, size_t i, int w)
{
    return i < sc->t->ntok && sc->t->tok[i].word == sc->ev->w[w];
}

/* Is word id w one of the grammar words from..to (a range of ev->w[]: the
 * nouns of assertion, the verbs of decision, of calling off ...)? */
static int word_in(const dy_events *ev, uint32_t w, int from, int to)
{
    for (int x = from; x <= to; x++)
        if (w == ev->w[x])
            return 1;
    return 0;
}

/* The lemma of verb group v (its head word when it has none). */
static uint32_t vg_lemma(const sctx *sc, const dy_vg *v)
{
    return v->lemma ? v->lemma : sc->t->tok[v->head].word;
}

/* The patterns of a head: [*p0, *p1) is an upper bound, best_pattern stops
 * where the head's run ends (no scan here: some heads have ~900 patterns). */
static int pattern_range(const dy_events *ev, int noun, uint32_t head, size_t *p0, size_t *p1)
{
    uint32_t v;
    if (!head || (head < ev->nhead_bits && !(ev->head_bits[head] >> (noun != 0) & 1)) ||
        !dy_map_get(&ev->by_head, ((uint64_t)noun << 32) | head, &v))
        return 0;
    *p0 = v - 1;
    *p1 = ev->idx_end && ev->idx_for == ev->pat && ev->idx_n == ev->npat ? ev->idx_end[*p0]
                                                                        : ev->npat;
    return 1;
}

/* Is token i the first of a town's name (sc->town)? */
static int town_at(const sctx *sc, size_t i)
{
    for (uint32_t k = 0; k < sc->ntown; k++)
        if (sc->town[k] == i)
            return 1;
    return 0;
}

/* Does a town of the sentence start in [lo, cend)? */
static int town_in(const sctx *sc, size_t lo, size_t cend)
{
    for (uint32_t k = 0; k < sc->ntown; k++)
        if (sc->town[k] >= lo && sc->town[k] < cend)
            return 1;
    return 0;
}

static int el_match(const dy_events *ev, const dy_tok *k, const dy_pel *el)
{
    int kind = el->kind & PE_KIND_MASK;
    if (kind == PE_WORD)
        return k->word == el->word || (k->lemma && k->lemma == el->word);
    if (kind == PE_ALT) {
        if (ev->alt_bloom_n == ev->nalt && el->word < ev->nalt &&
            !(ev->alt_bloom[el->word] & (dy_bloom_bit(k->word) | (k->lemma ? dy_bloom_bit(k->lemma) : 0))))
            return 0;   /* neither the word nor its lemma is in the list */
        const uint32_t *a = ev->alt + el->word;
        for (uint32_t i = 1; i <= a[0]; i++)
            if (k->word == a[i] || (k->lemma && k->lemma == a[i]))
                return 1;
    }
    return 0;
}

/* Mention index covering token i (within [m0, m1)), or -1. Pronoun mentions
 * count: they carry their referent's code. */
static int mention_at(const struct dyad_doc *doc, size_t m0, size_t m1, size_t i)
{
    if (doc->men_at_n && m0 == doc->men_at_m0 && m1 == doc->men_at_m1 &&
        i - doc->men_at_first < doc->men_at_n)
        return doc->men_at[i - doc->men_at_first];  /* the sentence's map */
    for (size_t m = m0; m < m1; m++) {
        if (doc->men[m].first > i)
            break;
        if (i < doc->men[m].end && doc->men[m].code[0])
            return (int)m;
    }
    return -1;
}

/* The map mention_at reads for tokens [first, end) and mentions [m0, m1):
 * sorted by first token (as the actor stage leaves them), the lowest index
 * covering a token is what the scan finds; unsorted, no map. */
static int map_mentions(struct dyad_doc *doc, size_t m0, size_t m1, size_t first, size_t end)
{
    doc->men_at_n = 0;
    for (size_t m = m0 + 1; m < m1; m++)
        if (doc->men[m].first < doc->men[m - 1].first)
            return 0;
    if (end <= first || DY_GROW(doc->men_at, doc->men_at_cap, end - first))
        return end <= first ? 0 : -1;
    for (size_t i = first; i < end; i++)
        doc->men_at[i - first] = -1;
    for (size_t m = m1; m-- > m0;)
        if (doc->men[m].code[0])
            for (size_t i = doc->men[m].first; i < doc->men[m].end; i++)
                if (i >= first && i < end)
                    doc->men_at[i - first] = (int32_t)m;
    doc->men_at_first = first;
    doc->men_at_m0 = m0;
    doc->men_at_m1 = m1;
    doc->men_at_n = end - first;
    return 0;
}

/* Is mention m an indefinite government or parliament of no country ("a
 * transitional government", "a new parliament"): a kind, not an actor? */
static int kind_of_body(const sctx *sc, int32_t m)
{
    const dy_mention *x = &sc->doc->men[m];
    if (!(x->flags & (AM_AGENT_ONLY | AM_ROLE)) || (strcmp(x->code, "GOV") && strcmp(x->code, "LEG")))
        return 0;
    int32_t np = sc->syn->tok_np ? sc->syn->tok_np[x->first] : -1;
    uint32_t f = np >= 0 ? sc->syn->np[np].first : x->first;
    return dy_tok_is(sc->t, &sc->t->tok[f], "a") || dy_tok_is(sc->t, &sc->t->tok[f], "an");
}

/* Is mention m a named actor of its own: a person with a name, or a body
 * whose name ends in a capitalised agent word ("the Kenya Anti-Corruption
 * Commission")? Pronouns, descriptions and bare agents are not. */
static int named_actor(const struct dyad_doc *doc, int32_t m)
{
    const dy_mention *x = &doc->men[m];
    if (x->flags & (AM_PRONOUN | AM_DESC | AM_LOCATED | AM_AGENT_ONLY | AM_ROLE))
        return 0;
    if (x->flags & AM_PERSON)
        return (x->flags & AM_NAMED) != 0;
    return x->agent_entry >= 0 && x->end >= x->first + 2 &&
           (doc->t.tok[x->end - 1].flags & TF_CAP);
}

/* Two mentions are one actor when they are one mention, refer to one
 * entity, or share a code - except two named actors of one state, which
 * are two ("Vice-President X" and "the Economic and Financial Crimes Commission",
 * both NGAGOV). */
static int same_actor(const struct dyad_doc *doc, int32_t a, int32_t b)
{
    if (a < 0 || b < 0)
        return 0;
    if (a == b || dy_men_root(doc, a) == dy_men_root(doc, b))
        return 1;
    if (strcmp(doc->men[a].code, doc->men[b].code))
        return 0;
    const dy_mention *x = &doc->men[a], *y = &doc->men[b];
    if (!named_actor(doc, a) || !named_actor(doc, b))
        return 1;
    if ((x->flags & AM_PERSON) != (y->flags & AM_PERSON))
        return 0;
    if (x->entry >= 0 && (x->flags & AM_PERSON))
        return x->entry == y->entry;
    return doc->t.tok[x->end - 1].word == doc->t.tok[y->end - 1].word;
}

/* Is mention m, in a noun phrase that is a target candidate, the source's
 * own people: "its ambassador", "their troops" (own: the phrase starts with a
 * possessive pronoun), or troops with no country that a state sends, offers
 * or mobilises ("France will contribute 4,000 troops", "Britain mobilised
 * reservists")? */
static int own_people(const struct dyad_doc *doc, int32_t m, int32_t avoid, int own)
{
    if (avoid < 0)
        return 0;
    const dy_mention *a = &doc->men[avoid], *x = &doc->men[m];
    if (own && !strncmp(x->code, a->code, 3))
        return 1;
    /* troops named without a country, also when the place they go to lent
     * them one ("contribute troops to a force in X": located, not X's) */
    const char *role = (x->flags & AM_LOCATED) && strlen(x->code) >= 6 ? x->code + 3 : x->code;
    return (x->flags & (AM_AGENT_ONLY | AM_LOCATED)) && !strncmp(role, "MIL", 3) &&
           !(a->flags & AM_AGENT_ONLY) && !dy_is_org_code(a->code);
}

/* The actor of a noun phrase other than `avoid` (the source: "his calls" is
 * not a target of the speaker's) and the source's own people: the head's
 * mention, another mention inside it, with follow_of the "of" phrase and the
 * possessor. */
static int np_other_actor(const struct dyad_doc *doc, size_t m0, size_t m1, int32_t np,
                          int follow_of, int32_t avoid)
{
    if (np < 0)
        return -1;
    const dy_np *n = &doc->syn.np[np];
    int own = avoid >= 0 && doc->t.tok[n->first].tag == T_PRPS;
    int m = mention_at(doc, m0, m1, n->head);
    if (m >= 0 && !same_actor(doc, m, avoid) && !own_people(doc, m, avoid, own))
        return m;
    for (uint32_t i = n->first; i < n->end; i++)
        if ((m = mention_at(doc, m0, m1, i)) >= 0 && !same_actor(doc, m, avoid) &&
            !own_people(doc, m, avoid, own))
            return m;
    if (follow_of) {
        if (n->of >= 0 && (m = np_other_actor(doc, m0, m1, n->of, 0, avoid)) >= 0)
            return m;
        if (n->poss >= 0 && (m = np_other_actor(doc, m0, m1, n->poss, 0, avoid)) >= 0)
            return m;
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
    if (same_actor(doc, src, tgt))
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

/* Do mentions a and b stand in one noun phrase or in coordinated ones
 * ("Polish and Czech officials", "Egypt and Jordan")? */
static int same_np(const sctx *sc, const dy_mention *a, const dy_mention *b)
{
    const dy_syn *syn = sc->syn;
    if (!syn->tok_np)
        return 1;
    int32_t y = syn->tok_np[b->first];
    if (y < 0)
        return 0;
    /* the noun phrase a starts in, and the one it ends in ("the ministers
     * of France and Germany": France's, whose conjunct Germany is) */
    int32_t xs[2] = {syn->tok_np[a->first], syn->tok_np[a->end - 1]};
    for (int k = 0; k < 2; k++) {
        int32_t x = xs[k];
        if (x < 0 || (k && x == xs[0]))
            continue;
        if (x == y)
            return 1;
        for (int32_t c = syn->np[x].conj, n = 0; c >= 0 && n < 8; c = syn->np[c].conj, n++)
            if (c == y)
                return 1;
    }
    return 0;
}

/* Members of a compound actor: the NP's conjuncts, or adjacent mentions
 * joined by "and" / ",". */
static size_t compound(const sctx *sc, int32_t m, int32_t np, int32_t *out, size_t max)
{
    const struct dyad_doc *doc = sc->doc;
    size_t n = 0;
    out[n++] = m;
    if ((size_t)m >= sc->nreal)
        return n;   /* a place made target */
    if (np >= 0) {
        for (int32_t c = doc->syn.np[np].conj; c >= 0 && n < max; c = doc->syn.np[c].conj) {
            int a = np_actor(doc, sc->m0, sc->m1, c, 0);
            if (a >= 0 && a != out[n - 1])
                out[n++] = a;
        }
    }
    const dy_mention *pm = &doc->men[m];
    if ((pm->flags & AM_PRONOUN) && pm->ref >= 0 && doc->syn.tok_np && n == 1) {
        /* "they" for "Japan and South Korea": the referent's conjuncts (of
         * its own sentence) */
        const dy_mention *r = &doc->men[pm->ref];
        int32_t rn = doc->syn.tok_np[r->first];
        size_t r0 = (size_t)pm->ref, r1 = r0;
        while (r1 < sc->nreal && doc->men[r1].sent == r->sent)
            r1++;
        for (int32_t c = rn >= 0 ? doc->syn.np[rn].conj : -1; c >= 0 && n < max;
             c = doc->syn.np[c].conj) {
            int a = np_actor(doc, r0, r1, c, 0);
            if (a >= 0 && a != out[n - 1])
                out[n++] = a;
        }
    }
    /* adjacent mentions: "Polish and Czech officials" (m may be any
     * of them: start from the first) */
    size_t k0 = (size_t)m;
    while (k0 > sc->m0) {
        const dy_mention *a = &doc->men[k0 - 1], *b = &doc->men[k0];
        size_t gap = b->first - a->end;
        int joined = (gap == 1 && (tok_w(sc, a->end, DY_W_AND) || tok_w(sc, a->end, DY_W_COMMA))) ||
                     (gap == 2 && tok_w(sc, a->end, DY_W_COMMA) && tok_w(sc, a->end + 1, DY_W_AND));
        if (!joined || a->sent != b->sent || !a->code[0] || !same_np(sc, a, b))
            break;
        k0--;
    }
    if (k0 != (size_t)m && n < max)
        out[n++] = (int32_t)k0;
    for (size_t k = k0; n < max && k + 1 < sc->m1;) {
        const dy_mention *a = &doc->men[k], *b = &doc->men[k + 1];
        size_t gap = b->first - a->end;
        int joined = (gap == 1 && (tok_w(sc, a->end, DY_W_AND) || tok_w(sc, a->end, DY_W_COMMA))) ||
                     (gap == 2 && tok_w(sc, a->end, DY_W_COMMA) && tok_w(sc, a->end + 1, DY_W_AND));
        if (!joined || b->sent != a->sent || !b->code[0] || !same_np(sc, a, b))
            break;   /* ("Zembla, AFP reported": a name without a code; "..., according
                        to residents, and troops launched": two clauses) */
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
    if (!dy_is_digit(c[0]) || !dy_is_digit(c[1]))
        return 0;   /* a code of foreign dictionaries (src/compat): no CAMEO root */
    int r = (c[0] - '0') * 10 + (c[1] - '0');
    return r <= 20 ? r : 0;   /* "903": the per-root tables have 21 entries */
}

/* The modal form m of code (DY_MOD_*); -1 when the table has none. */
static int modal_of(const dy_events *ev, int code, int m)
{
    if (code < 0 || (size_t)code >= ev->nmodal)
        return -1;
    return ev->modal[m][code];
}

/* The same for the content of a complement, which may itself be a modal
 * code: rejecting an appeal for economic aid (0231, content 071) is 1221. */
static int content_modal(const dy_events *ev, int code, int m)
{
    int v = modal_of(ev, code, m);
    if (v >= 0 || code < 0 || (size_t)code >= ev->nmodal)
        return v;
    int b = ev->base[code];
    return b >= 0 ? ev->modal[m][b] : -1;
}

/* The modality a pattern code stands for when it is the bare code of an
 * appeal, intent, demand, refusal or threat (020, 030, 100, 120, 130) or an
 * accusation (112): the root, else 0. Such verbs take the content of their
 * complement. */
static int family_of(const dy_events *ev, int code)
{
    if (code < 0)
        return 0;
    const char *c = ev->codes[code].code;
    if (!strcmp(c, "112"))
        return 11;   /* accusation: of what */
    if (!strcmp(c, "080"))
        return 8;    /* yielding: to what ("accepted demands for reform") */
    if (strlen(c) != 3 || c[2] != '0')
        return 0;
    int r = code_root(ev, code);
    return (r == 2 || r == 3 || r == 10 || r == 12 || r == 13) ? r : 0;
}

/* Can a frame coded `code` be the content of a governing verb of family fam?
 * Not another governing verb ("urged X to demand"), except a bare yielding
 * (080: "demanded that Iraq comply", "promised to make concessions"), which
 * has modal forms of its own (105, 035). */
static int content_family(const dy_events *ev, int code, int fam)
{
    int f = family_of(ev, code);
    return !f || (f == 8 && fam != 8 && fam != 11);
}

/* The code of content `code` in modality family fam (a root above). */
static int family_map(const dy_events *ev, int code, int fam)
{
    if (code < 0)
        return -1;
    switch (fam) {
    case 2: return content_modal(ev, code, DY_MOD_APPEAL);
    case 3: return content_modal(ev, code, DY_MOD_INTENT);
    case 10: return content_modal(ev, code, DY_MOD_DEMAND);
    case 12: return content_modal(ev, code, DY_MOD_REFUSE);
    case 11: return content_modal(ev, code, DY_MOD_ACCUSE);
    case 8: {
        int b = (size_t)code < ev->nmodal && ev->base[code] >= 0 ? ev->base[code] : code;
        return code_root(ev, b) == 8 ? b : -1;
    }
    case 13: {
        int m = content_modal(ev, code, DY_MOD_INTENT);
        return m >= 0 && code_root(ev, m) == 13 ? m : -1;
    }
    }
    return -1;
}

/* ---- pattern matching ---- */

typedef struct hit {
    int32_t tgt, src;       /* mentions at '*' and '$', -1 */
    int32_t tgt_np;         /* NP at '*' when it has no actor, -1 */
    size_t last;            /* last token matched */
    size_t span;            /* tokens from the first to the last matched */
} hit;

/* Does a time phrase ("on Wednesday", "in March") follow token i? */
static int time_after(const sctx *sc, size_t i)
{
    if (!sc->syn->tok_np || i + 1 >= sc->end)
        return 0;
    int32_t np = sc->syn->tok_np[i + 1];
    return np >= 0 && (sc->syn->np[np].flags & NP_TIME);
}

/* Match pattern pt of the word at token v: elements before the head leftwards
 * from v (not before lo), the others rightwards over (v, cend). */
static int match_one(const sctx *sc, const dy_pattern *pt, size_t v, size_t lo, size_t cend,
                     hit *h)
{
    const dy_events *ev = sc->ev;
    const dy_text *t = sc->t;
    const struct dyad_doc *doc = sc->doc;
    uint32_t e0 = 0, n = pt->nel;
    size_t firstm = v;
    int32_t own = sc->syn->tok_vg ? sc->syn->tok_vg[v] : -1;
    h->tgt = h->src = h->tgt_np = -1;
    /* words before the head */
    for (uint32_t e = 0; e < n; e++)
        if ((ev->el[pt->el_first + e].kind & PE_KIND_MASK) == PE_HEAD) {
            size_t pos = v;
            for (uint32_t k = e; k-- > 0;) {
                const dy_pel *el = &ev->el[pt->el_first + k];
                size_t i = pos, stop = pos > lo + 3 ? pos - 3 : lo;
                int found = 0;
                while (i > stop) {
                    i--;
                    if (el_match(ev, &t->tok[i], el)) {
                        found = 1;
                        break;
                    }
                }
                if (!found)
                    return 0;
                pos = i;
            }
            firstm = pos;
            e0 = e + 1;
            break;
        }
    size_t pos = v + 1, lastm = v;
    int contig = 1;   /* every word so far right after the one before */
    for (uint32_t e = e0; e < n; e++) {
        const dy_pel *el = &ev->el[pt->el_first + e];
        int kind = el->kind & PE_KIND_MASK;
        if (kind == PE_TARGET || kind == PE_SOURCE) {
            int m = -1;
            size_t i = pos;
            for (; i < cend && i < pos + 6; i++)
                if ((m = mention_at(doc, sc->m0, sc->m1, i)) >= 0)
                    break;
            if (m < 0) {
                /* a noun phrase without a known actor also fills the place */
                int32_t np = -1;
                for (i = pos; i < cend && i < pos + 3 && np < 0; i++)
                    if (sc->syn->tok_np && sc->syn->tok_np[i] >= 0 &&
                        sc->syn->np[sc->syn->tok_np[i]].first == i)
                        np = sc->syn->tok_np[i];
                if (np < 0)
                    return 0;
                if (kind == PE_TARGET)
                    h->tgt_np = np;
                pos = sc->syn->np[np].end;
                lastm = pos - 1;
                continue;
            }
            if (kind == PE_TARGET)
                h->tgt = m;
            else
                h->src = m;
            pos = doc->men[m].end;
            lastm = pos - 1;
            continue;
        }
        if (kind != PE_WORD && kind != PE_ALT)
            return 0;   /* a kind this matcher does not know */
        if (e == e0 && sc->pre != UINT32_MAX && !(el->kind & PE_ADJ) &&
            el_match(ev, &t->tok[sc->pre], el))
            continue;   /* the passive's subject: "aid was delivered to" */
        /* a preposition of the pattern is not one heading a time phrase
         * ("agree on" is not "agreed on Wednesday") */
        /* a window of words: quotation marks and brackets do not count, nor
         * do the words of a noun phrase (and its "of" phrase) that starts
         * in the window ("provide 25,000 tons of emergency food aid") */
        int room = (el->kind & PE_ADJ) ? 1 : (e == e0 ? 4 : 7);
        size_t i = pos, npend = 0;
        for (; i < cend && room > 0; i++) {
            if (el_match(ev, &t->tok[i], el) &&
                !((t->tok[i].tag == T_IN || t->tok[i].tag == T_TO) && time_after(sc, i)))
                break;
            if (sc->ntown && kind == PE_WORD && el->word == ev->w[DY_W_TOWN] && contig &&
                i == pos && town_at(sc, i))
                break;   /* a named town for "town", right after the words
                            before it ("seized Goma", "withdrew from
                            Kherson"; not "withdraw its staff from Gaza") */
            if (!(el->kind & PE_ADJ) && sc->syn->tok_np && i >= npend) {
                int32_t np = sc->syn->tok_np[i];
                if (np >= 0 && sc->syn->np[np].first == i) {
                    npend = sc->syn->np[np].end;
                    for (int k = 0; k < 3 && sc->syn->np[np].of >= 0; k++) {
                        np = sc->syn->np[np].of;
                        npend = sc->syn->np[np].end;
                    }
                }
            }
            /* nor into a time or circumstance adjunct: "quit after weeks of
             * protests" is not `quit protest` */
            if (t->tok[i].tag == T_IN &&
                (tok_w(sc, i, DY_W_AFTER) || tok_w(sc, i, DY_W_BEFORE) || tok_w(sc, i, DY_W_DURING) ||
                 tok_w(sc, i, DY_W_SINCE) || tok_w(sc, i, DY_W_UNTIL) || tok_w(sc, i, DY_W_AMID)))
                return 0;
            /* not past the verb of another clause: "cooperate to
             * encourage refugees in" does not match "cooperate in" */
            if (sc->syn->tok_vg && sc->syn->tok_vg[i] >= 0 && sc->syn->tok_vg[i] != own &&
                sc->syn->vg[sc->syn->tok_vg[i]].head == i)
                return 0;
            if (i + 1 < npend)
                continue;
            int tg = t->tok[i].tag;
            if (!(el->kind & PE_ADJ) &&
                (tg == T_LQUOTE || tg == T_RQUOTE || tg == T_LRB || tg == T_RRB))
                continue;
            room--;
        }
        if (i >= cend || room <= 0)
            return 0;
        contig &= i == pos;
        lastm = i;
        pos = i + 1;
        if (sc->syn->tok_vg && sc->syn->tok_vg[i] >= 0 && sc->syn->vg[sc->syn->tok_vg[i]].head == i)
            own = sc->syn->tok_vg[i];   /* "agree to cooperate with": now in its clause */
    }
    h->last = lastm;
    h->span = lastm - firstm;
    return 1;
}

/* Specificity of a code for tie-breaks: 4 digits > 3 digits not ending in 0
 * > the bare code of a root. */
static int code_rank(const dy_events *ev, int code)
{
    if (code < 0)
        return 0;
    const char *c = ev->codes[code].code;
    size_t n = strlen(c);
    return n >= 4 ? 3 : (n == 3 && c[2] != '0') ? 2 : 1;
}

/* The best pattern of [p0, p1) for the word at token v, or -1. A long run
 * with a key-word index (patterns.c) is tried only at the patterns whose key
 * word is in [lo, cend) - the others cannot match there - in run order, so
 * the choice is the one of the full scan. */
static int32_t best_pattern(const sctx *sc, size_t p0, size_t p1, size_t v, size_t lo, size_t cend,
                            hit *out)
{
    const dy_events *ev = sc->ev;
    int32_t best = -1;
    hit h;
    uint64_t bloom = 0;
    for (size_t i = lo; i < cend; i++) {
        bloom |= dy_bloom_bit(sc->t->tok[i].word);
        if (sc->t->tok[i].lemma)
            bloom |= dy_bloom_bit(sc->t->tok[i].lemma);
    }
    if (sc->pre != UINT32_MAX) {
        bloom |= dy_bloom_bit(sc->t->tok[sc->pre].word);
        if (sc->t->tok[sc->pre].lemma)
            bloom |= dy_bloom_bit(sc->t->tok[sc->pre].lemma);
    }
    int town = sc->ntown && town_in(sc, lo, cend);   /* "town" stands for it */
    if (town)
        bloom |= dy_bloom_bit(ev->w[DY_W_TOWN]);
    int valid = ev->idx_need && ev->idx_for == ev->pat && ev->idx_n == ev->npat;
    const uint64_t *need = valid ? ev->idx_need : NULL;
    /* candidates of a keyed run: a bitmap over the run */
    uint64_t cand[DY_KIDX_MAX / 64];
    size_t nw = 0;
    if (valid && ev->idx_keyed && ev->idx_keyed[p0] && p1 == ev->idx_end[p0]) {
        nw = (p1 - p0 + 63) / 64;
        memset(cand, 0, nw * sizeof *cand);
        const uint64_t *kb = ev->kbloom + (size_t)(ev->idx_keyed[p0] - 1) * 8;
        uint64_t base = (uint64_t)(p0 + 1) << 32;
        uint32_t off;
        if (dy_map_get(&ev->kidx, base, &off))
            for (uint32_t j = 1; j <= ev->klist[off - 1]; j++)
                cand[ev->klist[off - 1 + j] >> 6] |= 1ull << (ev->klist[off - 1 + j] & 63);
        for (size_t i = lo; i <= cend; i++)
            for (int w = 0; w < 2; w++) {
                if (i == cend && sc->pre == UINT32_MAX)
                    break;
                size_t ti = i == cend ? sc->pre : i;   /* (the passive's subject last) */
                uint32_t id = w ? sc->t->tok[ti].lemma : sc->t->tok[ti].word;
                if (!id || (w && id == sc->t->tok[ti].word) ||
                    !(kb[dy_kbloom_bit(id) >> 6] & (1ull << (dy_kbloom_bit(id) & 63))) ||
                    !dy_map_get(&ev->kidx, base | id, &off))
                    continue;
                const uint32_t *l = ev->klist + off - 1;
                for (uint32_t j = 1; j <= l[0]; j++)
                    cand[l[j] >> 6] |= 1ull << (l[j] & 63);
            }
        if (town && dy_map_get(&ev->kidx, base | ev->w[DY_W_TOWN], &off)) {
            const uint32_t *l = ev->klist + off - 1;   /* the patterns keyed "town" */
            for (uint32_t j = 1; j <= l[0]; j++)
                cand[l[j] >> 6] |= 1ull << (l[j] & 63);
        }
    }
    size_t wi = 0;
    uint64_t bits = nw ? cand[0] : 0;
    for (size_t p = p0; p < p1; p++) {
        if (nw) {
            /* the next candidate of the bitmap */
            while (!bits && ++wi < nw)
                bits = cand[wi];
            if (!bits)
                break;
            p = p0 + wi * 64 + (size_t)__builtin_ctzll(bits);
            bits &= bits - 1;
        }
        if (need && (need[p] & bloom) != need[p])
            continue;   /* a word it needs is not in the clause (flat scan) */
        const dy_pattern *pt = &ev->pat[p];
        if (pt->head != ev->pat[p0].head || pt->noun != ev->pat[p0].noun)
            break;   /* the end of the head's run */
        if (best >= 0 && pt->rank < ev->pat[best].rank)
            break;   /* sorted longest first: no longer pattern can follow */
        if ((pt->need & bloom) != pt->need)
            continue;   /* a word it needs is not in the clause */
        if (!match_one(sc, pt, v, lo, cend, &h))
            continue;
        if (best >= 0) {
            /* equal length: the more specific code, then the tighter match,
             * then file order */
            int cr = code_rank(ev, pt->code), br = code_rank(ev, ev->pat[best].code);
            if (cr < br || (cr == br && h.span >= out->span))
                continue;
        }
        best = (int32_t)p;
        *out = h;
    }
    return best;
}

/* ---- roles ---- */

/* The subject actor of a verb group, climbing to governing groups for
 * participles, infinitives and control verbs. */
/* The actor of a subject noun phrase: its own, or for a quantity or a group
 * ("thousands of farmers", "a group of refugees") that of its "of" phrase. */
static int subj_actor(const sctx *sc, int32_t np)
{
    int m = np_actor(sc->doc, sc->m0, sc->m1, np, 0);
    if (m >= 0 || np < 0)
        return m;
    int32_t of = sc->syn->np[np].of;
    uint32_t e = sc->syn->np[np].end;
    if (of < 0 && e + 2 < sc->end && sc->syn->tok_np && sc->t->tok[sc->syn->np[np].head].tag == T_CD &&
        tok_w(sc, e + 1, DY_W_OF))
        of = sc->syn->tok_np[e + 2];   /* "one third of the fighters": the fraction
                                          word left outside the noun phrase */
    if (of < 0)
        return -1;
    static const char *const q[] = {"thousand", "hundred", "dozen", "ten", "score", "million",
                                    "group", "number", "crowd", "band", "handful", "majority",
                                    "some", "many", "most", "all", "none", "one", "two", "three"};
    const dy_tok *h = &sc->t->tok[sc->syn->np[np].head];
    int quant = h->tag == T_CD;
    for (size_t k = 0; k < sizeof q / sizeof q[0] && !quant; k++)
        quant = dy_tok_is(sc->t, h, q[k]) ||
                (h->lemma && h->lemma != h->word && !strcmp(dy_intern_str(&sc->ctx->words, h->lemma), q[k]));
    return quant ? np_actor(sc->doc, sc->m0, sc->m1, of, 0) : -1;
}

static int vg_subject(const sctx *sc, int32_t g, int32_t *np_out)
{
    const dy_syn *syn = sc->syn;
    for (int hops = 0; g >= 0 && hops < 4; hops++) {
        const dy_vg *vg = &syn->vg[g];
        int32_t np = (vg->flags & VG_PASSIVE) ? vg->agent : vg->subj;
        int m = subj_actor(sc, np);
        if (m < 0 && np >= 0 && syn->np[np].appos >= 0)
            /* "the main rebel group, FDD, insisted": the apposition's actor */
            m = np_actor(sc->doc, sc->m0, sc->m1, syn->np[np].appos, 0);
        if (m >= 0) {
            *np_out = np;
            return m;
        }
        if (!(vg->flags & (VG_PART | VG_INF)) &&
            (np >= 0 || vg->parent < 0 || syn->vg[vg->parent].xcomp != g))
            return -1;   /* a subject without an actor; a finite clause does
                            not borrow its governor's ("X said Y was hit") */
        g = vg->parent;
    }
    return -1;
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

/* The verb group governing g: its parent, or for a that-clause the syntax
 * stage left unattached ("X said on Tuesday that Y ..."), the speech verb
 * before "that". -1 when none. */
static int32_t governor(const sctx *sc, uint32_t g)
{
    const dy_syn *syn = sc->syn;
    const dy_vg *v = &syn->vg[g];
    if (v->parent >= 0)
        return v->parent;
    uint32_t k = v->first;
    if (v->subj >= 0 && syn->np[v->subj].first < k)
        k = syn->np[v->subj].first;
    if (v->subj >= 0 && syn->np[v->subj].poss >= 0 && syn->np[syn->np[v->subj].poss].first < k)
        k = syn->np[syn->np[v->subj].poss].first;   /* "that Burundi's government" */
    if (k <= sc->first || v->subj < 0)
        return -1;
    if (tok_w(sc, k - 1, DY_W_THAT)) {
        /* (with its own subject after it, "that" is no relative) back over
         * prepositional phrases, time words and adverbs to the verb */
        for (uint32_t i = k - 1; i-- > sc->first && i + 10 > k;) {
            int32_t h = syn->tok_vg ? syn->tok_vg[i] : -1;
            if (h >= 0)
                return (uint32_t)h != g ? h : -1;
            int tg = sc->t->tok[i].tag;
            if (tg == T_PUNCT_END || tg == T_PUNCT_COLON)
                return -1;
        }
        return -1;
    }
    /* "announced Wednesday it would": a speech verb, a time phrase, the
     * clause */
    if (!syn->tok_np || syn->tok_np[k - 1] < 0 || !(syn->np[syn->tok_np[k - 1]].flags & NP_TIME) ||
        (v->flags & (VG_INF | VG_PART)))
        return -1;
    uint32_t f = syn->np[syn->tok_np[k - 1]].first;
    if (f > sc->first + 1 && sc->t->tok[f - 1].tag == T_IN)
        f--;   /* "said on Wednesday NATO would" */
    int32_t h = f > sc->first && syn->tok_vg ? syn->tok_vg[f - 1] : -1;
    return h >= 0 && (uint32_t)h != g && (syn->vg[h].flags & VG_SPEECH) ? h : -1;
}

/* Modal strength of a clause: 2 for must / have to and the subjunctive
 * ("that X release"), 1 for should / ought to / need to, 0 otherwise. *top gets the outermost verb group of the chain
 * ("needs to enact": the group of "needs"). */
static int must_level(const sctx *sc, uint32_t g, uint32_t *top)
{
    const dy_syn *syn = sc->syn;
    const dy_events *ev = sc->ev;
    int level = 0;
    uint32_t x = g;
    const dy_vg *gv = &syn->vg[g];
    if (gv->first == gv->head && sc->t->tok[gv->head].tag == T_VB && gv->subj >= 0 &&
        !(gv->flags & (VG_INF | VG_PART | VG_IMPERATIVE)) && syn->np[gv->subj].end <= gv->first &&
        syn->np[gv->subj].first > sc->first && tok_w(sc, syn->np[gv->subj].first - 1, DY_W_THAT))
        level = 2;   /* "insisted that Harare release them": a mandative subjunctive */
    for (int hops = 0; hops < 3; hops++) {
        const dy_vg *v = &syn->vg[x];
        for (uint32_t i = v->first; i < v->head; i++) {
            uint32_t w = sc->t->tok[i].word;
            if (w == ev->w[DY_W_MUST])
                level = 2;
            else if ((w == ev->w[DY_W_SHOULD] || w == ev->w[DY_W_OUGHT]) && level < 1)
                level = 1;
        }
        int32_t p = v->parent;
        if (p < 0 || (syn->vg[p].xcomp != (int32_t)x && !(v->flags & VG_INF)))
            break;
        const dy_vg *pv = &syn->vg[p];
        uint32_t lem = pv->lemma;
        if (lem == ev->w[DY_W_NEED] && !(pv->flags & VG_NEG)) {
            if (level < 1)
                level = 1;
        } else if (lem == ev->w[DY_W_HAVE] && !(pv->flags & VG_NEG)) {
            level = 2;
        } else if (!(pv->flags & VG_COPULA)) {
            break;   /* another control verb: not this clause's modality */
        }
        x = (uint32_t)p;
    }
    *top = x;
    return level;
}

/* A verb the tagger read as a reduced relative ("troops captured the town":
 * VBN, no auxiliary, right after its subject, no passive agent) while no
 * other verb of the sentence has that subject: the clause's main verb.
 * Returns its object NP (the NP right after it), -2 when it has none, -1 when
 * it is not such a verb. */
static int32_t main_verb_object(const sctx *sc, uint32_t g)
{
    const dy_syn *syn = sc->syn;
    const dy_vg *v = &syn->vg[g];
    if (!(v->flags & VG_PART) || !(v->flags & VG_PASSIVE) || v->first != v->head ||
        sc->t->tok[v->head].tag != T_VBN || v->subj < 0 || !syn->tok_np)
        return -1;
    uint32_t se = syn->np[v->subj].end;
    int32_t of = syn->np[v->subj].of;
    if (of >= 0 && syn->np[of].end > se)
        se = syn->np[of].end;   /* "thousands of farmers marched" */
    while (se < v->first && sc->t->tok[se].tag == T_RB)
        se++;   /* "soldiers sexually assaulted" */
    if (se != v->first || v->agent >= 0)
        return -1;
    /* a phrase that is already another verb's object or a preposition's is
     * what the participle describes ("sanctions on officials accused of
     * rigging"), not its subject */
    uint32_t sf = syn->np[v->subj].first;
    if (sf > sc->first && sc->t->tok[sf - 1].tag == T_IN)
        return -1;
    for (uint32_t h = sc->g0; h < g; h++)
        if (syn->vg[h].obj == v->subj || syn->vg[h].iobj == v->subj)
            return -1;
    /* no later verb takes the subject as its own ("the town captured by ...
     * fell", "troops stationed there attacked") */
    for (uint32_t h = g + 1; h < sc->g1; h++) {
        const dy_vg *w = &syn->vg[h];
        if (w->subj == v->subj && !(w->flags & (VG_PART | VG_INF | VG_RELATIVE)))
            return -1;
    }
    if (v->head + 1 >= sc->end)
        return -2;
    int32_t o = syn->tok_np[v->head + 1];
    if (o < 0 || syn->np[o].first != v->head + 1 || (syn->np[o].flags & NP_TIME))
        return -2;
    return o;
}

/* The end of g's clause: the next verb group that is not in its complement
 * chain, or a semicolon. */
static uint32_t clause_end(const sctx *sc, uint32_t g)
{
    const dy_syn *syn = sc->syn;
    const dy_vg *vg = &syn->vg[g];
    uint32_t cend = sc->end;
    for (uint32_t h = g + 1; h < sc->g1; h++) {
        int chained = 0;
        for (int32_t x = vg->xcomp, n = 0; x >= 0 && n < 8; x = syn->vg[x].xcomp, n++)
            if ((uint32_t)x == h)
                chained = 1;
        /* an infinitive the syntax stage hung on g without making it the
         * complement ("is ready to contribute") */
        if (syn->vg[h].parent == (int32_t)g && (syn->vg[h].flags & VG_INF) && h == g + 1)
            chained = 1;
        /* a gerund after a preposition completes the verb ("accused X of
         * embezzling funds": `accuse * of embezzle`) */
        const dy_vg *hv = &syn->vg[h];
        if (hv->parent == (int32_t)g && h == g + 1 && (hv->flags & VG_PART) && hv->first == hv->head &&
            sc->t->tok[hv->head].tag == T_VBG && hv->first > vg->head + 1 &&
            sc->t->tok[hv->first - 1].tag == T_IN)
            chained = 1;
        if (!chained) {
            cend = syn->vg[h].first;
            break;
        }
    }
    for (uint32_t i = vg->head + 1; i < cend; i++)
        if (tok_w(sc, i, DY_W_SEMI)) {
            cend = i;
            break;
        }
    return cend;
}

static int is_target_prep(const sctx *sc, uint32_t i)
{
    return tok_w(sc, i, DY_W_TO) || tok_w(sc, i, DY_W_WITH) || tok_w(sc, i, DY_W_AGAINST) ||
           tok_w(sc, i, DY_W_ON) || tok_w(sc, i, DY_W_AT) || tok_w(sc, i, DY_W_FOR) ||
           tok_w(sc, i, DY_W_INTO) || tok_w(sc, i, DY_W_UPON);
}

/* The code of the government of the state code c begins with: "SRB" ->
 * "SRBGOV". */
static void gov_code(char out[7], const char *c)
{
    memcpy(out, c, 3);
    memcpy(out + 3, "GOV", 4);
}

/* The mention of a place on tokens [a, b) with country cc, made once per
 * place: appended after the actor stage's mentions (sorted in when the
 * document is done); with reuse, the actor already there when its country is
 * cc. -1 when there is no memory (no target, not an error). */
static int32_t place_mention(sctx *sc, uint32_t a, uint32_t b, const char *cc, int reuse)
{
    struct dyad_doc *doc = sc->doc;
    int32_t r = reuse ? mention_at(doc, sc->m0, sc->m1, a) : -1;
    if (r >= 0 && doc->men[r].end >= b &&
        (!strncmp(doc->men[r].code, cc, 3) || (doc->men[r].entry >= 0 && !(doc->men[r].flags & AM_AGENT_ONLY))))
        return r;   /* an actor already: "in Kabul" is the capital's AFGGOV;
                       a dictionary's dated code beats today's borders
                       ("Kosovo" in 1995: SRB) */
    for (size_t m = sc->nreal; m < doc->nmen; m++)
        if (doc->men[m].first == a && doc->men[m].end == b && !strcmp(doc->men[m].code, cc))
            return (int32_t)m;
    if (DY_GROW(doc->men, doc->men_cap, doc->nmen + 1))
        return -1;
    dy_mention *pm = &doc->men[doc->nmen];
    memset(pm, 0, sizeof *pm);
    pm->first = a;
    pm->end = b;
    pm->sent = sc->s;
    size_t cn = strlen(cc);
    memcpy(pm->code, cc, cn < sizeof pm->code ? cn + 1 : sizeof pm->code);
    pm->ref = pm->entry = pm->agent_entry = -1;
    return (int32_t)doc->nmen++;
}

/* A place as target: "captured the town of X" -> the country of X, when the
 * place stage knows X (dy_place_country_at). Not a place of the source's own
 * country unless own is set. Returns the mention or -1. */
static int32_t place_target(sctx *sc, int32_t np, int32_t src, int own)
{
    struct dyad_doc *doc = sc->doc;
    const dy_syn *syn = sc->syn;
    if (np < 0 || !doc->npl)
        return -1;
    for (int hop = 0; hop < 2 && np >= 0; hop++) {
        const dy_np *n = &syn->np[np];
        for (uint32_t i = n->first; i < n->end; i++) {
            const char *cc = dy_place_country_at(doc, i);
            if (!cc || strlen(cc) != 3)
                continue;
            uint32_t a = i, b = i + 1;
            if (n->name_end > n->name_first && i >= n->name_first && i < n->name_end) {
                a = n->name_first;
                b = n->name_end;
            }
            if (src >= 0 && (own ? !strcmp(doc->men[src].code, cc) : !strncmp(doc->men[src].code, cc, 3)))
                return -1;   /* a place of the source's own country */
            return place_mention(sc, a, b, cc, 1);
        }
        np = n->of;   /* "the outpost of Vuhledar" */
    }
    return -1;
}

/* A state's capital named as the place of the state's own act, "imposed a
 * curfew in Abidjan" (the capital's mention is the government, CIVGOV): the
 * country's people there (CIV). -1 for any other mention. */
static int32_t own_capital(sctx *sc, int32_t m)
{
    const dy_mention *x = &sc->doc->men[m];
    if (x->entry < 0 || x->first <= sc->first || !tok_w(sc, x->first - 1, DY_W_IN) ||
        strlen(x->code) != 6 || strcmp(x->code + 3, "GOV") || dy_is_org_code(x->code))
        return -1;
    char cc[4] = {x->code[0], x->code[1], x->code[2], 0};
    return place_mention(sc, x->first, x->end, cc, 0);
}

/* The actor who made what an object names: "rejected calls by X",
 * "accepted an offer from X", "prevented a rally staged by X". */
static int32_t np_author(const sctx *sc, int32_t np, int32_t avoid)
{
    const dy_syn *syn = sc->syn;
    if (np < 0 || !syn->tok_np)
        return -1;
    uint32_t e = syn->np[np].end;
    if (syn->np[np].of >= 0 && syn->np[syn->np[np].of].end > e)
        e = syn->np[syn->np[np].of].end;
    if (e < sc->end && sc->t->tok[e].tag == T_VBN) {
        /* "a rally staged by"; but who brokered or hosted a deal is a third
         * party, not the other side ("a ceasefire brokered by Egypt") */
        static const char *const third[] = {"broker", "mediate", "facilitate", "sponsor",
                                            "host", "negotiate", "arrange"};
        const dy_tok *k = &sc->t->tok[e];
        const char *lw = k->lemma ? dy_intern_str(&sc->ctx->words, k->lemma) : NULL;
        for (size_t q = 0; q < sizeof third / sizeof third[0]; q++)
            if ((lw && !strcmp(lw, third[q])) || dy_tok_is(sc->t, k, third[q]))
                return -1;
        e++;
    }
    if (e + 1 >= sc->end || !(tok_w(sc, e, DY_W_BY) || tok_w(sc, e, DY_W_FROM)))
        return -1;
    return np_other_actor(sc->doc, sc->m0, sc->m1, syn->tok_np[e + 1], 1, avoid);
}

/* Sort the place mentions made by place_target in among the others and fix
 * the indices that point at mentions. 0 or -1 (no memory). */
static int sort_in_places(struct dyad_doc *doc, size_t nreal)
{
    /* mentions appended for events that were then dropped or given another
     * target go (no phantom "Japan JPNGOV" beside "Japan JPN") */
    size_t w = nreal;
    for (size_t k = nreal; k < doc->nmen; k++) {
        int used = 0;
        for (size_t i = 0; i < doc->nev && !used; i++)
            used = doc->ev[i].src == (int32_t)k || doc->ev[i].tgt == (int32_t)k;
        if (!used)
            continue;
        if (w != k) {
            doc->men[w] = doc->men[k];
            for (size_t i = 0; i < doc->nev; i++) {
                if (doc->ev[i].src == (int32_t)k)
                    doc->ev[i].src = (int32_t)w;
                if (doc->ev[i].tgt == (int32_t)k)
                    doc->ev[i].tgt = (int32_t)w;
            }
        }
        w++;
    }
    doc->nmen = w;
    size_t n = doc->nmen;
    if (n == nreal)
        return 0;
    int32_t *map = dy_malloc(n * sizeof *map);
    if (!map)
        return -1;
    for (size_t i = 0; i < n; i++)
        map[i] = (int32_t)i;
    /* insertion of each appended mention at its place (they are few) */
    for (size_t k = nreal; k < n; k++) {
        dy_mention pm = doc->men[k];
        size_t at = k;
        while (at > 0 && (doc->men[at - 1].sent > pm.sent ||
                          (doc->men[at - 1].sent == pm.sent && doc->men[at - 1].first > pm.first)))
            at--;
        memmove(&doc->men[at + 1], &doc->men[at], (k - at) * sizeof pm);
        doc->men[at] = pm;
        for (size_t i = 0; i < n; i++)
            if ((size_t)map[i] >= at && (size_t)map[i] < k)
                map[i]++;
        map[k] = (int32_t)at;
    }
    for (size_t i = 0; i < doc->nev; i++) {
        if (doc->ev[i].src >= 0)
            doc->ev[i].src = map[doc->ev[i].src];
        if (doc->ev[i].tgt >= 0)
            doc->ev[i].tgt = map[doc->ev[i].tgt];
    }
    for (size_t i = 0; i < n; i++)
        if (doc->men[i].ref >= 0)
            doc->men[i].ref = map[doc->men[i].ref];
    /* every other index into the mentions: quote speakers, noun phrases */
    for (size_t i = 0; i < doc->nq; i++)
        if (doc->q[i].speaker >= 0)
            doc->q[i].speaker = map[doc->q[i].speaker];
    for (size_t i = 0; i < doc->syn.nnp; i++)
        if (doc->syn.np[i].actor >= 0)
            doc->syn.np[i].actor = map[doc->syn.np[i].actor];
    dy_free(map);
    return 0;
}

/* Step 1: the frame of verb group g (f->pat = -1 when it has none). */
/* Is finite clause g the that-clause of an allegation, claim, charge, report
 * or rumour ("accusations by X that it had carried out arrests")? What it
 * says is someone's assertion, not an event the text reports (the assertion
 * itself is coded from its noun or verb). */
static int alleged_clause(const sctx *sc, uint32_t g)
{
    const dy_syn *syn = sc->syn;
    const dy_vg *vg = &syn->vg[g];
    uint32_t k = vg->first;
    if (vg->subj >= 0 && syn->np[vg->subj].first < k)
        k = syn->np[vg->subj].first;
    if (k < sc->first + 2 || !tok_w(sc, k - 1, DY_W_THAT))
        return 0;
    uint32_t j = k - 2;
    for (int hop = 0; hop < 2 && syn->tok_np; hop++) {
        /* over "by the Liberian Peace Council (LPC)" to the noun */
        if (sc->t->tok[j].tag == T_RRB) {
            while (j > sc->first && sc->t->tok[j].tag != T_LRB)
                j--;
            if (j > sc->first)
                j--;
        }
        int32_t np = syn->tok_np[j];
        if (np < 0 || syn->np[np].first < sc->first + 2)
            break;
        uint32_t b = syn->np[np].first - 1;
        if (!tok_w(sc, b, DY_W_BY) && !tok_w(sc, b, DY_W_OF) && !tok_w(sc, b, DY_W_FROM) &&
            !tok_w(sc, b, DY_W_AGAINST))
            break;
        j = b - 1;
    }
    const dy_tok *n = &sc->t->tok[j];
    if (!dy_tag_is_noun(n->tag))
        return 0;
    if (n->tag == T_NNS && (j == sc->first || sc->t->tok[j - 1].tag == T_NNP ||
                            sc->t->tok[j - 1].tag == T_NNPS || sc->t->tok[j - 1].tag == T_PRP))
        return 0;   /* "Amnesty reports that": the verb, mistagged */
    return word_in(sc->ev, n->lemma ? n->lemma : n->word, DY_W_ALLEGATION, DY_W_SPECULATION) ||
           word_in(sc->ev, n->word, DY_W_ALLEGATION, DY_W_SPECULATION);
}

/* Is g a verb of decision (announce, decide, declare)? What a government
 * announces or decides it will cut, ban or suspend (root 16) is the act
 * itself, not a threat ("announced it would cut all aid": 162, not 1311). */
static int decision_verb(const sctx *sc, int32_t g)
{
    return g >= 0 && word_in(sc->ev, vg_lemma(sc, &sc->syn->vg[g]), DY_W_ANNOUNCE, DY_W_DECLARE);
}

/* The actor of noun phrase np other than avoid, as np_other_actor; but the
 * possessor of an event noun first, whose act it is ("condemned Russia's
 * annexation of Crimea": RUS, not the of-phrase's UKR). */
static int32_t event_np_actor(const sctx *sc, int32_t np, int32_t avoid)
{
    const dy_syn *syn = sc->syn;
    if (np >= 0 && syn->np[np].poss >= 0) {
        const dy_tok *k = &sc->t->tok[syn->np[np].head];
        size_t p0, p1;
        if (pattern_range(sc->ev, 1, k->lemma, &p0, &p1) || pattern_range(sc->ev, 1, k->word, &p0, &p1)) {
            int32_t m = np_other_actor(sc->doc, sc->m0, sc->m1, syn->np[np].poss, 0, avoid);
            if (m >= 0)
                return m;
        }
    }
    return np_other_actor(sc->doc, sc->m0, sc->m1, np, 1, avoid);
}

/* A first-person subject (I, we) inside a direct quotation is its speaker:
 * the speaker's mention, -1. */
static int32_t quote_speaker(const sctx *sc, int32_t np)
{
    const struct dyad_doc *doc = sc->doc;
    if (np < 0 || !doc->nq)
        return -1;
    const dy_tok *k = &sc->t->tok[sc->syn->np[np].head];
    if (k->tag != T_PRP || !(dy_tok_is(sc->t, k, "we") || dy_tok_is(sc->t, k, "i")))
        return -1;
    for (size_t q = 0; q < doc->nq; q++) {
        const dy_quote *qu = &doc->q[q];
        if (qu->direct && qu->speaker >= 0 && k->start >= qu->start && k->end <= qu->end)
            return qu->speaker;
    }
    return -1;
}

static void vg_frame(sctx *sc, uint32_t g, frame *f)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    const struct dyad_doc *doc = sc->doc;
    const dy_vg *vg = &syn->vg[g];
    memset(f, 0, sizeof *f);
    f->pat = -1;
    f->src = f->src_np = f->tgt = f->tgt_np = -1;
    size_t p0, p1;
    const dy_tok *hk = &sc->t->tok[vg->head];
    if (!pattern_range(ev, 0, vg->lemma, &p0, &p1) && !pattern_range(ev, 0, hk->word, &p0, &p1))
        return;
    uint32_t cend = clause_end(sc, g);
    hit h;
    if ((vg->flags & VG_PASSIVE) && vg->subj >= 0 && syn->np[vg->subj].end <= vg->first)
        sc->pre = syn->np[vg->subj].head;
    int32_t pat = best_pattern(sc, p0, p1, vg->head, vg->first > 3 ? vg->first - 3 : 0, cend, &h);
    sc->pre = UINT32_MAX;
    if (pat < 0)
        return;
    if (!ev->pat[pat].nel && vg->head + 1 < cend && !tok_w(sc, vg->head + 1, DY_W_THAT)) {
        /* "agreed there was a need", "warned the talks would fail": a
         * complement clause without its "that" takes the "that" pattern */
        int clause = 0;
        for (uint32_t x = g + 1; x < sc->g1 && !clause; x++)
            clause = governor(sc, x) == (int32_t)g && syn->vg[x].first > vg->head &&
                     !(syn->vg[x].flags & (VG_INF | VG_PART | VG_RELATIVE));
        if (!clause && g + 1 < sc->g1 && syn->tok_np) {
            /* "agreed today there was a need": the next clause's subject
             * follows the verb over time words and adverbs only */
            const dy_vg *x = &syn->vg[g + 1];
            if (!(x->flags & (VG_INF | VG_PART | VG_RELATIVE)) && x->subj >= 0 &&
                syn->np[x->subj].first > vg->head && syn->np[x->subj].end <= x->first) {
                clause = 1;
                for (uint32_t i = vg->head + 1; i < syn->np[x->subj].first && clause; i++) {
                    int32_t n = syn->tok_np[i];
                    clause = sc->t->tok[i].tag == T_RB || (n >= 0 && (syn->np[n].flags & NP_TIME));
                }
            }
        }
        for (size_t p = p0; clause && p < p1 && ev->pat[p].head == ev->pat[pat].head &&
                            ev->pat[p].noun == ev->pat[pat].noun; p++) {
            const dy_pattern *pt = &ev->pat[p];
            const dy_pel *el = &ev->el[pt->el_first];
            if (pt->nel == 1 && (el->kind & PE_KIND_MASK) == PE_WORD && el->word == ev->w[DY_W_THAT]) {
                pat = (int32_t)p;
                break;
            }
        }
    }
    f->pat = pat;
    f->code = ev->pat[pat].code;
    f->trig = vg->head;
    f->cend = cend;
    f->last = (uint32_t)h.last;
    f->flags = vg_flags(syn, (int32_t)g);
    if (vg->first > sc->first && tok_w(sc, vg->first - 1, DY_W_WITHOUT))
        f->flags |= VG_NEG;   /* "without returning" */
    if (!(vg->flags & (VG_INF | VG_PART)) && alleged_clause(sc, g))
        f->flags |= VG_HYPOTHETICAL;
    if (vg->tense == TENSE_PRESENT && !(f->flags & (VG_FUTURE | VG_MODAL))) {
        /* "will convene ... when he visits Germany": a temporal clause of a
         * future one is future too */
        uint32_t k = vg->first;
        if (vg->subj >= 0 && syn->np[vg->subj].first < k)
            k = syn->np[vg->subj].first;
        /* before, until, once, unless: what has not happened yet */
        int pending = k > sc->first && (tok_w(sc, k - 1, DY_W_BEFORE) || tok_w(sc, k - 1, DY_W_ONCE) ||
                                        tok_w(sc, k - 1, DY_W_UNTIL) || tok_w(sc, k - 1, DY_W_UNLESS));
        int temporal = pending || (k > sc->first && (tok_w(sc, k - 1, DY_W_WHEN) ||
                                                     tok_w(sc, k - 1, DY_W_AFTER)));
        for (uint32_t x = g; temporal && x-- > sc->g0;)
            if (!(syn->vg[x].flags & (VG_INF | VG_PART | VG_RELATIVE))) {
                if (syn->vg[x].flags & VG_FUTURE)
                    f->flags |= VG_FUTURE;
                else if (pending && syn->vg[x].tense != TENSE_PRESENT)
                    /* "said X must withdraw before they disarm", "vowed to
                     * fight until they capture the city": a condition or
                     * an aim, not an event */
                    f->flags |= VG_HYPOTHETICAL;
                break;
            }
    }
    int32_t gv = governor(sc, g);
    int would = 0;
    if ((f->flags & VG_MODAL) && !(f->flags & VG_HYPOTHETICAL) &&
        ((f->flags & VG_REPORTED) || (gv >= 0 && (syn->vg[gv].flags & VG_SPEECH)))) {
        /* "X said it would boycott ...": the future seen from the past */
        for (uint32_t i = vg->first; i < vg->head; i++)
            if (tok_w(sc, i, DY_W_WOULD)) {
                f->flags = (f->flags & ~(uint32_t)VG_MODAL) | VG_FUTURE;
                would = 1;
                break;
            }
    }
    if (f->code == DY_CODE_NONE)
        return;
    if (would && code_root(ev, f->code) == 16 && decision_verb(sc, gv))
        /* "announced it would cut aid": the decision reported; but
         * "announced he will withdraw ...", still to come, is a threat */
        f->flags &= ~(uint32_t)VG_FUTURE;
    int32_t mobj = main_verb_object(sc, g);
    int active = mobj != -1;
    if (!active && (vg->flags & VG_PASSIVE) && vg->agent < 0 && vg->head + 1 < sc->end &&
        (tok_w(sc, vg->head + 1, DY_W_IN) ||
         (tok_w(sc, vg->head + 1, DY_W_TO) && vg->head + 2 < sc->end &&
          (sc->t->tok[vg->head + 2].tag == T_VBG || sc->t->tok[vg->head + 2].tag == T_VB))) &&
        h.last > vg->head && ev->pat[pat].nel &&
        el_match(ev, &sc->t->tok[vg->head + 1], &ev->el[ev->pat[pat].el_first])) {
        /* "were engaged in", "was involved in", "is committed to opening":
         * the subject acts */
        active = 1;
        mobj = -2;
    }
    if (active)
        f->flags &= ~(uint32_t)(VG_PASSIVE | VG_PART | VG_RELATIVE);
    if (mobj < 0)
        mobj = -1;
    /* source */
    if (active) {
        f->src = subj_actor(sc, vg->subj);
        f->src_np = vg->subj;
    } else {
        f->src = vg_subject(sc, (int32_t)g, &f->src_np);
        if (f->src < 0 && (vg->flags & VG_PASSIVE) && vg->agent < 0)
            /* "was accused of stealing funds by X": the agent hung on the
             * participle that completes the passive */
            for (uint32_t x = g + 1; x < sc->g1 && f->src < 0; x++) {
                const dy_vg *c = &syn->vg[x];
                if (c->parent != (int32_t)g || !(c->flags & VG_PART))
                    continue;
                for (uint32_t q = 0; q < c->npp && f->src < 0; q++) {
                    const dy_pp *pp = &syn->pp[c->pp_first + q];
                    if (tok_w(sc, pp->prep, DY_W_BY) && pp->np >= 0 &&
                        (f->src = np_actor(doc, sc->m0, sc->m1, pp->np, 1)) >= 0)
                        f->src_np = pp->np;
                }
            }
    }
    if (f->src < 0 && !(f->flags & VG_PASSIVE))
        f->src = quote_speaker(sc, vg->subj);   /* "We will not allow ...," X said */
    if (f->src < 0 && !(f->flags & VG_PASSIVE) && !(vg->flags & VG_INF)) {
        /* (an infinitive has its governor's subject: "Kurds
         * occupied the embassy in Nairobi to protest" is not Nairobi's)
         * no subject actor: an actor just before the verb group, or just
         * before its subject ("the Pacific Trade Forum (PTF)
         * forum has agreed") */
        uint32_t from = vg->first;
        int32_t snp = (vg->flags & VG_PASSIVE) ? vg->agent : vg->subj;
        if (snp >= 0 && syn->np[snp].end <= vg->first && syn->np[snp].end + 3 > vg->first)
            from = syn->np[snp].first;
        int words = 0;
        int pron_subj = vg->subj >= 0 && sc->t->tok[syn->np[vg->subj].head].tag == T_PRP;
        for (size_t i = from; i-- > sc->first && words < 3;) {
            int m = mention_at(doc, sc->m0, sc->m1, i);
            if (m >= 0) {
                f->src = m;
                break;
            }
            if (sc->t->tok[i].tag == T_RRB) {
                /* over a parenthesis: "Hizbollah (Party of God) group" */
                size_t j = i;
                while (j > sc->first && j + 8 > i && sc->t->tok[j].tag != T_LRB)
                    j--;
                if (sc->t->tok[j].tag == T_LRB)
                    i = j;
                continue;
            }
            if (!pron_subj && !(vg->flags & VG_PART) &&
                (dy_tag_is_verb(sc->t->tok[i].tag) || tok_w(sc, i, DY_W_THAT)))
                break;   /* not into another clause ("X insisted that the two
                            sides reach ..."), but a pronoun the actor stage
                            left unresolved is its speaker's ("the Taliban
                            said they would release"), and a participle's the
                            author of what it hangs on ("X issued a
                            declaration demanding") */
            words++;
        }
    }
    if (h.src >= 0) {
        /* '$': the source stands in the pattern, the subject is the target
         * (a subject without an actor leaves the target to be found as
         * usual: "the suspect was extradited from Spain to the US") */
        int32_t subj_tgt = f->src, subj_np = f->src_np;
        f->src = h.src;
        f->src_np = -1;
        if (subj_tgt >= 0 || !(vg->flags & VG_PASSIVE)) {
            f->tgt = subj_tgt;
            f->tgt_np = subj_np;
            f->tgt_rule = 3;
            return;
        }
    }
    if (!active && (vg->flags & VG_PASSIVE) && vg->agent >= 0 &&
        ((h.tgt >= 0 && doc->men[h.tgt].first >= syn->np[vg->agent].first &&
          doc->men[h.tgt].end <= syn->np[vg->agent].end) || h.tgt_np == vg->agent)) {
        /* "was indicted by X for ...": '*' is the passive's subject, not
         * its agent */
        h.tgt = -1;
        h.tgt_np = -1;
    }
    if (h.tgt >= 0 && same_actor(doc, h.tgt, f->src) && syn->tok_np &&
        syn->tok_np[doc->men[h.tgt].first] >= 0) {
        /* "hosted his Russian counterpart": not "his", the other actor */
        int32_t np = syn->tok_np[doc->men[h.tgt].first];
        int32_t m = np_other_actor(doc, sc->m0, sc->m1, np, 1, f->src);
        if (m >= 0) {
            h.tgt = m;
            h.tgt_np = np;
        }
    }
    if (h.tgt >= 0) {
        f->tgt = h.tgt;
        f->tgt_rule = 1;
    } else if (h.tgt_np >= 0) {
        f->tgt = np_other_actor(doc, sc->m0, sc->m1, h.tgt_np, 1, f->src);
        f->tgt_np = h.tgt_np;
        if (f->tgt >= 0)
            f->tgt_rule = 1;
    }
    if (f->tgt < 0) {
        const dy_pattern *pt = &ev->pat[pat];
        /* the object of the pattern's last word when it is a preposition */
        if (pt->nel) {
            const dy_pel *le = &ev->el[pt->el_first + pt->nel - 1];
            int k = le->kind & PE_KIND_MASK;
            if (k == PE_WORD || k == PE_ALT)
                for (uint32_t q = 0; q < vg->npp && f->tgt < 0; q++) {
                    const dy_pp *pp = &syn->pp[vg->pp_first + q];
                    if (pp->prep == h.last || el_match(ev, &sc->t->tok[pp->prep], le)) {
                        f->tgt = np_other_actor(doc, sc->m0, sc->m1, pp->np, 1, f->src);
                        if (f->tgt < 0)   /* "strikes on positions held by X" */
                            f->tgt = np_author(sc, pp->np, f->src);
                        f->tgt_np = pp->np;
                        f->tgt_rule = 2;
                    }
                }
        }
    }
    if (f->tgt < 0 && h.last > vg->head && syn->tok_np && syn->tok_np[h.last] >= 0) {
        /* "stood by its ally North Korea": the name the pattern's noun
         * stands before, in its phrase */
        int32_t n = syn->tok_np[h.last];
        uint32_t hd = syn->np[n].head;
        int32_t m = hd > h.last ? mention_at(doc, sc->m0, sc->m1, hd) : -1;
        if (m >= 0 && !same_actor(doc, m, f->src) && !own_people(doc, m, f->src, 0)) {
            f->tgt = m;
            f->tgt_np = n;
            f->tgt_rule = 2;
        }
    }
    if (f->tgt >= 0 && f->tgt_rule == 2 && f->code >= 0 && code_root(ev, f->code) == 11 &&
        tok_w(sc, h.last, DY_W_TO)) {
        /* "complained to the UN over Israeli air raids": the UN hears the
         * complaint, the one complained about is its target */
        int found = 0;
        for (uint32_t i = (uint32_t)h.last + 1; i < cend && !found; i++) {
            if (!tok_w(sc, i, DY_W_OVER) && !tok_w(sc, i, DY_W_ABOUT) && !tok_w(sc, i, DY_W_AGAINST))
                continue;
            /* (tokens, not the PPs: "over two Israeli raids" may be
             * chunked as a quantity) */
            for (uint32_t j = i + 1; j < cend && j < i + 8 && !found; j++) {
                if (dy_tag_is_verb(sc->t->tok[j].tag))
                    break;
                int32_t m = mention_at(doc, sc->m0, sc->m1, j);
                if (m >= 0 && !same_actor(doc, m, f->src)) {
                    f->tgt = m;
                    f->tgt_np = syn->tok_np ? syn->tok_np[j] : -1;
                    found = 1;
                }
            }
        }
    }
    if (f->tgt < 0) {
        int32_t obj = active ? mobj : (vg->flags & VG_PASSIVE) ? vg->subj : vg->obj;
        f->tgt = event_np_actor(sc, obj, f->src);
        f->tgt_np = obj;
        f->tgt_rule = 3;
        if (f->tgt < 0 && vg->iobj >= 0) {
            f->tgt = np_other_actor(doc, sc->m0, sc->m1, vg->iobj, 0, f->src);
            f->tgt_np = vg->iobj;
        }
        if (f->tgt < 0 && obj >= 0 && obj == vg->subj &&
            (f->tgt = subj_actor(sc, obj)) >= 0 && same_actor(doc, f->tgt, f->src))
            f->tgt = -1;   /* "one third of the fighters were disarmed" */
        if (f->tgt < 0 && obj >= 0 && (f->tgt = np_author(sc, obj, f->src)) >= 0)
            f->tgt_np = -1;
        if (f->tgt < 0 && obj >= 0 && obj == vg->subj && f->code >= 0 && code_root(ev, f->code) >= 17) {
            /* "a camp for Congolese refugees was attacked": whom it served */
            uint32_t e = syn->np[obj].end;
            if (e + 1 < sc->end && tok_w(sc, e, DY_W_FOR) && syn->tok_np && syn->tok_np[e + 1] >= 0 &&
                (f->tgt = np_other_actor(doc, sc->m0, sc->m1, syn->tok_np[e + 1], 1, f->src)) >= 0)
                f->tgt_np = syn->tok_np[e + 1];
        }
    }
    if (f->tgt < 0)
        for (uint32_t q = 0; q < vg->npp && f->tgt < 0; q++) {
            const dy_pp *pp = &syn->pp[vg->pp_first + q];
            if (is_target_prep(sc, pp->prep)) {
                f->tgt = np_other_actor(doc, sc->m0, sc->m1, pp->np, 1, f->src);
                if (f->tgt < 0)   /* "air strikes on positions held by X" */
                    f->tgt = np_author(sc, pp->np, f->src);
                f->tgt_np = pp->np;
                f->tgt_rule = 4;
            }
        }
    if (f->tgt < 0 && f->code >= 0 && code_root(ev, f->code) == 12)
        /* "declined to resign despite pressure by X": a refusal answers
         * whoever pressed for it */
        for (uint32_t i = vg->head + 1; i < sc->end && f->tgt < 0; i++) {
            if (!tok_w(sc, i, DY_W_DESPITE))
                continue;
            for (uint32_t j = i + 1; j < sc->end && j < i + 8 && f->tgt < 0; j++) {
                int32_t m = mention_at(doc, sc->m0, sc->m1, j);
                if (m >= 0 && !same_actor(doc, m, f->src)) {
                    f->tgt = m;
                    f->tgt_np = syn->tok_np ? syn->tok_np[j] : -1;
                    f->tgt_rule = 4;
                }
                uint8_t tg = sc->t->tok[j].tag;   /* "despite mounting pressure" */
                if (dy_tag_is_verb(tg) && tg != T_VBG && tg != T_VBN)
                    break;
            }
            break;
        }
    if (f->tgt < 0 && f->code >= 0 && code_root(ev, f->code) == 15)
        /* a show of force near a border is aimed across it: "amassed troops
         * near the Ukrainian border" */
        for (uint32_t q = 0; q < vg->npp && f->tgt < 0; q++) {
            const dy_pp *pp = &syn->pp[vg->pp_first + q];
            if (tok_w(sc, pp->prep, DY_W_NEAR) || tok_w(sc, pp->prep, DY_W_ALONG)) {
                f->tgt = np_other_actor(doc, sc->m0, sc->m1, pp->np, 1, f->src);
                f->tgt_np = pp->np;
                f->tgt_rule = 4;
            }
        }
    if (f->tgt < 0 && f->code >= 0 && code_root(ev, f->code) >= 17)
        /* force used in a country is used against it: "bombed targets in
         * Lebanon" */
        for (uint32_t q = 0; q < vg->npp && f->tgt < 0; q++) {
            const dy_pp *pp = &syn->pp[vg->pp_first + q];
            if (tok_w(sc, pp->prep, DY_W_IN)) {
                f->tgt = np_other_actor(doc, sc->m0, sc->m1, pp->np, 1, f->src);
                f->tgt_np = pp->np;
                f->tgt_rule = 4;
            }
        }
    if (f->tgt < 0 && f->code >= 0 && vg->obj >= 0) {
        /* "visited Kyiv and pledged military aid": a pledge, aid or
         * cooperation coordinated with a visit or meeting is for its host */
        int r = code_root(ev, f->code);
        if (r == 3 || r == 5 || r == 6 || r == 7)
            for (uint32_t x = sc->g0; x < g; x++)
                if (syn->vg[x].conj == (int32_t)g && x - sc->g0 < sc->nfr) {
                    const frame *xf = &sc->fr[x - sc->g0];
                    if (xf->pat >= 0 && xf->tgt >= 0 && xf->code >= 0 && code_root(ev, xf->code) == 4) {
                        f->tgt = xf->tgt;
                        f->tgt_np = xf->tgt_np;
                        f->tgt_rule = 4;
                    }
                    break;
                }
    }
    /* "denounced as an ugly crime Yugoslavia's suppression of ...": the
     * object after the "as" phrase */
    int shifted = vg->head + 1 < cend && tok_w(sc, vg->head + 1, DY_W_AS) && vg->obj < 0;
    /* "India and the UAE signed a deal, the first ... New Delhi has
     * concluded": a mutual act of a coordinated subject is with each other */
    int pair = f->code >= 0 && is_reciprocal(ev, f->code) && vg->subj >= 0 &&
               syn->np[vg->subj].conj >= 0 && np_actor(doc, sc->m0, sc->m1, syn->np[vg->subj].conj, 0) >= 0;
    if (f->tgt < 0 && (h.last > vg->head || shifted) && !pair) {
        /* not into the subject of the attribution that follows
         * ("released 300 prisoners on Friday, state media reported") */
        uint32_t stop = cend;
        for (uint32_t x = g + 1; x < sc->g1; x++) {
            int32_t sj = syn->vg[x].subj;
            if (syn->vg[x].first >= cend) {
                /* (from its possessor: "South Korea's military said") */
                uint32_t sf = sj >= 0 ? syn->np[sj].first : UINT32_MAX;
                if (sj >= 0 && syn->np[sj].poss >= 0 && syn->np[syn->np[sj].poss].first < sf)
                    sf = syn->np[syn->np[sj].poss].first;
                if (sj >= 0 && (syn->vg[x].flags & VG_SPEECH) && sf < stop && sf > (uint32_t)h.last)
                    stop = sf;
                break;
            }
        }
        /* a meeting's or signing's "in X" is where, not with whom (but
         * "sent inspectors to a site in Syria" goes to Syria) */
        int venue_ok = f->code < 0 || !is_reciprocal(ev, f->code) ||
                       (code_root(ev, f->code) != 4 && strcmp(ev->codes[f->code].code, "057"));
        for (size_t i = (shifted && h.last <= vg->head ? vg->head : h.last) + 1; i < stop && f->tgt < 0; i++) {
            if ((f->tgt = mention_at(doc, sc->m0, sc->m1, i)) >= 0 && same_actor(doc, f->tgt, f->src))
                f->tgt = f->code >= 0 && code_root(ev, f->code) == 17 ? own_capital(sc, f->tgt) : -1;
                /* the source again ("its", "the country"), but for a
                 * state's coercion in its capital, the people there */
            else if (f->tgt >= 0 && !venue_ok && doc->men[f->tgt].first == i && i > sc->first &&
                     tok_w(sc, i - 1, DY_W_IN))
                f->tgt = -1;   /* "signed a treaty in Washington" */
        }
        f->tgt_np = -1;
        f->tgt_rule = 5;
    }
    if (f->tgt < 0 && f->code >= 0 && is_reciprocal(ev, f->code))
        /* "met his Chinese counterpart and signed a trade agreement": with
         * the partner of the verb it is coordinated with */
        for (uint32_t x = sc->g0; x < g; x++)
            if (syn->vg[x].conj == (int32_t)g && x - sc->g0 < sc->nfr) {
                const frame *xf = &sc->fr[x - sc->g0];
                if (xf->pat >= 0 && xf->tgt >= 0 && xf->code >= 0 &&
                    (is_reciprocal(ev, xf->code) || code_root(ev, xf->code) == 4)) {
                    f->tgt = xf->tgt;
                    f->tgt_np = xf->tgt_np;
                    f->tgt_rule = 4;
                }
                break;
            }
    int froot = f->code >= 0 ? code_root(ev, f->code) : 0;
    if (f->code >= 0 && !strcmp(ev->codes[f->code].code, "192"))
        /* "retook the palace in Khartoum from the RSF": whom it was taken
         * from is the target, before the place */
        for (uint32_t q = 0; q < vg->npp; q++) {
            const dy_pp *pp = &syn->pp[vg->pp_first + q];
            int32_t m = tok_w(sc, pp->prep, DY_W_FROM)
                            ? np_other_actor(doc, sc->m0, sc->m1, pp->np, 1, f->src) : -1;
            if (m >= 0 && !(doc->men[m].flags & AM_LOCATED)) {
                f->tgt = m;
                f->tgt_np = pp->np;
                f->tgt_rule = 4;
                break;
            }
        }
    if (f->tgt < 0 && (froot == 3 || froot == 7 || froot >= 17))
        /* aid and pledges go to whom their purpose helps ("pledged $500
         * million to help rebuild Turkey"), force to whom it is used on
         * ("used tear gas to disperse protesters") */
        for (uint32_t x = g + 1; x < sc->g1 && x < g + 4 && f->tgt < 0; x++) {
            const dy_vg *xv = &syn->vg[x];
            int32_t p = xv->parent;
            while (p > (int32_t)g && (syn->vg[p].flags & VG_INF))
                p = syn->vg[p].parent;
            if (p != (int32_t)g || !(xv->flags & VG_INF))
                break;
            if (xv->obj >= 0 && (f->tgt = np_other_actor(doc, sc->m0, sc->m1, xv->obj, 1, f->src)) >= 0) {
                f->tgt_np = xv->obj;
                f->tgt_rule = 4;
            }
        }
    if (f->tgt < 0) {
        /* no actor there: a place ("captured the outpost of Vuhledar") */
        int32_t obj = active ? mobj : (vg->flags & VG_PASSIVE) ? vg->subj : vg->obj;
        int root = f->code >= 0 ? code_root(ev, f->code) : -1;
        /* force by a group or a state's forces inside their own country
         * ("the Rapid Support Forces shelled the city of El Fasher": SDN) */
        int civil = root >= 18 && f->src >= 0 && strlen(doc->men[f->src].code) > 3;
        f->tgt = place_target(sc, obj, f->src, civil);
        f->tgt_rule = 3;
        /* "arrived in X for a visit": the host; "rioted in X", "marched
         * in X": a protest is addressed to the place's authorities, even the
         * protesters' own; force used in X is used against it */
        int visit = f->code >= 0 && !strncmp(ev->codes[f->code].code, "042", 3);
        /* "withdrew from Kherson", "pulled out of Jenin": a retreat yields
         * the place to its state */
        int retreat = f->code >= 0 && !strcmp(ev->codes[f->code].code, "0874");
        for (uint32_t q = 0; q < vg->npp && f->tgt < 0; q++) {
            const dy_pp *pp = &syn->pp[vg->pp_first + q];
            int in = tok_w(sc, pp->prep, DY_W_IN);
            if (is_target_prep(sc, pp->prep) || (in && (root >= 17 || visit || root == 14)) ||
                (retreat && (tok_w(sc, pp->prep, DY_W_FROM) || tok_w(sc, pp->prep, DY_W_OF))))
                f->tgt = place_target(sc, pp->np, f->src, root == 14 || civil);   /* (met in X: a venue) */
            f->tgt_rule = 4;
        }
        if (f->tgt < 0 && root == 14 && doc->npl)
            /* "rioted at a jail in northern X": the first place of the clause */
            for (uint32_t i = vg->head + 1; i < cend && f->tgt < 0; i++) {
                const char *cc = dy_place_country_at(doc, i);
                if (cc && strlen(cc) == 3 && mention_at(doc, sc->m0, sc->m1, i) < 0 &&
                    (f->src < 0 || strcmp(doc->men[f->src].code, cc)))
                    f->tgt = place_mention(sc, i, i + 1, cc, 1);
            }
        if (f->tgt < 0 && root == 14 && f->src >= 0 && f->src < (int32_t)sc->nreal) {
            /* "Egyptian demonstrators rioted": where no place is named, the
             * protest is addressed to the protesters' own state */
            const dy_mention *sm = &doc->men[f->src];
            if (strlen(sm->code) >= 3 && !(sm->flags & (AM_AGENT_ONLY | AM_ROLE)) && !dy_is_org_code(sm->code) &&
                dy_actors_state_code(sm->code)) {
                /* (a people coded by its state, "ethnic Albanians" SRB,
                 * protests to that state's authorities, SRBGOV) */
                char cc[7] = {sm->code[0], sm->code[1], sm->code[2], 0};
                if (strlen(sm->code) == 3)
                    gov_code(cc, sm->code);
                /* the target names the state by the source's word for it:
                 * its place ("... in Kenya"), else its first capitalised word
                 * ("Egyptian demonstrators") */
                uint32_t w = sm->first, wp = UINT32_MAX;
                for (uint32_t i = sm->first; i < sm->end; i++) {
                    const char *pc = dy_place_country_at(doc, i);
                    if (pc && !strncmp(pc, cc, 3)) {
                        wp = i;
                        break;
                    }
                }
                while (wp == UINT32_MAX && w + 1 < sm->end && !(sc->t->tok[w].flags & TF_CAP))
                    w++;
                if (wp != UINT32_MAX)
                    w = wp;
                f->tgt = place_mention(sc, w, w + 1, cc, 0);
            }
        }
        f->tgt_np = -1;
    }
    if (f->code >= 0 && code_root(ev, f->code) >= 17 && f->src >= 0 &&
        word_in(ev, vg_lemma(sc, vg), DY_W_SURVIVE, DY_W_SUFFER)) {
        /* "Mubarak survived an assassination attempt (by X)": the subject is
         * its target; its hand, the agent after "by" or none */
        f->tgt = f->src;
        f->tgt_np = f->src_np;
        f->src = f->src_np = -1;
        f->undergone = 1;
        for (uint32_t i = vg->head + 1; i + 1 < cend && f->src < 0; i++)
            if (tok_w(sc, i, DY_W_BY))
                for (uint32_t j = i + 1; j < cend && j < i + 5 && f->src < 0; j++)
                    f->src = mention_at(doc, sc->m0, sc->m1, j);
    }
    if (f->tgt >= 0 && f->code >= 0 && (code_root(ev, f->code) == 4 || is_reciprocal(ev, f->code))) {
        /* "held talks on Tehran's nuclear programme", "voiced shared concern
         * over China's buildup": the topic, not a party */
        uint32_t k = doc->men[f->tgt].first;
        if (f->tgt_np >= 0 && syn->np[f->tgt_np].first < k)
            k = syn->np[f->tgt_np].first;
        if (k > sc->first && (tok_w(sc, k - 1, DY_W_ON) || tok_w(sc, k - 1, DY_W_OVER) ||
                              tok_w(sc, k - 1, DY_W_ABOUT)))
            f->tgt = -1;
    }
    if (f->tgt < 0) {
        f->tgt_np = -1;
        f->tgt_rule = 0;
    }
    if (f->src < 0 && (vg->flags & VG_PASSIVE) && vg->agent < 0 && f->code >= 0 &&
        !strncmp(ev->codes[f->code].code, "087", 3) && f->tgt >= 0 && f->tgt_np == vg->subj) {
        /* "rebel units have been demobilized", "troops were withdrawn": in
         * de-escalation the force that is stood down is the one yielding
         * (CAMEO 087x: the source is the demobilizing party) */
        f->src = f->tgt;
        f->src_np = f->tgt_np;
        f->tgt = f->tgt_np = -1;
        f->tgt_rule = 0;
    }
    if (f->src < 0 && f->tgt >= 0 && (vg->flags & VG_PASSIVE) && vg->agent < 0 && f->code >= 0 &&
        (code_root(ev, f->code) == 9 || code_root(ev, f->code) == 17))
        /* "was arrested in X", "has been put under investigation in X":
         * a state's police and courts act in it */
        for (uint32_t q = 0; q < vg->npp && f->src < 0; q++) {
            const dy_pp *pp = &syn->pp[vg->pp_first + q];
            if (tok_w(sc, pp->prep, DY_W_IN) && (f->src = place_target(sc, pp->np, -1, 1)) >= 0 &&
                same_actor(doc, f->src, f->tgt))
                f->src = -1;
        }
    if (f->src < 0 && (vg->flags & VG_PASSIVE) && vg->agent < 0 && f->code >= 0 &&
        code_root(ev, f->code) == 17 && f->pat >= 0 && ev->pat[f->pat].nel > 0)
        /* "a curfew was imposed in Srinagar", "rallies were banned in Minsk":
         * the state's authorities on its people there */
        for (uint32_t q = 0; q < vg->npp && f->src < 0; q++) {
            const dy_pp *pp = &syn->pp[vg->pp_first + q];
            int32_t pl = tok_w(sc, pp->prep, DY_W_IN) ? place_target(sc, pp->np, -1, 1) : -1;
            if (pl < 0 || strlen(doc->men[pl].code) < 3 || dy_is_org_code(doc->men[pl].code) ||
                (f->tgt >= 0 && f->tgt != pl && strncmp(doc->men[f->tgt].code, doc->men[pl].code, 3)))
                continue;
            char gc[7], cc[4] = {doc->men[pl].code[0], doc->men[pl].code[1], doc->men[pl].code[2], 0};
            gov_code(gc, cc);
            uint32_t a = doc->men[pl].first, b = doc->men[pl].end;
            f->src = place_mention(sc, a, b, gc, 0);
            f->tgt = place_mention(sc, a, b, cc, 0);
            f->tgt_np = -1;
        }
}

static int force_noun(const sctx *sc, uint32_t i);

/* Does mention m stand behind a preposition ("embassies in Kenya")? */
static int behind_prep(const sctx *sc, int32_t m)
{
    const struct dyad_doc *doc = sc->doc;
    uint32_t b = doc->men[m].first;
    int32_t np = doc->syn.tok_np ? doc->syn.tok_np[b] : -1;
    if (np >= 0 && doc->syn.np[np].first < b)
        b = doc->syn.np[np].first;
    /* over a coordination: "in Kenya and Tanzania" */
    for (int n = 0; n < 4 && b >= 2 && doc->syn.tok_np &&
                    (doc->t.tok[b - 1].tag == T_CC || doc->t.tok[b - 1].tag == T_PUNCT_COMMA) &&
                    doc->syn.tok_np[b - 2] >= 0;
         n++)
        b = doc->syn.np[doc->syn.tok_np[b - 2]].first;
    return b > 0 && (doc->t.tok[b - 1].tag == T_IN || doc->t.tok[b - 1].tag == T_TO);
}

/* The unnamed hand of force: the one another force clause of the sentence
 * names; else, for an irregular attack (root 18) in one country ("a
 * bystanders were wounded when a car bomb went off in Beirut"), as CAMEO codes
 * unidentified gunmen,
 * that country's unaffiliated armed force (LBNUAF), on the weapon's noun
 * phrase (else the trigger). -1 when the sentence's places are in no country
 * or in several. */
static int32_t unknown_hand(sctx *sc, int code, uint32_t trig, int32_t tgt)
{
    struct dyad_doc *doc = sc->doc;
    /* the hand another clause of the sentence names: "two soldiers were
     * killed when militants attacked a checkpoint"; "soldiers were killed
     * fighting PKK rebels": whom the victims fought */
    for (uint32_t k = 0; k < sc->nfr; k++) {
        const frame *o = &sc->fr[k];
        if (o->pat < 0 || o->code < 0 || o->src < 0 || o->trig == trig ||
            code_root(sc->ev, o->code) < 18)
            continue;
        if (!same_actor(doc, o->src, tgt))
            return o->src;
        if (o->tgt >= 0 && !same_actor(doc, o->tgt, tgt))
            return o->tgt;
    }
    /* the hand of the force the sentence before reports, in one paragraph
     * ("Russia launched 400 drones at Ukrainian cities. Two people were
     * killed in Kharkiv."), not of the victims' own country */
    if (sc->s > 0 && !(sc->t->tok[sc->first].flags & TF_PARA) && tgt >= 0)
        for (size_t i = sc->ev0; i-- > 0;) {
            const dy_event *e = &doc->ev[i];
            if (e->sent + 1 < sc->s)
                break;
            if (e->sent + 1 == sc->s && e->src >= 0 && code_root(sc->ev, e->code) >= 18 &&
                e->pattern >= 0 && !sc->ev->pat[e->pattern].noun &&   /* (a verb's hand) */
                strncmp(doc->men[e->src].code, doc->men[tgt].code, 3) && !behind_prep(sc, e->src))
                return e->src;
        }
    /* an irregular attack (root 18: bombings, assassinations) by no named
     * hand; not conventional force (shelling, air strikes), which in a war
     * zone is mostly the foreign side's */
    if (code_root(sc->ev, code) != 18)
        return -1;
    const char *cc = NULL;
    for (size_t k = sc->pl0; k < sc->pl1; k++) {
        const dy_place *p = &doc->pl[k];
        const char *pc = p->first >= sc->first && p->first < sc->end
                             ? dy_place_country_at(doc, p->first) : NULL;
        if (!pc || strlen(pc) != 3)
            continue;
        if (cc && strcmp(cc, pc))
            return -1;
        cc = pc;
    }
    if (!cc)
        return -1;
    uint32_t a = trig, b = trig + 1;
    for (uint32_t i = sc->first; i < sc->end; i++)
        if (dy_tag_is_noun(sc->t->tok[i].tag) && force_noun(sc, i)) {
            int32_t np = sc->syn->tok_np ? sc->syn->tok_np[i] : -1;
            a = np >= 0 ? sc->syn->np[np].first : i;
            b = np >= 0 ? sc->syn->np[np].end : i + 1;
            break;
        }
    char uaf[8];
    snprintf(uaf, sizeof uaf, "%sUAF", cc);
    int32_t m = place_mention(sc, a, b, uaf, 0);
    if (m >= 0)
        doc->men[m].flags |= AM_LOCATED;
    return m;
}

static uint32_t syn_np_first(const sctx *sc, int32_t np)
{
    return sc->syn->np[np].first;
}

static int emit(sctx *sc, int code, int32_t src, int32_t src_np, int32_t tgt, int32_t tgt_np,
                uint32_t trig, int32_t pat)
{
    const dy_events *ev = sc->ev;
    struct dyad_doc *doc = sc->doc;
    if (src >= 0 && same_actor(doc, src, tgt) && tgt != src && doc->men[tgt].entry < 0 &&
        (doc->men[tgt].flags & (AM_DESC | AM_LOCATED))) {
        /* "Moscow accused the diplomat": a description the actor stage could
         * only resolve to the source itself; the act stands, without target */
        tgt = tgt_np = -1;
    }
    if (src >= 0 && tgt >= 0 && code_root(ev, code) == 14 && same_actor(doc, src, tgt) &&
        strlen(doc->men[src].code) == 3 && !dy_is_org_code(doc->men[src].code)) {
        /* a people coded by its state protesting in it ("ethnic Albanians
         * demonstrated in Kosovo", 1995: SRB): to its authorities */
        char gc[7];
        gov_code(gc, doc->men[src].code);
        int32_t g = place_mention(sc, doc->men[tgt].first, doc->men[tgt].end, gc, 0);
        if (g < 0)
            return -1;
        tgt = g;
        tgt_np = -1;
    }
    if (tgt >= 0 && kind_of_body(sc, tgt))
        tgt = tgt_np = -1;   /* "calls for a transitional government": a kind
                                of body, no actor */
    if (src < 0 && tgt >= 0 && sc->sourceless && code_root(ev, code) >= 18)
        src = unknown_hand(sc, code, trig, tgt);
    if ((src < 0 && (tgt < 0 || !sc->sourceless)) || same_actor(doc, src, tgt))
        return 0;
    int32_t srcs[8], tgts[8];
    size_t ns = src >= 0 ? compound(sc, src, src_np, srcs, 8) : (srcs[0] = -1, 1);
    if (ns > 1 && tgt >= (int32_t)sc->nreal && is_reciprocal(ev, code)) {
        /* "U.S. and Soviet negotiators return to Geneva for talks": with
         * each other, the place is the venue */
        tgt = tgt_np = -1;
    }
    size_t nt = tgt >= 0 ? compound(sc, tgt, tgt_np, tgts, 8) : 0;
    if (!nt) {
        tgts[0] = -1;
        nt = 1;
    }
    int recip = is_reciprocal(ev, code);
    if (recip && tgt >= 0) {
        /* "gave intelligence to X", "signed a deal for X": one way */
        uint32_t k = doc->men[tgt].first;
        if (tgt_np >= 0 && syn_np_first(sc, tgt_np) < k)
            k = syn_np_first(sc, tgt_np);
        if (k > sc->first && (tok_w(sc, k - 1, DY_W_TO) || tok_w(sc, k - 1, DY_W_FOR) ||
                              tok_w(sc, k - 1, DY_W_ON) || tok_w(sc, k - 1, DY_W_AT) ||
                              tok_w(sc, k - 1, DY_W_INTO) || tok_w(sc, k - 1, DY_W_AGAINST) ||
                              tok_w(sc, k - 1, DY_W_FROM)))
            recip = 0;
    }
    uint32_t s = sc->s;
    size_t before = doc->nev;
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < nt; b++) {
            if (push_event(doc, s, code, srcs[a], tgts[b], trig, trig + 1, pat))
                return -1;
            if (recip && tgts[b] >= 0 && push_event(doc, s, code, tgts[b], srcs[a], trig, trig + 1, pat))
                return -1;
        }
    int root = code_root(ev, code);
    /* (praise, verbal defence, rallying support, apology and forgiveness
     * are not with each other: "X and Y welcomed the move"; establishing
     * relations, 054, is) */
    const char *cs = ev->codes[code].code;
    int one_way = root == 5 && cs[2] >= '1' && cs[2] <= '6' && cs[2] != '4';
    if ((recip || (root >= 3 && root <= 6 && !one_way) || !strncmp(cs, "087", 3)) && ns > 1 &&
        tgts[0] < 0)
        /* "X and Y agreed to a ceasefire": with each other */
        for (size_t a = 0; a < ns; a++)
            for (size_t b = 0; b < ns; b++)
                if (a != b && push_event(doc, s, code, srcs[a], srcs[b], trig, trig + 1, pat))
                    return -1;
    for (size_t i = before; i < doc->nev; i++)
        if (i - sc->ev0 < sizeof sc->rank)
            sc->rank[i - sc->ev0] = sc->cur_rank;
    return 0;
}

/* Apply modality; returns the code to use, or -1 for no event. */
static int modal_code(const dy_events *ev, int code, uint32_t flags)
{
    int root = code_root(ev, code);
    if ((flags & (VG_NEG | VG_FUTURE)) == (VG_NEG | VG_FUTURE) &&
        !(flags & (VG_FAILED | VG_QUESTION | VG_HYPOTHETICAL | VG_REFUSED)))
        return modal_of(ev, code, DY_MOD_REFUSE);   /* "will not accept": a refusal */
    if (flags & (VG_NEG | VG_FAILED | VG_QUESTION | VG_HYPOTHETICAL))
        return -1;
    if (flags & VG_REFUSED) {
        if (root == 12)
            return code;
        return modal_of(ev, code, DY_MOD_REFUSE);
    }
    if (flags & (VG_FUTURE | VG_INTENT)) {
        int m = modal_of(ev, code, DY_MOD_INTENT);
        return m >= 0 ? m : code;
    }
    if ((flags & VG_MODAL) && root != 13)
        return -1;
    return code;
}

/* An event or topic noun in tokens [from, to) that is not a mention: its
 * token, code, pattern and target. Bare appeals, intents ... (family codes)
 * and discards are passed over. Returns the token or -1. */
static int64_t find_event_noun(sctx *sc, uint32_t from, uint32_t to, int *code, int32_t *pat,
                               int32_t *tgt)
{
    const dy_events *ev = sc->ev;
    const dy_text *t = sc->t;
    for (uint32_t i = from; i < to; i++) {
        const dy_tok *k = &t->tok[i];
        if (k->kind != TK_WORD || !dy_tag_is_noun(k->tag))
            continue;
        /* an actor's word ("its troops") can only be a topic */
        int men = mention_at(sc->doc, sc->m0, sc->m1, i) >= 0;
        size_t p0, p1;
        uint32_t head = k->lemma ? k->lemma : k->word;
        hit h;
        int32_t p = -1;
        for (int cls = men ? DY_PC_TOPIC : 1; cls <= DY_PC_TOPIC && p < 0; cls += DY_PC_TOPIC - 1)
            if (pattern_range(ev, cls, head, &p0, &p1) || pattern_range(ev, cls, k->word, &p0, &p1))
                p = best_pattern(sc, p0, p1, i, i > 2 ? i - 2 : 0, to, &h);
        if (p < 0 || ev->pat[p].code == DY_CODE_NONE || family_of(ev, ev->pat[p].code))
            continue;
        *code = ev->pat[p].code;
        *pat = p;
        *tgt = h.tgt;
        if (*tgt < 0 && h.tgt_np >= 0)
            *tgt = np_actor(sc->doc, sc->m0, sc->m1, h.tgt_np, 1);
        if (*tgt < 0 && ev->pat[p].nel > 0)
            for (size_t j = h.last + 1; j < to && j < h.last + 8 && *tgt < 0; j++)
                *tgt = mention_at(sc->doc, sc->m0, sc->m1, j);
        return i;
    }
    return -1;
}

/* The content noun of [from, to): the first event or topic noun, or a later
 * one that refines its code ("three reforms: tax reform, welfare reform":
 * 083, then 0832). Returns the token or -1, as find_event_noun. */
static int64_t find_content_noun(sctx *sc, uint32_t from, uint32_t to, int *code, int32_t *pat,
                                 int32_t *tgt)
{
    int64_t t = find_event_noun(sc, from, to, code, pat, tgt);
    if (t < 0)
        return t;
    const char *c0 = sc->ev->codes[*code].code;
    size_t n0 = strlen(c0);
    for (uint32_t k = (uint32_t)t + 1; k < to;) {
        int c2;
        int32_t p2, t2;
        int64_t x = find_event_noun(sc, k, to, &c2, &p2, &t2);
        if (x < 0)
            break;
        const char *cs = sc->ev->codes[c2].code;
        if (strlen(cs) > n0 && !strncmp(cs, c0, n0)) {
            *code = c2;
            *pat = p2;
            if (t2 >= 0)
                *tgt = t2;
            return x;
        }
        k = (uint32_t)x + 1;
    }
    return t;
}

static int blocked(uint32_t flags)
{
    return (flags & (VG_NEG | VG_FAILED | VG_QUESTION | VG_HYPOTHETICAL)) != 0;
}

/* Step 2a: a verb whose pattern codes a bare appeal, intent, demand, refusal
 * or threat codes the content of its complement in that modality. Returns
 * 1 when it coded (or deliberately did not), 0 to code it as usual, -1 on
 * no memory. */
/* What governing verb g is about: the first frame of its infinitive chain, a
 * that-clause, or an event noun in its object or in the that-clause. Fills
 * *c (the complement's verb group or -1), *ccode, *ctgt / *ctgt_np and *ntok
 * (the noun's token or -1). Returns 1 when found. */
static int gov_content(sctx *sc, uint32_t g, int fam, int32_t *c, int *ccode, int32_t *ctgt,
                       int32_t *ctgt_np, int64_t *ntok, int32_t *clause)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    const frame *f = &sc->fr[g - sc->g0];
    *c = -1;
    *ccode = -1;
    *ctgt = *ctgt_np = -1;
    *ntok = -1;
    *clause = -1;
    int32_t npat = -1;
    int32_t obj = syn->vg[g].obj;
    int pass_subj = 0;
    if (obj < 0 && (syn->vg[g].flags & VG_PASSIVE) && syn->vg[g].subj >= 0 &&
        syn->np[syn->vg[g].subj].end <= syn->vg[g].first) {
        obj = syn->vg[g].subj;   /* "Haiti's request for peacekeepers was rejected" */
        pass_subj = 1;
    }
    if (obj >= 0) {
        /* a content noun as the direct object comes first ("offered its
         * troops to X to help": the infinitive is a purpose), when it has a
         * form in this modality ("reached a consensus to exchange" has not) */
        uint32_t oe = syn->np[obj].end;
        for (int32_t o = syn->np[obj].of, n = 0; o >= 0 && n < 3; o = syn->np[o].of, n++)
            oe = syn->np[o].end;
        if (pass_subj)
            oe = syn->vg[g].first;   /* with its prepositional phrases */
        *ntok = find_content_noun(sc, syn->np[obj].first, oe, ccode, &npat, ctgt);
        if (*ntok >= 0 && (!fam || family_map(ev, *ccode, fam) >= 0))
            return 1;
        *ntok = -1;
        *ccode = -1;
        *ctgt = -1;
    }
    for (int32_t x = syn->vg[g].xcomp, n = 0; x >= 0 && n < 4; x = syn->vg[x].xcomp, n++) {
        if ((uint32_t)x < sc->g0 || (uint32_t)x >= sc->g0 + sc->nfr)
            break;
        const frame *xf = &sc->fr[x - sc->g0];
        if (xf->pat >= 0 && xf->code >= 0 && content_family(ev, xf->code, fam) &&
            code_root(ev, xf->code) != 1) {
            *c = x;
            break;
        }
    }
    uint32_t tc = 0;   /* the that-clause, for the noun search */
    for (uint32_t x = g + 1; x < sc->g0 + sc->nfr && *c < 0; x++) {
        /* governed by g, directly or through verbs without a frame ("calls
         * for partners to help shoot down") */
        int32_t p = governor(sc, x);
        for (int hops = 0; p >= 0 && p != (int32_t)g && hops < 3; hops++) {
            if ((uint32_t)p <= g || (uint32_t)p >= sc->g0 + sc->nfr || sc->fr[p - sc->g0].pat >= 0) {
                p = -1;
                break;
            }
            p = governor(sc, (uint32_t)p);
        }
        if (p != (int32_t)g)
            continue;
        if (!tc)
            tc = x;
        const frame *xf = &sc->fr[x - sc->g0];
        if (xf->pat >= 0 && xf->code >= 0 && content_family(ev, xf->code, fam) &&
            code_root(ev, xf->code) != 1)
            *c = (int32_t)x;   /* (a statement is no content: "..., saying") */
    }
    if (*c >= 0) {
        const frame *cf = &sc->fr[*c - sc->g0];
        *ccode = cf->code;
        *ctgt = cf->tgt;
        *ctgt_np = cf->tgt_np;
        return 1;
    }
    uint32_t to = f->cend;
    if (syn->vg[g].xcomp >= 0 && syn->vg[syn->vg[g].xcomp].first < to)
        to = syn->vg[syn->vg[g].xcomp].first;
    *ntok = find_content_noun(sc, syn->vg[g].head + 1, to, ccode, &npat, ctgt);
    if (*ntok < 0 && tc) {
        /* "demanded that X match the EU's support for Y" */
        *ntok = find_content_noun(sc, syn->vg[tc].head + 1, sc->fr[tc - sc->g0].pat >= 0 ?
                                  sc->fr[tc - sc->g0].cend : clause_end(sc, tc), ccode, &npat, ctgt);
        if (*ntok >= 0)
            *clause = (int32_t)tc;
    }
    return *ntok >= 0;
}

/* Marks the complement of governing verb g (found by gov_content) as taken. */
static void take_content(sctx *sc, uint32_t g, int32_t c, int64_t ntok)
{
    const dy_syn *syn = sc->syn;
    for (int32_t x = syn->vg[g].xcomp, n = 0; x >= 0 && n < 4; x = syn->vg[x].xcomp, n++) {
        if ((uint32_t)x >= sc->g0 + sc->nfr)
            break;
        sc->fr[x - sc->g0].used = 1;
        if (x == c)
            break;
    }
    if (c >= 0)
        sc->fr[c - sc->g0].used = 1;
    if (ntok >= 0 && sc->nused_noun < 32)
        sc->used_noun[sc->nused_noun++] = (uint32_t)ntok;
}

/* Step 2a: a verb whose pattern codes a bare appeal, intent, demand, refusal,
 * threat or accusation codes the content of its complement in that
 * modality. Returns 1 when it coded (or deliberately did not), 0 to code it
 * as usual, -1 on no memory. */
static int code_governor(sctx *sc, uint32_t g)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    frame *f = &sc->fr[g - sc->g0];
    int fam = family_of(ev, f->code);
    int accord = !strcmp(ev->codes[f->code].code, "019");
    if (!fam && !accord)
        return 0;
    int32_t c, ctgt, ctgt_np, tc;
    int ccode;
    int64_t ntok;
    if (!gov_content(sc, g, fam ? fam : 3, &c, &ccode, &ctgt, &ctgt_np, &ntok, &tc))
        return 0;   /* nothing to take: the bare code */
    if (accord) {
        /* "agreed that they will / should cooperate": a commitment */
        if (c < 0 || !(syn->vg[c].flags & (VG_FUTURE | VG_MODAL)))
            return 0;
        fam = 3;
    }
    /* the complement is only intended, asked for ...: never an event itself */
    take_content(sc, g, c, ntok);
    f->done = 1;
    uint32_t fl = f->flags;
    int wont = (fl & (VG_NEG | VG_FUTURE)) == (VG_NEG | VG_FUTURE) &&
               !(fl & (VG_FAILED | VG_QUESTION | VG_HYPOTHETICAL | VG_REFUSED));
    if (wont && fam == 8) {
        /* "will not allow foreign troops": a refusal of what would be
         * conceded (a yielding's refusal form, 124 ...) */
        int r = family_map(ev, ccode, 8);
        r = r >= 0 ? modal_of(ev, r, DY_MOD_REFUSE) : -1;
        if (r < 0)
            r = modal_of(ev, f->code, DY_MOD_REFUSE);
        if (r < 0)
            return 1;
        f->emitted = 1;
        return emit(sc, r, f->src, f->src_np, f->tgt, f->tgt_np, f->trig, f->pat) ? -1 : 1;
    }
    if (blocked(fl) || ((fl & VG_MODAL) && fam != 13))
        return 1;
    int code = family_map(ev, ccode, fam);
    if (fam == 3 && ccode >= 0 && code_root(ev, ccode) == 16 && decision_verb(sc, (int32_t)g))
        code = ccode;   /* "decided to suspend talks": done, not threatened */
    if (code < 0) {
        /* no modal form of that content: the bare code */
        code = f->code;
        if (fl & VG_REFUSED)
            code = code_root(ev, code) == 12 ? code : modal_of(ev, code, DY_MOD_REFUSE);
        if (code < 0)
            return 1;
    }
    /* target: the governor's own (urge X to), else the complement's subject
     * when it is another actor (demand that X), else the complement's target */
    int32_t tgt = -1, tgt_np = -1;
    const char *cc = ev->codes[code].code;
    if (fam == 2 && (!strcmp(cc, "026") || !strcmp(cc, "027") || !strcmp(cc, "028")) &&
        same_actor(sc->doc, ctgt, f->src)) {
        /* asking to meet (settle, mediate) with oneself: one's own intent
         * (CAMEO: 026 only for third parties, else 036) */
        int x = content_modal(ev, ccode, DY_MOD_INTENT);
        if (x >= 0)
            code = x;
    }
    if (!strcmp(ev->codes[code].code, "053")) {
        /* rallying support for: the one to be supported, a third party;
         * support for oneself is an appeal for diplomatic cooperation */
        if (ctgt >= 0 && !same_actor(sc->doc, ctgt, f->src) &&
            !(f->tgt >= 0 && same_actor(sc->doc, ctgt, f->tgt))) {
            tgt = ctgt;
            tgt_np = ctgt_np;
        } else {
            int c022 = dy_code_index(ev, "022");
            code = c022 >= 0 ? c022 : code;
        }
    }
    if (tgt < 0 && f->tgt >= 0 && f->tgt_rule >= 1 && f->tgt_rule <= 4) {
        tgt = f->tgt;
        tgt_np = f->tgt_np;
    }
    if (c < 0)
        c = tc;   /* the clause the noun stands in: its subject is asked */
    if (tgt < 0 && c >= 0) {
        const dy_vg *cv = &syn->vg[c];
        int32_t cs = (cv->flags & VG_PASSIVE) ? cv->agent : cv->subj;
        if (cs >= 0 && cs != syn->vg[g].subj) {
            int32_t m = np_actor(sc->doc, sc->m0, sc->m1, cs, 0);
            if (m >= 0 && !same_actor(sc->doc, m, f->src)) {
                tgt = m;
                tgt_np = cs;
            }
        }
    }
    if (tgt < 0 && (c < 0 || (fam != 2 && fam != 10)) && fam != 11 &&
        !same_actor(sc->doc, ctgt, f->src)) {
        /* agreed to send aid to X, threatened to attack X; but an appeal or
         * demand goes to whom it asks, an accusation to the accused, not to
         * the target of what it is about */
        tgt = ctgt;
        tgt_np = ctgt_np;
    }
    if (tgt < 0 && f->tgt_rule != 5) {
        tgt = f->tgt;
        tgt_np = f->tgt_np;
    }
    if (same_actor(sc->doc, tgt, f->src))
        tgt = tgt_np = -1;
    f->emitted = 1;
    return emit(sc, code, f->src, f->src_np, tgt, tgt_np, f->trig, f->pat) ? -1 : 1;
}

/* Step 2b: a clause with must / should reported by a speech verb: a demand or
 * appeal of the speaker to the clause's subject. Returns as code_governor. */
static int code_reported_modal(sctx *sc, uint32_t g)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    frame *f = &sc->fr[g - sc->g0];
    if (f->pat >= 0 && (f->code < 0 || code_root(ev, f->code) == 1))
        return 0;
    if (f->pat < 0 && (syn->vg[g].flags & (VG_SPEECH | VG_COPULA)))
        return 0;
    uint32_t top;
    int level = must_level(sc, g, &top);
    if (!level)
        return 0;
    int32_t s = governor(sc, top);
    if (s < 0 || !(syn->vg[s].flags & VG_SPEECH))
        return 0;
    uint32_t sfl = vg_flags(syn, s);
    f->used = f->done = 1;
    /* "X said Y must agree to Z": what Y must agree to */
    int content = f->pat >= 0 ? f->code : -1;
    if (f->pat >= 0 && family_of(ev, f->code)) {
        int32_t c, ctgt, ctgt_np, tc;
        int ccode;
        int64_t ntok;
        if (gov_content(sc, g, level == 2 ? 10 : 2, &c, &ccode, &ctgt, &ctgt_np, &ntok, &tc)) {
            take_content(sc, g, c, ntok);
            content = ccode;
        }
    }
    if (blocked(sfl) || blocked(f->flags & ~(uint32_t)VG_MODAL))
        return 1;
    int32_t src_np = -1;
    int32_t src = vg_subject(sc, s, &src_np);
    if (src < 0)
        return 1;
    int m = content_modal(ev, content, level == 2 ? DY_MOD_DEMAND : DY_MOD_APPEAL);
    if (m < 0)
        m = dy_code_index(ev, level == 2 ? "100" : "020");
    if (m < 0)
        return 1;
    /* the one who must act */
    const dy_vg *tv = &syn->vg[top];
    int32_t tnp = (tv->flags & VG_PASSIVE) ? -1 : tv->subj;
    int32_t tgt = np_actor(sc->doc, sc->m0, sc->m1, tnp, 0);
    if (tgt >= 0 && strlen(sc->doc->men[tgt].code) == 3 &&
        !strncmp(sc->doc->men[tgt].code, sc->doc->men[src].code, 3))
        return 1;   /* "Zelenskyy said Ukraine needs to": of one's own country */
    if (f->pat < 0) {
        /* no pattern: a bare demand or appeal, only to another actor */
        int32_t spat = (uint32_t)s < sc->g0 + sc->nfr ? sc->fr[s - sc->g0].pat : -1;
        if (tgt < 0 || same_actor(sc->doc, tgt, src) || spat < 0)
            return 1;   /* (the event names the speech verb's pattern) */
        return emit(sc, m, src, src_np, tgt, tnp, syn->vg[g].head, spat) ? -1 : 1;
    }
    if (same_actor(sc->doc, tgt, src))
        return 1;   /* "X said it must ...": an obligation of one's own */
    if (tgt < 0) {
        tgt = f->tgt;
        tnp = f->tgt_np;
    }
    return emit(sc, m, src, src_np, tgt, tnp, f->trig, f->pat) ? -1 : 1;
}

/* Step 2b': what a verbal act is about is not an event of its own: the
 * complement of "accused X of attacking", "denied committing", "praised X for
 * helping", "threatened to attack" (when the pattern already names it). Marks
 * such complements used. */
/* Is verb group g named by the pattern of a verb governing it ("ask * to
 * help finance", "promise * concession")? Then it is part of that event. */
static int inside_pattern(const sctx *sc, uint32_t g)
{
    const dy_vg *v = &sc->syn->vg[g];
    int32_t p = governor(sc, g);
    for (int n = 0; p >= (int32_t)sc->g0 && (uint32_t)p < g && n < 4; n++) {
        const frame *qf = &sc->fr[p - sc->g0];
        if (qf->pat >= 0 && qf->trig < v->head && v->head <= qf->last)
            return 1;
        int32_t q = governor(sc, (uint32_t)p);
        if (q >= p)
            break;
        p = q;
    }
    return 0;
}

/* "asked banks to help finance": what an act only asked for, intended or
 * refused goes on to do is not done either - an infinitive or participle
 * under a used frame (also past an infinitive with no pattern: "urged allies
 * to tighten sanctions and to allow Ukraine to strike"). */
static int used_content(const sctx *sc, uint32_t g)
{
    const dy_syn *syn = sc->syn;
    const dy_vg *v = &syn->vg[g];
    int32_t p = governor(sc, g);
    if (!(v->flags & (VG_INF | VG_PART)) || p < (int32_t)sc->g0 || (uint32_t)p >= sc->g0 + sc->nfr ||
        (uint32_t)p == g)
        return 0;
    const frame *pf = &sc->fr[p - sc->g0];
    return pf->used && (pf->pat >= 0 || (syn->vg[p].flags & VG_INF)) &&
           !(syn->vg[p].flags & VG_SPEECH);
}

static void mark_contents(sctx *sc)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    /* "denied that it had supplied drones", "denied trying to ...": what a
     * denial governs, at any depth, did not happen as far as the text says */
    for (uint32_t g = sc->g0; g < sc->g0 + sc->nfr; g++) {
        frame *f = &sc->fr[g - sc->g0];
        if (f->pat >= 0 && f->code >= 0 && !strcmp(ev->codes[f->code].code, "016"))
            f->denied = 1;
        int32_t p = governor(sc, g);
        if (p >= (int32_t)sc->g0 && (uint32_t)p < g && sc->fr[p - sc->g0].denied) {
            f->denied = 1;
            f->used = f->done = 1;
        }
    }
    for (uint32_t g = sc->g0; g < sc->g0 + sc->nfr; g++) {
        frame *f = &sc->fr[g - sc->g0];
        if (f->pat < 0 || f->code < 0 || f->used)
            continue;
        const dy_vg *v = &syn->vg[g];
        int32_t p = governor(sc, g);
        if (p < 0 || (uint32_t)p < sc->g0 || (uint32_t)p >= sc->g0 + sc->nfr || (uint32_t)p == g)
            continue;
        const frame *pf = &sc->fr[p - sc->g0];
        if (used_content(sc, g)) {
            f->used = 1;
            continue;
        }
        if (pf->pat < 0 || pf->code < 0 || !strcmp(ev->codes[pf->code].code, "010"))
            continue;
        int r = code_root(ev, pf->code);
        if (!(r == 1 || r == 2 || r == 3 || r == 5 || (r >= 9 && r <= 13)))
            continue;
        int inf = (v->flags & VG_INF) != 0;
        int ger = (v->flags & VG_PART) && sc->t->tok[v->head].tag == T_VBG;
        int that = v->parent < 0 || !(syn->vg[p].flags & VG_SPEECH) ||
                   !strncmp(ev->codes[pf->code].code, "112", 3);   /* "alleged that" */
        if (inf || ger || that)
            f->used = 1;
    }
}

/* What protesters demand is what the protest is for, not an event of its
 * own: "marched to demand reforms", "went on strike demanding higher wages"
 * is one protest (refine_protests reads its aim), not a protest and a
 * demand. Marks demands and appeals (roots 10, 02) hanging on a protest
 * verb (root 14) as infinitive or participle as used. */
static void protest_aims(sctx *sc)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    for (uint32_t g = sc->g0; g < sc->g0 + sc->nfr; g++) {
        frame *f = &sc->fr[g - sc->g0];
        const dy_vg *v = &syn->vg[g];
        int32_t p = v->parent;
        int r = f->pat >= 0 && f->code >= 0 ? code_root(ev, f->code) : 0;
        if ((r != 10 && r != 2) || !(v->flags & (VG_INF | VG_PART)))
            continue;
        if (p >= (int32_t)sc->g0 && (uint32_t)p < g) {
            const frame *pf = &sc->fr[p - sc->g0];
            if (pf->pat >= 0 && pf->code >= 0 && code_root(ev, pf->code) == 14 &&
                !(pf->flags & (VG_NEG | VG_FAILED)))
                f->used = f->done = 1;
        }
        for (uint32_t h = g + 1; h < sc->g0 + sc->nfr && !f->used && v->subj >= 0; h++) {
            /* "protesters demanding democracy rioted": the rioters' aim */
            const frame *hf = &sc->fr[h - sc->g0];
            if (syn->vg[h].subj == v->subj && hf->pat >= 0 && hf->code >= 0 &&
                code_root(ev, hf->code) == 14 && (v->flags & VG_PART)) {
                f->used = f->done = 1;
                if (v->first < sc->aim_from)
                    sc->aim_from = v->first;
            }
        }
        int32_t np = v->first > sc->first && syn->tok_np ? syn->tok_np[v->first - 1] : -1;
        if (np >= 0 && !f->used) {
            /* "a demonstration calling for the removal of ...": a noun
             * whose patterns are protests */
            const dy_tok *k = &sc->t->tok[syn->np[np].head];
            size_t p0, p1;
            if ((pattern_range(ev, 1, k->lemma, &p0, &p1) || pattern_range(ev, 1, k->word, &p0, &p1)) &&
                code_root(ev, ev->pat[p0].code) == 14)
                f->used = f->done = 1;
        }
    }
}

/* Is the noun at token i an instrument or act of force (bomb, blast,
 * rocket, airstrike): a noun with patterns of roots 18-20? */
static int force_noun(const sctx *sc, uint32_t i)
{
    const dy_events *ev = sc->ev;
    const dy_tok *k = &sc->t->tok[i];
    size_t p0, p1;
    if (!pattern_range(ev, 1, k->lemma, &p0, &p1) && !pattern_range(ev, 1, k->word, &p0, &p1))
        return 0;
    uint32_t head = ev->pat[p0].head;
    for (size_t p = p0; p < p1 && ev->pat[p].head == head && ev->pat[p].noun; p++)
        if (ev->pat[p].code >= 0 && code_root(ev, ev->pat[p].code) >= 18)
            return 1;
    return 0;
}

/* A gerund that complements a noun ("resolve in aiding Israel", "the
 * decision of sending troops"): whose act it is, the clause does not say. */
static int noun_gerund(const sctx *sc, uint32_t g)
{
    const dy_vg *v = &sc->syn->vg[g];
    if (!(v->flags & VG_PART) || v->first != v->head || sc->t->tok[v->head].tag != T_VBG ||
        v->first < sc->first + 2)
        return 0;
    const dy_tok *p = &sc->t->tok[v->first - 1], *q = &sc->t->tok[v->first - 2];
    if (p->tag != T_IN || !dy_tag_is_noun(q->tag))
        return 0;
    for (int w = DY_W_AFTER; w <= DY_W_WHEREAS; w++)
        if (p->word == sc->ev->w[w])
            return 0;
    return p->word != sc->ev->w[DY_W_WITHOUT] && p->word != sc->ev->w[DY_W_BY];
}

/* A relative clause the syntax stage did not mark: "..., where 24 people
 * were killed", "in which ...", and what is reported inside one ("in which it
 * said 20 people were killed"). */
static int relative_clause(const sctx *sc, uint32_t g, int depth)
{
    const dy_syn *syn = sc->syn;
    const dy_vg *vg = &syn->vg[g];
    if (vg->flags & VG_RELATIVE)
        return 1;
    uint32_t k = vg->first;
    if (vg->subj >= 0 && syn->np[vg->subj].first < k)
        k = syn->np[vg->subj].first;
    if (k > sc->first && (tok_w(sc, k - 1, DY_W_WHERE) ||
                          (tok_w(sc, k - 1, DY_W_WHICH) && k >= sc->first + 2 &&
                           sc->t->tok[k - 2].tag == T_IN)))
        return 1;
    if (k > sc->first + 2 && tok_w(sc, k - 1, DY_W_COMMA))
        /* "where, it said, 100 people were killed": over a parenthesis */
        for (uint32_t j = k - 2; j > sc->first + 1 && j + 6 > k; j--)
            if (tok_w(sc, j, DY_W_COMMA)) {
                if (tok_w(sc, j - 1, DY_W_WHERE))
                    return 1;
                break;
            }
    int32_t p = vg->parent;
    return depth < 3 && p >= 0 && (syn->vg[p].flags & VG_SPEECH) && (vg->flags & VG_REPORTED) &&
           relative_clause(sc, (uint32_t)p, depth + 1);
}

/* Step 2c: a frame on its own. */
static int code_plain(sctx *sc, uint32_t g, frame *f)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    if (f->pat < 0 || f->code < 0 || f->used || f->done)
        return 0;
    f->done = 1;
    const dy_vg *vg = &syn->vg[g];
    if (noun_gerund(sc, g))
        return 0;
    int code = modal_code(ev, f->code, f->flags);
    if (code < 0)
        return 0;
    sc->cur_rank = 0;
    if ((vg->flags & VG_RELATIVE) && (f->flags & VG_RELATIVE))
        sc->cur_rank = 1;   /* a relative clause: background */
    else if (relative_clause(sc, g, 0))
        sc->cur_rank = 1;
    int32_t p = vg->parent;
    if ((vg->flags & VG_PART) && vg->first == vg->head && p >= 0 &&
        !(syn->vg[p].flags & VG_CONTROL) && (f->flags & VG_PART))
        sc->cur_rank = 1;   /* ", killing 20 people": an adjunct */
    if ((vg->flags & VG_INF) && p >= 0 && syn->vg[p].xcomp != (int32_t)g &&
        !(syn->vg[p].flags & VG_SPEECH)) {
        /* "to finance projects", "efforts to end the fighting": a purpose,
         * intended rather than done */
        int m = modal_of(ev, f->code, DY_MOD_INTENT);
        if (code_root(ev, code) == 14)
            m = code;   /* "shunned work to protest": the act is the protest */
        if (m < 0 || (code_root(ev, m) != 3 && m != code) || (f->flags & (VG_NEG | VG_FAILED)))
            return 0;
        code = m;
        sc->cur_rank = 1;
        /* "will visit X to mediate", "travelled to X to negotiate": the
         * purpose of a visit or meeting is what it is for, coded beside it */
        const frame *pf = (uint32_t)p >= sc->g0 && (uint32_t)p < sc->g0 + sc->nfr ? &sc->fr[p - sc->g0] : NULL;
        if (pf && pf->pat >= 0 && pf->code >= 0 && code_root(ev, pf->code) == 4 &&
            code_root(ev, f->code) == 4) {
            /* but "telephoned X to discuss", "met to consult": discussing
             * is what a call or meeting is, no intent beside it */
            const char *pc = ev->codes[pf->code].code, *fc = ev->codes[f->code].code;
            if (strcmp(pc, "042") && (!strcmp(fc, "040") || !strcmp(fc, "041")))
                return 0;
            sc->cur_rank = 0;
        }
    }
    int32_t tgt = f->tgt, tgt_np = f->tgt_np;
    if ((vg->flags & VG_SPEECH) && !strcmp(ev->codes[code].code, "010") && f->tgt_rule == 3)
        tgt = tgt_np = -1;   /* "told reporters": an audience, not a target */
    int croot = code_root(ev, code);
    if (tgt < 0 && (croot == 2 || croot == 10 || croot == 11 || croot == 12 || croot == 13))
        /* "demanded that the government end ...", "warned that X would
         * face ...": who the clause asks, blames or warns is its subject */
        for (uint32_t h = g + 1; h < sc->g1 && tgt < 0; h++)
            if (governor(sc, h) == (int32_t)g && !(syn->vg[h].flags & (VG_INF | VG_PART))) {
                int32_t m = np_actor(sc->doc, sc->m0, sc->m1, syn->vg[h].subj, 0);
                if (m >= 0 && !same_actor(sc->doc, m, f->src)) {
                    tgt = m;
                    tgt_np = syn->vg[h].subj;
                }
            }
    if ((vg->flags & VG_SPEECH) && tgt < 0 && code_root(ev, code) == 1) {
        /* "X said Y would ...": the reported clause's subject */
        for (uint32_t h = g + 1; h < sc->g1 && tgt < 0; h++)
            if (governor(sc, h) == (int32_t)g) {
                tgt = np_actor(sc->doc, sc->m0, sc->m1, syn->vg[h].subj, 0);
                tgt_np = syn->vg[h].subj;
                if (same_actor(sc->doc, tgt, f->src))
                    tgt = tgt_np = -1;   /* "X said it ...": the speaker */
            }
        if (tgt < 0 && (strcmp(ev->codes[code].code, "016") || !ev->pat[f->pat].nel))
            return 0;   /* a bare attribution is no event (a denial of
                           something named is: "denied that", "denied the
                           allegations") */
    }
    if (strcmp(ev->codes[code].code, "010"))
        f->emitted = 1;
    /* force against a known victim by an unnamed hand ("three civilians were
     * killed in a bombing"): coded without a source */
    /* and force by a weapon with no hand named ("a roadside bomb killed
     * three soldiers", "were killed by a landmine") */
    int32_t wnp = (f->flags & VG_PASSIVE) ? vg->agent : vg->subj;
    int fnoun = wnp >= 0 && force_noun(sc, syn->np[wnp].head);
    int weapon = f->src < 0 && fnoun && np_actor(sc->doc, sc->m0, sc->m1, wnp, 1) < 0;
    sc->sourceless = f->src < 0 && (((f->flags & VG_PASSIVE) && vg->agent < 0) || weapon || f->undergone) &&
                     code_root(ev, code) >= 17 && !sc->cur_rank;
    if (fnoun && (sc->sourceless || f->src >= 0) &&
        (code_root(ev, code) == 18 || code_root(ev, code) == 19) &&
        strlen(ev->codes[code].code) == 3 && ev->codes[code].code[2] == '0') {
        /* "a roadside bomb killed", "Israeli air strikes killed": the
         * weapon names the kind (1833, 195) */
        int nc;
        int32_t np_, nt_;
        if (find_event_noun(sc, syn->np[wnp].first, syn->np[wnp].end, &nc, &np_, &nt_) >= 0 &&
            code_root(ev, nc) >= 18)
            code = nc;
    }
    int rc = emit(sc, code, f->src, f->src_np, tgt, tgt_np, f->trig, f->pat);
    sc->sourceless = 0;
    return rc;
}

/* Is noun phrase n the object of verb group v or of one of its prepositions? */
static int np_of_vg(const dy_syn *syn, const dy_vg *v, uint32_t n)
{
    if (v->obj == (int32_t)n)
        return 1;
    for (uint32_t q = 0; q < v->npp; q++)
        if (syn->pp[v->pp_first + q].np == (int32_t)n)
            return 1;
    return 0;
}

/* Is noun phrase n called off: the subject or object of postpone, cancel,
 * delay, scrap, suspend, block, veto, halt, freeze or abandon ("the visit was
 * postponed", "blocked EU funding")? (Not of any negated verb: "attacks did
 * not stop" go on.) */
static int called_off(const sctx *sc, uint32_t n)
{
    const dy_syn *syn = sc->syn;
    for (uint32_t g = sc->g0; g < sc->g1; g++) {
        const dy_vg *v = &syn->vg[g];
        /* the subject of a passive, or the object ("Orban blocked EU
         * funding for Ukraine": no funding) */
        if (v->subj != (int32_t)n && v->obj != (int32_t)n)
            continue;
        if (word_in(sc->ev, vg_lemma(sc, v), DY_W_POSTPONE, DY_W_ABANDON))
            return 1;
    }
    return 0;
}

/* Step 3: event nouns. */
static int code_nouns(sctx *sc)
{
    const dy_events *ev = sc->ev;
    const dy_syn *syn = sc->syn;
    const dy_text *t = sc->t;
    struct dyad_doc *doc = sc->doc;
    uint32_t n0 = syn->sent_np[sc->s], n1 = syn->sent_np[sc->s + 1];
    for (uint32_t n = n0; n < n1; n++) {
        const dy_np *np = &syn->np[n];
        int skip = 0;
        /* "launched an attack on": the verb coded it */
        for (uint32_t g = sc->g0; g < sc->g0 + sc->nfr && !skip; g++) {
            const frame *f = &sc->fr[g - sc->g0];
            if (syn->vg[g].obj == (int32_t)n && f->pat >= 0 && (f->emitted || f->used))
                skip = 1;
        }
        for (uint32_t i = np->first; i < np->end && !skip; i++) {
            const dy_tok *k = &t->tok[i];
            if (k->kind != TK_WORD || mention_at(doc, sc->m0, sc->m1, i) >= 0)
                continue;
            int used = 0;
            for (uint32_t u = 0; u < sc->nused_noun; u++)
                if (sc->used_noun[u] == i)
                    used = 1;
            if (used)
                break;
            size_t p0, p1;
            uint32_t head = k->lemma ? k->lemma : k->word;
            if (!pattern_range(ev, 1, head, &p0, &p1) && !pattern_range(ev, 1, k->word, &p0, &p1))
                continue;
            /* the noun's reach: its NP and the prepositional phrases after it */
            size_t cend = sc->end;
            for (size_t j = np->end; j < sc->end; j++)
                if (syn->tok_vg && syn->tok_vg[j] >= 0) {
                    cend = j;
                    break;
                }
            hit h;
            int32_t pat = best_pattern(sc, p0, p1, i, i > np->first + 2 ? i - 2 : np->first,
                                       cend, &h);
            if (pat < 0 || ev->pat[pat].code == DY_CODE_NONE)
                continue;
            int code = ev->pat[pat].code;
            if (h.last <= i && i + 1 < np->end)
                continue;   /* a bare noun used as a modifier: "attack helicopters" */
            /* the agent: "attacks by Kremlin forces", "a demand from X" */
            int32_t agent = -1;
            for (size_t j = np->end; j + 1 < cend && j < np->end + 6; j++)
                if (tok_w(sc, j, DY_W_BY) || tok_w(sc, j, DY_W_FROM)) {
                    for (size_t q = j + 1; q < cend && q < j + 5 && agent < 0; q++)
                        agent = mention_at(doc, sc->m0, sc->m1, q);
                    break;
                }
            int32_t tgt = h.tgt;
            if (tgt < 0 && h.tgt_np >= 0)
                tgt = np_actor(doc, sc->m0, sc->m1, h.tgt_np, 1);
            if (tgt < 0 && ev->pat[pat].nel > 0)
                for (size_t j = h.last + 1; j < cend && j < h.last + 8 && tgt < 0; j++)
                    if ((tgt = mention_at(doc, sc->m0, sc->m1, j)) == agent)
                        tgt = -1;
            /* source: in front of the noun, its possessor, the agent, or the
             * subject of the verb whose object this NP is */
            int src = h.src;
            for (uint32_t j = np->first; j < i && src < 0; j++)
                src = mention_at(doc, sc->m0, sc->m1, j);
            if (src < 0)
                src = np_actor(doc, sc->m0, sc->m1, np->poss, 0);
            if (src < 0 && agent != tgt)
                src = agent;
            int between = 0;
            if (src < 0 && code >= 0 &&
                (is_reciprocal(ev, code) || code_root(ev, code) == 19 ||
                 !strncmp(ev->codes[code].code, "087", 3)) &&
                np->end + 3 < cend && tok_w(sc, np->end, DY_W_BETWEEN)) {
                /* "talks between Serbia and Kosovo": the two parties */
                int32_t a = -1, b = -1;
                for (size_t j = np->end + 1; j < cend && j < np->end + 12 && b < 0; j++) {
                    int32_t m = mention_at(doc, sc->m0, sc->m1, j);
                    if (m < 0)
                        continue;
                    if (a < 0)
                        a = m;
                    else if (!same_actor(doc, a, m))
                        b = m;
                    j = doc->men[m].end - 1;
                }
                if (b >= 0) {
                    src = a;
                    tgt = b;
                    between = !is_reciprocal(ev, code);   /* fighting: both ways too */
                }
            }
            int32_t src_np = -1;
            int undergone = 0;
            for (uint32_t g = sc->g0; g < sc->g1 && src < 0 && code >= 0; g++) {
                const dy_vg *vg = &syn->vg[g];
                if (!np_of_vg(syn, vg, n))
                    continue;
                src = vg_subject(sc, (int32_t)g, &src_np);
                if (word_in(ev, vg_lemma(sc, vg), DY_W_SURVIVE, DY_W_SUFFER)) {
                    /* "Mubarak survived an assassination attempt": the
                     * subject is whom it was aimed at, its hand unnamed */
                    if (tgt < 0)
                        tgt = src;
                    src = -1;
                    undergone = 1;
                    break;
                }
            }
            if (code >= 0 && called_off(sc, n))
                code = -1;   /* "the visit was postponed" */
            for (uint32_t g = sc->g0; g < sc->g1 && code >= 0; g++)
                /* a negated or failed verb of the noun, whether or not it
                 * gave the source ("failed to produce an agreement between
                 * X and Y") */
                if (np_of_vg(syn, &syn->vg[g], n) && blocked(vg_flags(syn, (int32_t)g)))
                    code = -1;
            if (tgt < 0 && code >= 0 && code_root(ev, code) >= 17 && doc->npl && ev->pat[pat].nel > 0)
                /* "Russian attacks on Kharkiv": the place's country */
                for (size_t j = h.last + 1; j < cend && j < h.last + 8 && tgt < 0; j++) {
                    const char *cc = dy_place_country_at(doc, j);
                    if (cc && strlen(cc) == 3 && (src < 0 || strncmp(doc->men[src].code, cc, 3)))
                        tgt = place_mention(sc, (uint32_t)j, (uint32_t)j + 1, cc, 1);
                }
            if (undergone && code >= 0 && src < 0 && tgt >= 0 && code_root(ev, code) >= 17) {
                sc->cur_rank = 0;
                sc->sourceless = 1;
                int rc = emit(sc, code, -1, -1, tgt, -1, i, pat);
                sc->sourceless = 0;
                if (rc)
                    return -1;
                break;
            }
            if (code < 0 || src < 0 || src == tgt)
                continue;
            /* an event noun is background, unless a speech verb announces
             * it ("announced a suspension of flights") */
            sc->cur_rank = 1;
            for (uint32_t g = sc->g0; g < sc->g1; g++)
                if (syn->vg[g].obj == (int32_t)n && (syn->vg[g].flags & VG_SPEECH))
                    sc->cur_rank = 0;
            if (emit(sc, code, src, src_np, tgt, -1, i, pat))
                return -1;
            if (between && emit(sc, code, tgt, -1, src, -1, i, pat))
                return -1;
            break;   /* one trigger per noun phrase */
        }
    }
    return 0;
}

/* The reform a code is about: 1..4 for leadership, policy, rights and
 * institutions (0831-0834, or their appeal, pledge, demand, refusal forms),
 * 0 for reform in general, -1 for none. */
static int reform_kind(const dy_events *ev, int code)
{
    if (code < 0)
        return -1;
    int b = (size_t)code < ev->nmodal && ev->base[code] >= 0 ? ev->base[code] : code;
    const char *c = ev->codes[b].code;
    if (strncmp(c, "083", 3))
        return -1;
    return c[3] >= '1' && c[3] <= '4' ? c[3] - '0' : 0;
}

/* Force without a target beside force of the same hand that has one, in one
 * sentence ("aerial attacks by Kremlin forces destroying half of its energy
 * infrastructure": the attacks hit what they destroyed): the same victim. */
static void shared_victims(sctx *sc)
{
    const dy_events *ev = sc->ev;
    struct dyad_doc *doc = sc->doc;
    for (size_t i = sc->ev0; i < doc->nev; i++) {
        dy_event *e = &doc->ev[i];
        int r = code_root(ev, e->code);
        if (e->tgt >= 0 || e->src < 0 || r < 18)
            continue;
        for (size_t j = sc->ev0; j < doc->nev; j++) {
            const dy_event *o = &doc->ev[j];
            if (j != i && o->tgt >= 0 && o->src >= 0 && code_root(ev, o->code) >= 17 &&
                !strcmp(doc->men[o->src].code, doc->men[e->src].code)) {
                int dup = 0;   /* (one record per source, target and code) */
                for (size_t k = sc->ev0; k < doc->nev && !dup; k++)
                    dup = k != i && doc->ev[k].code == e->code && doc->ev[k].src >= 0 &&
                          doc->ev[k].tgt >= 0 &&
                          !strcmp(doc->men[doc->ev[k].src].code, doc->men[e->src].code) &&
                          !strcmp(doc->men[doc->ev[k].tgt].code, doc->men[o->tgt].code);
                if (!dup)
                    e->tgt = o->tgt;
                break;
            }
        }
    }
}

/* A state does not demonstrate: "Vietnam protested against Chinese oil
 * exploration", "the Chinese foreign ministry protested to Japan" are
 * official complaints (114). A protest (root 14) whose source is a
 * government, or a state named by its singular name (not its people:
 * "Palestinians protested" stays a protest), becomes 114. */
static void state_protests(sctx *sc)
{
    const dy_events *ev = sc->ev;
    struct dyad_doc *doc = sc->doc;
    int c114 = -2;   /* looked up once one is needed: most sentences have none */
    for (size_t i = sc->ev0; i < doc->nev; i++) {
        dy_event *e = &doc->ev[i];
        if (code_root(ev, e->code) != 14 || e->src < 0)
            continue;
        const dy_mention *m = &doc->men[e->src];
        size_t n = strlen(m->code);
        int gov = n == 6 && !strcmp(m->code + 3, "GOV") && !dy_is_org_code(m->code);
        const dy_tok *last = &sc->t->tok[m->end - 1];
        int plural = m->end - m->first == 1 && last->nlen > 1 &&
                     dy_tok_norm(sc->t, last)[last->nlen - 1] == 's';   /* "Serbs" */
        int state = n == 3 && !dy_is_org_code(m->code) && m->agent_entry < 0 &&
                    last->tag == T_NNP && !plural && !(m->flags & AM_LOCATED);
        if ((gov || state) && c114 == -2)
            c114 = dy_code_index(ev, "114");
        if ((gov || state) && c114 >= 0) {
            e->code = c114;
            if (e->tgt >= 0 && (!strncmp(doc->men[e->tgt].code, m->code, 3) ||
                                (e->tgt >= (int32_t)sc->nreal &&
                                 doc->men[e->tgt].end <= e->trig_first)))
                e->tgt = -1;   /* (not the protest's own authorities, nor a
                                  place the subject names: "the Russian and
                                  Chinese governments protested") */
        }
    }
}

/* Protests for something: a demonstration, hunger strike, strike, blockade or
 * riot (141-145) whose sentence names the reform it asks for takes the
 * matching sub-code ("rioted ... calling for the removal of the president":
 * 1451), as CAMEO 14x1-14x4 follow 0831-0834; one against arrests or
 * repression (17x) is for rights (14x3). */
static void refine_protests(sctx *sc)
{
    const dy_events *ev = sc->ev;
    struct dyad_doc *doc = sc->doc;
    for (size_t i = sc->ev0; i < doc->nev; i++) {
        dy_event *e = &doc->ev[i];
        const char *c = ev->codes[e->code].code;
        if (strlen(c) != 3 || c[0] != '1' || c[1] != '4' || c[2] < '1' || c[2] > '5')
            continue;
        int kind = -1, general = 0;
        for (uint32_t g = sc->g0; g < sc->g0 + sc->nfr && kind <= 0; g++) {
            const frame *f = &sc->fr[g - sc->g0];
            if (f->pat >= 0 && f->code >= 0 && f->trig > e->trig_first) {
                kind = reform_kind(ev, f->code);
                general |= kind == 0;
            }
        }
        uint32_t k0 = sc->aim_from < e->trig_first ? sc->aim_from : e->trig_end;
        for (uint32_t k = k0; k < sc->end && kind <= 0;) {
            int code;
            int32_t pat, tgt;
            int64_t nt = find_event_noun(sc, k, sc->end, &code, &pat, &tgt);
            if (nt < 0)
                break;
            kind = reform_kind(ev, code);
            general |= kind == 0;
            if (kind < 0 && code >= 0 && code_root(ev, code) == 17)
                kind = 3;   /* against arrests and repression: for rights */
            k = (uint32_t)nt + 1;
        }
        if (kind <= 0 && general)
            kind = 2;   /* CAMEO 1412: "unspecified political reforms" are a
                           policy change */
        if (kind > 0) {
            char sub[5] = {c[0], c[1], c[2], (char)('0' + kind), 0};
            int x = dy_code_index(ev, sub);
            if (x >= 0)
                e->code = x;
        }
    }
}

int dy_events_code(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    if (dy_compat_mode(ctx))
        return dy_compat_code(ctx, doc);   /* PETRARCH/TABARI dictionaries */
    const dy_events *ev = &ctx->ev;
    const dy_text *t = &doc->t;
    const dy_syn *syn = &doc->syn;
    doc->nev = 0;
    doc->men_at_n = 0;
    size_t m0 = 0, nreal = doc->nmen, pl = 0;
    sctx sc;
    sc.nreal = nreal;
    sc.ctx = ctx;
    sc.ev = ev;
    sc.doc = doc;
    sc.t = t;
    sc.syn = syn;
    for (size_t s = 0; s < t->nsent; s++) {
        const dy_sent *se = &t->sent[s];
        while (m0 < nreal && doc->men[m0].sent < s)
            m0++;
        size_t m1 = m0;
        while (m1 < nreal && doc->men[m1].sent == s)
            m1++;
        /* (a sentence with no actor may still have a place: "a curfew was
         * imposed in Srinagar") */
        while (pl < doc->npl && doc->pl[pl].sent < s)
            pl++;
        if ((m1 == m0 && !(pl < doc->npl && doc->pl[pl].sent == s)) || !syn->sent_vg)
            continue;
        sc.s = (uint32_t)s;
        sc.first = se->first;
        sc.end = se->first + se->ntok;
        sc.m0 = m0;
        sc.m1 = m1;
        if (map_mentions(doc, m0, m1, sc.first, sc.end))
            return -1;
        sc.g0 = syn->sent_vg[s];
        sc.g1 = syn->sent_vg[s + 1];
        sc.nfr = sc.g1 - sc.g0 > MAXF ? MAXF : sc.g1 - sc.g0;
        sc.nused_noun = 0;

        size_t ev0 = doc->nev;
        sc.ev0 = ev0;
        sc.cur_rank = 0;
        sc.sourceless = 0;
        sc.aim_from = sc.end;
        sc.pre = UINT32_MAX;
        sc.ntown = 0;
        sc.pl0 = sc.pl1 = pl;
        while (sc.pl1 < doc->npl && doc->pl[sc.pl1].sent == s)
            sc.pl1++;
        for (size_t k = sc.pl0; k < sc.pl1 && sc.ntown < 8; k++) {
            /* (the town heads its noun phrase: not "the Lockerbie bombing") */
            const dy_place *tp = &doc->pl[k];
            int32_t tn = syn->tok_np ? syn->tok_np[tp->first] : -1;
            if (dy_place_is_town(doc, tp) && tn >= 0 && syn->np[tn].head >= tp->first &&
                syn->np[tn].head < tp->end)
                sc.town[sc.ntown++] = tp->first;
        }
        memset(sc.rank, 0, sizeof sc.rank);

        /* 1. frames */
        for (uint32_t g = sc.g0; g < sc.g0 + sc.nfr; g++)
            vg_frame(&sc, g, &sc.fr[g - sc.g0]);
        protest_aims(&sc);
        /* 2. modality: governing verbs, reported must/should, the rest */
        for (uint32_t g = sc.g0; g < sc.g0 + sc.nfr; g++) {
            frame *f = &sc.fr[g - sc.g0];
            if ((f->pat >= 0 && f->code < 0) || f->used || f->done)
                continue;
            sc.cur_rank = 0;
            if (code_reported_modal(&sc, g) < 0)
                return -1;
        }
        for (uint32_t g = sc.g0; g < sc.g0 + sc.nfr; g++) {
            /* a verb its governor's pattern names is part of that event
             * ("asked banks to help finance", "promised to make concessions":
             * 035, no 080): neither governing nor coded apart */
            frame *f = &sc.fr[g - sc.g0];
            if (f->pat >= 0 && f->code >= 0 && !f->used && inside_pattern(&sc, g))
                f->used = 1;
        }
        for (uint32_t g = sc.g0; g < sc.g0 + sc.nfr; g++) {
            frame *f = &sc.fr[g - sc.g0];
            if (f->pat < 0 || f->code < 0 || f->used || f->done)
                continue;
            if (used_content(&sc, g)) {
                f->used = 1;   /* (what a used act goes on to ask is no act) */
                continue;
            }
            sc.cur_rank = 0;
            if (code_governor(&sc, g) < 0)
                return -1;
        }
        mark_contents(&sc);
        for (uint32_t g = sc.g0; g < sc.g0 + sc.nfr; g++)
            if (code_plain(&sc, g, &sc.fr[g - sc.g0]))
                return -1;
        for (uint32_t g = sc.g0 + sc.nfr; g < sc.g1; g++) {
            frame f;
            vg_frame(&sc, g, &f);
            if (code_plain(&sc, g, &f))
                return -1;
        }
        /* 3. nouns */
        if (code_nouns(&sc))
            return -1;

        state_protests(&sc);
        refine_protests(&sc);
        shared_victims(&sc);

        /* the main clause's events make the sentence's: subordinate ones
         * (relative clauses, adjuncts, purposes, event nouns) only when the
         * main clause coded nothing but statements; a bare statement only
         * when nothing more specific was coded; an event without target only
         * when no targeted one of its root has its source (of the same
         * trigger, or one of them subordinate: "launched an attack" and
         * "the attack on X") */
        int specific = 0, main = 0;
        for (size_t i = ev0; i < doc->nev; i++)
            if (strcmp(ev->codes[doc->ev[i].code].code, "010")) {
                specific = 1;
                if (i - ev0 >= sizeof sc.rank || !sc.rank[i - ev0])
                    main = 1;
            }
        uint8_t drop[256];
        size_t nd = doc->nev - ev0 < sizeof drop ? doc->nev - ev0 : sizeof drop;
        for (size_t i = ev0; i < ev0 + nd; i++) {
            const dy_event *e = &doc->ev[i];
            drop[i - ev0] = 0;
            if (specific && !strcmp(ev->codes[e->code].code, "010"))
                drop[i - ev0] = 1;
            else if (main && sc.rank[i - ev0])
                drop[i - ev0] = 1;
        }
        for (size_t i = ev0; i < ev0 + nd; i++) {
            const dy_event *e = &doc->ev[i];
            if (drop[i - ev0] || e->tgt >= 0)
                continue;
            for (size_t j = ev0; j < ev0 + nd; j++)
                if (j != i && !drop[j - ev0] && doc->ev[j].tgt >= 0 && doc->ev[j].src >= 0 &&
                    e->src >= 0 && !strcmp(doc->men[doc->ev[j].src].code, doc->men[e->src].code) &&
                    code_root(ev, doc->ev[j].code) == code_root(ev, e->code) &&
                    (doc->ev[j].trig_first == e->trig_first || sc.rank[j - ev0] ||
                     sc.rank[i - ev0]))
                    drop[i - ev0] = 1;
        }
        size_t w = ev0;
        for (size_t i = ev0; i < doc->nev; i++)
            if (i - ev0 >= nd || !drop[i - ev0])
                doc->ev[w++] = doc->ev[i];
        doc->nev = w;
    }
    doc->men_at_n = 0;
    return sort_in_places(doc, nreal);
}
