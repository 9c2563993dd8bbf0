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
        try:
            doc = json.loads(self.path.read_text())
            return int(doc["failures"]), float(doc["last_failure"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    @property
    def failures(self) -> int:
        return self._read()[0]

    def seconds_left(self) -> float:
        failures, last = self._read()
        return max(0.0, last + delay_after(failures) - self.clock())

    def record_failure(self) -> float:
        """Count a wrong passphrase; return the wait before the next try."""
        failures = self._read()[0] + 1
        with contextlib.suppress(OSError):
            atomic_write_bytes(self.path, json.dumps({"failures": failures, "last_failure": self.clock()}).encode())
        return delay_after(failures)

    def reset(self) -> int:
        """Forget the failures after a good passphrase; return how many there were (for the audit log)."""
        failures = self._read()[0]
        if failures:
            with contextlib.suppress(OSError):
                self.path.unlink()
        return failures
