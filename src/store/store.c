/* store.c - the event store: coded documents kept in SQLite.
 *
 * dyad_store_put() reads a coded document through the public accessors of
 * dyad.h only and writes its text, JSON record, sentence offsets, actors,
 * events, quotes, time expressions and places; events are tied to GDELT-style
 * records (same source, target, code, day, negation). Queries run fixed,
 * prepared statements whose filters are all parameters (a NULL parameter
 * means "any"): no SQL is ever built from strings. The schema is
 * data/schema.sql, run at every open; the database is in WAL mode, and each
 * put runs in a savepoint, so a batch (begin .. commit) is one transaction
 * and a put that fails leaves the batch as it was. */
#include "dyad.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/util.h"

#define STORE_SCHEMA_VERSION 1

enum {
    S_SAVE, S_RELEASE, S_ROLLBACK_TO,
    S_DOC_FIND, S_DOC_DEL_EVENTS, S_DOC_DEL, S_DOC_INS,
    S_SENT_INS, S_ACT_INS, S_REC_FIND, S_REC_INS, S_EV_INS, S_Q_INS, S_TX_INS, S_PL_INS,
    S_EVENTS, S_GROUP, S_GET, S_LIST, S_STATS,
    S_COUNT
};

/* The filters shared by the event and group queries: every one is a named
 * parameter, NULL (or 0) for "any". Codes match by prefix. */
#define FILTER_WHERE                                                                      \
    " WHERE (:actor IS NULL OR substr(e.source_code, 1, length(:actor)) = :actor"         \
    "        OR substr(e.target_code, 1, length(:actor)) = :actor)"                        \
    " AND (:source IS NULL OR substr(e.source_code, 1, length(:source)) = :source)"       \
    " AND (:target IS NULL OR substr(e.target_code, 1, length(:target)) = :target)"       \
    " AND (:code IS NULL OR substr(e.code, 1, length(:code)) = :code)"                    \
    " AND (:quad = 0 OR e.quad_class = :quad)"                                            \
    " AND (:from IS NULL OR e.day >= :from)"                                              \
    " AND (:to IS NULL OR e.day <= :to)"                                                  \
    " AND (:country IS NULL OR e.loc_country = :country)"                                 \
    " AND (:place IS NULL OR e.location = :place COLLATE NOCASE)"                         \
    " AND (:doc IS NULL OR d.doc_id = :doc)"                                              \
    " AND (:neg = 0 OR (:neg = 1 AND e.negated) OR (:neg = -1 AND NOT e.negated))"        \
    " AND (:uniq = 0 OR e.id = (SELECT min(x.id) FROM events x WHERE x.record = e.record))"

static const char *const sql[S_COUNT] = {
    [S_SAVE] = "SAVEPOINT dyad_put",
    [S_RELEASE] = "RELEASE dyad_put",
    [S_ROLLBACK_TO] = "ROLLBACK TO dyad_put",
    [S_DOC_FIND] = "SELECT id FROM documents WHERE doc_id = ?1",
    [S_DOC_DEL_EVENTS] = "DELETE FROM events WHERE doc = ?1",
    [S_DOC_DEL] = "DELETE FROM documents WHERE id = ?1",
    [S_DOC_INS] = "INSERT INTO documents (doc_id, date, title, url, source, text, record, added,"
                  " n_events) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [S_SENT_INS] = "INSERT INTO sentences (doc, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
    [S_ACT_INS] = "INSERT INTO actors (doc, idx, sentence, start, end, text, code, ref_text)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [S_REC_FIND] = "SELECT id FROM records WHERE source_code = ?1 AND target_code = ?2"
                   " AND code = ?3 AND day = ?4 AND negated = ?5",
    [S_REC_INS] = "INSERT INTO records (source_code, target_code, code, day, negated)"
                  " VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_EV_INS] = "INSERT INTO events (doc, idx, record, sentence, code, root, quad_class, goldstein,"
                 " source_text, source_code, target_text, target_code, date, day, trigger,"
                 " trigger_start, trigger_end, negated, plover_event, plover_mode, plover_context,"
                 " location, loc_country, loc_adm1, loc_feature, lat, lon) VALUES (?1, ?2, ?3, ?4,"
                 " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,"
                 " ?22, ?23, ?24, ?25, ?26, ?27)",
    [S_Q_INS] = "INSERT INTO quotes (doc, idx, sentence, start, end, direct, speaker)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_TX_INS] = "INSERT INTO timex (doc, idx, sentence, start, end, type, value)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_PL_INS] = "INSERT INTO places (doc, idx, sentence, start, end, name, country, adm1, feature,"
                 " lat, lon) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [S_EVENTS] =
        "SELECT e.record, d.doc_id, d.date, d.url, d.source, e.day, e.date, e.idx, e.sentence,"
        " substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start),"
        " e.code, e.root, e.quad_class, e.goldstein, e.source_text, e.source_code,"
        " e.target_text, e.target_code, e.trigger, e.trigger_start, e.trigger_end, e.negated,"
        " e.plover_event, e.plover_mode, e.plover_context, e.location, e.loc_country,"
        " e.loc_adm1, e.loc_feature, e.lat, e.lon,"
        " (SELECT count(*) FROM events x WHERE x.record = e.record),"
        " (SELECT count(DISTINCT coalesce(y.source, '')) FROM events x"
        "  JOIN documents y ON y.id = x.doc WHERE x.record = e.record),"
        " (SELECT count(DISTINCT x.doc) FROM events x WHERE x.record = e.record),"
        " d.added"
        " FROM events e JOIN documents d ON d.id = e.doc"
        " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence" FILTER_WHERE
        " ORDER BY e.day, d.doc_id, e.idx LIMIT :limit OFFSET :offset",
    [S_GROUP] =
        "SELECT CASE WHEN :by & 1 THEN e.source_code END,"
        " CASE WHEN :by & 2 THEN e.target_code END,"
        " CASE WHEN :by & 4 THEN e.day WHEN :by & 8 THEN substr(e.day, 1, 7)"
        "  WHEN :by & 16 THEN substr(e.day, 1, 4) END,"
        " CASE WHEN :by & 32 THEN e.code WHEN :by & 64 THEN e.root END,"
        " CASE WHEN :by & 128 THEN e.quad_class END,"
        " CASE WHEN :by & 256 THEN e.loc_country END,"
        " CASE WHEN :by & 512 THEN e.location END,"
        " avg(e.lat), avg(e.lon), count(*), count(DISTINCT e.record), total(e.goldstein),"
        " avg(e.goldstein)"
        " FROM events e JOIN documents d ON d.id = e.doc" FILTER_WHERE
        " GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 3, 1, 2, 4, 5, 6, 7"
        " LIMIT :limit OFFSET :offset",
    [S_GET] = "SELECT doc_id, date, title, url, source, text, record, added, n_events"
              " FROM documents WHERE doc_id = ?1",
    [S_LIST] = "SELECT doc_id, date, title, url, source, added, n_events FROM documents"
               " ORDER BY doc_id LIMIT ?1 OFFSET ?2",
    [S_STATS] = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),"
                " (SELECT count(*) FROM records), (SELECT count(*) FROM actors),"
                " (SELECT count(*) FROM quotes), (SELECT count(*) FROM places),"
                " (SELECT count(*) FROM timex), (SELECT min(day) FROM events),"
                " (SELECT max(day) FROM events)",
};

struct dyad_store {
    sqlite3 *db;
    int readonly;
    sqlite3_stmt *stmt[S_COUNT];
    char err[512];
};

static dyad_err fail(dyad_store *st, dyad_err e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static dyad_err fail(dyad_store *st, dyad_err e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, sizeof st->err, fmt, ap);
    va_end(ap);
    return e;
}

static dyad_err db_fail(dyad_store *st, const char *what)
{
    return fail(st, DYAD_EIO, "%s: %s", what, sqlite3_errmsg(st->db));
}

const char *dyad_store_errmsg(const dyad_store *st)
{
    return st ? st->err : "no store";
}

/* The prepared statement k, reset and unbound; NULL on failure (st->err set). */
static sqlite3_stmt *stmt(dyad_store *st, int k)
{
    if (!st->stmt[k]) {
        if (sqlite3_prepare_v3(st->db, sql[k], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[k], NULL)) {
            db_fail(st, "preparing a statement");
            return NULL;
        }
    }
    sqlite3_reset(st->stmt[k]);
    sqlite3_clear_bindings(st->stmt[k]);
    return st->stmt[k];
}

/* Run a statement that returns no rows. */
static int run(dyad_store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static int exec(dyad_store *st, const char *q)
{
    return sqlite3_exec(st->db, q, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Bind a string, or NULL for NULL / "" (when empty_null). */
static void bind_str(sqlite3_stmt *s, int i, const char *v, int empty_null)
{
    if (!v || (empty_null && !*v))
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    dy_buf b = {0};
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        if (dy_buf_add(&b, tmp, n)) {
            dy_buf_free(&b);
            fclose(f);
            return NULL;
        }
    int bad = ferror(f) || dy_buf_add(&b, "", 0);
    fclose(f);
    if (bad) {
        dy_buf_free(&b);
        return NULL;
    }
    return b.p;
}

void dyad_store_close(dyad_store *st)
{
    if (!st)
        return;
    for (int k = 0; k < S_COUNT; k++)
        sqlite3_finalize(st->stmt[k]);
    sqlite3_close(st->db);
    dy_free(st);
}

dyad_err dyad_store_open(const char *path, const char *data_dir, int flags, dyad_store **out,
                         char *errbuf, size_t errlen)
{
    char dummy[8];
    if (!errbuf || !errlen) {
        errbuf = dummy;
        errlen = sizeof dummy;
    }
    errbuf[0] = 0;
    *out = NULL;
    if (!path || !*path) {
        snprintf(errbuf, errlen, "no database path");
        return DYAD_EINVAL;
    }
    dyad_store *st = dy_calloc(1, sizeof *st);
    if (!st)
        return DYAD_ENOMEM;
    st->readonly = (flags & DYAD_STORE_READONLY) != 0;
    dyad_err e = DYAD_OK;
    char *schema = NULL;
    int oflags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        snprintf(errbuf, errlen, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
        e = DYAD_EIO;
        goto out;
    }
    sqlite3_busy_timeout(st->db, 10000);
    sqlite3_extended_result_codes(st->db, 1);
    if (exec(st, "PRAGMA foreign_keys = ON")) {
        snprintf(errbuf, errlen, "%s: %s", path, sqlite3_errmsg(st->db));
        e = DYAD_EIO;
        goto out;
    }
    if (!st->readonly) {
        const char *dir = data_dir ? data_dir : dyad_find_data();
        if (!dir) {
            snprintf(errbuf, errlen, "%s", dyad_strerror(DYAD_ENODATA));
            e = DYAD_ENODATA;
            goto out;
        }
        char sp[4096];
        snprintf(sp, sizeof sp, "%s/schema.sql", dir);
        if (!(schema = read_file(sp))) {
            snprintf(errbuf, errlen, "%s: cannot read the store schema", sp);
            e = DYAD_ENODATA;
            goto out;
        }
        /* WAL: readers never block the writer, and a killed writer loses only
         * its open transaction. NORMAL sync is safe against process crashes. */
        char *msg = NULL;
        if (exec(st, "PRAGMA journal_mode = WAL") || exec(st, "PRAGMA synchronous = NORMAL") ||
            sqlite3_exec(st->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
            snprintf(errbuf, errlen, "%s: %s", path, msg ? msg : sqlite3_errmsg(st->db));
            sqlite3_free(msg);
            e = DYAD_EIO;
            goto out;
        }
        char pv[64];
        snprintf(pv, sizeof pv, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
        if (exec(st, pv)) {
            snprintf(errbuf, errlen, "%s: %s", path, sqlite3_errmsg(st->db));
            e = DYAD_EIO;
            goto out;
        }
    } else {
        sqlite3_stmt *s = NULL;
        int v = -1;
        if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
            sqlite3_step(s) == SQLITE_ROW)
            v = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
        if (v != STORE_SCHEMA_VERSION) {
            snprintf(errbuf, errlen, "%s: not a dyad store (schema version %d)", path, v);
            e = DYAD_EDATA;
            goto out;
        }
    }
out:
    dy_free(schema);
    if (e) {
        dyad_store_close(st);
        return e;
    }
    *out = st;
    return DYAD_OK;
}

dyad_err dyad_store_begin(dyad_store *st)
{
    return exec(st, "BEGIN IMMEDIATE") ? db_fail(st, "begin") : DYAD_OK;
}

dyad_err dyad_store_commit(dyad_store *st)
{
    return exec(st, "COMMIT") ? db_fail(st, "commit") : DYAD_OK;
}

dyad_err dyad_store_rollback(dyad_store *st)
{
    return exec(st, "ROLLBACK") ? db_fail(st, "rollback") : DYAD_OK;
}

/* ---- writing ---- */

static int64_t find_doc(dyad_store *st, const char *id, dyad_err *e)
{
    sqlite3_stmt *s = stmt(st, S_DOC_FIND);
    *e = DYAD_OK;
    if (!s) {
        *e = DYAD_EIO;
        return 0;
    }
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    int64_t rowid = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        *e = db_fail(st, "looking up a document");
    return rowid;
}

dyad_err dyad_store_has(dyad_store *st, const char *id)
{
    dyad_err e;
    if (!id)
        return DYAD_EINVAL;
    int64_t r = find_doc(st, id, &e);
    return e ? e : r ? DYAD_OK : DYAD_ENOTFOUND;
}

/* Delete the document with row id r and everything below it. */
static int delete_doc(dyad_store *st, int64_t r)
{
    sqlite3_stmt *s = stmt(st, S_DOC_DEL_EVENTS);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, r);
    if (run(st, s))
        return -1;
    if (!(s = stmt(st, S_DOC_DEL)))
        return -1;
    sqlite3_bind_int64(s, 1, r);
    return run(st, s);
}

static int savepoint(dyad_store *st, int k)
{
    sqlite3_stmt *s = stmt(st, k);
    return s ? run(st, s) : -1;
}

dyad_err dyad_store_delete(dyad_store *st, const char *id)
{
    dyad_err e;
    if (st->readonly)
        return fail(st, DYAD_EINVAL, "the store is open read-only");
    int64_t r = find_doc(st, id, &e);
    if (e)
        return e;
    if (!r)
        return DYAD_ENOTFOUND;
    if (savepoint(st, S_SAVE))
        return db_fail(st, "savepoint");
    if (delete_doc(st, r)) {
        e = db_fail(st, "deleting a document");
        savepoint(st, S_ROLLBACK_TO);
        savepoint(st, S_RELEASE);
        return e;
    }
    return savepoint(st, S_RELEASE) ? db_fail(st, "release") : DYAD_OK;
}

static int valid_day(const char *s)
{
    if (!s || strlen(s) != 10)
        return 0;
    for (int k = 0; k < 10; k++)
        if ((k == 4 || k == 7) ? s[k] != '-' : (s[k] < '0' || s[k] > '9'))
            return 0;
    return 1;
}

static void utc_now(char iso[21], char day[11])
{
    time_t t = time(NULL);
    struct tm tmv;
    gmtime_r(&t, &tmv);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02dZ", tmv.tm_year + 1900, tmv.tm_mon + 1,
             tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec);
    memcpy(iso, tmp, 20);
    iso[20] = 0;
    memcpy(day, tmp, 10);
    day[10] = 0;
}

static int64_t record_id(dyad_store *st, const dyad_event_row *r)
{
    sqlite3_stmt *s = stmt(st, S_REC_FIND);
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, r->source_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, r->target_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, r->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, r->day, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 5, r->negated ? 1 : 0);
    int rc = sqlite3_step(s);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -1;
    if (id)
        return id;
    if (!(s = stmt(st, S_REC_INS)))
        return -1;
    sqlite3_bind_text(s, 1, r->source_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, r->target_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, r->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, r->day, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 5, r->negated ? 1 : 0);
    if (run(st, s))
        return -1;
    return sqlite3_last_insert_rowid(st->db);
}

static int put_parts(dyad_store *st, dyad_doc *doc, int64_t r, const dyad_doc_meta *m,
                     const char *today)
{
    sqlite3_stmt *s;
    size_t n = dyad_doc_sentence_count(doc);
    for (size_t i = 0; i < n; i++) {
        size_t a, b;
        if (dyad_doc_sentence(doc, i, &a, &b) || !(s = stmt(st, S_SENT_INS)))
            return -1;
        sqlite3_bind_int64(s, 1, r);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        sqlite3_bind_int64(s, 3, (int64_t)a);
        sqlite3_bind_int64(s, 4, (int64_t)b);
        if (run(st, s))
            return -1;
    }
    n = dyad_doc_actor_count(doc);
    for (size_t i = 0; i < n; i++) {
        dyad_actor_info a;
        if (dyad_doc_actor(doc, i, &a) || !(s = stmt(st, S_ACT_INS)))
            return -1;
        sqlite3_bind_int64(s, 1, r);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        sqlite3_bind_int64(s, 3, (int64_t)a.sentence);
        sqlite3_bind_int64(s, 4, (int64_t)a.start);
        sqlite3_bind_int64(s, 5, (int64_t)a.end);
        bind_str(s, 6, a.text ? a.text : "", 0);
        bind_str(s, 7, a.code ? a.code : "", 0);
        bind_str(s, 8, a.ref_text, 0);
        if (run(st, s))
            return -1;
    }
    n = dyad_doc_event_count(doc);
    for (size_t i = 0; i < n; i++) {
        dyad_event_row e;
        if (dyad_doc_event_row(doc, i, m->id, m->url, &e))
            return -1;
        if (!e.day[0])   /* no date of its own nor of the document */
            memcpy(e.day, valid_day(m->date) ? m->date : today, 11);
        int64_t rec = record_id(st, &e);
        if (rec < 0 || !(s = stmt(st, S_EV_INS)))
            return -1;
        sqlite3_bind_int64(s, 1, r);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        sqlite3_bind_int64(s, 3, rec);
        sqlite3_bind_int64(s, 4, (int64_t)e.sentence);
        bind_str(s, 5, e.code, 0);
        bind_str(s, 6, e.root, 0);
        sqlite3_bind_int(s, 7, e.quad_class);
        sqlite3_bind_double(s, 8, e.goldstein);
        bind_str(s, 9, e.source_text, 0);
        bind_str(s, 10, e.source_code, 0);
        bind_str(s, 11, e.target_text, 0);
        bind_str(s, 12, e.target_code, 0);
        bind_str(s, 13, e.date, 1);
        bind_str(s, 14, e.day, 0);
        bind_str(s, 15, e.trigger, 0);
        sqlite3_bind_int64(s, 16, (int64_t)e.trigger_start);
        sqlite3_bind_int64(s, 17, (int64_t)e.trigger_end);
        sqlite3_bind_int(s, 18, e.negated ? 1 : 0);
        bind_str(s, 19, e.plover_event, 0);
        bind_str(s, 20, e.plover_mode, 0);
        bind_str(s, 21, e.plover_context, 0);
        if (e.location) {
            bind_str(s, 22, e.location, 0);
            bind_str(s, 23, e.loc_country, 1);
            bind_str(s, 24, e.loc_adm1, 1);
            bind_str(s, 25, e.loc_feature, 1);
            sqlite3_bind_double(s, 26, e.lat);
            sqlite3_bind_double(s, 27, e.lon);
        }
        if (run(st, s))
            return -1;
    }
    n = dyad_doc_quote_count(doc);
    for (size_t i = 0; i < n; i++) {
        dyad_quote_info q;
        if (dyad_doc_quote(doc, i, &q) || !(s = stmt(st, S_Q_INS)))
            return -1;
        sqlite3_bind_int64(s, 1, r);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        sqlite3_bind_int64(s, 3, (int64_t)q.sentence);
        sqlite3_bind_int64(s, 4, (int64_t)q.start);
        sqlite3_bind_int64(s, 5, (int64_t)q.end);
        sqlite3_bind_int(s, 6, q.direct);
        if (q.speaker >= 0)
            sqlite3_bind_int64(s, 7, q.speaker);
        if (run(st, s))
            return -1;
    }
    n = dyad_doc_timex_count(doc);
    for (size_t i = 0; i < n; i++) {
        dyad_timex_info x;
        if (dyad_doc_timex(doc, i, &x) || !(s = stmt(st, S_TX_INS)))
            return -1;
        sqlite3_bind_int64(s, 1, r);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        sqlite3_bind_int64(s, 3, (int64_t)x.sentence);
        sqlite3_bind_int64(s, 4, (int64_t)x.start);
        sqlite3_bind_int64(s, 5, (int64_t)x.end);
        bind_str(s, 6, x.type, 0);
        bind_str(s, 7, x.value, 0);
        if (run(st, s))
            return -1;
    }
    n = dyad_doc_place_count(doc);
    for (size_t i = 0; i < n; i++) {
        dyad_place_info p;
        if (dyad_doc_place(doc, i, &p) || !(s = stmt(st, S_PL_INS)))
            return -1;
        sqlite3_bind_int64(s, 1, r);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        sqlite3_bind_int64(s, 3, (int64_t)p.sentence);
        sqlite3_bind_int64(s, 4, (int64_t)p.start);
        sqlite3_bind_int64(s, 5, (int64_t)p.end);
        bind_str(s, 6, p.name, 0);
        bind_str(s, 7, p.country, 0);
        bind_str(s, 8, p.adm1, 0);
        bind_str(s, 9, p.feature, 0);
        sqlite3_bind_double(s, 10, p.lat);
        sqlite3_bind_double(s, 11, p.lon);
        if (run(st, s))
            return -1;
    }
    return 0;
}

dyad_err dyad_store_put(dyad_store *st, dyad_doc *doc, const dyad_doc_meta *m)
{
    if (st->readonly)
        return fail(st, DYAD_EINVAL, "the store is open read-only");
    if (!m || !m->id || !*m->id)
        return fail(st, DYAD_EINVAL, "a stored document needs an id");
    dyad_err e = dyad_doc_status(doc);
    if (e)
        return fail(st, DYAD_EINVAL, "document %s was not coded: %s", m->id, dyad_strerror(e));
    char now[21], today[11];
    utc_now(now, today);
    char ddate[11];
    const char *date = m->date;
    if (!date && !dyad_doc_date(doc, ddate))
        date = ddate;
    if (date && !valid_day(date))
        return fail(st, DYAD_EINVAL, "document %s: invalid date '%.20s'", m->id, date);
    size_t rlen, tlen;
    const char *rec = dyad_doc_json(doc, m->id, DYAD_FMT_DOC, &rlen);
    if (!rec)
        return fail(st, DYAD_ENOMEM, "out of memory");
    const char *text = dyad_doc_text(doc, &tlen);

    if (savepoint(st, S_SAVE))
        return db_fail(st, "savepoint");
    int64_t old = find_doc(st, m->id, &e);
    sqlite3_stmt *s = NULL;
    if (e || (old && delete_doc(st, old)) || !(s = stmt(st, S_DOC_INS)))
        goto fail;
    sqlite3_bind_text(s, 1, m->id, -1, SQLITE_STATIC);
    bind_str(s, 2, date, 1);
    bind_str(s, 3, m->title, 1);
    bind_str(s, 4, m->url, 1);
    bind_str(s, 5, m->source, 1);
    sqlite3_bind_text(s, 6, text, (int)tlen, SQLITE_STATIC);
    sqlite3_bind_text(s, 7, rec, (int)rlen, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 9, (int64_t)dyad_doc_event_count(doc));
    if (run(st, s))
        goto fail;
    if (put_parts(st, doc, sqlite3_last_insert_rowid(st->db), m, today))
        goto fail;
    if (savepoint(st, S_RELEASE))
        goto fail;
    return DYAD_OK;
fail:
    e = db_fail(st, m->id);
    savepoint(st, S_ROLLBACK_TO);
    savepoint(st, S_RELEASE);
    return e;
}

/* ---- reading ---- */

static const char *col_str(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}
static const char *col_str0(sqlite3_stmt *s, int i)
{
    const char *v = col_str(s, i);
    return v ? v : "";
}

static dyad_err bind_filter(dyad_store *st, sqlite3_stmt *s, const dyad_filter *f)
{
    static const dyad_filter none;
    if (!f)
        f = &none;
    if ((f->from && !valid_day(f->from)) || (f->to && !valid_day(f->to)))
        return fail(st, DYAD_EINVAL, "dates must be YYYY-MM-DD");
    if (f->quad_class < 0 || f->quad_class > 4)
        return fail(st, DYAD_EINVAL, "quad class must be 1 to 4");
    if (f->negated < -1 || f->negated > 1 || f->limit < 0 || f->offset < 0)
        return fail(st, DYAD_EINVAL, "invalid filter");
    struct {
        const char *name, *v;
    } strs[] = {{":actor", f->actor},     {":source", f->source}, {":target", f->target},
                {":code", f->code},       {":from", f->from},     {":to", f->to},
                {":country", f->country}, {":place", f->place},   {":doc", f->doc_id}};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        bind_str(s, sqlite3_bind_parameter_index(s, strs[i].name), strs[i].v, 1);
    sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":quad"), f->quad_class);
    sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":neg"), f->negated);
    sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":uniq"), f->unique ? 1 : 0);
    sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"), f->limit ? f->limit : -1);
    sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":offset"), f->offset);
    return DYAD_OK;
}

/* "YYYY-MM-DDTHH:MM:SSZ" -> "YYYYMMDDHHMMSS" */
static void stamp(const char *iso, char out[15])
{
    size_t k = 0;
    for (const char *p = iso ? iso : ""; *p && k < 14; p++)
        if (*p >= '0' && *p <= '9')
            out[k++] = *p;
    out[k] = 0;
}

dyad_err dyad_store_events(dyad_store *st, const dyad_filter *f, dyad_row_cb cb, void *user)
{
    sqlite3_stmt *s = stmt(st, S_EVENTS);
    if (!s)
        return DYAD_EIO;
    dyad_err e = bind_filter(st, s, f);
    if (e)
        return e;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        dyad_event_row r;
        memset(&r, 0, sizeof r);
        r.event_id = sqlite3_column_int64(s, 0);
        r.doc_id = col_str(s, 1);
        snprintf(r.doc_date, sizeof r.doc_date, "%s", col_str0(s, 2));
        r.url = col_str(s, 3);
        r.outlet = col_str(s, 4);
        snprintf(r.day, sizeof r.day, "%s", col_str0(s, 5));
        r.date = col_str(s, 6);
        r.index = (size_t)sqlite3_column_int64(s, 7);
        r.sentence = (size_t)sqlite3_column_int64(s, 8);
        if (sqlite3_column_type(s, 9) != SQLITE_NULL) {
            r.sentence_text = sqlite3_column_blob(s, 9);
            r.sentence_len = (size_t)sqlite3_column_bytes(s, 9);
            if (!r.sentence_text)
                r.sentence_text = "";
        }
        r.code = col_str0(s, 10);
        r.root = col_str0(s, 11);
        r.quad_class = sqlite3_column_int(s, 12);
        r.goldstein = sqlite3_column_double(s, 13);
        r.source_text = col_str0(s, 14);
        r.source_code = col_str0(s, 15);
        r.target_text = col_str0(s, 16);
        r.target_code = col_str0(s, 17);
        r.trigger = col_str0(s, 18);
        r.trigger_start = (size_t)sqlite3_column_int64(s, 19);
        r.trigger_end = (size_t)sqlite3_column_int64(s, 20);
        r.negated = sqlite3_column_int(s, 21);
        r.plover_event = col_str0(s, 22);
        r.plover_mode = col_str0(s, 23);
        r.plover_context = col_str0(s, 24);
        r.location = col_str(s, 25);
        r.loc_country = col_str(s, 26);
        r.loc_adm1 = col_str0(s, 27);
        r.loc_feature = col_str0(s, 28);
        r.lat = sqlite3_column_double(s, 29);
        r.lon = sqlite3_column_double(s, 30);
        r.mentions = sqlite3_column_int64(s, 31);
        r.sources = sqlite3_column_int64(s, 32);
        r.articles = sqlite3_column_int64(s, 33);
        stamp(col_str(s, 34), r.added);
        if (cb(user, &r))
            break;
    }
    e = rc == SQLITE_ROW || rc == SQLITE_DONE ? DYAD_OK : db_fail(st, "query");
    sqlite3_reset(s);
    return e;
}

dyad_err dyad_group_parse(const char *spec, unsigned *by)
{
    static const struct {
        const char *name;
        unsigned bit;
    } dims[] = {{"dyad", DYAD_BY_DYAD},   {"source", DYAD_BY_SOURCE}, {"target", DYAD_BY_TARGET},
                {"day", DYAD_BY_DAY},     {"month", DYAD_BY_MONTH},   {"year", DYAD_BY_YEAR},
                {"code", DYAD_BY_CODE},   {"root", DYAD_BY_ROOT},     {"quad", DYAD_BY_QUAD},
                {"country", DYAD_BY_COUNTRY}, {"place", DYAD_BY_PLACE}};
    *by = 0;
    if (!spec || !*spec)
        return DYAD_EINVAL;
    while (*spec) {
        size_t n = strcspn(spec, ",");
        size_t k = 0;
        for (; k < sizeof dims / sizeof dims[0]; k++)
            if (strlen(dims[k].name) == n && !strncmp(dims[k].name, spec, n))
                break;
        if (k == sizeof dims / sizeof dims[0])
            return DYAD_EINVAL;
        *by |= dims[k].bit;
        spec += n;
        if (*spec == ',')
            spec++;
    }
    unsigned t = *by & (DYAD_BY_DAY | DYAD_BY_MONTH | DYAD_BY_YEAR);
    unsigned c = *by & (DYAD_BY_CODE | DYAD_BY_ROOT);
    if ((t & (t - 1)) || (c & (c - 1)))
        return DYAD_EINVAL;   /* two time dimensions, or code and root */
    return DYAD_OK;
}

dyad_err dyad_store_group(dyad_store *st, const dyad_filter *f, unsigned by, dyad_group_cb cb,
                          void *user)
{
    if (!by || by >= 2 * DYAD_BY_PLACE)
        return fail(st, DYAD_EINVAL, "no or unknown grouping");
    sqlite3_stmt *s = stmt(st, S_GROUP);
    if (!s)
        return DYAD_EIO;
    dyad_filter g;
    if (f)
        g = *f;
    else
        memset(&g, 0, sizeof g);
    g.unique = 0;   /* groups count every mention; records gives the unique count */
    dyad_err e = bind_filter(st, s, &g);
    if (e)
        return e;
    sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":by"), (int)by);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        dyad_group_row r;
        memset(&r, 0, sizeof r);
        r.source_code = col_str(s, 0);
        r.target_code = col_str(s, 1);
        r.period = col_str(s, 2);
        r.code = col_str(s, 3);
        r.quad_class = sqlite3_column_int(s, 4);
        r.country = col_str(s, 5);
        r.place = col_str(s, 6);
        /* a dimension asked for but NULL in the data (no place) reads as "" */
        if (by & DYAD_BY_COUNTRY && !r.country)
            r.country = "";
        if (by & DYAD_BY_PLACE && !r.place)
            r.place = "";
        r.lat = sqlite3_column_double(s, 7);
        r.lon = sqlite3_column_double(s, 8);
        r.count = sqlite3_column_int64(s, 9);
        r.records = sqlite3_column_int64(s, 10);
        r.goldstein_sum = sqlite3_column_double(s, 11);
        r.goldstein_mean = sqlite3_column_double(s, 12);
        if (cb(user, &r))
            break;
    }
    e = rc == SQLITE_ROW || rc == SQLITE_DONE ? DYAD_OK : db_fail(st, "group query");
    sqlite3_reset(s);
    return e;
}

dyad_err dyad_store_get(dyad_store *st, const char *id, dyad_doc_cb cb, void *user)
{
    sqlite3_stmt *s = stmt(st, S_GET);
    if (!s)
        return DYAD_EIO;
    if (!id)
        return DYAD_EINVAL;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    dyad_err e = DYAD_OK;
    if (rc == SQLITE_ROW) {
        dyad_stored_doc d = {0};
        d.id = col_str(s, 0);
        d.date = col_str(s, 1);
        d.title = col_str(s, 2);
        d.url = col_str(s, 3);
        d.source = col_str(s, 4);
        d.text = col_str0(s, 5);
        d.text_len = (size_t)sqlite3_column_bytes(s, 5);
        d.record = col_str0(s, 6);
        d.added = col_str0(s, 7);
        d.events = sqlite3_column_int64(s, 8);
        cb(user, &d);
    } else if (rc == SQLITE_DONE)
        e = DYAD_ENOTFOUND;
    else
        e = db_fail(st, "reading a document");
    sqlite3_reset(s);
    return e;
}

dyad_err dyad_store_list(dyad_store *st, int64_t limit, int64_t offset, dyad_doc_cb cb, void *user)
{
    sqlite3_stmt *s = stmt(st, S_LIST);
    if (!s)
        return DYAD_EIO;
    if (limit < 0 || offset < 0)
        return fail(st, DYAD_EINVAL, "invalid limit or offset");
    sqlite3_bind_int64(s, 1, limit ? limit : -1);
    sqlite3_bind_int64(s, 2, offset);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        dyad_stored_doc d = {0};
        d.id = col_str(s, 0);
        d.date = col_str(s, 1);
        d.title = col_str(s, 2);
        d.url = col_str(s, 3);
        d.source = col_str(s, 4);
        d.added = col_str0(s, 5);
        d.events = sqlite3_column_int64(s, 6);
        if (cb(user, &d))
            break;
    }
    dyad_err e = rc == SQLITE_ROW || rc == SQLITE_DONE ? DYAD_OK : db_fail(st, "listing documents");
    sqlite3_reset(s);
    return e;
}

dyad_err dyad_store_get_stats(dyad_store *st, dyad_store_stats *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = stmt(st, S_STATS);
    if (!s)
        return DYAD_EIO;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        int64_t *v[] = {&out->documents, &out->events, &out->records, &out->actors,
                        &out->quotes,    &out->places, &out->timex};
        for (int i = 0; i < 7; i++)
            *v[i] = sqlite3_column_int64(s, i);
        snprintf(out->first_day, sizeof out->first_day, "%s", col_str0(s, 7));
        snprintf(out->last_day, sizeof out->last_day, "%s", col_str0(s, 8));
    }
    dyad_err e = rc == SQLITE_ROW ? DYAD_OK : db_fail(st, "statistics");
    sqlite3_reset(s);
    return e;
}
