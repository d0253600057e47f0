/* link_eval.c - the cross-check of the fast analysis against the deep
 * back-end (link-grammar, src/syntax/link.c).
 *
 *   link_eval [-v] [-n MAX] [FILE...]
 *
 * FILEs are news sentences: a .tsv with a "sentence" column (cameo-dev.tsv)
 * or a .json array of records with a "text" field (plover-gsr-dev.json);
 * default ../shared/eval/cameo-dev.tsv. Each text is tokenized, split,
 * tagged and parsed by dyad (dy_parse: the fast analysis), then every dyad
 * sentence is parsed again by link-grammar (Debian liblink-grammar-dev, the
 * English dictionary) through dy_link_parse, which fills the same dy_syn
 * structure (the analysis `dyad parse --parser link` prints). The program
 * prints how often the two agree on the subject, the verb and the object of
 * the main clause; -v prints every disagreement. Missing files are skipped
 * (exit 0), so a fresh clone without ../shared runs cleanly.
 *
 * Needs dyad built with link-grammar (mk/syntax.mk: make eval-link).
 * Link-grammar parses some tens of sentences a second, dyad some hundred
 * thousand: the back-end is a yardstick, not a production path.
 *
 * Main clause. link-grammar: the verb of the subject the LEFT-WALL's Wd
 * link points to, through its auxiliaries (I, PP, Pv, Pg, Pa: "was
 * attacked" -> attacked), else the WV link's verb (dy_link_main); its
 * subject is the left end of the S link (not SJ) into that verb or its
 * auxiliary chain; its object the right end of an O link from it; a
 * coordination ("Egypt and Qatar") stands for its first conjunct (SJl).
 * dyad: the first verb group of the sentence that has no governing group
 * (or is reported by a frame after it: "X did Y, officials said") and is
 * not a relative clause, participle, infinitive or "according to".
 * Agreement: link-grammar's verb word lies in dyad's verb group (auxiliaries
 * included), its subject word in dyad's subject NP, its object word in
 * dyad's object (or indirect object) NP - or neither has one. */
#include "core/internal.h"
#include "syntax/link.h"
#include "syntax/tagger.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ---- the cross-check ---- */

/* dyad's main clause of sentence s: the first group without a governing
 * group that is not a relative clause, participle, infinitive or frame. */
static int32_t dyad_main(const dy_syn *syn, size_t s)
{
    int32_t best = -1;
    for (uint32_t v = syn->sent_vg[s]; v < syn->sent_vg[s + 1]; v++) {
        const dy_vg *g = &syn->vg[v];
        if (g->flags & (VG_RELATIVE | VG_PART | VG_INF | VG_ACCORDING))
            continue;
        /* a clause reported by a frame after it ("X did Y, officials said")
         * is the main clause, as in link-grammar */
        int top = g->parent < 0 ||
                  ((g->flags & VG_REPORTED) && syn->vg[g->parent].head > g->head &&
                   syn->vg[g->parent].parent < 0);
        if (top && (best < 0 || g->head < syn->vg[best].head))
            best = (int32_t)v;
    }
    return best;
}

/* Does the word of link-grammar's NP (a single token) lie in dyad's NP? */
static int np_agree(const dy_syn *d, int32_t dn, const dy_syn *l, int32_t ln)
{
    if (ln < 0 || dn < 0)
        return ln < 0 && dn < 0;
    uint32_t w = l->np[ln].head;
    return w >= d->np[dn].first && w < d->np[dn].end;
}

static void np_str(const dy_text *t, const dy_syn *syn, int32_t n, char *out, size_t cap)
{
    if (n < 0) {
        snprintf(out, cap, "-");
        return;
    }
    uint32_t a = t->tok[syn->np[n].first].start, b = t->tok[syn->np[n].end - 1].end;
    snprintf(out, cap, "%.*s", (int)(b - a), t->src + a);
}

typedef struct tally {
    size_t sents, lg_main, dy_main, both, subj, verb, obj, all;
} tally;

static int check_text(const dyad_ctx *ctx, dy_link *b, const char *text, size_t len,
                      int verbose, tally *ty, double *lg_time, size_t max)
{
    dy_text t;
    memset(&t, 0, sizeof t);
    dy_syn fast, deep;
    memset(&fast, 0, sizeof fast);
    memset(&deep, 0, sizeof deep);
    t.src = text;
    t.len = len;
    int rc = -1;
    if (dy_tokenize(&t, &ctx->ab) || dy_split(&t, &ctx->ab))
        goto out;
    for (size_t i = 0; i < t.ntok; i++)
        t.tok[i].word = dy_word_find(ctx, t.norm + t.tok[i].norm, t.tok[i].nlen);
    if (dy_tag(ctx, &t) || dy_parse(ctx, &t, &fast))
        goto out;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (dy_link_parse(b, ctx, &t, &deep))
        goto out;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    *lg_time += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    for (size_t s = 0; s < t.nsent && ty->sents < max; s++) {
        ty->sents++;
        int32_t dv = dyad_main(&fast, s), lv = dy_link_main(b, s);
        ty->dy_main += dv >= 0;
        ty->lg_main += lv >= 0;
        if (dv < 0 || lv < 0)
            continue;
        ty->both++;
        const dy_vg *g = &fast.vg[dv], *h = &deep.vg[lv];
        int sv = np_agree(&fast, g->subj, &deep, h->subj);
        int vv = h->head >= g->first && h->head < g->end;
        int ov = np_agree(&fast, g->obj, &deep, h->obj) ||
                 (h->obj >= 0 && np_agree(&fast, g->iobj, &deep, h->obj));
        ty->subj += (size_t)sv;
        ty->verb += (size_t)vv;
        ty->obj += (size_t)ov;
        ty->all += (size_t)(sv && vv && ov);
        if (verbose && !(sv && vv && ov)) {
            char a[256], c[256], d[256], e[256];
            const dy_sent *se = &t.sent[s];
            np_str(&t, &fast, g->subj, a, sizeof a);
            np_str(&t, &fast, g->obj, c, sizeof c);
            np_str(&t, &deep, h->subj, d, sizeof d);
            np_str(&t, &deep, h->obj, e, sizeof e);
            const dy_tok *gv = &t.tok[g->head], *hv = &t.tok[h->head];
            printf("# %.*s\n  dyad: [%s] %.*s [%s]\n  link: [%s] %.*s [%s]   %s%s%s\n",
                   (int)(se->end - se->start), t.src + se->start, a,
                   (int)(gv->end - gv->start), t.src + gv->start, c, d,
                   (int)(hv->end - hv->start), t.src + hv->start, e, sv ? "" : " subject",
                   vv ? "" : " verb", ov ? "" : " object");
        }
    }
    rc = 0;
out:
    dy_syn_free(&fast);
    dy_syn_free(&deep);
    dy_free(t.tok);
    dy_free(t.norm);
    dy_free(t.sent);
    return rc;
}

/* Texts of a file: the "sentence" column of a .tsv, the "text" fields of a
 * .json array. Calls fn for each; returns the count, or -1. */
static long each_text(const char *path, int (*fn)(void *, const char *, size_t), void *user)
{
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf)
        return -1;
    long n = 0;
    size_t pl = strlen(path);
    if (pl > 5 && strcmp(path + pl - 5, ".json") == 0) {
        cJSON *root = cJSON_ParseWithLength(buf, len);
        cJSON *it;
        cJSON_ArrayForEach(it, root)
        {
            cJSON *tx = cJSON_GetObjectItemCaseSensitive(it, "text");
            if (cJSON_IsString(tx) && tx->valuestring) {
                if (fn(user, tx->valuestring, strlen(tx->valuestring)))
                    break;
                n++;
            }
        }
        cJSON_Delete(root);
    } else {
        int col = -1;
        char *p = buf, *end = buf + len;
        for (int line = 0; p < end; line++) {
            char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl)
                nl = end;
            int c = 0;
            for (char *f = p; f <= nl;) {
                char *tab = memchr(f, '\t', (size_t)(nl - f));
                char *fe = tab ? tab : nl;
                if (line == 0 && (size_t)(fe - f) == 8 && memcmp(f, "sentence", 8) == 0)
                    col = c;
                else if (line > 0 && c == col && fe > f) {
                    if (fn(user, f, (size_t)(fe - f)))
                        goto done;
                    n++;
                }
                c++;
                f = fe + 1;
            }
            p = nl + 1;
        }
    }
done:
    dy_free(buf);
    return n;
}

typedef struct run {
    const dyad_ctx *ctx;
    dy_link *b;
    int verbose;
    size_t max;
    tally ty;
    double lg_time;
    int err;
} run;

static int one(void *user, const char *text, size_t len)
{
    run *r = user;
    if (r->ty.sents >= r->max)
        return 1;
    if (check_text(r->ctx, r->b, text, len, r->verbose, &r->ty, &r->lg_time, r->max)) {
        r->err = 1;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *files[16];
    int nf = 0;
    run r;
    memset(&r, 0, sizeof r);
    r.max = (size_t)-1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            r.verbose = 1;
        else if (!strcmp(argv[i], "-n") && i + 1 < argc)
            r.max = (size_t)atol(argv[++i]);
        else if (nf < 16)
            files[nf++] = argv[i];
    }
    if (!nf)
        files[nf++] = "../shared/eval/cameo-dev.tsv";
    char err[512];
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_new(NULL, &ctx, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "link_eval: %s\n", err);
        return 1;
    }
    dy_link *b = dy_link_open(10, err, sizeof err);
    if (!b) {
        fprintf(stderr, "link_eval: %s\n", err);
        dyad_ctx_free(ctx);
        return 1;
    }
    r.ctx = ctx;
    r.b = b;
    int any = 0;
    for (int i = 0; i < nf; i++) {
        long n = each_text(files[i], one, &r);
        if (n < 0) {
            printf("link_eval: %s not found, skipped\n", files[i]);
            continue;
        }
        any = 1;
        printf("file: %s (%ld texts)\n", files[i], n);
    }
    if (r.err)
        fprintf(stderr, "link_eval: out of memory\n");
    if (any) {
        tally *y = &r.ty;
        size_t c[DY_LINK_EMPTY + 1];
        dy_link_counts(b, c);
        size_t failed = c[DY_LINK_TIMEOUT] + c[DY_LINK_NONE] + c[DY_LINK_TOOLONG] + c[DY_LINK_EMPTY];
        double bo = y->both ? 100.0 / (double)y->both : 0;
        printf("sentences: %zu; link-grammar: %zu complete linkages, %zu with null links, %zu "
               "none (%.1f sentences/s)\n",
               y->sents, c[DY_LINK_COMPLETE], c[DY_LINK_PARTIAL], failed,
               r.lg_time > 0 ? (double)(c[DY_LINK_COMPLETE] + c[DY_LINK_PARTIAL] + failed) / r.lg_time : 0);
        printf("main clause found: dyad %zu, link-grammar %zu, both %zu\n", y->dy_main,
               y->lg_main, y->both);
        printf("agreement on the main clause (of %zu): subject %.1f%%, verb %.1f%%, object "
               "%.1f%%, all three %.1f%%\n",
               y->both, (double)y->subj * bo, (double)y->verb * bo, (double)y->obj * bo,
               (double)y->all * bo);
    }
    dy_link_close(b);
    dyad_ctx_free(ctx);
    return r.err;
}
