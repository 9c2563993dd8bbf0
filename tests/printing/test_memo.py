"""The decision memo: every section and name read back, hostile text, determinism, long cases, seals."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from casework.assessment import FactorAnswer, OtherFactor
from casework.dates import PartialDate
from casework.errors import NotPrintable
from casework.model import CaseStatus, Disposition, Offense, Officer, Subject
from casework.policy import PolicyLibrary
from casework.seal import Seal
from printing.memo import MemoSettings, render_memo
from printing.verify import read_seal
from tests.casework.test_checks import complete_case, set_factor

POLICY = PolicyLibrary.bundled().latest()
SETTINGS = MemoSettings(office="Field Office Example", handling="LAW ENFORCEMENT SENSITIVE")
SEAL = Seal("CF-2026-DO1138-0042", 7, "ab" * 32, "0123456789abcdef", "c2lnbmF0dXJl")
NAMES = {
    "latin": "Zoë Ñúñez-Çelik",
    "cyrillic": "Анна Образцова",
    "greek": "Ελένη Δείγμα",
    "arabic": "سمير مثال",
    "hebrew": "דוד דוגמה",
}
MARKUP = ['<img src="file:///etc/passwd">', '<font color="red" size="40">x</font>', "&amp; <b>bold?</b>"]


def memo_case(**subject):
    case = complete_case()
    case = set_factor(case, "A4", FactorAnswer.PRESENT, "Police report: knife shown")
    case = set_factor(case, "M5", FactorAnswer.PRESENT, "Two U.S.-citizen children")
    a = replace(case.assessment, weighing="Weighed: the children against the weapon.",
                rationale="Declined. M5 outweighs A4.",
                other_factors=(OtherFactor("mitigating", MARKUP[1], MARKUP[2], "Shelter"),))
    return replace(case, case_number="CF-2026-DO1138-0042", revision=7, status=CaseStatus.SUBMITTED,
                   officer=Officer("Dana Ortiz", "DO-1138", "Field Office Example"),
                   subject=Subject(family_name=NAMES["arabic"], given_names=NAMES["latin"],
                                   aliases=(NAMES["cyrillic"], NAMES["greek"], NAMES["hebrew"], MARKUP[0]),
                                   a_number="A123456789", **subject),
                   offenses=(Offense("Theft", "PC 484", "Sample County", PartialDate("2012-02"),
                                     disposition=Disposition.VACATED),),
                   assessment=a)


def text_of(pdf: bytes) -> str:
    """The memo's text with line breaks folded to spaces (wrapping is layout, not content)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_every_section_and_every_name_reads_back():
    pdf = render_memo(memo_case(), POLICY, SETTINGS, SEAL)
    text = text_of(pdf)
    for heading in ("DECISION MEMORANDUM", "1. Subject", "2. Encounter", "3. Criminal history",
                    "4. Records reviewed", "5. Priority categories", "6. Aggravating and mitigating factors",
                    "7. Weighing", "8. Determination", "9. Civil-rights attestation", "10. Policy",
                    "11. Signatures", "Threat to national security", "Threat to public safety",
                    "Threat to border security", "Police report: knife shown", "Two U.S.-citizen children",
                    "Decline enforcement action", "Declined. M5 outweighs A4.", "dhs-civil-enforcement-guidelines",
                    "Supervisor", "Printed name: Dana Ortiz", "LAW ENFORCEMENT SENSITIVE", "page 1 of",
                    "Case CF-2026-DO1138-0042 · record revision 7", "SHA-256 of the record: " + "ab" * 32):
        assert heading in text, heading
    for script, name in NAMES.items():
        assert name_present(name, text), script


def name_present(name: str, text: str) -> bool:
    """pypdf extracts right-to-left words glyph by glyph (visual order), so accept a word either way round.
    The glyph order itself was checked with pdftotext -bbox and by eye (see printing/fonts.py)."""
    return name in text or all(w in text or w[::-1] in text for w in name.split())


def test_markup_in_user_text_prints_literally():
    text = text_of(render_memo(memo_case(), POLICY, SETTINGS, SEAL))
    for hostile in MARKUP:
        assert hostile in text, hostile


def test_same_record_prints_the_same_bytes():
    assert render_memo(memo_case(), POLICY, SETTINGS, SEAL) == render_memo(memo_case(), POLICY, SETTINGS, SEAL)


def test_draft_watermark_only_before_submission():
    draft = text_of(render_memo(replace(memo_case(), status=CaseStatus.DRAFT), POLICY, SETTINGS, SEAL))
    final = text_of(render_memo(memo_case(), POLICY, SETTINGS, SEAL))
    assert "DRAFT" in draft and "DRAFT" not in final


def test_every_page_carries_case_revision_page_and_handling():
    case = replace(memo_case(), offenses=tuple(Offense(f"Charge {i}", "PC 1", "County") for i in range(200)))
    case = replace(case, assessment=replace(case.assessment, rationale=("Because of the facts. " * 250)[:5000]
                                            + " M5 A4"))
    pdf = render_memo(case, POLICY, SETTINGS, SEAL)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 5
    for n, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert f"page {n} of {len(pages)}" in text
        assert "Case CF-2026-DO1138-0042 · record revision 7" in text
        assert text.count("LAW ENFORCEMENT SENSITIVE") == 2
    assert "Charge 199" in text_of(pdf)


def test_very_long_unbroken_text_wraps_instead_of_running_off_the_page():
    case = replace(memo_case(), notes="", subject=replace(memo_case().subject, family_name="X" * 600))
    text = text_of(render_memo(case, POLICY, SETTINGS, SEAL))
    assert text.replace(" ", "").count("X" * 600) == 1


def test_a_character_no_shipped_font_has_is_caught_before_printing():
    case = replace(memo_case(), subject=replace(memo_case().subject, given_names="Zoë 🙂"))
    with pytest.raises(NotPrintable, match=r"subject\.given_names: 🙂 \(U\+1F642\)"):
        render_memo(case, POLICY, SETTINGS, SEAL)


def test_an_unprintable_case_number_is_caught_too():
    """The case number comes from imported files as well, and it prints on every page."""
    case = replace(memo_case(), case_number="CF-🙂-1")
    with pytest.raises(NotPrintable, match=r"case_number: 🙂"):
        render_memo(case, POLICY, SETTINGS, SEAL)


def test_the_seal_is_embedded_and_read_back():
    pdf = render_memo(memo_case(), POLICY, SETTINGS, SEAL)
    assert read_seal(pdf) == SEAL


def test_an_unsealed_memo_has_no_seal():
    from casework.seal import SealError

    with pytest.raises(SealError, match="no Casefile seal"):
        read_seal(render_memo(memo_case(), POLICY, SETTINGS, None))
