"""A growing wait after repeated wrong passphrases, and a lockout after too many, kept across restarts.

The state (`unlock-attempts.json`: a count, the time of the last failure, the recent failure times, and when
the profile was locked out) holds no case data. It is mirrored into the key file (`"unlock_attempts"` at the
top of casefile.keys, outside the slots and their checksums), and the two are read together, the stricter
winning — so deleting unlock-attempts.json buys no tries: the key file, which unlocking needs, still counts them.

Policy (CJIS: "5 failed logons lock the account"): after 3 free tries each wrong passphrase waits longer (5 s,
10 s, …); LOCKOUT_AFTER wrong passphrases within LOCKOUT_WINDOW_S lock the profile until office IT recovers it
with the office recovery key (`casefile recover`, storage.recovery), which is the only thing that clears it. A
good passphrase before then resets the count.

Tampered state fails closed, never beyond the policy: a negative count counts as the free tries used up; a
time in the future counts as now (and is written so, so a wait ends on time); a lockout time in the future is
still a lockout (only recovery lifts one, whatever its time). The real defence against guessing is the
memory-hard KDF: someone who can edit both files can also copy the key file and guess offline.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_bytes
from storage.errors import UserFacingError

FREE_TRIES = 3
MAX_DELAY_S = 300.0
MAX_TIMES = 50
"""How many failure times the file keeps for the audit log (older ones are counted, not timed)."""
LOCKOUT_AFTER = 5
LOCKOUT_WINDOW_S = 15 * 60.0
"""5 wrong passphrases within 15 minutes lock the profile (the CJIS Security Policy's account lockout). Constants,
not settings: settings.ini is the officer's own file, and a lockout the officer can switch off is none."""
MIRROR_KEY = "unlock_attempts"


class ProfileLockedOut(UserFacingError):
    """Too many wrong passphrases in a short time: only the office recovery key opens the profile now."""

    title = "Profile locked"

    def __init__(self) -> None:
        super().__init__(
            f"This profile is locked: {LOCKOUT_AFTER} wrong passphrases were entered within "
            f"{int(LOCKOUT_WINDOW_S // 60)} minutes. Ask office IT to unlock it with the office recovery key "
            "('casefile recover', which sets a new passphrase). Nothing in the store has been changed."
        )


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive wrong passphrases: 0, 0, 0, 5, 10, 20, … up to 5 minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(MAX_DELAY_S, 5.0 * 2 ** (failures - FREE_TRIES)))


_DAMAGED: dict[str, Any] = {"failures": None, "last_failure": None}


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class UnlockThrottle:
    def __init__(self, path: Path, clock: Callable[[], float] | None = None, *, mirror: Path | None = None) -> None:
        """`mirror`: the key file, whose "unlock_attempts" entry keeps a copy of the state."""
        self.path = Path(path)
        self.mirror = Path(mirror) if mirror is not None else None
        self.clock = clock or (lambda: time.time())

    # ----- reading ------------------------------------------------------------------------------------------

    def _raw_docs(self) -> list[dict[str, Any]]:
        docs: list[dict[str, Any]] = []
        try:
            doc = json.loads(self.path.read_text())
            docs.append(doc if isinstance(doc, dict) else _DAMAGED)
        except FileNotFoundError:
            pass
        except (OSError, ValueError, UnicodeDecodeError):
            docs.append(_DAMAGED)  # unreadable counts as the free tries used up, just now
        if self.mirror is not None:
            with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
                doc = json.loads(self.mirror.read_text()).get(MIRROR_KEY)
                if isinstance(doc, dict):
                    docs.append(doc)
        return docs

    def _state(self) -> tuple[int, float, list[float], float | None]:
        """(failures, last failure, recent failure times, locked-out time or None), made safe and the stricter
        of the two copies: the larger count, the later times, any lockout."""
        now = self.clock()
        failures, last, locked = 0, 0.0, None
        times: list[float] = []
        rewrite = False
        for doc in self._raw_docs():
            count = doc.get("failures", 0)
            valid = isinstance(count, int) and not isinstance(count, bool)
            n = count if valid else FREE_TRIES  # not a count: the free tries used up, just now
            if n < 0:
                n = FREE_TRIES  # a count below zero buys no free tries
            t = _as_float(doc.get("last_failure", 0.0)) if valid else None
            if t is None:  # not a time: counts as now, and is written so, so the wait ends on time
                t, rewrite = now, True
            if t > now:  # from the future: counts as now, and is written so, so the wait ends on time
                t, rewrite = now, True
            raw_times = doc.get("times", [])
            ts = ([min(now, v) for v in map(_as_float, raw_times) if v is not None]
                  if isinstance(raw_times, list) else [])
            if n > len(ts):  # times cut from the file still count, at the last failure's time
                ts += [t] * (min(n, MAX_TIMES) - len(ts))
            failures, last = max(failures, n), max(last, t)
            if len(ts) > len(times) or (len(ts) == len(times) and ts > times):
                times = sorted(ts)[-MAX_TIMES:]
            if "locked_at" in doc and doc["locked_at"] is not None:
                lt = _as_float(doc["locked_at"])
                locked = now if lt is None else min(lt, now)
        if rewrite:
            self._write(failures, last, times, locked)
        return failures, last, times, locked

    def failure_times(self) -> list[float]:
        """When the recent wrong passphrases were entered (for the audit log at the next unlock)."""
        return self._state()[2]

    @property
    def failures(self) -> int:
        return self._state()[0]

    def locked_out(self) -> bool:
        """Whether the profile is locked until recovered (`casefile recover`)."""
        return self._state()[3] is not None

    def seconds_left(self) -> float:
        failures, last, _times, _locked = self._state()
        return max(0.0, last + delay_after(failures) - self.clock())

    # ----- writing ------------------------------------------------------------------------------------------

    def _write(self, failures: int, last: float, times: list[float], locked: float | None) -> None:
        doc: dict[str, Any] = {"failures": failures, "last_failure": last, "times": times}
        if locked is not None:
            doc["locked_at"] = locked
        with contextlib.suppress(OSError):
            atomic_write_bytes(self.path, json.dumps(doc).encode())
        self._write_mirror(doc)

    def _write_mirror(self, doc: dict[str, Any] | None) -> None:
        if self.mirror is None:
            return
        with contextlib.suppress(OSError, ValueError, UnicodeDecodeError, AttributeError):
            raw = self.mirror.read_bytes()
            key_doc = json.loads(raw)
            if not isinstance(key_doc, dict) or (doc is None and MIRROR_KEY not in key_doc):
                return
            if doc is None:
                del key_doc[MIRROR_KEY]
            else:
                key_doc[MIRROR_KEY] = doc
            atomic_write_bytes(self.mirror, (json.dumps(key_doc, indent=2, sort_keys=True) + "\n").encode())

    def record_failure(self) -> float:
        """Count a wrong passphrase; return the wait before the next try. Raises ProfileLockedOut when this one
        makes LOCKOUT_AFTER within LOCKOUT_WINDOW_S (the count is written first)."""
        failures, _last, times, locked = self._state()
        now = self.clock()
        failures += 1
        times = [*times, now][-MAX_TIMES:]
        if locked is None and sum(1 for t in times if t > now - LOCKOUT_WINDOW_S) >= LOCKOUT_AFTER:
            locked = now
        self._write(failures, now, times, locked)
        if locked is not None:
            raise ProfileLockedOut()
        return delay_after(failures)

    def recorded(self) -> list[float]:
        """When the failures so far happened (what `reset` would return), without forgetting them."""
        failures, _last, times, _locked = self._state()
        return times or [0.0] * failures

    def reset(self) -> list[float]:
        """Forget the failures after a good passphrase; return when they happened (for the audit log).

        A locked-out profile is not reset here: only `clear_lockout` (recovery) lifts a lockout."""
        failures, _last, times, locked = self._state()
        if locked is not None:
            raise ProfileLockedOut()
        if failures or times:
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._write_mirror(None)
        return times or [0.0] * failures

    def clear_lockout(self) -> list[float]:
        """After recovery with the office key: forget the failures and the lockout; return when they happened."""
        failures, _last, times, _locked = self._state()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._write_mirror(None)
        return times or [0.0] * failures
