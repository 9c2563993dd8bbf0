"""Issue 2's figures on a generated store of 10,000 cases.

launch → unlock dialog (vs a bare PySide6 window), unlock → list filled (vs the KDF alone), search keystroke,
open a case, autosave, and peak memory of a process that unlocks and shows the list.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import CASES, PASSPHRASE, Report, bench_store, median, timed

RUNS = int(os.environ.get("CASEFILE_BENCH_LAUNCH_RUNS", "15"))
"""Launch pairs (ours, then a bare window): the machine is shared, so many, and the median of the ratios."""


def launch_sample(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall ms until the window is painted, CPU ms the child had used by then)."""
    start = time.time()
    out = subprocess.run([sys.executable, "-m", "bench.launch_child", *args, str(start)],
                         capture_output=True, text=True, check=True, env={**os.environ, **(env or {})})
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def launch_once(args: list[str], env: dict[str, str] | None = None) -> float:
    return launch_sample(args, env)[0]


def launch_ms(args: list[str], runs: int = 5) -> float:
    return median([launch_once(args) for _ in range(runs)])


def installed_bytecode() -> None:
    """Compile Casefile's modules as an installation has them (pip compiles a wheel's modules when it installs
    it; `make` does it for this checkout). PySide6's are compiled already, and with PYTHONDONTWRITEBYTECODE set
    Python would otherwise compile Casefile's on every launch, a cost no installed copy pays."""
    import compileall

    root = Path(__file__).resolve().parents[1]
    for package in ("casework", "storage", "desktop", "widgets", "printing", "resources"):
        compileall.compile_dir(root / package, quiet=1)


def launch_vs_bare(folder: Path, runs: int = 9) -> tuple[float, float, float, float]:
    """`casefile` up to its unlock dialog and a bare PySide6 window, in turn (so a busy machine slows both
    alike): (median ms of ours, of the bare window, median of the ratios pair by pair, and that median for the
    CPU time). `casefile` runs as the console script does, finding the store in the platform data folder
    (XDG_DATA_HOME/Casefile)."""
    home = Path(tempfile.mkdtemp(prefix="casefile-bench-home-"))
    (home / "Casefile").symlink_to(folder)
    env = {"XDG_DATA_HOME": str(home)}
    os.environ.pop("CASEFILE_DATA_DIR", None)
    installed_bytecode()
    launch_once(["casefile"], env)  # warm the file cache (and compile the translations once, if not built)
    ours, bare = [], []
    for _ in range(runs):
        ours.append(launch_sample(["casefile"], env))
        bare.append(launch_sample(["bare"]))
    return (median([w for w, _c in ours]), median([w for w, _c in bare]),
            median([a[0] / b[0] for a, b in zip(ours, bare, strict=True)]),
            median([a[1] / b[1] for a, b in zip(ours, bare, strict=True)]))


def memory_child(folder: str) -> None:
    """Unlock, fill the list in the real window, open a case; print peak RSS in MB."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from desktop.app import build_gui

    _app, window = build_gui(Path(folder))
    window.show()
    window.start()
    window.unlock_dialog.passphrase.line.setText(PASSPHRASE)
    window.unlock_dialog.unlock_button.click()
    deadline = time.time() + 60
    while window.model.total() < CASES and time.time() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    window.ensure_workspace().open_case(window.model.case_at(0).id)
    window.tasks.wait_idle()
    window.close()
    window.shutdown()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from storage import keyslot
    from storage.store import CaseStore
    from widgets.case_edit import CaseEdit
    from widgets.case_list_model import CaseListModel

    folder = bench_store()
    report = Report(f"Foundation (issue 2), store of {CASES:,} cases")

    ours, bare, ratio, cpu_ratio = launch_vs_bare(folder, runs=RUNS)
    bare_qt = launch_ms(["bare-qt"])
    bare_dialog = launch_ms(["bare-dialog"])
    report.add("launch → unlock dialog visible", ours, 1.25 * bare,
               note=f"bare PySide6 window: {bare:.0f} ms; one using Qt's namespace: {bare_qt:.0f} ms; a bare "
               f"passphrase dialog: {bare_dialog:.0f} ms")
    report.add("launch as % of a bare window (median of pairs)", 100 * ratio, 125, unit="%",
               note=f"{ratio:.2f}×, {RUNS} pairs")
    report.add("launch CPU as % of a bare window's (median of pairs)", 100 * cpu_ratio, 125, unit="%",
               note=f"{cpu_ratio:.2f}×")

    key_file = keyslot.read_key_file(folder / "casefile.keys")
    kdf = median(timed(lambda: key_file.unwrap(PASSPHRASE), repeat=3))
    app = QApplication.instance() or QApplication([])
    model = CaseListModel()
    opened: list[CaseStore] = []
    model.set_fetch(lambda request: model.deliver(request, opened[-1].case_page(request)))

    def unlock_and_fill() -> CaseStore:
        opened.append(CaseStore.open(folder, PASSPHRASE))
        model.clear()
        model.reload()  # the list's first page, as the window asks for it (the store answers at once here)
        app.processEvents()
        return opened[-1]

    samples = []
    for _ in range(3):
        t = time.perf_counter()
        store = unlock_and_fill()
        samples.append((time.perf_counter() - t) * 1000)
        store.close()
    report.add("unlock → case list filled", median(samples), kdf + 150, note=f"KDF alone: {kdf:.0f} ms")

    store = unlock_and_fill()
    keystrokes = []
    for query in ["e", "ex", "exa", "exam", "examp", "sample", "a0", "a00", "образ", "cf-2026", "0042", ""]:
        keystrokes += timed(lambda q=query: (model.set_filter(q), app.processEvents()))
    report.add("search keystroke → list updated (median)", median(keystrokes), 20)

    editor = CaseEdit()
    ids = [c.id for c in store.list_cases()[0:2000:97]]
    opens = [timed(lambda i=i: editor.set_value(store.get_case(i)))[0] for i in ids]
    report.add("open a case (median)", median(opens), 50)

    case = store.get_case(ids[0])
    saves = []
    for n in range(30):
        case = replace(case, notes=f"autosave {n}")
        t = time.perf_counter()
        case = store.update_case(case).case
        saves.append((time.perf_counter() - t) * 1000)
    report.add("autosave (median, one transaction, synchronous=FULL)", median(saves), 10)
    store.close()

    code = f"from bench.foundation import memory_child; memory_child({str(folder)!r})"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report.add("peak memory: unlock + list + open a case", float(out.stdout.strip().splitlines()[-1]), 200, unit="MB")
    report.print()


if __name__ == "__main__":
    main()
