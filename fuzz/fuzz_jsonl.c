/* fuzz_jsonl.c - libFuzzer target: the JSONL record reader, then coding what
 * it accepts. */
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
    dyad_input in;
    char err[256];
    if (dyad_input_parse((const char *)data, size, &in, err, sizeof err) == DYAD_OK) {
        dyad_code(ctx, doc, in.text, in.text_len, in.date);
        size_t n;
        dyad_doc_json(doc, in.id, DYAD_FMT_DOC, &n);
    }
    dyad_input_clear(&in);
    return 0;
}
