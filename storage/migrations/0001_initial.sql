-- purpose: profile and case files
CREATE TABLE profile (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    officer_name  TEXT NOT NULL,
    officer_id    TEXT NOT NULL,
    office        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    next_sequence INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE cases (
    id           TEXT PRIMARY KEY,
    case_number  TEXT NOT NULL UNIQUE,
    revision     INTEGER NOT NULL,
    status       TEXT NOT NULL,
    family_name  TEXT NOT NULL,
    given_names  TEXT NOT NULL,
    a_number     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    body         TEXT NOT NULL
);
