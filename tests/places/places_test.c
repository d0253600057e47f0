/* places_test.c - runs the place cases of tests/places/cases.txt (see the
 * head of that file) through libdyad and prints PASS/FAIL per case.
 *
 *   places-test CASES [DATA_DIR]     the cases; exit 1 if any failed
 *   places-test --count TEXT         prints the number of places of TEXT
 *
 * It uses the public API, plus two private calls while src/core wires the
 * place stage in: it loads the gazetteer into the context when the context
 * has none, and it runs dy_places_assign after dyad_code (both are no-ops
 * once dyad_ctx_new and dyad_code do it themselves). */
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
    dyad_err e = dyad_ctx_new(data, &ctx, err, sizeof err);
    if (e != DYAD_OK) {
        fprintf(stderr, "places-test: %s\n", err);
        return NULL;
    }
    if (!ctx->gaz)
        dy_gaz_load(ctx, err, sizeof err);
    return ctx;
}

static int code(const dyad_ctx *ctx, dyad_doc *doc, const char *text, const char *date)
{
    if (dyad_code(ctx, doc, text, strlen(text), date) != DYAD_OK)
        return -1;
    dy_places_assign(ctx, doc);
    return 0;
}

/* The place over the byte range of the first occurrence of s in the text. */
static long place_over(const dyad_doc *doc, const char *text, const char *s)
{
    const char *f = strstr(text, s);
    if (!f)
        return -2;
    size_t a = (size_t)(f - text), b = a + strlen(s);
    for (size_t i = 0; i < dyad_doc_place_count(doc); i++) {
        dyad_place_info p;
        dyad_doc_place(doc, i, &p);
        if (p.start < b && a < p.end)
            return (long)i;
    }
    return -1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

typedef struct tcase {
    char name[128];
    char text[4096];
    char date[16];
    char checks[32][256];
    int nchecks;
} tcase;

static void describe(const dyad_doc *doc, char *out, size_t n)
{
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < dyad_doc_place_count(doc) && o + 1 < n; i++) {
        dyad_place_info p;
        dyad_doc_place(doc, i, &p);
        int w = snprintf(out + o, n - o, "%s[%s %s %s %s %.3f,%.3f]", i ? " " : "", p.name,
                         p.country, *p.adm1 ? p.adm1 : "-", p.feature, p.lat, p.lon);
        if (w < 0)
            break;
        o += (size_t)w;
        if (o >= n)
            o = n - 1;
    }
}

/* Run one case: 0 pass, 1 fail (the reason printed). */
static int run_case(const dyad_ctx *ctx, dyad_doc *doc, const tcase *c)
{
    char why[1024] = "";
    if (code(ctx, doc, c->text, c->date[0] ? c->date : NULL)) {
        printf("FAIL places/%s: dyad_code failed\n", c->name);
        return 1;
    }
    for (int k = 0; k < c->nchecks && !why[0]; k++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", c->checks[k]);
        char *colon = strchr(buf, ':');
        if (!colon)
            continue;
        *colon = 0;
        char *kind = trim(buf), *arg = trim(colon + 1);
        char *arrow = strstr(arg, "=>");
        char *lhs = arg, *rhs = NULL;
        if (arrow) {
            *arrow = 0;
            lhs = trim(arg);
            rhs = trim(arrow + 2);
        }
        if (!strcmp(kind, "place")) {
            long i = place_over(doc, c->text, lhs);
            char iso[8] = "", adm[16] = "", feat[16] = "";
            double la = NAN, lo = NAN;
            if (!rhs || sscanf(rhs, "%7s %15s %15s %lf %lf", iso, adm, feat, &la, &lo) < 3) {
                snprintf(why, sizeof why, "bad check '%s'", c->checks[k]);
                break;
            }
            if (i < 0) {
                snprintf(why, sizeof why, "no place over '%s'", lhs);
                break;
            }
            dyad_place_info p;
            dyad_doc_place(doc, (size_t)i, &p);
            if (strcmp(p.country, iso) || (strcmp(adm, "*") && strcmp(p.adm1, strcmp(adm, "-") ? adm : "")) ||
                strcmp(p.feature, feat))
                snprintf(why, sizeof why, "'%s' is %s %s %s, want %s %s %s", lhs, p.country,
                         *p.adm1 ? p.adm1 : "-", p.feature, iso, adm, feat);
            else if (!isnan(lo) && km(p.lat, p.lon, la, lo) > 10)
                snprintf(why, sizeof why, "'%s' at %.3f,%.3f is %.0f km from %.3f,%.3f", lhs,
                         p.lat, p.lon, km(p.lat, p.lon, la, lo), la, lo);
        } else if (!strcmp(kind, "none")) {
            if (place_over(doc, c->text, lhs) >= 0)
                snprintf(why, sizeof why, "a place over '%s'", lhs);
        } else if (!strcmp(kind, "count")) {
            if (dyad_doc_place_count(doc) != (size_t)atoi(arg))
                snprintf(why, sizeof why, "%zu places, want %s", dyad_doc_place_count(doc), arg);
        } else if (!strcmp(kind, "event")) {
            /* the event whose trigger is lhs has its place over rhs */
            int found = 0;
            for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
                dyad_event_info e;
                dyad_event_links l;
                if (dyad_doc_event(doc, i, &e) || dyad_doc_event_links(doc, i, &l))
                    continue;
                if (!e.trigger || strcmp(e.trigger, lhs))
                    continue;
                found = 1;
                long want = rhs && strcmp(rhs, "-") ? place_over(doc, c->text, rhs) : -1;
                if (l.place != want)
                    snprintf(why, sizeof why, "event '%s' has place %ld, want %ld (%s)", lhs,
                             l.place, want, rhs ? rhs : "-");
                break;
            }
            if (!found)
                snprintf(why, sizeof why, "no event with trigger '%s'", lhs);
        } else if (!strcmp(kind, "country-at")) {
            const char *f = strstr(c->text, lhs);
            const char *got = NULL;
            if (f) {
                size_t a = (size_t)(f - c->text);
                for (uint32_t t = 0; t < doc->t.ntok; t++)
                    if (doc->t.tok[t].start == a)
                        got = dy_place_country_at(doc, t);
            }
            if (!got ? strcmp(rhs ? rhs : "-", "-") : strcmp(got, rhs ? rhs : ""))
                snprintf(why, sizeof why, "country at '%s' is %s, want %s", lhs,
                         got ? got : "-", rhs ? rhs : "-");
        } else
            snprintf(why, sizeof why, "unknown check '%s'", kind);
    }
    if (why[0]) {
        char d[2048];
        describe(doc, d, sizeof d);
        printf("FAIL places/%s: %s; places: %s\n", c->name, why, d);
        return 1;
    }
    printf("PASS places/%s\n", c->name);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "--count")) {
        dyad_ctx *ctx = open_ctx(argc > 3 ? argv[3] : NULL);
        if (!ctx)
            return 2;
        dyad_doc *doc = dyad_doc_new();
        if (code(ctx, doc, argv[2], NULL))
            return 2;
        char d[4096];
        describe(doc, d, sizeof d);
        printf("%zu %s\n", dyad_doc_place_count(doc), d);
        dyad_doc_free(doc);
        dy_gaz_free(ctx->gaz);     /* until dyad_ctx_free does it */
    ctx->gaz = NULL;
    dyad_ctx_free(ctx);
        return 0;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: places-test CASES [DATA_DIR] | --count TEXT [DATA_DIR]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        fprintf(stderr, "places-test: cannot open %s\n", argv[1]);
        return 2;
    }
    dyad_ctx *ctx = open_ctx(argc > 2 ? argv[2] : NULL);
    if (!ctx) {
        fclose(f);
        return 2;
    }
    dyad_doc *doc = dyad_doc_new();
    static tcase c;
    int have = 0, fails = 0, n = 0;
    char line[4096];
    for (;;) {
        char *l = fgets(line, sizeof line, f);
        char *s = l ? trim(l) : NULL;
        if (!l || !strncmp(s, "== ", 3)) {
            if (have) {
                fails += run_case(ctx, doc, &c);
                n++;
            }
            if (!l)
                break;
            memset(&c, 0, sizeof c);
            snprintf(c.name, sizeof c.name, "%s", trim(s + 3));
            have = 1;
            continue;
        }
        if (!*s || *s == '#' || !have)
            continue;
        if (!strncmp(s, "text:", 5)) {
            size_t o = strlen(c.text);
            snprintf(c.text + o, sizeof c.text - o, "%s%s", o ? "\n" : "", trim(s + 5));
        } else if (!strncmp(s, "date:", 5))
            snprintf(c.date, sizeof c.date, "%s", trim(s + 5));
        else if (c.nchecks < 32)
            snprintf(c.checks[c.nchecks++], sizeof c.checks[0], "%s", s);
    }
    fclose(f);
    dyad_doc_free(doc);
    dy_gaz_free(ctx->gaz);     /* until dyad_ctx_free does it */
    ctx->gaz = NULL;
    dyad_ctx_free(ctx);
    fflush(stdout);
    fprintf(stderr, "places-test: %d cases, %d failed\n", n, fails);
    return fails ? 1 : 0;
}
