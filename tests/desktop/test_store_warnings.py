"""What the window says when the store it unlocked needs attention: damage (read-only) or a broken audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import unlock
from tests.storage.test_audit import rehash_from
from tests.storage.test_damage import PAGE, crash, filled, flip_page


def test_a_damaged_store_opens_read_only_with_a_warning(qtbot, launch, data_dir):
    store, _ids = filled(data_dir)
    crash(store)
    db = data_dir / "casefile.db"
    flip_page(db, db.stat().st_size // PAGE // 2)
    window = launch(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "store_warning", None), QMessageBox)
                    and window.store_warning.isVisible(), timeout=10_000)
    text = window.store_warning.text()
    assert "is damaged" in text and "open read-only" in text and "casefile salvage" in text
    qtbot.waitUntil(lambda: window.model.total() > 0, timeout=5000)  # the cases are still there to read


def test_an_altered_audit_log_is_reported_without_blocking(qtbot, launch, data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.new_case()
    with CaseStore.open(data_dir, PASSPHRASE) as store:  # a careful forger: edit, then recompute every hash
        store.conn.execute("UPDATE audit_log SET actor = 'X' WHERE seq = 2")
        rehash_from(store.conn, 2)
    window = launch(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: getattr(window, "store_warning", None) is not None
                    and window.store_warning.isVisible(), timeout=10_000)
    assert "audit log failed its check" in window.store_warning.text()
    qtbot.waitUntil(lambda: window.model.total() == 1, timeout=5000)
