-- schema.sql - the dyad event store (SQLite). Loaded by dyad_store_open() on
-- every open: every statement is idempotent (IF NOT EXISTS). The library sets
-- PRAGMA journal_mode=WAL and foreign_keys=ON itself, and records the schema
-- version in PRAGMA user_version. docs/store.md describes the tables.
--
-- Offsets (start, end) are byte offsets [start, end) into documents.text, as
-- in the JSON output of `dyad code`. Days are 'YYYY-MM-DD' strings.

-- One row per coded document. doc_id is the caller's id (unique: storing a
-- document again with the same id replaces it and everything below it).
CREATE TABLE IF NOT EXISTS documents (
    id        INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL UNIQUE,
    date      TEXT,               -- publication date, NULL when unknown
    title     TEXT,
    url       TEXT,
    source    TEXT,               -- publication (outlet); NumSources counts these
    text      TEXT NOT NULL,
    record    TEXT NOT NULL,      -- the `dyad code` JSON record of the document
    added     TEXT NOT NULL,      -- when stored, 'YYYY-MM-DDTHH:MM:SSZ' (UTC)
    n_events  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS sentences (
    doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

-- Actor mentions (code '' for a name the dictionaries do not know).
CREATE TABLE IF NOT EXISTS actors (
    doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    code      TEXT NOT NULL,
    ref_text  TEXT,               -- for he / the alliance: what it refers to
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);

-- GDELT-style event records: the events of every document that share source,
-- target, event code, day and negation are one record (id = GLOBALEVENTID).
-- Since the day is part of the key, a record is also the "one-a-day" event.
-- A record disappears with its last event (trigger below).
CREATE TABLE IF NOT EXISTS records (
    id          INTEGER PRIMARY KEY,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    code        TEXT NOT NULL,
    day         TEXT NOT NULL,
    negated     INTEGER NOT NULL,
    UNIQUE (source_code, target_code, code, day, negated)
);

-- Events (each a mention of a record).
CREATE TABLE IF NOT EXISTS events (
    id            INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,   -- index of the event in its document
    record        INTEGER NOT NULL REFERENCES records(id),
    sentence      INTEGER NOT NULL,
    code          TEXT NOT NULL,      -- CAMEO event code, e.g. '042'
    root          TEXT NOT NULL,      -- its root, '04'
    quad_class    INTEGER NOT NULL,
    goldstein     REAL,
    source_text   TEXT NOT NULL,
    source_code   TEXT NOT NULL,      -- '' when absent
    target_text   TEXT NOT NULL,
    target_code   TEXT NOT NULL,
    date          TEXT,               -- the event's own date value (TimeML), or NULL
    day           TEXT NOT NULL,      -- its day: own date when a full day, else the
                                      -- document's, else the day it was stored
    trigger       TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    negated       INTEGER NOT NULL,
    plover_event  TEXT NOT NULL,
    plover_mode   TEXT NOT NULL,
    plover_context TEXT NOT NULL,
    location      TEXT,               -- place name, NULL when none
    loc_country   TEXT,               -- ISO-3
    loc_adm1      TEXT,
    loc_feature   TEXT,
    lat           REAL,
    lon           REAL,
    UNIQUE (doc, idx)
);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_code, target_code, day);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, day);
CREATE INDEX IF NOT EXISTS events_code ON events(code);
CREATE INDEX IF NOT EXISTS events_country ON events(loc_country);
CREATE INDEX IF NOT EXISTS events_record ON events(record);

CREATE TRIGGER IF NOT EXISTS events_drop_record AFTER DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM events WHERE record = OLD.record)
BEGIN
    DELETE FROM records WHERE id = OLD.record;
END;

CREATE TABLE IF NOT EXISTS quotes (
    doc          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    direct       INTEGER NOT NULL,    -- 1 quotation, 0 reported speech
    speaker      INTEGER,             -- actors.idx of the speaker, NULL
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS timex (
    doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    type      TEXT NOT NULL,          -- DATE TIME DURATION SET
    value     TEXT NOT NULL,          -- TimeML value
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS places (
    doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT NOT NULL,
    adm1      TEXT NOT NULL,
    feature   TEXT NOT NULL,
    lat       REAL,
    lon       REAL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_country ON places(country);

-- The one-a-day view: one row per record with GDELT's counts. NumMentions
-- counts every event of the record, NumArticles its documents, NumSources the
-- distinct publications (documents without a source count as one).
CREATE VIEW IF NOT EXISTS event_records AS
SELECT r.id AS id, r.day AS day, r.source_code AS source_code,
       r.target_code AS target_code, r.code AS code, r.negated AS negated,
       count(*) AS num_mentions,
       count(DISTINCT e.doc) AS num_articles,
       count(DISTINCT coalesce(d.source, '')) AS num_sources,
       min(e.id) AS first_event
FROM records r
JOIN events e ON e.record = r.id
JOIN documents d ON d.id = e.doc
GROUP BY r.id;
