"""Every Office screen walked for mnemonic clashes and unnamed focusable widgets, and photographed at 1024×700 and
1920×1080: the case list with sync marks, Office settings (linked, and joining), members, the sync preview,
the conflict dialog and the review queue — on a real folder office."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from casework.model import Officer, Subject
from storage.office import link
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import shot, unlock, wait_unlocked
from tests.desktop.test_office_sync import make_cases, office_sync
from tests.desktop.walkers import clashes, unnamed_focusable
from tests.office import conftest as office_fixtures
from tests.office.conftest import Laptops

office = office_fixtures.office
laptops = office_fixtures.laptops
SIZES = [(1024, 700), (1920, 1080)]


def office_screens(qtbot, launch, laptops: Laptops, tmp_path: Path, size: tuple[int, int]):
    """(name, widget) for every Office screen, as the supervisor Sam (the office's administrator) and as a new
    officer who has not joined yet."""
    from casework.assessment import ReviewDecision
    from tests.storage.test_record_integrity import ready_case

    shared = make_cases(laptops.alice, "Núñez")[0]
    submitted = ready_case(laptops.alice)
    laptops.alice.submit_case(submitted.id)
    office_sync(laptops, laptops.alice)
    office_sync(laptops, laptops.sam)
    for store, notes in ((laptops.alice, "Alice's note"), (laptops.sam, "Sam's note")):
        case = store.get_case(shared)
        store.update_case(replace(case, notes=notes, subject=Subject(family_name="Núñez", given_names="María")))
        store.close_revision(shared)
    office_sync(laptops, laptops.alice)
    office_sync(laptops, laptops.sam)  # a conflict on Sam's side
    ready = ready_case(laptops.bob)
    laptops.bob.submit_case(ready.id)
    office_sync(laptops, laptops.bob)
    office_sync(laptops, laptops.sam)
    laptops.sam.review_case(ready.id, ReviewDecision.RETURNED, "Court record missing.")
    with CaseStore.create(tmp_path / "dan", PASSPHRASE, Officer("Dan Ruiz", "DR-9", "Field Office Example")) as dan:
        link.join_office(dan, laptops.office.make())  # a request waiting for approval
    make_cases(laptops.sam, "Pending")

    laptops.sam.close()
    window = launch(Path(laptops.sam.paths.data_dir))
    window.resize(*size)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.office.sync_action.isEnabled() and len(window.model.sync_marks) == 4, timeout=15000)
    yield "case list with sync marks", window

    window.office.ask_settings()
    qtbot.waitUntil(lambda: getattr(window, "office_dialog", None) is not None and window.office_dialog.isVisible(),
                    timeout=15000)
    yield "office settings", window.office_dialog
    window.office_dialog.reject()

    window.office.ask_members()
    dlg = window.members_dialog
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 4, timeout=15000)
    dlg.table.selectRow(3)  # Dan's request
    yield "office members", dlg
    dlg.reject()

    window.office.sync_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) is not None and window.sync_dialog.phase == "ready",
                    timeout=10000)
    yield "sync preview", window.sync_dialog
    window.sync_dialog.reject()

    window.office.ask_conflicts(shared)
    qtbot.waitUntil(lambda: getattr(window, "conflict_dialog", None) is not None
                    and window.conflict_dialog.isVisible())
    yield "conflict dialog", window.conflict_dialog
    window.conflict_dialog.reject()

    window.office.ask_review_queue()
    qtbot.waitUntil(lambda: getattr(window, "review_queue", None) is not None
                    and window.review_queue.case is not None)
    yield "review queue", window.review_queue
    window.review_queue.reject()
    window.close()
    window.shutdown()

    CaseStore.create(tmp_path / "eve", PASSPHRASE, Officer("Eve Diaz", "ED-4", "Field Office Example")).close()
    eve = launch(tmp_path / "eve")
    eve.resize(*size)
    unlock(qtbot, eve)
    wait_unlocked(qtbot, eve)
    qtbot.waitUntil(lambda: eve.office.join_action.isEnabled(), timeout=15000)
    eve.office.join_action.trigger()
    qtbot.waitUntil(lambda: getattr(eve, "office_dialog", None) is not None and eve.office_dialog.isVisible(),
                    timeout=15000)
    yield "join an office", eve.office_dialog


@pytest.mark.parametrize("office", ["folder"], indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_office_screens_walked_and_photographed(qtbot, launch, laptops: Laptops, tmp_path, size):
    problems: dict[str, list[str]] = {}
    names = []
    for name, w in office_screens(qtbot, launch, laptops, tmp_path, size):
        QApplication.processEvents()
        found = clashes(w) + unnamed_focusable(w)
        if found:
            problems[name] = found
        assert w.width() <= size[0] and w.height() <= size[1], f"{name} does not fit {size}"
        slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
        shot(w, f"screen-{size[0]}x{size[1]}-office-{slug}")
        names.append(name)
    assert problems == {}
    assert len(names) == 7
