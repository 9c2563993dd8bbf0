"""Review bundles: how a submission reaches a supervisor's profile before office sync exists."""

from __future__ import annotations

import json

import pytest

from casework.assessment import ReviewDecision
from casework.model import CaseStatus, Officer, Role
from storage.bundle import BundleError, make_bundle, read_bundle, receive_for_review
from storage.errors import WorkflowRefused
from storage.store import CaseStore
from tests.conftest import MARKER, PASSPHRASE, files_containing
from tests.storage.test_record_integrity import SUPERVISOR, ready_case


@pytest.fixture
def supervisor(tmp_path):
    s = CaseStore.create(tmp_path / "supervisor", PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR)
    yield s
    s.close()


def submitted_bundle(store: CaseStore) -> tuple[str, bytes]:
    case = ready_case(store)
    store.submit_case(case.id)
    return case.id, make_bundle(store, case.id)


def test_a_supervisor_takes_in_a_submission_and_reviews_it(store, supervisor):
    case_id, data = submitted_bundle(store)
    received = receive_for_review(supervisor, read_bundle(data)).case
    assert received.status is CaseStatus.SUBMITTED
    (entry,) = [e for e in supervisor.audit_entries(case_id) if e.action == "case_received_for_review"]
    assert entry.detail.startswith("revision 1, from DO-1138, key ")
    concurred = supervisor.review_case(case_id, ReviewDecision.CONCURRED).case
    assert concurred.status is CaseStatus.CONCURRED
    assert [e.actor for e in concurred.assessment.history] == ["DO-1138", "SR-7"]


def test_only_a_submitted_case_is_bundled(store):
    case = ready_case(store)
    with pytest.raises(BundleError, match="submit it before"):
        make_bundle(store, case.id)


def test_an_altered_bundle_is_refused(store, supervisor):
    _case_id, data = submitted_bundle(store)
    doc = json.loads(data)
    doc["case"]["notes"] = "changed after signing"
    with pytest.raises(BundleError, match="altered after it was signed"):
        read_bundle(json.dumps(doc).encode())
    doc = json.loads(data)
    doc["signer"]["officer_id"] = "SOMEONE-ELSE"
    with pytest.raises(BundleError, match="altered"):
        read_bundle(json.dumps(doc).encode())
    assert supervisor.count_cases() == 0


def test_an_officer_profile_does_not_take_in_submissions(store, tmp_path):
    _case_id, data = submitted_bundle(store)
    with CaseStore.create(tmp_path / "other", PASSPHRASE, Officer("Other", "OT-2", "X")) as other:
        with pytest.raises(WorkflowRefused, match="Only a supervisor profile"):
            receive_for_review(other, read_bundle(data))
        assert other.count_cases() == 0


def test_a_supervisor_cannot_take_in_its_own_submission(supervisor):
    _case_id, data = submitted_bundle(supervisor)
    with pytest.raises(WorkflowRefused, match="submitted by this profile"):
        receive_for_review(supervisor, read_bundle(data))


def test_a_reviewed_copy_is_not_overwritten_by_an_old_bundle(store, supervisor):
    case_id, data = submitted_bundle(store)
    receive_for_review(supervisor, read_bundle(data))
    supervisor.review_case(case_id, ReviewDecision.RETURNED, "Obtain the court record.")
    with pytest.raises(WorkflowRefused, match="already returned here"):
        receive_for_review(supervisor, read_bundle(data))
    assert supervisor.get_case(case_id).status is CaseStatus.RETURNED


def test_bundle_text_stays_out_of_the_supervisor_store_files(store, supervisor):
    case = ready_case(store)
    from dataclasses import replace

    case = store.update_case(replace(case, notes=MARKER)).case
    store.submit_case(case.id)
    receive_for_review(supervisor, read_bundle(make_bundle(store, case.id)))
    supervisor.close()
    assert files_containing(supervisor.paths.data_dir, MARKER) == []
