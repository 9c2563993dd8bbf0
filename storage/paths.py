"""Where a profile's files live. The default is the platform's per-user data directory.

Read before the unlock dialog is shown, so it stays cheap to import: no dataclasses, and on Linux no
platformdirs (its modules cost about a twentieth of a bare window's launch); elsewhere platformdirs decides.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Casefile"


def default_data_dir() -> Path:
    """CASEFILE_DATA_DIR if set, else e.g. ~/.local/share/Casefile on Linux."""
    env = os.environ.get("CASEFILE_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform.startswith("linux"):
        # The XDG rule, as platformdirs applies it: XDG_DATA_HOME when it is an absolute path, else ~/.local/share.
        base = os.environ.get("XDG_DATA_HOME", "")
        return Path(base if os.path.isabs(base) else os.path.expanduser("~/.local/share")) / APP_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class StorePaths:
    """The files of the profile in `data_dir`; an immutable value (compared and hashed by its folder)."""

    __slots__ = ("data_dir",)
    data_dir: Path

    def __init__(self, data_dir: Path) -> None:
        object.__setattr__(self, "data_dir", data_dir)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"StorePaths is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"StorePaths is immutable: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StorePaths) and other.data_dir == self.data_dir

    def __hash__(self) -> int:
        return hash(self.data_dir)

    def __repr__(self) -> str:
        return f"StorePaths(data_dir={self.data_dir!r})"

    @property
    def database(self) -> Path:
        return self.data_dir / "casefile.db"

    @property
    def key_file(self) -> Path:
        return self.data_dir / "casefile.keys"

    @property
    def lock_file(self) -> Path:
        """Held (flock) while a CaseStore has the profile open: a second window or process is refused at once."""
        return self.data_dir / "casefile.lock"

    @property
    def throttle(self) -> Path:
        return self.data_dir / "unlock-attempts.json"

    @property
    def settings(self) -> Path:
        """UI state only (window geometry, auto-lock minutes); never case data."""
        return self.data_dir / "settings.ini"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def exists(self) -> bool:
        """A profile has been set up here (either file present: a half-missing store is reported, not hidden)."""
        return self.database.exists() or self.key_file.exists()
