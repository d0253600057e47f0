/* link.c - the optional deep back-end: link-grammar behind the analysis
 * interface of dy_parse (link.h), and the public dyad_link_* calls behind
 * `dyad parse --parser link` (dyad.h).
 *
 * Each dyad sentence (dyad's tokenizer and splitter, dyad's tags) is handed
 * to link-grammar as its bytes; link-grammar's words are mapped back to
 * dyad's tokens by byte offset. From the first linkage (or, when that one
 * reads the sentence as a fragment, the first declarative one of the next
 * few: choose_linkage):
 *   clauses  a finite clause per subject link (S*, not SJ/SI: the right end
 *            is the finite word; SI: the inverted "did the army shell"; RS:
 *            a relative clause "who attacked", its subject the antecedent),
 *            each conjunct of a verb coordination (VJl/VJr) sharing the
 *            subject, and an infinitive "agreed to talk" (TO + I) as the
 *            xcomp of its governor, and a subjectless imperative (Wi, or
 *            Wg into a word dyad tagged VB). From the finite word the auxiliaries
 *            (I, PP, Pv, Pg, and Pa into a word dyad tagged VBN: "was
 *            killed") lead to the lexical verb: the group is [first
 *            auxiliary, verb].
 *   flags    Pv/Pa -> PASSIVE, PP -> PERFECT, Pg -> PROGRESSIVE, N -> NEG,
 *            will/shall -> FUTURE, other modals -> MODAL, Q from the wall ->
 *            QUESTION, a form of be -> COPULA, relative -> RELATIVE, TO ->
 *            INF, imperative -> IMPERATIVE; tense from dyad's tag of the
 *            finite word, else link-grammar's past subscript (".v-d").
 *   roles    subject: the left end of the S link (a coordination "Egypt and
 *            Qatar" is its first conjunct's NP, the others on its conj
 *            chain); object: an O link from the verb (two: the first is the
 *            indirect object); agent: MV to "by" + J; prepositional objects:
 *            MV to a preposition + J/ON; a complement clause (CV from the
 *            verb or from a "that" it links by TH, or a frame linked from the
 *            wall by CP: "..., officials said") is REPORTED, with the
 *            governing clause as parent and flagged SPEECH.
 *   NPs      the head word and the words linked to it from its left by
 *            determiner, adjective, noun-modifier and name links (D, DD, A,
 *            AN, GN, G, NN, EA, EN), as a token range; a possessor ("the
 *            army 's", YS/YP into the marker that determines the head) its
 *            own NP linked by poss, an "of" phrase (M/OF to "of", J) by of.
 *   main     the verb of the subject the wall's Wd link points to, else the
 *            wall's WV verb (as eval/link_eval.c reads it).
 * Not filled (left -1 or 0): appositions, relative-clause NPs (np.rel),
 * CONTROL/INTENT/FAILED/REFUSED (dyad's word lists), "according to"; NPs
 * exist only where a role, a coordination, a possessor or "of" reaches them
 * (tok_np is -1 elsewhere).
 *
 * Sentences link-grammar cannot analyse get no groups and a status: too long
 * (not tried), timeout (the per-sentence limit of the parse options), no
 * linkage. No output here: the library never prints; link-grammar's messages
 * go to a handler that drops them. */
#include "link.h"

#include <stdio.h>
#include <string.h>

#include "../core/internal.h"

static const char *const status_names[] = {"complete", "partial", "timeout", "no linkage",
                                           "too long", "empty"};

const char *dy_link_status_name(int status)
{
    return status >= 0 && status <= DY_LINK_EMPTY ? status_names[status] : "?";
}

#ifdef DY_HAVE_LINK_GRAMMAR

#include <link-grammar/link-includes.h>
#include <locale.h>
#include <utf8proc.h>

#define MAXW (2 * DY_LINK_MAX_TOKENS + 16) /* link-grammar words of a sentence */
#define MAXL (4 * MAXW)                    /* links */
#define MAXC 48                            /* clauses of a sentence */
#define NP_UNSET INT32_MIN                 /* wnp: not looked at yet */

typedef struct lk_link {
    uint16_t a, b;        /* left and right word */
    char type[4];         /* the upper-case part of the label: "S", "MV", "PP" */
    char sub;             /* its first subscript character, or 0 */
} lk_link;

typedef struct lk_clause {
    uint16_t fin, v;      /* finite (first) word and lexical verb */
    int16_t subj;         /* subject word, or -1 */
    int16_t parent, xcomp, conj; /* other clauses of the sentence, -1 */
    uint32_t flags;
} lk_clause;

struct dy_link {
    const struct dyad_ctx *ctx; /* of the current dy_link_parse */
    locale_t utf8;        /* LC_CTYPE of link-grammar's calls, or 0 */
    Dictionary dict;
    Parse_Options opts;
    int max_seconds;
    uint8_t *status;      /* per sentence of the last document */
    int16_t *nulls;
    int32_t *main;
    size_t sent_cap;
    size_t counts[DY_LINK_EMPTY + 1];
    char buf[DY_LINK_MAX_BYTES + 1];
    /* one linkage */
    size_t nw, nl;
    lk_link link[MAXL];
    int32_t wtok[MAXW];   /* dyad token of a word, -1 */
    int32_t wnp[MAXW];    /* NP made for a word (head), -1 */
    int16_t wcl[MAXW];    /* clause of a word of a verb chain, -1 */
    uint8_t inset[MAXW];
    uint8_t past[MAXW];   /* link-grammar's word is a past form (".v-d") */
    lk_clause cl[MAXC];
    size_t ncl;
    dy_np npbuf[MAXW];    /* scratch of sort_nps */
};

int dy_link_built(void) { return 1; }

const char *dy_link_version(void)
{
    const char *v = linkgrammar_get_version();  /* "link-grammar-5.12.0" */
    const char *d = v ? strrchr(v, '-') : NULL;
    return d ? d + 1 : v ? v : "";
}

static void lk_quiet(lg_errinfo *ei, void *data)
{
    (void)ei;
    (void)data;
}

/* Link-grammar reads its words through the C library's multibyte functions
 * and wants a UTF-8 LC_CTYPE: it gets one for this thread (uselocale) during
 * each call; the program's own locale, which dictionary_create_lang sets to
 * C.UTF-8 when it is not UTF-8, is put back. */
static locale_t utf8_enter(dy_link *b, locale_t *old)
{
    *old = b->utf8 ? uselocale(b->utf8) : (locale_t)0;
    return *old;
}

static void utf8_leave(dy_link *b, locale_t old)
{
    if (b->utf8 && old)
        uselocale(old);
}

dy_link *dy_link_open(int max_seconds, char *err, size_t errlen)
{
    lg_error_set_handler(lk_quiet, NULL);
    dy_link *b = dy_calloc(1, sizeof *b);
    if (!b) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    b->utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!b->utf8)
        b->utf8 = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
    char saved[128] = "";
    const char *cur = setlocale(LC_CTYPE, NULL);
    if (cur && strlen(cur) < sizeof saved)
        memcpy(saved, cur, strlen(cur) + 1);
    locale_t old;
    utf8_enter(b, &old);
    b->dict = dictionary_create_lang("en");
    utf8_leave(b, old);
    if (saved[0])
        setlocale(LC_CTYPE, saved);
    if (!b->dict) {
        snprintf(err, errlen, "link-grammar's English dictionary was not found");
        dy_link_close(b);
        return NULL;
    }
    b->opts = parse_options_create();
    if (!b->opts) {
        snprintf(err, errlen, "out of memory");
        dy_link_close(b);
        return NULL;
    }
    b->max_seconds = max_seconds < 1 ? 1 : max_seconds;
    parse_options_set_verbosity(b->opts, 0);
    parse_options_set_linkage_limit(b->opts, 250);
    parse_options_set_max_parse_time(b->opts, b->max_seconds);
    return b;
}

void dy_link_close(dy_link *b)
{
    if (!b)
        return;
    if (b->opts)
        parse_options_delete(b->opts);
    if (b->dict)
        dictionary_delete(b->dict);
    if (b->utf8)
        freelocale(b->utf8);
    dy_free(b->status);
    dy_free(b->nulls);
    dy_free(b->main);
    dy_free(b);
}

/* ---- reading a linkage ---- */

static int is(const lk_link *k, const char *type) { return strcmp(k->type, type) == 0; }

/* a subject link: S with any subscripts, and SF/SX (it, there; I); not SJ
 * (coordination) or the inverted SI/SFI/SXI */
static int is_subj(const lk_link *k)
{
    return is(k, "S") || is(k, "SF") || is(k, "SX");
}

static int is_inverted_subj(const lk_link *k)
{
    return is(k, "SI") || is(k, "SFI") || is(k, "SXI");
}

static const dy_tok *wtk(const dy_link *b, const dy_text *t, size_t w)
{
    return w < b->nw && b->wtok[w] >= 0 ? &t->tok[b->wtok[w]] : NULL;
}

static int wtag(const dy_link *b, const dy_text *t, size_t w)
{
    const dy_tok *k = wtk(b, t, w);
    return k ? k->tag : T_NONE;
}

/* the word's normalised (lower-case) form is s */
static int wis(const dy_link *b, const dy_text *t, size_t w, const char *s)
{
    const dy_tok *k = wtk(b, t, w);
    return k && k->nlen == strlen(s) && memcmp(t->norm + k->norm, s, k->nlen) == 0;
}

static int is_be(const dy_link *b, const dy_text *t, size_t w)
{
    static const char *const be[] = {"be", "is", "are", "was", "were", "been", "being", "am",
                                     "'re", "'m"};
    for (size_t i = 0; i < sizeof be / sizeof be[0]; i++)
        if (wis(b, t, w, be[i]))
            return 1;
    return 0;
}

/* an auxiliary link from a word of a verb chain to the next one */
static int is_aux(const dy_link *b, const dy_text *t, const lk_link *k)
{
    if (is(k, "I") || is(k, "PP"))
        return 1;
    if (is(k, "P"))
        return k->sub == 'v' || k->sub == 'g' ||
               (k->sub == 'a' && wtag(b, t, k->b) == T_VBN);
    return 0;
}

static size_t follow_aux(const dy_link *b, const dy_text *t, size_t v, uint32_t *flags)
{
    for (int moved = 1, guard = 0; moved && guard < 16; guard++) {
        moved = 0;
        for (size_t q = 0; q < b->nl; q++) {
            const lk_link *k = &b->link[q];
            if (k->a == v && is_aux(b, t, k)) {
                if (is(k, "PP"))
                    *flags |= VG_PERFECT;
                else if (is(k, "P"))
                    *flags |= k->sub == 'g' ? VG_PROGRESSIVE : VG_PASSIVE;
                v = k->b;
                moved = 1;
                break;
            }
        }
    }
    return v;
}

/* the words joined by a coordinator w (and.j-n: SJl/SJr; and.j-v: VJl/VJr),
 * in order, into out; returns their count (0: w is no coordinator) */
static size_t conjuncts(const dy_link *b, size_t w, const char *lt, const char *rt, uint16_t *out,
                        size_t cap)
{
    size_t n = 0;
    for (size_t q = 0; q < b->nl && n < cap; q++) {
        const lk_link *k = &b->link[q];
        if (is(k, lt) && k->sub == 'l' && k->b == w)
            out[n++] = k->a;
    }
    for (size_t q = 0; q < b->nl && n < cap; q++) {
        const lk_link *k = &b->link[q];
        if (is(k, rt) && k->sub == 'r' && k->a == w)
            out[n++] = k->b;
    }
    return n;
}

static int32_t new_np(dy_link *b, const dy_text *t, dy_syn *syn, uint32_t s, size_t h);

/* The NP of word w; a coordinator stands for its first conjunct, the others
 * follow on its conj chain. */
static int32_t np_of(dy_link *b, const dy_text *t, dy_syn *syn, uint32_t s, size_t w, int depth)
{
    if (w == 0 || w >= b->nw)
        return -1;
    if (b->wnp[w] != NP_UNSET)
        return b->wnp[w];
    uint16_t cj[8];
    size_t n = depth < 4 ? conjuncts(b, w, "SJ", "SJ", cj, 8) : 0;
    if (!n)
        return b->wnp[w] = new_np(b, t, syn, s, w);
    /* SJl and SJr both have type SJ: sort the conjuncts by position */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cj[j - 1] > cj[j]; j--) {
            uint16_t x = cj[j];
            cj[j] = cj[j - 1];
            cj[j - 1] = x;
        }
    b->wnp[w] = -1;
    int32_t first = -1, prev = -1;
    for (size_t i = 0; i < n; i++) {
        if (cj[i] == w)
            continue;
        int32_t c = np_of(b, t, syn, s, cj[i], depth + 1);
        if (c == -2)
            return -2;
        if (c < 0)
            continue;
        if (first < 0)
            first = c;
        else if (prev >= 0 && syn->np[prev].conj < 0 && c != prev) {
            syn->np[prev].conj = c;
            syn->np[c].flags |= NP_CONJ_TAIL;
        }
        prev = c;
    }
    return b->wnp[w] = first;
}

static int is_np_modifier(const lk_link *k)
{
    static const char *const types[] = {"D", "DD", "DG", "A", "AN", "GN", "G", "YS", "YP",
                                        "NN", "EA", "EN", "AJ"};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (is(k, types[i]))
            return 1;
    return 0;
}

static size_t prep_obj(const dy_link *b, size_t p);

/* the possessor word of a possessive marker w ("Russia 's": YS, YP), or 0 */
static size_t possessor_of(const dy_link *b, size_t w)
{
    for (size_t q = 0; q < b->nl; q++)
        if (b->link[q].b == w && b->link[q].a > 0 &&
            (is(&b->link[q], "YS") || is(&b->link[q], "YP")))
            return b->link[q].a;
    return 0;
}

/* A new NP at head word h: the head and the words linked to it from its left
 * by determiner, modifier and name links, as a token range. A possessor
 * ("the army 's" determining h) is an NP of its own, its range up to the
 * marker, flagged NP_POSSESSOR and linked by poss, as dy_parse has it; an
 * "of" phrase after the head (M or OF to "of", J to its object) is linked
 * by of. Returns the NP, -1 or -2 (no memory). */
static int32_t new_np(dy_link *b, const dy_text *t, dy_syn *syn, uint32_t s, size_t h)
{
    int32_t ht = b->wtok[h];
    if (ht < 0)
        return -1;
    memset(b->inset, 0, b->nw);
    b->inset[h] = 1;
    size_t lo = h, pw = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t q = 0; q < b->nl; q++) {
            const lk_link *k = &b->link[q];
            if (k->a > 0 && b->inset[k->b] && !b->inset[k->a] && k->a < h && is_np_modifier(k)) {
                if (possessor_of(b, k->a)) { /* the marker: not in this NP */
                    if (!pw)
                        pw = k->a;
                    continue;
                }
                b->inset[k->a] = 1;
                changed = 1;
                if (k->a < lo)
                    lo = k->a;
            }
        }
    }
    int32_t ft = b->wtok[lo] >= 0 && b->wtok[lo] <= ht ? b->wtok[lo] : ht;
    if (DY_GROW(syn->np, syn->np_cap, syn->nnp + 1))
        return -2;
    dy_np *n = &syn->np[syn->nnp];
    memset(n, 0, sizeof *n);
    n->first = (uint32_t)ft;
    n->end = (uint32_t)ht + 1;
    n->head = (uint32_t)ht;
    n->poss = n->of = n->conj = n->actor = n->appos = n->rel = -1;
    n->sent = s;
    int tag = t->tok[ht].tag;
    if (tag == T_NNP || tag == T_NNPS)
        n->flags |= NP_PROPER;
    if (tag == T_PRP)
        n->flags |= NP_PRONOUN;
    if (tag == T_WP || tag == T_WDT)
        n->flags |= NP_REL;
    if (tag == T_NNS || tag == T_NNPS)
        n->flags |= NP_PLURAL;
    if (tag == T_CD)
        n->flags |= NP_NUMBER;
    if (t->tok[ft].tag == T_PRPS || t->tok[ft].tag == T_DT)
        n->flags |= NP_DEF;
    if (tag == T_NNP || tag == T_NNPS) {
        uint32_t a = (uint32_t)ht, z = (uint32_t)ht + 1;
        while (a > n->first && (t->tok[a - 1].tag == T_NNP || t->tok[a - 1].tag == T_NNPS))
            a--;
        n->name_first = a;
        n->name_end = z;
    } else
        n->name_first = n->name_end = n->first;
    for (uint32_t i = n->first; i < n->end; i++)
        if (syn->tok_np[i] < 0)
            syn->tok_np[i] = (int32_t)syn->nnp;
    int32_t me = (int32_t)syn->nnp++;
    /* the possessor and the "of" phrase (words right of ... left of h: no
     * cycle); syn->np may move in these calls */
    size_t ph = pw && pw < lo ? possessor_of(b, pw) : 0;
    if (ph && b->wtok[pw] >= 0) {
        int32_t p = np_of(b, t, syn, s, ph, 0);
        if (p == -2)
            return -2;
        if (p >= 0 && p != me && syn->np[p].end == (uint32_t)b->wtok[pw]) {
            dy_np *o = &syn->np[p];
            o->end = (uint32_t)b->wtok[pw] + 1;
            o->flags |= NP_POSSESSOR;
            if (syn->tok_np[o->end - 1] < 0)
                syn->tok_np[o->end - 1] = p;
            syn->np[me].poss = p;
        }
    }
    for (size_t q = 0; q < b->nl; q++) {
        const lk_link *k = &b->link[q];
        if (k->a != h || !(is(k, "M") || is(k, "OF")) || !wis(b, t, k->b, "of"))
            continue;
        size_t j = prep_obj(b, k->b);
        int32_t o = j > h ? np_of(b, t, syn, s, j, 0) : -1;
        if (o == -2)
            return -2;
        if (o >= 0 && o != me)
            syn->np[me].of = o;
        break;
    }
    return me;
}

/* Add clause fin -> v with subject word subj (or -1); returns its index, or
 * -1 (the verb already has one, or the table is full). */
static int add_clause(dy_link *b, const dy_text *t, size_t fin, int subj, uint32_t flags)
{
    uint32_t fl = flags;
    size_t v = follow_aux(b, t, fin, &fl);
    if (v >= b->nw || b->wtok[v] < 0 || b->wcl[v] >= 0 || b->ncl >= MAXC)
        return -1;
    lk_clause *c = &b->cl[b->ncl];
    c->fin = (uint16_t)fin;
    c->v = (uint16_t)v;
    c->subj = (int16_t)subj;
    c->parent = c->xcomp = c->conj = -1;
    c->flags = fl;
    /* mark the chain */
    for (size_t w = fin;;) {
        b->wcl[w] = (int16_t)b->ncl;
        if (w == v)
            break;
        size_t nx = w;
        for (size_t q = 0; q < b->nl; q++)
            if (b->link[q].a == w && is_aux(b, t, &b->link[q])) {
                nx = b->link[q].b;
                break;
            }
        if (nx == w)
            break;
        w = nx;
    }
    return (int)b->ncl++;
}

/* Clauses at the finite word w of a subject link; a verb coordinator gives
 * one clause per conjunct, joined by conj. Returns the first clause or -1. */
static int add_finite(dy_link *b, const dy_text *t, size_t w, int subj, uint32_t flags, int depth)
{
    uint16_t cj[8];
    size_t n = depth < 4 ? conjuncts(b, w, "VJ", "VJ", cj, 8) : 0;
    if (!n)
        return add_clause(b, t, w, subj, flags);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cj[j - 1] > cj[j]; j--) {
            uint16_t x = cj[j];
            cj[j] = cj[j - 1];
            cj[j - 1] = x;
        }
    int first = -1, prev = -1;
    for (size_t i = 0; i < n; i++) {
        int c = add_finite(b, t, cj[i], subj, flags, depth + 1);
        if (c < 0)
            continue;
        if (first < 0)
            first = c;
        else if (prev >= 0 && b->cl[prev].conj < 0)
            b->cl[prev].conj = (int16_t)c;
        prev = c;
    }
    return first;
}

/* the clause a word belongs to: its chain, or for a coordinator its first
 * conjunct's */
static int clause_at(const dy_link *b, size_t w)
{
    if (w >= b->nw)
        return -1;
    if (b->wcl[w] >= 0)
        return b->wcl[w];
    uint16_t cj[8];
    size_t n = conjuncts(b, w, "VJ", "VJ", cj, 8), at = 0;
    int best = -1;
    for (size_t i = 0; i < n; i++)
        if (b->wcl[cj[i]] >= 0 && (best < 0 || cj[i] < at)) {
            best = b->wcl[cj[i]];
            at = cj[i];
        }
    return best;
}

/* the verb of the main clause (as eval/link_eval.c has always read it) */
static size_t main_verb(const dy_link *b, const dy_text *t)
{
    size_t main = 0, wd = 0;
    for (size_t q = 0; q < b->nl; q++) {
        const lk_link *k = &b->link[q];
        if (k->a != 0)
            continue;
        if (is(k, "Wd") || (is(k, "W") && k->sub == 'd')) {
            if (!wd)
                wd = k->b;
        }
        if (is(k, "WV") && (!main || k->b < main))
            main = k->b;
    }
    if (wd) {
        for (size_t q = 0; q < b->nl; q++) {
            const lk_link *k = &b->link[q];
            if (!is_subj(k) || k->a < wd)
                continue;
            uint16_t cj[8];
            int coord = conjuncts(b, k->a, "SJ", "SJ", cj, 8) > 0;
            if (k->a == wd || coord) {
                size_t v = k->b;
                size_t n = conjuncts(b, v, "VJ", "VJ", cj, 8);
                if (n) { /* the first conjunct */
                    size_t f = cj[0];
                    for (size_t i = 1; i < n; i++)
                        if (cj[i] < f)
                            f = cj[i];
                    v = f;
                }
                uint32_t fl = 0;
                main = follow_aux(b, t, v, &fl);
                break;
            }
        }
    }
    return main;
}

static int push_pp(dy_syn *syn, uint32_t prep, int32_t np)
{
    if (DY_GROW(syn->pp, syn->pp_cap, syn->npp + 1))
        return -1;
    syn->pp[syn->npp].prep = prep;
    syn->pp[syn->npp].np = np;
    syn->npp++;
    return 0;
}

/* the object of a preposition word p (J, ON links), or 0 */
static size_t prep_obj(const dy_link *b, size_t p)
{
    for (size_t q = 0; q < b->nl; q++)
        if (b->link[q].a == p && (is(&b->link[q], "J") || is(&b->link[q], "ON")))
            return b->link[q].b;
    return 0;
}

/* Put the NPs of sentence s in text order, as dy_parse has them (references
 * from groups, prepositional objects, coordinations and tokens follow). */
static int sort_nps(dy_link *b, const dy_text *t, dy_syn *syn, uint32_t s)
{
    size_t n0 = syn->sent_np[s], n = syn->nnp - n0;
    if (n < 2)
        return 0;
    if (n > MAXW)
        return 0;
    int32_t *order = b->wnp, *pos = b->wtok; /* scratch: the linkage is read */
    for (size_t i = 0; i < n; i++)
        order[i] = (int32_t)i;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0; j--) {
            const dy_np *x = &syn->np[n0 + (size_t)order[j - 1]], *y = &syn->np[n0 + (size_t)order[j]];
            if (x->first < y->first || (x->first == y->first && x->end <= y->end))
                break;
            int32_t z = order[j];
            order[j] = order[j - 1];
            order[j - 1] = z;
        }
    for (size_t i = 0; i < n; i++)
        pos[order[i]] = (int32_t)i;
#define REMAP(x) do { if ((x) >= (int32_t)n0) (x) = (int32_t)n0 + pos[(x) - (int32_t)n0]; } while (0)
    memcpy(b->npbuf, &syn->np[n0], n * sizeof *b->npbuf);
    for (size_t i = 0; i < n; i++)
        syn->np[n0 + i] = b->npbuf[order[i]];
    for (size_t i = n0; i < syn->nnp; i++) {
        REMAP(syn->np[i].conj);
        REMAP(syn->np[i].of);
        REMAP(syn->np[i].poss);
    }
    for (size_t g = syn->sent_vg[s]; g < syn->nvg; g++) {
        dy_vg *v = &syn->vg[g];
        REMAP(v->subj);
        REMAP(v->obj);
        REMAP(v->iobj);
        REMAP(v->agent);
        for (uint32_t q = v->pp_first; q < v->pp_first + v->npp && q < syn->npp; q++)
            REMAP(syn->pp[q].np);
    }
    const dy_sent *se = &t->sent[s];
    for (uint32_t i = se->first; i < se->first + se->ntok; i++)
        REMAP(syn->tok_np[i]);
#undef REMAP
    return 0;
}

/* Read one linkage of sentence s into syn. Returns 0 or -1 (no memory). */
static int read_linkage(dy_link *b, const dy_text *t, dy_syn *syn, uint32_t s, Linkage l)
{
    const dy_sent *se = &t->sent[s];
    uint32_t f = se->first, e = se->first + se->ntok;
    b->nw = linkage_get_num_words(l);
    b->nl = linkage_get_num_links(l);
    if (b->nw > MAXW || b->nl > MAXL)
        return 1;
    /* words to tokens (by byte offset), links to types */
    uint32_t tk = f;
    for (size_t w = 0; w < b->nw; w++) {
        b->wtok[w] = -1;
        b->wnp[w] = NP_UNSET;
        b->wcl[w] = -1;
        const char *ws = linkage_get_word(l, w), *dot = ws ? strrchr(ws, '.') : NULL;
        b->past[w] = dot && strstr(dot, "-d") != NULL;
        if (w == 0 || w + 1 == b->nw) /* the walls */
            continue;
        size_t off = se->start + (size_t)linkage_get_word_byte_start(l, w);
        while (tk < e && t->tok[tk].end <= off)
            tk++;
        if (tk < e && t->tok[tk].start <= off)
            b->wtok[w] = (int32_t)tk;
    }
    for (size_t q = 0; q < b->nl; q++) {
        lk_link *k = &b->link[q];
        const char *lb = linkage_get_link_label(l, q);
        size_t i = 0;
        while (lb[i] >= 'A' && lb[i] <= 'Z' && i < sizeof k->type - 1) {
            k->type[i] = lb[i];
            i++;
        }
        k->type[i] = 0;
        while (lb[i] >= 'A' && lb[i] <= 'Z')
            i++;
        k->sub = lb[i] && lb[i] != '*' ? lb[i] : (lb[i] == '*' && lb[i + 1] ? lb[i + 1] : 0);
        k->a = (uint16_t)linkage_get_link_lword(l, q);
        k->b = (uint16_t)linkage_get_link_rword(l, q);
    }
    /* clauses: subject links, inverted subjects, relative clauses */
    b->ncl = 0;
    /* a linkage of the sentence as a fragment (Wa: a headline-like noun
     * phrase) has its inverted subjects wrong: "X claimed responsibility" */
    int fragment = 0;
    for (size_t q = 0; q < b->nl; q++)
        if (b->link[q].a == 0 && is(&b->link[q], "W") && b->link[q].sub == 'a')
            fragment = 1;
    for (size_t q = 0; q < b->nl; q++) {
        const lk_link *k = &b->link[q];
        if (is_subj(k) && k->a > 0)
            add_finite(b, t, k->b, k->a, 0, 0);
        else if (is_inverted_subj(k) && k->a > 0 && !fragment)
            add_finite(b, t, k->a, k->b, 0, 0);
        else if (k->a == 0 && is(k, "W") &&
                 (k->sub == 'i' || (k->sub == 'g' && wtag(b, t, k->b) == T_VB)))
            add_finite(b, t, k->b, -1, 0, 0); /* an imperative: "Release them." */
    }
    for (size_t q = 0; q < b->nl; q++) {
        const lk_link *k = &b->link[q];
        if (!is(k, "RS"))
            continue;
        int ante = -1;
        for (size_t r = 0; r < b->nl; r++)
            if (is(&b->link[r], "R") && b->link[r].b == k->a)
                ante = b->link[r].a;
        add_finite(b, t, k->b, ante > 0 ? ante : k->a, VG_RELATIVE, 0);
    }
    /* infinitives: TO (agreed to talk) or MVi (flew in to talk, an infinitive
     * of purpose) from a verb of a clause, I from "to" */
    for (size_t q = 0; q < b->nl; q++) {
        const lk_link *k = &b->link[q];
        if (!is(k, "TO") && !(is(k, "MV") && k->sub == 'i'))
            continue;
        int pc = clause_at(b, k->a);
        for (size_t r = 0; r < b->nl && pc >= 0; r++)
            if (is(&b->link[r], "I") && b->link[r].a == k->b) {
                int c = add_finite(b, t, b->link[r].b, b->cl[pc].subj, VG_INF, 0);
                if (c >= 0) {
                    b->cl[c].fin = k->b; /* the group starts at "to" */
                    b->wcl[k->b] = (int16_t)c;
                    b->cl[c].parent = (int16_t)pc;
                    if (b->cl[pc].xcomp < 0)
                        b->cl[pc].xcomp = (int16_t)c;
                }
                break;
            }
    }
    /* complement clauses: CV from a chain word, or from a "that" linked by TH;
     * a frame after the clause ("..., officials said") by CP from the wall */
    size_t mv = main_verb(b, t);
    int mc = mv ? clause_at(b, mv) : -1;
    /* no Wd/WV main (a headline-like linkage): the first clause that is not
     * a relative clause or an infinitive */
    for (size_t i = 0, none = mc < 0; i < b->ncl && none; i++)
        if (!(b->cl[i].flags & (VG_RELATIVE | VG_INF)) && b->cl[i].parent < 0 &&
            (mc < 0 || b->cl[i].fin < b->cl[mc].fin))
            mc = (int)i;
    for (size_t q = 0; q < b->nl; q++) {
        const lk_link *k = &b->link[q];
        int child = -1, par = -1;
        if (is(k, "CV")) {
            child = clause_at(b, k->b);
            par = clause_at(b, k->a);
            for (size_t r = 0; r < b->nl && par < 0; r++)
                if (is(&b->link[r], "TH") && b->link[r].b == k->a)
                    par = clause_at(b, b->link[r].a);
        } else if (is(k, "CP") && k->a == 0) {
            par = clause_at(b, k->b);
            child = mc;
        }
        if (child >= 0 && par >= 0 && child != par && b->cl[child].parent < 0 &&
            !(b->cl[child].flags & VG_RELATIVE)) {
            b->cl[child].parent = (int16_t)par;
            b->cl[child].flags |= VG_REPORTED;
            b->cl[par].flags |= VG_SPEECH;
        }
    }
    /* the groups, in order of their first word */
    int16_t order[MAXC], pos[MAXC];
    for (size_t i = 0; i < b->ncl; i++)
        order[i] = (int16_t)i;
    for (size_t i = 1; i < b->ncl; i++)
        for (size_t j = i; j > 0 && b->cl[order[j - 1]].fin > b->cl[order[j]].fin; j--) {
            int16_t x = order[j];
            order[j] = order[j - 1];
            order[j - 1] = x;
        }
    for (size_t i = 0; i < b->ncl; i++)
        pos[order[i]] = (int16_t)i;
    size_t base = syn->nvg;
    if (DY_GROW(syn->vg, syn->vg_cap, base + b->ncl))
        return -1;
    int question = -1, imperative = -1;
    for (size_t q = 0; q < b->nl; q++) {
        if (b->link[q].a == 0 && is(&b->link[q], "Q"))
            question = clause_at(b, b->link[q].b);
        if (b->link[q].a == 0 && is(&b->link[q], "W") &&
            (b->link[q].sub == 'i' || (b->link[q].sub == 'g' && wtag(b, t, b->link[q].b) == T_VB)))
            imperative = clause_at(b, b->link[q].b);
    }
    for (size_t i = 0; i < b->ncl; i++) {
        const lk_clause *c = &b->cl[order[i]];
        dy_vg *g = &syn->vg[base + i];
        memset(g, 0, sizeof *g);
        int32_t ft = b->wtok[c->fin], vt = b->wtok[c->v];
        g->first = (uint32_t)(ft >= 0 && ft <= vt ? ft : vt);
        g->head = (uint32_t)vt;
        g->end = (uint32_t)vt + 1;
        const dy_tok *vk = &t->tok[vt];
        g->lemma = vk->lemma ? vk->lemma : vk->word;
        if (!dy_tag_is_verb(vk->tag) && vk->tag != T_MD) { /* "burned/JJ tyres" */
            uint32_t lm = dy_lemma(b->ctx, t->norm + vk->norm, vk->nlen, 'v');
            if (lm)
                g->lemma = lm;
        }
        g->flags = c->flags;
        g->sent = s;
        g->agent = g->obj = g->iobj = g->neg_tok = -1;
        g->parent = c->parent >= 0 ? (int32_t)(base + (size_t)pos[c->parent]) : -1;
        g->xcomp = c->xcomp >= 0 ? (int32_t)(base + (size_t)pos[c->xcomp]) : -1;
        g->conj = c->conj >= 0 ? (int32_t)(base + (size_t)pos[c->conj]) : -1;
        if (question == order[i])
            g->flags |= VG_QUESTION;
        if (imperative == order[i] && c->subj < 0)
            g->flags |= VG_IMPERATIVE;
        /* tense and modality from the finite word */
        int ftag = wtag(b, t, c->fin);
        if (wis(b, t, c->fin, "will") || wis(b, t, c->fin, "shall") ||
            wis(b, t, c->fin, "'ll")) {
            g->flags |= VG_FUTURE;
            g->tense = TENSE_FUTURE;
        } else if (ftag == T_MD)
            g->flags |= VG_MODAL;
        else if (ftag == T_VBD)
            g->tense = TENSE_PAST;
        else if (ftag == T_VBZ || ftag == T_VBP)
            g->tense = TENSE_PRESENT;
        else if (b->past[c->fin])
            g->tense = TENSE_PAST;
        if (is_be(b, t, c->v))
            g->flags |= VG_COPULA;
        /* negation on the chain */
        for (size_t q = 0; q < b->nl; q++) {
            const lk_link *k = &b->link[q];
            if (is(k, "N") && k->a < b->nw && b->wcl[k->a] == order[i] && b->wtok[k->b] >= 0) {
                g->flags |= VG_NEG;
                g->neg_tok = b->wtok[k->b];
                if ((uint32_t)g->neg_tok < g->first)
                    g->first = (uint32_t)g->neg_tok;
            }
        }
        /* roles */
        g->subj = c->subj > 0 ? np_of(b, t, syn, s, (size_t)c->subj, 0) : -1;
        if (g->subj == -2)
            return -1;
        size_t o1 = 0, o2 = 0;
        for (size_t q = 0; q < b->nl; q++) {
            const lk_link *k = &b->link[q];
            if (k->a != c->v || !is(k, "O"))
                continue;
            if (!o1 || k->b < o1) {
                o2 = o1;
                o1 = k->b;
            } else if (!o2 || k->b < o2)
                o2 = k->b;
        }
        if (o2) {
            g->iobj = np_of(b, t, syn, s, o1, 0);
            g->obj = np_of(b, t, syn, s, o2, 0);
        } else if (o1)
            g->obj = np_of(b, t, syn, s, o1, 0);
        if (g->iobj == -2 || g->obj == -2)
            return -1;
        g->pp_first = (uint32_t)syn->npp;
        for (size_t q = 0; q < b->nl; q++) {
            const lk_link *k = &b->link[q];
            if (k->a != c->v || !is(k, "MV") || b->wtok[k->b] < 0)
                continue;
            size_t on = prep_obj(b, k->b);
            if (!on)
                continue;
            int32_t n = np_of(b, t, syn, s, on, 0);
            if (n == -2)
                return -1;
            if (n < 0)
                continue;
            if ((g->flags & VG_PASSIVE) && g->agent < 0 && wis(b, t, k->b, "by"))
                g->agent = n;
            else if (push_pp(syn, (uint32_t)b->wtok[k->b], n))
                return -1;
        }
        g->npp = (uint32_t)syn->npp - g->pp_first;
        for (size_t x = g->pp_first + 1; x < syn->npp; x++) /* in text order */
            for (size_t y = x; y > g->pp_first && syn->pp[y - 1].prep > syn->pp[y].prep; y--) {
                dy_pp z = syn->pp[y];
                syn->pp[y] = syn->pp[y - 1];
                syn->pp[y - 1] = z;
            }
        for (size_t w = 1; w + 1 < b->nw; w++)
            if (b->wcl[w] == order[i] && b->wtok[w] >= 0 && syn->tok_vg[b->wtok[w]] < 0)
                syn->tok_vg[b->wtok[w]] = (int32_t)(base + i);
    }
    syn->nvg = base + b->ncl;
    b->main[s] = mc >= 0 ? (int32_t)(base + (size_t)pos[mc]) : -1;
    return sort_nps(b, t, syn, s);
}

/* The bytes of a sentence as link-grammar gets them: invalid UTF-8 and
 * control characters become spaces, so byte offsets stay dyad's. */
static size_t sentence_bytes(dy_link *b, const dy_text *t, const dy_sent *se)
{
    size_t n = se->end - se->start;
    const uint8_t *p = (const uint8_t *)t->src + se->start;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            b->buf[i++] = ' ';
            continue;
        }
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029)
            memset(b->buf + i, ' ', (size_t)k);
        else
            memcpy(b->buf + i, p + i, (size_t)k);
        i += (size_t)k;
    }
    b->buf[n] = 0;
    return n;
}

/* The linkage to read, of the nl found (NULL: none). Link-grammar's first
 * (cheapest) linkage sometimes reads a plain sentence as a fragment (Wa from
 * the wall: a headline-like noun phrase, its verb taken for a quotation verb
 * ", X held" with an inverted subject); then the first of the next
 * LK_CHOICES linkages with a declarative clause (Wd from the wall) and no
 * fragment link is read instead, whatever its cost (on the dev sentences of
 * docs/syntax.md, link-grammar finds a main clause in 320 sentences instead
 * of 311, and agrees more with the fast analysis). */
#define LK_CHOICES 24
static int lk_reading(Linkage l, int *decl)
{
    int frag = 0;
    *decl = 0;
    for (int q = 0, m = linkage_get_num_links(l); q < m; q++) {
        const char *lb = linkage_get_link_label(l, q);
        if (linkage_get_link_lword(l, q) != 0 || lb[0] != 'W')
            continue;
        frag |= lb[1] == 'a';
        *decl |= lb[1] == 'd';
    }
    return frag;
}

static Linkage choose_linkage(dy_link *b, Sentence sent, int nl)
{
    int decl;
    Linkage first = linkage_create(0, sent, b->opts);
    if (!first || !lk_reading(first, &decl))
        return first;
    for (int i = 1; i < nl && i < LK_CHOICES; i++) {
        Linkage l = linkage_create(i, sent, b->opts);
        if (!l)
            break;
        if (!lk_reading(l, &decl) && decl) {
            linkage_delete(first);
            return l;
        }
        linkage_delete(l);
    }
    return first;
}

static int parse_sentence(dy_link *b, const dy_text *t, dy_syn *syn, uint32_t s)
{
    const dy_sent *se = &t->sent[s];
    b->nulls[s] = 0;
    if (se->ntok == 0 || se->end <= se->start)
        return DY_LINK_EMPTY;
    if (se->ntok > DY_LINK_MAX_TOKENS || se->end - se->start > DY_LINK_MAX_BYTES)
        return DY_LINK_TOOLONG;
    sentence_bytes(b, t, se);
    Sentence sent = sentence_create(b->buf, b->dict);
    if (!sent)
        return DY_LINK_NONE;
    int st = DY_LINK_COMPLETE;
    parse_options_set_min_null_count(b->opts, 0);
    parse_options_set_max_null_count(b->opts, 0);
    int nl = sentence_split(sent, b->opts) == 0 ? sentence_parse(sent, b->opts) : -1;
    if (nl >= 0 && parse_options_timer_expired(b->opts))
        st = DY_LINK_TIMEOUT;
    else if (nl == 0) {
        parse_options_set_min_null_count(b->opts, 1);
        parse_options_set_max_null_count(b->opts, (int)sentence_length(sent));
        nl = sentence_parse(sent, b->opts);
        if (parse_options_timer_expired(b->opts))
            st = DY_LINK_TIMEOUT;
        else
            st = DY_LINK_PARTIAL;
    }
    if (st != DY_LINK_TIMEOUT && nl <= 0)
        st = DY_LINK_NONE;
    if (st == DY_LINK_COMPLETE || st == DY_LINK_PARTIAL) {
        b->nulls[s] = (int16_t)sentence_null_count(sent);
        Linkage l = choose_linkage(b, sent, nl);
        if (!l)
            st = DY_LINK_NONE;
        else {
            int r = read_linkage(b, t, syn, s, l);
            linkage_delete(l);
            if (r < 0) {
                sentence_delete(sent);
                return -1;
            }
            if (r > 0)
                st = DY_LINK_TOOLONG;
        }
    }
    sentence_delete(sent);
    return st;
}

static int link_parse(dy_link *b, const struct dyad_ctx *ctx, const dy_text *t, dy_syn *syn)
{
    b->ctx = ctx;
    syn->nnp = syn->nvg = syn->npp = 0;
    size_t ns = t->nsent;
    if (syn->sent_cap < ns + 1) {
        uint32_t *a = dy_realloc(syn->sent_np, (ns + 1) * sizeof *a);
        if (!a)
            return -1;
        syn->sent_np = a;
        uint32_t *v = dy_realloc(syn->sent_vg, (ns + 1) * sizeof *v);
        if (!v)
            return -1;
        syn->sent_vg = v;
        syn->sent_cap = ns + 1;
    }
    if (b->sent_cap < ns + 1) {
        uint8_t *st = dy_realloc(b->status, (ns + 1) * sizeof *st);
        if (!st)
            return -1;
        b->status = st;
        int16_t *nu = dy_realloc(b->nulls, (ns + 1) * sizeof *nu);
        if (!nu)
            return -1;
        b->nulls = nu;
        int32_t *m = dy_realloc(b->main, (ns + 1) * sizeof *m);
        if (!m)
            return -1;
        b->main = m;
        b->sent_cap = ns + 1;
    }
    if (syn->tok_cap < t->ntok + 1) {
        size_t cap = t->ntok + 1;
        int32_t *a = dy_realloc(syn->tok_np, cap * sizeof *a);
        if (!a)
            return -1;
        syn->tok_np = a;
        int32_t *v = dy_realloc(syn->tok_vg, cap * sizeof *v);
        if (!v)
            return -1;
        syn->tok_vg = v;
        uint8_t *x = dy_realloc(syn->tok_aux, cap);
        if (!x)
            return -1;
        syn->tok_aux = x;
        syn->tok_cap = cap;
    }
    for (size_t i = 0; i < t->ntok; i++)
        syn->tok_np[i] = syn->tok_vg[i] = -1;
    for (size_t s = 0; s < ns; s++) {
        syn->sent_np[s] = (uint32_t)syn->nnp;
        syn->sent_vg[s] = (uint32_t)syn->nvg;
        b->main[s] = -1;
        int st = parse_sentence(b, t, syn, (uint32_t)s);
        if (st < 0)
            return -1;
        b->status[s] = (uint8_t)st;
        b->counts[st]++;
    }
    syn->sent_np[ns] = (uint32_t)syn->nnp;
    syn->sent_vg[ns] = (uint32_t)syn->nvg;
    return 0;
}

int dy_link_parse(dy_link *b, const struct dyad_ctx *ctx, const dy_text *t, dy_syn *syn)
{
    locale_t old;
    utf8_enter(b, &old);
    int rc = link_parse(b, ctx, t, syn);
    utf8_leave(b, old);
    return rc;
}

int dy_link_status(const dy_link *b, size_t s, int *nulls)
{
    if (!b || s + 1 > b->sent_cap) {
        if (nulls)
            *nulls = 0;
        return DY_LINK_EMPTY;
    }
    if (nulls)
        *nulls = b->nulls[s];
    return b->status[s];
}

int32_t dy_link_main(const dy_link *b, size_t s)
{
    return b && s + 1 <= b->sent_cap ? b->main[s] : -1;
}

void dy_link_counts(const dy_link *b, size_t counts[DY_LINK_EMPTY + 1])
{
    for (int i = 0; i <= DY_LINK_EMPTY; i++)
        counts[i] = b ? b->counts[i] : 0;
}

int dy_link_timeout(const dy_link *b) { return b ? b->max_seconds : 0; }

#else /* built without link-grammar */

struct dy_link {
    int unused;
};

int dy_link_built(void) { return 0; }
const char *dy_link_version(void) { return ""; }

dy_link *dy_link_open(int max_seconds, char *err, size_t errlen)
{
    (void)max_seconds;
    snprintf(err, errlen, "dyad was built without link-grammar");
    return NULL;
}

void dy_link_close(dy_link *b) { (void)b; }

int dy_link_parse(dy_link *b, const struct dyad_ctx *ctx, const dy_text *t, dy_syn *syn)
{
    (void)b;
    (void)ctx;
    (void)t;
    (void)syn;
    return -1;
}

int dy_link_status(const dy_link *b, size_t s, int *nulls)
{
    (void)b;
    (void)s;
    if (nulls)
        *nulls = 0;
    return DY_LINK_EMPTY;
}

int32_t dy_link_main(const dy_link *b, size_t s)
{
    (void)b;
    (void)s;
    return -1;
}

void dy_link_counts(const dy_link *b, size_t counts[DY_LINK_EMPTY + 1])
{
    (void)b;
    for (int i = 0; i <= DY_LINK_EMPTY; i++)
        counts[i] = 0;
}

int dy_link_timeout(const dy_link *b) { (void)b; return 0; }

#endif

/* ---- the public calls (dyad.h) ---- */

struct dyad_link {
    dy_link *b;
    dy_syn syn;
    dy_buf out, tmp;
};

int dyad_link_available(void) { return dy_link_built(); }

dyad_err dyad_link_new(int max_seconds, dyad_link **out, char *errbuf, size_t errlen)
{
    char err[256];
    *out = NULL;
    if (!dy_link_built()) {
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "dyad was built without link-grammar");
        return DYAD_ENOTFOUND;
    }
    dyad_link *lk = dy_calloc(1, sizeof *lk);
    if (!lk)
        return DYAD_ENOMEM;
    lk->b = dy_link_open(max_seconds, err, sizeof err);
    if (!lk->b) {
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "%s", err);
        dy_free(lk);
        return strstr(err, "memory") ? DYAD_ENOMEM : DYAD_ENODATA;
    }
    *out = lk;
    return DYAD_OK;
}

void dyad_doc_set_link(dyad_doc *doc, dyad_link *lk)
{
    if (doc)
        doc->link = lk ? lk->b : NULL;
}

void dyad_link_free(dyad_link *lk)
{
    if (!lk)
        return;
    dy_link_close(lk->b);
    dy_syn_free(&lk->syn);
    dy_buf_free(&lk->out);
    dy_buf_free(&lk->tmp);
    dy_free(lk);
}

/* Sentence s of the analysis in dy_syn_print's form, with the status line of
 * link-grammar after its token line. */
static int print_sentence(dyad_link *lk, const dyad_ctx *ctx, const dy_text *t, size_t s)
{
    dy_text tv = *t;
    tv.sent = &t->sent[s];
    tv.nsent = 1;
    dy_syn sv = lk->syn;
    sv.sent_np = &lk->syn.sent_np[s];
    sv.sent_vg = &lk->syn.sent_vg[s];
    sv.sent_cap = 2;
    lk->tmp.len = 0;
    if (dy_buf_add(&lk->tmp, "", 0) || dy_syn_print(ctx, &tv, &sv, &lk->tmp))
        return -1;
    /* "# 1 " + the sentence + "\ntok ...\n" + the NP and group lines */
    const dy_sent *se = &t->sent[s];
    size_t span = se->ntok ? t->tok[se->first + se->ntok - 1].end - t->tok[se->first].start : 0;
    const char *p = lk->tmp.p;
    size_t n = lk->tmp.len, skip = 4, cut = n;
    if (n < skip || memcmp(p, "# 1 ", 4) != 0)
        skip = 0;
    if (skip + span + 1 <= n) {
        const char *nl = memchr(p + skip + span + 1, '\n', n - (skip + span + 1));
        if (nl)
            cut = (size_t)(nl - p) + 1;
    }
    int nulls;
    int st = dy_link_status(lk->b, s, &nulls);
    dy_buf *o = &lk->out;
    if (dy_buf_printf(o, "# %zu ", s + 1) || dy_buf_add(o, p + skip, cut - skip))
        return -1;
    int rc;
    if (st == DY_LINK_COMPLETE)
        rc = dy_buf_str(o, "link: complete\n");
    else if (st == DY_LINK_PARTIAL)
        rc = dy_buf_printf(o, "link: partial (%d null link%s)\n", nulls, nulls == 1 ? "" : "s");
    else if (st == DY_LINK_TIMEOUT)
        rc = dy_buf_printf(o, "link: failed (timeout after %d s)\n", dy_link_timeout(lk->b));
    else if (st == DY_LINK_TOOLONG)
        rc = dy_buf_printf(o, "link: failed (too long: %u tokens; limit %d tokens, %d bytes)\n",
                           se->ntok, DY_LINK_MAX_TOKENS, DY_LINK_MAX_BYTES);
    else
        rc = dy_buf_printf(o, "link: failed (%s)\n", dy_link_status_name(st));
    return rc || dy_buf_add(o, p + cut, n - cut);
}

const char *dyad_link_explain(dyad_link *lk, dyad_doc *d, const dyad_ctx *ctx, size_t *len)
{
    if (!lk || !d || !ctx)
        return NULL;
    dy_buf *o = &lk->out;
    o->len = 0;
    if (dy_buf_add(o, "", 0))
        return NULL;
    if (d->err && dy_buf_printf(o, "error: %s\n", d->errmsg))
        return NULL;
    if (dy_link_parse(lk->b, ctx, &d->t, &lk->syn) ||
        dy_buf_printf(o, "== syntax (link-grammar %s)\n", dy_link_version()))
        return NULL;
    size_t n[DY_LINK_EMPTY + 1] = {0};
    for (size_t s = 0; s < d->t.nsent; s++) {
        if (print_sentence(lk, ctx, &d->t, s))
            return NULL;
        n[dy_link_status(lk->b, s, NULL)]++;
    }
    if (dy_buf_printf(o, "== link-grammar: %zu sentences, %zu complete, %zu partial, %zu failed\n",
                      d->t.nsent, n[DY_LINK_COMPLETE], n[DY_LINK_PARTIAL],
                      d->t.nsent - n[DY_LINK_COMPLETE] - n[DY_LINK_PARTIAL]))
        return NULL;
    if (len)
        *len = o->len;
    return o->p;
}
