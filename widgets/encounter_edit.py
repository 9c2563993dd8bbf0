"""The Encounter section: when and where, and how the case came to the officer's attention."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from casework.model import AttentionSource, Encounter
from casework.validation import FieldError
from widgets.datetime_edit import FORMAT, DateTimeLineEdit
from widgets.enum_combo import EnumCombo
from widgets.form_section import FormSection


class EncounterEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.occurred_at = DateTimeLineEdit()  # takes what it shows; empty is "not recorded"
        self.place = QLineEdit()
        self.attention_source = EnumCombo(AttentionSource)
        self.attention_detail = QPlainTextEdit()
        self.attention_detail.setTabChangesFocus(True)
        self.attention_detail.setFixedHeight(80)
        self.add_field("encounter.occurred_at", self.tr("&Date and time"), self.occurred_at,
                       self.tr("In the laptop's time zone, as YYYY-MM-DD HH:MM; empty when it was not recorded"))
        self.add_field("encounter.place", self.tr("&Place"), self.place)
        self.add_field("encounter.attention_source", self.tr("Ho&w it came to attention"), self.attention_source,
                       self.tr("How the case came to the officer's attention"))
        self.add_field("encounter.attention_detail", self.tr("Detai&ls"), self.attention_detail,
                       self.tr("Who made the referral or tip, and any dispute or protest it is tied to"))
        self.occurred_at.textChanged.connect(self.changed)
        self.place.textChanged.connect(self.changed)
        self.attention_source.value_changed.connect(self.changed)
        self.attention_detail.textChanged.connect(self.changed)
        self._original: datetime | None = None

    def value(self) -> Encounter:
        shown = self.occurred_at.text().strip()
        original = self._original
        if self.occurred_at.error() is not None:
            when = original  # not a date and time yet: the stored one stands (field_errors() blocks saving)
        elif original is not None and shown == original.astimezone().strftime(FORMAT):
            when = original  # unchanged: keep the stored zone and seconds, so a reload is not an edit
        else:
            when = self.occurred_at.value()
        return Encounter(
            occurred_at=when,
            place=self.place.text().strip(),
            attention_source=self.attention_source.value(),
            attention_detail=self.attention_detail.toPlainText(),
        )

    def set_value(self, e: Encounter) -> None:
        self._loading = True
        try:
            self._original = e.occurred_at
            self.occurred_at.set_value(e.occurred_at)  # shown in the laptop's zone, as the officer lives it
            self.place.setText(e.place)
            self.attention_source.set_value(e.attention_source)
            self.attention_detail.setPlainText(e.attention_detail)
        finally:
            self._loading = False

    def field_errors(self) -> list[FieldError]:
        """What the case's own validation cannot see: a date and time typed in a form that names no moment."""
        problem = self.occurred_at.error()
        return [FieldError("encounter.occurred_at", problem)] if problem else []
