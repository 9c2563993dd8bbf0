-- purpose: office sync: the profile's X25519 key for receiving the office key, the link to an office (its content keys kept only here, inside the encrypted store), each case's office base, and conflicts kept for a person
ALTER TABLE profile ADD COLUMN exchange_key BLOB;
CREATE TABLE office_link (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    backend        TEXT NOT NULL,
    location       TEXT NOT NULL,
    office_id      TEXT NOT NULL,
    member_id      TEXT NOT NULL,
    founder_key    TEXT NOT NULL,
    roster_version INTEGER NOT NULL DEFAULT 0,
    cursor         INTEGER NOT NULL DEFAULT 0,
    linked_at      TEXT NOT NULL
);
CREATE TABLE office_keys (
    key_version INTEGER PRIMARY KEY,
    content_key BLOB NOT NULL
);
CREATE TABLE office_rosters (
    version INTEGER PRIMARY KEY,
    doc     TEXT NOT NULL
);
CREATE TABLE sync_state (
    case_id         TEXT PRIMARY KEY,
    office_rev      INTEGER NOT NULL,
    base_body       TEXT NOT NULL,
    synced_revision INTEGER NOT NULL
);
CREATE TABLE sync_conflicts (
    case_id    TEXT NOT NULL,
    path       TEXT NOT NULL,
    base       TEXT NOT NULL,
    mine       TEXT NOT NULL,
    theirs     TEXT NOT NULL,
    office_rev INTEGER NOT NULL,
    found_at   TEXT NOT NULL,
    PRIMARY KEY (case_id, path)
)
