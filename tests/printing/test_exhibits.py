"""The memo lists a case's attachments as exhibits: number, the file name as given (hostile names print
literally), type, size and SHA-256 — read back with pypdf and pdftotext, exactly."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from casework.errors import NotPrintable
from casework.model import Attachment
from printing.memo import exhibit_name
from tests.printing.test_memo import memo_case, pdf_of, text_of

HOSTILE = [n["text"] for n in json.loads(Path("../shared/testdata/hostile-text.json").read_text())["names"]]


def attachment(n: int, name: str, caption: str = "") -> Attachment:
    return Attachment(f"{n:02x}" * 32, name, "image/jpeg" if n % 2 else "application/pdf", 1536 * n,
                      datetime(2026, 11, 1, tzinfo=UTC), caption, f"{n:032x}")


def exhibits_case():
    names = [f"{name}.jpg" for name in HOSTILE]
    items = [attachment(i, name) for i, name in enumerate(names, start=1)]
    return replace(memo_case(), attachments=(*items, attachment(len(names) + 1, "scan.pdf", "Statement, page 1 of 2")))


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "memo.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_every_exhibit_reads_back_with_its_hash(tmp_path):
    case = exhibits_case()
    pdf = pdf_of(case)
    text = text_of(pdf)
    assert "Exhibits" in text
    raw = " ".join(pdftotext(pdf, tmp_path).split())
    for a in case.attachments:
        groups = " ".join(a.sha256[i:i + 8] for i in range(0, 64, 8))
        assert groups in raw
    assert "Statement, page 1 of 2" in raw and "1.5 KB" in raw and "PDF document" in raw
    for name in ("O'Brien <b>&amp; \"Quotes\"</b>.jpg", "<img src=x onerror=alert(1)>.jpg", "Мария Иванова.jpg",
                 "Σωκράτης Παπαδόπουλος.jpg", "Zoë Ødegård-Łukasiewicz.jpg"):
        assert name in raw, name
    assert "evil.jpg" in raw and "\u202e" not in raw  # the direction override is not printed
    assert "[U+1F642].jpg" in raw  # the emoji the font lacks, as its code point


def test_exhibit_names_are_never_a_reason_not_to_print_but_captions_are():
    assert exhibit_name("photo \U0001f642 \u202eevil\u202c.jpg") == "photo [U+1F642] evil.jpg"
    case = replace(memo_case(), attachments=(attachment(1, "a.jpg", caption="\U0001f642"),))
    with pytest.raises(NotPrintable, match=r"attachments\[0\]\.caption"):
        pdf_of(case)


def test_no_attachments_no_exhibits_section():
    assert "Exhibits" not in text_of(pdf_of(memo_case()))
