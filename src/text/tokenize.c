/* tokenize.c - the tokenizer: raw UTF-8 bytes -> flat array of dy_tok.
 *
 * Reads dy_text.src/len; writes dy_text.tok (byte offsets into src) and
 * dy_text.norm (a pool of normalised lower-case forms: accents stripped, curly
 * apostrophes and quotes made straight, dashes unified, soft hyphens dropped).
 * Invalid UTF-8 bytes count as U+FFFD of length 1 and are counted in
 * dy_text.invalid. Words keep hyphenated compounds, inner apostrophes (O'Brien)
 * and abbreviation periods (U.S., Gen., p.m.); possessives and contractions are
 * split off as clitics ('s, n't, 're ...). No allocation per token. */
#include "text.h"

#include <utf8proc.h>

#define CP_FFFD 0xFFFD

/* ASCII letters and digits: 1 digit, 3 lower-case, 7 upper-case (bit 1:
 * letter, bit 2: upper case) */
static const uint8_t ascii_cls[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3, ['g'] = 3,
    ['h'] = 3, ['i'] = 3, ['j'] = 3, ['k'] = 3, ['l'] = 3, ['m'] = 3, ['n'] = 3,
    ['o'] = 3, ['p'] = 3, ['q'] = 3, ['r'] = 3, ['s'] = 3, ['t'] = 3, ['u'] = 3,
    ['v'] = 3, ['w'] = 3, ['x'] = 3, ['y'] = 3, ['z'] = 3,
    ['A'] = 7, ['B'] = 7, ['C'] = 7, ['D'] = 7, ['E'] = 7, ['F'] = 7, ['G'] = 7,
    ['H'] = 7, ['I'] = 7, ['J'] = 7, ['K'] = 7, ['L'] = 7, ['M'] = 7, ['N'] = 7,
    ['O'] = 7, ['P'] = 7, ['Q'] = 7, ['R'] = 7, ['S'] = 7, ['T'] = 7, ['U'] = 7,
    ['V'] = 7, ['W'] = 7, ['X'] = 7, ['Y'] = 7, ['Z'] = 7,
};

/* Decode one code point at s[i]; returns its byte length (>= 1). Invalid
 * sequences decode to U+FFFD with length 1. */
static inline int dec(const char *s, size_t len, size_t i, int32_t *cp, int *bad)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        *bad = 0;
        return 1;
    }
    utf8proc_int32_t v;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &v);
    if (n <= 0) {
        *cp = CP_FFFD;
        *bad = 1;
        return 1;
    }
    *cp = v;
    *bad = 0;
    return (int)n;
}

static inline int is_space_cp(int32_t c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF || c == 0x1680 || c == 0x2028 || c == 0x2029 ||
           c == 0x85;
}

static inline int is_alpha_cp(int32_t c)
{
    if (c < 0x80)
        return dy_is_ascii_lower(c) || dy_is_ascii_upper(c);
    if (c == CP_FFFD)
        return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME);
}
static inline int is_digit_cp(int32_t c)
{
    if (c < 0x80)
        return dy_is_digit(c);
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}
static inline int is_alnum_cp(int32_t c) { return is_alpha_cp(c) || is_digit_cp(c); }
static inline int is_apos_cp(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static inline int is_upper_cp(int32_t c)
{
    if (c < 0x80)
        return dy_is_ascii_upper(c);
    return utf8proc_isupper(c);
}

/* Append the normalised form of code point c to the pool. */
static int norm_cp(dy_text *t, int32_t c)
{
    if (dy_grow((void **)&t->norm, &t->norm_cap, t->norm_len + 32, 1))
        return -1;
    char *o = t->norm + t->norm_len;
    if (c < 0x80) {
        *o = (char)(dy_is_ascii_upper(c) ? c + 32 : c);
        t->norm_len++;
        return 0;
    }
    if (c == 0xAD)              /* soft hyphen: invisible */
        return 0;
    if (is_apos_cp(c) || c == 0x2018) {
        *o = '\'';
        t->norm_len++;
        return 0;
    }
    if (c == 0x2010 || c == 0x2011) {
        *o = '-';
        t->norm_len++;
        return 0;
    }
    utf8proc_int32_t buf[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(c, buf, 8,
        UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT, &last);
    if (n < 0 || n > 8) {
        buf[0] = c;
        n = 1;
    }
    for (utf8proc_ssize_t k = 0; k < n; k++) {
        utf8proc_ssize_t w = utf8proc_encode_char(buf[k], (utf8proc_uint8_t *)t->norm + t->norm_len);
        t->norm_len += (size_t)w;
    }
    return 0;
}

static int push_tok(dy_text *t, size_t start, size_t end, uint32_t norm0, int kind, unsigned flags)
{
    if (DY_GROW(t->tok, t->tok_cap, t->ntok + 1))
        return -1;
    if (dy_grow((void **)&t->norm, &t->norm_cap, t->norm_len + 1, 1))
        return -1;
    t->norm[t->norm_len++] = 0;
    dy_tok *k = &t->tok[t->ntok++];
    memset(k, 0, sizeof *k);
    k->start = (uint32_t)start;
    k->end = (uint32_t)end;
    k->norm = norm0;
    size_t nl = t->norm_len - 1 - norm0;
    k->nlen = (uint16_t)(nl > 65535 ? 65535 : nl);
    k->kind = (uint8_t)kind;
    k->flags = (uint8_t)flags;
    return 0;
}

/* Normalise src[a..b) into the pool (no NUL). */
static int norm_range(dy_text *t, size_t a, size_t b)
{
    const char *s = t->src;
    while (a < b) {
        if ((unsigned char)s[a] < 0x80) {
            /* a run of ASCII: lower-cased as norm_cp would, in one go (room
             * for the whole rest of the range) */
            if (dy_grow((void **)&t->norm, &t->norm_cap, t->norm_len + (b - a) + 32, 1))
                return -1;
            char *o0 = t->norm + t->norm_len, *o = o0;
            unsigned char c;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* eight source bytes at a time (the text goes on past b), the k
             * of them before b lower-cased in one go while they are ASCII;
             * the room above covers the eight bytes stored */
            const uint64_t hi = 0x8080808080808080ull;
            while (a < b && a + 8 <= t->len) {
                size_t k = b - a < 8 ? b - a : 8;
                uint64_t x, m = k == 8 ? ~0ull : (1ull << (8 * k)) - 1;
                memcpy(&x, s + a, 8);
                if (x & m & hi)
                    break;
                /* bit 7 of each byte from 'A' to 'Z' (carries only go up, past
                 * the k bytes), moved to bit 5 */
                x |= ((x + 0x3f3f3f3f3f3f3f3full) & ~(x + 0x2525252525252525ull) & hi) >> 2;
                memcpy(o, &x, 8);
                o += k;
                a += k;
            }
#endif
            while (a < b && (c = (unsigned char)s[a]) < 0x80) {
                *o++ = (char)(dy_is_ascii_upper(c) ? c + 32 : c);
                a++;
            }
            t->norm_len += (size_t)(o - o0);
            continue;
        }
        int32_t c;
        int bad;
        int l = dec(s, t->len, a, &c, &bad);
        if (norm_cp(t, c))
            return -1;
        a += (size_t)l;
    }
    return 0;
}

/* Is the clitic starting after the apostrophe at s[i] one of 's 're 've 'll
 * 'd 'm 't followed by a non-letter? Returns its letter count or 0. */
static int clitic_len(const char *s, size_t len, size_t i)
{
    static const char *cl[] = {"s", "re", "ve", "ll", "d", "m", "t"};
    for (size_t k = 0; k < sizeof cl / sizeof *cl; k++) {
        size_t n = strlen(cl[k]);
        if (i + n > len)
            continue;
        int ok = 1;
        for (size_t j = 0; j < n; j++)
            if ((s[i + j] | 32) != cl[k][j])
                ok = 0;
        if (!ok)
            continue;
        if (i + n < len) {
            int32_t c;
            int bad;
            dec(s, len, i + n, &c, &bad);
            if (is_alnum_cp(c))
                continue;
        }
        return (int)n;
    }
    return 0;
}

int dy_abbr_class(const dy_abbrevs *ab, const char *s, size_t n)
{
    if (!ab)
        return 0;
    uint32_t id = dy_intern_find(&ab->words, s, n);
    return id ? ab->cls[id] : 0;
}

int dy_tokenize(dy_text *t, const dy_abbrevs *ab)
{
    const char *s = t->src;
    size_t len = t->len, i = 0;
    unsigned pend = TF_PARA;     /* flags for the next token */
    int newlines = 2;
    t->ntok = 0;
    t->norm_len = 0;
    t->invalid = 0;

    while (i < len) {
        if (s[i] == ' ') {      /* the common separator, as the test below */
            pend |= TF_SPACE;
            i++;
            continue;
        }
        int32_t c;
        int bad;
        int l = dec(s, len, i, &c, &bad);
        int alnum = c < 0x80 && ascii_cls[c];   /* neither space nor invisible */
        if (!alnum && is_space_cp(c)) {
            if (c == '\n' || c == 0x2029) {
                newlines++;
                pend |= TF_NEWLINE;
                if (newlines >= 2)
                    pend |= TF_PARA;
            }
            pend |= TF_SPACE;
            i += (size_t)l;
            continue;
        }
        if (!alnum && (c == 0xAD || c == 0x200C || c == 0x200D)) { /* invisible */
            i += (size_t)l;
            continue;
        }
        newlines = 0;
        size_t start = i;
        uint32_t n0 = (uint32_t)t->norm_len;
        unsigned fl = pend;
        pend = 0;
        if (bad)
            t->invalid++;

        if (alnum || is_alnum_cp(c)) {
            int kind = is_digit_cp(c) ? TK_NUM : TK_WORD;
            size_t j = i;
            int nletters = 0, nupper = 0, firstupper = is_upper_cp(c);
            size_t run_start = j;       /* start of the current alpha run */
            for (;;) {
                int32_t d;
                int b2;
                if (j >= len)
                    break;
                unsigned char cb = (unsigned char)s[j];
                if (ascii_cls[cb]) {    /* ASCII letter or digit: the common case */
                    nletters += ascii_cls[cb] >> 1 & 1;
                    nupper += ascii_cls[cb] >> 2;
                    j++;
                    continue;
                }
                int l2 = dec(s, len, j, &d, &b2);
                if (b2)
                    break;
                if (is_alnum_cp(d)) {
                    if (is_alpha_cp(d)) {
                        nletters++;
                        if (is_upper_cp(d))
                            nupper++;
                    }
                    j += (size_t)l2;
                    continue;
                }
                if (d == 0xAD) {        /* soft hyphen inside a word */
                    j += (size_t)l2;
                    continue;
                }
                /* connectors: need an alnum after them */
                if (j + (size_t)l2 < len) {
                    int32_t e;
                    int b3;
                    int l3 = dec(s, len, j + (size_t)l2, &e, &b3);
                    (void)l3;
                    if ((d == '-' || d == 0x2010 || d == 0x2011) && is_alnum_cp(e)) {
                        j += (size_t)l2;
                        run_start = j;
                        continue;
                    }
                    if (kind == TK_NUM && (d == '.' || d == ',' || d == ':' || d == '/') &&
                        is_digit_cp(e)) {
                        int32_t p;
                        int bp;
                        dec(s, len, j - 1, &p, &bp);
                        if (is_digit_cp(p)) {
                            j += (size_t)l2;
                            continue;
                        }
                    }
                    if (is_apos_cp(d) && is_alpha_cp(e)) {
                        size_t after = j + (size_t)l2;
                        int cl = clitic_len(s, len, after);
                        if (cl == 1 && (s[after] | 32) == 't') {
                            /* n't: split before the n */
                            if (j - 1 > start && (s[j - 1] | 32) == 'n')
                                break;
                            cl = 0; /* O't... rare: keep */
                        }
                        if (cl)
                            break;
                        j += (size_t)l2;
                        continue;
                    }
                }
                break;
            }
            /* n't: back up one byte so the n goes with the clitic */
            if (j < len && is_apos_cp((unsigned char)s[j] < 0x80 ? s[j] : 0x2019) && j - 1 > start &&
                (s[j - 1] | 32) == 'n') {
                int32_t ap;
                int bq;
                int la = dec(s, len, j, &ap, &bq);
                if (is_apos_cp(ap) && j + (size_t)la < len && (s[j + (size_t)la] | 32) == 't' &&
                    clitic_len(s, len, j + (size_t)la) == 1)
                    j--;
            }
            /* abbreviation periods */
            int is_abbr = 0;
            if (j < len && s[j] == '.' && kind == TK_WORD) {
                size_t runlen = j - run_start;
                /* letter-dot sequences: U.S. U.N. p.m. e.g. */
                if (runlen == 1) {
                    size_t k = j;
                    while (k + 2 < len && s[k] == '.' && is_alpha_cp((unsigned char)s[k + 1]) &&
                           s[k + 2] == '.')
                        k += 2;
                    if (k > j) {
                        j = k + 1;
                        is_abbr = 1;
                    } else if (firstupper && nletters == 1) {
                        j++;            /* an initial: F. */
                        is_abbr = 1;
                    }
                }
                if (!is_abbr && ab) {
                    if (norm_range(t, start, j) || norm_cp(t, '.'))
                        return -1;
                    if (dy_abbr_class(ab, t->norm + n0, t->norm_len - n0)) {
                        j++;
                        is_abbr = 1;
                    }
                    t->norm_len = n0;
                }
            }
            if (firstupper)
                fl |= TF_CAP;
            if (nletters >= 2 && nupper == nletters)
                fl |= TF_ALLCAP;
            if (norm_range(t, start, j))
                return -1;
            if (push_tok(t, start, j, n0, is_abbr ? TK_ABBR : kind, fl))
                return -1;
            i = j;
            /* clitic after an apostrophe */
            if (i < len) {
                int32_t ap;
                int bq;
                int la = dec(s, len, i, &ap, &bq);
                size_t after = i + (size_t)la;
                int cl = 0;
                if (is_apos_cp(ap))
                    cl = clitic_len(s, len, after);
                else if ((ap | 32) == 'n' && after < len) { /* n't */
                    int32_t a2;
                    int b4;
                    int l4 = dec(s, len, after, &a2, &b4);
                    if (is_apos_cp(a2) && clitic_len(s, len, after + (size_t)l4) == 1 &&
                        (s[after + (size_t)l4] | 32) == 't') {
                        uint32_t m0 = (uint32_t)t->norm_len;
                        if (norm_range(t, i, after + (size_t)l4 + 1) ||
                            push_tok(t, i, after + (size_t)l4 + 1, m0, TK_CLITIC, 0))
                            return -1;
                        i = after + (size_t)l4 + 1;
                        continue;
                    }
                }
                if (cl) {
                    uint32_t m0 = (uint32_t)t->norm_len;
                    if (norm_range(t, i, after + (size_t)cl) ||
                        push_tok(t, i, after + (size_t)cl, m0, TK_CLITIC, 0))
                        return -1;
                    i = after + (size_t)cl;
                } else if (is_apos_cp(ap) && (s[i - 1] | 32) == 's') {
                    /* plural possessive: allies' */
                    int32_t nx = ' ';
                    int b5;
                    if (after < len)
                        dec(s, len, after, &nx, &b5);
                    if (!is_alnum_cp(nx)) {
                        uint32_t m0 = (uint32_t)t->norm_len;
                        if (norm_cp(t, '\'') || push_tok(t, i, after, m0, TK_CLITIC, 0))
                            return -1;
                        i = after;
                    }
                }
            }
            continue;
        }

        /* quotation marks */
        if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB ||
            c == 0x2018 || c == 0x2019 || c == '\'' || c == 0x201F || c == 0x2039 || c == 0x203A) {
            int open;
            int dbl = !(c == 0x2018 || c == 0x2019 || c == '\'' || c == 0x2039 || c == 0x203A);
            if (c == 0x201C || c == 0x201E || c == 0xAB || c == 0x2018 || c == 0x2039 || c == 0x201F)
                open = 1;
            else if (c == 0x201D || c == 0xBB || c == 0x203A)
                open = 0;
            else {
                /* straight quote or right single: open after space/start/bracket */
                int32_t p = ' ';
                if (start > 0) {
                    size_t q = start - 1;
                    while (q > 0 && ((unsigned char)s[q] & 0xC0) == 0x80)
                        q--;
                    int bp;
                    dec(s, len, q, &p, &bp);
                }
                open = is_space_cp(p) || p == '(' || p == '[' || p == '-' || p == 0x2014 ||
                       p == 0x2013 || p == '"' || p == 0x201C;
                if (c == 0x2019)
                    open = 0;
            }
            if (norm_cp(t, dbl ? '"' : '\''))
                return -1;
            if (push_tok(t, start, i + (size_t)l, n0, TK_QUOTE, fl | (open ? TF_OPEN : TF_CLOSE)))
                return -1;
            i += (size_t)l;
            continue;
        }

        /* dashes */
        if (c == '-' || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212) {
            size_t j = i + (size_t)l;
            int dbl = c != '-' && c != 0x2212;
            while (j < len && s[j] == '-') {
                j++;
                dbl = 1;
            }
            if (dbl) {
                if (norm_cp(t, '-') || norm_cp(t, '-'))
                    return -1;
            } else if (norm_cp(t, '-'))
                return -1;
            if (push_tok(t, start, j, n0, TK_DASH, fl))
                return -1;
            i = j;
            continue;
        }

        /* sentence-final punctuation, with runs (?!, ...) */
        if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
            size_t j = i + (size_t)l;
            while (j < len && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
                j++;
            if (norm_range(t, start, j))
                return -1;
            if (push_tok(t, start, j, n0, TK_PUNCT, fl | TF_SENT_END))
                return -1;
            i = j;
            continue;
        }

        /* anything else: one code point */
        {
            int kind = TK_PUNCT;
            if (c == '$' || c == '%' || c == '&' || c == '@' || c == '#' || c == '+' || c == '=' ||
                c == '*' || c == '/' || c == '\\' || c == '|' || c == '^' || c == '~' || c == '<' ||
                c == '>' || (c >= 0x80 && c != CP_FFFD &&
                             utf8proc_category(c) >= UTF8PROC_CATEGORY_SM &&
                             utf8proc_category(c) <= UTF8PROC_CATEGORY_SO))
                kind = TK_SYM;
            if (norm_cp(t, c))
                return -1;
            if (push_tok(t, start, i + (size_t)l, n0, kind, fl))
                return -1;
            i += (size_t)l;
        }
    }
    return 0;
}

/* ---- phrases (dictionary entries) ---- */
int dy_tokenize_phrase(const char *s, size_t n, const dy_abbrevs *ab, dy_phrase_cb cb, void *user)
{
    dy_text t;
    memset(&t, 0, sizeof t);
    t.src = s;
    t.len = n;
    int rc = dy_tokenize(&t, ab);
    if (rc == 0)
        for (size_t i = 0; i < t.ntok; i++) {
            rc = cb(user, t.norm + t.tok[i].norm, t.tok[i].nlen, t.tok[i].flags);
            if (rc)
                break;
        }
    dy_free(t.tok);
    dy_free(t.norm);
    return rc;
}
