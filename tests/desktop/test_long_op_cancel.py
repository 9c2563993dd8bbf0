"""Esc on a long op's progress dialog cancels it: the dialog is gone at once (QDialog.done deletes a dialog
with WA_DeleteOnClose), and the progress still arriving and the op's end must not touch it — they used to raise
"Internal C++ object already deleted" and lose the op's result (an export never said it was cancelled)."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import Qt

from desktop.tasks import TaskManager, run_long_op
from storage.store import CaseStore
from storage.worker import StoreWorker
from tests.conftest import OFFICER, PASSPHRASE


def test_esc_on_the_progress_dialog_cancels_and_the_op_still_reports_its_end(qtbot, data_dir):
    worker = StoreWorker()
    tasks = TaskManager(worker)
    tasks.open_store(parent=None, opener=lambda: CaseStore.create(data_dir, PASSPHRASE, OFFICER))
    tasks.wait_idle()
    gate = threading.Event()

    def op(store, progress):
        gate.wait(10)
        progress.report(1, 3)  # arrives after the dialog is gone
        return "cancelled" if progress.cancelled() else "finished"

    results: list[str] = []
    failures: list[BaseException] = []
    handle, _progress, dlg = run_long_op(tasks, parent=None, label="Exporting…", op=op)
    handle.success(results.append).failure(failures.append)
    dlg.show()
    qtbot.waitUntil(dlg.isVisible)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg), timeout=5000)
    gate.set()
    try:
        qtbot.waitUntil(lambda: bool(results or failures), timeout=5000)
        assert (results, failures) == (["cancelled"], [])
    finally:
        tasks.close_store()
        tasks.wait_idle()
        worker.shutdown()
