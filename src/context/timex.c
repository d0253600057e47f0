/* timex.c - time expressions and event dates (the context stage).
 *
 * dy_timex_find() reads the token array of a document (normalised forms,
 * capitalisation flags and, when the syntax stage has run, Penn tags) and the
 * document date, and writes doc->tx: every time expression with its TimeML
 * type (DATE, TIME, DURATION, SET) and value, resolved against the document
 * date (doc->date, or doc->role_date when the document has none):
 *
 *   Oct. 3, 3 October 2024, 2024-10-03, 10/03/2024 (US month/day)  2024-10-03
 *   Thursday, on Wednesday (by the tense of the nearest verb)      2024-10-02
 *   today, yesterday, tonight, this morning, last night            2024-10-03
 *   next week, earlier this week                                   2024-W41
 *   last month / in March / next year / this summer      2024-09 2024-03 2025 2024-SU
 *   the third quarter, the 1990s, now                       2024-Q3 199 PRESENT_REF
 *   two days ago, a year earlier (from the last date named)        2024-10-01
 *   for three years                                       DURATION P3Y
 *   at 3 p.m.                                             TIME 2024-10-03T15:00
 *
 * dy_timex_assign() then gives each coded event the date of the DATE
 * expression of its clause.
 *
 * The word lists (months, weekdays, seasons, numbers, units, relative words,
 * tense cues) are data: every *.txt file of <data_dir>/time, format in
 * docs/dates.md. The context is read-only and has no slot for them, so they
 * are loaded on first use into a process-wide cache, one table per data
 * directory, guarded by a mutex; the tables live until the process exits.
 * A data directory without time/ gives no time expressions.
 *
 * The grammar is hand-written. A token is looked at only when it is a number
 * that may be a date or its form is in the word table (a signature test, then
 * one hash probe, cached per sentence); at such a token the recognisers that
 * can start there each try to match and the longest match wins. Weekdays,
 * months and dates without a year take their direction from the tense of the
 * nearest verb (Penn tags; word cues from tense.txt when untagged). No
 * allocation per token: results go to the document's flat array.
 *
 * Failure: dy_timex_find returns -1 only when out of memory (the first call
 * for a data directory allocates its tables). */
#include "../core/internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- the word table ------------------------------------------------------ */

enum tx_kind {
    K_MONTH = 1u << 0,
    K_WDAY = 1u << 1,
    K_SEASON = 1u << 2,
    K_NUMBER = 1u << 3,
    K_ORD = 1u << 4,
    K_UNIT = 1u << 5,
    K_DAY = 1u << 6,
    K_REF = 1u << 7,
    K_MOD = 1u << 8,
    K_POS = 1u << 9,
    K_PART = 1u << 10,
    K_AFTER = 1u << 11,
    K_TENSE = 1u << 12,
    K_AMPM = 1u << 13,
    K_CLOCK = 1u << 14,
    K_SET = 1u << 15,
    K_DECADE = 1u << 16,
    K_FISCAL = 1u << 17,
    K_EVERY = 1u << 18,
    K_BOUNDARY = 1u << 19,
    K_ZONE = 1u << 20,
    K_HOLIDAY = 1u << 21,
    K_PHRASE = 1u << 30     /* first word of a multi-word entry */
};
/* kinds at which an expression may start */
#define K_START                                                                         \
    (K_MONTH | K_WDAY | K_SEASON | K_NUMBER | K_ORD | K_UNIT | K_DAY | K_REF | K_MOD |   \
     K_POS | K_SET | K_DECADE | K_FISCAL | K_EVERY | K_CLOCK | K_HOLIDAY | K_PHRASE)

enum tx_flag {
    F_STRICT_MONTH = 1 << 0,  /* month name that is also a word (May) */
    F_STRICT_WDAY = 1 << 1,
    F_STRICT_SEASON = 1 << 2,
    F_ARTICLE = 1 << 3,       /* a/an: a number only before a unit */
    F_PLURAL = 1 << 4,        /* plural unit */
    F_REF_NEEDTHE = 1 << 5,   /* reference only after "the" */
    F_REF_UNIT = 1 << 6,      /* reference only before a plural unit */
    F_MOD_ANA = 1 << 7,       /* anaphoric modifier (following) */
    F_AFTER_ANA = 1 << 8,     /* anaphoric after-word (earlier, later) */
    F_POS_OF = 1 << 9         /* position word that needs "of" (end of) */
};

enum tx_tense { TN_NONE = 0, TN_PAST, TN_PRES, TN_FUT, TN_PERFECT, TN_NOTVERB };
enum tx_ref { R_PRESENT = 1, R_PAST, R_FUTURE };

/* Granularities of values; the units of the data files map onto them. */
enum tx_gran {
    G_NONE = 0, G_MINUTE, G_HOUR, G_DAY, G_WEEKEND, G_WEEK, G_MONTH, G_SEASON,
    G_QUARTER, G_HALF, G_YEAR, G_DECADE, G_CENTURY, G_LIT
};

typedef struct txw {
    uint32_t kinds;         /* enum tx_kind bits */
    uint16_t flags;         /* enum tx_flag bits */
    int8_t month, wday;     /* 1-12; 1 Monday .. 7 Sunday */
    int8_t season;          /* 0 SP, 1 SU, 2 FA, 3 WI */
    int8_t ord, day, mod, after, tense, ampm, part, unit, set, ref, decade;
    int16_t clock;          /* minutes after midnight */
    int8_t hmonth, hday;    /* K_HOLIDAY: month and day, or day = -n with */
    int8_t hwday;           /* hwday: the n-th weekday hwday (1-7) of the month */
    int32_t num;            /* -1: an unknown count (several) */
} txw;

typedef struct txphrase {
    uint32_t w0;            /* word id of its first word */
    uint32_t off, n;        /* its word ids: tb->pw[off .. off + n) */
    txw e;
} txphrase;

/* The tables live for the whole process, so they are allocated with the C
 * library's allocator, not dy_malloc: a caller may swap its allocator
 * (dyad_set_allocator) or check it for balance after freeing everything. */
static int sys_grow(void **p, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * sz);
    if (!q)
        return -1;
    memset((char *)q + *cap * sz, 0, (nc - *cap) * sz);
    *p = q;
    *cap = nc;
    return 0;
}

/* Words -> ids 1..n (0: none), open addressing. */
typedef struct txdict {
    char *pool;
    size_t plen, pcap;
    uint32_t *off, *len;    /* by id */
    size_t n, cap;
    uint32_t *slot;         /* id or 0; nslot is a power of two */
    size_t nslot;
} txdict;

static uint32_t dict_find(const txdict *d, const char *w, size_t n)
{
    if (!d->nslot)
        return 0;
    size_t mask = d->nslot - 1;
    for (size_t i = dy_hash(w, n) & mask;; i = (i + 1) & mask) {
        uint32_t id = d->slot[i];
        if (!id)
            return 0;
        if (d->len[id] == n && !memcmp(d->pool + d->off[id], w, n))
            return id;
    }
}

static uint32_t dict_add(txdict *d, const char *w, size_t n)
{
    uint32_t id = dict_find(d, w, n);
    if (id)
        return id;
    if ((d->n + 2) * 2 > d->nslot) {   /* rehash at half full */
        size_t ns = d->nslot ? d->nslot * 2 : 256;
        uint32_t *sl = calloc(ns, sizeof *sl);
        if (!sl)
            return 0;
        for (size_t k = 1; k <= d->n; k++) {
            size_t i = dy_hash(d->pool + d->off[k], d->len[k]) & (ns - 1);
            while (sl[i])
                i = (i + 1) & (ns - 1);
            sl[i] = (uint32_t)k;
        }
        free(d->slot);
        d->slot = sl;
        d->nslot = ns;
    }
    size_t cap = d->cap;
    if (sys_grow((void **)&d->pool, &d->pcap, d->plen + n + 1, 1) ||
        sys_grow((void **)&d->off, &cap, d->n + 2, sizeof *d->off) ||
        sys_grow((void **)&d->len, &d->cap, d->n + 2, sizeof *d->len))
        return 0;
    id = (uint32_t)++d->n;
    memcpy(d->pool + d->plen, w, n);
    d->pool[d->plen + n] = 0;
    d->off[id] = (uint32_t)d->plen;
    d->len[id] = (uint32_t)n;
    d->plen += n + 1;
    size_t i = dy_hash(w, n) & (d->nslot - 1);
    while (d->slot[i])
        i = (i + 1) & (d->nslot - 1);
    d->slot[i] = id;
    return id;
}

static void dict_free(txdict *d)
{
    free(d->pool);
    free(d->off);
    free(d->len);
    free(d->slot);
}

typedef struct txtab {
    char *dir;
    txdict words;           /* every word of the lists */
    txw *w;                 /* per word id */
    size_t wcap;
    txphrase *ph;
    size_t nph, phcap;
    uint32_t *pw;
    size_t npw, pwcap;
    /* one bit per (first byte, last byte, length) of the words: most tokens
     * are rejected by it without hashing */
    uint8_t sig[32 * 32 * 16 / 8];
    struct txtab *next;
} txtab;

static inline unsigned tab_sig(const char *w, size_t n)
{
    return ((unsigned)(w[0] & 31) << 9) | ((unsigned)(w[n - 1] & 31) << 4) |
           (unsigned)(n < 15 ? n : 15);
}

static pthread_mutex_t tx_lock = PTHREAD_MUTEX_INITIALIZER;
static txtab *tx_cache;

static int days_in_month(int y, int m);

static int tw_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

static int parse_int(const char *s, size_t n, int *v)
{
    int neg = 0, x = 0;
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (i == n || n - i > 6)
        return -1;
    for (; i < n; i++) {
        if (!dy_is_digit(s[i]))
            return -1;
        x = x * 10 + (s[i] - '0');
    }
    *v = neg ? -x : x;
    return 0;
}

static int unit_from(const char *s, size_t n)
{
    static const char *u[] = {"", "minute", "hour", "day", "weekend", "week", "month", "season",
                              "quarter", "half", "year", "decade", "century"};
    for (int i = 1; i < (int)(sizeof u / sizeof *u); i++)
        if (tw_is(s, n, u[i]))
            return i;
    return 0;
}

/* Parse the right side of "words = kind args" into e. Returns 0 or -1. */
static int parse_entry(char *s, txw *e)
{
    char *arg[4];
    size_t alen[4];
    int na = 0;
    char *kind = NULL;
    size_t klen = 0;
    for (char *p = s; *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        char *q = p;
        while (*q && *q != ' ' && *q != '\t')
            q++;
        if (!kind) {
            kind = p;
            klen = (size_t)(q - p);
        } else if (na < 4) {
            arg[na] = p;
            alen[na++] = (size_t)(q - p);
        } else
            return -1;
        p = q;
    }
    if (!kind)
        return -1;
    int v = 0;
#define ARG_IS(k, w) (na > (k) && tw_is(arg[k], alen[k], w))
    if (tw_is(kind, klen, "month")) {
        if (na < 1 || parse_int(arg[0], alen[0], &v) || v < 1 || v > 12)
            return -1;
        e->kinds |= K_MONTH;
        e->month = (int8_t)v;
        if (ARG_IS(1, "strict"))
            e->flags |= F_STRICT_MONTH;
    } else if (tw_is(kind, klen, "weekday")) {
        if (na < 1 || parse_int(arg[0], alen[0], &v) || v < 1 || v > 7)
            return -1;
        e->kinds |= K_WDAY;
        e->wday = (int8_t)v;
        if (ARG_IS(1, "strict"))
            e->flags |= F_STRICT_WDAY;
    } else if (tw_is(kind, klen, "season")) {
        static const char *sc[] = {"SP", "SU", "FA", "WI"};
        int k = -1;
        for (int i = 0; i < 4; i++)
            if (ARG_IS(0, sc[i]))
                k = i;
        if (k < 0)
            return -1;
        e->kinds |= K_SEASON;
        e->season = (int8_t)k;
        if (ARG_IS(1, "strict"))
            e->flags |= F_STRICT_SEASON;
    } else if (tw_is(kind, klen, "number")) {
        if (ARG_IS(0, "X"))
            v = -1;
        else if (na < 1 || parse_int(arg[0], alen[0], &v) || v < 0)
            return -1;
        e->kinds |= K_NUMBER;
        e->num = v;
        if (ARG_IS(1, "article"))
            e->flags |= F_ARTICLE;
    } else if (tw_is(kind, klen, "ordinal")) {
        if (na < 1 || parse_int(arg[0], alen[0], &v) || v < 1 || v > 100)
            return -1;
        e->kinds |= K_ORD;
        e->ord = (int8_t)v;
    } else if (tw_is(kind, klen, "decade")) {
        if (na < 1 || parse_int(arg[0], alen[0], &v) || v < 0 || v > 90 || v % 10)
            return -1;
        e->kinds |= K_DECADE;
        e->decade = (int8_t)v;
    } else if (tw_is(kind, klen, "unit")) {
        int u = na ? unit_from(arg[0], alen[0]) : 0;
        if (!u || u == G_SEASON)
            return -1;
        e->kinds |= K_UNIT;
        e->unit = (int8_t)u;
        if (ARG_IS(1, "plural"))
            e->flags |= F_PLURAL;
    } else if (tw_is(kind, klen, "day")) {
        if (na < 1 || parse_int(arg[0], alen[0], &v) || v < -7 || v > 7)
            return -1;
        e->kinds |= K_DAY;
        e->day = (int8_t)v;
    } else if (tw_is(kind, klen, "ref")) {
        if (ARG_IS(0, "PRESENT_REF"))
            e->ref = R_PRESENT;
        else if (ARG_IS(0, "PAST_REF"))
            e->ref = R_PAST;
        else if (ARG_IS(0, "FUTURE_REF"))
            e->ref = R_FUTURE;
        else
            return -1;
        e->kinds |= K_REF;
        if (ARG_IS(1, "needthe"))
            e->flags |= F_REF_NEEDTHE;
        if (ARG_IS(1, "unit"))
            e->flags |= F_REF_UNIT;
    } else if (tw_is(kind, klen, "mod")) {
        if (na < 1 || parse_int(arg[0], alen[0], &v) || v < -1 || v > 1)
            return -1;
        e->kinds |= K_MOD;
        e->mod = (int8_t)v;
        if (ARG_IS(1, "anaphoric"))
            e->flags |= F_MOD_ANA;
    } else if (tw_is(kind, klen, "pos")) {
        e->kinds |= K_POS;
        if (ARG_IS(0, "of"))
            e->flags |= F_POS_OF;
    } else if (tw_is(kind, klen, "part")) {
        static const char *pc[] = {"MO", "AF", "EV", "NI"};
        int k = -1;
        for (int i = 0; i < 4; i++)
            if (ARG_IS(0, pc[i]))
                k = i;
        if (k < 0)
            return -1;
        e->kinds |= K_PART;
        e->part = (int8_t)(k + 1);
    } else if (tw_is(kind, klen, "after")) {
        if (na < 1 || parse_int(arg[0], alen[0], &v) || (v != -1 && v != 1))
            return -1;
        e->kinds |= K_AFTER;
        e->after = (int8_t)v;
        if (ARG_IS(1, "anaphoric"))
            e->flags |= F_AFTER_ANA;
    } else if (tw_is(kind, klen, "tense")) {
        static const char *tn[] = {"", "past", "present", "future", "perfect", "none"};
        int k = -1;
        for (int i = 1; i < 6; i++)
            if (ARG_IS(0, tn[i]))
                k = i;
        if (k < 0)
            return -1;
        e->kinds |= K_TENSE;
        e->tense = (int8_t)k;
    } else if (tw_is(kind, klen, "ampm")) {
        if (!ARG_IS(0, "am") && !ARG_IS(0, "pm"))
            return -1;
        e->kinds |= K_AMPM;
        e->ampm = ARG_IS(0, "pm") ? 2 : 1;
    } else if (tw_is(kind, klen, "clock")) {
        int h, m;
        if (na < 1 || alen[0] != 5 || arg[0][2] != ':' || parse_int(arg[0], 2, &h) ||
            parse_int(arg[0] + 3, 2, &m) || h > 24 || m > 59)
            return -1;
        e->kinds |= K_CLOCK;
        e->clock = (int16_t)(h * 60 + m);
    } else if (tw_is(kind, klen, "set")) {
        int u = na ? unit_from(arg[0], alen[0]) : 0;
        if (!u)
            return -1;
        e->kinds |= K_SET;
        e->set = (int8_t)u;
    } else if (tw_is(kind, klen, "every"))
        e->kinds |= K_EVERY;
    else if (tw_is(kind, klen, "fiscal"))
        e->kinds |= K_FISCAL;
    else if (tw_is(kind, klen, "boundary"))
        e->kinds |= K_BOUNDARY;
    else if (tw_is(kind, klen, "zone"))
        e->kinds |= K_ZONE;
    else if (tw_is(kind, klen, "holiday")) {
        /* MM-DD, or MM-N-W: the N-th weekday W (1 Monday) of month MM */
        int mo, a, b = 0;
        if (na < 1 || alen[0] < 5 || arg[0][2] != '-' || parse_int(arg[0], 2, &mo) || mo < 1 ||
            mo > 12)
            return -1;
        const char *r = arg[0] + 3;
        size_t rn = alen[0] - 3;
        const char *h = memchr(r, '-', rn);
        if (h) {
            if (parse_int(r, (size_t)(h - r), &a) || parse_int(h + 1, rn - (size_t)(h - r) - 1, &b) ||
                a < 1 || a > 5 || b < 1 || b > 7)
                return -1;
            e->hday = (int8_t)-a;
            e->hwday = (int8_t)b;
        } else {
            if (parse_int(r, rn, &a) || a < 1 || a > days_in_month(2000, mo))
                return -1;
            e->hday = (int8_t)a;
        }
        e->kinds |= K_HOLIDAY;
        e->hmonth = (int8_t)mo;
    }
    else
        return -1;
#undef ARG_IS
    return 0;
}

static void merge(txw *a, const txw *b)
{
    uint32_t k = b->kinds;
    a->kinds |= k;
    a->flags |= b->flags;
    if (k & K_MONTH) a->month = b->month;
    if (k & K_WDAY) a->wday = b->wday;
    if (k & K_SEASON) a->season = b->season;
    if (k & K_NUMBER) a->num = b->num;
    if (k & K_ORD) a->ord = b->ord;
    if (k & K_DECADE) a->decade = b->decade;
    if (k & K_UNIT) a->unit = b->unit;
    if (k & K_DAY) a->day = b->day;
    if (k & K_REF) a->ref = b->ref;
    if (k & K_MOD) a->mod = b->mod;
    if (k & K_PART) a->part = b->part;
    if (k & K_AFTER) a->after = b->after;
    if (k & K_TENSE) a->tense = b->tense;
    if (k & K_AMPM) a->ampm = b->ampm;
    if (k & K_CLOCK) a->clock = b->clock;
    if (k & K_SET) a->set = b->set;
    if (k & K_HOLIDAY) {
        a->hmonth = b->hmonth;
        a->hday = b->hday;
        a->hwday = b->hwday;
    }
}

static int tab_word(txtab *tb, const char *w, size_t n, uint32_t *id)
{
    *id = dict_add(&tb->words, w, n);
    if (n) {
        unsigned k = tab_sig(w, n);
        tb->sig[k >> 3] |= (uint8_t)(1u << (k & 7));
    }
    if (!*id || sys_grow((void **)&tb->w, &tb->wcap, *id + 1, sizeof *tb->w))
        return -1;   /* (new entries start zeroed) */
    return 0;
}

static int tab_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                    char *err, size_t errlen)
{
    (void)path;
    (void)fileno;
    (void)line;
    (void)err;
    (void)errlen;
    txtab *tb = user;
    char *eq = memchr(s, '=', n);
    txw e;
    memset(&e, 0, sizeof e);
    if (!eq || eq == s || parse_entry(eq + 1, &e))
        return 0;   /* skipped; dy_timex_check reports it */
    /* the words, lower-cased */
    uint32_t ids[8];
    size_t nw = 0;
    for (char *p = s; p < eq;) {
        while (p < eq && (*p == ' ' || *p == '\t'))
            p++;
        char *q = p;
        while (q < eq && *q != ' ' && *q != '\t') {
            if (dy_is_ascii_upper((unsigned char)*q))
                *q = (char)(*q + 32);
            q++;
        }
        if (q > p) {
            if (nw == 8 || tab_word(tb, p, (size_t)(q - p), &ids[nw]))
                return nw == 8 ? 0 : -1;
            nw++;
        }
        p = q;
    }
    if (nw == 1) {
        merge(&tb->w[ids[0]], &e);
        return 0;
    }
    if (sys_grow((void **)&tb->ph, &tb->phcap, tb->nph + 1, sizeof *tb->ph) ||
        sys_grow((void **)&tb->pw, &tb->pwcap, tb->npw + nw, sizeof *tb->pw))
        return -1;
    txphrase *ph = &tb->ph[tb->nph++];
    ph->w0 = ids[0];
    ph->off = (uint32_t)tb->npw;
    ph->n = (uint32_t)nw;
    ph->e = e;
    memcpy(tb->pw + tb->npw, ids, nw * sizeof *ids);
    tb->npw += nw;
    tb->w[ids[0]].kinds |= K_PHRASE;
    return 0;
}

static void tab_free(txtab *tb)
{
    if (!tb)
        return;
    free(tb->dir);
    dict_free(&tb->words);
    free(tb->w);
    free(tb->ph);
    free(tb->pw);
    free(tb);
}

/* The table of a data directory: from the cache, else loaded now. NULL when
 * out of memory (nothing is cached then, so a later call retries). */
static const txtab *tab_get(const char *data_dir)
{
    const char *dir = data_dir ? data_dir : "";
    pthread_mutex_lock(&tx_lock);
    txtab *tb;
    for (tb = tx_cache; tb; tb = tb->next)
        if (!strcmp(tb->dir, dir))
            break;
    if (!tb) {
        tb = calloc(1, sizeof *tb);
        int rc = !tb || !(tb->dir = strdup(dir));
        if (!rc) {
            char path[4096], err[256];
            snprintf(path, sizeof path, "%s/time", dir);
            if (*dir && access(path, R_OK | X_OK) == 0)
                rc = dy_read_dir_lines(path, tab_line, tb, NULL, NULL, err, sizeof err);
        }
        if (rc) {
            tab_free(tb);
            tb = NULL;
        } else {
            tb->next = tx_cache;
            tx_cache = tb;
        }
    }
    pthread_mutex_unlock(&tx_lock);
    return tb;
}

/* ---- values ---------------------------------------------------------------- */

typedef struct txv {
    uint8_t g;              /* enum tx_gran */
    int32_t day;            /* G_DAY: the day; G_WEEK, G_WEEKEND: its Monday */
    int y, sub;             /* year; month 1-12, season 0-3, quarter 1-4, half 1-2 */
    char lit[24];           /* G_LIT: the value as written (PRESENT_REF, P3Y) */
} txv;

static int floor_mod(int a, int m)
{
    int r = a % m;
    return r < 0 ? r + m : r;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static txv v_at(int32_t day, int g)
{
    txv v;
    memset(&v, 0, sizeof v);
    v.g = (uint8_t)g;
    int y, m, d;
    dy_civil_from_days(day, &y, &m, &d);
    v.y = y;
    switch (g) {
    case G_DAY: v.day = day; break;
    case G_WEEK:
    case G_WEEKEND: v.day = day - dy_weekday(day); break;
    case G_MONTH: v.sub = m; break;
    case G_QUARTER: v.sub = (m - 1) / 3 + 1; break;
    case G_HALF: v.sub = (m - 1) / 6 + 1; break;
    case G_SEASON:
        if (m <= 2) {
            v.y = y - 1;
            v.sub = 3;
        } else
            v.sub = m == 12 ? 3 : (m - 3) / 3;
        break;
    case G_DECADE: v.y = y - floor_mod(y, 10); break;
    case G_CENTURY: v.y = y - floor_mod(y, 100); break;
    default: break;
    }
    return v;
}

static int32_t v_first(const txv *v)
{
    switch (v->g) {
    case G_DAY:
    case G_WEEK:
    case G_WEEKEND: return v->day;
    case G_MONTH: return dy_days_from_civil(v->y, v->sub, 1);
    case G_QUARTER: return dy_days_from_civil(v->y, (v->sub - 1) * 3 + 1, 1);
    case G_HALF: return dy_days_from_civil(v->y, (v->sub - 1) * 6 + 1, 1);
    case G_SEASON: return dy_days_from_civil(v->y, v->sub * 3 + 3, 1);
    default: return dy_days_from_civil(v->y, 1, 1);
    }
}

static int32_t add_months(int32_t day, int k)
{
    int y, m, d;
    dy_civil_from_days(day, &y, &m, &d);
    int mi = y * 12 + (m - 1) + k;
    y = (mi - floor_mod(mi, 12)) / 12;
    m = floor_mod(mi, 12) + 1;
    int dm = days_in_month(y, m);
    return dy_days_from_civil(y, m, d > dm ? dm : d);
}

static int unit_months(int u)
{
    switch (u) {
    case G_MONTH: return 1;
    case G_SEASON:
    case G_QUARTER: return 3;
    case G_HALF: return 6;
    case G_YEAR: return 12;
    case G_DECADE: return 120;
    case G_CENTURY: return 1200;
    default: return 0;
    }
}

/* v moved by n units u, keeping its granularity. */
static txv v_shift(txv v, int u, int n)
{
    if (v.g == G_LIT || v.g == G_NONE || !n)
        return v;
    int32_t f = v_first(&v);
    if (u == G_DAY)
        f += n;
    else if (u == G_WEEK || u == G_WEEKEND)
        f += 7 * n;
    else if (unit_months(u))
        f = add_months(f, unit_months(u) * n);
    else
        return v;
    return v_at(f, v.g);
}

static void iso_week(int32_t monday, int *iy, int *iw)
{
    int32_t thu = monday + 3;
    int y, m, d;
    dy_civil_from_days(thu, &y, &m, &d);
    *iy = y;
    *iw = (int)((thu - dy_days_from_civil(y, 1, 1)) / 7) + 1;
}

/* Write the TimeML value; returns -1 when the year is out of range. */
static int v_format(const txv *v, char out[24])
{
    static const char *sc[] = {"SP", "SU", "FA", "WI"};
    if (v->g == G_LIT) {
        memcpy(out, v->lit, sizeof v->lit);
        return 0;
    }
    int y = v->y;
    if (v->g == G_DAY || v->g == G_WEEK || v->g == G_WEEKEND) {
        int m, d;
        dy_civil_from_days(v->day, &y, &m, &d);
    }
    if (y < 1 || y > 9999)
        return -1;
    switch (v->g) {
    case G_DAY: dy_format_date(v->day, out); break;
    case G_WEEK:
    case G_WEEKEND: {
        int iy, iw;
        iso_week(v->day, &iy, &iw);
        snprintf(out, 24, "%04d-W%02d%s", iy, iw, v->g == G_WEEKEND ? "-WE" : "");
        break;
    }
    case G_MONTH: snprintf(out, 24, "%04d-%02d", y, v->sub); break;
    case G_SEASON: snprintf(out, 24, "%04d-%s", y, sc[v->sub & 3]); break;
    case G_QUARTER: snprintf(out, 24, "%04d-Q%d", y, v->sub); break;
    case G_HALF: snprintf(out, 24, "%04d-H%d", y, v->sub); break;
    case G_YEAR: snprintf(out, 24, "%04d", y); break;
    case G_DECADE: snprintf(out, 24, "%03d", y / 10); break;
    case G_CENTURY: snprintf(out, 24, "%02d", y / 100); break;
    default: return -1;
    }
    return 0;
}

static txv v_lit(const char *s)
{
    txv v;
    memset(&v, 0, sizeof v);
    v.g = G_LIT;
    snprintf(v.lit, sizeof v.lit, "%s", s);
    return v;
}

/* Of the values r + k * period, the one chosen by dir relative to now:
 * -2 the last strictly before, -1 the latest at or before, 0 the nearest (ties:
 * the earlier), 1 the earliest at or after, 2 the first strictly after. */
static long cyc(long now, long r, long period, int dir)
{
    long c = now - (((now - r) % period) + period) % period;
    switch (dir) {
    case -2: return c == now ? c - period : c;
    case -1: return c;
    case 1: return c == now ? c : c + period;
    case 2: return c + period;
    default: return now - c <= c + period - now ? c : c + period;
    }
}

/* ---- the scanner state ---------------------------------------------------- */

typedef struct txs {
    const txtab *tb;
    const dy_text *t;
    struct dyad_doc *doc;
    size_t s0, s1;          /* sentence token range */
    uint32_t sent;
    int32_t anchor;         /* document date (day number) */
    int tagged;             /* the sentence has Penn tags */
    txv ref;                /* the last date named (anaphora) */
    int has_ref;
    txv qref;               /* the last quarter or half named */
    long qref_sent;         /* its sentence, -1 */
    uint32_t *idc;          /* word ids of the sentence's first TX_IDC tokens,
                               TX_UNSEEN until looked up */
    const uint32_t *wid;    /* ctx->tx_wid: ids by the context's word ids */
    size_t nwid;
} txs;

#define TX_IDC 512
#define TX_UNSEEN 0xFFFFFFFFu

/* A quarter or half named before in the document: the period that "a year
 * ago" compares with in a report of quarterly results (measured on TimeBank:
 * better than limiting it to the sentence or the one before). */
#define QREF_KNOWN(x) ((x)->qref_sent >= 0)

typedef struct txm {
    size_t first, end;
    uint8_t type;           /* enum dy_timex_type */
    uint8_t the_ok;         /* a "the" before it belongs to it */
    uint8_t clock;          /* a TIME whose date is to be bound */
    uint8_t derived;        /* counted from another expression: not a new anchor */
    uint8_t own_first;      /* the recogniser set first (it starts before i) */
    int16_t minutes;
    txv v;
} txm;

/* The id of token i in the word lists (0: not there); looked up once per
 * token of the sentence. */
static uint32_t word_id(const txs *x, size_t i)
{
    const dy_tok *k = &x->t->tok[i];
    if (k->word && k->word < x->nwid)
        return x->wid[k->word];     /* looked up with the context */
    size_t c = i - x->s0;
    int cached = x->idc && i >= x->s0 && c < TX_IDC;
    if (cached && x->idc[c] != TX_UNSEEN)
        return x->idc[c];
    uint32_t id = 0;
    if (k->nlen) {
        const char *w = x->t->norm + k->norm;
        unsigned sg = tab_sig(w, k->nlen);
        if (x->tb->sig[sg >> 3] & (1u << (sg & 7)))
            id = dict_find(&x->tb->words, w, k->nlen);
    }
    if (cached)
        x->idc[c] = id;
    return id;
}

static const txw *ent(const txs *x, size_t i)
{
    if (i >= x->s1)
        return NULL;
    const dy_tok *k = &x->t->tok[i];
    if (k->kind == TK_NUM || k->kind == TK_PUNCT || k->kind == TK_QUOTE)
        return NULL;
    uint32_t id = word_id(x, i);
    return id ? &x->tb->w[id] : NULL;
}

static const txw *ent_str(const txs *x, const char *s, size_t n)
{
    uint32_t id = dict_find(&x->tb->words, s, n);
    return id ? &x->tb->w[id] : NULL;
}

/* The longest phrase at i with a kind in mask, else the word's own entry when
 * it has one; *len gets the number of tokens. */
static const txw *ent_at(const txs *x, size_t i, uint32_t mask, size_t *len)
{
    const txw *w = ent(x, i);
    *len = 1;
    if (!w)
        return NULL;
    const txw *best = (w->kinds & mask) ? w : NULL;
    if (w->kinds & K_PHRASE) {
        uint32_t w0 = word_id(x, i);
        for (size_t p = 0; p < x->tb->nph; p++) {
            const txphrase *ph = &x->tb->ph[p];
            if (ph->w0 != w0 || !(ph->e.kinds & mask) || ph->n <= *len || i + ph->n > x->s1)
                continue;
            size_t k = 1;
            while (k < ph->n && word_id(x, i + k) == x->tb->pw[ph->off + k])
                k++;
            if (k == ph->n) {
                best = &ph->e;
                *len = ph->n;
            }
        }
    }
    if (!best)
        *len = 0;
    return best;
}

static int tok_is(const txs *x, size_t i, const char *w)
{
    return i >= x->s0 && i < x->s1 && dy_tok_is(x->t, &x->t->tok[i], w);
}

static int has_kind(const txs *x, size_t i, uint32_t k)
{
    const txw *w = ent(x, i);
    return w && (w->kinds & k);
}

static const char *norm(const txs *x, size_t i, size_t *n)
{
    const dy_tok *k = &x->t->tok[i];
    *n = k->nlen;
    return x->t->norm + k->norm;
}

/* All-digit number token: returns its digit count (0 if not) and the value. */
static int digits(const txs *x, size_t i, int *v)
{
    if (i >= x->s1 || x->t->tok[i].kind != TK_NUM)
        return 0;
    size_t n;
    const char *s = norm(x, i, &n);
    if (n > 6)
        return 0;
    int val = 0;
    for (size_t j = 0; j < n; j++) {
        if (!dy_is_digit(s[j]))
            return 0;
        val = val * 10 + (s[j] - '0');
    }
    *v = val;
    return (int)n;
}

/* A day of the month at i: 3, 03, 3rd, 21st, 3-5 (first day), third. */
static int day_number(const txs *x, size_t i, int *d)
{
    if (i >= x->s1)
        return 0;
    const dy_tok *k = &x->t->tok[i];
    size_t n;
    const char *s = norm(x, i, &n);
    if (k->kind == TK_NUM) {
        size_t j = 0;
        int v = 0;
        while (j < n && j < 3 && dy_is_digit(s[j]))
            v = v * 10 + (s[j++] - '0');
        if (j == 0 || j > 2 || v < 1 || v > 31)
            return 0;
        if (j == n || tw_is(s + j, n - j, "st") || tw_is(s + j, n - j, "nd") ||
            tw_is(s + j, n - j, "rd") || tw_is(s + j, n - j, "th")) {
            *d = v;
            return 1;
        }
        if (s[j] == '-') {   /* a range 3-5: its first day */
            int w = 0;
            size_t q = j + 1;
            while (q < n && dy_is_digit(s[q]))
                w = w * 10 + (s[q++] - '0');
            if (q == n && q > j + 1 && q - j <= 3 && w > v && w <= 31) {
                *d = v;
                return 1;
            }
        }
        return 0;
    }
    const txw *w = ent(x, i);
    if (w && (w->kinds & K_ORD) && w->ord <= 31) {
        *d = w->ord;
        return 1;
    }
    return 0;
}

/* A year at i: four digits, 1000-2999. */
static size_t count_at(const txs *x, size_t i, int *n);

static int year_at(const txs *x, size_t i, int *y)
{
    int v;
    if (digits(x, i, &v) != 4 || v < 1000 || v > 2999)
        return 0;
    *y = v;
    return 1;
}

/* A year in digits (1 token) or in words, as transcripts write them:
 * nineteen ninety-six, two thousand (2 tokens). Returns the tokens used. */
static size_t year_len(const txs *x, size_t i, int *y)
{
    if (year_at(x, i, y))
        return 1;
    int a, b;
    if (i + 1 >= x->s1 || x->t->tok[i].kind == TK_NUM || x->t->tok[i + 1].kind == TK_NUM)
        return 0;
    if (count_at(x, i, &a) != 1)
        return 0;
    if (a == 2 && tok_is(x, i + 1, "thousand")) {
        *y = 2000;
        return 2;
    }
    if (count_at(x, i + 1, &b) != 1)
        return 0;
    if ((a == 19 || a == 20) && b >= 10 && b <= 99) {
        *y = a * 100 + b;
        return 2;
    }
    return 0;
}

/* A count at i: digits, number words (twenty-five), a/an before a unit,
 * several. Returns the number of tokens used (0: none); *n = -1 for X. */
static size_t count_at(const txs *x, size_t i, int *n)
{
    int v;
    int nd = digits(x, i, &v);
    if (nd > 0 && nd <= 4) {
        *n = v;
        return 1;
    }
    size_t len;
    const txw *w = ent_at(x, i, K_NUMBER, &len);
    if (w) {
        *n = w->num;
        return len;
    }
    /* twenty-five */
    if (i < x->s1 && x->t->tok[i].kind == TK_WORD) {
        size_t sn;
        const char *s = norm(x, i, &sn);
        const char *h = memchr(s, '-', sn);
        if (h) {
            const txw *a = ent_str(x, s, (size_t)(h - s));
            const txw *b = ent_str(x, h + 1, sn - (size_t)(h - s) - 1);
            if (a && b && (a->kinds & K_NUMBER) && (b->kinds & K_NUMBER) && a->num >= 20 &&
                a->num % 10 == 0 && b->num > 0 && b->num < 10) {
                *n = a->num + b->num;
                return 1;
            }
        }
    }
    return 0;
}

/* ---- tense of the nearest verb ---------------------------------------------- */

static int ed_word(const txs *x, size_t i)
{
    const dy_tok *k = &x->t->tok[i];
    if (k->kind != TK_WORD || (k->flags & TF_CAP) || k->nlen < 5)
        return 0;
    const char *s = x->t->norm + k->norm;
    return s[k->nlen - 2] == 'e' && s[k->nlen - 1] == 'd';
}

static int tense_word(const txs *x, size_t i)
{
    const txw *w = ent(x, i);
    return w && (w->kinds & K_TENSE) ? w->tense : TN_NONE;
}

static int is_verb(const txs *x, size_t i)
{
    if (x->tagged) {
        int tg = x->t->tok[i].tag;
        return tg == T_MD || dy_tag_is_verb(tg);
    }
    int tw = tense_word(x, i);
    if (tw == TN_NOTVERB)
        return 0;
    return tw != TN_NONE || ed_word(x, i);
}

/* May stand inside a verb group: verbs, modals, adverbs, not, to. */
static int in_group(const txs *x, size_t i)
{
    if (x->tagged) {
        int tg = x->t->tok[i].tag;
        return tg == T_MD || dy_tag_is_verb(tg) || tg == T_RB || tg == T_TO;
    }
    return is_verb(x, i) || tok_is(x, i, "not") || tok_is(x, i, "n't") || tok_is(x, i, "to") ||
           tok_is(x, i, "also") || tok_is(x, i, "been") || tok_is(x, i, "be");
}

/* Tense of the verb group around verb token j; [*g0, *g1) gets the group.
 * will/shall (tense.txt) make the future, and so does an infinitive when j is
 * the infinitive or after it ("plans to visit", "set to resume"); other
 * modals tell nothing. */
static int group_tense(const txs *x, size_t j, size_t *g0, size_t *g1)
{
    size_t a = j, b = j + 1;
    while (a > x->s0 && in_group(x, a - 1))
        a--;
    while (b < x->s1 && in_group(x, b))
        b++;
    *g0 = a;
    *g1 = b;
    int fut = 0, fin = TN_NONE, part = 0, to_vb = 0, seen_to = 0, verb_before_to = 0;
    for (size_t k = a; k < b; k++) {
        int tw = tense_word(x, k);
        int tg = x->t->tok[k].tag;
        if (tw == TN_FUT)
            fut = 1;
        if (x->tagged) {
            if (!fin && (tg == T_VBD || tg == T_VBZ || tg == T_VBP))
                fin = tg == T_VBD ? TN_PAST : tw == TN_PERFECT ? TN_PERFECT : TN_PRES;
            if (tg == T_VBN && fin)
                part = 1;
            if (tg == T_TO)
                seen_to = verb_before_to > 0;
            else if (seen_to && tg == T_VB && k >= j)
                to_vb = 1;
            else if (dy_tag_is_verb(tg) && !seen_to)
                verb_before_to++;
        } else {
            if (tok_is(x, k, "to"))
                seen_to = verb_before_to > 0;
            else if (seen_to && is_verb(x, k) && k >= j)
                to_vb = 1;
            else if (is_verb(x, k) && !seen_to)
                verb_before_to++;
            if (tw == TN_PAST || tw == TN_PRES || tw == TN_PERFECT) {
                if (!fin)
                    fin = tw;
                else if (fin == TN_PERFECT && tw == TN_PAST)
                    part = 1;
            } else if (ed_word(x, k) && tw != TN_NOTVERB) {
                if (!fin)
                    fin = TN_PAST;
                else
                    part = 1;
            }
        }
    }
    if (fut)
        return TN_FUT;
    if (fin == TN_PERFECT)
        return part ? TN_PAST : TN_PRES;
    /* plans to visit, was expected to meet, did not plan to remove: ahead;
     * voted to support, agreed to meet: the past of the finite verb */
    if (to_vb && (fin != TN_PAST || verb_before_to >= 2))
        return TN_FUT;
    return fin;
}

/* The tense of the verb nearest to tokens [first, end) in its sentence: a
 * verb before it (up to ';') or after it (up to ';' or a clause boundary such
 * as "while"), the one before winning unless the one after is nearer by two
 * tokens or more. Groups without a tense (participles) are passed over. */
static int tense_near(const txs *x, size_t first, size_t end)
{
    int tl = TN_NONE, tr = TN_NONE;
    size_t dl = 0, dr = 0;
    for (size_t j = first; j-- > x->s0;) {
        if (tok_is(x, j, ";"))
            break;
        if (!is_verb(x, j))
            continue;
        size_t g0, g1;
        int tn = group_tense(x, j, &g0, &g1);
        if (tn != TN_NONE) {
            tl = tn;
            dl = first - j;
            break;
        }
        j = g0;
    }
    for (size_t j = end; j < x->s1; j++) {
        if (tok_is(x, j, ";") || has_kind(x, j, K_BOUNDARY))
            break;
        if (!is_verb(x, j))
            continue;
        size_t g0, g1;
        int tn = group_tense(x, j, &g0, &g1);
        if (tn != TN_NONE) {
            tr = tn;
            dr = j - end + 1;
            break;
        }
        j = g1 - 1;
    }
    if (tl && (!tr || dl <= dr + 1))
        return tl;
    return tr;
}

/* The tense for an expression at [first, end): "since" before it says past
 * whatever the verb, "as soon as" says future; else the nearest verb's. */
static int tense_cue(const txs *x, size_t first, size_t end)
{
    if (first > x->s0 && tok_is(x, first - 1, "since"))
        return TN_PAST;
    if (first > x->s0 + 2 && tok_is(x, first - 1, "as") && tok_is(x, first - 2, "soon") &&
        tok_is(x, first - 3, "as"))
        return TN_FUT;
    return tense_near(x, first, end);
}

/* Direction for a weekday, month, season or quarter without a year. */
static int dir_weekday(int tense)
{
    switch (tense) {
    case TN_FUT: return 1;
    case TN_PRES: return -1;
    default: return -1;
    }
}
static int dir_cyclic(int tense)
{
    switch (tense) {
    case TN_PAST: return -1;
    case TN_FUT: return 1;
    default: return 0;
    }
}

/* Direction for months and dates without a year (past: the latest at or
 * before the document date; future: the earliest at or after; else the
 * nearest). */
#define TXDIR(x, a, b) dir_cyclic(tense_cue((x), (a), (b)))

/* ---- resolution helpers ----------------------------------------------------- */

static txv weekday_value(const txs *x, int wday, int dir)
{
    long now = x->anchor;
    /* day numbers: residue of the weekday (dy_weekday: 0 Monday) */
    long r = floor_mod((int)(now - dy_weekday(x->anchor)) + (wday - 1), 7);
    return v_at((int32_t)cyc(now, r, 7, dir), G_DAY);
}

#ifndef MONTH_SLACK
#define MONTH_SLACK 2
#endif
#ifndef DAY_SLACK
#define DAY_SLACK 90
#endif

static txv month_value(const txs *x, int month, int dir)
{
    int y, m, d;
    dy_civil_from_days(x->anchor, &y, &m, &d);
    long now = (long)y * 12 + m - 1;
    /* the tense decides only beyond some slack: a past-tense report of a date
     * in the coming weeks ("was extended to November") keeps the near one */
    if (dir == -1)
        now += MONTH_SLACK;
    else if (dir == 1)
        now -= MONTH_SLACK;
    long mi = cyc(now, month - 1, 12, dir);
    txv v;
    memset(&v, 0, sizeof v);
    v.g = G_MONTH;
    v.y = (int)((mi - floor_mod((int)mi, 12)) / 12);
    v.sub = month;
    return v;
}

/* A month and day without a year: the year chosen by dir among the years
 * around the anchor; with wday (1-7) the years whose date falls on that
 * weekday are preferred. Returns -1 when no year makes it a valid date. */
static int monthday_value(const txs *x, int month, int day, int wday, int dir, txv *out)
{
    int y, m, d;
    dy_civil_from_days(x->anchor, &y, &m, &d);
    int32_t cand[3];
    int nc = 0, nw = 0;
    for (int k = -1; k <= 1; k++)
        if (day <= days_in_month(y + k, month)) {
            int32_t c = dy_days_from_civil(y + k, month, day);
            if (wday && dy_weekday(c) == wday - 1)
                nw++;
            cand[nc++] = c;
        }
    if (!nc)
        return -1;
    if (wday && nw) {
        int k = 0;
        for (int j = 0; j < nc; j++)
            if (dy_weekday(cand[j]) == wday - 1)
                cand[k++] = cand[j];
        nc = k;
    }
    int32_t now = x->anchor, best = INT32_MIN;
    for (int j = 0; j < nc; j++) {
        int32_t c = cand[j];
        /* slack as for months: "payable Dec. 7" in a past-tense report */
        int ok = dir == -2 ? c < now : dir == -1 ? c <= now + DAY_SLACK
                 : dir == 1 ? c >= now - DAY_SLACK : dir == 2 ? c > now : 1;
        if (!ok)
            continue;
        if (best == INT32_MIN)
            best = c;
        else if (dir < 0)
            best = c > best ? c : best;
        else if (dir > 0)
            best = c < best ? c : best;
        else {
            long dc = labs((long)c - now), db = labs((long)best - now);
            if (dc < db)
                best = c;
        }
    }
    if (best == INT32_MIN)   /* nothing on that side: the nearest */
        for (int j = 0; j < nc; j++)
            if (best == INT32_MIN || labs((long)cand[j] - now) < labs((long)best - now))
                best = cand[j];
    *out = v_at(best, G_DAY);
    return 0;
}

/* Season s (0-3) by dir relative to the anchor's season. */
static txv season_value(const txs *x, int s, int dir)
{
    txv cur = v_at(x->anchor, G_SEASON);
    long now = (long)cur.y * 4 + cur.sub;
    long k = cyc(now, s, 4, dir);
    txv v = cur;
    v.y = (int)((k - floor_mod((int)k, 4)) / 4);
    v.sub = s;
    return v;
}

static txv quarter_value(const txs *x, int q, int g, int dir)
{
    txv cur = v_at(x->anchor, g);
    int per = g == G_HALF ? 2 : 4;
    long now = (long)cur.y * per + cur.sub - 1;
    long k = cyc(now, q - 1, per, dir);
    txv v = cur;
    v.y = (int)((k - floor_mod((int)k, per)) / per);
    v.sub = q;
    return v;
}

/* "this summer": the season of the anchor's year (winter: the current one). */
static txv season_this(const txs *x, int s)
{
    txv cur = v_at(x->anchor, G_SEASON);
    txv v = cur;
    if (s == 3)
        return cur.sub == 3 ? cur : season_value(x, 3, 1);
    int y, m, d;
    dy_civil_from_days(x->anchor, &y, &m, &d);
    v.y = y;
    v.sub = s;
    return v;
}

/* The value of "this/last/next <unit>" from base. */
static txv unit_value(int32_t base_day, const txv *base, int u, int mod)
{
    txv v;
    if (base && base->g != G_LIT && base->g != G_NONE) {
        /* anaphoric: from the value named before, at the unit's granularity;
         * "that day" after "in 1987" can only be 1987 */
        if (base->g > u && !(u == G_WEEK && base->g == G_WEEKEND))
            return *base;
        v = v_at(v_first(base), u);
    } else
        v = v_at(base_day, u);
    return v_shift(v, u, mod);
}

static void set_dur(txm *m, int n, int u)
{
    static const char *code[] = {"", "M", "H", "D", "WE", "W", "M", "", "Q", "", "Y", "DE", "CE"};
    char num[12];
    if (n < 0)
        snprintf(num, sizeof num, "X");
    else
        snprintf(num, sizeof num, "%d", n);
    m->type = TX_DURATION;
    m->v.g = G_LIT;
    if (u == G_MINUTE || u == G_HOUR)
        snprintf(m->v.lit, sizeof m->v.lit, "PT%s%s", num, code[u]);
    else if (u == G_HALF)
        snprintf(m->v.lit, sizeof m->v.lit, n < 0 ? "PXM" : "P%dM", n * 6);
    else
        snprintf(m->v.lit, sizeof m->v.lit, "P%s%s", num, code[u]);
}

static int month_context(const txs *x, size_t i)
{
    /* a word before that makes a bare May or fall a date */
    static const char *pre[] = {"in", "of", "since", "until", "till", "by", "during", "from",
                                "through", "before", "after", "on", "late", "early", "mid",
                                "last", "next", "this", "the", "that", "each", "every",
                                "between", "and", "or", "to", "around", "as"};
    if (i > x->s0)
        for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
            if (tok_is(x, i - 1, pre[k]))
                return 1;
    int v;
    return day_number(x, i + 1, &v) || year_at(x, i + 1, &v) ||
           (tok_is(x, i + 1, ",") && year_at(x, i + 2, &v));
}

/* A bare month name that is also a word or a name (May, Jan): only after a
 * word that asks for a date. */
static int month_strong_context(const txs *x, size_t i)
{
    static const char *pre[] = {"in", "of", "since", "until", "till", "by", "during",
                                "through", "before", "after", "early", "late", "mid",
                                "last", "next", "this", "each", "every", "the", "from",
                                "between"};
    if (i > x->s0)
        for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
            if (tok_is(x, i - 1, pre[k]))
                return 1;
    /* March to May, April and May */
    return i > x->s0 + 1 &&
           (tok_is(x, i - 1, "and") || tok_is(x, i - 1, "or") || tok_is(x, i - 1, "to") ||
            tok_is(x, i - 1, "-")) &&
           has_kind(x, i - 2, K_MONTH) && (x->t->tok[i - 2].flags & TF_CAP);
}

/* ---- recognisers: each returns the end of its match at i, or 0 ---------------- */


/* "last year", "this year", "next year" at j: 2 and the year, else 0. */
static size_t rel_year_at(const txs *x, size_t j, int *y)
{
    const txw *mw = ent(x, j), *uw = ent(x, j + 1);
    if (!mw || !uw || !(mw->kinds & K_MOD) || (mw->flags & F_MOD_ANA) || !(uw->kinds & K_UNIT) ||
        uw->unit != G_YEAR || (uw->flags & F_PLURAL))
        return 0;
    *y = v_at(x->anchor, G_YEAR).y + mw->mod;
    return 2;
}

/* Month-first dates: Oct. 3, October 3rd, 2024; Oct. 3-5; October 2024;
 * bare months (by tense). wday: a weekday written before it, or 0. */
static size_t rec_month(txs *x, size_t i, txm *m, int wday)
{
    const txw *w = ent(x, i);
    if (!w || !(w->kinds & K_MONTH) || !(x->t->tok[i].flags & TF_CAP))
        return 0;
    int strict = (w->flags & F_STRICT_MONTH) != 0;
    if (strict && !month_context(x, i))
        return 0;
    int mon = w->month, d, y;
    size_t j = i + 1;
    if (day_number(x, j, &d) && !(x->t->tok[j].kind != TK_NUM && strict)) {
        if (d > days_in_month(2000, mon))
            return 0;
        size_t e = j + 1, ry;
        if (tok_is(x, e, ",") && year_at(x, e + 1, &y))
            e += 2;
        else if (year_at(x, e, &y))
            e += 1;
        else if ((ry = rel_year_at(x, e, &y)))
            e += ry;
        else
            y = 0;
        m->type = TX_DATE;
        if (y) {
            if (d > days_in_month(y, mon))
                return 0;
            m->v = v_at(dy_days_from_civil(y, mon, d), G_DAY);
        } else {
            if (monthday_value(x, mon, d, wday, TXDIR(x, i, e), &m->v))
                return 0;
        }
        return e;
    }
    size_t ry;
    if (((ry = year_len(x, j, &y)) && (j += ry - 1, 1)) ||
        (tok_is(x, j, ",") && year_at(x, j + 1, &y) && j++) ||
        (tok_is(x, j, "of") && year_at(x, j + 1, &y) && j++) ||
        ((ry = rel_year_at(x, j, &y)) && (j += ry - 1, 1))) {
        m->type = TX_DATE;
        m->v.g = G_MONTH;
        m->v.y = y;
        m->v.sub = mon;
        return j + 1;
    }
    if ((x->t->tok[i].kind == TK_ABBR || strict) && !month_strong_context(x, i))
        return 0;   /* "Jan." or "Jan" alone is too often something else */
    m->type = TX_DATE;
    m->v = month_value(x, mon, TXDIR(x, i, i + 1));
    return i + 1;
}

/* Day-first dates: 3 October 2024, the 3rd of October. */
static size_t rec_daymonth(txs *x, size_t i, txm *m)
{
    int d, y;
    if (!day_number(x, i, &d))
        return 0;
    size_t j = i + 1;
    if (tok_is(x, j, "of"))
        j++;
    const txw *w = ent(x, j);
    if (!w || !(w->kinds & K_MONTH) || !(x->t->tok[j].flags & TF_CAP))
        return 0;
    int mon = w->month;
    if (d > days_in_month(2000, mon))
        return 0;
    size_t e = j + 1;
    if (year_at(x, e, &y))
        e++;
    else if (tok_is(x, e, ",") && year_at(x, e + 1, &y))
        e += 2;
    else
        y = 0;
    m->type = TX_DATE;
    m->the_ok = 1;
    if (y) {
        if (d > days_in_month(y, mon))
            return 0;
        m->v = v_at(dy_days_from_civil(y, mon, d), G_DAY);
    } else if (monthday_value(x, mon, d, 0, TXDIR(x, i, e), &m->v))
        return 0;
    return e;
}

/* Read up to three numbers separated by sep from s; returns how many, with
 * their digit counts. */
static int split_nums(const char *s, size_t n, char sep, int v[3], int nd[3])
{
    int k = 0;
    size_t i = 0;
    while (k < 3) {
        int val = 0, c = 0;
        while (i < n && dy_is_digit(s[i]) && c < 5) {
            val = val * 10 + (s[i++] - '0');
            c++;
        }
        if (!c)
            return 0;
        v[k] = val;
        nd[k++] = c;
        if (i == n)
            return k;
        if (s[i] != sep)
            return 0;
        i++;
    }
    return 0;
}

/* Numeric forms: 2024-10-03, 10/03/2024 (month first; day first only when
 * the first number exceeds 12), 10/3/24; years; decades (1990s, '90s). */
static size_t rec_number(txs *x, size_t i, txm *m)
{
    if (x->t->tok[i].kind != TK_NUM)
        return 0;
    size_t n;
    const char *s = norm(x, i, &n);
    int v[3], nd[3], y;
    if (split_nums(s, n, '-', v, nd) == 3 && nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2) {
        if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1]))
            return 0;
        m->type = TX_DATE;
        m->v = v_at(dy_days_from_civil(v[0], v[1], v[2]), G_DAY);
        return i + 1;
    }
    if (split_nums(s, n, '/', v, nd) == 3 && nd[0] <= 2 && nd[1] <= 2 &&
        (nd[2] == 4 || nd[2] == 2)) {
        int mo = v[0], da = v[1];
        if (mo > 12 && da <= 12) {
            mo = v[1];
            da = v[0];
        }
        y = v[2];
        if (nd[2] == 2) {
            int ay, am, ad;
            dy_civil_from_days(x->anchor, &ay, &am, &ad);
            y += 2000;
            if (y > ay + 10)
                y -= 100;
        }
        if (mo < 1 || mo > 12 || da < 1 || da > days_in_month(y, mo))
            return 0;
        m->type = TX_DATE;
        m->v = v_at(dy_days_from_civil(y, mo, da), G_DAY);
        return i + 1;
    }
    /* decades: 1990s, 90s (after an apostrophe) */
    if (n >= 3 && s[n - 1] == 's' && s[n - 2] == '0') {
        int dv = 0;
        size_t k = 0;
        while (k < n - 1 && dy_is_digit(s[k]))
            dv = dv * 10 + (s[k++] - '0');
        if (k == n - 1 && (k == 4 || k == 2)) {
            if (k == 2 && !(i > x->s0 && (tok_is(x, i - 1, "the") ||
                                          x->t->tok[i - 1].kind == TK_QUOTE ||
                                          tok_is(x, i - 1, "'"))))
                return 0;   /* "in their 30s": an age */
            if (k == 2) {
                int ay, am, ad;
                dy_civil_from_days(x->anchor, &ay, &am, &ad);
                dv += 2000;
                if (dv > ay)
                    dv -= 100;
            }
            m->type = TX_DATE;
            m->the_ok = 1;
            m->v.g = G_DECADE;
            m->v.y = dv;
            return i + 1;
        }
    }
    if (!year_at(x, i, &y))
        return 0;
    /* not a year: $1990, 1990 troops, about 2000 */
    static const char *bad_pre[] = {"$", "#", "no.", "number", "about", "nearly", "some",
                                    "almost", "around", "approximately", "than", "over",
                                    "under", "only", "just", "flight", "route", "page", "room",
                                    "km", "kilometres", "kilometers", "miles"};
    if (i > x->s0)
        for (size_t k = 0; k < sizeof bad_pre / sizeof *bad_pre; k++)
            if (tok_is(x, i - 1, bad_pre[k]))
                return 0;
    if (i > x->s0 && x->t->tok[i - 1].kind == TK_SYM)
        return 0;
    if (i > x->s0 + 1 && tok_is(x, i - 1, "to") && tok_is(x, i - 2, "up"))
        return 0;   /* up to 2000 */
    if (i + 1 < x->s1) {
        const dy_tok *nx = &x->t->tok[i + 1];
        if (tok_is(x, i + 1, "%") || tok_is(x, i + 1, "percent") || tok_is(x, i + 1, "per") ||
            nx->kind == TK_NUM)
            return 0;
        /* a plural noun after it: a count (1990 troops), unless a date word
         * sits before (in 1990 elections) */
        int plural = x->tagged ? nx->tag == T_NNS
                     : nx->kind == TK_WORD && !(nx->flags & TF_CAP) && nx->nlen > 3 &&
                           x->t->norm[nx->norm + nx->nlen - 1] == 's' && !ent(x, i + 1);
        static const char *date_pre[] = {"in", "of", "since", "until", "by", "from", "the",
                                         "during", "before", "after", "for", "through"};
        int pre = 0;
        if (i > x->s0)
            for (size_t k = 0; k < sizeof date_pre / sizeof *date_pre; k++)
                if (tok_is(x, i - 1, date_pre[k]))
                    pre = 1;
        if (plural && !pre)
            return 0;
    }
    m->type = TX_DATE;
    m->v.g = G_YEAR;
    m->v.y = y;
    /* the 1988 quarter, the 1988 period: that quarter of the year named */
    if (QREF_KNOWN(x) && (tok_is(x, i + 1, "quarter") || tok_is(x, i + 1, "period"))) {
        m->v = x->qref;
        m->v.y = y;
        m->the_ok = 1;
        m->derived = 1;
        return i + 2;
    }
    return i + 1;
}

/* Weekdays: Thursday (by tense), Thursday night, Thursday, Oct. 3. */
static size_t rec_weekday(txs *x, size_t i, txm *m, int mod, int ana)
{
    const txw *w = ent(x, i);
    if (!w || !(w->kinds & K_WDAY) || !(x->t->tok[i].flags & TF_CAP))
        return 0;
    if ((w->flags & F_STRICT_WDAY) && !month_context(x, i))
        return 0;
    int wd = w->wday;
    /* Thursday, Oct. 3 */
    size_t j = i + 1;
    if (tok_is(x, j, ","))
        j++;
    if (!mod) {
        txm d;
        memset(&d, 0, sizeof d);
        size_t e = rec_month(x, j, &d, wd);
        if (e && d.v.g == G_DAY) {
            *m = d;
            return e;
        }
        memset(&d, 0, sizeof d);
        e = rec_daymonth(x, j, &d);
        if (e && d.v.g == G_DAY) {
            *m = d;
            return e;
        }
    }
    size_t e = i + 1;
    if (has_kind(x, e, K_PART))   /* Thursday night: the day (TNI dropped) */
        e++;
    int dir;
    if (mod < 0)
        dir = -2;
    else if (mod > 0)
        dir = 2;
    else {
        dir = dir_weekday(tense_cue(x, i, e));
        if (mod == 0 && ana == 2)   /* "this Thursday": today counts */
            dir = dir > 0 ? 1 : dir;
    }
    m->type = TX_DATE;
    m->v = weekday_value(x, wd, dir);
    return e;
}

/* Seasons: summer 2023, the summer of 1989, summer (this year's, by tense). */
static size_t rec_season(txs *x, size_t i, txm *m)
{
    const txw *w = ent(x, i);
    if (!w || !(w->kinds & K_SEASON))
        return 0;
    int y;
    size_t j = i + 1;
    m->type = TX_DATE;
    m->the_ok = 1;
    size_t yl;
    if (tok_is(x, j, "of"))
        j++;
    if ((yl = year_len(x, j, &y))) {
        m->v.g = G_SEASON;
        m->v.y = y;
        m->v.sub = w->season;
        return j + yl;
    }
    j = i + 1;
    int the = i > x->s0 && tok_is(x, i - 1, "the");
    if (tok_is(x, j, "of"))
        return 0;   /* the fall of Berlin */
    if (w->flags & F_STRICT_SEASON) {
        /* fall, spring: also verbs and nouns; only after a date word */
        static const char *pre[] = {"the", "this", "last", "next", "early", "late", "mid",
                                    "in", "during", "each", "every", "until", "since", "that"};
        int ok = 0;
        for (size_t k = 0; k < sizeof pre / sizeof *pre && !ok; k++)
            ok = i > x->s0 && tok_is(x, i - 1, pre[k]);
        if (!ok)
            return 0;
    }
    if (!the && !month_context(x, i))
        return 0;   /* "winter weather": not a date */
    int tn = tense_near(x, i, i + 1);
    m->v = tn == TN_NONE || tn == TN_PRES ? season_this(x, w->season)
                                           : season_value(x, w->season, dir_cyclic(tn));
    return i + 1;
}

/* Quarters and halves: the third quarter [of 1990], third-quarter, the 1988
 * third quarter, the fiscal first quarter, Q3. */
static size_t rec_quarter(txs *x, size_t i, txm *m)
{
    size_t j = i;
    int y = 0, q = 0, g = 0;
    if (year_at(x, j, &y))
        j++;
    if (has_kind(x, j, K_FISCAL))
        j++;
    if (!y && year_at(x, j, &y))
        j++;
    const txw *w = ent(x, j);
    size_t e = 0;
    if (tok_is(x, j, "last") && tok_is(x, j + 2, "of")) {
        /* the last half of 1989, the last quarter of the year */
        const txw *u = ent(x, j + 1);
        if (u && (u->kinds & K_UNIT) && !(u->flags & F_PLURAL) &&
            (u->unit == G_QUARTER || u->unit == G_HALF)) {
            q = u->unit == G_QUARTER ? 4 : 2;
            g = u->unit;
            e = j + 2;
        }
    } else if (w && (w->kinds & K_ORD) && w->ord <= 4) {
        const txw *u = ent(x, j + 1);
        if (u && (u->kinds & K_UNIT) && (u->unit == G_QUARTER || u->unit == G_HALF) &&
            !(u->flags & F_PLURAL) && (u->unit == G_QUARTER || w->ord <= 2)) {
            q = w->ord;
            g = u->unit;
            e = j + 2;
        }
    } else if (j < x->s1 && x->t->tok[j].kind == TK_WORD) {
        size_t n;
        const char *s = norm(x, j, &n);
        const char *h = memchr(s, '-', n);
        if (h) {   /* third-quarter, first-half */
            const txw *a = ent_str(x, s, (size_t)(h - s));
            const txw *b = ent_str(x, h + 1, n - (size_t)(h - s) - 1);
            if (a && b && (a->kinds & K_ORD) && (b->kinds & K_UNIT) &&
                (b->unit == G_QUARTER || (b->unit == G_HALF && a->ord <= 2)) && a->ord <= 4) {
                q = a->ord;
                g = b->unit;
                e = j + 1;
            }
        } else if (n == 2 && s[0] == 'q' && s[1] >= '1' && s[1] <= '4') {
            q = s[1] - '0';
            g = G_QUARTER;
            e = j + 1;
        }
    }
    if (!e)
        return 0;
    /* of 1990, of this year, of fiscal 1990 */
    if (!y && tok_is(x, e, "of")) {
        size_t k = e + 1;
        if (has_kind(x, k, K_FISCAL))
            k++;
        const txw *mw = ent(x, k);
        const txw *uw = ent(x, k + 1);
        if (year_at(x, k, &y))
            e = k + 1;
        else if (mw && (mw->kinds & K_MOD) && !(mw->flags & F_MOD_ANA) && uw &&
                 (uw->kinds & K_UNIT) && uw->unit == G_YEAR) {
            y = v_at(x->anchor, G_YEAR).y + mw->mod;
            e = k + 2;
        }
    }
    m->type = TX_DATE;
    m->the_ok = 1;
    if (y) {
        m->v.g = (uint8_t)g;
        m->v.y = y;
        m->v.sub = q;
    } else
        m->v = quarter_value(x, q, g, 0);   /* the nearest: tense says when it is reported */
    return e;
}


/* Counts of units: two days ago, a year earlier (from the last date named),
 * three years (DURATION), two-year (DURATION), year-earlier. */
static size_t rec_count(txs *x, size_t i, txm *m)
{
    int n = 0, u = 0;
    size_t e = 0;
    size_t nl = count_at(x, i, &n);
    if (nl) {
        const txw *w = ent(x, i + nl);
        if (!w || !(w->kinds & K_UNIT))
            return 0;
        if (n >= 0 && (n == 1) == ((w->flags & F_PLURAL) != 0))
            return 0;   /* "1988 quarter", "two year": not a count */
        u = w->unit;
        e = i + nl + 1;
    } else if (i < x->s1 && x->t->tok[i].kind != TK_PUNCT) {
        /* two-year, 24-hour, year-earlier */
        size_t sn;
        const char *s = norm(x, i, &sn);
        const char *h = memchr(s, '-', sn);
        if (!h)
            return 0;
        size_t an = (size_t)(h - s), bn = sn - an - 1;
        const txw *b = ent_str(x, h + 1, bn);
        const txw *a = ent_str(x, s, an);
        int v = 0;
        int isnum = an && an <= 3;
        for (size_t k = 0; k < an && isnum; k++)
            if (!dy_is_digit(s[k]))
                isnum = 0;
            else
                v = v * 10 + (s[k] - '0');
        if (b && (b->kinds & K_UNIT) && !(b->flags & F_PLURAL) &&
            (isnum || (a && (a->kinds & K_NUMBER) && !(a->flags & F_ARTICLE)))) {
            set_dur(m, isnum ? v : a->num, b->unit);
            return i + 1;
        }
        if (a && b && (a->kinds & K_UNIT) && a->unit == G_YEAR &&
            (((b->kinds & K_AFTER) && b->after < 0) || tw_is(h + 1, bn, "ago"))) {
            /* year-earlier, year-ago: a year before the period compared */
            n = 1;
            u = G_YEAR;
            e = i + 1;
            goto back;
        }
        return 0;
    } else
        return 0;
    {
        if (tok_is(x, e, "or") && tok_is(x, e + 1, "so") && has_kind(x, e + 2, K_AFTER))
            e += 2;   /* a week or so ago */
        const txw *after = ent(x, e);
        if (after && (after->kinds & K_AFTER)) {
            e++;
            if (n < 0) {
                m->type = TX_DATE;
                m->v = v_lit(after->after < 0 ? "PAST_REF" : "FUTURE_REF");
                return e;
            }
            m->type = TX_DATE;
            if (after->after > 0 || (after->flags & F_AFTER_ANA)) {
                if (after->after < 0)
                    goto back;
                txv base = x->has_ref ? x->ref : v_at(x->anchor, u < G_DAY ? G_DAY : u);
                if (u < G_DAY)
                    return 0;
                m->derived = 1;
                m->v = v_shift(base, u, after->after * n);
                return e;
            }
            if (u < G_DAY)
                return 0;
            /* ago: from the document date; a year ago in a sentence that
             * compares quarters is that quarter a year before */
            m->derived = 1;
            if (u == G_YEAR && QREF_KNOWN(x))
                m->v = v_shift(x->qref, G_YEAR, -n);
            else
                m->v = v_shift(v_at(x->anchor, u), u, -n);
            return e;
        }
    }
    /* a plain count: a duration */
    if (u == G_WEEKEND)
        return 0;
    set_dur(m, n, u);
    return e;
back:
    /* n units before the period compared: the last quarter named in this or
     * the previous sentence, else the last date named, else the document date */
    m->type = TX_DATE;
    if (u < G_DAY)
        return 0;
    m->derived = 1;
    if (QREF_KNOWN(x) && u >= G_MONTH)
        m->v = v_shift(x->qref, u, -n);
    else if (x->has_ref)
        m->v = v_shift(x->ref, u, -n);
    else
        m->v = v_shift(v_at(x->anchor, u), u, -n);
    return e;
}

/* Modifier forms: last/next/this week, the past year, the following day, this
 * morning, last night, next Thursday, last March, this summer, the past three
 * years (DURATION), that day. */
static size_t rec_mod(txs *x, size_t i, txm *m)
{
    const txw *w = ent(x, i);
    if (!w || !(w->kinds & K_MOD))
        return 0;
    int mod = w->mod, ana = (w->flags & F_MOD_ANA) != 0;
    size_t j = i + 1;
    if (has_kind(x, j, K_FISCAL))
        j++;
    /* the past three years, the next few days: a duration */
    int n;
    size_t nl = count_at(x, j, &n);
    if (nl && !ana) {
        const txw *u = ent(x, j + nl);
        if (u && (u->kinds & K_UNIT) && (u->flags & F_PLURAL || n == 1)) {
            /* the past three years: a duration; the past few years: a
             * vague reference (TimeML PAST_REF, FUTURE_REF) */
            if (n < 0 && mod) {
                m->type = TX_DATE;
                m->v = v_lit(mod < 0 ? "PAST_REF" : "FUTURE_REF");
            } else
                set_dur(m, n, u->unit);
            m->the_ok = 1;
            return j + nl + 1;
        }
    }
    if (tok_is(x, j, "period") && QREF_KNOWN(x) && mod <= 0 && !ana) {
        /* the latest period, the current period: in a quarterly report, the
         * quarter reported */
        m->type = TX_DATE;
        m->the_ok = 1;
        m->derived = 1;
        m->v = x->qref;
        return j + 1;
    }
    const txw *u = ent(x, j);
    if (!u)
        return 0;
    m->type = TX_DATE;
    m->the_ok = 1;
    if ((u->kinds & K_UNIT) && (u->flags & F_PLURAL) && !ana && mod) {
        m->v = v_lit(mod < 0 ? "PAST_REF" : "FUTURE_REF");   /* past years, coming days */
        return j + 1;
    }
    if ((u->kinds & K_UNIT) && !(u->flags & F_PLURAL) && u->unit >= G_DAY) {
        int unit = u->unit;
        int next_day = unit == G_DAY && (mod > 0 || tok_is(x, i, "previous"));
        if (ana || next_day) {
            /* from the last date named */
            if (x->has_ref)
                m->v = unit_value(x->anchor, &x->ref, unit, mod);
            else
                m->v = unit_value(x->anchor, NULL, unit, mod);
        } else if (unit == G_DAY)
            return 0;   /* "this day", "the last day": not a date here */
        else
            m->v = unit_value(x->anchor, NULL, unit, mod);
        /* this year's third quarter */
        if (unit == G_YEAR && tok_is(x, j + 1, "'s")) {
            txm q;
            memset(&q, 0, sizeof q);
            size_t qe = rec_quarter(x, j + 2, &q);
            if (qe && q.v.g != G_LIT) {
                q.v.y = m->v.y;
                m->v = q.v;
                return qe;
            }
        }
        return j + 1;
    }
    if (u->kinds & K_PART) {
        if (mod > 0 || ana)   /* the next morning */
            m->v = x->has_ref ? v_shift(v_at(v_first(&x->ref), G_DAY), G_DAY, mod)
                              : v_at(x->anchor + mod, G_DAY);
        else
            m->v = v_at(x->anchor + mod, G_DAY);
        return j + 1;
    }
    if (u->kinds & K_WDAY) {
        size_t e = rec_weekday(x, j, m, mod, mod == 0 ? 2 : 0);
        if (!e)
            return 0;
        m->the_ok = 1;
        return e;
    }
    if ((u->kinds & K_MONTH) && (x->t->tok[j].flags & TF_CAP)) {
        int dir = mod < 0 ? -2 : mod > 0 ? 2 : 0;
        int d;
        if (day_number(x, j + 1, &d))
            return 0;   /* last Oct. 3: the date alone */
        if (mod == 0) {
            m->v.g = G_MONTH;
            m->v.y = v_at(x->anchor, G_YEAR).y;
            m->v.sub = u->month;
        } else
            m->v = month_value(x, u->month, dir);
        return j + 1;
    }
    if (u->kinds & K_SEASON) {
        m->v = mod == 0 ? season_this(x, u->season)
                        : season_value(x, u->season, mod < 0 ? -2 : 2);
        return j + 1;
    }
    return 0;
}

/* today, yesterday morning, now, recently, in recent years, daily, the near
 * future, the nineties. */
static size_t rec_rel(txs *x, size_t i, txm *m)
{
    size_t len;
    const txw *w = ent_at(x, i, K_DAY | K_REF | K_SET | K_DECADE, &len);
    if (!w)
        return 0;
    size_t e = i + len;
    if (w->kinds & K_DAY) {
        if (has_kind(x, e, K_PART))
            e++;
        m->type = TX_DATE;
        m->v = v_at(x->anchor + w->day, G_DAY);
        return e;
    }
    if (w->kinds & K_REF) {
        static const char *rv[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};
        if ((w->flags & F_REF_NEEDTHE) && !(i > x->s0 && tok_is(x, i - 1, "the")))
            return 0;
        const txw *u = ent(x, e);
        int unit = u && (u->kinds & K_UNIT) && (u->flags & F_PLURAL);
        if ((w->flags & F_REF_UNIT) && !unit)
            return 0;
        if (unit && len == 1)
            e++;   /* recent years */
        m->type = TX_DATE;
        /* "the future", "the near future"; not "the recently announced" */
        m->the_ok = (w->flags & F_REF_NEEDTHE) || len > 1 ||
                    !(e < x->s1 && x->t->tok[e].kind == TK_WORD);
        m->v = v_lit(rv[w->ref]);
        return e;
    }
    if (w->kinds & K_SET) {
        set_dur(m, 1, w->set);
        m->type = TX_SET;
        return e;
    }
    if (w->kinds & K_DECADE) {
        if (!(i > x->s0 && tok_is(x, i - 1, "the")))
            return 0;
        int ay = v_at(x->anchor, G_YEAR).y;
        int dv = ay - floor_mod(ay, 100) + w->decade;
        if (dv > ay)
            dv -= 100;
        m->type = TX_DATE;
        m->the_ok = 1;
        m->v.g = G_DECADE;
        m->v.y = dv;
        return e;
    }
    return 0;
}

/* every Thursday, each year: a set. */
static size_t rec_every(txs *x, size_t i, txm *m)
{
    if (!has_kind(x, i, K_EVERY))
        return 0;
    const txw *w = ent(x, i + 1);
    if (!w)
        return 0;
    m->type = TX_SET;
    m->v.g = G_LIT;
    if ((w->kinds & K_WDAY) && (x->t->tok[i + 1].flags & TF_CAP)) {
        snprintf(m->v.lit, sizeof m->v.lit, "XXXX-WXX-%d", w->wday);
        return i + 2;
    }
    if ((w->kinds & K_UNIT) && !(w->flags & F_PLURAL)) {
        set_dur(m, 1, w->unit);
        m->type = TX_SET;
        return i + 2;
    }
    return 0;
}

/* Times of day: 3 p.m., 3:30 pm, 3pm, noon, at 15:00 GMT. */
static size_t rec_time(txs *x, size_t i, txm *m)
{
    int h = -1, mi = 0;
    size_t e = i + 1;
    const txw *w = ent(x, i);
    if (w && (w->kinds & K_CLOCK)) {
        h = w->clock / 60;
        mi = w->clock % 60;
    } else if (i < x->s1 && x->t->tok[i].kind == TK_NUM) {
        size_t n;
        const char *s = norm(x, i, &n);
        size_t k = 0;
        int hv = 0, mv = 0, colon = 0;
        while (k < n && k < 2 && dy_is_digit(s[k]))
            hv = hv * 10 + (s[k++] - '0');
        if (!k)
            return 0;
        if (k < n && (s[k] == ':' || s[k] == '.') && k + 3 <= n && dy_is_digit(s[k + 1]) &&
            dy_is_digit(s[k + 2])) {
            mv = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
            k += 3;
            colon = 1;
        }
        int ap = 0;
        if (k < n) {   /* 3pm */
            const txw *a = ent_str(x, s + k, n - k);
            if (!a || !(a->kinds & K_AMPM))
                return 0;
            ap = a->ampm;
        } else {
            const txw *a = ent(x, e);
            if (a && (a->kinds & K_AMPM)) {
                ap = a->ampm;
                e++;
            }
        }
        if (mv > 59)
            return 0;
        if (ap) {
            if (hv < 1 || hv > 12)
                return 0;
            h = hv % 12 + (ap == 2 ? 12 : 0);
        } else if (colon && hv <= 23) {
            /* 15:00 only after at/by/until/from/before/after or before a zone */
            static const char *pre[] = {"at", "by", "until", "till", "from", "before", "after",
                                        "around", "about", "since"};
            int ok = has_kind(x, e, K_ZONE);
            for (size_t p = 0; p < sizeof pre / sizeof *pre && !ok; p++)
                ok = i > x->s0 && tok_is(x, i - 1, pre[p]);
            if (!ok)
                return 0;
            h = hv;
        } else
            return 0;
        mi = mv;
    } else
        return 0;
    if (has_kind(x, e, K_ZONE))
        e++;
    m->type = TX_TIME;
    m->clock = 1;
    m->minutes = (int16_t)(h * 60 + mi);
    m->v.g = G_LIT;
    return e;
}

/* After "the": the quarter (the one named before, else the last one ended),
 * the weekend (by tense), the week of March 6. */
static size_t rec_unit(txs *x, size_t i, txm *m)
{
    const txw *u = ent(x, i);
    if (!u || !(u->kinds & K_UNIT) || (u->flags & F_PLURAL))
        return 0;
    m->type = TX_DATE;
    m->the_ok = 1;
    if (u->unit == G_WEEK && tok_is(x, i + 1, "of")) {
        txm d;
        memset(&d, 0, sizeof d);
        size_t e = rec_month(x, i + 2, &d, 0);
        if (!e || d.v.g != G_DAY)
            return 0;
        m->v = v_at(d.v.day, G_WEEK);
        return e;
    }
    if (!(i > x->s0 && (tok_is(x, i - 1, "the") || tok_is(x, i - 1, "full") ||
                        has_kind(x, i - 1, K_FISCAL))))
        return 0;
    if (u->unit == G_YEAR) {
        /* for the year, the full year, the fiscal year: the current one;
         * not "the year before", "the year of ...", "the year 2000" */
        size_t k = i - 1;
        while (k > x->s0 && !tok_is(x, k, "the"))
            k--;
        int y;
        if (!tok_is(x, k, "the") || i - k > 2 || tok_is(x, i + 1, "of") ||
            tok_is(x, i + 1, "before") || tok_is(x, i + 1, "after") || year_at(x, i + 1, &y) ||
            (k > x->s0 && x->t->tok[k - 1].kind == TK_WORD &&
             !(tok_is(x, k - 1, "for") || tok_is(x, k - 1, "of") || tok_is(x, k - 1, "during") ||
               tok_is(x, k - 1, "in") || tok_is(x, k - 1, "through") ||
               tok_is(x, k - 1, "throughout"))))
            return 0;
        m->v = v_at(x->anchor, G_YEAR);
        m->first = k;
        m->own_first = 1;
        return i + 1;
    }
    if (!tok_is(x, i - 1, "the"))
        return 0;
    if (u->unit == G_QUARTER) {
        m->v = QREF_KNOWN(x) && x->qref.g == G_QUARTER ? x->qref
                                                       : v_shift(v_at(x->anchor, G_QUARTER), G_QUARTER, -1);
        m->derived = 1;
        return i + 1;
    }
    if (u->unit == G_WEEKEND) {
        int tn = tense_near(x, i, i + 1);
        txv cur = v_at(x->anchor, G_WEEKEND);
        int wd = dy_weekday(x->anchor);   /* 5, 6: Saturday, Sunday */
        if (tn == TN_FUT)
            m->v = cur;                               /* the coming one (or this one) */
        else
            m->v = wd >= 5 ? cur : v_shift(cur, G_WEEK, -1);
        return i + 1;
    }
    return 0;
}

/* fiscal 1989, fiscal year 1989, the year 1990. */
static size_t rec_fiscal(txs *x, size_t i, txm *m)
{
    int y;
    size_t j = i;
    if (has_kind(x, j, K_FISCAL))
        j++;
    const txw *u = ent(x, j);
    if (u && (u->kinds & K_UNIT) && u->unit == G_YEAR && !(u->flags & F_PLURAL))
        j++;
    if (j == i || !year_at(x, j, &y))
        return 0;
    m->type = TX_DATE;
    m->the_ok = 1;
    m->v.g = G_YEAR;
    m->v.y = y;
    return j + 1;
}

/* the 20th century, the twentieth century. */
static size_t rec_century(txs *x, size_t i, txm *m)
{
    int n = 0;
    const txw *w = ent(x, i);
    if (w && (w->kinds & K_ORD))
        n = w->ord;
    else if (i < x->s1 && x->t->tok[i].kind == TK_NUM) {
        size_t sn;
        const char *s = norm(x, i, &sn);
        size_t k = 0;
        while (k < sn && k < 2 && dy_is_digit(s[k]))
            n = n * 10 + (s[k++] - '0');
        if (!k || sn - k != 2 || !(tw_is(s + k, 2, "st") || tw_is(s + k, 2, "nd") ||
                                   tw_is(s + k, 2, "rd") || tw_is(s + k, 2, "th")))
            return 0;
    }
    const txw *u = ent(x, i + 1);
    if (n < 1 || n > 30 || !u || !(u->kinds & K_UNIT) || u->unit != G_CENTURY ||
        (u->flags & F_PLURAL))
        return 0;
    m->type = TX_DATE;
    m->the_ok = 1;
    m->v.g = G_CENTURY;
    m->v.y = (n - 1) * 100;
    return i + 2;
}

/* Years in words (transcripts): nineteen ninety-six, the year two thousand. */
static size_t rec_spoken_year(txs *x, size_t i, txm *m)
{
    int y;
    size_t j = i;
    const txw *u = ent(x, j);
    if (u && (u->kinds & K_UNIT) && u->unit == G_YEAR && !(u->flags & F_PLURAL))
        j++;   /* the year 2000 */
    size_t n = year_len(x, j, &y);
    if (!n || (j == i && n == 1))
        return 0;   /* a bare year in digits: rec_number */
    m->type = TX_DATE;
    m->the_ok = 1;
    m->v.g = G_YEAR;
    m->v.y = y;
    return j + n;
}

/* Holidays: Christmas, Thanksgiving (Day), New Year's Day (holidays.txt). */
static size_t rec_holiday(txs *x, size_t i, txm *m)
{
    size_t len;
    const txw *w = ent_at(x, i, K_HOLIDAY, &len);
    if (!w || !(x->t->tok[i].flags & TF_CAP))
        return 0;
    size_t e = i + len;
    const txw *u = ent(x, e);
    if (u && (u->kinds & K_UNIT) && u->unit == G_DAY && !(u->flags & F_PLURAL))
        e++;   /* Thanksgiving Day */
    int y, ry;
    size_t k;
    if (year_at(x, e, &y))
        e++;
    else if ((k = rel_year_at(x, e, &y)))
        e += k;
    else {
        /* the nearest one */
        int ay = v_at(x->anchor, G_YEAR).y;
        int32_t best = INT32_MIN;
        for (ry = ay - 1; ry <= ay + 1; ry++) {
            int32_t d;
            if (w->hday > 0)
                d = dy_days_from_civil(ry, w->hmonth, w->hday);
            else {
                int32_t f = dy_days_from_civil(ry, w->hmonth, 1);
                d = f + floor_mod(w->hwday - 1 - dy_weekday(f), 7) + 7 * (-w->hday - 1);
            }
            if (best == INT32_MIN || labs((long)d - x->anchor) < labs((long)best - x->anchor))
                best = d;
        }
        m->type = TX_DATE;
        m->v = v_at(best, G_DAY);
        return e;
    }
    int32_t d;
    if (w->hday > 0)
        d = dy_days_from_civil(y, w->hmonth, w->hday);
    else {
        int32_t f = dy_days_from_civil(y, w->hmonth, 1);
        d = f + floor_mod(w->hwday - 1 - dy_weekday(f), 7) + 7 * (-w->hday - 1);
    }
    m->type = TX_DATE;
    m->v = v_at(d, G_DAY);
    return e;
}

/* "the end of the year", "the beginning of the month": the current period. */
static size_t rec_of_the(txs *x, size_t i, txm *m)
{
    if (!tok_is(x, i, "the"))
        return 0;
    const txw *u = ent(x, i + 1);
    if (!u || !(u->kinds & K_UNIT) || (u->flags & F_PLURAL) || u->unit < G_WEEK)
        return 0;
    m->type = TX_DATE;
    m->v = v_at(x->anchor, u->unit);
    return i + 2;
}

/* The recognisers, each with what token i must be for it to have a chance:
 * a word of one of the kinds, a number (N), any other word (O: hyphenated
 * words, Q3). The cheap test saves most calls. */
#define AT_NUM (1u << 31)
#define AT_OTHER (1u << 30)
static const struct txrec {
    size_t (*fn)(txs *, size_t, txm *);
    uint32_t at;
} tx_recs[] = {
    {rec_rel, K_DAY | K_REF | K_SET | K_DECADE | K_PHRASE},
    {rec_number, AT_NUM},
    {rec_daymonth, AT_NUM | K_ORD},
    {rec_season, K_SEASON},
    {rec_quarter, AT_NUM | AT_OTHER | K_FISCAL | K_ORD | K_MOD},
    {rec_count, AT_NUM | AT_OTHER | K_NUMBER | K_PHRASE | K_UNIT},
    {rec_mod, K_MOD},
    {rec_every, K_EVERY},
    {rec_time, AT_NUM | K_CLOCK},
    {rec_unit, K_UNIT},
    {rec_fiscal, K_FISCAL | K_UNIT},
    {rec_century, AT_NUM | K_ORD},
    {rec_spoken_year, K_NUMBER | K_UNIT},
    {rec_holiday, K_HOLIDAY | K_PHRASE},
};

static size_t core(txs *x, size_t i, txm *best, int of_the)
{
    if (i >= x->s1)
        return 0;
    const txw *w = ent(x, i);
    uint32_t at = w ? w->kinds : 0;
    if (x->t->tok[i].kind == TK_NUM)
        at |= AT_NUM;
    else if (!w || !(w->kinds & K_START))
        at |= AT_OTHER;
    size_t be = 0;
    txm m;
    for (size_t r = 0; r < sizeof tx_recs / sizeof *tx_recs; r++) {
        if (!(tx_recs[r].at & at))
            continue;
        memset(&m, 0, sizeof m);
        size_t e = tx_recs[r].fn(x, i, &m);
        if (e > be) {
            be = e;
            *best = m;
        }
    }
    size_t e;
    if (at & K_MONTH) {
        memset(&m, 0, sizeof m);
        e = rec_month(x, i, &m, 0);
        if (e > be) {
            be = e;
            *best = m;
        }
    }
    if (at & K_WDAY) {
        memset(&m, 0, sizeof m);
        e = rec_weekday(x, i, &m, 0, 0);
        if (e > be) {
            be = e;
            *best = m;
        }
    }
    if (of_the) {
        memset(&m, 0, sizeof m);
        e = rec_of_the(x, i, &m);
        if (e > be) {
            be = e;
            *best = m;
        }
    }
    if (be && !best->own_first)
        best->first = i;
    return be;
}

/* mid-November, mid-1990s, early-2024: a position prefix inside the token. */
static size_t rec_hyphen_pos(txs *x, size_t i, txm *m)
{
    const dy_tok *k = &x->t->tok[i];
    if (k->kind != TK_WORD)
        return 0;
    size_t n;
    const char *s = norm(x, i, &n);
    const char *h = memchr(s, '-', n);
    if (!h)
        return 0;
    const txw *p = ent_str(x, s, (size_t)(h - s));
    if (!p || !(p->kinds & K_POS))
        return 0;
    const char *r = h + 1;
    size_t rn = n - (size_t)(h - s) - 1;
    const txw *w = ent_str(x, r, rn);
    m->type = TX_DATE;
    m->the_ok = 1;
    if (w && (w->kinds & K_MONTH)) {
        m->v = month_value(x, w->month, TXDIR(x, i, i + 1));
        return i + 1;
    }
    int v = 0;
    size_t d = 0;
    while (d < rn && dy_is_digit(r[d]))
        v = v * 10 + (r[d++] - '0');
    if (d == 4 && rn == 4 && v >= 1000 && v <= 2999) {
        m->v.g = G_YEAR;
        m->v.y = v;
        return i + 1;
    }
    if (d == 4 && rn == 5 && r[4] == 's' && v % 10 == 0) {
        m->v.g = G_DECADE;
        m->v.y = v;
        return i + 1;
    }
    return 0;
}

/* The expression starting at i, with its position words (early next year, the
 * end of the month, late Thursday), or 0. */
static size_t match_at(txs *x, size_t i, txm *m)
{
    size_t e = core(x, i, m, 0);
    txm h;
    memset(&h, 0, sizeof h);
    size_t he = rec_hyphen_pos(x, i, &h);
    if (he > e) {
        *m = h;
        m->first = i;
        e = he;
    }
    const txw *w = ent(x, i);
    if (w && (w->kinds & K_POS)) {
        size_t j = i + 1;
        if (w->flags & F_POS_OF) {
            if (!tok_is(x, j, "of"))
                return e;
            j++;
        }
        txm c;
        memset(&c, 0, sizeof c);
        size_t ce = core(x, j, &c, (w->flags & F_POS_OF) != 0);
        if (ce > e && c.type != TX_DURATION) {
            *m = c;
            m->first = i;
            m->the_ok = 1;
            e = ce;
        }
    }
    return e;
}

/* Is token i worth a look? One hash probe for words. */
static int candidate(const txs *x, size_t i)
{
    const dy_tok *k = &x->t->tok[i];
    if (k->kind == TK_NUM) {
        /* dates and times (2024-10-03 10/3/2024 15:00), decades, years, and
         * numbers before a word of the lists (3 October, two days, 9 p.m.) */
        const char *s = x->t->norm + k->norm;
        size_t n = k->nlen, d = 0;
        while (d < n && dy_is_digit(s[d]))
            d++;
        if (d < n && s[d] != '.' && s[d] != ',')
            return 1;
        if (d == n && n == 4)
            return 1;
        return i + 1 < x->s1 && (ent(x, i + 1) || x->t->tok[i + 1].kind == TK_ABBR);
    }
    if (k->kind != TK_WORD && k->kind != TK_ABBR)
        return 0;
    const txw *w = ent(x, i);
    if (w) {
        if (!(w->kinds & K_START))
            return 0;
        /* a, that, this, early, end ...: only worth a look before a word of
         * the lists or a number ("a year ago", "this week", "end of March") */
        if (!(w->kinds & (K_START & ~(K_NUMBER | K_MOD | K_POS | K_EVERY | K_FISCAL | K_PHRASE))) &&
            (w->kinds & K_NUMBER ? (w->flags & F_ARTICLE) || w->num < 0 : 1)) {
            size_t j = i + 1 + ((w->kinds & K_POS) && (w->flags & F_POS_OF));
            if (j >= x->s1)
                return 0;
            const dy_tok *n = &x->t->tok[j];
            if (n->kind != TK_NUM && !ent(x, j) && !tok_is(x, j, "period") &&
                !(n->kind == TK_WORD && memchr(x->t->norm + n->norm, '-', n->nlen)))
                return 0;   /* ("the latest period": see rec_mod) */
        }
        return 1;
    }
    const char *s = x->t->norm + k->norm;
    return memchr(s, '-', k->nlen) != NULL ||
           (k->nlen == 2 && s[0] == 'q' && s[1] >= '1' && s[1] <= '4');
}

static int push(txs *x, const txm *m)
{
    struct dyad_doc *d = x->doc;
    if (DY_GROW(d->tx, d->tx_cap, d->ntx + 1))
        return -1;
    dy_timex *o = &d->tx[d->ntx];
    memset(o, 0, sizeof *o);
    o->first = (uint32_t)m->first;
    o->end = (uint32_t)m->end;
    o->sent = x->sent;
    o->type = m->type;
    o->day = INT32_MIN;
    if (m->clock) {
        /* the date is bound at the end of the sentence */
        snprintf(o->value, sizeof o->value, "T%02d:%02d", m->minutes / 60, m->minutes % 60);
    } else if (v_format(&m->v, o->value))
        return 0;   /* out of range: dropped */
    if (m->type == TX_DATE && m->v.g == G_DAY)
        o->day = m->v.day;
    d->ntx++;
    return 0;
}

/* Times of the sentence get the date of a day named within three tokens, else
 * the document date. */
static void bind_times(txs *x, size_t tx0)
{
    struct dyad_doc *d = x->doc;
    for (size_t k = tx0; k < d->ntx; k++) {
        dy_timex *o = &d->tx[k];
        if (o->type != TX_TIME || o->value[0] != 'T')
            continue;
        int32_t day = x->anchor;
        uint32_t best = 4;
        for (size_t j = tx0; j < d->ntx; j++) {
            const dy_timex *p = &d->tx[j];
            if (p->day == INT32_MIN)
                continue;
            uint32_t dist = p->first >= o->end ? p->first - o->end : o->first - p->end;
            if (p->first < o->first && p->end > o->first)
                dist = 0;
            if (dist < best) {
                best = dist;
                day = p->day;
            }
        }
        char date[11], t[8];
        memcpy(t, o->value, sizeof t);
        t[7] = 0;
        dy_format_date(day, date);
        snprintf(o->value, sizeof o->value, "%s%s", date, t);
    }
}

int dy_timex_prepare(struct dyad_ctx *ctx)
{
    const txtab *tb = tab_get(ctx->data_dir);
    size_t n = ctx->words.n;
    uint32_t *wid = tb ? dy_calloc(n ? n : 1, sizeof *wid) : NULL;
    if (!wid)
        return -1;
    for (uint32_t id = 1; id < n; id++) {
        /* what word_id finds for a token of this word */
        uint32_t len = dy_intern_len(&ctx->words, id);
        if (len)
            wid[id] = dict_find(&tb->words, dy_intern_str(&ctx->words, id), len);
    }
    ctx->tx_wid = wid;
    ctx->ntx_wid = n;
    return 0;
}

int dy_timex_find(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    doc->ntx = 0;
    const txtab *tb = tab_get(ctx->data_dir);
    if (!tb)
        return -1;
    if (!tb->words.n)
        return 0;   /* no word lists */
    txs x;
    memset(&x, 0, sizeof x);
    x.tb = tb;
    x.t = &doc->t;
    x.doc = doc;
    x.anchor = doc->has_date ? doc->date : doc->role_date;
    x.qref_sent = -1;
    uint32_t idc[TX_IDC];
    x.idc = idc;
    x.wid = ctx->tx_wid;
    x.nwid = ctx->ntx_wid;
    const dy_text *t = &doc->t;
    for (size_t s = 0; s < t->nsent; s++) {
        x.s0 = t->sent[s].first;
        x.s1 = x.s0 + t->sent[s].ntok;
        x.sent = (uint32_t)s;
        x.tagged = 0;
        for (size_t i = x.s0; i < x.s1 && !x.tagged; i++)
            x.tagged = t->tok[i].tag != T_NONE;
        memset(idc, 0xff, (x.s1 - x.s0 < TX_IDC ? x.s1 - x.s0 : TX_IDC) * sizeof *idc);
        size_t tx0 = doc->ntx, last_end = x.s0;
        for (size_t i = x.s0; i < x.s1;) {
            if (!candidate(&x, i)) {
                i++;
                continue;
            }
            txm m;
            memset(&m, 0, sizeof m);
            size_t e = match_at(&x, i, &m);
            if (!e) {
                i++;
                continue;
            }
            m.end = e;
            if (m.the_ok && m.first > last_end && tok_is(&x, m.first - 1, "the"))
                m.first--;
            if (push(&x, &m))
                return -1;
            if (m.type == TX_DATE && m.v.g != G_LIT && m.v.g != G_NONE && !m.derived) {
                x.ref = m.v;
                x.has_ref = 1;
                if (m.v.g == G_QUARTER || m.v.g == G_HALF) {
                    x.qref = m.v;
                    x.qref_sent = (long)s;
                }
            }
            last_end = e;
            i = e;
        }
        bind_times(&x, tx0);
    }
    return 0;
}

/* ---- event dates ------------------------------------------------------------- */

/* The verb nearest to tokens [first, end), a comma counting as five tokens
 * (it often closes a clause: "who took office earlier this week, has said"),
 * the one before winning ties within two: the verb whose clause the expression
 * belongs to. Returns its token, or (size_t)-1. */
static size_t owner_verb(const txs *x, size_t first, size_t end)
{
    size_t l = (size_t)-1, r = (size_t)-1, dl = 0, dr = 0;
    for (size_t j = first; j-- > x->s0;) {
        if (tok_is(x, j, ";"))
            break;
        dl += tok_is(x, j, ",") ? 5 : 1;
        if (is_verb(x, j)) {
            l = j;
            break;
        }
    }
    for (size_t j = end; j < x->s1; j++) {
        if (tok_is(x, j, ";") || has_kind(x, j, K_BOUNDARY))
            break;
        dr += tok_is(x, j, ",") ? 5 : 1;
        if (is_verb(x, j)) {
            r = j;
            break;
        }
    }
    if (l != (size_t)-1 && (r == (size_t)-1 || dl <= dr + 2))
        return l;
    return r;
}

/* The verb group of the syntax stage containing token i, or NULL. */
static const dy_vg *vg_at(const struct dyad_doc *doc, size_t i)
{
    /* the syntax stage's per-token index, when it has one: O(1) */
    if (doc->syn.tok_vg && i < doc->t.ntok) {
        int32_t g = doc->syn.tok_vg[i];
        if (g >= 0 && (size_t)g < doc->syn.nvg && doc->syn.vg[g].first <= i && i < doc->syn.vg[g].end)
            return &doc->syn.vg[g];
    }
    /* else the verb groups of the token's sentence only */
    size_t v0 = 0, v1 = doc->syn.nvg;
    if (doc->syn.sent_vg) {
        for (size_t s = 0; s < doc->t.nsent; s++)
            if (i < doc->t.sent[s].first + doc->t.sent[s].ntok) {
                v0 = doc->syn.sent_vg[s];
                v1 = doc->syn.sent_vg[s + 1];
                break;
            }
    }
    for (size_t v = v0; v < v1; v++)
        if (doc->syn.vg[v].first <= i && i < doc->syn.vg[v].end)
            return &doc->syn.vg[v];
    return NULL;
}

/* For each event: the DATE expression of its clause, else the document date
 * stays. Same sentence only; first choice an expression after the trigger's
 * verb group and before the next verb, then one whose nearest verb is in the
 * trigger's group ("On Tuesday, forces attacked"), then the nearest one
 * ("will convene a meeting when he visits Germany next week") except one
 * inside a relative clause that does not hold the trigger ("Rutte, who took
 * office earlier this week, has said ..."). A TIME with a date gives its day.
 * References (PRESENT_REF), durations and sets are never event dates. */
void dy_timex_assign(const struct dyad_ctx *ctx, struct dyad_doc *doc)
{
    const dy_text *t = &doc->t;
    const txtab *tb = doc->ntx ? tab_get(ctx->data_dir) : NULL;
    if (!tb)
        return;
    txs x;
    memset(&x, 0, sizeof x);
    x.tb = tb;
    x.t = t;
    x.doc = doc;
    uint32_t idc[TX_IDC];   /* word ids of the current sentence, as in the search */
    x.idc = idc;
    x.wid = ctx->tx_wid;
    x.nwid = ctx->ntx_wid;
    uint32_t cur = UINT32_MAX;
    for (size_t ei = 0; ei < doc->nev; ei++) {
        dy_event *e = &doc->ev[ei];
        if (e->sent >= t->nsent)
            continue;
        x.s0 = t->sent[e->sent].first;
        x.s1 = x.s0 + t->sent[e->sent].ntok;
        if (e->sent != cur) {
            cur = e->sent;
            memset(idc, 0xff, sizeof idc);
        }
        x.tagged = 0;
        for (size_t i = x.s0; i < x.s1 && !x.tagged; i++)
            x.tagged = t->tok[i].tag != T_NONE;
        /* the trigger's verb group, and the next verb after it */
        size_t g1 = e->trig_end;
        {
            const dy_vg *vg = vg_at(doc, e->trig_first);
            if (vg)
                g1 = vg->end > g1 ? vg->end : g1;
        }
        while (g1 < x.s1 && in_group(&x, g1))
            g1++;
        size_t next_verb = x.s1;
        for (size_t i = g1; i < x.s1; i++)
            if (is_verb(&x, i)) {
                next_verb = i;
                break;
            }
        size_t g0 = e->trig_first;
        while (g0 > x.s0 && in_group(&x, g0 - 1))
            g0--;
        const dy_vg *tvg = vg_at(doc, e->trig_first);
        int32_t best = -1;
        long bscore = 0;
        /* the expressions are in text order: start at the event's sentence */
        size_t klo = 0, khi = doc->ntx;
        while (klo < khi) {
            size_t mid = (klo + khi) / 2;
            if (doc->tx[mid].sent < e->sent)
                klo = mid + 1;
            else
                khi = mid;
        }
        for (size_t k = klo; k < doc->ntx && doc->tx[k].sent <= e->sent; k++) {
            const dy_timex *o = &doc->tx[k];
            if (o->sent != e->sent)
                continue;
            int dated = o->type == TX_DATE && dy_is_digit((unsigned char)o->value[0]);
            int timed = o->type == TX_TIME && dy_is_digit((unsigned char)o->value[0]);
            if (!dated && !timed)
                continue;
            long score;
            size_t dist = o->end <= e->trig_first ? e->trig_first - o->end
                          : o->first >= e->trig_end ? o->first - e->trig_end : 0;
            size_t ov = owner_verb(&x, o->first, o->end);
            if (o->first >= g1 && o->first < next_verb)
                score = (long)(o->first - g1);             /* after the verb, in its clause */
            else if (ov != (size_t)-1 && ov >= g0 && ov < g1)
                score = 500 + (long)dist;                  /* its nearest verb is the trigger's */
            else {
                const dy_vg *ovg = ov != (size_t)-1 ? vg_at(doc, ov) : NULL;
                if (ovg && ovg != tvg && (ovg->flags & VG_RELATIVE))
                    continue;                              /* another relative clause's */
                score = 1000 + (long)dist;
            }
            score = score * 2 + (timed ? 1 : 0);            /* a DATE before a TIME */
            if (best < 0 || score < bscore) {
                best = (int32_t)k;
                bscore = score;
            }
        }
        if (best < 0)
            continue;
        const dy_timex *o = &doc->tx[best];
        if (o->type == TX_TIME) {
            int32_t day;
            if (dy_parse_date(o->value, 10, &day) == 0)
                e->date = day;
            continue;
        }
        e->timex = best;
        if (o->day != INT32_MIN)
            e->date = o->day;
    }
}

/* ---- checking the word lists ------------------------------------------------ */

typedef struct txcheck {
    void (*cb)(void *, const char *, int, const char *);
    void *user;
    size_t n;
} txcheck;

static int check_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                      char *err, size_t errlen)
{
    (void)fileno;
    (void)err;
    (void)errlen;
    txcheck *c = user;
    char *eq = memchr(s, '=', n);
    txw e;
    memset(&e, 0, sizeof e);
    if (!eq || eq == s || parse_entry(eq + 1, &e)) {
        char msg[200];
        snprintf(msg, sizeof msg, "malformed time word entry '%.120s' (want: words = kind args)", s);
        c->n++;
        if (c->cb)
            c->cb(c->user, path, line, msg);
    }
    return 0;
}

size_t dy_timex_check(const struct dyad_ctx *ctx,
                      void (*cb)(void *, const char *, int, const char *), void *user)
{
    txcheck c = {cb, user, 0};
    char path[4096], err[256];
    if (!ctx->data_dir)
        return 0;
    snprintf(path, sizeof path, "%s/time", ctx->data_dir);
    if (access(path, R_OK | X_OK) == 0)
        dy_read_dir_lines(path, check_line, &c, NULL, NULL, err, sizeof err);
    return c.n;
}
