"""A supervisor's decision is bound to the digest of the content reviewed, on each backend: the officer is told a
decision arrived (until the case is opened), a decision is stale once the case changes after it, and a decision
whose digest is not the case it was made on is rejected by name on pull."""

from __future__ import annotations

import json
from dataclasses import replace

from casework.assessment import ReviewDecision
from casework.body import dump_body
from casework.model import CaseStatus
from casework.workflow import review
from storage.office import crypto, link
from storage.office.backend import Record
from storage.store import CaseStore
from storage.sync import push_id, sync
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run
from tests.office.conftest import Laptops
from tests.office.test_sync import run_sync
from tests.storage.test_record_integrity import ready_case


def submitted_at_the_office(laptops: Laptops) -> str:
    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    return case.id


def test_the_officer_is_told_a_decision_arrived_until_the_case_is_opened(laptops: Laptops, capsys, tmp_path):
    case_id = submitted_at_the_office(laptops)
    laptops.sam.review_case(case_id, ReviewDecision.RETURNED, "Obtain the court record.")
    run_sync(laptops, laptops.sam)
    assert laptops.sam.decision_notices() == {}  # the supervisor's own decision is no news to him
    run_sync(laptops, laptops.alice)
    notice = laptops.alice.decision_notices()[case_id]
    assert (notice.decision, notice.actor) == ("returned", "SR-7")
    state = laptops.alice.decision(case_id)
    assert (state.event.event, state.bound, state.stale) == ("returned", True, False)
    number = laptops.alice.get_case(case_id).case_number
    laptops.alice.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    where = ["--data-dir", str(tmp_path / "alice"), "--passphrase-file", str(pw)]
    code, out, _err = run(capsys, *where, "list")
    assert code == 0 and out.count("\tnew decision") == 1 and number in out
    code, out, _err = run(capsys, *where, "show", number)
    assert code == 0 and "decision: returned by SR-7" in out and "bound to the content reviewed" in out
    assert "comment: Obtain the court record." in out
    code, out, _err = run(capsys, *where, "list", "--json")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["decision_unseen"], row["decision_stale"]) == (False, False)  # opened with `show`: seen


def test_a_decision_is_stale_once_the_case_changes_after_it(laptops: Laptops, capsys, tmp_path):
    case_id = submitted_at_the_office(laptops)
    laptops.sam.review_case(case_id, ReviewDecision.RETURNED, "Obtain the court record.")
    run_sync(laptops, laptops.sam)
    run_sync(laptops, laptops.alice)
    assert laptops.alice.stale_decisions() == set()
    laptops.alice.reopen_case(case_id, "")
    assert laptops.alice.stale_decisions() == set()  # reopening alone changes nothing reviewed
    case = laptops.alice.get_case(case_id)
    laptops.alice.update_case(replace(case, notes="The court record arrived on Tuesday."))
    assert laptops.alice.stale_decisions() == {case_id}
    assert laptops.alice.decision(case_id).stale
    laptops.alice.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    where = ["--data-dir", str(tmp_path / "alice"), "--passphrase-file", str(pw)]
    code, out, _err = run(capsys, *where, "list")
    assert code == 0 and "decision stale: the case changed after the review" in out
    code, out, _err = run(capsys, *where, "show", case_id)
    assert "STALE: the case changed after this review" in out


def push_signed(laptops: Laptops, signer: CaseStore, case_id: str, body: str) -> None:
    """`signer` pushes `body` as the next office revision of the case, correctly sealed and signed."""
    state = signer.sync_base(case_id)
    lk = link.require_link(signer)
    rec = Record(case_id, state.office_rev + 1, state.office_rev, lk.member_id, 1,
                 push_id(lk.office_id, case_id, state.office_rev, body), {})
    envelope = crypto.seal(link.content_keys(signer)[1], rec.header(lk.office_id),
                           json.dumps({"body": body, "local_revision": 9}).encode(), signer.profile_signing_key())
    office = laptops.backend(signer)
    assert office.push(replace(rec, envelope=envelope)).accepted
    office.close()


def test_a_decision_bound_to_another_digest_is_rejected_by_name(laptops: Laptops):
    case_id = submitted_at_the_office(laptops)
    case = laptops.sam.get_case(case_id)
    concurred = review(case, ReviewDecision.CONCURRED, "", "SR-7", case.updated_at)
    event = replace(concurred.assessment.history[-1], digest="0" * 64)
    forged = replace(concurred, revision=case.revision + 1, assessment=replace(
        concurred.assessment, history=(*concurred.assessment.history[:-1], event)))
    push_signed(laptops, laptops.sam, case_id, dump_body(forged))
    report = sync(laptops.alice, laptops.backend(laptops.alice))
    assert len(report.rejected) == 1
    assert "its concurred decision is bound to digest 000000000000, which is not the case it was made on; " \
           "refused" in report.rejected[0]
    assert laptops.alice.get_case(case_id).status is CaseStatus.SUBMITTED
    assert laptops.alice.decision_notices() == {}


def test_casefile_queue_lists_the_supervisors_cases_with_filters(laptops: Laptops, capsys, tmp_path):
    waiting = submitted_at_the_office(laptops)
    returned = submitted_at_the_office(laptops)
    laptops.sam.review_case(returned, ReviewDecision.RETURNED, "Obtain the court record.")
    numbers = {i: laptops.sam.get_case(i).case_number for i in (waiting, returned)}
    laptops.sam.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    where = ["--data-dir", str(tmp_path / "sam"), "--passphrase-file", str(pw)]
    code, out, err = run(capsys, *where, "queue")
    assert (code, err) == (0, "") and len(out.splitlines()) == 2
    code, out, _err = run(capsys, *where, "queue", "--waiting")
    assert out.splitlines()[0].startswith(numbers[waiting] + "\t") and len(out.splitlines()) == 1
    assert "\tAM-101\t0 d" in out
    code, out, _err = run(capsys, *where, "queue", "--returned", "--officer", "AM-101")
    assert out.splitlines()[0].startswith(numbers[returned] + "\t") and len(out.splitlines()) == 1
    code, out, _err = run(capsys, *where, "queue", "--officer", "BO-202")
    assert out == ""
    code, out, _err = run(capsys, *where, "queue", "--older-than", "1")
    assert out == ""  # submitted today
    code, _out, err = run(capsys, *where, "queue", "--older-than", "-1")
    assert code == 2 and "--older-than: give a number of days, 0 or more" in err
