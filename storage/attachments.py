"""Attachment content inside the encrypted store: one row of `attachment_blobs` per distinct SHA-256.

Case bodies hold only references (casework.model.Attachment); the bytes live here, encrypted with every other
page of the SQLCipher database, and are never written anywhere else by the store. Content is addressed by its
hash, so the same scan attached to three cases (or re-attached after a removal) is stored once.

A blob is never deleted when no case refers to it any more: older revisions still cite it, and a printed memo's
seal covers a revision whose exhibits must stay retrievable. (A future "compact" would have to walk every
revision of every case first.) Reads check the hash again, so a damaged blob is reported, never shown.

These functions run inside the caller's transaction; `CaseStore` wraps them with the workflow rules and the
audit log.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from casework.attachments import MAX_BYTES, AttachmentRefused, check_content, display_name, sha256_hex, too_large
from storage.database import Connection
from storage.errors import StoreCorrupt, UserFacingError


class AttachmentNotAccepted(UserFacingError):
    """A file refused as an attachment (too large, empty, not a photo, scan or PDF), with the file named."""

    title = "Attachment not added"


class AttachmentMissing(UserFacingError):
    """A case cites content this store does not hold (yet): e.g. a case synced before its attachments."""

    title = "Attachment not here"


def put_blob(conn: Connection, data: bytes, file_name: str = "") -> tuple[str, str]:
    """Keep `data` (checked: size limit, accepted type) once; return (sha256, media type)."""
    try:
        media = check_content(file_name or "the file", data)
    except AttachmentRefused as exc:
        raise AttachmentNotAccepted(str(exc)) from None
    sha = sha256_hex(data)
    conn.execute(
        "INSERT INTO attachment_blobs (sha256, media_type, size, added_at, data) VALUES (?,?,?,?,?) "
        "ON CONFLICT (sha256) DO NOTHING",
        (sha, media, len(data), datetime.now(UTC).isoformat(timespec="seconds"), data))
    return sha, media


def has_blob(conn: Connection, sha: str) -> bool:
    return conn.execute("SELECT 1 FROM attachment_blobs WHERE sha256 = ?", (sha,)).fetchone() is not None


def get_blob(conn: Connection, sha: str) -> bytes:
    """The content of `sha`, checked against its hash; AttachmentMissing when not here, StoreCorrupt when the
    stored bytes no longer hash to it."""
    row = conn.execute("SELECT data FROM attachment_blobs WHERE sha256 = ?", (sha,)).fetchone()
    if row is None:
        raise AttachmentMissing(f"The attachment {sha[:12]}… is not in this store (it may not have been synced "
                                "to this laptop yet).")
    data = bytes(row[0])
    if sha256_hex(data) != sha:
        raise StoreCorrupt(f"The stored attachment {sha[:12]}… is damaged: its content no longer matches its "
                           "SHA-256. Restore a backup or run 'casefile doctor'.")
    return data


def missing(conn: Connection, hashes: set[str]) -> set[str]:
    """The hashes in `hashes` that have no content here."""
    return {h for h in hashes if not has_blob(conn, h)}


def blob_count(conn: Connection) -> tuple[int, int]:
    """(number of distinct contents, total bytes), for doctor and the README's sizing advice."""
    row = conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM attachment_blobs").fetchone()
    return int(row[0]), int(row[1])


def read_file(path: Path) -> bytes:
    """The content of a file the officer chose to attach: refused by size before a byte is read (so a 4 GB
    video costs nothing), and read errors in words that name the file."""
    shown = display_name(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise AttachmentNotAccepted(too_large(shown, size))
        if not path.is_file():
            raise AttachmentNotAccepted(f"“{shown}” is not a file.")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise AttachmentNotAccepted(f"“{shown}” could not be read: {exc.strerror or exc}.") from None
    if len(data) > MAX_BYTES:  # it grew while being read
        raise AttachmentNotAccepted(too_large(shown, len(data)))
    return data
