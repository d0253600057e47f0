/* serve.c - `dyad serve`: the HTTP API and web page over an event store.
 *
 * dyad serve --db FILE [--port 8080] [--bind 127.0.0.1] [--web DIR]
 *            [--max-body BYTES] [--threads N] [--timeout MS] [--quiet]
 *            [--data DIR] [--dict-format F] [--date D]
 * The server itself is src/server/server.c; this file reads the options,
 * loads the dictionaries and opens the store. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../server/server.h"

static void serve_usage(FILE *f)
{
    fprintf(f, "usage: dyad serve --db FILE [--port 8080] [--bind 127.0.0.1] [--web DIR]\n"
               "                  [--max-body BYTES] [--threads N] [--timeout MS] [--quiet]\n"
               "                  [--data DIR] [--dict-format dyad|petrarch] [--date D]\n"
               "Serves the JSON API (/v1/...) and the web page over the store FILE (created\n"
               "if needed). --port 0 picks a free port; the address is printed on stderr.\n"
               "--max-body limits request bodies (default 1048576 bytes), --timeout each\n"
               "request (default 30000 ms). Stop with Ctrl-C or SIGTERM.\n");
}

static int has_index(const char *dir)
{
    char p[4200];
    struct stat sb;
    if (strlen(dir) > 4096)
        return 0;
    snprintf(p, sizeof p, "%s/index.html", dir);
    return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* --web, $DYAD_WEB, DATA/web (installed), DATA/../web (build tree). */
static const char *find_web(const char *opt, const char *data, char *buf, size_t n)
{
    if (opt)
        return has_index(opt) ? opt : NULL;
    const char *e = getenv("DYAD_WEB");
    if (e && has_index(e))
        return e;
    if (!data)
        return NULL;
    snprintf(buf, n, "%s/web", data);
    if (has_index(buf))
        return buf;
    snprintf(buf, n, "%s/../web", data);
    if (has_index(buf))
        return buf;
    return NULL;
}

static int num_opt(const char *name, const char *v, long lo, long hi, long *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (*end || end == v || x < lo || x > hi) {
        fprintf(stderr, "dyad: %s wants a number from %ld to %ld\n", name, lo, hi);
        return -1;
    }
    *out = x;
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    cli_common c = {0};
    const char *db = NULL, *web = NULL;
    srv_opts o = {"127.0.0.1", 8080, NULL, 1u << 20, 4, 30000, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int r = cli_common_opt(&c, argc, argv, &i);
        if (r < 0)
            goto usage;
        if (r)
            continue;
        long x;
        if (!strcmp(a, "--db") && v)
            db = argv[++i];
        else if (!strcmp(a, "--bind") && v)
            o.bind = argv[++i];
        else if (!strcmp(a, "--web") && v)
            web = argv[++i];
        else if (!strcmp(a, "--port") && v) {
            if (num_opt(a, argv[++i], 0, 65535, &x))
                goto usage;
            o.port = (int)x;
        } else if (!strcmp(a, "--max-body") && v) {
            if (num_opt(a, argv[++i], 1024, DYAD_MAX_DOC, &x))
                goto usage;
            o.max_body = (size_t)x;
        } else if (!strcmp(a, "--threads") && v) {
            if (num_opt(a, argv[++i], 1, 64, &x))
                goto usage;
            o.threads = (int)x;
        } else if (!strcmp(a, "--timeout") && v) {
            if (num_opt(a, argv[++i], 100, 3600000, &x))
                goto usage;
            o.timeout_ms = (int)x;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
            o.quiet = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            serve_usage(stdout);
            return EXIT_OKAY;
        } else {
            fprintf(stderr, "dyad: unknown option or missing value '%s'\n", a);
            goto usage;
        }
    }
    if (!db) {
        fprintf(stderr, "dyad: serve needs --db FILE\n");
        goto usage;
    }
    char wbuf[4096];
    o.web_dir = find_web(web, c.data_dir ? c.data_dir : dyad_find_data(), wbuf, sizeof wbuf);
    if (web && !o.web_dir) {
        fprintf(stderr, "dyad: %s: no index.html there\n", web);
        return EXIT_USAGE;
    }
    if (!o.web_dir && !o.quiet)
        fprintf(stderr, "dyad serve: no web directory found: serving the API only\n");
    dyad_ctx *ctx = cli_load(&c);
    if (!ctx)
        return EXIT_DATA;
    dyad_store *st = cli_store_open(db, c.data_dir, 0);
    if (!st) {
        dyad_ctx_free(ctx);
        return EXIT_DATA;
    }
    int rc = srv_run(&o, ctx, st) ? EXIT_DATA : EXIT_OKAY;
    dyad_store_close(st);
    dyad_ctx_free(ctx);
    return rc;
usage:
    serve_usage(stderr);
    return EXIT_USAGE;
}
