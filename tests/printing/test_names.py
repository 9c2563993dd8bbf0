"""Every name prints as entered: each script of the shared hostile-text and name-variant files is read back
exactly from a memo by pypdf (content order) and by pdftotext (page layout), with joined Arabic letters.

pdftotext reads by position and turns right-to-left runs back with its own short rule, which cannot give
the typed order back for a line that mixes directions (it moves the space after a right-to-left run in
front of it: "with محمد today" reads "with  محمدtoday", and "Ali محمد 1987", displayed "Ali 1987 محمد" by
the Unicode bidi algorithm, reads in display order). For such lines the test checks with `pdftotext -bbox`
that every glyph stands where the bidi algorithm displays it; pypdf reads them back exactly.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from casework.model import Subject
from printing.bidi import levels
from printing.memo import MemoSettings, render_memo
from tests.printing.test_memo import POLICY, memo_case

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
SETTINGS = MemoSettings(office="Field Office Example")
UNPRINTABLE = {"🙂", "田中 太郎"}  # refused with the field named (test_memo covers it)
EMBEDDING_MARKS = dict.fromkeys([0x202A, 0x202B, 0x202C, 0x202D, 0x202E])
"""pdftotext wraps the right-to-left runs it outputs in RLE … PDF marks; they are not part of the text."""


def _names() -> list[str]:
    doc = json.loads((TESTDATA / "hostile-text.json").read_text(encoding="utf-8"))
    names = [n["text"] for n in doc["names"] if n["text"] not in UNPRINTABLE]
    for line in (TESTDATA / "name-variants.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names += line.split("\t")[:2]
    return list(dict.fromkeys(names))


NAMES = _names()
MIXED = ["Meeting with محمد عبد الله today", "Paid المبلغ 250 دولار in cash", "Witness דוד (כהן) at 10:30",
         "עברית 123 ו-English", "لا إله"]


def expected(text: str) -> str:
    """What a reader must get back: the stored form (NFC), bidi controls not printed, no-break spaces printed
    as spaces (reportlab encodes U+00A0 as the space glyph), and no spaces at the ends of a line."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return text.replace("\u00a0", " ").strip()


def mixed_direction(text: str) -> bool:
    return len(set(levels(text)[1])) > 1


def memo_with_aliases(aliases: list[str]) -> bytes:
    case = memo_case()
    stored = tuple(unicodedata.normalize("NFC", a) for a in aliases)  # what the store keeps (casework.text)
    subject = Subject(family_name="Testcase", given_names="Names", aliases=stored, a_number="A123456789")
    return render_memo(replace(case, subject=subject), POLICY, SETTINGS).pdf


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return memo_with_aliases(NAMES + MIXED)


def pypdf_lines(pdf: bytes) -> list[str]:
    """Extracted lines; the first alias shares its line with the row label, which is cut off."""
    return [line.strip().removeprefix("Aliases ") for page in PdfReader(io.BytesIO(pdf)).pages
            for line in page.extract_text().split("\n")]


def test_the_test_data_has_every_script():
    scripts = {unicodedata.name(ch).split()[0] for name in NAMES for ch in name if ch.isalpha()}
    assert {"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW"} <= scripts
    assert any("ễ" in n for n in NAMES) and any(mixed_direction(expected(n)) for n in NAMES)


@pytest.mark.parametrize("name", NAMES + MIXED)
def test_pypdf_reads_every_name_back_exactly(pdf, name):
    assert expected(name) in pypdf_lines(pdf)


@pytest.fixture(scope="module")
def pdftotext_lines(pdf, tmp_path_factory) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path_factory.mktemp("names") / "memo.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return [line.translate(EMBEDDING_MARKS).strip().removeprefix("Aliases ") for line in out.stdout.splitlines()]


@pytest.mark.parametrize("name", [n for n in NAMES + MIXED if not mixed_direction(expected(n))])
def test_pdftotext_reads_every_single_direction_name_back_exactly(pdftotext_lines, name):
    assert expected(name) in pdftotext_lines


def bbox_lines(pdf: bytes, tmp: Path) -> list[list[str]]:
    """pdftotext -bbox words, grouped into printed lines (page and baseline), each line left to right."""
    path = tmp / "memo.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    lines: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for page, html in enumerate(out.split("<page ")[1:]):
        for m in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html):
            word = m[2].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
            lines.setdefault((page, round(float(m[1]))), []).append((float(m[0]), word))
    return [[w for _x, w in sorted(line)] for line in lines.values()]


# What each mixed line shows, left to right, as pdftotext -bbox lists its glyphs (spaces left out): where the
# Unicode bidi algorithm puts each word, right-to-left words in display order. A glyph is reported as the
# letter it stands for (a mirrored bracket as the bracket typed; lam-alef as its two letters in display order).
DISPLAYED = {
    "Ali محمد 1987": "Ali1987دمحم",
    "Meeting with محمد عبد الله today": "Meetingwithهللادبعدمحمtoday",
    "Paid المبلغ 250 دولار in cash": "Paidرالود250غلبملاincash",
    "Witness דוד (כהן) at 10:30": "Witness)ןהכ(דודat10:30",
    "עברית 123 ו-English": "English-ו123תירבע",
}


@pytest.mark.parametrize("name", list(DISPLAYED))
def test_mixed_lines_show_each_word_where_the_bidi_algorithm_puts_it(name, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    (line,) = [line for line in bbox_lines(memo_with_aliases([name]), tmp_path) if line[0] == "Aliases"]
    assert "".join(line[1:]) == DISPLAYED[name]


def test_arabic_letters_are_drawn_joined_and_read_back_as_typed(pdf):
    """The memo draws contextual forms (initial, medial, final: what joined letters are) and the text layer
    still gives the letters typed, never presentation forms."""
    from printing.fonts import REGULAR, register_fonts
    from printing.lines import shape_line

    register_fonts()
    (run,) = shape_line("محمد", REGULAR, 10)
    drawn = "".join(g.char for g in run.glyphs)
    assert drawn == "\ufeaa\ufee4\ufea4\ufee3"  # final dal, medial meem, medial hah, initial meem (left to right)
    assert "محمد عبد الله" in pypdf_lines(pdf)
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in "".join(pypdf_lines(pdf)))


def test_right_to_left_override_prints_the_letters_typed(pdf):
    assert "evil" in pypdf_lines(pdf) and "live" not in pypdf_lines(pdf)


def test_a_direction_override_in_the_subjects_name_prints_as_typed_in_every_page_header():
    """The page header draws the name as a line of its own: its bidi controls go there too, or "evil" would be
    drawn (and copied out) as "live"."""
    case = memo_case()
    subject = Subject(family_name="Ali \u202eevil\u202c", given_names="Names", a_number="A123456789")
    pdf = render_memo(replace(case, subject=subject), POLICY, SETTINGS).pdf
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    for text in pages:  # pypdf gives the header's label and the name as two lines
        lines = text.split("\n")
        assert lines[lines.index("Subject:") + 1].startswith("Ali evil, Names")
    assert not any("live" in text for text in pages)
