"""`casefile print` and `casefile verify`: sealed memos match, go stale, are unknown, or are caught forged."""

from __future__ import annotations

import base64
import io
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

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
    assert "MEMORANDUM FOR:" in PdfReader(str(memo)).pages[0].extract_text()
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(memo))
    assert (code, out.split(":")[0]) == (0, "match")

    with CaseStore.open(data_dir, PASSPHRASE) as store:
        store.update_case(replace(store.get_case(case.id), notes="changed after printing"))
        assert "memo_printed" in [e.action for e in store.audit_entries(case.id)]
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(memo))
    assert code == 1 and out.startswith("superseded:") and "now revision 2" in out


def rewrite(memo: Path, target: Path, payload: str) -> Path:
    writer = PdfWriter(clone_from=str(memo))
    writer.add_metadata({"/Keywords": payload})
    out = io.BytesIO()
    writer.write(out)
    target.write_bytes(out.getvalue())
    return target


def test_unknown_case_and_forged_seal(capsys, data_dir, pwfile, stored, tmp_path):
    case_file, _case = stored
    memo = tmp_path / "memo.pdf"
    assert run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(memo))[0] == 0
    payload = PdfReader(str(memo)).metadata["/Keywords"]
    doc = json.loads(payload.removeprefix("casefile-memo:"))

    forged = rewrite(memo, tmp_path / "forged.pdf", "casefile-memo:" + json.dumps({**doc, "d": "00" * 32}))
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(forged))
    assert code == 1 and out.startswith("forged:")

    other_store = tmp_path / "other"
    with CaseStore.create(other_store, PASSPHRASE, OFFICER):
        pass
    code, out, _ = run(capsys, other_store, pwfile, "verify", str(memo))
    assert code == 1 and out.startswith("forged:")  # signed by another profile's key

    with CaseStore.open(data_dir, PASSPHRASE) as store:
        from casework.seal import MemoSeal

        seal = MemoSeal.from_payload(payload)
        unknown = replace(seal, case_number="CF-1999-NOBODY-0001", signature="")
        unknown = replace(unknown, signature=base64.b64encode(store._signing_key().sign(unknown.message())).decode())
    code, out, _ = run(capsys, data_dir, pwfile, "verify",
                       str(rewrite(memo, tmp_path / "unknown.pdf", unknown.to_payload(tuple(doc["g"])))))
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


@pytest.fixture
def two_memos(capsys, data_dir, pwfile, stored, tmp_path):
    """Revision 1 and revision 2 of the same case, printed and sealed (three pages each)."""
    case_file, case = stored
    first = tmp_path / "rev1.pdf"
    assert run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(first))[0] == 0
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        store.update_case(replace(store.get_case(case.id), notes="Second interview on file."))
        store.close_revision(case.id)
        second_case = store.get_case(case.id)
    second_file = tmp_path / "case2.json"
    second_file.write_text(dump_case(second_case), encoding="utf-8")
    second = tmp_path / "rev2.pdf"
    assert run(capsys, data_dir, pwfile, "print", str(second_file), "-o", str(second))[0] == 0
    return first, second


def verify(capsys, data_dir, pwfile, path):
    code, out, _err = run(capsys, data_dir, pwfile, "verify", str(path))
    return code, out.strip()


def test_the_current_revision_matches_and_the_older_one_is_superseded(capsys, data_dir, pwfile, two_memos):
    first, second = two_memos
    assert verify(capsys, data_dir, pwfile, second)[1].startswith("match:")
    code, out = verify(capsys, data_dir, pwfile, first)
    assert code == 1 and out.startswith("superseded:")


def test_a_page_swapped_in_from_another_memo_is_altered_and_named(capsys, data_dir, pwfile, two_memos, tmp_path):
    first, second = two_memos
    writer = PdfWriter(clone_from=str(second))
    writer.pages[1].replace_contents(PdfReader(str(first)).pages[1].get_contents())
    target = tmp_path / "swapped.pdf"
    writer.write(target)
    code, out = verify(capsys, data_dir, pwfile, target)
    assert code == 1 and out == ("altered: The memo was changed after it was sealed: page 2 differs from page 2 as "
                                 "sealed.")


def test_a_one_glyph_edit_inside_a_content_stream_is_altered(capsys, data_dir, pwfile, two_memos, tmp_path):
    from pypdf.generic import DecodedStreamObject

    _first, second = two_memos
    writer = PdfWriter(clone_from=str(second))
    data = writer.pages[2].get_contents().get_data()
    i = data.index(b"(Signature")
    edited = DecodedStreamObject()
    edited.set_data(data[:i + 1] + b"s" + data[i + 2:])  # "Signature" -> "signature": one glyph
    writer.pages[2].replace_contents(edited)
    target = tmp_path / "glyph.pdf"
    writer.write(target)
    code, out = verify(capsys, data_dir, pwfile, target)
    assert code == 1 and out.endswith("page 3 differs from page 3 as sealed.")


def test_a_flipped_byte_in_a_page_is_altered(capsys, data_dir, pwfile, two_memos, tmp_path):
    _first, second = two_memos
    raw = bytearray(second.read_bytes())
    reader = PdfReader(str(second))
    compressed = reader.pages[1]["/Contents"].get_object()._data  # the stream as stored (deflated)
    at = bytes(raw).index(compressed) + len(compressed) // 2
    raw[at] ^= 0x01
    target = tmp_path / "flipped.pdf"
    target.write_bytes(bytes(raw))
    code, out = verify(capsys, data_dir, pwfile, target)
    assert code == 1 and out.startswith("altered:") and "page 2" in out


def test_a_seal_moved_from_another_memo_is_altered(capsys, data_dir, pwfile, two_memos, tmp_path):
    first, second = two_memos
    moved = rewrite(first, tmp_path / "moved.pdf", PdfReader(str(second)).metadata["/Keywords"])
    code, out = verify(capsys, data_dir, pwfile, moved)
    assert code == 1 and out.endswith("sealed: page 1 differs from page 1 as sealed.")


def test_a_revision_1_memo_with_the_revision_2_seal_is_altered(capsys, data_dir, pwfile, two_memos, tmp_path):
    """The same as a moved seal, from the same case: the pages are revision 1's, the seal revision 2's."""
    first, second = two_memos
    payload = PdfReader(str(second)).metadata["/Keywords"]
    assert json.loads(payload.removeprefix("casefile-memo:"))["r"] == 2
    code, out = verify(capsys, data_dir, pwfile, rewrite(first, tmp_path / "rev.pdf", payload))
    assert code == 1 and out.startswith("altered:")


def test_a_copy_re_saved_by_qpdf_still_matches(capsys, data_dir, pwfile, two_memos, tmp_path):
    """qpdf rewrites the file (objects renumbered, streams recompressed, xref rebuilt) but not what any page
    draws: the decoded page contents are what is sealed, so the copy matches."""
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    _first, second = two_memos
    target = tmp_path / "resaved.pdf"
    subprocess.run(["qpdf", "--object-streams=generate", "--recompress-flate", "--compression-level=9", str(second),
                    str(target)], check=True)
    assert target.read_bytes() != second.read_bytes()
    code, out = verify(capsys, data_dir, pwfile, target)
    assert (code, out.split(":")[0]) == (0, "match")


@pytest.mark.parametrize(("content", "message"),
                         [(b"not a pdf", "neither a PDF nor an image"), (None, "no Casefile seal")])
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


def test_a_150_dpi_scan_with_a_page_missing_and_one_from_another_memo(capsys, data_dir, pwfile, two_memos,
                                                                          tmp_path):
    """pdftoppm renders the paper copy at 150 dpi; the scan holds pages 1 and 3 of revision 2's memo and page 2
    of revision 1's memo: page 2 is missing, and the foreign page is named."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    first, second = two_memos
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(second), str(tmp_path / "new")], check=True)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "2", "-l", "2", str(first), str(tmp_path / "old")],
                   check=True)
    from PIL import Image

    pages = [Image.open(tmp_path / n) for n in ("new-1.png", "old-2.png", "new-3.png")]
    scan = tmp_path / "scan.pdf"
    pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=150)
    code, out = verify(capsys, data_dir, pwfile, scan)
    assert code == 1 and out.startswith("incomplete:")
    assert "pages present: 1, 3" in out and "pages missing: 2" in out
    assert "scan.pdf page 2 is from another memo: page 2 of 3 of case CF-2026-DO1138-0001, revision 1" in out

    complete = [str(tmp_path / f"new-{n}.png") for n in (1, 2, 3)]
    code, out, _err = run(capsys, data_dir, pwfile, "verify", *complete)
    assert code == 0 and out.startswith("match:") and "pages missing: none" in out


def _edit_first_font(memo: Path, target: Path) -> Path:
    """Flip the last bytes of the first font program embedded in page 1: the same text, other glyph shapes."""
    writer = PdfWriter(clone_from=str(memo))
    fonts = writer.pages[0]["/Resources"]["/Font"]
    name = next(n for n in sorted(fonts) if "/FontDescriptor" in fonts[n].get_object())
    program = fonts[name].get_object()["/FontDescriptor"].get_object()["/FontFile2"].get_object()
    data = program.get_data()
    program.set_data(data[:-16] + bytes(b ^ 0x55 for b in data[-16:]))
    writer.write(target)
    return target


def test_an_edited_embedded_font_is_altered(capsys, data_dir, pwfile, two_memos, tmp_path):
    """The page's text is unchanged (its seal digest matches); the font that draws it is not."""
    _first, second = two_memos
    edited = _edit_first_font(second, tmp_path / "font.pdf")
    from printing.verify import read_memo

    assert read_memo(edited.read_bytes()).pages == read_memo(second.read_bytes()).pages
    code, out = verify(capsys, data_dir, pwfile, edited)
    assert code == 1
    assert out == ("altered: The memo was changed after it was printed: page 1 differs from page 1 as rendered "
                   "again from the store: the fonts it is drawn with.")


def test_an_annotation_pasted_over_a_page_is_altered(capsys, data_dir, pwfile, two_memos, tmp_path):
    from pypdf.annotations import FreeText

    _first, second = two_memos
    writer = PdfWriter(clone_from=str(second))
    writer.add_annotation(1, FreeText(text="Take enforcement action", rect=(72, 300, 400, 330)))
    target = tmp_path / "annotated.pdf"
    writer.write(target)
    code, out = verify(capsys, data_dir, pwfile, target)
    assert code == 1 and out.endswith("page 2 differs from page 2 as rendered again from the store: its size or "
                                      "annotations.")


def test_a_qr_code_swapped_between_pages_is_altered(capsys, data_dir, pwfile, two_memos, tmp_path):
    """Page 1 drawing page 2's code: the content streams are untouched, the drawing they name is not."""
    _first, second = two_memos
    writer = PdfWriter(clone_from=str(second))
    page2_code = writer.pages[1]["/Resources"]["/XObject"].raw_get("/FormXob.CfPage2")
    writer.pages[0]["/Resources"]["/XObject"][NameObject("/FormXob.CfPage1")] = page2_code
    target = tmp_path / "qr.pdf"
    writer.write(target)
    code, out = verify(capsys, data_dir, pwfile, target)
    assert code == 1 and out.endswith("page 1 differs from page 1 as rendered again from the store: its drawings "
                                      "(the QR code, the seal block).")


def test_a_memo_printed_before_a_settings_change_still_verifies(capsys, data_dir, pwfile, stored, tmp_path):
    """The settings of the day (agency, handling, paper…) are kept in the print record: verify renders the memo
    again with them, whatever is set now."""
    case_file, _case = stored
    memo = tmp_path / "memo.pdf"
    assert run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(memo), "--agency", "Old Agency Name",
               "--handling", "FOR OFFICIAL USE ONLY", "--paper", "a4", "--memo-for", "Someone Else")[0] == 0
    code, out = verify(capsys, data_dir, pwfile, memo)
    assert code == 0 and out.startswith("match:")
    assert "rendered again from the stored revision with the settings it was printed with" in out
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        from storage import memo_prints

        (record,) = memo_prints.prints_of(store, _case.id)
        assert record.spec["settings"]["agency"] == "Old Agency Name" and record.spec["settings"]["paper"] == "a4"


def test_a_memo_this_version_lays_out_differently_verifies_against_the_kept_digests(
        capsys, data_dir, pwfile, stored, tmp_path, monkeypatch):
    case_file, _case = stored
    memo = tmp_path / "memo.pdf"
    assert run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(memo))[0] == 0
    from printing import memo as printing_memo

    monkeypatch.setattr(printing_memo, "RENDERER", "casefile-memo-99")
    code, out = verify(capsys, data_dir, pwfile, memo)
    assert code == 0 and out.startswith("match:") and "compared with the digests kept when it was printed" in out
    code, out = verify(capsys, data_dir, pwfile, _edit_first_font(memo, tmp_path / "font.pdf"))
    assert code == 1 and out.endswith("page 1 differs from page 1 as printed: the fonts it is drawn with.")


def test_a_copy_for_counsel_is_sealed_verified_and_its_disclosure_logged(capsys, data_dir, pwfile, stored, tmp_path):
    case_file, case = stored
    target = tmp_path / "copy.pdf"
    code, out, err = run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(target), "--for", "counsel",
                         "--recipient", "Rosa Counsel-Example")
    assert code == 0, err
    assert "a copy for Rosa Counsel-Example (counsel for the subject, for a case review), the disclosure logged" in out
    for page in PdfReader(str(target)).pages:
        assert "COPY FOR Rosa Counsel-Example" in page.extract_text()
    code, out = verify(capsys, data_dir, pwfile, target)
    assert code == 0 and out.startswith("match:")
    assert "a copy for Rosa Counsel-Example (counsel) under disclosure profile counsel-case-review version 1" in out
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        (entry,) = [e for e in store.audit_entries(case.id) if e.action == "memo_disclosed"]
        assert entry.actor == "DO-1138" and entry.at is not None
        assert entry.detail.startswith("copy for Rosa Counsel-Example (counsel), disclosure profile "
                                       "counsel-case-review version 1, revision 1, print ")
        assert entry.detail.endswith("saved as a PDF file")  # no file name: one may carry the subject's name
        stored_case = store.get_case(case.id)
        for text in (stored_case.subject.family_name, stored_case.subject.given_names, stored_case.case_number,
                     "copy.pdf"):
            assert not text or text not in entry.detail
        assert not [e for e in store.audit_entries(case.id) if e.action == "memo_printed"]


@pytest.mark.parametrize(("extra", "message"), [
    (["--for", "counsel"], "--for counsel needs --recipient NAME"),
    (["--recipient", "Rosa"], "--recipient names the recipient of a copy: add --for agency|counsel"),
    (["--for", "counsel", "--recipient", "x" * 60], "at most 50"),
    (["--for", "counsel", "--recipient", "  "], "needs the recipient's name"),
])
def test_copy_options_are_checked_in_one_line(capsys, data_dir, pwfile, stored, tmp_path, extra, message):
    case_file, _case = stored
    code, _out, err = run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(tmp_path / "c.pdf"), *extra)
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "c.pdf").exists()


def test_a_copy_needs_the_case_in_the_store(capsys, tmp_path, pwfile):
    case_file = tmp_path / "c.json"
    case_file.write_text(dump_case(complete_case()), encoding="utf-8")
    code, _out, err = run(capsys, tmp_path / "no-store", pwfile, "print", str(case_file), "-o", str(tmp_path / "m.pdf"),
                          "--for", "agency", "--recipient", "Records Unit")
    assert code == 2 and "printed only from a case in the store" in err


def test_several_memos_are_verified_one_by_one(capsys, data_dir, pwfile, two_memos):
    first, second = two_memos
    code, out, _err = run(capsys, data_dir, pwfile, "verify", str(second), str(first))
    lines = [line for line in out.splitlines() if not line.startswith("  ")]
    assert code == 1
    assert lines[0].startswith(f"{second}: match:")
    assert lines[1].startswith(f"{first}: superseded:")
    code, out, _err = run(capsys, data_dir, pwfile, "verify", str(second), str(second))
    assert code == 0 and out.count(": match:") == 2


def test_a_name_longer_than_a_page_prints_from_the_store(capsys, data_dir, pwfile, tmp_path):
    """5,000 characters without a space (the store takes up to 100,000): 'unexpected LayoutError' before."""
    case = complete_case()
    case = replace(case, id="", case_number="", subject=replace(case.subject, family_name="N" * 5000))
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        (result,) = store.import_cases([case])
    case_file = tmp_path / "long.json"
    case_file.write_text(dump_case(result.case), encoding="utf-8")
    memo = tmp_path / "memo.pdf"
    code, out, err = run(capsys, data_dir, pwfile, "print", str(case_file), "-o", str(memo))
    assert code == 0 and err == "" and "sealed: revision 1" in out
    body = "".join("".join(p.extract_text().split()) for p in PdfReader(str(memo)).pages)
    assert "N" * 2000 in body
    code, out, _ = run(capsys, data_dir, pwfile, "verify", str(memo))
    assert (code, out.split(":")[0]) == (0, "match")
