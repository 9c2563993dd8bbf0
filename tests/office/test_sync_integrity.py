"""What a signed record may not do, and what a restore may not lose (found by a review; both backends).

A member's correct signature proves who sent a record, not that its workflow is honest: a pulled case's status
must be what its workflow log leads to, and no step the case already had may disappear. And a laptop restored
from a backup takes back from the office what it had pushed after that backup — never "in step" without it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.assessment import ReviewDecision
from casework.body import dump_body
from casework.model import CaseFile, CaseStatus, Subject
from storage.store import CaseStore
from storage.sync import sync
from tests.conftest import PASSPHRASE
from tests.office.conftest import Laptops
from tests.office.test_review_binding import push_signed
from tests.office.test_sync import run_sync
from tests.storage.test_record_integrity import ready_case


def _events(store: CaseStore, case_id: str) -> list[str]:
    case = store.get_case(case_id)
    assert case.assessment is not None
    return [e.event for e in case.assessment.history]


def test_a_status_the_workflow_log_does_not_lead_to_is_rejected(laptops: Laptops):
    alice, sam = laptops.alice, laptops.sam
    case = ready_case(alice)
    run_sync(laptops, alice)
    run_sync(laptops, sam)
    submitted = alice.submit_case(case.id).case
    forged = replace(submitted, status=CaseStatus.CONCURRED, revision=submitted.revision + 1)
    push_signed(laptops, alice, case.id, dump_body(forged))
    report = sync(sam, laptops.backend(sam))
    assert len(report.rejected) == 1
    assert "says the case is concurred, but its workflow steps leave it submitted; refused" in report.rejected[0]
    assert sam.get_case(case.id).status is CaseStatus.DRAFT  # the forged record, the only change, is not taken


def nonconcurred_everywhere(laptops: Laptops) -> CaseFile:
    """Alice's case, submitted, not concurred by Sam, and synced back to Alice."""
    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    laptops.sam.review_case(case.id, ReviewDecision.NONCONCURRED, "Criminal record confirmed.")
    run_sync(laptops, laptops.sam)
    run_sync(laptops, laptops.alice)
    return case


def test_a_record_that_erases_a_supervisors_decision_is_rejected(laptops: Laptops):
    alice, sam = laptops.alice, laptops.sam
    case = nonconcurred_everywhere(laptops)
    mine = alice.get_case(case.id)
    assert mine.assessment is not None
    history = tuple(e for e in mine.assessment.history if e.event != "nonconcurred")
    forged = replace(mine, revision=mine.revision + 1, assessment=replace(mine.assessment, history=history))
    push_signed(laptops, alice, case.id, dump_body(forged))
    report = sync(sam, laptops.backend(sam))
    assert len(report.rejected) == 1
    assert "removes, rewrites or reorders a workflow step the case already had; refused" in report.rejected[0]
    assert _events(sam, case.id) == ["submitted", "nonconcurred"]
    assert sam.get_case(case.id).status is CaseStatus.NONCONCURRED


def test_a_record_that_reorders_the_workflow_steps_is_rejected(laptops: Laptops):
    """The order of the steps is the office's and tells which submission a decision answers (the review queue):
    an officer who moves the supervisor's decision after a later submission, keeping the status, is refused."""
    alice, sam = laptops.alice, laptops.sam
    case = nonconcurred_everywhere(laptops)
    mine = alice.get_case(case.id)
    assert mine.assessment is not None
    history = tuple(reversed(mine.assessment.history))  # the decision first, then the submission
    forged = replace(mine, revision=mine.revision + 1, assessment=replace(mine.assessment, history=history))
    push_signed(laptops, alice, case.id, dump_body(forged))
    report = sync(sam, laptops.backend(sam))
    assert len(report.rejected) == 1
    assert "removes, rewrites or reorders a workflow step the case already had; refused" in report.rejected[0]
    assert _events(sam, case.id) == ["submitted", "nonconcurred"]


def test_the_status_follows_the_merged_log_and_is_never_a_conflict(laptops: Laptops):
    """Sam concurs at the office while Alice, offline, reopens: both steps are kept (the office's first) and
    the status is what that log leads to — a draft again — with no 'status' conflict to choose."""
    alice, sam = laptops.alice, laptops.sam
    case = ready_case(alice)
    alice.submit_case(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, sam)
    sam.review_case(case.id, ReviewDecision.CONCURRED, "")
    run_sync(laptops, sam)
    alice.reopen_case(case.id, "forgot the court record")
    run_sync(laptops, alice)
    assert [c.path for c in alice.sync_conflicts(case.id)] == []
    assert _events(alice, case.id) == ["submitted", "concurred", "reopened"]
    assert alice.get_case(case.id).status is CaseStatus.DRAFT
    run_sync(laptops, sam)
    assert _events(sam, case.id) == ["submitted", "concurred", "reopened"]
    assert sam.get_case(case.id).status is CaseStatus.DRAFT


def test_a_restored_laptop_takes_back_what_it_pushed_after_the_backup(laptops: Laptops):
    alice = laptops.alice
    kept = alice.new_case().case
    edited = alice.update_case(replace(kept, subject=Subject(family_name="Before", given_names="Backup"))).case
    alice.close_revision(kept.id)
    run_sync(laptops, alice)
    made = alice.backup("manual")
    later = alice.new_case().case
    alice.update_case(replace(later, subject=Subject(family_name="Pushed", given_names="After")))
    alice.close_revision(later.id)
    alice.update_case(replace(alice.get_case(kept.id), subject=replace(edited.subject, family_name="After")))
    alice.close_revision(kept.id)
    run_sync(laptops, alice)
    data_dir = alice.paths.data_dir
    alice.close()
    restored, _aside = CaseStore.restore(data_dir, made.folder, PASSPHRASE)
    laptops.alice = restored
    assert not restored.has_case(later.id)
    report = run_sync(laptops, restored)
    assert restored.get_case(later.id).subject.family_name == "Pushed"
    assert restored.get_case(kept.id).subject.family_name == "After"
    assert report.in_step
    fresh = restored.new_case().case  # the restored counter would hand out the pulled case's number again
    assert fresh.case_number not in {restored.get_case(later.id).case_number, restored.get_case(kept.id).case_number}


def test_a_record_with_a_hand_made_case_id_is_refused_and_the_office_keeps_working(laptops: Laptops):
    from storage.office.backend import Record, RecordRejected

    alice = laptops.alice
    run_sync(laptops, alice)
    with pytest.raises(RecordRejected, match="case id 'evil case\\\\n1 x' is not a plain id"):
        Record("evil case\n1 x", 1, 0, "a" * 16, 1, "b" * 32, {})
    case = alice.new_case().case
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, laptops.sam)
    assert laptops.sam.has_case(case.id)


def test_an_imported_case_id_that_is_not_a_plain_id_is_refused_by_the_store(store: CaseStore):
    from casework.model import CaseFile
    from storage.errors import InvalidCase

    with pytest.raises(InvalidCase, match="id: a case id is 1 to 64 letters"):
        store.import_cases([CaseFile(id="evil case\n1 x", case_number="")])


def test_a_decision_on_what_the_supervisor_read_is_refused_once_a_sync_changed_the_case(laptops: Laptops):
    from casework.workflow import reviewed_digest
    from storage.errors import WorkflowRefused

    alice, sam = laptops.alice, laptops.sam
    case = ready_case(alice)
    alice.submit_case(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, sam)
    read = reviewed_digest(sam.get_case(case.id))  # what the review screen shows
    alice.reopen_case(case.id, "a late court record")
    alice.update_case(replace(alice.get_case(case.id), subject=replace(case.subject, family_name="Changed")))
    alice.close_revision(case.id)
    alice.submit_case(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, sam)  # the automatic sync, between reading and deciding
    with pytest.raises(WorkflowRefused, match="the case changed after you opened it; read it again before deciding"):
        sam.review_case(case.id, ReviewDecision.CONCURRED, "", read=read)
    assert sam.get_case(case.id).status is CaseStatus.SUBMITTED
    decided = sam.review_case(case.id, ReviewDecision.CONCURRED, "", read=reviewed_digest(sam.get_case(case.id)))
    assert decided.case.status is CaseStatus.CONCURRED


def _damage_newest_record(laptops: Laptops):
    """Damage the newest record where the office keeps it; return a function that puts it back as it was."""
    if laptops.office.kind == "postgres":
        import psycopg

        from tests.office.conftest import PG_DSN

        table = f'"{laptops.office.schema}".records'
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            seq, envelope = conn.execute(f"SELECT seq, envelope::text FROM {table} ORDER BY seq DESC LIMIT 1"
                                         ).fetchone()
            conn.execute(f"UPDATE {table} SET envelope = jsonb_set(envelope, '{{nonce}}', "
                         "to_jsonb('AAAAAAAAAAAAAAAA'::text)) WHERE seq = %s", (seq,))

        def put_back() -> None:
            with psycopg.connect(PG_DSN, autocommit=True) as conn:
                conn.execute(f"UPDATE {table} SET envelope = %s::jsonb WHERE seq = %s", (envelope, seq))
        return put_back
    path = sorted((laptops.office.folder / "log").glob("*.jsonl"))[-1]
    original = path.read_bytes()
    path.write_bytes(original.replace(b'"ciphertext": "', b'"ciphertext": "AAAA', 1))
    assert path.read_bytes() != original
    return lambda: path.write_bytes(original)


def test_a_record_refused_once_is_read_again_and_its_case_catches_up(laptops: Laptops):
    """A record damaged on the share is refused by name; once it reads correctly again (the genuine file put
    back), the next sync takes it in — the case is not left behind the office for good, and later edits go up."""
    alice, bob = laptops.alice, laptops.bob
    case = alice.new_case().case
    alice.update_case(replace(case, notes="first words"))
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    alice.update_case(replace(alice.get_case(case.id), notes="second words"))
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    put_back = _damage_newest_record(laptops)
    report = sync(bob, laptops.backend(bob))
    assert len(report.rejected) == 1 and not report.in_step and "NOT in step" in report.summary()
    assert bob.get_case(case.id).notes == "first words"
    put_back()
    report = run_sync(laptops, bob)
    assert report.in_step and bob.get_case(case.id).notes == "second words"
    bob.update_case(replace(bob.get_case(case.id), notes="Bob's words"))
    bob.close_revision(case.id)
    assert run_sync(laptops, bob).pushed == 1
    run_sync(laptops, alice)
    assert alice.get_case(case.id).notes == "Bob's words"


def test_sync_is_not_in_step_while_a_conflict_holds_a_case_back(laptops: Laptops):
    alice, bob = laptops.alice, laptops.bob
    case = alice.new_case().case
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    for store, words in ((alice, "Alice's"), (bob, "Bob's")):
        store.update_case(replace(store.get_case(case.id), notes=words))
        store.close_revision(case.id)
    run_sync(laptops, alice)
    report = run_sync(laptops, bob)
    assert report.conflicts == 1 and not report.in_step
    assert f"held back by conflicts: {case.case_number} (casefile conflicts)" in report.summary()


def test_no_case_text_in_either_laptops_data_folder_or_the_temp_folder_after_sync(laptops: Laptops, tmp_path,
                                                                                   monkeypatch):
    """Issue 11's leak scan, for sync: both laptops' data folders and the temp folder hold no marker after a
    push, a pull and a merge; a planted plaintext copy is found (the scan can fail)."""
    import tempfile

    from tests.conftest import MARKER, files_containing

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    alice, bob = laptops.alice, laptops.bob
    case = alice.new_case().case
    alice.update_case(replace(case, subject=Subject(family_name=MARKER, given_names="Ana"), notes=f"{MARKER} says"))
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    bob.update_case(replace(bob.get_case(case.id), notes=f"{MARKER} said more"))
    bob.close_revision(case.id)
    alice.update_case(replace(alice.get_case(case.id), subject=Subject(family_name=MARKER, given_names="Ana Li")))
    alice.close_revision(case.id)
    run_sync(laptops, bob)
    run_sync(laptops, alice)
    assert alice.get_case(case.id).notes == f"{MARKER} said more"  # it did travel, and merged
    folders = [alice.paths.data_dir, bob.paths.data_dir, temp]
    assert [p for folder in folders for p in files_containing(folder, MARKER)] == []
    (temp / "planted.txt").write_text(f"a leak: {MARKER}")
    assert files_containing(temp, MARKER) == [temp / "planted.txt"]
