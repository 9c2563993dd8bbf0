"""Attachments in the store: content kept once by SHA-256 inside the encrypted database, references in the
case body (sealed, upgraded from older bodies), the workflow and size rules enforced here, every access audited."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from casework.assessment import ReviewDecision
from casework.attachments import MAX_BYTES, sha256_hex
from casework.body import BODY_VERSION, dump_body, load_body
from casework.model import CaseStatus, Role
from casework.seal import record_digest
from storage.attachments import AttachmentMissing, AttachmentNotAccepted
from storage.bundle import make_bundle, read_bundle, receive_for_review
from storage.errors import ReadOnlyCase
from storage.store import CaseStore
from tests import attachment_files as files
from tests.conftest import MARKER, PASSPHRASE, files_containing
from tests.storage.test_record_integrity import SUPERVISOR, ready_case


def test_add_keeps_content_once_and_a_reference_in_the_body(store: CaseStore):
    case = store.new_case().case
    data = files.jpeg(MARKER)
    added = store.add_attachment(case.id, data, "Фото паспорта.JPG").case
    (item,) = added.attachments
    assert (item.sha256, item.file_name, item.media_type, item.size) == (
        sha256_hex(data), "Фото паспорта.JPG", "image/jpeg", len(data))
    assert item.id and item.added_at is not None
    assert added.revision == case.revision + 1
    assert store.get_case(case.id).attachments == (item,)
    assert store.get_blob(item.sha256) == data
    # a second case citing the same content: one blob
    other = store.new_case().case
    store.add_attachment(other.id, data, "copy.jpg")
    assert store.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 1
    assert store.attachment_hashes(other.id) == {sha256_hex(data)}


def test_the_same_content_twice_in_one_case_is_refused_by_name(store: CaseStore):
    case = store.new_case().case
    data = files.png(MARKER)
    store.add_attachment(case.id, data, "first.png")
    with pytest.raises(AttachmentNotAccepted, match=r"“again\.png” is already attached to case .* “first\.png”"):
        store.add_attachment(case.id, data, "again.png")


def test_too_large_names_the_file_and_the_limit(store: CaseStore):
    case = store.new_case().case
    before = store.get_case(case.id)
    with pytest.raises(AttachmentNotAccepted) as exc:
        store.add_attachment(case.id, files.big(MAX_BYTES + 1), "scan of everything.jpg")
    assert str(exc.value).startswith("“scan of everything.jpg” is 26,214,401 bytes; attachments are limited to "
                                     "25.0 MB (26,214,400 bytes).")
    assert store.get_case(case.id) == before
    assert store.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 0
    store.add_attachment(case.id, files.big(MAX_BYTES), "exactly the limit.jpg")  # the limit itself is fine


@pytest.mark.parametrize(("data", "words"), [
    (b"", "is empty"),
    (b"MZ\x90\x00 not a picture " + MARKER.encode(), "only photos and scans (JPEG, PNG, GIF, TIFF, HEIC) and PDF"),
])
def test_content_of_the_wrong_kind_is_refused(store: CaseStore, data: bytes, words: str):
    case = store.new_case().case
    with pytest.raises(AttachmentNotAccepted, match=r"^“photo\.jpg” .*" + re.escape(words)):
        store.add_attachment(case.id, data, "photo.jpg")


def test_type_comes_from_the_content_not_the_name(store: CaseStore):
    case = store.new_case().case
    item = store.add_attachment(case.id, files.pdf(MARKER), "looks like a photo.jpg").case.attachments[0]
    assert item.media_type == "application/pdf"


def test_only_a_draft_gains_or_loses_attachments(store: CaseStore):
    case = ready_case(store)
    store.add_attachment(case.id, files.jpeg(MARKER), "a.jpg")
    item = store.get_case(case.id).attachments[0]
    store.submit_case(case.id)
    with pytest.raises(ReadOnlyCase, match="submitted, so its attachments cannot change"):
        store.add_attachment(case.id, files.png(MARKER), "b.png")
    with pytest.raises(ReadOnlyCase):
        store.remove_attachment(case.id, item.id)
    assert store.get_case(case.id).status is CaseStatus.SUBMITTED
    assert store.get_case(case.id).attachments == (item,)
    store.reopen_case(case.id, "add the second page")
    store.add_attachment(case.id, files.png(MARKER), "b.png")
    assert len(store.get_case(case.id).attachments) == 2


def test_an_edit_never_adds_or_drops_a_reference(store: CaseStore):
    case = store.new_case().case
    added = store.add_attachment(case.id, files.jpeg(MARKER), "a.jpg").case
    forged = replace(added, notes="typed", attachments=())
    saved = store.update_case(forged).case
    assert saved.attachments == added.attachments and saved.notes == "typed"


def test_remove_keeps_the_content_for_older_revisions(store: CaseStore):
    case = store.new_case().case
    data = files.jpeg(MARKER)
    added = store.add_attachment(case.id, data, "a.jpg").case
    item = added.attachments[0]
    seal = store.seal(case.id)
    removed = store.remove_attachment(case.id, item.id).case
    assert removed.attachments == ()
    assert store.has_blob(item.sha256) and store.get_blob(item.sha256) == data
    assert store.check_seal(seal).status == "superseded"  # the sealed revision still cites the content


def test_every_access_is_audited_without_the_file_name(store: CaseStore):
    case = store.new_case().case
    name = f"Statement of {MARKER}.pdf"
    item = store.add_attachment(case.id, files.pdf(MARKER), name).case.attachments[0]
    store.open_attachment(case.id, item.id)
    store.open_attachment(case.id, item.id, outside=True)
    store.attachment_preview(case.id, item.id)  # a thumbnail: part of the case view, not its own entry
    store.remove_attachment(case.id, item.id)
    entries = [e for e in store.audit_entries(case.id) if e.action.startswith("attachment")]
    assert [e.action for e in entries] == ["attachment_added", "attachment_viewed", "attachment_opened_outside",
                                           "attachment_removed"]
    assert all(item.sha256 in e.detail and item.id in e.detail for e in entries)
    assert not any(MARKER in e.detail or "Statement" in e.detail for e in store.audit_entries())
    assert store.verify_audit().ok


def test_the_reference_is_part_of_the_sealed_record(store: CaseStore):
    case = store.new_case().case
    body_before = store.conn.execute("SELECT body FROM cases WHERE id = ?", (case.id,)).fetchone()[0]
    store.add_attachment(case.id, files.jpeg(MARKER), "a.jpg")
    body = store.conn.execute("SELECT body FROM cases WHERE id = ?", (case.id,)).fetchone()[0]
    assert record_digest(body) != record_digest(body_before)
    assert json.loads(body)["attachments"][0]["sha256"] == sha256_hex(files.jpeg(MARKER))


def test_a_version_3_body_reads_with_no_attachments(store: CaseStore):
    case = store.new_case().case
    doc = json.loads(dump_body(case))
    doc["body_version"] = 3
    del doc["attachments"]
    assert load_body(json.dumps(doc)).attachments == ()
    assert json.loads(dump_body(case))["body_version"] == BODY_VERSION


def test_a_damaged_blob_is_reported_not_shown(store: CaseStore):
    case = store.new_case().case
    item = store.add_attachment(case.id, files.png(MARKER), "a.png").case.attachments[0]
    store.conn.execute("UPDATE attachment_blobs SET data = ? WHERE sha256 = ?", (files.png("other"), item.sha256))
    from storage.errors import StoreCorrupt
    with pytest.raises(StoreCorrupt, match="no longer matches its SHA-256"):
        store.open_attachment(case.id, item.id)


def test_import_refuses_a_case_citing_content_it_does_not_carry(store: CaseStore, data_dir):
    case = store.new_case().case
    item = store.add_attachment(case.id, files.jpeg(MARKER), "Zoë’s passport.jpg").case.attachments[0]
    moved = store.get_case(case.id)
    store.close()
    other_dir = data_dir.parent / "other"
    with CaseStore.create(other_dir, PASSPHRASE, store.officer) as other:
        with pytest.raises(AttachmentMissing, match=r"“Zoë’s passport\.jpg” .* is not in the file nor in this store"):
            other.import_cases([moved])
        assert other.count_cases() == 0
        (imported,) = other.import_cases([moved], attachment_data=[files.jpeg(MARKER)])
        assert other.get_blob(item.sha256) == files.jpeg(MARKER)
        assert imported.case.attachments[0].sha256 == item.sha256


def test_content_is_never_in_the_files_in_plaintext(store: CaseStore, data_dir):
    case = store.new_case().case
    for name, data in (("a.jpg", files.jpeg(MARKER)), ("b.png", files.png(MARKER)), ("c.pdf", files.pdf(MARKER))):
        store.add_attachment(case.id, data, f"{MARKER} {name}")
    assert files_containing(data_dir, MARKER) == []
    store.close()
    assert files_containing(data_dir, MARKER) == []


def test_a_reviewed_case_refuses_too(store: CaseStore, tmp_path):
    case = ready_case(store)
    store.add_attachment(case.id, files.jpeg(MARKER), "a.jpg")
    store.submit_case(case.id)
    with CaseStore.create(tmp_path / "supervisor", PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR) as supervisor:
        receive_for_review(supervisor, read_bundle(make_bundle(store, case.id)))
        supervisor.review_case(case.id, ReviewDecision.CONCURRED)
        with pytest.raises(ReadOnlyCase, match="concurred, so its attachments cannot change"):
            supervisor.add_attachment(case.id, files.png(MARKER), "late.png")


def test_a_file_far_over_the_limit_is_refused_before_it_is_read(tmp_path):
    from storage.attachments import read_file

    huge = tmp_path / "video.mov"
    with huge.open("wb") as f:
        f.truncate(4 * 1024**3)  # sparse 4 GB
    with pytest.raises(AttachmentNotAccepted, match=r"^“video\.mov” is 4\.0 GB; attachments are limited to 25.0 MB"):
        read_file(huge)
    with pytest.raises(AttachmentNotAccepted, match="could not be read"):
        read_file(tmp_path / "gone.jpg")


def test_hostile_file_names_are_kept_as_given(store: CaseStore):
    hostile = json.loads(Path("../shared/testdata/hostile-text.json").read_text(encoding="utf-8"))["names"]
    case = store.new_case().case
    for n, entry in enumerate(hostile):
        name = f"{entry['text']}.png"
        item = store.add_attachment(case.id, files.png(f"{MARKER}{n}"), name).case.attachments[-1]
        assert item.file_name == unicodedata.normalize("NFC", name).strip()
    item = store.add_attachment(case.id, files.png("ctl"), " a/b\x00c\x1b[31m.png\n").case.attachments[-1]
    assert item.file_name == "a/bc[31m.png"  # without control characters and surrounding white space
    assert len(store.get_case(case.id).attachments) == len(hostile) + 1


def test_salvage_brings_the_attachments_across(store: CaseStore, tmp_path):
    from storage.salvage import salvage

    case = store.new_case().case
    item = store.add_attachment(case.id, files.pdf(MARKER), "statement.pdf").case.attachments[0]
    damaged = store.add_attachment(case.id, files.png(MARKER), "photo.png").case.attachments[1]
    store.conn.execute("UPDATE attachment_blobs SET data = ? WHERE sha256 = ?", (files.png("x"), damaged.sha256))
    report = salvage(store, tmp_path / "salvaged", PASSPHRASE)
    assert report.unreadable == (f"attachment {damaged.sha256}",)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as salvaged:
        assert salvaged.open_attachment(case.id, item.id)[1] == store.get_blob(item.sha256)
        assert not salvaged.has_blob(damaged.sha256)


def test_a_caption_is_set_on_a_draft_only_and_audited_without_its_text(store: CaseStore):
    case = ready_case(store)
    item = store.add_attachment(case.id, files.jpeg(MARKER), "a.jpg").case.attachments[0]
    captioned = store.caption_attachment(case.id, item.id, f"  Passport of {MARKER}, photo page ").case
    assert captioned.attachments[0].caption == f"Passport of {MARKER}, photo page"
    assert captioned.attachments[0].sha256 == item.sha256
    (entry,) = [e for e in store.audit_entries(case.id) if e.action == "attachment_captioned"]
    assert item.id in entry.detail and MARKER not in entry.detail
    store.submit_case(case.id)
    with pytest.raises(ReadOnlyCase):
        store.caption_attachment(case.id, item.id, "later")
