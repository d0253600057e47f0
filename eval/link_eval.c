/* link_eval.c - the deep back-end (link-grammar) behind dyad's analysis
 * interface, and the cross-check of the fast analysis against it.
 *
 *   link_eval [-v] [-n MAX] [FILE...]
 *
 * FILEs are news sentences: a .tsv with a "sentence" column (cameo-dev.tsv)
 * or a .json array of records with a "text" field (plover-gsr-dev.json);
 * default ../shared/eval/cameo-dev.tsv. Each text is tokenized, split,
 * tagged and parsed by dyad (dy_parse: the fast analysis), then every dyad
 * sentence is parsed again by link-grammar (Debian liblink-grammar-dev, the
 * English dictionary) through dy_parse_link below, which fills the same
 * dy_syn structure: a verb group per clause with its subject and object
 * (single-word NPs at link-grammar's heads). The program prints how often the
 * two agree on the subject, the verb and the object of the main clause; -v
 * prints every disagreement. Missing files are skipped (exit 0), so a fresh
 * clone without ../shared runs cleanly.
 *
 * Only this program links -llink-grammar (mk/syntax.mk: make eval-link);
 * libdyad keeps no dependency on it. Link-grammar parses ~30 sentences a
 * second, dyad ~200,000: the back-end is a yardstick, not a production path.
 *
 * Main clause. link-grammar: the verb of the subject the LEFT-WALL's Wd
 * link points to, through its auxiliaries (I, PP, Pv, Pg, Pa: "was
 * attacked" -> attacked), else the WV link's verb; its subject is the left
 * end of the S link (not SJ) into that verb or its auxiliary chain (I, PP,
 * Pv, Pg, Pa links); its object the right end of an O link from it; a
 * coordination ("Egypt and Qatar") stands for its first conjunct (SJl).
 * dyad: the first verb group of the sentence that has no governing group
 * (or is reported by a frame after it: "X did Y, officials said") and is
 * not a relative clause, participle, infinitive or "according to".
 * Agreement: link-grammar's verb word lies in dyad's verb group (auxiliaries
 * included), its subject word in dyad's subject NP, its object word in
 * dyad's object (or indirect object) NP - or neither has one. */
#include "core/internal.h"
#include "syntax/tagger.h"

#include <link-grammar/link-includes.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ---- the back-end ---- */

typedef struct lg_backend {
    Dictionary dict;
    Parse_Options opts;
    size_t complete, partial, failed; /* linkages without / with null links, none */
} lg_backend;

static void lg_quiet(lg_errinfo *ei, void *data)
{
    (void)ei;
    (void)data;
}

static int lgb_open(lg_backend *b)
{
    memset(b, 0, sizeof *b);
    lg_error_set_handler(lg_quiet, NULL);
    b->dict = dictionary_create_lang("en");
    if (!b->dict)
        return -1;
    b->opts = parse_options_create();
    parse_options_set_verbosity(b->opts, 0);
    parse_options_set_linkage_limit(b->opts, 250);
    parse_options_set_max_parse_time(b->opts, 10);
    return 0;
}

static void lgb_close(lg_backend *b)
{
    if (b->opts)
        parse_options_delete(b->opts);
    if (b->dict)
        dictionary_delete(b->dict);
}

static int label_is(const char *l, const char *p)
{
    return strncmp(l, p, strlen(p)) == 0;
}

/* dyad token covering byte offset off of the text, or -1 */
static int32_t tok_at(const dy_text *t, uint32_t first, uint32_t end, size_t off)
{
    for (uint32_t i = first; i < end; i++)
        if (t->tok[i].start <= off && off < t->tok[i].end)
            return (int32_t)i;
    return -1;
}

static int32_t push_word_np(dy_syn *syn, uint32_t s, int32_t tok)
{
    if (tok < 0)
        return -1;
    if (DY_GROW(syn->np, syn->np_cap, syn->nnp + 1))
        return -1;
    dy_np *n = &syn->np[syn->nnp];
    memset(n, 0, sizeof *n);
    n->first = n->head = n->name_first = n->name_end = (uint32_t)tok;
    n->end = (uint32_t)tok + 1;
    n->poss = n->of = n->conj = n->actor = n->appos = n->rel = -1;
    n->sent = s;
    return (int32_t)syn->nnp++;
}

/* The first conjunct of a coordination word (and.j-n: SJl; and.j-v: VJl),
 * else w itself. */
static size_t conj_first_word(Linkage l, size_t w)
{
    for (size_t k = 0; k < linkage_get_num_links(l); k++) {
        const char *lb = linkage_get_link_label(l, k);
        if ((label_is(lb, "SJl") || label_is(lb, "VJl")) && linkage_get_link_rword(l, k) == w)
            return linkage_get_link_lword(l, k);
    }
    return w;
}

/* From a finite verb through its auxiliaries (I, PP, Pv, Pg links; not the
 * IV of a control verb) to the lexical verb: will -> attack, has -> been ->
 * detained. */
static size_t follow_aux(Linkage l, size_t v)
{
    for (int moved = 1, guard = 0; moved && guard < 16; guard++) {
        moved = 0;
        for (size_t q = 0; q < linkage_get_num_links(l); q++) {
            const char *ql = linkage_get_link_label(l, q);
            if (linkage_get_link_lword(l, q) == v &&
                (label_is(ql, "I") || label_is(ql, "PP") || label_is(ql, "Pv") ||
                 label_is(ql, "Pg") || label_is(ql, "Pa")) && !label_is(ql, "IV")) {
                v = linkage_get_link_rword(l, q);
                moved = 1;
                break;
            }
        }
    }
    return v;
}

/* One clause of a linkage: verb word v (lexical), its subject and object. */
static int add_clause(dy_syn *syn, const dy_text *t, uint32_t s, Linkage l, size_t v, int main,
                      int32_t main_vg)
{
    size_t nl = linkage_get_num_links(l), nw = linkage_get_num_words(l);
    const dy_sent *se = &t->sent[s];
    uint32_t f = se->first, e = se->first + se->ntok;
    /* the auxiliary chain that leads to v */
    uint8_t chain[512] = {0};
    if (nw > sizeof chain)
        return 0;
    chain[v] = 1;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = 0; k < nl; k++) {
            const char *lb = linkage_get_link_label(l, k);
            size_t a = linkage_get_link_lword(l, k), b = linkage_get_link_rword(l, k);
            if (chain[b] && !chain[a] &&
                (label_is(lb, "I") || label_is(lb, "PP") || label_is(lb, "Pv") ||
                 label_is(lb, "Pg") || label_is(lb, "Pa")) && !label_is(lb, "IV")) {
                chain[a] = 1;
                changed = 1;
            }
            /* rejected ..., and said: the subject links to the coordinator */
            if (chain[a] && !chain[b] && b < nw && label_is(lb, "VJl")) {
                chain[b] = 1;
                changed = 1;
            }
        }
    }
    int32_t subj = -1, obj = -1;
    size_t first_aux = v;
    for (size_t w = 1; w < v; w++)
        if (chain[w]) {
            first_aux = w;
            break;
        }
    for (size_t k = 0; k < nl; k++) {
        const char *lb = linkage_get_link_label(l, k);
        size_t a = linkage_get_link_lword(l, k), b = linkage_get_link_rword(l, k);
        if (lb[0] == 'S' && !label_is(lb, "SJ") && !label_is(lb, "SI") && chain[b] && subj < 0)
            subj = (int32_t)conj_first_word(l, a);
        else if (label_is(lb, "SI") && chain[a] && subj < 0) /* did the army shell */
            subj = (int32_t)conj_first_word(l, b);
        else if (lb[0] == 'O' && a == v && obj < 0)
            obj = (int32_t)conj_first_word(l, b);
    }
    size_t base = se->start;
    int32_t vt = tok_at(t, f, e, base + linkage_get_word_byte_start(l, v));
    int32_t at = tok_at(t, f, e, base + linkage_get_word_byte_start(l, first_aux));
    if (vt < 0)
        return 0;
    int32_t sn = subj > 0 ? push_word_np(syn, s, tok_at(t, f, e, base + linkage_get_word_byte_start(l, (size_t)subj))) : -1;
    int32_t on = obj > 0 ? push_word_np(syn, s, tok_at(t, f, e, base + linkage_get_word_byte_start(l, (size_t)obj))) : -1;
    if (DY_GROW(syn->vg, syn->vg_cap, syn->nvg + 1))
        return -1;
    dy_vg *g = &syn->vg[syn->nvg++];
    memset(g, 0, sizeof *g);
    g->first = (uint32_t)(at >= 0 && at < vt ? at : vt);
    g->head = (uint32_t)vt;
    g->end = (uint32_t)vt + 1;
    g->lemma = t->tok[vt].lemma;
    g->subj = sn;
    g->obj = on;
    g->agent = g->iobj = g->xcomp = g->conj = g->neg_tok = -1;
    g->parent = main ? -1 : main_vg;
    g->sent = s;
    return 0;
}

/* The deep analysis of every sentence of t into syn (the structure dy_parse
 * fills; NPs are the single head words link-grammar links). Returns 0 or -1
 * (no memory). */
static int dy_parse_link(lg_backend *b, const dy_text *t, dy_syn *syn)
{
    syn->nnp = syn->nvg = syn->npp = 0;
    if (syn->sent_cap < t->nsent + 1) {
        uint32_t *a = dy_realloc(syn->sent_np, (t->nsent + 1) * sizeof *a);
        if (!a)
            return -1;
        syn->sent_np = a;
        uint32_t *v = dy_realloc(syn->sent_vg, (t->nsent + 1) * sizeof *v);
        if (!v)
            return -1;
        syn->sent_vg = v;
        syn->sent_cap = t->nsent + 1;
    }
    char buf[4096];
    for (size_t s = 0; s < t->nsent; s++) {
        syn->sent_np[s] = (uint32_t)syn->nnp;
        syn->sent_vg[s] = (uint32_t)syn->nvg;
        const dy_sent *se = &t->sent[s];
        size_t n = se->end - se->start;
        if (n == 0 || n >= sizeof buf)
            continue;
        memcpy(buf, t->src + se->start, n);
        buf[n] = 0;
        Sentence sent = sentence_create(buf, b->dict);
        if (!sent)
            continue;
        parse_options_set_min_null_count(b->opts, 0);
        parse_options_set_max_null_count(b->opts, 0);
        int nl = sentence_split(sent, b->opts) == 0 ? sentence_parse(sent, b->opts) : 0;
        if (nl <= 0) {
            parse_options_set_min_null_count(b->opts, 1);
            parse_options_set_max_null_count(b->opts, (int)sentence_length(sent));
            nl = sentence_parse(sent, b->opts);
            if (nl > 0)
                b->partial++;
        } else {
            b->complete++;
        }
        if (nl <= 0) {
            b->failed++;
            sentence_delete(sent);
            continue;
        }
        Linkage l = linkage_create(0, sent, b->opts);
        if (l) {
            /* the main clause: the verb of the subject the wall's Wd link
             * points to (followed through its auxiliaries), else the verb
             * of the wall's first WV link */
            size_t main = 0, wd = 0;
            for (size_t k = 0; k < linkage_get_num_links(l); k++) {
                const char *lb = linkage_get_link_label(l, k);
                if (linkage_get_link_lword(l, k) != 0)
                    continue;
                if (label_is(lb, "Wd") && !wd)
                    wd = linkage_get_link_rword(l, k);
                if (label_is(lb, "WV") && (!main || linkage_get_link_rword(l, k) < main))
                    main = linkage_get_link_rword(l, k);
            }
            if (wd) {
                for (size_t k = 0; k < linkage_get_num_links(l); k++) {
                    const char *lb = linkage_get_link_label(l, k);
                    if (lb[0] == 'S' && !label_is(lb, "SJ") && !label_is(lb, "SI") &&
                        (linkage_get_link_lword(l, k) == wd ||
                         conj_first_word(l, linkage_get_link_lword(l, k)) != linkage_get_link_lword(l, k)) &&
                        linkage_get_link_lword(l, k) >= wd) {
                        main = follow_aux(l, conj_first_word(l, linkage_get_link_rword(l, k)));
                        break;
                    }
                }
            }
            int32_t mv = (int32_t)syn->nvg;
            if (main && add_clause(syn, t, (uint32_t)s, l, main, 1, -1)) {
                linkage_delete(l);
                sentence_delete(sent);
                return -1;
            }
            if (syn->nvg == (size_t)mv)
                mv = -1;
            /* the other clauses: the right ends of the other S links */
            for (size_t k = 0; k < linkage_get_num_links(l); k++) {
                const char *lb = linkage_get_link_label(l, k);
                size_t v = linkage_get_link_rword(l, k);
                if (lb[0] != 'S' || label_is(lb, "SJ") || label_is(lb, "SI") || v == main)
                    continue;
                v = follow_aux(l, v);
                if (v != main && add_clause(syn, t, (uint32_t)s, l, v, 0, mv)) {
                    linkage_delete(l);
                    sentence_delete(sent);
                    return -1;
                }
            }
            linkage_delete(l);
        }
        sentence_delete(sent);
    }
    syn->sent_np[t->nsent] = (uint32_t)syn->nnp;
    syn->sent_vg[t->nsent] = (uint32_t)syn->nvg;
    return 0;
}

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

static int32_t link_main(const dy_syn *syn, size_t s)
{
    for (uint32_t v = syn->sent_vg[s]; v < syn->sent_vg[s + 1]; v++)
        if (syn->vg[v].parent < 0)
            return (int32_t)v;
    return -1;
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

static int check_text(const dyad_ctx *ctx, lg_backend *b, const char *text, size_t len,
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
    if (dy_parse_link(b, &t, &deep))
        goto out;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    *lg_time += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    for (size_t s = 0; s < t.nsent && ty->sents < max; s++) {
        ty->sents++;
        int32_t dv = dyad_main(&fast, s), lv = link_main(&deep, s);
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
    dy_free(deep.np);
    dy_free(deep.vg);
    dy_free(deep.sent_np);
    dy_free(deep.sent_vg);
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
    lg_backend *b;
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
    lg_backend b;
    if (lgb_open(&b)) {
        fprintf(stderr, "link_eval: no link-grammar English dictionary\n");
        dyad_ctx_free(ctx);
        return 1;
    }
    r.ctx = ctx;
    r.b = &b;
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
        double bo = y->both ? 100.0 / (double)y->both : 0;
        printf("sentences: %zu; link-grammar: %zu complete linkages, %zu with null links, %zu "
               "none (%.1f sentences/s)\n",
               y->sents, b.complete, b.partial, b.failed,
               r.lg_time > 0 ? (double)(b.complete + b.partial + b.failed) / r.lg_time : 0);
        printf("main clause found: dyad %zu, link-grammar %zu, both %zu\n", y->dy_main,
               y->lg_main, y->both);
        printf("agreement on the main clause (of %zu): subject %.1f%%, verb %.1f%%, object "
               "%.1f%%, all three %.1f%%\n",
               y->both, (double)y->subj * bo, (double)y->verb * bo, (double)y->obj * bo,
               (double)y->all * bo);
    }
    lgb_close(&b);
    dyad_ctx_free(ctx);
    return r.err;
}
