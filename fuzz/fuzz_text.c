/* fuzz_text.c - libFuzzer target: arbitrary bytes through the whole pipeline
 * (tokenizer, splitter, tagger, parser, actors, events, context, JSON). */
#include <stdint.h>
#include <stdlib.h>

#include "dyad.h"

static dyad_ctx *ctx;
static dyad_doc *doc;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[512];
    if (dyad_ctx_new(NULL, &ctx, err, sizeof err))
        abort();
    doc = dyad_doc_new();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_code(ctx, doc, (const char *)data, size, size & 1 ? "2024-10-03" : NULL);
    size_t n;
    dyad_doc_json(doc, "fuzz", DYAD_FMT_DOC, &n);
    dyad_doc_json(doc, "fuzz", DYAD_FMT_EVENTS, &n);
    for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
        dyad_event_info e;
        dyad_doc_event(doc, i, &e);
    }
    return 0;
}
