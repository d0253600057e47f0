/* dict.c - loading the actor dictionaries (data/actors/ (*.txt files), format in
 * docs/dictionaries.md) into a token trie: nodes in a flat array, edges in a
 * hash map keyed by (node, word id, case requirement). A malformed line stops
 * the load with a message naming file and line; softer problems (a phrase in
 * two entries, overlapping date ranges) are kept in acts->probs for `dyad dict
 * check`, which also validates the codes and tags against each other. */
#include "../core/internal.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    dyad_ctx *ctx;
    int section;            /* enum dy_entry_kind */
    int person_section;     /* %section people / titles */
    int people_file;        /* the file's name starts with "people" */
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

/* Upper-case ASCII letters, a multiple of 3, at most 21 (dy_mention.code). */
static int valid_code(const char *s, size_t n)
{
    if (n == 0 || n % 3 || n > 21)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!dy_is_ascii_upper(s[i]))
            return 0;
    return 1;
}

static int valid_tag(const char *s, size_t n)
{
    if (n == 0 || n > 31)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!dy_is_ascii_lower(s[i]) && !dy_is_digit(s[i]) && s[i] != '-')
            return 0;
    return 1;
}

typedef struct {
    dyad_ctx *ctx;
    uint32_t ids[32];
    uint8_t cases[32];
    int n;
} phrase_st;

/* The case rule (docs/dictionaries.md): a word written capitalised matches
 * capitalised text only; a two- or three-letter word in capitals (US, UK, UN)
 * only capitals; a lower-case word any case. */
static int case_of(const char *w, size_t n, unsigned flags)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++)
        if (dy_is_ascii_lower(w[i]))
            letters++;
    if ((flags & TF_ALLCAP) && letters <= 3 && letters >= 2)
        return CASE_UPPER;
    if (flags & TF_CAP)
        return CASE_CAP;
    return CASE_ANY;
}

static int phrase_tok(void *user, const char *w, size_t n, unsigned flags)
{
    phrase_st *p = user;
    if (p->n >= 32)
        return -1;
    uint32_t id = dy_word_add(p->ctx, w, n);
    if (!id)
        return -1;
    p->ids[p->n] = id;
    p->cases[p->n] = (uint8_t)case_of(w, n, flags);
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

static int add_problem(dy_actors *a, int kind, uint32_t entry, uint32_t other, uint32_t phrase)
{
    if (DY_GROW(a->probs, a->probs_cap, a->nprobs + 1))
        return -1;
    dy_aproblem *p = &a->probs[a->nprobs++];
    p->kind = (uint8_t)kind;
    p->entry = entry;
    p->other = other;
    p->phrase = phrase;
    a->warnings++;
    return 0;
}

/* "@alliance @bloc": sets the entry's tag bits. */
static int parse_tags(dy_actors *a, dy_aentry *en, char *s, size_t n, const char *path, int line,
                      char *err, size_t errlen)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (s[i] != '@' || !valid_tag(s + i + 1, j - i - 1)) {
            snprintf(err, errlen, "%s:%d: bad tag '%.*s' (want @name: lower-case letters, digits, -)",
                     path, line, (int)(j - i), s + i);
            return -1;
        }
        uint32_t id = dy_intern_find(&a->tags, s + i + 1, j - i - 1);
        if (!id) {
            if (a->tags.n > DY_MAX_TAGS) {   /* n counts the reserved id 0 */
                snprintf(err, errlen, "%s:%d: more than %d distinct tags", path, line, DY_MAX_TAGS);
                return -1;
            }
            id = dy_intern_add(&a->tags, s + i + 1, j - i - 1);
            if (!id) {
                snprintf(err, errlen, "%s:%d: out of memory", path, line);
                return -1;
            }
        }
        en->tags |= 1u << (id - 1);
        i = j;
    }
    return 0;
}

static int set_section(load_st *st, const char *s, const char *path, int line, char *err,
                       size_t errlen)
{
    static const struct {
        const char *name;
        int kind, person;
    } secs[] = {{"actors", EK_ACTOR, 0},   {"people", EK_ACTOR, 1}, {"agents", EK_AGENT, 0},
                {"titles", EK_AGENT, 1},   {"descriptions", EK_DESC, 0}};
    if (!strncmp(s, "%section ", 9)) {
        const char *name = s + 9;
        while (*name == ' ')
            name++;
        for (size_t i = 0; i < sizeof secs / sizeof secs[0]; i++)
            if (!strcmp(name, secs[i].name)) {
                st->section = secs[i].kind;
                st->person_section = secs[i].person;
                return 0;
            }
        snprintf(err, errlen,
                 "%s:%d: unknown section '%s' (actors, people, agents, titles, descriptions)", path,
                 line, name);
        return -1;
    }
    snprintf(err, errlen, "%s:%d: unknown directive '%s'", path, line, s);
    return -1;
}

/* The codes after '=>': "CODE [DATES] ; CODE [DATES] ; @tag ...". */
static int parse_codes(dy_actors *a, load_st *st, dy_aentry *en, char *c, const char *path, int line,
                       char *err, size_t errlen)
{
    while (*c) {
        char *semi = strchr(c, ';');
        size_t cn = semi ? (size_t)(semi - c) : strlen(c);
        char *cs = c;
        dy_trim(&cs, &cn);
        if (!cn) {
            snprintf(err, errlen, "%s:%d: empty code between ';'", path, line);
            return -1;
        }
        if (cs[0] == '@') {
            if (parse_tags(a, en, cs, cn, path, line, err, errlen))
                return -1;
        } else {
            char *sp = memchr(cs, ' ', cn);
            size_t code_n = sp ? (size_t)(sp - cs) : cn;
            if (!valid_code(cs, code_n)) {
                snprintf(err, errlen,
                         "%s:%d: bad code '%.*s' (upper-case letters, a multiple of 3, at most 21)",
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
                if (st->section != EK_ACTOR) {
                    snprintf(err, errlen, "%s:%d: dates are for actors only", path, line);
                    return -1;
                }
                if (parse_dates(ds, dn, &from, &to)) {
                    snprintf(err, errlen,
                             "%s:%d: bad date range '%.*s' (want YYYY-MM-DD..YYYY-MM-DD, "
                             "either end open, FROM <= TO)",
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
        }
        if (!semi)
            break;
        c = semi + 1;
    }
    return 0;
nomem:
    snprintf(err, errlen, "%s:%d: out of memory", path, line);
    return -1;
}

static int add_person_typos(dyad_ctx *ctx, uint32_t entry, const phrase_st *ph);

static int load_line(void *user, const char *path, int fileno, int line, char *s, size_t n,
                     char *err, size_t errlen)
{
    load_st *st = user;
    dyad_ctx *ctx = st->ctx;
    dy_actors *a = &ctx->act;
    (void)n;
    if (fileno != st->fileno) {
        /* a new file: sections start over */
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        st->fileno = fileno;
        st->section = EK_ACTOR;
        st->person_section = 0;
        st->people_file = !strncmp(base, "people", 6);
    }
    if (s[0] == '%')
        return set_section(st, s, path, line, err, errlen);
    char *arrow = strstr(s, "=>");
    if (!arrow) {
        snprintf(err, errlen, "%s:%d: expected 'PHRASE | ... => CODE'", path, line);
        return -1;
    }
    if (fileno > UINT16_MAX) {
        snprintf(err, errlen, "%s: too many dictionary files", path);
        return -1;
    }
    if (DY_GROW(a->entries, a->entries_cap, a->nentries + 1))
        goto nomem;
    dy_aentry *en = &a->entries[a->nentries];
    memset(en, 0, sizeof *en);
    en->kind = (uint8_t)st->section;
    en->file = (uint16_t)fileno;
    en->line = (uint32_t)line;
    en->dc_first = (uint32_t)a->ndc;
    en->person = (uint8_t)st->person_section;
    if (parse_codes(a, st, en, arrow + 2, path, line, err, errlen))
        return -1;
    if (!en->fallback && !en->ndc && !(en->tags && st->section != EK_ACTOR)) {
        snprintf(err, errlen, "%s:%d: no code after '=>'%s", path, line,
                 st->section == EK_ACTOR ? "" : " (a code or @tags)");
        return -1;
    }
    if (st->section == EK_DESC && !en->tags) {
        snprintf(err, errlen, "%s:%d: a description needs @tags saying what it refers to", path,
                 line);
        return -1;
    }
    /* overlapping date ranges of this entry */
    for (uint32_t i = 0; i < en->ndc; i++)
        for (uint32_t j = i + 1; j < en->ndc; j++) {
            const dy_dcode *x = &a->dc[en->dc_first + i], *y = &a->dc[en->dc_first + j];
            if (x->from <= y->to && y->from <= x->to &&
                add_problem(a, AP_OVERLAP, (uint32_t)a->nentries, 0, 0))
                goto nomem;
        }
    uint32_t eidx = (uint32_t)a->nentries++;
    if (en->person && st->section == EK_ACTOR)
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
        uint32_t pid = dy_intern_add(&a->codes, ps, pn);
        if (!pid)
            goto nomem;
        if (first) {
            a->entries[eidx].phrase = pid;
            first = 0;
        }
        phrase_st ph;
        memset(&ph, 0, sizeof ph);
        ph.ctx = ctx;
        if (dy_tokenize_phrase(ps, pn, &ctx->ab, phrase_tok, &ph) || ph.n == 0) {
            snprintf(err, errlen, "%s:%d: phrase too long (32 tokens at most) or out of memory: '%.*s'",
                     path, line, (int)pn, ps);
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
        if (en->person && st->section == EK_ACTOR && add_person_typos(ctx, eidx, &ph))
            goto nomem;
        int32_t owner = a->nodes[node].entry;
        if (owner >= 0) {
            /* the first entry keeps the phrase */
            if (add_problem(a, (uint32_t)owner == eidx ? AP_DUP_SAME : AP_DUP, eidx,
                            (uint32_t)owner, pid))
                goto nomem;
        } else {
            a->nodes[node].entry = (int32_t)eidx;
        }
        if (st->section == EK_AGENT)
            a->nagent_phrases++;
        else if (st->section == EK_DESC)
            a->ndesc_phrases++;
        else
            a->nphrases++;
        p = bar ? bar + 1 : NULL;
    }
    return 0;
nomem:
    snprintf(err, errlen, "%s:%d: out of memory", path, line);
    return -1;
}

static uint32_t tag_bit(const dy_actors *a, const char *name)
{
    uint32_t id = dy_intern_find(&a->tags, name, strlen(name));
    return id ? 1u << (id - 1) : 0;
}

/* Key of a typo form: its hash and length. */
static uint64_t typo_key(const char *w, size_t n)
{
    return (uint64_t)dy_hash(w, n) << 8 | (n & 0xff) | 1u << 7;
}

/* The misspellings of country names that drop one letter ("Germay"): a
 * country named by one word of at least seven ASCII letters, less one of
 * its inner letters. Shorter names are too close to other words, and so
 * are the names less their first or last letter ("Romani" is no Romania,
 * "Ayotte" no Mayotte). */
static int build_typos(dy_actors *a)
{
    for (size_t e = 0; e < a->nentries; e++) {
        if (!(a->entries[e].tags & a->tag_country) || a->entries[e].kind != EK_ACTOR)
            continue;
        const char *name = dy_intern_str(&a->codes, a->entries[e].phrase);
        char low[32], var[32];
        size_t n = strlen(name);
        if (n < 7 || n >= sizeof low)
            continue;
        size_t i;
        for (i = 0; i < n && ((name[i] | 32) >= 'a' && (name[i] | 32) <= 'z'); i++)
            low[i] = (char)(name[i] | 32);
        if (i < n)
            continue;
        for (i = 1; i + 1 < n; i++) {
            if (low[i] == low[i - 1])
                continue;   /* the same form as the letter before */
            memcpy(var, low, i);
            memcpy(var + i, low + i + 1, n - i - 1);
            uint64_t k = typo_key(var, n - 1);
            uint32_t old;
            int had = dy_map_get(&a->typo, k, &old);
            if (dy_map_put(&a->typo, k, had && old != e + 1 ? 0 : (uint32_t)e + 1))
                return -1;
        }
    }
    return 0;
}

/* The case requirements each word has on the edges (dy_actors.edge_case). */
static int edge_cases(dy_actors *a, size_t nwords)
{
    a->edge_case = dy_calloc(nwords ? nwords : 1, 1);
    if (!a->edge_case)
        return -1;
    a->nedge_case = nwords;
    for (size_t i = 0; i < a->edges.nslots; i++) {
        uint64_t key = a->edges.keys[i];
        if (!key)
            continue;
        uint32_t word = (uint32_t)(key & 0x3FFFFFFFu), node = (uint32_t)(key >> 32);
        int c = (int)(key >> 30 & 3);
        if (word >= nwords)
            continue;   /* cannot be: the words were interned before */
        a->edge_case[word] |= (uint8_t)(1u << c | (node == 0 ? 1u << (4 + c) : 0));
    }
    return 0;
}

/* Key of a person's misspelt name: the first name's word id and the
 * surname form's hash and length. */
static uint64_t ptypo_key(uint32_t first, const char *w, size_t n)
{
    return (uint64_t)first << 32 ^ ((uint64_t)dy_hash(w, n) << 6 | (n & 0x3f)) ^ 1;
}

/* Is w (n letters) the word s less one letter? */
static int less_one(const char *s, const char *w, size_t n)
{
    if (strlen(s) != n + 1)
        return 0;
    size_t i = 0;
    while (i < n && s[i] == w[i])
        i++;
    while (i < n && s[i + 1] == w[i])
        i++;
    return i == n;
}

/* A person named by two words, first name and a surname of six letters or
 * more: the surname less each letter, with the first name, names the
 * person ("Jacques Chirc", "Boris Yeltsn"). The first name must
 * be right, so the surname may lose any letter. */
static int add_person_typos(dyad_ctx *ctx, uint32_t entry, const phrase_st *ph)
{
    dy_actors *a = &ctx->act;
    if (ph->n != 2)
        return 0;
    const char *sur = dy_intern_str(&ctx->words, ph->ids[1]);
    size_t n = strlen(sur);
    if (n < 6 || n >= 40)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (sur[i] < 'a' || sur[i] > 'z')
            return 0;
    if (a->nptn == a->ptn_cap) {
        size_t cap = a->ptn_cap ? a->ptn_cap * 2 : 256;
        struct dy_ptypo *np = dy_realloc(a->ptn, cap * sizeof *np);
        if (!np)
            return -1;
        a->ptn = np;
        a->ptn_cap = cap;
    }
    a->ptn[a->nptn].entry = entry;
    a->ptn[a->nptn].surname = ph->ids[1];
    uint32_t v = (uint32_t)++a->nptn;
    char var[40];
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sur[i] == sur[i - 1])
            continue;
        memcpy(var, sur, i);
        memcpy(var + i, sur + i + 1, n - i - 1);
        uint64_t k = ptypo_key(ph->ids[0], var, n - 1);
        uint32_t old;
        int had = dy_map_get(&a->ptypo, k, &old);
        if (had && old && a->ptn[old - 1].entry == entry)
            continue;
        if (dy_map_put(&a->ptypo, k, had ? 0 : v))
            return -1;
    }
    return 0;
}

int32_t dy_actors_person_typo(const dyad_ctx *ctx, uint32_t first, const char *w, size_t n)
{
    const dy_actors *a = &ctx->act;
    uint32_t v;
    if (n < 5 || !dy_map_get(&a->ptypo, ptypo_key(first, w, n), &v) || !v)
        return -1;
    const struct dy_ptypo *p = &a->ptn[v - 1];
    return less_one(dy_intern_str(&ctx->words, p->surname), w, n) ? (int32_t)p->entry : -1;
}

int32_t dy_actors_typo(const dy_actors *a, const char *w, size_t n)
{
    uint32_t v;
    if (n < 6 || !dy_map_get(&a->typo, typo_key(w, n), &v) || !v)
        return -1;
    /* the hash may collide: the name less one letter must be the word */
    const char *name = dy_intern_str(&a->codes, a->entries[v - 1].phrase);
    if (strlen(name) != n + 1)
        return -1;
    size_t i = 0;
    while (i < n && (name[i] | 32) == w[i])
        i++;
    while (i < n && (name[i + 1] | 32) == w[i])
        i++;
    return i == n ? (int32_t)(v - 1) : -1;
}

int dy_actors_load(dyad_ctx *ctx, const char *dir, char *err, size_t errlen)
{
    dy_actors *a = &ctx->act;
    memset(a, 0, sizeof *a);
    if (dy_intern_init(&a->codes) || dy_intern_init(&a->tags) || new_node(a, 0, 0) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/actors", dir);
    load_st st = {ctx, EK_ACTOR, 0, 0, -1};
    if (dy_read_dir_lines(path, load_line, &st, &a->files, &a->nfiles, err, errlen))
        return -1;
    a->tag_male = tag_bit(a, "male");
    a->tag_female = tag_bit(a, "female");
    a->tag_head = tag_bit(a, "head");
    a->tag_country = tag_bit(a, "country");
    a->tag_capital = tag_bit(a, "capital");
    a->tag_region = tag_bit(a, "region");
    a->tag_located = tag_bit(a, "located");
    a->tag_body = tag_bit(a, "body");
    a->tag_ethnic = tag_bit(a, "ethnic");
    a->tag_held = tag_bit(a, "held");
    a->tag_for = tag_bit(a, "for");
    a->tag_leading = tag_bit(a, "leading");
    a->tag_counterpart = tag_bit(a, "counterpart");
    for (size_t i = 0; i < a->nentries && a->nlate < sizeof a->late / sizeof a->late[0]; i++) {
        const dy_aentry *e = &a->entries[i];
        if ((e->tags & a->tag_country) && e->ndc && e->fallback &&
            strlen(dy_intern_str(&a->codes, e->fallback)) == 3)
            a->late[a->nlate++] = (uint32_t)i;
    }
    if (build_typos(a) || edge_cases(a, ctx->words.n)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

void dy_actors_free(dy_actors *a)
{
    dy_map_free(&a->edges);
    dy_map_free(&a->typo);
    dy_map_free(&a->ptypo);
    dy_free(a->ptn);
    dy_free(a->edge_case);
    dy_free(a->nodes);
    dy_free(a->entries);
    dy_free(a->dc);
    dy_free(a->probs);
    dy_intern_free(&a->codes);
    dy_intern_free(&a->tags);
    for (size_t i = 0; i < a->nfiles; i++)
        dy_free(a->files[i]);
    dy_free(a->files);
    memset(a, 0, sizeof *a);
}

/* ---- validation ---- */

typedef struct {
    const dy_actors *a;
    void (*cb)(void *, const char *, int, const char *);
    void *user;
    size_t problems;
    dy_intern known;        /* 3-letter codes some entry uses whole (UKR, GOV, IGO) */
    dy_intern roles;        /* 3-letter parts of agent and title codes (GOV, MIL) */
} check_st;

static void report(check_st *st, uint32_t entry, const char *msg)
{
    const dy_aentry *e = &st->a->entries[entry];
    st->cb(st->user, st->a->files[e->file], (int)e->line, msg);
    st->problems++;
}

static void check_code(check_st *st, uint32_t entry, const char *code)
{
    const dy_aentry *e = &st->a->entries[entry];
    char msg[160];
    size_t n = strlen(code);
    if (!dy_intern_find(&st->known, code, 3)) {
        snprintf(msg, sizeof msg,
                 "code '%s': '%.3s' is no country, region or actor type any entry defines", code,
                 code);
        report(st, entry, msg);
        return;
    }
    if (e->kind != EK_ACTOR || n < 6)
        return;
    /* COUNTRY + role: the second part must be a role or a known code (an
     * ethnic or religious group, BIHSRB); organisations and other types
     * (IGO..., NGO..., IMG...) take codes of their own after the type */
    if (dy_intern_find(&st->roles, code, 3))
        return;
    if (!dy_intern_find(&st->roles, code + 3, 3) && !dy_intern_find(&st->known, code + 3, 3)) {
        snprintf(msg, sizeof msg, "code '%s': '%.3s' is no role code (agents, titles) nor a known code",
                 code, code + 3);
        report(st, entry, msg);
    }
}

size_t dy_actors_check(const dyad_ctx *ctx, void (*cb)(void *, const char *, int, const char *),
                       void *user)
{
    const dy_actors *a = &ctx->act;
    check_st st;
    memset(&st, 0, sizeof st);
    st.a = a;
    st.cb = cb;
    st.user = user;
    char msg[512];
    if (dy_intern_init(&st.known) || dy_intern_init(&st.roles)) {
        cb(user, "actors", 0, "out of memory");
        dy_intern_free(&st.known);
        return 1;
    }
    /* what the dictionaries define */
    uint32_t carried = 0;     /* tags some actor carries */
    for (size_t i = 0; i < a->nentries; i++) {
        const dy_aentry *e = &a->entries[i];
        if (e->kind == EK_ACTOR)
            carried |= e->tags;
        for (uint32_t k = 0; k <= e->ndc; k++) {
            uint32_t id = k < e->ndc ? a->dc[e->dc_first + k].code : e->fallback;
            if (!id)
                continue;
            const char *c = dy_intern_str(&a->codes, id);
            size_t n = strlen(c);
            if (n == 3)
                dy_intern_add(&st.known, c, 3);
            if (e->kind == EK_AGENT)
                for (size_t j = 0; j + 3 <= n; j += 3)
                    dy_intern_add(&st.roles, c + j, 3);
        }
    }
    for (size_t i = 0; i < a->nentries; i++) {
        const dy_aentry *e = &a->entries[i];
        for (uint32_t k = 0; k <= e->ndc; k++) {
            uint32_t id = k < e->ndc ? a->dc[e->dc_first + k].code : e->fallback;
            if (id)
                check_code(&st, (uint32_t)i, dy_intern_str(&a->codes, id));
        }
        if (e->kind == EK_DESC && (e->tags & ~carried)) {
            for (uint32_t b = 0; b < DY_MAX_TAGS; b++)
                if ((e->tags & ~carried) & (1u << b)) {
                    snprintf(msg, sizeof msg, "tag '@%s' is carried by no actor",
                             dy_intern_str(&a->tags, b + 1));
                    report(&st, (uint32_t)i, msg);
                }
        }
    }
    for (size_t i = 0; i < a->nprobs; i++) {
        const dy_aproblem *p = &a->probs[i];
        const dy_aentry *o = &a->entries[p->other];
        switch (p->kind) {
        case AP_DUP:
            snprintf(msg, sizeof msg, "duplicate phrase '%s' (kept by %s:%u)",
                     dy_intern_str(&a->codes, p->phrase), a->files[o->file], o->line);
            break;
        case AP_DUP_SAME:
            snprintf(msg, sizeof msg, "phrase '%s' written twice", dy_intern_str(&a->codes, p->phrase));
            break;
        default:
            snprintf(msg, sizeof msg, "overlapping date ranges");
            break;
        }
        report(&st, p->entry, msg);
    }
    dy_intern_free(&st.known);
    dy_intern_free(&st.roles);
    return st.problems;
}
