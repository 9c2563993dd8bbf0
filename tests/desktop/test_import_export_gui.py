"""File ▸ Import… and File ▸ Export…: a preview of what will come in (new, already present, refused and why),
the work on the store thread with progress and Cancel, a result per file, the CLI's output-safety rules, and
an audit entry for each import and export."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from casework.exchange import dump_case, load_case
from casework.model import CaseFile, Subject
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import shot, unlock, wait_unlocked
from tests.desktop.walkers import clashes, unnamed_focusable


def walked(dlg) -> None:
    """The walkers of every screen: no mnemonic clash, no unnamed focusable widget."""
    assert clashes(dlg) == [] and unnamed_focusable(dlg) == []


def started(qtbot, launch, data_dir, names=("Okafor",)):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.import_cases([CaseFile(id="", case_number="", subject=Subject(family_name=n)) for n in names])
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == len(names))
    return window


def from_store(window, qtbot, op):
    got: list = []
    window.tasks.run_op(parent=None, op=op).success(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    return got[0]


def press_ctrl(qtbot, window, key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)


def choose_files(qtbot, window, paths: list[Path]) -> None:
    """Ctrl+I, then the files chosen in the file dialog (as its Open button reports them)."""
    press_ctrl(qtbot, window, Qt.Key.Key_I)
    dialog = window.import_flow.file_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.filesSelected.emit([str(p) for p in paths])
    dialog.close()


def exchange_files(window, qtbot, folder: Path) -> dict[str, Path]:
    present = from_store(window, qtbot, lambda store: store.get_case(store.list_cases()[0].id))
    files = {"present": folder / "present.json", "new": folder / "new.json", "refused": folder / "refused.json",
             "bad date": folder / "bad-date.json"}
    files["present"].write_text(dump_case(present), encoding="utf-8")
    files["new"].write_text(dump_case(CaseFile(id="", case_number="", subject=Subject(
        family_name="Nguyễn", given_names="Thị Minh Khai"))), encoding="utf-8")
    files["refused"].write_bytes(b"\x89PNG not an exchange file")
    doc = json.loads(dump_case(CaseFile(id="", case_number="", subject=Subject(family_name="Late"))))
    doc["case"]["subject"]["date_of_birth"] = "2020-13"
    files["bad date"].write_text(json.dumps(doc), encoding="utf-8")
    return files


def test_import_previews_then_imports_with_a_result_per_file(qtbot, launch, data_dir, tmp_path):
    window = started(qtbot, launch, data_dir)
    files = exchange_files(window, qtbot, tmp_path)
    choose_files(qtbot, window, list(files.values()))
    qtbot.waitUntil(lambda: window.import_flow.preview is not None and window.import_flow.preview.isVisible(),
                    timeout=10000)
    preview = window.import_flow.preview
    rows = {preview.table.item(r, 0).text(): (preview.table.item(r, 1).text(), preview.table.item(r, 2).text())
            for r in range(preview.table.rowCount())}
    assert rows["new.json"] == ("imported (new)", "no case number yet · Nguyễn, Thị Minh Khai")
    kind, detail = rows["present.json"]
    assert kind == "already in the store" and "already in the store as CF-" in detail
    assert rows["refused.json"] == ("refused", "not UTF-8 text")
    assert rows["bad-date.json"] == ("refused", "case.subject.date_of_birth: '2020-13': month 13 does not exist")
    assert preview.summary.text() == "4 files: 1 new, 1 already in the store, 2 refused."
    assert preview.import_button.text() == "&Import 1 file" and not preview.replace.isChecked()
    shot(preview, "import-preview")
    walked(preview)
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    qtbot.keyClick(preview, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "&Import 1 file"

    qtbot.waitUntil(lambda: window.import_flow.result is not None and window.import_flow.result.isVisible(),
                    timeout=10000)
    result = window.import_flow.result
    assert result.headline.text() == "1 file imported; 3 not."
    lines = result.details.toPlainText().splitlines()
    assert lines[0].startswith("Imported CF-") and lines[0].endswith(f"from {files['new']}")
    assert any(line.startswith("present.json: not imported: ") and "already in the store as CF-" in line
               for line in lines)
    assert any(line.startswith("refused.json: not imported: ") for line in lines)
    shot(result, "import-result")
    walked(result)
    qtbot.waitUntil(lambda: window.model.total() == 2)
    actions = from_store(window, qtbot, lambda store: [e.action for e in store.audit_entries()])
    assert actions.count("case_imported") == 2  # the store's own first import, and this one


def test_replace_imports_a_case_already_in_the_store_as_unchanged(qtbot, launch, data_dir, tmp_path):
    window = started(qtbot, launch, data_dir)
    files = exchange_files(window, qtbot, tmp_path)
    choose_files(qtbot, window, [files["present"]])
    qtbot.waitUntil(lambda: window.import_flow.preview is not None and window.import_flow.preview.isVisible(),
                    timeout=10000)
    preview = window.import_flow.preview
    assert not preview.import_button.isEnabled()
    preview.replace.setChecked(True)
    assert preview.import_button.isEnabled() and preview.import_button.text() == "&Import 1 file"
    preview.import_button.click()
    qtbot.waitUntil(lambda: window.import_flow.result is not None, timeout=10000)
    assert "holds the same record" in window.import_flow.result.details.toPlainText()


def test_cancel_stops_an_import_with_nothing_imported(qtbot, launch, data_dir, tmp_path):
    window = started(qtbot, launch, data_dir)
    paths = []
    for n in range(3):
        paths.append(tmp_path / f"{n}.json")
        paths[-1].write_text(dump_case(CaseFile(id="", case_number="", subject=Subject(family_name=f"N{n}"))),
                             encoding="utf-8")
    choose_files(qtbot, window, paths)
    qtbot.waitUntil(lambda: window.import_flow.preview is not None and window.import_flow.preview.isVisible(),
                    timeout=10000)
    gate = threading.Event()
    window.tasks.run_op(parent=None, op=lambda store: gate.wait(10))  # the import waits behind this
    window.import_flow.preview.import_button.click()
    progress = window.import_flow.progress_dialog
    qtbot.waitUntil(progress.isVisible, timeout=10000)  # shown once the work takes longer than a moment
    shot(progress, "import-progress")
    qtbot.keyClick(progress, Qt.Key.Key_Escape)  # Cancel
    gate.set()
    qtbot.waitUntil(lambda: window.import_flow.result is not None, timeout=10000)
    assert window.import_flow.result.headline.text() == "0 files imported; 3 not."
    assert window.import_flow.result.details.toPlainText().count("not imported (cancelled)") == 3
    assert from_store(window, qtbot, lambda store: store.count_cases()) == 1


def choose_export(qtbot, window, *, everything: bool, replace: bool = False):
    press_ctrl(qtbot, window, Qt.Key.Key_E)
    dlg = window.export_flow.dialog
    qtbot.waitUntil(dlg.isVisible)
    (dlg.all if everything else dlg.one).setChecked(True)
    dlg.replace.setChecked(replace)
    shot(dlg, "export-dialog")
    walked(dlg)
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.export_flow.file_dialog.isVisible())
    return window.export_flow.file_dialog


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_export_the_selected_case_to_a_file(qtbot, launch, data_dir, tmp_path):
    window = started(qtbot, launch, data_dir, names=("Okafor", "Мария Иванова"))
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.editor.case_id() is not None)
    case_id = window.editor.case_id()
    file_dialog = choose_export(qtbot, window, everything=False)
    target = tmp_path / "one.json"
    file_dialog.fileSelected.emit(str(target))
    file_dialog.close()
    qtbot.waitUntil(lambda: window.export_flow.done_box is not None, timeout=10000)
    assert window.export_flow.done_box.text() == f"Exported 1 case to {target}."
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert load_case(target.read_bytes()).id == case_id
    entries = from_store(window, qtbot, lambda store: store.audit_entries(case_id))
    assert entries[-1].action == "case_exported" and entries[-1].detail.endswith("one.json")


def test_export_refuses_the_data_folder_and_existing_files_and_cancel_writes_nothing(qtbot, launch, data_dir,
                                                                                      tmp_path):
    window = started(qtbot, launch, data_dir, names=("Okafor", "Abebe"))
    inside = choose_export(qtbot, window, everything=True)
    inside.fileSelected.emit(str(data_dir / "exports"))
    inside.close()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10000)
    (box,) = message_boxes()
    assert box.windowTitle() == "Not written" and "inside the profile's data folder" in box.text()
    box.accept()
    assert not (data_dir / "exports").exists()

    out = tmp_path / "out"
    out.mkdir()
    numbers = [window.model.case_at(r).case_number for r in range(2)]
    (out / f"{numbers[0]}.json").write_text("kept", encoding="utf-8")
    again = choose_export(qtbot, window, everything=True)
    again.fileSelected.emit(str(out))
    again.close()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=10000)
    (box,) = message_boxes()
    assert "already exists" in box.text()
    box.accept()
    assert sorted(p.name for p in out.iterdir()) == [f"{numbers[0]}.json"]
    assert (out / f"{numbers[0]}.json").read_text(encoding="utf-8") == "kept"

    gate = threading.Event()
    window.tasks.run_op(parent=None, op=lambda store: gate.wait(10))
    third = choose_export(qtbot, window, everything=True, replace=True)
    third.fileSelected.emit(str(out))
    third.close()
    progress = window.export_flow.progress_dialog
    qtbot.waitUntil(progress.isVisible, timeout=10000)
    said: list[str] = []  # every status line shown (a later one, e.g. the list's refresh, may replace it at once)
    window.statusBar().messageChanged.connect(said.append)
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    gate.set()
    qtbot.waitUntil(lambda: any("Export cancelled" in m for m in said), timeout=10000)
    window.tasks.wait_idle()
    assert sorted(p.name for p in out.iterdir()) == [f"{numbers[0]}.json"]

    fourth = choose_export(qtbot, window, everything=True, replace=True)
    fourth.fileSelected.emit(str(out))
    fourth.close()
    qtbot.waitUntil(lambda: window.export_flow.done_box is not None, timeout=10000)
    shot(window.export_flow.done_box, "export-finished")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.json" for n in numbers)
    actions = from_store(window, qtbot, lambda store: [e.action for e in store.audit_entries()])
    assert actions.count("case_exported") == 2


def test_a_lock_during_an_import_shows_nothing_of_it_over_the_locked_window(qtbot, launch, data_dir, tmp_path):
    window = started(qtbot, launch, data_dir)
    files = exchange_files(window, qtbot, tmp_path)
    choose_files(qtbot, window, [files["new"]])
    qtbot.waitUntil(lambda: window.import_flow.preview is not None and window.import_flow.preview.isVisible(),
                    timeout=10000)
    gate = threading.Event()
    window.tasks.run_op(parent=None, op=lambda store: gate.wait(10))
    window.import_flow.preview.import_button.click()
    window.lock()
    gate.set()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    assert window.import_flow.result is None  # imported (before the store closed), but nothing shown
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and "Nguyễn" in
                " ".join(c.text() for c in w.findChildren(QLabel))]
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == 2)
