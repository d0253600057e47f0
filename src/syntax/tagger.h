/* tagger.h - private to src/syntax: the tables behind dy_lex.tagger.
 *
 * The tagger is a second-order HMM whose states are the 38 tags of the
 * festlex-poslex model (the Penn Treebank tags of the WSJ corpus with
 * punctuation merged into "punc", PRP$ into "prp", WP$ into "wp", and "of" as a
 * tag of its own). Emissions come from the lexicon's ln P(word | tag), the
 * transitions from its tag-trigram counts (wsj.wp39.tri.ngrambin), smoothed by
 * deleted interpolation computed from those counts. Unknown words use a suffix
 * model derived at load time from the rare words of the same lexicon, plus
 * capitalisation and shape. States are mapped back to full Penn tags per token
 * (punctuation by its character, his -> PRP$, whose -> WP$, of -> IN). */
#ifndef DY_SYNTAX_TAGGER_H
#define DY_SYNTAX_TAGGER_H

#include "syntax.h"

#define TG_MAXH 40      /* HMM states */
#define TG_MAXOPEN 16   /* open-class states used for unknown words */
#define TG_SUFMAX 5     /* longest suffix in the unknown-word model */

typedef struct tg_ent {
    float lp;           /* ln P(word | state) */
    uint8_t st;         /* state */
} tg_ent;

/* Word classes the syntax stage looks up by word id (bit set per id). */
enum tg_wclass {
    WC_SPEECH = 1 << 0,     /* say, tell, add, announce ... (attribution verbs) */
    WC_FAIL = 1 << 1,       /* fail (to) */
    WC_REFUSE = 1 << 2,     /* refuse, decline, reject (to) */
    WC_INTENT = 1 << 3,     /* plan, want, vow, intend, pledge, promise, threaten ... */
    WC_CONTROL = 1 << 4,    /* other verbs taking a to-infinitive: try, agree, continue ... */
    WC_TIME = 1 << 5,       /* monday, week, year, morning ... */
    WC_TITLE = 1 << 6,      /* president, minister, gen. ... (descriptor before a name) */
    WC_BE = 1 << 7,         /* forms of be */
    WC_HAVE = 1 << 8,
    WC_DO = 1 << 9,
    WC_NEG = 1 << 10,       /* not, n't, never */
    WC_FUTURE = 1 << 11,    /* will, shall, 'll, wo */
    WC_MODAL = 1 << 12,     /* would, could, might, may, should, must, can, ca, 'd */
    WC_PRON_SUBJ = 1 << 13, /* he, she, they, we, i, you, it */
    WC_REL = 1 << 14,       /* who, which, that, whom, whose */
    WC_SUBORD = 1 << 15,    /* if, because, while, although, when, after ... */
    WC_GET = 1 << 16,       /* get, got (passive auxiliary) */
    WC_DITRANS = 1 << 17,   /* tell, give, offer, send, show, ask, grant ... */
    WC_OBJCTL = 1 << 18,    /* verb NP to-VB: the NP is the subject of the
                               infinitive (persuade, urge, allow, ask ...) */
    WC_BARE = 1 << 19,      /* verb (NP) VB: bare infinitive (help, make, let) */
    WC_POSS = 1 << 20,      /* possessive determiners: my your his its our their */
    WC_CNOUN = 1 << 21,     /* nouns taking a that-clause: claim, fact, report ... */
    WC_QP = 1 << 22,        /* words before a number: about, nearly, at least ... */
    WC_PARTICLE = 1 << 23,  /* lower-case words inside names: de, van, al ... */
    WC_MONTH = 1 << 24,     /* january ... december, jan. ... dec. */
    WC_WEEKDAY = 1 << 25    /* monday ... sunday */
};

struct dy_tagger {
    int H;                          /* number of states */
    char name[TG_MAXH][6];          /* festival tag names */
    uint8_t penn[TG_MAXH];          /* default Penn tag per state */
    uint8_t closed[TG_MAXH];        /* 1 for closed-class states */
    float *tri;                     /* H*H*H: ln P(c | a, b) at [(a*H+b)*H+c] */
    float uni[TG_MAXH];             /* ln P(t) */
    float lntot;                    /* ln of the corpus size (tag count) */
    int start_a, start_b;           /* context before a sentence */
    /* lexicon, by word id of ctx->words (ids >= nids are unknown words) */
    uint32_t nids;
    uint32_t *lex_off;              /* nids+1 offsets into ent */
    tg_ent *ent;
    size_t nent;
    /* unknown words */
    int nopen;
    uint8_t open[TG_MAXOPEN];       /* open-class states */
    float oov[TG_MAXOPEN];          /* ln P(unknown word | state), festival's _OOV_ */
    float openprior[TG_MAXOPEN];    /* ln P(state | rare word) */
    dy_map suf;                     /* suffix key -> row + 1 */
    float *sufp;                    /* rows of nopen: ln P(state | suffix) - ln P(state) */
    size_t nsuf, sufcap;
    tg_ent num[4];                  /* numbers */
    int nnum;
    /* states used by rules (-1 if absent) */
    int s_nn, s_nns, s_nnp, s_nnps, s_jj, s_jjr, s_jjs, s_cd, s_rb, s_vb, s_vbd, s_vbn,
        s_vbg, s_vbz, s_vbp, s_punc, s_in, s_of, s_dt, s_prp, s_pos, s_to, s_md, s_wp,
        s_wdt, s_sym, s_fw, s_cc, s_rp, s_uh, s_ex, s_wrb, s_pdt, s_ls;
    /* WordNet base forms: sets of 64-bit string hashes */
    dy_map wn_noun, wn_verb, wn_adj, wn_adv;
    /* word classes by word id */
    uint32_t *wclass;
    size_t nwclass;
    uint32_t id_say;                /* word id of "say" (for according to) */
    /* lemma cache for the lexicon's inflected words (ids < nids; 0: not cached) */
    uint32_t *lem_v, *lem_n;
    /* 1 when every word has at most TG_MAXC entries, each of another state
     * (set at load): its candidates are then its entries as they are */
    int lex_plain;
};

/* Emission candidates of one token. */
#define TG_MAXC 8
typedef struct tg_cand {
    int n;
    uint8_t st[TG_MAXC];
    float lp[TG_MAXC];
} tg_cand;

static inline uint32_t tg_wclass(const struct dy_tagger *tg, uint32_t id)
{
    return id < tg->nwclass ? tg->wclass[id] : 0;
}

uint64_t tg_key(const char *s, size_t n);
struct dyad_ctx;
int tg_cache_lemmas(struct dyad_ctx *ctx);
int tg_augment_lexicon(struct dyad_ctx *ctx);
int tg_wn_has(const dy_map *set, const char *s, size_t n);
/* begin, start, finish, stop, keep ... in any form: a verb whose -ing
 * complement is a clause, not a noun phrase (began shelling the city) */
int tg_aspect_verb(const dy_text *t, const dy_tok *k);

#endif
