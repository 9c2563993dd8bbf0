"""The review queue widget on its own: filters by status, officer and age, oldest first, and a stale decision said
in words (qtmodeltester-free: a QTableWidget)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from casework.model import CaseStatus
from widgets.review_queue_widget import ReviewQueueWidget

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def row(case_id: str, status: CaseStatus, officer: str, days: float, stale: bool = False):
    return SimpleNamespace(case_id=case_id, case_number=f"CF-{case_id}", name=f"Name {case_id}", status=status,
                           officer_id=officer, officer_name=f"Officer {officer}",
                           submitted_at=NOW - timedelta(days=days), decided_at=None, stale=stale, revision=3)


def test_filters_and_a_stale_decision(qtbot):
    w = ReviewQueueWidget()
    qtbot.addWidget(w)
    w.now = lambda: NOW
    w.set_rows([row("a", CaseStatus.SUBMITTED, "AM-101", 8), row("b", CaseStatus.SUBMITTED, "BO-202", 0.5),
                row("c", CaseStatus.RETURNED, "AM-101", 2), row("d", CaseStatus.CONCURRED, "BO-202", 40, stale=True)])
    ids = lambda: [r.case_id for r in w.shown()]  # noqa: E731
    assert ids() == ["a", "b"]  # waiting, as given (the store sorts oldest first)
    assert w.table.item(0, 3).text() == "8 days" and w.table.item(1, 3).text() == "12 hours"
    w.age_filter.setCurrentIndex(w.age_filter.findData(7))
    assert ids() == ["a"]
    w.age_filter.setCurrentIndex(0)
    w.officer_filter.setCurrentIndex(w.officer_filter.findData("BO-202"))
    assert ids() == ["b"]
    w.show_filter.setCurrentIndex(w.show_filter.findData("decided"))
    assert ids() == ["d"]
    assert w.table.item(0, 4).text() == "Concurred — stale" and "changed after" in w.table.item(0, 4).toolTip()
    w.officer_filter.setCurrentIndex(0)
    w.show_filter.setCurrentIndex(w.show_filter.findData("returned"))
    assert ids() == ["c"] and w.value().case_id == "c"
    assert w.count.text() == "1 of 4 submitted cases"
    w.show_filter.setCurrentIndex(w.show_filter.findData("all"))
    assert len(ids()) == 4


def test_a_submission_stamped_by_a_clock_running_ahead_says_so(qtbot):
    """A laptop whose clock runs 400 days ahead: the wait reads "clock ahead", not a negative or raw "%n hour"."""
    w = ReviewQueueWidget()
    qtbot.addWidget(w)
    w.now = lambda: NOW
    w.set_rows([row("a", CaseStatus.SUBMITTED, "AM-101", -400), row("b", CaseStatus.SUBMITTED, "BO-202", -0.01)])
    assert [w.table.item(i, 3).text() for i in range(2)] == ["clock ahead", "clock ahead"]


def test_counts_in_the_office_screens_are_real_plurals_in_english_and_spanish(qtbot):
    """"1 of 4 submitted cases", "2 backups.", "1 case to send" — never "case(s)" — and the Spanish forms."""
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n

    def shown(context: str, source: str, n: int) -> str:
        return QCoreApplication.translate(context, source, "", n)

    assert shown("ReviewQueueWidget", "%1 of %n submitted case(s)", 1) == "%1 of 1 submitted case"
    assert shown("BackupsDialog", "%n backup(s).", 2) == "2 backups."
    assert shown("OfficeSettingsDialog", "%n case(s) to send;", 1) == "1 case to send;"
    assert shown("ConflictDialog", "Resolved %n field(s) of %1; the next sync sends them.", 1) == \
        "Resolved 1 field of %1; the next sync sends it."
    i18n.install("es")
    try:
        assert shown("ReviewQueueWidget", "%1 of %n submitted case(s)", 4) == "%1 de 4 casos presentados"
        assert shown("OfficeMembersDialog", "%n member(s),", 1) == "1 miembro,"
        assert shown("OfficeSettingsDialog", "%n case(s) to send;", 0) == "0 casos por enviar;"
        assert shown("ConflictDialog", "Resolved %n field(s) of %1; the next sync sends them.", 2) == \
            "Se resolvieron 2 campos de %1; la próxima sincronización los envía."
    finally:
        i18n.install("en")
