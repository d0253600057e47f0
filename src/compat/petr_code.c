/* petr_code.c - coding events the way PETRARCH and TABARI do, for a context
 * loaded with their dictionaries (dy_events_code hands over to dy_compat_code
 * there). Reads the tokens, their tags and the mentions of dy_compat_actors;
 * writes doc->ev. Per sentence:
 *
 * 1. Discards: a discard phrase (or, TABARI, an actor coded ### or +++, a verb
 *    entry coded so) drops the sentence, a story discard the document.
 * 2. TABARI's sentence filters (its default options): fewer than 8 words are
 *    not coded; a subordinate phrase of 2 to 10 words between two commas, or
 *    after the last one, is deleted, its actors and verbs with it, unless it
 *    belongs to a list of actors ("Evil Xandia, the awful Yarrow, and good
 *    Zembla"); a sentence with five verbs or four conjunctions is too complex
 *    to code.
 * 3. Clauses: a conjunction followed by a verb, or by a noun phrase with an
 *    actor (a pronoun) and a verb ("... on Thursday and promised aid", "...
 *    but Dagolath promised aid"), starts a clause; so does TABARI's "and
 *    then", and in PETRARCH a comma before an actor and its verb ("..., a
 *    senior official said"). "A and B" between actors does not, nor "and"
 *    between adjectives ("awful and evil minister").
 * 4. Verbs: PETRARCH takes the words the tagger made verbs (and a dictionary
 *    verb the tagger missed right after an auxiliary, "to", an adverb, a
 *    pronoun or the clause's first actor: "has celebrated", "Ethiopia departs
 *    from"); TABARI every dictionary word that no article precedes ("the
 *    restore", "a new bombing"), that is not capitalised inside a sentence
 *    ("To Restore"), not a <NOUN> and not part of an actor. A verb is looked
 *    up by its form, then (the dictionaries' regular forms) without -s, -es,
 *    -ed, -d, -ing (TABARI also -en; not for a word closed by '='; PETRARCH
 *    also undoing a doubled consonant, and an irregular form by its lemma:
 *    "met", MEET), then by the TABARI stems it begins with. Its patterns are
 *    tried most specific first; the first that matches gives the code. The
 *    first verb of a clause with a code is coded: "---" codes pass on to the
 *    next verb, weak codes ("SAID [023?]") only when no later verb codes,
 *    ### and +++ (TABARI) drop the sentence (PETRARCH skips such patterns).
 * 5. Roles: '$' and '+' of the pattern (PETRARCH: '%' after the verb is the
 *    target); a passive ("was opposed by X") takes X as source and the
 *    subject as target; else the source is the first actor of the clause
 *    before the verb (in a later clause, the previous clause's source when it
 *    has none; TABARI: a first clause without one is too complex) and the
 *    target the first actor after the verb whose code no member of the
 *    source's compound has, else the nearest such one before it; actors a '^'
 *    passed over and bare agents ("officials") are no targets.
 * 6. Events: one per source and target member of their compounds, the
 *    reverse event of a paired code (032:033) too; TABARI's '%' codes the
 *    members of the compound it matched with each other, and so does a paired
 *    code with a compound source and no target. Only dyads are coded. One
 *    event per (source, target, code) a sentence.
 * Scratch arrays are allocated once per document, none per token. */
#include "petr.h"

typedef struct cc {
    const dyad_ctx *ctx;
    const dy_events *ev;
    struct dyad_doc *doc;
    const dy_text *t;
    int tabari;
    petr_sent ps;           /* the sentence as the verb tests see it */
    size_t s, first, end;   /* the sentence and its tokens */
    size_t m0, m1;          /* its mentions */
    uint8_t *dead;          /* per token of the sentence: deleted */
    uint8_t *men_dead;      /* per mention of the sentence */
    uint8_t *vcand;         /* per token: 0 unknown, 1 verb, 2 not */
    uint8_t *taken;         /* per token: part of a mention */
    uint8_t *dv;            /* per token: dictionary verb (petr_sent.dv) */
    uint32_t *stem;         /* per token: its stems (petr_sent.stem) */
    uint8_t *nstem;
    uint32_t *cut;          /* clause starts */
    size_t ncut;
    size_t cap;
    int32_t prev_src;       /* the source of the previous clause */
} cc;

enum { C_OK = 0, C_COMPLEX = 1, C_NOMEM = -1 };

static int tok_is(const dy_text *t, size_t i, const char *w)
{
    return i < t->ntok && dy_tok_is(t, &t->tok[i], w);
}

static int word_class(const dyad_ctx *ctx, int cls, uint32_t id)
{
    uint32_t v;
    return id && dy_map_get(&ctx->ev.by_head, ((uint64_t)cls << 32) | id, &v);
}

/* Is token i (its form, or a TABARI stem it begins with) a word of class cls? */
static int tok_class(const cc *c, int cls, size_t i)
{
    const dy_tok *k = &c->t->tok[i];
    if (word_class(c->ctx, cls, k->word))
        return 1;
    uint32_t buf[PETR_NSTEM];
    const uint32_t *st;
    int ns = petr_stems(&c->ps, i, buf, &st);
    for (int q = 0; q < ns; q++)
        if (word_class(c->ctx, cls, st[q]))
            return 1;
    return 0;
}

static int is_dead(const cc *c, size_t i)
{
    return i < c->first || i >= c->end || c->dead[i - c->first];
}

static size_t next_live(const cc *c, size_t i, size_t end)
{
    while (i < end && is_dead(c, i))
        i++;
    return i;
}

/* The mention covering token i (live ones), or -1. */
static int32_t mention_at(const cc *c, size_t i)
{
    for (size_t m = c->m0; m < c->m1; m++) {
        const dy_mention *mm = &c->doc->men[m];
        if (mm->first > i)
            break;
        if (i < mm->end && mm->code[0] && !c->men_dead[m - c->m0])
            return (int32_t)m;
    }
    return -1;
}

static int in_mention(const cc *c, size_t i)
{
    for (size_t m = c->m0; m < c->m1; m++) {
        const dy_mention *mm = &c->doc->men[m];
        if (mm->first > i)
            break;
        if (i < mm->end)
            return 1;
    }
    return 0;
}

static void group_of(const cc *c, size_t m, size_t *g0, size_t *g1)
{
    const dy_mention *men = c->doc->men;
    size_t a = m, b = m + 1;
    while (a > c->m0 && (men[a].flags & DY_AM_GROUP))
        a--;
    while (b < c->m1 && (men[b].flags & DY_AM_GROUP))
        b++;
    *g0 = a;
    *g1 = b;
}

static int same_group(const cc *c, int32_t a, int32_t b)
{
    if (a < 0 || b < 0)
        return 0;
    size_t g0, g1;
    group_of(c, (size_t)a, &g0, &g1);
    return (size_t)b >= g0 && (size_t)b < g1;
}

/* ---- verbs ---- */

/* The heads verb token i may be looked up by, in order (word ids). */
int petr_stems(const petr_sent *ps, size_t i, uint32_t *buf, const uint32_t **out)
{
    const dy_tok *k = &ps->t->tok[i];
    if (!ps->stem || i < ps->first || i >= ps->end) {
        *out = buf;
        return dy_compat_stems(ps->ctx, ps->t->norm + k->norm, k->nlen, buf, PETR_NSTEM);
    }
    size_t j = i - ps->first;
    if (ps->nstem[j] == 255)
        ps->nstem[j] = (uint8_t)dy_compat_stems(ps->ctx, ps->t->norm + k->norm, k->nlen,
                                                ps->stem + j * PETR_NSTEM, PETR_NSTEM);
    *out = ps->stem + j * PETR_NSTEM;
    return ps->nstem[j];
}

int petr_verb_heads(const petr_sent *c, size_t i, uint32_t *heads, int max)
{
    const dy_tok *k = &c->t->tok[i];
    const char *w = c->t->norm + k->norm;
    size_t n = k->nlen;
    int nh = 0;
    if (k->word)
        heads[nh++] = k->word;
    if (!k->word || !word_class(c->ctx, DY_PC_NOEND, k->word)) {
        /* regular endings: the form without them */
        static const struct {
            const char *suf, *add;
            uint8_t sl, al, tabari_only;
        } end[] = {{"ies", "y", 3, 1, 0}, {"ied", "y", 3, 1, 0}, {"ing", "", 3, 0, 0},
                   {"ing", "e", 3, 1, 0}, {"es", "", 2, 0, 0},   {"ed", "", 2, 0, 0},
                   {"s", "", 1, 0, 0},    {"d", "", 1, 0, 0},    {"en", "", 2, 0, 1}};
        for (size_t e = 0; e < sizeof end / sizeof *end && nh < max; e++) {
            size_t sl = end[e].sl, al = end[e].al;
            if ((end[e].tabari_only && !c->tabari) || n <= sl + 2 ||
                memcmp(w + n - sl, end[e].suf, sl) || n - sl + al >= 64)
                continue;
            if (sl == 1 && end[e].suf[0] == 'd' && w[n - 2] != 'e')
                continue;   /* -d only after e: "deplored" */
            if (!c->tabari && sl == 2 && end[e].suf[0] == 'e' && end[e].suf[1] == 's' &&
                !strchr("sxzo", w[n - 3]) && !(w[n - 3] == 'h' && strchr("cs", w[n - 4])))
                continue;   /* PETRARCH: -es after s, x, z, ch, sh, o only */
            char b[64];
            memcpy(b, w, n - sl);
            memcpy(b + n - sl, end[e].add, al);
            size_t bl = n - sl + al;
            uint32_t id = dy_word_find(c->ctx, b, bl);
            if ((!id || !petr_verb_run(&c->ctx->ev, id, NULL, NULL)) && !c->tabari && !al &&
                bl >= 3 && b[bl - 1] == b[bl - 2] && strchr("bdglmnprt", b[bl - 1]) &&
                (end[e].suf[0] == 'e' || end[e].suf[0] == 'i'))
                id = dy_word_find(c->ctx, b, bl - 1);   /* "stopped", "planning" */
            if (!id || word_class(c->ctx, DY_PC_NOEND, id) || word_class(c->ctx, DY_PC_STEM, id))
                continue;
            int dup = 0;
            for (int q = 0; q < nh; q++)
                dup |= heads[q] == id;
            if (!dup)
                heads[nh++] = id;
        }
    }
    /* PETRARCH: an irregular form by its lemma ("met": MEET), when the lemma
     * is not the form without an ending ("departes" stays "departes") */
    if (!c->tabari && k->lemma && k->lemma != k->word && nh < max) {
        uint32_t ll = dy_intern_len(&c->ctx->words, k->lemma);
        const char *ls = dy_intern_str(&c->ctx->words, k->lemma);
        /* regular: the form begins with the lemma (but a final e) */
        int irregular = ll > n || (ll > 1 && memcmp(ls, w, ll - 1));
        int dup = 0;
        for (int q = 0; q < nh; q++)
            dup |= heads[q] == k->lemma;
        if (irregular && !dup)
            heads[nh++] = k->lemma;
    }
    if (c->tabari && nh < max) {
        uint32_t buf[PETR_NSTEM];
        const uint32_t *st;
        int ns = petr_stems(c, i, buf, &st);
        for (int k2 = 0; k2 < ns && nh < max; k2++) {
            int dup = 0;
            for (int q = 0; q < nh; q++)
                dup |= heads[q] == st[k2];
            if (!dup)
                heads[nh++] = st[k2];
        }
    }
    return nh;
}

/* The first pattern of head h: [*p0, *p1). */
int petr_verb_run(const dy_events *ev, uint32_t h, size_t *p0, size_t *p1)
{
    uint32_t v;
    if (!h || !dy_map_get(&ev->by_head, (uint64_t)h, &v))
        return 0;
    if (!p0)
        return 1;
    size_t e = v - 1;
    *p0 = e;
    while (e < ev->npat && ev->pat[e].noun == 0 && ev->pat[e].head == h)
        e++;
    *p1 = e;
    return 1;
}

/* Is token i a verb of the dictionary by its heads alone? */
int petr_dict_verb(const petr_sent *c, size_t i)
{
    if (c->t->tok[i].kind != TK_WORD)
        return 0;
    uint8_t *dv = c->dv && i >= c->first && i < c->end ? &c->dv[i - c->first] : NULL;
    if (dv && *dv)
        return *dv == 1;
    uint32_t heads[12];
    int nh = petr_verb_heads(c, i, heads, 12), yes = 0;
    size_t p0, p1;
    for (int h = 0; h < nh && !yes; h++)
        yes = petr_verb_run(&c->ctx->ev, heads[h], &p0, &p1);
    if (dv)
        *dv = yes ? 1 : 2;
    return yes;
}

/* Is token i of the sentence capitalised where a verb would not be? */
static int noun_by_case(const petr_sent *c, size_t i)
{
    const dy_text *t = c->t;
    const dy_tok *k = &t->tok[i];
    if (!(k->flags & TF_CAP))
        return 0;
    if (k->flags & TF_ALLCAP) {
        /* a sentence in capitals says nothing by case */
        size_t caps = 0, words = 0;
        for (size_t j = c->first; j < c->end; j++)
            if (t->tok[j].kind == TK_WORD) {
                words++;
                caps += (t->tok[j].flags & TF_ALLCAP) != 0;
            }
        if (caps * 2 > words)
            return 0;
    }
    for (size_t j = c->first; j < i; j++)
        if (t->tok[j].kind == TK_WORD || t->tok[j].kind == TK_NUM || t->tok[j].kind == TK_ABBR)
            return 1;   /* not the first word */
    return 0;
}

/* TABARI: may token i be a verb by its word and its neighbours? Not
 * capitalised inside the sentence ("To Restore"), not a <NOUN>, not with a
 * possessive ending ("donate's"), and no article before it: an article makes
 * a noun of the first dictionary verb within the two words after it ("the
 * restore", "a new bombing"). Actors are not looked at. */
int petr_tabari_verb_word(const petr_sent *c, size_t i)
{
    const dy_text *t = c->t;
    const dy_tok *k = &t->tok[i];
    if (k->kind != TK_WORD || noun_by_case(c, i))
        return 0;
    size_t p = i;
    for (int back = 0; back < 2 && p > c->first; back++) {
        p--;
        while (p > c->first && c->dead && c->dead[p - c->first])
            p--;
        if (tok_is(t, p, "the") || tok_is(t, p, "a") || tok_is(t, p, "an"))
            return 0;
        if (petr_dict_verb(c, p) || (c->taken && c->taken[p - c->first]))
            break;   /* "the promised aid went", "the Zembla warned" */
    }
    if (word_class(c->ctx, DY_PC_NOUN, k->word))
        return 0;
    uint32_t buf[PETR_NSTEM];
    const uint32_t *st;
    int ns = petr_stems(c, i, buf, &st);
    for (int q = 0; q < ns; q++)
        if (word_class(c->ctx, DY_PC_NOUN, st[q]))
            return 0;
    if (i + 1 < c->end && t->tok[i + 1].kind == TK_CLITIC && !(t->tok[i + 1].flags & TF_SPACE) &&
        (tok_is(t, i + 1, "'s") || tok_is(t, i + 1, "'")))
        return 0;
    return 1;
}

/* May token i be a verb (before looking at the dictionary)? */
static int verb_ok(const cc *c, size_t i)
{
    const dy_text *t = c->t;
    const dy_tok *k = &t->tok[i];
    if (k->kind != TK_WORD || in_mention(c, i))
        return 0;
    if (!c->tabari) {
        /* (a modal is no verb: PETRARCH reads verbs off "(VP (VB..." */
        if (dy_tag_is_verb(k->tag))
            return 1;
        /* the tagger's slips ("has celebrated" JJ, "Ethiopia departs" NNS,
         * "to accord" NN): a dictionary verb right after an auxiliary, "to",
         * an adverb, a pronoun or an actor, and before no noun */
        if (!(k->tag == T_JJ || dy_tag_is_noun(k->tag)) || i == c->first ||
            !petr_dict_verb(&c->ps, i))
            return 0;
        const dy_tok *pk = &t->tok[i - 1];
        static const char *const aux[] = {"has", "have", "had", "is", "are", "was", "were", "will",
                                          "would", "should", "can", "could", "may", "might",
                                          "must", "did", "does", "do", "to", "be", "been"};
        for (size_t a = 0; a < sizeof aux / sizeof *aux; a++)
            if (tok_is(t, i - 1, aux[a]))
                return 1;
        if (pk->tag == T_RB || pk->tag == T_PRP)
            return 1;
        if (i + 1 < c->end && (dy_tag_is_noun(t->tok[i + 1].tag) || t->tok[i + 1].tag == T_POS))
            return 0;
        /* after an actor that begins its clause ("Ethiopia departs from"),
         * not one inside a noun phrase ("an anti- Zembla parade") */
        for (size_t q = c->m0; q < c->m1; q++) {
            const dy_mention *mm = &c->doc->men[q];
            if (mm->end != i)
                continue;
            if (mm->first == c->first || tok_is(t, mm->first - 1, ",") ||
                t->tok[mm->first - 1].tag == T_CC)
                return 1;
        }
        return 0;
    }
    return petr_tabari_verb_word(&c->ps, i);
}

/* Is token i a verb of the dictionary (cached)? */
static int is_verb(cc *c, size_t i)
{
    if (i < c->first || i >= c->end)
        return 0;
    uint8_t *v = &c->vcand[i - c->first];
    if (!*v) {
        *v = 2;
        if (verb_ok(c, i)) {
            uint32_t heads[12];
            int nh = petr_verb_heads(&c->ps, i, heads, 12);
            size_t p0, p1;
            for (int h = 0; h < nh && *v == 2; h++)
                if (petr_verb_run(c->ev, heads[h], &p0, &p1) ||
                    (c->tabari && word_class(c->ctx, DY_PC_VDISCARD, heads[h])))
                    *v = 1;
        }
    }
    return *v == 1;
}

static int32_t verb_pattern(cc *c, size_t v, size_t lo, size_t hi, dy_compat_hit *h,
                            int *discard);

/* ---- sentence filters and clauses (TABARI) ---- */

static int conj_word(const dy_text *t, size_t i)
{
    return tok_is(t, i, "and") || tok_is(t, i, "but") || tok_is(t, i, "or") || tok_is(t, i, "nor");
}

/* Are the commas at i and j part of a list of actors ("Evil Xandia, the
 * awful Yarrow, and good Zembla"): an actor ends at i, and the words
 * between them are an actor with its determiner and adjectives? */
static int actor_list(const cc *c, size_t i, size_t j)
{
    const dy_text *t = c->t;
    int before = 0, inside = 0;
    for (size_t m = c->m0; m < c->m1; m++) {
        if (c->doc->men[m].end == i)
            before = 1;
        if (c->doc->men[m].first > i && c->doc->men[m].end <= j)
            inside = 1;
    }
    for (size_t k = i + 1; k < j && inside; k++)
        if (!in_mention(c, k) && t->tok[k].tag != T_DT && t->tok[k].tag != T_JJ &&
            !conj_word(t, k))
            return 0;
    return before && inside;
}

/* TABARI: delete subordinate phrases between two commas, or from the last
 * comma to the end of the sentence (2 to 10 words: TABARI's default COMMA
 * option; a phrase before the first comma is kept). */
static void delete_clauses(cc *c)
{
    const dy_text *t = c->t;
    size_t last = c->end;
    while (last > c->first && t->tok[last - 1].kind == TK_PUNCT && !tok_is(t, last - 1, ","))
        last--;   /* the final period */
    size_t prev = SIZE_MAX;
    for (size_t i = c->first; i < last; i++) {
        if (!tok_is(t, i, ","))
            continue;
        if (prev != SIZE_MAX) {
            size_t words = i - prev - 1;
            if (words >= 2 && words <= 10 && !actor_list(c, prev, i)) {
                for (size_t j = prev; j <= i; j++)
                    c->dead[j - c->first] = 1;
                prev = SIZE_MAX;
                continue;
            }
        }
        prev = i;
    }
    /* the terminal one: ", a senior official said on Saturday." */
    if (prev != SIZE_MAX && prev > c->first) {
        size_t words = last - prev - 1;
        if (words >= 2 && words <= 10)
            for (size_t j = prev; j < last; j++)
                c->dead[j - c->first] = 1;
    }
}

/* Is the conjunction at i inside a compound actor or between adjectives? */
static int conj_in_compound(const cc *c, size_t i)
{
    for (size_t m = c->m0 + 1; m < c->m1; m++) {
        const dy_mention *a = &c->doc->men[m - 1], *b = &c->doc->men[m];
        if ((b->flags & DY_AM_GROUP) && a->end <= i && b->first > i)
            return 1;
    }
    return 0;
}

static int adjective(const cc *c, size_t i)
{
    if (i < c->first || i >= c->end)
        return 0;
    if (c->tabari)
        return tok_class(c, DY_PC_ADJ, i);
    return c->t->tok[i].tag == T_JJ;
}

/* Does a new clause start after the conjunction or comma at i? A verb
 * right after a conjunction, or a noun phrase with an actor (a pronoun) and
 * then a verb, does. */
static int clause_starts(cc *c, size_t i, int comma)
{
    const dy_text *t = c->t;
    if (conj_in_compound(c, i))
        return 0;
    if (!comma && adjective(c, i - 1) && adjective(c, i + 1))
        return 0;   /* "awful and evil minister" */
    size_t j = next_live(c, i + 1, c->end);
    while (j < c->end && (tok_is(t, j, "then") || tok_is(t, j, "also")))
        j = next_live(c, j + 1, c->end);
    if (j >= c->end)
        return 0;
    if (!comma && is_verb(c, j))
        return c->tabari || c->t->tok[j].tag != T_VBG;   /* PETRARCH: "bombing and shelling" */
    /* an actor (or a noun phrase with one) and its verb */
    size_t k = j;
    int actor = 0;
    for (int n = 0; k < c->end && n < 6; n++, k = next_live(c, k + 1, c->end)) {
        const dy_tok *tk = &t->tok[k];
        if (in_mention(c, k)) {
            actor = 1;
            continue;
        }
        if (tk->tag == T_DT || tk->tag == T_JJ || tk->tag == T_NN || tk->tag == T_NNS ||
            tk->tag == T_NNP || tk->tag == T_PRPS || tk->tag == T_CD || tk->tag == T_RB)
            continue;
        break;
    }
    if (c->tabari && !comma && j > i + 1 && tok_is(t, next_live(c, i + 1, c->end), "then"))
        return 1;   /* "and then": TABARI's sign of a new clause */
    return actor && k < c->end &&
           (is_verb(c, k) ||
            (!c->tabari && dy_tag_is_verb(t->tok[k].tag) && t->tok[k].tag != T_VBG));
}

static void find_clauses(cc *c)
{
    c->ncut = 0;
    c->cut[c->ncut++] = (uint32_t)c->first;
    for (size_t i = c->first + 1; i < c->end; i++) {
        if (is_dead(c, i) || c->ncut >= c->cap)
            continue;
        int comma = !c->tabari && tok_is(c->t, i, ",");
        if ((comma || conj_word(c->t, i)) && clause_starts(c, i, comma))
            c->cut[c->ncut++] = (uint32_t)i;
    }
}

/* TABARI: five verbs or four conjunctions make the sentence too complex to
 * code. */
static int complex_sentence(cc *c)
{
    size_t verbs = 0, conj = 0;
    for (size_t i = c->first; i < c->end; i++) {
        if (is_dead(c, i))
            continue;
        if (is_verb(c, i)) {
            dy_compat_hit h;
            int discard;
            verbs += verb_pattern(c, i, c->first, c->end, &h, &discard) >= 0 || discard;
        }
        else if (conj_word(c->t, i) && !conj_in_compound(c, i))
            conj++;
    }
    return verbs >= 5 || conj >= 4;
}

/* ---- events ---- */

static int is_discard_code(const dy_events *ev, int32_t code)
{
    if (code < 0)
        return 0;
    const char *s = ev->codes[code].code;
    return !strcmp(s, "###") || !strcmp(s, "+++");
}

static int push_event(cc *c, int code, int32_t src, int32_t tgt, uint32_t trig, int32_t pat)
{
    struct dyad_doc *doc = c->doc;
    const char *sc = doc->men[src].code, *tc = doc->men[tgt].code;
    if (!strcmp(sc, tc) || code < 0)
        return 0;
    for (size_t i = doc->nev; i-- > 0;) {
        const dy_event *e = &doc->ev[i];
        if (e->sent != c->s)
            break;
        if (e->code == code && !strcmp(doc->men[e->src].code, sc) &&
            !strcmp(doc->men[e->tgt].code, tc))
            return 0;
    }
    if (DY_GROW(doc->ev, doc->ev_cap, doc->nev + 1))
        return -1;
    dy_event *e = &doc->ev[doc->nev++];
    memset(e, 0, sizeof *e);
    e->sent = (uint32_t)c->s;
    e->code = code;
    e->src = src;
    e->tgt = tgt;
    e->trig_first = trig;
    e->trig_end = trig + 1;
    e->pattern = pat;
    e->date = doc->has_date ? doc->date : INT32_MIN;
    e->timex = -1;
    e->place = -1;
    return 0;
}

/* Members of the compound of mention m that have a code. */
static size_t members(const cc *c, int32_t m, int32_t *out, size_t max)
{
    size_t g0, g1, n = 0;
    group_of(c, (size_t)m, &g0, &g1);
    for (size_t k = g0; k < g1 && n < max; k++)
        if (c->doc->men[k].code[0] && !c->men_dead[k - c->m0])
            out[n++] = (int32_t)k;
    return n;
}

/* Is code the code of a member of mention m's compound? */
static int code_in_group(const cc *c, int32_t m, const char *code)
{
    size_t g0, g1;
    group_of(c, (size_t)m, &g0, &g1);
    for (size_t k = g0; k < g1; k++)
        if (!strcmp(c->doc->men[k].code, code))
            return 1;
    return 0;
}

static int skipped(const dy_compat_hit *h, const dy_mention *m)
{
    for (int k = 0; k < h->nskip; k++)
        if (m->first >= h->skip_first[k] && m->first < h->skip_end[k])
            return 1;
    return 0;
}

/* A passive verb group around v ("was opposed by", "was fiercely opposed
 * earlier by"): the token after "by", or 0. */
static size_t passive_by(const cc *c, size_t v, size_t lo, size_t hi)
{
    const dy_text *t = c->t;
    int be = 0;
    for (size_t k = v, n = 0; k > lo && n < 3; n++) {
        k--;
        if (is_dead(c, k))
            continue;
        if (tok_is(t, k, "was") || tok_is(t, k, "were") || tok_is(t, k, "is") ||
            tok_is(t, k, "are") || tok_is(t, k, "been") || tok_is(t, k, "being") ||
            tok_is(t, k, "be")) {
            be = 1;
            break;
        }
        if (t->tok[k].tag != T_RB)
            break;
    }
    if (!be)
        return 0;
    for (size_t k = v + 1, n = 0; k < hi && n < 3; k++, n++)
        if (tok_is(t, k, "by"))
            return k + 1;
    return 0;
}

/* Code verb v of clause [lo, hi) with pattern pat. Returns C_OK, C_COMPLEX
 * (TABARI: no source) or C_NOMEM. */
static int code_verb(cc *c, size_t v, size_t lo, size_t hi, int32_t pat, const dy_compat_hit *h,
                     int clause)
{
    const dy_events *ev = c->ev;
    const struct dyad_doc *doc = c->doc;
    int code = ev->pat[pat].code;
    int32_t src = h->src, tgt = h->tgt;
    if (src < 0 && tgt < 0) {
        size_t by = passive_by(c, v, lo, hi);
        if (by) {
            for (size_t m = c->m0; m < c->m1 && src < 0; m++)
                if (doc->men[m].first >= by && doc->men[m].first < hi &&
                    mention_at(c, doc->men[m].first) >= 0)
                    src = (int32_t)m;
            for (size_t m = c->m0; m < c->m1 && tgt < 0; m++)
                if (doc->men[m].first >= lo && doc->men[m].first < v &&
                    mention_at(c, doc->men[m].first) == (int32_t)m && !skipped(h, &doc->men[m]))
                    tgt = (int32_t)m;
            if (src < 0)
                tgt = -1;
        }
    }
    if (src < 0) {
        /* the first actor of the clause before the verb */
        for (size_t m = c->m0; m < c->m1 && src < 0; m++) {
            const dy_mention *mm = &doc->men[m];
            if (mm->first >= lo && mm->first < v && mm->code[0] && !c->men_dead[m - c->m0] &&
                !skipped(h, mm) && !same_group(c, tgt, (int32_t)m))
                src = (int32_t)m;
        }
        if (src < 0 && clause > 0)
            src = c->prev_src;
        if (src < 0 && tgt >= 0)
            /* the target stands before the verb ("+ WAS * DEAD"): the source
             * after it */
            for (size_t m = c->m0; m < c->m1 && src < 0; m++) {
                const dy_mention *mm = &doc->men[m];
                if (mm->first > v && mm->first < hi && mm->code[0] && !c->men_dead[m - c->m0] &&
                    !same_group(c, tgt, (int32_t)m))
                    src = (int32_t)m;
            }
        if (src < 0)
            return c->tabari ? C_COMPLEX : C_OK;
    }
    c->prev_src = src;
    if (tgt < 0 && !c->tabari && h->compound >= 0 && !same_group(c, src, h->compound))
        tgt = h->compound;   /* PETRARCH: "* WITH %" is where the target stands */
    if (tgt < 0 && (h->compound < 0 || !c->tabari)) {
        const char *sc = doc->men[src].code;
        for (size_t m = c->m0; m < c->m1 && tgt < 0; m++) {
            const dy_mention *mm = &doc->men[m];
            if (mm->first > v && mm->first < hi && mm->code[0] && !c->men_dead[m - c->m0] &&
                !(mm->flags & AM_ROLE) && !skipped(h, mm) && strcmp(mm->code, sc) &&
                !same_group(c, src, (int32_t)m) && !code_in_group(c, src, mm->code))
                tgt = (int32_t)m;
        }
        /* none after it: the nearest before it */
        for (size_t m = c->m1; m-- > c->m0 && tgt < 0;) {
            const dy_mention *mm = &doc->men[m];
            if (mm->first >= lo && mm->first < v && mm->code[0] && !c->men_dead[m - c->m0] &&
                !(mm->flags & AM_ROLE) && !skipped(h, mm) && strcmp(mm->code, sc) &&
                !same_group(c, src, (int32_t)m) && !code_in_group(c, src, mm->code))
                tgt = (int32_t)m;
        }
    }
    int32_t pair = h->pair_code;
    int32_t sm[16], tm[16];
    int32_t comp = c->tabari ? h->compound : -1;
    size_t ns = members(c, src, sm, 16);
    if (comp < 0 && tgt < 0 && ns > 1 && pair >= 0)
        comp = src;   /* "Zembla and Solvia have renewed ties" */
    if (comp >= 0) {
        size_t n = members(c, comp, tm, 16);
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++)
                if (push_event(c, code, tm[a], tm[b], (uint32_t)v, pat) ||
                    push_event(c, pair >= 0 ? pair : code, tm[b], tm[a], (uint32_t)v, pat))
                    return C_NOMEM;
        return C_OK;
    }
    if (tgt < 0)
        return C_OK;   /* PETRARCH and TABARI code dyads only */
    size_t nt = members(c, tgt, tm, 16);
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < nt; b++) {
            if (push_event(c, code, sm[a], tm[b], (uint32_t)v, pat))
                return C_NOMEM;
            if (pair >= 0 && push_event(c, pair, tm[b], sm[a], (uint32_t)v, pat))
                return C_NOMEM;
        }
    return C_OK;
}

/* The pattern verb v matches in [lo, hi), -1 when none; TABARI: *discard
 * when it is a discard verb. */
static int32_t verb_pattern(cc *c, size_t v, size_t lo, size_t hi, dy_compat_hit *h, int *discard)
{
    const dy_events *ev = c->ev;
    uint32_t heads[12];
    int nh = petr_verb_heads(&c->ps, v, heads, 12);
    dy_compat_scope sc = {lo, hi, c->m0, c->m1, c->dead + (lo - c->first), c->men_dead};
    *discard = 0;
    for (int k = 0; k < nh; k++) {
        if (c->tabari && word_class(c->ctx, DY_PC_VDISCARD, heads[k]) &&
            dy_compat_phrase(c->ctx, c->doc, DY_PC_VDISCARD, heads[k], v, c->first, c->end)) {
            *discard = 1;
            return -1;
        }
        size_t p0, p1;
        if (!petr_verb_run(ev, heads[k], &p0, &p1))
            continue;
        for (size_t p = p0; p < p1; p++) {
            const dy_pattern *pt = &ev->pat[p];
            if (!c->tabari && is_discard_code(ev, pt->code))
                continue;   /* PETRARCH: no complexity codes */
            if (dy_compat_match(c->ctx, c->doc, pt, v, &sc, h))
                return (int32_t)p;
        }
    }
    return -1;
}

/* Code clause [lo, hi). */
static int code_clause(cc *c, size_t lo, size_t hi, int clause)
{
    const dy_events *ev = c->ev;
    size_t wv = 0;
    int32_t wpat = -1;
    dy_compat_hit wh;
    memset(&wh, 0, sizeof wh);
    for (size_t v = lo; v < hi; v++) {
        if (is_dead(c, v) || !is_verb(c, v))
            continue;
        dy_compat_hit h;
        int discard;
        int32_t pat = verb_pattern(c, v, lo, hi, &h, &discard);
        if (discard)
            return C_COMPLEX;
        if (pat < 0 || ev->pat[pat].code == DY_CODE_NONE)
            continue;
        if (is_discard_code(ev, ev->pat[pat].code))
            return C_COMPLEX;
        if (h.weak) {
            if (wpat < 0) {
                wpat = pat;
                wv = v;
                wh = h;
            }
            continue;
        }
        return code_verb(c, v, lo, hi, pat, &h, clause);
    }
    if (wpat >= 0)
        return code_verb(c, wv, lo, hi, wpat, &wh, clause);
    return C_OK;
}

/* TABARI: fewer than eight words (its default MINIMUM WORDS) are no sentence
 * to code ("Zembla's planes attacked Solvia."). */
static int too_short(const cc *c)
{
    size_t words = 0;
    for (size_t i = c->first; i < c->end; i++) {
        const dy_tok *k = &c->t->tok[i];
        words += k->kind == TK_WORD || k->kind == TK_NUM || k->kind == TK_ABBR;
    }
    return words < 8;
}

static int code_sentence(cc *c)
{
    const dy_text *t = c->t;
    if (c->tabari && too_short(c))
        return C_OK;
    memset(c->dead, 0, c->end - c->first);
    memset(c->vcand, 0, c->end - c->first);
    memset(c->taken, 0, c->end - c->first);
    memset(c->dv, 0, c->end - c->first);
    memset(c->nstem, 255, c->end - c->first);
    for (size_t m = c->m0; m < c->m1; m++)
        for (uint32_t i = c->doc->men[m].first; i < c->doc->men[m].end && i < c->end; i++)
            if (i >= c->first)
                c->taken[i - c->first] = 1;
    c->ps.ctx = c->ctx;
    c->ps.t = t;
    c->ps.first = c->first;
    c->ps.end = c->end;
    c->ps.dead = c->dead;
    c->ps.taken = c->taken;
    c->ps.tabari = c->tabari;
    c->ps.dv = c->dv;
    c->ps.stem = c->stem;
    c->ps.nstem = c->nstem;
    if (c->tabari)
        delete_clauses(c);
    /* mentions with a deleted token are not there */
    for (size_t m = c->m0; m < c->m1; m++) {
        const dy_mention *mm = &c->doc->men[m];
        int d = 0;
        for (uint32_t i = mm->first; i < mm->end && i < c->end; i++)
            d |= is_dead(c, i);
        c->men_dead[m - c->m0] = (uint8_t)d;
    }
    if (c->tabari && complex_sentence(c))
        return C_OK;
    find_clauses(c);
    c->prev_src = -1;
    size_t ev0 = c->doc->nev;
    for (size_t k = 0; k < c->ncut; k++) {
        size_t lo = c->cut[k], hi = k + 1 < c->ncut ? c->cut[k + 1] : c->end;
        int rc = code_clause(c, lo, hi, (int)k);
        if (rc == C_NOMEM)
            return -1;
        if (rc == C_COMPLEX) {
            c->doc->nev = ev0;   /* TABARI: the sentence is not coded */
            return C_OK;
        }
    }
    (void)t;
    return C_OK;
}

int dy_compat_code(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    const dy_text *t = &doc->t;
    doc->nev = 0;
    cc c;
    memset(&c, 0, sizeof c);
    c.ctx = ctx;
    c.ev = &ctx->ev;
    c.doc = doc;
    c.t = t;
    c.tabari = (dy_compat_mode(ctx) & DY_COMPAT_TABARI) != 0;
    /* the mentions of dy_compat_actors come first (later stages append) */
    size_t nmen = 0;
    while (nmen < doc->nmen && (doc->men[nmen].flags & DY_AM_COMPAT))
        nmen++;
    size_t maxs = 0, maxm = 0;
    for (size_t s = 0, m = 0; s < t->nsent; s++) {
        if (t->sent[s].ntok > maxs)
            maxs = t->sent[s].ntok;
        size_t m0 = m;
        while (m < nmen && doc->men[m].sent == s)
            m++;
        if (m - m0 > maxm)
            maxm = m - m0;
    }
    c.cap = maxs + 1;
    c.dead = dy_malloc(c.cap);
    c.vcand = dy_malloc(c.cap);
    c.taken = dy_malloc(c.cap);
    c.dv = dy_malloc(c.cap);
    c.stem = dy_malloc(c.cap * PETR_NSTEM * sizeof *c.stem);
    c.nstem = dy_malloc(c.cap);
    c.cut = dy_malloc(c.cap * sizeof *c.cut);
    c.men_dead = dy_malloc(maxm + 1);
    int rc = 0;
    if (!c.dead || !c.vcand || !c.taken || !c.dv || !c.stem || !c.nstem || !c.cut || !c.men_dead)
        rc = -1;
    size_t m0 = 0;
    for (size_t s = 0; s < t->nsent && !rc; s++) {
        while (m0 < nmen && doc->men[m0].sent < s)
            m0++;
        size_t m1 = m0;
        while (m1 < nmen && doc->men[m1].sent == s)
            m1++;
        c.s = s;
        c.first = t->sent[s].first;
        c.end = c.first + t->sent[s].ntok;
        c.m0 = m0;
        c.m1 = m1;
        int dc = dy_compat_discard(ctx, doc, s, m0, m1);
        if (dc == DY_PC_DISCARD_STORY) {
            doc->nev = 0;   /* the whole story is discarded */
            break;
        }
        if (dc || m1 == m0 || !t->sent[s].ntok)
            continue;
        rc = code_sentence(&c);
    }
    dy_free(c.dead);
    dy_free(c.vcand);
    dy_free(c.taken);
    dy_free(c.dv);
    dy_free(c.stem);
    dy_free(c.nstem);
    dy_free(c.cut);
    dy_free(c.men_dead);
    return rc;
}
