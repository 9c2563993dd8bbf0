"""The decision memorandum, laid out as an agency memorandum with reportlab platypus, sealed page by page.

`render_memo(...)` is pure: the same case, policy, settings, date and signer give byte-identical PDFs
(invariant mode, no clock; Ed25519 signatures are deterministic). User text never passes through reportlab's
markup parser: it is drawn by printing.textflow (any script, exact extraction).

Sealing without a circle: each page's QR code and the memo's seal block carry digests of the pages, so they
cannot be part of what is digested. They are drawn as form XObjects (`/CfPageN`, `/CfSeal`) that the pages
only name; a page's digest is the SHA-256 of its content stream, which holds the name, not the drawing. The
forms are filled in after every page is known (reportlab allows a form to be defined after its use).
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab import Version as REPORTLAB_VERSION
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from casework.assessment import Assessment, CategoryAnswer, FactorAnswer
from casework.attachments import display_name, human_size, type_label
from casework.checks import review_items
from casework.dates import PartialDate
from casework.disclosure import DisclosureProfile, Withheld, find_profile, withhold
from casework.errors import NotPrintable, PolicyError
from casework.i18n import QT_TRANSLATE_NOOP, Translate, render
from casework.labels import label
from casework.model import CaseFile, CaseStatus, Disposition
from casework.policy import Policy, PolicyLibrary, Question
from casework.seal import MemoSeal, PageSeal, pages_digest
from casework.workflow import reviewed_digest, short_digest
from printing.fonts import BOLD, REGULAR, font_hashes, missing_glyphs, register_fonts
from printing.lines import draw_line, shape_line, text_width
from printing.outline import draw_outlined, outline_width
from printing.qr import draw_qr
from printing.textflow import TextFlow

PAPER = {"letter": LETTER, "a4": A4}
BODY_SIZE = 10.0
LEADING = 13.0
QR_SIZE = 0.95 * inch
MARGIN = 0.85 * inch
RENDERER = f"casefile-memo-7; reportlab {REPORTLAB_VERSION}; zxing-cpp {metadata.version('zxing-cpp')}"
"""Changes whenever this module lays memos out differently; a print record keeps it (see printing.verify)."""


@dataclass(frozen=True, slots=True)
class MemoSettings:
    """What the office sets (File ▸ Preferences): kept in each print record, so a later change of settings
    does not stop an older memo from verifying."""

    agency: str = "U.S. Department of Homeland Security"
    office: str = ""
    handling: str = "LAW ENFORCEMENT SENSITIVE"
    memo_for: str = "Field Office Director"
    through: str = "Supervisory Immigration Officer"
    paper: str = "letter"  # or "a4"

    def to_json(self) -> dict[str, str]:
        return {"agency": self.agency, "office": self.office, "handling": self.handling, "memo_for": self.memo_for,
                "through": self.through, "paper": self.paper}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> MemoSettings:
        return cls(**{k: str(doc[k]) for k in ("agency", "office", "handling", "memo_for", "through", "paper")})


class Signer(Protocol):
    """The profile's signing key, as storage offers it (printing never sees the key itself)."""

    key_id: str

    def sign(self, message: bytes) -> bytes: ...


@dataclass(frozen=True, slots=True)
class SealRequest:
    """Seal the memo: `record_digest` of the stored revision, signed by `signer` under print id `print_id`."""

    record_digest: str
    signer: Signer
    case_id: str


@dataclass(frozen=True, slots=True)
class CopyFor:
    """A copy for a named recipient outside the office, under a disclosure profile (casework.disclosure)."""

    profile: DisclosureProfile
    recipient: str

    def to_json(self) -> dict[str, str]:
        return {**self.profile.to_json(), "recipient": self.recipient, "for": self.profile.recipient}


@dataclass(frozen=True, slots=True)
class RenderedMemo:
    pdf: bytes
    seal: MemoSeal | None
    page_digests: tuple[str, ...]
    spec: dict[str, Any]
    """Everything the rendering used (see `print_spec`); kept in the print record."""
    layout: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def print_id(self) -> str:
        return print_id_of(self.spec)


def print_spec(case: CaseFile, policy: Policy, settings: MemoSettings, memo_date: date, *, case_id: str = "",
               record_digest: str = "", copy: CopyFor | None = None) -> dict[str, Any]:
    """What a memo's pages depend on besides the record itself; its digest is the print id."""
    return {"case_id": case_id, "case_number": case.case_number, "revision": case.revision,
            "record_digest": record_digest, "settings": settings.to_json(), "memo_date": memo_date.isoformat(),
            "policy": {"id": policy.id, "version": policy.version, "sha256": policy.sha256},
            "fonts": font_hashes(), "renderer": RENDERER, "copy": copy.to_json() if copy else None}


def print_id_of(spec: dict[str, Any]) -> str:
    """The print id: the start of the SHA-256 of the spec's canonical JSON (storage keeps that same JSON)."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def render_again(case: CaseFile, policies: PolicyLibrary, spec: dict[str, Any], signer: Signer
                 ) -> RenderedMemo | str:
    """The memo a print record's `spec` describes, rendered again from `case` (the stored revision it names)
    with the settings, date, policy and recipient of the day it was printed; or, when this program can no
    longer lay it out the same way, why not (the caller then compares with the digests kept at printing)."""
    if spec.get("renderer") != RENDERER:
        return "this version of Casefile lays memos out differently from the version that printed it"
    if spec.get("fonts") != font_hashes():
        return "the memo's font files have changed since it was printed"
    wanted = spec["policy"]
    try:
        policy = policies.get(wanted["id"], wanted["version"])
    except PolicyError:
        return f"policy {wanted['id']} version {wanted['version']} is no longer shipped"
    if policy.sha256 != wanted["sha256"]:
        return f"the file of policy {wanted['id']} version {wanted['version']} has changed since it was printed"
    copy = None
    if spec.get("copy"):
        kept = spec["copy"]
        profile = find_profile(kept["profile"], kept["version"])
        if profile is None or profile.sha256 != kept["sha256"]:
            return f"disclosure profile {kept['profile']} version {kept['version']} has changed since it was printed"
        copy = CopyFor(profile, kept["recipient"])
    try:
        memo = render_memo(case, policy, MemoSettings.from_json(spec["settings"]),
                           SealRequest(spec["record_digest"], signer, spec["case_id"]),
                           memo_date=date.fromisoformat(spec["memo_date"]), copy=copy)
    except NotPrintable as exc:
        return f"it cannot be rendered again ({exc})"
    if memo.spec != spec:
        return "the stored revision no longer renders with the same settings"
    return memo


CATEGORY_WORDS = {CategoryAnswer.APPLIES: "Applies", CategoryAnswer.DOES_NOT_APPLY: "Does not apply",
                  CategoryAnswer.UNKNOWN: "Unknown", CategoryAnswer.UNANSWERED: "Not answered"}
NO_CONVICTION = {Disposition.DISMISSED, Disposition.ACQUITTED, Disposition.PENDING}


def printable_problems(case: CaseFile, policy: Policy, settings: MemoSettings, copy: CopyFor | None = None
                       ) -> list[str]:
    """Fields whose text the shipped font cannot draw, as 'field: characters' (empty when all is well)."""
    problems = []
    extra = [("copy.recipient", copy.recipient)] if copy else []
    for name, text in [*_user_text(case, settings), *extra]:
        missing = missing_glyphs(text)
        if missing:
            shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:5])
            problems.append(f"{name}: {shown}")
    return problems


def _user_text(case: CaseFile, settings: MemoSettings) -> list[tuple[str, str]]:
    s, e, h = case.subject, case.encounter, case.history
    out = [("settings.agency", settings.agency), ("settings.office", settings.office),
           ("settings.handling", settings.handling), ("settings.memo_for", settings.memo_for),
           ("settings.through", settings.through), ("subject.family_name", s.family_name),
           ("subject.given_names", s.given_names), ("subject.country_of_citizenship", s.country_of_citizenship),
           ("encounter.place", e.place), ("encounter.attention_detail", e.attention_detail),
           ("history.place_of_entry", h.place_of_entry), ("history.apprehension_place", h.apprehension_place),
           ("case_number", case.case_number), ("officer.name", case.officer.name),
           ("officer.officer_id", case.officer.officer_id), ("officer.office", case.officer.office),
           ("other_ties", case.other_ties), ("notes", case.notes)]
    out += [(f"subject.aliases[{i}]", a) for i, a in enumerate(s.aliases)]
    for i, d in enumerate(s.documents):
        out += [(f"subject.documents[{i}]", f"{d.kind} {d.number} {d.issuing_country}")]
    for i, o in enumerate(case.offenses):
        out += [(f"offenses[{i}]", " ".join((o.charge, o.statute, o.jurisdiction, o.sentence)))]
    for i, t in enumerate(case.family):
        out += [(f"family[{i}]", " ".join((t.name, t.relationship, t.status_in_us, t.notes)))]
    out += [(f"attachments[{i}].caption", x.caption) for i, x in enumerate(case.attachments)]
    a = case.assessment
    if a is not None:
        out += [("assessment.records_note", a.records_note), ("assessment.border_notes", a.border_notes),
                ("assessment.weighing", a.weighing), ("assessment.rationale", a.rationale),
                ("assessment.determination_detail", a.determination_detail)]
        out += [(f"assessment.categories.{c.category_id}", f"{c.basis} {c.evidence}") for c in a.categories]
        out += [(f"assessment.factors.{f.factor_id}", f"{f.evidence} {f.source}") for f in a.factors]
        out += [(f"assessment.other_factors[{i}]", f"{o.description} {o.evidence} {o.source}")
                for i, o in enumerate(a.other_factors)]
        out += [(f"assessment.history[{i}]", f"{ev.actor} {ev.comment}") for i, ev in enumerate(a.history)]
        out += [(f"assessment.answers.{x.question}", " ".join((x.value, *x.values))) for x in a.answers]
        out += [(f"assessment.acknowledgements.{x.key}", x.note) for x in a.acknowledgements]
        if a.reassessed_from is not None:
            out += [(f"assessment.reassessed_from.marks[{i}]", f"{m.field} {m.reason} {m.previous}")
                    for i, m in enumerate(a.reassessed_from.marks)]
    return out


# ----- page furniture ---------------------------------------------------------------------------------------


@dataclass
class _Furniture:
    """What every page carries; filled in by render_memo, read by the canvas when the page count is known."""

    paper: tuple[float, float]
    agency: str
    handling: str
    case_number: str
    revision: int
    subject: str
    draft: bool
    sealed: bool
    copy_for: str = ""
    seal_forms: Callable[[pdfcanvas.Canvas, list[str]], MemoSeal | None] | None = None
    result: list[Any] = field(default_factory=list)
    translate: Translate | None = None
    """For a translated copy (printing.translated_copy): the catalogue its fixed text is translated with."""
    translation: str = ""
    """A translated copy's notice, on every page under the header (and its footer says it is not sealed)."""
    cites_revision: bool = False
    """A translated copy of a sealed memo names the revision in its header, as the original does."""
    content: str = ""
    """casework.workflow.short_digest of the case's content (before anything is withheld): the version's name on
    every laptop, where revision numbers are each laptop's own."""

    def t(self, text: object) -> str:
        return _tr(text, self.translate)


def _tr(text: object, translate: Translate | None) -> str:
    """`text` in the copy's language (casework.i18n Messages translated), or as it is for the original."""
    return render(text, translate) if translate is not None else str(text)


class _MemoCanvas(pdfcanvas.Canvas):
    """Holds each page until the page count is known, then draws header and footer and seals the pages."""

    furniture: _Furniture

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        digests = []
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
            stream = self._doc.Pages.pages[-1].stream
            digests.append(hashlib.sha256(stream.encode("latin-1")).hexdigest())
        f = self.furniture
        seal = f.seal_forms(self, digests) if f.seal_forms else None
        if seal is not None:
            self.setKeywords(seal.to_payload(tuple(digests)))
        f.result[:] = [seal, tuple(digests)]
        super().save()

    def _decorate(self, total: int) -> None:
        f = self.furniture
        width, height = f.paper
        page = self._pageNumber
        self.saveState()
        self.setFillColor(colors.black)
        self.setFont(BOLD, 10)
        self.drawCentredString(width / 2, height - 0.42 * inch, f.handling)
        self.drawCentredString(width / 2, 0.32 * inch, f.handling)
        top = height - 0.62 * inch
        self.setFont(BOLD, 10)
        self.drawString(MARGIN, top, f.agency)
        if f.sealed or f.cites_revision:
            case_text = QT_TRANSLATE_NOOP("memo", "Case {number} · revision {revision}").format(
                number=f.case_number, revision=f.revision)
        else:
            case_text = QT_TRANSLATE_NOOP("memo", "Case {number} · UNSEALED").format(
                number=f.case_number or QT_TRANSLATE_NOOP("memo", "without a number"))
        self.drawRightString(width - MARGIN, top, f.t(case_text))
        self.setFont(REGULAR, 10)
        subject = f.t(QT_TRANSLATE_NOOP("memo", "Subject:"))
        self.drawString(MARGIN, top - 13, subject)
        x = MARGIN + max(44, text_width(subject, REGULAR, 10) + 3)
        runs = shape_line(_elided(f.subject, REGULAR, 10, width - MARGIN - x), REGULAR, 10, base_dir="L")
        draw_line(self, x, top - 13, runs, REGULAR, 10)
        rule = top - 19
        if f.copy_for:
            line = f.t(QT_TRANSLATE_NOOP("memo", "COPY FOR {recipient}").format(recipient=f.copy_for))
            draw_line(self, MARGIN, top - 26, shape_line(line, BOLD, 10, base_dir="L"), BOLD, 10)
            self.setFont(BOLD, 10)
            self.drawRightString(width - MARGIN, top - 26, f.t(QT_TRANSLATE_NOOP("memo",
                                                                                 "items withheld are blacked out")))
            rule = top - 32
        if f.translation:
            self.setFont(BOLD, 10)
            self.drawString(MARGIN, rule - 7, f.translation)
            rule -= 13
        self.setStrokeColor(colors.black)
        self.setLineWidth(0.6)
        self.line(MARGIN, rule, width - MARGIN, rule)
        if f.draft:
            self._draft_mark(width, height)
        footer = 0.62 * inch
        self.line(MARGIN, footer + 12, width - MARGIN - (QR_SIZE + 8 if f.sealed else 0), footer + 12)
        self.setFont(REGULAR, 10)
        self.drawString(MARGIN, footer, f.t(QT_TRANSLATE_NOOP("memo", "page {page} of {total}").format(
            page=page, total=total)))
        if f.translation:
            self.setFont(BOLD, 10)
            self.drawRightString(width - MARGIN, footer, f.t(QT_TRANSLATE_NOOP(
                "memo", "TRANSLATION: not sealed; the English original is the record")))
        elif f.sealed:
            self.drawRightString(width - MARGIN - QR_SIZE - 8, footer, f.t(QT_TRANSLATE_NOOP("memo", "page seal →")))
            self.saveState()
            self.translate(width - MARGIN - QR_SIZE, 0.2 * inch)
            self.doForm(f"CfPage{page}")
            self.restoreState()
        else:
            self.setFont(BOLD, 10)
            self.drawRightString(width - MARGIN, footer, f.t(QT_TRANSLATE_NOOP(
                "memo", "UNSEALED: not matched to a stored record")))
        self.restoreState()

    def _draft_mark(self, width: float, height: float) -> None:
        """DRAFT in solid 45 % grey outlines in the side margin: it photocopies, covers no text and is not
        text (so it never reaches copy and paste or the text layer)."""
        size = 30
        self.saveState()
        self.setFillColor(colors.Color(0.45, 0.45, 0.45))
        word = self.furniture.t(QT_TRANSLATE_NOOP("memo", "DRAFT"))
        word_width = outline_width(BOLD, word, size)
        for y in (height * 0.7, height * 0.3):
            self.saveState()
            self.translate(MARGIN * 0.72, y - word_width / 2)
            self.rotate(90)
            draw_outlined(self, 0, 0, word, BOLD, size)
            self.restoreState()
        self.restoreState()


# ----- styles and small builders ----------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=BODY_SIZE, leading=LEADING, allowWidows=0,
                          allowOrphans=0)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=14, leading=18, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=9,
                             spaceAfter=3, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, spaceBefore=4, spaceAfter=1, keepWithNext=1),
    }


class Heading(Paragraph):
    """A section heading: kept with what follows; logs where it landed (for the layout tests)."""

    def __init__(self, text: str, style: ParagraphStyle, log: list[tuple[Any, ...]]) -> None:
        super().__init__(escape(text), style)
        self._log = log
        self._label = text

    def draw(self) -> None:
        super().draw()
        self._log.append(("heading", self.canv.getPageNumber(), self._label))


class _Logged(Flowable):
    """Logs where body content was drawn, as ("text" | "table", page, lines or data rows drawn there, piece id,
    lines or data rows in all): the layout tests read it to check that headings stay with what follows and
    that split paragraphs leave no single line behind (see tests/printing/test_layout.py)."""

    def __init__(self, inner: Flowable, log: list[tuple[Any, ...]], kind: str, ident: int, total: int = -1
                 ) -> None:
        super().__init__()
        self.inner = inner
        self._log = log
        self.kind = kind
        self.ident = ident
        self.total = total

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(aw, ah)
        if self.total < 0:
            self.total = self._count()
        return self.width, self.height

    def _count(self) -> int:
        if isinstance(self.inner, TextFlow):
            return self.inner.line_count()
        if isinstance(self.inner, Table):
            return len(self.inner._cellvalues) - self.inner.repeatRows
        return 1

    def split(self, aw: float, ah: float) -> list[Flowable]:
        if self.total < 0:
            self.wrap(aw, ah)
        parts = self.inner.split(aw, ah)
        if len(parts) > 1:
            return [_Logged(p, self._log, self.kind, self.ident, self.total) for p in parts]
        return parts

    def getSpaceAfter(self) -> float:
        return self.inner.getSpaceAfter()

    def getSpaceBefore(self) -> float:
        return self.inner.getSpaceBefore()

    def drawOn(self, canvas: pdfcanvas.Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.inner.drawOn(canvas, x, y, _sW)
        self._log.append((self.kind, canvas.getPageNumber(), self._count(), self.ident, self.total))


class _Builder:
    def __init__(self, width: float, log: list[tuple[Any, ...]], withheld: dict[str, str] | None = None,
                 translate: Translate | None = None) -> None:
        self.width = width
        self.withheld = withheld or {}
        self.st = _styles()
        self.log = log
        self._ids = itertools.count(1)
        self.translate = translate
        """A translated copy's catalogue: the memo's own words (casework.i18n Messages) in its language."""
        self.content = ""
        """_Furniture.content."""

    def t(self, text: object) -> str:
        return _tr(text, self.translate)

    def label(self, value: object) -> str:
        """casework.labels' word for a coded value (in the copy's language: the window's "casework" context)."""
        word = label(value)
        return (self.translate("casework", word) or word) if self.translate is not None else word

    def withheld_box(self, reason: str, **kwargs: Any) -> WithheldBox:
        return WithheldBox(self.t(QT_TRANSLATE_NOOP("memo", "WITHHELD: {reason}").format(reason=reason)), **kwargs)

    def logged(self, flowable: Flowable, kind: str) -> _Logged:
        return _Logged(flowable, self.log, kind, next(self._ids))

    def text(self, value: str, *, lead: str = "", after: float = 3.0, base_dir: str | None = None) -> Flowable:
        if isinstance(value, Withheld):
            return self.logged(self.withheld_box(value.reason, lead=self.t(lead), space_after=after), "text")
        return self.logged(TextFlow(self.t(value), REGULAR, BODY_SIZE, LEADING, lead=self.t(lead), lead_font=BOLD,
                                    space_after=after, base_dir=base_dir), "text")

    def static(self, markup: str) -> Paragraph:
        return Paragraph(self.t(markup), self.st["body"])

    def heading(self, text: str) -> Heading:
        return Heading(self.t(text), self.st["h2"], self.log)

    def subheading(self, text: str) -> Heading:
        return Heading(self.t(text), self.st["h3"], self.log)

    def fields(self, rows: list[tuple[str, str]], label_width: float = 1.9 * inch, composed: int = -1) -> Flowable:
        """Label / value rows with one left edge (no padding left of the labels). Row `composed` is a sentence
        the memo writes around user text: left-to-right whatever script the name is in."""
        data = [[TextFlow(self.t(k), BOLD, BODY_SIZE, LEADING), self.cell(v, base_dir="L" if i == composed else None)]
                for i, (k, v) in enumerate(rows)]
        data, first, last = _in_pieces(data, [label_width - 6, self.width - label_width - 6])
        table = Table(data, colWidths=[label_width, self.width - label_width], hAlign="LEFT")
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 1),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
        # a row set in pieces reads as one: no padding between its pieces
        style += [("TOPPADDING", (0, r), (-1, r), 0) for r in range(len(data)) if not first[r]]
        style += [("BOTTOMPADDING", (0, r), (-1, r), 0) for r in range(len(data)) if not last[r]]
        table.setStyle(TableStyle(style))
        return self.logged(table, "table")

    def grid(self, head: list[str], rows: list[list[str]], fractions: list[float]) -> Flowable:
        data = [[TextFlow(self.t(h), BOLD, BODY_SIZE, LEADING) for h in head]]
        body, first, last = _in_pieces([[self.cell(c) for c in row] for row in rows],
                                       [f * self.width - (4 if i == 0 else 8) for i, f in enumerate(fractions)])
        data += body
        table = Table(data, colWidths=[f * self.width for f in fractions], repeatRows=1, hAlign="LEFT")
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0),
                 ("LEFTPADDING", (1, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]
        if all(last):
            style.append(("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#777777")))
        else:  # a row set in pieces reads as one: the rule only under its last piece, no padding between them
            style += [("LINEBELOW", (0, r + 1), (-1, r + 1), 0.3, colors.HexColor("#777777"))
                      for r in range(len(body)) if last[r]]
            style += [("TOPPADDING", (0, r + 1), (-1, r + 1), 0) for r in range(len(body)) if not first[r]]
            style += [("BOTTOMPADDING", (0, r + 1), (-1, r + 1), 0) for r in range(len(body)) if not last[r]]
        table.setStyle(TableStyle(style))
        return self.logged(table, "table")

    def cell(self, value: str, base_dir: str | None = None) -> Flowable:
        """A table cell: the value, a dash when empty, or a solid box when withheld from this copy."""
        if isinstance(value, Withheld):
            return self.withheld_box(value.reason)
        return TextFlow(self.t(value) or "—", REGULAR, BODY_SIZE, LEADING, base_dir=base_dir)


PIECE_LINES = 8
"""A table row taller than this many lines is set as rows of this many lines each: reportlab moves a row to the
next page whole, and a row taller than a page (a name or a charge thousands of characters long) has no page to
go to (LayoutError)."""


def _in_pieces(rows: list[list[Flowable]], widths: list[float]) -> tuple[list[list[Flowable]], list[bool],
                                                                       list[bool]]:
    """`rows` with each row taller than PIECE_LINES lines cut into rows of PIECE_LINES lines (each cell's lines
    broken at `widths`, its column's width inside the padding); for each resulting row, whether it is the first
    and whether the last piece of its row. Rows no taller than that are kept as they are."""
    out: list[list[Flowable]] = []
    first: list[bool] = []
    last: list[bool] = []
    for row in rows:
        cells = [c.pieces(w, PIECE_LINES) if isinstance(c, TextFlow) else [c] for c, w in zip(row, widths, strict=True)]
        n = max(len(c) for c in cells)
        for i in range(n):
            out.append([c[i] if i < len(c) else "" for c in cells])
            first.append(i == 0)
            last.append(i == n - 1)
    return out, first, last


class WithheldBox(Flowable):
    """A withheld value on a copy: a solid black box across the value's column, "WITHHELD: reason" in white on it (the
    withheld text itself never reaches the renderer: see casework.disclosure)."""

    def __init__(self, reason: str, *, lead: str = "", space_after: float = 0.0) -> None:
        super().__init__()
        self.reason = reason
        self.lead = lead
        self.spaceAfter = space_after

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._x = text_width(self.lead + " ", BOLD, BODY_SIZE) if self.lead else 0.0
        self._lines = _wrap_words(self.reason, BOLD, BODY_SIZE, aw - self._x - 6)
        self.height = LEADING * len(self._lines)
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        x = self._x
        top = self.height - BODY_SIZE
        if self.lead:
            draw_line(c, 0, top, shape_line(self.lead, BOLD, BODY_SIZE, base_dir="L"), BOLD, BODY_SIZE)
        c.saveState()
        c.setFillColor(colors.black)
        c.rect(x, 0, self.width - x, self.height - 0.5, stroke=0, fill=1)
        c.setFillColor(colors.white)
        for i, line in enumerate(self._lines):
            draw_line(c, x + 3, top - i * LEADING, shape_line(line, BOLD, BODY_SIZE, base_dir="L"), BOLD, BODY_SIZE)
        c.restoreState()


def _elided(text: str, font: str, size: float, width: float) -> str:
    """`text`, or as much of its start as fits in `width` with "…" after it (a header line has one line)."""
    if text_width(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)  # the longest start that fits with the ellipsis: lo fits, hi does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if text_width(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid
    return text[:lo].rstrip() + "…"


def _wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` (a word wider than that gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


# ----- rendering --------------------------------------------------------------------------------------------


def render_memo(case: CaseFile, policy: Policy, settings: MemoSettings, seal: SealRequest | None = None, *,
                memo_date: date | None = None, copy: CopyFor | None = None) -> RenderedMemo:
    """The memo as PDF bytes (and, when sealed, its seal and page digests).

    Raises NotPrintable before drawing anything the font cannot show. `memo_date` is printed in the DATE
    line (today's date when not given; a print record keeps it so the same pages can be rendered again).
    """
    content = short_digest(reviewed_digest(case))
    case, withheld = disclosed(case, copy)  # from here on the withheld text is gone: nothing below can print it
    problems = printable_problems(case, policy, settings, copy)
    if problems:
        raise NotPrintable("These fields have characters the memo font cannot print: " + "; ".join(problems))
    if settings.paper not in PAPER:
        raise NotPrintable(f"Paper size {settings.paper!r} is not known (letter or a4).")
    memo_date = memo_date or date.today()
    spec = print_spec(case, policy, settings, memo_date, case_id=seal.case_id if seal else "",
                      record_digest=seal.record_digest if seal else "", copy=copy)
    furniture = _furniture(case, settings, copy, sealed=seal is not None)
    furniture.content = content
    forms = None
    if seal is not None:
        forms = lambda width: _sealer(case, seal, print_id_of(spec), width)  # noqa: E731 (the frame's width)
    pdf, log = _layout(case, policy, settings, memo_date, copy, withheld, furniture, forms=forms)
    sealed, digests = furniture.result
    return RenderedMemo(pdf, sealed, digests, spec, log)


def _furniture(case: CaseFile, settings: MemoSettings, copy: CopyFor | None, *, sealed: bool,
               translate: Translate | None = None, translation: str = "") -> _Furniture:
    return _Furniture(PAPER[settings.paper], settings.agency, settings.handling, case.case_number, case.revision,
                      case.subject.display_name or _tr(QT_TRANSLATE_NOOP("memo", "(no name recorded)"), translate),
                      draft=case.status in (CaseStatus.DRAFT, CaseStatus.RETURNED), sealed=sealed,
                      copy_for=copy.recipient if copy else "", translate=translate, translation=translation)


def _layout(case: CaseFile, policy: Policy, settings: MemoSettings, memo_date: date, copy: CopyFor | None,
            withheld: dict[str, str], furniture: _Furniture, *,
            forms: Callable[[float], Callable[[pdfcanvas.Canvas, list[str]], MemoSeal]] | None = None,
            notice: Callable[[_Builder], Flowable] | None = None) -> tuple[bytes, list[tuple[Any, ...]]]:
    """Lay the memo out on pages with `furniture` (sealed by `forms`, or closed by `notice` — a translated
    copy's — in place of the seal block); the PDF bytes and the layout log."""
    register_fonts()
    log: list[tuple[Any, ...]] = []
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=furniture.paper, invariant=1, title=f"Decision memorandum {case.case_number}",
        author="Casefile", subject="Individual assessment", creator="Casefile", producer="Casefile",
        leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=0.95 * inch + (13 if copy else 0) + (13 if furniture.translation else 0), bottomMargin=1.3 * inch,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="FirstPage", frames=[frame]),
                          PageTemplate(id="LaterPages", frames=[frame])])
    if forms is not None:
        furniture.seal_forms = forms(doc.width)
    b = _Builder(doc.width, log, withheld, furniture.translate)
    b.content = furniture.content
    story = _story(case, policy, settings, memo_date, forms is not None, b, copy,
                   notice(b) if notice is not None else None)
    doc.build(story, canvasmaker=type("MemoCanvas", (_MemoCanvas,), {"furniture": furniture}))
    return buffer.getvalue(), log


def disclosed(case: CaseFile, copy: CopyFor | None) -> tuple[CaseFile, dict[str, str]]:
    """The case as a copy for `copy`'s recipient may show it (withheld text gone), and what was withheld."""
    if copy is None:
        return case, {}
    found = withhold(case, copy.profile)
    return found.case, found.withheld


SEAL_HEIGHT = 1.05 * inch


def _sealer(case: CaseFile, request: SealRequest, print_id: str, width: float
            ) -> Callable[[pdfcanvas.Canvas, list[str]], MemoSeal]:
    def forms(canvas: pdfcanvas.Canvas, digests: list[str]) -> MemoSeal:
        signer = request.signer
        unsigned = MemoSeal(case.case_number, case.revision, request.record_digest, pages_digest(digests),
                            len(digests), print_id, signer.key_id)
        memo = _signed(unsigned, signer)
        for n, digest in enumerate(digests, start=1):
            page = _signed(PageSeal(case.case_number, case.revision, n, len(digests), digest, print_id,
                                    signer.key_id), signer)
            canvas.beginForm(f"CfPage{n}", 0, 0, QR_SIZE, QR_SIZE)
            draw_qr(canvas, page.to_payload(), QR_SIZE)
            canvas.endForm()
        canvas.beginForm("CfSeal", 0, 0, width, SEAL_HEIGHT)
        canvas.setFont(BOLD, 10)
        canvas.drawString(0, SEAL_HEIGHT - 12, f"Seal: case {memo.case_number}, revision {memo.revision}, "
                          f"{memo.page_count} pages, print {memo.print_id}")
        canvas.setFont(REGULAR, 10)
        lines = [f"Record SHA-256 {memo.digest}", f"Pages SHA-256 {memo.pages}",
                 f"Signed with profile key {memo.key_id} (Ed25519); each page carries its own code.",
                 "Check a file or a scan: casefile verify FILE, or File ▸ Verify a memo…"]
        for i, line in enumerate(lines):
            canvas.drawString(0, SEAL_HEIGHT - 26 - i * 12.5, line)
        canvas.endForm()
        return memo

    return forms


def _signed(seal: Any, signer: Signer) -> Any:
    from dataclasses import replace

    return replace(seal, signature=base64.b64encode(signer.sign(seal.message())).decode())


class _SealBlock(Flowable):
    """Where the seal's text goes (drawn later as the /CfSeal form), or the UNSEALED notice."""

    def __init__(self, sealed: bool, log: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.sealed = sealed
        self._log = log

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = SEAL_HEIGHT if self.sealed else 28
        return self.width, self.height

    def draw(self) -> None:
        self._log.append(("seal", self.canv.getPageNumber()))
        if self.sealed:
            self.canv.doForm("CfSeal")
        else:
            self.canv.setFont(BOLD, 10)
            self.canv.drawString(0, 14, "UNSEALED: this memo was not printed from a stored revision and cannot be "
                                 "verified.")


def _date(d: PartialDate) -> str:
    return d.text or _UNKNOWN  # str(d) says "unknown" too, but in English only


_UNKNOWN = QT_TRANSLATE_NOOP("memo", "unknown")
_NOT_ANSWERED = QT_TRANSLATE_NOOP("memo", "Not answered")
_NONE = QT_TRANSLATE_NOOP("memo", "None.")
_MONTHS = (QT_TRANSLATE_NOOP("memo", "January"), QT_TRANSLATE_NOOP("memo", "February"),
           QT_TRANSLATE_NOOP("memo", "March"), QT_TRANSLATE_NOOP("memo", "April"), QT_TRANSLATE_NOOP("memo", "May"),
           QT_TRANSLATE_NOOP("memo", "June"), QT_TRANSLATE_NOOP("memo", "July"), QT_TRANSLATE_NOOP("memo", "August"),
           QT_TRANSLATE_NOOP("memo", "September"), QT_TRANSLATE_NOOP("memo", "October"),
           QT_TRANSLATE_NOOP("memo", "November"), QT_TRANSLATE_NOOP("memo", "December"))
_PRECISION = {"exact": QT_TRANSLATE_NOOP("memo", "exact"), "month": QT_TRANSLATE_NOOP("memo", "month"),
              "year": QT_TRANSLATE_NOOP("memo", "year"), "unknown": _UNKNOWN}
_EVENTS = {"submitted": QT_TRANSLATE_NOOP("memo", "submitted"), "concurred": QT_TRANSLATE_NOOP("memo", "concurred"),
           "returned": QT_TRANSLATE_NOOP("memo", "returned"),
           "nonconcurred": QT_TRANSLATE_NOOP("memo", "nonconcurred"), "reopened": QT_TRANSLATE_NOOP("memo", "reopened")}


def _long_date(d: date) -> str:
    """"November 26, 2026" (a Message: "26 de noviembre de 2026" in a Spanish copy)."""
    return QT_TRANSLATE_NOOP("memo", "{month} {day}, {year}").format(month=_MONTHS[d.month - 1], day=d.day,
                                                                       year=d.year)


def _story(case: CaseFile, policy: Policy, settings: MemoSettings, memo_date: date, sealed: bool,
           b: _Builder, copy: CopyFor | None = None, notice: Flowable | None = None) -> list[Flowable]:
    s, e, h, a = case.subject, case.encounter, case.history, case.assessment
    office = settings.office or case.officer.office
    what = policy.word("memo.subject") or QT_TRANSLATE_NOOP("memo", "Individual assessment")
    number = case.case_number or QT_TRANSLATE_NOOP("memo", "without a number")
    name = s.display_name or QT_TRANSLATE_NOOP("memo", "(no name recorded)")
    if s.a_number:
        subject_line = QT_TRANSLATE_NOOP("memo", "{what} of {name} ({a_number}), case {number}").format(
            what=what, name=name, a_number=s.a_number, number=number)
    else:
        subject_line = QT_TRANSLATE_NOOP("memo", "{what} of {name}, case {number}").format(what=what, name=name,
                                                                                             number=number)
    from_line = ", ".join(b.t(x) for x in (case.officer.name, QT_TRANSLATE_NOOP("memo", "Immigration Officer"),
                                             office) if x)
    story: list[Flowable] = [
        Paragraph(b.t(QT_TRANSLATE_NOOP("memo", "MEMORANDUM")), b.st["title"]),
        b.fields([(QT_TRANSLATE_NOOP("memo", "MEMORANDUM FOR:"), settings.memo_for),
                  (QT_TRANSLATE_NOOP("memo", "THROUGH:"),
                   settings.through if policy.requires_supervisor_concurrence else "—"),
                  (QT_TRANSLATE_NOOP("memo", "FROM:"), from_line),
                  (QT_TRANSLATE_NOOP("memo", "SUBJECT:"), subject_line),
                  (QT_TRANSLATE_NOOP("memo", "DATE:"), _long_date(memo_date) if b.translate else
                   memo_date.strftime("%B %-d, %Y"))], 1.75 * inch, composed=3),
        Spacer(1, 4),
    ]
    if copy is not None:
        p = copy.profile
        story.append(b.text(QT_TRANSLATE_NOOP(
            "memo", "Copy for {recipient}, {label}, under disclosure profile {profile} version {version}. {summary} "
            "Each item withheld is a black box; names withheld are blacked out wherever they are mentioned.").format(
            recipient=copy.recipient, label=p.label, profile=p.id, version=p.version, summary=p.summary),
            lead=QT_TRANSLATE_NOOP("memo", "Disclosure:"), base_dir="L"))

    story += [b.heading(QT_TRANSLATE_NOOP("memo", "1. Subject"))]
    docs = "\n".join(f"{d.kind} {d.number} ({d.issuing_country})".strip() for d in s.documents)
    story.append(b.fields([
        (QT_TRANSLATE_NOOP("memo", "Family name"), s.family_name),
        (QT_TRANSLATE_NOOP("memo", "Given names"), s.given_names),
        (QT_TRANSLATE_NOOP("memo", "Aliases"), "\n".join(s.aliases)),
        (QT_TRANSLATE_NOOP("memo", "Date of birth"), _date(s.date_of_birth)),
        (QT_TRANSLATE_NOOP("memo", "A-number"), s.a_number),
        (QT_TRANSLATE_NOOP("memo", "Citizenship (record fact only)"), s.country_of_citizenship),
        (QT_TRANSLATE_NOOP("memo", "Identity documents"), docs)]))

    story += [b.heading(QT_TRANSLATE_NOOP("memo", "2. Encounter and how the case came to attention"))]
    if h.last_entry.text:
        precision = h.last_entry.precision.value
        entry: str = QT_TRANSLATE_NOOP("memo", "{date} ({precision} date)").format(
            date=str(h.last_entry), precision=_PRECISION.get(precision, precision))
    else:
        entry = _UNKNOWN
    at = (e.occurred_at.strftime("%Y-%m-%d %H:%M %Z").strip() if e.occurred_at
          else QT_TRANSLATE_NOOP("memo", "not recorded"))
    story.append(b.fields([
        (QT_TRANSLATE_NOOP("memo", "Date and time"), at), (QT_TRANSLATE_NOOP("memo", "Place"), e.place),
        (QT_TRANSLATE_NOOP("memo", "How it came to attention"), Withheld(b.withheld["encounter.attention_source"])
         if "encounter.attention_source" in b.withheld else b.label(e.attention_source)),
        (QT_TRANSLATE_NOOP("memo", "Details"), e.attention_detail),
        (QT_TRANSLATE_NOOP("memo", "Last entry"), entry),
        (QT_TRANSLATE_NOOP("memo", "Manner of entry"), b.label(h.manner_of_entry)),
        (QT_TRANSLATE_NOOP("memo", "Place of entry"), h.place_of_entry),
        (QT_TRANSLATE_NOOP("memo", "Where apprehended"), b.label(h.apprehension_site)),
        (QT_TRANSLATE_NOOP("memo", "Apprehension place"), h.apprehension_place)]))

    story += [b.heading(QT_TRANSLATE_NOOP("memo", "3. Criminal history"))]
    if case.offenses:
        rows = []
        for o in case.offenses:
            convicted = (QT_TRANSLATE_NOOP("memo", "no conviction") if o.disposition in NO_CONVICTION
                         else _date(o.conviction_date))
            rows.append([o.charge + (f" ({o.statute})" if o.statute else ""), o.jurisdiction, _date(o.arrest_date),
                         convicted, b.label(o.disposition), o.sentence])
        story.append(b.grid([QT_TRANSLATE_NOOP("memo", "Charge"), QT_TRANSLATE_NOOP("memo", "Jurisdiction"),
                             QT_TRANSLATE_NOOP("memo", "Arrest"), QT_TRANSLATE_NOOP("memo", "Conviction"),
                             QT_TRANSLATE_NOOP("memo", "Disposition"), QT_TRANSLATE_NOOP("memo", "Sentence")], rows,
                            [0.25, 0.16, 0.11, 0.14, 0.16, 0.18]))
    else:
        story.append(b.text(QT_TRANSLATE_NOOP("memo", "No offenses recorded.")))

    story += [b.heading(QT_TRANSLATE_NOOP("memo", "4. Family and ties"))]
    if case.family:
        story.append(b.grid([QT_TRANSLATE_NOOP("memo", "Name"), QT_TRANSLATE_NOOP("memo", "Relationship"),
                             QT_TRANSLATE_NOOP("memo", "Status in the U.S."), QT_TRANSLATE_NOOP("memo", "Notes")],
                            [[t.name, t.relationship, t.status_in_us, t.notes] for t in case.family],
                            [0.27, 0.2, 0.2, 0.33]))
    else:
        story.append(b.text(QT_TRANSLATE_NOOP("memo", "No family members recorded.")))
    story.append(b.text(case.other_ties or QT_TRANSLATE_NOOP("memo", "No other ties recorded."),
                        lead=QT_TRANSLATE_NOOP("memo", "Other ties:")))

    story += [b.heading(QT_TRANSLATE_NOOP("memo", "5. Case notes")),
              b.text(case.notes or QT_TRANSLATE_NOOP("memo", "None."))]

    if a is None:
        story += [b.heading(QT_TRANSLATE_NOOP("memo", "6. Assessment")),
                  b.text(QT_TRANSLATE_NOOP("memo", "The assessment has not been started."))]
    else:
        story += _assessment(case, a, policy, b)

    story += _exhibits(case, b)
    story += _signatures(case, policy, b, sealed, notice)
    return story


def _exhibits(case: CaseFile, b: _Builder) -> list[Flowable]:
    """The case's attachments as a numbered list of exhibits, each named by its SHA-256 (in groups of eight, to
    read out), so the paper says exactly which photo or scan is part of the record; the content is not printed.
    Nothing when the case has none."""
    if not case.attachments:
        return []
    rows = [[str(n), exhibit_name(a.file_name) + (f"\n{a.caption}" if a.caption else ""), type_label(a.media_type),
             human_size(a.size), " ".join(a.sha256[i:i + 8] for i in range(0, len(a.sha256), 8))]
            for n, a in enumerate(case.attachments, start=1)]
    return [b.heading(QT_TRANSLATE_NOOP("memo", "Exhibits")),
            b.grid([QT_TRANSLATE_NOOP("memo", "No."), QT_TRANSLATE_NOOP("memo", "File name and caption"),
                    QT_TRANSLATE_NOOP("memo", "Type"), QT_TRANSLATE_NOOP("memo", "Size"), "SHA-256"], rows,
                   [0.06, 0.37, 0.15, 0.1, 0.32]),
            Spacer(1, 4)]


def exhibit_name(name: str) -> str:
    """A file name as the memo prints it: direction overrides dropped (casework.attachments.display_name) and
    each character the memo font cannot draw written as its code point, [U+1F642] — a file name is kept as
    given and cannot be retyped, so it never blocks the memo, and the SHA-256 beside it identifies the file."""
    missing = set(missing_glyphs(name))
    return "".join(f"[U+{ord(ch):04X}]" if ch in missing else ch for ch in display_name(name))


def _assessment(case: CaseFile, a: Assessment, policy: Policy, b: _Builder) -> list[Flowable]:
    """The assessment as the policy it was made under lays it out: its categories and each category's
    questions, its factor kinds, its sections, and its own wording for headings and findings."""
    numbers = itertools.count(6)

    def numbered(title: str) -> Heading:
        return b.heading(f"{next(numbers)}. {b.t(title)}")

    def heading(key: str, default: str) -> Heading:
        return numbered(policy.word(key) or default)

    kinds = {r.id: r.label for r in policy.records}
    out: list[Flowable] = [heading("memo.records", QT_TRANSLATE_NOOP("memo", "Records reviewed")),
                           b.text("; ".join(kinds.get(r, r) for r in a.records_reviewed)
                                  or QT_TRANSLATE_NOOP("memo", "None recorded."))]
    if a.records_note.strip():
        out.append(b.text(a.records_note, lead=QT_TRANSLATE_NOOP("memo", "Note:")))
    weighed: list[Question] = []  # questions of a category that weighs factors: printed after the factors
    first: list[Flowable] = [heading("memo.categories", QT_TRANSLATE_NOOP("memo", "Priority categories"))]
    for c in policy.categories:
        f = a.category(c.id)
        block: list[Flowable] = [b.text(_finding(policy, f.answer), lead=f"{c.label}:", after=1)]
        if f.basis.strip():
            block.append(b.text(f.basis, lead=QT_TRANSLATE_NOOP("memo", "Basis:"), after=1))
        if f.evidence.strip():
            block.append(b.text(f.evidence, lead=QT_TRANSLATE_NOOP("memo", "Evidence:"), after=1))
        if c.weighs_factors and policy.factors:
            weighed += c.questions
        else:
            block += [x for q in c.questions for x in _answer(a, q, b)]
        # The heading goes into the first block: a heading kept with a KeepTogether that moves on is left behind.
        out.append(KeepTogether([*first, *block, Spacer(1, 4)]))
        first = []
    out += first

    if policy.factors:
        out.append(heading("memo.factors", QT_TRANSLATE_NOOP("memo", "Aggravating and mitigating factors")))
        out += _factors(a, policy, b)
    if weighed:
        title = policy.word("memo.weighing") or QT_TRANSLATE_NOOP("memo", "Weighing")
        out.append(numbered(title))
        out += [x for q in weighed for x in _answer(a, q, b, plain_if=title)]
    for section in policy.sections:
        answers = [x for q in section.questions for x in _answer(a, q, b, only_answered=True)]
        if answers:
            out += [numbered(section.title), *answers]

    d = policy.determination(a.determination)
    detail = (a.determination_detail if a.determination_detail.strip()
              and not isinstance(a.determination_detail, Withheld) else "")
    chosen = d.label if d else QT_TRANSLATE_NOOP("memo", "Not chosen")
    out += [heading("memo.determination", QT_TRANSLATE_NOOP("memo", "Determination")),
            b.text(f"{b.t(chosen)}: {detail}" if detail else chosen,
                   lead=QT_TRANSLATE_NOOP("memo", "Determination:"))]
    if isinstance(a.determination_detail, Withheld):
        out.append(b.text(a.determination_detail, lead=QT_TRANSLATE_NOOP("memo", "Detail:")))
    out.append(b.text(a.rationale or "—", lead=QT_TRANSLATE_NOOP("memo", "Rationale:")))
    mark = "☒" if a.attested else "☐"
    attestation = (policy.word("memo.attestation") or QT_TRANSLATE_NOOP(
        "memo", "The officer attests that none of the following was considered: {never_factors}.").format(
        never_factors=", ".join(policy.never_factors)))
    out += [heading("memo.attestation_heading", QT_TRANSLATE_NOOP("memo", "Civil-rights attestation")),
            b.text(f"{mark} {b.t(attestation)}")]

    status = policy.status_on(a.assessed_on) if a.assessed_on else _UNKNOWN
    note = policy.note_on(a.assessed_on) if a.assessed_on else ""
    about = QT_TRANSLATE_NOOP(
        "memo", "{title}, {issuer}, signed {signed}; version {version}; id {id}; SHA-256 {sha256}. Status on the "
        "assessment date: {status}.").format(title=policy.title, issuer=policy.issuer,
                                             signed=policy.signed.isoformat(), version=policy.version, id=policy.id,
                                             sha256=a.policy_sha256, status=status)
    out += [heading("memo.policy", QT_TRANSLATE_NOOP("memo", "Policy")),
            b.text(b.t(about) + (f" {note}" if note else ""))]
    r = a.reassessed_from
    if r is not None:
        if r.on:
            moved = QT_TRANSLATE_NOOP("memo", "from policy {policy} version {version} on {on} (SHA-256 {sha256}).")
        else:
            moved = QT_TRANSLATE_NOOP("memo", "from policy {policy} version {version} (SHA-256 {sha256}).")
        out.append(b.text(moved.format(policy=r.from_policy_id, version=r.from_version,
                                       on=r.on.isoformat() if r.on else "", sha256=r.from_sha256),
                          lead=QT_TRANSLATE_NOOP("memo", "Re-assessed:")))
        out += [b.text(f"{m.field}: {m.reason}" + (b.t(QT_TRANSLATE_NOOP("memo", " (before: {previous})").format(
                    previous=m.previous)) if m.previous else ""),
                       lead=QT_TRANSLATE_NOOP("memo", "Not carried over:"), after=1) for m in r.marks]
    reviewed = [i for i in review_items(case, policy) if i.acknowledged]
    if reviewed:
        out.append(numbered(QT_TRANSLATE_NOOP("memo", "Review items acknowledged")))
        out += [b.text(QT_TRANSLATE_NOOP("memo", "{item}. Officer's note: {note}").format(
            item=i.message, note=i.acknowledged), after=1) for i in reviewed]
    if a.history:
        out.append(numbered(QT_TRANSLATE_NOOP("memo", "Review history")))
        # Revision numbers are each laptop's own (an officer's revision 6 may be the supervisor's 3): the content
        # digest, the same wherever the same content is held, is what names the version a decision was made on.
        if b.content:
            out.append(b.text(QT_TRANSLATE_NOOP("memo", "This memo shows content {digest} (revision {revision} on "
                                                "the laptop that printed it); a decision names the content it was "
                                                "made on.").format(digest=b.content, revision=case.revision),
                              after=1))
        for ev in a.history:
            line = f"{ev.at.strftime('%Y-%m-%d %H:%M UTC')} · {b.t(_EVENTS.get(ev.event, ev.event))} · {ev.actor}"
            if ev.digest:
                line += " · " + b.t(QT_TRANSLATE_NOOP("memo", "on content {digest}").format(
                    digest=short_digest(ev.digest)))
            if isinstance(ev.comment, Withheld):
                out += [b.text(line, after=0), b.text(ev.comment, lead=QT_TRANSLATE_NOOP("memo", "Comment:"),
                                                      after=1)]
            else:
                out.append(b.text(line + (f" · {ev.comment}" if ev.comment else ""), after=1))
    return out


def _finding(policy: Policy, answer: CategoryAnswer) -> str:
    if answer is CategoryAnswer.UNANSWERED:
        return _NOT_ANSWERED
    return policy.word(f"finding.{answer.value}") or CATEGORY_WORDS[answer]


def _answer(a: Assessment, q: Question, b: _Builder, *, plain_if: str = "", only_answered: bool = False
            ) -> list[Flowable]:
    """One question's answer as the policy words it: a choice by its option's memo text, several choices by
    their labels, text as written. An unanswered optional question is left out."""
    ans = a.answer(q.id)
    if ans.is_blank and (only_answered or q.required == "no"):
        return []
    lead = "" if q.printed_label == plain_if else f"{q.printed_label}:"
    if isinstance(ans.value, Withheld):
        return [b.text(ans.value, lead=lead, after=1)]
    text: str
    if q.kind == "choice":
        option = q.option(ans.value)
        text = (option.memo or option.label) if option else (ans.value or QT_TRANSLATE_NOOP("memo", "Not answered."))
    elif q.kind == "multi":
        labels = [o.label if (o := q.option(v)) else v for v in ans.values]
        text = "; ".join(labels) + "." if labels else _NONE
    else:
        text = ans.value or "—"
    return [b.text(text, lead=lead, after=1)]


def _factors(a: Assessment, policy: Policy, b: _Builder) -> list[Flowable]:
    """Per factor kind: those found present with evidence and source, side by side in a table; the others
    named, by what was found."""
    kinds = [(k.id, k.memo_title) for k in policy.factor_kinds] or [
        (kind, f"{kind.capitalize()} factors") for kind in dict.fromkeys(f.kind for f in policy.factors)]
    out: list[Flowable] = []
    for kind, title in kinds:
        factors = policy.factors_of(kind)
        present = [(f, a.factor(f.id)) for f in factors if a.factor(f.id).answer is FactorAnswer.PRESENT]
        others = [o for o in a.other_factors if o.kind == kind]
        out.append(b.subheading(QT_TRANSLATE_NOOP("memo", "{kind} found present").format(kind=title)))
        if present or others:
            rows = [[f"{f.label} ({f.id})", ff.evidence, ff.source] for f, ff in present]
            rows += [[b.t(QT_TRANSLATE_NOOP("memo", "Other: {description}").format(description=o.description)),
                      o.evidence, o.source] for o in others]
            out.append(b.grid([QT_TRANSLATE_NOOP("memo", "Factor"), QT_TRANSLATE_NOOP("memo", "Evidence"),
                               QT_TRANSLATE_NOOP("memo", "Source")], rows, [0.36, 0.44, 0.20]))
        else:
            out.append(b.text(_NONE))
        for answer, words in ((FactorAnswer.ABSENT, QT_TRANSLATE_NOOP("memo", "Found absent:")),
                              (FactorAnswer.UNKNOWN, QT_TRANSLATE_NOOP("memo", "Unknown:")),
                              (FactorAnswer.UNANSWERED, QT_TRANSLATE_NOOP("memo", "Not answered:"))):
            names = [f"{f.label} ({f.id})" for f in factors if a.factor(f.id).answer is answer]
            if names:
                out.append(b.text("; ".join(names) + ".", lead=words, after=1))
        out.append(Spacer(1, 4))
    return out


def _signatures(case: CaseFile, policy: Policy, b: _Builder, sealed: bool, notice: Flowable | None = None
                ) -> list[Flowable]:
    rule = "_" * 44
    signature = QT_TRANSLATE_NOOP("memo", "Signature: {rule}&nbsp;&nbsp;Date: {date_rule}").format(
        rule=rule, date_rule="_" * 16)
    officer = [b.subheading(QT_TRANSLATE_NOOP("memo", "Officer")),
               b.text(case.officer.name or "", lead=QT_TRANSLATE_NOOP("memo", "Printed name:"), after=1),
               b.static(QT_TRANSLATE_NOOP("memo", "Title: Immigration Officer")), Spacer(1, 14),
               b.static(signature), Spacer(1, 8)]
    block: list[Flowable] = [b.heading(QT_TRANSLATE_NOOP("memo", "Signatures")), *officer]
    if policy.requires_supervisor_concurrence:
        block += [b.subheading(QT_TRANSLATE_NOOP("memo", "Supervisor")),
                  b.static(QT_TRANSLATE_NOOP("memo", "Printed name: {rule}").format(rule=rule)),
                  b.static(QT_TRANSLATE_NOOP("memo", "Title: Supervisory Immigration Officer")), Spacer(1, 6),
                  b.static(QT_TRANSLATE_NOOP("memo", "☐ Concur&nbsp;&nbsp;&nbsp;&nbsp;☐ Non-concur")),
                  b.static(QT_TRANSLATE_NOOP("memo", "Comments:")),
                  *[b.static("_" * 86) for _ in range(3)], Spacer(1, 14),
                  b.static(signature), Spacer(1, 8)]
    block.append(notice if notice is not None else _SealBlock(sealed, b.log))
    return [CondPageBreak(2 * inch), KeepTogether(block)]


def text_extents(text: str, size: float = BODY_SIZE) -> float:
    """Printed width of `text` in the body font (for callers laying out their own lines)."""
    return text_width(text, REGULAR, size)
