"""`casefile queue` and the review queue window list the same cases for the same filter (both ask
casework.queue_filter), on a supervisor's store holding a case in every state, from two officers, of every age —
and one stamped by an officer's laptop whose clock runs ahead."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import storage.store
from casework.assessment import ReviewDecision
from casework.model import CaseStatus, Officer, Role
from storage.bundle import make_bundle, read_bundle, receive_for_review
from storage.review_queue import review_queue
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.test_cli import run
from tests.storage.test_record_integrity import SUPERVISOR, ready_case
from widgets.review_queue_widget import AGES, ReviewQueueWidget

OTHER = Officer("Ana Mora", "AM-101", "Field Office Example")


def submitted_days_ago(monkeypatch, folder: Path, officer: Officer, days: float) -> bytes:
    """A case `officer` submitted `days` ago by their laptop's clock (negative: a clock running ahead), as the
    signed bundle that brings it to the supervisor."""
    real_now = storage.store._now
    monkeypatch.setattr(storage.store, "_now", lambda: real_now() - timedelta(days=days))
    try:
        with (CaseStore.open(folder, PASSPHRASE) if folder.exists() else
              CaseStore.create(folder, PASSPHRASE, officer)) as store:
            case = ready_case(store)
            store.submit_case(case.id)
            return make_bundle(store, case.id)
    finally:
        monkeypatch.setattr(storage.store, "_now", real_now)


def test_the_cli_and_the_window_list_the_same_cases_for_every_filter(qtbot, capsys, monkeypatch, tmp_path):
    cases = [(OFFICER, 0.25, None), (OTHER, 10.5, None), (OFFICER, 2.5, ReviewDecision.RETURNED),
             (OTHER, 40.5, ReviewDecision.CONCURRED), (OFFICER, 5.5, ReviewDecision.NONCONCURRED),
             (OTHER, 1.5, ReviewDecision.RETURNED), (OTHER, -0.5, None)]  # the last: Ana's clock runs ahead
    bundles = [submitted_days_ago(monkeypatch, tmp_path / officer.officer_id, officer, days)
               for officer, days, _decision in cases]
    supervisor = tmp_path / "supervisor"
    with CaseStore.create(supervisor, PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR) as store:
        for bundle, (_officer, _days, decision) in zip(bundles, cases, strict=True):
            case = receive_for_review(store, read_bundle(bundle)).case
            if decision is not None:
                store.review_case(case.id, decision, "" if decision is ReviewDecision.CONCURRED else "See notes.")
        rows = review_queue(store)
    assert {r.status for r in rows} == {CaseStatus.SUBMITTED, CaseStatus.RETURNED, CaseStatus.CONCURRED,
                                        CaseStatus.NONCONCURRED}
    widget = ReviewQueueWidget()
    qtbot.addWidget(widget)
    widget.set_rows(rows)
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    flags = {"submitted": ["--waiting"], "returned": ["--returned"], "decided": ["--decided"], "all": []}
    seen = set()
    for show, officer, days in itertools.product(flags, ("", OFFICER.officer_id, OTHER.officer_id), AGES):
        widget.show_filter.setCurrentIndex(widget.show_filter.findData(show))
        widget.officer_filter.setCurrentIndex(widget.officer_filter.findData(officer))
        widget.age_filter.setCurrentIndex(widget.age_filter.findData(days))
        assert (widget.show_filter.currentData(), widget.officer_filter.currentData() or "",
                widget.age_filter.currentData()) == (show, officer, days)
        code, out, err = run(capsys, "--data-dir", str(supervisor), "--passphrase-file", str(pw), "queue",
                             *flags[show], *(["--officer", officer] if officer else []), "--older-than", str(days))
        assert (code, err) == (0, "")
        listed = [line.split("\t")[0] for line in out.splitlines()]
        shown = [r.case_number for r in widget.shown()]
        assert listed == shown, (show, officer, days)
        seen.add(len(shown))
    assert len(seen) > 3  # the filters did tell the cases apart
