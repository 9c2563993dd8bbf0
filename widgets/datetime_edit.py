"""A date and time field that takes exactly what it shows ("2026-11-20 06:15"), and nothing for "not recorded".

Qt's QDateTimeEdit edits section by section: typing the displayed text into it from the start gives another
date (2026-11-11 20:06), and its "no value" is a made-up minimum date that cannot be typed back. This is a
line edit: its text is the value, in the laptop's time zone, checked as the officer types (`error()`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

FORMAT = "%Y-%m-%d %H:%M"
PLACEHOLDER = "YYYY-MM-DD HH:MM (leave empty if not recorded)"


def parse_local(text: str) -> datetime | None:
    """The moment `text` names in the laptop's zone; None for empty text; ValueError when it names none."""
    text = " ".join(text.split())
    if not text:
        return None
    try:
        return datetime.strptime(text.replace("T", " "), FORMAT).astimezone()
    except ValueError:
        raise ValueError(f"“{text}” is not a date and time: type it as YYYY-MM-DD HH:MM (for example "
                         "2026-11-20 06:15), or leave the field empty if it was not recorded") from None


class DateTimeLineEdit(QLineEdit):
    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM (leave empty if not recorded)"))
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self._on_text_changed)

    def value(self) -> datetime | None:
        """The moment shown, or None (empty, or not a date and time: `error()` says which)."""
        try:
            return parse_local(self.text())
        except ValueError:
            return None

    def error(self) -> str | None:
        try:
            parse_local(self.text())
        except ValueError:
            return self.tr("“{text}” is not a date and time: type it as YYYY-MM-DD HH:MM (for example 2026-11-20 "
                           "06:15), or leave the field empty if it was not recorded").format(
                               text=" ".join(self.text().split()))
        return None

    def set_value(self, when: datetime | None) -> None:
        self.setText(when.astimezone().strftime(FORMAT) if when is not None else "")

    def setDateTime(self, when: datetime | QDateTime) -> None:
        """Set a moment given as QDateTimeEdit takes it (a naive datetime is local time)."""
        value = when.toPython() if isinstance(when, QDateTime) else when
        assert isinstance(value, datetime)
        self.set_value(value if value.tzinfo is not None else value.astimezone())

    def _on_text_changed(self, _text: str) -> None:
        self.value_changed.emit(self.value())
