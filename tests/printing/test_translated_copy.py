"""The memo with a Spanish translated copy: the English original is printed exactly as without it and stays the
sealed record; the copy follows, labelled on every page, with its own page count, the Spanish labels of the
policy and the memo, and a notice naming the original; verify checks the original and names the copy."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from casework.assessment import FactorAnswer, OtherFactor, WorkflowEvent
from casework.disclosure import profile_for
from casework.exchange import dump_case
from casework.policy_translation import translated
from desktop.app import main
from desktop.cli_i18n import Catalogue
from printing import memo as M
from printing.translated_copy import MARK_KEY, render_translated_copy, with_translated_copy
from printing.verify import page_prints, read_memo
from storage.store import CaseStore
from tests.casework.assessing import GUIDELINES, INTERIM, answer, set_factor, with_assessment
from tests.casework.test_checks import complete_case
from tests.casework.test_checks_interim import complete_interim_case
from tests.conftest import OFFICER, PASSPHRASE

DAY = date(2026, 11, 26)
SHOTS = Path(__file__).parents[2] / "shots"


@pytest.fixture(scope="module", autouse=True)
def _qm_cache(tmp_path_factory):
    saved = os.environ.get("CASEFILE_CACHE_DIR")
    os.environ["CASEFILE_CACHE_DIR"] = str(tmp_path_factory.mktemp("qm"))
    yield
    if saved is None:
        os.environ.pop("CASEFILE_CACHE_DIR", None)
    else:
        os.environ["CASEFILE_CACHE_DIR"] = saved


def guidelines_case():
    case = set_factor(complete_case(), "A4", FactorAnswer.PRESENT, "Knife in the I-213", "I-213")
    case = set_factor(case, "M5", FactorAnswer.PRESENT, "Two U.S.-citizen children", "Birth certificates")
    return with_assessment(case, other_factors=(OtherFactor("mitigating", "Community volunteer", "Letters",
                                                            "Parish"),),
                           weighing="The knife weighs against the family ties.",
                           rationale="Declined: the knife (A4) is outweighed by the impact on the family (M5) and "
                                     "the community volunteer work.",
                           history=(WorkflowEvent(datetime(2024, 5, 2, 10, tzinfo=UTC), "DO1138", "submitted"),))


def interim_case():
    case = with_assessment(complete_interim_case(), determination="take_action", determination_detail="Arrest")
    for qid, value in (("justification", "Repeated DUI."), ("approver_name", "R. Diaz"),
                       ("approver_title", "Field Office Director"), ("approval_date", "2021-03-01")):
        case = answer(case, qid, value)
    return case


def texts(pdf: bytes, first: int, last: int) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(reader.pages[i].extract_text() for i in range(first - 1, last))


def pdftotext(pdf: bytes, first: int, last: int, tmp_path: Path, *, layout: bool = True) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    path = tmp_path / "memo.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-f", str(first), "-l", str(last),
                           str(path), "-"], capture_output=True, text=True, check=True).stdout


def both(case, policy, copy=None, seal=None):
    settings = M.MemoSettings()
    original = M.render_memo(case, policy, settings, seal, memo_date=DAY, copy=copy)
    pages = render_translated_copy(case, policy, settings, original, "es", Catalogue("es").translate, memo_date=DAY,
                                   copy=copy)
    return original, with_translated_copy(original, pages, "es")


@pytest.mark.parametrize(("make", "policy"), [(guidelines_case, GUIDELINES), (interim_case, INTERIM)],
                         ids=["guidelines", "interim"])
def test_the_english_pages_are_exactly_as_without_the_copy(make, policy, tmp_path):
    original, pdf = both(make(), policy)
    n = len(PdfReader(io.BytesIO(original.pdf)).pages)
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    assert total > n
    assert page_prints(pdf)[:n] == page_prints(original.pdf)  # content, fonts, drawings, page: every part
    assert texts(pdf, 1, n) == texts(original.pdf, 1, n)
    assert pdftotext(pdf, 1, n, tmp_path) == pdftotext(original.pdf, 1, n, tmp_path)
    assert PdfReader(io.BytesIO(pdf)).metadata["/Keywords"] == PdfReader(io.BytesIO(original.pdf)).metadata[
        "/Keywords"]
    mark = json.loads(PdfReader(io.BytesIO(pdf)).metadata[MARK_KEY])
    assert mark == {"language": "es", "first_page": n + 1, "pages": total - n, "print": original.print_id}


def test_the_copy_is_in_spanish_and_labelled_on_every_page(tmp_path):
    original, pdf = both(guidelines_case(), GUIDELINES)
    n = len(PdfReader(io.BytesIO(original.pdf)).pages)
    total = len(PdfReader(io.BytesIO(pdf)).pages)
    es = translated(GUIDELINES, "es")
    for i in range(n + 1, total + 1):
        page = pdftotext(pdf, i, i, tmp_path)
        assert "TRADUCCIÓN — el original en inglés es el documento oficial" in page
        assert f"página {i - n} de {total - n}" in page  # its own page count
        assert "TRADUCCIÓN: sin sello; el registro es el original en inglés" in page
    copy = " ".join(pdftotext(pdf, n + 1, total, tmp_path, layout=False).split())  # a table cell's lines in order
    for spanish in ("MEMORANDO", "PARA:", "ASUNTO:", "26 de noviembre de 2026", "1. Persona", "Apellido(s)",
                    "3. Antecedentes penales", "6. Registros examinados", "Categorías de prioridad",
                    es.category("public_safety").label, es.category("border_security").label,
                    es.category("national_security").label, "Factores agravantes presentes",
                    "Factores atenuantes presentes", es.factor("A4").label, es.factor("M5").label,
                    "Otro: Community volunteer", "Amenaza actual para la seguridad pública",
                    "No: la persona no constituye una amenaza actual para la seguridad pública.",
                    "Declaración sobre derechos civiles", "raza, religión, género", "Vigencia en la fecha de la "
                    "evaluación: vigente.", "Historial de revisión", "presentado", "Firmas",
                    "Cargo: Oficial de Inmigración", "☐ Conforme", "Traducción: Esta traducción española no está "
                    "sellada y no es el registro."):
        assert spanish in copy, spanish
    for english in ("MEMORANDUM FOR:", "Priority categories", "Threat to public safety", "Aggravating factors",
                    "Family name", "page 1 of", "Signatures"):
        assert english not in copy, english
    # The officer's own words are not translated: the record's text is what was written.
    assert "Declined: the knife (A4) is outweighed by the impact on the family (M5)" in copy
    english = " ".join(pdftotext(pdf, 1, n, tmp_path).split())
    assert "Threat to public safety" in english and "TRADUCCIÓN" not in english and "Categorías" not in english


def test_a_disclosure_copy_s_translation_withholds_the_same(tmp_path):
    case = replace(guidelines_case(), notes="Neighbour Jane Roe called it in.")
    copy = M.CopyFor(profile_for("agency"), "Agency X")
    original, pdf = both(case, GUIDELINES, copy=copy)
    n, total = len(PdfReader(io.BytesIO(original.pdf)).pages), len(PdfReader(io.BytesIO(pdf)).pages)
    english, spanish = pdftotext(pdf, 1, n, tmp_path), pdftotext(pdf, n + 1, total, tmp_path)
    assert "COPY FOR Agency X" in english and "WITHHELD: case notes" in english
    assert "COPIA PARA Agency X" in spanish and "RETENIDO: case notes" in spanish
    for text in (english, spanish):
        assert "Jane Roe" not in text and "called it in" not in text and "Parish" not in text


def test_rendered_pages_look_right(tmp_path):
    """Rendered to PNG for a person to look at (shots/memo-es-*.png), and the copy's first page is not blank."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs pdftoppm (poppler-utils)")
    original, pdf = both(guidelines_case(), GUIDELINES)
    n = len(PdfReader(io.BytesIO(original.pdf)).pages)
    path = tmp_path / "memo.pdf"
    path.write_bytes(pdf)
    SHOTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(SHOTS / "memo-es")], check=True)
    pngs = sorted(SHOTS.glob("memo-es-*.png"))
    assert len(pngs) >= n + 1
    assert pngs[n].stat().st_size > 10_000


# ----- the command line: print and verify ----------------------------------------------------------------------


@pytest.fixture
def stored(data_dir, tmp_path):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        (result,) = store.import_cases([replace(guidelines_case(), id="", case_number="")])
    path = tmp_path / "case.json"
    path.write_text(dump_case(result.case), encoding="utf-8")
    return path, result.case


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_print_with_a_translated_copy_and_verify(capsys, data_dir, stored, tmp_path):
    case_file, case = stored
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    base = ["--data-dir", str(data_dir), "--passphrase-file", str(pw)]
    plain, with_copy = tmp_path / "plain.pdf", tmp_path / "with-copy.pdf"
    assert run(capsys, *base, "print", str(case_file), "-o", str(plain))[0] == 0
    code, out, err = run(capsys, *base, "print", str(case_file), "-o", str(with_copy), "--translated-copy", "es")
    assert code == 0, err
    n = len(PdfReader(str(plain)).pages)
    total = len(PdfReader(str(with_copy)).pages)
    assert f"sealed: revision 1, {n} pages), then a translated copy (es, {total - n} pages, not sealed)" in out
    assert page_prints(with_copy.read_bytes())[:n] == page_prints(plain.read_bytes())
    assert read_memo(with_copy.read_bytes()).translation is not None
    copy_page = PdfReader(str(with_copy)).pages[n].extract_text()
    assert f"Caso {case.case_number} · revisión 1" in copy_page  # the sealed original's revision, named
    assert f"impresión {read_memo(with_copy.read_bytes()).seal.print_id}" in " ".join(
        PdfReader(str(with_copy)).pages[total - 1].extract_text().split())

    code, out, _ = run(capsys, *base, "verify", str(with_copy))
    assert code == 0 and out.startswith("match:"), out
    assert f"pages {n + 1}–{total}: a translated copy (es), not sealed and not the record; not checked" in out
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        details = [e.detail for e in store.audit_entries(case.id) if e.action == "memo_printed"]
    assert any(f"with a translated copy (es, {total - n} pages, not sealed)" in d for d in details)

    # The same pages without the mark: the copy's pages are pages added to the sealed memo.
    writer = PdfWriter(clone_from=str(with_copy))
    writer.add_metadata({MARK_KEY: "{}"})
    unmarked = tmp_path / "unmarked.pdf"
    with open(unmarked, "wb") as f:
        writer.write(f)
    code, out, _ = run(capsys, *base, "verify", str(unmarked))
    assert code == 1 and out.startswith("altered:") and f"page {n + 1} was added" in out


# ----- hostile names (../shared/testdata) ------------------------------------------------------------------


def test_every_name_of_the_shared_test_data_reads_back_from_the_copy():
    """Aliases in every script, mixed directions, and a right-to-left name in the copy's header and subject
    line: read back from the translated pages as exactly as from the original's."""
    import unicodedata

    from casework.model import Subject
    from tests.printing.test_memo import POLICY, memo_case
    from tests.printing.test_names import MIXED, NAMES, SETTINGS, expected

    stored = tuple(unicodedata.normalize("NFC", a) for a in NAMES + MIXED)
    case = replace(memo_case(), subject=Subject(family_name="عبد الله", given_names="محمد", aliases=stored,
                                                a_number="A123456789"))
    original = M.render_memo(case, POLICY, SETTINGS, memo_date=DAY)
    pages = render_translated_copy(case, POLICY, SETTINGS, original, "es", Catalogue("es").translate, memo_date=DAY)
    pdf = with_translated_copy(original, pages, "es")
    n = len(PdfReader(io.BytesIO(original.pdf)).pages)
    lines = [line.strip().removeprefix("Alias ") for page in PdfReader(io.BytesIO(pdf)).pages[n:]
             for line in page.extract_text().split("\n")]
    for name in NAMES + MIXED:
        assert expected(name) in lines, name
    assert "Evaluación individual de عبد الله, محمد (A123456789), caso " + case.case_number in " ".join(lines)
    assert lines[lines.index("Persona:") + 1] == "عبد الله, محمد"  # the header (label and name: two runs)
    assert f"Caso {case.case_number} · SIN SELLAR" in lines  # as its original, which is not sealed
