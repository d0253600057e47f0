/* compat.h - private to libdyad: reading the dictionaries of earlier coders
 * (PETRARCH-1, PETRARCH-2 and TABARI formats) into dyad's own structures, and
 * coding with them the way those coders do (see docs/compat.md).
 *
 * Loading (dy_compat_load) fills ctx->act (actor trie: actors with dated codes,
 * agents) and ctx->ev (verb patterns) like dyad's own loaders do. What dyad's
 * pattern format cannot say is kept in the same arrays:
 *
 *  - Pattern classes. dy_pattern.noun is 0 for verbs and 1 for nouns; the
 *    compat loader adds classes 2..11 (synset members, discard phrases, TABARI
 *    stems and word lists, see below). dyad's own coder only looks up classes
 *    0 and 1.
 *  - Extended patterns. A pattern whose first element is DY_PE_GUARD needs
 *    dy_compat_match: words before the verb, an explicit source ($), skips
 *    (^), compounds (%), synsets (&NAME), alternatives, adjacency (words
 *    joined by '_'), a paired reverse code (032:033), a weak code. The
 *    guard's word id never occurs in text, so a coder that does not know
 *    about extensions never matches such a pattern.
 *  - Actor trie edges of DY_CASE_GAP: words a phrase joins with a blank.
 *
 * Coding: in a context loaded so (dy_compat_mode), dy_compat_actors finds the
 * mentions in place of dy_actors_find (src/core/doc.c) and dy_compat_code
 * codes the events in place of dyad's coder (src/events/coder.c), with
 * PETRARCH's or TABARI's rules (petr_men.c, petr_code.c).
 *
 * Codes of the foreign dictionaries that are not in dyad's CAMEO table (WEIS
 * codes, test codes like 903 or 174K, TABARI's ### and +++ in patterns) are
 * appended to ev->codes after it is loaded (the table stays sorted in its
 * first part; dy_code_index is only used at load time). */
#ifndef DY_COMPAT_H
#define DY_COMPAT_H

#include <stddef.h>
#include <stdint.h>

#include "../events/events.h"

struct dyad_ctx;
struct dyad_doc;

/* Load the PETRARCH/TABARI dictionaries of path into ctx->act and ctx->ev,
 * replacing dyad's own actors and patterns (ctx->ev must already hold dyad's
 * code tables: call after dy_events_load). path is a directory (files are
 * recognised by name: *actors*, *agents*, *verbs*, *discards*; a TABARI
 * *.project file there, if any, names them instead) or one .project file.
 * Returns 0, or -1 with a message naming file and line in err. */
int dy_compat_load(struct dyad_ctx *ctx, const char *path, char *err, size_t errlen);

/* Pattern classes (dy_pattern.noun) beyond 0 (verbs) and 1 (nouns). */
enum {
    DY_PC_SYNSET = 2,        /* one member phrase of a synset; head = the synset's
                                name id ("&currency"), elements = the phrase */
    DY_PC_DISCARD = 3,       /* a sentence discard phrase: head = first word */
    DY_PC_DISCARD_STORY = 4, /* a story (document) discard phrase */
    DY_PC_STEM = 5,          /* a TABARI stem (word written without a final '_'):
                                head = the stem's id, no elements */
    DY_PC_MODE = 6,          /* by_head key (6 << 32) holds the mode flags below */
    DY_PC_NOEND = 7,         /* a word closed by '=' ("MOUSE=", "BAN="): no noun or
                                verb endings; head = the word, no elements */
    DY_PC_NOUN = 8,          /* TABARI <NOUN> words: never verbs */
    DY_PC_ADJ = 9,           /* TABARI <ADJECTIVE> words: "awful and evil minister"
                                is no compound */
    DY_PC_VDISCARD = 10,     /* TABARI verb entries coded ### or +++ ("SOCCER",
                                "BLAST"): head = first word, elements = the rest;
                                a sentence with one used as a verb is discarded */
    DY_PC_STEMLEN = 11       /* by_head key (11 << 32): bit k set when a stem of k
                                bytes exists (k < 32; bit 31: longer ones) */
};

/* Actor trie edges (actors.h dy_edge_key) of a word that follows the previous
 * word of its phrase after a blank, not '_': other words may stand between
 * them (TABARI's "ITHILEN TELEVISION" for "Ithilen state-run television"). */
#define DY_CASE_GAP 3

/* What was loaded: 0 for dyad's own dictionaries, else DY_COMPAT_ON, plus
 * DY_COMPAT_TABARI when a file was read in the TABARI dialect. */
enum { DY_COMPAT_ON = 1, DY_COMPAT_TABARI = 2 };
int dy_compat_mode(const struct dyad_ctx *ctx);

/* Flags (dy_mention.flags) of the mentions dy_compat_actors makes: every
 * one has DY_AM_COMPAT; DY_AM_GROUP marks a mention that belongs to the
 * compound of the mention before it ("Yarrow and Zembla", the actors of an
 * "A/B" code, the members a pronoun stands for). */
#define DY_AM_COMPAT (1u << 24)
#define DY_AM_GROUP (1u << 25)

/* Find the actor mentions of doc the way PETRARCH and TABARI do (in place of
 * dy_actors_find when dy_compat_mode(ctx)): fills doc->men and
 * doc->syn.np[].actor. 0, or -1 when out of memory. */
int dy_compat_actors(const struct dyad_ctx *ctx, struct dyad_doc *doc);

/* Code the events of doc the way PETRARCH and TABARI do (dy_events_code
 * calls it when dy_compat_mode(ctx)): fills doc->ev. 0, or -1 when out of
 * memory. */
int dy_compat_code(const struct dyad_ctx *ctx, struct dyad_doc *doc);

/* Element kinds (dy_pel.kind) of extended patterns, beside PE_WORD (1) and
 * PE_TARGET (2). The low five bits are the kind; DY_PE_ADJ or'ed in means the
 * element stands right after the previous element of the pattern (in text
 * order), with no word between: the '_' connector of the foreign formats. */
enum {
    DY_PE_SOURCE = 3,     /* '$': the source actor stands here */
    DY_PE_SKIP = 4,       /* '^': skip an actor (TABARI) or a noun phrase */
    DY_PE_SYNSET = 5,     /* any member phrase of synset `word` (its name id) */
    DY_PE_STEM = 6,       /* a word beginning with the stem `word` (TABARI) */
    DY_PE_VERB = 7,       /* the verb's position: elements before it are matched
                             leftwards from the verb, those after it rightwards */
    DY_PE_PAIR = 8,       /* paired code: `word` is the code index of the event
                             in the other direction (tgt -> src) */
    DY_PE_COMPOUND = 9,   /* '%': a compound actor stands here (TABARI codes
                             its members with each other) */
    DY_PE_WEAK = 11,      /* TABARI "[023?]": the verb codes only when no later
                             verb of its clause does (second element, after
                             the guard) */
    DY_PE_GUARD = 15,     /* first element of every extended pattern */
    DY_PE_KIND = 0x1f,
    DY_PE_ADJ = 0x40
};
#define DY_PE_GUARD_WORD UINT32_MAX

/* True when pattern p needs dy_compat_match. */
static inline int dy_compat_is_ext(const dy_events *ev, const dy_pattern *p)
{
    return p->nel > 0 && (ev->el[p->el_first].kind & DY_PE_KIND) == DY_PE_GUARD;
}

/* The outcome of matching a pattern. */
typedef struct dy_compat_hit {
    int32_t src, tgt;        /* mentions at '$' and '+', -1 when the pattern has none */
    int32_t compound;        /* a mention of the compound at '%', -1 */
    int nskip;               /* actors the '^' elements passed over: */
    uint32_t skip_first[4], skip_end[4];   /* their tokens */
    int32_t pair_code;       /* code index of the reverse event, -1 */
    int weak;                /* the pattern's code is a weak one (DY_PE_WEAK) */
    uint32_t first, last;    /* first and last token matched (the verb included) */
} dy_compat_hit;

/* Where a pattern may match: tokens [first, end) (a clause) of which those
 * with dead[i - first] set are not there (a subordinate clause TABARI
 * deletes; dead may be NULL), and the mentions doc->men[m0, m1) of which
 * those with men_dead[m - m0] set are not there (NULL: all are). */
typedef struct dy_compat_scope {
    size_t first, end;
    size_t m0, m1;
    const uint8_t *dead;
    const uint8_t *men_dead;
} dy_compat_scope;

/* Match plain or extended pattern p of the verb at token v (the verb's other
 * words, "BRUSH ASIDE REPORTS", are elements after it) within scope sc.
 * Returns 1 on a match (hit filled), 0 if not. Reads only; never
 * allocates. */
int dy_compat_match(const struct dyad_ctx *ctx, const struct dyad_doc *doc, const dy_pattern *p,
                    size_t v, const dy_compat_scope *sc, dy_compat_hit *hit);

/* Discards in sentence s of doc, whose mentions are doc->men[m0, m1):
 * returns DY_PC_DISCARD when a sentence discard phrase occurs in it (or,
 * TABARI, an actor coded ### or +++ at the document's date),
 * DY_PC_DISCARD_STORY for a story discard, 0 when none (or no discards are
 * loaded). */
int dy_compat_discard(const struct dyad_ctx *ctx, const struct dyad_doc *doc, size_t s, size_t m0,
                      size_t m1);

/* Does a class cls phrase (discards) with head word `head` start at token i
 * of [first, end)? */
int dy_compat_phrase(const struct dyad_ctx *ctx, const struct dyad_doc *doc, int cls, uint32_t head,
                     size_t i, size_t first, size_t end);

/* The longest TABARI stem (DY_PC_STEM) that begins the lower-case word w[0..n),
 * as a word id, or 0. Stems shorter than 3 bytes are not tried. */
uint32_t dy_compat_stem(const struct dyad_ctx *ctx, const char *w, size_t n);
/* All TABARI stems that begin w[0..n), longest first, except words closed
 * by '=' (at most max into out); returns their number. */
int dy_compat_stems(const struct dyad_ctx *ctx, const char *w, size_t n, uint32_t *out, int max);

#endif
