"""The one place exceptions become dialogs, and the crash hook that routes stray ones there.

Messages of unexpected exceptions are never logged or shown in the details: they can hold case data (a
name in a ValueError). The log gets the exception type and the stack, which is what a developer needs.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from casework.errors import ExchangeError, NotPrintable, PolicyError
from casework.i18n import message_of, render
from storage.errors import Cancelled, UserFacingError

log = logging.getLogger("casefile")


def redacted_traceback(exc: BaseException) -> str:
    """The stack and exception types of `exc`, without any exception message."""
    lines = []
    current: BaseException | None = exc
    while current is not None:
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        lines.extend(traceback.format_tb(current.__traceback__))
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by:")
    return "\n".join(lines)


def error_text(exc: BaseException) -> str:
    """A user-facing error's message in the window's language (casework.i18n marks the messages of casework
    and storage; the installed catalogues translate them; English where none does)."""
    from widgets.translated import locale_number

    return render(message_of(exc), QCoreApplication.translate, locale_number)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Show `exc` to the user without blocking: a plain message for user-facing errors, else a generic one."""
    if isinstance(exc, Cancelled):
        return None
    if isinstance(exc, UserFacingError | ExchangeError | NotPrintable | PolicyError):
        title = render(getattr(exc, "title", "Casefile"), QCoreApplication.translate)
        box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc), QMessageBox.StandardButton.Ok, parent)
    else:
        log.error("unexpected error\n%s", redacted_traceback(exc))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("show_error", "Something went wrong"),
            QCoreApplication.translate("show_error", "Casefile hit an unexpected problem. Your saved work is safe; "
                                                     "the last change may not have been saved. The details have been "
                                                     "written to the log."),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setDetailedText(redacted_traceback(exc))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class ExceptionHook(QObject):
    """Installed as sys.excepthook: logs, then opens the error box on the GUI thread, once per distinct bug."""

    _report = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def handle(self, tp: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        key = f"{tp.__qualname__}:{traceback.extract_tb(tb)[-1:]!s}" if tb else tp.__qualname__
        if key in self._seen:
            return
        self._seen.add(key)
        self._report.emit(exc)

    def _on_report(self, exc: BaseException) -> None:
        show_error(None, exc)

    def uninstall(self) -> None:
        sys.excepthook = self._previous
