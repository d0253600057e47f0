/* json.c - output of a coded document: the JSON record of the CLI contract
 * (one object per document, or one per event), and the accessors of dyad.h.
 * A hand-written writer: one growing buffer, no tree, no allocation per value.
 * Strings taken from the input are escaped; invalid UTF-8 becomes U+FFFD. */
#include "../core/internal.h"

#include <math.h>
#include <stdio.h>
#include <utf8proc.h>

/* 1 for the bytes a JSON string cannot hold as they are: control
 * characters, '"', '\\' and the bytes of non-ASCII characters (checked) */
static const uint8_t jesc[256] = {
    [0x00 ... 0x1f] = 1, ['"'] = 1, ['\\'] = 1, [0x80 ... 0xff] = 1,
};

char *dyad_json_string(char *buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    dy_buf b = {buf, *len, *cap};
    static const char hex[] = "0123456789abcdef";
    /* reserve the worst case (6 bytes per input byte) up front, so the writes
     * below need no checks: on failure the caller's buffer is untouched */
    if (n > (SIZE_MAX - b.len - 8) / 6 || dy_grow((void **)&b.p, &b.cap, b.len + 6 * n + 8, 1))
        return NULL;
    char *o = b.p + b.len;
    *o++ = '"';
    size_t i = 0;
    const uint64_t lo = 0x0101010101010101ull, hi = 0x8080808080808080ull;
    while (i < n) {
        if (i + 8 <= n) {
            /* eight bytes at a time while none needs care: no control
             * character, no '"' or '\\', no byte >= 0x80 (the tests may
             * flag a clean byte after a flagged one: the slow path then
             * copies it as it is) */
            uint64_t x, q, e;
            memcpy(&x, s + i, 8);
            q = x ^ (lo * '"');
            e = x ^ (lo * '\\');
            if (!((x | ((x - lo * 0x20) & ~x) | ((q - lo) & ~q) | ((e - lo) & ~e)) & hi)) {
                memcpy(o, s + i, 8);
                o += 8;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (!jesc[c]) {
            *o++ = (char)c;
            i++;
            continue;
        }
        if (c < 0x80) {
            *o++ = '\\';
            switch (c) {
            case '"': *o++ = '"'; break;
            case '\\': *o++ = '\\'; break;
            case '\n': *o++ = 'n'; break;
            case '\r': *o++ = 'r'; break;
            case '\t': *o++ = 't'; break;
            case '\b': *o++ = 'b'; break;
            case '\f': *o++ = 'f'; break;
            default:
                *o++ = 'u';
                *o++ = '0';
                *o++ = '0';
                *o++ = hex[c >> 4];
                *o++ = hex[c & 15];
            }
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else if (cp == 0x2028 || cp == 0x2029) {
            memcpy(o, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
            o += 6;
            i += (size_t)l;
        } else {
            memcpy(o, s + i, (size_t)l);
            o += l;
            i += (size_t)l;
        }
    }
    *o++ = '"';
    *o = 0;
    *len = (size_t)(o - b.p);
    *cap = b.cap;
    return b.p;
}

static int jstr(dy_buf *b, const char *s, size_t n)
{
    /* inline, the common case: a string (up to 1 KB) with nothing to escape, and
     * room for it (codes, names, triggers) */
    if (n <= 1024 && b->len + n + 3 <= b->cap) {
        char *o = b->p + b->len;
        size_t i = 0;
        const uint64_t lo = 0x0101010101010101ull, hi = 0x8080808080808080ull;
        while (i + 8 <= n) {    /* eight clean bytes at a time, as below */
            uint64_t x, q, e;
            memcpy(&x, s + i, 8);
            q = x ^ (lo * '"');
            e = x ^ (lo * '\\');
            if ((x | ((x - lo * 0x20) & ~x) | ((q - lo) & ~q) | ((e - lo) & ~e)) & hi)
                break;
            memcpy(o + 1 + i, &x, 8);
            i += 8;
        }
        while (i < n && !jesc[(unsigned char)s[i]]) {
            o[1 + i] = s[i];
            i++;
        }
        if (i == n) {
            o[0] = '"';
            o[n + 1] = '"';
            o[n + 2] = 0;
            b->len += n + 2;
            return 0;
        }
    }
    char *p = dyad_json_string(b->p, &b->len, &b->cap, s, n);
    if (!p)
        return -1;
    b->p = p;
    return 0;
}
static int jcstr(dy_buf *b, const char *s) { return s ? jstr(b, s, strlen(s)) : dy_buf_str(b, "null"); }

/* Append a key literal and an unsigned number without printf (hot path). */
DY_INLINE int jku(dy_buf *b, const char *key, uint64_t v)
{
    /* two digits per division; key and number in one append */
    static const char dig2[] = "00010203040506070809101112131415161718192021222324"
                               "25262728293031323334353637383940414243444546474849"
                               "50515253545556575859606162636465666768697071727374"
                               "75767778798081828384858687888990919293949596979899";
    size_t kn = strlen(key);
    char tmp[24];
    char *p = tmp + sizeof tmp;
    while (v >= 100) {
        p -= 2;
        memcpy(p, dig2 + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, dig2 + 2 * v, 2);
    } else
        *--p = (char)('0' + v);
    size_t n = (size_t)(tmp + sizeof tmp - p);
    if (b->len + kn + n + 1 > b->cap && dy_grow_slow((void **)&b->p, &b->cap, b->len + kn + n + 1, 1))
        return -1;
    memcpy(b->p + b->len, key, kn);
    memcpy(b->p + b->len + kn, p, n);
    b->len += kn + n;
    b->p[b->len] = 0;
    return 0;
}

static int jdate(dy_buf *b, int32_t day)
{
    if (day == INT32_MIN)
        return dy_buf_str(b, "null");
    char d[13];
    d[0] = '"';
    dy_format_date(day, d + 1);
    d[11] = '"';
    return dy_buf_add(b, d, 12);
}

/* printf's "%.6g" of v without printf, for 1e-4 <= |v| < 999999.5 (lat/lon
 * and the like): out gets the text, the length is returned; 0 when v is
 * outside that range or its sixth digit is too close to a rounding tie to
 * decide in double arithmetic (the caller then uses printf). */
static size_t dy_fmt_g6(double v, char *out)
{
    static const double p10[] = {1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
                                 1e7, 1e8, 1e9};
    double a = v < 0 ? -v : v;
    if (!(a >= 1e-4 && a < 999999.5))
        return 0;
    int e = -4;
    while (e < 5 && a >= p10[e + 5])
        e++;
    /* a * 10^(5-e): the power is exact, the product off by < 1e-10 */
    double m = a * p10[9 - e];
    double fl = floor(m), fr = m - fl;
    if (fabs(fr - 0.5) < 1e-6)
        return 0;
    uint32_t r = (uint32_t)fl + (fr > 0.5);
    if (r >= 1000000) {
        r /= 10;
        e++;
        if (e > 5)
            return 0;
    }
    char d[6];
    for (int i = 5; i >= 0; i--, r /= 10)
        d[i] = (char)('0' + r % 10);
    int nd = 6;
    while (nd > 1 && d[nd - 1] == '0')
        nd--;
    size_t o = 0;
    if (v < 0)
        out[o++] = '-';
    if (e >= 0) {
        for (int i = 0; i <= e; i++)
            out[o++] = d[i];
        if (nd > e + 1) {
            out[o++] = '.';
            for (int i = e + 1; i < nd; i++)
                out[o++] = d[i];
        }
    } else {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -e - 1; i++)
            out[o++] = '0';
        for (int i = 0; i < nd; i++)
            out[o++] = d[i];
    }
    out[o] = 0;
    return o;
}

static int jdouble(dy_buf *b, double v)
{
    if (!isfinite(v))
        return dy_buf_str(b, "null");
    double t = v * 10.0;
    if (t == (double)(long long)t && t > -1e15 && t < 1e15) {
        /* one decimal at most (Goldstein scores): no printf */
        long long x = (long long)t;
        int neg = x < 0;
        uint64_t a = (uint64_t)(neg ? -x : x);
        if ((neg && dy_buf_ch(b, '-')) || jku(b, "", a / 10))
            return -1;
        if (a % 10) {
            char frac[2] = {'.', (char)('0' + a % 10)};
            return dy_buf_add(b, frac, 2);
        }
        return 0;
    }
    char tmp[32];
    size_t n = dy_fmt_g6(v, tmp);
    if (!n)
        n = (size_t)snprintf(tmp, sizeof tmp, "%.6g", v);
    return dy_buf_add(b, tmp, n);
}

static const char *mtext(const dyad_doc *d, const dy_mention *m, size_t *n)
{
    size_t a = d->t.tok[m->first].start, e = d->t.tok[m->end - 1].end;
    *n = e - a;
    return d->text + a;
}

static int jactor_ref(dy_buf *b, const dyad_doc *d, int32_t m)
{
    if (m < 0)
        return dy_buf_str(b, "null");
    size_t n;
    const char *s = mtext(d, &d->men[m], &n);
    int rc = dy_buf_str(b, "{\"text\":") || jstr(b, s, n) || dy_buf_str(b, ",\"code\":") ||
             jcstr(b, d->men[m].code) ||
             jku(b, ",\"start\":", d->t.tok[d->men[m].first].start) ||
             jku(b, ",\"end\":", d->t.tok[d->men[m].end - 1].end);
    if (!rc && d->men[m].ref >= 0) {
        size_t rn;
        const char *rs = mtext(d, &d->men[d->men[m].ref], &rn);
        rc = dy_buf_str(b, ",\"ref\":") || jstr(b, rs, rn);
    }
    return rc || dy_buf_ch(b, '}');
}

static int jevent(dy_buf *b, const dyad_ctx *ctx, const dyad_doc *d, const dy_event *e,
                  const char *id, int with_id)
{
    const dy_code *c = &ctx->ev.codes[e->code];
    char root[3] = {c->code[0], c->code[1], 0};
    size_t ts = d->t.tok[e->trig_first].start, te = d->t.tok[e->trig_end - 1].end;
    int rc = dy_buf_ch(b, '{');
    if (with_id)
        rc = rc || dy_buf_str(b, "\"id\":") || jcstr(b, id) || dy_buf_ch(b, ',');
    rc = rc || jku(b, "\"sentence\":", e->sent) || dy_buf_str(b, ",\"code\":\"") ||
         dy_buf_str(b, c->code) || dy_buf_str(b, "\",\"root\":\"") || dy_buf_str(b, root) ||
         jku(b, "\",\"quad_class\":", c->quad) || dy_buf_str(b, ",\"goldstein\":") ||
         jdouble(b, c->goldstein) || dy_buf_str(b, ",\"source\":") || jactor_ref(b, d, e->src) ||
         dy_buf_str(b, ",\"target\":") || jactor_ref(b, d, e->tgt) || dy_buf_str(b, ",\"date\":");
    if (!rc) {
        if (e->timex >= 0 && d->tx[e->timex].day == INT32_MIN)
            rc = jcstr(b, d->tx[e->timex].value);
        else
            rc = jdate(b, e->date);
    }
    rc = rc || dy_buf_str(b, ",\"location\":");
    if (!rc) {
        if (e->place >= 0) {
            const dy_place *p = &d->pl[e->place];
            rc = dy_buf_str(b, "{\"name\":") || jcstr(b, p->name) ||
                 dy_buf_str(b, ",\"country\":") || jcstr(b, p->country) ||
                 dy_buf_str(b, ",\"adm1\":") || jcstr(b, p->adm1[0] ? p->adm1 : NULL) ||
                 dy_buf_str(b, ",\"lat\":") || jdouble(b, p->lat) || dy_buf_str(b, ",\"lon\":") ||
                 jdouble(b, p->lon) || dy_buf_str(b, ",\"type\":") || jcstr(b, p->feature) ||
                 dy_buf_ch(b, '}');
        } else
            rc = dy_buf_str(b, "null");
    }
    rc = rc || dy_buf_str(b, e->negated ? ",\"negated\":true,\"trigger\":{\"text\":"
                                        : ",\"negated\":false,\"trigger\":{\"text\":") ||
         jstr(b, d->text + ts, te - ts) || jku(b, ",\"start\":", ts) || jku(b, ",\"end\":", te) ||
         dy_buf_ch(b, '}') ||
         dy_buf_str(b, ",\"plover\":{\"event\":") ||
         jcstr(b, c->plover_event[0] ? c->plover_event : NULL) || dy_buf_str(b, ",\"mode\":") ||
         jcstr(b, c->plover_mode[0] ? c->plover_mode : NULL) || dy_buf_str(b, "}}");
    return rc;
}

static int doc_record(dy_buf *b, const dyad_ctx *ctx, const dyad_doc *d, const char *id)
{
    int rc = dy_buf_str(b, "{\"id\":") || jcstr(b, id) || dy_buf_str(b, ",\"date\":") ||
             jdate(b, d->has_date ? d->date : INT32_MIN) || dy_buf_str(b, ",\"error\":");
    if (rc)
        return rc;
    if (d->err)
        return jcstr(b, d->errmsg[0] ? d->errmsg : dyad_strerror(d->err)) ||
               dy_buf_str(b, ",\"sentences\":[],\"actors\":[],\"events\":[],\"quotes\":[],\"timex\":[]}\n");
    rc = dy_buf_str(b, "null,\"sentences\":[");
    for (size_t i = 0; i < d->t.nsent && !rc; i++)
        rc = jku(b, i ? ",{\"start\":" : "{\"start\":", d->t.sent[i].start) ||
             jku(b, ",\"end\":", d->t.sent[i].end) || dy_buf_ch(b, '}');
    rc = rc || dy_buf_str(b, "],\"actors\":[");
    size_t nact = 0;    /* mentions written: uncoded ones (names) are left out */
    for (size_t i = 0; i < d->nmen && !rc; i++) {
        const dy_mention *m = &d->men[i];
        if (!m->code[0])
            continue;
        size_t n;
        const char *s = mtext(d, m, &n);
        rc = dy_buf_str(b, nact++ ? ",{\"text\":" : "{\"text\":") || jstr(b, s, n) ||
             dy_buf_str(b, ",\"code\":") || jcstr(b, m->code) ||
             jku(b, ",\"sentence\":", m->sent) || jku(b, ",\"start\":", d->t.tok[m->first].start) ||
             jku(b, ",\"end\":", d->t.tok[m->end - 1].end);
        if (!rc && m->ref >= 0) {
            size_t rn;
            const char *rs = mtext(d, &d->men[m->ref], &rn);
            rc = dy_buf_str(b, ",\"ref\":") || jstr(b, rs, rn);
        }
        if (!rc && (m->flags & AM_LOCATED))
            rc = dy_buf_str(b, ",\"located\":true");   /* country inferred */
        rc = rc || dy_buf_ch(b, '}');
    }
    rc = rc || dy_buf_str(b, "],\"events\":[");
    for (size_t i = 0; i < d->nev && !rc; i++)
        rc = (i && dy_buf_ch(b, ',')) || jevent(b, ctx, d, &d->ev[i], id, 0);
    rc = rc || dy_buf_str(b, "],\"quotes\":[");
    for (size_t i = 0; i < d->nq && !rc; i++) {
        const dy_quote *q = &d->q[i];
        rc = (i && dy_buf_ch(b, ',')) || dy_buf_str(b, "{\"text\":") ||
             jstr(b, d->text + q->start, q->end - q->start) ||
             jku(b, ",\"start\":", q->start) || jku(b, ",\"end\":", q->end) ||
             dy_buf_str(b, q->direct ? ",\"direct\":true,\"speaker\":" : ",\"direct\":false,\"speaker\":") ||
             jactor_ref(b, d, q->speaker) || dy_buf_ch(b, '}');
    }
    rc = rc || dy_buf_str(b, "],\"timex\":[");
    for (size_t i = 0; i < d->ntx && !rc; i++) {
        const dy_timex *x = &d->tx[i];
        size_t s = d->t.tok[x->first].start, e = d->t.tok[x->end - 1].end;
        static const char *ty[] = {"", "DATE", "TIME", "DURATION", "SET"};
        rc = (i && dy_buf_ch(b, ',')) || dy_buf_str(b, "{\"text\":") || jstr(b, d->text + s, e - s) ||
             dy_buf_str(b, ",\"type\":") || jcstr(b, ty[x->type <= 4 ? x->type : 0]) ||
             dy_buf_str(b, ",\"value\":") || jcstr(b, x->value) ||
             jku(b, ",\"start\":", s) || jku(b, ",\"end\":", e) || dy_buf_ch(b, '}');
    }
    return rc || dy_buf_str(b, "]}\n");
}

const char *dyad_doc_json(dyad_doc *d, const char *id, dyad_format fmt, size_t *len)
{
    const dyad_ctx *ctx = d->ctx;
    d->out.len = 0;
    if (dy_buf_add(&d->out, "", 0))
        return NULL;
    int rc = 0;
    if (!ctx) {
        /* never coded: an empty record */
        rc = dy_buf_str(&d->out, "{\"id\":") || jcstr(&d->out, id) ||
             dy_buf_str(&d->out, ",\"date\":null,\"error\":\"not coded\",\"sentences\":[],"
                                 "\"actors\":[],\"events\":[],\"quotes\":[],\"timex\":[]}\n");
    } else if (fmt == DYAD_FMT_EVENTS) {
        for (size_t i = 0; i < d->nev && !rc; i++)
            rc = jevent(&d->out, ctx, d, &d->ev[i], id, 1) || dy_buf_ch(&d->out, '\n');
    } else
        rc = doc_record(&d->out, ctx, d, id);
    if (rc)
        return NULL;
    if (len)
        *len = d->out.len;
    return d->out.p;
}

/* ---- accessors ---- */
static int add_str(dyad_doc *d, size_t *off, const char *s, size_t n)
{
    *off = d->strs.len;
    return dy_buf_add(&d->strs, s, n) || dy_buf_ch(&d->strs, 0);
}

/* Build every accessor string once per document, so pointers stay valid. */
static int build_strs(dyad_doc *d)
{
    if (d->strs_ready)
        return 0;
    d->strs.len = 0;
    size_t need = d->nmen * 3 + d->nev * 8 + 1;
    if (dy_grow((void **)&d->str_off, &d->str_off_cap, need, sizeof *d->str_off))
        return -1;
    size_t z;
    if (add_str(d, &z, "", 0))   /* offset 0: the empty string */
        return -1;
    size_t *o = d->str_off;
    for (size_t i = 0; i < d->nmen; i++, o += 3) {
        size_t n;
        const char *s = mtext(d, &d->men[i], &n);
        if (add_str(d, &o[0], s, n) || add_str(d, &o[1], d->men[i].code, strlen(d->men[i].code)))
            return -1;
        o[2] = 0;
        if (d->men[i].ref >= 0) {
            s = mtext(d, &d->men[d->men[i].ref], &n);
            if (add_str(d, &o[2], s, n))
                return -1;
        }
    }
    for (size_t i = 0; i < d->nev; i++, o += 8) {
        const dy_event *e = &d->ev[i];
        const dy_code *c = &d->ctx->ev.codes[e->code];
        char root[3] = {c->code[0], c->code[1], 0};
        char date[24] = "";
        if (e->timex >= 0 && d->tx[e->timex].day == INT32_MIN)
            snprintf(date, sizeof date, "%s", d->tx[e->timex].value);
        else if (e->date != INT32_MIN)
            dy_format_date(e->date, date);
        size_t ts = d->t.tok[e->trig_first].start, te = d->t.tok[e->trig_end - 1].end;
        if (add_str(d, &o[0], root, 2) || add_str(d, &o[1], date, strlen(date)) ||
            add_str(d, &o[2], d->text + ts, te - ts))
            return -1;
        o[3] = o[4] = o[5] = o[6] = o[7] = 0;
        if (e->place >= 0) {
            const dy_place *p = &d->pl[e->place];
            if (add_str(d, &o[3], p->name, strlen(p->name)) ||
                add_str(d, &o[4], p->country, strlen(p->country)))
                return -1;
        }
    }
    d->strs_ready = 1;
    return 0;
}

dyad_err dyad_doc_actor(const dyad_doc *cd, size_t i, dyad_actor_info *out)
{
    dyad_doc *d = (dyad_doc *)cd;
    if (i >= d->nmen)
        return DYAD_ENOTFOUND;
    if (build_strs(d))
        return DYAD_ENOMEM;
    const size_t *o = d->str_off + i * 3;
    const dy_mention *m = &d->men[i];
    out->text = d->strs.p + o[0];
    out->code = d->strs.p + o[1];
    out->ref_text = m->ref >= 0 ? d->strs.p + o[2] : NULL;
    out->located = (m->flags & AM_LOCATED) != 0;
    out->sentence = m->sent;
    out->start = d->t.tok[m->first].start;
    out->end = d->t.tok[m->end - 1].end;
    return DYAD_OK;
}

dyad_err dyad_doc_event(const dyad_doc *cd, size_t i, dyad_event_info *out)
{
    dyad_doc *d = (dyad_doc *)cd;
    if (i >= d->nev)
        return DYAD_ENOTFOUND;
    if (build_strs(d))
        return DYAD_ENOMEM;
    const dy_event *e = &d->ev[i];
    const dy_code *c = &d->ctx->ev.codes[e->code];
    const size_t *o = d->str_off + d->nmen * 3 + i * 8;
    const size_t *mo;
    memset(out, 0, sizeof *out);
    out->sentence = e->sent;
    out->code = c->code;
    out->root = d->strs.p + o[0];
    out->quad_class = c->quad;
    out->goldstein = c->goldstein;
    out->source_text = out->source_code = out->target_text = out->target_code = "";
    if (e->src >= 0) {
        mo = d->str_off + (size_t)e->src * 3;
        out->source_text = d->strs.p + mo[0];
        out->source_code = d->strs.p + mo[1];
    }
    if (e->tgt >= 0) {
        mo = d->str_off + (size_t)e->tgt * 3;
        out->target_text = d->strs.p + mo[0];
        out->target_code = d->strs.p + mo[1];
    }
    out->date = d->strs.p[o[1]] ? d->strs.p + o[1] : NULL;
    out->trigger = d->strs.p + o[2];
    out->trigger_start = d->t.tok[e->trig_first].start;
    out->trigger_end = d->t.tok[e->trig_end - 1].end;
    out->negated = e->negated;
    out->plover_event = c->plover_event;
    out->plover_mode = c->plover_mode;
    if (e->place >= 0) {
        out->location = d->strs.p + o[3];
        out->loc_country = d->strs.p + o[4];
        out->lat = d->pl[e->place].lat;
        out->lon = d->pl[e->place].lon;
    }
    return DYAD_OK;
}
