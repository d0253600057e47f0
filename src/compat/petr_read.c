/* petr_read.c - the pieces every PETRARCH/TABARI dictionary reader shares:
 * comment stripping, dates (YYMMDD or YYYYMMDD), and cutting a phrase or a
 * pattern ("SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS")
 * into items, then into dyad pattern elements. Reads the dictionary text,
 * writes ctx->ev.el and the builder's pattern list. */
#include "petr.h"

#include <stdarg.h>
#include <stdlib.h>

int petr_fail(petr_build *b, const char *fmt, ...)
{
    char msg[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (b->path)
        snprintf(b->err, b->errlen, "%s:%d: %s", b->path, b->line, msg);
    else
        snprintf(b->err, b->errlen, "%s", msg);
    return -1;
}

char *petr_clean_line(char *s, int *in_xml)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    if (*in_xml) {
        char *e = strstr(s, "-->");
        if (!e)
            return s + n;   /* all comment */
        *in_xml = 0;
        s = e + 3;
    }
    char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (p[0] == '<' && p[1] == '!') {
        char *e = strstr(p, "-->");
        if (!e) {
            *in_xml = 1;
            return s + strlen(s);
        }
        p = e + 3;
    }
    int depth = 0;
    for (char *q = p; *q; q++) {
        if (*q == '[')
            depth++;
        else if (*q == ']' && depth > 0)
            depth--;
        else if ((*q == '#' || *q == ';') && depth == 0) {
            *q = 0;
            break;
        }
        if (*q == '\t')
            *q = ' ';
    }
    size_t m = strlen(p);
    while (m && (p[m - 1] == ' ' || p[m - 1] == '\t'))
        p[--m] = 0;
    while (*p == ' ')
        p++;
    return p;
}

uint32_t petr_word(petr_build *b, const char *w, size_t n)
{
    char low[256];
    if (n >= sizeof low)
        n = sizeof low - 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
    return dy_word_add(b->ctx, low, n);
}

int petr_date(const char *s, size_t n, int32_t *day)
{
    for (size_t i = 0; i < n; i++)
        if (!dy_is_digit(s[i]))
            return -1;
    int y, m, d;
    if (n == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y < 50 ? 2000 : 1900;   /* TABARI's two-digit years */
        s += 2;
    } else if (n == 8) {
        y = atoi((char[5]){s[0], s[1], s[2], s[3], 0});
        s += 4;
    } else
        return -1;
    m = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    *day = dy_days_from_civil(y, m, d);
    return 0;
}

uint32_t petr_code(petr_build *b, const char *s, size_t n)
{
    return dy_intern_add(&b->codes, s, n);
}

/* ---- items ---- */

typedef struct {
    petr_build *b;
    petr_item *out;
    int max, n;
    int adj_first;      /* adjacency of the first sub-token */
    int stem_last;      /* TABARI stem flag for the last sub-token */
    int first;
} tok_st;

static int tok_cb(void *user, const char *w, size_t n, unsigned flags)
{
    tok_st *t = user;
    (void)flags;
    if (t->n >= t->max)
        return -2;
    uint32_t id = petr_word(t->b, w, n);
    if (!id)
        return -1;
    petr_item *it = &t->out[t->n++];
    memset(it, 0, sizeof *it);
    it->kind = IT_WORD;
    it->id = id;
    it->adj = t->first ? (uint8_t)t->adj_first : 1;
    t->first = 0;
    return 0;
}

static int is_delim(int c, int pattern)
{
    if (c == 0 || c == ' ' || c == '_' || c == '{' || c == '}' || c == '(' || c == ')' || c == '|')
        return 1;
    if (c == '~' || c == '=')
        return 1;
    if (pattern && (c == '*' || c == '^' || c == '%'))
        return 1;
    if (pattern && (c == '+' || c == '$'))
        return 1;
    return 0;
}

/* The longest synset name that s[0..n) starts with, cut at '_' boundaries,
 * among those defined; else up to the first '_'. Returns its length. */
static size_t synset_name_len(petr_build *b, const char *s, size_t n)
{
    size_t best = 0, first_us = n;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '_') {
            first_us = i;
            break;
        }
    for (size_t k = n; k > 0; k--) {
        if (k < n && s[k] != '_')
            continue;
        uint32_t id;
        char low[128];
        size_t m = k < sizeof low - 1 ? k : sizeof low - 1;
        for (size_t i = 0; i < m; i++)
            low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
        id = dy_word_find(b->ctx, low, m);
        uint32_t v;
        if (id && dy_map_get(&b->synset_seen, id, &v)) {
            best = k;
            break;
        }
    }
    return best ? best : first_us;
}

uint32_t petr_synset_id(petr_build *b, const char *s, size_t n)
{
    while (n && s[n - 1] == '_')
        n--;
    return petr_word(b, s, n);
}

static int emit_synset_member(petr_build *b, uint32_t name, const petr_item *it, int n);

/* The recursive item scanner over s[0..n). */
static int scan(petr_build *b, const char *s, size_t n, int pattern, int space_adj, petr_item *out,
                int max, int *cnt, int adj_in)
{
    size_t i = 0;
    int adj = adj_in;         /* adjacency of the next item */
    while (i < n) {
        char c = s[i];
        if (c == ' ') {
            adj = space_adj;
            i++;
            continue;
        }
        if (c == '_') {
            /* closes the previous word (TABARI exact) and joins */
            if (*cnt > 0 && out[*cnt - 1].kind == IT_WORD && out[*cnt - 1].stem != 2)
                out[*cnt - 1].stem = 0;
            adj = 1;
            i++;
            continue;
        }
        if (*cnt >= max)
            return petr_fail(b, "phrase too long (more than %d items)", max);
        if (pattern && (c == '*' || c == '+' || c == '$' || c == '^' || c == '%')) {
            petr_item *it = &out[(*cnt)++];
            memset(it, 0, sizeof *it);
            it->kind = c == '*' ? IT_VERB : c == '+' ? IT_TARGET : c == '$' ? IT_SOURCE
                       : c == '^' ? IT_SKIP : IT_COMPOUND;
            it->adj = (uint8_t)adj;
            adj = 0;
            i++;
            continue;
        }
        if (c == '~' || c == '=') {
            /* '~' keeps the previous word a stem even before '_'; '=' makes
             * it exact, without endings */
            if (*cnt > 0 && out[*cnt - 1].kind == IT_WORD) {
                out[*cnt - 1].stem = (c == '~' && b->tabari) ? 2 : 0;
                if (c == '=')
                    out[*cnt - 1].noend = 1;
            }
            i++;
            continue;
        }
        if (c == '&' && i + 1 < n && !is_delim(s[i + 1], 1)) {
            /* names may hold '_' (&FIGHT_OF_WORDS): the longest defined one */
            size_t k = i + 1;
            while (k < n && (s[k] == '_' || !is_delim(s[k], pattern)) && s[k] != ' ')
                k++;
            size_t nl = synset_name_len(b, s + i, k - i);
            if (nl < 2)
                return petr_fail(b, "empty synset name");
            uint32_t id = petr_synset_id(b, s + i, nl);
            if (!id)
                return petr_fail(b, "out of memory");
            petr_item *it = &out[(*cnt)++];
            memset(it, 0, sizeof *it);
            it->kind = IT_SYNSET;
            it->id = id;
            it->adj = (uint8_t)adj;
            uint32_t v;
            if (!dy_map_get(&b->synset_used, id, &v) &&
                dy_map_put(&b->synset_used, id, ((uint32_t)b->fileno << 20) | (uint32_t)b->line))
                return petr_fail(b, "out of memory");
            adj = 0;
            i += nl;
            continue;
        }
        if (c == '{' || c == '(') {
            char close = c == '{' ? '}' : ')';
            int depth = 0;
            size_t j = i;
            for (; j < n; j++) {
                if (s[j] == c)
                    depth++;
                else if (s[j] == close && --depth == 0)
                    break;
            }
            if (j >= n)
                return petr_fail(b, "no '%c' for '%c'", close, c);
            const char *in = s + i + 1;
            size_t inn = j - i - 1;
            int alts = 0;
            for (size_t k = 0, d = 0; k < inn; k++) {
                if (in[k] == '{' || in[k] == '(')
                    d++;
                else if ((in[k] == '}' || in[k] == ')') && d)
                    d--;
                else if (in[k] == '|' && !d)
                    alts = 1;
            }
            if (c == '{' && alts) {
                /* { A | B }: an anonymous synset with members A and B */
                char name[32];
                snprintf(name, sizeof name, "&{%u}", ++b->anon);
                uint32_t sid = petr_word(b, name, strlen(name));
                if (!sid || dy_map_put(&b->synset_seen, sid, 1))
                    return petr_fail(b, "out of memory");
                size_t a0 = 0;
                uint32_t longest = 1;
                for (size_t k = 0, d = 0; k <= inn; k++) {
                    if (k < inn && (in[k] == '{' || in[k] == '('))
                        d++;
                    else if (k < inn && (in[k] == '}' || in[k] == ')') && d)
                        d--;
                    if (k == inn || (in[k] == '|' && !d)) {
                        petr_item mem[PETR_MAX_ITEMS];
                        int mn = 0;
                        /* TABARI: a blank in an alternative lets other words
                         * stand between ("LOUDLY INCLUDED": "loudly boldly
                         * included"); '_' does not */
                        if (scan(b, in + a0, k - a0, pattern, b->tabari ? 0 : 1, mem, PETR_MAX_ITEMS,
                                 &mn, 0))
                            return -1;
                        if (mn == 0)
                            return petr_fail(b, "empty alternative in { | }");
                        if ((uint32_t)mn > longest)
                            longest = (uint32_t)mn;
                        if (emit_synset_member(b, sid, mem, mn))
                            return -1;
                        a0 = k + 1;
                    }
                }
                if (dy_map_put(&b->anon_len, sid, longest))
                    return petr_fail(b, "out of memory");
                petr_item *it = &out[(*cnt)++];
                memset(it, 0, sizeof *it);
                it->kind = IT_SYNSET;
                it->id = sid;
                it->adj = (uint8_t)adj;
            } else {
                /* PETRARCH-2 {noun phrase}: joined words; (prep phrase): as is;
                 * PETRARCH-1 {FORMS} never reach here */
                if (scan(b, in, inn, pattern, c == '{' ? 1 : space_adj, out, max, cnt, adj))
                    return -1;
            }
            adj = 0;
            i = j + 1;
            continue;
        }
        if (c == '}' || c == ')' || c == '|')
            return petr_fail(b, "unexpected '%c'", c);
        /* a word: up to the next delimiter */
        size_t j = i;
        while (j < n && !is_delim(s[j], pattern) && !(s[j] == '&' && j == i))
            j++;
        if (j == i)
            j = i + 1;
        tok_st t = {b, out, max, *cnt, adj, 0, 1};
        int rc = dy_tokenize_phrase(s + i, j - i, &b->ctx->ab, tok_cb, &t);
        if (rc == -2)
            return petr_fail(b, "phrase too long (more than %d items)", max);
        if (rc)
            return petr_fail(b, "out of memory");
        if (t.n > *cnt && b->tabari)
            out[t.n - 1].stem = 1;   /* closed by a following '_' or '=' */
        *cnt = t.n;
        adj = 0;
        i = j;
    }
    return 0;
}

int petr_items(petr_build *b, const char *s, size_t n, int pattern, int space_adj, petr_item *out,
               int max)
{
    int cnt = 0;
    if (scan(b, s, n, pattern, space_adj, out, max, &cnt, 0))
        return -1;
    if (cnt > 0)
        out[0].adj = 0;
    return cnt;
}

int petr_item_weight(petr_build *b, const petr_item *it)
{
    uint32_t v;
    switch (it->kind) {
    case IT_WORD:
        /* a literal word, more when exact, more again when joined */
        return (it->stem ? 6 : 8) + (it->adj ? 1 : 0);
    case IT_SYNSET:
        if (dy_map_get(&b->anon_len, it->id, &v))
            return 4 * (int)v;
        return 3;
    default:
        return 4;   /* '+', '$', '^' */
    }
}

int petr_emit_items(petr_build *b, const petr_item *it, int n, uint32_t *first)
{
    dy_events *ev = &b->ctx->ev;
    if (DY_GROW(ev->el, ev->el_cap, ev->nel + (size_t)n + 1))
        return petr_fail(b, "out of memory");
    *first = (uint32_t)ev->nel;
    for (int i = 0; i < n; i++) {
        dy_pel *e = &ev->el[ev->nel++];
        uint8_t k = 0;
        e->word = 0;
        switch (it[i].kind) {
        case IT_WORD:
            k = it[i].stem ? DY_PE_STEM : PE_WORD;
            e->word = it[i].id;
            if (it[i].stem && petr_add_stem(b, it[i].id))
                return -1;
            if (it[i].noend && petr_add_word_class(b, DY_PC_NOEND, it[i].id))
                return -1;
            break;
        case IT_VERB: k = DY_PE_VERB; break;
        case IT_TARGET: k = PE_TARGET; break;
        case IT_SOURCE: k = DY_PE_SOURCE; break;
        case IT_SKIP: k = DY_PE_SKIP; break;
        case IT_COMPOUND: k = DY_PE_COMPOUND; break;
        case IT_SYNSET:
            k = DY_PE_SYNSET;
            e->word = it[i].id;
            break;
        }
        e->kind = (uint8_t)(k | (it[i].adj ? DY_PE_ADJ : 0));
    }
    return 0;
}

int petr_add_pat(petr_build *b, int cls, uint32_t head, uint32_t el_first, int nel, uint32_t code,
                 int weight)
{
    if (nel > 255)
        return petr_fail(b, "pattern too long");
    if (DY_GROW(b->pat, b->pat_cap, b->npat + 1))
        return petr_fail(b, "out of memory");
    petr_pat *p = &b->pat[b->npat++];
    p->head = head;
    p->el_first = el_first;
    p->nel = (uint8_t)nel;
    p->cls = (uint8_t)cls;
    p->file = b->fileno;
    p->line = (uint32_t)b->line;
    p->code = code;
    p->weight = (uint16_t)(weight > 65535 ? 65535 : weight);
    return 0;
}

int petr_add_word_class(petr_build *b, int cls, uint32_t id)
{
    /* such words are few; a linear check of the last ones avoids most
     * duplicates, the final sort merges the rest */
    for (size_t i = b->npat; i-- > 0 && i + 64 > b->npat;)
        if (b->pat[i].cls == cls && b->pat[i].head == id)
            return 0;
    return petr_add_pat(b, cls, id, (uint32_t)b->ctx->ev.nel, 0, 0, 0);
}

int petr_add_stem(petr_build *b, uint32_t id)
{
    return petr_add_word_class(b, DY_PC_STEM, id);
}

/* A member phrase of synset name: a class-2 pattern whose elements are the
 * phrase (sources and targets are not allowed in members). */
static int emit_synset_member(petr_build *b, uint32_t name, const petr_item *it, int n)
{
    petr_item clean[PETR_MAX_ITEMS];
    int m = 0, w = 0;
    for (int i = 0; i < n; i++) {
        if (it[i].kind != IT_WORD && it[i].kind != IT_SYNSET) {
            b->warnings++;   /* "+PESO_$": a marker inside a synset member */
            continue;
        }
        clean[m] = it[i];
        /* the words of a member stand together (TABARI: those joined by '_';
         * a blank lets other words stand between, "AUSTRIAN FLORIN":
         * "austrian gold florin") */
        clean[m].adj = (uint8_t)(m && (!b->tabari || it[i].adj));
        m++;
        w++;
    }
    if (!m)
        return petr_fail(b, "empty synset member");
    uint32_t first;
    if (petr_emit_items(b, clean, m, &first))
        return -1;
    return petr_add_pat(b, DY_PC_SYNSET, name, first, m, 0, w);
}

int petr_synset_member(petr_build *b, uint32_t name, const char *s, size_t n)
{
    petr_item it[PETR_MAX_ITEMS];
    int cnt = petr_items(b, s, n, 1, b->tabari ? 0 : 1, it, PETR_MAX_ITEMS);
    if (cnt < 0)
        return -1;
    if (cnt == 0)
        return petr_fail(b, "empty synset member");
    return emit_synset_member(b, name, it, cnt);
}
