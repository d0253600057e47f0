/* util.h - private to libdyad: allocator wrapper, growable arrays, string
 * interning, hashing and date arithmetic shared by every stage. */
#ifndef DY_UTIL_H
#define DY_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* One allocator for the whole library (dyad_set_allocator replaces it). */
void *dy_malloc(size_t n);
void *dy_calloc(size_t n, size_t sz);
void *dy_realloc(void *p, size_t n);
void dy_free(void *p);
char *dy_strndup(const char *s, size_t n);

/* Grow *arr (element size sz) so that it holds at least need elements.
 * Returns 0 on success, -1 when out of memory (the array is unchanged). */
int dy_grow_slow(void **arr, size_t *cap, size_t need, size_t sz);
static inline int dy_grow(void **arr, size_t *cap, size_t need, size_t sz)
{
    return need <= *cap ? 0 : dy_grow_slow(arr, cap, need, sz);
}
#define DY_GROW(arr, cap, need) dy_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* A growing byte buffer. */
typedef struct dy_buf {
    char *p;
    size_t len, cap;
} dy_buf;
/* The appends are inline (the JSON writer's hot path); the buffer stays
 * NUL-terminated. */
#define DY_INLINE static inline __attribute__((always_inline))
DY_INLINE int dy_buf_add(dy_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap && dy_grow_slow((void **)&b->p, &b->cap, b->len + n + 1, 1))
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return 0;
}
DY_INLINE int dy_buf_str(dy_buf *b, const char *s) { return dy_buf_add(b, s, strlen(s)); }
DY_INLINE int dy_buf_ch(dy_buf *b, char c)
{
    if (b->len + 2 > b->cap && dy_grow_slow((void **)&b->p, &b->cap, b->len + 2, 1))
        return -1;
    b->p[b->len++] = c;
    b->p[b->len] = 0;
    return 0;
}
int dy_buf_printf(dy_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void dy_buf_free(dy_buf *b);

/* FNV-1a hash. */
static inline uint32_t dy_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}
static inline uint32_t dy_hash_u64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb3fe1a85ec53ULL;
    k ^= k >> 33;
    return (uint32_t)k;
}

/* String interning: every distinct string gets a small id (1..n); 0 = none.
 * Strings are stored NUL-terminated in one pool. Lookup never allocates. */
typedef struct dy_intern {
    char *pool;
    size_t pool_len, pool_cap;
    uint32_t *offs;       /* id -> offset in pool */
    uint32_t *lens;       /* id -> length */
    size_t n, cap;        /* n ids used (id 0 reserved) */
    uint32_t *slots;      /* open addressing: id or 0 */
    size_t nslots;
} dy_intern;
int dy_intern_init(dy_intern *t);
void dy_intern_free(dy_intern *t);
/* Returns the id of s (adding it), 0 when out of memory. */
uint32_t dy_intern_add(dy_intern *t, const char *s, size_t n);
/* Returns the id of s or 0 if absent. */
uint32_t dy_intern_find(const dy_intern *t, const char *s, size_t n);
static inline const char *dy_intern_str(const dy_intern *t, uint32_t id)
{
    return t->pool + t->offs[id];
}
static inline uint32_t dy_intern_len(const dy_intern *t, uint32_t id)
{
    return t->lens[id];
}

/* A hash map from 64-bit keys to 32-bit values (open addressing). */
typedef struct dy_map {
    uint64_t *keys;
    uint32_t *vals;
    size_t n, nslots;     /* nslots is a power of two; key 0 is reserved */
} dy_map;
int dy_map_put(dy_map *m, uint64_t key, uint32_t val);
/* Returns 1 and sets *val when found. */
static inline int dy_map_get(const dy_map *m, uint64_t key, uint32_t *val)
{
    if (!m->nslots)
        return 0;
    size_t mask = m->nslots - 1;
    for (size_t i = dy_hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == key) {
            *val = m->vals[i];
            return 1;
        }
        if (m->keys[i] == 0)
            return 0;
    }
}
void dy_map_free(dy_map *m);

/* Dates as day numbers (days since 1970-01-01, proleptic Gregorian). */
int32_t dy_days_from_civil(int y, int m, int d);
void dy_civil_from_days(int32_t z, int *y, int *m, int *d);
/* Parse "YYYY-MM-DD" (exactly). Returns 0 and sets *days, or -1. */
int dy_parse_date(const char *s, size_t n, int32_t *days);
/* Write "YYYY-MM-DD" plus NUL into out (11 bytes). */
void dy_format_date(int32_t days, char out[11]);
/* 0 = Monday ... 6 = Sunday */
static inline int dy_weekday(int32_t days) { return (int)(((days % 7) + 7 + 3) % 7); }

/* Small helpers. */
static inline int dy_is_ascii_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int dy_is_ascii_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int dy_is_digit(int c) { return c >= '0' && c <= '9'; }

/* Read a whole file into a NUL-terminated buffer (free with dy_free). */
char *dy_read_file(const char *path, size_t *len);

#endif

/* Line-oriented data files: for each *.txt file of dir (sorted by name), call
 * cb with the file's path and each non-empty line with its comment ('#' to end
 * of line) and surrounding blanks removed. cb returns 0 to go on, -1 to stop
 * (the error message is then in err). Returns 0, or -1 with err set. */
typedef int (*dy_line_cb)(void *user, const char *path, int fileno, int line,
                          char *s, size_t n, char *err, size_t errlen);
int dy_read_dir_lines(const char *dir, dy_line_cb cb, void *user, char ***files,
                      size_t *nfiles, char *err, size_t errlen);
/* Trim blanks from both ends of [*s, *s + *n). */
void dy_trim(char **s, size_t *n);
