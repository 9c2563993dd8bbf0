"""Who may reopen, change and resubmit a colleague's case, on both backends: only the officer who submitted it
(or, to reopen, a supervisor). Bob's store refuses him by name, and a record in which another laptop did it
anyway — an old or altered Casefile, signed by Bob — is refused by every laptop on pull, naming Bob."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.assessment import ReviewDecision
from casework.body import dump_body
from casework.model import CaseFile, CaseStatus, Role
from casework.workflow import reopen
from storage.errors import ReadOnlyCase, WorkflowRefused
from storage.sync import sync
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run
from tests.office.conftest import Laptops
from tests.office.test_review_binding import push_signed, submitted_at_the_office
from tests.office.test_sync import edit, run_sync


def concurred_everywhere(laptops: Laptops) -> str:
    case_id = submitted_at_the_office(laptops)
    laptops.sam.review_case(case_id, ReviewDecision.CONCURRED)
    run_sync(laptops, laptops.sam)
    for store in (laptops.alice, laptops.bob):
        run_sync(laptops, store)
    assert laptops.bob.get_case(case_id).status is CaseStatus.CONCURRED
    return case_id


def bobs_forged_reopen(laptops: Laptops, case_id: str) -> CaseFile:
    """Bob reopens and edits Alice's concurred case past his store's rule, and pushes it signed; returns the case as
    it was before."""
    case = laptops.bob.get_case(case_id)
    forged = reopen(case, "I want to change it", "BO-202", case.updated_at, role=Role.SUPERVISOR)  # past the rule
    push_signed(laptops, laptops.bob, case_id, dump_body(replace(forged, revision=case.revision + 1,
                                                                  notes="Bob's text")))
    return case


def test_another_officer_cannot_reopen_a_concurred_case(laptops: Laptops):
    case_id = concurred_everywhere(laptops)
    number = laptops.bob.get_case(case_id).case_number
    with pytest.raises(WorkflowRefused) as refused:
        laptops.bob.reopen_case(case_id, "I want to change it")
    assert str(refused.value) == f"Case {number}: only AM-101, who submitted it, or a supervisor can reopen it."
    assert laptops.bob.get_case(case_id).status is CaseStatus.CONCURRED


def test_the_cli_refuses_another_officers_reopen_in_one_line(laptops: Laptops, capsys, tmp_path):
    case_id = concurred_everywhere(laptops)
    number = laptops.bob.get_case(case_id).case_number
    laptops.bob.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "bob"), "--passphrase-file", str(pw), "reopen",
                         number, "--reason", "I want to change it")
    assert (code, out) == (2, "")
    assert err == f"casefile: Case {number}: only AM-101, who submitted it, or a supervisor can reopen it.\n"


def test_a_supervisor_reopens_but_only_the_officer_edits_and_resubmits(laptops: Laptops):
    case_id = concurred_everywhere(laptops)
    laptops.sam.reopen_case(case_id, "The court record changed")
    run_sync(laptops, laptops.sam)
    run_sync(laptops, laptops.bob)
    case = laptops.bob.get_case(case_id)
    assert case.status is CaseStatus.DRAFT
    with pytest.raises(ReadOnlyCase) as refused:
        laptops.bob.update_case(replace(case, notes="Bob's text"))
    assert str(refused.value) == (f"Case {case.case_number}: it was submitted by AM-101; only that officer can "
                                  "change or resubmit it.")
    with pytest.raises(WorkflowRefused, match="only that officer can change or resubmit it"):
        laptops.bob.submit_case(case_id)
    with pytest.raises(ReadOnlyCase, match="only that officer can change or resubmit it"):
        laptops.bob.add_attachment(case_id, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "scan.png")
    with pytest.raises(ReadOnlyCase, match="only that officer can change or resubmit it"):
        laptops.sam.update_case(replace(laptops.sam.get_case(case_id), notes="Sam's text"))
    run_sync(laptops, laptops.alice)
    edit(laptops.alice, case_id, notes="The amended court record")  # the officer does
    laptops.alice.submit_case(case_id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    assert laptops.sam.get_case(case_id).status is CaseStatus.SUBMITTED


def test_a_pulled_reopen_by_another_officer_is_refused_by_every_laptop(laptops: Laptops):
    case_id = concurred_everywhere(laptops)
    case = bobs_forged_reopen(laptops, case_id)
    for store in (laptops.alice, laptops.sam):
        report = sync(store, laptops.backend(store))
        assert len(report.rejected) == 1
        assert report.rejected[0].endswith(": BO-202 reopens a case AM-101 submitted; only that officer or a "
                                           "supervisor may; refused.")
        kept = store.get_case(case_id)
        assert (kept.status, kept.notes) == (CaseStatus.CONCURRED, case.notes)


def test_a_pulled_edit_of_a_colleagues_reopened_case_is_refused(laptops: Laptops):
    case_id = concurred_everywhere(laptops)
    laptops.alice.reopen_case(case_id, "A new document arrived")
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.bob)
    case = laptops.bob.get_case(case_id)
    forged = replace(case, revision=case.revision + 1, notes="Bob's text")
    push_signed(laptops, laptops.bob, case_id, dump_body(forged))
    for store in (laptops.alice, laptops.sam):
        report = sync(store, laptops.backend(store))
        assert len(report.rejected) == 1
        assert report.rejected[0].endswith(": BO-202 changes a case AM-101 submitted; only that officer may; "
                                           "refused.")
        assert store.get_case(case_id).notes == case.notes


def test_a_pulled_edit_of_a_concurred_case_without_reopening_is_refused(laptops: Laptops):
    case_id = concurred_everywhere(laptops)
    case = laptops.alice.get_case(case_id)
    forged = replace(case, revision=case.revision + 1, notes="changed after the decision")
    push_signed(laptops, laptops.alice, case_id, dump_body(forged))
    report = sync(laptops.sam, laptops.backend(laptops.sam))
    assert len(report.rejected) == 1
    assert report.rejected[0].endswith(": AM-101 changes the content of a concurred case without reopening it; "
                                       "refused.")
    from desktop import cli_i18n

    assert cli_i18n.Catalogue("es").text(report.rejected[0]).endswith(  # the status in Spanish too
        ": AM-101 modifica el contenido de un caso en estado «conforme» sin reabrirlo; se rechaza.")
    assert laptops.sam.get_case(case_id).notes == case.notes


def test_a_pulled_resubmission_by_another_officer_is_refused(laptops: Laptops):
    case_id = concurred_everywhere(laptops)
    laptops.sam.reopen_case(case_id, "The court record changed")
    run_sync(laptops, laptops.sam)
    run_sync(laptops, laptops.bob)
    case = laptops.bob.get_case(case_id)
    history = (*case.assessment.history, replace(case.assessment.history[0], actor="BO-202",
                                                 at=case.updated_at))
    forged = replace(case, revision=case.revision + 1, status=CaseStatus.SUBMITTED,
                     assessment=replace(case.assessment, history=history))
    push_signed(laptops, laptops.bob, case_id, dump_body(forged))
    report = sync(laptops.alice, laptops.backend(laptops.alice))
    assert len(report.rejected) == 1
    assert report.rejected[0].endswith(": BO-202 submits again a case AM-101 submitted; only that officer may; "
                                       "refused.")
    assert laptops.alice.get_case(case_id).status is CaseStatus.DRAFT


def test_a_refused_record_at_the_head_does_not_lock_the_case_for_its_officer(laptops: Laptops):
    """Bob's forged reopen sits at the office as the case's newest record, refused by every laptop. Alice (who
    submitted the case) reopens and edits it: her push goes over the refused record instead of waiting on it for
    good, every laptop takes her version, and once they have, the refused record no longer keeps a sync from
    ending in step."""
    case_id = concurred_everywhere(laptops)
    bobs_forged_reopen(laptops, case_id)
    for store in (laptops.alice, laptops.sam):
        assert len(sync(store, laptops.backend(store)).rejected) == 1
    laptops.alice.reopen_case(case_id, "The court record changed")
    edit(laptops.alice, case_id, notes="Alice's correction")
    report = sync(laptops.alice, laptops.backend(laptops.alice))
    assert report.pushed == 1 and report.waiting == []
    sync(laptops.sam, laptops.backend(laptops.sam))  # reads Bob's record once more, then Alice's over it
    for store in (laptops.sam, laptops.alice):
        again = sync(store, laptops.backend(store))
        assert again.rejected == [] and again.in_step, again.summary()
        kept = store.get_case(case_id)
        assert (kept.status, kept.notes) == (CaseStatus.DRAFT, "Alice's correction")
