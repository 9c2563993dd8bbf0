from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from casework.model import CaseStatus, CaseSummary
from widgets.case_list_model import CaseListModel


def summaries(n: int) -> list[CaseSummary]:
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    return [CaseSummary(f"id{i}", f"CF-2026-X-{i:04d}", f"Family{i}", "Given", (f"alias{i}",), f"A{i:09d}",
                        CaseStatus.DRAFT, t0 + timedelta(hours=i), 1) for i in range(n)]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = CaseListModel()
    model.set_cases(summaries(25))
    qtmodeltester.check(model, force_py=True)
    model.set_filter("family1")
    qtmodeltester.check(model, force_py=True)


def test_filter_sort_and_upsert():
    model = CaseListModel()
    model.set_cases(summaries(12))
    assert model.case_at(0).id == "id11"  # newest first by default
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.case_at(0).case_number == "CF-2026-X-0000"
    model.set_filter("alias1")
    assert {model.case_at(r).id for r in range(model.rowCount())} == {"id1", "id10", "id11"}
    model.upsert(CaseSummary("id99", "CF-2026-X-0099", "New", "", ("alias1x",), "", CaseStatus.DRAFT, None, 1))
    assert model.rowCount() == 4 and model.total() == 13
    assert model.row_of("id99") >= 0
    assert model.data(model.index(model.row_of("id1"), 0), Qt.ItemDataRole.ToolTipRole) == "Also known as: alias1"
