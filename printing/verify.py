"""Read a memo PDF's seal and check its pages against it.

The seal (document metadata) carries the signed digest of all pages, and the list of each page's digest
(the list is not signed itself: it must hash to the signed digest). A page's digest is the SHA-256 of its
decoded content stream, so a file re-saved by another program (qpdf, a PDF printer that keeps the pages)
still matches when every page draws exactly what was printed, while a swapped page, an edited word, a
flipped byte inside a page or a seal moved from another memo does not. Which page differs first is named.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from casework.seal import MEMO_PREFIX, MemoSeal, SealError, pages_digest


@dataclass(frozen=True, slots=True)
class MemoFile:
    seal: MemoSeal
    claimed: tuple[str, ...]  # page digests listed beside the seal
    pages: tuple[str | None, ...]  # digests of the file's pages (None: the page cannot be read)


def read_memo(pdf: bytes) -> MemoFile:
    """The seal and page digests of a memo file; SealError if it is not a readable, sealed Casefile memo."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        keywords = str((reader.metadata or {}).get("/Keywords", "") or "")
        pages = tuple(_page_digest(page) for page in reader.pages)
    except (PdfReadError, PyPdfError, ValueError, OSError, KeyError) as exc:
        raise SealError(f"not a readable PDF ({exc})") from None
    seal = MemoSeal.from_payload(keywords)
    try:
        claimed = tuple(str(d) for d in json.loads(keywords[len(MEMO_PREFIX):]).get("g", []))
    except ValueError:
        claimed = ()
    return MemoFile(seal, claimed, pages)


def _page_digest(page: object) -> str | None:
    try:
        contents = page.get_contents()  # type: ignore[attr-defined]
        data = contents.get_data() if contents is not None else b""
    except Exception:  # a damaged stream (a flipped byte in compressed data) fails in many ways inside pypdf
        return None
    return hashlib.sha256(data).hexdigest()


def first_altered_page(memo: MemoFile) -> str | None:
    """None when every page is the page sealed; else a sentence naming the first page that differs."""
    seal, claimed, pages = memo.seal, memo.claimed, memo.pages
    if len(claimed) != seal.page_count or pages_digest(claimed) != seal.pages:
        return "the seal's list of pages does not match its signed digest"
    for n, (want, have) in enumerate(zip(claimed, pages, strict=False), start=1):
        if have is None:
            return f"page {n} cannot be read (damaged)"
        if have != want:
            return f"page {n} differs from page {n} as sealed"
    if len(pages) != seal.page_count:
        return (f"the file has {len(pages)} pages, the memo as sealed {seal.page_count}"
                + (f" (page {seal.page_count + 1} was added)" if len(pages) > seal.page_count else
                   f" (page {len(pages) + 1} is missing)"))
    return None
