"""What the launch does before the unlock dialog is painted stays lean (the launch benchmark's figure, guarded
by structure rather than timing): PySide6 builds Qt's whole namespace of enums on its first import, which alone
costs about a fifth of a bare window's launch, and `ctypes.util.find_library` runs `ldconfig -p` in a
subprocess — neither may happen before the officer sees the passphrase prompt. Nor may any module the prompt
does not need be imported before it is painted: the store and its crypto, search (anyascii, rapidfuzz),
printing (reportlab, QtPdf), the policy, the main window, zxcvbn, platformdirs, dataclasses, ctypes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE

ROOT = Path(__file__).parents[2]
CHILD = """
import sys
import PySide6.QtCore as QtCore
from desktop import app, startup

build = startup.Startup.__init__

def painted(self, *args, **kwargs):
    build(self, *args, **kwargs)
    assert self.unlock_dialog_visible()
    print("Qt namespace:", "Qt" in QtCore.__dict__, "| ctypes.util:", "ctypes.util" in sys.modules,
          "| QStyle:", "QStyle" in sys.modules["PySide6.QtWidgets"].__dict__, flush=True)
    print("imported:", " ".join(sorted(sys.modules)), flush=True)
    import os
    os._exit(0)

startup.Startup.__init__ = painted
sys.argv = sys.argv[:1]
app.main()
"""


def test_nothing_heavy_runs_before_the_unlock_dialog_is_painted(tmp_path):
    CaseStore.create(tmp_path / "Casefile", PASSPHRASE, OFFICER).close()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CASEFILE_DATA_DIR", None)
    run = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.stdout.splitlines()[0] == "Qt namespace: False | ctypes.util: False | QStyle: False", \
        run.stderr[-2000:]
    imported = set(run.stdout.splitlines()[1].removeprefix("imported: ").split())
    assert "desktop.dialogs.unlock" in imported  # the probe saw the launch itself
    assert sorted(heavy_modules(imported)) == []


HEAVY = (
    # third-party libraries the prompt does not use
    "anyascii", "rapidfuzz", "reportlab", "zxcvbn", "sqlcipher3", "argon2", "cryptography", "jsonschema",
    "bidi", "uharfbuzz", "pypdf", "zxingcpp", "psycopg", "platformdirs",
    # Qt modules beyond the three a dialog needs
    "PySide6.QtPdf", "PySide6.QtPrintSupport", "PySide6.QtSvg", "PySide6.QtNetwork",
    # the standard library's heavier pieces no prompt needs
    "ctypes", "dataclasses", "sqlite3", "json", "hashlib", "subprocess", "concurrent.futures",
    # our own modules that belong after the prompt
    "casework.model", "casework.search", "casework.policy", "casework.passphrase", "casework.i18n",
    "storage.store", "storage.database", "storage.keyslot", "storage.worker", "printing", "desktop.main_window",
    "desktop.workspace", "desktop.cli", "desktop.errors", "desktop.tasks", "widgets.common",
    "widgets.case_list_model",
)


def heavy_modules(imported: set[str]) -> set[str]:
    return {name for name in imported if any(name == h or name.startswith(h + ".") for h in HEAVY)}


def test_the_heavy_module_check_names_what_it_finds():
    """Negative control for the list above: a submodule counts as its package, a prefix alone does not."""
    assert heavy_modules({"reportlab.pdfgen", "storage.store", "storage.paths", "jsonschema", "jsons"}) == \
        {"reportlab.pdfgen", "storage.store", "jsonschema"}


def test_the_check_sees_qt_s_namespace_when_it_is_built(tmp_path):
    """Negative control: the same probe reports the namespace once something imports it."""
    probe = ("import PySide6.QtCore as C; a = 'Qt' in C.__dict__; from PySide6.QtCore import Qt; "
             "print(a, 'Qt' in C.__dict__)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "False True"
