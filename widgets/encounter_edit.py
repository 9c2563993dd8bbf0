"""The Encounter section: when and where, and how the case came to the officer's attention."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QPlainTextEdit, QWidget

from casework.model import AttentionSource, Encounter
from widgets.enum_combo import EnumCombo
from widgets.form_section import FormSection

NOT_RECORDED = QDateTime(QDate(1900, 1, 1), QTime(0, 0))


class EncounterEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.occurred_at = QDateTimeEdit()
        self.occurred_at.setCalendarPopup(True)
        self.occurred_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        # Qt's idiom for "no value": the minimum shows as special text and reads back as None.
        self.occurred_at.setMinimumDateTime(NOT_RECORDED)
        self.occurred_at.setSpecialValueText("Not recorded")
        self.place = QLineEdit()
        self.attention_source = EnumCombo(AttentionSource)
        self.attention_detail = QPlainTextEdit()
        self.attention_detail.setTabChangesFocus(True)
        self.attention_detail.setFixedHeight(80)
        self.add_field("encounter.occurred_at", "&Date and time", self.occurred_at)
        self.add_field("encounter.place", "&Place", self.place)
        self.add_field("encounter.attention_source", "How it &came to attention", self.attention_source,
                       "How the case came to the officer's attention")
        self.add_field("encounter.attention_detail", "Detai&ls", self.attention_detail,
                       "Who made the referral or tip, and any dispute or protest it is tied to")
        self.occurred_at.dateTimeChanged.connect(self.changed)
        self.place.textChanged.connect(self.changed)
        self.attention_source.value_changed.connect(self.changed)
        self.attention_detail.textChanged.connect(self.changed)
        self._original: datetime | None = None

    def value(self) -> Encounter:
        qdt = self.occurred_at.dateTime()
        when = cast(datetime, qdt.toPython()).astimezone() if qdt.isValid() and qdt != NOT_RECORDED else None
        if self._original is not None and when is not None and when == self._original.astimezone():
            when = self._original  # unchanged: keep the stored zone so a reload is not an edit
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
            if e.occurred_at is None:
                self.occurred_at.setDateTime(NOT_RECORDED)
            else:
                local = e.occurred_at.astimezone()  # shown in the laptop's zone, as the officer lives it
                self.occurred_at.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                                       QTime(local.hour, local.minute, local.second,
                                                             local.microsecond // 1000)))
            self.place.setText(e.place)
            self.attention_source.set_value(e.attention_source)
            self.attention_detail.setPlainText(e.attention_detail)
        finally:
            self._loading = False
