"""Issue 10's scale figures: one profile holding 100,000 cases (a supervisor's at a large office).

unlock → list filled (beyond the key derivation), a search keystroke (every prefix of names, numbers and dates
as typed, in several scripts), and the peak memory of a process that unlocks, fills the list in the real
window and searches. The store is built once per machine in the temp folder (bulk: one transaction through the
store's own insert, so every case is indexed by the same triggers as a save) and reused.

    python -m bench.scale            # CASEFILE_SCALE_CASES=20000 for a smaller store
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import OFFICER, PASSPHRASE, Report, median

CASES = int(os.environ.get("CASEFILE_SCALE_CASES", "100000"))

FAMILY = [
    "Ivanova", "Иванова", "Petrov", "Петров", "Smirnova", "Смирнова", "Nguyễn", "Trần", "Lê", "Phạm", "Muhammad",
    "Mohammed", "محمد", "Ahmed", "أحمد", "Hassan", "حسن", "Ali", "علي", "عبد الله", "Cohen", "כהן", "Levi", "לוי",
    "David", "דוד", "Papadopoulos", "Παπαδόπουλος", "Georgiou", "Γεωργίου", "García", "González", "Gonzales",
    "Rodríguez", "Martínez", "Hernández", "López", "Núñez", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores",
    "O'Brien", "Murphy", "Kowalski", "Łukasiewicz", "Nowak", "Ødegård", "Johansson", "Müller", "Schmidt",
    "Okafor", "Adeyemi", "Mensah", "Tanaka", "田中", "Kim", "김", "Chen", "陈", "Singh", "Patel", "Kumar",
    "Santos", "Silva", "Oliveira", "Dubois", "Moreau", "Rossi", "Russo", "Yılmaz", "Kaya", "Haddad", "Khalil",
]
GIVEN = [
    "Maria", "Мария", "Anna", "Анна", "Katharina", "Catarina", "Katarina", "José", "Juan", "Carlos", "Luis",
    "Ana", "Lucía", "Thị Lan", "Minh", "Văn Hùng", "Omar", "عمر", "Fatima", "فاطمة", "Yusuf", "Youssef",
    "David", "Sarah", "שרה", "Eleni", "Ελένη", "Nikos", "Jean-François", "Aisha", "Ibrahim", "Wei", "Hiroshi",
    "Ji-woo", "Priya", "Raj", "Chinedu", "Ngozi", "Kwame", "Ali", "Mohamed", "Zoë", "Søren", "Piotr", "Ewa",
]
PLACES = ["El Paso, TX", "San Diego, CA", "Nogales, AZ", "Laredo, TX", "Miami, FL", "Newark, NJ", "Chicago, IL",
          "Houston, TX", "Atlanta, GA", "Seattle, WA"]
CHARGES = ["Illegal reentry", "Driving under the influence", "Petty theft", "Assault", "Fraud", "Burglary",
           "Possession of a controlled substance", ""]

QUERIES = ["Ivanova", "Иванова", "Mohammed", "محمد", "Nguyen Thi", "Katharina", "Gonzales", "Papadopoulos",
           "Cohen", "O'Brien", "A12345", "CF-2026-SCALE-001234", "1985-03-07", "03/07/1985", "el paso",
           "reentry", "Abdullah", "zqx"]


def scale_store(count: int = CASES) -> Path:
    """A store with `count` generated cases of many spellings and scripts, built once (cached) in a child
    process (see `build`)."""
    folder = Path(tempfile.gettempdir()) / f"casefile-scale-{count}"
    if not (folder / "complete").exists():
        subprocess.run([sys.executable, "-c", f"from bench.scale import build; build({count})"], check=True)
    return folder


def build(count: int) -> None:
    """Write the store: every case through the store's own insert (validation, revision, audit entry, and the
    triggers that index it), all in one transaction. Built with SQLCipher's memory wiping off — a process-wide
    setting, hence the child process; the file is the same, and the measurements run with it on."""
    import shutil

    from casework.dates import PartialDate
    from casework.model import Encounter, Offense, Subject
    from casework.samples import demo_cases
    from storage import database
    from storage.store import CaseStore

    database.MEMORY_SECURITY = False
    folder = Path(tempfile.gettempdir()) / f"casefile-scale-{count}"
    shutil.rmtree(folder, ignore_errors=True)
    rng = random.Random(10)
    base = demo_cases()
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    started = time.perf_counter()
    with CaseStore.create(folder, PASSPHRASE, OFFICER) as store, store._tx():
        for n in range(count):
            c = base[n % len(base)]
            dob = PartialDate(f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            given = rng.choice(GIVEN)
            subject = Subject(family_name=rng.choice(FAMILY), given_names=given,
                              aliases=(rng.choice(FAMILY),) if n % 4 == 0 else (),
                              a_number=f"A{rng.randint(0, 999_999_999):09d}", date_of_birth=dob)
            charge = rng.choice(CHARGES)
            case = replace(c, id=f"{n:032x}", case_number=f"CF-2026-SCALE-{n:06d}", subject=subject,
                           encounter=Encounter(occurred_at=t0, place=rng.choice(PLACES)),
                           offenses=(Offense(charge=charge),) if charge else ())
            store._insert_in_transaction(store._prepare(case), t0 + timedelta(seconds=n), action="case_imported")
    (folder / "complete").write_text(f"{count} cases in {time.perf_counter() - started:.0f} s\n")


def timings_child(folder: str) -> None:
    """Unlock → list filled beyond the KDF, and search keystrokes, in a fresh process (cold caches)."""
    from PySide6.QtWidgets import QApplication

    from casework.search import ListRequest
    from desktop.startup import settle_heap
    from storage import keyslot
    from storage.paths import StorePaths
    from storage.store import CaseStore
    from widgets.case_list_model import CaseListModel

    app = QApplication.instance() or QApplication([])
    settle_heap()  # as `casefile` does once its window is built, before the officer unlocks
    paths = StorePaths(Path(folder))
    key_file = keyslot.read_key_file(paths.key_file)
    t = time.perf_counter()
    key = key_file.unwrap(PASSPHRASE)
    kdf = (time.perf_counter() - t) * 1000
    model = CaseListModel()
    fills = []
    for _ in range(3):
        t = time.perf_counter()
        store = CaseStore.open_with_key(paths, key, key_file)
        model.set_fetch(lambda r, s=store: model.deliver(r, s.case_page(r)))
        model.clear()
        model.reload()
        app.processEvents()
        fills.append((time.perf_counter() - t) * 1000)
        assert model.rowCount() > 0 and model.total() == CASES
        store.close()
    store = CaseStore.open_with_key(paths, key, key_file)
    model.set_fetch(lambda r: model.deliver(r, store.case_page(r)))
    keystrokes = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            t = time.perf_counter()
            model.set_filter(query[:end])
            app.processEvents()
            keystrokes.append((time.perf_counter() - t) * 1000)
        model.set_filter("")
    t = time.perf_counter()
    store.case_page(ListRequest(sort="name", descending=False))
    by_name = (time.perf_counter() - t) * 1000
    store.close()
    print(kdf, median(fills), median(keystrokes), max(keystrokes),
          sorted(keystrokes)[int(len(keystrokes) * 0.9)], by_name)


def memory_child(folder: str) -> None:
    """Unlock in the real window, fill the list, scroll a few pages, search, open a case: peak RSS in MB."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_gui

    _app, window = build_gui(Path(folder))
    window.show()
    window.start()
    window.unlock_dialog.passphrase.line.setText(PASSPHRASE)
    window.unlock_dialog.unlock_button.click()

    def settle(done: object, seconds: float = 120) -> None:
        deadline = time.time() + seconds
        while not done() and time.time() < deadline:  # type: ignore[operator]
            QApplication.processEvents()
            time.sleep(0.002)

    settle(lambda: window.model.total() == CASES)
    for _ in range(5):
        window.model.fetchMore(QModelIndex())
        settle(lambda: not window.model.busy())
    for query in QUERIES:
        window.search.setText(query)
        settle(lambda: not window.model.busy())
    window.search.clear()
    settle(lambda: not window.model.busy())
    window.ensure_workspace().open_case(window.model.case_at(0).id)
    window.tasks.wait_idle()
    window.close()
    window.shutdown()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _child(function: str, folder: Path) -> list[float]:
    code = f"from bench.scale import {function}; {function}({str(folder)!r})"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "CASEFILE_SCALE_CASES": str(CASES)})
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def main() -> None:
    t = time.perf_counter()
    folder = scale_store()
    built = (folder / "complete").read_text().strip()
    report = Report(f"Scale (issue 10), one profile of {CASES:,} cases (store: {built}; "
                    f"ready in {time.perf_counter() - t:.0f} s)")
    kdf, fill, key_median, key_max, key_p90, by_name = _child("timings_child", folder)
    report.add("unlock → list filled, beyond key derivation", fill, 150,
               note=f"KDF alone: {kdf:.0f} ms; total {kdf + fill:.0f} ms")
    report.add("search keystroke → list updated (median)", key_median, 20,
               note=f"90th percentile {key_p90:.1f} ms, max {key_max:.1f} ms")
    report.add("list sorted by name: first page", by_name, 150)
    (peak,) = _child("memory_child", folder)
    report.add("peak memory: unlock + list + scroll + search + open", peak, 250, unit="MB")
    report.print()


if __name__ == "__main__":
    main()
