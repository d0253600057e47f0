/* petr_actors.c - PETRARCH/TABARI actor, agent and discard dictionaries into
 * dyad's actor trie (ctx->act) and discard phrases (ctx->ev, class 3 and 4).
 *
 * Actors: "PHRASE [CODE]" lines, or a name block: a phrase line, "+SYNONYM"
 * lines and indented code lines with dates ("[HOBGOV 950601-990815]",
 * "[HOB <950601]", "[HOBREB >990816]"; YYMMDD or YYYYMMDD). "[---]" is the
 * null code (the phrase is known but has no code). "[A/B]" (two actors at
 * once) is kept as the code "A/B". In TABARI files an actor coded only
 * "[###]" or "[+++]" discards the sentence.
 * Agents: "PHRASE {PLURALS} [~ROLE]" (a suffix: ARN + ~GOV = ARNGOV) or
 * "[ROLE~]" (a prefix: NGO~ + ARN = NGOARN, kept as the code "NGO~");
 * "!NAME! = A, B" defines a substitution; plurals are made unless {} says
 * which. Discards: "PHRASE" (sentence) or "+PHRASE" (story). */
#include "petr.h"

#include <stdlib.h>

/* ---- the trie ---- */

static int new_node(dy_actors *a, uint8_t casereq, uint8_t depth)
{
    if (DY_GROW(a->nodes, a->nodes_cap, a->nnodes + 1))
        return -1;
    a->nodes[a->nnodes].entry = -1;
    a->nodes[a->nnodes].casereq = casereq;
    a->nodes[a->nnodes].depth = depth;
    return (int)a->nnodes++;
}

/* Insert the words of items as a phrase of entry eidx. */
static int trie_add(petr_build *b, const petr_item *it, int n, int32_t eidx, int agent)
{
    dy_actors *a = &b->ctx->act;
    int node = 0, words = 0;
    for (int i = 0; i < n; i++)
        if (it[i].kind == IT_WORD)
            words++;
    if (!words)
        return petr_fail(b, "empty phrase");
    for (int i = 0, d = 0; i < n; i++) {
        if (it[i].kind != IT_WORD)
            continue;
        uint8_t casereq = CASE_ANY;
        /* a two-letter name alone (US, UN) only matches capitals: not "us" */
        if (words == 1 && dy_intern_len(&b->ctx->words, it[i].id) == 2)
            casereq = CASE_UPPER;
        /* words joined by a blank, not '_', may have other words between
         * them ("ITHILEN TELEVISION": "Ithilen state-run television") */
        if (d > 0 && !it[i].adj)
            casereq = DY_CASE_GAP;
        if (it[i].stem && petr_add_stem(b, it[i].id))
            return -1;
        if (it[i].noend && petr_add_word_class(b, DY_PC_NOEND, it[i].id))
            return -1;
        uint64_t key = dy_edge_key((uint32_t)node, it[i].id, casereq);
        uint32_t child;
        if (dy_map_get(&a->edges, key, &child)) {
            node = (int)child;
        } else {
            int nn = new_node(a, casereq, (uint8_t)(d + 1 > 255 ? 255 : d + 1));
            if (nn < 0 || dy_map_put(&a->edges, key, (uint32_t)nn))
                return petr_fail(b, "out of memory");
            node = nn;
        }
        d++;
    }
    if (a->nodes[node].entry >= 0)
        a->warnings++;    /* the phrase is already known: the first entry keeps it */
    else
        a->nodes[node].entry = eidx;
    if (agent)
        a->nagent_phrases++;
    else
        a->nphrases++;
    return 0;
}

/* ---- codes in brackets ---- */

typedef struct pcode {
    char code[24];
    int32_t from, to;
    int dated;
} pcode;

static int code_char(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || dy_is_digit(c) || c == '/' ||
           c == '#' || c == '+' || c == '-' || c == '~' || c == '!' || c == '?';
}

/* Parse the inside of one [ ] into *out. */
static int parse_bracket(petr_build *b, const char *s, size_t n, pcode *out)
{
    char *cs = (char *)s;
    dy_trim(&cs, &n);
    memset(out, 0, sizeof *out);
    out->from = INT32_MIN;
    out->to = INT32_MAX;
    size_t i = 0;
    while (i < n && cs[i] != ' ' && cs[i] != '<' && cs[i] != '>')
        i++;
    if (i == 0)
        return petr_fail(b, "a code block without a code: [%.*s]", (int)n, cs);
    if (i >= sizeof out->code)
        return petr_fail(b, "code too long: '%.*s'", (int)i, cs);
    int digits = 1;
    for (size_t k = 0; k < i; k++) {
        if (!code_char(cs[k]))
            return petr_fail(b, "bad character '%c' in code '%.*s'", cs[k], (int)i, cs);
        if (!dy_is_digit(cs[k]) && cs[k] != '-')
            digits = 0;
        out->code[k] = (cs[k] >= 'a' && cs[k] <= 'z') ? (char)(cs[k] - 32) : cs[k];
    }
    if (digits && i > 3)
        return petr_fail(b, "a code block without a code: [%.*s]", (int)n, cs);
    const char *r = cs + i;
    size_t rn = n - i;
    while (rn && *r == ' ')
        r++, rn--;
    if (!rn)
        return 0;
    out->dated = 1;
    if (*r == '<' || *r == '>') {
        char op = *r++;
        rn--;
        while (rn && *r == ' ')
            r++, rn--;
        int32_t d;
        if (petr_date(r, rn, &d))
            return petr_fail(b, "bad date '%.*s' (want YYMMDD or YYYYMMDD)", (int)rn, r);
        if (op == '<')
            out->to = d - 1;
        else
            out->from = d + 1;
        return 0;
    }
    const char *dash = memchr(r, '-', rn);
    if (!dash)
        return petr_fail(b, "bad date restriction '%.*s' (want <D, >D or D-D)", (int)rn, r);
    char *a1 = (char *)r, *a2 = (char *)dash + 1;
    size_t n1 = (size_t)(dash - r), n2 = rn - n1 - 1;
    dy_trim(&a1, &n1);
    dy_trim(&a2, &n2);
    if (petr_date(a1, n1, &out->from) || petr_date(a2, n2, &out->to) || out->from > out->to)
        return petr_fail(b, "bad date range '%.*s'", (int)rn, r);
    return 0;
}

/* Split "PHRASE [A] [B]" into the phrase and up to max codes. */
static int split_codes(petr_build *b, char *s, size_t *phrase_len, pcode *codes, int max, int *nc)
{
    char *br = strchr(s, '[');
    *phrase_len = br ? (size_t)(br - s) : strlen(s);
    *nc = 0;
    while (br) {
        char *e = strchr(br, ']');
        if (!e)
            return petr_fail(b, "no ']' after '['");
        if (*nc >= max)
            return petr_fail(b, "more than %d code blocks", max);
        if (parse_bracket(b, br + 1, (size_t)(e - br - 1), &codes[*nc]))
            return -1;
        (*nc)++;
        br = strchr(e + 1, '[');
        for (char *q = e + 1; q < (br ? br : e + 1 + strlen(e + 1)); q++)
            if (*q != ' ')
                return petr_fail(b, "unexpected text after ']'");
    }
    return 0;
}

/* ---- actors ---- */

#define MAX_CODES 64
#define MAX_PHRASES 1024

typedef struct act_entry {
    int active, line;
    char *phr[MAX_PHRASES];
    size_t phr_len[MAX_PHRASES];
    int nphr;
    pcode codes[MAX_CODES];
    int ncodes;
} act_entry;

static int is_discard_code(const char *c)
{
    return !strcmp(c, "###") || !strcmp(c, "+++");
}

/* Turn the collected entry into a dy_aentry and its trie phrases. */
static int flush_actor(petr_build *b, act_entry *e)
{
    if (!e->active)
        return 0;
    e->active = 0;
    int save_line = b->line;
    b->line = e->line;
    if (!e->ncodes) {
        b->warnings++;   /* a name with no code: nothing to match it to */
        b->line = save_line;
        return 0;
    }
    int rc = 0;
    /* TABARI: an actor that only discards ([###], [+++]) is a discard phrase */
    int discard = b->tabari;
    for (int i = 0; i < e->ncodes; i++)
        if (e->codes[i].dated || !is_discard_code(e->codes[i].code))
            discard = 0;
    if (discard) {
        for (int p = 0; p < e->nphr && !rc; p++) {
            petr_item it[PETR_MAX_ITEMS];
            int n = petr_items(b, e->phr[p], e->phr_len[p], 0, 1, it, PETR_MAX_ITEMS);
            uint32_t first;
            if (n <= 0 || petr_emit_items(b, it + 1, n - 1, &first))
                rc = n == 0 ? petr_fail(b, "empty phrase") : -1;
            else
                rc = petr_add_pat(b, DY_PC_DISCARD, it[0].id, first, n - 1, 0, n);
        }
        b->line = save_line;
        return rc;
    }
    dy_actors *a = &b->ctx->act;
    if (DY_GROW(a->entries, a->entries_cap, a->nentries + 1))
        return petr_fail(b, "out of memory");
    int32_t eidx = (int32_t)a->nentries;
    dy_aentry *en = &a->entries[a->nentries];
    memset(en, 0, sizeof *en);
    en->kind = EK_ACTOR;
    en->file = b->fileno;
    en->line = (uint32_t)e->line;
    en->dc_first = (uint32_t)a->ndc;
    for (int i = 0; i < e->ncodes; i++) {
        const pcode *c = &e->codes[i];
        const char *cs = strcmp(c->code, "---") ? c->code : "";   /* the null code */
        uint32_t cid = dy_intern_add(&a->codes, cs, strlen(cs));
        if (!cid)
            return petr_fail(b, "out of memory");
        if (c->dated) {
            if (DY_GROW(a->dc, a->dc_cap, a->ndc + 1))
                return petr_fail(b, "out of memory");
            a->dc[a->ndc].code = cid;
            a->dc[a->ndc].from = c->from;
            a->dc[a->ndc].to = c->to;
            a->ndc++;
            en->ndc++;
            en->person = 1;   /* dated roles: a person (PETRARCH's name blocks) */
        } else if (!en->fallback) {
            en->fallback = cid;
        } else {
            a->warnings++;    /* a second undated code: the first is kept */
        }
    }
    en->phrase = dy_intern_add(&a->codes, e->phr[0], e->phr_len[0]);
    if (!en->phrase)
        return petr_fail(b, "out of memory");
    a->nentries++;
    if (en->person)
        a->npeople++;
    for (int p = 0; p < e->nphr && !rc; p++) {
        petr_item it[PETR_MAX_ITEMS];
        int n = petr_items(b, e->phr[p], e->phr_len[p], 0, 0, it, PETR_MAX_ITEMS);
        rc = n < 0 ? -1 : trie_add(b, it, n, eidx, 0);
    }
    b->line = save_line;
    return rc;
}

/* Trim a phrase: blanks, a final '_' is kept (TABARI: exact word). */
static void phrase_trim(char **s, size_t *n)
{
    dy_trim(s, n);
}

int petr_read_actors(petr_build *b, char *buf, size_t len)
{
    act_entry *e = dy_calloc(1, sizeof *e);
    if (!e)
        return petr_fail(b, "out of memory");
    int in_xml = 0, skip_section = 0, rc = 0;
    char *p = buf, *end = buf + len;
    b->line = 0;
    while (p < end && rc == 0) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        *le = 0;
        b->line++;
        char *s = petr_clean_line(p, &in_xml);
        p = le + 1;
        if (!*s)
            continue;
        if (!strncmp(s, "~~", 2))
            break;                       /* TABARI: end of the dictionary */
        if (s[0] == '<') {               /* TABARI sections: <NOUN> <ADJECTIVE> ... */
            skip_section = s[1] == '/' ? 0 : !strncmp(s, "<NOUN>", 6) ? DY_PC_NOUN
                           : !strncmp(s, "<ADJECTIVE>", 11) ? DY_PC_ADJ : 1;
            continue;
        }
        if (skip_section == DY_PC_NOUN || skip_section == DY_PC_ADJ) {
            /* words that are never verbs (TABARI's nouns) or only modify
             * (adjectives, for compounds): kept as word classes */
            petr_item it[PETR_MAX_ITEMS];
            int n = petr_items(b, s, strcspn(s, "["), 0, 0, it, PETR_MAX_ITEMS);
            for (int i = 0; i < n && !rc; i++)
                if (it[i].kind == IT_WORD) {
                    rc = petr_add_word_class(b, skip_section, it[i].id);
                    if (!rc && it[i].stem)
                        rc = petr_add_stem(b, it[i].id);
                }
            if (n < 0)
                rc = -1;
            continue;
        }
        if (skip_section)
            continue;
        if (s[0] == '[') {
            if (!e->active) {
                rc = petr_fail(b, "a code line with no actor before it");
                break;
            }
            size_t pl;
            int nc;
            if (split_codes(b, s, &pl, e->codes + e->ncodes, MAX_CODES - e->ncodes, &nc)) {
                rc = -1;
                break;
            }
            e->ncodes += nc;
            continue;
        }
        if (s[0] == '+') {
            if (!e->active) {
                rc = petr_fail(b, "a synonym ('+') with no actor before it");
                break;
            }
            if (e->nphr >= MAX_PHRASES) {
                rc = petr_fail(b, "more than %d synonyms", MAX_PHRASES);
                break;
            }
            size_t pl;
            int nc;
            if (split_codes(b, s + 1, &pl, e->codes + e->ncodes, MAX_CODES - e->ncodes, &nc)) {
                rc = -1;
                break;
            }
            e->ncodes += nc;
            char *ph = s + 1;
            phrase_trim(&ph, &pl);
            if (!pl) {
                rc = petr_fail(b, "empty synonym");
                break;
            }
            e->phr[e->nphr] = ph;
            e->phr_len[e->nphr++] = pl;
            continue;
        }
        /* a new entry */
        if (flush_actor(b, e)) {
            rc = -1;
            break;
        }
        memset(e, 0, sizeof *e);
        e->active = 1;
        e->line = b->line;
        size_t pl;
        int nc;
        if (split_codes(b, s, &pl, e->codes, MAX_CODES, &nc)) {
            rc = -1;
            break;
        }
        e->ncodes = nc;
        char *ph = s;
        phrase_trim(&ph, &pl);
        if (!pl) {
            rc = petr_fail(b, "a code with no phrase");
            break;
        }
        e->phr[0] = ph;
        e->phr_len[0] = pl;
        e->nphr = 1;
    }
    if (rc == 0)
        rc = flush_actor(b, e);
    dy_free(e);
    return rc;
}

/* ---- agents ---- */

typedef struct macro {
    char name[32];
    char *vals[32];
    size_t vlen[32];
    int nval;
} macro;

/* English plural of the last word of phrase w (PETRARCH's rules). */
static size_t plural(const char *w, size_t n, char *out, size_t cap)
{
    if (n + 3 >= cap || n == 0)
        return 0;
    memcpy(out, w, n);
    char l = (char)(w[n - 1] | 32), l2 = n > 1 ? (char)(w[n - 2] | 32) : 0;
    int upper = w[n - 1] >= 'A' && w[n - 1] <= 'Z';
    const char *suf;
    size_t cut = 0;
    if (n >= 3 && (w[n - 3] | 32) == 'm' && l2 == 'a' && l == 'n') {
        cut = 2;
        suf = "en";         /* man -> men */
    } else if (l == 'y' && !strchr("aeiou", l2)) {
        cut = 1;
        suf = "ies";
    } else if (l == 's' || l == 'x' || l == 'z' || ((l2 == 'c' || l2 == 's') && l == 'h'))
        suf = "es";
    else
        suf = "s";
    size_t m = n - cut;
    for (const char *q = suf; *q; q++)
        out[m++] = upper ? (char)(*q - 32) : *q;
    out[m] = 0;
    return m;
}

/* Add one agent phrase (after substitutions) as entry eidx. */
static int agent_phrase(petr_build *b, const char *s, size_t n, int32_t eidx)
{
    petr_item it[PETR_MAX_ITEMS];
    int cnt = petr_items(b, s, n, 0, 0, it, PETR_MAX_ITEMS);
    if (cnt < 0)
        return -1;
    return trie_add(b, it, cnt, eidx, 1);
}

/* Expand the !NAME! substitutions of s and add every result (and, when
 * want_plural, its plural). */
static int agent_expand(petr_build *b, const macro *mac, int nmac, const char *s, size_t n,
                        int32_t eidx, int want_plural, int depth)
{
    const char *x = memchr(s, '!', n);
    if (!x || depth > 4) {
        if (agent_phrase(b, s, n, eidx))
            return -1;
        if (want_plural) {
            char pl[512];
            size_t m = n;
            while (m && s[m - 1] == '_')
                m--;
            size_t pn = plural(s, m, pl, sizeof pl);
            if (pn && agent_phrase(b, pl, pn, eidx))
                return -1;
        }
        return 0;
    }
    const char *y = memchr(x + 1, '!', (size_t)(s + n - x - 1));
    if (!y)
        return petr_fail(b, "unclosed '!' substitution");
    size_t nl = (size_t)(y - x + 1);
    const macro *m = NULL;
    for (int i = 0; i < nmac; i++)
        if (strlen(mac[i].name) == nl && !memcmp(mac[i].name, x, nl))
            m = &mac[i];
    if (!m)
        return petr_fail(b, "unknown substitution '%.*s'", (int)nl, x);
    for (int v = 0; v < m->nval; v++) {
        char buf[512];
        size_t pre = (size_t)(x - s), post = (size_t)(s + n - y - 1);
        if (pre + m->vlen[v] + post >= sizeof buf)
            return petr_fail(b, "phrase too long");
        memcpy(buf, s, pre);
        memcpy(buf + pre, m->vals[v], m->vlen[v]);
        memcpy(buf + pre + m->vlen[v], y + 1, post);
        /* a plural value (MEN) makes a plural already */
        if (agent_expand(b, mac, nmac, buf, pre + m->vlen[v] + post, eidx, want_plural, depth + 1))
            return -1;
    }
    return 0;
}

int petr_read_agents(petr_build *b, char *buf, size_t len)
{
    macro *mac = dy_calloc(32, sizeof *mac);
    if (!mac)
        return petr_fail(b, "out of memory");
    int nmac = 0, in_xml = 0, rc = 0;
    dy_actors *a = &b->ctx->act;
    char *p = buf, *end = buf + len;
    b->line = 0;
    while (p < end && rc == 0) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        *le = 0;
        b->line++;
        char *s = petr_clean_line(p, &in_xml);
        p = le + 1;
        if (!*s)
            continue;
        if (!strncmp(s, "~~", 2))
            break;
        if (s[0] == '!' && strchr(s, '=') && !strchr(s, '[')) {
            /* !NAME! = A, B, C */
            char *eq = strchr(s, '=');
            char *x = strchr(s + 1, '!');
            if (!eq || !x || x > eq || nmac >= 32 || (size_t)(x - s + 1) >= sizeof mac[0].name) {
                rc = petr_fail(b, "expected '!NAME! = VALUE, VALUE'");
                break;
            }
            macro *m = &mac[nmac++];
            memcpy(m->name, s, (size_t)(x - s + 1));
            for (char *v = eq + 1; v && *v && m->nval < 32;) {
                char *comma = strchr(v, ',');
                size_t vn = comma ? (size_t)(comma - v) : strlen(v);
                char *vs = v;
                dy_trim(&vs, &vn);
                if (vn) {
                    m->vals[m->nval] = vs;
                    m->vlen[m->nval++] = vn;
                }
                v = comma ? comma + 1 : NULL;
            }
            continue;
        }
        /* PHRASE {PLURALS} [CODE] */
        char *br = strchr(s, '[');
        if (!br) {
            rc = petr_fail(b, "expected 'PHRASE [~CODE]'");
            break;
        }
        size_t pl;
        int nc;
        pcode code;
        if (split_codes(b, s, &pl, &code, 1, &nc)) {
            rc = -1;
            break;
        }
        char *cb = memchr(s, '{', pl);
        char *ph = s;
        size_t phn = cb ? (size_t)(cb - s) : pl;
        dy_trim(&ph, &phn);
        if (!phn) {
            rc = petr_fail(b, "an agent code with no phrase");
            break;
        }
        /* the role: ~GOV (suffix) or NGO~ (prefix, kept with its '~') */
        char role[24];
        size_t rl = strlen(code.code);
        if (code.code[0] == '~')
            memmove(role, code.code + 1, rl);
        else
            memcpy(role, code.code, rl + 1);
        if (!role[0] || !strcmp(role, "~")) {
            rc = petr_fail(b, "empty agent code");
            break;
        }
        if (DY_GROW(a->entries, a->entries_cap, a->nentries + 1)) {
            rc = petr_fail(b, "out of memory");
            break;
        }
        int32_t eidx = (int32_t)a->nentries;
        dy_aentry *en = &a->entries[a->nentries];
        memset(en, 0, sizeof *en);
        en->kind = EK_AGENT;
        en->file = b->fileno;
        en->line = (uint32_t)b->line;
        en->fallback = dy_intern_add(&a->codes, role, strlen(role));
        en->phrase = dy_intern_add(&a->codes, ph, phn);
        if (!en->fallback || !en->phrase) {
            rc = petr_fail(b, "out of memory");
            break;
        }
        a->nentries++;
        int want_plural = cb == NULL;
        if (agent_expand(b, mac, nmac, ph, phn, eidx, want_plural, 0)) {
            rc = -1;
            break;
        }
        if (cb) {
            char *ce = memchr(cb, '}', pl - (size_t)(cb - s));
            if (!ce) {
                rc = petr_fail(b, "no '}' after '{'");
                break;
            }
            /* explicit plurals, blank separated */
            for (char *q = cb + 1; q < ce && rc == 0;) {
                while (q < ce && *q == ' ')
                    q++;
                char *w = q;
                while (q < ce && *q != ' ')
                    q++;
                if (q > w)
                    rc = agent_expand(b, mac, nmac, w, (size_t)(q - w), eidx, 0, 0);
            }
        }
    }
    dy_free(mac);
    return rc;
}

/* ---- discards ---- */

int petr_read_discards(petr_build *b, char *buf, size_t len)
{
    int in_xml = 0, rc = 0;
    char *p = buf, *end = buf + len;
    b->line = 0;
    while (p < end && rc == 0) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        *le = 0;
        b->line++;
        char *s = petr_clean_line(p, &in_xml);
        p = le + 1;
        if (!*s)
            continue;
        if (!strncmp(s, "~~", 2))
            break;
        int story = s[0] == '+';
        if (story)
            s++;
        char *br = strchr(s, '[');   /* a code after a discard phrase is ignored */
        size_t n = br ? (size_t)(br - s) : strlen(s);
        petr_item it[PETR_MAX_ITEMS];
        int cnt = petr_items(b, s, n, 0, 1, it, PETR_MAX_ITEMS);
        if (cnt < 0)
            return -1;
        if (cnt == 0) {
            rc = petr_fail(b, "empty discard phrase");
            break;
        }
        uint32_t first;
        if (petr_emit_items(b, it + 1, cnt - 1, &first))
            return -1;
        rc = petr_add_pat(b, story ? DY_PC_DISCARD_STORY : DY_PC_DISCARD, it[0].id, first, cnt - 1,
                          0, cnt);
    }
    return rc;
}
