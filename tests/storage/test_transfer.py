"""storage.transfer: what importing a file would do (nothing written), importing file by file with Cancel
between files, and exporting all or none (the CLI and the window share these)."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from casework.exchange import dump_case, load_case
from casework.model import CaseFile, Subject
from storage.errors import Cancelled
from storage.outputs import OutputRefused
from storage.store import CaseStore
from storage.transfer import Kind, export_cases, look_at, look_at_files, take_in_files

TESTDATA = Path(__file__).parents[2] / ".." / "shared" / "testdata"


DISGUISED = "\u202eevil\u202c"
"""The hostile entry whose bidi override makes "evil" display as "live": refused in names (casework.validation)."""


def hostile_names() -> list[str]:
    doc = json.loads((TESTDATA / "hostile-text.json").read_text(encoding="utf-8"))
    return [n["text"] for n in doc["names"]]


def write(folder: Path, name: str, case: CaseFile) -> Path:
    path = folder / name
    path.write_text(dump_case(case), encoding="utf-8")
    return path


def test_look_at_says_new_present_or_refused_and_writes_nothing(store: CaseStore, tmp_path: Path):
    stored = store.import_cases([CaseFile(id="", case_number="", subject=Subject(family_name="Okafor"))])[0].case
    present = write(tmp_path, "present.json", stored)
    no_id = write(tmp_path, "no-id.json", CaseFile(id="", case_number="", subject=Subject(family_name="Okafor")))
    new = write(tmp_path, "new.json", CaseFile(id="", case_number="", subject=Subject(family_name="Abebe")))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    missing = tmp_path / "missing.json"
    audit_before = len(store.audit_entries())
    items = look_at_files(store, [present, no_id, new, broken, missing])
    assert [i.kind for i in items] == [Kind.PRESENT, Kind.PRESENT, Kind.NEW, Kind.REFUSED, Kind.REFUSED]
    assert items[0].detail.endswith(f"already in the store as {stored.case_number}")
    assert items[1].detail.endswith(f"already in the store as {stored.case_number}")  # same content, derived id
    assert "Abebe" in items[2].detail
    assert "JSON" in items[3].detail and "broken.json" not in items[3].detail
    assert items[4].detail == "cannot be read: No such file or directory."
    assert store.count_cases() == 1 and len(store.audit_entries()) == audit_before


def test_every_hostile_name_is_previewed_imported_and_exported_exactly(store: CaseStore, tmp_path: Path):
    names = hostile_names()
    paths = [write(tmp_path, f"{n}.json", CaseFile(id="", case_number="", subject=Subject(family_name=name)))
             for n, name in enumerate(names)]
    looked = look_at_files(store, paths)
    (refused,) = [i for i, name in zip(looked, names, strict=True) if name == DISGUISED]
    assert refused.kind is Kind.REFUSED and refused.detail.endswith(  # a name that displays as another: by name
        "subject.family_name: holds invisible characters that can make it read as other text (U+202E RIGHT-TO-LEFT "
        "OVERRIDE, U+202C POP DIRECTIONAL FORMATTING); type it with visible characters only")
    items = [i for i in looked if i is not refused]
    names = [n for n in names if n != DISGUISED]
    assert all(i.kind is Kind.NEW for i in items)
    assert [i.detail.split(" · ")[1] for i in items] == names
    outcomes = take_in_files(store, items)
    assert all(o.imported for o in outcomes)
    out = tmp_path / "out"
    written = export_cases(store, [s.id for s in store.list_cases()], out, folder=True, protected_dirs=[])
    # stored as entered, in NFC (the store's one normal form)
    assert sorted(load_case(p.read_bytes()).subject.family_name for p in written) == \
        sorted(unicodedata.normalize("NFC", n) for n in names)


def test_an_import_stops_between_files_when_cancelled(store: CaseStore, tmp_path: Path):
    paths = [write(tmp_path, f"{n}.json", CaseFile(id="", case_number="", subject=Subject(family_name=f"N{n}")))
             for n in range(3)]
    items = look_at_files(store, paths)
    done: list[int] = []
    outcomes = take_in_files(store, items, progress=lambda d, _t: done.append(d), cancelled=lambda: len(done) >= 1)
    assert [o.imported for o in outcomes] == [True, False, False]
    assert outcomes[1].message == "1.json: not imported (cancelled)."
    assert store.count_cases() == 1


def test_a_refusal_is_said_per_file_and_the_others_are_imported(store: CaseStore, tmp_path: Path):
    stored = store.import_cases([CaseFile(id="", case_number="", subject=Subject(family_name="Okafor"))])[0].case
    present = look_at(store, write(tmp_path, "present.json", stored))
    new = look_at(store, write(tmp_path, "new.json", CaseFile(id="", case_number="", subject=Subject(family_name="B"))))
    outcomes = take_in_files(store, [present, new])  # without replace, the store refuses the present one
    assert not outcomes[0].imported and outcomes[0].message.startswith("present.json: not imported: This case is "
                                                                       f"already in the store as {stored.case_number}")
    assert outcomes[1].imported and outcomes[1].message.startswith("Imported ")
    same = take_in_files(store, [present], replace=True)
    assert same[0].message.startswith(f"Unchanged {stored.case_number}")


def test_an_export_writes_all_or_nothing_and_never_into_the_data_folder(store: CaseStore, tmp_path: Path):
    ids = [r.case.id for r in store.import_cases([CaseFile(id="", case_number="", subject=Subject(family_name=n))
                                                   for n in ("A", "B")])]
    with pytest.raises(OutputRefused, match="inside the profile's data folder"):
        export_cases(store, ids, store.paths.data_dir / "x", folder=True, protected_dirs=[store.paths.data_dir])
    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        export_cases(store, ids, out, folder=True, protected_dirs=[], cancelled=lambda: True)
    assert not out.exists()
    written = export_cases(store, ids, out, folder=True, protected_dirs=[])
    assert len(written) == 2 and all(os.stat(p).st_mode & 0o777 == 0o600 for p in written)
    assert [e.action for e in store.audit_entries(ids[0])][-1] == "case_exported"
    with pytest.raises(OutputRefused, match="already exists"):
        export_cases(store, ids, out, folder=True, protected_dirs=[])


def test_attachments_travel_through_export_preview_and_import(store: CaseStore, tmp_path: Path):
    from casework.attachments import sha256_hex
    from tests import attachment_files as files
    from tests.conftest import OFFICER, PASSPHRASE

    case = store.new_case().case
    data = files.jpeg("scan")
    store.add_attachment(case.id, data, "passport.jpg")
    (written,) = export_cases(store, [case.id], tmp_path / "one.json", folder=False, protected_dirs=[])
    with CaseStore.create(tmp_path / "other", PASSPHRASE, OFFICER) as other:
        item = look_at(other, written)
        assert item.kind is Kind.NEW and item.attachment_data == {sha256_hex(data): data}
        (outcome,) = take_in_files(other, [item])
        assert outcome.imported
        (attachment,) = other.get_case(case.id).attachments
        assert other.get_blob(attachment.sha256) == data
