/* export.c - events in the formats other tools read: GDELT 2.0 event table
 * rows (61 tab-separated columns in GDELT's order), PLOVER JSON records, a flat
 * CSV view, and a flat JSON object per event. Every format is written from one
 * flat row (dyad_event_row), built either from a coded document (here, with
 * the public accessors) or from the store (src/store/store.c), so `dyad code`
 * and `dyad query` write the same columns. */
#include "../core/internal.h"
#include "export.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

/* GDELT 2.0 event table columns, in file order (GDELT event codebook). */
static const char *const gdelt_cols[61] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
};

/* The flat CSV view: one line per event. */
static const char csv_header[] =
    "doc_id,index,event_id,day,date,sentence,code,root,quad_class,goldstein,"
    "source_code,source_text,target_code,target_text,trigger,trigger_start,trigger_end,"
    "negated,plover_event,plover_mode,plover_context,location,country,lat,lon,"
    "mentions,sources,articles,url\n";

static char gdelt_header[1024];
static pthread_once_t gdelt_header_once = PTHREAD_ONCE_INIT;
static void gdelt_header_init(void)
{
    size_t n = 0;
    for (int i = 0; i < 61; i++)
        n += (size_t)snprintf(gdelt_header + n, sizeof gdelt_header - n, "%s%s", gdelt_cols[i],
                              i < 60 ? "\t" : "\n");
}

const char *dyad_export_header(dyad_format fmt)
{
    if (fmt == DYAD_FMT_CSV)
        return csv_header;
    if (fmt != DYAD_FMT_GDELT)
        return NULL;
    pthread_once(&gdelt_header_once, gdelt_header_init);
    return gdelt_header;
}

static const char *nz(const char *s) { return s ? s : ""; }

/* ---- field writers ---- */

/* A TSV field: tabs and line breaks become spaces; upper-cased when asked. */
static int tsv(dy_buf *b, const char *s, int upper)
{
    for (s = nz(s); *s; s++) {
        char c = *s;
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        else if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (dy_buf_ch(b, c))
            return -1;
    }
    return 0;
}

static int csvn(dy_buf *b, const char *s, size_t n)
{
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote)
        return dy_buf_add(b, s, n);
    if (dy_buf_ch(b, '"'))
        return -1;
    for (size_t i = 0; i < n; i++)
        if ((s[i] == '"' && dy_buf_ch(b, '"')) || dy_buf_ch(b, s[i]))
            return -1;
    return dy_buf_ch(b, '"');
}
static int csv(dy_buf *b, const char *s) { return csvn(b, nz(s), strlen(nz(s))); }

static int jstrn(dy_buf *b, const char *s, size_t n)
{
    char *p = dyad_json_string(b->p, &b->len, &b->cap, s, n);
    if (!p)
        return -1;
    b->p = p;
    return 0;
}
/* A JSON string, or null for NULL (and for "" when empty_null). */
static int jstr(dy_buf *b, const char *s, int empty_null)
{
    if (!s || (empty_null && !*s))
        return dy_buf_str(b, "null");
    return jstrn(b, s, strlen(s));
}
static int jnum(dy_buf *b, double v)
{
    if (!isfinite(v))
        return dy_buf_str(b, "null");
    return dy_buf_printf(b, "%.6g", v);
}

/* ---- GDELT ---- */

static int gdelt_actor(dy_buf *b, const char *code, const char *text)
{
    ex_actor_parts p;
    ex_split_actor(code, &p);
    if (!*nz(code))
        text = "";
    return tsv(b, code, 0) || dy_buf_ch(b, '\t') || tsv(b, text, 1) || dy_buf_ch(b, '\t') ||
           dy_buf_printf(b, "%s\t%s\t\t%s\t%s\t%s\t%s\t%s\t", p.country, p.group, p.religion[0],
                         p.religion[1], p.type[0], p.type[1], p.type[2]);
}

/* GDELT's geographic resolution of a place. */
static int geo_type(const dyad_event_row *r)
{
    int us = r->loc_country && !strcmp(r->loc_country, "USA");
    const char *f = nz(r->loc_feature);
    if (!strcmp(f, "country") || !*f)
        return 1;
    if (!strcmp(f, "adm1") || !strcmp(f, "state") || !strcmp(f, "region"))
        return us ? 2 : 5;
    return us ? 3 : 4;
}

static int gdelt_row(dy_buf *b, const dyad_event_row *r)
{
    int y = 0, m = 0, d = 0;
    int has_day = sscanf(r->day, "%4d-%2d-%2d", &y, &m, &d) == 3;
    int rc = dy_buf_printf(b, "%lld\t", (long long)r->event_id);
    if (has_day)
        rc = rc || dy_buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y,
                                 y + (m * 30 + d) / 365.0);
    else
        rc = rc || dy_buf_str(b, "\t\t\t\t");
    rc = rc || gdelt_actor(b, r->source_code, r->source_text) ||
         gdelt_actor(b, r->target_code, r->target_text);
    const char *code = nz(r->code);
    char base[4] = {0}, root[3] = {0};
    memcpy(base, code, strlen(code) > 3 ? 3 : strlen(code));
    memcpy(root, code, strlen(code) > 2 ? 2 : strlen(code));
    rc = rc || dy_buf_printf(b, "%d\t", r->sentence == 0 ? 1 : 0) || tsv(b, code, 0) ||
         dy_buf_ch(b, '\t') || tsv(b, base, 0) || dy_buf_ch(b, '\t') ||
         tsv(b, *nz(r->root) ? r->root : root, 0) ||
         dy_buf_printf(b, "\t%d\t%g\t%lld\t%lld\t%lld\t0\t", r->quad_class,
                       isfinite(r->goldstein) ? r->goldstein : 0.0, (long long)r->mentions,
                       (long long)r->sources, (long long)r->articles);
    /* Actor1Geo and Actor2Geo: dyad does not place actors. */
    rc = rc || dy_buf_str(b, "0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t");
    if (r->location) {
        const char *fips = nz(ex_fips(r->loc_country));
        char adm1[16];
        const char *a1 = nz(r->loc_adm1);
        if (r->loc_country && !strcmp(r->loc_country, "USA") && !strncmp(a1, "US-", 3))
            snprintf(adm1, sizeof adm1, "US%s", a1 + 3);   /* GDELT writes US states so */
        else
            snprintf(adm1, sizeof adm1, "%s", fips);
        int t = geo_type(r);
        rc = rc || dy_buf_printf(b, "%d\t", t) || tsv(b, r->location, 0) ||
             dy_buf_printf(b, "\t%s\t%s\t\t", fips, adm1);
        if (isfinite(r->lat) && isfinite(r->lon))
            rc = rc || dy_buf_printf(b, "%.4f\t%.4f\t", r->lat, r->lon);
        else
            rc = rc || dy_buf_str(b, "\t\t");
        rc = rc || tsv(b, t == 1 ? fips : (t == 2 || t == 5) ? adm1 : "", 0) || dy_buf_ch(b, '\t');
    } else
        rc = rc || dy_buf_str(b, "0\t\t\t\t\t\t\t\t");
    rc = rc || tsv(b, r->added, 0) || dy_buf_ch(b, '\t') ||
         tsv(b, r->url && *r->url ? r->url : r->doc_id, 0) || dy_buf_ch(b, '\n');
    return rc;
}

/* ---- PLOVER ---- */

static int plover_actor(dy_buf *b, const char *code, const char *text)
{
    if (!*nz(code))
        return dy_buf_str(b, "[]");
    ex_actor_parts p;
    ex_split_actor(code, &p);
    char head[4] = {0};
    memcpy(head, code, strlen(code) >= 3 ? 3 : strlen(code));
    int rc = dy_buf_str(b, "[{\"code\":") || jstr(b, head, 0) || dy_buf_str(b, ",\"sector\":") ||
             jstr(b, p.type[0][0] && strcmp(p.type[0], head) ? p.type[0] : p.type[1], 1) ||
             dy_buf_str(b, ",\"entity_text\":") || jstr(b, text, 1) ||
             dy_buf_str(b, ",\"cameo\":") || jstr(b, code, 0);
    if (p.religion[0][0])
        rc = rc || dy_buf_str(b, ",\"religion\":") || jstr(b, p.religion[0], 0);
    return rc || dy_buf_str(b, "}]");
}

/* A list field from a value that may hold several, separated by , ; or space. */
static int plover_list(dy_buf *b, const char *s)
{
    int rc = dy_buf_ch(b, '['), first = 1;
    s = nz(s);
    while (*s && !rc) {
        size_t n = strcspn(s, ",; ");
        if (n) {
            rc = (!first && dy_buf_ch(b, ',')) || jstrn(b, s, n);
            first = 0;
        }
        s += n;
        if (*s)
            s++;
    }
    return rc || dy_buf_ch(b, ']');
}

static int plover_row(dy_buf *b, const dyad_event_row *r)
{
    if (!*nz(r->plover_event))
        return 0;
    int rc = dy_buf_str(b, "{\"id\":");
    char id[64];
    if (r->doc_id) {
        size_t n = strlen(r->doc_id);
        snprintf(id, sizeof id, "-%zu", r->index);
        char *p = dy_malloc(n + strlen(id) + 1);
        if (!p)
            return -1;
        memcpy(p, r->doc_id, n);
        strcpy(p + n, id);
        rc = rc || jstr(b, p, 0);
        dy_free(p);
    } else {
        snprintf(id, sizeof id, "%lld", (long long)r->event_id);
        rc = rc || jstr(b, id, 0);
    }
    rc = rc || dy_buf_str(b, ",\"date\":") || jstr(b, r->day, 1) ||
         dy_buf_str(b, ",\"actor\":") || plover_actor(b, r->source_code, r->source_text) ||
         dy_buf_str(b, ",\"recipient\":") || plover_actor(b, r->target_code, r->target_text) ||
         dy_buf_str(b, ",\"event\":") || plover_list(b, r->plover_event) ||
         dy_buf_str(b, ",\"mode\":") || plover_list(b, r->plover_mode) ||
         dy_buf_str(b, ",\"context\":") || plover_list(b, r->plover_context) ||
         dy_buf_str(b, ",\"event_text\":[") || jstr(b, r->trigger, 0) ||
         dy_buf_printf(b, "],\"quad_code\":%d,\"goldstein\":", r->quad_class) ||
         jnum(b, r->goldstein) || dy_buf_printf(b, ",\"negated\":%s", r->negated ? "true" : "false") ||
         dy_buf_str(b, ",\"cameo_code\":") || jstr(b, r->code, 0);
    if (r->location) {
        static const int resolution[] = {0, 1, 2, 4, 4, 2};
        rc = rc || dy_buf_str(b, ",\"event_loc\":{\"resolved_place\":") ||
             jstr(b, r->location, 0) || dy_buf_str(b, ",\"country_code\":") ||
             jstr(b, r->loc_country, 1) || dy_buf_str(b, ",\"lat\":") || jnum(b, r->lat) ||
             dy_buf_str(b, ",\"lon\":") || jnum(b, r->lon) ||
             dy_buf_printf(b, ",\"resolution\":%d}", resolution[geo_type(r)]);
    }
    if (r->sentence_text)
        rc = rc || dy_buf_str(b, ",\"text\":") || jstrn(b, r->sentence_text, r->sentence_len);
    rc = rc || dy_buf_printf(b, ",\"text_info\":{\"sequence\":%zu}", r->sentence) ||
         dy_buf_str(b, ",\"cite_info\":{\"citation\":") || jstr(b, r->doc_id, 0) ||
         dy_buf_str(b, ",\"url\":") || jstr(b, r->url, 1) ||
         dy_buf_str(b, ",\"publication\":") || jstr(b, r->outlet, 1) ||
         dy_buf_str(b, ",\"coder\":\"dyad " DYAD_VERSION "\",\"codebook\":\"CAMEO via PLOVER\"}") ||
         dy_buf_str(b, "}\n");
    return rc;
}

/* ---- CSV and flat JSON ---- */

static int csv_row(dy_buf *b, const dyad_event_row *r)
{
    int rc = csv(b, r->doc_id) ||
             dy_buf_printf(b, ",%zu,%lld,%s,", r->index, (long long)r->event_id, r->day) ||
             csv(b, r->date) || dy_buf_printf(b, ",%zu,", r->sentence) || csv(b, r->code) ||
             dy_buf_ch(b, ',') || csv(b, r->root) ||
             dy_buf_printf(b, ",%d,%g,", r->quad_class, isfinite(r->goldstein) ? r->goldstein : 0.0) ||
             csv(b, r->source_code) || dy_buf_ch(b, ',') || csv(b, r->source_text) ||
             dy_buf_ch(b, ',') || csv(b, r->target_code) || dy_buf_ch(b, ',') ||
             csv(b, r->target_text) || dy_buf_ch(b, ',') || csv(b, r->trigger) ||
             dy_buf_printf(b, ",%zu,%zu,%d,", r->trigger_start, r->trigger_end, r->negated ? 1 : 0) ||
             csv(b, r->plover_event) || dy_buf_ch(b, ',') || csv(b, r->plover_mode) ||
             dy_buf_ch(b, ',') || csv(b, r->plover_context) || dy_buf_ch(b, ',');
    if (r->location) {
        rc = rc || csv(b, r->location) || dy_buf_ch(b, ',') || csv(b, r->loc_country);
        if (isfinite(r->lat) && isfinite(r->lon))
            rc = rc || dy_buf_printf(b, ",%.6g,%.6g,", r->lat, r->lon);
        else
            rc = rc || dy_buf_str(b, ",,,");
    } else
        rc = rc || dy_buf_str(b, ",,,,");
    rc = rc || dy_buf_printf(b, "%lld,%lld,%lld,", (long long)r->mentions, (long long)r->sources,
                             (long long)r->articles) ||
         csv(b, r->url) || dy_buf_ch(b, '\n');
    return rc;
}

static int jactor(dy_buf *b, const char *code, const char *text)
{
    if (!*nz(code) && !*nz(text))
        return dy_buf_str(b, "null");
    return dy_buf_str(b, "{\"text\":") || jstr(b, text, 0) || dy_buf_str(b, ",\"code\":") ||
           jstr(b, code, 0) || dy_buf_ch(b, '}');
}

static int json_row(dy_buf *b, const dyad_event_row *r)
{
    int rc = dy_buf_str(b, "{\"id\":") || jstr(b, r->doc_id, 0) ||
             dy_buf_printf(b, ",\"index\":%zu,\"event_id\":%lld,\"day\":", r->index,
                           (long long)r->event_id) ||
             jstr(b, r->day, 1) || dy_buf_str(b, ",\"date\":") || jstr(b, r->date, 1) ||
             dy_buf_str(b, ",\"doc_date\":") || jstr(b, r->doc_date, 1) ||
             dy_buf_printf(b, ",\"sentence\":%zu,\"code\":", r->sentence) || jstr(b, r->code, 0) ||
             dy_buf_str(b, ",\"root\":") || jstr(b, r->root, 0) ||
             dy_buf_printf(b, ",\"quad_class\":%d,\"goldstein\":", r->quad_class) ||
             jnum(b, r->goldstein) || dy_buf_str(b, ",\"source\":") ||
             jactor(b, r->source_code, r->source_text) || dy_buf_str(b, ",\"target\":") ||
             jactor(b, r->target_code, r->target_text) ||
             dy_buf_printf(b, ",\"negated\":%s,\"trigger\":{\"text\":", r->negated ? "true" : "false") ||
             jstr(b, r->trigger, 0) ||
             dy_buf_printf(b, ",\"start\":%zu,\"end\":%zu},\"plover\":{\"event\":", r->trigger_start,
                           r->trigger_end) ||
             jstr(b, r->plover_event, 1) || dy_buf_str(b, ",\"mode\":") || jstr(b, r->plover_mode, 1) ||
             dy_buf_str(b, ",\"context\":") || jstr(b, r->plover_context, 1) ||
             dy_buf_str(b, "},\"location\":");
    if (r->location)
        rc = rc || dy_buf_str(b, "{\"name\":") || jstr(b, r->location, 0) ||
             dy_buf_str(b, ",\"country\":") || jstr(b, r->loc_country, 1) ||
             dy_buf_str(b, ",\"adm1\":") || jstr(b, r->loc_adm1, 1) || dy_buf_str(b, ",\"lat\":") ||
             jnum(b, r->lat) || dy_buf_str(b, ",\"lon\":") || jnum(b, r->lon) ||
             dy_buf_str(b, ",\"type\":") || jstr(b, r->loc_feature, 1) || dy_buf_ch(b, '}');
    else
        rc = rc || dy_buf_str(b, "null");
    rc = rc || dy_buf_str(b, ",\"url\":") || jstr(b, r->url, 1) || dy_buf_str(b, ",\"outlet\":") ||
         jstr(b, r->outlet, 1) ||
         dy_buf_printf(b, ",\"mentions\":%lld,\"sources\":%lld,\"articles\":%lld}\n",
                       (long long)r->mentions, (long long)r->sources, (long long)r->articles);
    return rc;
}

char *dyad_event_row_format(const dyad_event_row *r, dyad_format fmt, char *buf, size_t *len,
                            size_t *cap)
{
    dy_buf b = {buf, *len, *cap};
    int rc;
    switch (fmt) {
    case DYAD_FMT_GDELT: rc = gdelt_row(&b, r); break;
    case DYAD_FMT_PLOVER: rc = plover_row(&b, r); break;
    case DYAD_FMT_CSV: rc = csv_row(&b, r); break;
    default: rc = json_row(&b, r); break;
    }
    if (!rc && !b.p)   /* nothing written to a fresh buffer: still hand one back */
        rc = dy_buf_add(&b, "", 0);
    *len = b.len;
    *cap = b.cap;
    if (rc) {
        dy_free(b.p);
        return NULL;
    }
    return b.p;
}

/* ---- rows from a coded document ---- */

static int64_t row_id(const char *id, size_t index)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *s = nz(id); *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    for (int k = 0; k < 8; k++) {
        h ^= (index >> (8 * k)) & 0xff;
        h *= 1099511628211ULL;
    }
    h &= (1ULL << 53) - 1;   /* exact in a double: safe for JavaScript readers */
    return h ? (int64_t)h : 1;
}

static int is_day(const char *s)
{
    if (!s || strlen(s) != 10)
        return 0;
    for (int k = 0; k < 10; k++)
        if ((k == 4 || k == 7) ? s[k] != '-' : !dy_is_digit((unsigned char)s[k]))
            return 0;
    return 1;
}

static void now_stamp(char out[15])
{
    time_t t = time(NULL);
    struct tm tmv;
    gmtime_r(&t, &tmv);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%04d%02d%02d%02d%02d%02d", tmv.tm_year + 1900, tmv.tm_mon + 1,
             tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec);
    memcpy(out, tmp, 14);
    out[14] = 0;
}

dyad_err dyad_doc_event_row(const dyad_doc *doc, size_t i, const char *id, const char *url,
                            dyad_event_row *out)
{
    dyad_event_info ev;
    dyad_event_links lk;
    memset(out, 0, sizeof *out);
    dyad_err e = dyad_doc_event(doc, i, &ev);
    if (e || (e = dyad_doc_event_links(doc, i, &lk)))
        return e;
    out->event_id = row_id(id, i);
    out->doc_id = id;
    dyad_doc_date(doc, out->doc_date);
    out->url = url;
    out->date = ev.date;
    if (is_day(ev.date))
        memcpy(out->day, ev.date, 11);
    else
        memcpy(out->day, out->doc_date, 11);
    out->index = i;
    out->sentence = ev.sentence;
    size_t s, end, tl;
    const char *text = dyad_doc_text(doc, &tl);
    if (!dyad_doc_sentence(doc, ev.sentence, &s, &end) && s <= end && end <= tl) {
        out->sentence_text = text + s;
        out->sentence_len = end - s;
    }
    out->code = ev.code;
    out->root = ev.root;
    out->quad_class = ev.quad_class;
    out->goldstein = ev.goldstein;
    out->source_text = nz(ev.source_text);
    out->source_code = nz(ev.source_code);
    out->target_text = nz(ev.target_text);
    out->target_code = nz(ev.target_code);
    out->trigger = nz(ev.trigger);
    out->trigger_start = ev.trigger_start;
    out->trigger_end = ev.trigger_end;
    out->negated = ev.negated;
    out->plover_event = nz(ev.plover_event);
    out->plover_mode = nz(ev.plover_mode);
    out->plover_context = nz(lk.plover_context);
    out->location = ev.location;
    out->loc_country = ev.loc_country;
    out->lat = ev.lat;
    out->lon = ev.lon;
    out->loc_adm1 = out->loc_feature = "";
    dyad_place_info pl;
    if (lk.place >= 0 && !dyad_doc_place(doc, (size_t)lk.place, &pl)) {
        out->loc_adm1 = pl.adm1;
        out->loc_feature = pl.feature;
    }
    out->mentions = out->sources = out->articles = 1;
    now_stamp(out->added);
    return DYAD_OK;
}

const char *dyad_doc_export(dyad_doc *d, const char *id, const char *url, dyad_format fmt,
                            size_t *len)
{
    if (fmt == DYAD_FMT_DOC)
        return dyad_doc_json(d, id, fmt, len);
    d->out.len = 0;
    if (dy_buf_add(&d->out, "", 0))
        return NULL;
    size_t n = d->ctx && !d->err ? dyad_doc_event_count(d) : 0;
    for (size_t i = 0; i < n; i++) {
        dyad_event_row r;
        if (dyad_doc_event_row(d, i, id, url, &r))
            return NULL;
        char *p = dyad_event_row_format(&r, fmt, d->out.p, &d->out.len, &d->out.cap);
        if (!p) {
            d->out.p = NULL;   /* freed by dyad_event_row_format */
            d->out.len = d->out.cap = 0;
            return NULL;
        }
        d->out.p = p;
    }
    if (len)
        *len = d->out.len;
    return d->out.p;
}
