/* query.c - `dyad query`: filter, count and export the events of a store.
 *
 * dyad query --db FILE [filters] [--format jsonl|csv|table|gdelt|plover]
 *            [--group-by DIMS] [--unique] [--limit N] [--offset N] [--stats]
 * Events are read through dyad_store_events / dyad_store_group (dyad.h) and
 * written with dyad_event_row_format, so `dyad code --format X` and
 * `dyad query --format X` give the same columns. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void query_usage(FILE *f)
{
    fprintf(f,
            "usage: dyad query --db FILE [filters] [--format jsonl|csv|table|gdelt|plover]\n"
            "                  [--group-by DIMS] [--unique] [--limit N] [--offset N]\n"
            "       dyad query --db FILE --stats\n"
            "filters (codes match by prefix):\n"
            "  --actor CODE      source or target    --source CODE   --target CODE\n"
            "  --code CODE       event code or root  --quad 1..4\n"
            "  --from YYYY-MM-DD --to YYYY-MM-DD     (the event's day, inclusive)\n"
            "  --country ISO3    --place NAME        (the event's location)\n"
            "  --doc ID          --negated yes|no\n"
            "--group-by: comma-separated dyad source target day|month|year code|root quad\n"
            "  country place; gives count, records (GDELT one-a-day events), summed and\n"
            "  mean Goldstein per group (formats jsonl, csv, table).\n"
            "--unique: one row per record (same source, target, code, day); --format gdelt\n"
            "  implies it (use --mentions for every mention). --header adds the column\n"
            "  names to gdelt output (csv always has them).\n");
}

dyad_store *cli_store_open(const char *path, const char *data_dir, int flags)
{
    dyad_store *st = NULL;
    char err[1024];
    dyad_err e = dyad_store_open(path, data_dir, flags, &st, err, sizeof err);
    if (e) {
        fprintf(stderr, "dyad: %s\n", err[0] ? err : dyad_strerror(e));
        return NULL;
    }
    return st;
}

enum { OUT_JSONL, OUT_CSV, OUT_TABLE, OUT_GDELT, OUT_PLOVER };

typedef struct query_st {
    int out;
    char *buf;
    size_t len, cap;
    int failed;
    size_t rows;
} query_st;

/* Table cells: cut to width w (bytes; a cut never splits a UTF-8 sequence). */
static void cell(const char *s, int w)
{
    s = s ? s : "";
    size_t n = strlen(s);
    if (n > (size_t)w) {
        n = (size_t)w;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    fwrite(s, 1, n, stdout);
    for (size_t k = n; k < (size_t)w + 1; k++)
        putchar(' ');
}

static int on_row(void *user, const dyad_event_row *r)
{
    query_st *q = user;
    q->rows++;
    if (q->out == OUT_TABLE) {
        char num[32];
        cell(r->day, 10);
        cell(r->source_code[0] ? r->source_code : "-", 12);
        cell(r->target_code[0] ? r->target_code : "-", 12);
        cell(r->code, 4);
        snprintf(num, sizeof num, "%d", r->quad_class);
        cell(num, 1);
        snprintf(num, sizeof num, "%.1f", r->goldstein);
        cell(num, 5);
        cell(r->trigger, 16);
        cell(r->location ? r->location : "", 14);
        printf("%s\n", r->doc_id ? r->doc_id : "");
        return 0;
    }
    static const dyad_format fmts[] = {[OUT_JSONL] = DYAD_FMT_EVENTS, [OUT_CSV] = DYAD_FMT_CSV,
                                       [OUT_GDELT] = DYAD_FMT_GDELT, [OUT_PLOVER] = DYAD_FMT_PLOVER};
    q->len = 0;
    q->buf = dyad_event_row_format(r, fmts[q->out], q->buf, &q->len, &q->cap);
    if (!q->buf) {
        q->cap = 0;
        q->failed = 1;
        return 1;
    }
    fwrite(q->buf, 1, q->len, stdout);
    return 0;
}

static void json_str(query_st *q, const char *s)
{
    if (!s) {
        fputs("null", stdout);
        return;
    }
    q->len = 0;
    q->buf = dyad_json_string(q->buf, &q->len, &q->cap, s, strlen(s));
    if (!q->buf) {
        q->cap = 0;
        q->failed = 1;
        return;
    }
    fwrite(q->buf, 1, q->len, stdout);
}

static void csv_cell(const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

typedef struct group_st {
    query_st *q;
    unsigned by;
} group_st;

static int on_group(void *user, const dyad_group_row *r)
{
    group_st *g = user;
    query_st *q = g->q;
    unsigned by = g->by;
    const char *vals[7] = {r->source_code, r->target_code, r->period, r->code, NULL, r->country,
                           r->place};
    static const char *names[7] = {"source", "target", "period", "code", "quad", "country", "place"};
    int have[7] = {by & DYAD_BY_SOURCE, by & DYAD_BY_TARGET,
                   by & (DYAD_BY_DAY | DYAD_BY_MONTH | DYAD_BY_YEAR), by & (DYAD_BY_CODE | DYAD_BY_ROOT),
                   by & DYAD_BY_QUAD, by & DYAD_BY_COUNTRY, by & DYAD_BY_PLACE};
    char quad[8];
    snprintf(quad, sizeof quad, "%d", r->quad_class);
    vals[4] = quad;
    q->rows++;
    if (q->out == OUT_JSONL) {
        putchar('{');
        for (int k = 0; k < 7; k++) {
            if (!have[k])
                continue;
            printf("\"%s\":", names[k]);
            if (k == 4)
                fputs(quad, stdout);
            else
                json_str(q, vals[k]);
            putchar(',');
        }
        if (by & DYAD_BY_PLACE)
            printf("\"lat\":%.6g,\"lon\":%.6g,", r->lat, r->lon);
        printf("\"count\":%lld,\"records\":%lld,\"goldstein_sum\":%.6g,\"goldstein_mean\":%.6g}\n",
               (long long)r->count, (long long)r->records, r->goldstein_sum, r->goldstein_mean);
    } else if (q->out == OUT_CSV) {
        for (int k = 0; k < 7; k++)
            if (have[k]) {
                csv_cell(vals[k]);
                putchar(',');
            }
        if (by & DYAD_BY_PLACE)
            printf("%.6g,%.6g,", r->lat, r->lon);
        printf("%lld,%lld,%.6g,%.6g\n", (long long)r->count, (long long)r->records,
               r->goldstein_sum, r->goldstein_mean);
    } else {
        for (int k = 0; k < 7; k++)
            if (have[k])
                cell(vals[k] && vals[k][0] ? vals[k] : "-", k == 6 ? 20 : 12);
        printf("%7lld %7lld %9.1f %6.2f\n", (long long)r->count, (long long)r->records,
               r->goldstein_sum, r->goldstein_mean);
    }
    return q->failed;
}

static void group_header(int out, unsigned by)
{
    static const char *names[7] = {"source", "target", "period", "code", "quad", "country", "place"};
    int have[7] = {by & DYAD_BY_SOURCE, by & DYAD_BY_TARGET,
                   by & (DYAD_BY_DAY | DYAD_BY_MONTH | DYAD_BY_YEAR), by & (DYAD_BY_CODE | DYAD_BY_ROOT),
                   by & DYAD_BY_QUAD, by & DYAD_BY_COUNTRY, by & DYAD_BY_PLACE};
    if (out == OUT_CSV) {
        for (int k = 0; k < 7; k++)
            if (have[k])
                printf("%s,", names[k]);
        if (by & DYAD_BY_PLACE)
            printf("lat,lon,");
        printf("count,records,goldstein_sum,goldstein_mean\n");
    } else if (out == OUT_TABLE) {
        for (int k = 0; k < 7; k++)
            if (have[k])
                cell(names[k], k == 6 ? 20 : 12);
        printf("%7s %7s %9s %6s\n", "count", "records", "goldstein", "mean");
    }
}

static int parse_count(const char *s, int64_t *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end || end == s || v < 0)
        return -1;
    *out = v;
    return 0;
}

static int print_stats(dyad_store *st)
{
    dyad_store_stats s;
    if (dyad_store_get_stats(st, &s)) {
        fprintf(stderr, "dyad: %s\n", dyad_store_errmsg(st));
        return EXIT_DATA;
    }
    printf("{\"documents\":%lld,\"events\":%lld,\"records\":%lld,\"actors\":%lld,\"quotes\":%lld,"
           "\"places\":%lld,\"timex\":%lld,\"first_day\":",
           (long long)s.documents, (long long)s.events, (long long)s.records, (long long)s.actors,
           (long long)s.quotes, (long long)s.places, (long long)s.timex);
    printf(s.first_day[0] ? "\"%s\"" : "null%s", s.first_day);
    printf(",\"last_day\":");
    printf(s.last_day[0] ? "\"%s\"" : "null%s", s.last_day);
    printf("}\n");
    return EXIT_OKAY;
}

int cmd_query(int argc, char **argv)
{
    const char *db = NULL, *group = NULL, *fmt = "jsonl";
    int stats = 0, mentions = 0, header = 0;
    dyad_filter f;
    memset(&f, 0, sizeof f);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot = NULL;
        if (!strcmp(a, "--db"))
            slot = &db;
        else if (!strcmp(a, "--actor"))
            slot = &f.actor;
        else if (!strcmp(a, "--source"))
            slot = &f.source;
        else if (!strcmp(a, "--target"))
            slot = &f.target;
        else if (!strcmp(a, "--code"))
            slot = &f.code;
        else if (!strcmp(a, "--from"))
            slot = &f.from;
        else if (!strcmp(a, "--to"))
            slot = &f.to;
        else if (!strcmp(a, "--country"))
            slot = &f.country;
        else if (!strcmp(a, "--place"))
            slot = &f.place;
        else if (!strcmp(a, "--doc"))
            slot = &f.doc_id;
        else if (!strcmp(a, "--format"))
            slot = &fmt;
        else if (!strcmp(a, "--group-by"))
            slot = &group;
        if (slot) {
            if (!v) {
                fprintf(stderr, "dyad: %s needs a value\n", a);
                goto usage;
            }
            *slot = v;
            i++;
            continue;
        }
        if (!strcmp(a, "--quad") && v) {
            i++;
            if (strlen(v) != 1 || v[0] < '1' || v[0] > '4') {
                fprintf(stderr, "dyad: --quad wants 1, 2, 3 or 4\n");
                goto usage;
            }
            f.quad_class = v[0] - '0';
        } else if (!strcmp(a, "--negated") && v) {
            i++;
            if (!strcmp(v, "yes"))
                f.negated = 1;
            else if (!strcmp(v, "no"))
                f.negated = -1;
            else {
                fprintf(stderr, "dyad: --negated wants yes or no\n");
                goto usage;
            }
        } else if ((!strcmp(a, "--limit") || !strcmp(a, "--offset")) && v) {
            i++;
            if (parse_count(v, a[2] == 'l' ? &f.limit : &f.offset)) {
                fprintf(stderr, "dyad: %s wants a number\n", a);
                goto usage;
            }
        } else if (!strcmp(a, "--unique"))
            f.unique = 1;
        else if (!strcmp(a, "--mentions"))
            mentions = 1;
        else if (!strcmp(a, "--header"))
            header = 1;
        else if (!strcmp(a, "--stats"))
            stats = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            query_usage(stdout);
            return EXIT_OKAY;
        } else {
            fprintf(stderr, "dyad: unknown option or missing value '%s'\n", a);
            goto usage;
        }
    }
    if (!db) {
        fprintf(stderr, "dyad: query needs --db FILE\n");
        goto usage;
    }
    int out;
    if (!strcmp(fmt, "jsonl") || !strcmp(fmt, "json"))
        out = OUT_JSONL;
    else if (!strcmp(fmt, "csv"))
        out = OUT_CSV;
    else if (!strcmp(fmt, "table"))
        out = OUT_TABLE;
    else if (!strcmp(fmt, "gdelt"))
        out = OUT_GDELT;
    else if (!strcmp(fmt, "plover"))
        out = OUT_PLOVER;
    else {
        fprintf(stderr, "dyad: unknown format '%s' (jsonl, csv, table, gdelt, plover)\n", fmt);
        goto usage;
    }
    unsigned by = 0;
    if (group) {
        if (dyad_group_parse(group, &by)) {
            fprintf(stderr, "dyad: bad --group-by '%s'\n", group);
            goto usage;
        }
        if (out == OUT_GDELT || out == OUT_PLOVER) {
            fprintf(stderr, "dyad: --group-by writes jsonl, csv or table\n");
            goto usage;
        }
    }
    if (out == OUT_GDELT && !mentions)
        f.unique = 1;
    dyad_store *st = cli_store_open(db, NULL, DYAD_STORE_READONLY);
    if (!st)
        return EXIT_DATA;
    if (stats) {
        int rc = print_stats(st);
        dyad_store_close(st);
        return rc;
    }
    query_st q = {.out = out};
    dyad_err e;
    if (group) {
        group_header(out, by);
        group_st g = {&q, by};
        e = dyad_store_group(st, &f, by, on_group, &g);
    } else {
        if (out == OUT_CSV || (out == OUT_GDELT && header))
            fputs(dyad_export_header(out == OUT_CSV ? DYAD_FMT_CSV : DYAD_FMT_GDELT), stdout);
        else if (out == OUT_TABLE)
            printf("%-10s %-12s %-12s %-4s %-1s %-5s %-16s %-14s %s\n", "day", "source", "target",
                   "code", "q", "gold", "trigger", "place", "document");
        e = dyad_store_events(st, &f, on_row, &q);
    }
    int rc = EXIT_OKAY;
    if (e) {
        fprintf(stderr, "dyad: %s\n", e == DYAD_EINVAL || e == DYAD_EIO ? dyad_store_errmsg(st)
                                                                          : dyad_strerror(e));
        rc = e == DYAD_EINVAL ? EXIT_USAGE : EXIT_DATA;
    } else if (q.failed) {
        fprintf(stderr, "dyad: out of memory\n");
        rc = EXIT_DATA;
    }
    free(q.buf);
    dyad_store_close(st);
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "dyad: write error on stdout\n");
        rc = EXIT_DATA;
    }
    return rc;
usage:
    query_usage(stderr);
    return EXIT_USAGE;
}
