"""What `casefile` does before its event loop settles: the passphrase dialog first, the rest on the first tick.

An officer opening the app wants the passphrase prompt. So when a profile exists, the unlock dialog is built
and shown before the main window, the store worker and the case workspace are even imported; they are built
on the event loop's first tick and adopt the dialog. (Set-up and the demo start the ordinary way.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from storage.paths import StorePaths

if TYPE_CHECKING:
    from desktop.dialogs.unlock import UnlockDialog
    from desktop.main_window import MainWindow


class Startup:
    def __init__(self, data_dir: Path, *, demo: bool = False, harden: bool = False) -> None:
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.language = install_language(data_dir)  # before any window: texts are translated as widgets are built
        self.window: MainWindow | None = None
        self.early_dialog: UnlockDialog | None = None
        self._pending: list[str] = []
        if not demo and StorePaths(data_dir).exists():
            from desktop.dialogs.unlock import UnlockDialog, ask_unless_open_elsewhere

            store = QApplication.translate("Startup", "Store: {folder}").format(folder=data_dir)
            self.early_dialog = UnlockDialog(None, "", store, self._pending.append)
            ask_unless_open_elsewhere(self.early_dialog, data_dir)
            self.early_dialog.open()
            self.app.processEvents()  # paint the prompt now, before the slower build below
        QTimer.singleShot(0, lambda: self._finish(data_dir, demo, harden))

    def _finish(self, data_dir: Path, demo: bool, harden: bool) -> None:
        if harden:  # the rest of desktop.app.main's hardening, first thing on the first tick
            from storage.hardening import not_dumpable

            not_dumpable()
        from desktop.app import build_gui, present, setup_logging

        _app, window = build_gui(data_dir, demo=demo)
        if self.early_dialog is None:
            present(window)
        else:
            window.adopt_unlock_dialog(self.early_dialog, self._pending)
            window.show()
            window.front_unlock_dialog()  # the prompt stays in front of the window shown after it
            setup_logging(window.paths.log_dir)
        self.window = window
        settle_heap()

    def unlock_dialog_visible(self) -> bool:
        if self.early_dialog is not None:
            return self.early_dialog.isVisible()
        return self.window is not None and self.window.unlock_dialog is not None and \
            self.window.unlock_dialog.isVisible()


def settle_heap() -> None:
    """Move what start-up built (modules, classes, the window's widgets: most of the process's objects) out of
    the cyclic garbage collector's reach: they live as long as the app, and a full collection that walks them
    all took ~11 ms of one search keystroke in every ~150. Objects made later are collected as ever."""
    import gc

    gc.collect()
    gc.freeze()


def install_language(data_dir: Path) -> str:
    """The profile's language setting (or the system locale) decides the catalogues, once, at start."""
    from desktop import i18n
    from desktop.settings import open_settings

    paths = StorePaths(data_dir)
    return i18n.install_for(open_settings(paths.settings) if paths.settings.parent.exists() else None)
