/* main.c - the dyad program: subcommand dispatch and shared option handling.
 * Only the CLI talks to the terminal; it uses only dyad.h. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad COMMAND [OPTIONS]\n"
            "\n"
            "commands:\n"
            "  code    code documents into events (JSON lines)\n"
            "  parse   show the analysis of a text and why it was coded so\n"
            "  dict    check the dictionaries (dyad dict check)\n"
            "  ingest  code documents and keep them in an event store (SQLite)\n"
            "  query   filter, count and export the events of a store\n"
            "  serve   HTTP API and web page over a store\n"
            "\n"
            "Run 'dyad COMMAND --help' for the options of a command.\n"
            "dyad %s\n",
            DYAD_VERSION);
}

int cli_common_opt(cli_common *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char **slot = NULL;
    if (!strcmp(a, "--data"))
        slot = &c->data_dir;
    else if (!strcmp(a, "--date"))
        slot = &c->date;
    else if (!strcmp(a, "--dict-dir")) {
        slot = &c->dict_dir;
        c->dict_format = DYAD_DICT_PETRARCH;   /* the only format read from there */
    }
    else if (!strcmp(a, "--dict-format")) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "dyad: --dict-format needs a value (dyad or petrarch)\n");
            return -1;
        }
        const char *v = argv[++*i];
        if (!strcmp(v, "dyad"))
            c->dict_format = DYAD_DICT_DYAD;
        else if (!strcmp(v, "petrarch"))
            c->dict_format = DYAD_DICT_PETRARCH;
        else {
            fprintf(stderr, "dyad: unknown dictionary format '%s' (dyad or petrarch)\n", v);
            return -1;
        }
        return 1;
    } else
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "dyad: %s needs a value\n", a);
        return -1;
    }
    *slot = argv[++*i];
    if (slot == &c->date) {
        int ok = strlen(*slot) == 10;
        for (int k = 0; ok && k < 10; k++)
            ok = (k == 4 || k == 7) ? (*slot)[k] == '-' : ((*slot)[k] >= '0' && (*slot)[k] <= '9');
        if (!ok) {
            fprintf(stderr, "dyad: --date wants YYYY-MM-DD, not '%s'\n", *slot);
            return -1;
        }
    }
    return 1;
}

dyad_ctx *cli_load(const cli_common *c)
{
    dyad_opts o;
    memset(&o, 0, sizeof o);
    o.data_dir = c->data_dir;
    o.format = (dyad_dict_format)c->dict_format;
    o.dict_dir = c->dict_dir;
    dyad_ctx *ctx = NULL;
    char err[1024];
    dyad_err e = dyad_ctx_new_opts(&o, &ctx, err, sizeof err);
    if (e) {
        fprintf(stderr, "dyad: %s\n", err[0] ? err : dyad_strerror(e));
        return NULL;
    }
    if (c->date && dyad_ctx_set_default_date(ctx, c->date)) {
        fprintf(stderr, "dyad: invalid --date '%s'\n", c->date);
        dyad_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

FILE **cli_open_all(char **files, int n, int *oom)
{
    *oom = 0;
    FILE **fp = calloc((size_t)n, sizeof *fp);
    if (!fp) {
        *oom = 1;
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        fp[i] = strcmp(files[i], "-") ? fopen(files[i], "rb") : stdin;
        if (!fp[i]) {
            fprintf(stderr, "dyad: cannot read '%s': %s\n", files[i], strerror(errno));
            for (int k = 0; k < i; k++)
                if (fp[k] != stdin)
                    fclose(fp[k]);
            free(fp);
            return NULL;
        }
    }
    return fp;
}

char *cli_read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code"))
        return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "parse"))
        return cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict"))
        return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest"))
        return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "query"))
        return cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve"))
        return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return EXIT_OKAY;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return EXIT_OKAY;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
