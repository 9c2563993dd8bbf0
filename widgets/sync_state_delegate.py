"""The case list's status column, with where the case stands with the office: an icon of its own shape for each
state (never colour only) and the words — Synced, Changed, Conflict, Sync error — in the tooltip and for screen
readers; a review decision that came in by sync shows its status in bold after a marker ("● Concurred"; "New:
concurred" in the tooltip and for screen readers) until the case is seen.

The delegate reads the case's mark from the model's SYNC_NOTE_ROLE (widgets.case_list_model), which the
workspace fills from the store; the same text is what a screen reader hears for that cell.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

SYNC_NOTE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""(state, new decision) for a case: state one of synced/changed/conflict/error; decision "" or the decision."""

_ICONS = {
    "synced": QStyle.StandardPixmap.SP_DialogApplyButton,
    "changed": QStyle.StandardPixmap.SP_BrowserReload,
    "conflict": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


NEW_MARKER = "●"
"""Before the status of a case whose review decision came in by sync and has not been seen yet."""


def state_text(state: str) -> str:
    words = {"synced": QCoreApplication.translate("SyncState", "Synced"),
             "changed": QCoreApplication.translate("SyncState", "Changed"),
             "conflict": QCoreApplication.translate("SyncState", "Conflict"),
             "error": QCoreApplication.translate("SyncState", "Sync error")}
    return words.get(state, "")


def decision_text(decision: str) -> str:
    words = {"concurred": QCoreApplication.translate("SyncState", "New: concurred"),
             "returned": QCoreApplication.translate("SyncState", "New: returned"),
             "nonconcurred": QCoreApplication.translate("SyncState", "New: non-concurred")}
    return words.get(decision, "")


def note_text(mark: tuple[str, str] | None) -> str:
    """The words for a mark, as shown and as read out: "New: concurred · Synced"."""
    if not mark:
        return ""
    state, decision = mark
    return " · ".join(t for t in (decision_text(decision), state_text(state)) if t)


class SyncStateDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        mark = index.data(SYNC_NOTE_ROLE)
        if not mark:
            return
        state, decision = mark
        style = option.widget.style() if option.widget is not None else None  # type: ignore[attr-defined]
        if style is not None and state in _ICONS:
            option.icon = style.standardIcon(_ICONS[state])  # type: ignore[attr-defined]
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration  # type: ignore[attr-defined]
        if decision:  # the status stays ("● Concurred"), bold, after a marker (never colour only) and beside its
            # sync icon; the tooltip and a screen reader say "New: concurred" (the model's accessible text)
            option.text = f"{NEW_MARKER} {option.text}"  # type: ignore[attr-defined]
            option.font.setBold(True)  # type: ignore[attr-defined]

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        """The tooltip names the status and where the case stands with the office, in words."""
        mark = index.data(SYNC_NOTE_ROLE)
        if mark and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), f"{index.data(Qt.ItemDataRole.DisplayRole)} · {note_text(mark)}",
                              view)
            return True
        return super().helpEvent(event, view, option, index)
