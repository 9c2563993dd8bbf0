"""The review workflow as explicit steps: who may take which step from which status."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.assessment import ReviewDecision
from casework.model import CaseStatus, Role
from casework.workflow import (
    TRANSITIONS,
    WorkflowError,
    is_editable,
    reopen,
    review,
    review_refusal,
    submit,
    submitter,
)
from tests.casework.test_checks import NOW, POLICY, complete_case


def submitted():
    return submit(complete_case(), POLICY, "DO1", NOW)


def test_submit_review_reopen_leave_a_history():
    case = submitted()
    assert case.status is CaseStatus.SUBMITTED and submitter(case) == "DO1"
    returned = review(case, ReviewDecision.RETURNED, "Obtain the court record.", "SUP1", NOW)
    assert returned.status is CaseStatus.RETURNED
    again = reopen(returned, "", "DO1", NOW)  # a returned case: the supervisor's comment is the reason
    assert again.status is CaseStatus.DRAFT
    assert [(e.event, e.actor) for e in again.assessment.history] == [
        ("submitted", "DO1"), ("returned", "SUP1"), ("reopened", "DO1")]
    assert "was returned" in again.assessment.history[-1].comment


def test_only_a_draft_is_editable():
    assert [s for s in CaseStatus if is_editable(s)] == [CaseStatus.DRAFT]


def test_the_officer_who_submitted_cannot_review():
    with pytest.raises(WorkflowError, match="officer who submitted"):
        review(submitted(), ReviewDecision.CONCURRED, "", "DO1", NOW)


def test_an_officer_profile_cannot_review():
    with pytest.raises(WorkflowError, match="only a supervisor"):
        review(submitted(), ReviewDecision.CONCURRED, "", "SUP1", NOW, role=Role.OFFICER)


def test_returning_or_not_concurring_needs_a_comment():
    for decision in (ReviewDecision.RETURNED, ReviewDecision.NONCONCURRED):
        with pytest.raises(WorkflowError, match="say why"):
            review(submitted(), decision, "  ", "SUP1", NOW)


def test_a_comment_or_reason_with_bidi_overrides_is_refused_by_name_and_right_to_left_text_is_kept():
    """A comment holding U+202E shows "evil" as "live" in the officer's banner: refused, naming the character.
    Arabic or Hebrew words, and the direction marks mixed text needs, are fine."""
    with pytest.raises(WorkflowError, match=r"the comment holds invisible direction controls \(U\+202E "
                                            r"RIGHT-TO-LEFT OVERRIDE, U\+202C POP DIRECTIONAL FORMATTING\)"):
        review(submitted(), ReviewDecision.RETURNED, "Check \u202eevil\u202c", "SUP1", NOW)
    with pytest.raises(WorkflowError, match=r"the reason holds invisible direction controls \(U\+2067"):
        reopen(review(submitted(), ReviewDecision.CONCURRED, "", "SUP1", NOW), "\u2067x\u2069", "DO1", NOW)
    kept = review(submitted(), ReviewDecision.RETURNED, "راجع السجل \u200f(court record) שלום", "SUP1", NOW)
    assert kept.assessment.history[-1].comment == "راجع السجل \u200f(court record) שלום"


def test_review_refusal_says_what_review_refuses_and_nothing_for_what_it_records():
    """The one answer every review window asks before confirming: a comment holding a bidi override is refused
    with the message review() raises, whatever the decision; right-to-left text with direction marks is not."""
    case = submitted()
    for decision in ReviewDecision:
        problem = review_refusal(case, decision, "Check \u202eevil\u202c", "SUP1", Role.SUPERVISOR)
        assert problem == ("the comment holds invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE, "
                           "U+202C POP DIRECTIONAL FORMATTING) that make it read as other words; type it without them")
        assert (problem.context, problem.params["chars"]) == (
            "casework", "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING")  # translatable
        with pytest.raises(WorkflowError) as raised:
            review(case, decision, "Check \u202eevil\u202c", "SUP1", NOW)
        assert str(raised.value) == problem
        assert review_refusal(case, decision, "راجع السجل \u200f(court record)", "SUP1", Role.SUPERVISOR) is None
    assert review_refusal(case, ReviewDecision.RETURNED, " ", "SUP1", Role.SUPERVISOR) == (
        "say why, in the comment, when returning or not concurring")
    assert review_refusal(case, ReviewDecision.CONCURRED, "", "DO1", Role.SUPERVISOR) == (
        "the officer who submitted a case cannot review it; a supervisor must")
    assert review_refusal(case, ReviewDecision.CONCURRED, "", "SUP1", Role.OFFICER) == (
        "only a supervisor profile can review a case")
    assert review_refusal(complete_case(), ReviewDecision.CONCURRED, "", "SUP1", Role.SUPERVISOR) == (
        "it is draft, so it cannot be reviewed now")


def test_steps_from_the_wrong_status_are_refused():
    draft = complete_case()
    with pytest.raises(WorkflowError, match="it is draft, so it cannot be reviewed"):
        review(draft, ReviewDecision.CONCURRED, "", "SUP1", NOW)
    with pytest.raises(WorkflowError, match="cannot be reopened"):
        reopen(draft, "why", "DO1", NOW)
    concurred = review(submitted(), ReviewDecision.CONCURRED, "", "SUP1", NOW)
    with pytest.raises(WorkflowError, match="cannot be submitted"):
        submit(concurred, POLICY, "DO1", NOW)
    with pytest.raises(WorkflowError, match="cannot be reviewed"):
        review(concurred, ReviewDecision.NONCONCURRED, "no", "SUP2", NOW)


def test_reopening_a_reviewed_case_needs_a_reason():
    concurred = review(submitted(), ReviewDecision.CONCURRED, "", "SUP1", NOW)
    with pytest.raises(WorkflowError, match="say why"):
        reopen(concurred, " ", "DO1", NOW)
    reopened = reopen(concurred, "New court record received", "DO1", NOW)
    assert reopened.assessment.history[-1].comment == "was concurred: New court record received"


def test_submit_needs_an_assessment():
    with pytest.raises(WorkflowError, match="start the assessment"):
        submit(replace(complete_case(), assessment=None), POLICY, "DO1", NOW)


def test_every_status_is_reachable_and_left():
    reached = {s for _from, to in TRANSITIONS.values() for s in to} | {CaseStatus.DRAFT}
    left = {s for start, _to in TRANSITIONS.values() for s in start}
    assert reached == set(CaseStatus) and left == set(CaseStatus)


def test_a_decision_is_bound_to_the_content_reviewed_and_goes_stale_when_it_changes():
    from casework.workflow import decision_state, reviewed_digest

    case = submitted()
    concurred = review(case, ReviewDecision.CONCURRED, "", "SUP1", NOW)
    assert concurred.assessment.history[-1].digest == reviewed_digest(case) == reviewed_digest(concurred)
    state = decision_state(concurred)
    assert (state.event.event, state.bound, state.stale) == ("concurred", True, False)
    reopened = reopen(concurred, "a new document arrived", "DO1", NOW)
    assert decision_state(reopened).stale is False  # reopening alone changes no content
    edited = replace(reopened, notes=reopened.notes + " The new document is a birth certificate.")
    assert decision_state(edited).stale is True
    assert decision_state(case) is None


def test_a_returned_case_changed_and_resubmitted_is_an_earlier_round_not_stale():
    from casework.workflow import decision_state

    returned = review(submitted(), ReviewDecision.RETURNED, "Obtain the court record.", "SUP1", NOW)
    edited = replace(reopen(returned, "", "DO1", NOW), notes="The court record is attached.")
    assert decision_state(edited).stale is True  # changed after the decision, not submitted again: stale
    again = submit(edited, POLICY, "DO1", NOW)
    state = decision_state(again)
    assert (state.event.event, state.stale, state.resubmitted) == ("returned", False, True)
    changed_again = replace(reopen(again, "a typo", "DO1", NOW), notes="The court record is attached!")
    assert decision_state(changed_again).stale is False  # the returned round was answered by a submission


def test_a_decision_from_before_body_version_5_is_not_bound(tmp_path):
    """The frozen v0005 store's concurred case (an old body, never rewritten) reads with an unbound decision."""
    import shutil

    from casework.workflow import decision_state
    from storage.store import CaseStore
    from tests.casework.test_policy_upgrade import V0005
    from tests.fixtures.make_db_fixtures import TEST_PASSPHRASE

    shutil.copytree(V0005, tmp_path / "v0005")
    with CaseStore.open(tmp_path / "v0005", TEST_PASSPHRASE) as store:
        case = store.find_case("CF-2026-FX1-0002")
        raw = store.conn.execute("SELECT body FROM cases WHERE id = ?", (case.id,)).fetchone()[0]
    assert '"digest"' not in raw
    state = decision_state(case)
    assert (state.event.event, state.event.digest, state.bound, state.stale) == ("concurred", "", False, False)
