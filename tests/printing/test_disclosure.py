"""Copies for a recipient: withheld text is blacked out AND gone from the file; COPY FOR on every page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from casework.assessment import FactorAnswer, FactorFinding
from casework.disclosure import (
    BLOCKS,
    DisclosureError,
    Withheld,
    check_recipient,
    parse_profile,
    profile_for,
    profiles,
    withhold,
)
from casework.model import AttentionSource, Encounter, FamilyTie
from printing.memo import CopyFor, MemoSettings, render_memo
from tests.printing.test_memo import MEMO_DATE, POLICY, memo_case

SETTINGS = MemoSettings(office="Field Office Example")
SECRETS = {
    "tip detail": "Call from Zdzisław Informantowicz at the bakery",
    "family name": "Ana Hiddenfamily",
    "family notes": "Lives with Borys Quietname",
    "family status": "Asylum pending",
    "case notes": "Neighbour Kasimir Notesonly saw the car",
    "factor source": "Confidential informant CI-4471",
}
NAME_MENTIONED = "Hiddenfamily"  # the family member's surname, mentioned in the rationale


def secret_case():
    case = memo_case()
    factors = tuple(replace(f, source=SECRETS["factor source"]) if f.answer is FactorAnswer.PRESENT else f
                    for f in case.assessment.factors)
    assessment = replace(case.assessment, factors=factors,
                         rationale="Declined. Ana Hiddenfamily, a U.S. citizen daughter, depends on him; "
                                   "the Hiddenfamily household would lose its earner.")
    return replace(case, encounter=Encounter(place="Sample Town", attention_source=AttentionSource.TIP_EMPLOYER,
                                             attention_detail=SECRETS["tip detail"]),
                   family=(FamilyTie(SECRETS["family name"], "daughter", SECRETS["family status"],
                                     SECRETS["family notes"]),),
                   notes=SECRETS["case notes"], assessment=assessment)


def copy_pdf(recipient: str = "Rosa Counsel-Example", kind: str = "counsel") -> bytes:
    return render_memo(secret_case(), POLICY, SETTINGS, memo_date=MEMO_DATE,
                       copy=CopyFor(profile_for(kind), recipient)).pdf


def pypdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


WORDS = ["Zdzisław", "Informantowicz", "Hiddenfamily", "Borys", "Quietname", "Asylum", "Kasimir", "Notesonly",
         "CI-4471"]
"""The distinctive words of the withheld strings: none may be left over from a partly withheld value."""


def withheld_strings() -> list[str]:
    return [*SECRETS.values(), *WORDS, "Tip from an employer"]


@pytest.fixture(scope="module")
def counsel_copy() -> bytes:
    return copy_pdf()


def test_the_original_memo_holds_every_secret():
    """The test's premise: without a disclosure profile each of them prints."""
    text = " ".join(pypdf_text(render_memo(secret_case(), POLICY, SETTINGS, memo_date=MEMO_DATE).pdf).split())
    for secret in [*SECRETS.values(), "Tip from an employer"]:
        assert secret in text, secret


@pytest.mark.parametrize("secret", withheld_strings())
def test_the_copys_text_layer_holds_no_withheld_string(counsel_copy, secret):
    assert secret not in " ".join(pypdf_text(counsel_copy).split())


def test_pdftotext_finds_no_withheld_string(counsel_copy, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "copy.pdf"
    path.write_bytes(counsel_copy)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    folded = " ".join(text.split())
    assert "COPY FOR Rosa Counsel-Example" in folded
    for secret in withheld_strings():
        assert secret not in folded, secret


def test_no_stream_of_the_file_holds_a_withheld_string(counsel_copy, tmp_path):
    """Every stream decompressed (content streams, fonts' text maps, metadata): the withheld text is not in the
    file at all, not merely hidden under a box."""
    streams = [obj.get_object().get_data() for obj in _all_streams(counsel_copy)]
    raw = b"\n".join(streams) + counsel_copy
    for secret in withheld_strings():
        for encoding in ("utf-8", "utf-16-be", "latin-1"):
            try:
                needle = secret.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert needle not in raw, (secret, encoding)
    if shutil.which("qpdf"):
        out = tmp_path / "uncompressed.pdf"
        src = tmp_path / "copy.pdf"
        src.write_bytes(counsel_copy)
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(src), str(out)], check=True)
        data = out.read_bytes()
        for secret in withheld_strings():
            assert secret.encode("utf-8") not in data, secret


def _all_streams(pdf: bytes):
    reader = PdfReader(io.BytesIO(pdf))
    for num in range(1, reader.trailer["/Size"]):
        try:
            obj = reader.get_object(num)
        except Exception:
            continue
        if hasattr(obj, "get_data"):
            yield obj


def test_every_page_says_whose_copy_it_is_and_keeps_the_rest(counsel_copy):
    pages = PdfReader(io.BytesIO(counsel_copy)).pages
    for page in pages:
        assert "COPY FOR Rosa Counsel-Example" in " ".join(page.extract_text().split())
    text = " ".join(pypdf_text(counsel_copy).split())
    assert "WITHHELD: third party" in text and "WITHHELD: tip source" in text
    assert "Disclosure: Copy for Rosa Counsel-Example, counsel for the subject, for a case review" in text
    assert "Subject: سمير مثال, Zoë Ñúñez-Çelik" in text  # the subject's own name is not withheld from counsel
    assert f"Declined. {BLOCKS}, a U.S. citizen daughter, depends on him; the {BLOCKS} household" in text
    assert "daughter" in text and "Police report: knife shown" in text


def test_withheld_values_are_drawn_as_solid_boxes(counsel_copy):
    """A filled black rectangle per withheld value, its reason in white on it."""
    data = b"".join(p.get_contents().get_data() for p in PdfReader(io.BytesIO(counsel_copy)).pages)
    boxes = re.findall(rb"0 0 0 rg\s+n?\s*[\d.]+ [\d.-]+ [\d.]+ [\d.]+ re f\*?\s+1 1 1 rg", data)
    assert len(boxes) >= 6  # source, detail, name, status, family notes, case notes, factor source


def test_another_agencys_copy_follows_its_own_profile():
    text = " ".join(pypdf_text(copy_pdf("Records Unit, Sample Agency", "agency")).split())
    assert "Tip from an employer" in text  # how the case came to attention: shown to an agency
    for secret in (SECRETS["tip detail"], SECRETS["family name"], SECRETS["case notes"], NAME_MENTIONED):
        assert secret not in text
    assert "COPY FOR Records Unit, Sample Agency" in text


def test_a_copy_is_sealed_apart_from_the_memo():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from printing.memo import SealRequest

    class Signer:
        key_id = "0123456789abcdef"
        key = Ed25519PrivateKey.generate()

        def sign(self, message: bytes) -> bytes:
            return self.key.sign(message)

    seal = SealRequest("ab" * 32, Signer(), "case-id")
    memo = render_memo(secret_case(), POLICY, SETTINGS, seal, memo_date=MEMO_DATE)
    copy = render_memo(secret_case(), POLICY, SETTINGS, seal, memo_date=MEMO_DATE,
                       copy=CopyFor(profile_for("counsel"), "Rosa Counsel-Example"))
    assert copy.print_id != memo.print_id and copy.seal.pages != memo.seal.pages
    assert copy.spec["copy"] == {"profile": "counsel-case-review", "version": "1", "for": "counsel",
                                 "recipient": "Rosa Counsel-Example", "sha256": profile_for("counsel").sha256}
    assert copy.pdf == render_memo(secret_case(), POLICY, SETTINGS, seal, memo_date=MEMO_DATE,
                                   copy=CopyFor(profile_for("counsel"), "Rosa Counsel-Example")).pdf


def test_a_recipient_name_in_any_script_prints_exactly():
    pages = PdfReader(io.BytesIO(copy_pdf("محمد عبد الله", "counsel"))).pages
    for page in pages:
        assert "COPY FOR محمد عبد الله items withheld are blacked out" in page.extract_text().split("\n")


# ----- the profiles and the withholding itself ---------------------------------------------------------------


def test_every_shipped_profile_loads_and_kinds_are_unique():
    kinds = [p.recipient for p in profiles()]
    assert sorted(kinds) == ["agency", "counsel"]
    counsel = profile_for("counsel")
    assert {r.field for r in counsel.rules} >= {"encounter.attention_detail", "family.name", "notes"}


def test_a_profile_naming_a_field_a_case_does_not_have_is_refused():
    doc = (b'{"format": "casefile.disclosure", "format_version": 1, "id": "x", "version": "1", "recipient": "x", '
           b'"label": "x", "summary": "x", "withhold": [{"field": "family.nmae", "reason": "typo"}]}')
    with pytest.raises(DisclosureError, match=r"bad\.json: withhold\[0\]\.field 'family\.nmae' is not a field"):
        parse_profile(doc, "bad.json")


def test_names_are_blacked_out_elsewhere_but_not_the_subjects_own():
    case = secret_case()
    case = replace(case, family=(FamilyTie("Ana Zoë Ñúñez-Çelik", "sister"),),
                   other_ties="Visits Ana every week; Zoë works nearby.")
    out = withhold(case, profile_for("counsel")).case
    assert isinstance(out.family[0].name, Withheld) and out.family[0].name.reason == "third party"
    assert out.other_ties == f"Visits {BLOCKS} every week; Zoë works nearby."  # Zoë is the subject's own name
    assert out.subject == case.subject


def test_a_tip_source_is_withheld_only_when_it_is_a_tip():
    referral = replace(secret_case(), encounter=Encounter(attention_source=AttentionSource.LAW_ENFORCEMENT_REFERRAL))
    assert withhold(referral, profile_for("counsel")).withheld == {}
    assert withhold(secret_case(), profile_for("counsel")).withheld == {"encounter.attention_source": "tip source"}


def test_recipient_names_are_checked():
    assert check_recipient("  Rosa   Counsel ") == "Rosa Counsel"
    with pytest.raises(DisclosureError, match="needs the recipient's name"):
        check_recipient("  ")
    with pytest.raises(DisclosureError, match="at most 50"):
        check_recipient("x" * 51)


def test_factor_findings_keep_their_evidence():
    out = withhold(secret_case(), profile_for("counsel")).case
    present = [f for f in out.assessment.factors if f.answer is FactorAnswer.PRESENT]
    assert present and all(isinstance(f, FactorFinding) and isinstance(f.source, Withheld) for f in present)
    assert "Police report: knife shown" in [f.evidence for f in present]
