"""The Immigration history section: last entry (with how precisely it is known) and where apprehended."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from casework.model import ApprehensionSite, ImmigrationHistory, MannerOfEntry
from widgets.enum_combo import EnumCombo
from widgets.form_section import FormSection
from widgets.partial_date_edit import PartialDateEdit


class HistoryEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_entry = PartialDateEdit()
        self.manner_of_entry = EnumCombo(MannerOfEntry)
        self.place_of_entry = QLineEdit()
        self.apprehension_site = EnumCombo(ApprehensionSite)
        self.apprehension_place = QLineEdit()
        self.add_field("history.last_entry", self.tr("&Date of last entry"), self.last_entry,
                       self.tr("As precisely as known: YYYY-MM-DD, YYYY-MM or YYYY; leave empty if unknown"))
        self.add_field("history.manner_of_entry", self.tr("&Manner of entry"), self.manner_of_entry)
        self.add_field("history.place_of_entry", self.tr("P&lace of entry"), self.place_of_entry)
        self.add_field("history.apprehension_site", self.tr("&Where apprehended"), self.apprehension_site)
        self.add_field("history.apprehension_place", self.tr("Apprehension place"), self.apprehension_place)
        self.last_entry.value_changed.connect(self.changed)
        self.manner_of_entry.value_changed.connect(self.changed)
        self.place_of_entry.textChanged.connect(self.changed)
        self.apprehension_site.value_changed.connect(self.changed)
        self.apprehension_place.textChanged.connect(self.changed)

    def value(self) -> ImmigrationHistory:
        return ImmigrationHistory(
            last_entry=self.last_entry.value(),
            manner_of_entry=self.manner_of_entry.value(),
            place_of_entry=self.place_of_entry.text().strip(),
            apprehension_site=self.apprehension_site.value(),
            apprehension_place=self.apprehension_place.text().strip(),
        )

    def set_value(self, h: ImmigrationHistory) -> None:
        self._loading = True
        try:
            self.last_entry.set_value(h.last_entry)
            self.manner_of_entry.set_value(h.manner_of_entry)
            self.place_of_entry.setText(h.place_of_entry)
            self.apprehension_site.set_value(h.apprehension_site)
            self.apprehension_place.setText(h.apprehension_place)
        finally:
            self._loading = False
