"""The lazy case list model against a real store: pages, sorting in the store, search with reasons, refreshes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import QModelIndex, Qt

from casework.model import CaseFile, Subject
from casework.search import PAGE
from storage.store import CaseStore
from widgets.case_list_model import MATCH_ROLE, CaseListModel
from widgets.sync_state_delegate import SYNC_NOTE_ROLE

N = PAGE * 2 + 50


@pytest.fixture
def filled(store: CaseStore) -> CaseStore:
    cases = [CaseFile(id=f"{i:032x}", case_number=f"CF-2026-X-{i:04d}",
                      subject=Subject(family_name=f"Family{i:04d}", given_names="Given", aliases=(f"alias{i}",),
                                      a_number=f"A{i:09d}")) for i in range(N)]
    store.import_cases(cases)
    return store


def model_of(store: CaseStore) -> CaseListModel:
    """The model with the store answering at once (the app answers from the store thread, later)."""
    model = CaseListModel()
    model.set_fetch(lambda request: model.deliver(request, store.case_page(request)))
    model.reload()
    return model


def test_model_passes_qt_model_tester(qtmodeltester, filled):
    model = model_of(filled)
    qtmodeltester.check(model, force_py=True)
    model.set_filter("family0001")
    qtmodeltester.check(model, force_py=True)


def test_pages_load_as_the_view_scrolls(filled):
    model = model_of(filled)
    assert model.rowCount() == PAGE and model.total() == N and model.matches() == N
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == N
    assert len({model.case_at(r).id for r in range(N)}) == N
    updated = [model.case_at(r).updated_at for r in range(N)]
    assert updated == sorted(updated, reverse=True)  # newest first


@pytest.mark.parametrize(("column", "key"), [
    (0, lambda c: c.case_number), (1, lambda c: c.family_name.casefold()), (2, lambda c: c.a_number),
])
def test_sorting_is_done_by_the_store_across_pages(filled, column, key):
    model = model_of(filled)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(column, order)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        rows = [model.case_at(r) for r in range(model.rowCount())]
        assert len(rows) == N
        assert [key(c) for c in rows] == sorted((key(c) for c in rows), reverse=order == Qt.SortOrder.DescendingOrder)


def test_search_ranks_and_explains(filled):
    model = model_of(filled)
    model.set_filter("alias12")
    assert model.searching()
    ids = [model.case_at(r).id for r in range(model.rowCount())]
    assert ids[0] == f"{12:032x}"  # exact first, then alias120…alias129 (prefix)
    assert set(ids) == {f"{i:032x}" for i in [12, *range(120, 130)]}
    first = model.index(0, 1)
    why = "alias = “\u2068alias12\u2069”"  # the stored word in bidi isolates (an Arabic name stays in place)
    assert model.data(first, MATCH_ROLE) == why
    assert model.data(first, Qt.ItemDataRole.ToolTipRole) == f"Matched: {why}\nAlso known as: alias12"
    assert model.data(first, Qt.ItemDataRole.AccessibleTextRole) == f"Family0012, Given, matched by {why}"
    assert not model.canFetchMore(QModelIndex())
    model.set_filter("")
    assert model.rowCount() == PAGE and model.data(model.index(0, 1), MATCH_ROLE) == ""


def test_refresh_keeps_loaded_rows_and_follows_changes(filled):
    model = model_of(filled)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    oldest = filled.get_case(f"{0:032x}")
    saved = filled.update_case(replace(oldest, subject=replace(oldest.subject, family_name="Renamed"))).case
    (summary,) = filled.list_cases([saved.id])
    model.upsert(summary)
    assert model.rowCount() == 2 * PAGE  # what was loaded stays loaded
    assert model.case_at(0).id == saved.id and model.case_at(0).family_name == "Renamed"  # newest now
    model.remove(saved.id)
    assert model.row_of(saved.id) == -1 and model.total() == N - 1


def test_stale_answers_are_dropped(filled):
    model = CaseListModel()
    asked = []
    model.set_fetch(asked.append)
    model.reload()
    model.set_filter("family0003")
    old, new = asked
    model.deliver(new, filled.case_page(new))
    model.deliver(old, filled.case_page(old))  # arrives late: ignored
    assert [model.case_at(r).family_name for r in range(model.rowCount())] == ["Family0003"]
    model.clear()
    model.deliver(new, filled.case_page(new))  # answered after locking: ignored
    assert model.rowCount() == 0 and model.total() == 0


def test_sync_marks_follow_the_case_across_pages_and_searches(filled):
    model = model_of(filled)
    first = model.case_at(0).id
    assert model.data(model.index(0, 3), SYNC_NOTE_ROLE) is None
    model.set_sync_marks({first: ("conflict", "")})
    assert model.data(model.index(0, 3), SYNC_NOTE_ROLE) == ("conflict", "")
    model.set_filter(model.case_at(0).family_name)
    assert model.case_at(0).id == first and model.data(model.index(0, 3), SYNC_NOTE_ROLE) == ("conflict", "")
