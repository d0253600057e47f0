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

/* A pattern: a head word (verb lemma or noun) and elements around it.
 * Element kinds (dy_pel.kind; the low five bits, PE_KIND_MASK). Other kinds
 * are used by the PETRARCH/TABARI reader (src/compat/compat.h) and use the same
 * values for the same meanings (PE_SOURCE, PE_HEAD, PE_ADJ). */
enum {
    PE_WORD = 1,            /* a word (form or lemma) */
    PE_TARGET = 2,          /* '*': the target actor stands here */
    PE_SOURCE = 3,          /* '$': the source actor stands here (role swap:
                               the subject becomes the target) */
    PE_HEAD = 7,            /* the head's place: elements before it are words
                               that precede the head ("sexually ^assault") */
    PE_ALT = 10             /* one of several words: (send|deliver|provide);
                               word = index into ev->alt (count, then ids) */
};
#define PE_KIND_MASK 0x1f
#define PE_ADJ 0x40         /* or'ed into kind: the element stands right after
                               the previous element (no word between) */
typedef struct dy_pattern {
    uint32_t head;          /* word id of the lemma */
    uint32_t el_first;      /* elements in ev->el */
    uint8_t nel;
    uint8_t noun;           /* class: 0 verbs, 1 nouns, DY_PC_TOPIC topics */
    uint16_t file;
    uint32_t line;
    int32_t code;           /* index into ev->codes */
    uint64_t need;          /* bloom bits (dy_bloom_bit) of the words the
                               pattern requires: a clause lacking one cannot
                               match */
    uint8_t rank;           /* words and actor places, markers excluded: the
                               longest matching pattern wins */
} dy_pattern;

typedef struct dy_pel {
    uint8_t kind;           /* PE_WORD or PE_TARGET */
    uint32_t word;          /* word id (PE_WORD) */
} dy_pel;

/* Modalities of the modality table. */
enum { DY_MOD_INTENT = 0, DY_MOD_REFUSE, DY_MOD_APPEAL, DY_MOD_DEMAND, DY_MOD_ACCUSE, DY_MOD_N };

/* Grammar words the coder looks for (ev->w[]). */
enum {
    DY_W_MUST, DY_W_SHOULD, DY_W_OUGHT, DY_W_NEED, DY_W_HAVE, DY_W_THAT, DY_W_BY, DY_W_FROM,
    DY_W_TO, DY_W_OF, DY_W_FOR, DY_W_WITH, DY_W_AGAINST, DY_W_ON, DY_W_AT, DY_W_INTO,
    DY_W_AND, DY_W_COMMA, DY_W_SEMI, DY_W_IN, DY_W_OVER, DY_W_UPON, DY_W_BE, DY_W_READY,
    DY_W_WILLING, DY_W_PREPARED, DY_W_NOT, DY_W_WITHOUT, DY_W_AFTER, DY_W_BEFORE, DY_W_WHEN,
    DY_W_WHILE, DY_W_SINCE, DY_W_BECAUSE, DY_W_ALTHOUGH, DY_W_THOUGH, DY_W_UNTIL, DY_W_ONCE,
    DY_W_WHEREAS, DY_W_WOULD, DY_W_WHERE, DY_W_WHICH, DY_W_UNLESS,
    /* nouns whose that-clause is asserted by someone, not by the text */
    DY_W_ALLEGATION, DY_W_ACCUSATION, DY_W_CLAIM, DY_W_CHARGE, DY_W_REPORT, DY_W_RUMOUR,
    DY_W_RUMOR, DY_W_SUSPICION, DY_W_ASSERTION, DY_W_SPECULATION,
    /* verbs of decision */
    DY_W_ANNOUNCE, DY_W_DECIDE, DY_W_DECLARE, DY_W_ABOUT,
    /* verbs that call an event off */
    DY_W_POSTPONE, DY_W_CANCEL, DY_W_DELAY, DY_W_SCRAP, DY_W_SUSPEND, DY_W_BLOCK, DY_W_VETO,
    DY_W_HALT, DY_W_FREEZE, DY_W_ABANDON, DY_W_BETWEEN, DY_W_AS,
    /* verbs whose subject undergoes their object */
    DY_W_SURVIVE, DY_W_ESCAPE, DY_W_SUFFER, DY_W_NEAR, DY_W_ALONG, DY_W_DESPITE, DY_W_DURING, DY_W_AMID,
    /* the noun a named town stands for in patterns ("seized Goma": `seize town`) */
    DY_W_TOWN, DY_W_N
};

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
    /* modality table (data/cameo/modality.tsv), per code index: the code of
     * the same content as an intent (03x, or threat 13x for conflict), a
     * refusal (12x), an appeal (02x), a demand (10x) and an accusation
     * (112x), -1 when none; and
     * the content code a modal code stands for (0231 -> 071), -1 */
    int32_t *modal[DY_MOD_N];
    int32_t *base;
    size_t nmodal;            /* codes these two tables cover (codes appended
                               later, e.g. by the PETRARCH reader, have none) */
    /* per pattern, for the coder's scan: the need bits and the end of the
     * head's run, laid out flat; valid only while idx_for == pat and
     * idx_n == npat (a loader that replaces pat, e.g. the PETRARCH reader,
     * leaves them stale, and the coder then reads pat itself) */
    uint64_t *idx_need;
    uint32_t *idx_end;
    const dy_pattern *idx_for;
    size_t idx_n;
    /* key-word index of the long runs (same validity): idx_keyed[p0] is
     * not 0 when the run starting at p0 has one. Each pattern of such a run has a
     * key, the rarest word it requires (none when it requires no plain word);
     * kidx maps ((p0 + 1) << 32 | key) to 1 + the offset in klist of the
     * list "count, then the run offsets p - p0 of the patterns with that
     * key" (ascending; key 0: the patterns without one). idx_keyed[p0] is
     * 1 + the run's number among the keyed runs. A clause lacking
     * a key word cannot match that pattern, so best_pattern tries only the
     * lists of the clause's words. */
    uint32_t *idx_keyed;
    uint64_t *kbloom;       /* per keyed run (idx_keyed - 1): 512 bits of
                               dy_kbloom_bit over its keys, so that the
                               clause's other words skip the map */
    dy_map kidx;
    uint32_t *klist;
    size_t nklist, klist_cap;
    uint32_t *alt;            /* alternatives of PE_ALT elements: n, ids... */
    size_t nalt, alt_cap;
    /* alt_bloom[at]: the dy_bloom_bit of the ids of the list at alt + at,
     * so that el_match rejects most tokens without a scan (built at load;
     * valid while alt_bloom_n == nalt) */
    uint64_t *alt_bloom;
    size_t alt_bloom_n;
    /* head_bits[word id]: bit 0 when by_head has verb patterns for the word,
     * bit 1 noun patterns; ids >= nhead_bits (words interned later) are
     * looked up (built at load, cleared when by_head is rebuilt) */
    uint8_t *head_bits;
    size_t nhead_bits;
    uint32_t w[DY_W_N];       /* word ids of the grammar words the coder uses */
} dy_events;

/* Runs of at least this many patterns get the key-word index; the longest
 * it covers (the coder's bitmap of candidates). */
#define DY_KIDX_MIN 48
#define DY_KIDX_MAX 4096

/* Bit (of 512) of a key word in dy_events.kbloom. */
static inline uint32_t dy_kbloom_bit(uint32_t id)
{
    return (id * 0x9E3779B1u) >> 23;
}

/* The bloom bit of a word id (dy_pattern.need; the coder's clause filter). */
static inline uint64_t dy_bloom_bit(uint32_t id)
{
    return 1ull << ((id * 0x9E3779B1u) >> 26);
}

/* Pattern class (dy_pattern.noun) of topic nouns (`%section topics`): what
 * an appeal, demand, refusal or protest is about ("human rights",
 * "independence"), read only as such a complement, never coded alone. The
 * classes are 0 verbs, 1 nouns, 16 topics; the PETRARCH reader uses 2..6. */
#define DY_PC_TOPIC 16

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
