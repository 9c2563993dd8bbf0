"""The "changed elsewhere" bar: a save was refused because the stored case moved on since it was loaded.

The officer's edits stay on screen, unsaved, and autosave pauses until they choose: **Reload** (take the stored
case, dropping the edits on screen) or **Keep mine** (save what is on screen on top of the stored case).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ConflictBarWidget(QFrame):
    reload_requested = Signal()
    keep_mine_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-bar")
        self.setAccessibleName(self.tr("Changed elsewhere"))
        self.setStyleSheet("QFrame#conflict-bar { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; }"
                           " QFrame#conflict-bar QLabel { color: #5c4400; }")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Re&load"))
        self.reload_button.setToolTip(self.tr("Show the case as it is stored now; the changes on screen are dropped"))
        self.keep_button = QPushButton(self.tr("&Keep mine"))
        self.keep_button.setToolTip(self.tr("Save the case as it is on screen, on top of the stored one"))
        self.reload_button.clicked.connect(self.reload_requested)
        self.keep_button.clicked.connect(self.keep_mine_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def value(self) -> str:
        """The message shown ("" while hidden)."""
        return self.message.text()

    def set_value(self, message: str, detail: str = "") -> None:
        """Show the bar with `message` (and `detail`, the store's exact account, on hover); "" hides it."""
        self.message.setText(message)
        self.message.setToolTip(detail)
        self.reload_button.setEnabled(True)
        self.keep_button.setEnabled(True)
        self.setVisible(bool(message))

    def set_busy(self, busy: bool) -> None:
        """While a Reload or Keep mine is on its way, neither can be pressed again."""
        self.reload_button.setEnabled(not busy)
        self.keep_button.setEnabled(not busy)
