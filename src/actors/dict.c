/* dict.c - loading the actor dictionaries (data/actors/ (*.txt files), format in
 * docs/dictionaries.md) into a token trie: nodes in a flat array, edges in a
 * hash map keyed by (node, word id). Errors name file and line. */
#include "../core/internal.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    dyad_ctx *ctx;
    int section;          /* EK_ACTOR or EK_AGENT */
    int person_section;
    int people_file;    /* the file's name starts with "people" */
    int fileno;
} load_st;

static int new_node(dy_actors *a, uint8_t casereq, uint8_t depth)
{
    if (DY_GROW(a->nodes, a->nodes_cap, a->nnodes + 1))
        return -1;
    a->nodes[a->nnodes].entry = -1;
    a->nodes[a->nnodes].casereq = casereq;
    a->nodes[a->nnodes].depth = depth;
    return (int)a->nnodes++;
}

static int valid_code(const char *s, size_t n, int role_only)
{
    if (n == 0 || n % 3 || n > 21)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!dy_is_ascii_upper(s[i]) && !(s[i] == '-' && !role_only))
            return 0;
    return 1;
}

typedef struct {
    dyad_ctx *ctx;
    uint32_t ids[32];
    uint8_t cases[32];
    int n;
} phrase_st;

static int phrase_tok(void *user, const char *w, size_t n, unsigned flags)
{
    phrase_st *p = user;
    if (p->n >= 32)
        return -1;
    uint32_t id = dy_word_add(p->ctx, w, n);
    if (!id)
        return -1;
    uint8_t c = CASE_ANY;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++)
        if (dy_is_ascii_lower(w[i]))
            letters++;
    if ((flags & TF_ALLCAP) && letters <= 3 && letters >= 2)
        c = CASE_UPPER;
    else if (flags & TF_CAP)
        c = CASE_CAP;
    p->ids[p->n] = id;
    p->cases[p->n] = c;
    p->n++;
    return 0;
}

static int parse_dates(const char *s, size_t n, int32_t *from, int32_t *to)
{
    /* FROM..TO, either side empty */
    const char *dd = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dd = s + i;
            break;
        }
    if (!dd)
        return -1;
    size_t ln = (size_t)(dd - s), rn = n - ln - 2;
    *from = INT32_MIN;
    *to = INT32_MAX;
    if (ln && dy_parse_date(s, ln, from))
        return -1;
    if (rn && dy_parse_date(dd + 2, rn, to))
        return -1;
    return *from <= *to ? 0 : -1;
}

static int load_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                     char *err, size_t errlen)
{
    load_st *st = user;
    dyad_ctx *ctx = st->ctx;
    dy_actors *a = &ctx->act;
    if (fileno != st->fileno) {
        /* a new file: sections start over */
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        st->fileno = fileno;
        st->section = EK_ACTOR;
        st->person_section = 0;
        st->people_file = !strncmp(base, "people", 6);
    }
    if (s[0] == '%') {
        if (!strcmp(s, "%section actors")) {
            st->section = EK_ACTOR;
            st->person_section = 0;
        } else if (!strcmp(s, "%section people")) {
            st->section = EK_ACTOR;
            st->person_section = 1;
        } else if (!strcmp(s, "%section agents")) {
            st->section = EK_AGENT;
            st->person_section = 0;
        } else if (!strcmp(s, "%section titles")) {
            st->section = EK_AGENT;
            st->person_section = 1;
        } else {
            snprintf(err, errlen, "%s:%d: unknown directive '%s'", path, line, s);
            return -1;
        }
        return 0;
    }
    char *arrow = strstr(s, "=>");
    if (!arrow) {
        snprintf(err, errlen, "%s:%d: expected 'PHRASE | ... => CODE'", path, line);
        return -1;
    }
    /* codes */
    if (DY_GROW(a->entries, a->entries_cap, a->nentries + 1))
        goto nomem;
    dy_aentry *en = &a->entries[a->nentries];
    memset(en, 0, sizeof *en);
    en->kind = (uint8_t)st->section;
    en->file = (uint16_t)fileno;
    en->line = (uint32_t)line;
    en->dc_first = (uint32_t)a->ndc;
    en->person = (uint8_t)st->person_section;
    char *c = arrow + 2;
    while (*c) {
        char *semi = strchr(c, ';');
        size_t cn = semi ? (size_t)(semi - c) : strlen(c);
        char *cs = c;
        dy_trim(&cs, &cn);
        char *sp = memchr(cs, ' ', cn);
        size_t code_n = sp ? (size_t)(sp - cs) : cn;
        if (!valid_code(cs, code_n, st->section == EK_AGENT)) {
            snprintf(err, errlen, "%s:%d: bad code '%.*s' (upper-case letters, a multiple of 3)",
                     path, line, (int)code_n, cs);
            return -1;
        }
        uint32_t cid = dy_intern_add(&a->codes, cs, code_n);
        if (!cid)
            goto nomem;
        if (sp) {
            char *ds = sp;
            size_t dn = cn - code_n;
            dy_trim(&ds, &dn);
            int32_t from, to;
            if (parse_dates(ds, dn, &from, &to)) {
                snprintf(err, errlen, "%s:%d: bad date range '%.*s' (want YYYY-MM-DD..YYYY-MM-DD)",
                         path, line, (int)dn, ds);
                return -1;
            }
            if (DY_GROW(a->dc, a->dc_cap, a->ndc + 1))
                goto nomem;
            a->dc[a->ndc].code = cid;
            a->dc[a->ndc].from = from;
            a->dc[a->ndc].to = to;
            a->ndc++;
            en->ndc++;
            if (st->people_file)
                en->person = 1;
        } else {
            if (en->fallback) {
                snprintf(err, errlen, "%s:%d: two codes without dates", path, line);
                return -1;
            }
            en->fallback = cid;
        }
        if (!semi)
            break;
        c = semi + 1;
    }
    if (!en->fallback && !en->ndc) {
        snprintf(err, errlen, "%s:%d: no code after '=>'", path, line);
        return -1;
    }
    int32_t eidx = (int32_t)a->nentries++;
    if (en->person)
        a->npeople++;
    /* phrases */
    *arrow = 0;
    char *p = s;
    int first = 1;
    while (p) {
        char *bar = strchr(p, '|');
        size_t pn = bar ? (size_t)(bar - p) : strlen(p);
        char *ps = p;
        dy_trim(&ps, &pn);
        if (!pn) {
            snprintf(err, errlen, "%s:%d: empty phrase", path, line);
            return -1;
        }
        if (first) {
            en->phrase = dy_intern_add(&a->codes, ps, pn);
            first = 0;
        }
        phrase_st ph;
        memset(&ph, 0, sizeof ph);
        ph.ctx = ctx;
        if (dy_tokenize_phrase(ps, pn, &ctx->ab, phrase_tok, &ph) || ph.n == 0) {
            snprintf(err, errlen, "%s:%d: phrase too long or out of memory: '%.*s'", path, line,
                     (int)pn, ps);
            return -1;
        }
        int node = 0;
        for (int i = 0; i < ph.n; i++) {
            uint64_t key = dy_edge_key((uint32_t)node, ph.ids[i], ph.cases[i]);
            uint32_t child;
            if (dy_map_get(&a->edges, key, &child)) {
                node = (int)child;
            } else {
                int nn = new_node(a, ph.cases[i], (uint8_t)(i + 1));
                if (nn < 0 || dy_map_put(&a->edges, key, (uint32_t)nn))
                    goto nomem;
                node = nn;
            }
        }
        if (a->nodes[node].entry >= 0) {
            a->warnings++;    /* duplicate phrase: the first entry keeps it */
        } else {
            a->nodes[node].entry = eidx;
        }
        if (st->section == EK_AGENT)
            a->nagent_phrases++;
        else
            a->nphrases++;
        p = bar ? bar + 1 : NULL;
    }
    return 0;
nomem:
    snprintf(err, errlen, "%s:%d: out of memory", path, line);
    return -1;
}

int dy_actors_load(dyad_ctx *ctx, const char *dir, char *err, size_t errlen)
{
    dy_actors *a = &ctx->act;
    memset(a, 0, sizeof *a);
    if (dy_intern_init(&a->codes) || new_node(a, 0, 0) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/actors", dir);
    load_st st = {ctx, EK_ACTOR, 0, 0, -1};
    return dy_read_dir_lines(path, load_line, &st, &a->files, &a->nfiles, err, errlen);
}

void dy_actors_free(dy_actors *a)
{
    dy_map_free(&a->edges);
    dy_free(a->nodes);
    dy_free(a->entries);
    dy_free(a->dc);
    dy_intern_free(&a->codes);
    for (size_t i = 0; i < a->nfiles; i++)
        dy_free(a->files[i]);
    dy_free(a->files);
    memset(a, 0, sizeof *a);
}

/* ---- validation ---- */
typedef struct {
    const dyad_ctx *ctx;
    void (*cb)(void *, const char *, int, const char *);
    void *user;
    size_t problems;
    int section, fileno;
    dy_map seen;           /* trie node -> entry+1 of its first phrase owner */
} check_st;

static int check_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                      char *err, size_t errlen)
{
    check_st *st = user;
    const dyad_ctx *ctx = st->ctx;
    const dy_actors *a = &ctx->act;
    char msg[512];
    if (s[0] == '%')
        return 0;
    char *arrow = strstr(s, "=>");
    if (!arrow)
        return 0;
    /* overlapping date ranges */
    int32_t fr[16], to[16];
    int nd = 0;
    for (char *c = arrow + 2; c && *c;) {
        char *semi = strchr(c, ';');
        char *sp = c;
        while (*sp == ' ')
            sp++;
        char *dd = strstr(sp, "..");
        if (dd && (!semi || dd < semi) && nd < 16) {
            char *ds = strchr(sp, ' ');
            size_t dn = (size_t)((semi ? semi : c + strlen(c)) - ds);
            dy_trim(&ds, &dn);
            if (parse_dates(ds, dn, &fr[nd], &to[nd]) == 0)
                nd++;
        }
        c = semi ? semi + 1 : NULL;
    }
    for (int i = 0; i < nd; i++)
        for (int j = i + 1; j < nd; j++)
            if (fr[i] <= to[j] && fr[j] <= to[i]) {
                snprintf(msg, sizeof msg, "overlapping date ranges");
                st->cb(st->user, path, line, msg);
                st->problems++;
            }
    /* duplicate phrases: the trie keeps the first owner */
    *arrow = 0;
    for (char *p = s; p;) {
        char *bar = strchr(p, '|');
        size_t pn = bar ? (size_t)(bar - p) : strlen(p);
        char *ps = p;
        dy_trim(&ps, &pn);
        phrase_st ph;
        memset(&ph, 0, sizeof ph);
        ph.ctx = (dyad_ctx *)ctx;
        /* walk the trie read-only: words must already be interned */
        int node = 0, ok = 1;
        {
            dy_text t;
            memset(&t, 0, sizeof t);
            t.src = ps;
            t.len = pn;
            if (dy_tokenize(&t, &ctx->ab) == 0) {
                for (size_t i = 0; i < t.ntok && ok; i++) {
                    uint32_t id = dy_word_find(ctx, t.norm + t.tok[i].norm, t.tok[i].nlen);
                    uint32_t child;
                    phrase_st one;
                    memset(&one, 0, sizeof one);
                    one.ctx = (dyad_ctx *)ctx;
                    if (id)
                        phrase_tok(&one, t.norm + t.tok[i].norm, t.tok[i].nlen, t.tok[i].flags);
                    if (!id || !dy_map_get(&a->edges, dy_edge_key((uint32_t)node, id, one.cases[0]),
                                           &child))
                        ok = 0;
                    else
                        node = (int)child;
                }
            }
            dy_free(t.tok);
            dy_free(t.norm);
        }
        if (ok && node > 0) {
            uint32_t prev;
            if (dy_map_get(&st->seen, (uint64_t)node + 1, &prev)) {
                const dy_aentry *e = &a->entries[prev - 1];
                if ((int)e->line == line && !strcmp(a->files[e->file], path)) {
                    p = bar ? bar + 1 : NULL;   /* a variant of the same entry */
                    continue;
                }
                snprintf(msg, sizeof msg, "phrase '%.*s' also in %s:%u", (int)pn, ps,
                         a->files[e->file], e->line);
                st->cb(st->user, path, line, msg);
                st->problems++;
            } else {
                /* find this line's entry: the node's owner if it is from here */
                int32_t owner = a->nodes[node].entry;
                if (owner >= 0)
                    dy_map_put(&st->seen, (uint64_t)node + 1, (uint32_t)owner + 1);
            }
        }
        p = bar ? bar + 1 : NULL;
    }
    (void)fileno;
    (void)n;
    (void)err;
    (void)errlen;
    return 0;
}

size_t dy_actors_check(const dyad_ctx *ctx, void (*cb)(void *, const char *, int, const char *),
                       void *user)
{
    check_st st;
    memset(&st, 0, sizeof st);
    st.ctx = ctx;
    st.cb = cb;
    st.user = user;
    char path[4096], err[512];
    snprintf(path, sizeof path, "%s/actors", ctx->data_dir);
    if (dy_read_dir_lines(path, check_line, &st, NULL, NULL, err, sizeof err)) {
        cb(user, path, 0, err);
        st.problems++;
    }
    dy_map_free(&st.seen);
    return st.problems;
}
