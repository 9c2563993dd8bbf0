"""Idle auto-lock: notices no keyboard or mouse input for N minutes, counting time the machine slept.

The clock is CLOCK_BOOTTIME where the platform has it (it keeps running through suspend, unlike
CLOCK_MONOTONIC); after a resume the next check sees the whole gap and locks at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}


def boot_clock() -> float:
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.time()


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None, check_ms: int = 1000) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self._last = boot_clock()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self._last = boot_clock()
        self._armed = True
        self._timer.start()

    def stop(self) -> None:
        self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = boot_clock()
        return False

    def _on_timer_timeout(self) -> None:
        if self._armed and boot_clock() - self._last >= self.timeout_s:
            self.stop()
            self.idle.emit()
