"""Offenses and family ties: record tables plus free text, as form sections addressable by path."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from casework.dates import PartialDate
from casework.model import Disposition, FamilyTie, Offense
from widgets.form_section import FormSection
from widgets.record_table_edit import ID, Column, RecordTableEdit, is_blank
from widgets.translated import label


class OffensesEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dates = self.tr("YYYY-MM-DD, YYYY-MM or YYYY")
        columns = [
            Column("charge", self.tr("Charge")),
            Column("statute", self.tr("Statute")),
            Column("jurisdiction", self.tr("Jurisdiction")),
            Column("arrest_date", self.tr("Arrest date"), tooltip=dates),
            Column("conviction_date", self.tr("Conviction date"), tooltip=dates),
            Column("disposition", self.tr("Disposition"), choices=tuple((d.value, label(d)) for d in Disposition)),
            Column("sentence", self.tr("Sentence")),
        ]
        self.table = RecordTableEdit(columns, noun=self.tr("offense"))
        self.add_field("offenses", self.tr("Offense &records"), self.table,
                       self.tr("Every arrest and charge found in the records, with its disposition"))
        self.table.value_changed.connect(self.changed)

    def value(self) -> tuple[Offense, ...]:
        out = []
        for row in self.table.value():
            if is_blank(row):
                continue
            out.append(Offense(
                charge=row["charge"].strip(), statute=row["statute"].strip(),
                jurisdiction=row["jurisdiction"].strip(),
                arrest_date=PartialDate(row["arrest_date"].strip()),
                conviction_date=PartialDate(row["conviction_date"].strip()),
                disposition=Disposition(row["disposition"]), sentence=row["sentence"].strip(), id=row[ID],
            ))
        return tuple(out)

    def set_value(self, offenses: tuple[Offense, ...]) -> None:
        self.table.set_value([
            {"charge": o.charge, "statute": o.statute, "jurisdiction": o.jurisdiction,
             "arrest_date": o.arrest_date.text, "conviction_date": o.conviction_date.text,
             "disposition": o.disposition.value, "sentence": o.sentence, ID: o.id}
            for o in offenses
        ])


class TiesEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column("name", self.tr("Name")),
            Column("relationship", self.tr("Relationship")),
            Column("status_in_us", self.tr("Status in the U.S.")),
            Column("notes", self.tr("Notes")),
        ]
        self.table = RecordTableEdit(columns, noun=self.tr("family member"))
        self.other = QPlainTextEdit()
        self.other.setTabChangesFocus(True)
        self.add_field("family", self.tr("Fa&mily in the U.S."), self.table)
        self.add_field("other_ties", self.tr("Othe&r ties"), self.other,
                       self.tr("Work, schooling, community, caregiving, length of presence"))
        self.table.value_changed.connect(self.changed)
        self.other.textChanged.connect(self.changed)

    def value(self) -> tuple[tuple[FamilyTie, ...], str]:
        ties = tuple(
            FamilyTie(**{k: v.strip() for k, v in row.items()})
            for row in self.table.value()
            if not is_blank(row)
        )
        return ties, self.other.toPlainText()

    def set_value(self, ties: tuple[FamilyTie, ...], other: str) -> None:
        self._loading = True
        try:
            self.table.set_value([{"name": t.name, "relationship": t.relationship,
                                   "status_in_us": t.status_in_us, "notes": t.notes, ID: t.id} for t in ties])
            self.other.setPlainText(other)
        finally:
            self._loading = False
