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
/* Fill ctx->qt_wc and ctx->tx_wid (the tables of those stages by the
 * context's word ids) at the end of dyad_ctx_new. 0, or -1 when out of
 * memory (then the stages look each token up). */
int dy_quotes_prepare(struct dyad_ctx *ctx);
int dy_timex_prepare(struct dyad_ctx *ctx);
int dy_places_find(const struct dyad_ctx *ctx, struct dyad_doc *doc);

/* Places (src/context/gaz.c, places.c; issue 6). The gazetteer index is
 * optional: dy_gaz_load returns 0 when it was loaded into ctx->gaz, 1 when
 * there is none or it is unusable (err says why; ctx->gaz stays NULL and
 * places are simply not found). It never makes the context fail to load. */
int dy_gaz_load(struct dyad_ctx *ctx, char *err, size_t errlen);
void dy_gaz_free(void *gaz);
/* Tie each event (doc->ev) to a place (e->place): the place of its clause
 * (same sentence, after the trigger, before the next verb), else the most
 * specific place of its sentence, else -1. Run after the events stage. */
void dy_places_assign(const struct dyad_ctx *ctx, struct dyad_doc *doc);
/* ISO 3166-1 alpha-3 code of the place mention covering token tok, or NULL
 * (for the event coder: "capturing the outpost of Vuhledar" -> UKR). Needs
 * dy_places_find to have run. The string lives in the document. */
const char *dy_place_country_at(const struct dyad_doc *doc, uint32_t tok);
/* Is place p a town or city (not a country, region or sea)? */
int dy_place_is_town(const struct dyad_doc *doc, const dy_place *p);
/* Is token i of the document the water word of a water's name ("Gulf" in
 * "the Gulf of Guinea": sea, gulf, bay, strait, ocean, channel or lake
 * before "of")? Then neither it nor the country after "of" is a place or an
 * actor of its own. */
int dy_water_name_at(const struct dyad_doc *doc, uint32_t i);

/* Event dates (after dy_events_code): each event's date becomes the DATE time
 * expression of its clause (e->timex, and e->date when it is one day); events
 * without one keep the document date. */
void dy_timex_assign(const struct dyad_ctx *ctx, struct dyad_doc *doc);
/* Problems of the time word lists (<data_dir>/time/): malformed lines are
 * passed to cb (file, line, message); returns their number. */
size_t dy_timex_check(const struct dyad_ctx *ctx,
                      void (*cb)(void *, const char *, int, const char *), void *user);

#endif
