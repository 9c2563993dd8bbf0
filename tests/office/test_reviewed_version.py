"""The supervisor's memo and the officer's banner name the reviewed version the same way on both laptops — by the
content digest's short form, since each laptop numbers its own revisions — and the supervisor by name (from the
signed member list) beside the ID; on both backends."""

from __future__ import annotations

from casework.assessment import ReviewDecision
from casework.policy import PolicyLibrary
from casework.workflow import reviewed_digest, short_digest
from printing.memo import MemoSettings, render_memo
from storage.office.link import member_names
from tests.office.conftest import Laptops
from tests.office.test_review_binding import submitted_at_the_office
from tests.office.test_sync import run_sync
from tests.printing.test_memo import text_of


def test_memo_and_banner_name_the_reviewed_content_alike_on_both_laptops(laptops: Laptops):
    case_id = submitted_at_the_office(laptops)
    laptops.sam.review_case(case_id, ReviewDecision.RETURNED, "Obtain the court record.")
    run_sync(laptops, laptops.sam)
    run_sync(laptops, laptops.alice)
    sams, alices = laptops.sam.get_case(case_id), laptops.alice.get_case(case_id)
    assert sams.revision != alices.revision  # each laptop numbers its own revisions
    digest = short_digest(alices.assessment.history[-1].digest)
    assert digest == short_digest(reviewed_digest(alices)) == short_digest(reviewed_digest(sams))
    policy = PolicyLibrary.bundled().get(sams.assessment.policy_id, sams.assessment.policy_version)
    memo = " ".join(text_of(render_memo(sams, policy, MemoSettings()).pdf).split())
    assert f"This memo shows content {digest} (revision {sams.revision} on the laptop that printed it)" in memo
    assert f"returned · SR-7 · on content {digest}" in memo
    assert member_names(laptops.alice)["SR-7"] == "Sam Reyes"
    assert member_names(laptops.sam)["AM-101"] == "Alice Moreno"
