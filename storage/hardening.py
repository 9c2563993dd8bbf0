"""Keep case data out of crash output: no core dumps, and a process other users' debuggers cannot attach to.

A core dump of an unlocked Casefile holds case text and the data key in plaintext (measured: the text 80 times,
the hex key twice). Called first thing by every entry point, before any key exists in memory. Linux and other
POSIX systems; a no-op where the calls do not exist.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def no_core_dumps() -> None:
    """RLIMIT_CORE 0 (no core file) and, on Linux, not dumpable (no ptrace by other processes of the user,
    no core even where a crash handler raises the limit again)."""
    no_core_files()
    not_dumpable()


def no_core_files() -> None:
    """RLIMIT_CORE 0: the kernel writes no core file. Cheap (no ctypes), so `casefile` does it first thing and
    leaves `not_dumpable` until its passphrase prompt is painted, before any passphrase can be typed."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def not_dumpable() -> None:
    """On Linux, PR_SET_DUMPABLE 0 (through ctypes, whose import costs about 2 ms)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool:
    """Whether this process could still write a core file (for tests and `casefile doctor`)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            if _libc().prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0:
                return False
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        return resource.getrlimit(resource.RLIMIT_CORE)[0] != 0
    return True


def _libc() -> ctypes.CDLL:
    """The C library: the process's own symbols (libc is loaded already), else found by name. Not
    ctypes.util.find_library first: it runs `ldconfig -p` in a subprocess, on every launch, before the window."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl  # noqa: B018 - present on Linux
        return libc
    except (OSError, AttributeError):
        from ctypes.util import find_library

        return ctypes.CDLL(find_library("c") or "libc.so.6", use_errno=True)
