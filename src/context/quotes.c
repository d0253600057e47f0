/* quotes.c - the quotes stage: direct quotations and reported speech, each
 * with its speaker.
 *
 * Reads the token array (quotation marks with TF_OPEN / TF_CLOSE, paragraph
 * and line starts), the sentences, the part-of-speech tags and the actor
 * mentions (doc->men, pronouns already resolved by the actor stage). Writes
 * doc->q (sorted by position) and dy_tok.quote (1 for the tokens inside a
 * direct quotation). The word lists come from data/quotes/ (*.txt), loaded
 * once per data directory and shared by every thread (see qt_tables).
 *
 *  1. Quotation marks are paired into spans. Double marks pair with each
 *     other; single marks only outside double ones; a curly opening mark
 *     after a comma or colon inside a quotation is a nested quotation. A
 *     paragraph break ends a span: when the next paragraph opens with a mark,
 *     that span continues the quotation (news style: no closing mark at the
 *     end of a quoted paragraph). A span of one or two words is a quotation
 *     only with a frame in its sentence (`insisted it was "unethical"`);
 *     otherwise it is a scare quote. Title-case spans with no frame next to
 *     them are titles. Neither is kept.
 *  2. Frames: every speech verb outside a quotation ("said", "told", data
 *     list) and every "according to", with its speaker noun phrase: before
 *     the verb ("X said", "X, who ..., said", "X also told", "X tried to
 *     argue"), else after it ("said X"); a participle or a coordinated verb
 *     takes the sentence's subject ("X left, telling reporters:", "X has
 *     suggested A and called B"). Naming verbs ("called Clinton the
 *     "Devil."") frame only the quotations of their sentence, and a colon
 *     before a quotation in a sentence with no speech verb frames it with
 *     the sentence's subject when that is a name or pronoun.
 *  3. A quotation takes the frame that starts right after its closing mark
 *     (`"A," he said`), else one that ends right before its opening mark
 *     (`he said: "A"`, also across the splitter's break in `he said "A`),
 *     else the nearest frame to its left in its sentence (a partial quote in
 *     reported speech), else for a partial quote the nearest to its right.
 *     Without a frame it continues: from a later paragraph of the same
 *     quotation, from the quotation before it in its paragraph (`"A," he
 *     said. "B."`), or, when it opens its sentence, from the latest speaker
 *     of this or the previous paragraph.
 *  4. Reported speech: a frame not used by a whole quotation whose verb is
 *     followed by a clause ("said (that) ...", "told reporters ...",
 *     "according to X, ...") or that follows one ("..., X said.") or sits
 *     inside one ("That, they said, is ...") gives an indirect quotation
 *     spanning that clause.
 *  5. Speakers are mentions. The mention under the frame's noun phrase is
 *     used (not a possessor: "His office", "Brazile's colleague"). A role
 *     description of the actor stage with no name and no referent ("the new
 *     NATO secretary general") gets the latest speaker with a compatible
 *     code as its referent: its ref is set and AM_DESC added (the only change
 *     made to the actor stage's mentions). When no mention is there (a name
 *     no dictionary knows, a pronoun the actor stage left alone, a
 *     description), one is appended to doc->men: AM_NAME for names,
 *     AM_PRONOUN with ref and code of the latest speaker for he/she, no flag
 *     for descriptions. Appended mentions come after the actor stage's ones
 *     (index >= the count the actor stage left) and only those with a code
 *     show in the document's "actors".
 *
 * No per-token allocation: a few scratch arrays per document, freed on
 * return. Fails only when out of memory (-1). */
#include "../core/internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- word lists ---------------------------------------------------------- */

enum {
    W_SPEECH = 1 << 0,      /* a form of a speech verb */
    W_HEARER = 1 << 1,      /* its listener comes next: told reporters that */
    W_NOINV = 1 << 2,       /* never before its speaker ("told X" is a listener) */
    W_BETWEEN = 1 << 3,     /* may stand between speaker and verb */
    W_PASSIVE = 1 << 4,     /* was, is ... (passive: no frame) */
    W_DET = 1 << 5,
    W_LINK = 1 << 6,        /* of, for, at inside a noun phrase */
    W_REL = 1 << 7,         /* who, which */
    W_PERSON = 1 << 8,      /* he, she */
    W_GROUP = 1 << 9,       /* they */
    W_SELF = 1 << 10,       /* I, we, you */
    W_ADVL = 1 << 11,       /* opens an adverbial after the verb: on, in ... */
    W_TIME = 1 << 12,       /* a time word: Thursday, week, last ... */
    W_ACC = 1 << 13,        /* first word of an "according to" phrase */
    W_NAMING = 1 << 14,     /* called X "Y": frames quotations of its sentence only */
    W_QUANT = 1 << 15       /* one, many, another: a noun phrase of its own */
};

typedef struct qt_tables {
    char *dir;
    dy_intern words;
    uint16_t *cls;          /* per word id: W_* */
    size_t cls_cap;
    uint32_t *phr;          /* according phrases: n, id_1 .. id_n, n, ... */
    size_t phr_len, phr_cap;
    uint8_t sig[2048];      /* qt_sig bits of the words: a token whose
                               signature is not set is not a table word */
    struct qt_tables *next;
} qt_tables;

/* First and last letter and length of a word, 14 bits. */
static inline unsigned qt_sig(const char *w, size_t n)
{
    return ((unsigned)(w[0] & 31) << 9) | ((unsigned)(w[n - 1] & 31) << 4) |
           (unsigned)(n < 15 ? n : 15);
}

static pthread_mutex_t qt_lock = PTHREAD_MUTEX_INITIALIZER;
static qt_tables *qt_loaded;   /* one per data directory, kept for the process */

static const struct {
    const char *name;
    unsigned cls;
} qt_sections[] = {
    {"speech", W_SPEECH},
    {"hearer", W_SPEECH | W_HEARER},
    {"naming", W_NAMING},
    {"noinvert", W_NOINV},
    {"according", W_ACC},
    {"between", W_BETWEEN},
    {"passive", W_PASSIVE},
    {"determiner", W_DET},
    {"quantifier", W_QUANT},
    {"link", W_LINK},
    {"relative", W_REL},
    {"person", W_PERSON},
    {"group", W_GROUP},
    {"self", W_SELF},
    {"adverbial", W_ADVL},
    {"time", W_TIME},
};

typedef struct qt_load {
    qt_tables *tb;
    unsigned cls;           /* of the current section; 0: unknown section */
    int fileno;
} qt_load;

static uint32_t qt_add_word(qt_tables *tb, const char *w, size_t n, unsigned cls)
{
    char low[64];
    if (n >= sizeof low)
        n = sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    uint32_t id = dy_intern_add(&tb->words, low, n);
    if (!id)
        return 0;
    if (n) {
        unsigned g = qt_sig(low, n);
        tb->sig[g >> 3] |= (uint8_t)(1u << (g & 7));
    }
    if (id >= tb->cls_cap) {
        size_t old = tb->cls_cap;
        if (DY_GROW(tb->cls, tb->cls_cap, (size_t)id + 1))
            return 0;
        memset(tb->cls + old, 0, (tb->cls_cap - old) * sizeof *tb->cls);
    }
    tb->cls[id] |= (uint16_t)cls;
    return id;
}

/* One line of a data file: a "%section NAME" switch, or words. Lines of an
 * unknown section are skipped (dyad_ctx_new has already succeeded; the
 * stage degrades rather than fails). */
static int qt_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                   char *err, size_t errlen)
{
    qt_load *ld = user;
    (void)path, (void)line;
    if (fileno != ld->fileno) {
        ld->fileno = fileno;
        ld->cls = 0;
    }
    if (n > 9 && !memcmp(s, "%section ", 9)) {
        char *nm = s + 9;
        size_t nn = n - 9;
        dy_trim(&nm, &nn);
        ld->cls = 0;
        for (size_t i = 0; i < sizeof qt_sections / sizeof qt_sections[0]; i++)
            if (strlen(qt_sections[i].name) == nn && !memcmp(qt_sections[i].name, nm, nn))
                ld->cls = qt_sections[i].cls;
        return 0;
    }
    if (!ld->cls)
        return 0;
    qt_tables *tb = ld->tb;
    size_t mark = tb->phr_len;
    if (ld->cls == W_ACC && DY_GROW(tb->phr, tb->phr_cap, tb->phr_len + 1))
        goto nomem;
    if (ld->cls == W_ACC)
        tb->phr[tb->phr_len++] = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i == a)
            break;
        if (ld->cls == W_ACC) {
            int first = tb->phr_len == mark + 1;
            uint32_t id = qt_add_word(tb, s + a, i - a, first ? W_ACC : 0);
            if (!id || DY_GROW(tb->phr, tb->phr_cap, tb->phr_len + 1))
                goto nomem;
            tb->phr[tb->phr_len++] = id;
            tb->phr[mark]++;
        } else if (!qt_add_word(tb, s + a, i - a, ld->cls))
            goto nomem;
    }
    return 0;
nomem:
    snprintf(err, errlen, "out of memory");
    return -1;
}

static void qt_tables_free(qt_tables *tb)
{
    if (!tb)
        return;
    dy_intern_free(&tb->words);
    dy_free(tb->cls);
    dy_free(tb->phr);
    dy_free(tb->dir);
    dy_free(tb);
}

/* The tables of ctx's data directory, loaded on first use. A missing
 * data/quotes/ gives empty tables (quotations are still found, without
 * speakers). NULL only when out of memory; then nothing is kept and the
 * next document tries again. */
static const qt_tables *qt_get(const dyad_ctx *ctx)
{
    const char *dir = ctx->data_dir ? ctx->data_dir : "";
    pthread_mutex_lock(&qt_lock);
    qt_tables *tb;
    for (tb = qt_loaded; tb; tb = tb->next)
        if (!strcmp(tb->dir, dir))
            break;
    if (!tb) {
        tb = dy_calloc(1, sizeof *tb);
        if (tb && (!(tb->dir = dy_strndup(dir, strlen(dir))) || dy_intern_init(&tb->words))) {
            qt_tables_free(tb);
            tb = NULL;
        }
        if (tb) {
            char path[4096], err[256];
            snprintf(path, sizeof path, "%s/quotes", dir);
            qt_load ld = {tb, 0, -1};
            err[0] = 0;
            if (dy_read_dir_lines(path, qt_line, &ld, NULL, NULL, err, sizeof err) &&
                !strcmp(err, "out of memory")) {
                qt_tables_free(tb);
                tb = NULL;
            }
        }
        if (tb) {
            tb->next = qt_loaded;
            qt_loaded = tb;
        }
    }
    pthread_mutex_unlock(&qt_lock);
    return tb;
}

int dy_quotes_prepare(struct dyad_ctx *ctx)
{
    const qt_tables *tb = qt_get(ctx);
    size_t n = ctx->words.n;
    uint16_t *wc = tb ? dy_calloc(n ? n : 1, sizeof *wc) : NULL;
    if (!wc)
        return -1;
    for (uint32_t id = 1; id < n; id++) {
        /* what dy_quotes_find finds for a token of this word */
        uint32_t q = dy_intern_find(&tb->words, dy_intern_str(&ctx->words, id),
                                    dy_intern_len(&ctx->words, id));
        if (q && q < tb->cls_cap)
            wc[id] = tb->cls[q];
    }
    ctx->qt_wc = wc;
    ctx->nqt_wc = n;
    return 0;
}

/* ---- the document ---------------------------------------------------------- */

enum {
    QS_SINGLE = 1,          /* single marks */
    QS_PARA = 2,            /* ended by a paragraph break, not a mark */
    QS_CONT = 4,            /* continues the span before it (next paragraph) */
    QS_KEEP = 8,            /* a quotation (not a scare quote or title) */
    QS_PARTIAL = 16,        /* words of its sentence stand before it */
    QS_SENTEND = 32         /* its text ends with . ? ! */
};

typedef struct qspan {
    uint32_t o, c;          /* opening mark; closing mark, or with QS_PARA the
                               first token of the next paragraph */
    uint32_t start, end;    /* bytes of the quoted text */
    uint32_t sent;
    uint32_t nwords;
    int32_t frame;          /* attributing frame, -1 */
    int32_t speaker;
    uint8_t flags;
    uint8_t adjacent;       /* frame right after or before the marks */
} qspan;

enum {
    FR_SUBJ = 1,            /* X said */
    FR_INV,                 /* said X */
    FR_ACC,                 /* according to X */
    FR_COLON                /* X <does something>: "..." (the sentence's subject) */
};

typedef struct qframe {
    uint32_t verb, vend;    /* speech verb (or the according phrase) */
    uint32_t np, np_end;    /* speaker noun phrase */
    uint32_t first, end;    /* the whole frame */
    uint32_t sent;
    int32_t speaker;        /* mention, -1 */
    uint8_t kind;
    uint8_t naming;         /* a naming verb: only for quotations of its sentence */
    uint8_t used;           /* attributes a whole quotation */
    uint8_t active;         /* used by a quotation or reported speech */
} qframe;

typedef struct qwork {
    const qt_tables *tb;
    dyad_doc *doc;
    dy_text *t;
    uint16_t *wc;           /* per token: W_* of its word */
    uint32_t *para;         /* per sentence: paragraph number */
    qspan *sp;
    size_t nsp, sp_cap;
    qframe *fr;
    size_t nfr, fr_cap;
    size_t nmen0;           /* mentions of the actor stage */
    /* speaker resolution, in text order */
    int32_t last_spk, last_person;
    size_t men_pos;
    int32_t hist[8];        /* latest distinct speakers, newest first */
} qwork;

static int tag_of(const qwork *w, uint32_t i) { return w->t->tok[i].tag; }

static int is_tok(const qwork *w, uint32_t i, const char *s)
{
    return i < w->t->ntok && dy_tok_is(w->t, &w->t->tok[i], s);
}

static int is_dquote(const qwork *w, uint32_t i)
{
    const dy_tok *k = &w->t->tok[i];
    return k->kind == TK_QUOTE && w->t->norm[k->norm] == '"';
}

static int is_squote(const qwork *w, uint32_t i)
{
    const dy_tok *k = &w->t->tok[i];
    return k->kind == TK_QUOTE && w->t->norm[k->norm] == '\'';
}

/* Was the mark a straight one (direction guessed by the tokenizer)? */
static int is_straight(const qwork *w, uint32_t i)
{
    char c = w->t->src[w->t->tok[i].start];
    return c == '"' || c == '\'';
}

static uint32_t sent_of(const dy_text *t, uint32_t i)
{
    size_t lo = 0, hi = t->nsent;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (t->sent[mid].first <= i)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

static uint32_t sent_end(const dy_text *t, uint32_t s)
{
    return t->sent[s].first + t->sent[s].ntok;
}

static int is_word_kind(const dy_tok *k)
{
    return k->kind == TK_WORD || k->kind == TK_NUM || k->kind == TK_ABBR;
}

static int sent_punct(const qwork *w, uint32_t i)
{
    return (w->t->tok[i].flags & TF_SENT_END) != 0;
}

/* A token that may be part of a speaker noun phrase. */
static int np_tok(const qwork *w, uint32_t i)
{
    const dy_tok *k = &w->t->tok[i];
    unsigned c = w->wc[i];
    if (k->quote)
        return 0;
    if (k->kind == TK_CLITIC)
        return dy_tok_is(w->t, k, "'s") || dy_tok_is(w->t, k, "'");
    if (!is_word_kind(k))
        return 0;
    int cap = (k->flags & TF_CAP) && i > w->t->sent[sent_of(w->t, i)].first;
    if (!cap && (c & (W_SPEECH | W_BETWEEN | W_PASSIVE | W_REL | W_PERSON | W_GROUP | W_SELF)))
        return 0;
    if (c & (W_DET | W_QUANT))
        return 1;
    int tg = k->tag;
    if (!tg)
        return 1;
    if (dy_tag_is_noun(tg) || tg == T_JJ || tg == T_JJR || tg == T_JJS || tg == T_CD ||
        tg == T_DT || tg == T_PDT || tg == T_PRPS || tg == T_POS || tg == T_FW)
        return 1;
    /* a capitalised word inside a sentence is a name whatever its tag */
    if (cap && !dy_tag_is_verb(tg))
        return 1;
    if ((k->flags & TF_CAP) && k->kind == TK_ABBR)
        return 1;
    return 0;
}

static int is_pron(const qwork *w, uint32_t i)
{
    return (w->wc[i] & (W_PERSON | W_GROUP | W_SELF)) && !w->t->tok[i].quote;
}

/* Skip the words between a speaker and its verb, going left from k: "also",
 * "has", adverbs, "on Thursday", "last week". Returns the token before them,
 * or -1 when the sentence (which starts at lo) runs out. */
static int64_t skip_back(const qwork *w, uint32_t lo, int64_t k, int ing)
{
    for (int steps = 0; k >= (int64_t)lo && steps <= 8; steps++) {
        unsigned c = w->wc[k];
        int tg = tag_of(w, (uint32_t)k);
        if ((c & W_PASSIVE) && ing) {
            k--;            /* progressive: "is saying" */
            continue;
        }
        if (c & W_PASSIVE)
            return k;
        /* "tried to argue", "declined to say": the subject of the first verb */
        if (is_tok(w, (uint32_t)k, "to") && k > (int64_t)lo && dy_tag_is_verb(tag_of(w, (uint32_t)k - 1)) &&
            !(w->wc[k - 1] & W_SPEECH)) {
            k -= 2;
            continue;
        }
        if ((c & W_BETWEEN) || (tg == T_RB && !(w->t->tok[k].flags & TF_CAP))) {
            k--;
            continue;
        }
        if ((c & W_TIME) && !(c & W_DET)) {
            /* a run of time words with its preposition or determiner */
            int64_t j = k;
            while (j > (int64_t)lo && (w->wc[j - 1] & W_TIME))
                j--;
            if (j > (int64_t)lo && (w->wc[j - 1] & (W_ADVL | W_DET)) && !(w->wc[j - 1] & W_TIME))
                j--;
            k = j - 1;
            continue;
        }
        return k;
    }
    return -1;
}

/* Does a new noun phrase start at token i after token i - 1? ("told
 * reporters the union would"): a determiner after a noun. */
static int np_break(const qwork *w, uint32_t i)
{
    int tg = tag_of(w, i);
    return (tg == T_DT || tg == T_PRPS) && !(w->t->tok[i].flags & TF_CAP) &&
           dy_tag_is_noun(tag_of(w, i - 1));
}

/* Noun phrase ending at k (inclusive) going left, not before lo. */
static int np_back(const qwork *w, uint32_t lo, uint32_t k, uint32_t *a)
{
    if (is_pron(w, k)) {
        *a = k;
        return 1;
    }
    if (!np_tok(w, k) || w->t->tok[k].kind == TK_CLITIC)
        return 0;
    uint32_t i = k;
    while (i > lo && k - i < 12) {
        uint32_t j = i - 1;
        if (np_break(w, i))
            break;
        if (np_tok(w, j)) {
            i = j;
            continue;
        }
        if ((w->wc[j] & W_LINK) && j > lo && np_tok(w, j - 1) &&
            w->t->tok[j - 1].kind != TK_CLITIC) {
            i = j - 1;
            continue;
        }
        break;
    }
    while (i < k && (w->t->tok[i].kind == TK_CLITIC || (w->wc[i] & W_LINK)))
        i++;
    *a = i;
    return 1;
}

/* Noun phrase starting at k going right, before hi. */
static int np_fwd(const qwork *w, uint32_t k, uint32_t hi, uint32_t *b)
{
    if (k >= hi)
        return 0;
    if (is_pron(w, k)) {
        *b = k + 1;
        return 1;
    }
    uint32_t i = k;
    while (i < hi && i - k < 14) {
        if (i > k && np_break(w, i))
            break;
        if (np_tok(w, i))
            i++;
        else if ((w->wc[i] & W_LINK) && i > k && i + 1 < hi && np_tok(w, i + 1))
            i++;
        else
            break;
    }
    while (i > k && (w->wc[i - 1] & W_LINK))
        i--;
    if (i == k || w->t->tok[k].kind == TK_CLITIC)
        return 0;
    *b = i;
    return 1;
}

static int push_frame(qwork *w, const qframe *f)
{
    if (DY_GROW(w->fr, w->fr_cap, w->nfr + 1))
        return -1;
    w->fr[w->nfr++] = *f;
    return 0;
}

static int match_phrase(const qwork *w, uint32_t i, uint32_t hi, uint32_t *len)
{
    const qt_tables *tb = w->tb;
    for (size_t p = 0; p < tb->phr_len; p += tb->phr[p] + 1) {
        uint32_t n = tb->phr[p];
        if (!n || i + n > hi)
            continue;
        uint32_t j;
        for (j = 0; j < n; j++) {
            const dy_tok *k = &w->t->tok[i + j];
            if (dy_intern_find(&tb->words, w->t->norm + k->norm, k->nlen) != tb->phr[p + 1 + j])
                break;
        }
        if (j == n) {
            *len = n;
            return 1;
        }
    }
    return 0;
}

/* Step 2: the frames of every sentence. */
/* The subject of sentence s, taken as its first noun phrase after any
 * quotation, conjunction, adverb or opening adverbial ("After the meeting,
 * ..."), not at or after token before. 0 when there is none. */
static int sent_subject(const qwork *w, uint32_t s, uint32_t before, uint32_t *a, uint32_t *b)
{
    const dy_text *t = w->t;
    uint32_t lo = t->sent[s].first, hi = sent_end(t, s), i = lo;
    for (int pass = 0; pass < 2; pass++) {
        while (i < hi && (t->tok[i].quote || t->tok[i].kind == TK_QUOTE || t->tok[i].kind == TK_PUNCT ||
                          t->tok[i].kind == TK_DASH || tag_of(w, i) == T_CC || tag_of(w, i) == T_RB))
            i++;
        if (pass || i >= hi)
            break;
        int tg = tag_of(w, i);
        if (tg == T_IN || tg == T_TO || tg == T_WRB || tg == T_VBG || tg == T_VBN) {
            uint32_t j = i;
            while (j < hi && j < i + 40 && !dy_tok_is(t, &t->tok[j], ","))
                j++;
            if (j >= hi || j >= i + 40)
                return 0;
            i = j + 1;
        } else
            break;
    }
    if (i >= hi || i >= before || !np_fwd(w, i, hi, b) || *b > before)
        return 0;
    *a = i;
    return 1;
}

static int cmp_frame(const void *a, const void *b)
{
    const qframe *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->verb < y->verb ? -1 : x->verb > y->verb;
}

static int find_frames(qwork *w)
{
    const dy_text *t = w->t;
    for (uint32_t s = 0; s < t->nsent; s++) {
        uint32_t lo = t->sent[s].first, hi = sent_end(t, s);
        for (uint32_t i = lo; i < hi; i++) {
            const dy_tok *k = &t->tok[i];
            if (k->quote)
                continue;
            qframe f;
            memset(&f, 0, sizeof f);
            f.sent = s;
            f.speaker = -1;
            f.verb = i;
            f.vend = i + 1;
            uint32_t plen;
            if ((w->wc[i] & W_ACC) && match_phrase(w, i, hi, &plen)) {
                f.vend = i + plen;
                uint32_t b;
                if (np_fwd(w, f.vend, hi, &b)) {
                    f.kind = FR_ACC;
                    f.np = f.vend;
                    f.np_end = b;
                    f.first = i;
                    f.end = b;
                    if (push_frame(w, &f))
                        return -1;
                    i = b - 1;
                }
                continue;
            }
            if (!(w->wc[i] & (W_SPEECH | W_NAMING)))
                continue;
            /* a noun inside a noun phrase ("his comments", "the charges") is
             * no verb; other tags are trusted less (the tagger calls some
             * past forms adjectives) */
            int tg = k->tag;
            if (i > lo && !(w->wc[i - 1] & W_QUANT) &&
                ((w->wc[i - 1] & W_DET) || tag_of(w, i - 1) == T_DT || tag_of(w, i - 1) == T_PRPS ||
                 t->tok[i - 1].kind == TK_CLITIC))
                continue;
            if (tg && dy_tag_is_noun(tg) && i > lo && dy_tag_is_noun(tag_of(w, i - 1)) == 0 &&
                np_tok(w, i - 1) && tag_of(w, i - 1) != T_NNP)
                continue;
            if (tg == T_IN || tg == T_DT || tg == T_MD)
                continue;
            if ((k->flags & TF_CAP) && i > lo)
                continue;
            f.naming = !(w->wc[i] & W_SPEECH);
            int ing = k->nlen > 4 && !memcmp(t->norm + k->norm + k->nlen - 3, "ing", 3);
            uint32_t a;
            if (ing && i > lo &&
                (is_pron(w, i - 1) || (tag_of(w, i - 1) == T_NNP && !(w->wc[i - 1] & W_TIME))) &&
                np_back(w, lo, i - 1, &a) && !(w->wc[a] & W_DET)) {
                /* "has Podesta saying" */
                f.kind = FR_SUBJ;
                f.np = a;
                f.np_end = i;
                f.first = a;
                f.end = f.vend;
                if (push_frame(w, &f))
                    return -1;
                continue;
            }
            if (ing && sent_subject(w, s, i, &a, &f.np_end)) {
                /* "..., telling one aide:", "issued a tweet saying": the
                 * participle's subject is the sentence's */
                f.kind = FR_SUBJ;
                f.np = a;
                f.first = a < i ? a : i;
                f.end = f.np_end > f.vend ? f.np_end : f.vend;
                if (push_frame(w, &f))
                    return -1;
                continue;
            }
            int64_t sk = skip_back(w, lo, (int64_t)i - 1, ing);
            int ok = sk >= (int64_t)lo;
            uint32_t kk = ok ? (uint32_t)sk : lo;
            if (ok && (w->wc[kk] & W_PASSIVE))
                continue;           /* "he was told" */
            if (ok && (w->wc[kk] & W_REL) && !t->tok[kk].quote) {
                /* "X, who said ..." / "X who said" */
                uint32_t j = kk;
                if (j > lo && dy_tok_is(t, &t->tok[j - 1], ","))
                    j--;
                if (j > lo && np_back(w, lo, j - 1, &a)) {
                    f.kind = FR_SUBJ;
                    f.np = a;
                    f.np_end = j;
                }
            } else if (ok && (is_pron(w, kk) || np_tok(w, kk)) && np_back(w, lo, kk, &a)) {
                f.kind = FR_SUBJ;
                f.np = a;
                f.np_end = kk + 1;
            } else if (ok && kk > lo && !(t->tok[kk - 1].kind == TK_QUOTE) &&
                       (dy_tok_is(t, &t->tok[kk], ",") || t->tok[kk].kind == TK_DASH ||
                        dy_tok_is(t, &t->tok[kk], ")"))) {
                /* "X, a former negotiator, said", "X - especially ... -
                 * said", "X (R-Neb.) said": the phrase before the opening
                 * comma, dash or bracket */
                const char *open = dy_tok_is(t, &t->tok[kk], ")") ? "(" : NULL;
                int dash = t->tok[kk].kind == TK_DASH;
                uint32_t j = kk;
                while (j > lo && kk - j < 30) {
                    j--;
                    if (t->tok[j].kind == TK_QUOTE || sent_punct(w, j))
                        break;
                    if (open ? dy_tok_is(t, &t->tok[j], open)
                             : dash ? t->tok[j].kind == TK_DASH : dy_tok_is(t, &t->tok[j], ",")) {
                        if (j > lo && np_back(w, lo, j - 1, &a)) {
                            f.kind = FR_SUBJ;
                            f.np = a;
                            f.np_end = j;
                        }
                        break;
                    }
                }
            }
            if (!f.kind && ok && (tag_of(w, kk) == T_CC || dy_tok_is(t, &t->tok[kk], ",")) &&
                sent_subject(w, s, kk, &a, &f.np_end)) {
                /* "X has suggested A, talked of B and called C": the
                 * subject of the coordination */
                f.kind = FR_SUBJ;
                f.np = a;
            }
            if (!f.kind && !(w->wc[i] & W_NOINV) && !f.naming) {
                /* "said X": only right after a quotation, a comma, a colon,
                 * a dash or at the start of the sentence */
                int lead = i == lo || t->tok[i - 1].kind == TK_QUOTE ||
                           t->tok[i - 1].kind == TK_DASH || dy_tok_is(t, &t->tok[i - 1], ",") ||
                           dy_tok_is(t, &t->tok[i - 1], ":");
                uint32_t b;
                if (lead && np_fwd(w, i + 1, hi, &b)) {
                    f.kind = FR_INV;
                    f.np = i + 1;
                    f.np_end = b;
                }
            }
            if (!f.kind)
                continue;
            f.first = f.np < f.verb ? f.np : f.verb;
            f.end = f.np_end > f.vend ? f.np_end : f.vend;
            if (push_frame(w, &f))
                return -1;
        }
        /* "Trump swiped at Ryan in a series of tweets: "..."": a colon before
         * a quotation, with no speech verb before it, gives the sentence's
         * subject when that is a name or a pronoun */
        for (uint32_t i = lo + 1; i + 1 < hi; i++) {
            if (!dy_tok_is(t, &t->tok[i], ":") || t->tok[i].quote || t->tok[i + 1].kind != TK_QUOTE ||
                !(t->tok[i + 1].flags & TF_OPEN))
                continue;
            int spoken = 0;
            for (size_t x = w->nfr; x-- > 0 && w->fr[x].sent == s;)
                if (w->fr[x].verb < i && !w->fr[x].naming)
                    spoken = 1;
            uint32_t a, b;
            if (spoken || !sent_subject(w, s, i, &a, &b))
                continue;
            int named = is_pron(w, a);
            for (uint32_t x = a; x < b; x++)
                if (((t->tok[x].flags & TF_CAP) && x > lo) || tag_of(w, x) == T_NNP)
                    named = 1;
            if (!named)
                continue;
            qframe f;
            memset(&f, 0, sizeof f);
            f.kind = FR_COLON;
            f.sent = s;
            f.speaker = -1;
            f.verb = i;
            f.vend = i + 1;
            f.np = a;
            f.np_end = b;
            f.first = a;
            f.end = i + 1;
            if (push_frame(w, &f))
                return -1;
        }
    }
    if (w->nfr > 1)
        qsort(w->fr, w->nfr, sizeof *w->fr, cmp_frame);
    return 0;
}

/* ---- step 1: quotation marks ------------------------------------------------ */

static int push_span(qwork *w, uint32_t o, uint32_t c, unsigned flags)
{
    const dy_text *t = w->t;
    if (DY_GROW(w->sp, w->sp_cap, w->nsp + 1))
        return -1;
    qspan *q = &w->sp[w->nsp++];
    memset(q, 0, sizeof *q);
    q->o = o;
    q->c = c;
    q->flags = (uint8_t)flags;
    q->frame = -1;
    q->speaker = -1;
    uint32_t last = c - 1;          /* last token of the text */
    q->start = t->tok[o].end;
    q->end = last > o ? t->tok[last].end : q->start;
    if (!(flags & QS_PARA))
        q->end = t->tok[c].start;
    while (q->start < q->end && (t->src[q->start] == ' ' || t->src[q->start] == '\n' ||
                                 t->src[q->start] == '\t' || t->src[q->start] == '\r'))
        q->start++;
    while (q->end > q->start && (t->src[q->end - 1] == ' ' || t->src[q->end - 1] == '\n' ||
                                 t->src[q->end - 1] == '\t' || t->src[q->end - 1] == '\r'))
        q->end--;
    if (q->end > q->start && t->src[q->end - 1] == ',')
        q->end--;
    for (uint32_t i = o + 1; i < c; i++)
        if (is_word_kind(&t->tok[i]))
            q->nwords++;
    for (uint32_t i = c; i-- > o + 1;) {
        if (t->tok[i].kind == TK_QUOTE)
            continue;
        if (sent_punct(w, i))
            q->flags |= QS_SENTEND;
        break;
    }
    q->sent = sent_of(t, o + 1 < t->ntok ? o + 1 : o);
    return 0;
}

static int find_spans(qwork *w, int wrapped)
{
    const dy_text *t = w->t;
    int64_t dq = -1, sq = -1;   /* opening mark of the open double / single span */
    unsigned dfl = 0;           /* flags of the open double span */
    for (uint32_t i = 0; i < t->ntok; i++) {
        const dy_tok *k = &t->tok[i];
        int para = (k->flags & TF_PARA) || (!wrapped && (k->flags & TF_NEWLINE));
        if (para && i > 0) {
            sq = -1;
            if (dq >= 0) {
                if (push_span(w, (uint32_t)dq, i, dfl | QS_PARA))
                    return -1;
                dq = -1;
                if (is_dquote(w, i) && ((k->flags & TF_OPEN) || is_straight(w, i))) {
                    /* the quotation goes on in this paragraph */
                    dq = i;
                    dfl = QS_CONT;
                    continue;
                }
            }
        }
        if (k->kind != TK_QUOTE)
            continue;
        if (is_dquote(w, i)) {
            int straight = is_straight(w, i);
            if (dq < 0) {
                if (straight || (k->flags & TF_OPEN)) {
                    dq = i;
                    dfl = 0;
                    sq = -1;
                }
                continue;       /* else a stray closing mark */
            }
            if (!straight && (k->flags & TF_OPEN) && i > (uint32_t)dq + 1 &&
                (dy_tok_is(t, &t->tok[i - 1], ",") || dy_tok_is(t, &t->tok[i - 1], ":"))) {
                /* a quotation inside the quotation, in double marks too:
                 * `"... at what point do they say, "Hey, is it us?" he
                 * tweeted`: one closing mark ends both */
                continue;
            }
            if (!straight && (k->flags & TF_OPEN)) {
                /* a new curly opening mark: the last one was never closed */
                if (i > (uint32_t)dq + 1 && push_span(w, (uint32_t)dq, i, dfl | QS_PARA))
                    return -1;
                dq = i;
                dfl = 0;
                continue;
            }
            if (push_span(w, (uint32_t)dq, i, dfl))
                return -1;
            dq = -1;
            continue;
        }
        /* single marks: quotations only outside double ones */
        if (dq >= 0 || !is_squote(w, i))
            continue;
        if (sq < 0) {
            if (k->flags & TF_OPEN)
                sq = i;
        } else if (k->flags & TF_CLOSE) {
            /* a mark glued to the next word is an apostrophe (rock 'n' roll) */
            int glued = i + 1 < t->ntok && t->tok[i + 1].kind == TK_WORD &&
                        !(t->tok[i + 1].flags & TF_SPACE);
            if (!glued) {
                if (push_span(w, (uint32_t)sq, i, QS_SINGLE))
                    return -1;
                sq = -1;
            }
        }
    }
    if (dq >= 0 && (uint32_t)dq + 1 < t->ntok &&
        push_span(w, (uint32_t)dq, (uint32_t)t->ntok, dfl | QS_PARA))
        return -1;
    /* drop empty spans; mark the tokens inside the others for now */
    size_t n = 0;
    for (size_t s = 0; s < w->nsp; s++) {
        if (!w->sp[s].nwords || w->sp[s].end <= w->sp[s].start)
            continue;
        w->sp[n++] = w->sp[s];
    }
    w->nsp = n;
    for (size_t s = 0; s < w->nsp; s++)
        for (uint32_t i = w->sp[s].o + 1; i < w->sp[s].c && i < t->ntok; i++)
            t->tok[i].quote = 2;
    return 0;
}

/* ---- step 3: quotations and their frames --------------------------------------- */

/* Index of the first frame whose first token is >= j (frames are sorted). */
static size_t fr_lower(const qwork *w, uint32_t j)
{
    size_t lo = 0, hi = w->nfr;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->fr[mid].first < j)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The frame whose first token is j, else -1. */
static int32_t frame_at(const qwork *w, uint32_t j)
{
    for (size_t f = fr_lower(w, j); f < w->nfr && w->fr[f].first == j; f++)
        if (!w->fr[f].naming && w->fr[f].kind != FR_COLON)
            return (int32_t)f;
    return -1;
}

/* The frame ending at token j (its last token), allowing a listener or an
 * adverbial after the verb ("told reporters on Thursday:"), else -1. */
static int32_t frame_ending(const qwork *w, uint32_t j)
{
    for (size_t f = fr_lower(w, j > 40 ? j - 40 : 0); f < w->nfr && w->fr[f].first <= j; f++) {
        const qframe *fr = &w->fr[f];
        if (fr->naming)
            continue;
        if (fr->end - 1 == j)
            return (int32_t)f;
        if (fr->kind == FR_SUBJ && fr->vend <= j && j - fr->vend < 8) {
            uint32_t x;
            for (x = fr->vend; x <= j; x++)
                if (!np_tok(w, x) && !is_pron(w, x) && !(w->wc[x] & (W_ADVL | W_LINK | W_TIME)) &&
                    tag_of(w, x) != T_PRP)
                    break;
            if (x > j)
                return (int32_t)f;
        }
    }
    return -1;
}

static int title_case(const qwork *w, const qspan *q)
{
    uint32_t caps = 0, words = 0;
    for (uint32_t i = q->o + 1; i < q->c && i < w->t->ntok; i++) {
        const dy_tok *k = &w->t->tok[i];
        if (k->kind != TK_WORD)
            continue;
        words++;
        if (k->flags & TF_CAP)
            caps++;
        else if (k->nlen > 3 && !(w->wc[i] & (W_LINK | W_DET | W_ADVL)))
            return 0;
    }
    return words >= 2 && caps >= 2;
}

static void attach_frames(qwork *w)
{
    const dy_text *t = w->t;
    for (size_t s = 0; s < w->nsp; s++) {
        qspan *q = &w->sp[s];
        uint32_t lo = t->sent[q->sent].first;
        /* partial: words of the sentence before the opening mark */
        for (uint32_t i = lo; i < q->o; i++)
            if (is_word_kind(&t->tok[i]) && !t->tok[i].quote) {
                q->flags |= QS_PARTIAL;
                break;
            }
        int32_t f = -1;
        /* right after the closing mark: "A," he said / "A", said X */
        if (!(q->flags & QS_PARA) && q->c + 1 < t->ntok) {
            uint32_t j = q->c + 1;
            if (j < t->ntok && (dy_tok_is(t, &t->tok[j], ",") || t->tok[j].kind == TK_DASH))
                j++;
            f = j < t->ntok ? frame_at(w, j) : -1;
            if (f >= 0) {
                /* a new sentence after a full stop is not the frame of this one */
                uint32_t cs = sent_of(t, q->c);
                const dy_tok *last = &t->tok[q->c - 1];
                if (w->fr[f].sent != cs && dy_tok_is(t, last, "."))
                    f = -1;
            }
        }
        /* right before the opening mark: he said: "A" / he said "A */
        if (f < 0 && q->o > 0) {
            uint32_t j = q->o - 1;
            if (!t->tok[j].quote)
                f = frame_ending(w, j);     /* a colon frame ends at its colon */
            if (f < 0 && j > 0 && (dy_tok_is(t, &t->tok[j], ",") || dy_tok_is(t, &t->tok[j], ":")))
                j--;
            if (f < 0 && !t->tok[j].quote)
                f = frame_ending(w, j);
            /* not across a full stop */
            if (f >= 0 && w->fr[f].sent != q->sent && sent_punct(w, q->o - 1))
                f = -1;
        }
        q->adjacent = f >= 0;
        /* does the frame touch the marks (not "talked of a "stolen election"")? */
        int touch = 0;
        if (f >= 0) {
            const qframe *fr = &w->fr[f];
            uint32_t gap_a = fr->end, gap_b = q->o;     /* frame before */
            if (fr->first > q->o) {
                gap_a = q->c + 1;                         /* frame after */
                gap_b = fr->first;
            }
            touch = 1;
            for (uint32_t x = gap_a; x < gap_b; x++)
                if (t->tok[x].kind != TK_PUNCT && t->tok[x].kind != TK_DASH)
                    touch = 0;
        }
        /* inside reported speech: the nearest frame to the left in the
         * sentence, else (a partial quotation) the nearest to the right:
         * `... putting "America first" appealed to him, he said` */
        if (f < 0) {
            for (size_t x = fr_lower(w, q->o); x-- > 0;) {
                const qframe *fr = &w->fr[x];
                if (fr->sent != q->sent)
                    break;
                if (fr->verb < q->o) {
                    f = (int32_t)x;
                    break;
                }
            }
        }
        if (f < 0 && (q->flags & QS_PARTIAL) && !(q->flags & QS_PARA)) {
            for (size_t x = fr_lower(w, q->c); x < w->nfr && w->fr[x].sent == q->sent; x++)
                if (!w->fr[x].naming && w->fr[x].kind != FR_COLON) {
                    f = (int32_t)x;
                    break;
                }
        }
        q->frame = f;
        /* quotations, scare quotes and titles: a quotation of one or two
         * words is kept only inside reported speech (a frame in its
         * sentence) or next to its own frame */
        int keep = 1;
        if (q->nwords <= 2 && f < 0)
            keep = 0;
        if (q->nwords <= 2 && !q->adjacent && !(q->flags & QS_PARTIAL) && (q->flags & QS_SENTEND))
            keep = 1;       /* a short sentence on its own: "No." */
        if (keep && !q->adjacent && title_case(w, q))
            keep = 0;
        if (keep && (q->flags & QS_SINGLE) && q->nwords <= 2 && !q->adjacent)
            keep = 0;
        if (keep)
            q->flags |= QS_KEEP;
        else
            q->frame = -1;
        if (keep && f >= 0) {
            w->fr[f].active = 1;
            if (q->adjacent && (touch || !(q->flags & QS_PARTIAL)))
                w->fr[f].used = 1;
        }
    }
}

/* ---- step 4: reported speech ------------------------------------------------------- */

typedef struct qind {
    uint32_t first, end;    /* tokens of the reported clause */
    int32_t frame;
} qind;

static int clause_start(const qwork *w, uint32_t j, uint32_t hi)
{
    const dy_tok *k = &w->t->tok[j];
    if (k->quote == 2 && k->kind != TK_QUOTE)
        return 0;
    int tg = k->tag;
    if (!(is_pron(w, j) || tg == T_PRP || np_tok(w, j) || is_tok(w, j, "there") ||
          (k->kind == TK_QUOTE && (k->flags & TF_OPEN))))
        return 0;
    if (w->wc[j] & (W_ADVL | W_LINK))
        return 0;
    /* it needs a finite verb of its own */
    for (uint32_t x = j + 1; x < hi; x++) {
        int t2 = tag_of(w, x);
        if (t2 == T_VBD || t2 == T_VBZ || t2 == T_VBP || t2 == T_MD)
            return 1;
    }
    return 0;
}

/* End of a reported clause that starts at a: the end of the sentence, or
 * "and" + a verb with no subject of its own ("said that A and reiterated"),
 * or a semicolon, or the next frame. */
static uint32_t clause_end(const qwork *w, uint32_t a, uint32_t hi, size_t fi)
{
    const dy_text *t = w->t;
    uint32_t e = hi;
    for (size_t x = fi + 1; x < w->nfr && w->fr[x].sent == w->fr[fi].sent; x++)
        if (w->fr[x].first > a && w->fr[x].first < e) {
            e = w->fr[x].first;
            if (e > a && (is_tok(w, e - 1, "and") || is_tok(w, e - 1, "but")))
                e--;
            if (e > a && dy_tok_is(t, &t->tok[e - 1], ","))
                e--;
            break;
        }
    for (uint32_t x = a + 1; x + 1 < e; x++) {
        if (t->tok[x].quote == 2)
            continue;
        if (dy_tok_is(t, &t->tok[x], ";")) {
            e = x;
            break;
        }
        if ((is_tok(w, x, "and") || is_tok(w, x, "but")) && x + 1 < e) {
            int t2 = tag_of(w, x + 1);
            if (t2 == T_VBD || t2 == T_VBZ) {
                e = x;
                if (e > a && dy_tok_is(t, &t->tok[e - 1], ","))
                    e--;
                break;
            }
        }
    }
    /* drop the final punctuation, unless it closes a quotation inside */
    uint32_t full = e;
    while (e > a && (sent_punct(w, e - 1) || (t->tok[e - 1].kind == TK_QUOTE &&
                                              (t->tok[e - 1].flags & TF_CLOSE) &&
                                              e - 2 > a && sent_punct(w, e - 2))))
        e--;
    unsigned marks = 0;
    for (uint32_t x = a; x < e; x++)
        if (t->tok[x].kind == TK_QUOTE)
            marks++;
    return marks & 1 ? full : e;
}

static uint32_t count_words(const qwork *w, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    for (uint32_t i = a; i < b; i++)
        if (is_word_kind(&w->t->tok[i]))
            n++;
    return n;
}

/* Skip a listener and adverbials after a speech verb: "told reporters in
 * Kyiv on Thursday". Returns the next token. */
static uint32_t skip_after_verb(const qwork *w, const qframe *f, uint32_t hi)
{
    uint32_t j = f->vend;
    if (f->kind == FR_INV)
        j = f->np_end;
    if ((w->wc[f->verb] & W_HEARER) && j < hi && !is_tok(w, j, "that")) {
        uint32_t b;
        if (tag_of(w, j) == T_PRP && !is_pron(w, j))
            j++;                        /* him, them, us */
        else if (np_fwd(w, j, hi, &b) && !is_pron(w, j))
            j = b;
    }
    for (int steps = 0; j < hi && steps < 6; steps++) {
        unsigned c = w->wc[j];
        int tg = tag_of(w, j);
        if ((c & W_TIME) || (tg == T_RB && !is_tok(w, j, "not"))) {
            j++;
            continue;
        }
        if ((c & W_ADVL) && !is_tok(w, j, "that") && j + 1 < hi) {
            uint32_t b;
            if (np_fwd(w, j + 1, hi, &b) && !is_pron(w, j + 1)) {
                j = b;
                continue;
            }
        }
        break;
    }
    return j;
}

/* The clause that frame fi reports, [*a, *b): after the verb ("said (that)
 * ...", "told reporters ...", "according to X, ..."), before the frame
 * ("..., X said."), or around it ("That culture, they said, emphasizes").
 * Returns 0 when there is none. */
static int reported_clause(const qwork *w, size_t fi, uint32_t *a, uint32_t *b)
{
    const dy_text *t = w->t;
    const qframe *f = &w->fr[fi];
    uint32_t lo = t->sent[f->sent].first, hi = sent_end(t, f->sent);
    if (f->kind == FR_ACC) {
        if (f->end < hi && dy_tok_is(t, &t->tok[f->end], ",") && f->end + 1 < hi) {
            *a = f->end + 1;
            *b = clause_end(w, *a, hi, fi);
            return 1;
        }
    } else if (f->kind == FR_SUBJ) {
        uint32_t j = skip_after_verb(w, f, hi);
        int have = 0;
        if (j + 1 < hi && is_tok(w, j, "that")) {
            *a = j + 1;
            have = 1;
        } else if (j < hi && (t->tok[f->verb].tag != T_VBG || j == f->vend) && clause_start(w, j, hi)) {
            *a = j;
            have = 1;
        } else if (f->vend < hi && ((w->wc[f->vend] & W_ADVL) || dy_tok_is(t, &t->tok[f->vend], ",") ||
                                    tag_of(w, f->vend) == T_RB)) {
            /* "say by a 7-point margin, 49 percent to 42 percent, that" */
            for (uint32_t x = f->vend; x + 1 < hi && x < f->vend + 20; x++) {
                if (dy_tag_is_verb(tag_of(w, x)) || t->tok[x].kind == TK_QUOTE)
                    break;
                if (is_tok(w, x, "that")) {
                    *a = x + 1;
                    have = 1;
                    break;
                }
            }
        }
        if (have) {
            *b = clause_end(w, *a, hi, fi);
            return 1;
        }
    }
    if (f->first > lo + 2 && dy_tok_is(t, &t->tok[f->first - 1], ",")) {
        /* "..., X said." / "..., according to X." with only adverbials after */
        uint32_t j = f->end;
        while (j < hi && ((w->wc[j] & (W_TIME | W_ADVL)) || np_tok(w, j) || tag_of(w, j) == T_RB))
            j++;
        while (j < hi && sent_punct(w, j))
            j++;
        if (j >= hi || (t->tok[j].kind == TK_QUOTE && j + 1 >= hi)) {
            *a = lo;
            *b = f->first - 1;
            while (*a < *b && (t->tok[*a].kind == TK_QUOTE || t->tok[*a].kind == TK_PUNCT))
                (*a)++;
            return 1;
        }
        if (f->end < hi && dy_tok_is(t, &t->tok[f->end], ",")) {
            /* "That culture, they said, emphasizes ...": the sentence */
            *a = lo;
            *b = hi;
            while (*a < *b && (t->tok[*a].kind == TK_QUOTE || t->tok[*a].kind == TK_PUNCT))
                (*a)++;
            while (*b > *a && (sent_punct(w, *b - 1) || t->tok[*b - 1].kind == TK_QUOTE))
                (*b)--;
            return 1;
        }
    }
    return 0;
}

static int find_reported(qwork *w, qind **out, size_t *nout, size_t *cap)
{
    const dy_text *t = w->t;
    for (size_t fi = 0; fi < w->nfr; fi++) {
        qframe *f = &w->fr[fi];
        if (f->used || f->naming || f->kind == FR_COLON)
            continue;
        uint32_t a, b;
        if (!reported_clause(w, fi, &a, &b) || b <= a || count_words(w, a, b) < 3)
            continue;
        /* reported speech wholly inside a quotation is not the writer's report */
        uint32_t inside = 0;
        for (uint32_t x = a; x < b; x++)
            if (t->tok[x].quote == 2)
                inside++;
        if (inside * 10 > (b - a) * 9)
            continue;
        if (DY_GROW(*out, *cap, *nout + 1))
            return -1;
        (*out)[*nout].first = a;
        (*out)[*nout].end = b;
        (*out)[*nout].frame = (int32_t)fi;
        (*nout)++;
        f->active = 1;
    }
    return 0;
}

/* ---- step 5: speakers ----------------------------------------------------------------- */

static int push_mention(qwork *w, uint32_t first, uint32_t end, const char *code, uint32_t flags,
                        int32_t ref)
{
    dyad_doc *d = w->doc;
    /* code may point into d->men (a referent's code): copy it before the
     * array grows */
    char cb[sizeof d->men[0].code];
    size_t cl = code ? strlen(code) : 0;
    if (cl >= sizeof cb)
        cl = sizeof cb - 1;
    if (cl)
        memcpy(cb, code, cl);
    if (DY_GROW(d->men, d->men_cap, d->nmen + 1))
        return -1;
    dy_mention *m = &d->men[d->nmen++];
    memset(m, 0, sizeof *m);
    m->first = first;
    m->end = end;
    m->sent = sent_of(w->t, first);
    if (cl)
        memcpy(m->code, cb, cl);
    m->ref = ref;
    m->flags = flags;
    m->entry = -1;
    m->agent_entry = -1;
    return 0;
}

/* First mention of [lo, hi) in sentence >= s (each range is in text order). */
static size_t men_lower(const dyad_doc *d, size_t lo, size_t hi, uint32_t s)
{
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->men[mid].sent < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int is_personish(const dy_mention *m)
{
    return (m->flags & (AM_PERSON | AM_NAME)) && !(m->flags & AM_PRONOUN);
}

/* Move the person memory up to token pos (mentions of the actor stage). */
static void advance_persons(qwork *w, uint32_t pos)
{
    const dyad_doc *d = w->doc;
    while (w->men_pos < w->nmen0 && d->men[w->men_pos].first < pos) {
        const dy_mention *m = &d->men[w->men_pos];
        if (is_personish(m))
            w->last_person = (int32_t)w->men_pos;
        else if ((m->flags & AM_PRONOUN) && (m->flags & AM_PERSON) && m->ref >= 0)
            w->last_person = dy_men_root(d, m->ref);
        w->men_pos++;
    }
}

/* he / she: the latest speaker, unless another person came up since then
 * more than a sentence later. */
static int32_t resolve_person(const qwork *w)
{
    const dyad_doc *d = w->doc;
    int32_t s = w->last_spk, p = w->last_person;
    if (s < 0)
        return p;
    if (p >= 0 && d->men[p].sent > d->men[s].sent + 1)
        return p;
    return s;
}

/* Can a description coded a refer to a speaker coded b? A role alone
 * ("GOV" for "the president") fits any code with that role. */
static int codes_compatible(const char *a, const char *b)
{
    if (!a[0] || !b[0])
        return 1;
    if (strlen(a) == 3)
        return strstr(b, a) != NULL;
    size_t n = (!memcmp(a, "IGO", 3) || !memcmp(a, "NGO", 3)) ? 9 : 3;
    return !strncmp(a, b, n);
}

/* A description naming a role ("the new NATO secretary general"): the latest
 * speaker whose code agrees. */
static int32_t resolve_desc(const qwork *w, const char *code, uint32_t sent)
{
    const dyad_doc *d = w->doc;
    for (int i = 0; i < 8 && w->hist[i] >= 0; i++) {
        const dy_mention *m = &d->men[w->hist[i]];
        if (m->sent + 12 < sent)
            break;
        if (is_personish(m) && codes_compatible(code, m->code))
            return w->hist[i];
    }
    return -1;
}

static void remember_speaker(qwork *w, int32_t m)
{
    const dyad_doc *d = w->doc;
    int32_t r = dy_men_root(d, m);
    if (r < 0 || (d->men[r].flags & AM_PRONOUN))
        return;
    w->last_spk = r;
    if (is_personish(&d->men[r]))
        w->last_person = r;
    int i;
    for (i = 0; i < 7 && w->hist[i] >= 0 && w->hist[i] != r; i++)
        ;
    for (; i > 0; i--)
        w->hist[i] = w->hist[i - 1];
    w->hist[0] = r;
}

/* The mention of the noun phrase [a, b), appended when there is none.
 * Returns its index, -1 when out of memory. */
static int32_t speaker_of(qwork *w, uint32_t a, uint32_t b)
{
    dyad_doc *d = w->doc;
    const dy_text *t = w->t;
    int32_t best = -1;
    int best_score = -1;
    uint32_t s = sent_of(t, a);
    for (int part = 0; part < 2; part++)
    for (size_t m = men_lower(d, part ? w->nmen0 : 0, part ? d->nmen : w->nmen0, s);
         m < (part ? d->nmen : w->nmen0) && d->men[m].sent == s; m++) {
        const dy_mention *mm = &d->men[m];
        if (mm->end <= a || mm->first >= b)
            continue;
        /* a possessor is not the speaker: "Brazile's colleague", "His office" */
        if (mm->end < b && (t->tok[mm->end].kind == TK_CLITIC || (w->wc[mm->end - 1] & W_DET)))
            continue;
        int score = 1;
        if (mm->flags & (AM_PERSON | AM_NAME))
            score += 4;
        if (mm->end == b)
            score += 2;
        if (score >= best_score) {
            best = (int32_t)m;
            best_score = score;
        }
    }
    /* "union leader Peter Lind": a title mention before a name no
     * dictionary knows; the name is the speaker */
    if (best >= 0 && d->men[best].end < b && (t->tok[b - 1].flags & TF_CAP) &&
        !(d->men[best].flags & AM_PRONOUN)) {
        uint32_t x = b;
        while (x > d->men[best].end && (t->tok[x - 1].flags & TF_CAP) &&
               (t->tok[x - 1].kind == TK_WORD || t->tok[x - 1].kind == TK_ABBR))
            x--;
        if (x == d->men[best].end) {
            if (push_mention(w, x, b, "", AM_NAME | AM_PERSON, -1))
                return -1;
            return (int32_t)d->nmen - 1;
        }
    }
    if (best >= 0) {
        dy_mention *mm = &d->men[best];
        /* a role description with no name: refer it to the latest speaker */
        if (mm->ref < 0 && !(mm->flags & (AM_NAME | AM_PRONOUN)) && mm->agent_entry >= 0 &&
            (mm->flags & AM_PERSON) && !(t->tok[mm->end - 1].flags & TF_CAP)) {
            /* (a person's role: "Iraqi militants said" is a group of its own) */
            int named = 0;
            for (uint32_t i = a; i < b; i++)
                if ((i < mm->first || i >= mm->end) && (t->tok[i].flags & TF_CAP) &&
                    i > t->sent[s].first && !(w->wc[i] & W_DET))
                    named = 1;
            if (!named) {
                int32_t r = resolve_desc(w, mm->code, s);
                if (r >= 0) {
                    mm->ref = r;
                    mm->flags |= AM_DESC;
                }
            }
        }
        return best;
    }
    /* a pronoun the actor stage did not resolve */
    if (b == a + 1 && is_pron(w, a)) {
        if (w->wc[a] & W_PERSON) {
            int32_t r = resolve_person(w);
            if (push_mention(w, a, b, r >= 0 ? d->men[r].code : "", AM_PRONOUN | AM_PERSON, r))
                return -1;
        } else if (push_mention(w, a, b, "", AM_PRONOUN, -1))
            return -1;
        return (int32_t)d->nmen - 1;
    }
    /* a name the dictionaries do not know, or a description */
    const dy_tok *last = &t->tok[b - 1];
    int name = (last->flags & TF_CAP) && (last->kind == TK_WORD || last->kind == TK_ABBR);
    while (a + 1 < b && name && (w->wc[a] & W_DET))
        a++;
    char code[24] = "";
    if (name) {
        /* a surname seen before keeps its code: "Mark Rutte" ... "Rutte" */
        for (size_t m = d->nmen, seen = 0; m-- > 0 && seen < 4000; seen++) {
            const dy_mention *mm = &d->men[m];
            if (mm->first >= a || !mm->code[0] || (mm->flags & AM_PRONOUN))
                continue;
            const dy_tok *ml = &t->tok[mm->end - 1];
            if (ml->nlen == last->nlen && !memcmp(t->norm + ml->norm, t->norm + last->norm, ml->nlen) &&
                (mm->flags & AM_PERSON)) {
                memcpy(code, mm->code, sizeof code);
                break;
            }
        }
    }
    if (push_mention(w, a, b, code, name ? AM_NAME : 0, -1))
        return -1;
    return (int32_t)d->nmen - 1;
}

static int resolve_frames(qwork *w)
{
    w->last_spk = w->last_person = -1;
    w->men_pos = 0;
    for (int i = 0; i < 8; i++)
        w->hist[i] = -1;
    for (size_t fi = 0; fi < w->nfr; fi++) {
        qframe *f = &w->fr[fi];
        if (!f->active)
            continue;
        advance_persons(w, f->np);
        int32_t m = speaker_of(w, f->np, f->np_end);
        if (m < 0)
            return -1;
        f->speaker = m;
        remember_speaker(w, m);
    }
    return 0;
}

/* ---- putting it together ----------------------------------------------------------------- */

/* The latest speaker before token pos, from the active frames and the
 * quotations already attributed; its paragraph in *para. */
static int32_t latest_speaker(const qwork *w, size_t qi, uint32_t pos, uint32_t *para)
{
    int32_t sp = -1;
    uint32_t at = 0;
    for (size_t f = fr_lower(w, pos); f-- > 0;)
        if (w->fr[f].active && w->fr[f].speaker >= 0) {
            sp = w->fr[f].speaker;
            at = w->fr[f].first;
            break;
        }
    for (size_t s = qi; s-- > 0;) {
        const qspan *p = &w->sp[s];
        if (!(p->flags & QS_KEEP))
            continue;
        if (p->speaker >= 0 && p->o >= at) {
            sp = p->speaker;
            at = p->o;
        }
        break;
    }
    *para = w->para[sent_of(w->t, at)];
    return sp;
}

static void attribute(qwork *w)
{
    for (size_t s = 0; s < w->nsp; s++) {
        qspan *q = &w->sp[s];
        if (!(q->flags & QS_KEEP))
            continue;
        if (q->frame >= 0) {
            q->speaker = w->fr[q->frame].speaker;
            continue;
        }
        /* a paragraph of a quotation whose later paragraph has the frame */
        if (q->flags & QS_PARA) {
            for (size_t n = s + 1; n < w->nsp && (w->sp[n].flags & QS_CONT); n++)
                if (w->sp[n].frame >= 0 && (w->sp[n].flags & QS_KEEP)) {
                    q->speaker = w->fr[w->sp[n].frame].speaker;
                    break;
                } else if (!(w->sp[n].flags & QS_PARA))
                    break;
            if (q->speaker >= 0)
                continue;
        }
        /* the previous quotation: continued, or in the same paragraph */
        const qspan *prev = NULL;
        for (size_t p = s; p-- > 0;)
            if (w->sp[p].flags & QS_KEEP) {
                prev = &w->sp[p];
                break;
            }
        uint32_t para = w->para[q->sent];
        if (prev && prev->speaker >= 0 &&
            ((q->flags & QS_CONT) || w->para[prev->sent] == para)) {
            /* unless another speaker's frame stands between them */
            int32_t sp = prev->speaker;
            for (size_t f = fr_lower(w, prev->c + 1); f < w->nfr && w->fr[f].first < q->o; f++)
                if (w->fr[f].active && w->fr[f].speaker >= 0)
                    sp = w->fr[f].speaker;
            q->speaker = sp;
            continue;
        }
        /* a quotation opening its sentence: the latest speaker nearby */
        if (!(q->flags & QS_PARTIAL)) {
            uint32_t sp_para;
            int32_t sp = latest_speaker(w, s, q->o, &sp_para);
            if (sp >= 0 && sp_para + 1 >= para)
                q->speaker = sp;
        }
    }
}

static int cmp_quote(const void *a, const void *b)
{
    const dy_quote *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (int)y->direct - (int)x->direct;
}

int dy_quotes_find(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    dy_text *t = &doc->t;
    doc->nq = 0;
    for (size_t i = 0; i < t->ntok; i++)
        t->tok[i].quote = 0;
    if (!t->ntok || !t->nsent)
        return 0;
    qwork w;
    memset(&w, 0, sizeof w);
    w.doc = doc;
    w.t = t;
    w.nmen0 = doc->nmen;
    w.tb = qt_get(ctx);
    if (!w.tb)
        return -1;
    int rc = -1;
    qind *ind = NULL;
    size_t nind = 0, ind_cap = 0;
    w.wc = dy_calloc(t->ntok, sizeof *w.wc);
    w.para = dy_calloc(t->nsent, sizeof *w.para);
    if (!w.wc || !w.para)
        goto out;
    for (size_t i = 0; i < t->ntok; i++) {
        const dy_tok *k = &t->tok[i];
        const char *s = t->norm + k->norm;
        if (k->word && k->word < ctx->nqt_wc) {
            w.wc[i] = ctx->qt_wc[k->word];  /* looked up with the context */
            continue;
        }
        if (k->nlen) {
            unsigned g = qt_sig(s, k->nlen);
            if (!(w.tb->sig[g >> 3] & (1u << (g & 7))))
                continue;   /* not a word of the tables */
        }
        uint32_t id = dy_intern_find(&w.tb->words, s, k->nlen);
        if (id && id < w.tb->cls_cap)
            w.wc[i] = w.tb->cls[id];
    }
    /* paragraphs: blank lines, and line breaks unless the text is hard-wrapped
     * (the splitter breaks sentences at every line break of unwrapped text) */
    int wrapped = 0;
    for (size_t i = 1; i < t->ntok; i++)
        if ((t->tok[i].flags & TF_NEWLINE) && !(t->tok[i].flags & TF_PARA) &&
            t->sent[sent_of(t, (uint32_t)i)].first != i) {
            wrapped = 1;
            break;
        }
    for (size_t s = 1; s < t->nsent; s++) {
        unsigned fl = t->tok[t->sent[s].first].flags;
        w.para[s] = w.para[s - 1] + ((fl & TF_PARA) || (!wrapped && (fl & TF_NEWLINE)));
    }
    if (find_spans(&w, wrapped) || find_frames(&w))
        goto out;
    attach_frames(&w);
    if (find_reported(&w, &ind, &nind, &ind_cap) || resolve_frames(&w))
        goto out;
    attribute(&w);
    /* the output */
    for (size_t i = 0; i < t->ntok; i++)
        t->tok[i].quote = 0;
    for (size_t s = 0; s < w.nsp; s++) {
        const qspan *q = &w.sp[s];
        if (!(q->flags & QS_KEEP))
            continue;
        if (DY_GROW(doc->q, doc->q_cap, doc->nq + 1))
            goto out;
        dy_quote *o = &doc->q[doc->nq++];
        o->start = q->start;
        o->end = q->end;
        o->speaker = q->speaker;
        o->sent = q->sent;
        o->direct = 1;
        for (uint32_t i = q->o + 1; i < q->c && i < t->ntok; i++)
            t->tok[i].quote = 1;
    }
    for (size_t r = 0; r < nind; r++) {
        if (DY_GROW(doc->q, doc->q_cap, doc->nq + 1))
            goto out;
        dy_quote *o = &doc->q[doc->nq++];
        o->start = t->tok[ind[r].first].start;
        o->end = t->tok[ind[r].end - 1].end;
        o->speaker = w.fr[ind[r].frame].speaker;
        o->sent = w.fr[ind[r].frame].sent;
        o->direct = 0;
    }
    if (doc->nq > 1)
        qsort(doc->q, doc->nq, sizeof *doc->q, cmp_quote);
    rc = 0;
out:
    if (rc) {
        for (size_t i = 0; i < t->ntok; i++)
            t->tok[i].quote = 0;
        doc->nq = 0;
        doc->nmen = w.nmen0;
    }
    dy_free(w.wc);
    dy_free(w.para);
    dy_free(w.sp);
    dy_free(w.fr);
    dy_free(ind);
    return rc;
}
