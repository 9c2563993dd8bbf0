"""The bridge between the store thread and the GUI thread: `run_op` and its callbacks.

    tasks.run_op(parent=self, op=lambda store: store.update_case(case)).success(self._on_saved)

`op` runs on the store thread with the open `CaseStore`: do not touch widgets inside `op`. Its result (or
exception) comes back to the GUI thread through a queued signal, where `.success(cb)` or `.failure(cb)` runs;
without a failure callback, errors go to `show_error`. A progress dialog appears only if the op takes longer
than PROGRESS_DELAY_MS.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.errors import show_error

if TYPE_CHECKING:
    from storage.store import CaseStore
    from storage.worker import StoreWorker

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)
PROGRESS_DELAY_MS = 600


class Callback(Protocol[T_contra]):
    def __call__(self, value: T_contra, /) -> object: ...


class Op(Generic[T]):
    """One piece of background work and what to do when it ends (on the GUI thread)."""

    def __init__(self, parent: QWidget | None, label: str | None) -> None:
        self.parent = parent
        self.label = label
        self._success: Callback[T] | None = None
        self._failure: Callback[BaseException] | None = None
        self.done = False

    def success(self, cb: Callback[T]) -> Op[T]:
        self._success = cb
        return self

    def failure(self, cb: Callback[BaseException]) -> Op[T]:
        self._failure = cb
        return self

    def _finish(self, future: Future[T]) -> None:
        self.done = True
        exc = future.exception()
        if exc is None:
            if self._success is not None:
                self._success(future.result())
        elif self._failure is not None:
            self._failure(exc)
        else:
            show_error(self.parent, exc)


class TaskManager(QObject):
    _finished = Signal(object, object)
    store_changed = Signal(object)
    """`Changes` after every committed mutation of the open store, delivered on the GUI thread, in commit order.
    Views refresh from this (whichever window or op made the change) instead of refreshing themselves."""

    def __init__(self, worker: StoreWorker) -> None:
        super().__init__()
        self.worker = worker
        self._open_ops = 0
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._changed.connect(self.store_changed, Qt.ConnectionType.QueuedConnection)

    _changed = Signal(object)  # emitted on the store thread; queued to the GUI thread as store_changed

    def run_op(self, *, parent: QWidget | None, op: Callable[[CaseStore], T], label: str | None = None) -> Op[T]:
        """Run `op(store)` on the store thread. Do not touch widgets inside `op`.

        Ops run one at a time, in the order they were submitted, so an op submitted after a save sees that save.
        """
        return self._track(Op(parent, label), self.worker.submit(op))

    def open_store(self, *, parent: QWidget | None, opener: Callable[[], CaseStore],
                   label: str | None = None) -> Op[CaseStore]:
        """Open or create the store on the store thread (key derivation happens there); its change broadcast is
        forwarded to `store_changed` from then on."""

        def open_and_listen() -> CaseStore:
            store = opener()
            store.add_listener(self._changed.emit)  # called on the store thread after each commit
            return store

        return self._track(Op(parent, label), self.worker.open(open_and_listen))

    def close_store(self) -> Op[None]:
        return self._track(Op(None, None), self.worker.close())

    def _track(self, handle: Op[T], future: Future[T]) -> Op[T]:
        self._open_ops += 1
        if handle.label:
            QTimer.singleShot(PROGRESS_DELAY_MS, lambda: self._show_progress(handle))
        future.add_done_callback(lambda f: self._finished.emit(handle, f))
        return handle

    def _show_progress(self, handle: Op[Any]) -> None:
        if handle.done:
            return
        dlg = QProgressDialog(handle.label or "Working…", "", 0, 0, handle.parent)
        dlg.setCancelButton(None)  # store ops are short transactions; long cancellable work brings its own
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        handle._progress = dlg  # type: ignore[attr-defined]
        dlg.show()

    @Slot(object, object)
    def _on_finished(self, handle: Op[Any], future: Future[Any]) -> None:
        self._open_ops -= 1
        progress = getattr(handle, "_progress", None)
        if progress is not None and shiboken6.isValid(progress):  # Esc on it (a cancel) has deleted it already
            progress.close()
        handle._finish(future)

    @property
    def busy(self) -> bool:
        return self._open_ops > 0

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Process events until every op has delivered its result (used at shutdown and by tests)."""
        deadline = time.monotonic() + timeout_s
        while self._open_ops > 0 and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        return self._open_ops == 0


class _ProgressSignals(QObject):
    changed = Signal(int, int)


class Progress:
    """What a long op sees on the store thread: `report(done, total)` moves the window's progress bar (through a
    queued signal), `cancelled()` says whether the officer pressed Cancel."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.signals = _ProgressSignals()

    def report(self, done: int, total: int) -> None:
        self.signals.changed.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


def run_long_op(tasks: TaskManager, *, parent: QWidget | None, label: str,
                op: Callable[[CaseStore, Progress], T]) -> tuple[Op[T], Progress, QProgressDialog]:
    """Run `op(store, progress)` on the store thread with a progress dialog that has Cancel (shown if it takes
    longer than PROGRESS_DELAY_MS); Cancel sets `progress.cancelled()`, which the op checks between steps."""
    progress = Progress()
    dlg = QProgressDialog(label, QCoreApplication.translate("TaskManager", "Cancel"), 0, 0, parent)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setAutoReset(False)
    dlg.setAutoClose(False)
    dlg.setMinimumDuration(PROGRESS_DELAY_MS)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed (and gone, timer and all) when the op ends
    dlg.canceled.connect(progress.cancel)
    dlg.rejected.connect(progress.cancel)  # Esc: QDialog.reject, which closes (and deletes) without `canceled`
    handle: Op[T] | None = None

    def moved(done: int, total: int) -> None:
        if handle is not None and not handle.done and shiboken6.isValid(dlg):  # gone after Esc: its done() deletes
            dlg.setMaximum(total)
            dlg.setValue(done)

    progress.signals.changed.connect(moved, Qt.ConnectionType.QueuedConnection)
    handle = tasks.run_op(parent=parent, op=lambda store: op(store, progress))
    handle._progress = dlg  # type: ignore[attr-defined]  # closed by _on_finished when the op ends
    return handle, progress, dlg
