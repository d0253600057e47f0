/* syntax.h - private to libdyad: the linguistic stage. Reads the token array of
 * a document and fills, per token, a Penn part-of-speech tag and a lemma, and
 * per sentence the chunks (noun phrases, verb groups) and clause frames the
 * later stages read:
 *
 *   dy_np     a noun phrase: token range, head, possessor, coordination
 *   dy_vg     a verb group: its main verb, lemma, tense/voice/negation/modality,
 *             and its roles (subject, object, prepositional objects, passive
 *             agent, infinitival/participial complement, reported speech)
 *
 * Everything lives in flat arrays of struct dy_syn (embedded in the document);
 * indices, not pointers, link the pieces. Tables (lexicon, tag model, lemma
 * exceptions) live in struct dy_lex, built once per context. */
#ifndef DY_SYNTAX_H
#define DY_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../util/util.h"

/* Penn Treebank tags. */
enum dy_tag {
    T_NONE = 0,
    T_CC, T_CD, T_DT, T_EX, T_FW, T_IN, T_JJ, T_JJR, T_JJS, T_LS, T_MD, T_NN, T_NNS,
    T_NNP, T_NNPS, T_PDT, T_POS, T_PRP, T_PRPS, T_RB, T_RBR, T_RBS, T_RP, T_SYM, T_TO,
    T_UH, T_VB, T_VBD, T_VBG, T_VBN, T_VBP, T_VBZ, T_WDT, T_WP, T_WPS, T_WRB,
    T_PUNCT_COMMA, T_PUNCT_END, T_PUNCT_COLON, T_LQUOTE, T_RQUOTE, T_LRB, T_RRB, T_HASH,
    T_DOLLAR,
    T_COUNT
};
const char *dy_tag_name(int tag);   /* "NN", ",", "``" ... */
int dy_tag_from_name(const char *s, size_t n);  /* T_NONE if unknown */
static inline int dy_tag_is_verb(int t) { return t >= T_VB && t <= T_VBZ; }
static inline int dy_tag_is_noun(int t) { return t >= T_NN && t <= T_NNPS; }

/* Per-word flags, indexed by word id (ctx words table). */
enum dy_wflag {
    WF_VERB = 1,    /* a verb base form (WordNet index.verb) */
    WF_NOUN = 2,    /* a noun base form */
    WF_ADJ = 4,
    WF_ADV = 8
};

/* Tables built once per context. */
typedef struct dy_lex {
    dy_map verb_exc;      /* word id -> lemma id (irregular verbs: met -> meet) */
    dy_map noun_exc;      /* word id -> lemma id (irregular nouns) */
    uint8_t *wflags;      /* per word id (ids < wflags_cap; later ids: 0) */
    size_t wflags_cap;
    /* the tagger's tables (lexicon tag distributions, trigram model, suffix
     * model, WordNet base-form sets): struct dy_tagger in src/syntax/tagger.h */
    void *tagger;
    int degraded;         /* 1: lexicon or trigram model missing (see dy_lex_load) */
} dy_lex;

static inline unsigned dy_word_flags(const dy_lex *lex, uint32_t id)
{
    return id < lex->wflags_cap ? lex->wflags[id] : 0;
}

enum dy_np_flags {
    NP_PRONOUN = 1 << 0,    /* a personal pronoun (he, they, it ...) */
    NP_PROPER = 1 << 1,     /* head is a proper noun */
    NP_POSSESSOR = 1 << 2,  /* ends in 's / ' and possesses the next NP */
    NP_REL = 1 << 3,        /* a relative pronoun (who, which, that) */
    NP_DEF = 1 << 4,        /* starts with the/this/that/these/those or a possessive */
    NP_PLURAL = 1 << 5,     /* head is plural (NNS, NNPS, they, we) */
    NP_NUMBER = 1 << 6,     /* head is a number (CD) */
    NP_TIME = 1 << 7,       /* head is a time word (Wednesday, week, year ...) */
    NP_CONJ_TAIL = 1 << 8,  /* a later conjunct: another NP's conj chain reaches it */
    NP_APPOS = 1 << 9       /* an apposition of another NP (see appos) */
};

/* Noun phrase: a base (non-recursive) chunk, CoNLL style. "the strategic outpost
 * of Vuhledar" is two NPs linked by `of`; a possessor "Ukraine's" is its own NP
 * (its range includes the 's) linked from the possessed NP by `poss`. */
typedef struct dy_np {
    uint32_t first, end;  /* token range [first, end) */
    uint32_t head;        /* head token */
    int32_t poss;         /* possessor NP index ("Ukraine's east": east -> Ukraine), -1 */
    int32_t of;           /* NP after "of" attached to this one, -1 */
    int32_t conj;         /* next NP coordinated with this one ("X and Y"), -1 */
    int32_t actor;        /* index of the actor mention covering the head, -1 */
    /* added by the syntax stage (issue 3) */
    int32_t appos;        /* the apposition "X, NATO's chief," of this NP, -1;
                             the apposition NP has NP_APPOS and appos = X */
    int32_t rel;          /* verb group of a relative clause on this NP, -1 */
    uint32_t name_first, name_end; /* run of capitalised words (a candidate
                             name) inside the NP; equal when none */
    uint32_t flags;       /* enum dy_np_flags */
    uint32_t sent;        /* sentence index */
} dy_np;

/* Prepositional object of a verb group. */
typedef struct dy_pp {
    uint32_t prep;        /* token of the preposition */
    int32_t np;           /* its object NP */
} dy_pp;

enum dy_vg_flags {
    VG_NEG = 1 << 0,        /* not, never, n't */
    VG_FAILED = 1 << 1,     /* failed to, did not manage to */
    VG_REFUSED = 1 << 2,    /* refused to, declined to */
    VG_PASSIVE = 1 << 3,
    VG_FUTURE = 1 << 4,     /* will, shall, is going to */
    VG_MODAL = 1 << 5,      /* would, could, might, may, should, must */
    VG_INTENT = 1 << 6,     /* plans to, wants to, vowed to, intends to */
    VG_REPORTED = 1 << 7,   /* in reported speech (complement of say/tell) */
    VG_QUESTION = 1 << 8,
    VG_HYPOTHETICAL = 1 << 9, /* if-clause */
    VG_INF = 1 << 10,       /* infinitive (to + VB) */
    VG_PART = 1 << 11,      /* participial (capturing, destroyed) */
    VG_SPEECH = 1 << 12,    /* an attribution verb (say, tell, add ...) */
    VG_RELATIVE = 1 << 13,  /* in a relative clause */
    VG_PERFECT = 1 << 14,   /* has/had + VBN */
    VG_PROGRESSIVE = 1 << 15, /* be + VBG */
    VG_CONTROL = 1 << 16,   /* a matrix verb whose meaning is carried by its xcomp
                               (failed/refused/plans/wants/vowed/tried to ...):
                               the xcomp has the VG_FAILED/REFUSED/INTENT flag */
    VG_ACCORDING = 1 << 17, /* "according to X": head is "according", lemma
                               "say", subject X (a VG_SPEECH frame without verb) */
    VG_COPULA = 1 << 18,    /* main verb is be (no object; obj = predicate NP) */
    VG_IMPERATIVE = 1 << 19
};

enum dy_tense { TENSE_NONE = 0, TENSE_PRESENT, TENSE_PAST, TENSE_FUTURE };

/* Verb group with its roles. */
typedef struct dy_vg {
    uint32_t first, end;  /* token range of the group (auxiliaries included) */
    uint32_t head;        /* main verb token */
    uint32_t lemma;       /* lemma word id of the main verb */
    uint32_t flags;       /* enum dy_vg_flags */
    int32_t subj;         /* subject NP, -1 */
    int32_t obj;          /* direct object NP, -1 */
    int32_t agent;        /* passive "by" NP, -1 */
    uint32_t pp_first, npp; /* prepositional objects: syn->pp[pp_first .. +npp) */
    int32_t xcomp;        /* complement verb group ("agreed to cooperate"), -1 */
    int32_t parent;       /* governing verb group (say -> reported clause), -1 */
    uint32_t sent;        /* sentence index */
    /* added by the syntax stage (issue 3) */
    uint8_t tense;        /* enum dy_tense */
    uint8_t spare8[3];
    int32_t conj;         /* next verb group coordinated with this one
                             ("attacked A and seized B"), -1 */
    int32_t iobj;         /* indirect object ("told reporters", "gave X Y"), -1 */
    int32_t neg_tok;      /* token of the negation, -1 */
} dy_vg;

/* The analysis of one document. */
typedef struct dy_syn {
    dy_np *np;
    size_t nnp, np_cap;
    dy_vg *vg;
    size_t nvg, vg_cap;
    dy_pp *pp;
    size_t npp, pp_cap;
    /* per sentence: first NP / VG index (so stages can walk one sentence);
     * both arrays have nsent + 1 entries, so sentence s owns
     * np[sent_np[s] .. sent_np[s+1]) and vg[sent_vg[s] .. sent_vg[s+1]) */
    uint32_t *sent_np, *sent_vg;
    size_t sent_cap;
    /* added by the syntax stage (issue 3): per token of the document */
    int32_t *tok_np;      /* NP covering the token, -1 */
    int32_t *tok_vg;      /* VG covering the token, -1 */
    uint8_t *tok_aux;     /* scratch for dy_parse */
    size_t tok_cap;
} dy_syn;

struct dyad_ctx;
/* Load the lexicon, tag model and lemma tables. Returns 0 or -1 with err set. */
int dy_lex_load(struct dyad_ctx *ctx, char *err, size_t errlen);
void dy_lex_free(dy_lex *lex);

/* Tag and lemmatize every token of the document (t->tok[].tag, .lemma). */
int dy_tag(const struct dyad_ctx *ctx, dy_text *t);
/* Lemma of a word (by its lower-case form) for part of speech 'v' or 'n';
 * returns a word id, or 0 when unknown. */
uint32_t dy_lemma(const struct dyad_ctx *ctx, const char *w, size_t n, int pos);
/* Chunk and find clauses and roles: fills syn. Returns 0 or -1 (no memory). */
int dy_parse(const struct dyad_ctx *ctx, const dy_text *t, dy_syn *syn);
void dy_syn_free(dy_syn *syn);

/* Append the readable analysis (tokens with tags and lemmas, chunks, clauses
 * with subject/verb/object and flags) to out. Returns 0 or -1 (no memory). */
int dy_syn_print(const struct dyad_ctx *ctx, const dy_text *t, const dy_syn *syn,
                 dy_buf *out);

/* Names of flags for printing: writes "PASSIVE|NEG" style text. */
int dy_vg_flags_str(uint32_t flags, char *buf, size_t n);

#endif
