"""Attachments in the window, driven as an officer would: add through the file chooser (the OS part is
patched: it only returns paths), thumbnails, the viewer, removing, and "Open in another program…" with its
temporary copy deleted on lock. Nothing of an attachment reaches the data folder or the temp folder in
plaintext (a raw-bytes scan, with a negative control)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import shiboken6
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from casework.attachments import MAX_BYTES
from storage.store import CaseStore
from tests import attachment_files as files
from tests.conftest import MARKER, OFFICER, PASSPHRASE, files_containing
from tests.desktop.conftest import open_the_only_case, shot


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """The temp folder and the runtime folder of this test only, so a scan of them sees nothing else."""
    import tempfile

    temp, runtime = tmp_path / "tmp", tmp_path / "run"
    temp.mkdir()
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return temp, runtime


@pytest.fixture
def outside_opened(monkeypatch):
    """The desktop's "open this file with its program" (the OS part): records what it was asked to open."""
    opened: list[Path] = []

    def fake_open(url):
        path = Path(url.toLocalFile())
        opened.append(path)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return opened


def choose_files(monkeypatch, paths):
    """The OS file chooser returns `paths` (everything after it is the real app)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def draft_window(qtbot, launch, data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.new_case()
    window = open_the_only_case(qtbot, launch, data_dir)
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.attachments)
    return window


def message_boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def originals(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "chosen"
    folder.mkdir()
    out = {}
    for name, data in ((f"Паспорт {MARKER}.jpg", files.jpeg(MARKER, (640, 480))),
                       (f"Statement {MARKER}.pdf", files.pdf(MARKER, pages=3)),
                       ("‮gpj.exe scan.png", files.png(MARKER, (300, 420)))):
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


def add_all(qtbot, window, monkeypatch, paths):
    section = window.editor.attachments
    choose_files(monkeypatch, paths)
    before = len(section.value())
    qtbot.mouseClick(section.add_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(section.value()) == before + len(paths), timeout=10000)
    window.tasks.wait_idle()


def test_add_view_and_remove_through_the_window(qtbot, launch, data_dir, tmp_path, monkeypatch, private_temp):
    window = draft_window(qtbot, launch, data_dir)
    section = window.editor.attachments
    chosen = originals(tmp_path)
    add_all(qtbot, window, monkeypatch, list(chosen.values()))
    items = section.value()
    assert [a.media_type for a in items] == ["image/jpeg", "application/pdf", "image/png"]
    assert items[2].file_name == "\u202egpj.exe scan.png"
    assert section.list.item(2).text().startswith("gpj.exe scan.png")  # the override is not shown
    controller = window.workspace.attachments
    qtbot.waitUntil(lambda: all(controller._thumbs.get(a.sha256) is not None for a in items), timeout=10000)
    assert controller._thumbs[items[1].sha256].width() <= 128  # the PDF's first page, from memory
    window.resize(1100, 760)
    shot(window, "attachments-section")

    # the viewer: a photo with zoom, then a PDF page by page
    section.select(items[0].id)
    section.view_button.click()
    qtbot.waitUntil(lambda: len(controller.viewers) == 1, timeout=5000)
    viewer = controller.viewers[0]
    qtbot.waitExposed(viewer)
    assert viewer.image_label is not None and not viewer.image_label.pixmap().isNull()
    fitted = viewer.scale
    viewer.zoom_in.click()
    assert viewer.scale == pytest.approx(fitted * 1.25)
    viewer.actual_button.click()
    assert viewer.scale == 1.0
    viewer.fit_button.click()
    shot(viewer, "attachment-viewer-photo")
    viewer.reject()
    qtbot.waitUntil(lambda: controller.viewers == [])
    section.select(items[1].id)
    section.view_button.click()
    qtbot.waitUntil(lambda: len(controller.viewers) == 1, timeout=5000)
    viewer = controller.viewers[0]
    qtbot.waitExposed(viewer)
    assert viewer.pdf_view is not None and viewer.pdf_view.document().pageCount() == 3
    qtbot.wait(300)  # QPdfView renders pages in the background
    shot(viewer, "attachment-viewer-pdf")
    viewer.reject()

    # a caption, printed with the exhibits
    section.select(items[1].id)
    section.caption_button.click()
    qtbot.waitUntil(lambda: controller.confirm_box is not None and controller.confirm_box.isVisible())
    controller.confirm_box.setTextValue("Statement of the subject, 3 pages ")
    controller.confirm_box.accept()
    qtbot.waitUntil(lambda: section.value()[1].caption == "Statement of the subject, 3 pages", timeout=5000)
    assert "Statement of the subject, 3 pages" in section.list.item(1).toolTip()

    # remove asks first; Cancel keeps it
    section.select(items[0].id)
    section.remove_button.click()
    qtbot.waitUntil(lambda: controller.confirm_box is not None and controller.confirm_box.isVisible())
    controller.confirm_box.button(QMessageBox.StandardButton.Cancel).click()
    window.tasks.wait_idle()
    assert len(section.value()) == 3
    section.remove_button.click()
    qtbot.waitUntil(lambda: controller.confirm_box is not None and controller.confirm_box.isVisible())
    controller.confirm_box.accept_button.click()
    qtbot.waitUntil(lambda: len(section.value()) == 2, timeout=5000)
    window.tasks.wait_idle()
    window.close()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        (case,) = [store.get_case(s.id) for s in store.list_cases()]
        assert [a.id for a in case.attachments] == [items[1].id, items[2].id]
        actions = [e.action for e in store.audit_entries(case.id)]
        assert actions.count("attachment_added") == 3 and actions.count("attachment_viewed") == 2
        assert actions.count("attachment_removed") == 1 and actions.count("attachment_captioned") == 1
        assert case.attachments[0].caption == "Statement of the subject, 3 pages"


def test_files_dropped_on_the_list_are_added(qtbot, launch, data_dir, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    window = draft_window(qtbot, launch, data_dir)
    section = window.editor.attachments
    chosen = originals(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in chosen.values()])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(section.list.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(section.list.viewport(), drop)
    qtbot.waitUntil(lambda: len(section.value()) == 3, timeout=10000)
    window.tasks.wait_idle()


def test_adding_runs_off_the_window_with_a_progress_line(qtbot, launch, data_dir, tmp_path, monkeypatch):
    import threading

    window = draft_window(qtbot, launch, data_dir)
    section = window.editor.attachments
    chosen = originals(tmp_path)
    gate = threading.Event()
    window.tasks.run_op(parent=None, op=lambda store: gate.wait(10))  # the store thread is busy
    choose_files(monkeypatch, list(chosen.values())[:2])
    section.add_button.click()  # returns at once: the window stays responsive
    assert section.progress.isVisible()
    assert section.progress.text() == f"Adding “Паспорт {MARKER}.jpg” (5.3 KB)… Waiting: 1."
    gate.set()
    qtbot.waitUntil(lambda: len(section.value()) == 2 and not section.progress.isVisible(), timeout=10000)
    window.tasks.wait_idle()


def test_a_file_over_the_limit_is_refused_with_its_name(qtbot, launch, data_dir, tmp_path, monkeypatch):
    window = draft_window(qtbot, launch, data_dir)
    big = tmp_path / "whole archive.pdf"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing is read to refuse it
    choose_files(monkeypatch, [big])
    window.editor.attachments.add_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    (box,) = message_boxes()
    assert box.text().startswith("“whole archive.pdf” is 26,214,401 bytes; attachments are limited to 25.0 MB "
                                 "(26,214,400 bytes).")
    shot(box, "attachment-too-large")
    box.close()
    assert window.editor.attachments.value() == ()


def test_a_submitted_case_offers_no_add_or_remove(qtbot, launch, data_dir):
    from tests.storage.test_record_integrity import ready_case

    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        case = ready_case(store)
        store.add_attachment(case.id, files.png(MARKER), "a.png")
        store.submit_case(case.id)
    window = open_the_only_case(qtbot, launch, data_dir)
    section = window.editor.attachments
    section.list.setCurrentRow(0)
    assert not section.add_button.isEnabled() and not section.remove_button.isEnabled()
    assert section.view_button.isEnabled() and section.outside_button.isEnabled()
    assert "not a draft" in section.hint.text()


def test_open_in_another_program_warns_and_the_copy_goes_on_lock(qtbot, launch, data_dir, tmp_path, monkeypatch,
                                                                   private_temp, outside_opened):
    _temp, runtime = private_temp
    window = draft_window(qtbot, launch, data_dir)
    section = window.editor.attachments
    chosen = originals(tmp_path)
    add_all(qtbot, window, monkeypatch, [chosen[f"Statement {MARKER}.pdf"]])
    controller = window.workspace.attachments
    section.list.setCurrentRow(0)
    section.outside_button.click()
    qtbot.waitUntil(lambda: controller.confirm_box is not None and controller.confirm_box.isVisible())
    box = controller.confirm_box
    assert "temporary, unencrypted copy" in box.informativeText() and "lock Casefile" in box.informativeText()
    shot(box, "attachment-open-outside-warning")
    box.button(QMessageBox.StandardButton.Cancel).click()
    window.tasks.wait_idle()
    assert outside_opened == [] and files_containing(runtime, MARKER) == []
    section.outside_button.click()
    qtbot.waitUntil(lambda: controller.confirm_box is not None and controller.confirm_box.isVisible())
    controller.confirm_box.accept_button.click()
    qtbot.waitUntil(lambda: len(outside_opened) == 1, timeout=5000)
    (copy,) = outside_opened
    assert copy.is_relative_to(runtime / "casefile-outside")
    assert copy.name == f"Statement {MARKER}.pdf"
    assert copy.read_bytes() == chosen[f"Statement {MARKER}.pdf"].read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600 and stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert files_containing(runtime, MARKER) == [copy]  # the scan sees the one copy the officer agreed to
    section.view_button.click()  # a viewer open at the lock closes with it
    qtbot.waitUntil(lambda: len(controller.viewers) == 1, timeout=5000)
    viewer = controller.viewers[0]
    window.lock_action.trigger()
    window.tasks.wait_idle()
    assert not copy.exists() and files_containing(runtime, MARKER) == []
    assert controller.viewers == [] and controller._thumbs == {}  # no picture of the case kept past the lock
    qtbot.waitUntil(lambda: not shiboken6.isValid(viewer))  # closed and deleted, its content with it
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert "attachment_opened_outside" in [e.action for e in store.audit_entries()]


def test_leftovers_of_a_crashed_session_are_swept_at_the_next_start(tmp_path):
    from desktop.dialogs.attachment_outside import OutsideCopies, sweep_leftovers

    root = tmp_path / "outside"
    dead = root / "999999999-abc"  # no such process
    dead.mkdir(parents=True)
    (dead / "statement.pdf").write_bytes(files.pdf(MARKER))
    mine = OutsideCopies(root)
    from casework.model import Attachment

    kept = mine.write(Attachment("0" * 64, "x.pdf", "application/pdf", 1), b"%PDF-1.4 x")
    assert sweep_leftovers(root) == 1
    assert not dead.exists() and kept.exists()  # this process's own copy is not a leftover
    mine.remove_all()
    assert not kept.exists()


def test_no_attachment_content_in_the_data_or_temp_folder(qtbot, launch, data_dir, tmp_path, monkeypatch,
                                                          private_temp):
    """After adding, viewing (photo and PDF), printing the memo and a backup: the marker inside the JPEG
    comment, the PDF's text and the PNG's text chunk is in no file under the data folder or the temp folders.
    The negative control plants the marker in both and shows the same scan finds it."""
    temp, runtime = private_temp
    window = draft_window(qtbot, launch, data_dir)
    section = window.editor.attachments
    controller = window.workspace.attachments
    add_all(qtbot, window, monkeypatch, list(originals(tmp_path).values()))
    for item in section.value():
        section.select(item.id)
        section.view_button.click()
        qtbot.waitUntil(lambda: len(controller.viewers) == 1, timeout=5000)
        qtbot.waitExposed(controller.viewers[0])
        controller.viewers[0].reject()
        qtbot.waitUntil(lambda: controller.viewers == [])
    from casework.policy import PolicyLibrary
    from desktop.operations.memo import record_print, render_case_memo
    from printing.memo import MemoSettings

    rendered = []
    render_case_memo(tasks=window.tasks, parent=window, case_id=window.editor.case_id(), settings=MemoSettings(),
                     policies=PolicyLibrary.bundled()).success(rendered.append)
    window.tasks.wait_idle()
    assert rendered and b"Exhibits" in __import__("subprocess").run(
        ["pdftotext", "-", "-"], input=rendered[0].pdf, capture_output=True, check=True).stdout
    record_print(tasks=window.tasks, parent=window, memo=rendered[0], how="saved")
    window.tasks.run_op(parent=window, op=lambda store: store.backup("before a test scan"))
    window.tasks.wait_idle()
    window.lock_action.trigger()
    window.tasks.wait_idle()
    scanned = [data_dir, temp, runtime]
    assert any(p.is_file() for p in data_dir.rglob("*"))
    for folder in scanned:
        assert files_containing(folder, MARKER) == [], folder
    # negative control: the same scan finds the marker once it is there in plaintext
    for folder in scanned:
        planted = folder / "planted.bin"
        planted.write_bytes(b"\x00junk" + files.png(MARKER) + b"junk")
        assert files_containing(folder, MARKER) == [planted]
        os.remove(planted)


def test_a_copy_no_program_opens_is_deleted_at_once_and_the_officer_told(qtbot, launch, data_dir, tmp_path,
                                                                           monkeypatch, private_temp):
    _temp, runtime = private_temp
    asked: list[Path] = []

    def no_program(url):
        asked.append(Path(url.toLocalFile()))
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_program))
    window = draft_window(qtbot, launch, data_dir)
    section = window.editor.attachments
    chosen = originals(tmp_path)
    add_all(qtbot, window, monkeypatch, [chosen[f"Statement {MARKER}.pdf"]])
    controller = window.workspace.attachments
    section.list.setCurrentRow(0)
    section.outside_button.click()
    qtbot.waitUntil(lambda: controller.confirm_box is not None and controller.confirm_box.isVisible())
    controller.confirm_box.accept_button.click()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)

    def told() -> QMessageBox | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                     and "No program on this computer opened" in w.text()), None)

    qtbot.waitUntil(lambda: told() is not None, timeout=5000)
    assert f"Statement {MARKER}.pdf" in told().text() and "application/pdf" in told().text()
    assert not asked[0].exists() and files_containing(runtime, MARKER) == []
    told().close()
