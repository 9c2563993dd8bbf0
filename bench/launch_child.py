"""Child process for the launch benchmark: prints ms from the parent's clock reading just before it started us
until a window is on screen (shown, and its first paint flushed with processEvents, the same way for every kind),
then the CPU ms this process had used by then (interpreter start included), which a busy machine disturbs less.

    python -m bench.launch_child bare           # a bare PySide6 window
    python -m bench.launch_child bare-qt        # the same, touching Qt's namespace once (any real window does)
    python -m bench.launch_child bare-dialog    # a bare PySide6 passphrase dialog (labels, a line edit, buttons)
    python -m bench.launch_child casefile       # `casefile` with no arguments, up to its unlock dialog

`casefile` is the console script's own path (desktop.app.main: core dumps off, the default data folder, then
desktop.startup), so what is timed is what an officer waits for; the parent points the platform data folder
(XDG_DATA_HOME) at a store. The time is taken when `Startup` returns, that is once the dialog is painted; the
rest of start-up then runs and the event loop is quit.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def main() -> None:
    start = float(sys.argv[-1])  # the parent's time.time() just before it started us
    kind = sys.argv[1]
    if kind == "casefile":
        _casefile(start)
        return
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    w = _bare_dialog() if kind == "bare-dialog" else QWidget()
    if kind == "bare-qt":
        from PySide6.QtCore import Qt  # PySide6 builds every Qt.* enum on first use: ~11 ms here

        w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    w.show()
    app.processEvents()
    assert w.isVisible()
    _report(start)


def _report(start: float) -> None:
    print(f"{(time.time() - start) * 1000:.1f} {time.process_time() * 1000:.1f}", flush=True)


def _bare_dialog() -> QWidget:
    """What any passphrase prompt costs in PySide6 (fonts, text layout, a line edit, buttons): the floor under
    Casefile's own figure."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Enter your passphrase."))
    line = QLineEdit()
    line.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addWidget(line)
    layout.addWidget(QLabel("Store: /home/officer/.local/share/Casefile"))
    layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel))
    return dialog


def _casefile(start: float) -> None:
    """Run `casefile` (desktop.app.main with no arguments), noting when its unlock dialog is painted."""
    from desktop import app, startup

    build = startup.Startup.__init__

    def timed(self: startup.Startup, *args: object, **kwargs: object) -> None:
        build(self, *args, **kwargs)  # type: ignore[arg-type]
        assert self.unlock_dialog_visible(), "no unlock dialog: is there a store in XDG_DATA_HOME/Casefile?"
        _report(start)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.app.quit)  # let the rest of start-up run, then leave

    startup.Startup.__init__ = timed  # type: ignore[method-assign]
    sys.argv = sys.argv[:1]
    app.main()


if __name__ == "__main__":
    main()
