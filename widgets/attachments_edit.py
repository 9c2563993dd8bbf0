"""The Attachments section of the case editor: thumbnails of the case's photos, scans and PDFs, and the actions
on them (add, view, open in another program, remove).

The widget only shows references (casework.model.Attachment) and the thumbnails it is given, and says what the
officer asked for through signals; the desktop layer fetches content from the store and does the work. Files
can be added with the Add button (a file chooser) or by dropping them on the list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from casework.attachments import MAX_BYTES, MEDIA_TYPES, display_name, human_size, type_label
from casework.model import Attachment
from widgets.attachments_preview import THUMB_EDGE
from widgets.translated import tr_message

ID_ROLE = Qt.ItemDataRole.UserRole


class _DropList(QListWidget):
    """The thumbnail list, taking local files dropped on it."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepting = False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepting and event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if self.accepting and paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class AttachmentsEdit(QWidget):
    files_chosen = Signal(list)
    """Paths (str) the officer chose or dropped, to be added to the case."""
    view_requested = Signal(object)
    open_outside_requested = Signal(object)
    remove_requested = Signal(object)
    caption_requested = Signal(object)
    items_changed = Signal()
    """The list shown changed (another case, or an attachment added or removed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[Attachment, ...] = ()
        self._editable = False
        self._can_add = False
        self.list = _DropList()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_EDGE, THUMB_EDGE))
        self.list.setGridSize(QSize(THUMB_EDGE + 56, THUMB_EDGE + 48))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(False)  # one line for the name (elided in the middle: the extension shows), one
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # for the type and size
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAcceptDrops(True)
        self.list.viewport().setAcceptDrops(True)  # drags are delivered to the viewport of an item view
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.files_dropped.connect(self.files_chosen)
        self.list.itemActivated.connect(lambda _item: self._emit(self.view_requested))
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.add_button = QPushButton(self.tr("A&dd…"))  # Alt+A is the Assessment tab
        self.view_button = QPushButton(self.tr("&View"))
        self.outside_button = QPushButton(self.tr("Open in another pro&gram…"))
        self.caption_button = QPushButton(self.tr("Ca&ption…"))
        self.caption_button.clicked.connect(lambda: self._emit(self.caption_requested))
        self.remove_button = QPushButton(self.tr("Re&move…"))  # Alt+R: Reopen, in the banner
        self.add_button.clicked.connect(self._choose_files)
        self.view_button.clicked.connect(lambda: self._emit(self.view_requested))
        self.outside_button.clicked.connect(lambda: self._emit(self.open_outside_requested))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.view_button, self.outside_button, self.caption_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("About attachments"))
        self.progress = QLabel()
        self.progress.setAccessibleName(self.tr("Attachment progress"))
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self._generic = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self._update_buttons()

    # ----- value --------------------------------------------------------------------------------------------

    def set_value(self, items: tuple[Attachment, ...], *, editable: bool, stored: bool = True) -> None:
        """Show `items`; `editable`: the case is a draft (attachments may be added and removed); `stored`: the
        case exists in the store (a new case gets attachments once something is typed into it)."""
        current = self.current()
        icons = {self.list.item(i).data(ID_ROLE): self.list.item(i).icon() for i in range(self.list.count())}
        self._items, self._editable, self._can_add = items, editable, editable and stored
        self.list.clear()
        for a in items:
            media = MEDIA_TYPES.get(a.media_type)
            item = QListWidgetItem(icons.get(a.id, self._generic), f"{display_name(a.file_name)}\n"
                                   f"{media.short if media else a.media_type} · {tr_message(human_size(a.size))}")
            item.setData(ID_ROLE, a.id)
            item.setToolTip(self._describe(a))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, display_name(a.file_name))
            self.list.addItem(item)
            if current is not None and a.id == current.id:
                self.list.setCurrentItem(item)
        self.list.accepting = self._can_add
        limit = tr_message(human_size(MAX_BYTES))
        if not items and not stored:
            self.hint.setText(self.tr("Type something into the case first; then photos, scans and PDFs can be "
                                      "attached."))
        elif not editable:
            self.hint.setText(self.tr("This case is not a draft: its attachments cannot change until it is "
                                      "reopened."))
        else:
            self.hint.setText(self.tr("Add photos, scans (JPEG, PNG, GIF, TIFF, HEIC) and PDF documents up to "
                                      "{limit} each, or drop them on the list. They are kept encrypted inside "
                                      "the case store and listed as exhibits in the memo.").format(limit=limit))
        self._update_buttons()
        self.items_changed.emit()

    def value(self) -> tuple[Attachment, ...]:
        return self._items

    def set_thumbnail(self, item_id: str, image: QImage | None) -> None:
        """Show the picture made for an attachment (None: keep the generic icon)."""
        if image is None or image.isNull():
            return
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == item_id:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def current(self) -> Attachment | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((a for a in self._items if a.id == item.data(ID_ROLE)), None)

    def select(self, item_id: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ID_ROLE) == item_id:
                self.list.setCurrentRow(i)

    def set_progress(self, text: str) -> None:
        """A line above the list while files are being added ("" hides it)."""
        self.progress.setText(text)
        self.progress.setVisible(bool(text))

    # ----- actions ----------------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add attachments"), str(Path.home()),
            self.tr("Photos, scans and PDFs (*.jpg *.jpeg *.png *.gif *.tif *.tiff *.heic *.heif *.pdf);;"
                    "All files (*)"))
        if paths:
            self.files_chosen.emit(list(paths))

    def _emit(self, signal: SignalInstance) -> None:
        current = self.current()
        if current is not None:
            signal.emit(current)

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.add_button.setEnabled(self._can_add)
        self.view_button.setEnabled(chosen)
        self.outside_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self._editable)
        self.caption_button.setEnabled(chosen and self._editable)

    def _describe(self, a: Attachment) -> str:
        added = a.added_at.astimezone().strftime("%Y-%m-%d %H:%M") if a.added_at else ""
        lines = [display_name(a.file_name), f"{tr_message(type_label(a.media_type))}, {tr_message(human_size(a.size))}",
                 self.tr("Added {when}").format(when=added) if added else "", f"SHA-256 {a.sha256}", a.caption]
        return "\n".join(line for line in lines if line)
