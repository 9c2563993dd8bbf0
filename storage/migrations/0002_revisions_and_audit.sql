-- purpose: keep every saved revision, the aliases for search, and a hash-chained audit log
ALTER TABLE cases ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';

UPDATE cases SET aliases = coalesce(json_extract(body, '$.subject.aliases'), '[]');

CREATE TABLE case_revisions (
    case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    revision  INTEGER NOT NULL,
    saved_at  TEXT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (case_id, revision)
);

INSERT INTO case_revisions (case_id, revision, saved_at, body)
    SELECT id, revision, updated_at, body FROM cases;

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    case_id    TEXT,
    detail     TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
