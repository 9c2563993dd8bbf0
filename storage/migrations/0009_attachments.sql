-- purpose: attachments: photos, scans and PDFs inside the encrypted store, one row per distinct content (by SHA-256) however many cases and revisions cite it
CREATE TABLE attachment_blobs (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL,
    added_at   TEXT NOT NULL,
    data       BLOB NOT NULL
)
