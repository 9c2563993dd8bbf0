"""Sync with the office off the GUI thread: a preview, the run with progress, Cancel, and the audit entries.

Sync uses the open store, so it runs on the store thread (desktop.tasks), one op like any other: saves queued
before it land first, saves made during it wait behind it. The office backend is wrapped so that every call to it
first checks for Cancel and then reports progress: a Cancel stops the sync between two office calls, and since
each record taken in is one local transaction with its cursor, and each push is one office transaction
(compare-and-set, idempotent), both sides stay consistent — the next sync carries on where this one stopped.

`SyncRunner.probe()` asks whether the linked office answers, on a plain thread of its own (no store involved),
so the automatic sync queues nothing behind the officer's saves while the office is out of reach.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from storage.errors import Cancelled

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.tasks import Op, TaskManager
    from storage.office.backend import OfficeBackend, PushOutcome, Record
    from storage.office.probe import ProbeResult
    from storage.store import CaseStore
    from storage.sync import SyncReport
    from storage.sync_preview import SyncPreview


class _Watched:
    """An office backend whose push and pull first check for Cancel, then count what was done."""

    def __init__(self, inner: OfficeBackend, runner: SyncRunner) -> None:
        self._inner = inner
        self._runner = runner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def push(self, record: Record) -> PushOutcome:
        self._runner.check()
        outcome = self._inner.push(record)
        self._runner.step(1)
        return outcome

    def push_many(self, records: list[Record]) -> list[PushOutcome]:
        """A batch (storage.sync sends small ones first): Cancel is checked before it, progress counted after."""
        self._runner.check()
        outcomes: list[PushOutcome] = self._inner.push_many(records)
        self._runner.step(len(records))
        return outcomes

    def pull(self, after_seq: int, limit: int) -> list[Record]:
        self._runner.check()
        page = self._inner.pull(after_seq, limit)
        self._runner.step(len(page))
        return page


class SyncRunner(QObject):
    """One sync at a time for the window: `preview()`, then `run()`; `cancel()` from the GUI thread."""

    progress = Signal(str, int, int)
    """(what is happening, steps done, steps expected); emitted on the store thread, delivered queued."""
    probed = Signal(object)
    """A ProbeResult from `probe()`, delivered on the GUI thread."""

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._cancel = threading.Event()
        self._done = 0
        self._expected = 0
        self._phase = ""
        self.running = False
        self._probe_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="casefile-office-probe")
        self._probed.connect(self.probed, Qt.ConnectionType.QueuedConnection)

    _probed = Signal(object)

    # ----- on the store thread -------------------------------------------------------------------------------

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled("Sync cancelled")

    def step(self, n: int) -> None:
        self._done += n
        self.progress.emit(self._phase, self._done, max(self._expected, self._done))

    def _say(self, phase: str) -> None:
        self._phase = phase
        self.progress.emit(phase, self._done, max(self._expected, self._done))

    # ----- on the GUI thread ---------------------------------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def preview(self, *, parent: QWidget | None) -> Op[SyncPreview]:
        """What the next sync would push and pull (storage.sync_preview); cancellable between pages."""
        self._cancel.clear()

        def op(store: CaseStore) -> SyncPreview:
            from storage.office.link import linked_backend
            from storage.sync_preview import preview

            backend = linked_backend(store)
            try:
                return preview(store, backend, check=self.check)
            finally:
                backend.close()

        return self.tasks.run_op(parent=parent, op=op)

    def run(self, *, parent: QWidget | None, expected: int = 0) -> Op[SyncReport]:
        """Sync now (storage.sync.sync). Cancelled (raised into `.failure`) when `cancel()` stopped it; a failed or
        cancelled sync is recorded in the audit log (a finished one records itself)."""
        self._cancel.clear()
        self._done, self._expected, self._phase = 0, expected, ""
        self.running = True

        def op(store: CaseStore) -> SyncReport:
            from storage.office.backend import OfficeError
            from storage.office.link import linked_backend
            from storage.sync import sync

            backend = linked_backend(store)
            try:
                return sync(store, _Watched(backend, self), progress=self._say)  # type: ignore[arg-type]
            except Cancelled:
                store.record_event("office_sync_cancelled", detail=f"after {self._done} office steps")
                raise
            except OfficeError as exc:
                store.record_event("office_sync_failed", detail=f"{type(exc).__name__}: {str(exc)[:300]}")
                raise
            finally:
                backend.close()
                self.running = False

        return self.tasks.run_op(parent=parent, op=op)

    def probe(self) -> None:
        """Ask (on a thread of its own, never the GUI or store thread) whether the linked office answers; the
        answer comes as `probed`. Needs the link's location, read through the store thread first."""

        def read_link(store: CaseStore) -> tuple[str, str] | None:
            from storage.office.link import link_of

            found = link_of(store)
            return (found.backend, found.location) if found else None

        def got(where: tuple[str, str] | None) -> None:
            if where is None:
                return
            future: Future[ProbeResult] = self._probe_pool.submit(_probe, *where)
            future.add_done_callback(lambda f: self._probed.emit(f.result() if f.exception() is None else None))

        self.tasks.run_op(parent=None, op=read_link).success(got).failure(lambda _exc: None)

    def shutdown(self) -> None:
        self._cancel.set()
        self._probe_pool.shutdown(wait=True, cancel_futures=True)


def _probe(backend: str, location: str) -> ProbeResult:
    from storage.office.probe import probe_link

    return probe_link(backend, location)


class OffThread(QObject):
    """Run one plain function (no store, no widgets) on a thread of its own; `done(result, error)` arrives on the
    GUI thread. For the office connection test, which may wait seconds on a network timeout."""

    done = Signal(object, object)

    def __init__(self, fn: Any, *args: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay.connect(self.done, Qt.ConnectionType.QueuedConnection)
        self.future = _POOL.submit(fn, *args)
        self.future.add_done_callback(lambda f: self._relay.emit(
            None if f.exception() else f.result(), f.exception()))

    _relay = Signal(object, object)


_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="casefile-office-test")
