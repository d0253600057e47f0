/* parse.c - chunks, clauses and roles from tagged tokens.
 *
 * Reads the tagged token array (dy_tok.tag, .lemma, .word) and writes dy_syn:
 * base noun phrases (CoNLL-style chunks, linked by possessor, "of", conjunction
 * and apposition), verb groups (auxiliaries folded in: tense, voice, negation,
 * modality, infinitives, participles) and, per verb group, its subject, direct
 * and indirect object, prepositional objects, passive agent, complement and
 * governing verb group (reported speech, control verbs, relative clauses,
 * participial adjuncts, attribution frames "X said", "said X", "according to X").
 *
 * A deterministic pass per sentence, left to right, over flat arrays: no tree,
 * no allocation beyond the growing arrays of dy_syn, so it keeps up with the
 * tagger. The rules favour what event coding needs: who did what to whom. */
#include "tagger.h"

#include "../core/internal.h"

/* tok_aux bits */
enum {
    AX_QUOTE = 1,   /* inside a direct quotation */
    AX_SKIP = 2,    /* inside a relative clause or apposition (for the outer clause) */
    AX_HYPO = 4     /* inside an if/unless clause */
};

typedef struct pctx {
    const struct dyad_ctx *ctx;
    const struct dy_tagger *tg;
    const dy_text *t;
    dy_syn *syn;
    uint32_t s, first, end;     /* sentence */
    uint32_t np0, vg0;          /* first NP / VG of the sentence */
} pctx;

static inline int TAG(const pctx *p, uint32_t i) { return p->t->tok[i].tag; }
static inline uint32_t wcls(const pctx *p, uint32_t i)
{
    return p->tg ? tg_wclass(p->tg, p->t->tok[i].word) : 0;
}
static inline uint32_t lcls(const pctx *p, uint32_t lemma)
{
    return p->tg ? tg_wclass(p->tg, lemma) : 0;
}
static inline int IS(const pctx *p, uint32_t i, const char *w)
{
    return i < p->end && dy_tok_is(p->t, &p->t->tok[i], w);
}
static inline int is_adj(int t) { return t == T_JJ || t == T_JJR || t == T_JJS; }
static inline int is_finite_tag(int t) { return t == T_VBD || t == T_VBZ || t == T_VBP || t == T_MD; }

/* ---- noun phrases ---- */

static int qp_word(const pctx *p, uint32_t i)
{
    return (wcls(p, i) & WC_QP) != 0;
}

/* A quantifier phrase before a number that starts at token i: "about",
 * "nearly", "at least", "more than", "up to", "an estimated"; returns the
 * token of the number (or of the $ before it), or i when there is none. */
static uint32_t qp_end(const pctx *p, uint32_t i)
{
    if (!qp_word(p, i))
        return i;
    if (i > p->first && TAG(p, i - 1) == T_VBN && IS(p, i, "by"))
        return i; /* killed by 20 ... no: "by" after a passive is the agent */
    if (IS(p, i, "at") && !IS(p, i + 1, "least") && !IS(p, i + 1, "most"))
        return i; /* at 22.00: a preposition */
    if (IS(p, i, "up") && !IS(p, i + 1, "to"))
        return i; /* up 13.6 percent: an adverb */
    if ((IS(p, i, "around") || IS(p, i, "over") || IS(p, i, "under")) && i > p->first &&
        dy_tag_is_noun(TAG(p, i - 1)))
        return i; /* a boy under 16, in Brownsville around 7:15 p.m.: a
                     preposition after a noun (but: of around 1,000) */
    uint32_t q = i + 1;
    if (IS(p, i, "up"))
        q = i + 2; /* up to 13,000 */
    while (q < p->end && q < i + 3 && TAG(p, q) != T_CD && TAG(p, q) != T_DOLLAR &&
           qp_word(p, q))
        q++;
    if (q < p->end && (TAG(p, q) == T_CD || (TAG(p, q) == T_DOLLAR && q + 1 < p->end &&
                                             TAG(p, q + 1) == T_CD)))
        return q;
    if (q < p->end && q > i + 1 && IS(p, q, "half") && IS(p, q - 1, "than"))
        return q; /* more than half (of) */
    return i;
}

/* An ordinal: first ... tenth, 21st, 3rd, 10th. */
static int is_ordinal(const pctx *p, uint32_t i)
{
    static const char *const w[] = {"first", "second", "third", "fourth", "fifth",
                                    "sixth", "seventh", "eighth", "ninth", "tenth"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (IS(p, i, w[k]))
            return 1;
    const dy_tok *t = &p->t->tok[i];
    const char *s = p->t->src + t->start;
    uint32_t n = t->end - t->start;
    if (n < 3 || s[0] < '0' || s[0] > '9')
        return 0;
    char a = (char)(s[n - 2] | 0x20), b = (char)(s[n - 1] | 0x20);
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
           (a == 't' && b == 'h');
}

/* A lower-case particle inside a name (class "particle": de, van, al ...)
 * between two capitalised words. */
static int name_particle(const pctx *p, uint32_t i)
{
    const dy_tok *k = &p->t->tok[i];
    return !(k->flags & (TF_CAP | TF_ALLCAP)) && i > p->first && i + 1 < p->end &&
           (p->t->tok[i + 1].flags & TF_CAP) && (p->t->tok[i - 1].flags & TF_CAP) &&
           (wcls(p, i) & WC_PARTICLE);
}

static int push_np(pctx *p, uint32_t a, uint32_t b)
{
    dy_syn *syn = p->syn;
    if (DY_GROW(syn->np, syn->np_cap, syn->nnp + 1))
        return -1;
    dy_np *n = &syn->np[syn->nnp];
    memset(n, 0, sizeof *n);
    n->first = a;
    n->end = b;
    n->poss = n->of = n->conj = n->actor = n->appos = n->rel = -1;
    n->sent = p->s;
    const dy_text *t = p->t;
    /* head: last nominal before a possessive marker */
    uint32_t last = b;
    if (last > a && TAG(p, last - 1) == T_POS)
        last--;
    uint32_t head = last > a ? last - 1 : a;
    for (uint32_t i = last; i > a; i--) {
        int tg = TAG(p, i - 1);
        if (tg == T_CD && i - 1 > a && (TAG(p, i - 2) == T_NN || TAG(p, i - 2) == T_NNS))
            continue; /* [attendance 4,200]: the noun is the head */
        if (dy_tag_is_noun(tg) || tg == T_PRP || tg == T_CD || tg == T_EX || tg == T_WP ||
            tg == T_WDT) {
            head = i - 1;
            break;
        }
    }
    n->head = head;
    int ht = TAG(p, head);
    if (ht == T_PRP || ht == T_EX)
        n->flags |= NP_PRONOUN;
    if (ht == T_NNP || ht == T_NNPS)
        n->flags |= NP_PROPER;
    if (ht == T_NNS || ht == T_NNPS || IS(p, head, "they") || IS(p, head, "we"))
        n->flags |= NP_PLURAL;
    if (ht == T_CD)
        n->flags |= NP_NUMBER;
    if ((ht == T_WP || ht == T_WDT) && b == a + 1)
        n->flags |= NP_REL;
    if (b > a && TAG(p, b - 1) == T_POS)
        n->flags |= NP_POSSESSOR;
    if (TAG(p, a) == T_PRPS || IS(p, a, "the") || IS(p, a, "this") || IS(p, a, "that") ||
        IS(p, a, "these") || IS(p, a, "those"))
        n->flags |= NP_DEF;
    if (p->tg && (tg_wclass(p->tg, t->tok[head].word) & WC_TIME))
        n->flags |= NP_TIME;
    /* a candidate name: the run of capitalised words that ends at (or nearest
     * before) the head */
    uint32_t ne = head + 1, nf = ne;
    while (nf > a) {
        const dy_tok *k = &t->tok[nf - 1];
        int tg = k->tag;
        /* Toyo Trust & Banking Co, Rio de Janeiro: inside a run */
        if (nf - 1 > a && nf < ne && (IS(p, nf - 1, "&") || name_particle(p, nf - 1))) {
            nf--;
            continue;
        }
        if (!((k->flags & (TF_CAP | TF_ALLCAP)) &&
              (tg == T_NNP || tg == T_NNPS || tg == T_NN || tg == T_NNS || is_adj(tg) ||
               tg == T_CD)))
            break;
        nf--;
    }
    /* a sentence-initial determiner or adjective is not part of a name */
    while (nf < ne && TAG(p, nf) != T_NNP && TAG(p, nf) != T_NNPS)
        nf++;
    /* a title inside the run is not part of the name: U.S. President [Joe
     * Biden], Foreign Minister [Sergei Lavrov]; a run that ends in a title
     * (the Prime Minister) is a description, not a name */
    if (p->tg)
        for (uint32_t i = ne; i > nf; i--) {
            uint32_t c = tg_wclass(p->tg, t->tok[i - 1].word);
            if (c & WC_TITLE) {
                nf = i;
                break;
            }
        }
    if (nf < ne && (TAG(p, head) == T_NNP || TAG(p, head) == T_NNPS)) {
        n->name_first = nf;
        n->name_end = ne;
    } else {
        n->name_first = n->name_end = a;
    }
    for (uint32_t i = a; i < b; i++)
        syn->tok_np[i] = (int32_t)syn->nnp;
    syn->nnp++;
    return 0;
}

/* Is token i a month name (class "month": January ... December, Jan.)? */
static int is_month(const pctx *p, uint32_t i)
{
    return (wcls(p, i) & WC_MONTH) != 0;
}

/* A capitalised title and a name within a few tokens from i: "Investment
 * Minister Tran Xuan Gia" (a coordinated portfolio before it is one NP). */
static int title_follows(const pctx *p, uint32_t i)
{
    for (uint32_t k = i; k < p->end && k < i + 4; k++) {
        if (TAG(p, k) != T_NNP)
            return 0;
        if ((wcls(p, k) & WC_TITLE) && k + 1 < p->end && TAG(p, k + 1) == T_NNP)
            return 1;
    }
    return 0;
}

static int is_weekday(const pctx *p, uint32_t i)
{
    return (wcls(p, i) & WC_WEEKDAY) != 0;
}

/* The tax-free, pooling-of-interest accounting: the comma at i is inside a
 * list of adjectives before the noun when [a, i) has nothing nominal yet and
 * adjectives then a noun follow it. */
static int adj_list_before_noun(const pctx *p, uint32_t a, uint32_t i)
{
    for (uint32_t k = a; k < i; k++)
        if (dy_tag_is_noun(TAG(p, k)))
            return 0;
    uint32_t k = i + 1;
    if (k >= p->end || !is_adj(TAG(p, k)))
        return 0;
    while (k < p->end && (is_adj(TAG(p, k)) || TAG(p, k) == T_VBN))
        k++;
    return k < p->end && dy_tag_is_noun(TAG(p, k));
}

/* ---- noun phrases: rules of the prose pass ---- */

/* But many in the market thought, few at the talks expected: a quantifier
 * alone before a preposition is the NP the phrase attaches to, as before
 * "of" (not: as many as, so many that: a degree word before it) */
static int quantifier_before_prep(const pctx *p, uint32_t a, uint32_t j)
{
    if (j != a + 1 || j >= p->end || TAG(p, j) != T_IN ||
        !(IS(p, a, "many") || IS(p, a, "few") || IS(p, a, "several")) ||
        IS(p, j, "as") || IS(p, j, "than") || IS(p, j, "that") || (wcls(p, j) & WC_SUBORD))
        return 0;
    return !(a > p->first && (IS(p, a - 1, "as") || IS(p, a - 1, "so") || IS(p, a - 1, "too") ||
                              IS(p, a - 1, "how") || IS(p, a - 1, "very") ||
                              IS(p, a - 1, "that") || IS(p, a - 1, "a")));
}

/* will have one Dec. 13: a number written in words does not run into a
 * date (the date has its own day number); "five December mornings" or a
 * British "5 December" keep theirs */
static int word_number_before_date(const pctx *p, uint32_t i)
{
    return TAG(p, i - 1) == T_CD && p->t->tok[i - 1].kind == TK_WORD && is_month(p, i) &&
           i + 1 < p->end && TAG(p, i + 1) == T_CD;
}

/* had never finished higher than [ninth]: an ordinal after "than" and a
 * comparative is a rank, a nominal like "in [second]" */
static int ordinal_after_than(const pctx *p, uint32_t a)
{
    return a >= p->first + 2 && is_ordinal(p, a) && IS(p, a - 1, "than") &&
           (TAG(p, a - 2) == T_JJR || TAG(p, a - 2) == T_RBR);
}

/* were massacred last Christmas: "last" or "next" before a time word opens
 * the time NP after a participle (a determiner or possessive keeps it
 * inside, "his last day", and so does a time adjective, "early next week") */
static int time_opener(const pctx *p, uint32_t i)
{
    const dy_tok *pk = &p->t->tok[i - 1];
    const char *pw = dy_tok_norm(p->t, pk);
    int ed = pk->tag == T_VBN ||
             (pk->tag == T_JJ && pk->nlen > 4 && pw[pk->nlen - 2] == 'e' && pw[pk->nlen - 1] == 'd');
    return (IS(p, i, "last") || IS(p, i, "next")) && i + 1 < p->end && ed &&
           ((wcls(p, i + 1) & (WC_TIME | WC_MONTH | WC_WEEKDAY)) ||
            TAG(p, i + 1) == T_NNP); /* (a feast: last Christmas) */
}

/* would not treat the "whip" as: a quotation mark right after the
 * determiner, before the noun, opens scare quotes even when the quote
 * parity of the text (a quote left open earlier) took it for a closing
 * one; no quotation closes after a lone determiner */
static int misread_quote(const pctx *p, uint32_t a, uint32_t i)
{
    int pt = TAG(p, i - 1), nt = i + 1 < p->end ? TAG(p, i + 1) : T_NONE;
    return TAG(p, i) == T_RQUOTE && i == a + 1 && (pt == T_DT || pt == T_PRPS) &&
           (dy_tag_is_noun(nt) || is_adj(nt));
}

/* the Italian and UEFA Cups, the local and state governments: "and"/"or"
 * after an adjective, or after a capitalised modifier right after "the",
 * before nouns that end in a plural, coordinates modifiers of that shared
 * head (not "the president and cabinet ministers": a lower-case noun is a
 * conjunct of its own) */
static int shared_plural_head(const pctx *p, uint32_t a, uint32_t i)
{
    int pt = TAG(p, i - 1);
    if (!(IS(p, i, "and") || IS(p, i, "or")))
        return 0;
    if (!(is_adj(pt) || ((pt == T_NN || pt == T_NNP) && (p->t->tok[i - 1].flags & TF_CAP) &&
                         i == a + 2 && IS(p, a, "the"))))
        return 0;
    uint32_t k = i + 1;
    while (k < p->end && k < i + 3 && (TAG(p, k) == T_NN || TAG(p, k) == T_NNP))
        k++;
    /* (a modifier before the plural: not "the FBI and police", "weak and
     * customers") */
    if (k > i + 1 && k < p->end && dy_tag_is_noun(TAG(p, k)) &&
        !(k + 1 < p->end && dy_tag_is_noun(TAG(p, k + 1))))
        return TAG(p, k) == T_NNS || TAG(p, k) == T_NNPS;
    /* (a capitalised plural the tagger left NNP after a modifier: UEFA Cups) */
    const dy_tok *e = &p->t->tok[k - 1];
    return k >= i + 3 && TAG(p, k - 1) == T_NNP && (e->flags & TF_CAP) && e->nlen > 3 &&
           dy_tok_norm(p->t, e)[e->nlen - 1] == 's' && dy_tok_norm(p->t, e)[e->nlen - 2] != 's' &&
           !(k < p->end && dy_tag_is_noun(TAG(p, k)));
}

/* Two noun phrases side by side in the wire's non-prose lines, where a
 * base NP cannot run on (docs/syntax.md, Chunks, "non-prose lines"):
 * - "Men's 500 metres first round:": an ordinal after a plural common noun
 *   starts the next phrase; an ordinal stands before the head it ranks,
 *   never after it;
 * - "LATE GOALS GIVE JAPAN WIN": after a verb of giving in a headline in
 *   capitals, a name and a bare singular noun are its two objects (give
 *   Japan [a] win: the headline drops the article). */
static int line_np_break(const pctx *p, uint32_t a, uint32_t i)
{
    int pt = TAG(p, i - 1);
    if (pt == T_NNS && TAG(p, i) == T_JJ && is_ordinal(p, i))
        return 1;
    if (TAG(p, i) == T_NN && (pt == T_NNP || pt == T_NNPS) && a > p->first &&
        (p->t->tok[a - 1].flags & TF_ALLCAP) && (p->t->tok[i].flags & TF_ALLCAP) &&
        dy_tag_is_verb(TAG(p, a - 1)) && p->t->tok[a - 1].lemma &&
        (lcls(p, p->t->tok[a - 1].lemma) & WC_DITRANS)) {
        int nt = i + 1 < p->end ? TAG(p, i + 1) : T_NONE;
        return !dy_tag_is_noun(nt) && nt != T_POS;
    }
    return 0;
}

/* Is verb group v, a base form right after "and"/"or" with no subject of its
 * own, the second of two infinitives ("to agree to a truce and allow aid
 * in")? The previous group is an infinitive and no finite verb of the same
 * present tense governs it (after a past verb the base form cannot be its
 * conjunct). */
static int coordinated_infinitive(const pctx *p, int32_t prev, const dy_vg *v)
{
    const dy_syn *syn = p->syn;
    if (prev < 0 || !(syn->vg[prev].flags & VG_INF) || v->first != v->head ||
        v->first <= p->first || TAG(p, v->first - 1) != T_CC)
        return 0;
    int tg = TAG(p, v->head);
    if (tg == T_VB)
        return 1;
    if (tg != T_VBP)
        return 0;
    int32_t up = syn->vg[prev].parent;
    while (up >= 0 && (syn->vg[up].flags & (VG_INF | VG_PART)) && syn->vg[up].parent >= 0)
        up = syn->vg[up].parent;
    return up >= 0 && syn->vg[up].tense == TENSE_PAST;
}

/* Can token i continue a noun phrase that runs [a, i)? */
static inline int np_continues(const pctx *p, uint32_t a, uint32_t i)
{
    int tg = TAG(p, i);
    int nt = i + 1 < p->end ? TAG(p, i + 1) : T_NONE;
    int pt = TAG(p, i - 1);
    if (pt == T_POS)
        return 0;
    if (word_number_before_date(p, i) || time_opener(p, i))
        return 0;
    if ((pt == T_NNS || pt == T_NNP || pt == T_NNPS) && line_np_break(p, a, i))
        return 0;
    /* settled lower [Friday]: a comparative is no modifier of a weekday */
    if (i == a + 1 && TAG(p, a) == T_JJR && is_weekday(p, i))
        return 0;
    if (is_adj(tg) && (dy_tag_is_noun(pt) || pt == T_CD)) {
        /* strikes [deep] inside; Twickenham [last] month */
        if (IS(p, i, "last") || IS(p, i, "next") || IS(p, i, "past"))
            return 0;
        /* only two formal, full-blown conferences: a list of adjectives */
        if (pt == T_CD && nt == T_PUNCT_COMMA)
            return adj_list_before_noun(p, a, i + 1);
        return dy_tag_is_noun(nt) || is_adj(nt);
    }
    if (tg == T_CD && (pt == T_NN || pt == T_NNS) &&
        (dy_tag_is_noun(nt) || is_adj(nt) || nt == T_VBN ||
         (i >= a + 2 && TAG(p, i - 2) == T_CD)))
        return 0; /* the player [two months] ago, [1,200 tonnes] [95.00] (but one NP:
                     [page 12], [attendance 4,200]) */
    if (p->tg && dy_tag_is_noun(tg) && i > a) {
        /* a time word after a common noun, a name after a time word, start a
         * new phrase: [the meeting] [today], [this year] [Zywiec] */
        uint32_t c = wcls(p, i), pc = wcls(p, i - 1);
        if ((c & WC_TIME) && !(pc & WC_TIME) && (pt == T_NN || pt == T_NNS) && tg != T_NNS &&
            (IS(p, i, "today") || IS(p, i, "yesterday") || IS(p, i, "tomorrow") ||
             IS(p, i, "tonight") || tg == T_NNP))
            return 0;
        if ((pc & WC_TIME) && (tg == T_NNP || tg == T_NNPS) && pt != T_NNP && pt != T_NNPS)
            return 0;
        if ((c & WC_TIME) && is_weekday(p, i) && (pt == T_NNP || pt == T_NNPS) &&
            !(pc & WC_TIME) && !(i + 1 < p->end && TAG(p, i + 1) == T_POS) &&
            !(nt == T_NN && !(wcls(p, i + 1) & WC_TIME) &&
              !(i + 2 < p->end && is_finite_tag(TAG(p, i + 2)))))
            return 0; /* killed in southern Lebanon [Sunday] (but a name before
                         a singular noun: his Sheffield Wednesday comeback; not
                         a subject: in Lebanon [Sunday] [sources] said) */
    }
    if (dy_tag_is_noun(tg) || is_adj(tg) || tg == T_CD || tg == T_POS)
        return 1;
    if (tg == T_VBN || tg == T_VBG) { /* a [guided] missile; not: forces [destroying] X */
        if (tg == T_VBN && pt == T_DT && nt == T_CD)
            return 1; /* an estimated 150,000 */
        return (dy_tag_is_noun(nt) || is_adj(nt)) && !dy_tag_is_noun(pt);
    }
    if (tg == T_RB || tg == T_RBS || tg == T_RBR) { /* a very large force */
        int nn = i + 2 < p->end ? TAG(p, i + 2) : T_NONE;
        return (is_adj(nt) || (nt == T_CD && qp_word(p, i)) ||
                ((nt == T_VBN || nt == T_VBG) && (dy_tag_is_noun(nn) || is_adj(nn)))) &&
               (i > a && (pt == T_DT || pt == T_PRPS || is_adj(pt)));
    }
    if ((tg == T_PDT || tg == T_DT) && pt == T_IN && i >= a + 2 && IS(p, i, "half") &&
        IS(p, i - 1, "than"))
        return 1; /* [more than half the votes] (as a noun "half" continues anyway) */
    if (tg == T_IN && IS(p, i, "than") && (IS(p, i - 1, "more") || IS(p, i - 1, "less") ||
                                          IS(p, i - 1, "fewer")) &&
        (nt == T_CD || nt == T_DOLLAR))
        return 1; /* the more than $2 billion takeover */
    if ((tg == T_CC || tg == T_TO) && pt == T_CD && nt == T_CD && !IS(p, i, "but")) {
        /* between 18 and 20, three to five percent; but a number "to" a
         * number with no noun after them is two phrases: rose 3 [to] 150,
         * from 3,500 in 2019 [to] 9,200 */
        int nn = i + 2 < p->end ? TAG(p, i + 2) : T_NONE;
        return tg == T_CC || dy_tag_is_noun(nn) || is_adj(nn);
    }
    if (tg == T_CC && is_adj(pt) && is_adj(nt) && !IS(p, i, "but"))
        return 1; /* actual and potential passengers */
    if ((pt == T_NNP || pt == T_NNPS) && (nt == T_NNP || nt == T_NNPS) && name_particle(p, i))
        return 1; /* Rio de Janeiro, Van der Vegt, Medecins sans Frontieres */
    if (tg == T_CC && IS(p, i, "and") && i == a + 1 && (pt == T_NNP || pt == T_NN) &&
        (p->t->tok[i - 1].flags & TF_CAP) && nt == T_NNP && title_follows(p, i + 1))
        return 1; /* Trade and Industry Minister Nguyen Van Binh */
    if (tg == T_CC && IS(p, i, "&") && (pt == T_NNP || pt == T_NNPS) &&
        (nt == T_NNP || nt == T_NNPS))
        return 1; /* Toyo Trust & Banking Co */
    if (tg == T_PUNCT_COMMA && pt == T_CD && nt == T_CD && i >= a + 2 && TAG(p, i - 2) == T_NNP &&
        p->tg && p->t->tok[i + 1].nlen == 4 && p->t->tok[i - 1].nlen <= 2 &&
        is_month(p, i - 2))
        return 1; /* Jan. 10, 1997 */
    if (tg == T_PUNCT_COMMA && is_adj(pt) && is_adj(nt))
        return adj_list_before_noun(p, a, i);
    /* a $10 billion, three-year loan: an amount after an article, then
     * adjectives and the noun (not "in 1995, new rules": no article) */
    if (tg == T_PUNCT_COMMA && pt == T_CD && is_adj(nt) && TAG(p, a) == T_DT)
        return adj_list_before_noun(p, a, i);
    if (tg == T_DT && (pt == T_PDT || (IS(p, i - 1, "all") || IS(p, i - 1, "both"))))
        return 1;
    if (tg == T_LQUOTE && i == a + 1 && (pt == T_DT || pt == T_PRPS) &&
        (dy_tag_is_noun(nt) || is_adj(nt)))
        return 1; /* a "poison pill": scare quotes after the determiner */
    if (misread_quote(p, a, i))
        return 1;
    if (tg == T_CC && shared_plural_head(p, a, i))
        return 1;
    if (tg == T_DOLLAR || tg == T_HASH)
        return nt == T_CD;
    if (IS(p, i, "to") && pt == T_CD && nt == T_DOLLAR && i >= a + 2 &&
        TAG(p, i - 2) == T_DOLLAR && i + 2 < p->end && TAG(p, i + 2) == T_CD)
        return 1; /* a range of sums: [$3,000 to $4,000] each */
    if (i + 1 == p->end && p->t->tok[i].kind == TK_DASH && p->t->tok[i].nlen == 1 &&
        pt == T_CD && i >= a + 2 && TAG(p, i - 2) == T_CD)
        return 1; /* a table row whose last cell is empty: [MIAMI 14 5 .737 -] */
    if (tg == T_IN && pt == T_CD && (IS(p, i, "to") || IS(p, i, "than")))
        return 0;
    return 0;
}

/* A team line-up or a ranked list numbers its names with a dash: "Japan:
 * 19 - Kenichi Shimokawa, 2 - Hiroshige Yanagimoto". The small number at the
 * start of a list item, a dash and a capitalised name are one NP (the number
 * labels the player). A list item starts the line or follows a colon, comma,
 * semicolon or bracket; not a range or a score ("1990 - 1995", "Japan 2 -
 * Syria 1": the number does not start an item there). */
static int shirt_number(const pctx *p, uint32_t i)
{
    const dy_tok *k = &p->t->tok[i];
    if (i + 2 >= p->end || k->kind != TK_NUM || k->nlen > 3 ||
        p->t->tok[i + 1].kind != TK_DASH || p->t->tok[i + 1].nlen != 1 ||
        TAG(p, i + 2) != T_NNP || !(p->t->tok[i + 2].flags & TF_CAP))
        return 0;
    for (uint32_t q = 0; q < k->nlen; q++) {
        char c = p->t->src[k->start + q];
        if (c < '0' || c > '9')
            return 0;
    }
    if (i == p->first)
        return 1;
    int pt = TAG(p, i - 1);
    return pt == T_PUNCT_COMMA || pt == T_LRB ||
           (pt == T_PUNCT_COLON && p->t->tok[i - 1].kind != TK_DASH);
}

/* A fixture line of a schedule, "MONTREAL AT CHICAGO", "Toronto at
 * Atlanta": names the game, a heading with no verb; like a score line
 * ("Japan 2 Syria 1") it is one NP. The whole sentence is capitalised
 * nominals, "at", capitalised nominals (a full stop may end it). */
static int fixture_line(const pctx *p, uint32_t *end)
{
    uint32_t e = p->end;
    if (e > p->first && TAG(p, e - 1) == T_PUNCT_END)
        e--;
    uint32_t at = 0;
    for (uint32_t i = p->first; i < e; i++) {
        if (IS(p, i, "at") && !at && i > p->first && i + 1 < e) {
            at = i;
            continue;
        }
        int tg = TAG(p, i);
        if (!(p->t->tok[i].flags & (TF_CAP | TF_ALLCAP)) || !(dy_tag_is_noun(tg) || tg == T_JJ))
            return 0;
    }
    *end = e;
    return at != 0;
}

/* "which" or "that" at i after a noun, a comma or a preposition, and the
 * noun phrase after it is followed by a finite verb: a relative pronoun
 * followed by its clause's subject (the mosque, which [Hindus] believe ...;
 * in which [more than 3,000 people] were killed), not a determiner (in which
 * case the ..., asked which country has ...). */
static int relative_before_subject(const pctx *p, uint32_t i)
{
    if (i == p->first || i + 1 >= p->end)
        return 0;
    int pt = TAG(p, i - 1);
    if (!(dy_tag_is_noun(pt) || pt == T_PUNCT_COMMA || pt == T_IN))
        return 0;
    uint32_t a = i + 1, k = qp_end(p, a);
    for (k++; k < p->end && np_continues(p, a, k); k++)
        if (TAG(p, k) == T_POS)
            return 0;
    if (k < p->end && (TAG(p, k) == T_RB || TAG(p, k) == T_RBR))
        k++;
    return k < p->end && is_finite_tag(TAG(p, k));
}

/* "too much", "so many", "how much", "very few" before the noun they
 * quantify (adjectives may come between): the adverb is inside the NP. */
static int degree_quantifier(const pctx *p, uint32_t i)
{
    if (i + 2 >= p->end || !is_adj(TAG(p, i + 1)) ||
        !(IS(p, i, "too") || IS(p, i, "so") || IS(p, i, "how") || IS(p, i, "very")) ||
        !(IS(p, i + 1, "much") || IS(p, i + 1, "many") || IS(p, i + 1, "few") ||
          IS(p, i + 1, "little")))
        return 0;
    uint32_t k = i + 2;
    while (k < p->end && (is_adj(TAG(p, k)) || TAG(p, k) == T_CD))
        k++;
    return k < p->end && dy_tag_is_noun(TAG(p, k)) && TAG(p, k) != T_NNP;
}

/* A lone ordinal after a verb of ranking is a nominal, like "in [second]":
 * finished [third] in, lying [fifth] after (not after "be" nor a passive:
 * was first, are treated first). */
static int ordinal_object(const pctx *p, uint32_t a, uint32_t j)
{
    if (a == p->first || !dy_tag_is_verb(TAG(p, a - 1)) || TAG(p, a - 1) == T_VBN ||
        !is_ordinal(p, a) ||
        (wcls(p, a - 1) & (WC_BE | WC_HAVE | WC_DO)) ||
        (p->t->tok[a - 1].lemma && (lcls(p, p->t->tok[a - 1].lemma) & WC_BE)))
        return 0;
    int nt = j < p->end ? TAG(p, j) : T_NONE;
    return nt == T_NONE || nt == T_IN || nt == T_PUNCT_COMMA || nt == T_PUNCT_END ||
           nt == T_PUNCT_COLON;
}

/* A noun that is part of a fixed adverbial or conjunction, not an NP:
 * in order to, en route, in case (+ clause), went home. */
static int fixed_adverbial(const pctx *p, uint32_t a)
{
    uint32_t n = p->t->tok[a].nlen; /* order, route, case, home */
    if (a == p->first || TAG(p, a) != T_NN || n < 4 || n > 5)
        return 0;
    int nt = a + 1 < p->end ? TAG(p, a + 1) : T_NONE;
    if (IS(p, a, "order") && IS(p, a - 1, "in"))
        return IS(p, a + 1, "to") || IS(p, a + 1, "that");
    if (IS(p, a, "route") && IS(p, a - 1, "en"))
        return 1;
    if (IS(p, a, "case") && IS(p, a - 1, "in") && a + 1 < p->end)
        return !IS(p, a + 1, "of") && !IS(p, a + 1, "that") &&
               (nt == T_DT || nt == T_PRP || nt == T_NNP || nt == T_PRPS);
    if (IS(p, a, "home") && TAG(p, a) == T_NN && dy_tag_is_verb(TAG(p, a - 1)) &&
        !(wcls(p, a - 1) & (WC_BE | WC_HAVE)))
        return nt == T_NONE || nt == T_IN || nt == T_TO || nt == T_PUNCT_COMMA ||
               nt == T_PUNCT_END || nt == T_CC;
    return 0;
}

static int chunk_nps(pctx *p)
{
    uint32_t i = p->first, fe;
    if (fixture_line(p, &fe))
        return push_np(p, p->first, fe);
    while (i < p->end) {
        int tg = TAG(p, i);
        int nt = i + 1 < p->end ? TAG(p, i + 1) : T_NONE;
        uint32_t a = i, j = i + 1;
        int start = 0;
        if (tg == T_PRP || tg == T_EX || tg == T_WP) {
            if (push_np(p, i, i + 1))
                return -1;
            i++;
            continue;
        }
        if (tg == T_WDT) {
            /* which town: a determiner; else a relative pronoun NP (also
             * before the subject of its clause: the mosque, which [Hindus]
             * believe; in which [more than 3,000 people] were killed) */
            if ((dy_tag_is_noun(nt) || is_adj(nt)) && !relative_before_subject(p, i)) {
                start = 1;
            } else {
                if (push_np(p, i, i + 1))
                    return -1;
                i++;
                continue;
            }
        } else if (tg == T_DT || tg == T_PDT || tg == T_PRPS || tg == T_WPS) {
            start = 1;
        } else if ((tg == T_RB || tg == T_IN || tg == T_JJR || tg == T_JJS || tg == T_JJ) &&
                   (j = qp_end(p, i)) > i) {
            /* about 500 troops, at least 20 people, more than $100 million */
            start = 1;
        } else if (tg == T_RB && (nt == T_DT || nt == T_PRPS) && IS(p, i, "only") &&
                   !(i > p->first && (IS(p, i - 1, "not") || IS(p, i - 1, "if"))) &&
                   i + 2 < p->end &&
                   (dy_tag_is_noun(TAG(p, i + 2)) || is_adj(TAG(p, i + 2)))) {
            /* [only the proposal letter], as the Treebank brackets a focus
             * adverb before a determiner (not: not only the ... but, if
             * only the ...) */
            j = i + 2;
            start = 1;
        } else if (tg == T_RB && nt == T_JJ && IS(p, i, "only") && is_ordinal(p, i + 1)) {
            j = i + 1; /* managed [only 10th place] */
            start = 1;
        } else if ((tg == T_RB || tg == T_WRB) && degree_quantifier(p, i)) {
            j = i + 1; /* [too much influence], [how many people] */
            start = 1;
        } else if (dy_tag_is_noun(tg) || tg == T_CD || is_adj(tg)) {
            j = i + 1;
            start = 1;
        } else if ((tg == T_DOLLAR || tg == T_HASH) && nt == T_CD) {
            j = i + 1;
            start = 1;
        } else if ((tg == T_VBG || tg == T_VBN) && (dy_tag_is_noun(nt) || is_adj(nt)) &&
                   ((tg == T_VBN && i == p->first) || (i > p->first && TAG(p, i - 1) == T_POS))) {
            /* Ousted President Ilya Dorn has agreed; Europe's leading
             * security forum (not: Citing security concerns, the ministry) */
            start = 1;
            j = i + 1;
        } else if ((tg == T_VBG || tg == T_VBN) && i > p->first &&
                   (dy_tag_is_noun(nt) || is_adj(nt)) && nt != T_NNP && nt != T_NNPS) {
            /* made grinding advances, with increased pressure: a participle
             * used as an adjective (not: keep supporting X, has attacked X) */
            int pt = TAG(p, i - 1);
            uint32_t pc = wcls(p, i - 1);
            if (dy_tag_is_verb(pt) && pt != T_VBG && !(pc & (WC_BE | WC_HAVE | WC_GET | WC_DO)) &&
                !(p->t->tok[i - 1].lemma && (lcls(p, p->t->tok[i - 1].lemma) & WC_CONTROL)) &&
                !(tg == T_VBG && tg_aspect_verb(p->t, &p->t->tok[i - 1])))
                start = 1; /* (not: finished [borrowing] money) */
            else if (tg == T_VBN && (pt == T_IN || pt == T_CC))
                start = 1;
        } else if (tg == T_VBN && i > p->first && TAG(p, i - 1) == T_IN && (nt == T_NNP || nt == T_NNPS) &&
                   !(wcls(p, i - 1) & WC_SUBORD) && !IS(p, i - 1, "as") && !IS(p, i - 1, "than") &&
                   !IS(p, i - 1, "that")) {
            /* the home of [expelled Slovak MP X]: after a preposition a
             * participle before a name modifies it (no verb has a
             * preposition for its subject) */
            start = 1;
        }
        /* the number of the next list item left at the end of a line
         * ("... 37.2 seconds; 2." before the next item) is a list marker,
         * not an NP */
        if (start && tg == T_CD && j == i + 1 && i + 2 == p->end && TAG(p, i + 1) == T_PUNCT_END &&
            i > p->first && TAG(p, i - 1) == T_PUNCT_COLON)
            start = 0;
        if (!start) {
            i++;
            continue;
        }
        if (tg == T_CD && j == i + 1 && shirt_number(p, i))
            j = i + 2; /* [19 - Kenichi Shimokawa]: the dash is inside */
        while (j < p->end && np_continues(p, a, j)) {
            j++;
            if (TAG(p, j - 1) == T_POS)
                break;
        }
        /* a lone determiner is a pronoun NP only for this/that/these/those/all/both... */
        if (j == a + 1 && (tg == T_DT || tg == T_PDT) &&
            !(IS(p, a, "this") || IS(p, a, "that") || IS(p, a, "these") || IS(p, a, "those") ||
              IS(p, a, "all") || IS(p, a, "both") || IS(p, a, "some") || IS(p, a, "each") ||
              IS(p, a, "any") || IS(p, a, "many") || IS(p, a, "none") || IS(p, a, "another") ||
              IS(p, a, "either") || IS(p, a, "neither"))) {
            i++;
            continue;
        }
        /* adjectives alone are an adjective phrase (was [certain] to), not an NP */
        int nominal = 0;
        for (uint32_t k = a; k < j && !nominal; k++) {
            int kt = TAG(p, k);
            nominal = !(is_adj(kt) || kt == T_RB || kt == T_RBR || kt == T_RBS || kt == T_CC ||
                        kt == T_PUNCT_COMMA);
        }
        /* (nor is a participle left alone: [Unveiled] last April) */
        if (j == a + 1 && (tg == T_VBN || tg == T_VBG))
            nominal = 0;
        /* many of them, much of the town: a quantifier is the NP the "of"
         * phrase attaches to */
        if (!nominal && j == a + 1 && IS(p, j, "of") &&
            (IS(p, a, "many") || IS(p, a, "much") || IS(p, a, "most") || IS(p, a, "few") ||
             IS(p, a, "several") || IS(p, a, "more") || IS(p, a, "less")))
            nominal = 1;
        /* a lone adjective as the object of a preposition is nominal:
         * finished in [third] behind, from [first] to last (not: as
         * necessary, if possible, at least, at worst, in general) */
        if (!nominal && j == a + 1 && a > p->first && TAG(p, a - 1) == T_IN &&
            (tg == T_JJ || tg == T_JJS) && !(wcls(p, a - 1) & WC_SUBORD) &&
            !IS(p, a - 1, "as") && !IS(p, a - 1, "than") && !IS(p, a - 1, "that") &&
            !IS(p, a, "least") && !IS(p, a, "most") &&
            !(IS(p, a - 1, "at") && tg == T_JJS) && !IS(p, a, "general") &&
            !IS(p, a, "particular") &&
            !(j < p->end && (dy_tag_is_noun(TAG(p, j)) || TAG(p, j) == T_TO)))
            nominal = 1;
        if (!nominal && j == a + 1 && ordinal_object(p, a, j))
            nominal = 1;
        if (!nominal && j == a + 1 && (quantifier_before_prep(p, a, j) || ordinal_after_than(p, a)))
            nominal = 1;
        if (nominal && j == a + 1 && fixed_adverbial(p, a))
            nominal = 0;
        /* a capitalised adjective alone before a colon or bracket at the start
         * of a line is a label: [Total]: 12, [Total] (two groups) */
        if (!nominal && j == a + 1 && a == p->first && tg == T_JJ && j < p->end &&
            (p->t->tok[a].flags & TF_CAP) && (TAG(p, j) == T_PUNCT_COLON || TAG(p, j) == T_LRB))
            nominal = 1;
        if (!nominal && !(a > p->first && TAG(p, a - 1) == T_POS)) {
            i = j;
            continue;
        }
        if (push_np(p, a, j))
            return -1;
        i = j;
    }
    /* links: possessor, of, conjunction */
    dy_syn *syn = p->syn;
    for (uint32_t n = p->np0; n < syn->nnp; n++) {
        dy_np *np = &syn->np[n];
        if ((np->flags & NP_POSSESSOR) && n + 1 < syn->nnp && syn->np[n + 1].first == np->end)
            syn->np[n + 1].poss = (int32_t)n;
        if (np->end + 1 < p->end && IS(p, np->end, "of") && syn->tok_np[np->end + 1] >= 0 &&
            syn->np[syn->tok_np[np->end + 1]].first == np->end + 1)
            np->of = syn->tok_np[np->end + 1];
    }
    for (uint32_t n = p->np0; n < syn->nnp; n++) {
        dy_np *np = &syn->np[n];
        uint32_t e = np->end;
        /* X and Y, X or Y, X, Y and Z */
        if (e + 1 < p->end && TAG(p, e) == T_CC && !IS(p, e, "but") &&
            syn->tok_np[e + 1] >= 0 && syn->np[syn->tok_np[e + 1]].first == e + 1) {
            int32_t m = syn->tok_np[e + 1];
            np->conj = m;
            syn->np[m].flags |= NP_CONJ_TAIL;
        } else if (e + 1 < p->end && TAG(p, e) == T_PUNCT_COMMA && syn->tok_np[e + 1] >= 0 &&
                   syn->np[syn->tok_np[e + 1]].first == e + 1) {
            /* a list only if an "and" follows the next NP (X, Y and Z) */
            int32_t m = syn->tok_np[e + 1];
            uint32_t me = syn->np[m].end;
            /* (the next NP ends the sentence: nothing after it) */
            int32_t z = me < p->end ? syn->tok_np[me + 1 < p->end ? me + 1 : me] : -1;
            uint32_t ze = z >= 0 ? syn->np[z].end : me;
            int fronted = np->first > p->first && TAG(p, np->first - 1) == T_IN && ze < p->end &&
                          (is_finite_tag(TAG(p, ze)) ||
                           (ze + 1 < p->end && TAG(p, ze) == T_RB && is_finite_tag(TAG(p, ze + 1))));
            if (me + 1 < p->end && TAG(p, me) == T_CC && !IS(p, me, "but") &&
                syn->tok_np[me + 1] >= 0 && !(np->flags & NP_PRONOUN) && !fronted &&
                ((np->flags & NP_PROPER) == (syn->np[m].flags & NP_PROPER))) {
                np->conj = m;
                syn->np[m].flags |= NP_CONJ_TAIL;
            }
        }
    }
    return 0;
}

/* ---- verb groups ---- */

static int is_aux_word(const pctx *p, uint32_t i)
{
    return TAG(p, i) == T_MD || (wcls(p, i) & (WC_BE | WC_HAVE | WC_DO | WC_GET));
}

static int push_vg(pctx *p, uint32_t a, uint32_t b, uint32_t head)
{
    dy_syn *syn = p->syn;
    if (DY_GROW(syn->vg, syn->vg_cap, syn->nvg + 1))
        return -1;
    dy_vg *v = &syn->vg[syn->nvg];
    memset(v, 0, sizeof *v);
    v->first = a;
    v->end = b;
    v->head = head;
    v->lemma = p->t->tok[head].lemma ? p->t->tok[head].lemma : p->t->tok[head].word;
    v->subj = v->obj = v->agent = v->xcomp = v->parent = v->conj = v->iobj = v->neg_tok = -1;
    v->sent = p->s;
    v->pp_first = (uint32_t)syn->npp;
    /* flags from the auxiliaries */
    const dy_text *t = p->t;
    int first_verb = -1;
    uint32_t prev_aux = 0;
    int prev_aux_cls = 0;
    for (uint32_t i = a; i < b; i++) {
        int tg = TAG(p, i);
        uint32_t c = wcls(p, i);
        if (tg == T_TO)
            v->flags |= VG_INF;
        if (c & WC_NEG) {
            v->flags |= VG_NEG;
            v->neg_tok = (int32_t)i;
        }
        if (tg == T_MD || dy_tag_is_verb(tg)) {
            if (first_verb < 0)
                first_verb = (int)i;
            if (tg == T_MD) {
                if (c & WC_FUTURE)
                    v->flags |= VG_FUTURE;
                else
                    v->flags |= VG_MODAL;
            }
            if (i != head) {
                prev_aux = i;
                prev_aux_cls = (int)(c & (WC_BE | WC_HAVE | WC_DO | WC_GET));
                if (tg == T_MD)
                    prev_aux_cls = 0;
            }
        }
    }
    int ht = TAG(p, head);
    (void)prev_aux;
    if (head != (uint32_t)first_verb && first_verb >= 0) {
        if ((prev_aux_cls & (WC_BE | WC_GET)) && (ht == T_VBN || ht == T_VBD))
            v->flags |= VG_PASSIVE;
        if ((prev_aux_cls & WC_BE) && ht == T_VBG)
            v->flags |= VG_PROGRESSIVE;
        if ((prev_aux_cls & WC_HAVE) && ht == T_VBN)
            v->flags |= VG_PERFECT;
        for (uint32_t i = a; i < head; i++)
            if (IS(p, i, "being") && ht == T_VBN)
                v->flags |= VG_PROGRESSIVE; /* is being rebuilt */
        /* has been attacked: perfect too */
        for (uint32_t i = a; i < head; i++)
            if ((wcls(p, i) & WC_HAVE) && i + 1 <= head) {
                uint32_t j = i + 1;
                while (j < head && (TAG(p, j) == T_RB || TAG(p, j) == T_RBR))
                    j++;
                if (j <= head && TAG(p, j) == T_VBN)
                    v->flags |= VG_PERFECT;
            }
    }
    if (first_verb >= 0 && !(v->flags & VG_INF)) {
        int ft = TAG(p, (uint32_t)first_verb);
        if (ft == T_VBD)
            v->tense = TENSE_PAST;
        else if (ft == T_VBZ || ft == T_VBP)
            v->tense = TENSE_PRESENT;
        else if (ft == T_MD)
            v->tense = (v->flags & VG_FUTURE) ? TENSE_FUTURE : TENSE_NONE;
        else if ((ft == T_VBG || ft == T_VBN) && (uint32_t)first_verb == head)
            v->flags |= VG_PART;
        if ((ft == T_VBN || ft == T_VBD) && (uint32_t)first_verb == head && ft == T_VBN)
            v->flags |= VG_PASSIVE;  /* a bare past participle is passive (reduced) */
        else if (ft == T_VB && (uint32_t)first_verb == head)
            v->tense = TENSE_PRESENT; /* imperative or subjunctive; fixed later */
    }
    if (wcls(p, head) & WC_BE && !(v->flags & (VG_PASSIVE | VG_PROGRESSIVE)))
        v->flags |= VG_COPULA;
    if (lcls(p, v->lemma) & WC_SPEECH)
        v->flags |= VG_SPEECH;
    for (uint32_t i = a; i < b; i++)
        syn->tok_vg[i] = (int32_t)syn->nvg;
    (void)t;
    syn->nvg++;
    return 0;
}

static int chunk_vgs(pctx *p)
{
    dy_syn *syn = p->syn;
    uint32_t i = p->first;
    while (i < p->end) {
        int tg = TAG(p, i);
        if (syn->tok_np[i] >= 0) {
            i++;
            continue;
        }
        int starts = tg == T_MD || dy_tag_is_verb(tg);
        if (starts && IS(p, i, "according") && IS(p, i + 1, "to"))
            starts = 0; /* a frame of its own (sentence_roles) */
        if (tg == T_TO) {
            uint32_t j = i + 1;
            while (j < p->end && (TAG(p, j) == T_RB) && syn->tok_np[j] < 0)
                j++;
            starts = j < p->end && TAG(p, j) == T_VB;
        }
        if ((tg == T_RB) && (wcls(p, i) & WC_NEG)) {
            uint32_t j = i + 1;
            while (j < p->end && TAG(p, j) == T_RB)
                j++;
            starts = j < p->end && (dy_tag_is_verb(TAG(p, j)) || TAG(p, j) == T_TO) &&
                     TAG(p, j) != T_VBN && 0;
        }
        if (!starts) {
            i++;
            continue;
        }
        uint32_t a = i, j = i, head = i;
        int have_main = 0;  /* a non-auxiliary verb is in the group */
        int nverbs = 0;
        if (tg == T_TO)
            j++;
        while (j < p->end) {
            int t2 = TAG(p, j);
            if (t2 == T_MD) {
                if (nverbs > 0)
                    break;
                head = j;
                nverbs++;
                j++;
                continue;
            }
            if (dy_tag_is_verb(t2)) {
                if (have_main)
                    break;
                if (nverbs > 0) {
                    /* continue only after an auxiliary that takes this form */
                    uint32_t h = head;
                    uint32_t c = wcls(p, h);
                    int ok = 0;
                    if (TAG(p, h) == T_MD || (c & WC_DO))
                        ok = t2 == T_VB;
                    else if (c & WC_HAVE)
                        ok = t2 == T_VBN || (t2 == T_VBD && 1);
                    else if (c & (WC_BE | WC_GET))
                        ok = t2 == T_VBN || t2 == T_VBG || t2 == T_VBD;
                    if (TAG(p, a) == T_TO && nverbs == 0)
                        ok = 1;
                    if (!ok)
                        break;
                }
                head = j;
                nverbs++;
                if (!is_aux_word(p, j))
                    have_main = 1;
                j++;
                continue;
            }
            if ((t2 == T_RB || t2 == T_RBR) && !have_main) {
                /* adverbs between auxiliaries and the verb: has so far failed */
                uint32_t k = j;
                while (k < p->end && (TAG(p, k) == T_RB || TAG(p, k) == T_RBR) &&
                       syn->tok_np[k] < 0)
                    k++;
                if (k < p->end && (dy_tag_is_verb(TAG(p, k))) && (nverbs > 0 || TAG(p, a) == T_TO) &&
                    syn->tok_np[k] < 0) {
                    j = k;
                    continue;
                }
                break;
            }
            break;
        }
        /* a not-auxiliary check: the last verb is the head even if it is be/have */
        uint32_t end = j;
        /* particles: carry out, pull back */
        if (end < p->end && TAG(p, end) == T_RP)
            end++;
        /* negation right after the group's first auxiliary is inside (did not),
         * a trailing "not" is not */
        if (push_vg(p, a, end, head))
            return -1;
        i = end;
    }
    return 0;
}

/* Question inversion: an auxiliary alone, then an NP, then the bare verb:
 * "Did Russia attack ...?" -> one group with the NP as subject. */
static void merge_inversions(pctx *p)
{
    dy_syn *syn = p->syn;
    for (uint32_t v = p->vg0; v + 1 < syn->nvg; v++) {
        dy_vg *a = &syn->vg[v], *b = &syn->vg[v + 1];
        if (a->first != a->head || !is_aux_word(p, a->head) || (a->flags & VG_INF))
            continue;
        int32_t n = a->end < p->end ? syn->tok_np[a->end] : -1;
        if (n < 0 || syn->np[n].end != b->first)
            continue;
        int bt = TAG(p, b->head);
        if (!(bt == T_VB || bt == T_VBN || bt == T_VBG) || b->first != b->head)
            continue;
        if (TAG(p, p->first) != TAG(p, a->first) && !(a->first > p->first && TAG(p, a->first - 1) == T_WRB) &&
            !(a->first > p->first && (TAG(p, a->first - 1) == T_WP || TAG(p, a->first - 1) == T_WDT)))
            continue; /* only at the start of a clause */
        uint32_t head = b->head;
        uint32_t flags = a->flags & (VG_NEG | VG_FUTURE | VG_MODAL);
        uint8_t tense = a->tense;
        int32_t neg = a->neg_tok;
        uint32_t afirst = a->first, bend = b->end;
        int prev_be = (wcls(p, a->head) & (WC_BE | WC_GET)) != 0;
        int prev_have = (wcls(p, a->head) & WC_HAVE) != 0;
        /* rebuild b in place of a */
        *a = *b;
        a->first = afirst;
        a->end = bend;
        a->head = head;
        a->flags = (a->flags & ~(VG_PART | VG_COPULA)) | flags | VG_QUESTION;
        a->flags &= ~VG_PASSIVE;
        if (prev_be && bt == T_VBN)
            a->flags |= VG_PASSIVE;
        if (prev_be && bt == T_VBG)
            a->flags |= VG_PROGRESSIVE;
        if (prev_have && bt == T_VBN)
            a->flags |= VG_PERFECT;
        if (neg >= 0)
            a->neg_tok = neg;
        a->tense = tense;
        a->subj = n;
        for (uint32_t k = b->first; k < b->end; k++)
            syn->tok_vg[k] = (int32_t)v;
        memmove(&syn->vg[v + 1], &syn->vg[v + 2], (syn->nvg - v - 2) * sizeof *syn->vg);
        syn->nvg--;
        for (uint32_t k = p->first; k < p->end; k++)
            if (syn->tok_vg[k] > (int32_t)v)
                syn->tok_vg[k]--;
    }
}

/* ---- roles ---- */

static uint32_t np_chain_end(const pctx *p, int32_t n);

static int is_boundary(const pctx *p, uint32_t i)
{
    int tg = TAG(p, i);
    if (tg == T_PUNCT_COLON || tg == T_PUNCT_END)
        return 1;
    if (tg == T_IN && (wcls(p, i) & WC_SUBORD))
        return 1;
    if (tg == T_IN && IS(p, i, "that"))
        return 1;
    if (tg == T_WRB)
        return 1;
    return 0;
}

/* The head NP of a chain: a possessed NP for its possessor, the NP before
 * "of" for an of-object. */
static int32_t chain_head(const pctx *p, int32_t n)
{
    const dy_syn *syn = p->syn;
    for (int guard = 0; guard < 64 && n >= 0; guard++) {
        const dy_np *np = &syn->np[n];
        if (np->flags & NP_POSSESSOR) {
            if (n + 1 < (int32_t)syn->nnp && syn->np[n + 1].poss == n) {
                n = n + 1;
                continue;
            }
            return n;
        }
        break;
    }
    /* walk left over "of" */
    for (int guard = 0; guard < 64 && n >= 0; guard++) {
        const dy_np *np = &syn->np[n];
        if (np->first >= p->first + 2 && IS(p, np->first - 1, "of")) {
            int32_t m = syn->tok_np[np->first - 2];
            if (m >= 0 && syn->np[m].of == n) {
                n = m;
                continue;
            }
        }
        if (np->poss >= 0 && (uint32_t)np->poss < syn->nnp) {
            /* keep the possessed NP */
        }
        break;
    }
    return n;
}

/* Leftmost NP of a chain that starts at NP n's left side (possessors). */
static uint32_t chain_first_tok(const pctx *p, int32_t n)
{
    const dy_syn *syn = p->syn;
    uint32_t f = syn->np[n].first;
    int32_t q = syn->np[n].poss;
    for (int guard = 0; guard < 16 && q >= 0; guard++) {
        f = syn->np[q].first;
        q = syn->np[q].poss;
    }
    return f;
}

/* Is NP n (with its of-chain) directly followed by a finite verb group? */
static int np_before_finite(const pctx *p, int32_t n)
{
    const dy_syn *syn = p->syn;
    uint32_t e = np_chain_end(p, n);
    while (e < p->end && TAG(p, e) == T_RB && syn->tok_vg[e] < 0)
        e++;
    if (e >= p->end || syn->tok_vg[e] < 0)
        return 0;
    const dy_vg *v = &syn->vg[syn->tok_vg[e]];
    return v->first == e && is_finite_tag(TAG(p, v->first)) && !(v->flags & VG_INF);
}

static int np_is_bare(const pctx *p, int32_t n)
{
    uint32_t f = chain_first_tok(p, n);
    if (f <= p->first)
        return 1;
    int tg = TAG(p, f - 1);
    if (tg == T_IN && ((wcls(p, f - 1) & WC_SUBORD) || IS(p, f - 1, "that")))
        return 1;
    if (tg == T_IN && (IS(p, f - 1, "as") || IS(p, f - 1, "like") || IS(p, f - 1, "than")) &&
        np_before_finite(p, n))
        return 1; /* as he arrived: a clause */
    return !(tg == T_IN || tg == T_TO);
}

/* First conjunct of a coordination that contains n. */
static int32_t conj_first(const pctx *p, int32_t n)
{
    const dy_syn *syn = p->syn;
    for (int guard = 0; guard < 16; guard++) {
        int found = 0;
        for (int32_t m = n - 1; m >= (int32_t)p->np0 && m >= n - 8; m--)
            if (syn->np[m].conj == n) {
                n = m;
                found = 1;
                break;
            }
        if (!found)
            break;
    }
    return n;
}

/* The NP that starts exactly at token i (following a possessor chain to the
 * possessed NP), or -1. */
static int32_t np_starting(const pctx *p, uint32_t i)
{
    const dy_syn *syn = p->syn;
    if (i >= p->end)
        return -1;
    int32_t n = syn->tok_np[i];
    if (n < 0 || syn->np[n].first != i)
        return -1;
    for (int guard = 0; guard < 16; guard++) {
        if ((syn->np[n].flags & NP_POSSESSOR) && n + 1 < (int32_t)syn->nnp &&
            syn->np[n + 1].poss == n)
            n++;
        else
            break;
    }
    return n;
}

/* Token after the NP n and its of-chain. */
static uint32_t np_chain_end(const pctx *p, int32_t n)
{
    const dy_syn *syn = p->syn;
    for (int guard = 0; guard < 16 && syn->np[n].of >= 0; guard++)
        n = syn->np[n].of;
    return syn->np[n].end;
}

/* Search leftwards from token i for the subject of a clause. Returns an NP
 * index, -1 when none, or -2 when a coordinating conjunction (or a comma list)
 * says the subject is shared with the previous verb group. */
static int32_t find_subject(const pctx *p, uint32_t i)
{
    const dy_syn *syn = p->syn;
    /* a verb group inside a relative clause or apposition searches inside it */
    int inskip = i < p->end && (syn->tok_aux[i] & AX_SKIP);
    int32_t best = -1;
    int stepped = 0;    /* stepped over a participle or infinitive phrase */
    while (i > p->first) {
        uint32_t j = i - 1;
        const dy_tok *k = &p->t->tok[j];
        int tg = k->tag;
        if ((syn->tok_aux[j] & AX_SKIP) && !inskip) {
            i = j;
            continue;
        }
        if (inskip && !(syn->tok_aux[j] & AX_SKIP))
            break;
        if (syn->tok_vg[j] >= 0) {
            const dy_vg *v = &syn->vg[syn->tok_vg[j]];
            if (v->flags & (VG_PART | VG_INF)) {
                /* participial/infinitival phrase: step over (troops fighting in X) */
                i = v->first;
                stepped = 1;
                continue;
            }
            break;
        }
        if (syn->tok_np[j] >= 0) {
            int32_t n = syn->tok_np[j];
            int32_t h = chain_head(p, n);
            uint32_t f = chain_first_tok(p, h);
            if (syn->np[h].first < f)
                f = syn->np[h].first;
            if ((syn->np[h].flags & NP_REL)) {
                /* a relative pronoun: the relative pass linked it; one with no
                 * antecedent is a plain pronoun ("that will be a priority") */
                if (syn->np[h].first > p->first && syn->tok_np[syn->np[h].first - 1] < 0 &&
                    TAG(p, syn->np[h].first - 1) != T_PUNCT_COMMA)
                    return h;
                return -3;
            }
            if (f > p->first && syn->tok_vg[f - 1] >= 0 &&
                (syn->vg[syn->tok_vg[f - 1]].flags & (VG_PART | VG_INF)) &&
                !(syn->vg[syn->tok_vg[f - 1]].flags & VG_SPEECH)) {
                i = f; /* the object of a participle or infinitive (not: as
                          saying [the plan] had failed) */
                continue;
            }
            if ((syn->np[h].flags & NP_TIME) && f > p->first && syn->tok_np[f - 1] >= 0 &&
                !(syn->np[syn->tok_np[f - 1]].flags & (NP_TIME | NP_POSSESSOR))) {
                i = f; /* Brazilian farm leaders [Monday] called */
                continue;
            }
            if (np_is_bare(p, h) && !((syn->np[h].flags & NP_TIME) && f + 0 < p->end &&
                                        np_chain_end(p, h) < p->end &&
                                        TAG(p, np_chain_end(p, h)) == T_PUNCT_COMMA)) {
                best = conj_first(p, h);
                /* the leaders of France and Germany: a coordinated of-object */
                int32_t h2 = chain_head(p, best);
                if (h2 != best)
                    best = h2;
                return best;
            }
            if (syn->np[h].first > p->first && TAG(p, chain_first_tok(p, h) - 1) == T_CC) {
                int32_t c = conj_first(p, h);
                int32_t h2 = chain_head(p, c);
                if (c != h && h2 != c && np_is_bare(p, h2))
                    return h2;
            }
            i = f;
            continue;
        }
        if (tg == T_CC)
            return best >= 0 ? best : stepped ? -1 : -2;
        if (is_boundary(p, j))
            break;
        if (tg == T_LQUOTE || tg == T_RQUOTE) {
            if (i == p->first + 1)
                break;
            i = j;
            continue;
        }
        if (tg == T_PUNCT_COMMA) {
            /* "X, Y said"? keep going only if nothing was found */
            i = j;
            continue;
        }
        i = j;
    }
    return best;
}

static int add_pp(pctx *p, dy_vg *v, uint32_t prep, int32_t np)
{
    dy_syn *syn = p->syn;
    if (DY_GROW(syn->pp, syn->pp_cap, syn->npp + 1))
        return -1;
    syn->pp[syn->npp].prep = prep;
    syn->pp[syn->npp].np = np;
    syn->npp++;
    v->npp++;
    return 0;
}

/* Objects and prepositional objects after a verb group; returns the token
 * where its clause material stops. */
static int right_roles(pctx *p, int32_t vi, uint32_t *stop)
{
    dy_syn *syn = p->syn;
    dy_vg *v = &syn->vg[vi];
    v->pp_first = (uint32_t)syn->npp;
    v->npp = 0;
    uint32_t i = v->end;
    while (i < p->end && (TAG(p, i) == T_RB || TAG(p, i) == T_RBR) && syn->tok_np[i] < 0 &&
           syn->tok_vg[i] < 0)
        i++;
    int32_t n = np_starting(p, i);
    if (n >= 0 && !(syn->np[n].flags & NP_REL)) {
        uint32_t e = np_chain_end(p, n);
        /* said Russia attacked: a clause, not an object */
        int32_t after_vg = e < p->end ? syn->tok_vg[e] : -1;
        int clause = after_vg >= 0 && is_finite_tag(TAG(p, syn->vg[after_vg].first)) &&
                     !(syn->vg[after_vg].flags & VG_INF);
        if (clause) {
            *stop = i;
            return 1; /* the caller links the complement clause */
        }
        int timeadv = (syn->np[n].flags & NP_TIME) &&
                      (IS(p, syn->np[n].first, "this") || IS(p, syn->np[n].first, "last") ||
                       IS(p, syn->np[n].first, "next") || syn->np[n].first == syn->np[n].head);
        if (timeadv && !(v->flags & VG_PASSIVE) && e < p->end) {
            /* rejected Thursday a United Nations appeal */
            int32_t n2 = np_starting(p, e);
            uint32_t e2 = n2 >= 0 ? np_chain_end(p, n2) : e;
            int32_t av = e2 < p->end ? syn->tok_vg[e2] : -1;
            if (n2 >= 0 && !(syn->np[n2].flags & (NP_TIME | NP_REL)) &&
                !(av >= 0 && is_finite_tag(TAG(p, syn->vg[av].first)))) {
                v->obj = n2;
                e = e2;
            }
        } else if (!timeadv && !(v->flags & VG_PASSIVE)) {
            v->obj = n;
            /* gave Ukraine weapons / told reporters: a second bare NP */
            uint32_t k = e;
            int32_t n2 = np_starting(p, k);
            if (n2 >= 0 && !(syn->np[n2].flags & (NP_TIME | NP_REL)) &&
                (lcls(p, v->lemma) & WC_DITRANS) && !(syn->np[n].flags & NP_TIME)) {
                v->iobj = n;
                v->obj = n2;
                e = np_chain_end(p, n2);
            }
        }
        i = e;
    }
    /* prepositional phrases until the clause ends */
    while (i < p->end) {
        int tg = TAG(p, i);
        if (syn->tok_vg[i] >= 0 || tg == T_CC || tg == T_PUNCT_COMMA || is_boundary(p, i) ||
            tg == T_LQUOTE || tg == T_RQUOTE || tg == T_LRB)
            break;
        if ((tg == T_IN || tg == T_TO) && !IS(p, i, "of") && !(wcls(p, i) & WC_SUBORD)) {
            int32_t m = np_starting(p, i + 1);
            if (m >= 0 && (IS(p, i, "as") || IS(p, i, "like") || IS(p, i, "than")) &&
                np_before_finite(p, m))
                break; /* as some countries are struggling */
            if (m >= 0) {
                if ((v->flags & VG_PASSIVE) && IS(p, i, "by") && v->agent < 0)
                    v->agent = m;
                else if (add_pp(p, v, i, m))
                    return -1;
                i = np_chain_end(p, m);
                continue;
            }
            if (i + 1 < p->end && syn->tok_vg[i + 1] >= 0)
                break;
        }
        if (syn->tok_np[i] >= 0) {
            i = syn->np[syn->tok_np[i]].end;
            continue;
        }
        i++;
    }
    *stop = i;
    return 0;
}

/* The ")" that closes the "(" at token i within 10 tokens of one sentence,
 * or i when there is none. */
static uint32_t bracket_end(const pctx *p, uint32_t i)
{
    for (uint32_t k = i + 1; k < p->end && k <= i + 10; k++) {
        if (TAG(p, k) == T_RRB)
            return k;
        if (TAG(p, k) == T_LRB || TAG(p, k) == T_PUNCT_END)
            break;
    }
    return i;
}

/* Mark relative clauses and appositions as skipped for the outer clause and
 * link them. Relative clause verb groups get VG_RELATIVE and subject/object
 * from the antecedent. */
static void mark_relatives(pctx *p)
{
    dy_syn *syn = p->syn;
    /* a bracket right after an NP, "The Ceasefire Violations Committee
     * (CFVC) has completed": skipped for the outer clause; a name alone in
     * it is an apposition of that NP */
    for (uint32_t i = p->first + 1; i < p->end; i++) {
        if (TAG(p, i) != T_LRB || syn->tok_np[i - 1] < 0)
            continue;
        uint32_t e = bracket_end(p, i);
        if (e == i)
            continue;
        for (uint32_t k = i; k <= e; k++)
            syn->tok_aux[k] |= AX_SKIP;
        int32_t b = syn->tok_np[i + 1 < e ? i + 1 : i];
        int32_t a = chain_head(p, syn->tok_np[i - 1]);
        if (b >= 0 && syn->np[b].first == i + 1 && syn->np[b].end == e &&
            (syn->np[b].flags & NP_PROPER) && a >= 0 && syn->np[a].appos < 0 &&
            !(syn->np[a].flags & (NP_PRONOUN | NP_TIME | NP_NUMBER))) {
            syn->np[a].appos = b;
            syn->np[b].appos = a;
            syn->np[b].flags |= NP_APPOS;
        }
    }
    for (uint32_t n = p->np0; n < syn->nnp; n++) {
        dy_np *rp = &syn->np[n];
        if (!(rp->flags & NP_REL))
            continue;
        uint32_t w = rp->first;
        /* antecedent: the NP right before (maybe after a comma) */
        uint32_t b = w;
        int comma = 0;
        if (b > p->first && TAG(p, b - 1) == T_PUNCT_COMMA) {
            comma = 1;
            b--;
        }
        if (b <= p->first || syn->tok_np[b - 1] < 0)
            continue;
        /* "that" after a speech verb's object is a complementizer */
        if (IS(p, w, "that") && !comma) {
            int32_t an = syn->tok_np[b - 1];
            uint32_t f = chain_first_tok(p, chain_head(p, an));
            if (f > p->first && syn->tok_vg[f - 1] >= 0 &&
                (syn->vg[syn->tok_vg[f - 1]].flags & VG_SPEECH))
                continue;
        }
        int32_t ante = chain_head(p, syn->tok_np[b - 1]);
        /* an of-object antecedent: "the head of the alliance, who" -> the head */
        /* the relative verb group: the next one after w */
        int32_t rv = -1;
        for (uint32_t k = w + 1; k < p->end; k++)
            if (syn->tok_vg[k] >= 0 && !(syn->vg[syn->tok_vg[k]].flags & (VG_PART | VG_INF))) {
                rv = syn->tok_vg[k];
                break;
            }
        if (rv < 0)
            continue;
        dy_vg *v = &syn->vg[rv];
        v->flags |= VG_RELATIVE;
        syn->np[ante].rel = rv;
        if (v->first == w + 1 || (v->first > w + 1 && TAG(p, w + 1) == T_RB)) {
            v->subj = ante; /* who took the helm */
        } else {
            /* which Russia captured: the subject is the first bare NP after
             * the pronoun (an apposition or participle phrase may follow it) */
            for (uint32_t k = w + 1; k < v->first; k++) {
                int32_t m = syn->tok_np[k];
                if (m < 0 || syn->np[m].first != k)
                    continue;
                int32_t h = chain_head(p, m);
                if (np_is_bare(p, h)) {
                    v->subj = h;
                    break;
                }
            }
            v->obj = ante;
            if (v->flags & VG_PASSIVE)
                v->subj = ante, v->obj = -1;
        }
        /* span end: the next comma after the verb group (non-restrictive) or
         * the next finite verb group */
        uint32_t e = v->end;
        for (; e < p->end; e++) {
            if (TAG(p, e) == T_PUNCT_COMMA) {
                e += comma;
                break;
            }
            if (TAG(p, e) == T_LQUOTE || TAG(p, e) == T_RQUOTE)
                break;
            if (!comma && syn->tok_vg[e] >= 0 && syn->tok_vg[e] != rv &&
                is_finite_tag(TAG(p, syn->vg[syn->tok_vg[e]].first)))
                break;
            if (TAG(p, e) == T_PUNCT_END || TAG(p, e) == T_PUNCT_COLON)
                break;
        }
        for (uint32_t k = comma ? b : w; k < e; k++)
            syn->tok_aux[k] |= AX_SKIP;
    }
    /* appositions: NP1 , NP2 [of/PP ...] , VG  |  NP1 , NP2 . */
    for (uint32_t n = p->np0; n < syn->nnp; n++) {
        dy_np *a = &syn->np[n];
        if (a->flags & (NP_POSSESSOR | NP_REL | NP_PRONOUN | NP_TIME))
            continue;
        if (a->first > p->first && (IS(p, a->first - 1, "of")))
            continue;
        uint32_t c1 = np_chain_end(p, (int32_t)n);
        if (c1 < p->end && TAG(p, c1) == T_LRB && bracket_end(p, c1) > c1)
            c1 = bracket_end(p, c1) + 1; /* The Nigerian Union of Teachers (NUT), the ... */
        if (c1 + 1 >= p->end || TAG(p, c1) != T_PUNCT_COMMA)
            continue;
        int32_t b = np_starting(p, c1 + 1);
        if (b < 0 || (syn->np[b].flags & (NP_REL | NP_PRONOUN | NP_TIME | NP_NUMBER)))
            continue;
        if (syn->tok_aux[c1 + 1] & AX_SKIP)
            continue;
        /* NP2 and its PPs */
        uint32_t e = np_chain_end(p, b);
        for (;;) {
            if (e + 1 < p->end && TAG(p, e) == T_IN && np_starting(p, e + 1) >= 0 &&
                !(wcls(p, e) & WC_SUBORD))
                e = np_chain_end(p, np_starting(p, e + 1));
            else if (e < p->end && TAG(p, e) == T_LRB && bracket_end(p, e) > e)
                e = bracket_end(p, e) + 1;
            else
                break;
        }
        int ok = 0;
        if (e < p->end && TAG(p, e) == T_PUNCT_COMMA && e + 1 < p->end) {
            uint32_t k = e + 1;
            while (k < p->end && TAG(p, k) == T_RB)
                k++;
            ok = k < p->end && syn->tok_vg[k] >= 0 &&
                 is_finite_tag(TAG(p, syn->vg[syn->tok_vg[k]].first));
        } else if (e >= p->end || TAG(p, e) == T_PUNCT_END) {
            ok = 1;
        }
        /* one side should be a name or a description with a determiner */
        int aname = (a->flags & NP_PROPER) != 0, bname = (syn->np[b].flags & NP_PROPER) != 0;
        int bdesc = (syn->np[b].flags & NP_DEF) || syn->np[b].poss >= 0 ||
                    IS(p, syn->np[b].first, "a") || IS(p, syn->np[b].first, "an") ||
                    !bname;
        if (!ok || !(aname || bname) || (aname && bname && !bdesc))
            continue;
        a->appos = b;
        syn->np[b].appos = (int32_t)n;
        syn->np[b].flags |= NP_APPOS;
        uint32_t last = (e < p->end && TAG(p, e) == T_PUNCT_COMMA) ? e + 1 : e;
        for (uint32_t k = c1; k < last && k < p->end; k++)
            syn->tok_aux[k] |= AX_SKIP;
    }
}

static int speech_vg(const pctx *p, int32_t v)
{
    return v >= 0 && (p->syn->vg[v].flags & VG_SPEECH);
}

static void set_reported(pctx *p, int32_t v, int32_t parent)
{
    dy_vg *g = &p->syn->vg[v];
    g->flags |= VG_REPORTED;
    if (g->parent < 0)
        g->parent = parent;
}

static int sentence_roles(pctx *p)
{
    dy_syn *syn = p->syn;
    uint32_t v0 = p->vg0, v1 = (uint32_t)syn->nvg;
    int question = 0;
    uint8_t qstate = 0;
    for (uint32_t i = p->end; i > p->first; i--) {
        int tg = TAG(p, i - 1);
        if (tg == T_RQUOTE || tg == T_RRB)
            continue;
        if (tg == T_PUNCT_END && IS(p, i - 1, "?")) {
            question = 1;
            qstate = syn->tok_aux[i - 1] & AX_QUOTE;
        }
        break;
    }
    /* "according to X" */
    for (uint32_t i = p->first; i + 2 < p->end; i++) {
        if (!(IS(p, i, "according") && IS(p, i + 1, "to")))
            continue;
        int32_t n = np_starting(p, i + 2);
        if (n < 0 || syn->tok_vg[i] >= 0)
            continue;
        if (DY_GROW(syn->vg, syn->vg_cap, syn->nvg + 1))
            return -1;
        dy_vg *v = &syn->vg[syn->nvg];
        memset(v, 0, sizeof *v);
        v->first = i;
        v->end = i + 2;
        v->head = i;
        v->lemma = p->tg ? p->tg->id_say : 0;
        v->flags = VG_SPEECH | VG_ACCORDING;
        v->subj = conj_first(p, n);
        v->obj = v->agent = v->xcomp = v->parent = v->conj = v->iobj = v->neg_tok = -1;
        v->sent = p->s;
        v->pp_first = (uint32_t)syn->npp;
        v->tense = TENSE_PRESENT;
        uint32_t e = np_chain_end(p, n);
        syn->tok_vg[i] = syn->tok_vg[i + 1] = (int32_t)syn->nvg;
        syn->nvg++;
        /* the phrase is set off from the clause it qualifies */
        for (uint32_t k = i; k < e && k < p->end; k++)
            syn->tok_aux[k] |= AX_SKIP;
        if (e < p->end && TAG(p, e) == T_PUNCT_COMMA)
            syn->tok_aux[e] |= AX_SKIP;
        if (i > p->first && TAG(p, i - 1) == T_PUNCT_COMMA)
            syn->tok_aux[i - 1] |= AX_SKIP;
    }
    v1 = (uint32_t)syn->nvg;

    /* if-clauses */
    int hypo = 0;
    for (uint32_t i = p->first; i < p->end; i++) {
        if (IS(p, i, "if") || IS(p, i, "unless"))
            hypo = 1;
        else if (hypo && (TAG(p, i) == T_PUNCT_COMMA || IS(p, i, "then") || TAG(p, i) == T_PUNCT_END))
            hypo = 0;
        if (hypo)
            syn->tok_aux[i] |= AX_HYPO;
    }

    /* "secure funding and others balk": an object followed by "and NP VG" is
     * not coordinated with that NP, which starts a new clause (but after a
     * speech verb both are the subject of the reported clause: said [police]
     * and [troops] used) */
    for (uint32_t n = p->np0; n < syn->nnp; n++) {
        dy_np *np = &syn->np[n];
        if (np->conj < 0 || !np_before_finite(p, np->conj))
            continue;
        uint32_t f = chain_first_tok(p, chain_head(p, (int32_t)n));
        while (f > p->first && (TAG(p, f - 1) == T_RB))
            f--;
        if (f > p->first && syn->tok_vg[f - 1] >= 0 &&
            !(syn->vg[syn->tok_vg[f - 1]].flags & VG_SPEECH)) {
            syn->np[np->conj].flags &= ~NP_CONJ_TAIL;
            np->conj = -1;
        }
    }

    mark_relatives(p);

    int32_t last_main = -1;     /* last finite verb group of a main clause */
    for (uint32_t vi = v0; vi < v1; vi++) {
        dy_vg *v = &syn->vg[vi];
        if (v->flags & VG_ACCORDING)
            continue;
        if (syn->tok_aux[v->first] & AX_HYPO)
            v->flags |= VG_HYPOTHETICAL;
        if (question && (syn->tok_aux[v->head] & AX_QUOTE) == qstate)
            v->flags |= VG_QUESTION;
        int32_t prev = vi > v0 ? (int32_t)vi - 1 : -1;
        while (prev >= (int32_t)v0 && (syn->vg[prev].flags & VG_ACCORDING))
            prev--;
        uint32_t before = v->first; /* token just before the group, skipping adverbs */
        while (before > p->first && TAG(p, before - 1) == T_RB)
            before--;

        if (prev >= 0 && v->first == v->head && !(v->flags & VG_INF) &&
            (TAG(p, v->head) == T_VB || TAG(p, v->head) == T_VBG)) {
            /* help build, let them go (bare infinitive); keep supporting,
             * stop fighting (gerund complement) */
            dy_vg *pv = &syn->vg[prev];
            int adjacent = pv->end == before;
            int objadj = pv->obj >= 0 && np_chain_end(p, pv->obj) == before;
            uint32_t pc = lcls(p, pv->lemma);
            int bare = TAG(p, v->head) == T_VB && (pc & WC_BARE) && (adjacent || objadj);
            int ger = TAG(p, v->head) == T_VBG && adjacent && !(pv->flags & VG_COPULA) &&
                      !(wcls(p, pv->head) & (WC_BE | WC_HAVE | WC_GET | WC_DO));
            if (bare || ger) {
                if (pv->xcomp < 0)
                    pv->xcomp = (int32_t)vi;
                v->parent = prev;
                v->subj = objadj ? pv->obj : pv->subj;
                if (objadj) {
                    /* make X do: X is the subject, not the object */
                    pv->obj = -1;
                }
                if (bare)
                    v->flags |= VG_INF;
                else
                    v->flags |= VG_PART;
                v->tense = TENSE_NONE;
                v->flags |= pv->flags & (VG_FUTURE | VG_MODAL | VG_REPORTED | VG_HYPOTHETICAL |
                                          VG_QUESTION | VG_RELATIVE);
                if (pc & (WC_FAIL | WC_REFUSE | WC_INTENT | WC_CONTROL))
                    pv->flags |= VG_CONTROL;
                uint32_t stop0;
                if (right_roles(p, (int32_t)vi, &stop0) < 0)
                    return -1;
                continue;
            }
        }
        if ((v->flags & VG_INF) && prev < 0 && v->first > p->first &&
            syn->tok_np[v->first - 1] >= 0) {
            /* a headline "Kenya to send police to Haiti": the NP before is
             * the subject and the infinitive a future */
            int32_t n = chain_head(p, syn->tok_np[v->first - 1]);
            int finite = 0;
            for (uint32_t w = v0; w < v1; w++)
                finite |= is_finite_tag(TAG(p, syn->vg[w].first));
            if (!finite && chain_first_tok(p, n) == p->first) {
                v->subj = conj_first(p, n);
                v->flags |= VG_FUTURE;
                v->tense = TENSE_FUTURE;
                uint32_t stop0;
                if (right_roles(p, (int32_t)vi, &stop0) < 0)
                    return -1;
                last_main = (int32_t)vi;
                continue;
            }
        }
        if (v->flags & VG_INF) {
            /* to + VB: complement of the verb before it, or of its object */
            if (prev >= 0) {
                dy_vg *pv = &syn->vg[prev];
                int adjacent = pv->end == before || pv->end == v->first;
                int objctl = pv->obj >= 0 && np_chain_end(p, pv->obj) == before &&
                             (lcls(p, pv->lemma) & WC_OBJCTL);
                int purpose = !adjacent && !objctl;
                if (purpose && pv->obj >= 0 && np_chain_end(p, pv->obj) == before) {
                    /* convened a meeting to coordinate: purpose, same subject */
                    v->parent = prev;
                    v->subj = (pv->flags & VG_PASSIVE) ? pv->subj : pv->subj;
                    v->flags |= pv->flags & (VG_FUTURE | VG_MODAL | VG_REPORTED | VG_HYPOTHETICAL);
                    uint32_t stop0;
                    if (right_roles(p, (int32_t)vi, &stop0) < 0)
                        return -1;
                    continue;
                }
                if (adjacent || objctl) {
                    if (pv->xcomp < 0)
                        pv->xcomp = (int32_t)vi;
                    v->parent = prev;
                    v->subj = objctl ? pv->obj : pv->subj;
                    if (!objctl && (pv->flags & VG_PASSIVE) && pv->subj >= 0)
                        v->subj = pv->subj;
                    uint32_t c = lcls(p, pv->lemma);
                    if (c & WC_FAIL)
                        v->flags |= VG_FAILED;
                    if (c & WC_REFUSE)
                        v->flags |= VG_REFUSED;
                    if (c & WC_INTENT)
                        v->flags |= VG_INTENT;
                    /* did not manage to */
                    if ((pv->flags & VG_NEG) && p->tg && p->t->tok[pv->head].lemma &&
                        IS(p, pv->head, "manage"))
                        v->flags |= VG_FAILED;
                    if ((pv->flags & VG_NEG) && !(c & (WC_FAIL | WC_REFUSE)) &&
                        (c & (WC_INTENT | WC_CONTROL)))
                        v->flags |= VG_NEG;
                    if (c & (WC_FAIL | WC_REFUSE | WC_INTENT | WC_CONTROL))
                        pv->flags |= VG_CONTROL;
                    if ((wcls(p, pv->head) == 0 || 1) && IS(p, pv->head, "going") &&
                        (pv->flags & VG_PROGRESSIVE)) {
                        v->flags |= VG_FUTURE;
                        pv->flags |= VG_CONTROL;
                    }
                    if (pv->flags & VG_NEG && IS(p, pv->head, "manage"))
                        pv->flags |= VG_CONTROL;
                    v->flags |= pv->flags & (VG_FUTURE | VG_MODAL | VG_REPORTED |
                                              VG_HYPOTHETICAL | VG_QUESTION | VG_RELATIVE);
                    if (pv->flags & VG_REPORTED)
                        v->parent = prev;
                } else {
                    /* purpose or noun complement: "sent troops to protect" */
                    v->parent = prev;
                    v->subj = pv->subj;
                }
            }
            uint32_t stop;
            if (right_roles(p, (int32_t)vi, &stop) < 0)
                return -1;
            continue;
        }
        if (v->flags & VG_RELATIVE) {
            uint32_t stop;
            if (right_roles(p, (int32_t)vi, &stop) < 0)
                return -1;
            if (v->subj >= 0 && v->obj >= 0 && v->obj == v->subj)
                v->obj = -1;
            continue;
        }
        if ((v->flags & VG_PART) && v->first == v->head && TAG(p, v->head) == T_VBN &&
            last_main < 0 && before > p->first && (syn->tok_aux[before - 1] & AX_SKIP) &&
            !(v->end < p->end && IS(p, v->end, "by"))) {
            /* "The talks, which were mediated by Qatar, ended ...": after a
             * relative clause or apposition on the subject, a past form is
             * the main verb, not a participle */
            v->flags &= ~(VG_PART | VG_PASSIVE);
            v->tense = TENSE_PAST;
        }
        if ((v->flags & VG_PART) && v->first == v->head) {
            /* participle without auxiliary */
            int ptg = before > p->first ? TAG(p, before - 1) : T_NONE;
            int32_t pn = before > p->first ? syn->tok_np[before - 1] : -1;
            if (pn >= 0 && !(syn->tok_aux[before - 1] & AX_SKIP) && ptg != T_POS) {
                /* reduced relative: troops stationed in X, forces fighting in Y */
                int32_t h = chain_head(p, pn);
                v->subj = h;
                v->flags |= VG_RELATIVE;
                if (syn->np[h].rel < 0)
                    syn->np[h].rel = (int32_t)vi;
                if (TAG(p, v->head) == T_VBG)
                    v->flags &= ~VG_PASSIVE;
            } else if (last_main >= 0) {
                /* ", capturing the outpost" / "after meeting X" */
                v->subj = syn->vg[last_main].subj;
                v->parent = last_main;
                if (syn->vg[last_main].xcomp < 0 && TAG(p, v->head) == T_VBG &&
                    ptg == T_PUNCT_COMMA)
                    syn->vg[last_main].xcomp = (int32_t)vi;
                v->flags |= syn->vg[last_main].flags & (VG_REPORTED | VG_QUESTION);
            } else {
                v->parent = -2; /* resolved to the next main clause below */
            }
            if (TAG(p, v->head) == T_VBG)
                v->flags &= ~VG_PASSIVE;
            uint32_t stop;
            if (right_roles(p, (int32_t)vi, &stop) < 0)
                return -1;
            continue;
        }

        /* a finite (or imperative) verb group */
        if (v->subj < 0) {
            int32_t s = find_subject(p, v->first);
            if (s == -2 && coordinated_infinitive(p, prev, v)) {
                /* "called on both sides to agree to a truce and allow aid
                 * in": the base form after "and" continues the infinitive */
                dy_vg *pv = &syn->vg[prev];
                v->flags |= VG_INF | (pv->flags & (VG_FUTURE | VG_MODAL | VG_REPORTED |
                                                  VG_HYPOTHETICAL | VG_INTENT | VG_REFUSED |
                                                  VG_FAILED));
                v->tense = TENSE_NONE;
                v->subj = pv->subj;
                v->parent = pv->parent;
                pv->conj = (int32_t)vi;
                uint32_t stop1;
                if (right_roles(p, (int32_t)vi, &stop1) < 0)
                    return -1;
                continue;
            }
            if (s == -2 && prev >= 0) {
                /* attacked A and seized B: shared subject */
                int32_t pm = prev;
                while (pm >= (int32_t)v0 && (syn->vg[pm].flags & (VG_INF | VG_PART)) &&
                       syn->vg[pm].parent >= 0)
                    pm = syn->vg[pm].parent;
                /* said that X needs Y and reiterated Z: a conjunct whose tense
                 * matches the governing verb rather than the complement */
                for (int guard = 0; guard < 8 && pm >= (int32_t)v0; guard++) {
                    int32_t up = syn->vg[pm].parent;
                    if (up < (int32_t)v0 || syn->vg[pm].tense == v->tense ||
                        syn->vg[up].tense != v->tense || v->tense == TENSE_NONE)
                        break;
                    pm = up;
                }
                if (pm >= (int32_t)v0) {
                    v->subj = syn->vg[pm].subj;
                    syn->vg[pm].conj = (int32_t)vi;
                    v->flags |= syn->vg[pm].flags & (VG_REPORTED | VG_RELATIVE);
                    if (syn->vg[pm].parent >= 0 && v->parent < 0)
                        v->parent = syn->vg[pm].parent;
                }
            } else if (s == -3) {
                s = -1;
            } else if (s >= 0) {
                v->subj = s;
            }
        }
        /* a complement clause: X said (that) Y attacked */
        if (prev >= 0 && v->parent < 0) {
            uint32_t k = before;
            int that = 0;
            if (v->subj >= 0) {
                uint32_t f = chain_first_tok(p, v->subj);
                if (f < k)
                    k = f;
                /* "said X and Y must ...": the clause's subject is the whole
                 * coordination, not an object of the speech verb */
                for (int n = 0; n < 4 && k > p->first + 1 && v->subj == syn->tok_np[k] &&
                                (TAG(p, k - 1) == T_CC || TAG(p, k - 1) == T_PUNCT_COMMA) &&
                                syn->tok_np[k - 2] >= 0;
                     n++) {
                    int32_t c0 = chain_head(p, syn->tok_np[k - 2]);
                    if (c0 < 0)
                        break;
                    if (syn->np[c0].conj != v->subj) {
                        /* read as clauses joined ("said X and Y must"), but a
                         * speech verb takes no bare name as its object */
                        const dy_vg *sv = &syn->vg[prev];
                        if (!(sv->flags & VG_SPEECH) || sv->obj != c0 || TAG(p, k - 1) != T_CC ||
                            !(syn->np[c0].flags & NP_PROPER) || syn->np[c0].conj >= 0)
                            break;
                        syn->np[c0].conj = v->subj;
                        syn->np[v->subj].flags |= NP_CONJ_TAIL;
                    }
                    v->subj = c0;
                    k = chain_first_tok(p, c0);
                }
            }
            while (k > p->first && (TAG(p, k - 1) == T_LQUOTE || TAG(p, k - 1) == T_RQUOTE ||
                                    TAG(p, k - 1) == T_PUNCT_COLON))
                k--;
            if (k > p->first && (IS(p, k - 1, "that") || IS(p, k - 1, "whether")) &&
                TAG(p, k - 1) == T_IN) {
                k--;
                that = 1;
            }
            /* the governing verb group ends right before (an object may sit
             * between); a relative clause in between does not count */
            int32_t gv = prev;
            if (k > p->first && syn->tok_vg[k - 1] >= 0)
                gv = syn->tok_vg[k - 1];
            else if (k > p->first && syn->tok_np[k - 1] >= 0) {
                uint32_t f = chain_first_tok(p, chain_head(p, syn->tok_np[k - 1]));
                if (f > p->first && syn->tok_vg[f - 1] >= 0)
                    gv = syn->tok_vg[f - 1];
            }
            if (gv == (int32_t)vi)
                gv = prev;
            dy_vg *pv = &syn->vg[gv];
            prev = gv;
            int adjacent = pv->end == k;
            if (!adjacent && pv->obj >= 0 && np_chain_end(p, pv->obj) == k &&
                (pv->flags & VG_SPEECH))
                adjacent = 1; /* told reporters (that) ... */
            if (!adjacent && pv->iobj >= 0 && np_chain_end(p, pv->iobj) == k)
                adjacent = 1;
            if (adjacent && (that || (pv->flags & VG_SPEECH) || (pv->end == k && v->subj >= 0))) {
                v->parent = prev;
                if (pv->flags & VG_SPEECH)
                    v->flags |= VG_REPORTED;
                else if (pv->flags & VG_REPORTED)
                    v->flags |= VG_REPORTED;
                if (pv->obj >= 0 && pv->obj == v->subj)
                    pv->obj = -1;
            }
        }
        uint32_t stop;
        int r = right_roles(p, (int32_t)vi, &stop);
        if (r < 0)
            return -1;
        if (v->flags & VG_PASSIVE) {
            /* the grammatical subject is the patient; keep it as subj and the
             * agent separately (consumers swap roles for passives) */
        }
        /* inversion: "...," said X / said X, "..." */
        if (v->subj < 0 && (v->flags & VG_SPEECH)) {
            int32_t n = np_starting(p, v->end);
            if (n >= 0 && !(syn->np[n].flags & NP_TIME)) {
                v->subj = conj_first(p, n);
                if (v->obj == n)
                    v->obj = -1;
            }
        }
        if (v->subj < 0 && TAG(p, v->head) == T_VB && !(v->flags & (VG_MODAL | VG_FUTURE))) {
            uint32_t k = v->first;
            while (k > p->first && (TAG(p, k - 1) == T_RB || TAG(p, k - 1) == T_LQUOTE))
                k--;
            if (k == p->first || TAG(p, k - 1) == T_LQUOTE || TAG(p, k - 1) == T_PUNCT_COLON)
                v->flags |= VG_IMPERATIVE;
        }
        if (!(v->flags & (VG_RELATIVE)) && v->parent < 0)
            last_main = (int32_t)vi;
        else if (v->parent >= 0)
            last_main = (int32_t)vi;
    }
    /* sentence-initial participles take the subject of the next main clause */
    for (uint32_t vi = v0; vi < v1; vi++) {
        dy_vg *v = &syn->vg[vi];
        if (v->parent != -2)
            continue;
        v->parent = -1;
        for (uint32_t w = vi + 1; w < v1; w++)
            if (!(syn->vg[w].flags & (VG_PART | VG_INF | VG_RELATIVE | VG_ACCORDING))) {
                v->subj = syn->vg[w].subj;
                v->parent = (int32_t)w;
                break;
            }
    }
    /* reported speech: quotations, complements of speech verbs, according to */
    int32_t speech_out = -1, according = -1;
    for (uint32_t vi = v0; vi < v1; vi++) {
        dy_vg *v = &syn->vg[vi];
        if ((v->flags & VG_ACCORDING) && according < 0)
            according = (int32_t)vi;
        else if (speech_vg(p, (int32_t)vi) && !(syn->tok_aux[v->head] & AX_QUOTE) &&
                 speech_out < 0 && !(v->flags & VG_REPORTED))
            speech_out = (int32_t)vi;
    }
    for (uint32_t vi = v0; vi < v1; vi++) {
        dy_vg *v = &syn->vg[vi];
        if (syn->tok_aux[v->head] & AX_QUOTE) {
            v->flags |= VG_REPORTED;
            if (speech_out >= 0 && v->parent < 0)
                v->parent = speech_out;
        } else if (according >= 0 && (int32_t)vi != according && v->parent < 0) {
            set_reported(p, (int32_t)vi, according);
        }
    }
    /* a trailing attribution: "Israeli warplanes struck X, the military
     * said." - the clauses before ", NP said" with nothing after it */
    if (speech_out >= 0) {
        dy_vg *sv = &syn->vg[speech_out];
        int32_t sn = sv->subj;
        uint32_t sf = sn >= 0 ? chain_first_tok(p, sn) : sv->first;
        if (sn >= 0 && sf < sv->first && sf > p->first && TAG(p, sf - 1) == T_PUNCT_COMMA &&
            !(syn->tok_aux[sf - 1] & AX_QUOTE)) {
            uint32_t e = sv->end;
            /* nothing but prepositional phrases, time words and the end */
            int tail = 1;
            for (uint32_t k = e; k < p->end && tail; k++) {
                int tk = TAG(p, k);
                if (syn->tok_vg[k] >= 0 || tk == T_PUNCT_COLON || tk == T_LQUOTE ||
                    IS(p, k, "that"))
                    tail = 0;
            }
            if (tail)
                for (uint32_t vi = v0; vi < v1; vi++) {
                    dy_vg *v = &syn->vg[vi];
                    if ((int32_t)vi == speech_out || v->first > sf || v->parent >= 0)
                        continue;
                    if (v->flags & (VG_RELATIVE | VG_ACCORDING))
                        continue;
                    set_reported(p, (int32_t)vi, speech_out);
                }
        }
    }
    /* everything below a reported verb group is reported too */
    for (int round = 0; round < 4; round++)
        for (uint32_t vi = v0; vi < v1; vi++) {
            dy_vg *v = &syn->vg[vi];
            if (v->parent >= 0 && !(v->flags & VG_REPORTED) &&
                (syn->vg[v->parent].flags & VG_REPORTED))
                v->flags |= VG_REPORTED;
        }
    /* an xcomp or a participle of a speech verb is not reported speech */
    for (uint32_t vi = v0; vi < v1; vi++) {
        dy_vg *v = &syn->vg[vi];
        if (v->parent >= 0 && syn->vg[v->parent].xcomp == (int32_t)vi &&
            !(syn->vg[v->parent].flags & VG_REPORTED) && !(syn->tok_aux[v->head] & AX_QUOTE))
            v->flags &= ~VG_REPORTED;
    }
    return 0;
}

/* ---- driver ---- */

static int parse_sentence(pctx *p)
{
    p->np0 = (uint32_t)p->syn->nnp;
    p->vg0 = (uint32_t)p->syn->nvg;
    if (chunk_nps(p) || chunk_vgs(p))
        return -1;
    merge_inversions(p);
    return sentence_roles(p);
}

int dy_parse(const struct dyad_ctx *ctx, const dy_text *t, dy_syn *syn)
{
    syn->nnp = syn->nvg = syn->npp = 0;
    size_t ns = t->nsent ? t->nsent : 1;
    if (ns + 1 > syn->sent_cap) {
        size_t cap = syn->sent_cap;
        if (DY_GROW(syn->sent_np, cap, ns + 1))
            return -1;
        uint32_t *q = dy_realloc(syn->sent_vg, cap * sizeof *q);
        if (!q)
            return -1;
        syn->sent_vg = q;
        syn->sent_cap = cap;
    }
    if (t->ntok > syn->tok_cap) {
        size_t cap = syn->tok_cap ? syn->tok_cap : 256;
        while (cap < t->ntok)
            cap *= 2;
        int32_t *a = dy_realloc(syn->tok_np, cap * sizeof *a);
        if (!a)
            return -1;
        syn->tok_np = a;
        int32_t *b = dy_realloc(syn->tok_vg, cap * sizeof *b);
        if (!b)
            return -1;
        syn->tok_vg = b;
        uint8_t *c = dy_realloc(syn->tok_aux, cap);
        if (!c)
            return -1;
        syn->tok_aux = c;
        syn->tok_cap = cap;
    }
    /* quotation state across the document */
    int inq = 0;
    for (size_t i = 0; i < t->ntok; i++) {
        const dy_tok *k = &t->tok[i];
        syn->tok_np[i] = syn->tok_vg[i] = -1;
        if (k->kind == TK_QUOTE && (k->flags & TF_OPEN))
            inq = 1;
        syn->tok_aux[i] = (uint8_t)((inq || k->quote) ? AX_QUOTE : 0);
        if (k->kind == TK_QUOTE && (k->flags & TF_CLOSE))
            inq = 0;
        if (k->flags & TF_PARA && !(k->kind == TK_QUOTE))
            inq = inq && !(k->flags & TF_PARA) ? 0 : inq;
    }
    pctx p = {.ctx = ctx, .tg = ctx->lex.tagger, .t = t, .syn = syn};
    for (size_t s = 0; s < ns; s++) {
        p.s = (uint32_t)s;
        if (t->nsent) {
            p.first = t->sent[s].first;
            p.end = t->sent[s].first + t->sent[s].ntok;
        } else {
            p.first = 0;
            p.end = (uint32_t)t->ntok;
        }
        syn->sent_np[s] = (uint32_t)syn->nnp;
        syn->sent_vg[s] = (uint32_t)syn->nvg;
        if (parse_sentence(&p))
            return -1;
    }
    syn->sent_np[ns] = (uint32_t)syn->nnp;
    syn->sent_vg[ns] = (uint32_t)syn->nvg;
    return 0;
}

void dy_syn_free(dy_syn *syn)
{
    if (!syn)
        return;
    dy_free(syn->np);
    dy_free(syn->vg);
    dy_free(syn->pp);
    dy_free(syn->sent_np);
    dy_free(syn->sent_vg);
    dy_free(syn->tok_np);
    dy_free(syn->tok_vg);
    dy_free(syn->tok_aux);
    memset(syn, 0, sizeof *syn);
}
