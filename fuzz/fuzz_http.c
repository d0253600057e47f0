/* fuzz_http.c - libFuzzer target: the HTTP API's query-string handling
 * (src/server/server.c: params_parse, fill_filter, grouping names) and the
 * store queries they drive, against a small store filled once at start. The
 * server file is included whole to reach its static functions. */
#include "../src/server/server.c"

#include <stdint.h>
#include <unistd.h>

static dyad_store *fz_store;

static int row_cb(void *user, const dyad_event_row *row)
{
    (void)row;
    ++*(int *)user;
    return 0;
}
static int grp_cb(void *user, const dyad_group_row *row)
{
    (void)row;
    ++*(int *)user;
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[512], path[64];
    snprintf(path, sizeof path, "/tmp/dyad-fuzz-http-%d.db", (int)getpid());
    unlink(path);
    dyad_ctx *ctx;
    if (dyad_ctx_new(NULL, &ctx, err, sizeof err) ||
        dyad_store_open(path, NULL, 0, &fz_store, err, sizeof err))
        abort();
    dyad_doc *doc = dyad_doc_new();
    static const char *texts[] = {
        "Russian troops shelled Ukrainian positions near Kharkiv on Monday.",
        "Egypt and Jordan signed a trade agreement in Cairo on Tuesday.",
        "Kenya urged Sudan's army to return to talks, officials said."};
    for (int i = 0; i < 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "d%d", i);
        dyad_code(ctx, doc, texts[i], strlen(texts[i]), "2024-10-03");
        dyad_doc_meta m = {id, "2024-10-03", NULL, NULL, NULL};
        dyad_store_put(fz_store, doc, &m);
    }
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *qs = malloc(size + 1);
    if (!qs)
        return 0;
    memcpy(qs, data, size);
    qs[size] = 0;
    static const char *const allowed[] = {FILTER_PARAMS, "by", "format", NULL};
    params p;
    char err[256];
    if (params_parse(qs, allowed, &p, err, sizeof err) == 0) {
        dyad_filter f;
        if (fill_filter(&p, &f, 50, 1000, err, sizeof err) == 0) {
            int n = 0;
            dyad_store_events(fz_store, &f, row_cb, &n);
            unsigned by;
            const char *g = param(&p, "by");
            if (g && dyad_group_parse(g, &by) == DYAD_OK)
                dyad_store_group(fz_store, &f, by, grp_cb, &n);
        }
    }
    params_free(&p);
    free(qs);
    return 0;
}
