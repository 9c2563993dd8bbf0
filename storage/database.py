"""Open a SQLCipher connection with a raw 256-bit key, safely.

The order matters: key first, then a read that proves the key (SQLCipher answers "file is not a database" for
a wrong key or a foreign file), then the checks of application_id and schema version, and only then anything
that writes (WAL mode). So a damaged or foreign file is refused without one byte of it changing.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import sqlcipher3

from storage.errors import ForeignFile, StoreCorrupt

APPLICATION_ID = 0x43415345  # "CASE"
CACHE_PAGES = -32_000  # 32 MB page cache: a full scan in SQLCipher is ~5x slower than plain SQLite without it

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError
OperationalError = sqlcipher3.OperationalError
IntegrityError = sqlcipher3.IntegrityError


def connect(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """An open, verified connection to the store at `path`, keyed with the raw data key.

    Raises StoreCorrupt / ForeignFile with a message naming the file; the file is never modified on failure.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StoreCorrupt(f"The case store {path} is missing.")
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so one save is exactly one transaction.
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher logs to stderr by default
        conn.execute("PRAGMA temp_store = MEMORY")  # FILE would spill plaintext rows into /var/tmp
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            raise StoreCorrupt(
                f"{path} cannot be decrypted with this key file: the database is damaged, or it and the key "
                "file do not belong together. Nothing has been changed."
            ) from None
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if create and app_id == 0 and not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif app_id != APPLICATION_ID:
            raise ForeignFile(f"{path} is an encrypted database, but not a Casefile store. Nothing has been changed.")
        conn.execute(f"PRAGMA cache_size = {CACHE_PAGES}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")  # WAL pages are encrypted like the database's
        conn.execute("PRAGMA synchronous = FULL")  # a committed save survives power loss
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn
    except BaseException:
        with contextlib.suppress(Exception):
            conn.close()
        raise
