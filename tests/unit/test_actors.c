/* test_actors.c - unit tests of the actor dictionary loader (src/actors/dict.c):
 * malformed lines stop the load with an error naming file and line, the case
 * rule, duplicates and overlapping dates reported by the check, dated codes
 * chosen by the document date, tags and descriptions. Each test builds a
 * data directory of its own: links to the shipped tables, and an actors/
 * directory with the lines under test. */
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

#include "dyad.h"

static char tmpdir[256];

static void rm_rf_actors(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/actors", tmpdir);
    DIR *d = opendir(p);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)))
            if (e->d_name[0] != '.') {
                char f[1024];
                snprintf(f, sizeof f, "%s/%s", p, e->d_name);
                unlink(f);
            }
        closedir(d);
        rmdir(p);
    }
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "%s/dyad-test-actors.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir))
        return -1;
    DIR *d = opendir(DYAD_BUILD_DATA);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "actors"))
            continue;
        char from[1024], to[1024];
        snprintf(from, sizeof from, "%s/%s", DYAD_BUILD_DATA, e->d_name);
        snprintf(to, sizeof to, "%s/%s", tmpdir, e->d_name);
        if (symlink(from, to))
            return -1;
    }
    closedir(d);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf_actors();
    DIR *d = opendir(tmpdir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)))
            if (e->d_name[0] != '.') {
                char f[1024];
                snprintf(f, sizeof f, "%s/%s", tmpdir, e->d_name);
                unlink(f);
            }
        closedir(d);
    }
    rmdir(tmpdir);
    return 0;
}

/* Replace the actors directory by one file NAME holding TEXT. */
static void write_actors(const char *name, const char *text)
{
    rm_rf_actors();
    char p[1024];
    snprintf(p, sizeof p, "%s/actors", tmpdir);
    assert_int_equal(mkdir(p, 0777), 0);
    snprintf(p, sizeof p, "%s/actors/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static dyad_err load(dyad_ctx **ctx, char *err, size_t n)
{
    return dyad_ctx_new(tmpdir, ctx, err, n);
}

/* The code of the first actor mention whose text is exactly `text`, or NULL. */
static const char *code_of(dyad_doc *doc, const char *text)
{
    for (size_t i = 0; i < dyad_doc_actor_count(doc); i++) {
        dyad_actor_info a;
        assert_int_equal(dyad_doc_actor(doc, i, &a), DYAD_OK);
        if (!strcmp(a.text, text))
            return a.code;
    }
    return NULL;
}

static void expect_load_error(const char *file, const char *text, const char *want)
{
    write_actors(file, text);
    dyad_ctx *ctx = NULL;
    char err[512] = "";
    assert_int_equal(load(&ctx, err, sizeof err), DYAD_EDATA);
    assert_null(ctx);
    if (!strstr(err, want)) {
        fprintf(stderr, "error was: %s\nwanted:    %s\n", err, want);
        fail();
    }
}

static void test_bad_lines(void **state)
{
    (void)state;
    expect_load_error("a.txt", "Freedonia => FRD\n\nSylvania => syl\n",
                      "actors/a.txt:3: bad code 'syl'");
    expect_load_error("b.txt", "# comment\nFreedonia FRD\n", "actors/b.txt:2: expected 'PHRASE");
    expect_load_error("c.txt", "Freedonia => FRDG\n", "actors/c.txt:1: bad code 'FRDG'");
    expect_load_error("d.txt", "Rufus Firefly => FRD ; FRDGOV 1933-13-01..\n",
                      "actors/d.txt:1: bad date range '1933-13-01..'");
    expect_load_error("e.txt", "Rufus Firefly => FRD ; FRDGOV 1934-01-01..1933-01-01\n",
                      "actors/e.txt:1: bad date range");
    expect_load_error("f.txt", "Freedonia => FRD ; FRA\n", "actors/f.txt:1: two codes without dates");
    expect_load_error("g.txt", "Freedonia | | Fredonia => FRD\n", "actors/g.txt:1: empty phrase");
    expect_load_error("h.txt", "Freedonia =>\n", "actors/h.txt:1: no code after '=>'");
    expect_load_error("i.txt", "%section presidents\n", "actors/i.txt:1: unknown section 'presidents'");
    expect_load_error("j.txt", "%include other.txt\n", "actors/j.txt:1: unknown directive");
    expect_load_error("k.txt", "%section descriptions\nthe land => FRD\n",
                      "actors/k.txt:2: a description needs @tags");
    expect_load_error("l.txt", "Freedonia => FRD ; @Country\n", "actors/l.txt:1: bad tag '@Country'");
    expect_load_error("m.txt", "%section agents\ntroops => MIL 2001-01-01..\n",
                      "actors/m.txt:2: dates are for actors only");
}

static void test_case_rule(void **state)
{
    (void)state;
    write_actors("a.txt", "Turkey => TUR\nUS | U.S. => USA\nNATO => IGOWSTNAT\n"
                          "the bloc => IGOEUREEC\n");
    dyad_ctx *ctx = NULL;
    char err[512] = "";
    assert_int_equal(load(&ctx, err, sizeof err), DYAD_OK);
    dyad_doc *doc = dyad_doc_new();
    const char *t = "Turkey sent us a turkey. The US and NATO met; the Bloc and THE BLOC agreed, "
                    "and Nato too. TURKEY AND NATO SPOKE.";
    assert_int_equal(dyad_code(ctx, doc, t, strlen(t), "2024-01-01"), DYAD_OK);
    /* capitalised dictionary words need a capital */
    assert_string_equal(code_of(doc, "Turkey"), "TUR");
    assert_null(code_of(doc, "turkey"));
    assert_string_equal(code_of(doc, "TURKEY"), "TUR");
    /* two or three capitals need the same capitals */
    assert_string_equal(code_of(doc, "US"), "USA");
    assert_null(code_of(doc, "us"));
    /* longer words written in capitals need a capital first letter */
    assert_string_equal(code_of(doc, "NATO"), "IGOWSTNAT");
    assert_string_equal(code_of(doc, "Nato"), "IGOWSTNAT");
    /* lower-case words match any case */
    assert_string_equal(code_of(doc, "the Bloc"), "IGOEUREEC");
    assert_string_equal(code_of(doc, "THE BLOC"), "IGOEUREEC");
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
}

typedef struct msgs {
    char text[4096];
    size_t n;
} msgs;

static void collect(void *user, const char *file, int line, const char *msg)
{
    msgs *m = user;
    const char *base = strrchr(file, '/');
    size_t l = strlen(m->text);
    snprintf(m->text + l, sizeof m->text - l, "%s:%d: %s\n", base ? base + 1 : file, line, msg);
    m->n++;
}

static void test_duplicates_and_check(void **state)
{
    (void)state;
    write_actors("a.txt", "Freedonia | Freedonian => FRD ; @country\n"
                          "Sylvania | Freedonia => SYL\n"
                          "Fredonia | Fredonia => FRD\n"
                          "Rufus Firefly => FRD ; FRDGOV 1933-01-01..1935-12-31 ; FRDMIL 1935-06-01..\n"
                          "Trentino => SYL ; SYLZZZ 1930-01-01..\n"
                          "%section descriptions\n"
                          "land => @country\n"
                          "realm => @kingdom\n");
    dyad_ctx *ctx = NULL;
    char err[512] = "";
    assert_int_equal(load(&ctx, err, sizeof err), DYAD_OK);
    msgs m;
    memset(&m, 0, sizeof m);
    size_t n = dyad_ctx_check(ctx, collect, &m);
    if (!strstr(m.text, "a.txt:2: duplicate phrase 'Freedonia' (kept by") ||
        !strstr(m.text, "a.txt:3: phrase 'Fredonia' written twice") ||
        !strstr(m.text, "a.txt:4: overlapping date ranges") ||
        !strstr(m.text, "a.txt:5: code 'SYLZZZ': 'ZZZ' is no role") ||
        !strstr(m.text, "a.txt:8: tag '@kingdom' is carried by no actor")) {
        fprintf(stderr, "%s", m.text);
        fail();
    }
    assert_true(n >= 5);
    /* the first entry keeps a duplicated phrase */
    dyad_doc *doc = dyad_doc_new();
    const char *t = "Freedonia protested.";
    assert_int_equal(dyad_code(ctx, doc, t, strlen(t), "2024-01-01"), DYAD_OK);
    assert_string_equal(code_of(doc, "Freedonia"), "FRD");
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
}

/* An agent with no country takes the one state where its sentence happens
 * (here: the police, who act at home), and says so; a counterpart's
 * nationality is no such evidence. */
static void test_located_agents(void **state)
{
    (void)state;
    write_actors("a.txt", "Freedonia | Freedonian => FRD ; @country\n"
                          "Sylvania | Sylvanian => SYL ; @country\n"
                          "%section agents\npolice => COP ; @located\nprotesters => OPP\n"
                          "civilians => CVL\nwarplanes => MIL\n");
    dyad_ctx *ctx = NULL;
    char err[512] = "";
    assert_int_equal(load(&ctx, err, sizeof err), DYAD_OK);
    dyad_doc *doc = dyad_doc_new();
    const char *t = "Freedonian police detained protesters. Sylvanian warplanes bombed civilians.";
    assert_int_equal(dyad_code(ctx, doc, t, strlen(t), "2020-01-01"), DYAD_OK);
    assert_string_equal(code_of(doc, "Freedonian police"), "FRDCOP");
    assert_string_equal(code_of(doc, "protesters"), "FRDOPP");
    assert_string_equal(code_of(doc, "civilians"), "CVL");
    for (size_t i = 0; i < dyad_doc_actor_count(doc); i++) {
        dyad_actor_info a;
        assert_int_equal(dyad_doc_actor(doc, i, &a), DYAD_OK);
        assert_int_equal(a.located, !strcmp(a.text, "protesters"));
    }
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
}

static void test_dated_codes_and_descriptions(void **state)
{
    (void)state;
    write_actors("a.txt", "Freedonia => FRD ; @country\n"
                          "Rufus Firefly | Firefly => FRD ; FRDGOV 1933-01-01..1933-12-31 ; "
                          "FRDMIL 1934-01-01..\n"
                          "%section agents\ntroops => MIL\n"
                          "%section titles\npresident => GOV ; @head\n"
                          "%section descriptions\ncountry => @country\n");
    dyad_ctx *ctx = NULL;
    char err[512] = "";
    assert_int_equal(load(&ctx, err, sizeof err), DYAD_OK);
    dyad_doc *doc = dyad_doc_new();
    const char *t = "Rufus Firefly visited Freedonia. The country's troops paraded.";
    assert_int_equal(dyad_code(ctx, doc, t, strlen(t), "1933-06-01"), DYAD_OK);
    assert_string_equal(code_of(doc, "Rufus Firefly"), "FRDGOV");
    assert_string_equal(code_of(doc, "The country"), "FRD");
    assert_string_equal(code_of(doc, "troops"), "FRDMIL");
    assert_int_equal(dyad_code(ctx, doc, t, strlen(t), "1940-06-01"), DYAD_OK);
    assert_string_equal(code_of(doc, "Rufus Firefly"), "FRDMIL");
    assert_int_equal(dyad_code(ctx, doc, t, strlen(t), "1920-06-01"), DYAD_OK);
    assert_string_equal(code_of(doc, "Rufus Firefly"), "FRD");
    /* the reference of the description is the actor it describes */
    for (size_t i = 0; i < dyad_doc_actor_count(doc); i++) {
        dyad_actor_info a;
        assert_int_equal(dyad_doc_actor(doc, i, &a), DYAD_OK);
        if (!strcmp(a.text, "The country")) {
            assert_non_null(a.ref_text);
            assert_string_equal(a.ref_text, "Freedonia");
        }
    }
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_case_rule),
        cmocka_unit_test(test_duplicates_and_check),
        cmocka_unit_test(test_dated_codes_and_descriptions),
        cmocka_unit_test(test_located_agents),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
