"""`casefile print` and `casefile verify`: sealed memos match, go stale, are unknown, or are caught forged."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from casework.exchange import dump_case
from desktop.app import main
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import OFFICER, PASSPHRASE


@pytest.fixture
def stored(data_dir, tmp_path):
    """A store holding one complete case, and that case exported to a file."""
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        (result,) = store.import_cases([replace(complete_case(), id="", case_number="")])
    path = tmp_path / "case.json"
    path.write_text(dump_case(result.case), encoding="utf-8")
    return path, result.case


def run(capsys, data_dir, pwfile, *args):
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pwfile), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pwfile(tmp_path):
    p = tmp_path / "pw"
    p.write_text(PASSPHRASE)
    return p


def test_print_verify_match_then_superseded(capsys, data_dir, pwfile, stored, tmp_path):
    case_file, case = stored
    memo = tmp_path / "memo.pdf"
    code, out, err = run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(memo))
    assert code == 0, err
    assert "sealed: revision 1" in out
    assert "DECISION MEMORANDUM" in PdfReader(str(memo)).pages[0].extract_text()
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(memo))
    assert (code, out.split(":")[0]) == (0, "match")

    with CaseStore.open(data_dir, PASSPHRASE) as store:
        store.update_case(replace(store.get_case(case.id), notes="changed after printing"))
        assert "memo_printed" in [e.action for e in store.audit_entries(case.id)]
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(memo))
    assert code == 1 and out.startswith("superseded:") and "now revision 2" in out


def test_unknown_case_and_forged_seal(capsys, data_dir, pwfile, stored, tmp_path):
    case_file, _case = stored
    memo = tmp_path / "memo.pdf"
    assert run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(memo))[0] == 0
    payload = PdfReader(str(memo)).metadata["/Keywords"]

    def rewrite(new_payload: str) -> Path:
        writer = PdfWriter(clone_from=str(memo))
        writer.add_metadata({"/Keywords": new_payload})
        out = io.BytesIO()
        writer.write(out)
        target = tmp_path / "tampered.pdf"
        target.write_bytes(out.getvalue())
        return target

    doc = json.loads(payload.removeprefix("casefile-seal:"))
    forged = rewrite("casefile-seal:" + json.dumps({**doc, "d": "00" * 32}))
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(forged))
    assert code == 1 and out.startswith("forged:")

    other_store = tmp_path / "other"
    with CaseStore.create(other_store, PASSPHRASE, OFFICER):
        pass
    code, out, _ = run(capsys, other_store, pwfile, "verify", str(memo))
    assert code == 1 and out.startswith("forged:")  # signed by another profile's key

    with CaseStore.open(data_dir, PASSPHRASE) as store:
        from casework.seal import Seal

        unknown = store.seal(store.list_cases()[0].id)
        unknown = Seal("CF-1999-NOBODY-0001", 1, unknown.digest, unknown.key_id, "")
        unknown = replace(unknown, signature=__import__("base64").b64encode(
            store._signing_key().sign(unknown.message())).decode())
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(rewrite(unknown.to_payload())))
    assert code == 1 and out.startswith("unknown:")


def test_print_refuses_a_file_that_differs_from_the_store(capsys, data_dir, pwfile, stored, tmp_path):
    _case_file, case = stored
    changed = tmp_path / "changed.json"
    changed.write_text(dump_case(replace(case, notes="edited outside")), encoding="utf-8")
    code, _, err = run(capsys, data_dir, pwfile, "print", str(changed), "-o", str(tmp_path / "m.pdf"))
    assert code == 2 and "differs from revision 1 in the store" in err and err.count("\n") == 1


def test_print_without_a_store_is_unsealed(capsys, tmp_path, pwfile):
    case_file = tmp_path / "c.json"
    case_file.write_text(dump_case(complete_case()), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "no-store", pwfile, "print", str(case_file), "-o", str(tmp_path / "m.pdf"))
    assert code == 0, err
    assert "not sealed" in out


@pytest.mark.parametrize(("content", "message"), [(b"not a pdf", "not a readable PDF"), (None, "no Casefile seal")])
def test_verify_bad_input_is_exit_2(capsys, data_dir, pwfile, stored, tmp_path, content, message):
    target = tmp_path / "x.pdf"
    if content is None:
        writer = PdfWriter()
        writer.add_blank_page(100, 100)
        with target.open("wb") as f:
            writer.write(f)
    else:
        target.write_bytes(content)
    code, _, err = run(capsys, data_dir, pwfile, "verify", str(target))
    assert code == 2 and message in err and err.count("\n") == 1


def test_print_refuses_unprintable_text_in_one_line(capsys, tmp_path, pwfile):
    case = complete_case()
    case = replace(case, subject=replace(case.subject, family_name="Smile 🙂"))
    case_file = tmp_path / "c.json"
    case_file.write_text(dump_case(case), encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "no-store", pwfile, "print", str(case_file), "-o", str(tmp_path / "m.pdf"))
    assert code == 2 and "subject.family_name: 🙂 (U+1F642)" in err and err.count("\n") == 1
    assert not (tmp_path / "m.pdf").exists()
