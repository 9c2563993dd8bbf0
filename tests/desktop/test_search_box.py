"""Finding people from the search box: the issue's spellings and scripts typed key by key, the best match first,
the reason in the tooltip and for screen readers, hostile text, and a long list paged as it scrolls."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from casework.model import CaseFile, Subject
from casework.search import PAGE
from storage.store import CaseStore
from tests.casework.test_search import ISSUE_PAIRS, TESTDATA
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import shot, type_text, unlock, wait_unlocked

DISTRACTORS = ["Martinez", "Kowalski", "Smith", "Petrova", "Johansson"]


def store_with(data_dir, names: list[str]) -> dict[str, str]:
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        results = store.import_cases([CaseFile(id="", case_number="", subject=Subject(family_name=n,
                                                                                      given_names="Test"))
                                      for n in names])
        return {r.case.subject.family_name: r.case.id for r in results}


def launched(qtbot, launch, data_dir, count: int):
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == count)
    return window


def search(qtbot, window, text: str) -> list[str]:
    window.search.clear()
    qtbot.waitUntil(lambda: not window.model.busy())
    type_text(window.search, text)
    qtbot.waitUntil(lambda: not window.model.busy())
    return [window.model.case_at(r).id for r in range(window.model.rowCount())]


def test_the_issue_spellings_typed_in_the_search_box(qtbot, launch, data_dir):
    stored = sorted({name for _query, name, _how in ISSUE_PAIRS})
    ids = store_with(data_dir, [*stored, *DISTRACTORS])
    window = launched(qtbot, launch, data_dir, len(ids))
    for query, name, _how in ISSUE_PAIRS:
        found = search(qtbot, window, query)
        assert ids[name] in found, (query, name)
        assert not {ids[d] for d in DISTRACTORS} & set(found), query
        row = window.model.row_of(ids[name])
        cell = window.model.index(row, 1)
        tip = window.model.data(cell, Qt.ItemDataRole.ToolTipRole)
        spoken = window.model.data(cell, Qt.ItemDataRole.AccessibleTextRole)
        assert tip.startswith("Matched: name") and f"“\u2068{name}\u2069”" in tip, tip
        assert spoken.startswith(f"{name}, Test, matched by name"), spoken
    found = search(qtbot, window, "Mohammed")
    assert {ids["Muhammad"], ids["محمد"]} == set(found)
    assert window.count_label.text() == f"2 of {len(ids)} cases"
    assert "transliterated mhmd, sounds like “\u2068Mohammed\u2069”" in window.model.why(ids["محمد"])
    first = window.model.case_at(0)
    assert window.workspace.match_label.isVisible()  # the reason of the first row, under the list
    assert window.workspace.match_label.text() == f"\u2068{first.display_name}\u2069: {window.model.why(first.id)}"
    window.table.selectRow(window.model.row_of(ids["محمد"]))
    assert window.workspace.match_label.text() == "\u2068محمد, Test\u2069: " + window.model.why(ids["محمد"])
    shot(window, "search-spellings")
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ids))
    assert window.count_label.text() == f"{len(ids)} cases" and not window.workspace.match_label.isVisible()


def test_hostile_text_in_the_search_box_never_breaks_the_list(qtbot, launch, data_dir):
    data = json.loads((TESTDATA / "hostile-text.json").read_text(encoding="utf-8"))
    texts = [n["text"] for n in data["names"]]
    ids = store_with(data_dir, [t for t in texts if t != "\u202eevil\u202c"])  # that one is refused in a name
    window = launched(qtbot, launch, data_dir, len(ids))
    for text in [*texts, '"', "NEAR(", "*", "name:", "(", "'; DROP TABLE cases; --"]:
        search(qtbot, window, text)
        assert window.model.busy() is False
    assert ids["Мария Иванова"] in search(qtbot, window, "Mariya Ivanova")
    assert window.isVisible() and window.unlocked


def test_a_long_list_loads_page_by_page_and_keeps_the_selection(qtbot, launch, data_dir):
    names = [f"Person{i:04d}" for i in range(PAGE + 60)]
    ids = store_with(data_dir, names)
    window = launched(qtbot, launch, data_dir, len(names))
    assert window.model.rowCount() == PAGE  # one page, not every case
    assert window.count_label.text() == f"{len(names)} cases"
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == len(names))
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not window.model.busy() and window.model.case_at(0).family_name == "Person0000")
    chosen = ids["Person0007"]
    window.table.selectRow(window.model.row_of(chosen))
    qtbot.waitUntil(lambda: window.editor.case_id() == chosen)
    window.model.reload()  # a refresh (another window saved, a sync came in): the selection follows the case id
    qtbot.waitUntil(lambda: not window.model.busy())
    assert window.table.currentIndex().row() == window.model.row_of(chosen)
