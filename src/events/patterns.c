/* patterns.c - loading the CAMEO code table (data/cameo/codes.tsv) and the
 * verb and noun patterns (data/events/ (*.txt files), format in docs/dictionaries.md).
 * Patterns are sorted by (noun, head word, length desc) so the patterns of one
 * head are contiguous and tried longest first; by_head maps a head to its run. */
#include "../core/internal.h"

#include <stdio.h>
#include <stdlib.h>

int dy_code_index(const dy_events *ev, const char *code)
{
    /* codes are few (~300) and sorted: binary search */
    size_t lo = 0, hi = ev->ncodes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(ev->codes[mid].code, code);
        if (!c)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const dy_code *)a)->code, ((const dy_code *)b)->code);
}

static int load_codes(dy_events *ev, const char *path, char *err, size_t errlen)
{
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf) {
        snprintf(err, errlen, "%s: cannot read", path);
        return -1;
    }
    int line = 0, rc = 0, header = 1;
    for (char *p = buf; *p && rc == 0;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        line++;
        if (*p && *p != '#') {
            if (header) {
                header = 0;   /* column names */
            } else {
                char *f[8] = {0};
                int nf = 0;
                for (char *q = p; nf < 8;) {
                    f[nf++] = q;
                    char *tab = strchr(q, '\t');
                    if (!tab)
                        break;
                    *tab = 0;
                    q = tab + 1;
                }
                for (int i = 0; i < nf; i++) {
                    size_t l = strlen(f[i]);
                    while (l && (f[i][l - 1] == '\r' || f[i][l - 1] == ' '))
                        f[i][--l] = 0;
                }
                size_t cl = strlen(f[0]);
                int ok = nf >= 3 && cl >= 2 && cl <= 4;
                for (size_t i = 0; ok && i < cl; i++)
                    ok = dy_is_digit(f[0][i]);
                if (!ok) {
                    snprintf(err, errlen, "%s:%d: expected code<TAB>goldstein<TAB>quad...", path, line);
                    rc = -1;
                    break;
                }
                if (DY_GROW(ev->codes, ev->codes_cap, ev->ncodes + 1)) {
                    snprintf(err, errlen, "out of memory");
                    rc = -1;
                    break;
                }
                dy_code *c = &ev->codes[ev->ncodes++];
                memset(c, 0, sizeof *c);
                snprintf(c->code, sizeof c->code, "%s", f[0]);
                c->goldstein = strtod(f[1], NULL);
                c->quad = (uint8_t)atoi(f[2]);
                if (c->quad < 1 || c->quad > 4) {
                    int root = (f[0][0] - '0') * 10 + (f[0][1] - '0');
                    c->quad = (uint8_t)(root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);
                }
                if (nf > 3)
                    snprintf(c->plover_event, sizeof c->plover_event, "%s", f[3]);
                if (nf > 4)
                    snprintf(c->plover_mode, sizeof c->plover_mode, "%s", f[4]);
                if (nf > 5)
                    snprintf(c->plover_context, sizeof c->plover_context, "%s", f[5]);
                if (nf > 6)
                    snprintf(c->label, sizeof c->label, "%s", f[6]);
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    dy_free(buf);
    if (rc == 0) {
        qsort(ev->codes, ev->ncodes, sizeof *ev->codes, cmp_code);
        for (size_t i = 1; i < ev->ncodes; i++)
            if (!strcmp(ev->codes[i].code, ev->codes[i - 1].code)) {
                snprintf(err, errlen, "%s: code %s listed twice", path, ev->codes[i].code);
                return -1;
            }
    }
    return rc;
}

typedef struct {
    dyad_ctx *ctx;
    int noun;
} load_st;

typedef struct {
    dyad_ctx *ctx;
    uint32_t ids[24];
    int n;
} words_st;

static int word_cb(void *user, const char *w, size_t n, unsigned flags)
{
    words_st *s = user;
    (void)flags;
    if (s->n >= 24)
        return -1;
    uint32_t id = dy_word_add(s->ctx, w, n);
    if (!id)
        return -1;
    s->ids[s->n++] = id;
    return 0;
}

static int load_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                     char *err, size_t errlen)
{
    load_st *st = user;
    dyad_ctx *ctx = st->ctx;
    dy_events *ev = &ctx->ev;
    if (s[0] == '%') {
        if (!strcmp(s, "%section verbs"))
            st->noun = 0;
        else if (!strcmp(s, "%section nouns"))
            st->noun = 1;
        else {
            snprintf(err, errlen, "%s:%d: unknown directive '%s'", path, line, s);
            return -1;
        }
        return 0;
    }
    char *arrow = strstr(s, "=>");
    if (!arrow) {
        snprintf(err, errlen, "%s:%d: expected 'WORD [ELEMENT ...] => CODE'", path, line);
        return -1;
    }
    char *cs = arrow + 2;
    size_t cn = strlen(cs);
    dy_trim(&cs, &cn);
    cs[cn] = 0;
    int code = !strcmp(cs, "---") ? DY_CODE_NONE : dy_code_index(ev, cs);
    if (code == -1) {
        snprintf(err, errlen, "%s:%d: unknown CAMEO code '%s'", path, line, cs);
        return -1;
    }
    *arrow = 0;
    char *ps = s;
    size_t pn = strlen(s);
    dy_trim(&ps, &pn);
    if (!pn) {
        snprintf(err, errlen, "%s:%d: no word before '=>'", path, line);
        return -1;
    }
    if (DY_GROW(ev->pat, ev->pat_cap, ev->npat + 1))
        goto nomem;
    dy_pattern *p = &ev->pat[ev->npat];
    memset(p, 0, sizeof *p);
    p->noun = (uint8_t)st->noun;
    p->file = (uint16_t)fileno;
    p->line = (uint32_t)line;
    p->code = code;
    p->el_first = (uint32_t)ev->nel;
    /* split on blanks: '*' is the target, other words are tokenized */
    int nw = 0;
    for (char *w = ps; w < ps + pn;) {
        while (w < ps + pn && *w == ' ')
            w++;
        char *we = w;
        while (we < ps + pn && *we != ' ')
            we++;
        if (we == w)
            break;
        if (we - w == 1 && *w == '*') {
            if (nw == 0) {
                snprintf(err, errlen, "%s:%d: a pattern must start with a word", path, line);
                return -1;
            }
            if (DY_GROW(ev->el, ev->el_cap, ev->nel + 1))
                goto nomem;
            ev->el[ev->nel].kind = PE_TARGET;
            ev->el[ev->nel].word = 0;
            ev->nel++;
            p->nel++;
        } else {
            words_st ws;
            memset(&ws, 0, sizeof ws);
            ws.ctx = ctx;
            if (dy_tokenize_phrase(w, (size_t)(we - w), &ctx->ab, word_cb, &ws) || !ws.n) {
                snprintf(err, errlen, "%s:%d: bad word '%.*s'", path, line, (int)(we - w), w);
                return -1;
            }
            for (int i = 0; i < ws.n; i++) {
                if (nw == 0 && i == 0) {
                    p->head = ws.ids[0];
                } else {
                    if (DY_GROW(ev->el, ev->el_cap, ev->nel + 1))
                        goto nomem;
                    ev->el[ev->nel].kind = PE_WORD;
                    ev->el[ev->nel].word = ws.ids[i];
                    ev->nel++;
                    p->nel++;
                }
            }
        }
        nw++;
        w = we;
    }
    ev->npat++;
    if (st->noun)
        ev->nnoun++;
    else
        ev->nverb++;
    return 0;
nomem:
    snprintf(err, errlen, "%s:%d: out of memory", path, line);
    return -1;
}

/* Same elements? (field by field: the structs have padding) */
static int same_elements(const dy_events *ev, const dy_pattern *p, const dy_pattern *q)
{
    if (p->nel != q->nel)
        return 0;
    for (uint32_t i = 0; i < p->nel; i++) {
        const dy_pel *a = &ev->el[p->el_first + i], *b = &ev->el[q->el_first + i];
        if (a->kind != b->kind || a->word != b->word)
            return 0;
    }
    return 1;
}

static int cmp_pat(const void *a, const void *b)
{
    const dy_pattern *x = a, *y = b;
    if (x->noun != y->noun)
        return x->noun - y->noun;
    if (x->head != y->head)
        return x->head < y->head ? -1 : 1;
    if (x->nel != y->nel)
        return y->nel - x->nel;
    if (x->file != y->file)
        return x->file - y->file;
    return x->line < y->line ? -1 : x->line > y->line;
}

static int load_modality(dy_events *ev, const char *path, char *err, size_t errlen)
{
    for (int r = 0; r < 21; r++)
        ev->intent_code[r] = ev->refuse_code[r] = -1;
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf)
        return 0;   /* optional table */
    int line = 0, rc = 0;
    for (char *p = buf; *p && rc == 0;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        line++;
        char a[8], b[8], c[8];
        if (*p != '#' && sscanf(p, "%7s %7s %7s", a, b, c) == 3 && dy_is_digit(a[0])) {
            int root = atoi(a);
            if (root < 1 || root > 20) {
                snprintf(err, errlen, "%s:%d: bad root '%s'", path, line, a);
                rc = -1;
                break;
            }
            int bi = strcmp(b, "-") ? dy_code_index(ev, b) : -1;
            int ci = strcmp(c, "-") ? dy_code_index(ev, c) : -1;
            if ((strcmp(b, "-") && bi < 0) || (strcmp(c, "-") && ci < 0)) {
                snprintf(err, errlen, "%s:%d: unknown CAMEO code", path, line);
                rc = -1;
                break;
            }
            ev->intent_code[root] = bi;
            ev->refuse_code[root] = ci;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    dy_free(buf);
    return rc;
}

static int load_mutual(dy_events *ev, const char *path, char *err, size_t errlen)
{
    ev->mutual = dy_calloc(ev->ncodes ? ev->ncodes : 1, 1);
    if (!ev->mutual) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf)
        return 0;   /* optional table */
    int line = 0, rc = 0;
    for (char *p = buf; *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        line++;
        char *h = strchr(p, '#');
        if (h)
            *h = 0;
        size_t n = strlen(p);
        dy_trim(&p, &n);
        p[n] = 0;
        if (n) {
            int c = dy_code_index(ev, p);
            if (c < 0) {
                snprintf(err, errlen, "%s:%d: unknown CAMEO code '%s'", path, line, p);
                rc = -1;
                break;
            }
            ev->mutual[c] = 1;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    dy_free(buf);
    return rc;
}

int dy_events_load(dyad_ctx *ctx, const char *dir, char *err, size_t errlen)
{
    dy_events *ev = &ctx->ev;
    memset(ev, 0, sizeof *ev);
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo/codes.tsv", dir);
    if (load_codes(ev, path, err, errlen))
        return -1;
    snprintf(path, sizeof path, "%s/cameo/modality.tsv", dir);
    if (load_modality(ev, path, err, errlen))
        return -1;
    snprintf(path, sizeof path, "%s/cameo/mutual.txt", dir);
    if (load_mutual(ev, path, err, errlen))
        return -1;
    snprintf(path, sizeof path, "%s/events", dir);
    load_st st = {ctx, 0};
    if (dy_read_dir_lines(path, load_line, &st, &ev->files, &ev->nfiles, err, errlen))
        return -1;
    qsort(ev->pat, ev->npat, sizeof *ev->pat, cmp_pat);
    for (size_t i = 0; i < ev->npat; i++) {
        const dy_pattern *p = &ev->pat[i];
        if (i && p->noun == ev->pat[i - 1].noun && p->head == ev->pat[i - 1].head) {
            if (same_elements(ev, p, &ev->pat[i - 1]))
                ev->warnings++;
            continue;
        }
        if (!p->noun)
            ev->nlemmas++;
        if (dy_map_put(&ev->by_head, ((uint64_t)p->noun << 32) | p->head, (uint32_t)i + 1)) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    return 0;
}

void dy_events_free(dy_events *ev)
{
    dy_free(ev->codes);
    dy_free(ev->mutual);
    dy_free(ev->pat);
    dy_free(ev->el);
    dy_map_free(&ev->by_head);
    for (size_t i = 0; i < ev->nfiles; i++)
        dy_free(ev->files[i]);
    dy_free(ev->files);
    memset(ev, 0, sizeof *ev);
}

size_t dy_events_check(const dyad_ctx *ctx, void (*cb)(void *, const char *, int, const char *),
                       void *user)
{
    const dy_events *ev = &ctx->ev;
    size_t problems = 0;
    char msg[256];
    for (size_t i = 1; i < ev->npat; i++) {
        const dy_pattern *p = &ev->pat[i], *q = &ev->pat[i - 1];
        if (p->noun == q->noun && p->head == q->head && same_elements(ev, p, q)) {
            snprintf(msg, sizeof msg, "pattern also in %s:%u%s", ev->files[q->file], q->line,
                     p->code != q->code ? " with another code" : "");
            cb(user, ev->files[p->file], (int)p->line, msg);
            problems++;
        }
    }
    return problems;
}
