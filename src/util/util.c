/* util.c - allocator wrapper, growable buffers, interning, hash map and date
 * arithmetic for libdyad. Nothing here prints or exits. */
#include "util.h"
#include "dyad.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void *(*g_malloc)(size_t) = malloc;
static void *(*g_realloc)(void *, size_t) = realloc;
static void (*g_free)(void *) = free;

void dyad_set_allocator(void *(*m)(size_t), void *(*r)(void *, size_t), void (*f)(void *))
{
    g_malloc = m ? m : malloc;
    g_realloc = r ? r : realloc;
    g_free = f ? f : free;
}

void *dy_malloc(size_t n) { return g_malloc(n ? n : 1); }
void *dy_realloc(void *p, size_t n) { return g_realloc(p, n ? n : 1); }
void dy_free(void *p)
{
    if (p)
        g_free(p);
}
void *dy_calloc(size_t n, size_t sz)
{
    if (sz && n > SIZE_MAX / sz)
        return NULL;
    void *p = dy_malloc(n * sz);
    if (p)
        memset(p, 0, n * sz);
    return p;
}
char *dy_strndup(const char *s, size_t n)
{
    char *p = dy_malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

int dy_grow_slow(void **arr, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / sz)
            return -1;
        nc *= 2;
    }
    void *p = dy_realloc(*arr, nc * sz);
    if (!p)
        return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

int dy_buf_printf(dy_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof tmp)
        return dy_buf_add(b, tmp, (size_t)n);
    if (dy_grow((void **)&b->p, &b->cap, b->len + (size_t)n + 1, 1))
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}
void dy_buf_free(dy_buf *b)
{
    dy_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- interning ---- */

/* The slot hash of the interning tables (in memory only): eight bytes at a
 * time, where FNV-1a takes one (the lookup of every token's word). */
static inline uint32_t intern_hash(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        h = (h ^ x) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
        s += 8;
        n -= 8;
    }
    uint64_t x = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        x = ((uint64_t)a << 32) | b;
    } else if (n > 0)
        x = ((uint64_t)(unsigned char)s[0] << 16) | ((uint64_t)(unsigned char)s[n >> 1] << 8) |
            (unsigned char)s[n - 1];
    return dy_hash_u64(h ^ x);
}

int dy_intern_init(dy_intern *t)
{
    memset(t, 0, sizeof *t);
    t->nslots = 1024;
    t->slots = dy_calloc(t->nslots, sizeof *t->slots);
    if (!t->slots)
        return -1;
    if (DY_GROW(t->offs, t->cap, 1) || dy_grow((void **)&t->lens, &(size_t){0}, t->cap, sizeof *t->lens)) {
        dy_intern_free(t);
        return -1;
    }
    t->offs[0] = 0;
    t->lens[0] = 0;
    t->n = 1;
    if (dy_grow((void **)&t->pool, &t->pool_cap, 1, 1)) {
        dy_intern_free(t);
        return -1;
    }
    t->pool[0] = 0;
    t->pool_len = 1;
    return 0;
}
void dy_intern_free(dy_intern *t)
{
    dy_free(t->pool);
    dy_free(t->offs);
    dy_free(t->lens);
    dy_free(t->slots);
    memset(t, 0, sizeof *t);
}
/* memcmp(a, b, n) == 0 for the short strings of a lookup, without the call */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

uint32_t dy_intern_find(const dy_intern *t, const char *s, size_t n)
{
    if (!t->nslots)
        return 0;
    size_t mask = t->nslots - 1;
    for (size_t i = intern_hash(s, n) & mask;; i = (i + 1) & mask) {
        uint32_t id = t->slots[i];
        if (!id)
            return 0;
        if (t->lens[id] == n && same_bytes(t->pool + t->offs[id], s, n))
            return id;
    }
}
static int intern_rehash(dy_intern *t)
{
    size_t ns = t->nslots * 2;
    uint32_t *sl = dy_calloc(ns, sizeof *sl);
    if (!sl)
        return -1;
    for (size_t id = 1; id < t->n; id++) {
        size_t i = intern_hash(t->pool + t->offs[id], t->lens[id]) & (ns - 1);
        while (sl[i])
            i = (i + 1) & (ns - 1);
        sl[i] = (uint32_t)id;
    }
    dy_free(t->slots);
    t->slots = sl;
    t->nslots = ns;
    return 0;
}
uint32_t dy_intern_add(dy_intern *t, const char *s, size_t n)
{
    uint32_t id = dy_intern_find(t, s, n);
    if (id)
        return id;
    if ((t->n + 1) * 2 > t->nslots && intern_rehash(t))
        return 0;
    size_t lcap = t->cap;
    if (DY_GROW(t->offs, t->cap, t->n + 1))
        return 0;
    if (t->cap != lcap) {
        uint32_t *nl = dy_realloc(t->lens, t->cap * sizeof *nl);
        if (!nl)
            return 0;
        t->lens = nl;
    }
    if (dy_grow((void **)&t->pool, &t->pool_cap, t->pool_len + n + 1, 1))
        return 0;
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = 0;
    id = (uint32_t)t->n++;
    t->offs[id] = (uint32_t)t->pool_len;
    t->lens[id] = (uint32_t)n;
    t->pool_len += n + 1;
    size_t mask = t->nslots - 1;
    size_t i = intern_hash(s, n) & mask;
    while (t->slots[i])
        i = (i + 1) & mask;
    t->slots[i] = id;
    return id;
}

/* ---- map ---- */
static int map_rehash(dy_map *m, size_t ns)
{
    uint64_t *k = dy_calloc(ns, sizeof *k);
    uint32_t *v = dy_calloc(ns, sizeof *v);
    if (!k || !v) {
        dy_free(k);
        dy_free(v);
        return -1;
    }
    for (size_t j = 0; j < m->nslots; j++) {
        if (!m->keys[j])
            continue;
        size_t i = dy_hash_u64(m->keys[j]) & (ns - 1);
        while (k[i])
            i = (i + 1) & (ns - 1);
        k[i] = m->keys[j];
        v[i] = m->vals[j];
    }
    dy_free(m->keys);
    dy_free(m->vals);
    m->keys = k;
    m->vals = v;
    m->nslots = ns;
    return 0;
}
int dy_map_put(dy_map *m, uint64_t key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->nslots && map_rehash(m, m->nslots ? m->nslots * 2 : 64))
        return -1;
    size_t mask = m->nslots - 1;
    size_t i = dy_hash_u64(key) & mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & mask;
    if (!m->keys[i])
        m->n++;
    m->keys[i] = key;
    m->vals[i] = val;
    return 0;
}
void dy_map_free(dy_map *m)
{
    dy_free(m->keys);
    dy_free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- dates (H. Hinnant's civil calendar algorithms) ---- */
int32_t dy_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}
void dy_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}
static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}
int dy_parse_date(const char *s, size_t n, int32_t *days)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int v[3] = {0, 0, 0}, w[3] = {4, 2, 2}, o[3] = {0, 5, 8};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < w[k]; i++) {
            char c = s[o[k] + i];
            if (!dy_is_digit(c))
                return -1;
            v[k] = v[k] * 10 + (c - '0');
        }
    if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1]))
        return -1;
    *days = dy_days_from_civil(v[0], v[1], v[2]);
    return 0;
}
void dy_format_date(int32_t days, char out[11])
{
    int y, m, d;
    dy_civil_from_days(days, &y, &m, &d);
    if (y < 0)
        y = 0;
    y %= 10000;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = 0;
}

char *dy_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    dy_buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (dy_buf_add(&b, tmp, n)) {
            fclose(f);
            dy_buf_free(&b);
            return NULL;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        dy_buf_free(&b);
        return NULL;
    }
    if (!b.p && dy_buf_add(&b, "", 0))
        return NULL;
    if (len)
        *len = b.len;
    return b.p;
}
