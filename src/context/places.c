/* places.c - place mentions and the gazetteer. This first version finds none;
 * the places work of issue 6 replaces it. */
#include "../core/internal.h"

int dy_places_find(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    (void)ctx;
    doc->npl = 0;
    return 0;
}
