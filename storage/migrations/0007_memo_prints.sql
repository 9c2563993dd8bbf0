-- purpose: print records: for every memo printed or saved, everything its rendering used (settings, paper, policy, fonts, program version, recipient) and its page digests, so verify can render the same pages again
CREATE TABLE memo_prints (
    print_id           TEXT PRIMARY KEY,
    case_id            TEXT NOT NULL,
    case_number        TEXT NOT NULL,
    revision           INTEGER NOT NULL,
    record_digest      TEXT NOT NULL,
    agency             TEXT NOT NULL,
    office             TEXT NOT NULL,
    handling           TEXT NOT NULL,
    memo_for           TEXT NOT NULL,
    through            TEXT NOT NULL,
    paper              TEXT NOT NULL,
    memo_date          TEXT NOT NULL,
    policy_id          TEXT NOT NULL,
    policy_version     TEXT NOT NULL,
    policy_sha256      TEXT NOT NULL,
    font_hashes        TEXT NOT NULL,
    renderer           TEXT NOT NULL,
    app_version        TEXT NOT NULL,
    key_id             TEXT NOT NULL,
    page_count         INTEGER NOT NULL,
    page_digests       TEXT NOT NULL,
    recipient_profile  TEXT NOT NULL DEFAULT '',
    recipient_name     TEXT NOT NULL DEFAULT '',
    printed_at         TEXT NOT NULL,
    spec               TEXT NOT NULL
);
CREATE INDEX memo_prints_case ON memo_prints (case_id, revision)
