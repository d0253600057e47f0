/* places_eval.c - accuracy of the place stage (`make eval-places`).
 *
 *   places-eval FILE.tsv [DATA_DIR]
 *       FILE has lines "mention<TAB>lat<TAB>lon<TAB>ISO3<TAB>sentence" (see
 *       eval/places-200.tsv). Each sentence is coded on its own; a mention is
 *       a hit when a place found over it lies within 25 km of the true point.
 *       Prints every miss, then the share of hits, of right countries and of
 *       mentions found at all.
 *   places-eval --sample FILE DATE [DATA_DIR]
 *       The sample article of issue 6: every place found, then whether Kyiv
 *       and Vuhledar are within 10 km of their true points, Vuhledar in
 *       UA-14, and the place of the event triggered by "capturing".
 *
 * Uses the public API, plus two private calls until src/core does them: the
 * gazetteer is loaded when the context has none, and dy_places_assign runs
 * after dyad_code. Exit status 0, or 2 on a usage or load error. */
#include "core/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double km(double la1, double lo1, double la2, double lo2)
{
    double r = M_PI / 180, a = sin((la2 - la1) * r / 2), b = sin((lo2 - lo1) * r / 2);
    double h = a * a + cos(la1 * r) * cos(la2 * r) * b * b;
    return 2 * 6371.0 * asin(sqrt(h));
}

static dyad_ctx *open_ctx(const char *data)
{
    char err[512];
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_new(data, &ctx, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "places-eval: %s\n", err);
        return NULL;
    }
    if (!ctx->gaz && dy_gaz_load(ctx, err, sizeof err))
        fprintf(stderr, "places-eval: %s\n", err);
    return ctx;
}

/* The place overlapping [a, b) most. */
static long place_over(const dyad_doc *doc, size_t a, size_t b)
{
    long best = -1;
    size_t bo = 0;
    for (size_t i = 0; i < dyad_doc_place_count(doc); i++) {
        dyad_place_info p;
        dyad_doc_place(doc, i, &p);
        size_t s = p.start > a ? p.start : a, e = p.end < b ? p.end : b;
        if (e > s && e - s > bo) {
            bo = e - s;
            best = (long)i;
        }
    }
    return best;
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + len, 1, cap - len - 1, f)) > 0) {
        len += r;
        if (len + 1 >= cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            } else
                b = nb;
        }
    }
    fclose(f);
    if (b)
        b[len] = 0;
    *n = len;
    return b;
}

static int sample(const char *path, const char *date, const char *data)
{
    size_t n;
    char *text = read_all(path, &n);
    if (!text) {
        fprintf(stderr, "places-eval: cannot read %s\n", path);
        return 2;
    }
    dyad_ctx *ctx = open_ctx(data);
    if (!ctx)
        return 2;
    dyad_doc *doc = dyad_doc_new();
    if (dyad_code(ctx, doc, text, n, date) != DYAD_OK) {
        fprintf(stderr, "places-eval: dyad_code failed\n");
        return 2;
    }
    dy_places_assign(ctx, doc);
    struct {
        const char *name;
        double lat, lon;
        int seen, ok;
    } want[2] = {{"Kyiv", 50.4501, 30.5234, 0, 1}, {"Vuhledar", 47.7796, 37.2486, 0, 1}};
    int adm_ok = 1;
    printf("sample %s: %zu places\n", path, dyad_doc_place_count(doc));
    for (size_t i = 0; i < dyad_doc_place_count(doc); i++) {
        dyad_place_info p;
        dyad_doc_place(doc, i, &p);
        printf("  %-18.*s -> %s %s %s %s %.4f,%.4f\n", (int)(p.end - p.start), text + p.start,
               p.name, p.country, *p.adm1 ? p.adm1 : "-", p.feature, p.lat, p.lon);
        for (int w = 0; w < 2; w++)
            if ((size_t)(p.end - p.start) == strlen(want[w].name) &&
                !memcmp(text + p.start, want[w].name, p.end - p.start)) {
                double d = km(p.lat, p.lon, want[w].lat, want[w].lon);
                want[w].seen++;
                if (d > 10)
                    want[w].ok = 0;
                if (w == 1 && strcmp(p.adm1, "UA-14"))
                    adm_ok = 0;
            }
    }
    for (int w = 0; w < 2; w++)
        printf("%s %s: %d mentions resolved, %s within 10 km of %.4f,%.4f\n",
               want[w].seen && want[w].ok ? "PASS" : "FAIL", want[w].name, want[w].seen,
               want[w].ok ? "all" : "NOT all", want[w].lat, want[w].lon);
    printf("%s Vuhledar in Donetsk oblast (UA-14)\n", want[1].seen && adm_ok ? "PASS" : "FAIL");
    for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
        dyad_event_info e;
        if (dyad_doc_event(doc, i, &e) == DYAD_OK && e.trigger && !strcmp(e.trigger, "capturing"))
            printf("%s event %s \"capturing\" located at %s (%s)\n",
                   e.location && !strcmp(e.location, "Vuhledar") ? "PASS" : "FAIL", e.code,
                   e.location ? e.location : "-", e.loc_country ? e.loc_country : "-");
    }
    dyad_doc_free(doc);
    dy_gaz_free(ctx->gaz);     /* until dyad_ctx_free does it */
    ctx->gaz = NULL;
    dyad_ctx_free(ctx);
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "--sample"))
        return sample(argv[2], argv[3], argc > 4 ? argv[4] : NULL);
    if (argc < 2) {
        fprintf(stderr, "usage: places-eval FILE.tsv [DATA_DIR] | --sample FILE DATE [DATA_DIR]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        fprintf(stderr, "places-eval: cannot open %s\n", argv[1]);
        return 2;
    }
    dyad_ctx *ctx = open_ctx(argc > 2 ? argv[2] : NULL);
    if (!ctx)
        return 2;
    dyad_doc *doc = dyad_doc_new();
    char line[4096];
    int total = 0, hit = 0, found = 0, country = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\r\n")] = 0;
        char *col[5];
        int nc = 0;
        for (char *s = line; s && nc < 5;) {
            col[nc++] = s;
            s = strchr(s, '\t');
            if (s)
                *s++ = 0;
        }
        if (nc < 5)
            continue;
        double la = atof(col[1]), lo = atof(col[2]);
        const char *text = col[4], *m = strstr(text, col[0]);
        if (!m)
            continue;
        total++;
        if (dyad_code(ctx, doc, text, strlen(text), NULL) != DYAD_OK)
            continue;
        size_t a = (size_t)(m - text);
        long i = place_over(doc, a, a + strlen(col[0]));
        if (i < 0) {
            printf("MISS %-16s not found   | %s\n", col[0], text);
            continue;
        }
        found++;
        dyad_place_info p;
        dyad_doc_place(doc, (size_t)i, &p);
        double d = km(p.lat, p.lon, la, lo);
        country += !strcmp(p.country, col[3]);
        if (d <= 25)
            hit++;
        else
            printf("MISS %-16s %.0f km: %s %s %s %s | %s\n", col[0], d, p.name, p.country,
                   *p.adm1 ? p.adm1 : "-", p.feature, text);
    }
    fclose(f);
    printf("places: %d/%d within 25 km (%.3f); right country %d/%d (%.3f); found %d/%d (%.3f)\n",
           hit, total, total ? (double)hit / total : 0, country, total,
           total ? (double)country / total : 0, found, total, total ? (double)found / total : 0);
    dyad_doc_free(doc);
    dy_gaz_free(ctx->gaz);     /* until dyad_ctx_free does it */
    ctx->gaz = NULL;
    dyad_ctx_free(ctx);
    return 0;
}
