/* quotes.c - quotations and their speakers. This first version finds none;
 * the quotes work of issue 6 replaces it. */
#include "../core/internal.h"

int dy_quotes_find(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    (void)ctx;
    doc->nq = 0;
    return 0;
}
