/* server.c - the HTTP API and web page of `dyad serve` (civetweb).
 *
 * Static files come from the web directory; the JSON API lives under /v1:
 *   GET  /v1/health            {"ok":true,"version":...}
 *   GET  /v1/stats             counts of the store
 *   GET  /v1/events?FILTERS    events (JSON; format=jsonl|csv|gdelt|plover for files)
 *   GET  /v1/dyads?FILTERS&group=dyad,day   counts and Goldstein per group
 *   GET  /v1/documents         stored document ids (limit, offset)
 *   GET  /v1/documents/{id}    one stored document with its text and record
 *   POST /v1/code              code text/plain, a JSON record or JSONL lines;
 *                              ?store=1 also stores them
 * Every error is {"error":{"status":N,"message":"..."}} with that HTTP status.
 * Query parameters are checked against each endpoint's list (an unknown one
 * is a 400), bodies are limited (413), the store is used under one mutex, and
 * every query goes through dyad.h's prepared statements. */
#include "server.h"

#include <civetweb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct srv {
    const srv_opts *o;
    const dyad_ctx *ctx;
    dyad_store *st;
    pthread_mutex_t lock;
} srv;

/* ---- a growing response buffer ---- */

typedef struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        b->oom = 1;   /* never happens with the formats used here */
        return;
    }
    sb_add(b, tmp, (size_t)n);
}

/* A JSON string literal, or null. */
static void sb_json(sbuf *b, const char *s)
{
    if (!s) {
        sb_str(b, "null");
        return;
    }
    if (b->oom)
        return;
    if (!b->p)
        sb_add(b, "", 0);
    char *p = dyad_json_string(b->p, &b->len, &b->cap, s, strlen(s));
    if (!p)
        b->oom = 1;
    else
        b->p = p;
}

/* ---- responses ---- */

static const char *status_text(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    }
    return "Error";
}

static int send_body(struct mg_connection *c, int status, const char *ctype, const char *body,
                     size_t n, const char *extra)
{
    mg_printf(c,
              "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
              "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n%s"
              "Connection: close\r\n\r\n",
              status, status_text(status), ctype, n, extra ? extra : "");
    if (n && strcmp(mg_get_request_info(c)->request_method, "HEAD"))
        mg_write(c, body, n);
    return status;
}

static int send_error(struct mg_connection *c, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int send_error(struct mg_connection *c, int status, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sbuf b = {0};
    sb_printf(&b, "{\"error\":{\"status\":%d,\"message\":", status);
    sb_json(&b, msg);
    sb_str(&b, "}}\n");
    int rc;
    if (b.oom)
        rc = send_body(c, 500, "application/json", "{\"error\":{\"status\":500}}\n", 26, NULL);
    else
        rc = send_body(c, status, "application/json", b.p, b.len,
                       status == 405 ? "Allow: GET\r\n" : NULL);
    free(b.p);
    return rc;
}

static int send_buf(struct mg_connection *c, sbuf *b, const char *ctype)
{
    int rc;
    if (b->oom)
        rc = send_error(c, 500, "out of memory");
    else
        rc = send_body(c, 200, ctype, b->p ? b->p : "", b->len, NULL);
    free(b->p);
    memset(b, 0, sizeof *b);
    return rc;
}

/* ---- query strings ---- */

#define MAX_PARAMS 32
#define MAX_VALUE 1024

typedef struct params {
    char *name[MAX_PARAMS], *value[MAX_PARAMS];
    int n;
    char *mem;
} params;

static void params_free(params *p) { free(p->mem); }

/* Split and decode a query string, checking every name against allowed
 * (a NULL-terminated list). Returns 0, or -1 with err set. */
static int params_parse(const char *qs, const char *const *allowed, params *p, char *err,
                        size_t errlen)
{
    memset(p, 0, sizeof *p);
    if (!qs || !*qs)
        return 0;
    size_t n = strlen(qs);
    if (n > 16384) {
        snprintf(err, errlen, "query string too long");
        return -1;
    }
    p->mem = malloc(2 * n + 2);
    if (!p->mem) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    char *out = p->mem;
    const char *s = qs;
    while (*s) {
        size_t len = strcspn(s, "&");
        if (len) {
            const char *eq = memchr(s, '=', len);
            size_t kl = eq ? (size_t)(eq - s) : len;
            size_t vl = eq ? len - kl - 1 : 0;
            if (p->n == MAX_PARAMS) {
                snprintf(err, errlen, "too many query parameters");
                return -1;
            }
            int a = mg_url_decode(s, (int)kl, out, (int)kl + 1, 1);
            if (a < 0) {
                snprintf(err, errlen, "malformed query string");
                return -1;
            }
            p->name[p->n] = out;
            out += a + 1;
            int b = mg_url_decode(eq ? eq + 1 : "", (int)vl, out, (int)vl + 1, 1);
            if (b < 0) {
                snprintf(err, errlen, "malformed query string");
                return -1;
            }
            if (b > MAX_VALUE) {
                snprintf(err, errlen, "parameter '%.40s' is too long", p->name[p->n]);
                return -1;
            }
            p->value[p->n] = out;
            out += b + 1;
            int ok = 0;
            for (int k = 0; allowed[k] && !ok; k++)
                ok = !strcmp(allowed[k], p->name[p->n]);
            if (!ok) {
                snprintf(err, errlen, "unknown parameter '%.40s'", p->name[p->n]);
                return -1;
            }
            p->n++;
        }
        s += len;
        if (*s)
            s++;
    }
    return 0;
}

/* The last value of name, or NULL (an empty value counts as absent). */
static const char *param(const params *p, const char *name)
{
    for (int k = p->n - 1; k >= 0; k--)
        if (!strcmp(p->name[k], name))
            return p->value[k][0] ? p->value[k] : NULL;
    return NULL;
}

static int param_bool(const params *p, const char *name)
{
    const char *v = param(p, name);
    return v && (!strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "yes"));
}

/* A non-negative integer parameter within [0, max]; def when absent. */
static int param_int(const params *p, const char *name, int64_t def, int64_t max, int64_t *out,
                     char *err, size_t errlen)
{
    const char *v = param(p, name);
    *out = def;
    if (!v)
        return 0;
    char *end;
    long long x = strtoll(v, &end, 10);
    if (*end || x < 0 || x > max) {
        snprintf(err, errlen, "'%s' must be a number from 0 to %lld", name, (long long)max);
        return -1;
    }
    *out = x;
    return 0;
}

#define FILTER_PARAMS                                                                           \
    "actor", "source", "target", "code", "quad", "from", "to", "country", "place", "doc",       \
        "negated", "unique", "limit", "offset"

static int fill_filter(const params *p, dyad_filter *f, int64_t def_limit, int64_t max_limit,
                       char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    f->actor = param(p, "actor");
    f->source = param(p, "source");
    f->target = param(p, "target");
    f->code = param(p, "code");
    f->from = param(p, "from");
    f->to = param(p, "to");
    f->country = param(p, "country");
    f->place = param(p, "place");
    f->doc_id = param(p, "doc");
    f->unique = param_bool(p, "unique");
    const char *q = param(p, "quad");
    if (q) {
        if (strlen(q) != 1 || q[0] < '1' || q[0] > '4') {
            snprintf(err, errlen, "'quad' must be 1, 2, 3 or 4");
            return -1;
        }
        f->quad_class = q[0] - '0';
    }
    const char *neg = param(p, "negated");
    if (neg) {
        if (!strcmp(neg, "yes") || !strcmp(neg, "1") || !strcmp(neg, "true"))
            f->negated = 1;
        else if (!strcmp(neg, "no") || !strcmp(neg, "0") || !strcmp(neg, "false"))
            f->negated = -1;
        else {
            snprintf(err, errlen, "'negated' must be yes or no");
            return -1;
        }
    }
    return param_int(p, "limit", def_limit, max_limit, &f->limit, err, errlen) ||
                   param_int(p, "offset", 0, INT64_MAX / 2, &f->offset, err, errlen)
               ? -1
               : 0;
}

/* ---- GET handlers ---- */

typedef struct rows_st {
    sbuf *b;
    dyad_format fmt;
    char *tmp;
    size_t tlen, tcap;
    size_t n;
    int json_array;
} rows_st;

static int on_row(void *user, const dyad_event_row *r)
{
    rows_st *rs = user;
    rs->tlen = 0;
    rs->tmp = dyad_event_row_format(r, rs->fmt, rs->tmp, &rs->tlen, &rs->tcap);
    if (!rs->tmp) {
        rs->tcap = 0;
        rs->b->oom = 1;
        return 1;
    }
    size_t n = rs->tlen;
    if (rs->json_array && n && rs->tmp[n - 1] == '\n')
        n--;
    if (rs->json_array && rs->n)
        sb_str(rs->b, ",\n");
    sb_add(rs->b, rs->tmp, n);
    rs->n++;
    return rs->b->oom;
}

static int store_error(struct mg_connection *c, srv *s, dyad_err e)
{
    if (e == DYAD_EINVAL)
        return send_error(c, 400, "%s", dyad_store_errmsg(s->st));
    return send_error(c, 500, "store: %s", dyad_store_errmsg(s->st));
}

static int get_events(struct mg_connection *c, srv *s, const params *p)
{
    dyad_filter f;
    char err[256];
    if (fill_filter(p, &f, 100, 10000, err, sizeof err))
        return send_error(c, 400, "%s", err);
    const char *fmt = param(p, "format");
    rows_st rs = {0};
    sbuf b = {0};
    rs.b = &b;
    const char *ctype = "application/json";
    if (!fmt || !strcmp(fmt, "json")) {
        rs.fmt = DYAD_FMT_EVENTS;
        rs.json_array = 1;
        sb_str(&b, "{\"events\":[\n");
    } else if (!strcmp(fmt, "jsonl")) {
        rs.fmt = DYAD_FMT_EVENTS;
        ctype = "application/x-ndjson";
    } else if (!strcmp(fmt, "csv")) {
        rs.fmt = DYAD_FMT_CSV;
        ctype = "text/csv; charset=utf-8";
        sb_str(&b, dyad_export_header(DYAD_FMT_CSV));
    } else if (!strcmp(fmt, "gdelt")) {
        rs.fmt = DYAD_FMT_GDELT;
        ctype = "text/tab-separated-values; charset=utf-8";
        if (!param(p, "unique"))
            f.unique = 1;
    } else if (!strcmp(fmt, "plover")) {
        rs.fmt = DYAD_FMT_PLOVER;
        ctype = "application/x-ndjson";
    } else
        return send_error(c, 400, "'format' must be json, jsonl, csv, gdelt or plover");
    pthread_mutex_lock(&s->lock);
    dyad_err e = dyad_store_events(s->st, &f, on_row, &rs);
    int rc = 0;
    if (e)
        rc = store_error(c, s, e);
    pthread_mutex_unlock(&s->lock);
    free(rs.tmp);
    if (rc) {
        free(b.p);
        return rc;
    }
    if (rs.json_array)
        sb_printf(&b, "],\"count\":%zu,\"limit\":%lld,\"offset\":%lld}\n", rs.n, (long long)f.limit,
                  (long long)f.offset);
    return send_buf(c, &b, ctype);
}

typedef struct group_st {
    sbuf *b;
    unsigned by;
    size_t n;
} group_st;

static int on_group(void *user, const dyad_group_row *r)
{
    group_st *g = user;
    sbuf *b = g->b;
    sb_str(b, g->n++ ? ",\n{" : "{");
    if (g->by & DYAD_BY_SOURCE) {
        sb_str(b, "\"source\":");
        sb_json(b, r->source_code);
        sb_str(b, ",");
    }
    if (g->by & DYAD_BY_TARGET) {
        sb_str(b, "\"target\":");
        sb_json(b, r->target_code);
        sb_str(b, ",");
    }
    if (g->by & (DYAD_BY_DAY | DYAD_BY_MONTH | DYAD_BY_YEAR)) {
        sb_str(b, "\"period\":");
        sb_json(b, r->period);
        sb_str(b, ",");
    }
    if (g->by & (DYAD_BY_CODE | DYAD_BY_ROOT)) {
        sb_str(b, "\"code\":");
        sb_json(b, r->code);
        sb_str(b, ",");
    }
    if (g->by & DYAD_BY_QUAD)
        sb_printf(b, "\"quad\":%d,", r->quad_class);
    if (g->by & DYAD_BY_COUNTRY) {
        sb_str(b, "\"country\":");
        sb_json(b, r->country);
        sb_str(b, ",");
    }
    if (g->by & DYAD_BY_PLACE) {
        sb_str(b, "\"place\":");
        sb_json(b, r->place);
        sb_printf(b, ",\"lat\":%.6g,\"lon\":%.6g,", r->lat, r->lon);
    }
    sb_printf(b, "\"count\":%lld,\"records\":%lld,\"goldstein_sum\":%.6g,\"goldstein_mean\":%.6g}",
              (long long)r->count, (long long)r->records, r->goldstein_sum, r->goldstein_mean);
    return b->oom;
}

static int get_dyads(struct mg_connection *c, srv *s, const params *p)
{
    dyad_filter f;
    char err[256];
    if (fill_filter(p, &f, 10000, 100000, err, sizeof err))
        return send_error(c, 400, "%s", err);
    const char *spec = param(p, "group");
    if (!spec)
        spec = "dyad";
    unsigned by;
    if (dyad_group_parse(spec, &by))
        return send_error(c, 400,
                          "'group' is a comma-separated list of dyad source target day|month|year "
                          "code|root quad country place");
    sbuf b = {0};
    sb_str(&b, "{\"group\":");
    sb_json(&b, spec);
    sb_str(&b, ",\"groups\":[\n");
    group_st g = {&b, by, 0};
    pthread_mutex_lock(&s->lock);
    dyad_err e = dyad_store_group(s->st, &f, by, on_group, &g);
    int rc = 0;
    if (e)
        rc = store_error(c, s, e);
    pthread_mutex_unlock(&s->lock);
    if (rc) {
        free(b.p);
        return rc;
    }
    sb_printf(&b, "],\"count\":%zu}\n", g.n);
    return send_buf(c, &b, "application/json");
}

static int on_stored_doc(void *user, const dyad_stored_doc *d)
{
    sbuf *b = user;
    sb_str(b, "{\"id\":");
    sb_json(b, d->id);
    sb_str(b, ",\"date\":");
    sb_json(b, d->date);
    sb_str(b, ",\"title\":");
    sb_json(b, d->title);
    sb_str(b, ",\"url\":");
    sb_json(b, d->url);
    sb_str(b, ",\"source\":");
    sb_json(b, d->source);
    sb_str(b, ",\"added\":");
    sb_json(b, d->added);
    sb_printf(b, ",\"events\":%lld", (long long)d->events);
    if (d->text) {
        sb_str(b, ",\"text\":");
        if (!b->oom) {
            char *q = dyad_json_string(b->p, &b->len, &b->cap, d->text, d->text_len);
            if (!q)
                b->oom = 1;
            else
                b->p = q;
        }
    }
    if (d->record) {
        /* the stored record is one JSON object followed by '\n' */
        size_t n = strlen(d->record);
        while (n && (d->record[n - 1] == '\n' || d->record[n - 1] == '\r'))
            n--;
        sb_str(b, ",\"record\":");
        sb_add(b, d->record, n);
    }
    sb_str(b, "}");
    return b->oom;
}

typedef struct list_st {
    sbuf *b;
    size_t n;
} list_st;

static int on_list(void *user, const dyad_stored_doc *d)
{
    list_st *l = user;
    if (l->n++)
        sb_str(l->b, ",\n");
    return on_stored_doc(l->b, d);
}

static int get_documents(struct mg_connection *c, srv *s, const char *rest, const char *qs)
{
    char err[256];
    params p;
    static const char *const list_params[] = {"limit", "offset", NULL};
    static const char *const none[] = {NULL};
    if (params_parse(qs, *rest ? none : list_params, &p, err, sizeof err)) {
        params_free(&p);
        return send_error(c, 400, "%s", err);
    }
    sbuf b = {0};
    dyad_err e;
    int rc = 0;
    if (*rest) {
        pthread_mutex_lock(&s->lock);
        e = dyad_store_get(s->st, rest, on_stored_doc, &b);
        if (e == DYAD_ENOTFOUND)
            rc = send_error(c, 404, "no document '%.200s'", rest);
        else if (e)
            rc = store_error(c, s, e);
        pthread_mutex_unlock(&s->lock);
        sb_str(&b, "\n");
    } else {
        int64_t limit, offset;
        if (param_int(&p, "limit", 100, 10000, &limit, err, sizeof err) ||
            param_int(&p, "offset", 0, INT64_MAX / 2, &offset, err, sizeof err)) {
            params_free(&p);
            return send_error(c, 400, "%s", err);
        }
        sb_str(&b, "{\"documents\":[\n");
        list_st l = {&b, 0};
        pthread_mutex_lock(&s->lock);
        e = dyad_store_list(s->st, limit, offset, on_list, &l);
        if (e)
            rc = store_error(c, s, e);
        pthread_mutex_unlock(&s->lock);
        sb_printf(&b, "],\"count\":%zu,\"limit\":%lld,\"offset\":%lld}\n", l.n, (long long)limit,
                  (long long)offset);
    }
    params_free(&p);
    if (rc) {
        free(b.p);
        return rc;
    }
    return send_buf(c, &b, "application/json");
}

static int get_stats(struct mg_connection *c, srv *s)
{
    dyad_store_stats t;
    pthread_mutex_lock(&s->lock);
    dyad_err e = dyad_store_get_stats(s->st, &t);
    int rc = e ? store_error(c, s, e) : 0;
    pthread_mutex_unlock(&s->lock);
    if (rc)
        return rc;
    sbuf b = {0};
    sb_printf(&b, "{\"documents\":%lld,\"events\":%lld,\"records\":%lld,\"actors\":%lld,"
                  "\"quotes\":%lld,\"places\":%lld,\"timex\":%lld,\"first_day\":",
              (long long)t.documents, (long long)t.events, (long long)t.records,
              (long long)t.actors, (long long)t.quotes, (long long)t.places, (long long)t.timex);
    sb_json(&b, t.first_day[0] ? t.first_day : NULL);
    sb_str(&b, ",\"last_day\":");
    sb_json(&b, t.last_day[0] ? t.last_day : NULL);
    sb_str(&b, "}\n");
    return send_buf(c, &b, "application/json");
}

/* ---- POST /v1/code ---- */

/* Read the whole body; 0, or an HTTP status (413 too big, 408 cut short:
 * the client stalled past the request timeout or closed). */
static int read_body(struct mg_connection *c, size_t max, char **out, size_t *len)
{
    const struct mg_request_info *ri = mg_get_request_info(c);
    *out = NULL;
    *len = 0;
    if (ri->content_length > (long long)max)
        return 413;
    size_t cap = ri->content_length >= 0 ? (size_t)ri->content_length + 1 : 65536;
    char *buf = malloc(cap);
    if (!buf)
        return 500;
    size_t n = 0;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > max + 1) {
                free(buf);
                return 413;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return 500;
            }
            buf = nb;
            cap *= 2;
        }
        int r = mg_read(c, buf + n, cap - n - 1);
        if (r < 0) {
            free(buf);
            return 408;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max) {
            free(buf);
            return 413;
        }
    }
    if (ri->content_length >= 0 && n != (size_t)ri->content_length) {
        free(buf);
        return 408;
    }
    buf[n] = 0;
    *out = buf;
    *len = n;
    return 0;
}

typedef struct code_req {
    srv *s;
    dyad_doc *doc;
    dyad_format fmt;
    int store;
    sbuf out;
    int status;           /* first failure: HTTP status */
    char err[300];
} code_req;

static int ctype_is(const char *ct, const char *want)
{
    size_t n = strlen(want);
    return ct && !strncasecmp(ct, want, n) && (ct[n] == 0 || ct[n] == ';' || ct[n] == ' ');
}

/* An id for a stored document that came without one: a hash of its text. */
static void text_id(const char *text, size_t len, char out[32])
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)text[i];
        h *= 1099511628211ULL;
    }
    snprintf(out, 32, "web:%016llx", (unsigned long long)h);
}

/* Code one document and append its output; store it when asked. */
static void code_one(code_req *r, const dyad_input *in, const char *text, size_t len)
{
    char idbuf[32];
    const char *id = in->id;
    if (!id && r->store) {
        text_id(text, len, idbuf);
        id = idbuf;
    }
    dyad_err e = dyad_code(r->s->ctx, r->doc, text, len, in->date);
    if (e == DYAD_EINVAL && !r->status) {
        r->status = 400;
        snprintf(r->err, sizeof r->err, "invalid date '%.20s' (want YYYY-MM-DD)",
                 in->date ? in->date : "");
        return;
    }
    size_t n;
    const char *o = r->fmt <= DYAD_FMT_EVENTS ? dyad_doc_json(r->doc, id, r->fmt, &n)
                                               : dyad_doc_export(r->doc, id, in->url, r->fmt, &n);
    if (!o) {
        r->out.oom = 1;
        return;
    }
    sb_add(&r->out, o, n);
    if (r->store && !e) {
        dyad_doc_meta m = {id, in->date, in->title, in->url, in->source};
        pthread_mutex_lock(&r->s->lock);
        if (dyad_store_put(r->s->st, r->doc, &m) && !r->status) {
            r->status = 500;
            snprintf(r->err, sizeof r->err, "store: %s", dyad_store_errmsg(r->s->st));
        }
        pthread_mutex_unlock(&r->s->lock);
    }
}

/* The coding part of POST /v1/code. It runs on a thread of its own with a
 * large stack: civetweb's worker threads have small ones, and the coder's
 * stages may need more (sanitizer builds far more). */
typedef struct code_job {
    code_req *r;
    const params *p;
    char *body;
    size_t len;
    int plain, json;
} code_job;

static void *code_work(void *arg)
{
    code_job *j = arg;
    code_req *r = j->r;
    if (r->fmt == DYAD_FMT_CSV)
        sb_str(&r->out, dyad_export_header(DYAD_FMT_CSV));
    if (j->plain) {
        dyad_input in = {0};
        in.id = (char *)param(j->p, "id");
        in.date = (char *)param(j->p, "date");
        in.title = (char *)param(j->p, "title");
        in.url = (char *)param(j->p, "url");
        in.source = (char *)param(j->p, "source");
        if (j->len == 0 && !r->status) {
            r->status = 400;
            snprintf(r->err, sizeof r->err, "empty text");
        } else
            code_one(r, &in, j->body, j->len);
    } else if (j->json) {
        dyad_input in;
        char perr[256];
        if (dyad_input_parse(j->body, j->len, &in, perr, sizeof perr)) {
            r->status = 400;
            snprintf(r->err, sizeof r->err, "%s", perr);
        } else
            code_one(r, &in, in.text, in.text_len);
        dyad_input_clear(&in);
    } else {
        char *line = j->body, *end = j->body + j->len;
        long lineno = 0;
        while (line < end && !r->status && !r->out.oom) {
            char *nl = memchr(line, '\n', (size_t)(end - line));
            size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
            lineno++;
            int blank = 1;
            for (size_t i = 0; i < n && blank; i++)
                blank = line[i] == ' ' || line[i] == '\t' || line[i] == '\r';
            if (!blank) {
                dyad_input in;
                char perr[256];
                if (dyad_input_parse(line, n, &in, perr, sizeof perr)) {
                    /* like `dyad code --jsonl`: an error record for the line */
                    sb_str(&r->out, "{\"id\":");
                    sb_json(&r->out, in.id);
                    sb_printf(&r->out, ",\"line\":%ld,\"error\":", lineno);
                    sb_json(&r->out, perr);
                    sb_str(&r->out, "}\n");
                } else
                    code_one(r, &in, in.text, in.text_len);
                dyad_input_clear(&in);
            }
            line += n + 1;
        }
    }
    return NULL;
}

static int post_code(struct mg_connection *c, srv *s, const char *qs)
{
    static const char *const allowed[] = {"date", "id", "format", "store", "title", "url",
                                          "source", "jsonl", NULL};
    char err[256];
    params p;
    if (params_parse(qs, allowed, &p, err, sizeof err)) {
        params_free(&p);
        return send_error(c, 400, "%s", err);
    }
    code_req r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.fmt = DYAD_FMT_DOC;
    r.store = param_bool(&p, "store");
    const char *fmt = param(&p, "format");
    const char *ctype_out = "application/json";
    if (fmt && !strcmp(fmt, "events"))
        r.fmt = DYAD_FMT_EVENTS;
    else if (fmt && !strcmp(fmt, "gdelt")) {
        r.fmt = DYAD_FMT_GDELT;
        ctype_out = "text/tab-separated-values; charset=utf-8";
    } else if (fmt && !strcmp(fmt, "plover"))
        r.fmt = DYAD_FMT_PLOVER;
    else if (fmt && !strcmp(fmt, "csv")) {
        r.fmt = DYAD_FMT_CSV;
        ctype_out = "text/csv; charset=utf-8";
    } else if (fmt && strcmp(fmt, "doc")) {
        params_free(&p);
        return send_error(c, 400, "'format' must be doc, events, gdelt, plover or csv");
    }
    const char *ct = mg_get_header(c, "Content-Type");
    int jsonl = param_bool(&p, "jsonl") || ctype_is(ct, "application/x-ndjson") ||
                ctype_is(ct, "application/jsonl") || ctype_is(ct, "application/x-jsonlines");
    int json = !jsonl && ctype_is(ct, "application/json");
    int plain = !jsonl && !json && (!ct || ctype_is(ct, "text/plain"));
    if (!jsonl && !json && !plain) {
        params_free(&p);
        return send_error(c, 415, "send text/plain, application/json or application/x-ndjson");
    }
    char *body;
    size_t len;
    int st = read_body(c, s->o->max_body, &body, &len);
    if (st) {
        params_free(&p);
        if (st == 413)
            return send_error(c, 413, "request body larger than %zu bytes", s->o->max_body);
        return send_error(c, st, st == 408 ? "request body incomplete (timed out or cut)"
                                           : "out of memory");
    }
    r.doc = dyad_doc_new();
    if (!r.doc) {
        free(body);
        params_free(&p);
        return send_error(c, 500, "out of memory");
    }
    code_job job = {&r, &p, body, len, plain, json};
    pthread_attr_t attr;
    pthread_t th;
    int started = !pthread_attr_init(&attr) && !pthread_attr_setstacksize(&attr, 16u << 20) &&
                  !pthread_create(&th, &attr, code_work, &job);
    pthread_attr_destroy(&attr);
    if (started)
        pthread_join(th, NULL);
    else
        code_work(&job);   /* no thread to be had: code here */
    if (jsonl && r.fmt <= DYAD_FMT_EVENTS)
        ctype_out = "application/x-ndjson";
    free(body);
    dyad_doc_free(r.doc);
    params_free(&p);
    if (r.status) {
        free(r.out.p);
        return send_error(c, r.status, "%s", r.err);
    }
    if (r.fmt == DYAD_FMT_PLOVER || (r.fmt == DYAD_FMT_EVENTS && !jsonl))
        ctype_out = "application/x-ndjson";
    return send_buf(c, &r.out, ctype_out);
}

/* ---- dispatch ---- */

static int api(struct mg_connection *c, void *data)
{
    srv *s = data;
    const struct mg_request_info *ri = mg_get_request_info(c);
    const char *path = ri->local_uri ? ri->local_uri : "";
    const char *m = ri->request_method;
    int get = !strcmp(m, "GET") || !strcmp(m, "HEAD");
    char err[256];
    if (!strncmp(path, "/v1/documents", 13) && (path[13] == 0 || path[13] == '/')) {
        if (!get)
            return send_error(c, 405, "use GET");
        /* the id as sent (decoded, but not cleaned of ../ like local_uri) */
        const char *raw = ri->local_uri_raw && !strncmp(ri->local_uri_raw, "/v1/documents/", 14)
                              ? ri->local_uri_raw + 14
                              : path[13] ? path + 14 : "";
        return get_documents(c, s, raw, ri->query_string);
    }
    if (!strcmp(path, "/v1/code")) {
        static const char use_post[] = "{\"error\":{\"status\":405,\"message\":\"use POST\"}}\n";
        if (strcmp(m, "POST"))
            return send_body(c, 405, "application/json", use_post, sizeof use_post - 1,
                             "Allow: POST\r\n");
        return post_code(c, s, ri->query_string);
    }
    static const char *const event_params[] = {FILTER_PARAMS, "format", NULL};
    static const char *const dyad_params[] = {FILTER_PARAMS, "group", NULL};
    static const char *const no_params[] = {NULL};
    const char *const *allowed;
    int which;
    if (!strcmp(path, "/v1/events"))
        allowed = event_params, which = 1;
    else if (!strcmp(path, "/v1/dyads"))
        allowed = dyad_params, which = 2;
    else if (!strcmp(path, "/v1/stats"))
        allowed = no_params, which = 3;
    else if (!strcmp(path, "/v1/health"))
        allowed = no_params, which = 4;
    else
        return send_error(c, 404, "no such endpoint: %.200s", path);
    if (!get)
        return send_error(c, 405, "use GET");
    params p;
    if (params_parse(ri->query_string, allowed, &p, err, sizeof err)) {
        params_free(&p);
        return send_error(c, 400, "%s", err);
    }
    int rc;
    switch (which) {
    case 1: rc = get_events(c, s, &p); break;
    case 2: rc = get_dyads(c, s, &p); break;
    case 3: rc = get_stats(c, s); break;
    default: {
        static const char ok[] = "{\"ok\":true,\"version\":\"" DYAD_VERSION "\"}\n";
        rc = send_body(c, 200, "application/json", ok, sizeof ok - 1, NULL);
    }
    }
    params_free(&p);
    return rc;
}

static int log_quiet(const struct mg_connection *c, const char *msg)
{
    (void)c;
    (void)msg;
    return 1;
}

static int log_stderr(const struct mg_connection *c, const char *msg)
{
    (void)c;
    fprintf(stderr, "dyad serve: %s\n", msg);
    return 1;
}

int srv_run(const srv_opts *o, const dyad_ctx *ctx, dyad_store *st)
{
    srv s = {o, ctx, st, PTHREAD_MUTEX_INITIALIZER};
    char ports[128], threads[16], timeout[16];
    int v6 = strchr(o->bind, ':') != NULL;
    snprintf(ports, sizeof ports, v6 ? "[%s]:%d" : "%s:%d", o->bind, o->port);
    snprintf(threads, sizeof threads, "%d", o->threads);
    snprintf(timeout, sizeof timeout, "%d", o->timeout_ms);
    const char *opts[32];
    int k = 0;
    opts[k++] = "listening_ports";
    opts[k++] = ports;
    opts[k++] = "num_threads";
    opts[k++] = threads;
    opts[k++] = "request_timeout_ms";
    opts[k++] = timeout;
    opts[k++] = "enable_directory_listing";
    opts[k++] = "no";
    opts[k++] = "enable_keep_alive";
    opts[k++] = "no";
    opts[k++] = "additional_header";
    opts[k++] = "X-Content-Type-Options: nosniff";
    if (o->web_dir) {
        opts[k++] = "document_root";
        opts[k++] = o->web_dir;
    }
    opts[k] = NULL;

    /* SIGINT and SIGTERM are waited for here; the workers must not get them */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    signal(SIGPIPE, SIG_IGN);

    mg_init_library(0);
    struct mg_callbacks cb;
    memset(&cb, 0, sizeof cb);
    cb.log_message = o->quiet ? log_quiet : log_stderr;
    struct mg_context *mc = mg_start(&cb, &s, opts);
    if (!mc) {
        fprintf(stderr, "dyad serve: cannot listen on %s (in use, or a bad address?)\n", ports);
        mg_exit_library();
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return 1;
    }
    mg_set_request_handler(mc, "/v1", api, &s);
    struct mg_server_port sp[4];
    memset(sp, 0, sizeof sp);
    int np = mg_get_server_ports(mc, 4, sp);
    int port = np > 0 ? sp[0].port : o->port;
    fprintf(stderr, v6 ? "dyad serve: listening on http://[%s]:%d/\n"
                       : "dyad serve: listening on http://%s:%d/\n",
            o->bind, port);
    fflush(stderr);
    int sig = 0;
    sigwait(&set, &sig);
    if (!o->quiet)
        fprintf(stderr, "dyad serve: stopping (signal %d)\n", sig);
    mg_stop(mc);
    mg_exit_library();
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_mutex_destroy(&s.lock);
    return 0;
}
