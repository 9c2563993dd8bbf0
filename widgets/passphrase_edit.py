"""A passphrase field with a strength meter (zxcvbn). The rule itself lives in casework.passphrase, so the
store and the command line apply the very same one; it is imported when the meter first scores (the unlock
dialog, shown at launch, has no meter)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

RING_INNER = "focusRingInner"
"""widgets.focus_ring.RING_INNER (not imported: the unlock dialog, shown at launch, loads no Qt namespace)."""
RING_ROOM = 5
"""Room under the line for the focus ring (widgets.focus_ring draws it RING_WIDTH + 1 px outside the input)."""

METER_COLOURS = ("#b00020", "#b00020", "#b35900", "#2e7d32", "#1b5e20")
"""By zxcvbn score 0–4: red for weak, amber for fair, green for strong (beside the words, never instead)."""


class PassphraseEdit(QWidget):
    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, meter: bool = True) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 5)  # score + 1: "very weak" shows a red sliver, not an empty bar
        self.meter.setValue(0)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.line)
        layout.addSpacing(RING_ROOM)  # the focus ring goes round the line alone, clear of the meter
        layout.addWidget(self.meter)
        layout.addWidget(self.feedback)
        self.setProperty(RING_INNER, True)
        self._show_meter = meter
        self.meter.setVisible(meter)
        self.feedback.setVisible(meter)
        self._context: list[str] = []
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._on_line_text_changed)

    def set_context(self, words: list[str]) -> None:
        """Words the passphrase must not lean on (the officer's name and ID)."""
        self._context = [w for w in words if w]

    def value(self) -> str:
        return self.line.text()

    def clear(self) -> None:
        self.line.clear()

    def _on_line_text_changed(self, text: str) -> None:
        if self._show_meter:
            from casework.passphrase import strength

            score = strength(text, self._context)["score"] if text else 0
            self.meter.setValue(score + 1 if text else 0)
            words = (self.tr("Strength: very weak"), self.tr("Strength: weak"), self.tr("Strength: fair"),
                     self.tr("Strength: strong"), self.tr("Strength: very strong"))[score] if text else ""
            self.feedback.setText(words)  # the meter's colour is never the only signal: the word says it too
            self.meter.setAccessibleDescription(words)
            self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {METER_COLOURS[score]}; }}")
        self.value_changed.emit(text)
