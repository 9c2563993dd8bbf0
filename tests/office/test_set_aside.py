"""A colleague's offline edit to a case that was submitted meanwhile (both backends).

Alice and Bob hold the same draft; Bob edits it offline while Alice submits it. Only Alice may change it now, so
Bob's laptop may not merge his edit into her submitted case and push it (every other laptop would refuse that
record, and Bob's laptop would split off from the office for good). It applies the rule itself: it takes the
office's copy as it stands and keeps Bob's changed values as sync conflicts (nothing is lost), says why, refuses
Bob's own value while the case is Alice's, and goes on taking in what the office brings — Sam's decision too.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from casework.assessment import ReviewDecision
from casework.model import CaseFile, CaseStatus, Subject
from storage.errors import InvalidCase, ReadOnlyCase
from storage.store import CaseStore
from storage.sync import current_conflicts, resolve
from tests.office.conftest import Laptops
from tests.office.test_sync import edit, run_sync
from tests.storage.test_record_integrity import ready_case

BOBS_NOTES = "Bob's notes, typed offline"
HOSTILE = [n["text"] for n in json.loads((Path(__file__).resolve().parents[2] / ".." / "shared" / "testdata" /
                                          "hostile-text.json").read_text(encoding="utf-8"))["names"]]


def shared_draft(laptops: Laptops) -> str:
    """Alice's complete draft, synced to Bob and Sam."""
    case = ready_case(laptops.alice)
    laptops.alice.update_case(replace(laptops.alice.get_case(case.id), notes="Alice's notes"))
    laptops.alice.close_revision(case.id)
    for store in (laptops.alice, laptops.bob, laptops.sam):
        run_sync(laptops, store)
    return case.id


def bob_edits_offline(laptops: Laptops, case_id: str) -> None:
    case = laptops.bob.get_case(case_id)
    edit(laptops.bob, case_id, notes=BOBS_NOTES, subject=replace(case.subject, family_name="Okafor-Edited"))


def office_copy_of(laptops: Laptops, case_id: str) -> dict[str, object]:
    """The case as Alice (in step with the office) holds it, without what each store keeps for itself."""
    case = laptops.alice.get_case(case_id)
    return {"status": case.status, "notes": case.notes, "family_name": case.subject.family_name,
            "history": [(e.event, e.actor) for e in case.assessment.history] if case.assessment else []}


def as_bob_holds_it(laptops: Laptops, case_id: str) -> dict[str, object]:
    case = laptops.bob.get_case(case_id)
    return {"status": case.status, "notes": case.notes, "family_name": case.subject.family_name,
            "history": [(e.event, e.actor) for e in case.assessment.history] if case.assessment else []}


def bobs_kept_values(store: CaseStore, case_id: str) -> dict[str, object]:
    return {c.path: json.loads(c.mine) for c in current_conflicts(store, case_id)}


def test_bobs_edit_to_a_case_alice_submitted_is_set_aside_not_pushed(laptops: Laptops):
    alice, bob, sam = laptops.alice, laptops.bob, laptops.sam
    case_id = shared_draft(laptops)
    bob_edits_offline(laptops, case_id)
    alice.submit_case(case_id)
    run_sync(laptops, alice)
    number = alice.get_case(case_id).case_number

    report = run_sync(laptops, bob)  # nothing refused
    assert report.pushed == 0
    assert (report.office_cases, report.office_digest) == (report.local_cases, report.local_digest)
    assert as_bob_holds_it(laptops, case_id) == office_copy_of(laptops, case_id)
    assert bob.get_case(case_id).status is CaseStatus.SUBMITTED
    assert bobs_kept_values(bob, case_id) == {"notes": BOBS_NOTES, "subject.family_name": "Okafor-Edited"}
    assert {c.path: json.loads(c.theirs) for c in bob.sync_conflicts(case_id)} == {
        "notes": "Alice's notes", "subject.family_name": alice.get_case(case_id).subject.family_name}
    assert report.set_aside == [
        f"your changes to case {number} were not sent: AM-101 submitted it meanwhile and only that officer can "
        "change it (it is submitted at the office); the office's copy is kept here and your values wait as sync "
        "conflicts"]
    assert report.set_aside[0] in report.summary()
    assert not report.in_step and report.held == [number]  # a person must choose; nothing waits to go up

    for store in (alice, sam):  # nothing of Bob's reached the office: nobody refuses anything
        run_sync(laptops, store)
    assert alice.get_case(case_id).notes == "Alice's notes"

    sam.review_case(case_id, ReviewDecision.CONCURRED)
    run_sync(laptops, sam)
    later = run_sync(laptops, bob)  # Sam's decision is taken in: Bob holds the office's copy
    assert bob.get_case(case_id).status is CaseStatus.CONCURRED
    assert as_bob_holds_it(laptops, case_id)["history"] == [("submitted", "AM-101"), ("concurred", "SR-7")]
    assert later.set_aside == []  # told once
    assert bobs_kept_values(bob, case_id) == {"notes": BOBS_NOTES, "subject.family_name": "Okafor-Edited"}
    assert (later.office_cases, later.office_digest) == (later.local_cases, later.local_digest)


def test_bob_may_not_keep_his_value_while_the_case_is_alices(laptops: Laptops):
    alice, bob = laptops.alice, laptops.bob
    case_id = shared_draft(laptops)
    bob_edits_offline(laptops, case_id)
    alice.submit_case(case_id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    number = bob.get_case(case_id).case_number
    revision = bob.get_case(case_id).revision

    with pytest.raises(ReadOnlyCase) as refused:
        resolve(bob, case_id, "notes", "mine")
    assert str(refused.value) == (
        f"Case {number}: it was submitted by AM-101; only that officer can change or resubmit it, so your value for "
        "notes cannot be kept; choose the office's value (yours stays in this laptop's history).")
    assert bob.get_case(case_id).revision == revision  # nothing written
    assert bobs_kept_values(bob, case_id)["notes"] == BOBS_NOTES  # still there to choose

    for path in ("notes", "subject.family_name"):
        shown = next(c.mine for c in current_conflicts(bob, case_id) if c.path == path)
        resolve(bob, case_id, path, "theirs", shown=shown)
    assert bob.sync_conflicts(case_id) == []
    assert as_bob_holds_it(laptops, case_id) == office_copy_of(laptops, case_id)
    report = run_sync(laptops, bob)
    assert report.in_step and report.pushed == 0  # the office's copy: nothing to send
    assert any(BOBS_NOTES in body for body in _bodies(bob, case_id))  # Bob's text stays in his history


def _bodies(store: CaseStore, case_id: str) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT body FROM case_revisions WHERE case_id = ?", (case_id,))]


@pytest.mark.parametrize("decision", [ReviewDecision.RETURNED, ReviewDecision.CONCURRED])
def test_bobs_edit_arrives_after_sams_decision(laptops: Laptops, decision: ReviewDecision):
    """The mirror: Bob syncs only once Alice submitted and Sam decided; both records reach him in one sync."""
    alice, bob, sam = laptops.alice, laptops.bob, laptops.sam
    case_id = shared_draft(laptops)
    bob_edits_offline(laptops, case_id)
    alice.submit_case(case_id)
    run_sync(laptops, alice)
    run_sync(laptops, sam)
    sam.review_case(case_id, decision, "Add the court record." if decision is ReviewDecision.RETURNED else "")
    run_sync(laptops, sam)
    run_sync(laptops, alice)

    report = run_sync(laptops, bob)
    assert report.pushed == 0 and len(report.set_aside) == 1
    assert (report.office_cases, report.office_digest) == (report.local_cases, report.local_digest)
    assert as_bob_holds_it(laptops, case_id) == office_copy_of(laptops, case_id)
    assert bobs_kept_values(bob, case_id) == {"notes": BOBS_NOTES, "subject.family_name": "Okafor-Edited"}
    with pytest.raises(ReadOnlyCase, match="it was submitted by AM-101; only that officer can change"):
        resolve(bob, case_id, "subject.family_name", "mine")
    for store in (alice, sam):
        run_sync(laptops, store)

    if decision is ReviewDecision.RETURNED:  # Alice reopens and edits: Bob's values still wait, still refused
        alice.reopen_case(case_id, "")
        edit(alice, case_id, notes="Alice's notes, with the court record")
        run_sync(laptops, alice)
        run_sync(laptops, bob)
        assert as_bob_holds_it(laptops, case_id) == office_copy_of(laptops, case_id)
        assert bob.get_case(case_id).status is CaseStatus.DRAFT
        assert {c.path: (json.loads(c.mine), json.loads(c.theirs)) for c in current_conflicts(bob, case_id)} == {
            "notes": (BOBS_NOTES, "Alice's notes, with the court record"),
            "subject.family_name": ("Okafor-Edited", alice.get_case(case_id).subject.family_name)}
        with pytest.raises(ReadOnlyCase, match="it was submitted by AM-101"):
            resolve(bob, case_id, "notes", "mine")


def test_an_edit_that_may_stand_is_still_merged_and_sent(laptops: Laptops):
    """A draft nobody submitted is shared work: Bob's offline edit and Alice's merge and go up as before."""
    alice, bob, sam = laptops.alice, laptops.bob, laptops.sam
    case_id = shared_draft(laptops)
    bob_edits_offline(laptops, case_id)
    edit(alice, case_id, encounter=replace(alice.get_case(case_id).encounter, place="Port of entry 7"))
    run_sync(laptops, alice)
    report = run_sync(laptops, bob)
    assert (report.merged, report.pushed, report.set_aside, report.in_step) == (1, 1, [], True)
    run_sync(laptops, alice)
    assert alice.get_case(case_id).notes == BOBS_NOTES
    assert alice.get_case(case_id).encounter.place == "Port of entry 7"
    run_sync(laptops, sam)


def sam_concurs_offline(laptops: Laptops) -> tuple[CaseFile, str]:
    """Alice submits a case, both sync, and Sam concurs without syncing: the case and its number."""
    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    laptops.sam.review_case(case.id, ReviewDecision.CONCURRED)
    return case, laptops.sam.get_case(case.id).case_number


def test_a_decision_on_a_case_reopened_and_changed_meanwhile_is_not_sent(laptops: Laptops):
    """Sam concurs offline while Alice reopens, edits and syncs: Sam's decision is bound to content the case no
    longer has, so his laptop keeps the office's copy and says so; no laptop is left refusing the other's
    records, and Alice's resubmission reaches Sam."""
    alice, sam = laptops.alice, laptops.sam
    case, number = sam_concurs_offline(laptops)
    alice.reopen_case(case.id, "The court record changed")
    edit(alice, case.id, notes="With the court record")
    run_sync(laptops, alice)

    report = run_sync(laptops, sam)
    assert report.pushed == 0 and report.in_step
    assert report.set_aside == [
        f"your decision (concurred) on case {number} was not sent: the case changed at the office before it "
        "arrived (it is draft now); the office's copy is kept here: decide again once it is submitted again"]
    assert sam.get_case(case.id).status is CaseStatus.DRAFT
    assert sam.get_case(case.id).notes == "With the court record"
    run_sync(laptops, alice)
    alice.submit_case(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, sam)
    assert sam.get_case(case.id).status is CaseStatus.SUBMITTED
    sam.review_case(case.id, ReviewDecision.CONCURRED)
    run_sync(laptops, sam)
    run_sync(laptops, alice)
    assert alice.get_case(case.id).status is CaseStatus.CONCURRED


def test_a_decision_on_a_case_reopened_meanwhile_is_not_sent_even_unchanged(laptops: Laptops):
    """Sam concurs offline while Alice reopens (and changes nothing): the decision's digest still matches the
    case, but it answers a submission Alice has taken back, so it must not land after her reopening (the case
    would read as concurred though its officer reopened it). Sam's laptop keeps the office's copy and says so."""
    alice, sam = laptops.alice, laptops.sam
    case, number = sam_concurs_offline(laptops)
    alice.reopen_case(case.id, "One more look")
    run_sync(laptops, alice)

    report = run_sync(laptops, sam)
    assert report.pushed == 0
    assert report.set_aside == [
        f"your decision (concurred) on case {number} was not sent: the case changed at the office before it "
        "arrived (it is draft now); the office's copy is kept here: decide again once it is submitted again"]
    assert sam.get_case(case.id).status is CaseStatus.DRAFT
    run_sync(laptops, alice)
    assert alice.get_case(case.id).status is CaseStatus.DRAFT


def test_the_cli_says_why_in_spanish(laptops: Laptops, capsys, tmp_path):
    from tests.conftest import PASSPHRASE
    from tests.desktop.test_cli import run

    alice, bob = laptops.alice, laptops.bob
    case_id = shared_draft(laptops)
    bob_edits_offline(laptops, case_id)
    alice.submit_case(case_id)
    run_sync(laptops, alice)
    number = bob.get_case(case_id).case_number
    bob.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    code, out, err = run(capsys, "--language", "es", "--data-dir", str(tmp_path / "bob"), "--passphrase-file", str(pw),
                         "sync")
    assert code == 1 and err == ""
    assert f"sus cambios en el caso {number} no se enviaron: AM-101 lo presentó" in out
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "bob"), "--passphrase-file", str(pw), "resolve",
                         number, "notes", "--mine")
    assert (code, out) == (2, "")
    assert "it was submitted by AM-101; only that officer can change or resubmit it" in err
    assert len(err.splitlines()) == 1


def test_hostile_text_is_kept_aside_as_typed(laptops: Laptops):
    """Bob's values that carry the hostile test text (every script, emoji, joiners) wait as he typed them."""
    alice, bob = laptops.alice, laptops.bob
    case_id = shared_draft(laptops)
    kept = []
    for name in HOSTILE:  # the ones a case may hold (the override entry is refused by every save)
        try:
            edit(bob, case_id, subject=Subject(family_name=name, given_names=name))
        except InvalidCase:
            continue
        kept.append(name)
    assert len(kept) >= 3
    alice.submit_case(case_id)
    run_sync(laptops, alice)
    report = run_sync(laptops, bob)
    assert report.pushed == 0
    assert bobs_kept_values(bob, case_id)["subject.family_name"] == kept[-1]
    assert bobs_kept_values(bob, case_id)["subject.given_names"] == kept[-1]
    run_sync(laptops, alice)


def test_two_supervisors_deciding_offline_the_second_decision_is_not_sent_over_the_first(laptops: Laptops,
                                                                                          tmp_path: Path):
    """Sam and Tess both decide Alice's submission offline, differently. The first to sync decides it; the
    second's merge would put her decision after a decided one — a decided case changed without reopening, her
    colleague's decision silently replaced. It is not sent: she is told, and every laptop holds the first."""
    from casework.model import Officer, Role
    from storage.office import link
    from storage.office.roster import MemberRole
    from tests.conftest import PASSPHRASE

    alice, sam = laptops.alice, laptops.sam
    tess = CaseStore.create(tmp_path / "tess", PASSPHRASE, Officer("Tess Ward", "TW-9", "Field Office Example"),
                            role=Role.SUPERVISOR)
    try:
        link.join_office(tess, laptops.office.make())
        link.approve(sam, laptops.backend(sam), link.member_id(tess), MemberRole.SUPERVISOR)
        case = ready_case(alice)
        alice.submit_case(case.id)
        run_sync(laptops, alice)
        run_sync(laptops, sam)
        run_sync(laptops, tess)
        number = tess.get_case(case.id).case_number
        tess.review_case(case.id, ReviewDecision.CONCURRED)
        sam.review_case(case.id, ReviewDecision.NONCONCURRED, "Not on these facts")
        assert run_sync(laptops, tess).pushed == 1
        report = run_sync(laptops, sam)
        assert report.pushed == 0
        assert report.set_aside == [
            f"your decision (non-concurred) on case {number} was not sent: the case changed at the office before it "
            "arrived (it is concurred now); the office's copy is kept here: another decision was made on it "
            "meanwhile"]
        for store in (sam, tess, alice):
            run_sync(laptops, store)
            assert store.get_case(case.id).status is CaseStatus.CONCURRED
    finally:
        tess.close()
