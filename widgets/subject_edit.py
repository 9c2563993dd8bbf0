"""The Subject section: identity of the person the case is about."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from casework.dates import PartialDate
from casework.model import IdentityDocument, Subject
from casework.validation import check_a_number, normalize_a_number
from widgets.form_section import FormSection
from widgets.partial_date_edit import PartialDateEdit
from widgets.record_table_edit import ID, Column, RecordTableEdit, is_blank


class SubjectEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.family_name = QLineEdit()
        self.given_names = QLineEdit()
        self.aliases = QPlainTextEdit()
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(64)
        self.date_of_birth = PartialDateEdit()
        self.a_number = QLineEdit()
        self.a_number.setPlaceholderText(self.tr("A and 8 or 9 digits"))
        self.country = QLineEdit()
        self.documents = RecordTableEdit(
            [Column("kind", self.tr("Document")), Column("number", self.tr("Number")),
             Column("issuing_country", self.tr("Issued by")),
             Column("expires", self.tr("Expires (YYYY-MM-DD)"))],
            noun=self.tr("document"),
        )
        self.add_field("subject.family_name", self.tr("Family na&me"), self.family_name)
        self.add_field("subject.given_names", self.tr("&Given names"), self.given_names)
        self.add_field("subject.aliases", self.tr("A&liases"), self.aliases, self.tr("Other names used, one per line"))
        self.add_field("subject.date_of_birth", self.tr("Date of &birth"), self.date_of_birth,
                       self.tr("As far as known: YYYY-MM-DD, YYYY-MM or YYYY"))
        self.add_field("subject.a_number", self.tr("A-n&umber"), self.a_number,
                       self.tr("Alien registration number: the letter A and 8 or 9 digits"))
        self.add_field("subject.country_of_citizenship", self.tr("Count&ry of citizenship"), self.country,
                       self.tr("Recorded for identification only; national origin is never a factor in the assessment"))
        self.add_field("subject.documents", self.tr("Identity &documents"), self.documents)
        for w in (self.family_name, self.given_names, self.a_number, self.country):
            w.textChanged.connect(self.changed)
        self.aliases.textChanged.connect(self.changed)
        self.date_of_birth.value_changed.connect(self.changed)
        self.documents.value_changed.connect(self.changed)
        self.a_number.editingFinished.connect(self._on_a_number_editing_finished)

    def _on_a_number_editing_finished(self) -> None:
        """Tidy 'a-123 456 789' to 'A123456789' in the field itself, so the change is visible."""
        text = self.a_number.text()
        if text and check_a_number(text) is None and normalize_a_number(text) != text:
            self.a_number.setText(normalize_a_number(text))

    def value(self) -> Subject:
        a = self.a_number.text().strip()
        return Subject(
            family_name=self.family_name.text().strip(),
            given_names=self.given_names.text().strip(),
            aliases=tuple(line.strip() for line in self.aliases.toPlainText().splitlines() if line.strip()),
            date_of_birth=self.date_of_birth.value(),
            a_number=normalize_a_number(a) if check_a_number(a) is None else a,
            country_of_citizenship=self.country.text().strip(),
            documents=tuple(
                IdentityDocument(kind=row["kind"], number=row["number"], issuing_country=row["issuing_country"],
                                 expires=PartialDate(row["expires"].strip()), id=row[ID])
                for row in self.documents.value()
                if not is_blank(row)
            ),
        )

    def set_value(self, s: Subject) -> None:
        self._loading = True
        try:
            self.family_name.setText(s.family_name)
            self.given_names.setText(s.given_names)
            self.aliases.setPlainText("\n".join(s.aliases))
            self.date_of_birth.set_value(s.date_of_birth)
            self.a_number.setText(s.a_number)
            self.country.setText(s.country_of_citizenship)
            self.documents.set_value(
                [{"kind": d.kind, "number": d.number, "issuing_country": d.issuing_country,
                  "expires": d.expires.text, ID: d.id} for d in s.documents]
            )
        finally:
            self._loading = False
