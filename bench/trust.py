"""Issue 11's figures: audit verify of 100,000 entries, backup and integrity check of a 10,000-case store,
and what cipher_memory_security costs on the foundation figures.

`python -m bench.trust`. The 100,000-entry log is built once per machine (rows written with their real
hashes and a signed head, as appends would leave them), like the 10,000-case store (bench.common).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.common import CASES, OFFICER, PASSPHRASE, Report, bench_store, median, timed
from storage import audit, database, keyslot
from storage.backup import Backup
from storage.paths import StorePaths
from storage.store import CaseStore, _transaction

AUDIT_ENTRIES = 100_000


def audit_store(entries: int = AUDIT_ENTRIES) -> Path:
    """A store whose audit log holds `entries` entries, built once in the temp folder."""
    folder = Path(tempfile.gettempdir()) / f"casefile-bench-audit-{entries}"
    if (folder / "casefile.db").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    with CaseStore.create(folder, PASSPHRASE, OFFICER) as store:
        conn = store.conn
        seq, prev = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        with _transaction(conn):
            rows = []
            for n in range(seq + 1, entries + 1):
                at = f"2026-11-25T12:{n // 6000 % 60:02d}:{n // 100 % 60:02d}.{n % 100:02d}+00:00"
                action, case_id = ("case_edited", f"case{n % 10_000:05d}") if n % 3 else ("case_viewed", None)
                detail = "revision 2; fields: notes, subject.family_name" if n % 3 else ""
                digest = f"{n:064x}"
                h = audit.entry_hash(n, at, OFFICER.officer_id, action, case_id, detail, prev, audit.DEVICE, digest)
                rows.append((n, at, OFFICER.officer_id, action, case_id, detail, prev, h, audit.DEVICE, digest))
                prev = h
            conn.executemany("INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash, device,"
                             " digest) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
            audit._sign_head(conn, entries, prev, store.profile_signing_key())
    return folder


def wall_and_cpu(fn: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Median wall and CPU (this process's user + system) milliseconds of `repeat` calls: on a machine shared
    with other work the wall time grows with the load, the CPU time much less."""
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return median(walls), median(cpus)


def copy_of(source: Path, tmp: Path) -> Path:
    folder = tmp / source.name
    shutil.copytree(source, folder)
    return folder


def foundation_figures(folder: Path) -> dict[str, float]:
    """The foundation bench's store figures (unlock → list, open a case, autosave), medians in ms."""
    unlocks = []
    for _ in range(3):
        t = time.perf_counter()
        store = CaseStore.open(folder, PASSPHRASE)
        summaries = store.list_cases()
        unlocks.append((time.perf_counter() - t) * 1000)
        store.close()
    with CaseStore.open(folder, PASSPHRASE) as store:
        ids = [s.id for s in summaries[:2000:97]]
        opens = [timed(lambda i=i: store.get_case(i))[0] for i in ids]
        lists = timed(store.list_cases, repeat=5)
        case = store.get_case(ids[0])
        saves = []
        for n in range(30):
            t = time.perf_counter()
            case = store.update_case(replace(case, notes=f"autosave {n}")).case
            saves.append((time.perf_counter() - t) * 1000)
    return {"unlock → list": median(unlocks), "list": median(lists), "open a case": median(opens),
            "autosave": median(saves)}


def main() -> None:
    report = Report(f"Trustworthy store (issue 11), store of {CASES:,} cases")
    with tempfile.TemporaryDirectory(prefix="casefile-bench-trust-") as tmp:
        folder = copy_of(audit_store(), Path(tmp))
        with CaseStore.open(folder, PASSPHRASE) as store:
            result = store.verify_audit()
            assert result.ok, result.message
            wall, cpu = wall_and_cpu(store.verify_audit)
        report.add(f"audit verify of {result.entries:,} entries (median of 3)", wall, 1000, note=f"CPU {cpu:.0f} ms")

        folder = copy_of(bench_store(), Path(tmp))
        made: list[Backup] = []
        with CaseStore.open(folder, PASSPHRASE) as store:
            wall, cpu = wall_and_cpu(lambda: made.append(store.backup(dest=Path(tmp) / f"backups-{len(made)}")))
        size = sum(f.stat().st_size for f in made[-1].folder.iterdir()) / 1e6
        report.add(f"backup of {made[-1].cases:,} cases, written and checked (median of 3)", wall, 2000,
                   note=f"CPU {cpu:.0f} ms, {size:.0f} MB")

        from storage.integrity import check_before_open

        key = keyslot.read_key_file(folder / "casefile.keys").unwrap(PASSPHRASE)
        paths = StorePaths(folder)
        wall, cpu = wall_and_cpu(lambda: check_before_open(paths, key))
        report.add("integrity check after an unclean exit (median of 3)", wall, 2000,
                   note=f"CPU {cpu:.0f} ms; -wal frames, page HMACs, b-trees, every case read")
        report.print()

        print("\n  cipher_memory_security off vs on, foundation figures (median ms):")
        figures = {}
        for on in (False, True):
            database.MEMORY_SECURITY = on
            figures[on] = foundation_figures(folder)
        database.MEMORY_SECURITY = True
        for name in figures[True]:
            off, on_ = figures[False][name], figures[True][name]
            print(f"    {name:<16} off {off:8.2f}   on {on_:8.2f}   cost {on_ - off:+8.2f}"
                  f" ({(on_ / off - 1) * 100:+.0f} %)")


if __name__ == "__main__":
    main()
