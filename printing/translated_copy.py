"""A translated copy of a memo, appended to the English original — which stays the record.

The English pages are rendered exactly as without a copy (printing.memo.render_memo) and sealed as always;
the print record keeps their digests only. The translated copy follows them in the same file: every page says
under the header that it is a translation and the English original is the official document, counts its own
pages, and ends with a notice naming the original (case, revision, print id and the SHA-256 of its sealed
pages) where the original has its seal block. The copy is not sealed — a translation is a reading aid, not
the record — so its pages carry no page codes.

The file says where the copy starts in its metadata (`/CasefileTranslation`: language, first page, page
count, print id); printing.verify checks the original's pages against the seal and names the copy's pages as
a translation that was not checked. A mark that does not fit the file (another print, a page count that does
not add up) is ignored, and the extra pages fail verification as added pages.

Labels and help come from the policy's translation file (casework.policy_translation), the memo's own words
from the `translate` callable (the desktop passes the Qt catalogue; printing never imports Qt). Anything
without a translation prints in English.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pypdf import PdfReader, PdfWriter
from reportlab.platypus import Flowable

from casework.errors import NotPrintable
from casework.i18n import QT_TRANSLATE_NOOP, Translate, render
from casework.model import CaseFile
from casework.policy import Policy
from casework.policy_translation import overlay
from casework.workflow import reviewed_digest, short_digest
from printing import memo as M

MARK_KEY = "/CasefileTranslation"
LANGUAGE_NAMES = {"es": QT_TRANSLATE_NOOP("memo", "Spanish")}


@dataclass(frozen=True, slots=True)
class TranslationMark:
    """Where a memo file's translated copy is: pages first_page … first_page + pages - 1 (1-based)."""

    language: str
    first_page: int
    pages: int
    print_id: str

    def to_json(self) -> str:
        return json.dumps({"language": self.language, "first_page": self.first_page, "pages": self.pages,
                           "print": self.print_id}, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, Any] | None) -> TranslationMark | None:
        """The mark in a PDF's metadata, or None (none, or not one Casefile wrote)."""
        raw = (metadata or {}).get(MARK_KEY)
        if raw is None:
            return None
        try:
            doc = json.loads(str(raw))
            mark = cls(str(doc["language"]), int(doc["first_page"]), int(doc["pages"]), str(doc["print"]))
        except (ValueError, KeyError, TypeError):
            return None
        return mark if mark.first_page > 1 and mark.pages > 0 else None


def render_translated_copy(case: CaseFile, policy: Policy, settings: M.MemoSettings, original: M.RenderedMemo,
                           language: str, translate: Translate, *, memo_date: date,
                           copy: M.CopyFor | None = None) -> bytes:
    """The translated copy's pages (a PDF of their own), for `original` — the English memo rendered with the
    same case, policy, settings, date and recipient."""
    content = short_digest(reviewed_digest(case))
    case, withheld = M.disclosed(case, copy)
    shown = overlay(policy, language).policy
    problems = M.printable_problems(case, shown, settings, copy)
    if problems:
        raise NotPrintable("These fields have characters the memo font cannot print: " + "; ".join(problems))
    banner = render(QT_TRANSLATE_NOOP("memo", "TRANSLATION — the English original is the official document"),
                    translate)
    furniture = M._furniture(case, settings, copy, sealed=False, translate=translate, translation=banner)
    furniture.cites_revision = original.seal is not None
    furniture.content = content

    def notice(b: M._Builder) -> Flowable:
        seal = original.seal
        if seal is not None:
            text = QT_TRANSLATE_NOOP(
                "memo", "This {language} translation is not sealed and is not the record. The official document is "
                "the English original: case {number}, revision {revision}, print {print_id}, {pages} pages, sealed "
                "(pages SHA-256 {digest}). Check the original with casefile verify FILE, or File ▸ Verify a memo…"
            ).format(language=LANGUAGE_NAMES.get(language, language), number=seal.case_number,
                     revision=seal.revision, print_id=seal.print_id, pages=seal.page_count, digest=seal.pages)
        else:
            text = QT_TRANSLATE_NOOP(
                "memo", "This {language} translation is not sealed and is not the record. The official document is "
                "the English original printed with it, which is itself unsealed (the case is not in a store)."
            ).format(language=LANGUAGE_NAMES.get(language, language))
        return b.text(text, lead=QT_TRANSLATE_NOOP("memo", "Translation:"))

    pdf, _log = M._layout(case, shown, settings, memo_date, copy, withheld, furniture, notice=notice)
    return pdf


def with_translated_copy(original: M.RenderedMemo, copy_pdf: bytes, language: str) -> bytes:
    """One file: the original's pages as they are (content, resources and metadata, the seal included), then
    the copy's, and the mark that says where the copy starts."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(original.pdf)))
    first = len(writer.pages) + 1
    added = PdfReader(io.BytesIO(copy_pdf)).pages
    for page in added:
        writer.add_page(page)
    mark = TranslationMark(language, first, len(added), original.print_id)
    writer.add_metadata({MARK_KEY: mark.to_json()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
