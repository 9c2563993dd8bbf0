"""A date field that takes only what is known: 2020-11-01, 2020-11, 2020, or nothing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from casework.dates import PartialDate, PartialDateError

PLACEHOLDER = "YYYY-MM-DD, YYYY-MM or YYYY"


class PartialDateEdit(QLineEdit):
    """`value()` is a PartialDate that may be invalid; `error()` says what is wrong with it, if anything."""

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.setMaxLength(10)
        self.textChanged.connect(lambda _t: self.value_changed.emit(self.value()))

    def value(self) -> PartialDate:
        return PartialDate(self.text().strip())

    def set_value(self, value: PartialDate) -> None:
        self.setText(value.text)

    def error(self) -> str | None:
        try:
            PartialDate.parse(self.text())
        except PartialDateError as exc:
            return str(exc)
        return None
