/* places.c - place mentions resolved by the gazetteer (gaz.h), and the place
 * of each event.
 *
 * dy_places_find reads the tokens, tags and actor mentions of a document and
 * fills doc->pl. A mention is the longest run of up to six words, starting
 * with a capitalised one, whose normalised form is a gazetteer name ("Kyiv",
 * "Rostov-on-Don", "Donetsk region", "The Hague"). It is kept when its context
 * says place: a locative preposition ("in Kyiv", "near the town of X"), a
 * place noun ("the outpost of Vuhledar"), a direction ("in southern Lebanon",
 * "in Ukraine's east": a region of the country), a list after a place ("in
 * Kyiv and Kharkiv"), a following place ("Kramatorsk, Ukraine"); or, with no
 * such context, when it is a well-known city (or a town of a country the
 * document's actors belong to) standing on its own - not part of a longer
 * name and not an actor mention ("Kyiv said" is a government, not a place).
 * Each mention's candidates are scored by kind and population, by the
 * countries of the document's actors and by the countries of the other
 * places of the document.
 *
 * dy_places_assign ties each event to the place of its clause, else to the
 * most specific place of its sentence. One scratch allocation per document;
 * nothing is allocated per token. */
#include "../core/internal.h"
#include "gaz.h"

#include <math.h>
#include <stdio.h>

enum { MAX_SPAN = 6, MAX_ACT = 32 };

/* Direction words: adjective before ("eastern Ukraine") or noun after
 * ("Ukraine's east"), with the shift they give. */
typedef struct dir_word {
    const char *adj, *noun, *label;
    int dlat, dlon;             /* -1, 0, 1 */
} dir_word;
static const dir_word dirs[] = {
    {"eastern", "east", "eastern", 0, 1},
    {"western", "west", "western", 0, -1},
    {"northern", "north", "northern", 1, 0},
    {"southern", "south", "southern", -1, 0},
    {"northeastern", "northeast", "northeastern", 1, 1},
    {"north-eastern", "north-east", "northeastern", 1, 1},
    {"northwestern", "northwest", "northwestern", 1, -1},
    {"north-western", "north-west", "northwestern", 1, -1},
    {"southeastern", "southeast", "southeastern", -1, 1},
    {"south-eastern", "south-east", "southeastern", -1, 1},
    {"southwestern", "southwest", "southwestern", -1, -1},
    {"south-western", "south-west", "southwestern", -1, -1},
    {"central", "centre", "central", 0, 0},
    {NULL, NULL, NULL, 0, 0}};

/* Prepositions after which a name is a place: strong ones hold for
 * countries too; the weak ones ("aid to Ukraine", "pressure on Russia")
 * only for cities, subdivisions and regions. */
static const char *preps_strong[] = {"in", "inside", "into", "across", "throughout", "within",
                                     "near", "around", "outside", "at", "over", "above",
                                     "nearby", "beyond", "entered", "visited", "visiting",
                                     "visit", "visits", "across", NULL};
static const char *preps_weak[] = {"to", "from", "toward", "towards", "through", "via", "off",
                                   "along", "past", "outskirts", NULL};
/* Prepositions that also take actors ("supporter of Kyiv", "pressure on
 * Russia"): a place only when the name is not an actor mention. */
static const char *preps_other[] = {"on", "of", "for", "by", "between", "under", "against",
                                    NULL};
/* Verbs whose object is a place when it names a town ("captured Lysychansk",
 * "controlled Sanaa"), and verbs of movement before a preposition ("marched
 * on Islamabad"), by lemma. */
static const char *place_verbs[] = {"capture", "seize", "retake", "recapture", "liberate",
                                    "shell", "bomb", "besiege", "encircle", "storm", "enter",
                                    "reach", "evacuate", "flee", "raid", "occupy", "control",
                                    "surround", "overrun", "bombard", "leave", "hold", NULL};
static const char *motion_verbs[] = {"march", "advance", "move", "push", "converge", "close",
                                     "head", "travel", "fly", "drive", "return", "arrive",
                                     "retreat", "withdraw", NULL};
/* Nouns that make "the N of X" a place. */
static const char *place_nouns[] = {
    "town", "city", "village", "outpost", "settlement", "region", "province", "district",
    "capital", "port", "suburb", "suburbs", "hamlet", "area", "oblast", "state", "island",
    "county", "municipality", "hub", "stronghold", "enclave", "governorate", "republic",
    "neighbourhood", "neighborhood", "outskirts", "centre", "center", "streets", "heart",
    "seaport", "cities", "towns", "villages", "regions", "frontline", "front-line", "base",
    "coast", "border", "south", "north", "east", "west", "part", "parts", "areas", "most",
    "much", "rest", "all", NULL};

static int tok_eq(const dy_text *t, uint32_t k, const char *s)
{
    return k < t->ntok && dy_tok_is(t, &t->tok[k], s);
}

/* Words of a water's name ("Gulf of Guinea", "the Red Sea"). */
static const char *const water_words[] = {"gulf", "sea", "bay", "strait", "straits", "ocean",
                                          "channel", "lake", NULL};

int dy_water_name_at(const dyad_doc *doc, uint32_t i)
{
    return tok_eq(&doc->t, i + 1, "of") && dy_tok_in(&doc->t, i, water_words);
}

/* Is the lemma of token k in list? */
static int lemma_in(const struct dyad_ctx *ctx, const dy_text *t, int64_t k, const char *const *list)
{
    if (k < 0 || (uint64_t)k >= t->ntok)
        return 0;
    const dy_tok *x = &t->tok[k];
    if (x->lemma)
        return dy_word_in_list(list, dy_intern_str(&ctx->words, x->lemma),
                       dy_intern_len(&ctx->words, x->lemma));
    return dy_word_in_list(list, t->norm + x->norm, x->nlen);
}

static int dir_adj(const dy_text *t, uint32_t k)
{
    for (int i = 0; dirs[i].adj; i++)
        if (tok_eq(t, k, dirs[i].adj))
            return i;
    return -1;
}
static int dir_noun(const dy_text *t, uint32_t k)
{
    for (int i = 0; dirs[i].adj; i++)
        if (tok_eq(t, k, dirs[i].noun))
            return i;
    return -1;
}

static int is_word(const dy_tok *k)
{
    return k->kind == TK_WORD || k->kind == TK_ABBR;
}

/* A mention found, before its candidate is chosen. */
typedef struct pmen {
    uint32_t first, end;        /* tokens of the mention (direction words included) */
    uint32_t nfirst, nend;      /* tokens of the name */
    uint32_t sent;
    const uint32_t *cand;       /* count, then place indexes */
    int dir;                    /* direction index or -1 */
    int next;                   /* mention after ", " ("Kramatorsk, Ukraine"), -1 */
    int best;                   /* chosen place, -1 */
    double margin;
} pmen;

typedef struct scratch {
    pmen *m;
    size_t n, cap;
    uint8_t *cov;               /* per token: 1 actor mention, 2 person; | 4 in
                                   a place mention (after the search) */
    size_t cov_cap;
    int act[MAX_ACT];           /* countries of the actors */
    int nact;
    int *plc;                   /* countries of resolved places */
    size_t nplc, plc_cap;
} scratch;

static const dy_gaz *G(const struct dyad_ctx *ctx)
{
    return ctx ? (const dy_gaz *)ctx->gaz : NULL;
}

/* The candidates of the longest gazetteer name starting at token i (within
 * the sentence ending at send); *end gets its end. The key grows a word at a
 * time while the index says a longer name starts with it. */
static const uint32_t *longest(const dy_gaz *g, const dy_text *t, uint32_t i, uint32_t send,
                               uint32_t *end)
{
    char key[GAZ_MAX_KEY], w[GAZ_MAX_KEY];
    size_t n = 0;
    const uint32_t *best = NULL;
    for (uint32_t j = i; j < send && j < t->ntok && j - i < MAX_SPAN; j++) {
        const dy_tok *b = &t->tok[j];
        if (!is_word(b) || (j > i && (b->flags & TF_NEWLINE)))
            break;
        size_t wn = dy_gaz_norm(t->src + b->start, b->end - b->start, w, sizeof w);
        if (!wn || n + 1 + wn >= sizeof key)
            break;
        if (n)
            key[n++] = ' ';
        memcpy(key + n, w, wn);
        n += wn;
        key[n] = 0;
        int prefix = 0;
        const uint32_t *c = dy_gaz_lookup(g, key, n, &prefix);
        /* do not end on "of", "de" ... */
        if (c && c[0] && (j == i || (b->flags & TF_CAP) || b->nlen >= 3)) {
            best = c;
            *end = j + 1;
        }
        if (!prefix)
            break;
    }
    return best;
}

static int add_country(int *arr, int *n, int max, int c)
{
    for (int i = 0; i < *n; i++)
        if (arr[i] == c)
            return 0;
    if (*n < max)
        arr[(*n)++] = c;
    return 0;
}

static int has_act(const scratch *s, int c)
{
    for (int i = 0; i < s->nact; i++)
        if (s->act[i] == c)
            return 1;
    return 0;
}

static int has_plc(const scratch *s, int c)
{
    for (size_t i = 0; i < s->nplc; i++)
        if (s->plc[i] == c)
            return 1;
    return 0;
}

static double base_score(const gaz_place *p)
{
    switch (p->feature) {
    case GF_COUNTRY: return 8;
    case GF_REGION: return 7;
    case GF_ADM1: return 5.5;
    case GF_ADM2: return 4.5;
    default: return log10(p->pop > 1000 ? (double)p->pop : 1000.0);
    }
}

static double km(double la1, double lo1, double la2, double lo2)
{
    double r = M_PI / 180, a = sin((la2 - la1) * r / 2), b = sin((lo2 - lo1) * r / 2);
    double h = a * a + cos(la1 * r) * cos(la2 * r) * b * b;
    return 2 * 6371.0 * asin(sqrt(h));
}

/* Is there, among the candidates of one name, a city of subdivision a's
 * country lying in it (same code, or near its point, or a has no point of
 * its own)? Then the bare name means the city, its seat. */
static int seat_among(const dy_gaz *g, const uint32_t *cand, const gaz_place *a)
{
    const char *code = dy_gaz_str(g, a->adm1);
    for (uint32_t j = 1; j <= cand[0]; j++) {
        const gaz_place *c = &g->pl[cand[j] & ~GAZ_WEAK];
        if (c->feature != GF_CITY || c->country != a->country)
            continue;
        if ((*code && !strcmp(dy_gaz_str(g, c->adm1), code)) || (a->flags & GP_ROUGH) ||
            km(a->lat, a->lon, c->lat, c->lon) < 60)
            return 1;
    }
    return 0;
}

/* Choose the candidate of mention m. pass 0: actors only; 1: places too. */
static void choose(const dy_gaz *g, scratch *s, pmen *m, int pass)
{
    double best = -1e9, second = -1e9;
    int bi = -1;
    const pmen *nx = m->next >= 0 ? &s->m[m->next] : NULL;
    const gaz_place *np = nx && nx->best >= 0 ? &g->pl[nx->best] : NULL;
    for (uint32_t j = 1; j <= m->cand[0]; j++) {
        uint32_t v = m->cand[j], pi = v & ~GAZ_WEAK;
        const gaz_place *p = &g->pl[pi];
        if (m->dir >= 0 && p->feature == GF_CITY)
            continue;           /* "southern Lebanon": a country or a region */
        if ((p->feature == GF_ADM1 || p->feature == GF_ADM2) && m->dir < 0 &&
            seat_among(g, m->cand, p))
            continue;           /* "Jenin": the town, not the governorate */
        double sc = base_score(p) - ((v & GAZ_WEAK) ? 1 : 0) + ((p->flags & GP_CURATED) ? 0.5 : 0);
        int a = has_act(s, p->country), q = pass && has_plc(s, p->country);
        if (a && q)
            sc += 2;
        else if (a)
            sc += 1;
        else if (q)
            sc += 1.5;
        if (np && np->country == p->country && p->feature != GF_COUNTRY)
            sc += 4 + (np->adm1 && p->adm1 && !strcmp(dy_gaz_str(g, np->adm1), dy_gaz_str(g, p->adm1)) &&
                       np->feature != GF_COUNTRY ? 1 : 0);
        if (sc > best) {
            second = best;
            best = sc;
            bi = (int)pi;
        } else if (sc > second)
            second = sc;
    }
    m->best = bi;
    m->margin = best - second;
}

static const char *feature_name(int f)
{
    switch (f) {
    case GF_COUNTRY: return "country";
    case GF_ADM1: return "adm1";
    case GF_ADM2: return "adm2";
    case GF_REGION: return "region";
    default: return "city";
    }
}

/* snprintf(dst, cap, "%s", src) without printf: cut at cap - 1 bytes. */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strnlen(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* Fill one dy_place from a chosen mention. */
static void fill(const dy_gaz *g, const pmen *m, dy_place *out)
{
    const gaz_place *p = &g->pl[m->best];
    const gaz_country *c = &g->co[p->country];
    memset(out, 0, sizeof *out);
    out->first = m->first;
    out->end = m->end;
    out->sent = m->sent;
    copy_str(out->country, sizeof out->country, c->a3);
    copy_str(out->adm1, sizeof out->adm1, dy_gaz_str(g, p->adm1));
    copy_str(out->feature, sizeof out->feature, feature_name(p->feature));
    out->lat = p->lat;
    out->lon = p->lon;
    const char *name = dy_gaz_str(g, p->name);
    if (m->dir >= 0) {
        const dir_word *d = &dirs[m->dir];
        snprintf(out->name, sizeof out->name, "%s %s", d->label, name);
        snprintf(out->feature, sizeof out->feature, "region");
        if (p->feature == GF_COUNTRY && c->lat1 > c->lat0 && c->lon1 > c->lon0) {
            if (d->dlat > 0)
                out->lat += 0.75 * (c->lat1 - out->lat);
            else if (d->dlat < 0)
                out->lat -= 0.75 * (out->lat - c->lat0);
            if (d->dlon > 0)
                out->lon += 0.75 * (c->lon1 - out->lon);
            else if (d->dlon < 0)
                out->lon -= 0.75 * (out->lon - c->lon0);
        }
    } else {
        /* cut at a character boundary */
        size_t n = strlen(name);
        if (n >= sizeof out->name) {
            n = sizeof out->name - 1;
            while (n && ((unsigned char)name[n] & 0xC0) == 0x80)
                n--;
        }
        memcpy(out->name, name, n);
        out->name[n] = 0;
    }
}

/* Does a candidate lie in a country of the actors? (a town of the
 * document's own countries may stand without a preposition) */
static int in_actor_country(const dy_gaz *g, const scratch *s, const uint32_t *c)
{
    for (uint32_t j = 1; j <= c[0]; j++)
        if (has_act(s, g->pl[c[j] & ~GAZ_WEAK].country))
            return 1;
    return 0;
}

/* The decision for one span [i, e) of sentence sn. Returns 1 to keep it and
 * fills *m. */
static int judge(const struct dyad_ctx *ctx, const dyad_doc *doc, scratch *s, uint32_t i,
                 uint32_t e, const uint32_t *cand, const dy_sent *sn, uint32_t sidx, pmen *m)
{
    const dy_gaz *g = G(ctx);
    const dy_text *t = &doc->t;
    uint32_t sfirst = sn->first, send = sn->first + sn->ntok;
    memset(m, 0, sizeof *m);
    m->first = m->nfirst = i;
    m->end = m->nend = e;
    m->sent = sidx;
    m->cand = cand;
    m->dir = -1;
    m->next = -1;
    m->best = -1;
    /* "Gulf of Guinea", "Sea of Japan": a water's name, not the place "Gulf"
     * (a province of Papua New Guinea) */
    if (e == i + 1 && e < send && dy_water_name_at(doc, i))
        return 0;
    int strong = 0, weak = 0, other = 0;
    /* look left: [the] [direction] [the] PREP, or PLACE-NOUN of */
    int64_t p = (int64_t)i - 1;
    if (p >= sfirst && tok_eq(t, (uint32_t)p, "the"))
        p--;
    if (p >= sfirst) {
        int d = dir_adj(t, (uint32_t)p);
        if (d >= 0) {
            m->dir = d;
            m->first = (uint32_t)p;
            p--;
            if (p >= sfirst && tok_eq(t, (uint32_t)p, "the"))
                p--;
        }
    }
    if (p >= sfirst) {
        uint32_t q = (uint32_t)p;
        if (tok_eq(t, q, "of") && q > sfirst) {
            /* "the (strategic) outpost of X": the noun may follow adjectives */
            if (dy_tok_in(t, q - 1, place_nouns))
                strong = 1;
            else
                other = 1;
        } else if (dy_tok_in(t, q, preps_strong))
            strong = 1;
        else if ((dy_tok_in(t, q, preps_weak) || dy_tok_in(t, q, preps_other)) &&
                 lemma_in(ctx, t, (int64_t)q - 1, motion_verbs))
            strong = 1;         /* "marched on Islamabad" */
        else if (dy_tok_in(t, q, preps_weak))
            weak = 1;
        else if (dy_tok_in(t, q, preps_other))
            other = 1;
        else if (lemma_in(ctx, t, q, place_verbs))
            weak = 1;           /* "captured Lysychansk" */
        else if (dy_tok_in(t, q, place_nouns) && !tok_eq(t, q, "state"))
            strong = 1;         /* "the capital Kyiv", "the port city Odesa" */
        else if ((tok_eq(t, q, "and") || tok_eq(t, q, "or") || t->tok[q].kind == TK_PUNCT) &&
                 s->n && s->m[s->n - 1].end == q && s->m[s->n - 1].sent == sidx)
            strong = 1;         /* "in Kyiv and Kharkiv" */
        else if (lemma_in(ctx, t, q, (const char *const[]){"visit", NULL}))
            strong = 1;
    }
    /* look right: "X's east" */
    if (e + 1 < send && t->tok[e].kind == TK_CLITIC && t->tok[e].nlen >= 2 &&
        t->norm[t->tok[e].norm + t->tok[e].nlen - 1] == 's') {
        int d = dir_noun(t, e + 1);
        if (d >= 0) {
            m->dir = d;
            m->end = e + 2;
            strong = 1;
        }
    }
    /* coverage by actor mentions: only when they cover the whole name (a
     * person "Abbas" inside "Bandar Abbas" does not count) */
    int actor = 1, person = 1;
    for (uint32_t k = i; k < e; k++) {
        if (s->cov[k] != 2)
            person = 0;
        if (!s->cov[k])
            actor = 0;
    }
    actor = actor && !person;
    if (person)
        return 0;
    /* what kinds the candidates are */
    int any_city = 0, any_area = 0, curated = 0;
    for (uint32_t j = 1; j <= cand[0]; j++) {
        const gaz_place *pl = &g->pl[cand[j] & ~GAZ_WEAK];
        if (pl->feature == GF_CITY) {
            any_city = 1;
            if ((pl->flags & GP_CURATED) && !(cand[j] & GAZ_WEAK))
                curated = 1;
        } else
            any_area = 1;
    }
    if (m->dir >= 0 && !any_area) {
        m->dir = -1;            /* "central Belgorod": the city itself */
        m->first = i;
        m->end = e;
        if (actor)
            return 1;           /* "eastern Beirut": a government has no east */
    }
    if (m->dir >= 0)
        return strong || !actor || m->first < i;
    if (strong)
        return 1;
    /* the first words of a longer actor name: "pressure from the Home
     * Affairs Committee" */
    int longer = e < send && (t->tok[e].flags & TF_CAP) && is_word(&t->tok[e]) && s->cov[e];
    if (weak && (any_city || !actor) && !longer)
        return 1;
    if (other && !actor)
        return 1;
    /* no context: a well-known name standing alone */
    if (actor)
        return 0;
    const dy_tok *a = &t->tok[i];
    int initial = i == sfirst || (t->tok[i - 1].kind == TK_QUOTE) ||
                  (t->tok[i - 1].kind == TK_PUNCT && tok_eq(t, i - 1, ":"));
    if (e - i == 1 && initial && a->tag != T_NNP && a->tag != T_NNPS)
        return 0;
    if (i > sfirst && (t->tok[i - 1].flags & TF_CAP) && is_word(&t->tok[i - 1]) && !initial)
        return 0;               /* the end of a longer name: "Mark Paris" */
    if (e < send && (t->tok[e].flags & TF_CAP) && is_word(&t->tok[e]))
        return 0;               /* the start of one: "Kyiv Independent" */
    if (e < send && t->tok[e].kind == TK_DASH)
        return 0;
    if (any_area && !any_city)
        return 1;
    if (curated)
        return 1;
    return !initial && in_actor_country(g, s, cand);
}

/* Comma context: "Kramatorsk, Ukraine" - link a mention to the next one. */
static void link_commas(const dyad_doc *doc, scratch *s)
{
    const dy_text *t = &doc->t;
    for (size_t k = 0; k + 1 < s->n; k++) {
        pmen *a = &s->m[k], *b = &s->m[k + 1];
        if (a->sent == b->sent && a->dir < 0 && b->nfirst == a->nend + 1 &&
            t->tok[a->nend].kind == TK_PUNCT && dy_tok_is(t, &t->tok[a->nend], ","))
            a->next = (int)(k + 1);
    }
}

/* The countries of the actor mentions; with skip, not those of mentions
 * overlapping a place mention ("Tripoli" coded LBYGOV must not pull the
 * place "Tripoli" to Libya). */
static void actor_countries(const dy_gaz *g, const dyad_doc *doc, scratch *s, int skip)
{
    s->nact = 0;
    for (size_t k = 0; k < doc->nmen; k++) {
        const dy_mention *mn = &doc->men[k];
        if (strlen(mn->code) < 3)
            continue;
        int over = 0;
        for (uint32_t j = mn->first; skip && j < mn->end && j < doc->t.ntok && !over; j++)
            over = (s->cov[j] & 4) != 0;
        if (over)
            continue;
        char a3[4] = {mn->code[0], mn->code[1], mn->code[2], 0};
        int c = dy_gaz_country(g, a3);
        if (c >= 0)
            add_country(s->act, &s->nact, MAX_ACT, c);
    }
}

int dy_places_find(const struct dyad_ctx *ctx, struct dyad_doc *doc)
{
    doc->npl = 0;
    const dy_gaz *g = G(ctx);
    const dy_text *t = &doc->t;
    if (!g || !t->ntok)
        return 0;
    scratch s;
    memset(&s, 0, sizeof s);
    int rc = -1;
    if (DY_GROW(s.cov, s.cov_cap, t->ntok))
        goto out;
    memset(s.cov, 0, t->ntok);
    for (size_t k = 0; k < doc->nmen; k++) {
        const dy_mention *mn = &doc->men[k];
        if (mn->flags & (AM_PRONOUN | AM_DESC))
            continue;
        uint8_t v = (mn->flags & AM_PERSON) ? 2 : (mn->code[0] || !(mn->flags & AM_NAME)) ? 1 : 0;
        for (uint32_t j = mn->first; j < mn->end && j < t->ntok; j++)
            if (v > s.cov[j])
                s.cov[j] = v;
    }
    actor_countries(g, doc, &s, 0);
    for (uint32_t si = 0; si < t->nsent; si++) {
        const dy_sent *sn = &t->sent[si];
        uint32_t send = sn->first + sn->ntok;
        for (uint32_t i = sn->first; i < send && i < t->ntok;) {
            const dy_tok *k = &t->tok[i];
            uint32_t e = 0;
            const uint32_t *c = NULL;
            if (is_word(k) && (k->flags & TF_CAP))
                c = longest(g, t, i, send, &e);
            if (!c) {
                i++;
                continue;
            }
            if (DY_GROW(s.m, s.cap, s.n + 1))
                goto out;
            if (judge(ctx, doc, &s, i, e, c, sn, si, &s.m[s.n])) {
                s.n++;
                i = s.m[s.n - 1].end;
            } else
                i++;
        }
    }
    link_commas(doc, &s);
    for (size_t k = 0; k < s.n; k++)    /* mark the place tokens */
        for (uint32_t j = s.m[k].first; j < s.m[k].end && j < t->ntok; j++)
            s.cov[j] |= 4;
    actor_countries(g, doc, &s, 1);
    /* pass 0: the actors' countries; the clear winners give the document's
     * place countries; pass 1 with both (the later mention first, so that
     * "Kramatorsk, Ukraine" sees Ukraine chosen) */
    for (size_t k = s.n; k-- > 0;)
        choose(g, &s, &s.m[k], 0);
    for (size_t k = 0; k < s.n; k++) {
        const pmen *m = &s.m[k];
        if (m->best >= 0 && (m->cand[0] == 1 || m->margin >= 1.5)) {
            int c = g->pl[m->best].country, dup = 0;
            for (size_t q = 0; q < s.nplc; q++)
                dup |= s.plc[q] == c;
            if (!dup) {
                if (DY_GROW(s.plc, s.plc_cap, s.nplc + 1))
                    goto out;
                s.plc[s.nplc++] = c;
            }
        }
    }
    for (size_t k = s.n; k-- > 0;)
        choose(g, &s, &s.m[k], 1);
    size_t n = 0;
    for (size_t k = 0; k < s.n; k++)
        n += s.m[k].best >= 0;
    if (DY_GROW(doc->pl, doc->pl_cap, n ? n : 1))
        goto out;
    for (size_t k = 0; k < s.n; k++)
        if (s.m[k].best >= 0)
            fill(g, &s.m[k], &doc->pl[doc->npl++]);
    rc = 0;
out:
    dy_free(s.m);
    dy_free(s.cov);
    dy_free(s.plc);
    return rc;
}

static int specificity(const dy_place *p)
{
    if (!strcmp(p->feature, "city"))
        return 5;
    if (!strcmp(p->feature, "adm2"))
        return 4;
    if (!strcmp(p->feature, "adm1"))
        return 3;
    if (!strcmp(p->feature, "region"))
        return 2;
    return 1;
}

void dy_places_assign(const struct dyad_ctx *ctx, struct dyad_doc *doc)
{
    (void)ctx;
    const dy_text *t = &doc->t;
    for (size_t i = 0; i < doc->nev; i++) {
        dy_event *e = &doc->ev[i];
        e->place = -1;
        if (e->sent >= t->nsent)
            continue;
        const dy_sent *sn = &t->sent[e->sent];
        uint32_t send = sn->first + sn->ntok;
        /* the clause after the trigger: up to the next verb */
        uint32_t stop = e->trig_end;
        while (stop < send && stop < t->ntok && !dy_tag_is_verb(t->tok[stop].tag))
            stop++;
        int best = -1, bs = -1;
        uint32_t bd = UINT32_MAX;
        for (size_t k = 0; k < doc->npl; k++) {
            const dy_place *p = &doc->pl[k];
            if (p->sent != e->sent)
                continue;
            if (p->first >= e->trig_end && p->first < stop) {
                best = (int)k;  /* the first place of the clause */
                bs = 100;
                break;
            }
            int sp = specificity(p);
            uint32_t d = p->first >= e->trig_end ? p->first - e->trig_end
                         : e->trig_first > p->end ? e->trig_first - p->end : 0;
            if (sp > bs || (sp == bs && d < bd)) {
                best = (int)k;
                bs = sp;
                bd = d;
            }
        }
        e->place = best;
    }
}

/* Is the place a sea, gulf, strait, ocean or bay ("the Red Sea", "the
 * Strait of Hormuz")? Its waters are no state's actor. */
static int water_place(const struct dyad_doc *doc, const dy_place *p)
{
    /* (a lake lies in states: "Lake Victoria" keeps them) */
    for (uint32_t i = p->first; i < p->end; i++)
        if ((doc->t.tok[i].flags & TF_CAP) && dy_tok_in(&doc->t, i, water_words) &&
            !tok_eq(&doc->t, i, "lake"))
            return 1;
    return 0;
}

int dy_place_is_town(const struct dyad_doc *doc, const dy_place *p)
{
    return !strcmp(p->feature, "city") && !water_place(doc, p);
}

const char *dy_place_country_at(const struct dyad_doc *doc, uint32_t tok)
{
    /* places are in text order: binary search for the last one starting at
     * or before tok */
    size_t lo = 0, hi = doc->npl;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->pl[mid].first <= tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0;) {
        const dy_place *p = &doc->pl[k];
        if (tok >= p->first && tok < p->end && p->country[0]) {
            if (water_place(doc, p))
                return NULL;    /* "in the Red Sea": no state's */
            /* the state it was in on the document's date (Kapoeta in 1996:
             * Sudan) */
            return doc->ctx ? dy_actors_dated_state(&doc->ctx->act, p->country, doc->role_date)
                            : p->country;
        }
        if (p->end + 64 < tok)
            break;
    }
    return NULL;
}
