"""Issue 7's figures: autosave into an open revision, flush before lock, and store growth under autosave.

Run on a copy of the generated 10,000-case store, so the figures include a realistic database size.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.common import CASES, PASSPHRASE, Report, bench_store, median
from storage.store import CaseStore

AUTOSAVES = 10_000


def store_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.name.startswith("casefile.db"))


def main() -> None:
    source = bench_store()
    with tempfile.TemporaryDirectory(prefix="casefile-bench-ri-") as tmp:
        folder = Path(tmp) / "store"
        shutil.copytree(source, folder)
        report = Report(f"Record integrity (issue 7), store of {CASES:,} cases")
        store = CaseStore.open(folder, PASSPHRASE)
        case = store.get_case(store.list_cases()[0].id)

        saves = []
        for n in range(200):
            t = time.perf_counter()
            case = store.update_case(replace(case, notes=f"autosave {n}")).case
            saves.append((time.perf_counter() - t) * 1000)
        report.add("autosave into the open revision (median)", median(saves), 10)

        flushes = []
        for n in range(20):  # the last edit saved, its revision closed: what Ctrl+L waits for
            t = time.perf_counter()
            case = store.update_case(replace(case, notes=f"before lock {n}")).case
            store.close_revision(case.id)
            flushes.append((time.perf_counter() - t) * 1000)
        report.add("flush before lock: save + close revision (median)", median(flushes), 50)
        store.close()

        store = CaseStore.open(folder, PASSPHRASE)
        before = store_bytes(folder)
        revisions_before = len(store.revisions(case.id))
        case = store.get_case(case.id)
        for n in range(AUTOSAVES):
            case = store.update_case(replace(case, notes=f"keystroke {n} " + "x" * (n % 200))).case
        store.close()  # checkpoints the WAL into the database
        grown = (store_bytes(folder) - before) / 1e6
        with CaseStore.open(folder, PASSPHRASE) as store:
            added = len(store.revisions(case.id)) - revisions_before
        report.add(f"store growth after {AUTOSAVES:,} autosaves of one case", max(grown, 0.0), 2, unit="MB",
                   note=f"{added} revision(s) added" + (", the file did not grow" if grown <= 0 else ""))
        report.print()
        memory_security_cost(folder)


def memory_security_cost(folder: Path) -> None:
    """What SQLCipher's cipher_memory_security (on in Casefile) costs: list, search scan, autosave."""
    from storage import database

    print("\n  cipher_memory_security on vs off (median ms):")
    for on in (False, True):
        database.MEMORY_SECURITY = on
        with CaseStore.open(folder, PASSPHRASE) as store:
            lists, saves = [], []
            for _ in range(5):
                t = time.perf_counter()
                store.list_cases()
                lists.append((time.perf_counter() - t) * 1000)
            case = store.get_case(store.list_cases()[0].id)
            for n in range(50):
                t = time.perf_counter()
                case = store.update_case(replace(case, notes=f"m{n}")).case
                saves.append((time.perf_counter() - t) * 1000)
        print(f"    {'on ' if on else 'off'}: list {CASES:,} cases {median(lists):.1f}, autosave {median(saves):.2f}")
    database.MEMORY_SECURITY = True


if __name__ == "__main__":
    main()
