"""No core dumps of a process that may hold case text and keys; SQLCipher wipes what it frees."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MARKER

CHILD = """
import os, sys
from storage.hardening import no_core_dumps, is_dumpable
if sys.argv[1] == "harden":
    no_core_dumps()
print(is_dumpable(), flush=True)
secret = {marker!r} * 1000  # case text in memory, as in an unlocked app
os.kill(os.getpid(), 11)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="core dump control is checked on Linux")
def test_a_crash_after_hardening_leaves_no_core_file(tmp_path: Path):
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    if hard == 0:
        pytest.skip("this machine allows no core files at all, so a core cannot be produced to compare")
    pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    if pattern.startswith("|"):
        pytest.skip(f"cores go to a handler ({pattern.split()[0]}), not to a file this test can look for")

    def run(mode: str) -> tuple[str, list[Path]]:
        folder = tmp_path / mode
        folder.mkdir()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
        proc = subprocess.run(
            [sys.executable, "-c", CHILD.format(marker=MARKER), mode], cwd=folder, env=env, capture_output=True,
            text=True, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (hard, hard)),
        )
        assert proc.returncode == -signal.SIGSEGV
        return proc.stdout.strip(), [p for p in folder.iterdir() if p.name.startswith("core")]

    control_dumpable, control_cores = run("control")
    if not control_cores:
        pytest.skip(f"no core file appears here even without hardening (core_pattern {pattern!r})")
    assert control_dumpable == "True" and any(MARKER.encode() in p.read_bytes() for p in control_cores)
    dumpable, cores = run("harden")
    assert dumpable == "False" and cores == []


def test_the_app_entry_point_hardens_the_process():
    code = ("import sys; sys.argv = ['casefile', 'schema']; from desktop.app import main; main(); "
            "from storage.hardening import is_dumpable; sys.stderr.write(str(is_dumpable()))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    assert proc.returncode == 0 and proc.stderr == "False"


def test_sqlcipher_memory_security_is_on(store):
    assert store.conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"


GUI_CHILD = """
import ctypes, os, sys
from desktop import startup
from storage.hardening import PR_GET_DUMPABLE

libc = ctypes.CDLL(None, use_errno=True)
painted = startup.Startup.__init__
finish = startup.Startup._finish

def at_paint(self, *args, **kwargs):
    painted(self, *args, **kwargs)
    print("painted:", self.unlock_dialog_visible(), libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), flush=True)

def at_first_tick(self, *args):
    finish(self, *args)
    import gc  # and what start-up built is out of the collector's reach (desktop.startup.settle_heap)
    print("first tick:", libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), "| frozen:", gc.get_freeze_count() > 10000,
          flush=True)
    os._exit(0)

startup.Startup.__init__ = at_paint
startup.Startup._finish = at_first_tick
sys.argv = sys.argv[:1]
from desktop.app import main
main()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_DUMPABLE is Linux's")
def test_the_window_is_not_dumpable_from_the_event_loop_s_first_tick(tmp_path: Path):
    """`casefile` leaves the ctypes call until its prompt is painted; it is made by the first tick, before
    anything typed into the prompt is read (the bare `schema` command above is hardened at once)."""
    from storage.store import CaseStore
    from tests.conftest import OFFICER, PASSPHRASE

    CaseStore.create(tmp_path / "Casefile", PASSPHRASE, OFFICER).close()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(Path(__file__).parents[2])}
    env.pop("CASEFILE_DATA_DIR", None)
    proc = subprocess.run([sys.executable, "-c", GUI_CHILD], env=env, capture_output=True, text=True, timeout=120)
    assert proc.stdout.splitlines() == ["painted: True 1", "first tick: 0 | frozen: True"], proc.stderr[-2000:]


def _locked_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmLck:"):
            return int(line.split()[1])
    raise AssertionError("no VmLck line")


def _may_lock(kib: int) -> bool:
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_MEMLOCK)
    return os.geteuid() == 0 or soft == resource.RLIM_INFINITY or soft >= (kib + _locked_kib()) * 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the locked size from Linux's /proc")
def test_a_store_connection_has_its_lookaside_area_locked_from_swap_while_open(tmp_path):
    """storage.lookaside: SQLite's small buffers come from one 6 MB area per connection, locked (mlock) when the
    connection opens — not one by one — and wiped and unlocked when it closes."""
    from casework.model import Officer
    from storage import lookaside
    from storage.store import CaseStore

    area_kib = lookaside.SLOTS * lookaside.SLOT_SIZE // 1024
    if not _may_lock(area_kib + 1024):
        pytest.skip("this user may not lock that much memory (RLIMIT_MEMLOCK)")
    before = _locked_kib()
    store = CaseStore.create(tmp_path / "p", "correct horse battery staple", Officer("A B", "AB-1", "Office"))
    try:
        assert _locked_kib() - before >= area_kib
    finally:
        store.close()
    assert _locked_kib() - before < area_kib


def test_lookaside_is_given_to_a_new_connection_and_checked_against_its_file(tmp_path):
    import sqlcipher3

    from storage import lookaside

    conn = sqlcipher3.connect(str(tmp_path / "x.db"))
    try:
        assert lookaside.enlarge(conn, tmp_path / "x.db")
    finally:
        conn.close()
    conn = sqlcipher3.connect(str(tmp_path / "y.db"))
    try:  # told another file than it opened: the handle is not trusted, nothing is changed
        assert not lookaside.enlarge(conn, tmp_path / "x.db")
    finally:
        conn.close()
