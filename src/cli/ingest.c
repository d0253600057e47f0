/* ingest.c - `dyad ingest`: code documents and keep them in an event store.
 *
 * dyad ingest --db FILE [--jsonl] [--resume] [--quiet] [--batch N]
 *             [--date YYYY-MM-DD] [--data DIR] [--dict-format F] [FILE...]
 * Documents are stored in batches of N (one transaction each), so a killed
 * ingest loses at most the batch it was writing; --resume then skips every
 * id already stored. Without --resume a document whose id is stored replaces
 * it. Progress goes to stderr when it is a terminal, unless --quiet. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void ingest_usage(FILE *f)
{
    fprintf(f, "usage: dyad ingest --db FILE [--jsonl] [--resume] [--quiet] [--batch N]\n"
               "                   [--date YYYY-MM-DD] [--data DIR] [--dict-format dyad|petrarch]\n"
               "                   [FILE...]\n"
               "Codes each FILE (one plain-text document, id = the file name; '-' or none:\n"
               "stdin) or, with --jsonl, each line {\"id\",\"date\",\"text\",\"title\"?,\"url\"?,\n"
               "\"source\"?} (a line without id gets FILE:LINE), and stores the documents in\n"
               "the SQLite store FILE (created if needed). A stored id is replaced, or with\n"
               "--resume skipped. --batch N documents per transaction (default 200).\n"
               "Exit status 1 when a document could not be read, coded or stored.\n");
}

typedef struct ingest_st {
    dyad_ctx *ctx;
    dyad_doc *doc;
    dyad_store *store;
    const char *date;
    int resume, progress;
    long batch, in_batch;
    size_t docs, skipped, events, errors;
    unsigned long long bytes_done, bytes_total;
    double t0, last_report;
    int failed;   /* the store failed: stop */
} ingest_st;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report(ingest_st *s, int final)
{
    double t = now_s();
    if (!s->progress || (!final && t - s->last_report < 0.25))
        return;
    s->last_report = t;
    double el = t - s->t0;
    double rate = el > 0 ? (double)(s->docs + s->skipped) / el : 0;
    char eta[32] = "";
    if (!final && s->bytes_total && s->bytes_done && s->bytes_done < s->bytes_total) {
        double left = el * (double)(s->bytes_total - s->bytes_done) / (double)s->bytes_done;
        long sec = (long)(left + 0.5);
        snprintf(eta, sizeof eta, "  ETA %ld:%02ld:%02ld", sec / 3600, sec / 60 % 60, sec % 60);
    }
    fprintf(stderr, "\r%zu docs (%zu skipped)  %.1f docs/s  %zu events  %zu errors%s\033[K%s",
            s->docs, s->skipped, rate, s->events, s->errors, eta, final ? "\n" : "");
    fflush(stderr);
}

static int flush_batch(ingest_st *s)
{
    if (!s->in_batch)
        return 0;
    s->in_batch = 0;
    if (dyad_store_commit(s->store)) {
        fprintf(stderr, "\ndyad: %s\n", dyad_store_errmsg(s->store));
        s->failed = 1;
        return -1;
    }
    return 0;
}

/* Code and store one document. */
static void ingest_one(ingest_st *s, const dyad_doc_meta *m, const char *text, size_t len)
{
    if (s->resume) {
        dyad_err e = dyad_store_has(s->store, m->id);
        if (e == DYAD_OK) {
            s->skipped++;
            return;
        }
        if (e != DYAD_ENOTFOUND) {
            fprintf(stderr, "\ndyad: %s\n", dyad_store_errmsg(s->store));
            s->failed = 1;
            return;
        }
    }
    dyad_err e = dyad_code(s->ctx, s->doc, text, len, m->date);
    if (e) {
        fprintf(stderr, "%sdyad: %s: %s\n", s->progress ? "\n" : "", m->id, dyad_strerror(e));
        s->errors++;
        return;
    }
    if (!s->in_batch) {
        if (dyad_store_begin(s->store)) {
            fprintf(stderr, "\ndyad: %s\n", dyad_store_errmsg(s->store));
            s->failed = 1;
            return;
        }
    }
    s->in_batch++;
    e = dyad_store_put(s->store, s->doc, m);
    if (e) {
        fprintf(stderr, "%sdyad: %s\n", s->progress ? "\n" : "", dyad_store_errmsg(s->store));
        s->errors++;
        if (e == DYAD_EIO) {   /* the database itself failed (disk full, locked) */
            s->failed = 1;
            return;
        }
    } else {
        s->docs++;
        s->events += dyad_doc_event_count(s->doc);
    }
    if (s->in_batch >= s->batch)
        flush_batch(s);
}

static void ingest_jsonl(ingest_st *s, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    char err[256];
    while (!s->failed && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        s->bytes_done += (unsigned long long)n;
        size_t len = (size_t)n;
        int blank = 1;
        for (size_t i = 0; i < len && blank; i++)
            blank = line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n';
        if (blank)
            continue;
        dyad_input in;
        if (dyad_input_parse(line, len, &in, err, sizeof err)) {
            fprintf(stderr, "%sdyad: %s:%ld: %s\n", s->progress ? "\n" : "", name, lineno, err);
            s->errors++;
        } else {
            char idbuf[4200];
            if (!in.id)
                snprintf(idbuf, sizeof idbuf, "%s:%ld", name, lineno);
            dyad_doc_meta m = {in.id ? in.id : idbuf, in.date ? in.date : s->date, in.title,
                               in.url, in.source};
            ingest_one(s, &m, in.text, in.text_len);
        }
        dyad_input_clear(&in);
        report(s, 0);
    }
    free(line);
    if (ferror(f)) {
        fprintf(stderr, "dyad: %s: read error: %s\n", name, strerror(errno));
        s->errors++;
    }
}

int cmd_ingest(int argc, char **argv)
{
    cli_common c = {0};
    const char *db = NULL;
    int jsonl = 0, quiet = 0;
    ingest_st s;
    memset(&s, 0, sizeof s);
    s.batch = 200;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files)
        return EXIT_DATA;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = cli_common_opt(&c, argc, argv, &i);
        if (r < 0)
            goto usage;
        if (r)
            continue;
        if (!strcmp(a, "--db") && i + 1 < argc)
            db = argv[++i];
        else if (!strcmp(a, "--jsonl"))
            jsonl = 1;
        else if (!strcmp(a, "--resume"))
            s.resume = 1;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
            quiet = 1;
        else if (!strcmp(a, "--batch") && i + 1 < argc) {
            char *end;
            s.batch = strtol(argv[++i], &end, 10);
            if (*end || s.batch < 1 || s.batch > 1000000) {
                fprintf(stderr, "dyad: --batch wants a number from 1 to 1000000\n");
                goto usage;
            }
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            ingest_usage(stdout);
            free(files);
            return EXIT_OKAY;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option or missing value '%s'\n", a);
            goto usage;
        } else
            files[nfiles++] = argv[i];
    }
    if (!db) {
        fprintf(stderr, "dyad: ingest needs --db FILE\n");
        goto usage;
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    int oom;
    FILE **fp = cli_open_all(files, nfiles, &oom);
    if (!fp) {
        if (oom) {
            free(files);
            return EXIT_DATA;
        }
        goto usage;
    }
    for (int i = 0; i < nfiles; i++) {
        struct stat sb;
        if (fp[i] != stdin && fstat(fileno(fp[i]), &sb) == 0 && S_ISREG(sb.st_mode))
            s.bytes_total += (unsigned long long)sb.st_size;
    }
    s.progress = !quiet && isatty(2);
    s.date = c.date;
    s.ctx = cli_load(&c);
    s.doc = dyad_doc_new();
    s.store = s.ctx ? cli_store_open(db, c.data_dir, 0) : NULL;
    int rc = EXIT_OKAY;
    if (!s.ctx || !s.doc || !s.store)
        rc = EXIT_DATA;
    s.t0 = now_s();
    for (int i = 0; i < nfiles && rc == EXIT_OKAY && !s.failed; i++) {
        const char *name = files[i];
        if (jsonl)
            ingest_jsonl(&s, fp[i], name);
        else {
            size_t len;
            char *text = cli_read_all(fp[i], &len);
            if (!text) {
                fprintf(stderr, "dyad: %s: read error\n", name);
                s.errors++;
            } else if (len > 0) {
                dyad_doc_meta m = {name, c.date, NULL, NULL, NULL};
                ingest_one(&s, &m, text, len);
            }
            s.bytes_done += len;
            free(text);
            report(&s, 0);
        }
    }
    if (s.store && !s.failed)
        flush_batch(&s);
    else if (s.store && s.in_batch)
        dyad_store_rollback(s.store);
    if (rc == EXIT_OKAY)
        report(&s, 1);
    if (s.failed || s.errors)
        rc = EXIT_DATA;
    for (int k = 0; k < nfiles; k++)
        if (fp[k] != stdin)
            fclose(fp[k]);
    free(fp);
    free(files);
    dyad_store_close(s.store);
    dyad_doc_free(s.doc);
    dyad_ctx_free(s.ctx);
    return rc;
usage:
    ingest_usage(stderr);
    free(files);
    return EXIT_USAGE;
}
