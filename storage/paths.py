"""Where a profile's files live. The default is the platform's per-user data directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Casefile"


def default_data_dir() -> Path:
    """CASEFILE_DATA_DIR if set, else e.g. ~/.local/share/Casefile on Linux."""
    env = os.environ.get("CASEFILE_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True, slots=True)
class StorePaths:
    data_dir: Path

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
