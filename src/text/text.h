/* text.h - private to libdyad: the text stage. Turns raw UTF-8 bytes into a
 * flat token array (byte offsets into the original text, normalised lower-case
 * forms in one string pool) and sentences. No allocation per token: all arrays
 * live in the document and grow geometrically. */
#ifndef DY_TEXT_H
#define DY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

enum dy_tok_kind {
    TK_WORD = 1,    /* letters, maybe with digits, hyphens, inner apostrophes */
    TK_NUM,         /* starts with a digit: 3,000 2.5 10:30 1990s F-16 is WORD */
    TK_ABBR,        /* word with periods: U.S. Gen. p.m. (the period included) */
    TK_PUNCT,       /* . , ; : ! ? ( ) ... and others */
    TK_DASH,        /* - -- (standalone) */
    TK_QUOTE,       /* a quotation mark; TF_OPEN / TF_CLOSE say which side */
    TK_CLITIC,      /* 's ' n't 're 've 'll 'd 'm */
    TK_SYM          /* other symbols: $ % & @ ... */
};

enum dy_tok_flags {
    TF_CAP = 1 << 0,        /* first letter upper case */
    TF_ALLCAP = 1 << 1,     /* every letter upper case, at least two letters */
    TF_SPACE = 1 << 2,      /* whitespace before the token */
    TF_NEWLINE = 1 << 3,    /* a line break before the token */
    TF_PARA = 1 << 4,       /* a blank line (or start of text) before the token */
    TF_OPEN = 1 << 5,       /* opening quotation mark */
    TF_CLOSE = 1 << 6,      /* closing quotation mark */
    TF_SENT_END = 1 << 7    /* may end a sentence (. ! ? ...) */
};

typedef struct dy_tok {
    uint32_t start, end;     /* byte offsets [start, end) in the original text */
    uint32_t norm;           /* offset of the normalised lower-case form in
                                doc->norm (NUL-terminated) */
    uint16_t nlen;           /* its length */
    uint8_t kind;            /* enum dy_tok_kind */
    uint8_t flags;           /* enum dy_tok_flags */
    uint32_t word;           /* interned id of the norm in ctx->words, 0 if unknown */
    uint32_t lemma;          /* interned id of the lemma in ctx->words (0: = word) */
    uint8_t tag;             /* Penn tag (syntax stage), enum dy_tag */
    uint8_t quote;           /* inside a direct quotation: 1, else 0 */
    uint16_t spare;
} dy_tok;

typedef struct dy_sent {
    uint32_t first, ntok;    /* token range */
    uint32_t start, end;     /* byte range */
} dy_sent;

/* The output of the text stage, embedded in the document. */
typedef struct dy_text {
    const char *src;         /* the document's bytes (owned by the doc) */
    size_t len;
    dy_tok *tok;
    size_t ntok, tok_cap;
    char *norm;              /* pool of normalised forms */
    size_t norm_len, norm_cap;
    dy_sent *sent;
    size_t nsent, sent_cap;
    size_t invalid;          /* invalid UTF-8 bytes replaced */
} dy_text;

struct dy_abbrevs;

/* Cut src into tokens. Returns 0, or -1 when out of memory. */
int dy_tokenize(dy_text *t, const struct dy_abbrevs *ab);
/* Split tokens into sentences. Returns 0 or -1 (out of memory). */
int dy_split(dy_text *t, const struct dy_abbrevs *ab);

static inline const char *dy_tok_norm(const dy_text *t, const dy_tok *k)
{
    return t->norm + k->norm;
}
static inline int dy_tok_is(const dy_text *t, const dy_tok *k, const char *s)
{
    /* the first byte rules most tokens out before strlen (called with
     * literals from many rules, not always inlined) */
    if (k->nlen && t->norm[k->norm] != s[0])
        return 0;
    size_t n = strlen(s);
    return k->nlen == n && memcmp(t->norm + k->norm, s, n) == 0;
}

/* Is the string s[0..n) one of the NULL-terminated words of list? (No word
 * of a list is empty; no strlen per word.) */
static inline int dy_word_in_list(const char *const *list, const char *s, size_t n)
{
    if (!n)
        return 0;
    for (int i = 0; list[i]; i++) {
        const char *l = list[i];
        if (l[0] != s[0])
            continue;
        size_t k = 0;
        while (k < n && l[k] && l[k] == s[k])
            k++;
        if (k == n && !l[n])
            return 1;
    }
    return 0;
}

/* Is token k (normalised) one of the NULL-terminated words of list? */
static inline int dy_tok_in(const dy_text *t, size_t k, const char *const *list)
{
    return k < t->ntok && dy_word_in_list(list, t->norm + t->tok[k].norm, t->tok[k].nlen);
}

/* Abbreviations (data/abbreviations.txt): lower-case forms with their final
 * period ("gen.", "u.s."), each with a class. */
enum dy_abbr_class {
    AB_TITLE = 1,   /* Mr. Gen. Dr. - never ends a sentence */
    AB_COMMON = 2,  /* Oct. approx. - ends one only before a clear sentence start */
    AB_FINAL = 3    /* U.S. Inc. p.m. - often ends sentences */
};
typedef struct dy_abbrevs {
    dy_intern words;         /* lower-case abbreviation with its period */
    uint8_t *cls;            /* per id */
    size_t cls_cap;
    dy_intern starters;      /* words that begin sentences: the, he, ... */
} dy_abbrevs;
int dy_abbrevs_load(dy_abbrevs *ab, const char *path, char *err, size_t errlen);
void dy_abbrevs_free(dy_abbrevs *ab);
int dy_abbr_class(const dy_abbrevs *ab, const char *s, size_t n);

/* Tokenize a dictionary phrase into lower-case words (for the dictionary
 * loaders): calls cb for each token's normalised form and flags. */
typedef int (*dy_phrase_cb)(void *user, const char *w, size_t n, unsigned flags);
int dy_tokenize_phrase(const char *s, size_t n, const struct dy_abbrevs *ab,
                       dy_phrase_cb cb, void *user);

#endif
