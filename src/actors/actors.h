/* actors.h - private to libdyad: the actor stage. Loads data/actors/ (*.txt files) into
 * a token trie (edges in a hash map keyed by node and word id) and finds actor
 * mentions in a document by longest match, combines them with agents
 * ("Russian" + "troops" -> RUSMIL), titles and unknown names, picks dated
 * codes by the document date, and resolves pronouns and descriptions. */
#ifndef DY_ACTORS_H
#define DY_ACTORS_H

#include <stddef.h>
#include <stdint.h>

#include "../text/text.h"
#include "../util/util.h"

/* A code valid over a date range (days; INT32_MIN/MAX for open ends). */
typedef struct dy_dcode {
    uint32_t code;          /* interned code string id in acts->codes */
    int32_t from, to;       /* inclusive */
} dy_dcode;

enum dy_entry_kind { EK_ACTOR = 1, EK_AGENT = 2 };

typedef struct dy_aentry {
    uint32_t dc_first, ndc; /* dated codes in acts->dc */
    uint32_t fallback;      /* undated code id, 0 if none */
    uint8_t kind;           /* enum dy_entry_kind */
    uint8_t person;         /* 1 when the entry is a person (has dated roles
                               or a person-like name) */
    uint16_t file;          /* index into acts->files */
    uint32_t line;
    uint32_t phrase;        /* first phrase as written (in acts->codes pool) */
} dy_aentry;

/* Case requirement of a trie edge. */
enum { CASE_ANY = 0, CASE_CAP = 1, CASE_UPPER = 2 };

/* Edge key: (node, word, case requirement); a word may leave a node by up to
 * three edges, one per case requirement, so "general" and "General" differ. */
static inline uint64_t dy_edge_key(uint32_t node, uint32_t word, int casereq)
{
    return ((uint64_t)node << 32) | word | ((uint64_t)casereq << 30);
}

typedef struct dy_anode {
    int32_t entry;          /* entry index ending here, -1 */
    uint8_t casereq;        /* of the edge into this node */
    uint8_t depth;
} dy_anode;

typedef struct dy_actors {
    dy_map edges;           /* (node << 32 | word id) -> child node */
    dy_anode *nodes;
    size_t nnodes, nodes_cap;
    dy_aentry *entries;
    size_t nentries, entries_cap;
    dy_dcode *dc;
    size_t ndc, dc_cap;
    dy_intern codes;        /* code strings and phrase texts */
    char **files;
    size_t nfiles;
    size_t nphrases, nagent_phrases, npeople, warnings;
} dy_actors;

/* Mention flags. */
enum {
    AM_PRONOUN = 1,         /* he, she, they ... resolved by coreference */
    AM_DESC = 2,            /* a description resolved to an earlier actor */
    AM_AGENT_ONLY = 4,      /* an agent with no country (police -> COP) */
    AM_PERSON = 8,
    AM_NAME = 16,           /* a capitalised name with no code */
    AM_PLURAL = 32          /* a plural group ("Russian troops"): not "its" */
};

typedef struct dy_mention {
    uint32_t first, end;    /* token range */
    uint32_t sent;
    char code[24];          /* CAMEO code, "" for none */
    int32_t ref;            /* mention this one refers to (coreference), -1 */
    uint32_t flags;
    int32_t entry;          /* dictionary entry, -1 */
    int32_t agent_entry;    /* agent entry combined in, -1 */
} dy_mention;

struct dyad_ctx;
struct dyad_doc;
int dy_actors_load(struct dyad_ctx *ctx, const char *dir, char *err, size_t errlen);
void dy_actors_free(dy_actors *a);
/* Find the mentions of the document; fills doc->men. 0 or -1 (no memory). */
int dy_actors_find(const struct dyad_ctx *ctx, struct dyad_doc *doc);
/* Validate (duplicates, bad codes, dates): calls cb per problem. */
size_t dy_actors_check(const struct dyad_ctx *ctx, void (*cb)(void *, const char *, int, const char *),
                       void *user);

#endif
