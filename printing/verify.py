"""Read a memo PDF's seal and check its pages: against the seal, and against the pages as printed.

Two digests per page:

- `contents`: SHA-256 of the page's decoded content stream. The seal signs these (a page's QR code carries
  its own), so a file can be checked against its seal with nothing but the profile's public key.
- `PagePrint`: everything the page draws, part by part — its content stream, the fonts it uses (their
  embedded programs, widths and text maps), the drawings it uses (forms, images: the QR code, the seal
  block), and the page's own entries (size, annotations). Objects are compared by what they hold, not where
  they sit in the file: references are followed, streams decoded, and stream lengths and filters left out.
  A copy re-saved by qpdf (objects renumbered, streams recompressed) has the same PagePrints; a font whose
  glyph outlines were edited, an annotation pasted over a word, or a swapped QR code does not. The print
  record keeps each page's PagePrint, and `verify` compares the file with the pages rendered again.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from casework.seal import MEMO_PREFIX, MemoSeal, SealError, pages_digest
from printing.translated_copy import TranslationMark

PARTS = ("contents", "fonts", "drawings", "page")
PART_WORDS = {"contents": "its text and lines", "fonts": "the fonts it is drawn with",
              "drawings": "its drawings (the QR code, the seal block)", "page": "its size or annotations"}


@dataclass(frozen=True, slots=True)
class PagePrint:
    """What one page draws, as digests of its parts (see the module docstring)."""

    contents: str
    fonts: str
    drawings: str
    page: str

    def to_json(self) -> dict[str, str]:
        return {p: getattr(self, p) for p in PARTS}

    @classmethod
    def from_json(cls, doc: dict[str, str]) -> PagePrint:
        return cls(*(str(doc[p]) for p in PARTS))

    def first_difference(self, other: PagePrint) -> str | None:
        """The first part in which the pages differ, in words (None when they are the same)."""
        return next((PART_WORDS[p] for p in PARTS if getattr(self, p) != getattr(other, p)), None)


@dataclass(frozen=True, slots=True)
class MemoFile:
    seal: MemoSeal
    claimed: tuple[str, ...]  # page digests listed beside the seal
    pages: tuple[str | None, ...]  # content digests of the file's pages (None: the page cannot be read)
    prints: tuple[PagePrint | None, ...] = ()  # what each page draws (None: the page cannot be read)
    translation: TranslationMark | None = None
    """A translated copy appended after the sealed pages (printing.translated_copy): its pages are left out of
    `pages` and `prints` — they are not the record and are not checked."""


def read_memo(pdf: bytes) -> MemoFile:
    """The seal and page digests of a memo file; SealError if it is not a readable, sealed Casefile memo."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        keywords = str((reader.metadata or {}).get("/Keywords", "") or "")
    except (PdfReadError, PyPdfError, ValueError, OSError, KeyError) as exc:
        raise SealError(f"not a readable PDF ({exc})") from None
    seal = MemoSeal.from_payload(keywords)
    try:
        claimed = tuple(str(d) for d in json.loads(keywords[len(MEMO_PREFIX):]).get("g", []))
    except ValueError:
        claimed = ()
    prints = _prints(reader)
    mark = TranslationMark.from_metadata(reader.metadata)
    if (mark is not None and mark.print_id == seal.print_id and mark.first_page == seal.page_count + 1
            and mark.first_page - 1 + mark.pages == len(prints)):
        prints = prints[:seal.page_count]
    else:
        mark = None  # no copy, or a mark that does not fit this file: every page counts (an extra one is added)
    return MemoFile(seal, claimed, tuple(p.contents if p else None for p in prints), prints, mark)


def page_prints(pdf: bytes) -> tuple[PagePrint | None, ...]:
    """Every page's PagePrint (None for a page that cannot be read)."""
    try:
        return _prints(PdfReader(io.BytesIO(pdf)))
    except (PdfReadError, PyPdfError, ValueError, OSError, KeyError) as exc:
        raise SealError(f"not a readable PDF ({exc})") from None


def _prints(reader: PdfReader) -> tuple[PagePrint | None, ...]:
    canon = _Canon()
    out = []
    try:
        pages = list(reader.pages)
    except Exception as exc:  # a damaged page tree fails in many ways inside pypdf
        raise SealError(f"not a readable PDF ({exc})") from None
    for page in pages:
        try:
            out.append(_page_print(page, canon))
        except Exception:  # a damaged stream (a flipped byte in compressed data) fails in many ways in pypdf
            out.append(None)
    return tuple(out)


_NAME = re.compile(rb"/([^\s/\[\]()<>{}%]+)")
_FONT_KEYS = ("/Font",)
_DRAWING_KEYS = ("/XObject", "/ExtGState", "/Pattern", "/Shading", "/ColorSpace", "/Properties")


def _page_print(page: DictionaryObject, canon: _Canon) -> PagePrint:
    contents = _contents(page)
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else DictionaryObject()
    used = set(_NAME.findall(contents))
    fonts = hashlib.sha256()
    drawings = hashlib.sha256()
    for key in sorted(str(k) for k in resources):
        entries = resources[key].get_object()
        target = fonts if key in _FONT_KEYS else drawings
        if not isinstance(entries, DictionaryObject):
            target.update(key.encode() + canon.of(entries))
            continue
        for name in sorted(str(n) for n in entries):
            if name[1:].encode() in used:
                target.update(key.encode() + name.encode() + canon.of(entries.raw_get(name)))
    rest = DictionaryObject({k: v for k, v in page.items() if k not in ("/Contents", "/Resources", "/Parent")})
    return PagePrint(hashlib.sha256(contents).hexdigest(), fonts.hexdigest(), drawings.hexdigest(),
                     hashlib.sha256(canon.of(rest)).hexdigest())


def _contents(page: DictionaryObject) -> bytes:
    """The page's content stream, decoded (several streams joined as a viewer joins them)."""
    raw = page.get("/Contents")
    if raw is None:
        return b""
    obj = raw.get_object()
    if isinstance(obj, ArrayObject):
        return b"\n".join(s.get_object().get_data() for s in obj)
    data: bytes = obj.get_data()
    return data


class _Canon:
    """Canonical bytes of PDF objects: references followed (cached per object), streams as the digest of their
    decoded data plus their dictionary without /Length, /Filter, /DecodeParms, /DL."""

    SKIP_STREAM = frozenset({"/Length", "/Filter", "/DecodeParms", "/DL"})

    def __init__(self) -> None:
        self._done: dict[tuple[int, int], bytes] = {}
        self._open: set[tuple[int, int]] = set()

    def of(self, obj: Any) -> bytes:
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in self._done:
                return self._done[key]
            if key in self._open:  # a loop back (an annotation's /P to its page)
                return b"^"
            self._open.add(key)
            try:
                data = self.of(obj.get_object())
            finally:
                self._open.discard(key)
            self._done[key] = data
            return data
        if isinstance(obj, StreamObject):
            head = self._dict(obj, self.SKIP_STREAM)
            return b"S" + head + hashlib.sha256(obj.get_data()).digest()
        if isinstance(obj, DictionaryObject):
            return self._dict(obj, frozenset({"/Parent"}))
        if isinstance(obj, ArrayObject):
            return b"[" + b" ".join(self.of(item) for item in obj) + b"]"
        if isinstance(obj, NameObject):
            return obj.encode()
        if isinstance(obj, BooleanObject):
            return b"true" if obj else b"false"
        if isinstance(obj, NumberObject | FloatObject):
            number = float(obj)
            return (str(int(number)) if number == int(number) else f"{number:.6f}").encode()
        if isinstance(obj, TextStringObject | ByteStringObject):
            raw = obj.original_bytes if isinstance(obj, TextStringObject) else bytes(obj)
            return b"<" + raw.hex().encode() + b">"
        if isinstance(obj, NullObject) or obj is None:
            return b"null"
        return repr(obj).encode()

    def _dict(self, obj: DictionaryObject, skip: frozenset[str]) -> bytes:
        parts = [str(k).encode() + b" " + self.of(obj.raw_get(k)) for k in sorted(str(k) for k in obj)
                 if k not in skip]
        return b"<<" + b" ".join(parts) + b">>"


def first_altered_page(memo: MemoFile) -> str | None:
    """None when every page's text and lines are those sealed; else a sentence naming the first page that
    differs (what the seal alone can tell, with nothing but the profile's key)."""
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


def first_page_differing(have: tuple[PagePrint | None, ...], want: tuple[PagePrint, ...], as_what: str
                         ) -> str | None:
    """None when the file's pages draw exactly `want`; else a sentence naming the first page that differs and
    in what (`as_what`: "as printed", "as rendered again from the store")."""
    for n, (h, w) in enumerate(zip(have, want, strict=False), start=1):
        if h is None:
            return f"page {n} cannot be read (damaged)"
        part = h.first_difference(w)
        if part is not None:
            return f"page {n} differs from page {n} {as_what}: {part}"
    if len(have) != len(want):
        return f"the file has {len(have)} pages, the memo {as_what} {len(want)}"
    return None
