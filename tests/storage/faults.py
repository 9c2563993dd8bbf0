"""Real faults for tests: a full disk, a read-only folder, a folder the user may not enter, another process
holding the store. Real ones where this machine allows (a small tmpfs, a read-only remount, dropped
privileges); a test skips, saying why, where it does not.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
NO_OVERRIDE = ["--inh-caps=-dac_override,-dac_read_search,-fowner",
               "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def tmpfs(mount_point: Path, size: str = "4m") -> Iterator[Path]:
    """A small RAM disk at `mount_point` (root only; skips otherwise), unmounted afterwards."""
    mount_point.mkdir(parents=True, exist_ok=True)
    if not is_root() or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(mount_point)], capture_output=True)
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def fill(folder: Path) -> Path:
    """Write a file in `folder` until the disk is full; return it (delete it to free the space)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:  # unbuffered: closing it has nothing left to write
        try:
            while True:
                f.write(bytes(64 * 1024))
                f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


@contextlib.contextmanager
def read_only(folder: Path, mount_point: Path | None = None) -> Iterator[None]:
    """Make `folder` read-only: a read-only remount of the tmpfs `mount_point` holding it when running as root
    (root writes through file modes), else the folder's mode (0500)."""
    if is_root():
        assert mount_point is not None, "as root, the folder must live on a tmpfs made with tmpfs()"
        subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(mount_point)], check=True)
    else:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)


def unprivileged(cmd: list[str]) -> list[str]:
    """`cmd` run so that file modes apply to it: as it is for a user; as root, without root's override
    capabilities (setpriv), since root reads and writes through any mode."""
    if not is_root():
        return cmd
    if shutil.which("setpriv") is None:
        pytest.skip("as root, a permission test needs setpriv(1) to drop the override capabilities")
    return ["setpriv", *NO_OVERRIDE, *cmd]


def casefile_cmd(*args: str) -> list[str]:
    """The command line of the real `casefile` entry point, as a script would run it."""
    return [sys.executable, "-m", "desktop", *args]


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "CASEFILE_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
    env.pop("CASEFILE_PASSPHRASE", None)
    return env


class Holder:
    """Another process that holds the profile: a second Casefile (`kind="store"`) or a foreign SQLite client
    in a write transaction (`kind="sqlite"`). Runs until `release()`."""

    SCRIPT = textwrap.dedent("""
        import sys
        from pathlib import Path
        data_dir, kind, passphrase = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
        if kind == "sqlite":
            import sqlcipher3
            from storage import keyslot
            key = keyslot.read_key_file(data_dir / "casefile.keys").unwrap(passphrase)
            conn = sqlcipher3.connect(str(data_dir / "casefile.db"), isolation_level=None)
            conn.execute(f"PRAGMA key = \\"x'{key.hex()}'\\"")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        else:
            from storage.store import CaseStore
            store = CaseStore.open(data_dir, passphrase)
        print("holding", flush=True)
        sys.stdin.read()  # until the test closes our stdin
    """)

    def __init__(self, data_dir: Path, passphrase: str, kind: str = "store") -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", self.SCRIPT, str(data_dir), kind, passphrase],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
                                     env={**os.environ, "PYTHONPATH": str(REPO)})
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line == "holding\n", f"the holder did not start: {line!r}"

    def release(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=30)

    def kill(self) -> None:
        """Die the hard way (SIGKILL): no chance to unlock or clean up."""
        self.proc.kill()
        self.proc.wait(timeout=30)
