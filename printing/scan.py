"""Scans and photos of a printed memo: read every page's QR code (zxing-cpp) and account for the pages.

Accepts PNG/JPEG images (one page each) and PDFs of scanned pages (the images embedded in each page). Each
page's code names its memo (print id), page x of y, that page's content digest, and is signed; the report
says which pages of the memo are present, missing, duplicated, or came from another memo.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

import zxingcpp
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from casework.seal import PageSeal, SealError


@dataclass(frozen=True, slots=True)
class ScannedPage:
    source: str  # "scan.pdf page 2", "p3.png"
    seal: PageSeal | None  # None: no readable Casefile code on that page


def images_of(name: str, data: bytes) -> list[tuple[str, Image.Image]]:
    """The page images in a scan file. Raises SealError if it is neither an image nor a PDF of images."""
    if data[:5] == b"%PDF-":
        try:
            reader = PdfReader(io.BytesIO(data))
            out = []
            for n, page in enumerate(reader.pages, start=1):
                images = [img.image for img in page.images if img.image is not None]
                if images:
                    out.append((f"{name} page {n}", max(images, key=lambda i: i.width * i.height)))
            return out
        except (PyPdfError, ValueError, OSError) as exc:
            raise SealError(f"not a readable PDF ({exc})") from None
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError):
        raise SealError("neither a PDF nor an image (PNG, JPEG)") from None
    return [(name, image)]


def read_pages(images: list[tuple[str, Image.Image]]) -> list[ScannedPage]:
    out = []
    for source, image in images:
        found = None
        for result in zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode):
            try:
                found = PageSeal.from_payload(result.text)
                break
            except SealError:
                continue
        out.append(ScannedPage(source, found))
    return out


@dataclass(frozen=True, slots=True)
class ScanReport:
    memo: PageSeal | None  # a page of the memo most pages belong to
    present: list[int]
    missing: list[int]
    duplicated: list[int]
    foreign: list[ScannedPage]  # pages of other memos
    unreadable: list[str]  # sources without a readable code

    def lines(self) -> list[str]:
        out = []
        if self.memo is not None:
            m = self.memo
            out.append(f"memo of case {m.case_number}, revision {m.revision}, print {m.print_id}: {m.total} pages")
            out.append("pages present: " + (", ".join(map(str, self.present)) or "none"))
            out.append("pages missing: " + (", ".join(map(str, self.missing)) or "none"))
            if self.duplicated:
                out.append("pages duplicated: " + ", ".join(map(str, self.duplicated)))
        for p in self.foreign:
            s = p.seal
            assert s is not None
            out.append(f"{p.source} is from another memo: page {s.page} of {s.total} of case {s.case_number}, "
                       f"revision {s.revision}, print {s.print_id}")
        for source in self.unreadable:
            out.append(f"{source}: no Casefile page code could be read")
        return out


def account(pages: list[ScannedPage]) -> ScanReport:
    sealed = [p for p in pages if p.seal is not None]
    if not sealed:
        return ScanReport(None, [], [], [], [], [p.source for p in pages])
    main = Counter(p.seal.print_id for p in sealed if p.seal).most_common(1)[0][0]
    ours = [p.seal for p in sealed if p.seal and p.seal.print_id == main]
    counts = Counter(s.page for s in ours)
    total = ours[0].total
    return ScanReport(ours[0], sorted(counts), [n for n in range(1, total + 1) if n not in counts],
                      sorted(n for n, c in counts.items() if c > 1),
                      [p for p in sealed if p.seal and p.seal.print_id != main],
                      [p.source for p in pages if p.seal is None])
