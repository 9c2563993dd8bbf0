"""A larger lookaside area for each store connection, so that cipher_memory_security stays affordable.

With SQLCipher's `cipher_memory_security` on (issue 11: on), every buffer SQLite takes from the heap is locked
into RAM with mlock() when allocated, and overwritten and unlocked when freed — two system calls and a fill per
allocation. Writing a pulled case allocates over a hundred small buffers (statement cursors, bound text, trigger
frames, records), and a pull of 10,000 cases spent two thirds of its database time in those calls.

SQLite serves a connection's small allocations from its *lookaside* area when a slot is free: one block, taken
from the heap once — so locked once, by the same mlock() — and wiped when the connection closes (the store is
locked or closed). Its default, 40 slots of 1,200 bytes, runs out at once under a bulk write, and so did 1,000
slots of 4 KB: the statements a pull keeps prepared (its triggers, and FTS5's own) hold some 3,400 slots between
writes, and 47,000 allocations of one pull still went to the heap. 1,500 slots (6 MB per connection) leave about
a hundred to it (sqlite3_db_status counts them: SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL).
What changes for security: a buffer freed back into the area is not overwritten at that moment, only when its slot
is reused or when the connection closes. Core dumps are off for the process (storage.hardening), and the plaintext
those buffers held is in the unlocked app's own memory (Python objects) anyway. The area is locked within the user's
allowance of locked memory (RLIMIT_MEMLOCK, often 8 MB for a desktop user): like every lock SQLCipher asks for,
beyond it the lock quietly fails — which its 32 MB page cache reaches on its own in a large store. Only the store's
writing connection gets an area (read-only ones, for checks and salvage, do not), so one store takes 6 MB of that
allowance.

Python's sqlite3 modules give no way to configure lookaside, so this calls SQLite's own C API
(sqlite3_db_config, SQLITE_DBCONFIG_LOOKASIDE) in the sqlcipher3 extension through ctypes, with the connection's
sqlite3 handle read from the module's Connection object (its first field, as in every pysqlite-derived module;
sqlcipher3 is pinned to <0.7). The handle is checked against the file the connection opened before it is used;
where anything does not match, nothing is changed and the connection works as before, only slower.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import platform
from pathlib import Path

import sqlcipher3  # no stubs
from sqlcipher3 import _sqlite3 as _extension  # no stubs

log = logging.getLogger(__name__)

SLOT_SIZE = 4096
SLOTS = 1500
_SQLITE_DBCONFIG_LOOKASIDE = 1001


@functools.cache
def _library() -> ctypes.CDLL | None:
    # sqlite3_db_config is variadic: ctypes passes integer arguments to it correctly where variadic integers
    # travel as ordinary ones (x86-64, and ARM64 but for Apple's ABI).
    if platform.system() == "Darwin" and platform.machine() == "arm64":
        return None
    try:
        lib = ctypes.CDLL(_extension.__file__)
        lib.sqlite3_db_filename.restype = ctypes.c_char_p
        lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.sqlite3_db_config.restype = ctypes.c_int
    except (OSError, AttributeError):
        return None
    return lib


def enlarge(conn: sqlcipher3.Connection, path: Path) -> bool:
    """Give `conn` (just opened on `path`, before any statement) a lookaside area of SLOTS × SLOT_SIZE bytes.
    True when it has it; False, changing nothing, when this platform or module does not allow it."""
    lib = _library()
    if lib is None:
        return False
    try:
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        opened = lib.sqlite3_db_filename(handle, b"main")
        if not handle or opened is None or Path(opened.decode()).resolve() != Path(path).resolve():
            log.info("lookaside: the connection's handle is not where expected; left as it is")
            return False
        return int(lib.sqlite3_db_config(ctypes.c_void_p(handle), ctypes.c_int(_SQLITE_DBCONFIG_LOOKASIDE), None,
                                         ctypes.c_int(SLOT_SIZE), ctypes.c_int(SLOTS))) == 0
    except (OSError, ValueError, UnicodeDecodeError):
        return False
