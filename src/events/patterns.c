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
    int file;
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

/* One parsed pattern line: elements in order (head marked), the head's
 * alternatives. */
#define LINE_MAX_EL 48
typedef struct {
    dy_pel el[LINE_MAX_EL];
    int nel;
    int head_at;            /* index of the head in el (its PE_HEAD slot), -1 */
    uint32_t heads[16];
    int nheads;
} line_pat;

static int add_el(line_pat *lp, uint8_t kind, uint32_t word)
{
    if (lp->nel >= LINE_MAX_EL)
        return -1;
    lp->el[lp->nel].kind = kind;
    lp->el[lp->nel].word = word;
    lp->nel++;
    return 0;
}

/* Parse the words of one blank-separated item into lp: '*', '$', '(a|b)',
 * '^word' (the head, with words before it), 'a_b' (adjacent words). */
static int parse_item(dyad_ctx *ctx, line_pat *lp, char *w, size_t n, int *seen_head,
                      int prehead, const char *path, int line, char *err, size_t errlen)
{
    dy_events *ev = &ctx->ev;
    int dummy = 1;
    if (prehead)
        seen_head = &dummy;   /* a word before '^': never the head itself */
    if (n == 1 && (*w == '*' || *w == '$')) {
        if (!*seen_head && lp->nel == 0) {
            snprintf(err, errlen, "%s:%d: a pattern must start with a word", path, line);
            return -1;
        }
        if (add_el(lp, *w == '*' ? PE_TARGET : PE_SOURCE, 0))
            goto toolong;
        return 0;
    }
    int is_head = 0;
    if (*w == '^') {
        if (*seen_head || lp->head_at >= 0) {
            snprintf(err, errlen, "%s:%d: only one '^' head", path, line);
            return -1;
        }
        is_head = 1;
        w++;
        n--;
    }
    if (n && *w == '(') {
        /* alternatives: single words */
        if (n < 3 || w[n - 1] != ')') {
            snprintf(err, errlen, "%s:%d: bad alternatives '%.*s'", path, line, (int)n, w);
            return -1;
        }
        uint32_t ids[16];
        int na = 0;
        for (char *a = w + 1; a < w + n - 1;) {
            char *e = a;
            while (e < w + n - 1 && *e != '|')
                e++;
            words_st ws;
            memset(&ws, 0, sizeof ws);
            ws.ctx = ctx;
            if (e == a || dy_tokenize_phrase(a, (size_t)(e - a), &ctx->ab, word_cb, &ws) ||
                ws.n != 1 || na >= 16) {
                snprintf(err, errlen, "%s:%d: alternatives must be single words: '%.*s'", path,
                         line, (int)n, w);
                return -1;
            }
            ids[na++] = ws.ids[0];
            a = e + 1;
        }
        if (!*seen_head && lp->nel == 0 && !is_head) {
            /* head alternatives: one pattern per word */
            memcpy(lp->heads, ids, (size_t)na * sizeof *ids);
            lp->nheads = na;
            *seen_head = 1;
            return 0;
        }
        if (is_head) {
            memcpy(lp->heads, ids, (size_t)na * sizeof *ids);
            lp->nheads = na;
            lp->head_at = lp->nel;
            *seen_head = 1;
            return add_el(lp, PE_HEAD, 0) ? -1 : 0;
        }
        if (DY_GROW(ev->alt, ev->alt_cap, ev->nalt + (size_t)na + 1))
            return -2;
        uint32_t at = (uint32_t)ev->nalt;
        ev->alt[ev->nalt++] = (uint32_t)na;
        for (int i = 0; i < na; i++)
            ev->alt[ev->nalt++] = ids[i];
        return add_el(lp, PE_ALT, at) ? -1 : 0;
    }
    /* words; '_' joins words that must stand next to each other, and the
     * tokens of one written word (U.S., Hamas's) are adjacent too */
    int first_part = 1;
    for (char *a = w; a < w + n;) {
        char *e = a;
        while (e < w + n && *e != '_')
            e++;
        words_st ws;
        memset(&ws, 0, sizeof ws);
        ws.ctx = ctx;
        if (e == a || dy_tokenize_phrase(a, (size_t)(e - a), &ctx->ab, word_cb, &ws) || !ws.n) {
            snprintf(err, errlen, "%s:%d: bad word '%.*s'", path, line, (int)n, w);
            return -1;
        }
        for (int i = 0; i < ws.n; i++) {
            int adj = !(first_part && i == 0);
            if (!*seen_head && lp->nel == 0 && !is_head && first_part && i == 0) {
                lp->heads[0] = ws.ids[0];
                lp->nheads = 1;
                *seen_head = 1;
                continue;
            }
            if (is_head && first_part && i == 0) {
                lp->heads[0] = ws.ids[0];
                lp->nheads = 1;
                lp->head_at = lp->nel;
                *seen_head = 1;
                if (add_el(lp, PE_HEAD, 0))
                    goto toolong;
                continue;
            }
            if (add_el(lp, (uint8_t)(PE_WORD | (adj ? PE_ADJ : 0)), ws.ids[i]))
                goto toolong;
        }
        first_part = 0;
        a = e + 1;
    }
    return 0;
toolong:
    snprintf(err, errlen, "%s:%d: pattern too long", path, line);
    return -1;
}

static int load_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                     char *err, size_t errlen)
{
    load_st *st = user;
    dyad_ctx *ctx = st->ctx;
    dy_events *ev = &ctx->ev;
    (void)n;
    if (fileno != st->file) {
        st->file = fileno;
        st->noun = 0;   /* each file starts with verbs */
    }
    if (s[0] == '%') {
        if (!strcmp(s, "%section verbs"))
            st->noun = 0;
        else if (!strcmp(s, "%section nouns"))
            st->noun = 1;
        else if (!strcmp(s, "%section topics"))
            st->noun = DY_PC_TOPIC;
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
    line_pat lp;
    memset(&lp, 0, sizeof lp);
    lp.head_at = -1;
    int seen_head = 0;
    /* a '^' anywhere means the words before it precede the head */
    int has_caret = 0;
    for (size_t i = 0; i < pn; i++)
        if (ps[i] == '^' && (i == 0 || ps[i - 1] == ' '))
            has_caret = 1;
    for (char *w = ps; w < ps + pn;) {
        while (w < ps + pn && *w == ' ')
            w++;
        char *we = w;
        while (we < ps + pn && *we != ' ')
            we++;
        if (we == w)
            break;
        int prehead = has_caret && !seen_head && *w != '^';
        if ((*w == '*' || *w == '$') && we - w == 1 && prehead) {
            snprintf(err, errlen, "%s:%d: '%c' before the head", path, line, *w);
            return -1;
        }
        int rc = parse_item(ctx, &lp, w, (size_t)(we - w), &seen_head, prehead, path, line, err,
                            errlen);
        if (rc == -2)
            goto nomem;
        if (rc)
            return -1;
        w = we;
    }
    if (!lp.nheads) {
        snprintf(err, errlen, "%s:%d: no head word", path, line);
        return -1;
    }
    if (lp.nel > 255) {
        snprintf(err, errlen, "%s:%d: pattern too long", path, line);
        return -1;
    }
    uint64_t need = 0;
    int rank = 0;
    for (int i = 0; i < lp.nel; i++) {
        int k = lp.el[i].kind & PE_KIND_MASK;
        if (k == PE_WORD)
            need |= dy_bloom_bit(lp.el[i].word);
        if (k != PE_HEAD)
            rank++;
    }
    for (int h = 0; h < lp.nheads; h++) {
        if (DY_GROW(ev->pat, ev->pat_cap, ev->npat + 1) ||
            DY_GROW(ev->el, ev->el_cap, ev->nel + (size_t)lp.nel + 1))
            goto nomem;
        dy_pattern *p = &ev->pat[ev->npat];
        memset(p, 0, sizeof *p);
        p->head = lp.heads[h];
        p->noun = (uint8_t)st->noun;
        p->file = (uint16_t)fileno;
        p->line = (uint32_t)line;
        p->code = code;
        p->el_first = (uint32_t)ev->nel;
        p->nel = (uint8_t)lp.nel;
        p->rank = (uint8_t)(rank > 255 ? 255 : rank);
        p->need = need;
        for (int i = 0; i < lp.nel; i++)
            ev->el[ev->nel++] = lp.el[i];
        ev->npat++;
        if (st->noun)
            ev->nnoun++;
        else
            ev->nverb++;
    }
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
    if (x->rank != y->rank)
        return y->rank - x->rank;
    if (x->file != y->file)
        return x->file - y->file;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* The key-word index of the long runs (dy_events.kidx). The key of a
 * pattern is the word it requires that fewest patterns require (a proxy for
 * the rarest in text: "to", "with" are in thousands). */
static int build_key_index(dy_events *ev)
{
    ev->idx_keyed = dy_calloc(ev->npat ? ev->npat : 1, sizeof *ev->idx_keyed);
    if (!ev->idx_keyed)
        return -1;
    size_t nruns = 0, bloom_cap = 0;
    dy_map cnt = {0};
    uint32_t *key = dy_malloc((ev->npat ? ev->npat : 1) * sizeof *key);
    int rc = -1;
    if (!key)
        goto out;
    for (size_t p = 0; p < ev->npat; p++)
        for (uint32_t e = 0; e < ev->pat[p].nel; e++) {
            const dy_pel *el = &ev->el[ev->pat[p].el_first + e];
            uint32_t c = 0;
            if ((el->kind & PE_KIND_MASK) != PE_WORD || !el->word)
                continue;
            dy_map_get(&cnt, el->word, &c);
            if (dy_map_put(&cnt, el->word, c + 1))
                goto out;
        }
    for (size_t p0 = 0; p0 < ev->npat; p0 = ev->idx_end[p0]) {
        size_t p1 = ev->idx_end[p0];
        if (p1 - p0 < DY_KIDX_MIN || p1 - p0 > DY_KIDX_MAX)
            continue;
        if (dy_grow((void **)&ev->kbloom, &bloom_cap, (nruns + 1) * 8, sizeof *ev->kbloom))
            goto out;
        uint64_t *kb = ev->kbloom + nruns * 8;
        memset(kb, 0, 8 * sizeof *kb);
        ev->idx_keyed[p0] = (uint32_t)++nruns;
        for (size_t p = p0; p < p1; p++) {
            uint32_t best = 0, bc = UINT32_MAX;
            for (uint32_t e = 0; e < ev->pat[p].nel; e++) {
                const dy_pel *el = &ev->el[ev->pat[p].el_first + e];
                uint32_t c;
                if ((el->kind & PE_KIND_MASK) == PE_WORD && el->word &&
                    dy_map_get(&cnt, el->word, &c) && c < bc) {
                    bc = c;
                    best = el->word;
                }
            }
            key[p] = best;
            if (best)
                kb[dy_kbloom_bit(best) >> 6] |= 1ull << (dy_kbloom_bit(best) & 63);
        }
        /* one list per distinct key of the run, in run order */
        dy_map n = {0};
        for (size_t p = p0; p < p1; p++) {
            uint32_t c = 0;
            dy_map_get(&n, (uint64_t)key[p] + 1, &c);
            if (dy_map_put(&n, (uint64_t)key[p] + 1, c + 1)) {
                dy_map_free(&n);
                goto out;
            }
        }
        for (size_t p = p0; p < p1; p++) {
            uint64_t k = ((uint64_t)(p0 + 1) << 32) | key[p];
            uint32_t v, c = 0;
            if (!dy_map_get(&ev->kidx, k, &v)) {
                dy_map_get(&n, (uint64_t)key[p] + 1, &c);
                if (DY_GROW(ev->klist, ev->klist_cap, ev->nklist + c + 1) ||
                    dy_map_put(&ev->kidx, k, (uint32_t)ev->nklist + 1)) {
                    dy_map_free(&n);
                    goto out;
                }
                v = (uint32_t)ev->nklist + 1;
                ev->klist[ev->nklist] = 0;
                ev->nklist += c + 1;
            }
            uint32_t *l = ev->klist + v - 1;
            l[1 + l[0]++] = (uint32_t)(p - p0);
        }
        dy_map_free(&n);
    }
    rc = 0;
out:
    dy_free(key);
    dy_map_free(&cnt);
    return rc;
}

/* Longest row of the modality table whose code is a prefix of code c. */
static int load_modality(dy_events *ev, const char *path, char *err, size_t errlen)
{
    for (int r = 0; r < 21; r++)
        ev->intent_code[r] = ev->refuse_code[r] = -1;
    size_t nc = ev->ncodes ? ev->ncodes : 1;
    int32_t *rowlen = dy_calloc(nc, sizeof *rowlen);
    ev->base = dy_calloc(nc, sizeof *ev->base);
    for (int m = 0; m < DY_MOD_N; m++)
        ev->modal[m] = dy_calloc(nc, sizeof *ev->modal[m]);
    int nomem = !rowlen || !ev->base;
    for (int m = 0; m < DY_MOD_N; m++)
        nomem |= !ev->modal[m];
    if (nomem) {
        dy_free(rowlen);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    ev->nmodal = ev->ncodes;
    for (size_t c = 0; c < nc; c++) {
        ev->base[c] = -1;
        for (int m = 0; m < DY_MOD_N; m++)
            ev->modal[m][c] = -1;
    }
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf) {
        dy_free(rowlen);
        return 0;   /* optional table */
    }
    int line = 0, rc = 0;
    for (char *p = buf; *p && rc == 0;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        line++;
        char f[6][8];
        int nf = *p == '#' ? 0 : sscanf(p, "%7s %7s %7s %7s %7s %7s", f[0], f[1], f[2], f[3],
                                        f[4], f[5]);
        if (nf >= 3 && dy_is_digit(f[0][0])) {
            int row = dy_code_index(ev, f[0]);
            size_t rl = strlen(f[0]);
            if (row < 0 || rl < 2) {
                snprintf(err, errlen, "%s:%d: unknown CAMEO code '%s'", path, line, f[0]);
                rc = -1;
                break;
            }
            int32_t v[DY_MOD_N];
            for (int m = 0; m < DY_MOD_N; m++) {
                const char *x = m + 1 < nf ? f[m + 1] : "-";
                v[m] = strcmp(x, "-") ? dy_code_index(ev, x) : -1;
                if (strcmp(x, "-") && v[m] < 0) {
                    snprintf(err, errlen, "%s:%d: unknown CAMEO code '%s'", path, line, x);
                    rc = -1;
                }
            }
            if (rc)
                break;
            if (rl == 2) {
                int root = atoi(f[0]);
                if (root >= 1 && root <= 20) {
                    ev->intent_code[root] = v[DY_MOD_INTENT];
                    ev->refuse_code[root] = v[DY_MOD_REFUSE];
                }
            }
            /* every code under this row that no longer row covers */
            for (size_t c = 0; c < ev->ncodes; c++) {
                if (strncmp(ev->codes[c].code, f[0], rl) || rowlen[c] > (int32_t)rl)
                    continue;
                rowlen[c] = (int32_t)rl;
                for (int m = 0; m < DY_MOD_N; m++)
                    ev->modal[m][c] = v[m];
            }
            /* what the modal codes stand for: the first (most general) row */
            if (rl >= 3)
                for (int m = 0; m < DY_MOD_N; m++)
                    if (v[m] >= 0 && ev->base[v[m]] < 0)
                        ev->base[v[m]] = row;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    dy_free(buf);
    dy_free(rowlen);
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

/* The bloom bits of each list of alternatives (dy_events.alt_bloom). */
static int build_alt_bloom(dy_events *ev)
{
    ev->alt_bloom = dy_malloc((ev->nalt ? ev->nalt : 1) * sizeof *ev->alt_bloom);
    if (!ev->alt_bloom)
        return -1;
    for (size_t at = 0; at < ev->nalt; at += ev->alt[at] + 1) {
        uint64_t b = 0;
        for (uint32_t i = 1; i <= ev->alt[at] && at + i < ev->nalt; i++)
            b |= dy_bloom_bit(ev->alt[at + i]);
        ev->alt_bloom[at] = b;
    }
    ev->alt_bloom_n = ev->nalt;
    return 0;
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
    static const char *const gw[DY_W_N] = {
        [DY_W_MUST] = "must", [DY_W_SHOULD] = "should", [DY_W_OUGHT] = "ought",
        [DY_W_NEED] = "need", [DY_W_HAVE] = "have", [DY_W_THAT] = "that", [DY_W_BY] = "by",
        [DY_W_FROM] = "from", [DY_W_TO] = "to", [DY_W_OF] = "of", [DY_W_FOR] = "for",
        [DY_W_WITH] = "with", [DY_W_AGAINST] = "against", [DY_W_ON] = "on", [DY_W_AT] = "at",
        [DY_W_INTO] = "into", [DY_W_AND] = "and", [DY_W_COMMA] = ",", [DY_W_SEMI] = ";",
        [DY_W_IN] = "in", [DY_W_OVER] = "over", [DY_W_UPON] = "upon", [DY_W_BE] = "be",
        [DY_W_READY] = "ready", [DY_W_WILLING] = "willing", [DY_W_PREPARED] = "prepared",
        [DY_W_NOT] = "not", [DY_W_WITHOUT] = "without", [DY_W_AFTER] = "after",
        [DY_W_BEFORE] = "before", [DY_W_WHEN] = "when", [DY_W_WHILE] = "while",
        [DY_W_SINCE] = "since", [DY_W_BECAUSE] = "because", [DY_W_ALTHOUGH] = "although",
        [DY_W_THOUGH] = "though", [DY_W_UNTIL] = "until", [DY_W_ONCE] = "once",
        [DY_W_WHEREAS] = "whereas", [DY_W_WOULD] = "would", [DY_W_WHERE] = "where",
        [DY_W_WHICH] = "which", [DY_W_UNLESS] = "unless",
        [DY_W_ALLEGATION] = "allegation", [DY_W_ACCUSATION] = "accusation", [DY_W_CLAIM] = "claim",
        [DY_W_CHARGE] = "charge", [DY_W_REPORT] = "report", [DY_W_RUMOUR] = "rumour",
        [DY_W_RUMOR] = "rumor", [DY_W_SUSPICION] = "suspicion", [DY_W_ASSERTION] = "assertion",
        [DY_W_SPECULATION] = "speculation", [DY_W_ANNOUNCE] = "announce", [DY_W_DECIDE] = "decide",
        [DY_W_DECLARE] = "declare", [DY_W_ABOUT] = "about", [DY_W_POSTPONE] = "postpone",
        [DY_W_CANCEL] = "cancel", [DY_W_DELAY] = "delay", [DY_W_SCRAP] = "scrap",
        [DY_W_SUSPEND] = "suspend", [DY_W_BLOCK] = "block", [DY_W_VETO] = "veto",
        [DY_W_HALT] = "halt", [DY_W_FREEZE] = "freeze", [DY_W_ABANDON] = "abandon", [DY_W_BETWEEN] = "between",
        [DY_W_AS] = "as", [DY_W_SURVIVE] = "survive", [DY_W_ESCAPE] = "escape",
        [DY_W_SUFFER] = "suffer", [DY_W_NEAR] = "near", [DY_W_ALONG] = "along",
        [DY_W_DESPITE] = "despite", [DY_W_DURING] = "during", [DY_W_AMID] = "amid",
        [DY_W_TOWN] = "town"};
    for (int i = 0; i < DY_W_N; i++)
        if (!(ev->w[i] = dy_word_add(ctx, gw[i], strlen(gw[i])))) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    snprintf(path, sizeof path, "%s/events", dir);
    load_st st = {ctx, 0, -1};
    if (dy_read_dir_lines(path, load_line, &st, &ev->files, &ev->nfiles, err, errlen))
        return -1;
    qsort(ev->pat, ev->npat, sizeof *ev->pat, cmp_pat);
    ev->idx_need = dy_malloc((ev->npat ? ev->npat : 1) * sizeof *ev->idx_need);
    ev->idx_end = dy_malloc((ev->npat ? ev->npat : 1) * sizeof *ev->idx_end);
    if (!ev->idx_need || !ev->idx_end) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t i = ev->npat; i-- > 0;) {
        ev->idx_need[i] = ev->pat[i].need;
        int same = i + 1 < ev->npat && ev->pat[i + 1].noun == ev->pat[i].noun &&
                   ev->pat[i + 1].head == ev->pat[i].head;
        ev->idx_end[i] = same ? ev->idx_end[i + 1] : (uint32_t)(i + 1);
    }
    ev->idx_for = ev->pat;
    ev->idx_n = ev->npat;
    if (build_key_index(ev) || build_alt_bloom(ev)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
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
    /* which words head a run: most words of a clause head none */
    size_t nw = ctx->words.n;
    if (!(ev->head_bits = dy_calloc(nw ? nw : 1, 1))) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < ev->npat; i++)
        if (ev->pat[i].head < nw)
            ev->head_bits[ev->pat[i].head] |= (uint8_t)(ev->pat[i].noun ? 2 : 1);
    ev->nhead_bits = nw;
    return 0;
}

void dy_events_free(dy_events *ev)
{
    dy_free(ev->codes);
    dy_free(ev->mutual);
    for (int m = 0; m < DY_MOD_N; m++)
        dy_free(ev->modal[m]);
    dy_free(ev->base);
    dy_free(ev->alt);
    dy_free(ev->alt_bloom);
    dy_free(ev->head_bits);
    dy_free(ev->idx_need);
    dy_free(ev->idx_end);
    dy_free(ev->idx_keyed);
    dy_free(ev->kbloom);
    dy_free(ev->klist);
    dy_map_free(&ev->kidx);
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
