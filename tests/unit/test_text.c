/* test_text.c - unit tests of the text stage: tokenizer, abbreviations,
 * sentence splitter, UTF-8 handling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "text/text.h"

static dy_abbrevs ab;

static int setup(void **state)
{
    (void)state;
    char err[256] = "";
    char path[4096];
    snprintf(path, sizeof path, "%s/abbreviations.txt", DYAD_BUILD_DATA);
    if (dy_abbrevs_load(&ab, path, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return 0;
}
static int teardown(void **state)
{
    (void)state;
    dy_abbrevs_free(&ab);
    return 0;
}

/* Tokenize s and return the tokens' original texts joined by '|'. */
static const char *toks(const char *s, dy_text *t, char *out, size_t n)
{
    memset(t, 0, sizeof *t);
    t->src = s;
    t->len = strlen(s);
    assert_int_equal(dy_tokenize(t, &ab), 0);
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < t->ntok; i++) {
        int w = snprintf(out + o, n - o, "%s%.*s", i ? "|" : "", (int)(t->tok[i].end - t->tok[i].start),
                         s + t->tok[i].start);
        o += (size_t)w;
    }
    return out;
}
static void freet(dy_text *t)
{
    dy_free(t->tok);
    dy_free(t->norm);
    dy_free(t->sent);
}

static void test_words_and_clitics(void **state)
{
    (void)state;
    dy_text t;
    char b[1024];
    assert_string_equal(toks("Kenya's leader doesn't agree, they're told.", &t, b, sizeof b),
                        "Kenya|'s|leader|does|n't|agree|,|they|'re|told|.");
    freet(&t);
    assert_string_equal(toks("The allies' plan can't work", &t, b, sizeof b),
                        "The|allies|'|plan|ca|n't|work");
    freet(&t);
    assert_string_equal(toks("O'Brien met officials in Côte d'Ivoire", &t, b, sizeof b),
                        "O'Brien|met|officials|in|Côte|d'Ivoire");
    freet(&t);
}

static void test_curly_apostrophe(void **state)
{
    (void)state;
    dy_text t;
    char b[1024];
    assert_string_equal(toks("Sudan\xE2\x80\x99s army", &t, b, sizeof b), "Sudan|\xE2\x80\x99s|army");
    assert_string_equal(dy_tok_norm(&t, &t.tok[1]), "'s");
    freet(&t);
}

static void test_abbreviations(void **state)
{
    (void)state;
    dy_text t;
    char b[1024];
    assert_string_equal(toks("U.S. Gen. Ann Lee met U.N. staff at 3 p.m. on Oct. 5.", &t, b, sizeof b),
                        "U.S.|Gen.|Ann|Lee|met|U.N.|staff|at|3|p.m.|on|Oct.|5|.");
    assert_int_equal(t.tok[0].kind, TK_ABBR);
    assert_string_equal(dy_tok_norm(&t, &t.tok[0]), "u.s.");
    freet(&t);
    assert_string_equal(toks("Lt. Col. John F. Smith", &t, b, sizeof b), "Lt.|Col.|John|F.|Smith");
    freet(&t);
}

static void test_numbers_and_compounds(void **state)
{
    (void)state;
    dy_text t;
    char b[1024];
    assert_string_equal(toks("F-16 jets, 3,000 troops, 2.5% and a 32-member bloc", &t, b, sizeof b),
                        "F-16|jets|,|3,000|troops|,|2.5|%|and|a|32-member|bloc");
    freet(&t);
    assert_string_equal(toks("air-defense \xE2\x80\x94 now", &t, b, sizeof b), "air-defense|\xE2\x80\x94|now");
    assert_int_equal(t.tok[1].kind, TK_DASH);
    freet(&t);
}

static void test_quotes(void **state)
{
    (void)state;
    dy_text t;
    char b[1024];
    assert_string_equal(toks("\xE2\x80\x9CWe act,\xE2\x80\x9D he said. \"Now.\"", &t, b, sizeof b),
                        "\xE2\x80\x9C|We|act|,|\xE2\x80\x9D|he|said|.|\"|Now|.|\"");
    assert_true(t.tok[0].flags & TF_OPEN);
    assert_true(t.tok[4].flags & TF_CLOSE);
    assert_true(t.tok[8].flags & TF_OPEN);
    assert_true(t.tok[11].flags & TF_CLOSE);
    freet(&t);
}

static void test_offsets_and_invalid_utf8(void **state)
{
    (void)state;
    dy_text t;
    char b[1024];
    const char *s = "ab\xFF\xFE cd\xC2\xA0" "ef soft\xC2\xADhyphen";
    toks(s, &t, b, sizeof b);
    assert_int_equal(t.invalid, 2);
    /* every token's offsets point into the input */
    for (size_t i = 0; i < t.ntok; i++)
        assert_true(t.tok[i].end <= strlen(s) && t.tok[i].start < t.tok[i].end);
    /* the soft hyphen is invisible in the normalised form */
    assert_string_equal(dy_tok_norm(&t, &t.tok[t.ntok - 1]), "softhyphen");
    freet(&t);
}

static void test_accents_fold(void **state)
{
    (void)state;
    dy_text t;
    char b[256];
    toks("Erdo\xC4\x9F" "an \xC3\x89LYS\xC3\x89" "E", &t, b, sizeof b);
    assert_string_equal(dy_tok_norm(&t, &t.tok[0]), "erdogan");
    assert_string_equal(dy_tok_norm(&t, &t.tok[1]), "elysee");
    assert_true(t.tok[1].flags & TF_ALLCAP);
    freet(&t);
}

/* Lower-casing eight bytes at a time: long words, words that end next to
 * accented letters, the ASCII neighbours of A-Z (@ [ ` {) left alone. */
static void test_long_and_mixed_words(void **state)
{
    (void)state;
    dy_text t;
    char b[512];
    toks("INTERNATIONALISATION MixedCaseWordLongerThanSixteen AB\xC3\x89" "CD "
         "x@Y[z`W{V ABCDEFG\xC3\xA9 Q", &t, b, sizeof b);
    assert_string_equal(b, "INTERNATIONALISATION|MixedCaseWordLongerThanSixteen|AB\xC3\x89" "CD|"
                           "x|@|Y|[|z|`|W|{|V|ABCDEFG\xC3\xA9|Q");
    assert_string_equal(dy_tok_norm(&t, &t.tok[0]), "internationalisation");
    assert_true(t.tok[0].flags & TF_ALLCAP);
    assert_string_equal(dy_tok_norm(&t, &t.tok[1]), "mixedcasewordlongerthansixteen");
    assert_true((t.tok[1].flags & TF_CAP) && !(t.tok[1].flags & TF_ALLCAP));
    assert_string_equal(dy_tok_norm(&t, &t.tok[2]), "abecd");
    assert_true(t.tok[2].flags & TF_ALLCAP);
    assert_string_equal(dy_tok_norm(&t, &t.tok[4]), "@");
    assert_string_equal(dy_tok_norm(&t, &t.tok[6]), "[");
    assert_string_equal(dy_tok_norm(&t, &t.tok[8]), "`");
    assert_string_equal(dy_tok_norm(&t, &t.tok[10]), "{");
    assert_string_equal(dy_tok_norm(&t, &t.tok[12]), "abcdefge");
    assert_string_equal(dy_tok_norm(&t, &t.tok[13]), "q");  /* the text's last byte */
    freet(&t);
}

/* Split s; return the sentences joined by " || ". */
static const char *sents(const char *s, char *out, size_t n)
{
    dy_text t;
    memset(&t, 0, sizeof t);
    t.src = s;
    t.len = strlen(s);
    assert_int_equal(dy_tokenize(&t, &ab), 0);
    assert_int_equal(dy_split(&t, &ab), 0);
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < t.nsent; i++)
        o += (size_t)snprintf(out + o, n - o, "%s%.*s", i ? " || " : "",
                              (int)(t.sent[i].end - t.sent[i].start), s + t.sent[i].start);
    freet(&t);
    return out;
}

static void test_splitter(void **state)
{
    (void)state;
    char b[2048];
    assert_string_equal(sents("The U.S. envoy arrived. She met Gen. Hassan on Monday.", b, sizeof b),
                        "The U.S. envoy arrived. || She met Gen. Hassan on Monday.");
    assert_string_equal(sents("\xE2\x80\x9CWe will stay,\xE2\x80\x9D he said. \xE2\x80\x9CNo retreat.\xE2\x80\x9D", b, sizeof b),
                        "\xE2\x80\x9CWe will stay,\xE2\x80\x9D he said. || \xE2\x80\x9CNo retreat.\xE2\x80\x9D");
    assert_string_equal(sents("\"Is it over?\" she asked. Nobody knew.", b, sizeof b),
                        "\"Is it over?\" she asked. || Nobody knew.");
    assert_string_equal(sents("Talks collapse in Geneva\nDelegates left the city on Friday.", b, sizeof b),
                        "Talks collapse in Geneva || Delegates left the city on Friday.");
    assert_string_equal(sents("Aid reached the U.S. The convoy left later.", b, sizeof b),
                        "Aid reached the U.S. || The convoy left later.");
    assert_string_equal(sents("Troops moved at 5 p.m. on Oct. 3 near the border.", b, sizeof b),
                        "Troops moved at 5 p.m. on Oct. 3 near the border.");
    assert_string_equal(sents("It rose 2.5 percent. Prices fell.", b, sizeof b),
                        "It rose 2.5 percent. || Prices fell.");
    assert_string_equal(sents("\xE2\x80\x9CWe wait,\xE2\x80\x9D he said \xE2\x80\x9CWe need help.\xE2\x80\x9D", b, sizeof b),
                        "\xE2\x80\x9CWe wait,\xE2\x80\x9D he said || \xE2\x80\x9CWe need help.\xE2\x80\x9D");
}

static void test_wrapped_lines(void **state)
{
    (void)state;
    char b[2048];
    const char *s = "The ministers of both countries met in the capital on\n"
                    "Monday and agreed to reopen the border crossing that\n"
                    "was closed last year after clashes between troops of\n"
                    "the two sides. Trade is expected to resume soon.\n";
    assert_string_equal(sents(s, b, sizeof b),
                        "The ministers of both countries met in the capital on\n"
                        "Monday and agreed to reopen the border crossing that\n"
                        "was closed last year after clashes between troops of\n"
                        "the two sides. || Trade is expected to resume soon.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_clitics),
        cmocka_unit_test(test_curly_apostrophe),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_numbers_and_compounds),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_offsets_and_invalid_utf8),
        cmocka_unit_test(test_accents_fold),
        cmocka_unit_test(test_long_and_mixed_words),
        cmocka_unit_test(test_splitter),
        cmocka_unit_test(test_wrapped_lines),
    };
    return cmocka_run_group_tests_name("text", tests, setup, teardown);
}
