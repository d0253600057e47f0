/* petr_verbs.c - PETRARCH-1/2 and TABARI verb dictionaries into dyad's verb
 * patterns (ctx->ev, class 0) and synsets (class 2).
 *
 * PETRARCH: synsets ("&NAME" then "+PHRASE" lines) and verb blocks:
 *     --- NAME [CODE] ---
 *     VERB {IRREGULAR FORMS} [CODE]       one or more verbs ("KLM_+RST":
 *     - WORDS * WORDS [CODE]              '+' marks the verb of a phrase)
 * TABARI: <SYNSETS> ... </SYNSETS>, then entries "VERB WORDS [CODE]", each
 * with an optional "{ FORMS }" line and "- pattern [CODE]" lines.
 * In a pattern '*' is the verb, '+' the target, '$' the source, '^' skips a
 * noun phrase, '%' marks a compound actor, '&NAME' a synset, { A | B } an
 * alternative; '_' joins words that must stand together. A code "X:Y" gives
 * the event X and the event Y the other way round; "---" gives no event.
 * A pattern dyad's own coder can match (words after the verb, at most one
 * target, a CAMEO code) becomes a plain dyad pattern; any other becomes an
 * extended pattern (compat.h). */
#include "petr.h"

#include <stdlib.h>

#define MAX_VERB_ITEMS 16

typedef struct verb {
    petr_item before[MAX_VERB_ITEMS];
    int nb;
    int verb_adj;           /* the words before stand right before the verb */
    uint32_t head;
    int head_stem;
    petr_item after[MAX_VERB_ITEMS];
    int na;
    uint32_t code, pair;    /* ids in b->codes; 0: none */
    int weak;               /* TABARI "[023?]" */
} verb;

typedef struct vstate {
    verb *v;
    size_t nv, cap;
    uint32_t block_code, block_pair;
    int block_weak;
    int in_block;           /* PETRARCH: inside a --- block --- */
    int in_entry;           /* TABARI: after a verb entry */
    uint32_t synset;        /* synset whose members follow, 0 */
    int skip;               /* TABARI <TIME> section */
} vstate;

/* A CAMEO-like code: two digits of a root 01..20 first. */
static int cameo_root_ok(petr_build *b, uint32_t code)
{
    if (!code)
        return 1;
    const char *c = dy_intern_str(&b->codes, code);
    if (!dy_is_digit(c[0]) || !dy_is_digit(c[1]))
        return 0;
    int r = (c[0] - '0') * 10 + (c[1] - '0');
    return r >= 1 && r <= 20;
}

static int code_char(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || dy_is_digit(c) || c == '#' ||
           c == '+' || c == '-' || c == '?' || c == '!';
}

/* "[032:033]" inside -> code and pair ids (0 for "---"); *discard when the
 * code is ### or +++. */
static int parse_code(petr_build *b, const char *s, size_t n, uint32_t *code, uint32_t *pair,
                      int *discard, int *weak)
{
    *code = *pair = 0;
    *weak = 0;
    if (discard)
        *discard = 0;
    char *cs = (char *)s;
    dy_trim(&cs, &n);
    if (!n)
        return petr_fail(b, "empty code []");
    const char *colon = memchr(cs, ':', n);
    for (int part = 0; part < 2; part++) {
        if (part && !colon)
            break;
        char *ps = part ? (char *)colon + 1 : cs;
        size_t pn = part ? n - (size_t)(colon - cs) - 1 : colon ? (size_t)(colon - cs) : n;
        dy_trim(&ps, &pn);
        /* TABARI marks: "023?" a weak code, "031!" (kept as 031) */
        while (pn > 1 && (ps[pn - 1] == '?' || ps[pn - 1] == '!')) {
            if (ps[pn - 1] == '?' && !part)
                *weak = 1;
            pn--;
        }
        if (!pn || pn > 7)
            return petr_fail(b, "bad code '%.*s' (1 to 7 characters)", (int)n, cs);
        for (size_t i = 0; i < pn; i++)
            if (!code_char(ps[i]))
                return petr_fail(b, "bad character '%c' in code '%.*s'", ps[i], (int)n, cs);
        if ((pn == 3 && (!memcmp(ps, "###", 3) || !memcmp(ps, "+++", 3))) && discard) {
            /* a verb coded so: a discard phrase (add_verb); in a pattern the
             * code is kept, and the coder discards the sentence it matches */
            if (!part)
                *discard = 1;
            continue;
        }
        if (pn == 3 && !memcmp(ps, "---", 3))
            continue;
        uint32_t id = petr_code(b, ps, pn);
        if (!id)
            return petr_fail(b, "out of memory");
        if (part)
            *pair = id;
        else
            *code = id;
    }
    return 0;
}

/* Cut "TEXT [CODE]" at its last bracket. Returns 1 when a code was there. */
static int cut_code(petr_build *b, char *s, size_t *textn, uint32_t *code, uint32_t *pair,
                    int *discard, int *weak, int *err)
{
    *err = 0;
    *weak = 0;
    char *br = strrchr(s, '[');
    if (!br) {
        *textn = strlen(s);
        return 0;
    }
    char *e = strchr(br, ']');
    if (!e) {
        *err = petr_fail(b, "no ']' after '['");
        return 0;
    }
    for (char *q = e + 1; *q; q++)
        if (*q != ' ' && *q != '-') {   /* "--- NAME [CODE] ---" */
            *err = petr_fail(b, "unexpected text after ']'");
            return 0;
        }
    if (parse_code(b, br + 1, (size_t)(e - br - 1), code, pair, discard, weak)) {
        *err = -1;
        return 0;
    }
    *textn = (size_t)(br - s);
    /* a second code block before it ("DELAY [191] [031:031]"): keep the first */
    char *br2 = memchr(s, '[', *textn);
    if (br2) {
        char *e2 = memchr(br2, ']', (size_t)(br - br2));
        if (!e2) {
            *err = petr_fail(b, "no ']' after '['");
            return 0;
        }
        if (parse_code(b, br2 + 1, (size_t)(e2 - br2 - 1), code, pair, discard, weak)) {
            *err = -1;
            return 0;
        }
        *textn = (size_t)(br2 - s);
    }
    return 1;
}

/* ---- patterns ---- */

static int content_weight(petr_build *b, const petr_item *it, int n)
{
    int w = 0;
    for (int i = 0; i < n; i++)
        if (it[i].kind != IT_COMPOUND && it[i].kind != IT_VERB)
            w += petr_item_weight(b, &it[i]);
    return w;
}

/* Emit the pattern of verb v with the pattern items p (NULL: the bare verb). */
static int emit_pattern(petr_build *b, const verb *v, const petr_item *p, int pn, uint32_t code,
                        uint32_t pair, int weak)
{
    petr_item bef[PETR_MAX_ITEMS + MAX_VERB_ITEMS], aft[PETR_MAX_ITEMS + MAX_VERB_ITEMS];
    int nb = 0, na = 0, vpos = -1;
    for (int i = 0; i < pn; i++)
        if (p[i].kind == IT_VERB) {
            vpos = i;
            break;
        }
    if (p && vpos < 0)
        return petr_fail(b, "a pattern without '*' (the verb)");
    int verb_adj = 0;
    if (p) {
        for (int i = 0; i < vpos; i++)
            bef[nb++] = p[i];
        verb_adj = p[vpos].adj;
    }
    for (int i = 0; i < v->nb; i++) {
        bef[nb] = v->before[i];
        if (i == 0)
            bef[nb].adj = (uint8_t)(nb > 0 ? verb_adj : 0);
        nb++;
    }
    if (v->nb)
        verb_adj = v->verb_adj;
    for (int i = 0; i < v->na; i++)
        aft[na++] = v->after[i];
    if (p)
        for (int i = vpos + 1; i < pn; i++) {
            if (p[i].kind == IT_VERB)
                return petr_fail(b, "two '*' in a pattern");
            aft[na++] = p[i];
        }
    /* plain when dyad's coder can match it as it is */
    int plain = nb == 0 && !pair && !weak && cameo_root_ok(b, code), targets = 0;
    for (int i = 0; i < na && plain; i++) {
        if (aft[i].adj || (aft[i].kind != IT_WORD && aft[i].kind != IT_TARGET) || aft[i].stem)
            plain = 0;
        if (aft[i].kind == IT_TARGET && ++targets > 1)
            plain = 0;
    }
    int weight = content_weight(b, bef, nb) + content_weight(b, aft, na);
    uint32_t first;
    if (plain) {
        if (petr_emit_items(b, aft, na, &first))
            return -1;
        return petr_add_pat(b, 0, v->head, first, na, code, weight);
    }
    /* extended: GUARD, before, VERB, after, PAIR */
    dy_events *ev = &b->ctx->ev;
    if (DY_GROW(ev->el, ev->el_cap, ev->nel + 1))
        return petr_fail(b, "out of memory");
    first = (uint32_t)ev->nel;
    ev->el[ev->nel].kind = DY_PE_GUARD;
    ev->el[ev->nel].word = DY_PE_GUARD_WORD;
    ev->nel++;
    if (weak) {
        if (DY_GROW(ev->el, ev->el_cap, ev->nel + 1))
            return petr_fail(b, "out of memory");
        ev->el[ev->nel].kind = DY_PE_WEAK;
        ev->el[ev->nel].word = 0;
        ev->nel++;
    }
    uint32_t f2;
    if (petr_emit_items(b, bef, nb, &f2))
        return -1;
    if (nb) {
        petr_item vm;
        memset(&vm, 0, sizeof vm);
        vm.kind = IT_VERB;
        vm.adj = (uint8_t)verb_adj;
        if (petr_emit_items(b, &vm, 1, &f2))
            return -1;
    }
    if (petr_emit_items(b, aft, na, &f2))
        return -1;
    int nel = (int)(ev->nel - first);
    if (pair) {
        if (DY_GROW(ev->el, ev->el_cap, ev->nel + 1))
            return petr_fail(b, "out of memory");
        ev->el[ev->nel].kind = DY_PE_PAIR;
        ev->el[ev->nel].word = pair;   /* a code string id until petr_load resolves it */
        ev->nel++;
        nel++;
    }
    if (petr_add_pat(b, 0, v->head, first, nel, code, weight + 1))
        return -1;
    /* a paired or weak pattern that is plain otherwise: the plain form too,
     * for a coder without extensions (the extended one is tried first) */
    if ((pair || weak) && nb == 0 && cameo_root_ok(b, code)) {
        int ok = 1;
        for (int i = 0; i < na; i++)
            if (aft[i].adj || (aft[i].kind != IT_WORD && aft[i].kind != IT_TARGET) || aft[i].stem)
                ok = 0;
        if (ok) {
            if (petr_emit_items(b, aft, na, &first))
                return -1;
            return petr_add_pat(b, 0, v->head, first, na, code, weight);
        }
    }
    return 0;
}

/* Parse one verb phrase ("KLM_NOP_+RST", "LASH OUT", "CRITICI") into *v. */
static int make_verb(petr_build *b, const char *s, size_t n, int space_adj, verb *v)
{
    memset(v, 0, sizeof *v);
    const char *plus = memchr(s, '+', n);
    petr_item it[PETR_MAX_ITEMS];
    int cnt;
    if (plus) {
        size_t ln = (size_t)(plus - s);
        int nb = petr_items(b, s, ln, 0, space_adj, it, PETR_MAX_ITEMS);
        if (nb < 0)
            return -1;
        if (nb > MAX_VERB_ITEMS)
            return petr_fail(b, "verb phrase too long");
        memcpy(v->before, it, (size_t)nb * sizeof *it);
        v->nb = nb;
        v->verb_adj = ln > 0 && (s[ln - 1] == '_' || space_adj);
        cnt = petr_items(b, plus + 1, n - ln - 1, 0, space_adj, it, PETR_MAX_ITEMS);
    } else
        cnt = petr_items(b, s, n, 0, space_adj, it, PETR_MAX_ITEMS);
    if (cnt < 0)
        return -1;
    if (cnt == 0 || it[0].kind != IT_WORD)
        return petr_fail(b, "no verb in '%.*s'", (int)n, s);
    if (cnt - 1 > MAX_VERB_ITEMS)
        return petr_fail(b, "verb phrase too long");
    v->head = it[0].id;
    v->head_stem = it[0].stem;
    if (v->head_stem && petr_add_stem(b, v->head))
        return -1;
    if (it[0].noend && petr_add_word_class(b, DY_PC_NOEND, v->head))
        return -1;
    memcpy(v->after, it + 1, (size_t)(cnt - 1) * sizeof *it);
    v->na = cnt - 1;
    if (v->na)
        v->after[0].adj = (uint8_t)(v->after[0].adj || space_adj);
    return 0;
}

static int add_verb(petr_build *b, vstate *st, const char *s, size_t n, int space_adj,
                    uint32_t code, uint32_t pair, int weak, int discard)
{
    verb v;
    if (make_verb(b, s, n, space_adj, &v))
        return -1;
    if (discard) {
        /* TABARI: a "verb" coded ### or +++ discards the sentence */
        petr_item all[MAX_VERB_ITEMS + 1];
        int m = 0;
        for (int i = 0; i < v.na; i++) {
            all[m] = v.after[i];
            all[m++].adj = 1;
        }
        uint32_t first;
        if (petr_emit_items(b, all, m, &first))
            return -1;
        return petr_add_pat(b, b->tabari ? DY_PC_VDISCARD : DY_PC_DISCARD, v.head, first, m, 0,
                            m + 1);
    }
    v.code = code;
    v.pair = pair;
    v.weak = weak;
    if (DY_GROW(st->v, st->cap, st->nv + 1))
        return petr_fail(b, "out of memory");
    st->v[st->nv++] = v;
    return emit_pattern(b, &v, NULL, 0, code, pair, weak);
}

/* "VERB {FORMS} [CODE]" inside a PETRARCH block, or a TABARI entry. */
static int verb_line(petr_build *b, vstate *st, char *s, int tabari_entry)
{
    size_t tn;
    uint32_t code = st->block_code, pair = st->block_pair;
    int discard = 0, err, weak = st->block_weak;
    int had = cut_code(b, s, &tn, &code, &pair, &discard, &weak, &err);
    if (!had && err)
        return -1;
    if (!had) {
        code = st->block_code;
        pair = st->block_pair;
        weak = st->block_weak;
    }
    if (tabari_entry) {
        st->nv = 0;
        st->block_code = code;
        st->block_pair = pair;
        st->block_weak = weak;
    }
    char *forms = memchr(s, '{', tn);
    size_t mn = forms ? (size_t)(forms - s) : tn;
    char *ms = s;
    dy_trim(&ms, &mn);
    int space_adj = !tabari_entry;
    if (mn && add_verb(b, st, ms, mn, space_adj, code, pair, weak, discard))
        return -1;
    if (forms) {
        char *fe = memchr(forms, '}', tn - (size_t)(forms - s));
        if (!fe)
            return petr_fail(b, "no '}' after '{'");
        for (char *q = forms + 1; q < fe;) {
            while (q < fe && *q == ' ')
                q++;
            char *w = q;
            while (q < fe && *q != ' ')
                q++;
            if (q > w && add_verb(b, st, w, (size_t)(q - w), space_adj, code, pair, weak, discard))
                return -1;
        }
    }
    return 0;
}

/* "{ FORMS }" after a TABARI entry: more verbs with the entry's code. */
static int forms_line(petr_build *b, vstate *st, char *s)
{
    char *fe = strchr(s, '}');
    if (!fe)
        return petr_fail(b, "no '}' after '{'");
    for (char *q = s + 1; q < fe;) {
        while (q < fe && *q == ' ')
            q++;
        char *w = q;
        while (q < fe && *q != ' ')
            q++;
        if (q > w && add_verb(b, st, w, (size_t)(q - w), 0, st->block_code, st->block_pair,
                              st->block_weak, 0))
            return -1;
    }
    return 0;
}

static int pattern_line(petr_build *b, vstate *st, char *s)
{
    if (!st->in_block && !st->in_entry)
        return petr_fail(b, "a pattern ('- ...') with no verb before it");
    size_t tn;
    uint32_t code, pair;
    int err, weak;
    if (!cut_code(b, s, &tn, &code, &pair, NULL, &weak, &err)) {
        if (err)
            return -1;
        return petr_fail(b, "a pattern without a code ([CODE] at its end)");
    }
    petr_item it[PETR_MAX_ITEMS];
    int n = petr_items(b, s, tn, 1, 0, it, PETR_MAX_ITEMS);
    if (n < 0)
        return -1;
    for (size_t i = 0; i < st->nv; i++)
        if (emit_pattern(b, &st->v[i], it, n, code, pair, weak))
            return -1;
    return 0;
}

int petr_read_verbs(petr_build *b, char *buf, size_t len)
{
    vstate st;
    memset(&st, 0, sizeof st);
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
        if (s[0] == '<') {
            /* TABARI sections: <SYNSETS> is read, <TIME> and others skipped */
            if (!strncmp(s, "<SYNSETS>", 9) || s[1] == '/')
                st.skip = 0;
            else
                st.skip = 1;
            st.synset = 0;
            continue;
        }
        if (st.skip)
            continue;
        if (!strncmp(s, "---", 3)) {
            /* --- NAME [CODE] --- */
            st.in_block = 1;
            st.in_entry = 0;
            st.synset = 0;
            st.nv = 0;
            size_t tn;
            int err;
            st.block_code = st.block_pair = 0;
            if (!cut_code(b, s + 3, &tn, &st.block_code, &st.block_pair, NULL, &st.block_weak, &err) &&
                err)
                rc = -1;
            continue;
        }
        if (s[0] == '&') {
            size_t nn = strcspn(s, " ");
            st.synset = petr_synset_id(b, s, nn);
            if (!st.synset || dy_map_put(&b->synset_seen, st.synset, 1))
                rc = petr_fail(b, "out of memory");
            continue;
        }
        if (s[0] == '+' && st.synset) {
            rc = petr_synset_member(b, st.synset, s + 1, strlen(s + 1));
            continue;
        }
        st.synset = 0;
        if (s[0] == '-') {
            rc = pattern_line(b, &st, s + 1);
            continue;
        }
        if (s[0] == '{') {
            if (!st.in_entry) {
                rc = petr_fail(b, "verb forms ('{ }') with no verb before them");
                continue;
            }
            rc = forms_line(b, &st, s);
            continue;
        }
        if (st.in_block) {
            rc = verb_line(b, &st, s, 0);
        } else {
            st.in_entry = 1;
            rc = verb_line(b, &st, s, 1);
        }
    }
    dy_free(st.v);
    return rc;
}
