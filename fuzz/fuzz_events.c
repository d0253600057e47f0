/* fuzz_events.c - libFuzzer target: arbitrary bytes as an event pattern file
 * (src/events/patterns.c, format in docs/dictionaries.md): loaded with the
 * shipped code tables, checked, then used to code a short text. The file is
 * written to a private data directory whose cameo/ table links to the
 * shipped one. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/internal.h"

static dyad_ctx *ctx;
static dyad_doc *doc;
static char dir[256], file[512];

static void nocb(void *user, const char *f, int line, const char *msg)
{
    (void)user;
    (void)f;
    (void)line;
    (void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[512];
    if (dyad_ctx_new(NULL, &ctx, err, sizeof err))
        abort();
    doc = dyad_doc_new();
    snprintf(dir, sizeof dir, "/tmp/dyad-fuzz-events.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char p[512], q[1024];
    snprintf(p, sizeof p, "%s/events", dir);
    mkdir(p, 0777);
    snprintf(p, sizeof p, "%s/cameo", dir);
    snprintf(q, sizeof q, "%s/cameo", ctx->data_dir);
    if (symlink(q, p))
        abort();
    snprintf(file, sizeof file, "%s/events/fuzz.txt", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(file, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    dy_events old = ctx->ev;
    char err[512];
    if (dy_events_load(ctx, dir, err, sizeof err) == 0) {
        dy_events_check(ctx, nocb, NULL);
        static const char text[] = "Russia urged Ukraine to release the prisoners, and France said "
                                   "Iran must stop attacks on Iraq. Germany received aid from Italy.";
        dyad_code(ctx, doc, text, sizeof text - 1, "2024-10-03");
    }
    dy_events_free(&ctx->ev);
    ctx->ev = old;
    return 0;
}
