"""One thread owns the SQLCipher connection; every store call is submitted to it.

SQLite connections belong to the thread that made them, and SQLCipher's key derivation and page decryption
must never run on the GUI thread. `StoreWorker` is a single-thread executor holding the open `CaseStore`
(or none while locked). It is stdlib-only so storage stays Qt-free; `desktop.tasks` bridges its futures
to Qt signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from storage.errors import StoreLocked

if TYPE_CHECKING:
    from storage.store import CaseStore

T = TypeVar("T")


class StoreWorker:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="casefile-store")
        self._store: CaseStore | None = None
        self._pending = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, op: Callable[[CaseStore], T]) -> Future[T]:
        """Run `op(store)` on the store thread. Raises StoreLocked inside the future if nothing is open."""

        def call() -> T:
            try:
                if self._store is None:
                    raise StoreLocked("The case store is locked.")
                return op(self._store)
            finally:
                self._done()

        self._started()
        return self._executor.submit(call)

    def open(self, opener: Callable[[], CaseStore]) -> Future[CaseStore]:
        """Open (or create) the store on the store thread, closing any store that was open."""

        def call() -> CaseStore:
            try:
                self._close_now()
                self._store = opener()
                return self._store
            finally:
                self._done()

        self._started()
        return self._executor.submit(call)

    def close(self) -> Future[None]:
        """Close the store after every op already submitted (so a pending autosave still lands)."""

        def call() -> None:
            try:
                self._close_now()
            finally:
                self._done()

        self._started()
        return self._executor.submit(call)

    def _started(self) -> None:
        with self._lock:
            self._pending += 1

    def _done(self) -> None:
        with self._lock:
            self._pending -= 1

    def _close_now(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def shutdown(self) -> None:
        """Close the store and stop the thread, waiting for submitted work."""
        self.close()
        self._executor.shutdown(wait=True)
