"""Child process for the launch benchmark: prints ms from interpreter start until a window is on screen
(shown, and its first paint flushed with processEvents, the same way for every kind).

    python -m bench.launch_child bare           # a bare PySide6 window
    python -m bench.launch_child bare-qt        # the same, touching Qt's namespace once (any real window does)
    python -m bench.launch_child casefile DIR   # Casefile up to its unlock dialog on the store in DIR
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    start = float(sys.argv[-1])  # the parent's time.time() just before it started us
    kind = sys.argv[1]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    startup = None
    if kind in ("bare", "bare-qt"):
        app = QApplication([])
        w = QWidget()
        if kind == "bare-qt":
            from PySide6.QtCore import Qt  # PySide6 builds every Qt.* enum on first use: ~11 ms here

            w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        w.show()
        app.processEvents()
        assert w.isVisible()
    else:
        from pathlib import Path

        from desktop.startup import Startup

        startup = Startup(Path(sys.argv[2]))  # exactly what `casefile` does
        app = startup.app
        assert startup.unlock_dialog_visible()
    print(f"{(time.time() - start) * 1000:.1f}", flush=True)
    QTimer.singleShot(0, app.quit)  # let the rest of start-up run, then leave
    app.exec()
    if startup is not None and startup.window is not None:
        startup.window.shutdown()


if __name__ == "__main__":
    main()
