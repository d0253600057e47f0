/* events.h - private to libdyad: the event stage. Loads the CAMEO code table
 * (data/cameo/codes.tsv) and the verb and noun patterns (data/events/ (*.txt files)),
 * and codes events from the clause frames of a document. */
#ifndef DY_EVENTS_H
#define DY_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

typedef struct dy_code {
    char code[8];           /* "042" */
    double goldstein;
    uint8_t quad;
    char plover_event[24], plover_mode[24], plover_context[32];
    char label[80];
} dy_code;

/* A pattern: a head word (verb lemma or noun) and elements that follow it. */
enum { PE_WORD = 1, PE_TARGET = 2 };
typedef struct dy_pattern {
    uint32_t head;          /* word id of the lemma */
    uint32_t el_first;      /* elements in ev->el */
    uint8_t nel;
    uint8_t noun;           /* 1 for noun patterns */
    uint16_t file;
    uint32_t line;
    int32_t code;           /* index into ev->codes */
} dy_pattern;

typedef struct dy_pel {
    uint8_t kind;           /* PE_WORD or PE_TARGET */
    uint32_t word;          /* word id (PE_WORD) */
} dy_pel;

typedef struct dy_events {
    dy_code *codes;
    size_t ncodes, codes_cap;
    dy_pattern *pat;
    size_t npat, pat_cap;
    dy_pel *el;
    size_t nel, el_cap;
    dy_map by_head;         /* (noun << 32 | head word) -> first pattern index + 1;
                               patterns of one head are contiguous after sorting */
    char **files;
    size_t nfiles;
    size_t nverb, nnoun, nlemmas, warnings;
    int32_t intent_code[21];  /* per root: code index for future/intent, -1 */
    int32_t refuse_code[21];  /* per root: code index for refusal, -1 */
    uint8_t *mutual;          /* per code: 1 when mutual (data/cameo/mutual.txt) */
} dy_events;

/* Pattern code meaning "no event" (a discard: `kick off => ---`). */
#define DY_CODE_NONE (-2)

typedef struct dy_event {
    uint32_t sent;
    int32_t code;           /* index into ctx->ev.codes */
    int32_t src, tgt;       /* mention indices, -1 */
    uint32_t trig_first, trig_end; /* trigger token range */
    int32_t pattern;        /* pattern used */
    int32_t date;           /* day number, or INT32_MIN */
    int32_t timex;          /* index of the time expression giving the date, -1 */
    int32_t place;          /* index of the place, -1 */
    uint8_t negated;
} dy_event;

struct dyad_ctx;
struct dyad_doc;
int dy_events_load(struct dyad_ctx *ctx, const char *dir, char *err, size_t errlen);
void dy_events_free(dy_events *ev);
int dy_code_index(const dy_events *ev, const char *code);
int dy_events_code(const struct dyad_ctx *ctx, struct dyad_doc *doc);
size_t dy_events_check(const struct dyad_ctx *ctx, void (*cb)(void *, const char *, int, const char *),
                       void *user);

#endif
