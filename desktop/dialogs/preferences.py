"""Preferences: the auto-lock delay and the memo's agency and handling lines (UI settings, no case data)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from desktop import settings as S
from desktop.dialogs.base import AppDialog, ValidationError
from widgets.common import ok_cancel_buttons


class PreferencesDialog(AppDialog):
    def __init__(self, parent: QWidget | None, settings: QSettings) -> None:
        super().__init__(parent, "Preferences")
        self.settings = settings
        self.autolock = QSpinBox()
        self.autolock.setRange(*S.AUTOLOCK_RANGE)
        self.autolock.setSuffix(" minutes")
        self.agency = QLineEdit()
        self.handling = QLineEdit()
        form = QFormLayout()
        self.add_row(form, "&Lock after no input for", self.autolock)
        self.add_row(form, "Memo &agency line", self.agency)
        self.add_row(form, "Memo &handling line", self.handling)
        self.buttons = ok_cancel_buttons("Save")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.load()

    def load(self) -> None:
        self.autolock.setValue(S.SECURITY_AUTOLOCK_MINUTES.get(self.settings))
        self.agency.setText(S.PRINT_AGENCY.get(self.settings))
        self.handling.setText(S.PRINT_HANDLING.get(self.settings))

    def check(self) -> None:
        if not self.agency.text().strip():
            raise ValidationError(self.agency, "The memo needs an agency line.")
        if not self.handling.text().strip():
            raise ValidationError(self.handling, "Every memo page carries a handling line; enter one.")

    def save(self) -> None:
        S.SECURITY_AUTOLOCK_MINUTES.set(self.settings, self.autolock.value())
        S.PRINT_AGENCY.set(self.settings, self.agency.text().strip())
        S.PRINT_HANDLING.set(self.settings, self.handling.text().strip())
        self.settings.sync()
        self.finish()
