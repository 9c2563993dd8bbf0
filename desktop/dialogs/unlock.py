"""The unlock dialog: a passphrase, key derivation off the GUI thread, and a growing wait after failures."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.dialogs.base import AppDialog
from widgets.error_label import ErrorLabel
from widgets.passphrase_edit import PassphraseEdit

Unlocker = Callable[[str], None]


class UnlockDialog(AppDialog):
    """`unlock(passphrase)` starts the work and later calls `succeeded()`, `wrong()`, `wait(s)` or `failed()`."""

    def __init__(self, parent: QWidget | None, who: str, location: str, unlock: Unlocker, *, hint: str = "") -> None:
        super().__init__(parent, self.tr("Unlock Casefile"))
        self._unlock = unlock
        heading = QLabel(self.tr("Enter the passphrase for {who}.").format(who=who) if who
                         else self.tr("Enter your passphrase."))
        heading.setWordWrap(True)
        where = QLabel(location)
        where.setWordWrap(True)
        where.setStyleSheet("color: palette(mid);")
        self.passphrase = PassphraseEdit(meter=False)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.line.setAccessibleName(self.tr("Passphrase"))
        self.error = ErrorLabel()
        self.error.setAccessibleName(self.tr("Error"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Unlocking"))
        self.progress.hide()
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(self.tr("&Quit Casefile"), QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(where)
        layout.addWidget(self.buttons)
        self._wait_left = 0.0
        self._still_busy: Callable[[], bool] | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._on_countdown_timeout)
        self.setMinimumWidth(480)

    def busy_elsewhere(self, message: str, still_busy: Callable[[], bool]) -> None:
        """The profile is open in another window or process: say so before asking for the passphrase (which
        would only be refused after the key derivation). **Try again** asks `still_busy()` and, once the other
        one has closed, lets the officer type the passphrase; Quit stays."""
        self._still_busy = still_busy
        self.error.show_error(message)
        self.passphrase.setEnabled(False)
        self.unlock_button.setText(self.tr("&Try again"))
        self.grow_to_fit()
        self.unlock_button.setFocus()

    def save(self) -> None:
        if self._wait_left > 0:
            return
        if self._still_busy is not None:
            if self._still_busy():
                self.error.show_error(self.error.text())
                return
            self._still_busy = None
            self.error.show_error(None)
            self.passphrase.setEnabled(True)
            self.unlock_button.setText(self.tr("&Unlock"))
            self.passphrase.setFocus()
            return
        passphrase = self.passphrase.value()
        self.passphrase.clear()
        self._set_busy(True)
        self._unlock(passphrase)

    def succeeded(self) -> None:
        self._set_busy(False)
        self.finish()

    def wrong(self, message: str, wait_s: float = 0.0) -> None:
        self._set_busy(False)
        self.error.show_error(message)
        self.adjustSize()  # grow to show the whole message
        if wait_s > 0:
            self.wait(wait_s)
        self.passphrase.setFocus()

    def wait(self, seconds: float) -> None:
        self._wait_left = math.ceil(seconds)
        self._on_countdown_timeout(tick=False)
        self._countdown.start()

    def failed(self, message: str) -> None:
        """A store that cannot be opened at all: say so; only Quit remains useful."""
        self._set_busy(False)
        self.error.show_error(message)
        self.adjustSize()
        self.unlock_button.setEnabled(False)
        self.passphrase.setEnabled(False)

    def _on_countdown_timeout(self, tick: bool = True) -> None:
        if tick:
            self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self._wait_left = 0
            self.unlock_button.setEnabled(True)
            self.unlock_button.setText(self.tr("&Unlock"))
            return
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText(self.tr("Wait {seconds} s").format(seconds=int(self._wait_left)))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and self._wait_left <= 0)


def ask_unless_open_elsewhere(dlg: UnlockDialog, data_dir: object) -> None:
    """Before the passphrase is asked: if another window or process holds the profile's lock
    (storage.lockfile), the dialog says so first and waits for **Try again**. Runs before the prompt is
    painted, so it loads only storage.lock_probe (the message is storage.errors.StoreBusy's, translated)."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from storage.lock_probe import BUSY, held_elsewhere
    from storage.paths import StorePaths

    lock_file = StorePaths(Path(str(data_dir))).lock_file
    if held_elsewhere(lock_file):
        message = QCoreApplication.translate("storage", BUSY)  # noop-translated
        dlg.busy_elsewhere(message, lambda: held_elsewhere(lock_file))
