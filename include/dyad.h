/* dyad.h - the whole public API of libdyad, a political event-data coder.
 *
 * dyad reads raw news text and codes it: sentences, actors (CAMEO actor codes),
 * events (CAMEO event codes with Goldstein score, QuadClass and PLOVER), quotes,
 * time expressions and places.
 *
 * Two handles:
 *   dyad_ctx  - the loaded dictionaries and tables. Built once, read-only after,
 *               shareable between threads.
 *   dyad_doc  - one coded document. Reuse it for the next document to avoid
 *               allocations (dyad_code() resets it).
 *
 * Ownership: every *_new has a matching *_free that accepts NULL. Strings returned
 * by accessors point into the dyad_doc and stay valid until the next dyad_code()
 * or dyad_doc_free() on that document. The library never prints and never exits;
 * functions return a dyad_err and, where useful, write a message into a buffer.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

#if defined(__GNUC__)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

typedef enum dyad_err {
    DYAD_OK = 0,
    DYAD_ENOMEM,      /* out of memory */
    DYAD_EIO,         /* a file could not be read or written */
    DYAD_EDATA,       /* a data file (dictionary, table) is malformed */
    DYAD_ENODATA,     /* the data directory was not found */
    DYAD_EINVAL,      /* a bad argument (e.g. a malformed date) */
    DYAD_ETOOBIG,     /* the document exceeds DYAD_MAX_DOC bytes */
    DYAD_EJSON,       /* malformed JSON input */
    DYAD_ENOTFOUND    /* no such item */
} dyad_err;

/* Largest document dyad_code() accepts, in bytes. */
#define DYAD_MAX_DOC (16u * 1024u * 1024u)

/* A static English message for an error code. Never NULL. */
DYAD_API const char *dyad_strerror(dyad_err err);

typedef struct dyad_ctx dyad_ctx;
typedef struct dyad_doc dyad_doc;

/* ---- Context: data loading ---------------------------------------------- */

/* Where the data directory is looked for when dyad_ctx_new() gets NULL:
 * $DYAD_DATA, then the build tree's data/ (compiled-in path), then the install
 * prefix's share/dyad. Returns the directory found, or NULL. The string is
 * static or from getenv(). */
DYAD_API const char *dyad_find_data(void);

/* Dictionary formats dyad_ctx_new_opts() can load. */
typedef enum dyad_dict_format {
    DYAD_DICT_DYAD = 0,      /* dyad's own format (docs/dictionaries.md) */
    DYAD_DICT_PETRARCH = 1   /* PETRARCH/TABARI-format dictionaries in dict_dir
                                (docs/compat.md) */
} dyad_dict_format;

typedef struct dyad_opts {
    const char *data_dir;      /* NULL: dyad_find_data() */
    dyad_dict_format format;
    const char *wordnet_dir;   /* NULL: /usr/share/wordnet */
    const char *poslex_path;   /* NULL: the festlex-poslex lexicon if installed */
    const char *dict_dir;      /* DYAD_DICT_PETRARCH: the directory of the PETRARCH/
                                  TABARI dictionaries (or a TABARI .project file);
                                  they replace dyad's actors and patterns, while
                                  dyad's other tables still come from data_dir.
                                  NULL: data_dir holds them (dyad's own tables then
                                  come from dyad_find_data()) */
} dyad_opts;

/* Load every table from data_dir (NULL: search path). On failure *out is NULL
 * and, if errbuf is not NULL, a message naming file and line is written there. */
DYAD_API dyad_err dyad_ctx_new(const char *data_dir, dyad_ctx **out,
                               char *errbuf, size_t errlen);
DYAD_API dyad_err dyad_ctx_new_opts(const dyad_opts *opts, dyad_ctx **out,
                                    char *errbuf, size_t errlen);
DYAD_API void dyad_ctx_free(dyad_ctx *ctx);

/* Counts of what was loaded, for `dyad dict check`. */
typedef struct dyad_dict_stats {
    size_t actor_phrases, actor_entries, agent_phrases, people;
    size_t verb_patterns, noun_patterns, verb_lemmas, event_codes_covered;
    size_t event_codes, abbreviations;
    size_t warnings;
} dyad_dict_stats;
DYAD_API void dyad_ctx_stats(const dyad_ctx *ctx, dyad_dict_stats *st);

/* Validate the dictionaries (duplicates, bad codes, overlapping dates). Each
 * problem is passed to cb (file, line, message); returns the number of problems. */
typedef void (*dyad_msg_cb)(void *user, const char *file, int line, const char *msg);
DYAD_API size_t dyad_ctx_check(const dyad_ctx *ctx, dyad_msg_cb cb, void *user);

/* ---- Documents ----------------------------------------------------------- */

DYAD_API dyad_doc *dyad_doc_new(void);
DYAD_API void dyad_doc_free(dyad_doc *doc);

/* Code one document. text need not be NUL-terminated; it is copied. date is the
 * publication date "YYYY-MM-DD" or NULL (then the context's default date, see
 * dyad_ctx_set_default_date, else today's date is used for roles but the
 * document's date stays null). On DYAD_ETOOBIG / DYAD_EINVAL the document holds
 * the error and no analysis. */
DYAD_API dyad_err dyad_code(const dyad_ctx *ctx, dyad_doc *doc,
                            const char *text, size_t len, const char *date);

/* The date used for roles when a document has none ("YYYY-MM-DD"; NULL: today). */
DYAD_API dyad_err dyad_ctx_set_default_date(dyad_ctx *ctx, const char *date);

/* Number of bytes of invalid UTF-8 replaced by U+FFFD in the last document. */
DYAD_API size_t dyad_doc_invalid_bytes(const dyad_doc *doc);

DYAD_API size_t dyad_doc_sentence_count(const dyad_doc *doc);
DYAD_API size_t dyad_doc_token_count(const dyad_doc *doc);
/* Byte range [*start, *end) of sentence i. */
DYAD_API dyad_err dyad_doc_sentence(const dyad_doc *doc, size_t i,
                                    size_t *start, size_t *end);

typedef struct dyad_actor_info {
    const char *text;        /* the mention as written (NUL-terminated copy) */
    const char *code;        /* CAMEO actor code, "" when only a name */
    const char *ref_text;    /* for resolved mentions (he, the alliance): the
                                text referred to; else NULL */
    size_t sentence;         /* 0-based */
    size_t start, end;       /* byte offsets */
    int located;             /* 1: the country was not named but inferred
                                from where the sentence happens or from the
                                document's context ("police" in a sentence
                                about Nairobi: KENCOP) */
} dyad_actor_info;
DYAD_API size_t dyad_doc_actor_count(const dyad_doc *doc);
DYAD_API dyad_err dyad_doc_actor(const dyad_doc *doc, size_t i, dyad_actor_info *out);

typedef struct dyad_event_info {
    size_t sentence;
    const char *code;          /* CAMEO event code, e.g. "042" */
    const char *root;          /* its root, "04" */
    int quad_class;            /* 1..4 */
    double goldstein;
    const char *source_text, *source_code;   /* "" when absent */
    const char *target_text, *target_code;
    const char *date;          /* "YYYY-MM-DD" or TimeML value, NULL if unknown */
    const char *trigger;       /* trigger text */
    size_t trigger_start, trigger_end;
    int negated;
    const char *plover_event, *plover_mode;  /* "" when none */
    const char *location;      /* place name or NULL */
    const char *loc_country;   /* ISO-3 or NULL */
    double lat, lon;           /* valid when location != NULL */
} dyad_event_info;
DYAD_API size_t dyad_doc_event_count(const dyad_doc *doc);
DYAD_API dyad_err dyad_doc_event(const dyad_doc *doc, size_t i, dyad_event_info *out);

/* ---- Output -------------------------------------------------------------- */

typedef enum dyad_format {
    DYAD_FMT_DOC = 0,     /* one JSON object per document (the CLI contract) */
    DYAD_FMT_EVENTS = 1,  /* one JSON object per event, with "id" */
    DYAD_FMT_GDELT = 2,   /* GDELT 2.0 event table rows (dyad_doc_export) */
    DYAD_FMT_PLOVER = 3,  /* PLOVER JSON records, one per line (dyad_doc_export) */
    DYAD_FMT_CSV = 4      /* the flat event view as CSV (dyad_doc_export) */
} dyad_format;

/* Serialise the last coded document. id may be NULL (JSON null). The returned
 * string is NUL-terminated, owned by doc, valid until the next call on doc;
 * *len gets its length (may be NULL). Each record ends with '\n' (DYAD_FMT_EVENTS
 * gives zero or more lines). Returns NULL only when out of memory. */
DYAD_API const char *dyad_doc_json(dyad_doc *doc, const char *id,
                                   dyad_format fmt, size_t *len);

/* Human-readable analysis of the last document (tokens, tags, chunks, actors,
 * events and the dictionary entries that produced them), for `dyad parse`. */
DYAD_API const char *dyad_doc_explain(dyad_doc *doc, const dyad_ctx *ctx, size_t *len);

/* Optional deep parser, for `dyad parse --parser link`: link-grammar (built in
 * only when liblink-grammar-dev was found at build time; docs/syntax.md). It
 * re-analyses the sentences of a coded document (dyad's tokens, sentences and
 * tags) and does not change the document or its events.
 * dyad_link_available(): 1 when built in. dyad_link_new() loads link-grammar's
 * English dictionary once; max_seconds (>= 1) limits the parse of one
 * sentence. Without link-grammar it returns DYAD_ENOTFOUND and the message
 * "dyad was built without link-grammar". dyad_link_explain() returns the
 * analysis of the last coded document in the form of the "== syntax" part of
 * dyad_doc_explain, with a line "link: complete|partial|failed (...)" for each
 * sentence; the string is owned by lk (valid until its next call). NULL only
 * when out of memory. Use a dyad_link from one thread at a time. Link-grammar
 * gets a UTF-8 LC_CTYPE for the calling thread while it works; loading its
 * dictionary sets the process's LC_CTYPE, which dyad_link_new puts back (so
 * call it before other threads depend on the locale). */
typedef struct dyad_link dyad_link;
DYAD_API int dyad_link_available(void);
DYAD_API dyad_err dyad_link_new(int max_seconds, dyad_link **out, char *errbuf, size_t errlen);
DYAD_API void dyad_link_free(dyad_link *lk);
DYAD_API const char *dyad_link_explain(dyad_link *lk, dyad_doc *doc, const dyad_ctx *ctx,
                                       size_t *len);
/* Code doc with link-grammar's analysis instead of dyad's fast parser
 * (`dyad code --parser link`, a cross-check, never the default): every later
 * dyad_code(ctx, doc, ...) runs the whole pipeline (actors, events, quotes ...)
 * on the clauses, roles and noun phrases link-grammar gives; a sentence it
 * cannot analyse (too long, over the time limit, no linkage) gets no clauses
 * but the document is still coded. The caller keeps ownership of lk, which
 * must outlive its use by doc; NULL detaches (back to the fast parser). lk
 * keeps per-document scratch and is not thread-safe: give each thread (each
 * doc coded concurrently) its own dyad_link, and do not pass the same lk to
 * dyad_link_explain while doc is being coded. */
DYAD_API void dyad_doc_set_link(dyad_doc *doc, dyad_link *lk);

/* Append a JSON string literal (quotes and escapes included) for the bytes
 * s[0..n) to a caller's growing buffer; invalid UTF-8 becomes U+FFFD. Used by
 * the CLI for error records. Returns the new buffer (realloc'd) or NULL. */
DYAD_API char *dyad_json_string(char *buf, size_t *len, size_t *cap,
                                const char *s, size_t n);

/* ---- Input records -------------------------------------------------------- */

/* One input document of a JSONL stream:
 * {"id": ..., "date": "YYYY-MM-DD", "text": ..., "title"?, "url"?, "source"?}.
 * Strings are owned by the struct (dyad_input_clear frees them). A numeric id
 * is turned into its decimal string; a missing id or date is NULL. */
typedef struct dyad_input {
    char *id, *date, *text, *title, *url, *source;
    size_t text_len;
} dyad_input;

/* Parse one line. On failure returns DYAD_EJSON (malformed JSON, not an
 * object, no "text" string, wrong field types) or DYAD_EINVAL (bad date) and
 * writes a message to err; in->id is still set when the object had one. */
DYAD_API dyad_err dyad_input_parse(const char *line, size_t len, dyad_input *in,
                                   char *err, size_t errlen);
DYAD_API void dyad_input_clear(dyad_input *in);

/* ---- More of a coded document: text, quotes, time expressions, places ---- */
/* (src/output/access2.c) Same lifetime rules as the accessors above: strings
 * point into the document and stay valid until its next dyad_code(). */

/* The text of the last coded document (NUL-terminated; *len its length, may be
 * NULL). Offsets of every accessor are byte offsets into it. */
DYAD_API const char *dyad_doc_text(const dyad_doc *doc, size_t *len);
/* The document's date as given to dyad_code() ("YYYY-MM-DD" into out), or
 * DYAD_ENOTFOUND when it had none. */
DYAD_API dyad_err dyad_doc_date(const dyad_doc *doc, char out[11]);
/* The result of the last dyad_code() on doc (DYAD_EINVAL if never coded). */
DYAD_API dyad_err dyad_doc_status(const dyad_doc *doc);

typedef struct dyad_quote_info {
    size_t start, end;       /* byte range of the quoted words, without the marks */
    size_t sentence;         /* where the quotation starts */
    int direct;              /* 1 direct quotation, 0 reported speech */
    long speaker;            /* actor index (dyad_doc_actor) of the speaker, -1 */
} dyad_quote_info;
DYAD_API size_t dyad_doc_quote_count(const dyad_doc *doc);
DYAD_API dyad_err dyad_doc_quote(const dyad_doc *doc, size_t i, dyad_quote_info *out);

typedef struct dyad_timex_info {
    size_t start, end, sentence;
    const char *type;        /* "DATE", "TIME", "DURATION" or "SET" */
    const char *value;       /* TimeML value: 2024-10-03, 2024-W41, P2D ... */
} dyad_timex_info;
DYAD_API size_t dyad_doc_timex_count(const dyad_doc *doc);
DYAD_API dyad_err dyad_doc_timex(const dyad_doc *doc, size_t i, dyad_timex_info *out);

typedef struct dyad_place_info {
    size_t start, end, sentence;
    const char *name;        /* gazetteer name */
    const char *country;     /* ISO 3166-1 alpha-3 */
    const char *adm1;        /* ISO 3166-2 code or "" */
    const char *feature;     /* "country", "adm1", "city" ... */
    double lat, lon;
} dyad_place_info;
DYAD_API size_t dyad_doc_place_count(const dyad_doc *doc);
DYAD_API dyad_err dyad_doc_place(const dyad_doc *doc, size_t i, dyad_place_info *out);

/* What event i is tied to: indices for dyad_doc_actor / _place / _timex (-1 when
 * none) and the PLOVER context of its code ("" when none). */
typedef struct dyad_event_links {
    long source, target, place, timex;
    const char *plover_context;
} dyad_event_links;
DYAD_API dyad_err dyad_doc_event_links(const dyad_doc *doc, size_t i, dyad_event_links *out);

/* ---- Exports: GDELT 2.0, PLOVER, CSV (src/output/export.c) ---------------- */

/* One event in the flat form every export writes: built from a coded document
 * (dyad_doc_event_row) or read back from a store (dyad_store_events). Strings
 * are never NULL unless said so; "" means absent. */
typedef struct dyad_event_row {
    int64_t event_id;        /* GDELT GLOBALEVENTID: the store's record id, or a
                                hash of (document id, event index) */
    const char *doc_id;      /* may be NULL */
    char doc_date[11];       /* the document's "YYYY-MM-DD", "" when none */
    const char *url;         /* or NULL */
    const char *outlet;      /* the document's source (publication) or NULL */
    char day[11];            /* "YYYY-MM-DD" the event took place: its own date
                                when a full day, else the document's, else "" */
    const char *date;        /* the event's own date value (TimeML) or NULL */
    size_t index;            /* event index within its document */
    size_t sentence;
    const char *sentence_text;   /* the sentence's bytes (not NUL-terminated) or NULL */
    size_t sentence_len;
    const char *code, *root;
    int quad_class;
    double goldstein;
    const char *source_text, *source_code, *target_text, *target_code;
    const char *trigger;
    size_t trigger_start, trigger_end;
    int negated;
    const char *plover_event, *plover_mode, *plover_context;
    const char *location;    /* place name, NULL when the event has no place */
    const char *loc_country; /* ISO-3 */
    const char *loc_adm1, *loc_feature;
    double lat, lon;
    int64_t mentions, sources, articles;   /* of its record (GDELT NumMentions,
                                              NumSources, NumArticles) */
    char added[15];          /* YYYYMMDDHHMMSS (UTC) when coded or stored */
} dyad_event_row;

/* Fill *out for event i of the last coded document. id and url (may be NULL)
 * are referred to, not copied. */
DYAD_API dyad_err dyad_doc_event_row(const dyad_doc *doc, size_t i, const char *id,
                                     const char *url, dyad_event_row *out);

/* Append one row in fmt (DYAD_FMT_EVENTS: a JSON object; GDELT: 61 tab-separated
 * columns; PLOVER: a JSON record; CSV: one CSV line), each ending in '\n', to a
 * caller's growing buffer (like dyad_json_string). PLOVER writes nothing for an
 * event with no PLOVER category. Returns the new buffer, or NULL when out of
 * memory (the buffer is then freed). */
DYAD_API char *dyad_event_row_format(const dyad_event_row *row, dyad_format fmt,
                                     char *buf, size_t *len, size_t *cap);

/* The header line (with '\n') of fmt: the CSV column names, or for GDELT the
 * 61 column names tab-separated (GDELT files carry no header: use it only
 * where one is wanted). NULL for the JSON formats. */
DYAD_API const char *dyad_export_header(dyad_format fmt);

/* Every event of the last coded document in fmt (GDELT, PLOVER, CSV without
 * header, or EVENTS). Owned by doc like dyad_doc_json's result; NULL only when
 * out of memory. A document without events gives "". */
DYAD_API const char *dyad_doc_export(dyad_doc *doc, const char *id, const char *url,
                                     dyad_format fmt, size_t *len);

/* ---- Event store (SQLite; src/store/store.c) ------------------------------ */
/* Coded documents kept in one SQLite file: documents, sentence offsets, actors,
 * events, quotes, time expressions and places (schema: data/schema.sql, loaded
 * at open). Events with the same (source, target, code, day, negation) across
 * documents form one record, like GDELT's event records. A store handle is not
 * thread-safe: use one per thread, or lock around it. */
typedef struct dyad_store dyad_store;

enum { DYAD_STORE_READONLY = 1 };

/* Open (creating if needed) the store at path. data_dir is where schema.sql is
 * found (NULL: dyad_find_data()). On failure *out is NULL and errbuf says why. */
DYAD_API dyad_err dyad_store_open(const char *path, const char *data_dir, int flags,
                                  dyad_store **out, char *errbuf, size_t errlen);
DYAD_API void dyad_store_close(dyad_store *st);
/* The message of the last failure on st (never NULL). */
DYAD_API const char *dyad_store_errmsg(const dyad_store *st);

/* Batches: everything between begin and commit is one transaction. Outside a
 * batch each put is its own transaction. */
DYAD_API dyad_err dyad_store_begin(dyad_store *st);
DYAD_API dyad_err dyad_store_commit(dyad_store *st);
DYAD_API dyad_err dyad_store_rollback(dyad_store *st);

typedef struct dyad_doc_meta {
    const char *id;          /* required */
    const char *date, *title, *url, *source;   /* may be NULL */
} dyad_doc_meta;

/* Store the last coded document, replacing any stored document with the same
 * id (idempotent). A document whose coding failed is not stored (DYAD_EINVAL). */
DYAD_API dyad_err dyad_store_put(dyad_store *st, dyad_doc *doc, const dyad_doc_meta *meta);
/* DYAD_OK when a document with this id is stored, DYAD_ENOTFOUND if not. */
DYAD_API dyad_err dyad_store_has(dyad_store *st, const char *id);
DYAD_API dyad_err dyad_store_delete(dyad_store *st, const char *id);

/* Which events a query sees. Zero (memset) means no constraint. Codes match by
 * prefix ("RUS" matches RUSMIL; "04" matches 042). */
typedef struct dyad_filter {
    const char *actor;       /* source or target code prefix */
    const char *source, *target;
    const char *code;        /* event code prefix (a root "19" or a code "190") */
    int quad_class;          /* 1..4, 0 any */
    const char *from, *to;   /* day range "YYYY-MM-DD", inclusive */
    const char *country;     /* ISO-3 code of the event's place */
    const char *place;       /* place name (case-insensitive) */
    const char *doc_id;      /* events of one document */
    int negated;             /* 0 any, 1 negated only, -1 asserted only */
    int unique;              /* one row per record (its first mention) */
    int64_t limit, offset;   /* limit 0: no limit */
} dyad_filter;

/* Call cb for each event passing f, ordered by day then document then index.
 * The row and its strings are valid during the call only. cb returns nonzero to
 * stop; it may call other functions on st, but not dyad_store_events or
 * dyad_store_group. DYAD_EINVAL for a malformed filter (bad date, quad class). */
typedef int (*dyad_row_cb)(void *user, const dyad_event_row *row);
DYAD_API dyad_err dyad_store_events(dyad_store *st, const dyad_filter *f,
                                    dyad_row_cb cb, void *user);

/* Grouping dimensions, or'ed; one time dimension at most. */
enum dyad_group_by {
    DYAD_BY_SOURCE = 1, DYAD_BY_TARGET = 2, DYAD_BY_DYAD = 3,
    DYAD_BY_DAY = 4, DYAD_BY_MONTH = 8, DYAD_BY_YEAR = 16,
    DYAD_BY_CODE = 32, DYAD_BY_ROOT = 64, DYAD_BY_QUAD = 128,
    DYAD_BY_COUNTRY = 256, DYAD_BY_PLACE = 512
};
/* Parse "dyad,day", "code", "country" ... (names: dyad source target day month
 * year code root quad country place). DYAD_EINVAL on an unknown name. */
DYAD_API dyad_err dyad_group_parse(const char *spec, unsigned *by);

typedef struct dyad_group_row {
    const char *source_code, *target_code;   /* NULL unless grouped by them */
    const char *period;      /* day, month or year; NULL unless grouped by time */
    const char *code;        /* event code or root; NULL unless grouped */
    const char *country, *place;   /* NULL unless grouped */
    int quad_class;          /* 0 unless grouped */
    double lat, lon;         /* mean position, with DYAD_BY_PLACE */
    int64_t count;           /* events (mentions) */
    int64_t records;         /* distinct records (GDELT one-a-day events) */
    double goldstein_sum, goldstein_mean;
} dyad_group_row;
typedef int (*dyad_group_cb)(void *user, const dyad_group_row *row);
/* Count the events passing f (limit/offset apply to groups) per group, in
 * order of the dimensions. */
DYAD_API dyad_err dyad_store_group(dyad_store *st, const dyad_filter *f, unsigned by,
                                   dyad_group_cb cb, void *user);

typedef struct dyad_stored_doc {
    const char *id, *date, *title, *url, *source;  /* NULL when absent */
    const char *text;
    size_t text_len;
    const char *record;      /* the DYAD_FMT_DOC JSON record (one line) */
    const char *added;       /* "YYYY-MM-DDTHH:MM:SSZ" */
    int64_t events;
} dyad_stored_doc;
typedef int (*dyad_doc_cb)(void *user, const dyad_stored_doc *doc);
/* The stored document id (cb called once), or DYAD_ENOTFOUND. */
DYAD_API dyad_err dyad_store_get(dyad_store *st, const char *id, dyad_doc_cb cb, void *user);
/* Documents in id order (text and record are NULL here). */
DYAD_API dyad_err dyad_store_list(dyad_store *st, int64_t limit, int64_t offset,
                                  dyad_doc_cb cb, void *user);

typedef struct dyad_store_stats {
    int64_t documents, events, records, actors, quotes, places, timex;
    char first_day[11], last_day[11];   /* "" when empty */
} dyad_store_stats;
DYAD_API dyad_err dyad_store_get_stats(dyad_store *st, dyad_store_stats *out);

/* ---- Allocation ----------------------------------------------------------- */

/* Replace the allocator (tests use it to fail allocations on purpose). Pass
 * NULLs to restore malloc/realloc/free. Not thread-safe; call before use. */
DYAD_API void dyad_set_allocator(void *(*malloc_fn)(size_t),
                                 void *(*realloc_fn)(void *, size_t),
                                 void (*free_fn)(void *));

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
