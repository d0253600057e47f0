/* tag.c - part-of-speech tags and lemmas for every token of a document.
 *
 * Reads dy_text (tokens with kind, flags, normalised form and word id) and the
 * tables of dy_lex; writes dy_tok.tag (enum dy_tag) and dy_tok.lemma.
 *
 * Per sentence: each token gets a short list of candidate states with their
 * emission scores (lexicon; for unknown words the suffix model, shape and
 * capitalisation), then a second-order Viterbi over the candidates only picks
 * the best sequence (cost: sum of k(i-2)*k(i-1)*k(i), k <= 8, usually 1-3).
 * Lemmas come from WordNet's morphy algorithm: exception lists, then the
 * detachment rules checked against the base-form sets. No allocation: the
 * trellis lives on the stack and long sentences are tagged in windows. */
#include "tagger.h"

#include "../core/internal.h"

#include <math.h>
#include <stdio.h>

/* Capitalisation evidence (ln factors). The lexicon is lower-cased, so it
 * cannot tell "Bush" from "bush"; in running text a capital letter away from
 * the start of a sentence means a name far more often than not. The values
 * were set by reasoning and checked on the CoNLL development file (a coarse
 * grid moved tag agreement by +-0.1%); -D overrides them for experiments. */
#ifndef CAP_OTHER_PEN
#define CAP_OTHER_PEN (-2.3f)      /* capitalised mid-sentence, tag not NNP/NNPS */
#endif
#ifndef UNK_CAP_OTHER_PEN
#define UNK_CAP_OTHER_PEN (-4.5f)  /* the same for a word the lexicon does not know */
#endif
#ifndef PROPADJ_KNOWN_PEN
#define PROPADJ_KNOWN_PEN (-1.5f)  /* a known adjective, capitalised mid-sentence */
#endif
#define ALLCAP_OTHER_PEN (-6.0f)   /* ALL-CAPS mid-sentence (NATO, US), not NNP */
#ifndef LOWER_NNP_PEN
#define LOWER_NNP_PEN (-6.0f)      /* lower case, tag NNP/NNPS */
#endif
#ifndef CAP_NNP_FALLBACK
#define CAP_NNP_FALLBACK (-11.5f)  /* ln P(w | nnp) for a capitalised word the
                                      lexicon never saw as a name */
#endif
#ifndef AFTER_BE
#define AFTER_BE 2.0f              /* bonus of VBG right after a form of be */
#endif
#ifndef PROPADJ_NEXT
#define PROPADJ_NEXT 1             /* a nationality adjective before a
                                      lower-case noun is JJ (Rwandan refugees) */
#endif
#ifndef BEAM
#define BEAM 9.0f                  /* candidates this far below the best posterior
                                      ln P(w|t) + ln P(t) are dropped */
#endif

/* ---- morphy ---- */

static uint32_t find_word(const struct dyad_ctx *ctx, const char *s, size_t n)
{
    return dy_word_find(ctx, s, n);
}

/* Try base = w minus `cut` bytes plus `add`; check against set. */
static int try_rule(const dy_map *set, const char *w, size_t n, size_t cut, const char *add,
                    char *out, size_t *outn)
{
    size_t al = strlen(add);
    if (n <= cut || n - cut + al >= 64)
        return 0;
    memcpy(out, w, n - cut);
    memcpy(out + n - cut, add, al);
    *outn = n - cut + al;
    return tg_wn_has(set, out, *outn);
}

/* Does w end with suf (of length l)? From the last byte back: most words
 * differ there (morphy and the unknown-word rules test many suffixes). */
static inline int ends_n(const char *w, size_t n, const char *suf, size_t l)
{
    if (n < l)
        return 0;
    for (size_t i = l; i-- > 0;)
        if (w[n - l + i] != suf[i])
            return 0;
    return 1;
}

static int ends(const char *w, size_t n, const char *suf)
{
    return ends_n(w, n, suf, strlen(suf));
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Base form string of w (pos 'v' or 'n') into out[64]; returns its length, or
 * 0 when no rule applies (the word is its own base or unknown). */
static size_t morph_str(const struct dy_tagger *tg, const char *w, size_t n, int pos, char *out,
                        int heur)
{
    size_t on;
    if (n >= 60)
        return 0;
    if (pos == 'v') {
        static const struct { const char *s, *a; size_t sl; } r[] = {
            {"s", "", 1}, {"ies", "y", 3}, {"es", "e", 2}, {"es", "", 2}, {"ed", "e", 2},
            {"ed", "", 2}, {"ing", "e", 3}, {"ing", "", 3}};
        for (size_t i = 0; i < sizeof r / sizeof r[0] && !heur; i++)
            if (ends_n(w, n, r[i].s, r[i].sl) &&
                try_rule(&tg->wn_verb, w, n, r[i].sl, r[i].a, out, &on))
                return on;
        if (!heur)
            return 0;
        /* not in WordNet: undouble (stopping), -ied, plain -ed/-ing */
        if ((ends(w, n, "ing") && n > 5) || (ends(w, n, "ed") && n > 4)) {
            size_t cut = ends(w, n, "ing") ? 3 : 2;
            size_t b = n - cut;
            if (b >= 3 && w[b - 1] == w[b - 2] && !is_vowel(w[b - 1]) && w[b - 1] != 'l' &&
                w[b - 1] != 's') {
                memcpy(out, w, b - 1);
                return b - 1;
            }
            if (cut == 2 && ends(w, n, "ied")) {
                memcpy(out, w, n - 3);
                out[n - 3] = 'y';
                return n - 2;
            }
            memcpy(out, w, b);
            return b;
        }
        if (ends(w, n, "ies") && n > 4) {
            memcpy(out, w, n - 3);
            out[n - 3] = 'y';
            return n - 2;
        }
        if (ends(w, n, "s") && !ends(w, n, "ss") && n > 3) {
            memcpy(out, w, n - 1);
            return n - 1;
        }
        return 0;
    }
    static const struct { const char *s, *a; size_t sl; } r[] = {
        {"s", "", 1}, {"ses", "s", 3}, {"xes", "x", 3}, {"zes", "z", 3}, {"ches", "ch", 4},
        {"shes", "sh", 4}, {"men", "man", 3}, {"ies", "y", 3}};
    for (size_t i = 0; i < sizeof r / sizeof r[0] && !heur; i++)
        if (ends_n(w, n, r[i].s, r[i].sl) &&
            try_rule(&tg->wn_noun, w, n, r[i].sl, r[i].a, out, &on))
            return on;
    if (!heur)
        return 0;
    if (ends(w, n, "ies") && n > 4) {
        memcpy(out, w, n - 3);
        out[n - 3] = 'y';
        return n - 2;
    }
    if (ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is") && n > 3) {
        memcpy(out, w, n - 1);
        return n - 1;
    }
    return 0;
}

/* Lemma id; wid is the id of w (0 if not interned). */
static uint32_t lemma_of(const struct dyad_ctx *ctx, const char *w, size_t n, uint32_t wid,
                         int pos)
{
    const dy_lex *lex = &ctx->lex;
    const struct dy_tagger *tg = lex->tagger;
    uint32_t v;
    if (wid && dy_map_get(pos == 'v' ? &lex->verb_exc : &lex->noun_exc, wid, &v))
        return v;
    if (!tg)
        return wid;
    /* the detachment rules first (troops -> troop although WordNet also
     * lists "troops"), then the word itself, then rules for unknown words */
    char out[64];
    size_t on = morph_str(tg, w, n, pos, out, 0);
    if (on)
        return find_word(ctx, out, on);
    if (tg_wn_has(pos == 'v' ? &tg->wn_verb : &tg->wn_noun, w, n))
        return wid;
    /* test-fired, re-elected: the base form of the last part, behind the
     * prefix (when the whole form is a word dyad knows: the dictionaries
     * name "test-fire", not "test-fir") */
    const char *h = n < 60 ? memchr(w, '-', n) : NULL;
    if (h) {
        const char *last = w + n;
        while (last[-1] != '-')
            last--;
        size_t pn = (size_t)(last - w), ln = n - pn;
        if (ln >= 3) {
            uint32_t lid = find_word(ctx, last, ln), b = 0;
            char part[64];
            size_t bn = 0;
            if (lid && dy_map_get(pos == 'v' ? &lex->verb_exc : &lex->noun_exc, lid, &b) && b) {
                bn = dy_intern_len(&ctx->words, b);
                if (bn < sizeof part)
                    memcpy(part, dy_intern_str(&ctx->words, b), bn);
                else
                    bn = 0;
            } else {
                bn = morph_str(tg, last, ln, pos, part, 0);
                if (!bn && !tg_wn_has(pos == 'v' ? &tg->wn_verb : &tg->wn_noun, last, ln))
                    bn = morph_str(tg, last, ln, pos, part, 1);
            }
            if (bn && pn + bn < sizeof out) {
                memcpy(out, w, pn);
                memcpy(out + pn, part, bn);
                uint32_t id = find_word(ctx, out, pn + bn);
                if (id)
                    return id;
            }
        }
    }
    on = morph_str(tg, w, n, pos, out, 1);
    if (!on)
        return wid;
    return find_word(ctx, out, on);
}

#ifndef NO_AUG
#define NO_AUG 0
#endif
#ifndef REDREL
#define REDREL 1
#endif
#ifndef AUG_VERB
#define AUG_VERB 0
#endif
#ifndef AUG_COUNT
#define AUG_COUNT 0.2              /* corpus count given to a tag WordNet allows
                                      but the lexicon never saw for a word */
#endif

/* festival's lexicon is a sample of one corpus: "bail" is only VB in it,
 * "matches" only VBZ, "arrested" only VBN. Add the open-class tags WordNet's
 * base forms and the morphy rules allow for each lexicon word (noun base ->
 * NN, -s plural -> NNS, verb base -> VB/VBP, -s -> VBZ, -ed -> VBD/VBN,
 * -ing -> VBG, adjective -> JJ) with a count of AUG_COUNT, i.e. ln P(w|t) =
 * ln(AUG_COUNT / N(t)). Load time only; rebuilds the CSR arrays. */
int tg_augment_lexicon(struct dyad_ctx *ctx)
{
    struct dy_tagger *tg = ctx->lex.tagger;
    if (!tg || !tg->nids || !tg->lex_off || !tg->wn_verb.nslots || NO_AUG)
        return 0;
    int st[8];
    size_t cap = tg->nent + tg->nent / 2 + 16, n = 0;
    tg_ent *ent = dy_malloc(cap * sizeof *ent);
    uint32_t *off = dy_malloc(((size_t)tg->nids + 1) * sizeof *off);
    if (!ent || !off) {
        dy_free(ent);
        dy_free(off);
        return -1;
    }
    char out[64];
    for (uint32_t id = 0; id < tg->nids; id++) {
        off[id] = (uint32_t)n;
        uint32_t a = tg->lex_off[id], b = tg->lex_off[id + 1];
        int ns = 0;
        if (a < b) {
            const char *w = dy_intern_str(&ctx->words, id);
            size_t wn = dy_intern_len(&ctx->words, id);
            int closed = 0;
            for (uint32_t e = a; e < b; e++)
                closed |= tg->closed[tg->ent[e].st] && tg->ent[e].st != tg->s_cd;
            if (!closed && wn >= 3 && wn < 60 && dy_is_ascii_lower((unsigned char)w[0]) &&
                dy_is_ascii_lower((unsigned char)w[wn - 1])) {
                if (tg_wn_has(&tg->wn_noun, w, wn))
                    st[ns++] = tg->s_nn;
                if (w[wn - 1] == 's' && morph_str(tg, w, wn, 'n', out, 0))
                    st[ns++] = tg->s_nns;
                /* not the verb tags of nouns: after "to" a VB reading wins
                 * too easily ("due to fog", "to date") */
                if (AUG_VERB && tg_wn_has(&tg->wn_verb, w, wn)) {
                    st[ns++] = tg->s_vb;
                    st[ns++] = tg->s_vbp;
                }
                if (morph_str(tg, w, wn, 'v', out, 0)) {
                    if (w[wn - 1] == 's' && AUG_VERB)
                        st[ns++] = tg->s_vbz;
                    else if (ends(w, wn, "ed")) {
                        st[ns++] = tg->s_vbd;
                        st[ns++] = tg->s_vbn;
                    } else if (ends(w, wn, "ing"))
                        st[ns++] = tg->s_vbg;
                }
                if (tg_wn_has(&tg->wn_adj, w, wn) && ns < 8)
                    st[ns++] = tg->s_jj;
            }
        }
        if (DY_GROW(ent, cap, n + (b - a) + (size_t)ns)) {
            dy_free(ent);
            dy_free(off);
            return -1;
        }
        /* the lexicon's VBZ for a plural noun WordNet knows no verb of
         * ("inspectors" has only VBZ in festlex): a slip of the lexicon */
        int novbz = 0;
        if (a < b && ns) {
            const char *w = dy_intern_str(&ctx->words, id);
            size_t wn = dy_intern_len(&ctx->words, id);
            novbz = wn >= 4 && w[wn - 1] == 's' && dy_is_ascii_lower((unsigned char)w[0]) &&
                    morph_str(tg, w, wn, 'n', out, 0) && !morph_str(tg, w, wn, 'v', out, 0);
        }
        for (uint32_t e = a; e < b; e++)
            if (!(novbz && tg->ent[e].st == tg->s_vbz))
                ent[n++] = tg->ent[e];
        for (int q = 0; q < ns; q++) {
            int have = st[q] < 0;
            for (uint32_t e = a; e < b && !have; e++)
                have = tg->ent[e].st == st[q];
            if (have)
                continue;
            ent[n].st = (uint8_t)st[q];
            ent[n].lp = (float)(log(AUG_COUNT) - (tg->uni[st[q]] + tg->lntot));
            n++;
        }
    }
    off[tg->nids] = (uint32_t)n;
    dy_free(tg->ent);
    dy_free(tg->lex_off);
    tg->ent = ent;
    tg->nent = n;
    tg->lex_off = off;
    return 0;
}

/* Fill the lemma cache for the lexicon's words that have an inflected verb
 * or plural noun tag (load time). */
int tg_cache_lemmas(struct dyad_ctx *ctx)
{
    struct dy_tagger *tg = ctx->lex.tagger;
    if (!tg || !tg->nids || !tg->lex_off)
        return 0;
    tg->lem_v = dy_calloc(tg->nids, sizeof *tg->lem_v);
    tg->lem_n = dy_calloc(tg->nids, sizeof *tg->lem_n);
    if (!tg->lem_v || !tg->lem_n)
        return -1;
    tg->lex_plain = 1;
    for (uint32_t id = 0; id < tg->nids && tg->lex_plain; id++) {
        uint32_t a = tg->lex_off[id], b = tg->lex_off[id + 1];
        if (b - a > TG_MAXC)
            tg->lex_plain = 0;
        for (uint32_t e = a; e < b && tg->lex_plain; e++)
            for (uint32_t f = a; f < e; f++)
                if (tg->ent[f].st == tg->ent[e].st)
                    tg->lex_plain = 0;
    }
    for (uint32_t id = 1; id < tg->nids; id++) {
        int v = 0, nn = 0;
        for (uint32_t e = tg->lex_off[id]; e < tg->lex_off[id + 1]; e++) {
            int st = tg->ent[e].st;
            v |= st == tg->s_vbd || st == tg->s_vbn || st == tg->s_vbg || st == tg->s_vbz;
            nn |= st == tg->s_nns;
        }
        const char *w = dy_intern_str(&ctx->words, id);
        size_t n = dy_intern_len(&ctx->words, id);
        if (v)
            tg->lem_v[id] = lemma_of(ctx, w, n, id, 'v');
        if (nn)
            tg->lem_n[id] = lemma_of(ctx, w, n, id, 'n');
    }
    return 0;
}

uint32_t dy_lemma(const struct dyad_ctx *ctx, const char *w, size_t n, int pos)
{
    char low[64];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(dy_is_ascii_upper((unsigned char)w[i]) ? w[i] + 32 : w[i]);
    uint32_t wid = find_word(ctx, low, n);
    return lemma_of(ctx, low, n, wid, pos == 'n' ? 'n' : 'v');
}

/* ---- candidates ---- */

typedef struct sent_info {
    int headline;       /* most words capitalised: capitals say little */
} sent_info;

/* cand_add for a state c does not hold (the open classes, each once, into
 * an empty list): no search for it */
static void cand_add_new(tg_cand *c, int st, float lp)
{
    if (c->n < TG_MAXC) {
        c->st[c->n] = (uint8_t)st;
        c->lp[c->n] = lp;
        c->n++;
        return;
    }
    int worst = 0;
    for (int i = 1; i < c->n; i++)
        if (c->lp[i] < c->lp[worst])
            worst = i;
    if (lp > c->lp[worst]) {
        c->st[worst] = (uint8_t)st;
        c->lp[worst] = lp;
    }
}

static void cand_add(tg_cand *c, int st, float lp)
{
    if (st < 0)
        return;
    for (int i = 0; i < c->n; i++)
        if (c->st[i] == st) {
            if (lp > c->lp[i])
                c->lp[i] = lp;
            return;
        }
    cand_add_new(c, st, lp);
}

static int has_alpha(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dy_is_ascii_lower((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}
static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dy_is_digit((unsigned char)s[i]))
            return 1;
    return 0;
}

/* Unknown word: festival's P(OOV | t) times the suffix evidence. */
static void cand_unknown(const struct dy_tagger *tg, const char *w, size_t n, tg_cand *c)
{
    const float *row = NULL;
    if (tg->sufp) {
        /* suffix of the last hyphen-separated part */
        const char *h = memchr(w, '-', n);
        const char *base = w;
        size_t bn = n;
        if (h) {
            const char *last = w + n;
            while (last > w && last[-1] != '-')
                last--;
            base = last;
            bn = (size_t)(w + n - last);
        }
        row = tg->sufp; /* row 0: the prior */
        for (size_t L = 1; L <= TG_SUFMAX && L < bn; L++) {
            uint32_t r;
            if (!dy_map_get(&tg->suf, tg_key(base + bn - L, L), &r))
                break;
            row = tg->sufp + (size_t)(r - 1) * tg->nopen;
        }
    }
    for (int j = 0; j < tg->nopen; j++) {
        int st = tg->open[j];
        if (!tg->sufp && st == tg->s_nnps && !ends(w, n, "s"))
            continue; /* degraded: no plural name without an s */
        /* names carry no suffix evidence (the model is built from lower-case
         * words); their prior is festival's P(OOV | nnp) */
        float ev = (row && st != tg->s_nnp && st != tg->s_nnps) ? row[j] : 0;
        cand_add_new(c, st, tg->oov[j] + ev);
    }
    if (!tg->sufp) { /* degraded: suffix rules */
        int st = tg->s_nn;
        if (ends(w, n, "ly"))
            st = tg->s_rb;
        else if (ends(w, n, "ing"))
            st = tg->s_vbg;
        else if (ends(w, n, "ed"))
            st = tg->s_vbd;
        else if (ends(w, n, "s") && !ends(w, n, "ss"))
            st = tg->s_nns;
        else if (ends(w, n, "ous") || ends(w, n, "ive") || ends(w, n, "al") || ends(w, n, "ic"))
            st = tg->s_jj;
        cand_add(c, st, -1.0f);
    }
    if (memchr(w, '-', n)) { /* pro-Russian, long-range, so-called */
        for (int i = 0; i < c->n; i++)
            if (c->st[i] == tg->s_jj)
                c->lp[i] += 1.0f;
            else if (c->st[i] != tg->s_nn && c->st[i] != tg->s_nnp && c->st[i] != tg->s_nns)
                c->lp[i] -= 1.0f;
    }
}

#ifndef NO_WNBIAS
#define NO_WNBIAS 0
#endif
#ifndef WN_UNLICENSED
#define WN_UNLICENSED (-3.0f)      /* an open-class tag WordNet does not allow
                                      for a word the lexicon does not know */
#endif

/* A word the WSJ lexicon does not know may still be in WordNet (mosque,
 * minefield, airdrops): its base forms and the morphy rules say which
 * open-class tags are possible; the others pay WN_UNLICENSED. Names (NNP,
 * NNPS) are left to capitalisation. Words WordNet does not know either keep
 * the suffix model alone. */
static void wn_bias(const struct dy_tagger *tg, const char *w, size_t n, tg_cand *c)
{
    if (n < 3 || n >= 60 || !tg->wn_noun.nslots || NO_WNBIAS)
        return;
    char out[64];
    uint64_t key = tg_key(w, n);    /* one hash for the four sets */
    uint32_t v;
    int nn = dy_map_get(&tg->wn_noun, key, &v);
    int nns = w[n - 1] == 's' && morph_str(tg, w, n, 'n', out, 0);
    int vb = dy_map_get(&tg->wn_verb, key, &v);
    int vinf = morph_str(tg, w, n, 'v', out, 0);
    int jj = dy_map_get(&tg->wn_adj, key, &v);
    int rb = dy_map_get(&tg->wn_adv, key, &v);
    if (!(nn || nns || vb || vinf || jj || rb))
        return;
    int ed = ends(w, n, "ed"), ing = ends(w, n, "ing");
    for (int i = 0; i < c->n; i++) {
        int st = c->st[i], ok;
        if (st == tg->s_nnp || st == tg->s_nnps)
            continue;
        if (st == tg->s_nn)
            ok = nn || (ing && vinf);
        else if (st == tg->s_nns)
            ok = nns;
        else if (st == tg->s_vb || st == tg->s_vbp)
            ok = vb;
        else if (st == tg->s_vbz)
            ok = vinf && w[n - 1] == 's';
        else if (st == tg->s_vbd || st == tg->s_vbn)
            ok = vinf && !ing && w[n - 1] != 's';
        else if (st == tg->s_vbg)
            ok = vinf && ing;
        else if (st == tg->s_jj)
            ok = jj || (vinf && (ed || ing));
        else if (st == tg->s_rb)
            ok = rb;
        else
            ok = 1;
        if (!ok)
            c->lp[i] += WN_UNLICENSED;
    }
}

static void cand_number(const struct dy_tagger *tg, const char *w, size_t n, tg_cand *c)
{
    if (has_alpha(w, n)) {
        if (memchr(w, '-', n) && !dy_is_digit((unsigned char)w[n - 1])) { /* 30-year-old */
            cand_add(c, tg->s_jj, -1.0f);
            cand_add(c, tg->s_nn, -4.0f);
            cand_add(c, tg->s_cd, -5.0f);
            return;
        }
        if (ends(w, n, "st") || ends(w, n, "nd") || ends(w, n, "rd") || ends(w, n, "th")) {
            cand_add(c, tg->s_jj, -1.0f);
            cand_add(c, tg->s_cd, -4.0f);
            return;
        }
        if (ends(w, n, "s")) { /* 1990s */
            cand_add(c, tg->s_cd, -1.0f);
            cand_add(c, tg->s_nns, -2.0f);
            return;
        }
    }
    for (int i = 0; i < tg->nnum; i++)
        cand_add(c, tg->num[i].st, tg->num[i].lp);
}

static int lex_has(const struct dy_tagger *tg, uint32_t id, int st);

static void candidates(const struct dy_tagger *tg, const dy_lex *wf, const dy_text *t, size_t i,
                       int initial, const sent_info *si, tg_cand *c)
{
    const dy_tok *k = &t->tok[i];
    const char *w = dy_tok_norm(t, k);
    size_t n = k->nlen;
    c->n = 0;
    switch (k->kind) {
    case TK_PUNCT:
    case TK_DASH:
    case TK_QUOTE:
        cand_add(c, tg->s_punc, 0);
        return;
    case TK_NUM:
        if (k->word && k->word < tg->nids && tg->lex_off[k->word] != tg->lex_off[k->word + 1])
            break;
        cand_number(tg, w, n, c);
        return;
    case TK_SYM:
        if (k->word && k->word < tg->nids && tg->lex_off[k->word] != tg->lex_off[k->word + 1])
            break;
        cand_add(c, tg->s_sym, 0);
        return;
    default:
        break;
    }
    int known = k->word && k->word < tg->nids && tg->lex_off[k->word] != tg->lex_off[k->word + 1];
    if (known && tg->lex_plain) {
        /* what cand_add would make of them: the entries in order */
        for (uint32_t e = tg->lex_off[k->word]; e < tg->lex_off[k->word + 1]; e++) {
            c->st[c->n] = tg->ent[e].st;
            c->lp[c->n] = tg->ent[e].lp;
            c->n++;
        }
    } else if (known) {
        for (uint32_t e = tg->lex_off[k->word]; e < tg->lex_off[k->word + 1]; e++)
            cand_add(c, tg->ent[e].st, tg->ent[e].lp);
    } else if (has_digit(w, n) && !has_alpha(w, n) && !(k->flags & TF_CAP)) {
        cand_number(tg, w, n, c); /* .647, +6221: numbers the tokenizer left as words */
    } else if (has_digit(w, n) && k->kind == TK_WORD) { /* F-16, G7, COVID-19 */
        cand_add(c, tg->s_nnp, -2.0f);
        cand_add(c, tg->s_nn, -3.0f);
        cand_add(c, tg->s_cd, -4.0f);
        cand_add(c, tg->s_jj, -4.5f);
    } else {
        cand_unknown(tg, w, n, c);
        wn_bias(tg, w, n, c);
        /* an irregular verb form WordNet lists (knelt, slew, swum): the
         * suffix model takes it for a noun */
        uint32_t b;
        if (k->word && n >= 3 && !(k->flags & TF_CAP) && dy_map_get(&wf->verb_exc, k->word, &b) &&
            b != k->word && w[n - 1] != 's' && !ends(w, n, "ing")) {
            float top = -1e30f;
            for (int j = 0; j < c->n; j++)
                top = c->lp[j] > top ? c->lp[j] : top;
            c->n = 0;
            cand_add(c, tg->s_vbd, top);
            cand_add(c, tg->s_vbn, top);
        }
    }
    /* after a form of be (were trading, is being rebuilt) an -ing word is
     * a progressive: the trigram cannot tell "were" from "said" (both vbd)
     * and prefers a noun after either */
    if (i > 0 && AFTER_BE > 0) {
        size_t q = i - 1;
        while (q > 0 && (tg_wclass(tg, t->tok[q].word) & WC_NEG))
            q--;
        if ((tg_wclass(tg, t->tok[q].word) & WC_BE) && t->tok[q].kind != TK_PUNCT)
            for (int j = 0; j < c->n; j++)
                if (c->st[j] == tg->s_vbg)
                    c->lp[j] += AFTER_BE;
    }
    /* after a possessive determiner (his calls, its needs) no finite verb */
    if (i > 0 && (tg_wclass(tg, t->tok[i - 1].word) & WC_POSS)) {
        for (int j = 0; j < c->n; j++) {
            int st = c->st[j];
            if (st == tg->s_vb || st == tg->s_vbd || st == tg->s_vbz || st == tg->s_vbp ||
                st == tg->s_md)
                c->lp[j] -= 8.0f;
        }
    }
    /* capitalisation */
    int cap = (k->flags & TF_CAP) != 0;
    int allcap = (k->flags & TF_ALLCAP) != 0;
    if (k->kind == TK_CLITIC)
        cap = allcap = 0;
    if (!si->headline || !known) {
        if (cap && (!initial || !known)) {
            float pen = allcap ? ALLCAP_OTHER_PEN : known ? CAP_OTHER_PEN : UNK_CAP_OTHER_PEN;
            int hasnnp = 0;
            /* nationality and other proper adjectives (American, Rwandan,
             * Israeli) stay JJ before a noun: Penn tags them JJ */
            int propadj = !allcap && (known || ends(w, n, "an") || ends(w, n, "ese") ||
                                      ends(w, n, "ish") || ends(w, n, "i") || ends(w, n, "ic"));
            /* before a lower-case word (Rwandan refugees, Argentine
             * striker) an adjective WordNet or the lexicon knows is JJ */
            int nation = ends(w, n, "an") || ends(w, n, "ese") || ends(w, n, "ish") ||
                         ends(w, n, "i") || ends(w, n, "ch");
            int adjfirst = 0;
            if (!allcap && nation && PROPADJ_NEXT) {
                const dy_tok *nx = i + 1 < t->ntok ? &t->tok[i + 1] : NULL;
                int nxlow = nx && nx->kind == TK_WORD && !(nx->flags & (TF_CAP | TF_ALLCAP)) &&
                            !(nx->flags & TF_PARA) && has_alpha(dy_tok_norm(t, nx), nx->nlen) &&
                            (nx->word >= tg->nids || tg->lex_off[nx->word] == tg->lex_off[nx->word + 1] ||
                             lex_has(tg, nx->word, tg->s_nn) || lex_has(tg, nx->word, tg->s_nns));
                adjfirst = nxlow && (lex_has(tg, k->word, tg->s_jj) || tg_wn_has(&tg->wn_adj, w, n));
            }
            for (int j = 0; j < c->n; j++) {
                if (c->st[j] == tg->s_nnp || c->st[j] == tg->s_nnps) {
                    hasnnp = 1;
                    if (adjfirst)
                        c->lp[j] -= 1.5f;
                } else if (c->st[j] == tg->s_jj && propadj)
                    c->lp[j] += adjfirst ? 1.0f : known ? PROPADJ_KNOWN_PEN : -1.0f;
                else
                    c->lp[j] += pen;
            }
            if (!hasnnp) {
                int pl = n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && !allcap;
                cand_add(c, tg->s_nnp, known ? CAP_NNP_FALLBACK : tg->oov[0]);
                if (pl)
                    cand_add(c, tg->s_nnps, (known ? CAP_NNP_FALLBACK : tg->oov[0]) - 1.0f);
            }
        } else if (!cap && has_alpha(w, n)) {
            for (int j = 0; j < c->n; j++)
                if (c->st[j] == tg->s_nnp || c->st[j] == tg->s_nnps)
                    c->lp[j] += LOWER_NNP_PEN;
        }
    }
    /* beam, on the posterior ln P(w|t) + ln P(t) */
    float best = -1e30f, post[TG_MAXC];
    for (int j = 0; j < c->n; j++) {
        post[j] = c->lp[j] + tg->uni[c->st[j]];
        if (post[j] > best)
            best = post[j];
    }
    int m = 0;
    for (int j = 0; j < c->n; j++)
        if (post[j] >= best - BEAM) {
            c->st[m] = c->st[j];
            c->lp[m] = c->lp[j];
            m++;
        }
    c->n = m;
    if (c->n == 0)
        cand_add(c, tg->s_nn, 0);
}

/* ---- Viterbi over candidate lists ---- */

#define WIN 126

/* Tag c[0..n) given the two previous states; writes the chosen states. */
static void viterbi(const struct dy_tagger *tg, const tg_cand *c, int n, int pa, int pb, uint8_t *out)
{
    float d[WIN][TG_MAXC][TG_MAXC];
    uint8_t bp[WIN][TG_MAXC][TG_MAXC];
    int H = tg->H;
    const float *tri = tg->tri;
    /* position 0: previous two fixed */
    for (int l = 0; l < c[0].n; l++)
        d[0][0][l] = tri[((size_t)pa * H + pb) * H + c[0].st[l]] + c[0].lp[l];
    if (n == 1) {
        int bl = 0;
        for (int l = 1; l < c[0].n; l++)
            if (d[0][0][l] > d[0][0][bl])
                bl = l;
        out[0] = c[0].st[bl];
        return;
    }
    /* position 1 */
    for (int j = 0; j < c[0].n; j++)
        for (int l = 0; l < c[1].n; l++) {
            d[1][j][l] = d[0][0][j] + tri[((size_t)pb * H + c[0].st[j]) * H + c[1].st[l]] +
                         c[1].lp[l];
            bp[1][j][l] = 0;
        }
    size_t HH = (size_t)H * H;
    for (int i = 2; i < n; i++) {
        const tg_cand *c2 = &c[i - 2], *c1 = &c[i - 1], *c0 = &c[i];
        const float *tr2[TG_MAXC];  /* tri rows of the states at i - 2 */
        for (int h = 0; h < c2->n; h++)
            tr2[h] = tri + c2->st[h] * HH;
        for (int j = 0; j < c1->n; j++) {
            size_t b1 = (size_t)c1->st[j] * H;
            for (int l = 0; l < c0->n; l++) {
                size_t bc = b1 + c0->st[l];
                float best = d[i - 1][0][j] + tr2[0][bc];
                int bh = 0;
                if (!(best > -1e30f))
                    best = -1e30f;  /* as a scan from -1e30 would leave it */
                for (int h = 1; h < c2->n; h++) {
                    float v = d[i - 1][h][j] + tr2[h][bc];
                    if (v > best) {
                        best = v;
                        bh = h;
                    }
                }
                d[i][j][l] = best + c0->lp[l];
                bp[i][j][l] = (uint8_t)bh;
            }
        }
    }
    /* best final pair */
    int bj = 0, bl = 0;
    float best = -1e30f;
    for (int j = 0; j < c[n - 2].n; j++)
        for (int l = 0; l < c[n - 1].n; l++)
            if (d[n - 1][j][l] > best) {
                best = d[n - 1][j][l];
                bj = j;
                bl = l;
            }
    int idx[WIN];
    idx[n - 1] = bl;
    idx[n - 2] = bj;
    for (int i = n - 1; i >= 2; i--)
        idx[i - 2] = bp[i][idx[i - 1]][idx[i]];
    for (int i = 0; i < n; i++)
        out[i] = c[i].st[idx[i]];
}

/* ---- Penn tags from states ---- */

static int punct_tag(const dy_tok *k, const char *w)
{
    if (k->kind == TK_QUOTE)
        return (k->flags & TF_OPEN) ? T_LQUOTE : T_RQUOTE;
    switch (w[0]) {
    case ',':
        return T_PUNCT_COMMA;
    case '.':
        return k->nlen > 1 ? T_PUNCT_COLON : T_PUNCT_END;
    case '!':
    case '?':
        return T_PUNCT_END;
    case ';':
    case ':':
    case '-':
        return T_PUNCT_COLON;
    case '(':
    case '[':
    case '{':
        return T_LRB;
    case ')':
    case ']':
    case '}':
        return T_RRB;
    case '$':
        return T_DOLLAR;
    case '#':
        return T_HASH;
    case '"':
        return (k->flags & TF_OPEN) ? T_LQUOTE : T_RQUOTE;
    case '`':
        return T_LQUOTE;
    case '\'':
        return T_RQUOTE;
    default:
        break;
    }
    if ((unsigned char)w[0] == 0xE2) /* the tokenizer keeps other dashes/ellipses */
        return T_PUNCT_COLON;
    return T_SYM;
}

static int penn_of(const struct dy_tagger *tg, const dy_text *t, size_t i, int st)
{
    const dy_tok *k = &t->tok[i];
    const char *w = dy_tok_norm(t, k);
    if (st == tg->s_punc)
        return punct_tag(k, w);
    if (st == tg->s_prp) {
        static const char *const poss[] = {"my", "your", "his", "its", "our", "their", "her",
                                           "thy"};
        for (size_t j = 0; j < sizeof poss / sizeof poss[0]; j++)
            if (dy_tok_is(t, k, poss[j]))
                return j == 6 ? -T_PRPS : T_PRPS; /* her: decided by the next token */
        return T_PRP;
    }
    if (st == tg->s_wp && dy_tok_is(t, k, "whose"))
        return T_WPS;
    return tg->penn[st];
}

static int next_is_nominal(const dy_text *t, size_t i, size_t end)
{
    if (i + 1 >= end)
        return 0;
    int nt = t->tok[i + 1].tag;
    return dy_tag_is_noun(nt) || nt == T_JJ || nt == T_JJS || nt == T_JJR || nt == T_CD ||
           nt == T_VBG;
}

/* ---- lemmas ---- */

static uint32_t tok_lemma(const struct dyad_ctx *ctx, const dy_text *t, size_t i, size_t end)
{
    const dy_tok *k = &t->tok[i];
    const char *w = dy_tok_norm(t, k);
    int tag = k->tag;
    if (dy_tag_is_verb(tag) || tag == T_MD) {
        if (k->kind == TK_CLITIC || tag == T_MD) {
            const char *l = NULL;
            if (dy_tok_is(t, k, "'s")) {
                /* he's gone / it's been: have; else be */
                int have = i + 1 < end && (t->tok[i + 1].tag == T_VBN ||
                                           (i + 2 < end && t->tok[i + 1].tag == T_RB &&
                                            t->tok[i + 2].tag == T_VBN &&
                                            !dy_tok_is(t, &t->tok[i + 1], "not")));
                if (have && i + 1 < end && dy_tok_is(t, &t->tok[i + 1], "been"))
                    have = 1;
                l = have ? "have" : "be";
            } else if (dy_tok_is(t, k, "'re") || dy_tok_is(t, k, "'m"))
                l = "be";
            else if (dy_tok_is(t, k, "'ve"))
                l = "have";
            else if (dy_tok_is(t, k, "'d"))
                l = (i + 1 < end && t->tok[i + 1].tag == T_VBN) ? "have" : "would";
            else if (dy_tok_is(t, k, "'ll") || dy_tok_is(t, k, "wo"))
                l = "will";
            else if (dy_tok_is(t, k, "ca"))
                l = "can";
            if (l)
                return find_word(ctx, l, strlen(l));
            return k->word;
        }
        if (tag == T_VB || tag == T_VBP) {
            uint32_t v;
            if (k->word && dy_map_get(&ctx->lex.verb_exc, k->word, &v))
                return v;
            return k->word;
        }
        const struct dy_tagger *tg = ctx->lex.tagger;
        if (tg && tg->lem_v && k->word && k->word < tg->nids && tg->lem_v[k->word])
            return tg->lem_v[k->word];
        return lemma_of(ctx, w, k->nlen, k->word, 'v');
    }
    if (tag == T_NNS) {
        const struct dy_tagger *tg = ctx->lex.tagger;
        if (tg && tg->lem_n && k->word && k->word < tg->nids && tg->lem_n[k->word])
            return tg->lem_n[k->word];
        return lemma_of(ctx, w, k->nlen, k->word, 'n');
    }
    if (tag == T_NN) {
        uint32_t v;
        if (k->word && dy_map_get(&ctx->lex.noun_exc, k->word, &v))
            return v;
    }
    return k->word;
}

/* ---- contextual corrections ----
 * A few local rules over the Viterbi output where the trigram window is too
 * short or the lexicon too skewed (festival's "said" is VBD 45 times more often
 * than VBN): a past form after an auxiliary have/be (with adverbs between) is
 * a participle; a base form after to/a modal stays VB. */
#ifndef NOVERB_FIX
#define NOVERB_FIX 1
#endif
static int lex_has(const struct dy_tagger *tg, uint32_t id, int st)
{
    if (!id || id >= tg->nids || st < 0)
        return 0;
    for (uint32_t e = tg->lex_off[id]; e < tg->lex_off[id + 1]; e++)
        if (tg->ent[e].st == st)
            return 1;
    return 0;
}

/* Lemmas while tagging (dy_tok.lemma is set after the corrections): the
 * load-time cache of the lexicon's inflected words, else the word. */
static uint32_t verb_lemma(const struct dy_tagger *tg, uint32_t id)
{
    return tg->lem_v && id && id < tg->nids && tg->lem_v[id] ? tg->lem_v[id] : id;
}
static uint32_t noun_lemma(const struct dy_tagger *tg, uint32_t id)
{
    return tg->lem_n && id && id < tg->nids && tg->lem_n[id] ? tg->lem_n[id] : id;
}

static int nominal_tag(int t)
{
    return dy_tag_is_noun(t) || t == T_JJ || t == T_JJR || t == T_JJS || t == T_CD ||
           t == T_VBG || t == T_VBN;
}

/* Nouns that take a "that" clause (the claim that ...): not antecedents. */
static int wflag_content_noun(const struct dy_tagger *tg, uint32_t id)
{
    return (tg_wclass(tg, id) & WC_CNOUN) != 0;
}

static int np_start_tag(int t)
{
    return t == T_DT || t == T_CD || t == T_PRPS || t == T_PRP || t == T_NNP || t == T_NNPS ||
           t == T_NNS || t == T_NN || t == T_JJ || t == T_DOLLAR || t == T_PDT;
}

/* Can token i (a verb form) take a bare infinitive after it? */
static int bare_licensor(const struct dy_tagger *tg, const dy_text *t, size_t i)
{
    uint32_t c = tg_wclass(tg, t->tok[i].word) | tg_wclass(tg, verb_lemma(tg, t->tok[i].word));
    return (c & (WC_DO | WC_BARE)) != 0;
}

/* An -ed word the lexicon does not know as a verb but WordNet's rules
 * derive from a verb ("reimposed" -> reimpose): tagged JJ by its suffix. */
static int ed_verb(const struct dy_tagger *tg, const dy_text *t, const dy_tok *k)
{
    char out[64];
    const char *w = dy_tok_norm(t, k);
    if (k->nlen < 5 || k->nlen >= 60 || w[k->nlen - 1] != 'd' || w[k->nlen - 2] != 'e' ||
        lex_has(tg, k->word, tg->s_jj))
        return 0;
    return morph_str(tg, w, k->nlen, 'v', out, 0) > 0;
}

/* Can the past form k be a past tense (VBD)? The lexicon says so, or it
 * is a regular -ed form (festival lacks VBD for many: "arrested", "bombed");
 * irregular participles (driven, taken, shown) cannot. */
static int past_reading(const struct dy_tagger *tg, const dy_lex *wf, const dy_text *t,
                        const dy_tok *k)
{
    uint32_t b;
    if (lex_has(tg, k->word, tg->s_vbd))
        return 1;
    /* an irregular past the lexicon does not know (knelt) */
    if (k->word && (k->word >= tg->nids || tg->lex_off[k->word] == tg->lex_off[k->word + 1]) &&
        dy_map_get(&wf->verb_exc, k->word, &b))
        return 1;
    const char *w = dy_tok_norm(t, k);
    return k->nlen > 3 && w[k->nlen - 2] == 'e' && w[k->nlen - 1] == 'd';
}

/* Is the -s form k a plural WordNet knows (airdrops -> airdrop)? */
static int noun_plural(const struct dy_tagger *tg, const dy_text *t, const dy_tok *k)
{
    char out[64];
    const char *w = dy_tok_norm(t, k);
    return k->nlen < 60 && w[k->nlen - 1] == 's' && morph_str(tg, w, k->nlen, 'n', out, 0) > 0;
}

/* The first token of the noun phrase that ends at token j - 1 (tags only). */
static size_t np_back(const dy_text *t, size_t first, size_t j)
{
    while (j > first) {
        int pt = t->tok[j - 1].tag;
        if (dy_tag_is_noun(pt) || pt == T_DT || pt == T_JJ || pt == T_JJR || pt == T_JJS ||
            pt == T_PRPS || pt == T_CD || pt == T_POS || pt == T_PDT)
            j--;
        else
            break;
    }
    return j;
}

/* Is token k one of the n words w (lower case)? */
static int tok_one_of(const dy_text *t, const dy_tok *k, const char *const *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dy_tok_is(t, k, w[i]))
            return 1;
    return 0;
}

/* "on Sunday" at tokens i, i + 1: the wire's time phrase between a subject
 * and its verb ("Albania on Friday denounced"). */
static int weekday_phrase(const dy_text *t, size_t i)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    return dy_tok_is(t, &t->tok[i], "on") &&
           tok_one_of(t, &t->tok[i + 1], days, sizeof days / sizeof *days);
}

static float lex_post(const struct dy_tagger *tg, uint32_t id, int st);
static int to_date_idiom(const dy_text *t, size_t j, size_t end);

/* begin, start, finish, stop, keep, quit, resume, continue, avoid in any
 * form: verbs whose complement can be an -ing clause */
int tg_aspect_verb(const dy_text *t, const dy_tok *k)
{
    static const char *const stem[] = {"begin", "began", "begun", "start", "finish", "stop",
                                       "keep", "kept", "quit", "resum", "continu", "avoid"};
    const char *w = dy_tok_norm(t, k);
    for (size_t i = 0; i < sizeof stem / sizeof *stem; i++) {
        size_t l = strlen(stem[i]);
        if (k->nlen >= l && k->nlen <= l + 4 && memcmp(w, stem[i], l) == 0)
            return 1;
    }
    return 0;
}

static void fix_tags(const struct dy_tagger *tg, const dy_lex *wf, dy_text *t, size_t first, size_t end,
                     int headline)
{
    int has_finite = 0, that_in = 0;
    /* a question with an auxiliary first: "Did the army shell the hospital?" */
    size_t last = end;
    while (last > first && t->tok[last - 1].kind == TK_QUOTE)
        last--;
    int question = last > first && dy_tok_is(t, &t->tok[last - 1], "?");
    if (question && end - first >= 4 &&
        (t->tok[first].tag == T_MD || (tg_wclass(tg, t->tok[first].word) & WC_DO))) {
        for (size_t j = first + 2; j + 1 < end; j++) {
            dy_tok *k = &t->tok[j];
            int nt = t->tok[j + 1].tag;
            if (dy_tag_is_verb(k->tag))
                break;
            if ((k->tag == T_NN || k->tag == T_NNS || k->tag == T_JJ) &&
                dy_tag_is_noun(t->tok[j - 1].tag) && (np_start_tag(nt) || nt == T_IN || nt == T_PUNCT_END) &&
                (lex_has(tg, k->word, tg->s_vb) || (dy_word_flags(wf, k->word) & WF_VERB))) {
                k->tag = T_VB;
                break;
            }
        }
    }
    if (end > first) {
        dy_tok *k = &t->tok[first];
        /* Leading scorers:, Leading officials attended: a sentence-initial
         * -ing form before a plural noun that is the subject of the next
         * verb, or of a heading with no verb, is an adjective when the
         * lexicon knows one ("Fleeing refugees" keeps its VBG) */
        if (k->tag == T_VBG && first + 1 < end && t->tok[first + 1].tag == T_NNS &&
            lex_has(tg, k->word, tg->s_jj)) {
            int n2 = first + 2 < end ? t->tok[first + 2].tag : T_NONE, fin = 0;
            for (size_t q = first + 2; q < end && !fin; q++)
                fin = t->tok[q].tag == T_VBD || t->tok[q].tag == T_VBZ || t->tok[q].tag == T_VBP ||
                      t->tok[q].tag == T_MD;
            if (!fin || n2 == T_VBD || n2 == T_VBZ || n2 == T_VBP || n2 == T_MD)
                k->tag = T_JJ;
        }
    }
    /* the tags the rules of the loop below start from: a token with another
     * tag meets none of them, and is passed over */
    const uint64_t fix_from = 1ull << T_VB | 1ull << T_NN | 1ull << T_JJ | 1ull << T_VBG |
                              1ull << T_IN | 1ull << T_RB | 1ull << T_DT | 1ull << T_RP |
                              1ull << T_VBD | 1ull << T_VBZ | 1ull << T_VBN | 1ull << T_VBP;
    for (size_t pass = 0; pass < 2; pass++)
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        if (k->tag >= 64 || !(fix_from >> k->tag & 1))
            continue;
        int pt0 = j > first ? t->tok[j - 1].tag : T_NONE;
        int nt0 = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
        /* a base form right after a finite verb is a noun (fired tear gas);
         * right after a subject, a present tense (they say) */
        if (k->tag == T_VB && j > first && (pt0 == T_VBD || pt0 == T_VBN || pt0 == T_VBZ) &&
            !bare_licensor(tg, t, j - 1) &&
            (lex_has(tg, k->word, tg->s_nn) || (dy_word_flags(wf, k->word) & WF_NOUN)))
            k->tag = T_NN;
        /* a soccer match played on Friday: a base form between a noun and
         * a past form is a noun */
        else if (k->tag == T_VB && j > first && (pt0 == T_NN || pt0 == T_NNP) &&
                 (nt0 == T_VBN || nt0 == T_VBD) && lex_has(tg, k->word, tg->s_nn))
            k->tag = T_NN;
        else if (k->tag == T_VB && j > first &&
                 (pt0 == T_NNS || pt0 == T_NNPS ||
                  (pt0 == T_PRP && (tg_wclass(tg, t->tok[j - 1].word) & WC_PRON_SUBJ))))
            k->tag = T_VBP;
        /* to + noun with a verb reading + an object: to exchange prisoners */
        if (k->tag == T_NN && pt0 == T_TO && np_start_tag(nt0) && nt0 != T_NN &&
            lex_has(tg, k->word, tg->s_vb) && !to_date_idiom(t, j, end))
            k->tag = T_VB;
        /* being/been + adjective in -ed: is being rebuilt */
        if (k->tag == T_JJ && j > first &&
            (dy_tok_is(t, &t->tok[j - 1], "being") || dy_tok_is(t, &t->tok[j - 1], "been")) &&
            (lex_has(tg, k->word, tg->s_vbn) || (k->word && dy_map_get(&wf->verb_exc, k->word, &(uint32_t){0})) ||
             (k->nlen > 4 && dy_tok_norm(t, k)[k->nlen - 1] == 'd' && dy_tok_norm(t, k)[k->nlen - 2] == 'e')))
            k->tag = T_VBN;
        /* the shelling has stopped: a gerund after a determiner is a noun */
        if (k->tag == T_VBG && (pt0 == T_DT || pt0 == T_PRPS || pt0 == T_POS || pt0 == T_JJ) &&
            !(dy_tag_is_noun(nt0) || nt0 == T_JJ || nt0 == T_CD))
            k->tag = T_NN;
        /* the border crossing. : a gerund closing a noun phrase */
        if (k->tag == T_VBG && pt0 == T_NN && j >= first + 2 &&
            (t->tok[j - 2].tag == T_DT || t->tok[j - 2].tag == T_JJ || t->tok[j - 2].tag == T_PRPS) &&
            (nt0 == T_PUNCT_END || nt0 == T_PUNCT_COMMA || nt0 == T_NONE))
            k->tag = T_NN;
        /* the village that the militia burned (relative) vs said that the
         * militia burned it (complementizer): a "that" after a noun whose
         * clause verb has no object is a relative pronoun */
        if (k->tag == T_IN && dy_tok_is(t, k, "that") && dy_tag_is_noun(pt0) && pt0 != T_NNP) {
            size_t q = j + 1;
            while (q < end && (dy_tag_is_noun(t->tok[q].tag) || t->tok[q].tag == T_DT ||
                               t->tok[q].tag == T_JJ || t->tok[q].tag == T_PRPS ||
                               t->tok[q].tag == T_PRP || t->tok[q].tag == T_CD))
                q++;
            if (q > j + 1 && q < end && (t->tok[q].tag == T_VBD || t->tok[q].tag == T_VBZ ||
                                         t->tok[q].tag == T_VBP)) {
                int nq = q + 1 < end ? t->tok[q + 1].tag : T_NONE;
                int hasobj = np_start_tag(nq) || nq == T_RB || nq == T_VBN || nq == T_VBG ||
                             nq == T_IN || nq == T_TO || nq == T_MD || dy_tag_is_verb(nq);
                if (nq == T_JJ && q + 2 < end && dy_tag_is_noun(t->tok[q + 2].tag) &&
                    (tg_wclass(tg, t->tok[q + 2].word) & WC_TIME))
                    hasobj = 0; /* burned last year */
                if (!hasobj && !(wflag_content_noun(tg, noun_lemma(tg, t->tok[j - 1].word))))
                    k->tag = T_WDT;
            }
        }
        /* much of the aid, many of them: a quantifier adjective */
        if ((k->tag == T_RB || k->tag == T_DT) && nt0 == T_IN && j + 1 < end &&
            dy_tok_is(t, &t->tok[j + 1], "of") && (dy_tok_is(t, k, "much") || dy_tok_is(t, k, "many")))
            k->tag = T_JJ;
        /* up to 13,000: a preposition before a number, not a particle */
        if (k->tag == T_RP && dy_tok_is(t, k, "up") && j + 2 < end && nt0 == T_TO &&
            (t->tok[j + 2].tag == T_CD || t->tok[j + 2].tag == T_DOLLAR))
            k->tag = T_IN;
        /* Ousted President Ilya Dorn has agreed: a sentence-initial past
         * form before a noun has no subject; it is a participle */
        if (k->tag == T_VBD && j == first && j + 1 < end &&
            (dy_tag_is_noun(nt0) || nt0 == T_JJ) &&
            (lex_has(tg, k->word, tg->s_vbn) || (k->nlen > 3 && dy_tok_norm(t, k)[k->nlen - 1] == 'd'))) {
            int fin = 0;
            for (size_t q = j + 1; q < end && !fin; q++)
                fin = t->tok[q].tag == T_VBD || t->tok[q].tag == T_VBZ || t->tok[q].tag == T_VBP ||
                      t->tok[q].tag == T_MD;
            /* (or a heading with no verb: "Reported sales for Monday:") */
            if (fin || nt0 == T_NNS)
                k->tag = T_VBN;
        }
        /* an -s form next to a finite verb is a plural noun: "Kinshasa
         * opposes airdrops", "import needs helped it recover" */
        if (k->tag == T_VBZ && j > first && !(tg_wclass(tg, k->word) & (WC_BE | WC_HAVE | WC_DO)) &&
            (dy_tag_is_verb(pt0) || pt0 == T_MD ||
             ((nt0 == T_VBD || nt0 == T_VBZ || nt0 == T_VBP || nt0 == T_MD || nt0 == T_VBN ||
               /* Serb forces massacred: an -ed form the suffix made JJ */
               (nt0 == T_JJ && (ed_verb(tg, t, &t->tok[j + 1]) ||
                                (lex_has(tg, t->tok[j + 1].word, tg->s_vbd) &&
                                 dy_tok_norm(t, &t->tok[j + 1])[t->tok[j + 1].nlen - 1] == 'd')))) &&
              dy_tag_is_noun(pt0))) &&
            (lex_has(tg, k->word, tg->s_nns) || (k->nlen > 3 && noun_plural(tg, t, k))))
            k->tag = T_NNS;
        /* U.S. barges lightly quoted: so is one before adverbs and a past
         * form (two finite verbs in a row) */
        if (k->tag == T_VBZ && dy_tag_is_noun(pt0) && nt0 == T_RB &&
            !(tg_wclass(tg, k->word) & (WC_BE | WC_HAVE | WC_DO)) && lex_has(tg, k->word, tg->s_nns)) {
            size_t q = j + 1;
            while (q < end && (t->tok[q].tag == T_RB || t->tok[q].tag == T_RBR) &&
                   !(tg_wclass(tg, t->tok[q].word) & WC_NEG))
                q++;
            if (q < end && (t->tok[q].tag == T_VBD || t->tok[q].tag == T_VBN))
                k->tag = T_NNS;
        }
        /* for Monday's import needs, traders said: a noun phrase right
         * after a preposition is its object, no subject; an -s form ending
         * it before punctuation is the plural (not after a subordinator:
         * "after the group says"; not before an object or a clause: "the
         * rise triggered by import prices shows that") */
        if (k->tag == T_VBZ && dy_tag_is_noun(pt0) && j >= first + 2 &&
            (nt0 == T_PUNCT_COMMA || nt0 == T_PUNCT_END || nt0 == T_PUNCT_COLON || nt0 == T_NONE) &&
            !(tg_wclass(tg, k->word) & (WC_BE | WC_HAVE | WC_DO)) &&
            (lex_has(tg, k->word, tg->s_nns) || (k->nlen > 3 && noun_plural(tg, t, k)))) {
            size_t s0 = np_back(t, first, j);
            const dy_tok *pr = s0 > first ? &t->tok[s0 - 1] : NULL;
            if (pr && pr->tag == T_IN && !(tg_wclass(tg, pr->word) & WC_SUBORD) &&
                !dy_tok_is(t, pr, "that") && !dy_tok_is(t, pr, "as") && !dy_tok_is(t, pr, "than") &&
                !dy_tok_is(t, pr, "whether") && !dy_tok_is(t, pr, "like") && !dy_tok_is(t, pr, "so"))
                k->tag = T_NNS;
        }
        /* two drugs smuggling rings, a money laundering case: an -ing form
         * between two common nouns that the lexicon knows at least as
         * often as a noun is part of the compound (not: gunmen killing
         * civilians) */
        if (k->tag == T_VBG && (pt0 == T_NN || pt0 == T_NNS) && (nt0 == T_NN || nt0 == T_NNS) &&
            !(t->tok[j - 1].flags & TF_CAP) && lex_has(tg, k->word, tg->s_nn) &&
            lex_post(tg, k->word, tg->s_nn) >= lex_post(tg, k->word, tg->s_vbg))
            k->tag = T_NN;
        /* (the rules below start from a finite verb tag) */
        if (k->tag == T_VB || k->tag == T_VBP || k->tag == T_VBZ || k->tag == T_VBD) {
            /* Human Rights Watch accused: a capitalised verb form after a
             * capitalised word, away from the start of a sentence that is no
             * headline, ends a name */
            if ((k->flags & TF_CAP) && !headline && j > first && !(k->flags & TF_ALLCAP) &&
                (t->tok[j - 1].flags & TF_CAP) && t->tok[j - 1].kind == TK_WORD &&
                (pt0 == T_NNP || pt0 == T_NNPS || pt0 == T_NNS || pt0 == T_NN || pt0 == T_JJ))
                k->tag = T_NNP;
            /* table labels: "Draw : 3", "Result : draw", "Played : 4" - a
             * verb form that opens a sentence before a colon, or stands alone
             * after one, names a column; it is a noun (a participle) */
            if ((k->tag == T_VB || k->tag == T_VBP || k->tag == T_VBD) &&
                ((j == first && nt0 == T_PUNCT_COLON && dy_tok_is(t, &t->tok[j + 1], ":")) ||
                 (pt0 == T_PUNCT_COLON && dy_tok_is(t, &t->tok[j - 1], ":") &&
                  (nt0 == T_NONE || nt0 == T_PUNCT_END || nt0 == T_PUNCT_COMMA || nt0 == T_CD)))) {
                if (k->tag == T_VBD && lex_has(tg, k->word, tg->s_vbn))
                    k->tag = T_VBN;
                else if (k->tag != T_VBD && lex_has(tg, k->word, tg->s_nn))
                    k->tag = T_NN;
            }
            /* both matches, two friendly matches, their presents: an -s form
             * after an article, a number, a possessive or an adjective is a
             * plural noun (not after this/that: "this means") */
            if (k->tag == T_VBZ && j > first &&
                (pt0 == T_CD || pt0 == T_PRPS || pt0 == T_JJ ||
                 (pt0 == T_DT && !dy_tok_is(t, &t->tok[j - 1], "this") &&
                  !dy_tok_is(t, &t->tok[j - 1], "that"))) &&
                !(tg_wclass(tg, k->word) & (WC_BE | WC_HAVE | WC_DO)) &&
                (lex_has(tg, k->word, tg->s_nns) || (k->nlen > 3 && noun_plural(tg, t, k))))
                k->tag = T_NNS;
        }
        /* stormed the airport and seized: a participle coordinated with a
         * past tense is a past tense */
        if (k->tag == T_VBN && pt0 == T_CC && j >= first + 2) {
            size_t q = j - 1;
            while (q > first && t->tok[q - 1].tag != T_VBD && t->tok[q - 1].tag != T_VBZ &&
                   t->tok[q - 1].tag != T_VBP && t->tok[q - 1].tag != T_MD &&
                   t->tok[q - 1].tag != T_PUNCT_END)
                q--;
            if (q > first && t->tok[q - 1].tag == T_VBD &&
                !(tg_wclass(tg, t->tok[q - 1].word) & (WC_HAVE | WC_BE | WC_GET)) &&
                past_reading(tg, wf, t, k))
                k->tag = T_VBD;
        }
        /* a deal brokered by X: a past form after a noun, before "by", with
         * a finite verb earlier in the sentence, is a participle */
        if (k->tag == T_VBD && dy_tag_is_noun(pt0) && j + 1 < end &&
            dy_tok_is(t, &t->tok[j + 1], "by") &&
            (lex_has(tg, k->word, tg->s_vbn) ||
             (k->nlen > 3 && dy_tok_norm(t, k)[k->nlen - 2] == 'e' && dy_tok_norm(t, k)[k->nlen - 1] == 'd'))) {
            int fin = 0;
            for (size_t q = first; q + 1 < j && !fin; q++)
                fin = t->tok[q].tag == T_VBD || t->tok[q].tag == T_VBZ || t->tok[q].tag == T_VBP ||
                      t->tok[q].tag == T_MD;
            if (fin)
                k->tag = T_VBN;
        }
        /* the documents found in the car were forged: a past form after a
         * noun and before a preposition, with the finite verb of its clause
         * still to come (and no other subject before it), is a reduced
         * relative. Not a speech verb: "officials said on Friday the army
         * ..." has a clause of its own after it */
        if (k->tag == T_VBD && j > first + 0 && dy_tag_is_noun(pt0) && nt0 == T_IN &&
            !(tg_wclass(tg, t->tok[j + 1].word) & WC_SUBORD) && !dy_tok_is(t, &t->tok[j + 1], "that") &&
            (lex_has(tg, k->word, tg->s_vbn) || (k->nlen > 3 && dy_tok_norm(t, k)[k->nlen - 1] == 'd')) &&
            !(tg_wclass(tg, verb_lemma(tg, k->word)) & (WC_SPEECH | WC_HAVE | WC_BE | WC_DO | WC_GET))) {
            int found = 0;
            for (size_t q = j + 2; q < end && !found; q++) {
                int tq = t->tok[q].tag, tp = t->tok[q - 1].tag;
                if (tq == T_CC || tq == T_PUNCT_COMMA || tq == T_PUNCT_COLON || tq == T_WDT ||
                    tq == T_WP || tq == T_WRB || tq == T_LQUOTE || tq == T_RQUOTE || tq == T_PRP ||
                    tq == T_TO ||
                    (tq == T_IN && ((tg_wclass(tg, t->tok[q].word) & WC_SUBORD) ||
                                    dy_tok_is(t, &t->tok[q], "that"))) ||
                    (dy_tag_is_noun(tp) && (tq == T_DT || tq == T_PRPS)))
                    break;
                if (tq == T_VBZ || tq == T_VBP || tq == T_MD)
                    found = 1;
                else if (tq == T_VBD) /* were forged, had left */
                    found = (dy_tag_is_noun(tp) || tp == T_CD) &&
                            (tg_wclass(tg, t->tok[q].word) & (WC_BE | WC_HAVE));
                if (!found && dy_tag_is_verb(tq))
                    break;
            }
            if (found && REDREL)
                k->tag = T_VBN;
        }
        /* Police arrested four men: a past participle right after a
         * clause-initial subject (adverbs between: "It indirectly quoted")
         * is a past tense when it has an object, or when no finite verb
         * follows in its clause (a reduced relative needs one: "the men
         * arrested on Friday were released"); a that-clause or a relative
         * clause after it has finite verbs of its own ("officials agreed on
         * Wednesday that the treaty would be signed") */
        /* (an -ed adjective of the lexicon that is also a past tense,
         * "detailed", "occupied", only before an object and with no finite
         * verb after it: "the armed wing said" keeps its adjective) */
        int jjed = k->tag == T_JJ && !ed_verb(tg, t, k) && k->nlen > 4 &&
                   dy_tok_norm(t, k)[k->nlen - 1] == 'd' && dy_tok_norm(t, k)[k->nlen - 2] == 'e' &&
                   lex_has(tg, k->word, tg->s_vbd) && j > first && dy_tag_is_noun(pt0) &&
                   np_start_tag(nt0);
        if ((k->tag == T_VBN || (k->tag == T_JJ && ed_verb(tg, t, k)) || jjed) && j > first &&
            !dy_tag_is_verb(nt0) && nt0 != T_MD && past_reading(tg, wf, t, k)) {
            size_t a = j;
            while (a > first + 1 && (t->tok[a - 1].tag == T_RB || t->tok[a - 1].tag == T_RBR) &&
                   !(tg_wclass(tg, t->tok[a - 1].word) & WC_NEG))
                a--;
            if (a > first + 2 && weekday_phrase(t, a - 2))
                a -= 2;   /* "Zambian police on Sunday arrested" */
            int pt = t->tok[a - 1].tag;
            int pron = pt == T_PRP && (tg_wclass(tg, t->tok[a - 1].word) & WC_PRON_SUBJ);
            int subj = dy_tag_is_noun(pt) || pron ||
                       (pt == T_JJ && a >= first + 2 && t->tok[a - 2].tag == T_DT &&
                        lex_has(tg, t->tok[a - 1].word, tg->s_nn));
            if (subj) {
                size_t s0 = pt == T_PRP ? a - 1 : np_back(t, first, a);
                /* thousands of farmers, the secretary of state, a goal from
                 * X: the subject starts at the first noun phrase */
                size_t s1 = s0;
                while (pt != T_PRP && s1 >= first + 2 &&
                       (dy_tok_is(t, &t->tok[s1 - 1], "of") || dy_tok_is(t, &t->tok[s1 - 1], "from")) &&
                       dy_tag_is_noun(t->tok[s1 - 2].tag))
                    s1 = np_back(t, first, s1 - 1);
                /* (not in a heading that ends in a colon: "Results of the
                 * matches played on Friday:", nor after a verb of saying) */
                /* nor before "by" (a group of investors led by X), nor
                 * after a comma (", a maker of drugs incorporated in") */
                if (s1 < s0 && !(last > first && dy_tok_is(t, &t->tok[last - 1], ":")) &&
                    (s1 == first || (!dy_tag_is_verb(t->tok[s1 - 1].tag) &&
                                     t->tok[s1 - 1].tag != T_PUNCT_COMMA)) &&
                    !(nt0 == T_IN && dy_tok_is(t, &t->tok[j + 1], "by")))
                    s0 = s1;
                int pre = s0 > first ? t->tok[s0 - 1].tag : T_NONE;
                int open = s0 == first || pre == T_CC || pre == T_PUNCT_COMMA || pre == T_WDT ||
                           pre == T_WP || pre == T_LQUOTE || pre == T_RQUOTE ||
                           pre == T_PUNCT_COLON || pre == T_WRB ||
                           /* said [Monday's import needs] helped */
                           (dy_tag_is_verb(pre) && (tg_wclass(tg, verb_lemma(tg, t->tok[s0 - 1].word)) & WC_SPEECH)) ||
                           (pre == T_IN && ((tg_wclass(tg, t->tok[s0 - 1].word) & WC_SUBORD) ||
                                            dy_tok_is(t, &t->tok[s0 - 1], "as") ||
                                            dy_tok_is(t, &t->tok[s0 - 1], "that")));
                /* a subject pronoun (he, they) needs a finite verb: unless
                 * it is an object ("saw it destroyed") it is this one */
                if (pron && !dy_tok_is(t, &t->tok[a - 1], "it") && !dy_tok_is(t, &t->tok[a - 1], "you"))
                    open = 1;
                /* (an -ed adjective after an appositive's noun stays one:
                 * ", a Nevada limited partnership") */
                if (jjed && pre == T_PUNCT_COMMA)
                    open = 0;
                if (open && pre != T_PUNCT_COMMA && np_start_tag(nt0) && nt0 != T_JJ && !jjed)
                    k->tag = T_VBD;
                else if (open && j + 1 < end && !dy_tag_is_verb(nt0)) {
                    /* after a comma only when no finite verb follows */
                    int later = 0;
                    for (size_t q = j + 1; q < end && !later; q++) {
                        int tq = t->tok[q].tag;
                        if (tq == T_CC || (tq == T_PUNCT_COMMA && pre != T_PUNCT_COMMA) ||
                            tq == T_WDT || tq == T_WP ||
                            (tq == T_IN && ((tg_wclass(tg, t->tok[q].word) & WC_SUBORD) ||
                                            dy_tok_is(t, &t->tok[q], "that"))))
                            break;
                        later = tq == T_VBD || tq == T_VBZ || tq == T_VBP || tq == T_MD;
                    }
                    if (!later)
                        k->tag = T_VBD;
                }
                if (k->tag == T_VBD && pt == T_JJ)
                    t->tok[a - 1].tag = T_NN; /* the general told */
            }
        }
    }
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        int pt = j > first ? t->tok[j - 1].tag : T_NONE;
        int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
        /* a modal is followed by a verb: can shield, will head */
        if ((k->tag == T_NN || k->tag == T_NNS || k->tag == T_JJ || k->tag == T_VBP) && j > first) {
            size_t a = j;
            while (a > first && t->tok[a - 1].tag == T_RB)
                a--;
            /* (so is a do-form negated: did not bat, does n't matter) */
            int neg_do = a < j && a > first && k->tag != T_NNS &&
                         (tg_wclass(tg, t->tok[a].word) & WC_NEG) &&
                         (tg_wclass(tg, t->tok[a - 1].word) & WC_DO) && dy_tag_is_verb(t->tok[a - 1].tag);
            if (a > first && (t->tok[a - 1].tag == T_MD || neg_do) &&
                (k->tag == T_VBP || lex_has(tg, k->word, tg->s_vb) || (wf && (dy_word_flags(wf, k->word) & WF_VERB))))
                k->tag = T_VB;
        }
        /* finished borrowing money, began shelling: an -ing form after a
         * verb of beginning, continuing or stopping is its complement */
        if ((k->tag == T_NN || k->tag == T_JJ) && j > first && k->nlen > 5 && dy_tag_is_verb(pt) &&
            ends(dy_tok_norm(t, k), k->nlen, "ing") &&
            lex_has(tg, k->word, tg->s_vbg) && tg_aspect_verb(t, &t->tok[j - 1]))
            k->tag = T_VBG;
        /* the event, which pairs players from: an -s form after a relative
         * pronoun, before an object, is its clause's verb */
        if (k->tag == T_NNS && (pt == T_WDT || pt == T_WP) &&
            !(j >= first + 2 && t->tok[j - 2].tag == T_IN) &&
            (nt == T_NNS || nt == T_NN || nt == T_DT || nt == T_PRPS || nt == T_NNP || nt == T_CD) &&
            (lex_has(tg, k->word, tg->s_vbz) ||
             (k->nlen > 3 && tg_wn_has(&tg->wn_verb, dy_tok_norm(t, k), k->nlen - 1u))))
            k->tag = T_VBZ;
        /* which unite, they unite: a finite verb after a subject pronoun */
        if (k->tag == T_VB && (pt == T_WDT || pt == T_WP ||
                               (pt == T_PRP && (tg_wclass(tg, t->tok[j - 1].word) & WC_PRON_SUBJ))))
            k->tag = T_VBP;
        if (dy_tok_is(t, k, "that")) {
            /* sentence-initial that is a demonstrative; after a verb, before
             * a clause, a complementizer */
            if (k->tag == T_WDT && (j == first || pt == T_LQUOTE || pt == T_CC))
                k->tag = T_DT;
            else if ((k->tag == T_DT || k->tag == T_WDT) && dy_tag_is_verb(pt) && nt != T_NN && nt != T_NNS &&
                     (nt != T_JJ || dy_tok_is(t, &t->tok[j + 1], "only")) && nt != T_VBZ &&
                     nt != T_VBD && nt != T_MD && !(nt >= T_PUNCT_COMMA))
                k->tag = T_IN;
            that_in |= k->tag == T_IN && dy_tag_is_verb(pt);
        }
        /* the east, Ukraine's east: an adjective that ends a noun phrase */
        if (k->tag == T_JJ && (pt == T_DT || pt == T_POS || pt == T_PRPS) && !nominal_tag(nt) &&
            lex_has(tg, k->word, tg->s_nn))
            k->tag = T_NN;
        if (k->tag == T_VBD || k->tag == T_VBZ || k->tag == T_VBP || k->tag == T_MD)
            has_finite = 1;
    }
    /* so does a that-clause after a verb: "demanded that the government
     * end curbs", "said that the firm plans to": a noun after the subject's
     * noun, before an object, that the lexicon knows as a verb, when the
     * clause has no finite verb */
    for (size_t j = first + 1; that_in && j + 3 < end; j++) {
        if (t->tok[j].tag != T_IN || !dy_tag_is_verb(t->tok[j - 1].tag) ||
            !dy_tok_is(t, &t->tok[j], "that"))
            continue;
        int st0 = t->tok[j + 1].tag;
        if (!(st0 == T_DT || st0 == T_PRPS || st0 == T_NNP || st0 == T_NNPS))
            continue;
        size_t cand = 0, q;
        for (q = j + 1; q < end; q++) {
            int tq = t->tok[q].tag;
            if (tq == T_VBD || tq == T_VBZ || tq == T_VBP || tq == T_MD || tq == T_VB ||
                tq == T_CC || tq == T_PUNCT_COMMA || tq == T_PUNCT_COLON || tq == T_PUNCT_END ||
                tq == T_WDT || tq == T_WP || tq == T_IN || tq == T_TO)
                break;
            if (!cand && q >= j + 3 && (tq == T_NN || tq == T_NNS) && dy_tag_is_noun(t->tok[q - 1].tag) &&
                !(t->tok[q].flags & TF_CAP) && q + 1 < end) {
                int nq = t->tok[q + 1].tag;
                if (tq == T_NN ? (np_start_tag(nq) && nq != T_NN && lex_has(tg, t->tok[q].word, tg->s_vb))
                               : ((np_start_tag(nq) || nq == T_TO) && nq != T_NNS &&
                                  lex_has(tg, t->tok[q].word, tg->s_vbz)))
                    cand = q;
            }
        }
        if (!cand || (q < end && dy_tag_is_verb(t->tok[q].tag)) || (q < end && t->tok[q].tag == T_MD))
            continue;
        t->tok[cand].tag = t->tok[cand].tag == T_NN ? T_VB : T_VBZ;
        has_finite = 1;
    }
    /* a sentence needs a verb: the trip [amounts] to; a noun directly after a
     * noun phrase, before a determiner/preposition/pronoun, that the lexicon
     * also knows as a finite verb */
    int full = last > first && dy_tok_is(t, &t->tok[last - 1], ".") &&
               !(t->tok[first].flags & TF_ALLCAP);
    if (NOVERB_FIX && full && !has_finite && end - first >= 6) {
        for (size_t j = first + 1; j + 1 < end; j++) {
            dy_tok *k = &t->tok[j];
            int pt = t->tok[j - 1].tag, nt = t->tok[j + 1].tag;
            if (!(dy_tag_is_noun(pt) || pt == T_PRP))
                continue;
            if (!(nt == T_DT || nt == T_IN || nt == T_TO || nt == T_PRP || nt == T_PRPS ||
                  nt == T_CD || nt == T_NNP || nt == T_RB))
                continue;
            int want = k->tag == T_NNS ? tg->s_vbz : k->tag == T_NN ? tg->s_vbp : -1;
            if (want < 0 || (k->flags & TF_CAP))
                continue;
            if (lex_has(tg, k->word, want) || (k->tag == T_NN && lex_has(tg, k->word, tg->s_vbd))) {
                k->tag = k->tag == T_NNS ? T_VBZ : lex_has(tg, k->word, tg->s_vbd) && !lex_has(tg, k->word, want) ? T_VBD : T_VBP;
                break;
            }
        }
    }
    for (size_t j = first + 1; j < end; j++) {
        dy_tok *k = &t->tok[j];
        if (k->tag != T_VBD && k->tag != T_VBP && k->tag != T_VB)
            continue;
        size_t a = j;
        while (a > first && (t->tok[a - 1].tag == T_RB || t->tok[a - 1].tag == T_RBR))
            a--;
        if (a == first)
            continue;
        uint32_t c = tg_wclass(tg, t->tok[a - 1].word);
        int pt = t->tok[a - 1].tag;
        if (k->tag == T_VBD && (c & (WC_HAVE | WC_BE | WC_GET)) && dy_tag_is_verb(pt))
            k->tag = T_VBN;
        else if (k->tag == T_VBP && (pt == T_MD || pt == T_TO || ((c & WC_DO) && dy_tag_is_verb(pt))))
            k->tag = T_VB;
    }
}

/* ---- word-specific corrections ----
 * Closed sets of words whose Penn tag depends on a neighbour the trigram
 * model does not weigh: compass words before "of", "that" ending a clause,
 * "past" before a number, "forward" the player, the word after a
 * preposition that ends in "to". */

static int compass_word(const dy_text *t, const dy_tok *k)
{
    static const char *const w[] = {"north", "south", "east", "west", "northeast",
                                    "northwest", "southeast", "southwest"};
    return tok_one_of(t, k, w, sizeof w / sizeof w[0]);
}

/* due to, owing to, thanks to, according to, prior to, next to, close to,
 * contrary to: "to" is a preposition there, the word after it a noun */
static int prep_to(const dy_text *t, const dy_tok *k)
{
    static const char *const w[] = {"due", "owing", "thanks", "according", "prior",
                                    "next", "close", "contrary"};
    return tok_one_of(t, k, w, sizeof w / sizeof w[0]);
}

/* adrift, ablaze, aground: predicative words in a- that the lexicon lacks;
 * the suffix guess makes nouns or verbs of them */
static int a_predicative(const dy_text *t, const dy_tok *k)
{
    static const char *const w[] = {"ablaze", "adrift", "afloat", "aground", "ashore", "aloft",
                                    "astray", "awry", "abreast", "afield", "ajar", "awash",
                                    "amok", "amiss", "askew", "aflame", "afire"};
    return k->nlen >= 4 && k->nlen <= 7 && dy_tok_norm(t, k)[0] == 'a' &&
           tok_one_of(t, k, w, sizeof w / sizeof w[0]);
}

/* to date: the idiom (so far), not the verb, when no object follows it
 * ("sales to date reached", "week to date 89,300"; not "thought to date
 * from", "to date the bones") */
static int to_date_idiom(const dy_text *t, size_t j, size_t end)
{
    if (!dy_tok_is(t, &t->tok[j], "date"))
        return 0;
    int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
    return nt == T_NONE || nt >= T_PUNCT_COMMA || nt == T_CD || nt == T_VBD || nt == T_VBZ ||
           nt == T_VBP || nt == T_VBN || nt == T_MD;
}

static void fix_words(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end)
{
    /* the tags the rules start from (the loop runs over every token) */
    const uint64_t from = 1ull << T_NN | 1ull << T_JJ | 1ull << T_IN | 1ull << T_RB | 1ull << T_VB |
                          1ull << T_VBP | 1ull << T_VBG;
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        if (k->tag >= 64 || !(from >> k->tag & 1))
            continue;
        int pt = j > first ? t->tok[j - 1].tag : T_NONE;
        int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
        /* 40 km north of the town, the province south of the capital, lies
         * east of: a compass word before "of" after a noun, a number or a
         * verb is an adverb (Penn RB); "the north of the country" keeps its
         * noun */
        if ((k->tag == T_NN || k->tag == T_JJ) && nt == T_IN && dy_tok_is(t, &t->tok[j + 1], "of") &&
            (dy_tag_is_noun(pt) || pt == T_CD || dy_tag_is_verb(pt)) && !(k->flags & TF_CAP) &&
            compass_word(t, k))
            k->tag = T_RB;
        /* they would do that. / after that, / "we can handle that," he
         * said: "that" closing a clause is a pronoun, not a complementizer
         * (but "hope that, whatever happens, ...": a clause follows) */
        else if (k->tag == T_IN && j > first &&
                 (nt == T_PUNCT_END || nt == T_NONE || nt == T_RQUOTE ||
                  (nt == T_PUNCT_COMMA &&
                   (pt == T_IN || (j + 2 < end && t->tok[j + 2].tag == T_RQUOTE)))) &&
                 dy_tok_is(t, k, "that"))
            k->tag = T_DT;
        /* rose past 120 yen: "past" before a number, with no determiner
         * before it ("the past 10 years"), is a preposition */
        else if (k->tag == T_JJ && (nt == T_CD || nt == T_DOLLAR) && pt != T_DT && pt != T_PRPS &&
                 pt != T_POS && dy_tok_is(t, k, "past"))
            k->tag = T_IN;
        /* Dutch forward Tom Bakker, the team's forward: the player after a
         * determiner or an adjective, or before his name (not: moved
         * forward, brought the date forward) */
        else if (k->tag == T_RB && dy_tok_is(t, k, "forward") && !dy_tag_is_verb(pt) &&
                 (pt == T_DT || pt == T_PRPS || pt == T_POS || pt == T_JJ ||
                  ((nt == T_NNP || nt == T_NNPS) && (t->tok[j + 1].flags & TF_CAP) &&
                   (pt == T_NONE || pt == T_NNP || pt == T_NN))))
            k->tag = T_NN;
        /* closed due to fog, thanks to aid: after "due to" a noun (but
         * "was due to fly": due to + verb after be means scheduled) */
        else if ((k->tag == T_VB || k->tag == T_VBP) && pt == T_TO && j >= first + 2 &&
                 prep_to(t, &t->tok[j - 2]) && lex_has(tg, k->word, tg->s_nn) &&
                 !(j >= first + 3 && (tg_wclass(tg, t->tok[j - 3].word) & WC_BE)))
            k->tag = T_NN;
        /* take into account, for import: a word right after a preposition
         * (not a subordinator: "as", "than", "that") is no finite verb */
        else if ((k->tag == T_VBP || k->tag == T_VB) && pt == T_IN &&
                 !(tg_wclass(tg, t->tok[j - 1].word) & WC_SUBORD) && !dy_tok_is(t, &t->tok[j - 1], "that") &&
                 !dy_tok_is(t, &t->tok[j - 1], "as") && !dy_tok_is(t, &t->tok[j - 1], "than") &&
                 !dy_tok_is(t, &t->tok[j - 1], "so") && !dy_tok_is(t, &t->tok[j - 1], "whether") &&
                 !(k->flags & TF_CAP) && lex_has(tg, k->word, tg->s_nn))
            k->tag = T_NN;
        /* without a win, the give and take: a base form right after an
         * article is a noun */
        else if ((k->tag == T_VB || k->tag == T_VBP) && pt == T_DT &&
                 (dy_tok_is(t, &t->tok[j - 1], "a") || dy_tok_is(t, &t->tok[j - 1], "an") ||
                  dy_tok_is(t, &t->tok[j - 1], "the")) &&
                 lex_has(tg, k->word, tg->s_nn))
            k->tag = T_NN;
        /* in coming weeks, of leading brewers: an -ing form after a
         * preposition, before a noun, that the lexicon knows nearly as
         * often as an adjective is one (not: by using digital, from raising
         * prices) */
        else if (k->tag == T_VBG && pt == T_IN && j + 1 < end &&
                 (nt == T_NNS || nt == T_NN || nt == T_NNP || nt == T_NNPS || nt == T_JJ) &&
                 !(tg_wclass(tg, t->tok[j - 1].word) & WC_SUBORD) && !dy_tok_is(t, &t->tok[j - 1], "as") &&
                 !dy_tok_is(t, &t->tok[j - 1], "than") && !dy_tok_is(t, &t->tok[j - 1], "that") &&
                 lex_has(tg, k->word, tg->s_jj) &&
                 lex_post(tg, k->word, tg->s_jj) >= lex_post(tg, k->word, tg->s_vbg) - 2.0f)
            k->tag = T_JJ;
        /* sales to date reached */
        else if ((k->tag == T_VB || k->tag == T_VBP) && pt == T_TO && to_date_idiom(t, j, end))
            k->tag = T_NN;
        /* due next Wednesday, next month: "next" before a time word is the
         * adjective (Penn JJ), inside the time phrase */
        else if ((k->tag == T_IN || k->tag == T_RB) && j + 1 < end && dy_tok_is(t, k, "next") &&
                 (tg_wclass(tg, t->tok[j + 1].word) & (WC_TIME | WC_MONTH | WC_WEEKDAY)))
            k->tag = T_JJ;
        /* was ablaze, drifted adrift */
        else if ((k->tag == T_NN || k->tag == T_VB || k->tag == T_VBP || k->tag == T_JJ) &&
                 !(k->flags & TF_CAP) && a_predicative(t, k))
            k->tag = j > first && (tg_wclass(tg, t->tok[j - 1].word) & WC_BE) ? T_JJ : T_RB;
    }
}

/* continue their surprise run at the top, with his head wound: a form
 * that is both a base form and a past form (run, cut, bid, wound),
 * tagged as the past form right after the noun of a phrase that opens with
 * a possessive determiner and follows a verb or a preposition, before a
 * preposition or punctuation, is the noun. Not after an article: "a
 * statement read on television", "the deadline set in May" are reduced
 * relatives; a possessive rarely opens one */
static void fix_base_participle(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end,
                                size_t j)
{
    dy_tok *k = &t->tok[j];
    int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
    if (j < first + 2 || !(k->tag == T_VBN || k->tag == T_VBD) || t->tok[j - 1].tag != T_NN ||
        !(nt == T_IN || nt == T_PUNCT_END || nt == T_PUNCT_COMMA || nt == T_NONE) ||
        (nt == T_IN && dy_tok_is(t, &t->tok[j + 1], "by")) || !lex_has(tg, k->word, tg->s_nn) ||
        !lex_has(tg, k->word, tg->s_vb))
        return;
    size_t s0 = np_back(t, first, j);
    if (s0 <= first || t->tok[s0].tag != T_PRPS)
        return;
    int pre = t->tok[s0 - 1].tag;
    if ((dy_tag_is_verb(pre) && pre != T_VBN) ||
        (pre == T_IN && !(tg_wclass(tg, t->tok[s0 - 1].word) & WC_SUBORD) &&
         !dy_tok_is(t, &t->tok[s0 - 1], "that")))
        k->tag = T_NN;
}

/* ln P(w|t) + ln P(t) of the lexicon's entry for state st, or -inf */
static float lex_post(const struct dy_tagger *tg, uint32_t id, int st)
{
    if (!id || id >= tg->nids || st < 0)
        return -1e30f;
    for (uint32_t e = tg->lex_off[id]; e < tg->lex_off[id + 1]; e++)
        if (tg->ent[e].st == st)
            return tg->ent[e].lp + tg->uni[st];
    return -1e30f;
}

/* Verbless lines and participle clauses after a noun:
 * - "first leg matches on Thursday.": in a line with no other finite verb,
 *   an -s form after a common noun and before a preposition is the plural
 *   the heading lists when the lexicon finds the plural likelier than the
 *   verb ("Team arrives on Monday" keeps its verb), or when the line ends
 *   in a colon ("Results of division matches on Saturday:");
 * - "a man in a red suit distributing presents": an -ing form the model took
 *   for a noun, between a noun and an -s form it took for the verb, heads a
 *   participle clause whose object is that plural;
 * and the base-form nouns of fix_base_participle (one pass over the
 * sentence for all three). */
static void fix_noun_verb_s(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end)
{
    size_t nfin = 0, vbz = 0;
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        if (k->tag == T_VBN || k->tag == T_VBD)
            fix_base_participle(tg, t, first, end, j);
        int tj = k->tag;
        if (tj == T_VBD || tj == T_VBZ || tj == T_VBP || tj == T_MD) {
            nfin++;
            vbz = j;
        }
        if (j == first || j + 1 >= end)
            continue;
        dy_tok *nx = &t->tok[j + 1];
        if (k->tag == T_NN && nx->tag == T_VBZ && dy_tag_is_noun(t->tok[j - 1].tag) &&
            k->nlen > 5 && ends(dy_tok_norm(t, k), k->nlen, "ing") && lex_has(tg, k->word, tg->s_vbg) &&
            lex_has(tg, nx->word, tg->s_nns) && !(tg_wclass(tg, nx->word) & (WC_BE | WC_HAVE | WC_DO)) &&
            j + 2 < end && t->tok[j + 2].tag != T_DT && t->tok[j + 2].tag != T_VBN) {
            k->tag = T_VBG;
            nx->tag = T_NNS;
        }
    }
    if (nfin == 1 && vbz > first && vbz + 1 < end && t->tok[vbz].tag == T_VBZ) {
        dy_tok *k = &t->tok[vbz];
        const dy_tok *p = &t->tok[vbz - 1];
        if (p->tag == T_NN && !(p->flags & (TF_CAP | TF_ALLCAP)) && t->tok[vbz + 1].tag == T_IN &&
            !(tg_wclass(tg, t->tok[vbz + 1].word) & WC_SUBORD) && !(k->flags & TF_CAP) &&
            lex_has(tg, k->word, tg->s_nns) &&
            (lex_post(tg, k->word, tg->s_nns) >= lex_post(tg, k->word, tg->s_vbz) ||
             dy_tok_is(t, &t->tok[end - 1], ":")))
            k->tag = T_NNS;
    }
}

/* ---- prose corrections (the prose pass) ----
 * Word rules for ordinary running sentences, each in its own function;
 * fix_prose runs them after the rules above. */

/* "there" is the existential subject (EX) only before its verb ("there
 * are", "there may be") or after an inverted auxiliary ("is there"); after a
 * preposition or before punctuation it is the place adverb: flew in there
 * and, 6,000 surgeons there, */
static void fix_there(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end, size_t j)
{
    size_t q = j + 1;
    while (q < end && (t->tok[q].tag == T_RB || t->tok[q].tag == T_RBR))
        q++;
    int nt = q < end ? t->tok[q].tag : T_NONE;
    if (nt == T_VBZ || nt == T_VBD || nt == T_VBP || nt == T_MD || nt == T_VB || nt == T_VBN ||
        nt == T_VBG || nt == T_TO)
        return;
    if (j > first && (t->tok[j - 1].tag == T_MD ||
                      (tg_wclass(tg, t->tok[j - 1].word) & (WC_BE | WC_HAVE | WC_DO))))
        return; /* is there any, will there be */
    t->tok[j].tag = T_RB;
}

/* in that they were against: "in that" + a clause is a conjunction
 * (because), the "that" a complementizer, not a relative pronoun */
static int in_that_clause(const struct dy_tagger *tg, const dy_text *t, size_t first, size_t end,
                          size_t j)
{
    return j > first && j + 1 < end && dy_tok_is(t, &t->tok[j - 1], "in") &&
           t->tok[j + 1].tag == T_PRP && (tg_wclass(tg, t->tok[j + 1].word) & WC_PRON_SUBJ);
}

/* C$, A$, US$, HK$: a currency symbol written as one token */
static int currency_symbol(const dy_text *t, const dy_tok *k)
{
    const char *s = t->src + k->start;
    uint32_t n = k->end - k->start;
    if (n < 2 || n > 4 || s[n - 1] != '$')
        return 0;
    for (uint32_t i = 0; i + 1 < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/* a web address written as one token (http://..., www.x.org) is a noun */
static int url_token(const dy_text *t, const dy_tok *k)
{
    const char *s = t->src + k->start;
    uint32_t n = k->end - k->start;
    if (n >= 8 && (memcmp(s, "http://", 7) == 0 || memcmp(s, "https://", 8) == 0))
        return 1;
    return n >= 6 && memcmp(s, "www.", 4) == 0;
}

/* must pay up or face liquidation, could fight and win: a word the lexicon
 * knows as a base-form verb after "and"/"or" that follows a base-form verb
 * (with a particle or adverb after it) is the coordinated verb, not a noun */
static int coordinated_base_verb(const struct dy_tagger *tg, const dy_text *t, size_t first,
                                 size_t end, size_t j)
{
    const dy_tok *k = &t->tok[j];
    if (j < first + 2 || t->tok[j - 1].tag != T_CC || (k->flags & TF_CAP) ||
        !(dy_tok_is(t, &t->tok[j - 1], "or") || dy_tok_is(t, &t->tok[j - 1], "and")) ||
        !lex_has(tg, k->word, tg->s_vb))
        return 0;
    size_t q = j - 2;
    if ((t->tok[q].tag == T_RP || t->tok[q].tag == T_RB) && q > first)
        q--;
    if (t->tok[q].tag != T_VB)
        return 0;
    int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
    return np_start_tag(nt) || nt == T_IN || nt == T_TO || nt == T_RP;
}

/* The won ended at 831: an article cannot be followed by a finite verb; a
 * past form after it, before another verb, is the noun the lexicon knows */
static int article_noun(const struct dy_tagger *tg, const dy_text *t, size_t first, size_t end,
                        size_t j)
{
    const dy_tok *k = &t->tok[j];
    if (j == first || j + 1 >= end || t->tok[j - 1].tag != T_DT ||
        !(dy_tok_is(t, &t->tok[j - 1], "the") || dy_tok_is(t, &t->tok[j - 1], "a") ||
          dy_tok_is(t, &t->tok[j - 1], "an")) ||
        !lex_has(tg, k->word, tg->s_nn))
        return 0;
    int nt = t->tok[j + 1].tag;
    return nt == T_VBD || nt == T_VBN || nt == T_VBZ || nt == T_MD;
}

/* at the new contract high of $3.80, hit a record low: "high" and "low"
 * closing a noun phrase that opens with a determiner are nouns */
static int high_low_noun(const dy_text *t, size_t first, size_t end, size_t j)
{
    const dy_tok *k = &t->tok[j];
    if (!(dy_tok_is(t, k, "high") || dy_tok_is(t, k, "low")) || j == first)
        return 0;
    int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
    if (!(nt == T_NONE || nt >= T_PUNCT_COMMA ||
          (nt == T_IN && dy_tok_is(t, &t->tok[j + 1], "of"))))
        return 0;
    int pt = t->tok[j - 1].tag;
    if (!(pt == T_NN || pt == T_NNS || pt == T_JJ || pt == T_JJS || pt == T_CD))
        return 0;
    size_t s0 = np_back(t, first, j);
    return s0 < j && (t->tok[s0].tag == T_DT || t->tok[s0].tag == T_PRPS || t->tok[s0].tag == T_POS);
}

/* The result leaves Real on 38 points; Real are also assured: a capitalised
 * adjective in a sentence, neither before a nominal nor after a copula or
 * a degree adverb, is a name (the club, a language) */
static int capitalised_adj_name(const struct dy_tagger *tg, const dy_text *t, size_t first,
                                size_t end, size_t j, int headline)
{
    const dy_tok *k = &t->tok[j];
    if (headline || !(k->flags & TF_CAP) || (k->flags & TF_ALLCAP) || k->kind != TK_WORD)
        return 0;
    int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
    if (!(nt == T_VBZ || nt == T_VBP || nt == T_VBD || nt == T_MD || nt == T_IN ||
          nt == T_TO))
        return 0;
    if (j == first)
        return 0; /* (a sentence-initial capital says nothing) */
    const dy_tok *p = &t->tok[j - 1];
    int pt = p->tag;
    if (!(p->kind == TK_WORD || p->kind == TK_ABBR || pt == T_PUNCT_COMMA))
        return 0; /* (nor one after a quote, a colon, a dateline's dash) */
    /* (after a comma or a conjunction only as the subject of a verb:
     * "..., Real are") */
    if ((pt == T_CC || pt == T_PUNCT_COMMA) &&
        !(nt == T_VBZ || nt == T_VBP || nt == T_VBD || nt == T_MD))
        return 0;
    if (pt == T_RB || pt == T_RBR || pt == T_RBS || pt == T_DT || pt == T_JJ || (p->flags & TF_CAP) ||
        (tg_wclass(tg, p->word) & (WC_BE | WC_GET)) ||
        (tg_wclass(tg, verb_lemma(tg, p->word)) & (WC_BE | WC_GET)))
        return 0;
    static const char *const cop[] = {"become", "became", "becomes", "remain", "remained",
                                      "remains", "seem", "seemed", "seems", "turned", "stayed",
                                      "looked", "sounded", "felt"};
    return !tok_one_of(t, p, cop, sizeof cop / sizeof *cop);
}

/* the fiscal year beginning in April, the week ending on Friday: the -ing
 * verbs that bound a period, after a time noun and before a preposition,
 * head a participle phrase */
static int period_participle(const struct dy_tagger *tg, const dy_text *t, size_t first,
                             size_t end, size_t j)
{
    static const char *const w[] = {"beginning", "starting", "ending", "commencing", "running",
                                    "lasting", "expiring"};
    const dy_tok *k = &t->tok[j];
    return j > first && j + 1 < end && t->tok[j + 1].tag == T_IN &&
           dy_tag_is_noun(t->tok[j - 1].tag) && (tg_wclass(tg, t->tok[j - 1].word) & WC_TIME) &&
           tok_one_of(t, k, w, sizeof w / sizeof *w);
}

/* to vie for: a lower-case word after "to" that the lexicon took for a
 * name and knows as a base-form verb */
static int to_lower_name(const struct dy_tagger *tg, const dy_text *t, size_t first, size_t j)
{
    const dy_tok *k = &t->tok[j];
    return j > first && t->tok[j - 1].tag == T_TO && !(k->flags & (TF_CAP | TF_ALLCAP)) &&
           k->kind == TK_WORD &&
           (lex_has(tg, k->word, tg->s_vb) || tg_wn_has(&tg->wn_verb, dy_tok_norm(t, k), k->nlen));
}

/* Can Milan sink any further?, not any longer: "any" before a comparative
 * that modifies nothing after it is an adverb phrase, no noun phrase */
static int any_comparative(const dy_text *t, size_t end, size_t j)
{
    /* (not "any more": "we should not see any more" is the pronoun) */
    static const char *const w[] = {"further", "longer", "farther"};
    if (j + 1 >= end || !dy_tok_is(t, &t->tok[j], "any") ||
        !tok_one_of(t, &t->tok[j + 1], w, sizeof w / sizeof *w))
        return 0;
    int nn = j + 2 < end ? t->tok[j + 2].tag : T_NONE;
    return !(nominal_tag(nn) || nn == T_DT || nn == T_PRPS || nn == T_DOLLAR || nn == T_IN ||
             nn == T_CC || nn == T_TO);
}

/* since the hot climate calls for light clothes, in the event that a new
 * entrant wishes to compete: a clause opened by a subordinator or "that"
 * needs a finite verb; when it has none before its end, an -s form after
 * the noun of its subject, before a complement, that the lexicon knows as
 * a present tense is that verb (an unknown word the suffix made an
 * adjective before it is the subject's noun). Not after "after", "before",
 * "until": prepositions as often */
static void fix_clause_verb(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end,
                            size_t j)
{
    static const char *const sub[] = {"because", "although", "though", "whereas", "if",
                                      "unless", "since", "that"};
    if (!tok_one_of(t, &t->tok[j], sub, sizeof sub / sizeof *sub) || j + 3 >= end)
        return;
    int st0 = t->tok[j + 1].tag;
    if (!(st0 == T_DT || st0 == T_PRPS || st0 == T_NNP || st0 == T_NNPS))
        return;
    size_t cand = 0, q = j + 1;
    for (; q < end; q++) {
        int tq = t->tok[q].tag;
        if (!(dy_tag_is_noun(tq) || tq == T_DT || tq == T_PRPS || tq == T_JJ || tq == T_JJR ||
              tq == T_CD || tq == T_POS))
            break;
        if (cand || tq != T_NNS || q < j + 3 || (t->tok[q].flags & TF_CAP) || q + 1 >= end)
            continue;
        const dy_tok *pk = &t->tok[q - 1];
        int pq = pk->tag, nq = t->tok[q + 1].tag;
        int pnoun = pq == T_NN || pq == T_NNP ||
                    (pq == T_JJ && pk->word < tg->nids && !lex_has(tg, pk->word, tg->s_jj) &&
                     (t->tok[q - 2].tag == T_JJ || t->tok[q - 2].tag == T_DT));
        if (pnoun && lex_has(tg, t->tok[q].word, tg->s_vbz) &&
            ((nq == T_IN && !dy_tok_is(t, &t->tok[q + 1], "of")) || nq == T_TO || nq == T_DT ||
             nq == T_PRPS || nq == T_PRP || nq == T_NNS))
            cand = q;
    }
    if (!cand)
        return;
    /* (after "since", also a preposition, only a word the lexicon finds
     * at least as often a verb as a plural: since the coup attempts in
     * 1990 is a time phrase) */
    if (dy_tok_is(t, &t->tok[j], "since") &&
        lex_post(tg, t->tok[cand].word, tg->s_vbz) < lex_post(tg, t->tok[cand].word, tg->s_nns))
        return;
    /* (the rest of the clause has no finite verb) */
    for (size_t r = q; r < end; r++) {
        int tr = t->tok[r].tag;
        if (tr == T_CC || tr == T_PUNCT_COMMA || tr == T_PUNCT_COLON || tr == T_PUNCT_END ||
            tr == T_WDT || tr == T_WP || tr == T_LRB ||
            (tr == T_IN && (tg_wclass(tg, t->tok[r].word) & WC_SUBORD)))
            break;
        if (tr == T_VBD || tr == T_VBZ || tr == T_VBP || tr == T_MD)
            return;
    }
    t->tok[cand].tag = T_VBZ;
    if (t->tok[cand - 1].tag == T_JJ)
        t->tok[cand - 1].tag = T_NN;
}

/* were caught cheating in exams, caught smuggling: an -ing form after
 * "catch" is its complement clause, not a noun */
static int caught_ing(const struct dy_tagger *tg, const dy_text *t, size_t first, size_t j)
{
    const dy_tok *k = &t->tok[j];
    const dy_tok *p = j > first ? &t->tok[j - 1] : NULL;
    return p && dy_tag_is_verb(p->tag) && k->nlen > 5 && ends(dy_tok_norm(t, k), k->nlen, "ing") &&
           (dy_tok_is(t, p, "caught") || dy_tok_is(t, p, "catch") || dy_tok_is(t, p, "catches")) &&
           lex_has(tg, k->word, tg->s_vbg);
}

/* the committee, meeting in Barcelona, decided: an -ing form right after
 * the comma that follows a noun, before a preposition, opens a participle
 * phrase (a noun there would need a determiner: ", a meeting in") */
static int comma_participle(const struct dy_tagger *tg, const dy_text *t, size_t first,
                            size_t end, size_t j)
{
    const dy_tok *k = &t->tok[j];
    return j >= first + 2 && j + 1 < end && t->tok[j - 1].tag == T_PUNCT_COMMA &&
           dy_tag_is_noun(t->tok[j - 2].tag) && t->tok[j + 1].tag == T_IN &&
           !dy_tok_is(t, &t->tok[j + 1], "of") && !(k->flags & TF_CAP) && k->nlen > 5 &&
           ends(dy_tok_norm(t, k), k->nlen, "ing") && lex_has(tg, k->word, tg->s_vbg);
}

/* Police in Karachi arrested two suspects: in a sentence with no finite
 * verb, a past participle after its subject (over a place phrase) and
 * before an object is the past tense - the sentence's only verb - when the
 * lexicon allows it. Not before a preposition (two soldiers killed in an
 * attack, a man charged with murder: reduced relatives, headlines). */
static void fix_lone_participle(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end)
{
    size_t vbn = end;
    for (size_t j = first; j < end; j++) {
        int tj = t->tok[j].tag;
        if (tj == T_VBD || tj == T_VBZ || tj == T_VBP || tj == T_MD)
            return;
        if (tj == T_VBN && vbn == end)
            vbn = j;
    }
    if (vbn == end || vbn < first + 1 || vbn + 1 >= end || !lex_has(tg, t->tok[vbn].word, tg->s_vbd))
        return;
    int nt = t->tok[vbn + 1].tag;
    if (!(nt == T_DT || nt == T_CD || nt == T_PRPS || nt == T_JJ || nt == T_NN || nt == T_NNS ||
          nt == T_NNP || nt == T_NNPS || nt == T_PRP))
        return;
    /* the subject right before, or before a place phrase: "police in X" */
    size_t q = vbn - 1;
    if (dy_tag_is_noun(t->tok[q].tag) && q >= first + 2) {
        size_t r = q;
        while (r > first && (t->tok[r - 1].tag == T_NNP || t->tok[r - 1].tag == T_DT))
            r--;
        if (r > first + 1 && t->tok[r - 1].tag == T_IN && dy_tag_is_noun(t->tok[r - 2].tag))
            q = r - 2;
    }
    if (!dy_tag_is_noun(t->tok[q].tag) && t->tok[q].tag != T_PRP)
        return;
    t->tok[vbn].tag = T_VBD;
}

static void fix_prose(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end,
                      int headline)
{
    if (!headline)
        fix_lone_participle(tg, t, first, end);
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        int tj = k->tag;
        if (tj == T_EX)
            fix_there(tg, t, first, end, j);
        else if (tj == T_IN)
            fix_clause_verb(tg, t, first, end, j);
        else if (tj == T_WDT && dy_tok_is(t, k, "that") && in_that_clause(tg, t, first, end, j))
            k->tag = T_IN;
        else if (tj == T_SYM && currency_symbol(t, k))
            k->tag = T_DOLLAR;
        else if (tj != T_NN && url_token(t, k))
            k->tag = T_NN;
        else if ((tj == T_NN || tj == T_JJ) && j + 1 < end && t->tok[j + 1].tag == T_IN &&
                 dy_tok_is(t, k, "midway"))
            k->tag = T_RB; /* let him in midway through the half */
        else if (tj == T_NN && coordinated_base_verb(tg, t, first, end, j))
            k->tag = T_VB;
        else if ((tj == T_VBD || tj == T_VBN) && article_noun(tg, t, first, end, j)) {
            k->tag = T_NN;
            /* (its verb, taken for a participle next to the "past tense",
             * is the past tense: the won closed at) */
            if (t->tok[j + 1].tag == T_VBN && lex_has(tg, t->tok[j + 1].word, tg->s_vbd))
                t->tok[j + 1].tag = T_VBD;
        }
        else if (tj == T_JJ && high_low_noun(t, first, end, j))
            k->tag = T_NN;
        else if (tj == T_JJ && capitalised_adj_name(tg, t, first, end, j, headline))
            k->tag = T_NNP;
        else if (tj == T_NN && (period_participle(tg, t, first, end, j) ||
                                caught_ing(tg, t, first, j) ||
                                comma_participle(tg, t, first, end, j)))
            k->tag = T_VBG;
        else if (tj == T_NNP && to_lower_name(tg, t, first, j))
            k->tag = T_VB;
        else if ((tj == T_DT || tj == T_RB) && any_comparative(t, end, j)) {
            k->tag = T_RB;
            t->tok[j + 1].tag = dy_tok_is(t, &t->tok[j + 1], "further") ? T_RB : T_RBR;
        }
    }
}

/* ---- non-prose lines ----
 * The wire's lines that are no prose sentence - headlines in title case or
 * capitals, table rows, ranked result lists - where the trigram model, trained
 * on prose, reads capitalised names and headline nouns as verbs. Each rule
 * below tests the shape of its line first, so prose never reaches it
 * (docs/syntax.md, Tagging, "non-prose lines"). */

static int is_finite(int tg)
{
    return tg == T_VBD || tg == T_VBZ || tg == T_VBP || tg == T_MD;
}

static int cap_word(const dy_tok *k)
{
    return k->kind == TK_WORD && (k->flags & TF_CAP);
}

/* Does a headline clause start at j: the first token, or after a dash or a
 * colon ("SOCCER - JAPAN GET ...")? */
static int clause_open(const dy_text *t, size_t first, size_t j)
{
    return j == first || t->tok[j - 1].kind == TK_DASH || t->tok[j - 1].tag == T_PUNCT_COLON;
}

/* Do the nouns right before token j open a clause (clause_open at their
 * first)? */
static int opens_after_nouns(const dy_text *t, size_t first, size_t j)
{
    size_t s = j;
    while (s > first && dy_tag_is_noun(t->tok[s - 1].tag))
        s--;
    return clause_open(t, first, s);
}

/* A table row or a score line: capitalised words, then numbers, perhaps a
 * second run of words and numbers ("Reading 22 7 5 10 25 33 26", "Lens 0
 * Nantes 4"). The words are the team or the place the row is about: a name,
 * whatever the model made of "Reading" or "Stoke". Past forms stay (the
 * labels "Won 3 Lost 1" are participles). Returns the number of name runs. */
static int table_row(const dy_text *t, size_t first, size_t end)
{
    size_t j = first, runs = 0, nums = 0;
    if (end > first && t->tok[end - 1].tag == T_PUNCT_END)
        end--;
    while (j < end) {
        size_t w = j;
        while (j < end && cap_word(&t->tok[j]))
            j++;
        size_t c = j;
        while (j < end && t->tok[j].kind == TK_NUM)
            j++;
        if (w == j || c == w || c == j)
            return 0; /* each run is words then numbers */
        runs++;
        nums += j - c;
    }
    /* a score line has two runs of one number; a table row one run of three
     * numbers or more */
    return (runs == 1 && nums >= 3) || (runs == 2 && nums == 2) ? (int)runs : 0;
}

static void fix_table_row(dy_text *t, size_t first, size_t end)
{
    int runs = table_row(t, first, end);
    for (size_t j = first; runs && j < end; j++) {
        dy_tok *k = &t->tok[j];
        int tg = k->tag;
        if (cap_word(k) && (tg == T_VB || tg == T_VBP || tg == T_VBZ || tg == T_VBG || tg == T_RB ||
                            tg == T_UH || (runs == 2 && (tg == T_NN || tg == T_JJ))))
            k->tag = T_NNP;
        else if (cap_word(k) && runs == 2 && tg == T_NNS)
            k->tag = T_NNPS; /* Celtic 3 Rangers 1 */
    }
}

/* A result list item: "3. Hide Gerg (Germany) 276", "Chris Witty (US) 41.75":
 * two or more capitalised words that start the item (the line, after its
 * rank number, or after ; ,) and stand before a bracket holding capitalised
 * words only - the name of a competitor and his country. The model reads
 * "Hide" as a verb and "Witty" as an adjective; "US" in the bracket as the
 * pronoun. */
static void fix_result_item(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end)
{
    for (size_t s = first; s < end; s++) {
        if (!(s == first || t->tok[s - 1].kind == TK_NUM || t->tok[s - 1].tag == T_PUNCT_COMMA ||
              (t->tok[s - 1].tag == T_PUNCT_COLON && dy_tok_is(t, &t->tok[s - 1], ";"))))
            continue;
        if (s > first && t->tok[s - 1].kind == TK_NUM && s - 1 != first)
            continue; /* a rank number opens the line */
        size_t j = s;
        while (j < end && cap_word(&t->tok[j]))
            j++;
        if (j - s < 2 || j + 2 >= end || t->tok[j].tag != T_LRB)
            continue;
        size_t q = j + 1;
        while (q < end && cap_word(&t->tok[q]))
            q++;
        if (q == j + 1 || q - j > 4 || q >= end || t->tok[q].tag != T_RRB)
            continue;
        for (size_t i = s; i < j; i++) {
            int ti = t->tok[i].tag;
            if (ti == T_VB || ti == T_VBP || ti == T_VBZ || ti == T_VBG || ti == T_VBD ||
                ti == T_VBN || ti == T_JJ || ti == T_RB || ti == T_NN)
                t->tok[i].tag = T_NNP;
        }
        for (size_t i = j + 1; i < q; i++)
            if (t->tok[i].tag == T_PRP || t->tok[i].tag == T_IN || t->tok[i].tag == T_DT)
                t->tok[i].tag = T_NNP; /* (US), (IN) */
        (void)tg;
        s = q;
    }
}

/* In a line that is not in capitals (at least twice as many mixed-case
 * words as words in capitals) a word in capitals is an abbreviation or a name: "AS Roma", "the US team" - not the function word or the pronoun
 * the lexicon has for its letters (as, us). Only before a capitalised name
 * or alone after a name ("Lazio v AS Roma", "said the US"). */
static void fix_caps_in_lower(dy_text *t, size_t first, size_t end)
{
    size_t mixed = 0, caps = 0;
    for (size_t j = first; j < end; j++)
        if (t->tok[j].kind == TK_WORD && t->tok[j].nlen > 1) {
            caps += (t->tok[j].flags & TF_ALLCAP) != 0;
            mixed += !(t->tok[j].flags & TF_ALLCAP);
        }
    if (caps * 2 > mixed)
        return;
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        if (!(k->flags & TF_ALLCAP) || k->kind != TK_WORD || k->nlen > 3)
            continue;
        int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
        if (k->tag == T_PRP && dy_tok_is(t, k, "us"))
            k->tag = T_NNP;
        else if ((k->tag == T_IN || k->tag == T_RB || k->tag == T_DT) && j + 1 < end &&
                 (nt == T_NNP || nt == T_NNPS) && cap_word(&t->tok[j + 1]) &&
                 !(t->tok[j + 1].flags & TF_ALLCAP))
            k->tag = T_NNP;
    }
}

/* Headlines. Their verbs are in the present and they drop articles and the
 * auxiliary of the passive:
 * - "JAPAN GET LUCKY WIN": a base form right after the nouns that open the
 *   clause, before what can follow a verb, is its present tense (teams take
 *   a plural verb) when the clause has no finite verb yet;
 * - after the clause's finite verb, a base form nothing licenses (no to,
 *   modal, do or help/make/let before it) is a noun when the lexicon knows
 *   one (the dropped article: "GET LUCKY WIN" = get a lucky win), and a
 *   capitalised adjective before it is its modifier;
 * - "BLINKER BAN LIFTED", "TWO KILLED IN BLAST": a past form after a noun,
 *   with no object after it, is the participle of the passive;
 * - "SOCCER - LEADING SCOTTISH SCORERS": an -ing form opening a clause with
 *   no verb before nouns is the adjective the lexicon has. */
/* A subordinator that is no preposition: as, while, because, although,
 * though, when, if, unless, once, whereas (not after, before, since, until:
 * "AFTER BANK RAID") */
static int sub_only(const dy_text *t, const dy_tok *k)
{
    static const char *const w[] = {"as", "while", "because", "although", "though", "when",
                                    "if", "unless", "once", "whereas"};
    return tok_one_of(t, k, w, sizeof w / sizeof *w);
}

/* A number with a slash or a dash in it (10/27/89, 1996-12-06): a date,
 * which heads no object */
static int date_like(const dy_text *t, const dy_tok *k)
{
    const char *w = dy_tok_norm(t, k);
    for (size_t i = 1; i + 1 < k->nlen; i++)
        if (w[i] == '/' || w[i] == '-')
            return 1;
    return 0;
}

/* The past of a verb of changing level, "LOSS NARROWED", "NET DECLINED
 * 6%": intransitive, so a past tense even in a headline (not the passive
 * of "BAN LIFTED") */
static int level_verb(const dy_text *t, const dy_tok *k)
{
    static const char *const w[] = {"declined", "narrowed", "widened", "increased",
                                    "decreased", "jumped", "climbed", "slipped", "dropped",
                                    "surged", "soared", "plunged", "gained", "advanced",
                                    "eased", "improved", "edged", "dipped", "tumbled",
                                    "slumped", "rebounded", "rallied", "doubled", "tripled",
                                    "grew", "shrank", "recovered", "firmed", "weakened",
                                    "strengthened"};
    return k->nlen >= 4 && tok_one_of(t, k, w, sizeof w / sizeof *w);
}

/* Is there a finite verb in the headline clause before j? */
static int fin_before(const dy_text *t, size_t first, size_t j)
{
    while (j > first && !clause_open(t, first, j)) {
        j--;
        if (is_finite(t->tok[j].tag))
            return 1;
    }
    return 0;
}

static void fix_headline(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end)
{
    int fin = 0;
    for (size_t j = first; j < end; j++)
        fin |= is_finite(t->tok[j].tag);
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        int pt = j > first ? t->tok[j - 1].tag : T_NONE;
        int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
        if (k->tag == T_VB && j > first && !fin && dy_tag_is_noun(pt) &&
            (np_start_tag(nt) || nt == T_IN || nt == T_TO || nt == T_RB) && nt != T_CD &&
            lex_has(tg, k->word, tg->s_vbp) && opens_after_nouns(t, first, j)) {
            k->tag = T_VBP;
            fin = 1;
            continue;
        }
        if (k->tag == T_VB && fin_before(t, first, j) && j >= first + 2 && pt != T_TO &&
            pt != T_MD && pt != T_CC && !dy_tag_is_verb(pt) &&
            !(tg_wclass(tg, t->tok[j - 1].word) & (WC_DO | WC_BARE)) &&
            !(tg_wclass(tg, verb_lemma(tg, t->tok[j - 2].word)) & (WC_BARE | WC_DO)) &&
            t->tok[j - 2].tag != T_TO && t->tok[j - 2].tag != T_MD &&
            lex_has(tg, k->word, tg->s_nn)) {
            k->tag = T_NN;
            dy_tok *p = &t->tok[j - 1];
            if ((pt == T_NNP || pt == T_NN) && (p->flags & TF_CAP) && lex_has(tg, p->word, tg->s_jj) &&
                is_finite(t->tok[j - 2].tag))
                p->tag = T_JJ;
            continue;
        }
        if (k->tag == T_VBD && dy_tag_is_noun(pt) &&
            (nt == T_NONE || nt == T_PUNCT_END || nt == T_IN || nt == T_TO ||
             (j + 1 < end && t->tok[j + 1].kind == TK_DASH)) &&
            !(tg_wclass(tg, k->word) & (WC_BE | WC_HAVE | WC_DO)) && !level_verb(t, k) &&
            (lex_has(tg, k->word, tg->s_vbn) || ends(dy_tok_norm(t, k), k->nlen, "ed"))) {
            k->tag = T_VBN;
            continue;
        }
        /* "Police Arrest Three After Raid" (title case: capitals say
         * nothing): a noun the lexicon knows as a present tense, after
         * the nouns that open a clause with no verb, before a determiner,
         * a number or a pronoun - which cannot continue a compound - is
         * the verb */
        if (k->tag == T_NN && !fin && j > first && dy_tag_is_noun(pt) &&
            (nt == T_DT || (nt == T_CD && !date_like(t, &t->tok[j + 1])) || nt == T_PRPS ||
             nt == T_PRP) &&
            (lex_has(tg, k->word, tg->s_vbp) || lex_has(tg, k->word, tg->s_vb)) &&
            opens_after_nouns(t, first, j)) {
            k->tag = T_VBP;
            fin = 1;
            continue;
        }
        /* "STOCKS SLIP AS RATES RISE": a clause after a subordinator needs
         * a verb; a singular noun ending it after a plural is that verb */
        if (k->tag == T_NN && j >= first + 2 && pt == T_NNS && t->tok[j - 2].tag == T_IN &&
            sub_only(t, &t->tok[j - 2]) &&
            (nt == T_NONE || nt == T_PUNCT_END || nt == T_PUNCT_COMMA || nt == T_IN) &&
            (lex_has(tg, k->word, tg->s_vbp) || lex_has(tg, k->word, tg->s_vb))) {
            k->tag = T_VBP;
            continue;
        }
        if (k->tag == T_VBG && !fin && j > first && clause_open(t, first, j) &&
            lex_has(tg, k->word, tg->s_jj)) {
            size_t q = j + 1;
            while (q < end && (dy_tag_is_noun(t->tok[q].tag) || t->tok[q].tag == T_JJ))
                q++;
            if (q > j + 1 && dy_tag_is_noun(t->tok[q - 1].tag) &&
                (q == end || t->tok[q].tag == T_PUNCT_END))
                k->tag = T_JJ;
        }
    }
}

/* A heading of a few capitalised words with no verb, "Downhill Standings":
 * a capitalised adverb right before its noun modifies it (Penn JJ) - an
 * adverb cannot stand inside a noun phrase. (Not the focus adverbs: "Only
 * Results", "Also Standings".) */
static void fix_heading_adverb(dy_text *t, size_t first, size_t end)
{
    static const char *const focus[] = {"only", "also", "just", "even", "not", "still",
                                        "now", "again", "too", "so", "very"};
    for (size_t j = first; j + 1 < end; j++) {
        dy_tok *k = &t->tok[j];
        if (k->tag != T_RB || !cap_word(k) || !dy_tag_is_noun(t->tok[j + 1].tag) ||
            !(t->tok[j + 1].flags & TF_CAP) || tok_one_of(t, k, focus, sizeof focus / sizeof *focus))
            continue;
        for (size_t q = first; q < end; q++)
            if (is_finite(t->tok[q].tag) || (t->tok[q].kind == TK_WORD && !(t->tok[q].flags & TF_CAP) &&
                                             has_alpha(dy_tok_norm(t, &t->tok[q]), t->tok[q].nlen)))
                return;
        k->tag = T_JJ;
    }
}

/* A line with no finite verb (a heading: "Results of the speed skating
 * races on Sunday:") has no participle clause either: an -ing form between a
 * singular common noun and another common noun is inside their compound
 * (ski jumping event, money laundering case; but "with council adopting
 * resolution", right after a preposition or a verb, is an absolute clause)
 * - the rule of fix_tags for the
 * -ing words the lexicon knows as nouns, here for all (fix_lines calls it
 * only when the line has no finite verb). */
static void fix_heading_compound(dy_text *t, size_t first, size_t end)
{
    for (size_t j = first + 1; j + 1 < end; j++) {
        dy_tok *k = &t->tok[j];
        int nt = t->tok[j + 1].tag;
        int p2 = j >= first + 2 ? t->tok[j - 2].tag : T_NONE;
        if (k->tag == T_VBG && t->tok[j - 1].tag == T_NN && (nt == T_NN || nt == T_NNS) &&
            !(t->tok[j - 1].flags & TF_ALLCAP) && !(k->flags & TF_CAP) && p2 != T_IN &&
            !dy_tag_is_verb(p2))
            k->tag = T_NN;
    }
}

/* A cricket scorecard line, "Ross Lee st Kent b Ward 12": the lower-case
 * dismissal marks st (stumped) and lbw between the batsman's and the
 * fielder's names are symbols, like the letters c and b (letter_symbol),
 * not part of the names. Only before a capitalised name or the mark b, in
 * a line that has the bowler's b. */
static void fix_scorecard(dy_text *t, size_t first, size_t end)
{
    size_t b = 0;
    for (size_t j = first + 1; j < end && !b; j++)
        if (t->tok[j].tag == T_SYM && dy_tok_is(t, &t->tok[j], "b"))
            b = j;
    for (size_t j = first + 1; b && j + 1 < b; j++) {
        dy_tok *k = &t->tok[j];
        if ((dy_tok_is(t, k, "st") || dy_tok_is(t, k, "lbw")) && !(k->flags & TF_CAP) &&
            cap_word(&t->tok[j - 1]) && (cap_word(&t->tok[j + 1]) || j + 1 == b))
            k->tag = T_SYM;
    }
}

/* "Iowa cattle market not tested": a finite verb takes "not" only after an
 * auxiliary (does not test); a noun-or-verb word after a noun, before "not"
 * and a participle, is the noun of a verbless report line. */
static void fix_noun_not(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end)
{
    for (size_t j = first + 1; j + 2 < end; j++) {
        dy_tok *k = &t->tok[j];
        if ((k->tag == T_VBP || k->tag == T_VB) && dy_tag_is_noun(t->tok[j - 1].tag) &&
            dy_tok_is(t, &t->tok[j + 1], "not") &&
            (t->tok[j + 2].tag == T_VBN || t->tok[j + 2].tag == T_JJ) &&
            !(tg_wclass(tg, k->word) & (WC_BE | WC_HAVE | WC_DO | WC_MODAL)) &&
            lex_has(tg, k->word, tg->s_nn))
            k->tag = T_NN;
    }
}

/* One scan of the sentence says which of the rules can apply: a prose
 * sentence (a finite verb, lower-case words, no bracket) reaches none but
 * the two that need a word of their own ("not", a word in capitals). */
static void fix_lines(const struct dy_tagger *tg, dy_text *t, size_t first, size_t end, int headline)
{
    int fin = 0, lrb = 0, sym = 0, allcap = 0, neg = 0;
    for (size_t j = first; j < end; j++) {
        const dy_tok *k = &t->tok[j];
        fin |= is_finite(k->tag);
        lrb |= k->tag == T_LRB;
        sym |= k->tag == T_SYM;
        allcap |= (k->flags & TF_ALLCAP) != 0;
        neg |= k->nlen == 3 && dy_tok_is(t, k, "not");
    }
    if (!fin)
        fix_heading_compound(t, first, end);
    if (sym)
        fix_scorecard(t, first, end);
    if (neg)
        fix_noun_not(tg, t, first, end);
    if (cap_word(&t->tok[first]))
        fix_table_row(t, first, end);
    if (lrb)
        fix_result_item(tg, t, first, end);
    if (allcap)
        fix_caps_in_lower(t, first, end);
    if (!fin)
        fix_heading_adverb(t, first, end);
    if (headline)
        fix_headline(tg, t, first, end);
}

/* ---- driver ---- */

static int is_word_kind(int kind)
{
    return kind == TK_WORD || kind == TK_ABBR || kind == TK_NUM;
}

/* A lone lower-case letter other than "a" and "i" is a label or a symbol
 * (scorecard notation "c Spearman b Vaughan", "option b"), not a noun, when
 * the lexicon knows it as one: the trigram model, seeing it between names,
 * otherwise takes it for part of the name. */
static int letter_symbol(const struct dy_tagger *tg, const dy_text *t, const dy_tok *k)
{
    if (k->kind != TK_WORD || k->nlen != 1 || (k->flags & (TF_CAP | TF_ALLCAP)) ||
        !dy_tag_is_noun(k->tag))
        return 0;
    char c = t->norm[k->norm];
    return c >= 'b' && c <= 'z' && c != 'i' && lex_has(tg, k->word, tg->s_sym);
}

/* A capital "A" after a capitalised word that does not start a singular
 * noun phrase is a letter naming something: Group A, Serie A games, Plan A.
 * The article "a" needs a singular nominal after it; here a plural noun,
 * punctuation, a conjunction or the end of the sentence follows. */
static int letter_name(const dy_text *t, size_t j, size_t first, size_t end)
{
    const dy_tok *k = &t->tok[j];
    if (k->tag != T_DT || k->nlen != 1 || t->norm[k->norm] != 'a' || !(k->flags & TF_CAP) ||
        j == first || !(t->tok[j - 1].flags & (TF_CAP | TF_ALLCAP)) ||
        !dy_tag_is_noun(t->tok[j - 1].tag))
        return 0;
    int nt = j + 1 < end ? t->tok[j + 1].tag : T_NONE;
    return nt == T_NONE || nt == T_NNS || nt == T_NNPS || nt == T_CC || nt == T_PUNCT_COMMA ||
           nt == T_PUNCT_END || nt == T_PUNCT_COLON || nt == T_LRB || nt == T_RRB;
}

static void tag_span(const struct dyad_ctx *ctx, dy_text *t, size_t first, size_t n)
{
    const struct dy_tagger *tg = ctx->lex.tagger;
    tg_cand cand[WIN];
    uint8_t st[WIN];
    sent_info si = {0};
    /* headline: most alphabetic words capitalised */
    /* (a title-case headline leaves only small function words in lower
     * case; a lower-case content word - "Minister Tariq Aziz met U.N. envoy
     * Rolf Ekeus" - makes it a sentence full of names) */
    static const char *const small[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for",
                                        "and", "or", "but", "nor", "with", "by", "from", "as",
                                        "vs", "v", "into", "over", "off", "up", "per"};
    size_t nalpha = 0, ncap = 0;
    for (size_t i = first; i < first + n; i++) {
        const dy_tok *k = &t->tok[i];
        if (k->kind == TK_WORD && has_alpha(dy_tok_norm(t, k), k->nlen)) {
            nalpha++;
            if (k->flags & (TF_CAP | TF_ALLCAP))
                ncap++;
        }
    }
    si.headline = nalpha >= 3 && ncap * 4 >= nalpha * 3;
    for (size_t i = first; si.headline && i < first + n; i++) {
        const dy_tok *k = &t->tok[i];   /* (rare: only mostly capitalised lines) */
        if (k->kind == TK_WORD && !(k->flags & (TF_CAP | TF_ALLCAP)) &&
            has_alpha(dy_tok_norm(t, k), k->nlen) &&
            !tok_one_of(t, k, small, sizeof small / sizeof small[0]))
            si.headline = 0;
    }
    int pa = tg->start_a, pb = tg->start_b;
    int seen_word = 0;
    size_t i = first, end = first + n;
    while (i < end) {
        size_t m = end - i < WIN ? end - i : WIN;
        for (size_t j = 0; j < m; j++) {
            const dy_tok *k = &t->tok[i + j];
            int initial = !seen_word;
            if (!initial && i + j > first) {
                const dy_tok *p = &t->tok[i + j - 1];
                if ((p->kind == TK_QUOTE && (p->flags & TF_OPEN)) ||
                    (p->kind == TK_PUNCT && (t->norm[p->norm] == ':' || t->norm[p->norm] == '(')) ||
                    (k->flags & TF_PARA))
                    initial = 1;
            }
            candidates(tg, &ctx->lex, t, i + j, initial, &si, &cand[j]);
            if (is_word_kind(k->kind) || k->kind == TK_CLITIC)
                seen_word = 1;
        }
        viterbi(tg, cand, (int)m, pa, pb, st);
        pa = m >= 2 ? st[m - 2] : pb;
        pb = st[m - 1];
        for (size_t j = 0; j < m; j++) {
            int p = penn_of(tg, t, i + j, st[j]);
            t->tok[i + j].tag = (uint8_t)(p < 0 ? -p : p);
        }
        i += m;
    }
#ifdef DEBUG_FIX
    for (size_t j = first; j < end; j++)
        fprintf(stderr, "%.*s/%s ", (int)t->tok[j].nlen, dy_tok_norm(t, &t->tok[j]), dy_tag_name(t->tok[j].tag));
    fprintf(stderr, "\n");
#endif
    fix_words(tg, t, first, end); /* (before: the rules of fix_tags read these tags) */
    fix_tags(tg, &ctx->lex, t, first, end, si.headline);
    fix_noun_verb_s(tg, t, first, end);
    fix_prose(tg, t, first, end, si.headline);
    fix_lines(tg, t, first, end, si.headline);
#ifdef DEBUG_FIX
    fprintf(stderr, "  after: ");
    for (size_t j = first; j < end; j++)
        fprintf(stderr, "%.*s/%s ", (int)t->tok[j].nlen, dy_tok_norm(t, &t->tok[j]), dy_tag_name(t->tok[j].tag));
    fprintf(stderr, "\n");
#endif
    for (size_t j = first; j < end; j++) {
        dy_tok *k = &t->tok[j];
        if (k->tag == T_PRPS && dy_tok_is(t, k, "her") && !next_is_nominal(t, j, end))
            k->tag = T_PRP;
        else if (j + 1 < end && t->tok[j + 1].kind == TK_CLITIC && k->nlen == 3 &&
                 dy_tok_is(t, k, "let") && dy_tok_is(t, &t->tok[j + 1], "'s")) {
            k->tag = T_VB; /* let's go: the clitic is "us", a bare verb follows */
            t->tok[j + 1].tag = T_PRP;
            if (j + 2 < end && (t->tok[j + 2].tag == T_NN || t->tok[j + 2].tag == T_VBP) &&
                lex_has(tg, t->tok[j + 2].word, tg->s_vb))
                t->tok[j + 2].tag = T_VB;
        }
        else if (letter_symbol(tg, t, k))
            k->tag = T_SYM;
        else if (letter_name(t, j, first, end))
            k->tag = T_NNP;
        else if (k->tag == T_VBZ && j == first && j + 1 < end && t->tok[j + 1].tag == T_IN &&
                 lex_has(tg, k->word, tg->s_nns))
            k->tag = T_NNS; /* a heading: "Matches on Friday:", "Results in brief" */
    }
    for (size_t j = first; j < end; j++)
        t->tok[j].lemma = tok_lemma(ctx, t, j, end);
}

int dy_tag(const struct dyad_ctx *ctx, dy_text *t)
{
    if (!ctx->lex.tagger) {
        for (size_t i = 0; i < t->ntok; i++) {
            t->tok[i].tag = T_NN;
            t->tok[i].lemma = t->tok[i].word;
        }
        return 0;
    }
    if (t->nsent == 0) {
        if (t->ntok)
            tag_span(ctx, t, 0, t->ntok);
        return 0;
    }
    for (size_t s = 0; s < t->nsent; s++)
        if (t->sent[s].ntok)
            tag_span(ctx, t, t->sent[s].first, t->sent[s].ntok);
    return 0;
}
