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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

log = logging.getLogger("casefile")
DEMO_PASSPHRASE = "demo"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        # Plain `casefile`: straight to the window, without loading the command-line machinery.
        from storage.paths import default_data_dir

        return run_gui(default_data_dir())
    from desktop import cli

    return cli.main(argv, launch_gui=launch_gui)


def launch_gui(args: argparse.Namespace) -> int:
    from desktop import cli

    if args.command == "demo":
        return run_gui(make_demo_store(), demo=True)
    return run_gui(cli.data_dir(args))


def run_gui(data_dir: Path, *, demo: bool = False) -> int:
    from desktop.startup import Startup

    startup = Startup(data_dir, demo=demo)
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


def setup_logging(log_dir: Path) -> None:
    """A small rotating log of events (never case data) in the profile's folder."""
    import logging.handlers

    root = logging.getLogger("casefile")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(log_dir / "casefile.log", maxBytes=1_000_000, backupCount=3)
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


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
