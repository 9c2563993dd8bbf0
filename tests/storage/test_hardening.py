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
