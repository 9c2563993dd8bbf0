"""Open a SQLCipher connection with a raw 256-bit key, safely.

The order matters: key first, then a read that proves the key (SQLCipher answers "file is not a database" for
a wrong key or a foreign file), then the checks of application_id and schema version, and only then anything
that writes (WAL mode). So a damaged or foreign file is refused without one byte of it changing.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias
from urllib.parse import quote

import sqlcipher3  # no stubs

from casework.i18n import QT_TRANSLATE_NOOP
from storage import error_map, lookaside
from storage.errors import ForeignFile, StoreCorrupt

APPLICATION_ID = 0x43415345  # "CASE"
BUSY_TIMEOUT_MS = 1000
"""How long a statement waits for another connection's lock. The lock file keeps other Casefile processes out,
so a busy store means a foreign tool holds it: say so after a second rather than freeze the window longer."""
MEMORY_SECURITY = True
"""SQLCipher's cipher_memory_security: zeroes memory it frees and mlocks its buffers (off by default)."""
CACHE_PAGES = -32_000  # 32 MB page cache: a full scan in SQLCipher is ~5x slower than plain SQLite without it

Connection: TypeAlias = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError
OperationalError = sqlcipher3.OperationalError
IntegrityError = sqlcipher3.IntegrityError
complete_statement = sqlcipher3.complete_statement


def connect(path: Path, key: bytes, *, create: bool = False, read_only: bool = False) -> Connection:
    """An open, verified connection to the store at `path`, keyed with the raw data key.

    Raises StoreCorrupt / ForeignFile with a message naming the file; the file is never modified on failure.
    `read_only` opens the file read-only at the OS level (SQLite's mode=ro): for checking a store after a crash
    and for reading a damaged one. Such a connection cannot checkpoint, so neither its statements nor its
    close write one byte into the database or its -wal file (only the -shm index is rebuilt).
    """
    path = Path(path)
    doing = QT_TRANSLATE_NOOP("storage", "set up the profile") if create else error_map.OPEN_STORE
    if not create and not path.exists():
        raise StoreCorrupt(QT_TRANSLATE_NOOP("storage", "The case store {path} is missing.").format(path=path))
    try:
        if create:  # 0600 from the first byte; SQLite gives the -wal and -shm files the database's mode
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so one save is exactly one transaction.
        target = f"file:{quote(str(path.absolute()))}?mode=ro" if read_only else str(path)
        conn = sqlcipher3.connect(target, isolation_level=None, check_same_thread=True,
                                  timeout=BUSY_TIMEOUT_MS / 1000, uri=read_only)
    except (OSError, DatabaseError) as exc:
        raise error_map.translated(exc, path.parent, doing=doing) from None
    try:
        _process_settings()  # before the lookaside area is taken from the heap: so it is locked from swap
        if not read_only:  # a check or salvage reading a copy needs no bulk writes: its 6 MB stay unlocked
            lookaside.enlarge(conn, path)  # before any statement (storage.lookaside says why)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher logs to stderr by default
        # Wipe SQLCipher's buffers when freed and lock them from swap; bench/foundation prints what it costs.
        conn.execute(f"PRAGMA cipher_memory_security = {'ON' if MEMORY_SECURITY else 'OFF'}")
        conn.execute("PRAGMA temp_store = MEMORY")  # FILE would spill plaintext rows into /var/tmp
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            # A wrong key and a foreign or damaged file all read as "file is not a database"; a folder, disk
            # or permission problem (the -shm file cannot be made) is named for what it is.
            damage = error_map.sqlite_code(exc) in (error_map.SQLITE_NOTADB, error_map.SQLITE_CORRUPT)
            if not damage and (mapped := error_map.user_error(exc, path.parent, doing=doing)) is not None:
                raise mapped from None
            raise StoreCorrupt(QT_TRANSLATE_NOOP(
                "storage", "{path} cannot be decrypted with this key file: the database is damaged, or it and the "
                "key file do not belong together. Nothing has been changed.").format(path=path)) from None
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if create and app_id == 0 and not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif app_id != APPLICATION_ID:
            raise ForeignFile(QT_TRANSLATE_NOOP("storage", "{path} is an encrypted database, but not a Casefile "
                                                "store. Nothing has been changed.").format(path=path))
        conn.execute(f"PRAGMA cache_size = {CACHE_PAGES}")
        if read_only:
            conn.execute("PRAGMA query_only = ON")  # a second wall: refused by SQLite before the OS says no
            return conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")  # WAL pages are encrypted like the database's
        conn.execute("PRAGMA synchronous = FULL")  # a committed save survives power loss
        return conn
    except BaseException as exc:
        with contextlib.suppress(Exception):
            conn.close()
        if isinstance(exc, DatabaseError):  # busy, full, read-only… while setting the connection up
            raise error_map.translated(exc, path.parent, doing=doing) from None
        raise


def _process_settings() -> None:
    """SQLCipher's process-wide settings, made on a throwaway in-memory connection before a store's connection
    allocates anything: no logging to stderr, and memory security (which, once on, stays on for the process)."""
    global _SETTINGS_MADE
    if _SETTINGS_MADE == MEMORY_SECURITY:
        return
    scratch = sqlcipher3.connect(":memory:")
    try:
        scratch.execute("PRAGMA cipher_log_level = NONE")
        scratch.execute(f"PRAGMA cipher_memory_security = {'ON' if MEMORY_SECURITY else 'OFF'}")
    finally:
        scratch.close()
    _SETTINGS_MADE = MEMORY_SECURITY


_SETTINGS_MADE: bool | None = None


CRYPTO_PRAGMAS = ("cipher_version", "cipher_provider", "cipher_provider_version", "cipher_fips_status")


@dataclass(frozen=True, slots=True)
class CryptoModule:
    """What encrypts the store: SQLCipher and its crypto provider, as `casefile doctor` and Help ▸ About
    report them (one wording for both)."""

    version: str
    provider: str
    provider_version: str
    fips_status: str

    @property
    def fips_validated(self) -> bool:
        """SQLCipher says 1 only when its provider runs in a FIPS-validated mode."""
        return self.fips_status == "1"

    def summary(self) -> str:
        fips = QT_TRANSLATE_NOOP("storage", "FIPS mode on") if self.fips_validated else QT_TRANSLATE_NOOP(
            "storage", "not a FIPS-validated module")
        return QT_TRANSLATE_NOOP("storage", "SQLCipher {version}, crypto provider {provider} {provider_version} "
                                 "({fips})").format(version=self.version, provider=self.provider,
                                                    provider_version=self.provider_version, fips=fips)

    def fips_statement(self) -> str:
        """Said plainly, for an office that must meet FIPS 140 (CJIS)."""
        if self.fips_validated:
            return QT_TRANSLATE_NOOP("storage", "The database encryption module reports FIPS mode "
                                     "(cipher_fips_status 1).")
        return QT_TRANSLATE_NOOP("storage", "This database encryption module is not FIPS 140-validated: an "
                                 "installation that must meet a FIPS 140 requirement (CJIS) needs a SQLCipher build "
                                 "on a FIPS-validated crypto provider (see README, CJIS deployments).")


def crypto_module(conn: Connection) -> CryptoModule:
    """Read from an open, keyed connection (SQLCipher answers these only once keyed)."""
    values = []
    for name in CRYPTO_PRAGMAS:
        row = conn.execute(f"PRAGMA {name}").fetchone()
        values.append(str(row[0]) if row and row[0] is not None else "unknown")
    return CryptoModule(*values)
