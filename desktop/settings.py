"""UI settings, declared once as typed descriptors and stored with QSettings in the profile's folder.

Settings hold UI state only (geometry, the auto-lock delay): never case data, which lives in the encrypted
store. Nothing outside this module calls `QSettings.value` with a string.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings

T = TypeVar("T")
log = logging.getLogger(__name__)


class Setting(Generic[T]):
    registry: ClassVar[dict[str, Setting[object]]] = {}

    def __init__(self, key: str, default: T, type_: type[T], *, bounds: tuple[int, int] | None = None,
                 choices: tuple[T, ...] = ()) -> None:
        self.key = key
        self.default = default
        self.type_ = type_
        self.bounds = bounds
        self.choices = choices
        """When set, any other stored value (a hand-edited settings.ini) reads as the default."""
        """For numbers: the allowed range; a value outside it (a hand-edited settings.ini) is clamped."""
        Setting.registry[key] = self  # type: ignore[assignment]

    def get(self, settings: QSettings) -> T:
        raw = settings.value(self.key, None)
        if raw is None:
            return self.default
        try:
            if self.type_ is bytes:
                data: Any = raw.data() if isinstance(raw, QByteArray) else raw
                return cast(T, bytes(data))
            if self.type_ is bool and isinstance(raw, str):
                return (raw.lower() == "true")  # type: ignore[return-value]
            value: Any = self.type_(raw)  # type: ignore[call-arg]
            if self.bounds is not None:
                low, high = self.bounds
                value = min(max(int(value), low), high)
            if self.choices and value not in self.choices:
                log.warning("settings: %s holds a value that is not one of %s; using %r", self.key,
                            "/".join(map(str, self.choices)), self.default)
                return self.default
            return cast(T, value)
        except (TypeError, ValueError):
            return self.default  # a hand-edited or damaged value falls back, never crashes the app

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, QByteArray(value) if isinstance(value, bytes) else value)


UI_MAIN_GEOMETRY = Setting("ui/main_geometry", b"", bytes)
UI_MAIN_SPLITTER = Setting("ui/main_splitter", b"", bytes)
UI_CASE_LIST_HEADER = Setting("ui/case_list_header", b"", bytes)
"""The case list's columns: their order, widths, which are hidden, and the sort (QHeaderView.saveState)."""
AUTOLOCK_RANGE = (1, 30)
"""Minutes: the CJIS Security Policy asks for a session lock after at most 30 minutes idle."""
SECURITY_AUTOLOCK_MINUTES = Setting("security/autolock_minutes", 15, int, bounds=AUTOLOCK_RANGE)
PRINT_AGENCY = Setting("print/agency", "U.S. Department of Homeland Security", str)
PRINT_HANDLING = Setting("print/handling", "LAW ENFORCEMENT SENSITIVE", str)
PRINT_MEMO_FOR = Setting("print/memo_for", "Field Office Director", str)
PRINT_THROUGH = Setting("print/through", "Supervisory Immigration Officer", str)
PAPER_SIZES = {"letter": QT_TRANSLATE_NOOP("PreferencesDialog", "US Letter"), "a4": "A4"}
"""Paper by its key, as Preferences names it (translated there)."""
PRINT_PAPER = Setting("print/paper", "letter", str, choices=tuple(PAPER_SIZES))
UI_LANGUAGE = Setting("ui/language", "system", str, choices=("system", "en", "es"))
PRINT_TRANSLATED_COPY = Setting("print/translated_copy", "", str, choices=("", "es"))
"""A language (es) in which a translated copy follows every printed memo (printing.translated_copy); "" none."""
"""The window's language (desktop.i18n): `system` follows the system locale; read once, before any window."""
OFFICE_AUTO_SYNC = Setting("office/auto_sync", False, bool)
"""Sync with the office by itself every OFFICE_AUTO_SYNC_MINUTES while it is reachable (desktop.office_controller)."""
OFFICE_AUTO_SYNC_MINUTES = Setting("office/auto_sync_minutes", 5, int, bounds=(1, 120))


def open_settings(path: Path) -> QSettings:
    """The profile's settings.ini, in a folder only its owner can read (it is the profile's data folder) and
    itself 0600 — made so before Qt writes it, since Qt keeps an existing file's permissions."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for made, mode in ((path.parent, 0o700), (path, 0o600)):  # one an older version or another tool left open
        if made.stat().st_mode & 0o077:
            made.chmod(mode)
    return QSettings(str(path), QSettings.Format.IniFormat)
BACKUP_DAILY_RANGE = (1, 31)
BACKUP_WEEKLY_RANGE = (0, 26)
"""As storage.backup.DAILY_RANGE / WEEKLY_RANGE (not imported: settings load before the crypto modules)."""
BACKUP_DAILY_DAYS = Setting("backups/daily_days", 7, int, bounds=BACKUP_DAILY_RANGE)
"""Scheduled backups: the newest of each day is kept for this many days…"""
BACKUP_WEEKLY_WEEKS = Setting("backups/weekly_weeks", 4, int, bounds=BACKUP_WEEKLY_RANGE)
"""…and then the newest of each week for this many weeks (storage.backup.Retention)."""
