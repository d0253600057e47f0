/* lex.c - loading the syntax tables into dy_lex (once per context).
 *
 * Reads, by path:
 *   - the festlex-poslex lexicon (wsj.wp39.poslexR: per lower-case word, the
 *     ln P(word | tag) of each tag it had in the WSJ corpus) and, next to it,
 *     the tag-trigram counts (wsj.wp39.tri.ngrambin, Edinburgh Speech Tools
 *     "NgramBin_2" format: vocabulary lines, then run-length-coded doubles of a
 *     dense H*H*H count table);
 *   - WordNet's index.{noun,verb,adj,adv} (base forms) and {verb,noun}.exc
 *     (irregular forms), for lemmas by the morphy algorithm.
 * Writes: ctx->lex (dy_lex and its struct dy_tagger) and interns the lexicon's
 * words, WordNet's verbs and the exception forms into ctx->words.
 *
 * When a file is missing the stage still works in a degraded mode (suffix and
 * shape rules only, or no lemmas): dy_lex_load returns 0 and says so in err.
 * Nothing is allocated per token later: every table is built here. */
#include "tagger.h"

#include "../core/internal.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define POSLEX_DEFAULT "/usr/share/festival/dicts/wsj.wp39.poslexR"
#define WORDNET_DEFAULT "/usr/share/wordnet"

/* The festival wp39 tag set, in the order of the trigram file; used when that
 * file is absent. "1" and "2" mark WSJ's ambiguous double tags (never output). */
static const char *const fest_tags[] = {
    "nn", "punc", "nnp", "dt", "in", "jj", "nns", "cd", "rb", "vbd", "vb", "prp", "cc",
    "of", "to", "vbz", "vbn", "vbg", "vbp", "md", "pos", "wdt", "jjr", "wp", "nnps",
    "wrb", "jjs", "rbr", "rp", "ex", "rbs", "pdt", "fw", "1", "uh", "sym", "ls", "2"};

static const char *const tag_names[T_COUNT] = {
    [T_NONE] = "NONE", [T_CC] = "CC", [T_CD] = "CD", [T_DT] = "DT", [T_EX] = "EX",
    [T_FW] = "FW", [T_IN] = "IN", [T_JJ] = "JJ", [T_JJR] = "JJR", [T_JJS] = "JJS",
    [T_LS] = "LS", [T_MD] = "MD", [T_NN] = "NN", [T_NNS] = "NNS", [T_NNP] = "NNP",
    [T_NNPS] = "NNPS", [T_PDT] = "PDT", [T_POS] = "POS", [T_PRP] = "PRP",
    [T_PRPS] = "PRP$", [T_RB] = "RB", [T_RBR] = "RBR", [T_RBS] = "RBS", [T_RP] = "RP",
    [T_SYM] = "SYM", [T_TO] = "TO", [T_UH] = "UH", [T_VB] = "VB", [T_VBD] = "VBD",
    [T_VBG] = "VBG", [T_VBN] = "VBN", [T_VBP] = "VBP", [T_VBZ] = "VBZ", [T_WDT] = "WDT",
    [T_WP] = "WP", [T_WPS] = "WP$", [T_WRB] = "WRB", [T_PUNCT_COMMA] = ",",
    [T_PUNCT_END] = ".", [T_PUNCT_COLON] = ":", [T_LQUOTE] = "``", [T_RQUOTE] = "''",
    [T_LRB] = "-LRB-", [T_RRB] = "-RRB-", [T_HASH] = "#", [T_DOLLAR] = "$"};

const char *dy_tag_name(int tag)
{
    if (tag < 0 || tag >= T_COUNT || !tag_names[tag])
        return "NONE";
    return tag_names[tag];
}

int dy_tag_from_name(const char *s, size_t n)
{
    for (int t = 1; t < T_COUNT; t++)
        if (strlen(tag_names[t]) == n && memcmp(tag_names[t], s, n) == 0)
            return t;
    /* common spellings of the same tags */
    if (n == 1 && (s[0] == '(' || s[0] == '[' || s[0] == '{'))
        return T_LRB;
    if (n == 1 && (s[0] == ')' || s[0] == ']' || s[0] == '}'))
        return T_RRB;
    if (n == 1 && s[0] == '"')
        return T_RQUOTE;
    if (n == 1 && s[0] == ';')
        return T_PUNCT_COLON;
    return T_NONE;
}

/* 64-bit string key (two FNV variants), never 0 (the map's empty key). */
uint64_t tg_key(const char *s, size_t n)
{
    uint32_t a = dy_hash(s, n);
    uint32_t b = 0x9747b28cu;
    for (size_t i = 0; i < n; i++)
        b = (b ^ (unsigned char)s[i]) * 0x5bd1e995u + (uint32_t)i;
    uint64_t k = ((uint64_t)a << 32) | b;
    return k ? k : 1;
}

int tg_wn_has(const dy_map *set, const char *s, size_t n)
{
    uint32_t v;
    return dy_map_get(set, tg_key(s, n), &v);
}

static int fest_penn(const char *nm)
{
    static const struct { const char *f; int t; } m[] = {
        {"nn", T_NN}, {"punc", T_PUNCT_END}, {"nnp", T_NNP}, {"dt", T_DT}, {"in", T_IN},
        {"jj", T_JJ}, {"nns", T_NNS}, {"cd", T_CD}, {"rb", T_RB}, {"vbd", T_VBD},
        {"vb", T_VB}, {"prp", T_PRP}, {"cc", T_CC}, {"of", T_IN}, {"to", T_TO},
        {"vbz", T_VBZ}, {"vbn", T_VBN}, {"vbg", T_VBG}, {"vbp", T_VBP}, {"md", T_MD},
        {"pos", T_POS}, {"wdt", T_WDT}, {"jjr", T_JJR}, {"wp", T_WP}, {"nnps", T_NNPS},
        {"wrb", T_WRB}, {"jjs", T_JJS}, {"rbr", T_RBR}, {"rp", T_RP}, {"ex", T_EX},
        {"rbs", T_RBS}, {"pdt", T_PDT}, {"fw", T_FW}, {"uh", T_UH}, {"sym", T_SYM},
        {"ls", T_LS}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strcmp(m[i].f, nm) == 0)
            return m[i].t;
    return T_NONE;
}

static int state_of(const struct dy_tagger *tg, const char *s, size_t n)
{
    for (int i = 0; i < tg->H; i++)
        if (strlen(tg->name[i]) == n && memcmp(tg->name[i], s, n) == 0)
            return i;
    return -1;
}

static void set_states(struct dy_tagger *tg, const char *const *names, int H)
{
    tg->H = H;
    for (int i = 0; i < H; i++) {
        snprintf(tg->name[i], sizeof tg->name[i], "%s", names[i]);
        tg->penn[i] = (uint8_t)fest_penn(names[i]);
    }
#define ST(f, s) tg->f = state_of(tg, s, strlen(s))
    ST(s_nn, "nn"); ST(s_nns, "nns"); ST(s_nnp, "nnp"); ST(s_nnps, "nnps");
    ST(s_jj, "jj"); ST(s_jjr, "jjr"); ST(s_jjs, "jjs"); ST(s_cd, "cd"); ST(s_rb, "rb");
    ST(s_vb, "vb"); ST(s_vbd, "vbd"); ST(s_vbn, "vbn"); ST(s_vbg, "vbg");
    ST(s_vbz, "vbz"); ST(s_vbp, "vbp"); ST(s_punc, "punc"); ST(s_in, "in");
    ST(s_of, "of"); ST(s_dt, "dt"); ST(s_prp, "prp"); ST(s_pos, "pos"); ST(s_to, "to");
    ST(s_md, "md"); ST(s_wp, "wp"); ST(s_wdt, "wdt"); ST(s_sym, "sym"); ST(s_fw, "fw");
    ST(s_cc, "cc"); ST(s_rp, "rp"); ST(s_uh, "uh"); ST(s_ex, "ex"); ST(s_wrb, "wrb");
    ST(s_pdt, "pdt"); ST(s_ls, "ls");
#undef ST
    /* open classes: the states festival's _OOV_ entry gives (pos.scm) */
    static const struct { const char *t; float lp; } oov[] = {
        {"nnp", -2.9144f}, {"jj", -2.7357f}, {"nn", -3.5787f}, {"nns", -3.4933f},
        {"vbn", -3.2486f}, {"vbg", -2.9419f}, {"vb", -3.5471f}, {"vbd", -3.7896f},
        {"vbz", -3.7820f}, {"rb", -4.1940f}, {"vbp", -3.2755f}, {"nnps", -2.1605f}};
    tg->nopen = 0;
    for (size_t i = 0; i < sizeof oov / sizeof oov[0]; i++) {
        int s = state_of(tg, oov[i].t, strlen(oov[i].t));
        if (s < 0)
            continue;
        tg->open[tg->nopen] = (uint8_t)s;
        tg->oov[tg->nopen] = oov[i].lp;
        tg->nopen++;
    }
    for (int i = 0; i < H; i++) {
        tg->closed[i] = 1;
        for (int j = 0; j < tg->nopen; j++)
            if (tg->open[j] == i)
                tg->closed[i] = 0;
    }
    /* numbers: festival's _number_ entry */
    static const struct { const char *t; float lp; } num[] = {
        {"cd", -0.35202f}, {"jj", -4.1083f}, {"nns", -6.4488f}, {"nnp", -7.3595f}};
    tg->nnum = 0;
    for (size_t i = 0; i < 4; i++) {
        int s = state_of(tg, num[i].t, strlen(num[i].t));
        if (s >= 0) {
            tg->num[tg->nnum].st = (uint8_t)s;
            tg->num[tg->nnum].lp = num[i].lp;
            tg->nnum++;
        }
    }
    tg->start_a = tg->s_nn >= 0 ? tg->s_nn : 0;    /* festival's pos_pp_start_tag */
    tg->start_b = tg->s_punc >= 0 ? tg->s_punc : 0; /* pos_p_start_tag */
}

/* ---- the trigram model ---- */

static double be_double(const unsigned char *p, int big)
{
    uint64_t u = 0;
    for (int i = 0; i < 8; i++)
        u = (u << 8) | p[big ? i : 7 - i];
    double d;
    memcpy(&d, &u, 8);
    return d;
}

/* Parse an NgramBin_2 file of order 3. Returns 0, or -1 with err set. */
static int load_trigram(struct dy_tagger *tg, const char *path, char *err, size_t errlen)
{
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf) {
        snprintf(err, errlen, "%s: cannot read", path);
        return -1;
    }
    int rc = -1;
    double *cnt = NULL;
    char *p = buf, *end = buf + len;
    char *nl = memchr(p, '\n', len);
    if (!nl || strncmp(p, "NgramBin_2 3", 12) != 0) {
        snprintf(err, errlen, "%s: not an order-3 NgramBin_2 file", path);
        goto out;
    }
    p = nl + 1;
    const char *names[TG_MAXH];
    char namebuf[TG_MAXH][8];
    int H = 0;
    nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl)
        goto bad;
    while (p < nl) {
        while (p < nl && *p == ' ')
            p++;
        char *q = p;
        while (q < nl && *q != ' ')
            q++;
        if (q > p) {
            if (H >= TG_MAXH || q - p >= 8)
                goto bad;
            memcpy(namebuf[H], p, (size_t)(q - p));
            namebuf[H][q - p] = 0;
            names[H] = namebuf[H];
            H++;
        }
        p = q;
    }
    p = nl + 1;
    nl = memchr(p, '\n', (size_t)(end - p)); /* predicted vocabulary: the same */
    if (!nl || H < 10)
        goto bad;
    p = nl + 1;
    set_states(tg, names, H);
    size_t N = (size_t)H * H * H;
    cnt = dy_calloc(N, sizeof *cnt);
    tg->tri = dy_malloc(N * sizeof *tg->tri);
    if (!cnt || !tg->tri) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    /* the doubles' byte order: the first value is a count (>= 0, finite) */
    size_t nd = (size_t)(end - p) / 8;
    if (nd == 0)
        goto bad;
    double f0 = be_double((const unsigned char *)p, 1);
    int big = f0 >= 0 && f0 < 1e12 && f0 == f0;
    size_t k = 0;
    for (size_t i = 0; i < nd && k <= N; i++) {
        double v = be_double((const unsigned char *)p + 8 * i, big);
        if (v != v)
            goto bad;
        if (v < 0) { /* the previous value repeats: -v copies in all */
            if (k == 0)
                goto bad;
            size_t c = (size_t)(-v);
            for (size_t j = 1; j < c && k < N; j++, k++)
                cnt[k] = cnt[k - 1];
        } else if (k < N) {
            cnt[k++] = v;
        } else {
            goto bad;
        }
    }
    if (k != N)
        goto bad;

    /* marginals and deleted interpolation (Brants 2000) over integer counts */
    double uni[TG_MAXH] = {0}, bi[TG_MAXH][TG_MAXH], ctx2[TG_MAXH][TG_MAXH], tot = 0;
    memset(bi, 0, sizeof bi);
    memset(ctx2, 0, sizeof ctx2);
    for (int a = 0; a < H; a++)
        for (int b = 0; b < H; b++)
            for (int c = 0; c < H; c++) {
                double v = floor(cnt[((size_t)a * H + b) * H + c]);
                uni[c] += v;
                bi[b][c] += v;
                ctx2[a][b] += v;
                tot += v;
            }
    double unib[TG_MAXH] = {0}; /* count of b as a context of a bigram */
    for (int b = 0; b < H; b++)
        for (int c = 0; c < H; c++)
            unib[b] += bi[b][c];
    double l1 = 0, l2 = 0, l3 = 0;
    for (int a = 0; a < H; a++)
        for (int b = 0; b < H; b++)
            for (int c = 0; c < H; c++) {
                double f = floor(cnt[((size_t)a * H + b) * H + c]);
                if (f <= 0)
                    continue;
                double t3 = ctx2[a][b] > 1 ? (f - 1) / (ctx2[a][b] - 1) : 0;
                double t2 = unib[b] > 1 ? (bi[b][c] - 1) / (unib[b] - 1) : 0;
                double t1 = tot > 1 ? (uni[c] - 1) / (tot - 1) : 0;
                if (t3 >= t2 && t3 >= t1)
                    l3 += f;
                else if (t2 >= t1)
                    l2 += f;
                else
                    l1 += f;
            }
    double ls = l1 + l2 + l3;
    if (ls <= 0 || tot <= 0)
        goto bad;
    l1 /= ls, l2 /= ls, l3 /= ls;
    for (int c = 0; c < H; c++)
        tg->uni[c] = (float)log((uni[c] + 0.5) / (tot + 0.5 * H));
    tg->lntot = (float)log(tot);
    for (int a = 0; a < H; a++)
        for (int b = 0; b < H; b++) {
            double ctxs = 0;
            for (int c = 0; c < H; c++)
                ctxs += cnt[((size_t)a * H + b) * H + c];
            for (int c = 0; c < H; c++) {
                double p3 = ctxs > 0 ? cnt[((size_t)a * H + b) * H + c] / ctxs : 0;
                double p2 = unib[b] > 0 ? bi[b][c] / unib[b] : 0;
                double p1 = (uni[c] + 0.5) / (tot + 0.5 * H);
                double pr = (ctxs > 0 ? l3 : 0) * p3 + l2 * p2 + l1 * p1;
                if (ctxs <= 0)
                    pr /= (l1 + l2);
                tg->tri[((size_t)a * H + b) * H + c] = (float)log(pr > 1e-12 ? pr : 1e-12);
            }
        }
    rc = 0;
    goto out;
bad:
    snprintf(err, errlen, "%s: malformed trigram file", path);
out:
    dy_free(cnt);
    dy_free(buf);
    return rc;
}

/* Degraded transitions: uniform. */
static int uniform_trigram(struct dy_tagger *tg)
{
    set_states(tg, fest_tags, (int)(sizeof fest_tags / sizeof fest_tags[0]));
    size_t N = (size_t)tg->H * tg->H * tg->H;
    tg->tri = dy_malloc(N * sizeof *tg->tri);
    if (!tg->tri)
        return -1;
    for (size_t i = 0; i < N; i++)
        tg->tri[i] = (float)-log((double)tg->H);
    for (int i = 0; i < tg->H; i++)
        tg->uni[i] = (float)-log((double)tg->H);
    tg->lntot = (float)log(1e6);
    /* a few facts of English word order so that the fallback is usable:
     * to/a modal before a base verb, a determiner before a noun */
    int H = tg->H;
    for (int a = 0; a < H; a++) {
        float *to = tg->s_to >= 0 ? tg->tri + ((size_t)a * H + tg->s_to) * H : NULL;
        float *md = tg->s_md >= 0 ? tg->tri + ((size_t)a * H + tg->s_md) * H : NULL;
        float *dt = tg->s_dt >= 0 ? tg->tri + ((size_t)a * H + tg->s_dt) * H : NULL;
        if (to && tg->s_vb >= 0)
            to[tg->s_vb] += 3.0f;
        if (md && tg->s_vb >= 0)
            md[tg->s_vb] += 3.0f;
        for (int c = 0; dt && c < H; c++) {
            int pn = tg->penn[c];
            if (pn == T_NN || pn == T_NNS || pn == T_JJ || pn == T_NNP || pn == T_CD)
                dt[c] += 1.0f;
            else if (dy_tag_is_verb(pn) || pn == T_MD)
                dt[c] -= 3.0f;
        }
    }
    return 0;
}

/* A read-only view of a whole file: mapped when possible (the WordNet index
 * files are megabytes; copying them costs more than scanning them), else read.
 * Returns NULL when the file cannot be read. */
typedef struct fview {
    const char *p;
    size_t len;
    int mapped;
    char *buf;
} fview;

static int fview_open(fview *v, const char *path)
{
    memset(v, 0, sizeof *v);
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
            flags |= MAP_POPULATE;
#endif
            void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, flags, fd, 0);
            if (m != MAP_FAILED) {
                close(fd);
                v->p = m;
                v->len = (size_t)st.st_size;
                v->mapped = 1;
                return 0;
            }
        }
        close(fd);
    }
    v->buf = dy_read_file(path, &v->len);
    v->p = v->buf;
    return v->buf ? 0 : -1;
}

static void fview_close(fview *v)
{
    if (v->mapped)
        munmap((void *)v->p, v->len);
    else
        dy_free(v->buf);
    memset(v, 0, sizeof *v);
}

/* Give an empty map room for n keys at once (no rehash while it fills). */
static int map_reserve(dy_map *m, size_t n)
{
    if (m->nslots)
        return 0;
    size_t ns = 64;
    while (ns < n * 2 + 2)
        ns *= 2;
    m->keys = dy_calloc(ns, sizeof *m->keys);
    m->vals = dy_calloc(ns, sizeof *m->vals);
    if (!m->keys || !m->vals) {
        dy_map_free(m);
        return -1;
    }
    m->nslots = ns;
    m->n = 0;
    return 0;
}

static size_t count_lines(const char *p, size_t len)
{
    size_t n = 0;
    const char *end = p + len;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n + 1;
}

/* ---- the lexicon ---- */

static float parse_float(const char **pp)
{
    const char *p = *pp;
    int neg = 0;
    if (*p == '-')
        neg = 1, p++;
    double v = 0, scale = 1;
    while (dy_is_digit(*p))
        v = v * 10 + (*p++ - '0');
    if (*p == '.') {
        p++;
        while (dy_is_digit(*p)) {
            scale *= 0.1;
            v += (*p++ - '0') * scale;
        }
    }
    *pp = p;
    return (float)(neg ? -v : v);
}

typedef struct lexrow {
    uint32_t id, off;
    uint8_t n;
} lexrow;

/* Parse lexicon text in the poslexR format into tg (words into ctx->words). */
static int parse_poslex(struct dyad_ctx *ctx, struct dy_tagger *tg, const char *buf, size_t len,
                        char *err, size_t errlen)
{
    int rc = -1;
    lexrow *rows = NULL;
    size_t nrows = 0, rows_cap = 0;
    tg_ent *ent = NULL;
    size_t nent = 0, ent_cap = 0;
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        if (p[0] == '(' && p + 1 < nl && p[1] == '"') {
            const char *w = p + 2;
            const char *q = w;
            while (q + 1 < nl && !(q[0] == '"' && q[1] == ' '))
                q++;
            size_t wn = (size_t)(q - w);
            const char *r = q + 1;
            while (r < nl && *r != '(')
                r++;
            r++; /* inside the list of (tag lp) pairs */
            uint8_t n = 0;
            size_t off = nent;
            while (r < nl) {
                while (r < nl && *r == ' ')
                    r++;
                if (r >= nl || *r != '(')
                    break;
                r++;
                const char *tn = r;
                while (r < nl && *r != ' ')
                    r++;
                int st = state_of(tg, tn, (size_t)(r - tn));
                while (r < nl && *r == ' ')
                    r++;
                float lp = parse_float(&r);
                while (r < nl && *r != ')')
                    r++;
                r++;
                if (st < 0 || tg->penn[st] == T_NONE || n >= 255)
                    continue; /* "1"/"2": WSJ's double tags */
                if (DY_GROW(ent, ent_cap, nent + 1))
                    goto nomem;
                ent[nent].st = (uint8_t)st;
                ent[nent].lp = lp;
                nent++;
                n++;
            }
            if (wn > 0 && n > 0) {
                uint32_t id = dy_word_add(ctx, w, wn);
                if (!id)
                    goto nomem;
                if (DY_GROW(rows, rows_cap, nrows + 1))
                    goto nomem;
                rows[nrows].id = id;
                rows[nrows].off = (uint32_t)off;
                rows[nrows].n = n;
                nrows++;
            } else {
                nent = off;
            }
        }
        p = nl + 1;
    }
    /* CSR by word id */
    uint32_t nids = (uint32_t)ctx->words.n;
    tg->lex_off = dy_calloc((size_t)nids + 1, sizeof *tg->lex_off);
    tg->ent = dy_malloc((nent ? nent : 1) * sizeof *tg->ent);
    if (!tg->lex_off || !tg->ent)
        goto nomem;
    tg->nids = nids;
    for (size_t i = 0; i < nrows; i++)
        tg->lex_off[rows[i].id + 1] = rows[i].n; /* a word appears once */
    for (uint32_t i = 0; i < nids; i++)
        tg->lex_off[i + 1] += tg->lex_off[i];
    for (size_t i = 0; i < nrows; i++)
        memcpy(tg->ent + tg->lex_off[rows[i].id], ent + rows[i].off, rows[i].n * sizeof *ent);
    tg->nent = nent;
    rc = 0;
    goto out;
nomem:
    snprintf(err, errlen, "out of memory");
out:
    dy_free(rows);
    dy_free(ent);
    return rc;
}

static int load_poslex(struct dyad_ctx *ctx, struct dy_tagger *tg, const char *path,
                       char *err, size_t errlen)
{
    fview fv;
    if (fview_open(&fv, path)) {
        snprintf(err, errlen, "%s: cannot read", path);
        return -1;
    }
    int rc = parse_poslex(ctx, tg, fv.p, fv.len, err, errlen);
    fview_close(&fv);
    return rc;
}

/* When the lexicon is missing: the closed-class words only (grammar, not
 * vocabulary), in the lexicon's own format; open-class words then go by
 * suffix and shape. */
static const char builtin_lex[] =
    "(\"the\" ((dt 0)))\n(\"a\" ((dt 0)))\n(\"an\" ((dt 0)))\n(\"this\" ((dt 0)))\n"
    "(\"these\" ((dt 0)))\n(\"those\" ((dt 0)))\n(\"some\" ((dt 0)))\n(\"any\" ((dt 0)))\n"
    "(\"no\" ((dt 0)))\n(\"every\" ((dt 0)))\n(\"each\" ((dt 0)))\n(\"all\" ((dt -1) (pdt -1)))\n"
    "(\"that\" ((in -1) (dt -1.5) (wdt -1)))\n(\"which\" ((wdt 0)))\n(\"who\" ((wp 0)))\n"
    "(\"whom\" ((wp 0)))\n(\"whose\" ((wp 0)))\n(\"what\" ((wp 0)))\n(\"when\" ((wrb 0)))\n"
    "(\"where\" ((wrb 0)))\n(\"why\" ((wrb 0)))\n(\"how\" ((wrb 0)))\n(\"there\" ((ex -1) (rb -1)))\n"
    "(\"of\" ((of 0)))\n(\"in\" ((in 0)))\n(\"on\" ((in 0)))\n(\"at\" ((in 0)))\n(\"by\" ((in 0)))\n"
    "(\"for\" ((in 0)))\n(\"with\" ((in 0)))\n(\"from\" ((in 0)))\n(\"into\" ((in 0)))\n"
    "(\"against\" ((in 0)))\n(\"about\" ((in 0)))\n(\"after\" ((in 0)))\n(\"before\" ((in 0)))\n"
    "(\"during\" ((in 0)))\n(\"over\" ((in 0)))\n(\"under\" ((in 0)))\n(\"between\" ((in 0)))\n"
    "(\"near\" ((in 0)))\n(\"since\" ((in 0)))\n(\"until\" ((in 0)))\n(\"as\" ((in 0)))\n"
    "(\"if\" ((in 0)))\n(\"because\" ((in 0)))\n(\"while\" ((in 0)))\n(\"although\" ((in 0)))\n"
    "(\"through\" ((in 0)))\n(\"without\" ((in 0)))\n(\"inside\" ((in 0)))\n(\"across\" ((in 0)))\n"
    "(\"and\" ((cc 0)))\n(\"or\" ((cc 0)))\n(\"but\" ((cc 0)))\n(\"nor\" ((cc 0)))\n(\"to\" ((to 0)))\n"
    "(\"he\" ((prp 0)))\n(\"she\" ((prp 0)))\n(\"it\" ((prp 0)))\n(\"they\" ((prp 0)))\n"
    "(\"we\" ((prp 0)))\n(\"i\" ((prp 0)))\n(\"you\" ((prp 0)))\n(\"him\" ((prp 0)))\n"
    "(\"her\" ((prp 0)))\n(\"them\" ((prp 0)))\n(\"us\" ((prp 0)))\n(\"me\" ((prp 0)))\n"
    "(\"his\" ((prp 0)))\n(\"its\" ((prp 0)))\n(\"their\" ((prp 0)))\n(\"our\" ((prp 0)))\n"
    "(\"my\" ((prp 0)))\n(\"your\" ((prp 0)))\n(\"will\" ((md 0)))\n(\"would\" ((md 0)))\n"
    "(\"can\" ((md 0)))\n(\"could\" ((md 0)))\n(\"may\" ((md 0)))\n(\"might\" ((md 0)))\n"
    "(\"shall\" ((md 0)))\n(\"should\" ((md 0)))\n(\"must\" ((md 0)))\n(\"wo\" ((md 0)))\n"
    "(\"ca\" ((md 0)))\n(\"'ll\" ((md 0)))\n(\"'d\" ((md 0)))\n(\"is\" ((vbz 0)))\n(\"has\" ((vbz 0)))\n"
    "(\"does\" ((vbz 0)))\n(\"was\" ((vbd 0)))\n(\"were\" ((vbd 0)))\n(\"had\" ((vbd 0)))\n"
    "(\"did\" ((vbd 0)))\n(\"said\" ((vbd 0)))\n(\"are\" ((vbp 0)))\n(\"am\" ((vbp 0)))\n"
    "(\"have\" ((vbp -1) (vb -1)))\n(\"do\" ((vbp -1) (vb -1)))\n(\"be\" ((vb 0)))\n"
    "(\"been\" ((vbn 0)))\n(\"being\" ((vbg 0)))\n(\"'s\" ((pos -1) (vbz -1.5)))\n"
    "(\"'re\" ((vbp 0)))\n(\"'m\" ((vbp 0)))\n(\"'ve\" ((vbp 0)))\n(\"not\" ((rb 0)))\n"
    "(\"n't\" ((rb 0)))\n(\"never\" ((rb 0)))\n(\"also\" ((rb 0)))\n(\"very\" ((rb 0)))\n"
    "(\"so\" ((rb 0)))\n(\"than\" ((in 0)))\n";

/* The unknown-word model: P(state | suffix) over the lexicon's rare words
 * (expected count <= 10, from ln P(w|t) and the tag counts), smoothed by
 * successive abstraction (Brants 2000), stored as the log ratio to the prior. */
static int build_suffixes(struct dyad_ctx *ctx, struct dy_tagger *tg)
{
    int no = tg->nopen;
    if (!tg->ent || no == 0)
        return 0;
    double prior[TG_MAXOPEN] = {0}, ptot = 0;
    float *cnt = NULL;
    size_t ncnt = 0, cnt_cap = 0;
    uint8_t *rlen = NULL;
    size_t rlen_cap = 0;
    uint32_t *parent = NULL;
    size_t par_cap = 0;
    int opos[TG_MAXH];
    for (int i = 0; i < tg->H; i++)
        opos[i] = -1;
    for (int j = 0; j < no; j++)
        opos[tg->open[j]] = j;
    /* row 0: the empty suffix */
    if (DY_GROW(cnt, cnt_cap, (size_t)no) || DY_GROW(rlen, rlen_cap, 1) ||
        DY_GROW(parent, par_cap, 1))
        goto nomem;
    memset(cnt, 0, (size_t)no * sizeof *cnt);
    rlen[0] = 0;
    parent[0] = 0;
    ncnt = 1;
    if (map_reserve(&tg->suf, 40000))
        goto nomem;
    for (uint32_t id = 1; id < tg->nids; id++) {
        uint32_t a = tg->lex_off[id], b = tg->lex_off[id + 1];
        if (a == b)
            continue;
        const char *w = dy_intern_str(&ctx->words, id);
        size_t wn = dy_intern_len(&ctx->words, id);
        if (wn < 3 || !dy_is_ascii_lower((unsigned char)w[wn - 1]))
            continue;
        double c[TG_MAXOPEN] = {0}, tot = 0;
        int closed = 0;
        for (uint32_t e = a; e < b; e++) {
            double v = exp(tg->ent[e].lp + tg->uni[tg->ent[e].st] + tg->lntot); /* x N(t) */
            tot += v;
            int j = opos[tg->ent[e].st];
            if (j >= 0)
                c[j] += v;
            else
                closed = 1;
        }
        if (closed || tot > 10)
            continue;
        /* the lexicon is lower-cased: rare capitalised-only words show up as
         * nnp/nnps; they teach nothing about lower-case suffixes */
        for (int j = 0; j < no; j++) {
            int st = tg->open[j];
            if (st == tg->s_nnp || st == tg->s_nnps)
                c[j] = 0;
        }
        for (int j = 0; j < no; j++) {
            prior[j] += c[j];
            ptot += c[j];
            cnt[j] += (float)c[j];
        }
        uint32_t prow = 0;
        for (size_t L = 1; L <= TG_SUFMAX && L < wn; L++) {
            uint64_t key = tg_key(w + wn - L, L);
            uint32_t row;
            if (!dy_map_get(&tg->suf, key, &row)) {
                row = (uint32_t)ncnt;
                if (DY_GROW(cnt, cnt_cap, (ncnt + 1) * (size_t)no) ||
                    DY_GROW(rlen, rlen_cap, ncnt + 1) || DY_GROW(parent, par_cap, ncnt + 1) ||
                    dy_map_put(&tg->suf, key, row + 1))
                    goto nomem;
                memset(cnt + ncnt * (size_t)no, 0, (size_t)no * sizeof *cnt);
                rlen[ncnt] = (uint8_t)L;
                parent[ncnt] = prow;
                ncnt++;
            } else {
                row--;
            }
            for (int j = 0; j < no; j++)
                cnt[(size_t)row * no + j] += (float)c[j];
            prow = row;
        }
    }
    if (ptot <= 0)
        goto done;
    /* theta: standard deviation of the prior */
    double mean = 1.0 / no, var = 0;
    for (int j = 0; j < no; j++) {
        prior[j] = (prior[j] + 0.1) / (ptot + 0.1 * no);
        var += (prior[j] - mean) * (prior[j] - mean);
    }
    double theta = sqrt(var / (no - 1 > 0 ? no - 1 : 1));
    for (int j = 0; j < no; j++)
        tg->openprior[j] = (float)log(prior[j]);
    /* rows were created after their parents, so one pass in order works; the
     * smoothed probabilities replace the counts in place */
    float *sm = dy_malloc(ncnt * (size_t)no * sizeof *sm);
    if (!sm)
        goto nomem;
    for (size_t r = 0; r < ncnt; r++) {
        double rt = 0;
        for (int j = 0; j < no; j++)
            rt += cnt[r * no + j];
        for (int j = 0; j < no; j++) {
            double ml = rt > 0 ? cnt[r * no + j] / rt : 0;
            double up = r == 0 ? prior[j] : sm[(size_t)parent[r] * no + j];
            sm[r * no + j] = (float)((ml + theta * up) / (1 + theta));
        }
    }
    for (size_t r = 0; r < ncnt; r++)
        for (int j = 0; j < no; j++)
            sm[r * no + j] = (float)(log(sm[r * no + j] + 1e-9) - log(prior[j]));
    tg->sufp = sm;
    tg->nsuf = ncnt;
done:
    dy_free(cnt);
    dy_free(rlen);
    dy_free(parent);
    return 0;
nomem:
    dy_free(cnt);
    dy_free(rlen);
    dy_free(parent);
    return -1;
}

/* ---- WordNet ---- */

static int load_wn_index(const char *dir, const char *file, dy_map *set, struct dyad_ctx *ctx,
                         int intern)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    fview fv;
    if (fview_open(&fv, path))
        return 1;
    const char *buf = fv.p;
    size_t len = fv.len;
    if (map_reserve(set, count_lines(buf, len) / (intern ? 1 : 2))) {
        fview_close(&fv);
        return -1;
    }
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        if (*p != ' ') {
            const char *q = p;
            int us = 0;
            while (q < nl && *q != ' ') {
                us |= *q == '_';
                q++;
            }
            if (!us && q > p) {
                if (dy_map_put(set, tg_key(p, (size_t)(q - p)), 1) ||
                    (intern && !dy_word_add(ctx, p, (size_t)(q - p)))) {
                    fview_close(&fv);
                    return -1;
                }
            }
        }
        p = nl + 1;
    }
    fview_close(&fv);
    return 0;
}

static int load_wn_exc(const char *dir, const char *file, dy_map *m, struct dyad_ctx *ctx)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf)
        return 1;
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        const char *a = p, *q = p;
        while (q < nl && *q != ' ')
            q++;
        const char *b = q + 1, *r = b;
        while (r < nl && *r != ' ')
            r++;
        if (q > a && r > b && memchr(a, '_', (size_t)(q - a)) == NULL &&
            memchr(b, '_', (size_t)(r - b)) == NULL) {
            uint32_t wid = dy_word_add(ctx, a, (size_t)(q - a));
            uint32_t lid = dy_word_add(ctx, b, (size_t)(r - b));
            uint32_t old;
            if (!wid || !lid) {
                dy_free(buf);
                return -1;
            }
            /* the first base form listed wins (axes -> ax, not axis) */
            if (!dy_map_get(m, wid, &old) && dy_map_put(m, wid, lid)) {
                dy_free(buf);
                return -1;
            }
        }
        p = nl + 1;
    }
    dy_free(buf);
    return 0;
}

/* ---- word classes ----
 * Grammar words and verb classes the chunker and the role finder need by
 * class, read from <data_dir>/syntax/wordclasses.txt: lines "class: word
 * word ...", '#' comments. Returns 0, -1 (no memory) or 1 with err set (an
 * unknown class name: the file is dyad's own, so a typo is an error). */
static int load_classes(struct dyad_ctx *ctx, struct dy_tagger *tg, const char *text,
                        size_t len, const char *path, char *err, size_t errlen)
{
    static const struct { const char *n; uint32_t c; } cls[] = {
        {"speech", WC_SPEECH}, {"fail", WC_FAIL}, {"refuse", WC_REFUSE},
        {"intent", WC_INTENT}, {"control", WC_CONTROL}, {"time", WC_TIME},
        {"title", WC_TITLE}, {"be", WC_BE}, {"have", WC_HAVE}, {"do", WC_DO},
        {"neg", WC_NEG}, {"future", WC_FUTURE}, {"modal", WC_MODAL},
        {"pron", WC_PRON_SUBJ}, {"rel", WC_REL}, {"subord", WC_SUBORD}, {"get", WC_GET},
        {"ditrans", WC_DITRANS}, {"objctl", WC_OBJCTL}, {"bare", WC_BARE},
        {"poss", WC_POSS}, {"cnoun", WC_CNOUN}, {"qp", WC_QP}, {"particle", WC_PARTICLE},
        {"month", WC_MONTH}, {"weekday", WC_WEEKDAY}};
    /* two passes: intern, then size the array and set bits */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            tg->nwclass = ctx->words.n;
            tg->wclass = dy_calloc(tg->nwclass ? tg->nwclass : 1, sizeof *tg->wclass);
            if (!tg->wclass)
                return -1;
        }
        const char *p = text, *end = text + len;
        int line = 0;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl)
                nl = end;
            line++;
            const char *s = p;
            while (s < nl && (*s == ' ' || *s == '\t' || *s == '\r'))
                s++;
            const char *colon = memchr(s, ':', (size_t)(nl - s));
            if (s < nl && *s != '#') {
                uint32_t c = 0;
                const char *ce = colon ? colon : nl;
                while (ce > s && (ce[-1] == ' ' || ce[-1] == '\t' || ce[-1] == '\r'))
                    ce--;
                for (size_t i = 0; colon && i < sizeof cls / sizeof cls[0]; i++)
                    if (strlen(cls[i].n) == (size_t)(ce - s) && memcmp(cls[i].n, s, (size_t)(ce - s)) == 0)
                        c = cls[i].c;
                if (!c) {
                    snprintf(err, errlen, "%.300s:%d: %s '%.*s'", path, line,
                             colon ? "unknown word class" : "expected 'class: words'",
                             (int)(ce - s > 40 ? 40 : ce - s), s);
                    return 1;
                }
                const char *q = colon + 1;
                while (q < nl) {
                    while (q < nl && (*q == ' ' || *q == '\t' || *q == '\r'))
                        q++;
                    const char *w = q;
                    while (q < nl && *q != ' ' && *q != '\t' && *q != '\r')
                        q++;
                    if (q == w)
                        break;
                    if (q - w > 64) {
                        snprintf(err, errlen, "%.300s:%d: word too long", path, line);
                        return 1;
                    }
                    uint32_t id = dy_word_add(ctx, w, (size_t)(q - w));
                    if (!id)
                        return -1;
                    if (pass == 1 && id < tg->nwclass)
                        tg->wclass[id] |= c;
                }
            }
            p = nl + 1;
        }
    }
    return 0;
}

/* ---- entry points ---- */

static void tagger_free(struct dy_tagger *tg)
{
    if (!tg)
        return;
    dy_free(tg->tri);
    dy_free(tg->lex_off);
    dy_free(tg->ent);
    dy_map_free(&tg->suf);
    dy_free(tg->sufp);
    dy_map_free(&tg->wn_noun);
    dy_map_free(&tg->wn_verb);
    dy_map_free(&tg->wn_adj);
    dy_map_free(&tg->wn_adv);
    dy_free(tg->wclass);
    dy_free(tg->lem_v);
    dy_free(tg->lem_n);
    dy_free(tg);
}

void dy_lex_free(dy_lex *lex)
{
    if (!lex)
        return;
    dy_map_free(&lex->verb_exc);
    dy_map_free(&lex->noun_exc);
    dy_free(lex->wflags);
    tagger_free(lex->tagger);
    memset(lex, 0, sizeof *lex);
}

static void add_note(char *err, size_t errlen, const char *msg)
{
    if (!err || !errlen)
        return;
    size_t n = strlen(err);
    if (n + 3 >= errlen)
        return;
    snprintf(err + n, errlen - n, "%s%s", n ? "; " : "", msg);
}

int dy_lex_load(struct dyad_ctx *ctx, char *err, size_t errlen)
{
    char tmp[512];
    dy_lex *lex = &ctx->lex;
    memset(lex, 0, sizeof *lex);
    if (err && errlen)
        err[0] = 0;
    struct dy_tagger *tg = dy_calloc(1, sizeof *tg);
    if (!tg)
        goto nomem;
    lex->tagger = tg;

    /* the trigram file sits beside the lexicon */
    const char *plex = ctx->poslex_path ? ctx->poslex_path : POSLEX_DEFAULT;
    char tri[1024];
    snprintf(tri, sizeof tri, "%s", plex);
    char *slash = strrchr(tri, '/');
    size_t dl = slash ? (size_t)(slash - tri) + 1 : 0;
    snprintf(tri + dl, sizeof tri - dl, "wsj.wp39.tri.ngrambin");
    tmp[0] = 0;
    if (load_trigram(tg, tri, tmp, sizeof tmp)) {
        if (strcmp(tmp, "out of memory") == 0)
            goto nomem;
        add_note(err, errlen, tmp);
        add_note(err, errlen, "tag transitions uniform");
        lex->degraded = 1;
        if (uniform_trigram(tg))
            goto nomem;
    }
    tmp[0] = 0;
    if (load_poslex(ctx, tg, plex, tmp, sizeof tmp)) {
        if (strcmp(tmp, "out of memory") == 0)
            goto nomem;
        add_note(err, errlen, tmp);
        add_note(err, errlen, "tagging by closed-class words and suffix rules only");
        lex->degraded = 1;
        if (parse_poslex(ctx, tg, builtin_lex, sizeof builtin_lex - 1, tmp, sizeof tmp))
            goto nomem;
    } else if (build_suffixes(ctx, tg)) {
        goto nomem;
    }

    const char *wn = ctx->wordnet_dir ? ctx->wordnet_dir : WORDNET_DEFAULT;
    int r[6];
    r[0] = load_wn_index(wn, "index.verb", &tg->wn_verb, ctx, 1);
    r[1] = load_wn_index(wn, "index.noun", &tg->wn_noun, ctx, 0);
    r[2] = load_wn_index(wn, "index.adj", &tg->wn_adj, ctx, 0);
    r[3] = load_wn_index(wn, "index.adv", &tg->wn_adv, ctx, 0);
    r[4] = load_wn_exc(wn, "verb.exc", &lex->verb_exc, ctx);
    r[5] = load_wn_exc(wn, "noun.exc", &lex->noun_exc, ctx);
    for (int i = 0; i < 6; i++)
        if (r[i] < 0)
            goto nomem;
    if (r[0] || r[1] || r[4] || r[5]) {
        snprintf(tmp, sizeof tmp, "WordNet files missing in %s: lemmas by suffix rules only", wn);
        add_note(err, errlen, tmp);
        lex->degraded = 1;
    }

    /* word classes (data file; without it the stage runs with none) */
    {
        char path[1024];
        snprintf(path, sizeof path, "%s/syntax/wordclasses.txt", ctx->data_dir ? ctx->data_dir : ".");
        size_t clen = 0;
        char *cls = dy_read_file(path, &clen);
        if (!cls) {
            snprintf(tmp, sizeof tmp, "%.400s: cannot read: no word classes", path);
            add_note(err, errlen, tmp);
            lex->degraded = 1;
        } else {
            tmp[0] = 0;
            int rc = load_classes(ctx, tg, cls, clen, path, tmp, sizeof tmp);
            dy_free(cls);
            if (rc < 0)
                goto nomem;
            if (rc > 0) {
                dy_lex_free(lex);
                if (err && errlen)
                    snprintf(err, errlen, "%s", tmp);
                return -1;
            }
        }
    }
    tg->id_say = dy_word_add(ctx, "say", 3);

    if (tg_augment_lexicon(ctx) || tg_cache_lemmas(ctx))
        goto nomem;

    /* per-word flags for every word known now */
    lex->wflags_cap = ctx->words.n;
    lex->wflags = dy_calloc(lex->wflags_cap, 1);
    if (!lex->wflags)
        goto nomem;
    for (size_t id = 1; id < ctx->words.n; id++) {
        const char *w = dy_intern_str(&ctx->words, (uint32_t)id);
        size_t n = dy_intern_len(&ctx->words, (uint32_t)id);
        uint64_t k = tg_key(w, n);
        uint32_t v;
        uint8_t f = 0;
        if (dy_map_get(&tg->wn_verb, k, &v))
            f |= WF_VERB;
        if (dy_map_get(&tg->wn_noun, k, &v))
            f |= WF_NOUN;
        if (dy_map_get(&tg->wn_adj, k, &v))
            f |= WF_ADJ;
        if (dy_map_get(&tg->wn_adv, k, &v))
            f |= WF_ADV;
        lex->wflags[id] = f;
    }
    return 0;
nomem:
    dy_lex_free(lex);
    if (err && errlen)
        snprintf(err, errlen, "syntax tables: out of memory");
    return -1;
}
