"""Test where an office store would be, before joining or creating it: a specific answer, never a traceback.

The Office settings dialog runs this in a worker. Each outcome names what is wrong in words a person can act on:
the server is not there, the connection string is wrong (host, user, password or database), the folder is missing
or not writable, there is no office yet (fine for creating one), or the office was made by a newer Casefile.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from casework.i18n import QT_TRANSLATE_NOOP, message_of
from storage.office.backend import OfficeError, OfficeTooNew, OfficeUnreachable
from storage.office.dsn import parse_problem, shown_location, without_secrets
from storage.office.folder import FolderOffice
from storage.office.pg import PostgresOffice


class Probe(StrEnum):
    OFFICE = "office"
    """An office is there and this Casefile can use it."""
    EMPTY = "empty"
    """The place is usable but holds no office yet (an office can be created there)."""
    UNREACHABLE = "unreachable"
    """The server or the folder is not there (now)."""
    BAD_ADDRESS = "bad_address"
    """The connection string is wrong: refused login, unknown database, not a DSN at all."""
    NOT_WRITABLE = "not_writable"
    TOO_NEW = "too_new"
    NOT_AN_OFFICE = "not_an_office"


@dataclass(frozen=True, slots=True)
class ProbeResult:
    outcome: Probe
    message: str
    office_id: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome in (Probe.OFFICE, Probe.EMPTY)


def probe_folder(folder: Path) -> ProbeResult:
    """Whether `folder` holds an office this app can use, or could hold a new one."""
    folder = Path(folder)
    if not folder.exists():
        creatable = folder.parent.is_dir() and os.access(folder.parent, os.W_OK | os.X_OK)
        return ProbeResult(Probe.UNREACHABLE, (QT_TRANSLATE_NOOP(
            "storage", "The folder {folder} is not there (a drive removed or a share not mounted?). Creating a new "
            "office there would make it.") if creatable else QT_TRANSLATE_NOOP(
            "storage", "The folder {folder} is not there (a drive removed or a share not mounted?).")).format(
            folder=str(folder)))
    if not folder.is_dir():
        return ProbeResult(Probe.NOT_AN_OFFICE, QT_TRANSLATE_NOOP("storage", "{folder} is a file, not a folder.")
                           .format(folder=str(folder)))
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".casefile-probe-"):
            pass
    except OSError as exc:
        return ProbeResult(Probe.NOT_WRITABLE, QT_TRANSLATE_NOOP(
            "storage", "Casefile cannot write to the folder {folder} ({problem}); ask office IT for write access.")
            .format(folder=str(folder), problem=str(exc.strerror)))
    backend = FolderOffice(folder)
    try:
        office_id = backend.office_id()
    except OfficeTooNew as exc:
        return ProbeResult(Probe.TOO_NEW, message_of(exc))
    except OfficeUnreachable as exc:
        return ProbeResult(Probe.UNREACHABLE, message_of(exc))
    except OfficeError:
        if any(p for p in folder.iterdir() if not p.name.startswith(".")):
            return ProbeResult(Probe.NOT_AN_OFFICE, QT_TRANSLATE_NOOP(
                "storage", "The folder {folder} holds other files but no Casefile office; choose the office's "
                "folder, or an empty one for a new office.").format(folder=str(folder)))
        return ProbeResult(Probe.EMPTY, QT_TRANSLATE_NOOP(
            "storage", "The folder {folder} is empty and writable: an office can be created here.").format(
            folder=str(folder)))
    return ProbeResult(Probe.OFFICE, QT_TRANSLATE_NOOP("storage", "Found office {office} in {folder}; it can be "
                                                       "joined.").format(office=office_id[:8], folder=str(folder)),
                       office_id)


def probe_postgres(dsn: str, schema: str) -> ProbeResult:
    """Whether the PostgreSQL database at `dsn` answers, lets this login in, and holds a usable office. No answer
    shows the DSN's password: where it is, is said without it (storage.office.dsn), and a DSN that cannot be read is
    not shown at all."""
    import psycopg

    try:
        backend = PostgresOffice(dsn, schema)
    except OfficeError as exc:
        return ProbeResult(Probe.BAD_ADDRESS, message_of(exc))
    if (problem := parse_problem(dsn)) is not None:  # not a connection string at all (libpq's conninfo parser)
        return ProbeResult(Probe.BAD_ADDRESS, NOT_A_DSN.format(problem=problem))
    where = shown_location(dsn, schema)
    try:
        conn = psycopg.connect(dsn, connect_timeout=5)
    except psycopg.ProgrammingError as exc:
        return ProbeResult(Probe.BAD_ADDRESS, NOT_A_DSN.format(problem=without_secrets(_first(exc), dsn)))
    except psycopg.OperationalError as exc:
        return _classify(exc, where, dsn)
    conn.close()
    try:
        office_id = backend.office_id()
    except OfficeTooNew as exc:
        return ProbeResult(Probe.TOO_NEW, message_of(exc))
    except OfficeUnreachable as exc:
        return ProbeResult(Probe.UNREACHABLE, message_of(exc))
    except OfficeError:
        return ProbeResult(Probe.EMPTY, QT_TRANSLATE_NOOP(
            "storage", "Connected to {where}; there is no office in schema {schema} yet (an office can be created "
            "there).").format(where=where, schema=schema))
    finally:
        backend.close()
    return ProbeResult(Probe.OFFICE, QT_TRANSLATE_NOOP("storage", "Found office {office} at {where}; it can be "
                                                       "joined.").format(office=office_id[:8], where=where),
                       office_id)


NOT_A_DSN = QT_TRANSLATE_NOOP("storage", "That is not a PostgreSQL connection string ({problem}).")


def _classify(exc: BaseException, where: str, dsn: str) -> ProbeResult:
    """psycopg's connection errors, told apart: nothing listening vs a refused login or unknown database."""
    text = without_secrets(_first(exc), dsn)
    lowered = str(exc).lower()
    if any(k in lowered for k in ("password authentication failed", "no password supplied", "role \"",
                                  "database \"", "does not exist", "pg_hba.conf", "authentication")):
        return ProbeResult(Probe.BAD_ADDRESS, QT_TRANSLATE_NOOP(
            "storage", "The database server at {where} answered but refused the connection ({problem}): check the "
            "user, password and database name.").format(where=where, problem=text))
    return ProbeResult(Probe.UNREACHABLE, QT_TRANSLATE_NOOP(
        "storage", "The database server at {where} cannot be reached ({problem}): check the host and port, the "
        "network, or whether the server is running.").format(where=where, problem=text))


def _first(exc: BaseException) -> str:
    """The part of psycopg's message that says what happened ("Connection refused", "role "x" does not exist")."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return " ".join(line.rsplit("failed: ", 1)[-1].replace("FATAL:", "").split())


def probe_link(backend: str, location: str) -> ProbeResult:
    """Probe the office a profile is linked to (office_link's backend and location), without the store: the
    automatic sync asks this on its own thread before it queues a sync behind the officer's saves."""
    if backend == "postgres":
        import json

        where = json.loads(location)
        return probe_postgres(str(where["dsn"]), str(where["schema"]))
    return probe_folder(Path(location))
