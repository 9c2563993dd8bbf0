"""The record changes only when a person means it, and only by the right person — enforced by the store."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import timedelta

import pytest

from casework.assessment import OtherFactor, ReviewDecision, WorkflowEvent
from casework.model import CaseFile, CaseStatus, FamilyTie, Offense, Officer, Role, Subject
from casework.workflow import start_assessment
from storage.errors import CaseConflict, ReadOnlyCase, WorkflowRefused
from storage.store import CaseStore, Changes
from tests.casework.test_checks import POLICY, complete_case
from tests.conftest import OFFICER, PASSPHRASE

SUPERVISOR = Officer("Sam Reyes", "SR-7", "Field Office Example")


@pytest.fixture
def supervisor_store(tmp_path):
    s = CaseStore.create(tmp_path / "supervisor", PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR)
    yield s
    s.close()


def ready_case(store: CaseStore) -> CaseFile:
    """A saved draft whose assessment is complete (nothing blocks submitting it)."""
    case = store.new_case().case
    content = complete_case()
    return store.update_case(replace(content, id=case.id, case_number=case.case_number, officer=case.officer,
                                     created_at=case.created_at, updated_at=case.updated_at,
                                     revision=case.revision)).case


# ----- coalesced revisions --------------------------------------------------------------------------------------

def test_an_hour_of_typing_makes_a_handful_of_revisions(store):
    case = store.new_case().case
    for minute in range(60):  # an autosave every few seconds for an hour, leaving the case three times
        for keystroke in range(20):
            case = store.update_case(replace(case, notes=f"{minute}:{keystroke}")).case
        if minute % 20 == 19:
            store.close_revision(case.id)
    assert store.revisions(case.id) == [1, 2, 3, 4]
    assert store.get_case(case.id).notes == "59:19"


def test_a_sealed_revision_never_changes(store):
    case = store.update_case(replace(store.new_case().case, notes="as printed")).case
    seal = store.seal(case.id)
    later = store.update_case(replace(case, notes="typed after printing")).case
    assert later.revision == seal.revision + 1
    assert store.check_seal(seal).status == "superseded"


def test_unlocking_closes_a_revision_left_open_by_a_crash(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        case = store.update_case(replace(store.new_case().case, notes="before the crash")).case
        store._conn.close()  # no close_revision: the process died
        store._conn = None
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        edited = [e.detail for e in store.audit_entries(case.id) if e.action == "case_edited"]
        assert edited == ["revision 2; fields: notes"]
        assert store.update_case(replace(store.get_case(case.id), notes="next session")).case.revision == 3


def test_the_audit_names_the_fields_edited_never_their_values(store):
    case = store.new_case().case
    case = store.update_case(replace(case, subject=Subject(family_name="Secretname"), notes="secret note")).case
    store.close_revision(case.id)
    (entry,) = [e for e in store.audit_entries(case.id) if e.action == "case_edited"]
    assert entry.detail == "revision 2; fields: notes, subject.family_name"
    assert "Secret" not in entry.detail and "secret" not in entry.detail


# ----- conflicts -------------------------------------------------------------------------------------------------

def test_a_stale_copy_conflicts_and_keep_mine_saves_on_top(store):
    case = store.new_case().case
    theirs = store.update_case(replace(case, notes="theirs")).case
    with pytest.raises(CaseConflict, match="Reload it, or keep your version"):
        store.update_case(replace(case, notes="mine"))
    kept = store.update_case(replace(case, notes="mine"), over_latest=True).case
    assert store.get_case(case.id).notes == "mine" and kept.updated_at > theirs.updated_at


# ----- workflow in the store -------------------------------------------------------------------------------------

def test_a_save_cannot_change_the_status(store):
    case = ready_case(store)
    for status in (CaseStatus.SUBMITTED, CaseStatus.CONCURRED):
        with pytest.raises(WorkflowRefused, match="never by saving"):
            store.update_case(replace(case, status=status))
    assert store.get_case(case.id).status is CaseStatus.DRAFT


def test_a_submitted_case_is_read_only_until_reopened(store):
    case = ready_case(store)
    submitted = store.submit_case(case.id).case
    assert submitted.status is CaseStatus.SUBMITTED
    with pytest.raises(ReadOnlyCase, match="Reopen it for editing first"):
        store.update_case(replace(submitted, notes="a stray keystroke"))
    with pytest.raises(WorkflowRefused, match="say why"):
        store.reopen_case(case.id, "")
    reopened = store.reopen_case(case.id, "Court record arrived").case
    assert reopened.status is CaseStatus.DRAFT
    assert store.update_case(replace(reopened, notes="now editable")).case.notes == "now editable"
    actions = [e.action for e in store.audit_entries(case.id)]
    assert actions[-2:] == ["case_submitted", "case_reopened"]  # the edit is audited when its revision closes


def test_a_save_cannot_forge_the_workflow_history(store):
    case = ready_case(store)
    forged = WorkflowEvent(case.updated_at, "SR-7", "concurred", "looks fine")
    saved = store.update_case(replace(case, assessment=replace(case.assessment, history=(forged,)))).case
    assert saved.assessment.history == ()


def test_submit_is_refused_while_items_block(store):
    case = store.new_case().case
    case = store.update_case(start_assessment(case, POLICY, case.created_at.date())).case
    with pytest.raises(WorkflowRefused, match="must be addressed") as info:
        store.submit_case(case.id)
    assert info.value.items and store.get_case(case.id).status is CaseStatus.DRAFT


def test_an_officer_profile_cannot_review_even_its_own_submission(store):
    case = ready_case(store)
    store.submit_case(case.id)
    with pytest.raises(WorkflowRefused, match="only a supervisor"):
        store.review_case(case.id, ReviewDecision.CONCURRED)
    assert store.get_case(case.id).status is CaseStatus.SUBMITTED


def test_a_supervisor_cannot_review_a_case_it_submitted(supervisor_store):
    case = ready_case(supervisor_store)
    supervisor_store.submit_case(case.id)
    with pytest.raises(WorkflowRefused, match="officer who submitted"):
        supervisor_store.review_case(case.id, ReviewDecision.CONCURRED)


def test_a_supervisor_reviews_a_submitted_case_from_an_officer(store, supervisor_store):
    case = ready_case(store)
    submitted = store.submit_case(case.id).case
    # The officer's submission reaches the supervisor's profile (by sync, later): simulate with the stored row.
    supervisor_store.import_cases([submitted])
    arrived = supervisor_store.get_case(case.id)
    assert arrived.status is CaseStatus.DRAFT  # a plain import never raises a status, not even to submitted


# ----- imports ---------------------------------------------------------------------------------------------------

def test_import_never_raises_a_status(store):
    case = replace(complete_case(), id="", case_number="", status=CaseStatus.CONCURRED)
    (result,) = store.import_cases([case])
    stored = store.get_case(result.case.id)
    assert stored.status is CaseStatus.DRAFT
    assert stored.assessment.history[-1].event == "imported"
    assert "the file said concurred" in stored.assessment.history[-1].comment


def test_replace_keeps_the_stored_case_number_officer_and_status(store):
    case = ready_case(store)
    from_file = replace(case, case_number="", officer=Officer(), status=CaseStatus.CONCURRED, notes="from file")
    (first,) = store.import_cases([from_file], replace_existing=True)
    (second,) = store.import_cases([replace(from_file, notes="again")], replace_existing=True)
    stored = store.get_case(case.id)
    assert (stored.case_number, stored.officer, stored.status) == (case.case_number, OFFICER, CaseStatus.DRAFT)
    assert stored.notes == "again" and second.case.revision == first.case.revision + 1


def test_replace_of_a_submitted_case_is_refused_unless_it_is_the_same_record(store):
    case = ready_case(store)
    submitted = store.submit_case(case.id).case
    (same,) = store.import_cases([submitted], replace_existing=True)
    assert same.case.revision == submitted.revision and same.changes == Changes()
    with pytest.raises(ReadOnlyCase, match="Reopen the case"):
        store.import_cases([replace(submitted, notes="changed in the file")], replace_existing=True)


def test_a_file_without_an_id_imported_twice_is_found_not_duplicated(store):
    case = replace(complete_case(), id="", case_number="")
    store.import_cases([case])
    with pytest.raises(CaseConflict, match="already in the store"):
        store.import_cases([case])
    assert store.count_cases() == 1


# ----- stable ids and NFC ----------------------------------------------------------------------------------------

def test_list_items_get_ids_that_stay(store):
    case = store.new_case().case
    a = case.assessment
    case = replace(case, offenses=(Offense(charge="A"), Offense(charge="B")), family=(FamilyTie(name="C"),))
    saved = store.update_case(case).case
    ids = [o.id for o in saved.offenses] + [f.id for f in saved.family]
    assert all(ids) and len(set(ids)) == 3 and a is None
    moved = replace(saved, offenses=tuple(reversed(saved.offenses)))
    again = store.update_case(moved).case
    assert [o.charge for o in again.offenses] == ["B", "A"]
    assert [o.id for o in again.offenses] == [saved.offenses[1].id, saved.offenses[0].id]


def test_other_factors_get_ids(store):
    case = ready_case(store)
    case = replace(case, assessment=replace(case.assessment, other_factors=(OtherFactor("mitigating", "Caregiver"),)))
    saved = store.update_case(case).case
    assert saved.assessment.other_factors[0].id


def test_text_is_stored_nfc(store):
    decomposed = unicodedata.normalize("NFD", "Núñez")
    case = store.update_case(replace(store.new_case().case, subject=Subject(family_name=decomposed))).case
    assert case.subject.family_name == "Núñez" and store.get_case(case.id).subject.family_name == "Núñez"
    assert [s.display_name for s in store.list_cases()] == ["Núñez"]


# ----- the change broadcast --------------------------------------------------------------------------------------

def test_every_mutation_is_broadcast(store):
    heard: list[Changes] = []
    store.add_listener(heard.append)
    case = store.new_case().case
    case = store.update_case(replace(case, notes="x")).case
    store.close_revision(case.id)
    store.record_event("memo_printed", case.id, "revision 2")
    assert [(c.cases, c.audit, c.case_ids) for c in heard] == [
        (True, True, frozenset({case.id})), (True, False, frozenset({case.id})),
        (False, True, frozenset({case.id})), (False, True, frozenset({case.id}))]


def test_updated_at_always_moves_forward(store, monkeypatch):
    import storage.store as module

    case = store.new_case().case
    frozen = case.updated_at - timedelta(seconds=5)  # a clock that went backwards
    monkeypatch.setattr(module, "_now", lambda: frozen)
    saved = store.update_case(replace(case, notes="x")).case
    assert saved.updated_at > case.updated_at
    assert store.verify_audit().ok


def test_a_conflict_says_which_version_is_stored(store):
    case = store.new_case().case
    theirs = store.update_case(replace(case, notes="theirs")).case
    with pytest.raises(CaseConflict) as info:
        store.update_case(replace(case, notes="mine"))
    assert (info.value.revision, info.value.saved_at) == (theirs.revision, theirs.updated_at)


def test_list_cases_of_some_ids_reads_the_index(store):
    ids = [store.new_case().case.id for _ in range(3)]
    assert [s.id for s in store.list_cases(ids[:2])] == [s.id for s in store.list_cases() if s.id in ids[:2]]
    assert store.list_cases([]) == []


def test_opening_a_case_in_the_window_is_recorded_without_its_content(store):
    case = store.update_case(replace(store.new_case().case, notes="private words")).case
    assert store.view_case(case.id) == store.get_case(case.id)
    (entry,) = [e for e in store.audit_entries(case.id) if e.action == "case_viewed"]
    assert entry.detail == f"revision {case.revision}" and entry.actor == store.officer.officer_id


def test_a_save_cannot_renumber_a_case(store):
    case = store.new_case().case
    other = store.new_case().case
    saved = store.update_case(replace(case, case_number=other.case_number, notes="x")).case
    assert saved.case_number == case.case_number and store.get_case(case.id).case_number == case.case_number
