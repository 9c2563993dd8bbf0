"""The dialog lifecycle every Casefile dialog follows.

Build the UI in `__init__`; `accept()` runs `check()` (which raises ValidationError shown inline next to the
field), then `save()`, which starts background work and calls `finish()` on success. A dialog closes only
after its work succeeded, so a failure leaves everything the user typed in place.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from widgets.error_label import ErrorLabel


class ValidationError(Exception):
    def __init__(self, field: QWidget, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class AppDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._errors: dict[QWidget, ErrorLabel] = {}
        self._busy = False

    def error_label_for(self, field: QWidget) -> ErrorLabel:
        label = ErrorLabel()
        label.setAccessibleName(self.tr("Error"))
        self._errors[field] = label
        return label

    def add_row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        """A labelled row (the label's mnemonic focuses `widget`) with the field's inline error under it."""
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", ""))
        if (proxy := widget.focusProxy()) is not None:  # the input that takes the focus is the one read out
            proxy.setAccessibleName(text.replace("&", ""))
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        error = self.error_label_for(widget)
        box.addWidget(error)
        form.addRow(label, holder)
        changed = getattr(widget, "value_changed", None) or getattr(widget, "textChanged", None) \
            or getattr(widget, "currentIndexChanged", None)
        if changed is not None:
            changed.connect(lambda *_a: error.show_error(None))  # the error goes as soon as the field changes

    def grow_to_fit(self) -> None:
        """Make room for a message that just appeared: the dialog grows (never squashing a field to do so)."""
        from widgets.common import grow_to_fit

        grow_to_fit(self)

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.show_error(None)

    def check(self) -> None:
        """Raise ValidationError for the first field that is not acceptable."""

    def save(self) -> None:
        """Start the dialog's work; call `finish()` when it succeeds. Default: nothing to do."""
        self.finish()

    def finish(self) -> None:
        super().accept()

    def accept(self) -> None:
        if self._busy:
            return
        self.clear_errors()
        try:
            self.check()
        except ValidationError as exc:
            label = self._errors.get(exc.field)
            if label is not None:
                label.show_error(exc.message)
                self.grow_to_fit()
            exc.field.setFocus()
            return
        self.save()

    def reject(self) -> None:
        if not self._busy:
            super().reject()
