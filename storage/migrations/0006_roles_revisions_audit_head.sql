-- purpose: profile roles (officer or supervisor); draft revisions that stay open while one editing session goes on; audit entries with the device and the digest of the record written, and a signed chain head
ALTER TABLE profile ADD COLUMN role TEXT NOT NULL DEFAULT 'officer';
ALTER TABLE cases ADD COLUMN revision_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN digest TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_head (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    seq        INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    signature  TEXT NOT NULL
);
CREATE TABLE audit_checkpoint (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
);
CREATE INDEX cases_open_revision ON cases (id) WHERE revision_open = 1
