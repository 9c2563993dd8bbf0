"""The one exception tree of Casefile. `desktop.errors.show_error` and the CLI turn these into words.

`UserFacingError` subclasses carry a message a person can act on. `Cancelled` is swallowed silently.
Anything else is a bug: it is logged with its traceback and shown as "something went wrong".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from casework.i18n import QT_TRANSLATE_NOOP, joined


class AppError(Exception):
    """Root of every error Casefile raises on purpose."""


class Cancelled(AppError):
    """The user cancelled a long operation; nothing to report."""


class UserFacingError(AppError):
    """An error whose message is written for the officer, not for a developer."""

    title: str = QT_TRANSLATE_NOOP("storage", "Casefile")
    """The dialog's title (a casework.i18n Message where marked, so the window can translate it)."""


class WrongPassphrase(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Wrong passphrase")

    def __init__(self, wait_s: float = 0.0) -> None:
        message = QT_TRANSLATE_NOOP("storage", "The passphrase is not correct. Check Caps Lock and the keyboard "
                                    "layout, then try again.")
        if wait_s > 0:
            message = QT_TRANSLATE_NOOP(
                "storage", "The passphrase is not correct. Check Caps Lock and the keyboard layout, then try again. "
                "After several wrong tries, the next one is possible in {seconds} seconds.").format(
                seconds=int(wait_s + 0.999))
        super().__init__(message)
        self.wait_s = wait_s


class TooManyAttempts(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Too many attempts")

    def __init__(self, seconds: float) -> None:
        super().__init__(QT_TRANSLATE_NOOP("storage", "Too many wrong passphrases. Try again in {seconds} seconds."
                                           ).format(seconds=int(seconds + 0.999)))
        self.seconds = seconds


class StoreNotFound(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "No case store")


class StoreExists(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Store already exists")


class StoreCorrupt(UserFacingError):
    """The database or its key file cannot be read as a Casefile store. The files are left untouched."""

    title = QT_TRANSLATE_NOOP("storage", "Cannot open the case store")


class ForeignFile(StoreCorrupt):
    """A readable file that belongs to some other program."""


class DatabaseTooNew(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Casefile is too old for this store")


class DatabaseTooOld(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Store too old")


class MigrationFailed(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Cannot upgrade the case store")


class StoreLocked(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Store locked")


class CaseNotFound(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "No such case")


class CaseConflict(UserFacingError):
    """The case was saved elsewhere since it was opened; the caller must reload, not overwrite.

    `revision` and `saved_at` (UTC) describe the stored version, when the conflict is with a stored version."""

    title = QT_TRANSLATE_NOOP("storage", "Case changed elsewhere")

    def __init__(self, message: str, *, revision: int | None = None, saved_at: datetime | None = None) -> None:
        super().__init__(message)
        self.revision = revision
        self.saved_at = saved_at


class InvalidCase(UserFacingError):
    """A case with field errors reached the store; nothing was written."""

    title = QT_TRANSLATE_NOOP("storage", "Case not saved")

    def __init__(self, errors: Sequence[object]) -> None:
        # "field: problem; …" — each problem kept as a Message, so a window or the CLI says it in its language
        super().__init__(joined([_field_problem(e) for e in errors]))
        self.errors = errors


def _field_problem(error: object) -> object:
    """A casework.validation.FieldError as "field: problem", the problem translatable; anything else as text."""
    field, problem = getattr(error, "field", None), getattr(error, "message", None)
    if isinstance(field, str) and isinstance(problem, str):
        return QT_TRANSLATE_NOOP("storage", "{field}: {problem}").format(field=field, problem=problem)
    return str(error)


class StorageFull(UserFacingError):
    title = QT_TRANSLATE_NOOP("storage", "Disk full")

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "storage", "The disk is full, so the last change was not saved. Your edits are still on screen: free "
            "some space and they will be saved."))


class ReadOnlyCase(UserFacingError):
    """An edit reached a case that is submitted or reviewed; it must be reopened (an explicit step) first."""

    title = QT_TRANSLATE_NOOP("storage", "Case is read-only")


class WorkflowRefused(UserFacingError):
    """A workflow step (submit, review, reopen, a status change on import) that is not allowed now."""

    title = QT_TRANSLATE_NOOP("storage", "Not allowed")

    def __init__(self, message: str, items: list[object] | None = None) -> None:
        super().__init__(message)
        self.items = items or []


# ----- where the store's files cannot be used (storage.error_map chooses among these) -----------------------------


class StoreUnavailable(UserFacingError):
    """The store's files cannot be used right now — a folder, disk or permission problem, not damage.

    Nothing was changed. The message never advises restoring a backup: the files are fine.
    """

    title = QT_TRANSLATE_NOOP("storage", "Cannot use the case store")


class StoreBusy(StoreUnavailable):
    """Another Casefile window or process has this profile open (its lock file, or SQLite's write lock)."""

    title = QT_TRANSLATE_NOOP("storage", "Casefile is already open")
    MESSAGE = QT_TRANSLATE_NOOP("storage", "Casefile is already open on this profile in another window or process.")

    def __init__(self, message: str = MESSAGE) -> None:
        super().__init__(message)


class StoreReadOnly(StoreUnavailable):
    title = QT_TRANSLATE_NOOP("storage", "Read-only folder")


class StorePermissionDenied(StoreUnavailable):
    title = QT_TRANSLATE_NOOP("storage", "Permission denied")


class WrongKindOfPath(StoreUnavailable):
    """A file where a folder belongs (the data folder) or a folder where a file belongs (casefile.db)."""

    title = QT_TRANSLATE_NOOP("storage", "Cannot use this folder")


class DiskFull(StorageFull):
    """A full disk, with a message that says what was being done (StorageFull's speaks of unsaved edits)."""

    def __init__(self, message: str) -> None:
        UserFacingError.__init__(self, message)


class PassphraseRefused(UserFacingError):
    """A new passphrase that casework.passphrase's rule refuses; no key slot was written."""

    title = QT_TRANSLATE_NOOP("storage", "Choose another passphrase")


class ProfileRefused(UserFacingError):
    """Set-up details casework refuses (an officer ID holding invisible control characters); nothing was written."""

    title = QT_TRANSLATE_NOOP("storage", "Profile not set up")


class PassphraseNotChanged(UserFacingError):
    """Changing the passphrase failed part-way and was undone: the old passphrase still works."""

    title = QT_TRANSLATE_NOOP("storage", "Passphrase not changed")
