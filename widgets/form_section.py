"""Base for one section of a form: labelled fields, each with an inline error line, addressable by path.

Paths are the casework field paths ("subject.a_number"), so a `FieldError` from `casework.validation` lands
under the field it names, and a checklist can jump to any field by the same name.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from casework.validation import FieldError
from widgets.common import LINE_MAX_WIDTH, ErrorLabel
from widgets.record_table_edit import RecordTableEdit
from widgets.translated import tr_message


class FormSection(QWidget):
    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # rows keep their natural height; spare space goes below the form
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, ErrorLabel] = {}
        self._described: dict[str, str] = {}
        """Each field's accessible description without an error (errors are put in front of it)."""
        self._loading = False

    def add_field(self, path: str, text: str, widget: QWidget, help_text: str = "") -> QWidget:
        """Add a labelled row for `widget` at `path`; the label's mnemonic and accessible names follow `text`."""
        if isinstance(widget, QLineEdit | QAbstractSpinBox | QComboBox):
            widget.setMaximumWidth(LINE_MAX_WIDTH)  # a one-line field does not stretch across a wide screen
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = ErrorLabel()
        box.addWidget(error)
        label = QLabel(text)
        label.setBuddy(widget)
        if not widget.accessibleName():  # keep a more specific name ("Threat to public safety: finding")
            widget.setAccessibleName(text.replace("&", ""))
        if help_text:
            if not widget.accessibleDescription():
                widget.setAccessibleDescription(help_text)
            widget.setToolTip(help_text)
        self.form.addRow(label, holder)
        self._fields[path] = widget
        self._errors[path] = error
        return widget

    def changed(self, *_args: object) -> None:
        """Connect every input's change signal here; loading a value does not count as an edit."""
        if not self._loading:
            self.value_changed.emit(self)

    def field(self, path: str) -> QWidget | None:
        """The input for `path`, or for its nearest enclosing path ("offenses[2].charge" → "offenses")."""
        while path:
            if path in self._fields:
                return self._fields[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    def paths(self) -> list[str]:
        return list(self._fields)

    def show_errors(self, errors: list[FieldError]) -> None:
        messages: dict[str, list[str]] = {}
        for e in errors:
            target = e.field
            while target and target not in self._errors:
                cut = max(target.rfind("."), target.rfind("["))
                target = target[:cut] if cut > 0 else ""
            if target:
                text = tr_message(e.message)
                detail = text if target == e.field else f"{self._describe(e.field, target)}: {text}"
                messages.setdefault(target, []).append(detail)
        cells: dict[str, dict[tuple[int, str], str]] = {}
        for e in errors:
            found = CELL_PATH.match(e.field)
            if found and found.group(1) in self._fields:
                cells.setdefault(found.group(1), {})[(int(found.group(2)), found.group(3))] = tr_message(e.message)
        for path, widget in self._fields.items():
            if isinstance(widget, RecordTableEdit):
                widget.show_cell_errors(cells.get(path, {}))  # the error at the cell, as well as under the table
        for path, label in self._errors.items():
            message = "\n".join(messages.get(path, []))
            label.show_error(message or None)
            self._describe_error(path, message)

    def _describe(self, full: str, prefix: str) -> str:
        """'offenses[1].arrest_date' under 'offenses' → 'row 2, arrest date'."""
        rest = full[len(prefix):]
        parts = []
        if rest.startswith("["):
            idx = rest[1 : rest.index("]")]
            parts.append(self.tr("row {number}").format(number=int(idx) + 1))
            rest = rest[rest.index("]") + 1 :]
        rest = rest.lstrip(".").replace("_", " ")
        if rest:
            parts.append(rest)
        return ", ".join(parts)

    def _describe_error(self, path: str, message: str) -> None:
        """A screen reader hears the error with the field: it leads the field's accessible description (the
        error line itself raises an alert as it appears: widgets.common.ErrorLabel)."""
        widget = self._fields.get(path)
        if widget is None:
            return
        base = self._described.setdefault(path, widget.accessibleDescription())
        widget.setAccessibleDescription(self.tr("Error: {message}").format(message=message) + f" {base}".rstrip()
                                        if message else base)


CELL_PATH = re.compile(r"^(.+)\[(\d+)\]\.(\w+)$")
"""A path into a record table's cell: "offenses[1].arrest_date" → ("offenses", 1, "arrest_date")."""
