"""A passphrase field with a strength meter (zxcvbn) and the rule for what is strong enough."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

MIN_LENGTH = 10
MIN_SCORE = 3
WORDS = ["very weak", "weak", "fair", "strong", "very strong"]


def _score(text: str, context: list[str]) -> dict:
    """zxcvbn's verdict; imported on first use (its word lists take ~20 ms to load, not needed at launch)."""
    from zxcvbn import zxcvbn

    return zxcvbn(text[:100], user_inputs=context)


def passphrase_problem(text: str, context: list[str] | None = None) -> str | None:
    """Why `text` is not acceptable as a passphrase, or None. Pure, so dialogs and the CLI share it."""
    if len(text) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters; several unrelated words work well."
    result = _score(text, context or [])
    if result["score"] < MIN_SCORE:
        hint = result["feedback"].get("warning") or "Add another unrelated word."
        return f"Too easy to guess. {hint}".strip()
    return None


class PassphraseEdit(QWidget):
    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, meter: bool = True) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName("Passphrase strength")
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.meter)
        layout.addWidget(self.feedback)
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
            score = _score(text, self._context)["score"] if text else 0
            self.meter.setValue(score)
            self.feedback.setText(f"Strength: {WORDS[score]}" if text else "")
        self.value_changed.emit(text)
