/* test_syntax.c - unit tests of the syntax stage (tagger, lemmatizer, chunker,
 * roles) and the runner of the data-driven syntax tests in the .txt files of tests/syntax.
 *
 *   test_syntax                 cmocka unit tests (the data files included)
 *   test_syntax --data DIR      only the data files, one PASS/FAIL line a case
 *
 * Data file format (one case per "==" line; expectations are partial: only
 * what is written is checked):
 *
 *   == name of the case
 *   Sentence text on one or more lines.
 *   tags: word/TAG word/TAG ...     these tokens, in this order (a subsequence)
 *   lemma: word=lemma ...           lemma of the first token with that text
 *   np: [noun phrase] [another]     these NP chunks exist (exact text)
 *   names: [Joe Biden]              these candidate names (NP name spans) exist
 *   vg: HEAD key=value ...          the verb group whose main verb is HEAD
 *                                   (HEAD#2: the second one) has these roles:
 *       subj= obj= iobj= agent=     NP text, or - for none ("..." for spaces)
 *       lemma= tense=               lemma, present/past/future/-
 *       flags=A,B  noflags=C,D      VG flags present / absent (PASSIVE, NEG ...)
 *       parent= xcomp= conj=        HEAD of that verb group, or -
 *       in= on= with= ...           prepositional object with that preposition
 *
 * An NP's text runs from its possessor ("Ukraine's east") to its end, without
 * the "of" phrase. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/internal.h"
#include "syntax/tagger.h"

static dyad_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    char err[512] = "";
    if (dyad_ctx_new(NULL, &ctx, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "context: %s\n", err);
        return -1;
    }
    return 0;
}
static int teardown(void **state)
{
    (void)state;
    dyad_ctx_free(ctx);
    ctx = NULL;
    return 0;
}

/* One analysed text. */
typedef struct ana {
    char *src;
    dy_text t;
    dy_syn syn;
} ana;

static int analyse(ana *a, const char *s)
{
    memset(a, 0, sizeof *a);
    a->src = dy_strndup(s, strlen(s));
    a->t.src = a->src;
    a->t.len = strlen(s);
    if (dy_tokenize(&a->t, &ctx->ab) || dy_split(&a->t, &ctx->ab))
        return -1;
    for (size_t i = 0; i < a->t.ntok; i++) {
        dy_tok *k = &a->t.tok[i];
        k->word = dy_word_find(ctx, a->t.norm + k->norm, k->nlen);
    }
    if (dy_tag(ctx, &a->t) || dy_parse(ctx, &a->t, &a->syn))
        return -1;
    return 0;
}
static void ana_free(ana *a)
{
    dy_syn_free(&a->syn);
    dy_free(a->t.tok);
    dy_free(a->t.norm);
    dy_free(a->t.sent);
    dy_free(a->src);
}

static int tok_text_is(const ana *a, uint32_t i, const char *w, size_t n)
{
    const dy_tok *k = &a->t.tok[i];
    return k->end - k->start == n && memcmp(a->src + k->start, w, n) == 0;
}

/* NP text from its possessor to its end. */
static void np_text(const ana *a, int32_t n, char *out, size_t cap)
{
    if (n < 0) {
        snprintf(out, cap, "-");
        return;
    }
    const dy_np *np = &a->syn.np[n];
    uint32_t f = np->first;
    int32_t q = np->poss;
    for (int g = 0; g < 8 && q >= 0; g++) {
        f = a->syn.np[q].first;
        q = a->syn.np[q].poss;
    }
    uint32_t s = a->t.tok[f].start, e = a->t.tok[np->end - 1].end;
    snprintf(out, cap, "%.*s", (int)(e - s), a->src + s);
}

static const char *tag_of(const ana *a, uint32_t i) { return dy_tag_name(a->t.tok[i].tag); }

static const char *lemma_str(const ana *a, uint32_t i)
{
    uint32_t l = a->t.tok[i].lemma;
    if (!l)
        return "";
    return dy_intern_str(&ctx->words, l);
}

static int32_t find_vg(const ana *a, const char *head, size_t n, int occ)
{
    for (size_t v = 0; v < a->syn.nvg; v++)
        if (tok_text_is(a, a->syn.vg[v].head, head, n) && --occ == 0)
            return (int32_t)v;
    return -1;
}

static void vg_head_text(const ana *a, int32_t v, char *out, size_t cap)
{
    if (v < 0) {
        snprintf(out, cap, "-");
        return;
    }
    const dy_tok *k = &a->t.tok[a->syn.vg[v].head];
    snprintf(out, cap, "%.*s", (int)(k->end - k->start), a->src + k->start);
}

static const char *const flag_names[] = {
    "NEG", "FAILED", "REFUSED", "PASSIVE", "FUTURE", "MODAL", "INTENT", "REPORTED",
    "QUESTION", "HYPOTHETICAL", "INF", "PART", "SPEECH", "RELATIVE", "PERFECT",
    "PROGRESSIVE", "CONTROL", "ACCORDING", "COPULA", "IMPERATIVE"};

static uint32_t flag_bit(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
        if (strlen(flag_names[i]) == n && memcmp(flag_names[i], s, n) == 0)
            return 1u << i;
    return 0;
}

/* Next item of an expectation line: a word, or key=value with the value
 * maybe in double quotes. Returns 0 at the end. */
static int next_item(const char **pp, char *key, size_t kcap, char *val, size_t vcap)
{
    const char *p = *pp;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p || *p == '\n')
        return 0;
    size_t k = 0, v = 0;
    key[0] = val[0] = 0;
    if (*p == '[') { /* [bracketed text] */
        p++;
        while (*p && *p != ']' && v + 1 < vcap)
            val[v++] = *p++;
        val[v] = 0;
        if (*p == ']')
            p++;
        *pp = p;
        return 1;
    }
    while (*p && *p != ' ' && *p != '=' && *p != '\n' && k + 1 < kcap)
        key[k++] = *p++;
    key[k] = 0;
    if (*p == '=') {
        p++;
        if (*p == '"') {
            p++;
            while (*p && *p != '"' && v + 1 < vcap)
                val[v++] = *p++;
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != ' ' && *p != '\n' && v + 1 < vcap)
                val[v++] = *p++;
        }
        val[v] = 0;
    }
    *pp = p;
    return 1;
}

/* Check one expectation line; appends failures to msg. Returns failures. */
static int check_line(const ana *a, const char *line, char *msg, size_t mcap)
{
    char key[128], val[512], got[512];
    int fails = 0;
    size_t ml = strlen(msg);
#define FAILF(...)                                                             \
    do {                                                                       \
        fails++;                                                               \
        if (ml < mcap)                                                         \
            ml += (size_t)snprintf(msg + ml, mcap - ml, __VA_ARGS__);          \
    } while (0)
    if (strncmp(line, "tags:", 5) == 0) {
        const char *p = line + 5;
        uint32_t i = 0;
        while (next_item(&p, key, sizeof key, val, sizeof val)) {
            char *sl = strrchr(key, '/');
            if (!sl)
                continue;
            size_t wn = (size_t)(sl - key);
            uint32_t j = i;
            while (j < a->t.ntok && !tok_text_is(a, j, key, wn))
                j++;
            if (j == a->t.ntok) {
                FAILF("\n    token %.*s not found", (int)wn, key);
                continue;
            }
            if (strcmp(tag_of(a, j), sl + 1) != 0)
                FAILF("\n    %.*s/%s, want %s", (int)wn, key, tag_of(a, j), sl + 1);
            i = j + 1;
        }
    } else if (strncmp(line, "lemma:", 6) == 0) {
        const char *p = line + 6;
        while (next_item(&p, key, sizeof key, val, sizeof val)) {
            uint32_t j = 0;
            while (j < a->t.ntok && !tok_text_is(a, j, key, strlen(key)))
                j++;
            if (j == a->t.ntok) {
                FAILF("\n    token %s not found", key);
                continue;
            }
            if (strcmp(lemma_str(a, j), val) != 0)
                FAILF("\n    lemma of %s is '%s', want '%s'", key, lemma_str(a, j), val);
        }
    } else if (strncmp(line, "np:", 3) == 0) {
        const char *p = line + 3;
        while (next_item(&p, key, sizeof key, val, sizeof val)) {
            int found = 0;
            for (size_t n = 0; n < a->syn.nnp && !found; n++) {
                const dy_np *np = &a->syn.np[n];
                uint32_t s = a->t.tok[np->first].start, e = a->t.tok[np->end - 1].end;
                found = strlen(val) == e - s && memcmp(a->src + s, val, e - s) == 0;
            }
            if (!found)
                FAILF("\n    no NP [%s]", val);
        }
    } else if (strncmp(line, "names:", 6) == 0) {
        const char *p = line + 6;
        while (next_item(&p, key, sizeof key, val, sizeof val)) {
            int found = 0;
            for (size_t n = 0; n < a->syn.nnp && !found; n++) {
                const dy_np *np = &a->syn.np[n];
                if (np->name_end <= np->name_first)
                    continue;
                uint32_t s = a->t.tok[np->name_first].start, e = a->t.tok[np->name_end - 1].end;
                found = strlen(val) == e - s && memcmp(a->src + s, val, e - s) == 0;
            }
            if (!found)
                FAILF("\n    no name [%s]", val);
        }
    } else if (strncmp(line, "vg:", 3) == 0) {
        const char *p = line + 3;
        if (!next_item(&p, key, sizeof key, val, sizeof val))
            return 0;
        int occ = 1;
        char *hash = strchr(key, '#');
        if (hash) {
            occ = atoi(hash + 1);
            *hash = 0;
        }
        int32_t v = find_vg(a, key, strlen(key), occ);
        if (v < 0) {
            FAILF("\n    no verb group with head %s", key);
            return fails;
        }
        char head[128];
        snprintf(head, sizeof head, "%s", key);
        const dy_vg *g = &a->syn.vg[v];
        while (next_item(&p, key, sizeof key, val, sizeof val)) {
            if (!strcmp(key, "subj") || !strcmp(key, "obj") || !strcmp(key, "iobj") ||
                !strcmp(key, "agent")) {
                int32_t n = !strcmp(key, "subj") ? g->subj : !strcmp(key, "obj") ? g->obj
                          : !strcmp(key, "iobj") ? g->iobj : g->agent;
                np_text(a, n, got, sizeof got);
                if (strcmp(got, val) != 0)
                    FAILF("\n    %s: %s=[%s], want [%s]", head, key, got, val);
            } else if (!strcmp(key, "lemma")) {
                const char *l = g->lemma ? dy_intern_str(&ctx->words, g->lemma) : "";
                if (strcmp(l, val) != 0)
                    FAILF("\n    %s: lemma=%s, want %s", head, l, val);
            } else if (!strcmp(key, "tense")) {
                static const char *const tn[] = {"-", "present", "past", "future"};
                if (strcmp(tn[g->tense & 3], val) != 0)
                    FAILF("\n    %s: tense=%s, want %s", head, tn[g->tense & 3], val);
            } else if (!strcmp(key, "flags") || !strcmp(key, "noflags")) {
                int want = !strcmp(key, "flags");
                char *q = val;
                while (*q) {
                    char *c = strchr(q, ',');
                    size_t n = c ? (size_t)(c - q) : strlen(q);
                    uint32_t b = flag_bit(q, n);
                    if (!b)
                        FAILF("\n    unknown flag %.*s", (int)n, q);
                    else if (!!(g->flags & b) != want)
                        FAILF("\n    %s: flag %.*s %s", head, (int)n, q, want ? "missing" : "set");
                    q += n + (c ? 1 : 0);
                }
            } else if (!strcmp(key, "parent") || !strcmp(key, "xcomp") || !strcmp(key, "conj")) {
                int32_t w = !strcmp(key, "parent") ? g->parent : !strcmp(key, "xcomp") ? g->xcomp
                                                                                       : g->conj;
                vg_head_text(a, w, got, sizeof got);
                if (strcmp(got, val) != 0)
                    FAILF("\n    %s: %s=%s, want %s", head, key, got, val);
            } else {
                /* a preposition */
                int found = 0;
                for (uint32_t q = g->pp_first; q < g->pp_first + g->npp && !found; q++) {
                    const dy_pp *pp = &a->syn.pp[q];
                    if (!tok_text_is(a, pp->prep, key, strlen(key)))
                        continue;
                    np_text(a, pp->np, got, sizeof got);
                    found = strcmp(got, val) == 0;
                }
                if (!found)
                    FAILF("\n    %s: no %s=[%s]", head, key, val);
            }
        }
    }
#undef FAILF
    return fails;
}

/* Run one data file; prints PASS/FAIL per case; returns the failures. */
static int run_file(const char *path, int *ncases)
{
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf) {
        printf("FAIL syntax/%s: cannot read\n", path);
        return 1;
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    int fails = 0;
    char *p = buf;
    while (p && *p) {
        char *c = strstr(p, "== ");
        if (!c)
            break;
        if (c != buf && c[-1] != '\n') {
            p = c + 3;
            continue;
        }
        char *nl = strchr(c, '\n');
        if (!nl)
            break;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(nl - c - 3), c + 3);
        int line0 = 1;
        for (char *q = buf; q < c; q++)
            line0 += *q == '\n';
        /* sentence lines until an expectation line */
        dy_buf text = {0};
        char *q = nl + 1;
        char *exp0 = NULL;
        while (*q) {
            char *e = strchr(q, '\n');
            size_t n = e ? (size_t)(e - q) : strlen(q);
            if (n == 0 || q[0] == '#') {
                q = e ? e + 1 : q + n;
                continue;
            }
            if (!strncmp(q, "tags:", 5) || !strncmp(q, "np:", 3) || !strncmp(q, "vg:", 3) ||
                !strncmp(q, "lemma:", 6) || !strncmp(q, "names:", 6) || !strncmp(q, "== ", 3))
                break;
            if (text.len)
                dy_buf_ch(&text, ' ');
            dy_buf_add(&text, q, n);
            q = e ? e + 1 : q + n;
        }
        exp0 = q;
        ana a;
        char msg[4096] = "";
        int f = 0;
        if (analyse(&a, text.p ? text.p : "")) {
            snprintf(msg, sizeof msg, " analysis failed");
            f = 1;
        } else {
            while (*q && strncmp(q, "== ", 3) != 0) {
                char *e = strchr(q, '\n');
                size_t n = e ? (size_t)(e - q) : strlen(q);
                char line[2048];
                snprintf(line, sizeof line, "%.*s", (int)n, q);
                if (line[0] != '#')
                    f += check_line(&a, line, msg, sizeof msg);
                q = e ? e + 1 : q + n;
            }
        }
        (void)exp0;
        (*ncases)++;
        if (f) {
            printf("FAIL syntax/%s:%d %s%s\n", base, line0, name, msg);
            fails++;
        } else {
            printf("PASS syntax/%s:%d %s\n", base, line0, name);
        }
        ana_free(&a);
        dy_buf_free(&text);
        p = q;
    }
    dy_free(buf);
    return fails;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, int *ncases)
{
    DIR *d = opendir(dir);
    if (!d) {
        printf("FAIL syntax: no directory %s\n", dir);
        return 1;
    }
    char *names[256];
    int nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nn < 256) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0)
            names[nn++] = dy_strndup(e->d_name, l);
    }
    closedir(d);
    qsort(names, (size_t)nn, sizeof names[0], cmp_str);
    int fails = 0;
    for (int i = 0; i < nn; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        fails += run_file(path, ncases);
        dy_free(names[i]);
    }
    return fails;
}

/* ---- unit tests ---- */

static void test_tag_names(void **state)
{
    (void)state;
    for (int t = 1; t < T_COUNT; t++) {
        const char *n = dy_tag_name(t);
        assert_int_equal(dy_tag_from_name(n, strlen(n)), t);
    }
    assert_string_equal(dy_tag_name(T_PRPS), "PRP$");
    assert_int_equal(dy_tag_from_name("(", 1), T_LRB);
    assert_int_equal(dy_tag_from_name("XX", 2), T_NONE);
    assert_string_equal(dy_tag_name(-1), "NONE");
    assert_string_equal(dy_tag_name(T_COUNT), "NONE");
}

static void expect_lemma(const char *w, int pos, const char *want)
{
    uint32_t id = dy_lemma(ctx, w, strlen(w), pos);
    const char *got = id ? dy_intern_str(&ctx->words, id) : "(none)";
    if (strcmp(got, want) != 0)
        fail_msg("lemma(%s, %c) = %s, want %s", w, pos, got, want);
}

static void test_lemmas(void **state)
{
    (void)state;
    expect_lemma("captured", 'v', "capture");
    expect_lemma("capturing", 'v', "capture");
    expect_lemma("met", 'v', "meet");
    expect_lemma("said", 'v', "say");
    expect_lemma("was", 'v', "be");
    expect_lemma("has", 'v', "have");
    expect_lemma("stopped", 'v', "stop");
    expect_lemma("denies", 'v', "deny");
    expect_lemma("attacks", 'v', "attack");
    expect_lemma("Attacked", 'v', "attack");
    expect_lemma("troops", 'n', "troop");
    expect_lemma("men", 'n', "man");
    expect_lemma("countries", 'n', "country");
    expect_lemma("forces", 'n', "force");
    expect_lemma("children", 'n', "child");
    expect_lemma("talks", 'n', "talk");
    /* a base form is its own lemma */
    expect_lemma("attack", 'v', "attack");
    expect_lemma("glass", 'n', "glass");
    assert_int_equal(dy_lemma(ctx, "", 0, 'v'), 0);
}

static void test_tagger_basic(void **state)
{
    (void)state;
    ana a;
    assert_int_equal(analyse(&a, "The rebels attacked the town on Monday."), 0);
    const char *want[] = {"DT", "NNS", "VBD", "DT", "NN", "IN", "NNP", "."};
    assert_int_equal(a.t.ntok, 8);
    for (int i = 0; i < 8; i++)
        assert_string_equal(tag_of(&a, (uint32_t)i), want[i]);
    assert_string_equal(lemma_str(&a, 1), "rebel");
    assert_string_equal(lemma_str(&a, 2), "attack");
    ana_free(&a);
}

static void test_tagger_unknown_words(void **state)
{
    (void)state;
    ana a;
    /* invented words: shape and suffix decide */
    assert_int_equal(analyse(&a, "Officials in Zarvonia said the glorbical envoys were "
                                 "quietly snarfing documents."), 0);
    for (size_t i = 0; i < a.t.ntok; i++) {
        if (tok_text_is(&a, (uint32_t)i, "Zarvonia", 8))
            assert_string_equal(tag_of(&a, (uint32_t)i), "NNP");
        if (tok_text_is(&a, (uint32_t)i, "glorbical", 9))
            assert_string_equal(tag_of(&a, (uint32_t)i), "JJ");
        if (tok_text_is(&a, (uint32_t)i, "quietly", 7))
            assert_string_equal(tag_of(&a, (uint32_t)i), "RB");
        if (tok_text_is(&a, (uint32_t)i, "snarfing", 8))
            assert_string_equal(tag_of(&a, (uint32_t)i), "VBG");
    }
    ana_free(&a);
}

static void test_empty_and_odd_input(void **state)
{
    (void)state;
    ana a;
    assert_int_equal(analyse(&a, ""), 0);
    assert_int_equal(a.syn.nvg, 0);
    ana_free(&a);
    assert_int_equal(analyse(&a, ", , ; \" ( ) -- ..."), 0);
    ana_free(&a);
    /* a very long sentence is tagged in windows */
    dy_buf b = {0};
    for (int i = 0; i < 400; i++)
        dy_buf_str(&b, "the army attacked the town and ");
    dy_buf_str(&b, "left.");
    assert_int_equal(analyse(&a, b.p), 0);
    size_t nv = 0;
    for (size_t i = 0; i < a.t.ntok; i++)
        if (tok_text_is(&a, (uint32_t)i, "attacked", 8) && a.t.tok[i].tag == T_VBD)
            nv++;
    assert_true(nv > 390);
    ana_free(&a);
    dy_buf_free(&b);
}

static void test_reuse_syn(void **state)
{
    (void)state;
    /* dy_parse on a reused dy_syn starts from scratch */
    ana a;
    assert_int_equal(analyse(&a, "Moscow condemned the strike."), 0);
    size_t nvg = a.syn.nvg;
    assert_int_equal(dy_parse(ctx, &a.t, &a.syn), 0);
    assert_int_equal(a.syn.nvg, nvg);
    assert_int_equal(a.syn.sent_vg[1] - a.syn.sent_vg[0], nvg);
    ana_free(&a);
}

static void test_print(void **state)
{
    (void)state;
    ana a;
    assert_int_equal(analyse(&a, "Rebels were attacked by the army."), 0);
    dy_buf out = {0};
    assert_int_equal(dy_syn_print(ctx, &a.t, &a.syn, &out), 0);
    assert_non_null(strstr(out.p, "attacked/VBN=attack"));
    assert_non_null(strstr(out.p, "PASSIVE"));
    assert_non_null(strstr(out.p, "agent=[the army]"));
    dy_buf_free(&out);
    ana_free(&a);
}

static void test_degraded_mode(void **state)
{
    (void)state;
    /* without the lexicon, the trigram file and WordNet the stage still works:
     * closed-class words, suffix rules and shape */
    dyad_opts o;
    memset(&o, 0, sizeof o);
    o.poslex_path = "/nonexistent/dir/poslex";
    o.wordnet_dir = "/nonexistent/dir";
    dyad_ctx *d = NULL;
    char err[512] = "";
    assert_int_equal(dyad_ctx_new_opts(&o, &d, err, sizeof err), DYAD_OK);
    assert_int_equal(d->lex.degraded, 1);
    dyad_ctx *keep = ctx;
    ctx = d;
    ana a;
    assert_int_equal(analyse(&a, "The rebels will attack the town of Kelmar."), 0);
    assert_string_equal(tag_of(&a, 0), "DT");
    assert_string_equal(tag_of(&a, 2), "MD");
    assert_string_equal(tag_of(&a, 3), "VB");
    assert_string_equal(tag_of(&a, 6), "IN");
    assert_string_equal(tag_of(&a, 7), "NNP");
    int32_t v = find_vg(&a, "attack", 6, 1);
    assert_true(v >= 0);
    char got[128];
    np_text(&a, a.syn.vg[v].subj, got, sizeof got);
    assert_string_equal(got, "The rebels");
    ana_free(&a);
    ctx = keep;
    dyad_ctx_free(d);
}

static int lexicon_has(const char *w, const char *state)
{
    const struct dy_tagger *tg = ctx->lex.tagger;
    uint32_t id = dy_word_find(ctx, w, strlen(w));
    if (!id || id >= tg->nids)
        return 0;
    for (uint32_t e = tg->lex_off[id]; e < tg->lex_off[id + 1]; e++)
        if (strcmp(tg->name[tg->ent[e].st], state) == 0)
            return 1;
    return 0;
}

static void test_lexicon_augmented(void **state)
{
    (void)state;
    /* festival has "matches" only as vbz, "arrested" only as vbn, "bail"
     * only as vb: WordNet and the morphy rules add the missing readings */
    assert_true(lexicon_has("matches", "vbz"));
    assert_true(lexicon_has("matches", "nns"));
    assert_true(lexicon_has("arrested", "vbd"));
    assert_true(lexicon_has("bail", "nn"));
    /* but no verb readings for nouns (after "to" they would win too easily) */
    assert_false(lexicon_has("budget", "vb"));
    /* grammar words get nothing */
    assert_false(lexicon_has("of", "nn"));
}

/* A data directory whose entries link to the shipped ones, except syntax/,
 * whose wordclasses.txt gets `classes` (NULL: no file). */
static int make_data_dir(char *dir, size_t cap, const char *classes)
{
    snprintf(dir, cap, "%s/dyad-syntax-test.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        return -1;
    DIR *d = opendir(DYAD_BUILD_DATA);
    if (!d)
        return -1;
    struct dirent *e;
    char a[4096], b[4096];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "syntax") == 0)
            continue;
        snprintf(a, sizeof a, "%s/%s", DYAD_BUILD_DATA, e->d_name);
        snprintf(b, sizeof b, "%s/%s", dir, e->d_name);
        if (symlink(a, b)) {
            closedir(d);
            return -1;
        }
    }
    closedir(d);
    snprintf(b, sizeof b, "%s/syntax", dir);
    if (mkdir(b, 0777))
        return -1;
    if (classes) {
        snprintf(b, sizeof b, "%s/syntax/wordclasses.txt", dir);
        FILE *f = fopen(b, "w");
        if (!f)
            return -1;
        fputs(classes, f);
        fclose(f);
    }
    return 0;
}

static void rm_data_dir(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_wordclasses_file(void **state)
{
    (void)state;
    /* the shipped classes are loaded from data/syntax/wordclasses.txt */
    const struct dy_tagger *tg = ctx->lex.tagger;
    assert_true(tg_wclass(tg, dy_word_find(ctx, "say", 3)) & WC_SPEECH);
    assert_true(tg_wclass(tg, dy_word_find(ctx, "persuade", 8)) & WC_OBJCTL);
    assert_true(tg_wclass(tg, dy_word_find(ctx, "were", 4)) & WC_BE);
    char dir[1024], err[512] = "";
    dyad_ctx *d = NULL;
    /* a file of its own: classes, comments, blank lines, a class on two lines */
    assert_int_equal(make_data_dir(dir, sizeof dir, "# test\n\nspeech: blurt\n  speech:  mutter\t\n"
                                                     "be: is was\n"), 0);
    assert_int_equal(dyad_ctx_new(dir, &d, err, sizeof err), DYAD_OK);
    tg = d->lex.tagger;
    assert_true(tg_wclass(tg, dy_word_find(d, "blurt", 5)) & WC_SPEECH);
    assert_true(tg_wclass(tg, dy_word_find(d, "mutter", 6)) & WC_SPEECH);
    assert_false(tg_wclass(tg, dy_word_find(d, "say", 3)) & WC_SPEECH);
    dyad_ctx_free(d);
    d = NULL;
    rm_data_dir(dir);
    /* an unknown class is an error with the file and line */
    assert_int_equal(make_data_dir(dir, sizeof dir, "speech: say\n# c\nverbz: go\n"), 0);
    assert_int_equal(dyad_ctx_new(dir, &d, err, sizeof err), DYAD_EDATA);
    assert_null(d);
    assert_non_null(strstr(err, "wordclasses.txt:3: unknown word class 'verbz'"));
    rm_data_dir(dir);
    assert_int_equal(make_data_dir(dir, sizeof dir, "speech say tell\n"), 0);
    assert_int_equal(dyad_ctx_new(dir, &d, err, sizeof err), DYAD_EDATA);
    assert_non_null(strstr(err, "wordclasses.txt:1: expected 'class: words'"));
    rm_data_dir(dir);
    /* no file: degraded, the analysis still runs */
    assert_int_equal(make_data_dir(dir, sizeof dir, NULL), 0);
    assert_int_equal(dyad_ctx_new(dir, &d, err, sizeof err), DYAD_OK);
    assert_int_equal(d->lex.degraded, 1);
    dyad_ctx *keep = ctx;
    ctx = d;
    ana a;
    assert_int_equal(analyse(&a, "The minister said the army attacked the town."), 0);
    assert_true(a.syn.nvg >= 1);
    ana_free(&a);
    ctx = keep;
    dyad_ctx_free(d);
    rm_data_dir(dir);
}

static void test_data_files(void **state)
{
    (void)state;
    int n = 0;
    int f = run_dir("tests/syntax", &n);
    assert_true(n > 0);
    assert_int_equal(f, 0);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--data") == 0) {
        if (setup(NULL))
            return 2;
        int n = 0;
        int f = run_dir(argv[2], &n);
        teardown(NULL);
        printf("syntax: %d cases, %d failed\n", n, f);
        return f ? 1 : 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tag_names),       cmocka_unit_test(test_lemmas),
        cmocka_unit_test(test_tagger_basic),    cmocka_unit_test(test_tagger_unknown_words),
        cmocka_unit_test(test_empty_and_odd_input), cmocka_unit_test(test_reuse_syn),
        cmocka_unit_test(test_print),           cmocka_unit_test(test_degraded_mode),
        cmocka_unit_test(test_wordclasses_file), cmocka_unit_test(test_lexicon_augmented),
        cmocka_unit_test(test_data_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
