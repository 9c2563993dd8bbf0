"""What the launch does before the unlock dialog is painted stays lean (the launch benchmark's figure, guarded
by structure rather than timing): PySide6 builds Qt's whole namespace of enums on its first import, which alone
costs about a fifth of a bare window's launch, and `ctypes.util.find_library` runs `ldconfig -p` in a
subprocess — neither may happen before the officer sees the passphrase prompt."""

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
    assert run.stdout.strip() == "Qt namespace: False | ctypes.util: False | QStyle: False", run.stderr[-2000:]


def test_the_check_sees_qt_s_namespace_when_it_is_built(tmp_path):
    """Negative control: the same probe reports the namespace once something imports it."""
    probe = ("import PySide6.QtCore as C; a = 'Qt' in C.__dict__; from PySide6.QtCore import Qt; "
             "print(a, 'Qt' in C.__dict__)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "False True"
