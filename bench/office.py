"""Issue 10's sync figures, against the local PostgreSQL and a folder: first push of 10,000 cases, 1,000 changed
cases, a sync with nothing to do, a new supervisor pulling 10,000 cases. Each with a ratio to moving the same
bytes plainly: a COPY into a one-column table (PostgreSQL), one file write (folder).

Run on a copy of the generated 10,000-case store (bench.common). PostgreSQL at CASEFILE_TEST_DSN (default
127.0.0.1:5432, user postgres, db test), in a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.common import CASES, PASSPHRASE, Report, bench_store
from casework.model import Officer, Role
from storage.office import link
from storage.office.backend import OfficeBackend
from storage.office.folder import FolderOffice
from storage.office.pg import PostgresOffice
from storage.office.roster import MemberRole
from storage.store import CaseStore
from storage.sync import sync

DSN = os.environ.get("CASEFILE_TEST_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=test")
SUPERVISOR = Officer("Bench Supervisor", "BSUP", "Benchmark Office")
CHANGED = 1000


CPU: dict[str, float] = {}
"""Seconds of CPU time of the last call _seconds timed, this process's ("last") and its opening processes'
("child": storage.pull_worker, in a large pull) — the machine may be shared: wall time alone would measure the
neighbours too."""


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # of children that have ended (the pull waits for it)
    return usage.ru_utime + usage.ru_stime


def _seconds(fn: Callable[[], object]) -> float:
    t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
    fn()
    CPU["last"] = time.process_time() - c
    CPU["child"] = _children_cpu() - k
    return time.perf_counter() - t


def _cpu() -> str:
    child = f" + {CPU['child'] * 1000:.0f} ms in the opening processes" if CPU.get("child", 0) > 0.05 else ""
    return f"CPU {CPU['last'] * 1000:.0f} ms{child}"


def _office_bytes(backend: OfficeBackend) -> bytes:
    """The sealed records as the office holds them, as one blob: what the plain baseline moves."""
    import json

    return "\n".join(json.dumps(r.to_doc()) for r in _all(backend)).encode()


def _all(backend: OfficeBackend) -> list:
    out, cursor = [], 0
    while page := backend.pull(cursor, 5000):
        out.extend(page)
        cursor = page[-1].seq
    return out


def _plain_copy(blob: bytes) -> float:
    import psycopg

    schema = f"casefile_bench_{secrets.token_hex(4)}"
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
        conn.execute(f'CREATE TABLE "{schema}".plain (line text)')
        try:
            t = time.perf_counter()
            with conn.transaction(), conn.cursor() as cur, cur.copy(f'COPY "{schema}".plain (line) FROM STDIN') as cp:
                for line in blob.split(b"\n"):
                    cp.write_row((line.decode(),))
            return time.perf_counter() - t
        finally:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _plain_write(blob: bytes, folder: Path) -> float:
    t = time.perf_counter()
    with open(folder / "plain.bin", "wb") as f:
        f.write(blob)
        f.flush()
        os.fsync(f.fileno())
    return time.perf_counter() - t


def run(kind: str, make: Callable[[], OfficeBackend], tmp: Path, report: Report) -> None:
    officer = CaseStore.open(_copy(bench_store(), tmp / f"{kind}-officer"), PASSPHRASE)
    sam = CaseStore.create(tmp / f"{kind}-sam", PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR)
    fresh = CaseStore.create(tmp / f"{kind}-fresh", PASSPHRASE, replace(SUPERVISOR, name="Second Supervisor",
                                                                        officer_id="BSUP2"), role=Role.SUPERVISOR)
    try:
        link.init_office(sam, make())
        for store, role in ((officer, MemberRole.OFFICER), (fresh, MemberRole.SUPERVISOR)):
            link.join_office(store, make())
            link.approve(sam, make(), store.officer.officer_id, role)

        def sync_of(store: CaseStore) -> Callable[[], object]:
            def go() -> object:
                backend = make()
                try:
                    return sync(store, backend)
                finally:
                    backend.close()
            return go

        first = _seconds(sync_of(officer))
        first_cpu = _cpu()
        backend = make()
        blob = _office_bytes(backend)
        backend.close()
        plain = _plain_copy(blob) if kind == "postgres" else _plain_write(blob, tmp)
        what = "COPY" if kind == "postgres" else "file write"
        report.add(f"{kind}: first push of {CASES:,} cases", first * 1000, 5000,
                   note=f"{first_cpu}; {first / plain:.0f}× a plain {what} of its {len(blob) / 1e6:.1f} MB")
        sync_of(officer)()  # settles anything left from the first push
        idles = sorted((_seconds(sync_of(officer)), CPU["last"]) for _ in range(5))
        idle = idles[2][0]
        report.add(f"{kind}: a sync with nothing to do (median of 5)", idle * 1000, 50,
                   note=f"CPU {idles[2][1] * 1000:.0f} ms")
        for summary in officer.list_cases()[:CHANGED]:
            case = officer.get_case(summary.id)
            officer.update_case(replace(case, notes=case.notes + " (changed for the bench)"))
        officer.sync_outgoing()  # closes the open revisions, as a sync does first (not what is measured)
        changed = _seconds(sync_of(officer))
        changed_cpu = _cpu()
        share = len(blob) * CHANGED // max(CASES, 1)
        plain_changed = _plain_copy(blob[:share]) if kind == "postgres" else _plain_write(blob[:share], tmp)
        report.add(f"{kind}: {CHANGED:,} changed cases", changed * 1000, 1000,
                   note=f"{changed_cpu}; {changed / plain_changed:.0f}× a plain {what}")
        pulled = _seconds(sync_of(fresh))
        pulled_cpu = _cpu()
        report.add(f"{kind}: a new supervisor pulling {fresh.count_cases():,} cases", pulled * 1000, 5000,
                   note=f"{pulled_cpu}; {pulled / plain:.0f}× a plain {what}")
    finally:
        for store in (officer, sam, fresh):
            store.close()


def _copy(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("casefile.lock"))
    return dest


def main() -> None:
    report = Report(f"Office sync (issue 10), {CASES:,} cases")
    with tempfile.TemporaryDirectory(prefix="casefile-bench-office-") as tmp_name:
        tmp = Path(tmp_name)
        run("folder", lambda: FolderOffice(tmp / "office-share"), tmp, report)
        schema = f"casefile_bench_{secrets.token_hex(4)}"
        try:
            run("postgres", lambda: PostgresOffice(DSN, schema), tmp, report)
        finally:
            import psycopg

            with psycopg.connect(DSN, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    report.print()


if __name__ == "__main__":
    main()
