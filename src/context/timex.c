/* timex.c - time expressions. This first version finds none; the dates work
 * of issue 6 replaces it. */
#include "../core/internal.h"

int dy_timex_find(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    (void)ctx;
    doc->ntx = 0;
    return 0;
}
