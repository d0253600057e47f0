/* timex_eval.c - accuracy of the time expressions on TimeML gold.
 *
 * usage: timex_eval [-v] [--untagged] [--data DIR] [TBAQ_DIR]
 *
 * Reads every *.tml file under TBAQ_DIR (default ../shared/eval/dates/tbaq:
 * TimeBank and AQUAINT from the TempEval-3 release), codes the text of its
 * <TEXT> element with the document creation time as the document date, and
 * compares dyad's time expressions with the gold TIMEX3 elements of type DATE:
 *
 *   found  share of gold DATE expressions overlapped by one of dyad's
 *   exact  share whose overlapping expression has the gold value
 *          (week numbers compared without their leading zero: W7 = W07)
 *
 * It also counts dyad's DATE expressions that overlap no gold TIMEX3 at all.
 * A file whose name was already seen (testpipeline/ repeats one) is skipped.
 * -v lists every miss and every wrong value (-vv also the expressions that
 * overlap no gold one). --untagged measures the fallback used when the
 * syntax stage has not tagged the text: the tags are cleared and the time
 * expressions found again. When TBAQ_DIR does not exist it
 * prints a SKIP line and exits 0 (a fresh clone has no ../shared). */
#include "core/internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct gold {
    size_t start, end;
    char type[12];
    char value[32];
} gold;

typedef struct tally {
    size_t files, gold, found, exact, sys, spurious;
} tally;

static int verbose;
static int untagged;  /* --untagged: drop the Penn tags and find again */
static char **seen;   /* base names already evaluated (copies are skipped) */
static size_t nseen, seen_cap;

static int seen_before(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    for (size_t i = 0; i < nseen; i++)
        if (!strcmp(seen[i], base))
            return 1;
    if (DY_GROW(seen, seen_cap, nseen + 1) || !(seen[nseen] = strdup(base)))
        exit(2);
    nseen++;
    return 0;
}

/* The value of attribute name in the tag text [s, e). */
static int attr(const char *s, const char *e, const char *name, char *out, size_t n)
{
    size_t nl = strlen(name);
    for (const char *p = s; p + nl + 2 < e; p++) {
        if (memcmp(p, name, nl) || p[nl] != '=' || p[nl + 1] != '"' ||
            (p > s && p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n'))
            continue;
        const char *v = p + nl + 2, *q = memchr(v, '"', (size_t)(e - v));
        if (!q)
            return -1;
        snprintf(out, n, "%.*s", (int)(q - v), v);
        return 0;
    }
    return -1;
}

/* Strip the markup of [s, e) into out (entities decoded), collecting the
 * TIMEX3 spans. Returns the text length. */
static size_t strip(const char *s, const char *e, char *out, gold **g, size_t *ng, size_t *gcap)
{
    size_t n = 0;
    long open = -1;
    for (const char *p = s; p < e;) {
        if (*p == '<') {
            const char *q = memchr(p, '>', (size_t)(e - p));
            if (!q)
                break;
            if (!strncmp(p, "<TIMEX3", 7)) {
                if (DY_GROW(*g, *gcap, *ng + 1))
                    exit(2);
                gold *x = &(*g)[*ng];
                memset(x, 0, sizeof *x);
                attr(p, q, "type", x->type, sizeof x->type);
                attr(p, q, "value", x->value, sizeof x->value);
                x->start = n;
                open = (long)(*ng)++;
            } else if (!strncmp(p, "</TIMEX3", 8) && open >= 0) {
                (*g)[open].end = n;
                open = -1;
            }
            p = q + 1;
            continue;
        }
        if (*p == '&') {
            static const struct { const char *e; char c; } ent[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            size_t k;
            for (k = 0; k < sizeof ent / sizeof *ent; k++)
                if (!strncmp(p, ent[k].e, strlen(ent[k].e)))
                    break;
            if (k < sizeof ent / sizeof *ent) {
                out[n++] = ent[k].c;
                p += strlen(ent[k].e);
                continue;
            }
        }
        out[n++] = *p++;
    }
    out[n] = 0;
    return n;
}

/* Values equal, week numbers without leading zeros. */
static int same_value(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a == 'W' && *b == 'W') {
            a++;
            b++;
            if (*a == '0' && a[1] >= '0' && a[1] <= '9')
                a++;
            if (*b == '0' && b[1] >= '0' && b[1] <= '9')
                b++;
            continue;
        }
        if (*a++ != *b++)
            return 0;
    }
    return *a == *b;
}

static void eval_file(const dyad_ctx *ctx, dyad_doc *doc, const char *path, tally *t)
{
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf)
        return;
    const char *dct = strstr(buf, "<DCT>"), *ts = strstr(buf, "<TEXT>"),
               *te = ts ? strstr(ts, "</TEXT>") : NULL;
    char date[40] = "";
    if (!dct || !ts || !te || attr(dct, strchr(dct, '>') ? strstr(dct, "</DCT>") : dct, "value",
                                   date, sizeof date) || strlen(date) < 10) {
        dy_free(buf);
        return;
    }
    date[10] = 0;
    ts += 6;
    char *text = malloc((size_t)(te - ts) + 1);
    gold *g = NULL;
    size_t ng = 0, gcap = 0;
    if (!text)
        exit(2);
    size_t tl = strip(ts, te, text, &g, &ng, &gcap);
    if (dyad_code(ctx, doc, text, tl, date) != DYAD_OK) {
        fprintf(stderr, "%s: %s\n", path, dyad_strerror(doc->err));
        goto done;
    }
    if (untagged) {
        for (size_t i = 0; i < doc->t.ntok; i++)
            doc->t.tok[i].tag = T_NONE;
        if (dy_timex_find(ctx, doc))
            exit(2);
    }
    t->files++;
    const dy_tok *tok = doc->t.tok;
    for (size_t i = 0; i < ng; i++) {
        if (strcmp(g[i].type, "DATE") || g[i].end <= g[i].start)
            continue;
        t->gold++;
        int found = 0, exact = 0;
        char sys[64] = "";
        for (size_t k = 0; k < doc->ntx; k++) {
            const dy_timex *x = &doc->tx[k];
            size_t s = tok[x->first].start, e = tok[x->end - 1].end;
            if (s < g[i].end && g[i].start < e) {
                found = 1;
                if (same_value(x->value, g[i].value))
                    exact = 1;
                size_t l = strlen(sys);
                snprintf(sys + l, sizeof sys - l, "%s%s", l ? "," : "", x->value);
            }
        }
        t->found += (size_t)found;
        t->exact += (size_t)exact;
        if (verbose && !exact) {
            const char *base = strrchr(path, '/');
            size_t a = g[i].start > 40 ? g[i].start - 40 : 0;
            size_t b = g[i].end + 30 < tl ? g[i].end + 30 : tl;
            printf("%s %s %s [%.*s] gold=%s sys=%s | %.*s[%.*s]%.*s\n", found ? "WRONG" : "MISS",
                   base ? base + 1 : path, date, (int)(g[i].end - g[i].start), text + g[i].start,
                   g[i].value, sys[0] ? sys : "-", (int)(g[i].start - a), text + a,
                   (int)(g[i].end - g[i].start), text + g[i].start, (int)(b - g[i].end),
                   text + g[i].end);
        }
    }
    for (size_t k = 0; k < doc->ntx; k++) {
        const dy_timex *x = &doc->tx[k];
        if (x->type != TX_DATE)
            continue;
        t->sys++;
        size_t s = tok[x->first].start, e = tok[x->end - 1].end;
        int hit = 0;
        for (size_t i = 0; i < ng && !hit; i++)
            hit = s < g[i].end && g[i].start < e;
        if (!hit) {
            t->spurious++;
            if (verbose > 1)
                printf("EXTRA %s [%.*s] %s\n", path, (int)(e - s), text + s, x->value);
        }
    }
done:
    free(text);
    dy_free(g);
    dy_free(buf);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.tml file of dir (one level of subdirectories), sorted. */
static void eval_dir(const dyad_ctx *ctx, dyad_doc *doc, const char *dir, tally *t, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (DY_GROW(names, cap, n + 1))
            exit(2);
        size_t l = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(l);
        snprintf(names[n++], l, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        size_t l = strlen(names[i]);
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode) && depth == 0) {
            tally sub = {0};
            eval_dir(ctx, doc, names[i], &sub, 1);
            if (sub.files) {
                const char *base = strrchr(names[i], '/');
                printf("  %-14s files %3zu  gold DATE %4zu  found %.3f  exact %.3f\n",
                       base ? base + 1 : names[i], sub.files, sub.gold,
                       sub.gold ? (double)sub.found / sub.gold : 0,
                       sub.gold ? (double)sub.exact / sub.gold : 0);
            }
            t->files += sub.files;
            t->gold += sub.gold;
            t->found += sub.found;
            t->exact += sub.exact;
            t->sys += sub.sys;
            t->spurious += sub.spurious;
        } else if (l > 4 && !strcmp(names[i] + l - 4, ".tml") && !seen_before(names[i]))
            eval_file(ctx, doc, names[i], t);
        free(names[i]);
    }
    dy_free(names);
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/eval/dates/tbaq", *data = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose++;
        else if (!strcmp(argv[i], "-vv"))
            verbose = 2;
        else if (!strcmp(argv[i], "--untagged"))
            untagged = 1;
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: timex_eval [-v] [--untagged] [--data DIR] [TBAQ_DIR]\n");
            return 2;
        } else
            dir = argv[i];
    }
    struct stat st;
    if (stat(dir, &st) || !S_ISDIR(st.st_mode)) {
        printf("SKIP eval-timex: %s not found (TimeML gold lives in ../shared)\n", dir);
        return 0;
    }
    char err[512];
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_new(data, &ctx, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "timex_eval: %s\n", err);
        return 1;
    }
    dyad_doc *doc = dyad_doc_new();
    if (!doc)
        return 2;
    tally t = {0};
    printf("time expressions on %s (gold TIMEX3 type DATE, document creation time as date)\n",
           dir);
    eval_dir(ctx, doc, dir, &t, 0);
    printf("  %-14s files %3zu  gold DATE %4zu  found %.3f  exact %.3f\n", "all", t.files,
           t.gold, t.gold ? (double)t.found / t.gold : 0, t.gold ? (double)t.exact / t.gold : 0);
    printf("  dyad DATE expressions %zu, overlapping no gold TIMEX3: %zu (%.3f)\n", t.sys,
           t.spurious, t.sys ? (double)t.spurious / t.sys : 0);
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
    for (size_t i = 0; i < nseen; i++)
        free(seen[i]);
    dy_free(seen);
    return 0;
}
