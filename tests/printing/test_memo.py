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
from printing.memo import MemoSettings, render_memo
from tests.casework.test_checks import complete_case, set_factor

POLICY = PolicyLibrary.bundled().latest()
SETTINGS = MemoSettings(office="Field Office Example", handling="LAW ENFORCEMENT SENSITIVE")
MEMO_DATE = __import__("datetime").date(2026, 11, 3)
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


def pdf_of(case, settings: MemoSettings = SETTINGS) -> bytes:
    return render_memo(case, POLICY, settings, memo_date=MEMO_DATE).pdf


def text_of(pdf: bytes) -> str:
    """The memo's text with line breaks folded to spaces (wrapping is layout, not content)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_every_section_reads_back():
    text = text_of(pdf_of(memo_case()))
    for heading in ("MEMORANDUM FOR: Field Office Director", "THROUGH: Supervisory Immigration Officer",
                    "FROM: Dana Ortiz, Immigration Officer, Field Office Example", "DATE: November 3, 2026",
                    "1. Subject", "2. Encounter", "3. Criminal history", "4. Family and ties", "5. Case notes",
                    "6. Records reviewed", "7. Priority categories", "8. Aggravating and mitigating factors",
                    "9. Weighing", "10. Determination", "11. Civil-rights attestation", "12. Policy", "Signatures",
                    "Threat to national security", "Threat to public safety", "Threat to border security",
                    "Police report: knife shown", "Two U.S.-citizen children", "Decline enforcement action",
                    "Rationale: Declined. M5 outweighs A4.", "dhs-civil-enforcement-guidelines", "Supervisor",
                    "☐ Concur ☐ Non-concur", "Printed name: Dana Ortiz", "LAW ENFORCEMENT SENSITIVE", "page 1 of",
                    "Case CF-2026-DO1138-0042 · UNSEALED", "Current threat to public safety:"):
        assert heading in text, heading


def test_absent_and_unknown_factors_are_named_not_coded():
    text = text_of(pdf_of(memo_case()))
    absent = text.split("Found absent:")[1].split(".")[0]
    assert "(A1)" in absent and any(ch.isalpha() and ch.islower() for ch in absent.split("(A1)")[0])


def test_a_dismissed_charge_has_no_conviction_date_called_unknown():
    case = replace(memo_case(), offenses=(Offense("Theft", "PC 484", "Sample County", PartialDate("2012-02"),
                                                  disposition=Disposition.DISMISSED),))
    text = text_of(pdf_of(case))
    assert "2012-02 no conviction Dismissed" in text


def test_family_ties_and_notes_are_printed():
    from casework.model import FamilyTie

    case = replace(memo_case(), family=(FamilyTie("Ana Example", "daughter", "U.S. citizen", "lives with him"),),
                   other_ties="Owns a bakery since 2016", notes="Interviewed at the field office.")
    text = text_of(pdf_of(case))
    for expected in ("Ana Example daughter U.S. citizen lives with him", "Other ties: Owns a bakery since 2016",
                     "Interviewed at the field office."):
        assert expected in text


def test_markup_in_user_text_prints_literally():
    text = text_of(pdf_of(memo_case()))
    for hostile in MARKUP:
        assert hostile in text, hostile


def test_same_record_prints_the_same_bytes():
    assert pdf_of(memo_case()) == pdf_of(memo_case())


def test_the_draft_mark_is_drawn_but_never_in_the_text_layer():
    draft = pdf_of(replace(memo_case(), status=CaseStatus.DRAFT))
    final = pdf_of(memo_case())
    assert "DRAFT" not in text_of(draft) and "D R A F T" not in text_of(draft)
    # drawn as filled outlines: the draft's pages carry more path drawing than the final memo's
    import re

    draft_ops = len(re.findall(rb"\sc\s", PdfReader(io.BytesIO(draft)).pages[0].get_contents().get_data()))
    final_ops = len(re.findall(rb"\sc\s", PdfReader(io.BytesIO(final)).pages[0].get_contents().get_data()))
    assert draft_ops > final_ops + 20


def test_every_page_carries_case_revision_page_and_handling():
    case = replace(memo_case(), offenses=tuple(Offense(f"Charge {i}", "PC 1", "County") for i in range(200)))
    case = replace(case, assessment=replace(case.assessment, rationale=("Because of the facts. " * 250)[:5000]
                                            + " M5 A4"))
    pdf = pdf_of(case)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 5
    for n, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert f"page {n} of {len(pages)}" in text
        assert "Case CF-2026-DO1138-0042 · UNSEALED" in text and "UNSEALED: not matched to a stored record" in text
        assert "Subject: سمير مثال, Zoë Ñúñez-Çelik" in text
        assert text.count("LAW ENFORCEMENT SENSITIVE") == 2
    assert "Charge 199" in text_of(pdf)


def test_very_long_unbroken_text_wraps_instead_of_running_off_the_page():
    case = replace(memo_case(), notes="", subject=replace(memo_case().subject, family_name="X" * 600))
    text = text_of(pdf_of(case))
    assert "X" * 600 in text.replace(" ", "")  # wrapped, none of it cut off


def test_a_character_no_shipped_font_has_is_caught_before_printing():
    case = replace(memo_case(), subject=replace(memo_case().subject, given_names="Zoë 🙂"))
    with pytest.raises(NotPrintable, match=r"subject\.given_names: 🙂 \(U\+1F642\)"):
        pdf_of(case)


def test_an_unprintable_case_number_is_caught_too():
    """The case number comes from imported files as well, and it prints on every page."""
    case = replace(memo_case(), case_number="CF-🙂-1")
    with pytest.raises(NotPrintable, match=r"case_number: 🙂"):
        pdf_of(case)


def test_a4_is_a_setting_letter_the_default():
    letter = PdfReader(io.BytesIO(pdf_of(memo_case()))).pages[0].mediabox
    a4 = PdfReader(io.BytesIO(pdf_of(memo_case(), replace(SETTINGS, paper="a4")))).pages[0].mediabox
    assert (round(letter.width), round(letter.height)) == (612, 792)
    assert (round(a4.width), round(a4.height)) == (595, 842)


def test_body_text_is_never_smaller_than_10_pt():
    import re

    sizes = set()
    for page in PdfReader(io.BytesIO(pdf_of(memo_case()))).pages:
        sizes |= {float(x) for x in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", page.get_contents().get_data())}
    assert min(sizes) >= 10


def interim_case(public_safety: bool):
    """A case assessed under the ICE interim guidance (Feb 2021): a policy of another shape, no factors."""
    from datetime import date

    from casework.assessment import Answer, CategoryAnswer, CategoryFinding, with_answer
    from casework.workflow import start_assessment

    interim = PolicyLibrary.bundled().get("ice-interim-enforcement-priorities", "2021-02-18")
    case = replace(memo_case(), assessment=None)
    case = start_assessment(case, interim, date(2021, 3, 1))
    a = replace(case.assessment, records_reviewed=("criminal_record",), attested=True,
                categories=tuple(CategoryFinding(c.id, CategoryAnswer.APPLIES if public_safety and c.id ==
                                                 "public_safety" else CategoryAnswer.DOES_NOT_APPLY)
                                 for c in interim.categories),
                determination="take_action", determination_detail="Removal proceedings",
                rationale="Action taken as stated.")
    if public_safety:
        a = with_answer(a, Answer("public_safety_conditions", values=("aggravated_felony", "gang_offense")))
        a = with_answer(a, Answer("public_safety_threat", "threat"))
        a = with_answer(a, Answer("public_safety_considerations", "Conviction in 2019 for armed robbery."))
    else:
        for question, value in (("justification", "Pending warrant from another district."),
                                ("approver_name", "Jane Director"), ("approver_title", "Field Office Director"),
                                ("approval_date", "2021-03-01")):
            a = with_answer(a, Answer(question, value))
    return replace(case, assessment=a), interim


def test_a_memo_under_another_policy_uses_that_policys_layout_and_words():
    case, interim = interim_case(public_safety=False)
    text = text_of(render_memo(case, interim, SETTINGS, memo_date=MEMO_DATE).pdf)
    for expected in ("SUBJECT: Enforcement priority assessment of", "7. Presumed priority categories",
                     "National security: Not met", "Public safety: Not met",
                     "8. Action outside the presumed priorities",
                     "Written justification: Pending warrant from another district.", "Pre-approved by: Jane Director",
                     "Title: Field Office Director", "Pre-approved on: 2021-03-01",
                     "9. Determination Determination: Take enforcement action: Removal proceedings",
                     "10. Civil-rights attestation (office standing rule) ☒ The officer attests that none of the "
                     "following was considered, as the office's standing rule under this guidance:",
                     "11. Guidance Interim Guidance: Civil Immigration Enforcement and Removal Priorities"):
        assert expected in text, expected
    assert "Aggravating" not in text and "Weighing" not in text


def test_a_category_met_prints_its_own_questions_in_the_policys_words():
    case, interim = interim_case(public_safety=True)
    text = text_of(render_memo(case, interim, SETTINGS, memo_date=MEMO_DATE).pdf)
    for expected in ("Public safety: Met (presumed priority)",
                     "Conditions met: (a) Convicted of an aggravated felony (INA 101(a)(43)); (b) Convicted of an "
                     "offense with active participation in a criminal street gang",
                     "Threat to public safety: Yes: the person poses a threat to public safety.",
                     "Seriousness and recency: Conviction in 2019 for armed robbery."):
        assert expected in text, expected
    assert "Action outside the presumed priorities" not in text  # not asked, nothing answered


def body_of(pdf: bytes) -> str:
    """The memo's body text, pages joined, with all whitespace removed: each page's furniture (drawn after the
    body, from the handling line on) left out, so a name broken over lines and pages reads back whole."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "".join("".join(p.extract_text().split(SETTINGS.handling)[0].split()) for p in pages)


@pytest.mark.parametrize("length", [3000, 5000, 100_000])
def test_a_name_longer_than_a_page_prints_whole(length):
    """A row of the subject table taller than a page was a LayoutError; 100,000 is the store's limit for it."""
    name = "N" * length
    case = replace(memo_case(), subject=replace(memo_case().subject, family_name=name))
    pdf = pdf_of(case)
    assert body_of(pdf).count(name) == 2  # the SUBJECT line and the family name, each broken over lines and pages
    header = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split("Subject:")[1].split()[0]
    assert header.startswith("NNNN") and header.endswith("…") and len(header) < 100  # on the page, not off its edge


def columns_of(pdf: bytes) -> dict[int, str]:
    """The body text of each column (by the left edge its lines start at), pages joined, whitespace removed:
    the text of a table row set in pieces interleaves its columns in content order."""
    columns: dict[int, list[str]] = {}

    def visit(text, cm, tm, _font, _size):
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if text.strip() and 1.3 * 72 < y < 792 - 0.95 * 72:  # inside the body frame: no page furniture
            columns.setdefault(round(x), []).append("".join(text.split()))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return {x: "".join(parts) for x, parts in columns.items()}


def test_long_text_in_every_column_of_a_table_row_prints_whole():
    from casework.model import FamilyTie

    words = ("Lorem ipsum dolor sit amet. " * 200)[:5000]
    tie = FamilyTie("M" * 3000, "daughter", "U.S. citizen", words)
    case = replace(memo_case(), family=(tie,),
                   offenses=(Offense("C" * 5000, "PC 484", "J" * 3000, PartialDate("2012-02")),))
    heads = ("Name", "Relationship", "Notes", "Charge", "Jurisdiction")  # a grid's head row is repeated on each page
    columns = ["".join(column.split(head)) for column in columns_of(pdf_of(case)).values() for head in heads]
    for text in ("M" * 3000, "".join(words.split()), "C" * 5000, "J" * 3000):
        assert any(text in column for column in columns), text[:20]
