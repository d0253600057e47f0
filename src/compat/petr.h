/* petr.h - private to src/compat: the state shared by the PETRARCH/TABARI
 * dictionary readers (petr_read.c: lines, codes, dates, phrase items;
 * petr_actors.c: actors, agents, discards; petr_verbs.c: verbs and synsets;
 * petr_load.c: finding the files and finishing the tables). */
#ifndef DY_PETR_H
#define DY_PETR_H

#include "../core/internal.h"
#include "compat.h"

#include <stdio.h>


/* A pattern before its codes are resolved. */
typedef struct petr_pat {
    uint32_t head;          /* word id (class 0), synset name id (class 2) ... */
    uint32_t el_first;      /* elements in ctx->ev.el */
    uint8_t nel, cls;
    uint16_t file;
    uint32_t line;
    uint32_t code;          /* id in b->codes; 0: no event */
    uint16_t weight;        /* specificity: patterns of a head are tried heaviest first */
} petr_pat;

/* One item of a phrase or pattern, as written. */
enum {
    IT_WORD = 1, IT_VERB, IT_TARGET, IT_SOURCE, IT_SKIP, IT_COMPOUND, IT_SYNSET
};
typedef struct petr_item {
    uint8_t kind;
    uint8_t adj;            /* joined to the previous item by '_' */
    uint8_t stem;           /* TABARI: a word not closed by '_' matches as a prefix
                               (2: forced by '~') */
    uint8_t noend;          /* closed by '=' ("MOUSE=", "BAN="): the form only,
                               without TABARI's noun and verb endings */
    uint32_t id;            /* word id (IT_WORD) or synset name id (IT_SYNSET) */
} petr_item;

#define PETR_MAX_ITEMS 48

typedef struct petr_build {
    dyad_ctx *ctx;
    char *err;
    size_t errlen;
    /* the file being read */
    const char *path;
    int line;
    uint16_t fileno;        /* index into ctx->ev.files and ctx->act.files */
    int tabari;             /* TABARI dialect (stems, '_' closes a word) */
    /* patterns, their codes */
    petr_pat *pat;
    size_t npat, pat_cap;
    dy_intern codes;        /* event code strings as written ("032", "174K") */
    uint32_t anon;          /* anonymous synsets made from { A | B } */
    dy_map synset_seen;     /* synset name id -> 1 when defined */
    dy_map synset_used;     /* synset name id -> line of a first use (+ file << 20) */
    dy_map anon_len;        /* anonymous synset ({ A | B }) id -> words of its
                               longest member (for the specificity of patterns) */
    size_t warnings;
} petr_build;

/* ---- petr_read.c ---- */
/* Report an error at the current file and line; returns -1. */
int petr_fail(petr_build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Strip comments from a line in place: '#' and ';' outside brackets, and
 * <!-- --> blocks (*in_xml keeps the state across lines). Returns the trimmed
 * line (possibly empty). */
char *petr_clean_line(char *s, int *in_xml);
/* Intern a lower-case word (load time); 0 when out of memory. */
uint32_t petr_word(petr_build *b, const char *w, size_t n);
/* Parse a date YYMMDD or YYYYMMDD into a day number. */
int petr_date(const char *s, size_t n, int32_t *day);
/* Cut a phrase or pattern into items. Words are cut by dyad's tokenizer; '_'
 * joins items; in patterns (pattern=1) '*', '+', '$', '^', '%' and '&NAME'
 * are items; { A | B } groups become anonymous synsets; PETRARCH-2 {A B}
 * groups join their words and (A B) groups are kept as words. Returns the
 * number of items or -1 (error reported). space_adj: blanks join like '_'. */
int petr_items(petr_build *b, const char *s, size_t n, int pattern, int space_adj,
               petr_item *out, int max);
/* The weight of an item for the specificity of a pattern: 8 for a word (6
 * for a TABARI stem; one more when joined by '_'), 4 for an actor place or a
 * skip, 3 for a named synset (TABARI prefers the literal word), 4 per word of
 * the longest alternative of { A | B }. */
int petr_item_weight(petr_build *b, const petr_item *it);
/* Emit items as pattern elements into ctx->ev.el; returns the first index. */
int petr_emit_items(petr_build *b, const petr_item *it, int n, uint32_t *first);
/* Add a pattern (class cls, head) whose elements were emitted. */
int petr_add_pat(petr_build *b, int cls, uint32_t head, uint32_t el_first, int nel,
                 uint32_t code, int weight);
/* The id of a synset name as written ("&TIETYPES_" -> "&tietypes"). */
uint32_t petr_synset_id(petr_build *b, const char *s, size_t n);
/* Add one member phrase of synset name (the phrase's words stand together). */
int petr_synset_member(petr_build *b, uint32_t name, const char *s, size_t n);
/* Register a TABARI stem (class DY_PC_STEM) once. */
int petr_add_stem(petr_build *b, uint32_t id);
/* Register word id in a word class (DY_PC_STEM, DY_PC_NOEND, DY_PC_NOUN,
 * DY_PC_ADJ: a pattern of that class with no elements) once. */
int petr_add_word_class(petr_build *b, int cls, uint32_t id);
/* Intern an event code string ("" for none). */
uint32_t petr_code(petr_build *b, const char *s, size_t n);

/* ---- petr_code.c: verbs as PETRARCH and TABARI find them ---- */
typedef struct petr_sent {  /* a sentence as the verb tests see it */
    const dyad_ctx *ctx;
    const dy_text *t;
    size_t first, end;      /* its tokens */
    const uint8_t *dead;    /* per token from first: deleted (NULL: none) */
    const uint8_t *taken;   /* per token from first: part of an actor (NULL) */
    int tabari;
    uint8_t *dv;            /* per token from first: petr_dict_verb's answer
                               (0 not known yet, 1 yes, 2 no); NULL: none kept */
    uint32_t *stem;         /* per token from first: PETR_NSTEM stem ids ... */
    uint8_t *nstem;         /* ... and how many (255: not looked up yet);
                               NULL: none kept */
} petr_sent;
#define PETR_NSTEM 4
/* The TABARI stems token i begins with (dy_compat_stems), kept per sentence
 * when ps has room for them: *out points at them; returns their number. */
int petr_stems(const petr_sent *ps, size_t i, uint32_t *buf, const uint32_t **out);
/* The heads a verb token may be looked up by, in order: its form, the form
 * without a regular ending (-s, -es, -ed, -d, -ing; TABARI -en), TABARI
 * stems. Returns their number (word ids in heads). */
int petr_verb_heads(const petr_sent *ps, size_t i, uint32_t *heads, int max);
/* The verb patterns of head h: [*p0, *p1); 0 when it has none. */
int petr_verb_run(const dy_events *ev, uint32_t h, size_t *p0, size_t *p1);
/* Is token i a verb of the dictionary by its heads? */
int petr_dict_verb(const petr_sent *ps, size_t i);
/* TABARI: may token i be a verb by its word and neighbours (no article just
 * before, not capitalised inside the sentence, not a <NOUN>)? */
int petr_tabari_verb_word(const petr_sent *ps, size_t i);

/* ---- petr_actors.c ---- */
int petr_read_actors(petr_build *b, char *buf, size_t len);
int petr_read_agents(petr_build *b, char *buf, size_t len);
int petr_read_discards(petr_build *b, char *buf, size_t len);

/* ---- petr_verbs.c ---- */
int petr_read_verbs(petr_build *b, char *buf, size_t len);

#endif
