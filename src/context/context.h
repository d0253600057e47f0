/* context.h - private to libdyad: the context stage. Time expressions resolved
 * against the document date (TimeML values), direct and indirect quotations
 * with their speakers, and places resolved by the gazetteer. */
#ifndef DY_CONTEXT_H
#define DY_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

enum dy_timex_type { TX_DATE = 1, TX_TIME, TX_DURATION, TX_SET };

typedef struct dy_timex {
    uint32_t first, end;    /* token range */
    uint32_t sent;
    uint8_t type;           /* enum dy_timex_type */
    char value[24];         /* TimeML value: 2024-10-03, 2024-W41, 2024-10, P2D, PRESENT_REF */
    int32_t day;            /* day number when the value is a single day, else INT32_MIN */
} dy_timex;

typedef struct dy_quote {
    uint32_t start, end;    /* byte range of the quoted text (without marks) */
    int32_t speaker;        /* mention index of the speaker, -1 */
    uint32_t sent;          /* sentence where it starts */
    uint8_t direct;         /* 1 direct quotation, 0 indirect speech */
} dy_quote;

typedef struct dy_place {
    uint32_t first, end;    /* token range of the mention */
    uint32_t sent;
    char name[64];          /* gazetteer name */
    char country[4];        /* ISO 3166-1 alpha-3 */
    char adm1[12];          /* ISO 3166-2 code or "" */
    char feature[12];       /* "country", "adm1", "city" ... */
    double lat, lon;
} dy_place;

struct dyad_ctx;
struct dyad_doc;
/* Each fills its array in the document; 0 or -1 (out of memory). */
int dy_timex_find(const struct dyad_ctx *ctx, struct dyad_doc *doc);
int dy_quotes_find(const struct dyad_ctx *ctx, struct dyad_doc *doc);
int dy_places_find(const struct dyad_ctx *ctx, struct dyad_doc *doc);

#endif
