/* fuzz_actors.c - libFuzzer target: arbitrary bytes as an actor dictionary
 * file (src/actors/dict.c), loaded into a context that already holds every
 * other table, validated by the check (dy_actors_check) and used to code a
 * short text with pronouns and descriptions (src/actors/match.c). Only the
 * actor tables are rebuilt per input, so it runs fast; fuzz_dict.c covers the
 * whole context load of actor and event files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/internal.h"

static dyad_ctx *ctx;       /* shipped tables; its actors are replaced per input */
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
    snprintf(dir, sizeof dir, "/tmp/dyad-fuzz-actors-%d", (int)getpid());
    mkdir(dir, 0700);
    char p[512];
    snprintf(p, sizeof p, "%s/actors", dir);
    mkdir(p, 0700);
    snprintf(file, sizeof file, "%s/actors/fuzz.txt", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(file, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    dy_actors old = ctx->act;
    char err[512];
    if (dy_actors_load(ctx, dir, err, sizeof err) == 0) {
        char *dd = ctx->data_dir;
        ctx->data_dir = dir;
        dy_actors_check(ctx, nocb, NULL);
        ctx->data_dir = dd;
        static const char text[] = "Freedonia's troops and the alliance met President Rufus "
                                   "Firefly. He said the bloc and its partner agreed, and "
                                   "Firefly's government said it would help them.";
        dyad_code(ctx, doc, text, sizeof text - 1, "2024-10-03");
        size_t n;
        dyad_doc_json(doc, "fuzz", DYAD_FMT_DOC, &n);
    }
    dy_actors_free(&ctx->act);
    ctx->act = old;
    return 0;
}
