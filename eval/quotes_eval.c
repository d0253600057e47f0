/* quotes_eval.c - accuracy of the quotes stage on the PolNeAR gold.
 *
 *   quotes_eval [-v] [-d DATA_DIR] [-s FILE:DATE:NAME,NAME...] POLNEAR_DIR
 *
 * Reads POLNEAR_DIR/attributions.tsv (one gold attribution a line: doc,
 * annotator, event, direct_quote, content_start, content_end, content,
 * source, source_spans, cue; offsets in characters) and POLNEAR_DIR/text/
 * DOC.txt by path (nothing is copied), codes each article with the library
 * and prints:
 *   direct found     share of gold direct quotations overlapped by a
 *                    predicted direct quotation
 *   direct covered   share whose quoted characters (those between the
 *                    quotation marks of the gold span) are at least half
 *                    covered by predicted direct quotations
 *   right speaker    share of gold direct quotations whose best-overlapping
 *                    predicted quotation has a speaker mention overlapping
 *                    the gold source span (over all gold direct quotations
 *                    with a source; also given over those found)
 *   indirect found / right speaker   the same for the other attributions
 *                    (any predicted quotation, direct or not)
 *   precision (lower bound)  share of predicted direct quotations that
 *                    overlap some gold content span (the gold is not
 *                    exhaustive, so this is a floor)
 * -v lists every missed or misattributed gold quotation.
 * -s codes one more article (FILE, dated DATE) and checks that its direct
 * quotations, in order, are attributed to the NAMEs given: the speaker's
 * text or its referent contains the name. Prints "sample: N/M".
 * Exit status 0; 2 on usage errors; 1 when the gold cannot be read.
 * Uses the library's internal structures (speaker offsets are not in the
 * JSON), hence -Isrc. */
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct gold {
    char doc[128];
    int direct;
    long cs, ce;            /* content, characters */
    long ss[4], se[4];      /* source spans */
    int nsrc;
    char content[200], source[120];
} gold;

static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = 0;
            f[n++] = p + 1;
        }
    return n;
}

static void parse_spans(gold *g, const char *s)
{
    g->nsrc = 0;
    while (*s && g->nsrc < 4) {
        char *e;
        long a = strtol(s, &e, 10);
        if (e == s || *e != '-')
            break;
        long b = strtol(e + 1, &e, 10);
        g->ss[g->nsrc] = a;
        g->se[g->nsrc] = b;
        g->nsrc++;
        while (*e == ';' || *e == ',' || *e == ' ')
            e++;
        s = e;
    }
}

/* Decode one UTF-8 code point at s[*i], advancing *i. */
static long utf8_next(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    long cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && *i + (size_t)k < len; k++)
        cp = (cp << 6) | ((unsigned char)s[*i + (size_t)k] & 0x3F);
    *i += (size_t)n;
    return cp;
}

/* The -s check: returns 1 when every direct quotation has its name. */
static int check_sample(dyad_ctx *ctx, dyad_doc *d, char *spec, int verbose)
{
    char *file = spec, *date = strchr(spec, ':'), *names;
    if (!date || !(names = strchr(date + 1, ':'))) {
        fprintf(stderr, "quotes_eval: -s wants FILE:DATE:NAME,NAME...\n");
        return 0;
    }
    *date++ = 0;
    *names++ = 0;
    size_t len;
    char *txt = dy_read_file(file, &len);
    if (!txt) {
        printf("  sample                SKIP (%s not found)\n", file);
        return 1;
    }
    if (dyad_code(ctx, d, txt, len, date) != DYAD_OK) {
        dy_free(txt);
        return 0;
    }
    size_t want = 1, ok = 0, k = 0;
    for (char *p = names; *p; p++)
        want += *p == ',';
    char *save = NULL, *name = strtok_r(names, ",", &save);
    for (size_t q = 0; q < d->nq; q++) {
        if (!d->q[q].direct)
            continue;
        int good = 0;
        char who[200] = "-";
        if (name && d->q[q].speaker >= 0) {
            const dy_mention *m = &d->men[d->q[q].speaker];
            size_t a = d->t.tok[m->first].start, b = d->t.tok[m->end - 1].end;
            snprintf(who, sizeof who, "%.*s", (int)(b - a), d->text + a);
            good = strstr(who, name) != NULL;
            if (m->ref >= 0) {
                const dy_mention *r = &d->men[m->ref];
                a = d->t.tok[r->first].start;
                b = d->t.tok[r->end - 1].end;
                char rt[120];
                snprintf(rt, sizeof rt, "%.*s", (int)(b - a), d->text + a);
                good |= strstr(rt, name) != NULL;
            }
        }
        ok += good;
        if (verbose || !good)
            printf("  sample quote %zu: want %s, got %s%s\n", ++k, name ? name : "(none)", who,
                   good ? "" : "  <- wrong");
        else
            k++;
        name = strtok_r(NULL, ",", &save);
    }
    printf("  sample                %zu/%zu direct quotations with the right speaker (%zu found)\n", ok,
           want, k);
    dy_free(txt);
    return ok == want && k == want;
}

static long overlap(long a, long b, long c, long d)
{
    long lo = a > c ? a : c, hi = b < d ? b : d;
    return hi > lo ? hi - lo : 0;
}

int main(int argc, char **argv)
{
    int verbose = 0;
    const char *data = NULL, *dir = NULL;
    char *sample = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            sample = argv[++i];
        else if (!strcmp(argv[i], "-d") && i + 1 < argc)
            data = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: quotes_eval [-v] [-d DATA_DIR] [-s FILE:DATE:NAMES] POLNEAR_DIR\n");
            return 2;
        } else
            dir = argv[i];
    }
    if (!dir) {
        fprintf(stderr, "usage: quotes_eval [-v] [-d DATA_DIR] POLNEAR_DIR\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/attributions.tsv", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "quotes_eval: cannot read %s\n", path);
        return 1;
    }
    gold *g = NULL;
    size_t ng = 0, gcap = 0;
    char line[65536];
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (first) {
            first = 0;
            continue;
        }
        char *fl[10];
        if (split_tabs(line, fl, 10) < 10)
            continue;
        if (DY_GROW(g, gcap, ng + 1))
            return 1;
        gold *x = &g[ng++];
        memset(x, 0, sizeof *x);
        snprintf(x->doc, sizeof x->doc, "%s", fl[0]);
        x->direct = atoi(fl[3]);
        x->cs = atol(fl[4]);
        x->ce = atol(fl[5]);
        snprintf(x->content, sizeof x->content, "%s", fl[6]);
        snprintf(x->source, sizeof x->source, "%s", fl[7]);
        parse_spans(x, fl[8]);
    }
    fclose(f);

    dyad_ctx *ctx;
    char err[512];
    if (dyad_ctx_new(data, &ctx, err, sizeof err)) {
        fprintf(stderr, "quotes_eval: %s\n", err);
        return 1;
    }
    dyad_doc *d = dyad_doc_new();
    long cp_cap = 0;
    long *cp = NULL;        /* byte offset -> character offset */
    size_t n_dir = 0, dir_found = 0, dir_cov = 0, dir_src = 0, dir_right = 0, dir_found_src = 0;
    size_t n_ind = 0, ind_found = 0, ind_src = 0, ind_right = 0;
    size_t pred_dir = 0, pred_dir_ok = 0, docs = 0, bytes = 0;
    double secs = 0;
    for (size_t i = 0; i < ng;) {
        size_t j = i;
        while (j < ng && !strcmp(g[j].doc, g[i].doc))
            j++;
        snprintf(path, sizeof path, "%s/text/%s.txt", dir, g[i].doc);
        size_t len;
        char *txt = dy_read_file(path, &len);
        if (!txt) {
            fprintf(stderr, "quotes_eval: cannot read %s\n", path);
            i = j;
            continue;
        }
        /* the date is the second field of the name: publisher_YYYY-MM-DD_slug */
        char date[11] = "";
        const char *us = strchr(g[i].doc, '_');
        if (us && strlen(us) > 11) {
            memcpy(date, us + 1, 10);
            date[10] = 0;
        }
        clock_t t0 = clock();
        if (dyad_code(ctx, d, txt, len, date[0] ? date : NULL) != DYAD_OK) {
            fprintf(stderr, "quotes_eval: %s: %s\n", g[i].doc, dyad_strerror(d->err));
            dy_free(txt);
            i = j;
            continue;
        }
        secs += (double)(clock() - t0) / CLOCKS_PER_SEC;
        docs++;
        bytes += len;
        if ((long)len + 1 > cp_cap) {
            cp_cap = (long)len + 1;
            cp = realloc(cp, (size_t)cp_cap * sizeof *cp);
            if (!cp)
                return 1;
        }
        long c = 0;
        for (size_t b = 0; b <= len; b++) {
            cp[b] = c;
            if (b < len && ((unsigned char)txt[b] & 0xC0) != 0x80)
                c++;
        }
        /* per character: its code point and whether a predicted direct
         * quotation covers it */
        long nch = c;
        long *chr = calloc((size_t)nch + 1, sizeof *chr);
        unsigned char *cov = calloc((size_t)nch + 1, 1);
        if (!chr || !cov)
            return 1;
        for (size_t b = 0, k = 0; b < len && (long)k < nch; k++)
            chr[k] = utf8_next(txt, len, &b);
        for (size_t q = 0; q < d->nq; q++)
            if (d->q[q].direct)
                for (long k = cp[d->q[q].start]; k < cp[d->q[q].end]; k++)
                    cov[k] = 1;
        /* the character ranges of the predicted quotations and speakers */
        for (size_t q = 0; q < d->nq; q++) {
            if (!d->q[q].direct)
                continue;
            pred_dir++;
            long a = cp[d->q[q].start], b = cp[d->q[q].end];
            for (size_t k = i; k < j; k++)
                if (overlap(a, b, g[k].cs, g[k].ce)) {
                    pred_dir_ok++;
                    break;
                }
        }
        for (size_t k = i; k < j; k++) {
            gold *x = &g[k];
            long best = 0, bestq = -1;
            for (size_t q = 0; q < d->nq; q++) {
                if (x->direct && !d->q[q].direct)
                    continue;
                long a = cp[d->q[q].start], b = cp[d->q[q].end];
                long ov = overlap(a, b, x->cs, x->ce);
                if (ov > best) {
                    best = ov;
                    bestq = (long)q;
                }
            }
            int right = 0;
            const char *spk = "-";
            char spkbuf[160];
            if (bestq >= 0 && d->q[bestq].speaker >= 0) {
                const dy_mention *m = &d->men[d->q[bestq].speaker];
                long a = cp[d->t.tok[m->first].start], b = cp[d->t.tok[m->end - 1].end];
                for (int s = 0; s < x->nsrc; s++)
                    if (overlap(a, b, x->ss[s], x->se[s]))
                        right = 1;
                snprintf(spkbuf, sizeof spkbuf, "%.*s",
                         (int)(d->t.tok[m->end - 1].end - d->t.tok[m->first].start),
                         d->text + d->t.tok[m->first].start);
                spk = spkbuf;
            }
            if (x->direct) {
                n_dir++;
                dir_found += bestq >= 0;
                /* the characters between the gold span's quotation marks
                 * (all of it when it has none) */
                long quoted = 0, hit = 0, inside = 0, marks = 0;
                for (long c2 = x->cs; c2 < x->ce && c2 < nch; c2++)
                    if (chr[c2] == '"' || chr[c2] == 0x201C || chr[c2] == 0x201D)
                        marks++;
                for (long c2 = x->cs; c2 < x->ce && c2 < nch; c2++) {
                    long ch = chr[c2];
                    if (ch == 0x201C || (ch == '"' && !inside)) {
                        inside = 1;
                        continue;
                    }
                    if (ch == 0x201D || ch == '"') {
                        inside = 0;
                        continue;
                    }
                    if ((inside || !marks) && ch != ' ' && ch != '\n') {
                        quoted++;
                        hit += cov[c2];
                    }
                }
                dir_cov += quoted && hit * 2 >= quoted;
                if (x->nsrc) {
                    dir_src++;
                    dir_right += right;
                    dir_found_src += bestq >= 0;
                }
            } else {
                n_ind++;
                ind_found += bestq >= 0;
                if (x->nsrc) {
                    ind_src++;
                    ind_right += right;
                }
            }
            if (verbose && x->direct && (bestq < 0 || (x->nsrc && !right)))
                printf("%s %s | %.90s | gold: %s | ours: %s\n", bestq < 0 ? "MISS" : "SPKR", x->doc,
                       x->content, x->source, spk);
        }
        free(chr);
        free(cov);
        dy_free(txt);
        i = j;
    }
#define PCT(a, b) ((b) ? (double)(a) / (double)(b) : 0.0)
    printf("quotes on PolNeAR (%zu articles, %zu gold attributions)\n", docs, ng);
    printf("  direct found          %.3f  (%zu/%zu)\n", PCT(dir_found, n_dir), dir_found, n_dir);
    printf("  direct covered >=1/2  %.3f  (%zu/%zu)\n", PCT(dir_cov, n_dir), dir_cov, n_dir);
    printf("  right speaker         %.3f  (%zu/%zu gold direct quotes with a source)\n",
           PCT(dir_right, dir_src), dir_right, dir_src);
    printf("  right speaker, found  %.3f  (%zu/%zu)\n", PCT(dir_right, dir_found_src), dir_right,
           dir_found_src);
    printf("  indirect found        %.3f  (%zu/%zu)\n", PCT(ind_found, n_ind), ind_found, n_ind);
    printf("  indirect speaker      %.3f  (%zu/%zu)\n", PCT(ind_right, ind_src), ind_right, ind_src);
    printf("  direct precision >=   %.3f  (%zu/%zu predicted direct quotes overlap gold)\n",
           PCT(pred_dir_ok, pred_dir), pred_dir_ok, pred_dir);
    printf("  speed                 %.0f KB/s (%zu bytes, whole pipeline)\n",
           secs > 0 ? (double)bytes / 1024.0 / secs : 0.0, bytes);
    if (sample)
        check_sample(ctx, d, sample, verbose);
    free(cp);
    dy_free(g);
    dyad_doc_free(d);
    dyad_ctx_free(ctx);
    return 0;
}
