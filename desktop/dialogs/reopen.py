"""Reopen for editing: the explicit, recorded step that makes a submitted or reviewed case a draft again.

It asks for confirmation and a reason (kept in the case's history and the audit log). A returned case needs
none: the supervisor sent it back for changes, and their comment says why. Cancel changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from casework.model import CaseFile, CaseStatus
from desktop.dialogs.base import AppDialog, ValidationError
from widgets.common import ErrorLabel
from widgets.translated import label

Reopener = Callable[[str], None]


class ReopenDialog(AppDialog):
    """`reopen(reason)` starts the work and later calls `succeeded()` or `failed(message)`."""

    def __init__(self, parent: QWidget | None, case: CaseFile, reopen: Reopener) -> None:
        super().__init__(parent, self.tr("Reopen for editing"))
        self._reopen = reopen
        self.reason_required = case.status is not CaseStatus.RETURNED
        status = label(case.status).lower()
        if case.status is CaseStatus.SUBMITTED:
            text = self.tr("Case {case} is {status}. Reopening it makes it a draft again: it can be edited, and it "
                           "has to be submitted again.\n\nThe reason is kept in the case's history and in the audit "
                           "log.")
        else:
            text = self.tr("Case {case} is {status}. Reopening it makes it a draft again: it can be edited, and it "
                           "has to be submitted and reviewed again.\n\nThe reason is kept in the case's history and "
                           "in the audit log.")
        intro = QLabel(text.format(case=case.case_number, status=status))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.reason.setPlaceholderText(
            self.tr("Why does this case need changes? (for example: the court record arrived)")
            if self.reason_required else self.tr("Optional: the supervisor's comment is reason enough"))
        self.reason.textChanged.connect(self.clear_errors)  # the message about an empty reason goes as one is typed
        form = QFormLayout()
        self.add_row(form, self.tr("&Reason") if self.reason_required else self.tr("&Reason (optional)"), self.reason)
        self.error = ErrorLabel()
        self.error.setAccessibleName(self.tr("Error"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reopen_button = self.buttons.addButton(self.tr("Reopen for &editing"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)  # Enter alone never reopens a reviewed case
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.reason.setFocus()

    def check(self) -> None:
        if self.reason_required and not self.reason.toPlainText().strip():
            raise ValidationError(self.reason,
                                  self.tr("Say why the case is reopened: the reason is kept in its history."))

    def save(self) -> None:
        self.error.show_error(None)
        self._set_busy(True)
        self._reopen(self.reason.toPlainText().strip())

    def succeeded(self) -> None:
        self._set_busy(False)
        self.finish()

    def failed(self, message: str) -> None:
        """The store refused (or failed): say so; the reason typed stays, to try again or cancel."""
        self._set_busy(False)
        self.error.show_error(message)
        self.adjustSize()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.reason.setReadOnly(busy)
        self.reopen_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
