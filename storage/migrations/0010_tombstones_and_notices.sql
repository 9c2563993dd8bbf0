-- purpose: office sync: a tombstone for every deleted case (pushed to the office so other laptops remove it too), and the review decisions that arrived by sync and the officer has not yet seen
CREATE TABLE case_tombstones (
    case_id     TEXT PRIMARY KEY,
    case_number TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    digest      TEXT NOT NULL,
    deleted_by  TEXT NOT NULL,
    deleted_at  TEXT NOT NULL,
    base_rev    INTEGER,
    office_rev  INTEGER
);
CREATE TABLE decision_notices (
    case_id    TEXT PRIMARY KEY,
    decision   TEXT NOT NULL,
    actor      TEXT NOT NULL,
    arrived_at TEXT NOT NULL
)
