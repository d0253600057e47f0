/* actors.h - private to libdyad: the actor stage. Loads data/actors/ (*.txt files) into
 * a token trie (edges in a hash map keyed by node and word id) and finds actor
 * mentions in a document by longest match, combines them with agents
 * ("Russian" + "troops" -> RUSMIL), titles and unknown names, picks dated
 * codes by the document date, and resolves pronouns and descriptions
 * (coreference). dict.c loads and validates, match.c finds and resolves. */
#ifndef DY_ACTORS_H
#define DY_ACTORS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../text/text.h"
#include "../util/util.h"

/* A code valid over a date range (days; INT32_MIN/MAX for open ends). */
typedef struct dy_dcode {
    uint32_t code;          /* interned code string id in acts->codes */
    int32_t from, to;       /* inclusive */
} dy_dcode;

enum dy_entry_kind {
    EK_ACTOR = 1,           /* a named actor: country, organisation, person */
    EK_AGENT = 2,           /* a role word (agents) or a title (person = 1) */
    EK_DESC = 3             /* a description ("the alliance") resolved by tags */
};

/* At most this many distinct tags (@alliance, @country ...) over all files. */
#define DY_MAX_TAGS 32

typedef struct dy_aentry {
    uint32_t dc_first, ndc; /* dated codes in acts->dc */
    uint32_t fallback;      /* undated code id, 0 if none */
    uint32_t tags;          /* bit i: tag id i+1 of acts->tags */
    uint8_t kind;           /* enum dy_entry_kind */
    uint8_t person;         /* 1 when the entry is a person (people section,
                               dated codes in a people* file) or a title */
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

/* A problem found while loading, reported by `dyad dict check`. */
enum { AP_DUP = 1, AP_DUP_SAME, AP_OVERLAP };
typedef struct dy_aproblem {
    uint8_t kind;
    uint32_t entry;         /* the entry of the line with the problem */
    uint32_t other;         /* AP_DUP: the entry that keeps the phrase */
    uint32_t phrase;        /* AP_DUP*: the phrase (acts->codes id) */
} dy_aproblem;

typedef struct dy_actors {
    dy_map edges;           /* (node << 32 | word id) -> child node */
    /* per word id (< nedge_case): bit c set when some edge carries the word
     * with case requirement c, bit 4 + c when an edge from the root does;
     * the matcher skips the lookups no edge can answer (built at load) */
    uint8_t *edge_case;
    size_t nedge_case;
    dy_anode *nodes;
    size_t nnodes, nodes_cap;
    dy_aentry *entries;
    size_t nentries, entries_cap;
    dy_dcode *dc;
    size_t ndc, dc_cap;
    dy_intern codes;        /* code strings and phrase texts */
    dy_intern tags;         /* tag names, ids 1..DY_MAX_TAGS */
    /* bits of the tags the matcher knows by name (0 when no entry uses them):
     * @male/@female (titles: gender), @head (a title that names one person
     * per country or body: the president, the secretary general), @country
     * @capital and @region (context for role-only mentions), @located (an agent that
     * takes the country it is in: "police in Kenya"), @body (a capitalised
     * word naming a kind of institution, "Commission", "Union": it ends the
     * name of a country's body, "the Kenya Anti-Corruption Commission") */
    uint32_t tag_male, tag_female, tag_head, tag_country, tag_capital, tag_region, tag_located;
    uint32_t tag_body;
    uint32_t tag_ethnic;    /* @ethnic: a people, coded by where it lives */
    uint32_t tag_held;      /* @held: a thing an agent before it owns ("army
                               convoy", "police station"): the agent is an
                               actor, the thing none */
    uint32_t tag_for;       /* @for: "a spokesman for X" speaks for X */
    uint32_t tag_leading;   /* @leading: leaders ("Kurdish leaders" are the
                               Kurds, "Iraqi leaders" the government) */
    uint32_t tag_counterpart; /* @counterpart: the role of whose counterpart
                               it is ("his Indian counterpart") */
    /* states born late (a @country entry with an undated code and a dated
     * one: Eritrea, Kosovo, South Sudan): entry indices, for dating the
     * countries of gazetteer places (dy_actors_dated_state) */
    uint32_t late[16];
    uint32_t nlate;
    dy_map typo;            /* hash of a country's name less one letter
                               ("Kazakstan", "Germay") -> entry + 1, 0 when
                               two countries share it */
    dy_map ptypo;           /* a person's first name (word id) and surname
                               less one letter ("Jacques Chirc") ->
                               index + 1 into ptn, 0 when two people share it */
    struct dy_ptypo { uint32_t entry, surname; } *ptn;
    size_t nptn, ptn_cap;
    dy_aproblem *probs;
    size_t nprobs, probs_cap;
    char **files;
    size_t nfiles;
    size_t nphrases, nagent_phrases, ndesc_phrases, npeople, warnings;
} dy_actors;

/* Is c the code of an international body ("IGO...", "NGO...", "MNC...",
 * "IMG...") rather than of a state or a role? */
static inline int dy_is_org_code(const char *c)
{
    return !strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "MNC", 3) ||
           !strncmp(c, "IMG", 3);
}

/* Mention flags. */
enum {
    AM_PRONOUN = 1,         /* he, she, it, they ... resolved by coreference */
    AM_DESC = 2,            /* a description resolved to an earlier actor */
    AM_AGENT_ONLY = 4,      /* an agent with no country (police -> COP) */
    AM_PERSON = 8,
    AM_NAME = 16,           /* a capitalised name with no code */
    AM_PLURAL = 32,         /* a plural group ("Russian troops"): not "its" */
    AM_NAMED = 64,          /* a person with a name (dictionary or unknown),
                               not a bare title ("the foreign minister") */
    AM_SUBJ = 128,          /* covers the head of a clause's subject */
    AM_PENDING = 256,       /* match.c internal: awaiting resolution */
    AM_ROLE = 512,          /* the code is a role with no country ("GOV" for
                               "the president", "COP" for "police") */
    AM_LOCATED = 1024,      /* the country was not named: taken from where
                               the sentence happens (dy_actors_localise) or
                               from the context country */
    AM_OWNER = 2048         /* an agent owning the thing after it ("the army
                               convoy"): a determiner before it is the thing's */
};

/* Gender of a person mention, when known (titles, pronouns resolved to it). */
enum { AG_UNKNOWN = 0, AG_MALE = 1, AG_FEMALE = 2 };

typedef struct dy_mention {
    uint32_t first, end;    /* token range */
    uint32_t sent;
    char code[24];          /* CAMEO code, "" for none */
    int32_t ref;            /* mention this one refers to (coreference): the
                               first, named mention of the entity; -1 */
    uint32_t flags;
    int32_t entry;          /* dictionary entry, -1 */
    int32_t agent_entry;    /* agent entry combined in, -1 */
    uint8_t gender;         /* AG_*, persons only */
    uint8_t pron;           /* match.c internal: pronoun kind */
} dy_mention;

struct dyad_ctx;
struct dyad_doc;
/* Does code c begin with a state (a country code; not a role, an
 * international body, a region or a people of several states such as KUR)? */
int dy_actors_state_code(const char *c);
/* The state a place of country cc belonged to on day (SSD before 2011: SDN). */
const char *dy_actors_dated_state(const dy_actors *a, const char *cc, int32_t day);
int dy_actors_load(struct dyad_ctx *ctx, const char *dir, char *err, size_t errlen);
void dy_actors_free(dy_actors *a);
/* Find the mentions of the document; fills doc->men (in text order) and
 * doc->syn.np[].actor. 0 or -1 (no memory). */
int dy_actors_find(const struct dyad_ctx *ctx, struct dyad_doc *doc);
/* After the place stage: an agent with no country ("police", "refugees",
 * "demonstrators") takes the country of the place it is in ("refugees in
 * Liberia", "police in the city of X") or else of the one country the
 * sentence names or locates; "ethnic X" named with one place of another
 * country takes that country (CAMEO codes ethnic groups by where they
 * live). Marks them AM_LOCATED. Returns 0. */
int dy_actors_localise(const struct dyad_ctx *ctx, struct dyad_doc *doc);
/* The country entry whose one-word name, less one letter, is the
 * normalised word w ("germay" -> Germany); -1 if none. */
int32_t dy_actors_typo(const dy_actors *a, const char *w, size_t n);
/* The person entry named "first surname" where the surname, a word no
 * table knows, is the entry's surname less one letter ("Jacques
 * Chirc"); -1 if none. first is a word id, w the surname's normalised
 * form. */
int32_t dy_actors_person_typo(const struct dyad_ctx *ctx, uint32_t first, const char *w,
                              size_t n);
/* Validate (duplicates, bad codes, dates, tags): calls cb per problem and
 * returns their number. */
size_t dy_actors_check(const struct dyad_ctx *ctx, void (*cb)(void *, const char *, int, const char *),
                       void *user);

#endif
