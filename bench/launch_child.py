"""Child process for the launch benchmark: prints ms from interpreter start to a window in the event loop.

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

    if kind in ("bare", "bare-qt"):
        app = QApplication([])
        w = QWidget()
        if kind == "bare-qt":
            from PySide6.QtCore import Qt  # PySide6 builds every Qt.* enum on first use: ~11 ms here

            w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        w.show()
        ready = lambda: w.isVisible()  # noqa: E731
    else:
        from pathlib import Path

        from desktop.app import build_gui, present

        app, window = build_gui(Path(sys.argv[2]))
        present(window)  # exactly what `casefile` does
        ready = lambda: window.unlock_dialog is not None and window.unlock_dialog.isVisible()  # noqa: E731

    def report() -> None:
        assert ready()
        print(f"{(time.time() - start) * 1000:.1f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    app.exec()
    if kind == "casefile":
        window.shutdown()


if __name__ == "__main__":
    main()
