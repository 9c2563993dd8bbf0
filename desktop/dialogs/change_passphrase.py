"""Change the passphrase: rewraps the key slot; the store is not re-encrypted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QProgressBar, QVBoxLayout, QWidget

from casework.passphrase import passphrase_problem
from desktop.dialogs.base import AppDialog, ValidationError
from widgets.common import ok_cancel_buttons
from widgets.passphrase_edit import PassphraseEdit
from widgets.translated import tr_message

Changer = Callable[[str, str], None]


class ChangePassphraseDialog(AppDialog):
    def __init__(self, parent: QWidget | None, change: Changer, context: list[str]) -> None:
        super().__init__(parent, self.tr("Change passphrase"))
        self._change = change
        self._context = context
        self.current = PassphraseEdit(meter=False)
        self.new = PassphraseEdit()
        self.new.set_context(context)
        self.repeat = PassphraseEdit(meter=False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        form = QFormLayout()
        for text, w in ((self.tr("&Current passphrase"), self.current), (self.tr("&New passphrase"), self.new),
                        (self.tr("&Repeat new passphrase"), self.repeat)):
            self.add_row(form, text, w)
        self.buttons = ok_cancel_buttons(self.tr("Change passphrase"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)  # room for the fields beside labels that are longer in Spanish

    def check(self) -> None:
        if not self.current.value():
            raise ValidationError(self.current, self.tr("Enter your current passphrase."))
        if problem := passphrase_problem(self.new.value(), self._context):
            raise ValidationError(self.new, tr_message(problem))
        if self.repeat.value() != self.new.value():
            raise ValidationError(self.repeat, self.tr("The two passphrases differ."))

    def save(self) -> None:
        self._set_busy(True)
        self._change(self.current.value(), self.new.value())

    def succeeded(self) -> None:
        for w in (self.current, self.new, self.repeat):
            w.clear()
        self._set_busy(False)
        self.finish()

    def failed(self, message: str) -> None:
        self._set_busy(False)
        self._errors[self.current].show_error(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for w in (self.current, self.new, self.repeat, self.buttons):
            w.setEnabled(not busy)
