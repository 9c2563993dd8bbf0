"""Guards against known defects in the Qt binding this project depends on."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_signal_emit_keeps_the_refcount_of_true():
    """PySide6 6.12.0 decrefs True on every emit(); Python 3.11 then aborts at exit (pyproject pins it out)."""
    emitter = _Emitter()
    emitter.fired.connect(lambda _v: None)
    gc.disable()
    try:
        before = sys.getrefcount(True)
        for _ in range(1000):
            emitter.fired.emit(1)
        after = sys.getrefcount(True)
    finally:
        gc.enable()
    assert after - before > -10, f"emit() lost {before - after} references to True"
