"""Entry point: `casefile` opens the app; `casefile COMMAND` runs a headless command (desktop.cli).

Qt is imported only when the GUI starts, so the command-line tools work without a display.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

log = logging.getLogger("casefile")
DEMO_PASSPHRASE = "demo-passphrase"
"""Public (the unlock dialog shows it): the demo store holds only fictional cases. Long enough for the
passphrase rule, which the store applies to every store it creates."""


def main(argv: Sequence[str] | None = None) -> int:
    harden = argv is None  # the real process (the console script), not a test calling main([...]) in-process
    argv = list(sys.argv[1:] if argv is None else argv)
    if harden:
        from storage import hardening

        hardening.no_core_files()  # before any passphrase or key is in memory
        if argv:
            hardening.not_dumpable()
    if not argv:
        # Plain `casefile`: straight to the window, without loading the command-line machinery. The process
        # becomes not dumpable on the event loop's first tick, once the passphrase prompt is painted (that
        # needs ctypes) and before anything typed into it is read.
        from storage.paths import default_data_dir

        return run_gui(default_data_dir(), harden=harden)
    from desktop import cli

    return cli.main(argv, launch_gui=launch_gui)


def launch_gui(args: argparse.Namespace) -> int:
    from desktop import cli

    if args.command == "demo":
        return run_gui(make_demo_store(), demo=True)
    return run_gui(cli.data_dir(args))


def run_gui(data_dir: Path, *, demo: bool = False, harden: bool = False) -> int:
    from desktop.startup import Startup

    startup = Startup(data_dir, demo=demo, harden=harden)
    code = startup.app.exec()
    if startup.window is not None:
        startup.window.shutdown()
    return code


def build_gui(data_dir: Path, *, demo: bool = False):
    """Create the QApplication (if needed) and the main window, without entering the event loop."""
    from PySide6.QtWidgets import QApplication

    from desktop.errors import ExceptionHook
    from desktop.main_window import Demo, MainWindow
    from desktop.settings import open_settings
    from desktop.tasks import TaskManager
    from storage.paths import StorePaths
    from storage.worker import StoreWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casefile")
    app.setOrganizationName("Casefile")
    paths = StorePaths(data_dir)
    hook = ExceptionHook()
    worker = StoreWorker()
    tasks = TaskManager(worker)
    window = MainWindow(data_dir, tasks, open_settings(paths.settings),
                        demo=Demo(DEMO_PASSPHRASE) if demo else None)

    def shutdown() -> None:
        """Close the store and stop its thread; safe to call twice."""
        if getattr(shutdown, "done", False):
            return
        shutdown.done = True  # type: ignore[attr-defined]
        tasks.close_store()
        tasks.wait_idle()
        worker.shutdown()
        hook.uninstall()

    window.shutdown = shutdown  # type: ignore[attr-defined]
    return app, window


def present(window) -> None:
    """Ask for the passphrase (or set up the profile) first; the window and the log file follow as soon as the
    event loop runs, so the first thing on screen is the thing the officer needs."""
    from PySide6.QtCore import QTimer

    window.start()
    QTimer.singleShot(0, window.show)
    QTimer.singleShot(0, lambda: setup_logging(window.paths.log_dir))


LOGGERS = ("casefile", "casework", "storage", "printing", "widgets", "desktop")
"""Where Casefile's events are logged: modules log under their own names (`logging.getLogger(__name__)`, e.g.
"desktop.main_window", "storage.store"), so the file handler sits on each top package's logger. Other
libraries' loggers are left out: their messages may quote what they were given."""

_file_handler: logging.Handler | None = None


class RedactingFormatter(logging.Formatter):
    """Exception messages can hold case data (a name in a ValueError): the file gets each exception's type and
    its stack, never its message (as desktop.errors.redacted_traceback does for the error box)."""

    def format(self, record: logging.LogRecord) -> str:
        cached, record.exc_text = record.exc_text, None  # another handler may have cached the full text
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        import traceback

        _tp, exc, _tb = ei
        lines: list[str] = []
        while exc is not None:
            lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}")
            lines.extend(line.rstrip("\n") for line in traceback.format_tb(exc.__traceback__))
            exc = exc.__cause__ or exc.__context__
            if exc is not None:
                lines.append("caused by:")
        return "\n".join(lines)


def setup_logging(log_dir: Path) -> logging.Handler | None:
    """A small rotating log of events (never case data) in the profile's folder, fed by every Casefile module.

    Safe to call again: the same folder keeps its handler, another folder replaces it. Returns the handler, or
    None when the folder cannot be written (the app runs on without a log).
    """
    import logging.handlers
    import os

    global _file_handler
    path = Path(log_dir) / "casefile.log"
    if isinstance(_file_handler, logging.FileHandler) and _file_handler.baseFilename == os.path.abspath(path):
        return _file_handler
    stop_logging()
    try:
        Path(log_dir).mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        os.chmod(path, 0o600)
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    _file_handler = handler
    return handler


def logging_to() -> Path | None:
    """The log file events go to now (None before setup_logging)."""
    return Path(_file_handler.baseFilename) if isinstance(_file_handler, logging.FileHandler) else None


def stop_logging() -> None:
    """Detach and close the log file (at exit, and between tests)."""
    global _file_handler
    handler, _file_handler = _file_handler, None
    if handler is None:
        return
    for name in LOGGERS:
        logging.getLogger(name).removeHandler(handler)
    handler.close()


def make_demo_store() -> Path:
    """A throwaway store of fictional cases in a temporary folder, removed when the app exits."""
    from casework.model import Officer
    from casework.samples import DEMO_OFFICE, DEMO_OFFICER_ID, DEMO_OFFICER_NAME, demo_cases
    from storage.keyslot import KdfParams
    from storage.store import CaseStore

    folder = Path(tempfile.mkdtemp(prefix="casefile-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    officer = Officer(DEMO_OFFICER_NAME, DEMO_OFFICER_ID, DEMO_OFFICE)
    # A cheap KDF is fine here: the passphrase is public and the cases are fictional.
    with CaseStore.create(folder, DEMO_PASSPHRASE, officer, kdf=KdfParams(time_cost=1, memory_kib=8192)) as store:
        store.import_cases(demo_cases())
    return folder
