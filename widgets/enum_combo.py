"""A combo box over a StrEnum, showing the domain's labels."""

from __future__ import annotations

from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from widgets.translated import label

E = TypeVar("E", bound=StrEnum)


class EnumCombo(QComboBox, Generic[E]):
    value_changed = Signal(object)

    def __init__(self, enum: type[E], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enum = enum
        for member in enum:
            self.addItem(label(member), member.value)
        self.currentIndexChanged.connect(lambda _i: self.value_changed.emit(self.value()))

    def value(self) -> E:
        return self._enum(self.currentData())

    def set_value(self, value: E) -> None:
        self.setCurrentIndex(max(0, self.findData(value.value)))
