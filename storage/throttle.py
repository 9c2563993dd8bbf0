"""A growing wait after repeated wrong passphrases, kept across restarts.

The file holds only a count and a time (no case data). The real defence against guessing is the memory-hard
KDF; this stops a casual person at the keyboard from trying a list of passphrases in a minute.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from storage.atomic import atomic_write_bytes

FREE_TRIES = 3
MAX_DELAY_S = 300.0
MAX_TIMES = 50
"""How many failure times the file keeps for the audit log (older ones are counted, not timed)."""


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive wrong passphrases: 0, 0, 0, 5, 10, 20, … up to 5 minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(MAX_DELAY_S, 5.0 * 2 ** (failures - FREE_TRIES)))


class UnlockThrottle:
    def __init__(self, path: Path, clock: Callable[[], float] | None = None) -> None:
        self.path = Path(path)
        self.clock = clock or (lambda: time.time())

    def _read(self) -> tuple[int, float]:
        """(failures, time of the last one), made safe: a count below zero counts as the free tries used up, and
        a time in the future as now — so a tampered file never buys free tries, and never locks the real user
        out for longer than the policy's longest wait."""
        try:
            doc = json.loads(self.path.read_text())
            failures, last = int(doc["failures"]), float(doc["last_failure"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0
        if failures < 0:
            failures = FREE_TRIES
        now = self.clock()
        if last > now:  # from the future: counts as now, and is written so, so the wait ends on time
            last = now
            with contextlib.suppress(OSError):
                atomic_write_bytes(self.path, json.dumps({**doc, "failures": failures, "last_failure": now}).encode())
        return failures, last

    def failure_times(self) -> list[float]:
        """When the recent wrong passphrases were entered (for the audit log at the next unlock)."""
        try:
            times = json.loads(self.path.read_text()).get("times", [])
            return [float(t) for t in times if isinstance(t, int | float)][-MAX_TIMES:]
        except (OSError, ValueError, AttributeError):
            return []

    @property
    def failures(self) -> int:
        return self._read()[0]

    def seconds_left(self) -> float:
        failures, last = self._read()
        return max(0.0, last + delay_after(failures) - self.clock())

    def record_failure(self) -> float:
        """Count a wrong passphrase; return the wait before the next try."""
        failures = self._read()[0] + 1
        now = self.clock()
        times = [*self.failure_times(), now][-MAX_TIMES:]
        with contextlib.suppress(OSError):
            atomic_write_bytes(self.path, json.dumps({"failures": failures, "last_failure": now,
                                                      "times": times}).encode())
        return delay_after(failures)

    def reset(self) -> list[float]:
        """Forget the failures after a good passphrase; return when they happened (for the audit log)."""
        failures, _last = self._read()
        times = self.failure_times()
        if failures or times:
            with contextlib.suppress(OSError):
                self.path.unlink()
        return times or [0.0] * failures
