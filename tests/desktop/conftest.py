"""Fixtures that start the real app window (offscreen) on a temporary profile, and always shut it down."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from desktop.main_window import MainWindow
from desktop.startup import Startup
from tests.conftest import PASSPHRASE

SHOTS = Path(__file__).parents[2] / "shots"


@pytest.fixture
def launch(qtbot) -> Iterator[Callable[[Path], MainWindow]]:
    """launch(data_dir) → a shown, started main window; every window is closed and its worker stopped."""
    windows: list[MainWindow] = []

    def _launch(data_dir: Path, demo: bool = False) -> MainWindow:
        startup = Startup(data_dir, demo=demo)  # exactly as `casefile` starts
        if startup.early_dialog is not None:
            qtbot.addWidget(startup.early_dialog)
        qtbot.waitUntil(lambda: startup.window is not None)
        window = startup.window
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield _launch
    for w in windows:
        w.close()
        w.shutdown()
        assert not w.tasks.busy, "a background op was still running at teardown"
        assert w.tasks.worker.pending == 0


def open_first_case(qtbot, launch, data_dir: Path, case):
    """A store holding `case`, the app launched and unlocked on it, and that case open in the editor."""
    from storage.store import CaseStore
    from tests.conftest import OFFICER

    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.import_cases([case])
    return open_the_only_case(qtbot, launch, data_dir)


def open_the_only_case(qtbot, launch, data_dir: Path):
    """The app launched and unlocked on a store holding one case, that case open in the editor."""
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keyboard is back in the window
    qtbot.waitUntil(lambda: window.model.total() == 1)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.editor.case_id() is not None)
    return window


def unlock(qtbot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    qtbot.waitUntil(lambda: window.unlock_dialog is not None and window.unlock_dialog.isVisible())
    dlg = window.unlock_dialog
    dlg.passphrase.line.setText(passphrase)
    dlg.unlock_button.click()


def wait_unlocked(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.unlocked and not window.tasks.busy, timeout=10000)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key, as a keyboard would, including characters QTest.keyClicks cannot send
    (it asserts on anything outside ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def shot(widget: QWidget, name: str) -> None:
    """Save a screenshot for a person to look at (shots/ is ignored by git)."""
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"{name}.png"))


def visible_texts(root: QWidget) -> str:
    """All text any widget under `root` (and any open top-level window) would show."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QTableView, QTableWidget

    parts = []
    for top in [root, *QApplication.topLevelWidgets()]:
        for w in [top, *top.findChildren(QWidget)]:
            if isinstance(w, QLineEdit):
                parts.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                parts.append(w.toPlainText())
            elif isinstance(w, QLabel | QAbstractButton):
                parts.append(w.text())
            elif isinstance(w, QTableWidget):
                parts.extend(w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount())
                             if w.item(r, c))
            elif isinstance(w, QTableView) and w.model() is not None:
                m = w.model()
                parts.extend(str(m.index(r, c).data()) for r in range(m.rowCount()) for c in range(m.columnCount()))
    return "\n".join(parts)


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    """Widgets built by a test speak English with its plural forms (as on an English system), whatever an
    earlier test installed; Startup installs the profile's own language when a test launches the app."""
    from desktop import i18n

    i18n.ensure("en")
