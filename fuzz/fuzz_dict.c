/* fuzz_dict.c - libFuzzer target: the dictionary loaders. Each input becomes
 * one actor file or one event-pattern file (by its first byte) of a scratch
 * data directory whose other tables link to the real ones; the context is
 * loaded, checked and freed. Loading must fail cleanly, never crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"

static char dir[256];

static void link_data(const char *name)
{
    char from[4096], to[512];
    snprintf(from, sizeof from, "%s/%s", DYAD_BUILD_DATA, name);
    snprintf(to, sizeof to, "%s/%s", dir, name);
    if (symlink(from, to) && access(to, F_OK))
        abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/dyad-fuzz-dict-%d", (int)getpid());
    mkdir(dir, 0700);
    static const char *keep[] = {"abbreviations.txt", "cameo", "time", "quotes", "places",
                                 "syntax", "schema.sql"};
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        link_data(keep[i]);
    char p[512];
    snprintf(p, sizeof p, "%s/actors", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/events", dir);
    mkdir(p, 0700);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char actors[512], events[512];
    snprintf(actors, sizeof actors, "%s/actors/fuzz.txt", dir);
    snprintf(events, sizeof events, "%s/events/fuzz.txt", dir);
    unlink(actors);
    unlink(events);
    /* a minimal valid pair, then the input in one of them */
    FILE *a = fopen(actors, "wb"), *e = fopen(events, "wb");
    if (!a || !e)
        abort();
    fputs("Russia | Russian => RUS\n%section agents\ntroops => MIL\n%section actors\n", a);
    fputs("attack => 190\n", e);
    fwrite(data, 1, size, size && (data[0] & 1) ? e : a);
    fclose(a);
    fclose(e);
    dyad_ctx *ctx = NULL;
    char err[512];
    if (dyad_ctx_new(dir, &ctx, err, sizeof err) == DYAD_OK) {
        dyad_doc *d = dyad_doc_new();
        static const char t[] = "Russian troops attacked the town of Avdiivka on Monday.";
        dyad_code(ctx, d, t, sizeof t - 1, "2024-10-03");
        size_t n;
        dyad_doc_json(d, "f", DYAD_FMT_DOC, &n);
        dyad_doc_free(d);
        dyad_ctx_free(ctx);
    }
    return 0;
}
