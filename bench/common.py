"""Shared helpers: a cached 10,000-case store, timing, and the result table."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from casework.model import Officer
from casework.samples import generated_cases
from storage.store import CaseStore

PASSPHRASE = "bench-passphrase-not-secret"
OFFICER = Officer("Bench Officer", "BENCH", "Benchmark Office")
CASES = int(os.environ.get("CASEFILE_BENCH_CASES", "10000"))


def bench_store(count: int = CASES) -> Path:
    """A store with `count` generated cases, built once per machine in the temp folder (real-strength KDF)."""
    folder = Path(tempfile.gettempdir()) / f"casefile-bench-{count}"
    if not (folder / "casefile.db").exists():
        with CaseStore.create(folder, PASSPHRASE, OFFICER) as store:
            cases = generated_cases(count)
            for i in range(0, count, 1000):
                store.import_cases(cases[i : i + 1000])
    return folder


def timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    """Wall times of `repeat` calls, in milliseconds."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def median(xs: list[float]) -> float:
    return statistics.median(xs)


class Report:
    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: list[tuple[str, str, str, bool]] = []

    def add(self, what: str, value: float, target: float, unit: str = "ms", note: str = "") -> None:
        shown = f"{value:.1f} {unit}" + (f" ({note})" if note else "")
        self.rows.append((what, shown, f"≤ {target:.1f} {unit}", value <= target))

    def print(self) -> None:
        print(f"\n{self.title}")
        width = max(len(r[0]) for r in self.rows) + 2
        for what, shown, target, ok in self.rows:
            print(f"  {what:<{width}} {shown:<34} target {target:<14} {'ok' if ok else 'MISSED'}")
