"""The inline error line under a field, in a module of its own: the unlock dialog, shown at launch before
anything else is built, needs it and nothing else of widgets.common."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

# Qt's namespace and QAccessible are imported where they are used: PySide6 builds each (with all of its enums)
# on first import, and the unlock dialog, shown before anything else at launch, needs neither.

ERROR_STYLE = "color: #b00020;"


class ErrorLabel(QLabel):
    """The inline message under a field; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()  # empty until show_error, which makes it plain text first

    def show_error(self, message: str | None) -> None:
        """Show (or with None hide) the message; a new message is announced to a screen reader as an alert."""
        from PySide6.QtCore import Qt

        self.setTextFormat(Qt.TextFormat.PlainText)  # user text in messages must never render as markup
        new = bool(message) and message != self.text()
        self.setText(message or "")
        self.setAccessibleName(self.tr("Error: {message}").format(message=message) if message else "")
        self.setVisible(bool(message))
        if new and self.isVisible():
            from PySide6.QtGui import QAccessible, QAccessibleEvent

            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))
