/* test_export.c - unit tests of the exports (src/output/export.c, codes.c):
 * GDELT rows written from hand-made event rows (columns, types, actor code
 * split, ActionGeo from the event's place, FIPS codes), CSV quoting, PLOVER
 * records, and the event store on a scratch file without coding anything. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "output/export.h"

static dyad_event_row sample(void)
{
    dyad_event_row r;
    memset(&r, 0, sizeof r);
    r.event_id = 42;
    r.doc_id = "doc-1";
    strcpy(r.doc_date, "2024-02-18");
    strcpy(r.day, "2024-02-18");
    r.date = "2024-02-18";
    r.url = "https://news.example/a";
    r.outlet = "Example";
    r.index = 0;
    r.sentence = 0;
    r.code = "0251";
    r.root = "02";
    r.quad_class = 1;
    r.goldstein = 3.4;
    r.source_text = "Russian\tgovernment";
    r.source_code = "RUSGOV";
    r.target_text = "Catholic rebels";
    r.target_code = "UKRREBCTH";
    r.trigger = "appealed, \"loudly\"";
    r.plover_event = "DEMAND";
    r.plover_mode = "";
    r.plover_context = "diplomatic";
    r.location = "Kharkiv";
    r.loc_country = "UKR";
    r.loc_adm1 = "UA-63";
    r.loc_feature = "city";
    r.lat = 49.9935;
    r.lon = 36.2304;
    r.mentions = 3;
    r.sources = 2;
    r.articles = 2;
    strcpy(r.added, "20240218120000");
    return r;
}

/* Cut a tab-separated line into its cells (in place). */
static int cells(char *line, char **out, int max)
{
    int n = 0;
    char *s = line;
    for (;;) {
        char *t = strpbrk(s, "\t\n");
        if (n < max)
            out[n] = s;
        n++;
        if (!t || *t == '\n') {
            if (t)
                *t = 0;
            break;
        }
        *t = 0;
        s = t + 1;
    }
    return n;
}

static void test_gdelt_row(void **state)
{
    (void)state;
    dyad_event_row r = sample();
    size_t len = 0, cap = 0;
    char *buf = dyad_event_row_format(&r, DYAD_FMT_GDELT, NULL, &len, &cap);
    assert_non_null(buf);
    assert_int_equal(buf[len - 1], '\n');
    char *c[80];
    assert_int_equal(cells(buf, c, 80), 61);
    assert_string_equal(c[0], "42");
    assert_string_equal(c[1], "20240218");
    assert_string_equal(c[2], "202402");
    assert_string_equal(c[3], "2024");
    assert_string_equal(c[4], "2024.2137");        /* (2 * 30 + 18) / 365 */
    assert_string_equal(c[5], "RUSGOV");
    assert_string_equal(c[6], "RUSSIAN GOVERNMENT"); /* tab became a space */
    assert_string_equal(c[7], "RUS");
    assert_string_equal(c[12], "GOV");
    assert_string_equal(c[15], "UKRREBCTH");
    assert_string_equal(c[17], "UKR");
    assert_string_equal(c[20], "CTH");               /* Actor2Religion1Code */
    assert_string_equal(c[22], "REB");               /* Actor2Type1Code */
    assert_string_equal(c[25], "1");                 /* IsRootEvent */
    assert_string_equal(c[26], "0251");
    assert_string_equal(c[27], "025");
    assert_string_equal(c[28], "02");
    assert_string_equal(c[29], "1");
    assert_string_equal(c[30], "3.4");
    assert_string_equal(c[31], "3");
    assert_string_equal(c[32], "2");
    assert_string_equal(c[33], "2");
    assert_string_equal(c[35], "0");                 /* Actor1Geo_Type */
    assert_string_equal(c[43], "0");                 /* Actor2Geo_Type */
    assert_string_equal(c[51], "4");                 /* a city outside the US */
    assert_string_equal(c[52], "Kharkiv");
    assert_string_equal(c[53], "UP");                /* FIPS 10-4 of Ukraine */
    assert_string_equal(c[56], "49.9935");
    assert_string_equal(c[57], "36.2304");
    assert_string_equal(c[59], "20240218120000");
    assert_string_equal(c[60], "https://news.example/a");
    free(buf);

    /* no place, no target, no url, a US state */
    r.location = NULL;
    r.target_code = r.target_text = "";
    r.url = NULL;
    r.sentence = 2;
    len = cap = 0;
    buf = dyad_event_row_format(&r, DYAD_FMT_GDELT, NULL, &len, &cap);
    assert_int_equal(cells(buf, c, 80), 61);
    assert_string_equal(c[15], "");
    assert_string_equal(c[25], "0");
    assert_string_equal(c[51], "0");
    assert_string_equal(c[60], "doc-1");
    free(buf);
    r = sample();
    r.loc_country = "USA";
    r.loc_adm1 = "US-TX";
    r.loc_feature = "adm1";
    r.location = "Texas";
    len = cap = 0;
    buf = dyad_event_row_format(&r, DYAD_FMT_GDELT, NULL, &len, &cap);
    assert_int_equal(cells(buf, c, 80), 61);
    assert_string_equal(c[51], "2");
    assert_string_equal(c[53], "US");
    assert_string_equal(c[54], "USTX");
    free(buf);
}

static void test_header(void **state)
{
    (void)state;
    char h[2048];
    snprintf(h, sizeof h, "%s", dyad_export_header(DYAD_FMT_GDELT));
    char *c[80];
    assert_int_equal(cells(h, c, 80), 61);
    assert_string_equal(c[0], "GLOBALEVENTID");
    assert_string_equal(c[51], "ActionGeo_Type");
    assert_string_equal(c[60], "SOURCEURL");
    assert_non_null(strstr(dyad_export_header(DYAD_FMT_CSV), "doc_id,"));
    assert_null(dyad_export_header(DYAD_FMT_DOC));
}

static void test_split(void **state)
{
    (void)state;
    ex_actor_parts p;
    ex_split_actor("IGOWSTNAT", &p);
    assert_string_equal(p.type[0], "IGO");
    assert_string_equal(p.country, "WST");
    assert_string_equal(p.group, "NAT");
    ex_split_actor("NGOHRIAMN", &p);
    assert_string_equal(p.type[0], "NGO");
    assert_string_equal(p.type[1], "HRI");
    assert_string_equal(p.group, "AMN");
    assert_string_equal(p.country, "");
    ex_split_actor("USAGOVMIL", &p);
    assert_string_equal(p.country, "USA");
    assert_string_equal(p.type[1], "MIL");
    ex_split_actor("SHN", &p);   /* Saint Helena, not the Shinto religion code */
    assert_string_equal(p.country, "SHN");
    assert_string_equal(ex_fips("GBR"), "UK");
    assert_string_equal(ex_fips("DEU"), "GM");
    assert_string_equal(ex_fips("EUR"), "");
    assert_null(ex_fips("XYZ"));
}

static void test_csv_plover(void **state)
{
    (void)state;
    dyad_event_row r = sample();
    size_t len = 0, cap = 0;
    char *buf = dyad_event_row_format(&r, DYAD_FMT_CSV, NULL, &len, &cap);
    assert_non_null(buf);
    assert_non_null(strstr(buf, ",\"appealed, \"\"loudly\"\"\","));
    assert_int_equal(buf[len - 1], '\n');
    len = 0;
    buf = dyad_event_row_format(&r, DYAD_FMT_PLOVER, buf, &len, &cap);
    assert_non_null(strstr(buf, "\"id\":\"doc-1-0\""));
    assert_non_null(strstr(buf, "\"event\":[\"DEMAND\"]"));
    assert_non_null(strstr(buf, "\"mode\":[]"));
    assert_non_null(strstr(buf, "\"context\":[\"diplomatic\"]"));
    assert_non_null(strstr(buf, "\"actor\":[{\"code\":\"RUS\",\"sector\":\"GOV\""));
    assert_non_null(strstr(buf, "\"country_code\":\"UKR\""));
    /* no PLOVER category: no record */
    r.plover_event = "";
    len = 0;
    buf = dyad_event_row_format(&r, DYAD_FMT_PLOVER, buf, &len, &cap);
    assert_non_null(buf);
    assert_int_equal(len, 0);
    free(buf);
}

static int count_cb(void *user, const dyad_event_row *r)
{
    (void)r;
    ++*(int *)user;
    return 0;
}

/* The store opens, loads its schema, answers empty queries and refuses bad
 * filters, without any coded document. */
static void test_store_empty(void **state)
{
    (void)state;
    char path[] = "/tmp/dyad-test-store-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    dyad_store *st = NULL;
    char err[512];
    assert_int_equal(dyad_store_open(path, DYAD_BUILD_DATA, 0, &st, err, sizeof err), DYAD_OK);
    dyad_store_stats s;
    assert_int_equal(dyad_store_get_stats(st, &s), DYAD_OK);
    assert_int_equal(s.documents, 0);
    assert_string_equal(s.first_day, "");
    int n = 0;
    dyad_filter f;
    memset(&f, 0, sizeof f);
    assert_int_equal(dyad_store_events(st, &f, count_cb, &n), DYAD_OK);
    assert_int_equal(n, 0);
    f.from = "2024-1-1";
    assert_int_equal(dyad_store_events(st, &f, count_cb, &n), DYAD_EINVAL);
    f.from = NULL;
    f.quad_class = 7;
    assert_int_equal(dyad_store_events(st, &f, count_cb, &n), DYAD_EINVAL);
    assert_int_equal(dyad_store_has(st, "nothing"), DYAD_ENOTFOUND);
    assert_int_equal(dyad_store_delete(st, "nothing"), DYAD_ENOTFOUND);
    dyad_doc *doc = dyad_doc_new();
    dyad_doc_meta m = {"x", NULL, NULL, NULL, NULL};
    assert_int_equal(dyad_store_put(st, doc, &m), DYAD_EINVAL);   /* never coded */
    dyad_doc_free(doc);
    unsigned by;
    assert_int_equal(dyad_group_parse("dyad,day", &by), DYAD_OK);
    assert_int_equal(by, DYAD_BY_DYAD | DYAD_BY_DAY);
    assert_int_equal(dyad_group_parse("day,month", &by), DYAD_EINVAL);
    assert_int_equal(dyad_group_parse("dyad,weekday", &by), DYAD_EINVAL);
    dyad_store_close(st);
    /* read-only opening of a store that exists */
    assert_int_equal(dyad_store_open(path, NULL, DYAD_STORE_READONLY, &st, err, sizeof err), DYAD_OK);
    dyad_store_close(st);
    close(fd);
    unlink(path);
    char side[sizeof path + 8];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gdelt_row),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_csv_plover),
        cmocka_unit_test(test_store_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
