"""A pulled case whose name is disguised by bidi controls is refused by name on both backends, whatever laptop
wrote it past its own store; one the office held from before the rule still travels (its review included)."""

from __future__ import annotations

from dataclasses import replace

from casework.assessment import ReviewDecision
from casework.body import dump_body
from casework.model import CaseStatus, Subject
from storage import store as store_module
from storage.sync import sync
from tests.office.conftest import Laptops
from tests.office.test_review_binding import push_signed
from tests.office.test_sync import edit, run_sync
from tests.storage.test_record_integrity import ready_case

DISGUISED = "\u202eevil\u202c"


def test_a_pulled_disguised_name_is_refused_naming_the_field(laptops: Laptops):
    case = laptops.bob.new_case().case
    edit(laptops.bob, case.id, subject=Subject(family_name="Evil"))
    run_sync(laptops, laptops.bob)
    run_sync(laptops, laptops.alice)
    case = laptops.bob.get_case(case.id)
    forged = replace(case, revision=case.revision + 1, subject=Subject(family_name=DISGUISED))
    push_signed(laptops, laptops.bob, case.id, dump_body(forged))
    report = sync(laptops.alice, laptops.backend(laptops.alice))
    assert len(report.rejected) == 1
    assert report.rejected[0].endswith(
        "from BO-202: subject.family_name: holds invisible characters that can make it read as other text (U+202E "
        "RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING); type it with visible characters only; refused.")
    assert laptops.alice.get_case(case.id).subject.family_name == "Evil"


def test_a_case_stored_before_the_rule_opens_here_is_refused_elsewhere_until_its_officer_fixes_it(
        laptops: Laptops, monkeypatch):
    case = ready_case(laptops.alice)
    monkeypatch.setattr(store_module, "_check", lambda case: None)  # as an older Casefile stored it
    edit(laptops.alice, case.id, subject=replace(case.subject, family_name=DISGUISED))
    monkeypatch.undo()
    laptops.alice.submit_case(case.id)  # still opens and moves through the workflow on its own laptop
    run_sync(laptops, laptops.alice)
    report = sync(laptops.sam, laptops.backend(laptops.sam))
    assert len(report.rejected) == 1 and "from AM-101: subject.family_name: holds invisible characters" in \
        report.rejected[0]
    assert not laptops.sam.has_case(case.id)
    laptops.alice.reopen_case(case.id, "the family name held a hidden direction override")
    edit(laptops.alice, case.id, subject=replace(case.subject, family_name="Evil"))
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    sync(laptops.sam, laptops.backend(laptops.sam))  # the first record is still refused (and read again)
    laptops.sam.review_case(case.id, ReviewDecision.CONCURRED)
    assert laptops.sam.get_case(case.id).status is CaseStatus.CONCURRED


def test_a_pulled_note_holding_bidi_controls_is_refused_naming_the_field(laptops: Laptops):
    """Free text follows the rule of a review comment: bidi embeddings, overrides and isolates are refused."""
    case = laptops.bob.new_case().case
    edit(laptops.bob, case.id, notes="Paid in cash")
    run_sync(laptops, laptops.bob)
    run_sync(laptops, laptops.alice)
    case = laptops.bob.get_case(case.id)
    forged = replace(case, revision=case.revision + 1, notes=f"Paid {DISGUISED} in cash")
    push_signed(laptops, laptops.bob, case.id, dump_body(forged))
    report = sync(laptops.alice, laptops.backend(laptops.alice))
    assert len(report.rejected) == 1
    assert report.rejected[0].endswith(
        "from BO-202: notes: holds invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP "
        "DIRECTIONAL FORMATTING) that make it read as other words; type it without them; refused.")
    assert laptops.alice.get_case(case.id).notes == "Paid in cash"
