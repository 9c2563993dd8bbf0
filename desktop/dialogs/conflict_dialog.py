"""Resolve sync conflicts side by side: for each field changed both here and at the office, this laptop's value
beside the office's, and a choice per field — by keyboard alone (Tab from field to field, arrows between the two
choices, Enter applies).

Labels are the form's and the policy's ("Subject › Family name", "Offenses › 2 › Charge", "Assessment ›
Family ties in the United States › Evidence"), never raw paths. The choices are applied through
storage.sync.resolve on the store thread (one transaction each, as `casefile resolve` does); the next sync sends
the case.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from storage.errors import UserFacingError

if TYPE_CHECKING:
    from casework.model import CaseFile
    from casework.policy import PolicyLibrary
    from desktop.office_controller import OfficeController
    from desktop.tasks import TaskManager
    from storage.store import CaseStore, StoredConflict

DELETED_PATH = "deleted"
"""storage.store.DELETED (not imported: the window starts without the store's modules)."""

_STEP = re.compile(r"([A-Za-z_]+)(?:\[([^\]]*)\])?")
_LISTS = {"offenses": "offenses", "family": "family", "subject.documents": "documents",
          "assessment.other_factors": "other_factors"}


def _words(name: str) -> str:
    return name.replace("_", " ").strip().capitalize()


def field_label(path: str, case: CaseFile | None, policies: PolicyLibrary | None,
                form_labels: dict[str, str]) -> str:
    """A readable name for a merge path (casework.merge), from the form's labels and the case's policy."""
    translate = QCoreApplication.translate  # the name pyside6-lupdate knows
    steps = _STEP.findall(path)
    parts: list[str] = []
    prefix = ""
    policy = None
    if case is not None and case.assessment is not None and policies is not None:
        try:
            policy = policies.get(case.assessment.policy_id, case.assessment.policy_version)
        except Exception:  # an unknown policy version: fall back to the words of the path
            policy = None
    for name, key in steps:
        prefix = f"{prefix}.{name}" if prefix else name
        parts.append(form_labels.get(prefix) or _section_name(prefix) or _words(name))
        if not key:
            continue
        item = ""
        if policy is not None and prefix == "assessment.factors":
            found = policy.factor(key)
            item = found.label if found else ""
        elif policy is not None and prefix == "assessment.categories":
            found_c = policy.category(key)
            item = found_c.label if found_c else ""
        elif policy is not None and prefix == "assessment.answers":
            found_q = policy.question(key)
            item = found_q.label if found_q else ""
        elif prefix in _LISTS and case is not None:
            items = _items(case, prefix)
            ids = [getattr(i, "id", None) for i in items]
            item = translate("ConflictDialog", "item %1").replace("%1", str(ids.index(key) + 1)) if key in ids else \
                translate("ConflictDialog", "an item added or removed")
        parts.append(item or translate("ConflictDialog", "item"))
    return " › ".join(p for p in parts if p)


def _section_name(prefix: str) -> str:
    translate = QCoreApplication.translate  # the name pyside6-lupdate knows
    return {"subject": translate("ConflictDialog", "Subject"), "encounter": translate("ConflictDialog", "Encounter"),
            "history": translate("ConflictDialog", "Immigration history"),
            "assessment": translate("ConflictDialog", "Assessment"),
            "offenses": translate("ConflictDialog", "Offenses"), "family": translate("ConflictDialog", "Family"),
            "notes": translate("ConflictDialog", "Notes"),
            "other_ties": translate("ConflictDialog", "Other ties")}.get(prefix, "")


def _items(case: CaseFile, prefix: str) -> tuple[Any, ...]:
    node: Any = case
    for step in prefix.split("."):
        node = getattr(node, step, ())
    return tuple(node or ())


def show_value(value_json: str) -> str:
    """A stored conflict value as a person reads it: text as is, lists one per line, nothing as "(empty)"."""
    translate = QCoreApplication.translate  # the name pyside6-lupdate knows
    value = json.loads(value_json)
    if value is None or value == "" or value == []:
        return translate("ConflictDialog", "(empty — not there on this side)")
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return translate("ConflictDialog", "Yes") if value else translate("ConflictDialog", "No")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    if isinstance(value, dict) and ("deleted" in value or "kept" in value):
        return show_deletion(value)
    if isinstance(value, dict):
        return "\n".join(f"{_words(k)}: {show_value(json.dumps(v))}" for k, v in value.items()
                         if k != "id" and v not in (None, "", [], {}))
    return json.dumps(value, ensure_ascii=False, indent=1)


def show_deletion(value: dict[str, Any]) -> str:
    """One side of a `deleted` conflict in words, its time in the laptop's zone and the locale's format."""
    translate = QCoreApplication.translate  # the name pyside6-lupdate knows
    if value.get("deleted"):
        text = translate("ConflictDialog", "Deleted")
        if value.get("by"):
            text += " " + translate("ConflictDialog", "by %1").replace("%1", str(value["by"]))
        when = shown_time(str(value.get("at") or ""))
        return text + (" " + translate("ConflictDialog", "on %1").replace("%1", when) if when else "") + "."
    if value.get("changed_by"):
        return translate("ConflictDialog", "Kept and changed by %1.").replace("%1", str(value["changed_by"]))
    if isinstance(value.get("revision"), int):
        return translate("ConflictDialog", "Kept and changed here (revision %1).").replace("%1",
                                                                                         str(value["revision"]))
    return translate("ConflictDialog", "Kept.")


def shown_time(iso: str) -> str:
    """A stored UTC time in the laptop's zone, in the locale's short date and time ("" when unreadable)."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    stamp = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


class ConflictDialog(QDialog):
    """The conflicts of one case; `choices()` → {path: "mine" | "theirs"}; Apply resolves them all."""

    def __init__(self, parent: QWidget | None, tasks: TaskManager, case: CaseFile,
                 conflicts: list[StoredConflict], labels: dict[str, str],
                 refusals: dict[str, object] | None = None) -> None:
        """`refusals`: path → why this laptop's value may not be kept there (CaseStore.conflict_choice_refusal):
        only the office's value is offered, and the reason is shown under the field."""
        super().__init__(parent)
        refusals = refusals or {}
        self.tasks = tasks
        self.case = case
        self.conflicts = conflicts
        self.setWindowTitle(self.tr("Resolve sync conflicts — %1").replace("%1", case.case_number))
        intro = QLabel(self.tr("These fields were changed both on this laptop and at the office. For each, choose "
                               "which value to keep; nothing is lost until you apply. The next sync sends your "
                               "choice."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        inner = QWidget()
        rows = QVBoxLayout(inner)
        self.groups: dict[str, QButtonGroup] = {}
        self.mine_views: dict[str, QPlainTextEdit] = {}
        self.theirs_views: dict[str, QPlainTextEdit] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for c in conflicts:
            label = labels.get(c.path, c.path)
            box = QGroupBox(label)
            box.setToolTip(c.path)
            grid = QGridLayout(box)
            mine_text, theirs_text = show_value(c.mine), show_value(c.theirs)
            deletion = c.path == DELETED_PATH
            mine_deletes = deletion and bool((json.loads(c.mine) or {}).get("deleted"))
            mine_view, theirs_view = self._view(mine_text), self._view(theirs_text)
            mine_view.setAccessibleName(self.tr("%1: on this laptop").replace("%1", label))
            theirs_view.setAccessibleName(self.tr("%1: at the office").replace("%1", label))
            if deletion:  # say what each side does to the case, not just whose it is
                keep = QRadioButton(self.tr("Delete the case (as on this laptop)") if mine_deletes else
                                    self.tr("Keep the case (as on this laptop)"))
                take = QRadioButton(self.tr("Keep the case (as at the office)") if mine_deletes else
                                    self.tr("Delete the case (as at the office)"))
            else:
                keep = QRadioButton(self.tr("Keep mine (this laptop)"))
                take = QRadioButton(self.tr("Take theirs (the office)"))
            keep.setAccessibleName(self.tr("%1: keep mine — %2").replace("%1", label).replace("%2", mine_text))
            take.setAccessibleName(self.tr("%1: take theirs — %2").replace("%1", label).replace("%2", theirs_text))
            group = QButtonGroup(box)
            group.addButton(keep)
            group.addButton(take)
            # the side that loses nobody's work is chosen until a person picks the deletion themself
            (take if mine_deletes or c.path in refusals else keep).setChecked(True)
            grid.addWidget(keep, 0, 0)
            grid.addWidget(take, 0, 1)
            grid.addWidget(mine_view, 1, 0)
            grid.addWidget(theirs_view, 1, 1)
            if c.path in refusals:  # a colleague's submitted case: yours is shown, only the office's may stand
                from widgets.translated import tr_message

                keep.setEnabled(False)
                why = QLabel(tr_message(refusals[c.path]))
                why.setWordWrap(True)
                why.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(why, 2, 0, 1, 2)
                keep.setToolTip(why.text())
            self.groups[c.path] = group
            self.mine_views[c.path] = mine_view
            self.theirs_views[c.path] = theirs_view
            self.boxes[c.path] = box
            rows.addWidget(box)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Result"))
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("&Apply my choices"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setDefault(True)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumSize(700, 460)
        first = next(iter(self.groups.values()), None)
        if first is not None:
            (first.checkedButton() or first.buttons()[0]).setFocus()  # Space never flips to the other side

    def _view(self, text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setTabChangesFocus(True)
        view.setFixedHeight(min(140, 28 + 18 * max(1, text.count("\n") + 1)))
        return view

    def choices(self) -> dict[str, str]:
        return {path: "mine" if g.buttons()[0].isChecked() else "theirs" for path, g in self.groups.items()}

    def choose(self, path: str, side: str) -> None:
        self.groups[path].buttons()[0 if side == "mine" else 1].setChecked(True)

    def apply(self) -> None:
        choices = self.choices()
        case_id = self.case.id
        shown = {c.path: c.mine for c in self.conflicts}
        shown_theirs = {c.path: c.theirs for c in self.conflicts}

        def op(store: CaseStore) -> int:
            from storage.sync import resolve

            for path, side in choices.items():
                resolve(store, case_id, path, side, shown=shown.get(path), shown_theirs=shown_theirs.get(path))
            return len(choices)

        def done(count: int) -> None:
            self.resolved = count
            self.accept()

        def failed(exc: BaseException) -> None:
            from desktop.errors import error_text
            from storage.errors import CaseConflict

            self.apply_button.setEnabled(True)
            if isinstance(exc, UserFacingError):
                self.message.setText(self.tr("Not applied: %1").replace("%1", error_text(exc)))
                if isinstance(exc, CaseConflict):  # a field changed on this laptop meanwhile: show it as it is now
                    self.refresh()
            else:
                from desktop.errors import show_error

                show_error(self, exc)

        self.apply_button.setEnabled(False)
        self.tasks.run_op(parent=self, op=op).success(done).failure(failed)

    def resolved_message(self, case_number: str) -> str:
        """What the status bar says once the choices are applied."""
        return self.tr("Resolved %n field(s) of %1; the next sync sends them.", "", self.resolved).replace(
            "%1", case_number)

    def refresh(self) -> None:
        """Read the case's open conflicts again: "mine" as the case stands now; a field already resolved goes."""
        case_id = self.case.id

        def op(store: CaseStore) -> list[StoredConflict]:
            from storage.sync import current_conflicts

            return current_conflicts(store, case_id)

        def got(conflicts: list[StoredConflict]) -> None:
            now = {c.path: c for c in conflicts}
            self.conflicts = [c for c in conflicts if c.path in self.groups]
            for path in list(self.groups):
                if path not in now:
                    self.boxes[path].hide()
                    del self.groups[path]
                else:
                    self.mine_views[path].setPlainText(show_value(now[path].mine))
                    self.theirs_views[path].setPlainText(show_value(now[path].theirs))

        self.tasks.run_op(parent=self, op=op).success(got)

    resolved = 0


def open_conflicts(controller: OfficeController, case_id: str | None = None) -> None:
    """Open the dialog for `case_id`, else the open case if it has conflicts, else the first case that has."""
    window = controller.window
    ws = window.workspace
    if ws is not None:
        ws.flush()  # what was just typed is what "Keep mine" shows and keeps (the save is queued before `find`)
    wanted = case_id or (ws.editor.case_id() if ws is not None else None)
    form_labels = _form_labels(window)

    def find(store: CaseStore) -> tuple[CaseFile, list[StoredConflict], dict[str, object]] | None:
        from storage.sync import current_conflicts

        every = current_conflicts(store)  # "mine" as the case stands now, edits since the conflict included
        ids = [c.case_id for c in every]
        chosen = wanted if wanted in ids else (ids[0] if ids else None)
        if chosen is None:
            return None
        conflicts = [c for c in every if c.case_id == chosen]
        refusals: dict[str, object] = {}
        for c in conflicts:
            if c.path != DELETED_PATH and (why := store.conflict_choice_refusal(chosen, c.path, json.loads(c.mine))):
                refusals[c.path] = why
        return store.get_case(chosen), conflicts, refusals

    def found(result: tuple[CaseFile, list[StoredConflict], dict[str, object]] | None) -> None:
        if result is None:
            window.statusBar().showMessage(QCoreApplication.translate("ConflictDialog",
                                                                      "No sync conflicts to resolve."), 8000)
            return
        case, conflicts, refusals = result
        policies = ws.editor.policies if ws is not None else None
        labels = {c.path: field_label(c.path, case, policies, form_labels) for c in conflicts}

        def after(result_code: int) -> None:
            if result_code and dlg.resolved:
                window.statusBar().showMessage(dlg.resolved_message(case.case_number), 10000)
                controller.refresh_status()
                if ws is not None:
                    ws.reload_if_clean()

        dlg = ConflictDialog(window, controller.tasks, case, conflicts, labels, refusals)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(after)
        window.conflict_dialog = dlg
        dlg.open()

    controller.tasks.run_op(parent=window, op=find).success(found)


def _form_labels(window: Any) -> dict[str, str]:
    """The case form's own field labels by path (what the officer sees beside each input)."""
    ws = window.workspace
    labels: dict[str, str] = {}
    if ws is None:
        return labels
    for _title, section in ws.editor.sections:
        for path, widget in section._fields.items():
            labels[path] = widget.accessibleName()
    return labels
