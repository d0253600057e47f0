/* code.c - `dyad code`, `dyad parse` and `dyad dict check`.
 *
 * dyad parse [--parser fast|link] [--link-timeout S] [--text TEXT | FILE...]
 *
 * dyad code [--date YYYY-MM-DD] [--jsonl] [--format doc|events] [--data DIR]
 *           [--dict-format dyad|petrarch] [--parser fast|link] [--link-timeout S]
 *           [FILE...]
 * Each FILE (or stdin) is one plain-text document, or with --jsonl a stream of
 * JSON records, one per line. Every document yields exactly one output line
 * (--format doc); a malformed line yields an error record and exit status 1. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void code_usage(FILE *f)
{
    fprintf(f, "usage: dyad code [--date YYYY-MM-DD] [--jsonl] [--format doc|events|gdelt|plover|csv]\n"
               "                 [--data DIR] [--dict-format dyad|petrarch] [--dict-dir DIR]\n"
               "                 [--parser fast|link] [--link-timeout SECONDS] [FILE...]\n"
               "Codes each FILE (one plain-text document each; '-' or none: stdin) and\n"
               "writes one JSON record per document on stdout. With --jsonl, each input\n"
               "line is {\"id\":...,\"date\":\"YYYY-MM-DD\",\"text\":...}.\n"
               "--format events writes one JSON object per event instead; gdelt, plover\n"
               "and csv write GDELT 2.0 event rows, PLOVER records or CSV lines.\n"
               "--parser link codes on link-grammar's analysis instead of dyad's fast\n"
               "parser (a cross-check, some sentences a second; a sentence it cannot\n"
               "parse within --link-timeout seconds, default 5, gets no clauses); it\n"
               "needs dyad built with link-grammar.\n");
}

/* --parser fast|link and --link-timeout S, of `dyad code` and `dyad parse`:
 * returns 1 if argv[*i] was one of them (advancing *i), 0 if not, -1 on a
 * usage error (printed). */
static int parser_opt(int argc, char **argv, int *i, int *link, int *timeout)
{
    if (!strcmp(argv[*i], "--parser")) {
        const char *v = *i + 1 < argc ? argv[++*i] : NULL;
        if (v && (!strcmp(v, "fast") || !strcmp(v, "link"))) {
            *link = v[0] == 'l';
            return 1;
        }
        if (v)
            fprintf(stderr, "dyad: unknown parser '%s' (fast or link)\n", v);
        else
            fprintf(stderr, "dyad: --parser needs a value (fast or link)\n");
        return -1;
    }
    if (!strcmp(argv[*i], "--link-timeout")) {
        const char *v = *i + 1 < argc ? argv[++*i] : "";
        char *end;
        long sec = strtol(v, &end, 10);
        if (!*v || *end || sec < 1 || sec > 3600) {
            fprintf(stderr, "dyad: --link-timeout wants whole seconds from 1 to 3600\n");
            return -1;
        }
        *timeout = (int)sec;
        return 1;
    }
    return 0;
}

/* With --parser link: the message and 1 when dyad was built without it. */
static int link_missing(int link)
{
    if (link && !dyad_link_available()) {
        fprintf(stderr, "dyad: --parser link: dyad was built without link-grammar\n");
        return 1;
    }
    return 0;
}

typedef struct code_st {
    dyad_ctx *ctx;
    dyad_doc *doc;
    dyad_format fmt;
    const char *date;
    const char *url;        /* of the current JSONL record (GDELT SOURCEURL) */
    int status;
    char *ebuf;
    size_t elen, ecap;
} code_st;

static void emit(code_st *st, const char *id)
{
    size_t n;
    static int header_done;   /* CSV: the column names once, before the first row */
    if (st->fmt == DYAD_FMT_CSV && !header_done++)
        fputs(dyad_export_header(DYAD_FMT_CSV), stdout);
    const char *out = st->fmt >= DYAD_FMT_GDELT ? dyad_doc_export(st->doc, id, st->url, st->fmt, &n)
                                                : dyad_doc_json(st->doc, id, st->fmt, &n);
    if (!out) {
        fprintf(stderr, "dyad: out of memory writing the record of %s\n", id ? id : "(no id)");
        st->status = EXIT_DATA;
        return;
    }
    fwrite(out, 1, n, stdout);
}

/* An error record for a line that could not be read as a document. */
static void emit_line_error(code_st *st, const char *id, long line, const char *msg)
{
    if (st->fmt >= DYAD_FMT_GDELT)   /* tables and PLOVER: errors on stderr only */
        return;
    st->elen = 0;
    char *b = st->ebuf;
    if (!(b = dyad_json_string(b, &st->elen, &st->ecap, "", 0)))
        return;
    st->elen = 0;
    fputs("{\"id\":", stdout);
    if (id) {
        st->elen = 0;
        b = dyad_json_string(b, &st->elen, &st->ecap, id, strlen(id));
        if (b)
            fwrite(b, 1, st->elen, stdout);
    } else
        fputs("null", stdout);
    fprintf(stdout, ",\"line\":%ld,\"error\":", line);
    st->elen = 0;
    b = dyad_json_string(b, &st->elen, &st->ecap, msg, strlen(msg));
    if (b)
        fwrite(b, 1, st->elen, stdout);
    if (st->fmt == DYAD_FMT_DOC)
        fputs(",\"date\":null,\"sentences\":[],\"actors\":[],\"events\":[],\"quotes\":[],\"timex\":[]", stdout);
    fputs("}\n", stdout);
    st->ebuf = b;
}

static void code_text(code_st *st, const char *id, const char *text, size_t len, const char *date)
{
    dyad_err e = dyad_code(st->ctx, st->doc, text, len, date);
    if (e) {
        fprintf(stderr, "dyad: %s: %s\n", id ? id : "(no id)", dyad_strerror(e));
        st->status = EXIT_DATA;
    }
    if (st->fmt == DYAD_FMT_EVENTS && e) {
        emit_line_error(st, id, 0, dyad_strerror(e));
        return;
    }
    emit(st, id);
}

static void code_jsonl(code_st *st, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    char err[256];
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        int blank = 1;
        for (size_t i = 0; i < len && blank; i++)
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
                blank = 0;
        if (blank)
            continue;
        dyad_input in;
        dyad_err e = dyad_input_parse(line, len, &in, err, sizeof err);
        if (e) {
            fprintf(stderr, "dyad: %s:%ld: %s\n", name, lineno, err);
            emit_line_error(st, in.id, lineno, err);
            st->status = EXIT_DATA;
        } else {
            st->url = in.url;
            code_text(st, in.id, in.text, in.text_len, in.date ? in.date : st->date);
            st->url = NULL;
        }
        dyad_input_clear(&in);
    }
    free(line);
    if (ferror(f)) {
        fprintf(stderr, "dyad: %s: read error: %s\n", name, strerror(errno));
        st->status = EXIT_DATA;
    }
}

int cmd_code(int argc, char **argv)
{
    cli_common c = {0};
    int jsonl = 0, link = 0, timeout = 5;
    dyad_format fmt = DYAD_FMT_DOC;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files)
        return EXIT_DATA;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = cli_common_opt(&c, argc, argv, &i);
        if (r < 0) {
            code_usage(stderr);
            free(files);
            return EXIT_USAGE;
        }
        if (r)
            continue;
        r = parser_opt(argc, argv, &i, &link, &timeout);
        if (r < 0) {
            code_usage(stderr);
            free(files);
            return EXIT_USAGE;
        }
        if (r)
            continue;
        if (!strcmp(a, "--jsonl"))
            jsonl = 1;
        else if (!strcmp(a, "--format")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "dyad: --format needs a value (doc, events, gdelt, plover or csv)\n");
                code_usage(stderr);
                free(files);
                return EXIT_USAGE;
            }
            const char *v = argv[++i];
            if (!strcmp(v, "doc"))
                fmt = DYAD_FMT_DOC;
            else if (!strcmp(v, "events"))
                fmt = DYAD_FMT_EVENTS;
            else if (!strcmp(v, "gdelt"))
                fmt = DYAD_FMT_GDELT;
            else if (!strcmp(v, "plover"))
                fmt = DYAD_FMT_PLOVER;
            else if (!strcmp(v, "csv"))
                fmt = DYAD_FMT_CSV;
            else {
                fprintf(stderr, "dyad: unknown format '%s' (doc, events, gdelt, plover or csv)\n", v);
                code_usage(stderr);
                free(files);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            code_usage(stdout);
            free(files);
            return EXIT_OKAY;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option '%s'\n", a);
            code_usage(stderr);
            free(files);
            return EXIT_USAGE;
        } else
            files[nfiles++] = argv[i];
    }
    if (link_missing(link)) {
        free(files);
        return EXIT_USAGE;
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    /* open every file first: an unreadable one is a usage error, before any output */
    int oom;
    FILE **fp = cli_open_all(files, nfiles, &oom);
    if (!fp) {
        if (!oom)
            code_usage(stderr);
        free(files);
        return oom ? EXIT_DATA : EXIT_USAGE;
    }
    code_st st;
    memset(&st, 0, sizeof st);
    st.fmt = fmt;
    st.date = c.date;
    st.ctx = cli_load(&c);
    st.doc = dyad_doc_new();
    dyad_link *lk = NULL;   /* one handle: the documents are coded one at a time */
    char err[256];
    int failed = !st.ctx || !st.doc;
    if (!failed && link) {
        if (dyad_link_new(timeout, &lk, err, sizeof err)) {
            fprintf(stderr, "dyad: --parser link: %s\n", err);
            failed = 1;
        } else
            dyad_doc_set_link(st.doc, lk);
    }
    if (failed) {
        for (int k = 0; k < nfiles; k++)
            if (fp[k] != stdin)
                fclose(fp[k]);
        free(fp);
        free(files);
        dyad_ctx_free(st.ctx);
        dyad_doc_free(st.doc);
        return EXIT_DATA;
    }
    for (int i = 0; i < nfiles; i++) {
        const char *name = strcmp(files[i], "-") ? files[i] : "-";
        if (jsonl)
            code_jsonl(&st, fp[i], name);
        else {
            size_t len;
            char *text = cli_read_all(fp[i], &len);
            if (!text) {
                fprintf(stderr, "dyad: %s: read error\n", name);
                emit_line_error(&st, name, 0, "read error");
                st.status = EXIT_DATA;
            } else if (len > 0)
                code_text(&st, name, text, len, c.date);
            free(text);
        }
        if (fp[i] != stdin)
            fclose(fp[i]);
        fflush(stdout);
    }
    free(fp);
    free(files);
    free(st.ebuf);
    dyad_doc_free(st.doc);
    dyad_link_free(lk);
    dyad_ctx_free(st.ctx);
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "dyad: write error on stdout\n");
        return EXIT_DATA;
    }
    return st.status;
}

static void parse_usage(FILE *f)
{
    fprintf(f, "usage: dyad parse [--date YYYY-MM-DD] [--data DIR] [--parser fast|link]\n"
               "                  [--link-timeout SECONDS] [--text TEXT | FILE...]\n"
               "Prints the tokens (tag, lemma), chunks, clauses, actors and events of a\n"
               "text, with the dictionary entries that produced them ('-' or no FILE:\n"
               "stdin). --parser link prints instead link-grammar's analysis of each\n"
               "sentence (clauses with subject, verb and object; a sentence it cannot\n"
               "parse within --link-timeout seconds, default 5, is marked failed); it\n"
               "needs dyad built with link-grammar.\n");
}

/* The analysis of one text: dyad's (explain) or link-grammar's. */
static int parse_one(dyad_ctx *ctx, dyad_doc *doc, dyad_link *lk, const char *text, size_t len,
                     const char *date)
{
    int rc = EXIT_OKAY;
    if (dyad_code(ctx, doc, text, len, date))
        rc = EXIT_DATA;
    size_t n;
    const char *out = lk ? dyad_link_explain(lk, doc, ctx, &n) : dyad_doc_explain(doc, ctx, &n);
    if (out)
        fwrite(out, 1, n, stdout);
    else {
        fprintf(stderr, "dyad: out of memory\n");
        rc = EXIT_DATA;
    }
    return rc;
}

int cmd_parse(int argc, char **argv)
{
    cli_common c = {0};
    const char *text = NULL;
    int link = 0, timeout = 5;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files)
        return EXIT_DATA;
    for (int i = 1; i < argc; i++) {
        int r = cli_common_opt(&c, argc, argv, &i);
        if (r < 0) {
            free(files);
            return EXIT_USAGE;
        }
        if (r)
            continue;
        r = parser_opt(argc, argv, &i, &link, &timeout);
        if (r < 0) {
            parse_usage(stderr);
            free(files);
            return EXIT_USAGE;
        }
        if (r)
            continue;
        if (!strcmp(argv[i], "--text") && i + 1 < argc)
            text = argv[++i];
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            parse_usage(stdout);
            free(files);
            return EXIT_OKAY;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad: unknown option '%s'\n", argv[i]);
            free(files);
            return EXIT_USAGE;
        } else
            files[nfiles++] = argv[i];
    }
    if (link_missing(link)) {
        free(files);
        return EXIT_USAGE;
    }
    if (!text && nfiles == 0)
        files[nfiles++] = "-";
    if (text)
        nfiles = 0;
    /* open every file first: an unreadable one is a usage error, before any output */
    int oom = 0;
    FILE **fp = nfiles ? cli_open_all(files, nfiles, &oom) : NULL;
    if (nfiles && !fp) {
        free(files);
        return oom ? EXIT_DATA : EXIT_USAGE;
    }
    dyad_ctx *ctx = cli_load(&c);
    dyad_doc *doc = dyad_doc_new();
    dyad_link *lk = NULL;
    int rc = EXIT_OKAY;
    char err[256];
    if (!ctx || !doc)
        rc = EXIT_DATA;
    else if (link && dyad_link_new(timeout, &lk, err, sizeof err)) {
        fprintf(stderr, "dyad: --parser link: %s\n", err);
        rc = EXIT_DATA;
    }
    int ready = rc == EXIT_OKAY;
    if (ready && text)
        rc = parse_one(ctx, doc, lk, text, strlen(text), c.date);
    for (int i = 0; i < nfiles; i++) {
        size_t len;
        char *buf = ready ? cli_read_all(fp[i], &len) : NULL;
        if (fp[i] != stdin)
            fclose(fp[i]);
        if (!ready)
            continue;
        if (nfiles > 1)
            printf("== file %s\n", files[i]);
        if (!buf) {
            fprintf(stderr, "dyad: %s: read error\n", files[i]);
            rc = EXIT_DATA;
        } else if (parse_one(ctx, doc, lk, buf, len, c.date))
            rc = EXIT_DATA;
        free(buf);
        fflush(stdout);
    }
    free(fp);
    free(files);
    dyad_link_free(lk);
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
    return rc;
}

static void check_cb(void *user, const char *file, int line, const char *msg)
{
    (void)user;
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
}

int cmd_dict(int argc, char **argv)
{
    cli_common c = {0};
    const char *sub = NULL;
    for (int i = 1; i < argc; i++) {
        int r = cli_common_opt(&c, argc, argv, &i);
        if (r < 0)
            return EXIT_USAGE;
        if (r)
            continue;
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: dyad dict check [--data DIR]\n"
                   "Loads every dictionary, reports problems (file:line: message) and\n"
                   "prints counts. Exit 0 when clean, 1 when problems were found.\n");
            return EXIT_OKAY;
        }
        if (!sub)
            sub = argv[i];
        else {
            fprintf(stderr, "dyad: unexpected argument '%s'\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!sub || strcmp(sub, "check")) {
        fprintf(stderr, "usage: dyad dict check [--data DIR]\n");
        return EXIT_USAGE;
    }
    dyad_ctx *ctx = cli_load(&c);
    if (!ctx)
        return EXIT_DATA;
    size_t problems = dyad_ctx_check(ctx, check_cb, NULL);
    dyad_dict_stats st;
    dyad_ctx_stats(ctx, &st);
    printf("actors:  %zu entries, %zu phrases (%zu people), %zu agent phrases\n", st.actor_entries,
           st.actor_phrases, st.people, st.agent_phrases);
    printf("events:  %zu verb patterns over %zu verbs, %zu noun patterns\n", st.verb_patterns,
           st.verb_lemmas, st.noun_patterns);
    printf("codes:   %zu CAMEO codes, %zu with at least one pattern\n", st.event_codes,
           st.event_codes_covered);
    printf("other:   %zu abbreviations\n", st.abbreviations);
    printf("problems: %zu\n", problems);
    dyad_ctx_free(ctx);
    return problems ? EXIT_DATA : EXIT_OKAY;
}
