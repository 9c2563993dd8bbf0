"""The decision memorandum, rendered with reportlab platypus from a case, its policy and a seal.

`render_memo(...) -> bytes` is pure: the same inputs give byte-identical PDFs (invariant mode, no clock).
All user text is escaped before reportlab sees it, so a name like `<font>` prints literally. Every page
carries the case number, record revision, "page x of y" and the handling line; an assessment not yet
submitted carries a DRAFT watermark.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from casework.assessment import Assessment, CategoryAnswer, FactorAnswer, ThreatAnswer
from casework.errors import NotPrintable
from casework.labels import label
from casework.model import CaseFile, CaseStatus
from casework.policy import Policy
from casework.seal import Seal
from printing.fonts import BOLD, REGULAR, missing_glyphs, register_fonts, visual
from printing.qr import QrFlowable


@dataclass(frozen=True, slots=True)
class MemoSettings:
    agency: str = "U.S. Department of Homeland Security"
    office: str = ""
    handling: str = "LAW ENFORCEMENT SENSITIVE"


CATEGORY_WORDS = {CategoryAnswer.APPLIES: "Applies", CategoryAnswer.DOES_NOT_APPLY: "Does not apply",
                  CategoryAnswer.UNKNOWN: "Unknown", CategoryAnswer.UNANSWERED: "Not answered"}
THREAT_WORDS = {ThreatAnswer.CURRENT_THREAT: "The person is a current threat to public safety.",
                ThreatAnswer.NOT_A_CURRENT_THREAT: "The person is not a current threat to public safety.",
                ThreatAnswer.UNKNOWN: "Whether the person is a current threat is unknown.",
                ThreatAnswer.UNANSWERED: "Not concluded."}


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, splitLongWords=1)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER,
                             spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=10,
                             spaceAfter=4, textColor=colors.HexColor("#1f3a5f")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=BOLD, fontSize=8.5, leading=11),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def t(text: str) -> str:
    """User text made safe for a Paragraph: visual order for RTL, markup escaped, line breaks kept."""
    lines = [escape(visual(line)) for line in text.split("\n")]
    return "<br/>".join(lines)


def printable_problems(case: CaseFile, policy: Policy, settings: MemoSettings) -> list[str]:
    """Fields whose text the shipped font cannot draw, as 'field: characters' (empty when all is well)."""
    problems = []
    for field, text in _user_text(case, settings):
        missing = missing_glyphs(text)
        if missing:
            shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:5])
            problems.append(f"{field}: {shown}")
    return problems


def _user_text(case: CaseFile, settings: MemoSettings) -> list[tuple[str, str]]:
    s, e, h = case.subject, case.encounter, case.history
    out = [("settings.agency", settings.agency), ("settings.office", settings.office),
           ("settings.handling", settings.handling), ("subject.family_name", s.family_name),
           ("subject.given_names", s.given_names), ("subject.country_of_citizenship", s.country_of_citizenship),
           ("encounter.place", e.place), ("encounter.attention_detail", e.attention_detail),
           ("history.place_of_entry", h.place_of_entry), ("history.apprehension_place", h.apprehension_place),
           ("case_number", case.case_number), ("officer.name", case.officer.name),
           ("officer.officer_id", case.officer.officer_id), ("officer.office", case.officer.office)]
    out += [(f"subject.aliases[{i}]", a) for i, a in enumerate(s.aliases)]
    for i, d in enumerate(s.documents):
        out += [(f"subject.documents[{i}]", f"{d.kind} {d.number} {d.issuing_country}")]
    for i, o in enumerate(case.offenses):
        out += [(f"offenses[{i}]", " ".join((o.charge, o.statute, o.jurisdiction, o.sentence)))]
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
    return out


class _NumberedCanvas(pdfcanvas.Canvas):
    """Draws 'page x of y', the case line and the handling line once the page count is known."""

    memo_footer: tuple[str, str] = ("", "")
    draft = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        case_line, handling = self.memo_footer
        width, height = LETTER
        self.saveState()
        if self.draft:
            self.setFont(BOLD, 96)
            self.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.12))
            self.translate(width / 2, height / 2)
            self.rotate(40)
            self.drawCentredString(0, -30, "DRAFT")
            self.rotate(-40)
            self.translate(-width / 2, -height / 2)
        self.setFillColor(colors.black)
        self.setFont(BOLD, 8)
        self.drawCentredString(width / 2, height - 0.45 * inch, visual(handling))
        self.drawCentredString(width / 2, 0.4 * inch, visual(handling))
        self.setFont(REGULAR, 8)
        self.drawString(0.75 * inch, 0.6 * inch, visual(case_line))
        self.drawRightString(width - 0.75 * inch, 0.6 * inch, f"page {self._pageNumber} of {total}")
        self.restoreState()


def render_memo(case: CaseFile, policy: Policy, settings: MemoSettings, seal: Seal | None) -> bytes:
    """The memo as PDF bytes. Raises NotPrintable before drawing anything the font cannot show."""
    problems = printable_problems(case, policy, settings)
    if problems:
        raise NotPrintable("These fields have characters the memo font cannot print: " + "; ".join(problems))
    register_fonts()
    st = _styles()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=LETTER, invariant=1, title=f"Decision memorandum {case.case_number}",
        author="Casefile", subject="Individual assessment", creator="Casefile", producer="Casefile",
        keywords=seal.to_payload() if seal else "", leftMargin=0.75 * inch, rightMargin=0.75 * inch,
        topMargin=0.75 * inch, bottomMargin=0.85 * inch,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="FirstPage", frames=[frame]),
                          PageTemplate(id="LaterPages", frames=[frame])])
    story = _story(case, policy, settings, seal, st, doc.width)
    revision = seal.revision if seal else case.revision
    canvas_class = type("MemoCanvas", (_NumberedCanvas,), {
        "memo_footer": (f"Case {case.case_number} · record revision {revision}", settings.handling),
        "draft": case.status in (CaseStatus.DRAFT, CaseStatus.RETURNED),
    })
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def _table(rows: list[list[object]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
             ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ebf1")))
    table.setStyle(TableStyle(style))
    return table


def _story(case: CaseFile, policy: Policy, settings: MemoSettings, seal: Seal | None,
           st: dict[str, ParagraphStyle], width: float) -> list[object]:
    P = Paragraph
    s, e, h, a = case.subject, case.encounter, case.history, case.assessment
    office = settings.office or case.officer.office
    when = a.assessed_on.isoformat() if a and a.assessed_on else "not recorded"
    story: list[object] = [
        P(t(settings.agency), st["center"]),
        P(t(office), st["center"]),
        Spacer(1, 6),
        P("DECISION MEMORANDUM", st["h1"]),
        P("Individual assessment under the civil immigration enforcement guidelines", st["center"]),
        Spacer(1, 8),
        _table([[P("<b>Case number</b>", st["cell"]), P(t(case.case_number), st["cell"]),
                 P("<b>Assessment date</b>", st["cell"]), P(when, st["cell"])],
                [P("<b>Officer</b>", st["cell"]), P(t(f"{case.officer.name} ({case.officer.officer_id})"),
                                                    st["cell"]),
                 P("<b>Status</b>", st["cell"]), P(escape(label(case.status)), st["cell"])]],
               [1.2 * inch, 2.3 * inch, 1.3 * inch, width - 4.8 * inch], header=False),
    ]

    story += [P("1. Subject", st["h2"])]
    # One alias or document per line: each line gets its own bidi run, so scripts never swap places.
    docs = "\n".join(f"{d.kind} {d.number} ({d.issuing_country})" for d in s.documents)
    rows = [("Family name", s.family_name), ("Given names", s.given_names), ("Aliases", "\n".join(s.aliases)),
            ("Date of birth", str(s.date_of_birth)), ("A-number", s.a_number),
            ("Country of citizenship (record fact only)", s.country_of_citizenship), ("Identity documents", docs)]
    story.append(_table([[P(f"<b>{k}</b>", st["cell"]), P(t(v or "—"), st["cell"])] for k, v in rows],
                        [2.2 * inch, width - 2.2 * inch], header=False))

    story += [P("2. Encounter and how the case came to attention", st["h2"])]
    entry = f"{h.last_entry} ({h.last_entry.precision.value} date)" if h.last_entry.text else "unknown"
    at = e.occurred_at.strftime("%Y-%m-%d %H:%M %Z").strip() if e.occurred_at else "not recorded"
    rows = [("Date and time", at), ("Place", e.place), ("How it came to attention", label(e.attention_source)),
            ("Details", e.attention_detail), ("Last entry", entry),
            ("Manner of entry", label(h.manner_of_entry)), ("Place of entry", h.place_of_entry),
            ("Where apprehended", label(h.apprehension_site)), ("Apprehension place", h.apprehension_place)]
    story.append(_table([[P(f"<b>{k}</b>", st["cell"]), P(t(v or "—"), st["cell"])] for k, v in rows],
                        [2.2 * inch, width - 2.2 * inch], header=False))

    if case.offenses:
        story += [P("3. Criminal history", st["h2"])]
        head = [P(f"<b>{x}</b>", st["cellb"]) for x in ("Charge", "Jurisdiction", "Arrest", "Conviction",
                                                          "Disposition", "Sentence")]
        rows = [[P(t(o.charge + (f" ({o.statute})" if o.statute else "")), st["cell"]), P(t(o.jurisdiction),
                 st["cell"]), P(str(o.arrest_date), st["cell"]), P(str(o.conviction_date), st["cell"]),
                 P(escape(label(o.disposition)), st["cell"]), P(t(o.sentence), st["cell"])] for o in case.offenses]
        story.append(_table([head, *rows], [w * width for w in (0.26, 0.17, 0.125, 0.125, 0.13, 0.19)]))

    if a is None:
        story += [P("Assessment", st["h2"]), P("The assessment has not been started.", st["body"])]
    else:
        story += _assessment(a, policy, st, width)

    story += _signatures(case, policy, st, width)
    if seal is not None:
        story += _seal(seal, st, width)
    return story


def _assessment(a: Assessment, policy: Policy, st: dict[str, ParagraphStyle], width: float) -> list[object]:
    P = Paragraph
    kinds = {r.id: r.label for r in policy.records}
    out: list[object] = [P("4. Records reviewed", st["h2"]),
                         P(t("; ".join(kinds.get(r, r) for r in a.records_reviewed) or "None recorded."), st["body"])]
    if a.records_note.strip():
        out.append(P(t(a.records_note), st["body"]))
    out.append(P("5. Priority categories", st["h2"]))
    for c in policy.categories:
        f = a.category(c.id)
        block = [P(f"<b>{escape(c.label)}</b>: {escape(CATEGORY_WORDS[f.answer])}", st["body"])]
        if f.basis.strip():
            block.append(P("Basis: " + t(f.basis), st["body"]))
        if f.evidence.strip():
            block.append(P("Evidence: " + t(f.evidence), st["body"]))
        if c.cutoff is not None and a.border_notes.strip():
            block.append(P("Border notes: " + t(a.border_notes), st["body"]))
        out.append(KeepTogether([*block, Spacer(1, 4)]))

    out.append(P("6. Aggravating and mitigating factors", st["h2"]))
    for kind, title in (("aggravating", "Aggravating factors found present"),
                        ("mitigating", "Mitigating factors found present")):
        present = [(f, a.factor(f.id)) for f in policy.factors_of(kind)
                   if a.factor(f.id).answer is FactorAnswer.PRESENT]
        others = [o for o in a.other_factors if o.kind == kind]
        out.append(P(f"<b>{title}</b>", st["body"]))
        if present or others:
            head = [P(f"<b>{x}</b>", st["cellb"]) for x in ("Factor", "Evidence", "Source")]
            rows = [[P(escape(f"{f.id} {f.label}"), st["cell"]), P(t(ff.evidence), st["cell"]),
                     P(t(ff.source), st["cell"])] for f, ff in present]
            rows += [[P("Other: " + t(o.description), st["cell"]), P(t(o.evidence), st["cell"]),
                      P(t(o.source), st["cell"])] for o in others]
            out.append(_table([head, *rows], [0.38 * width, 0.42 * width, 0.20 * width]))
        else:
            out.append(P("None.", st["body"]))
        absent = [f.id for f in policy.factors_of(kind) if a.factor(f.id).answer is FactorAnswer.ABSENT]
        unknown = [f.id for f in policy.factors_of(kind) if a.factor(f.id).answer is FactorAnswer.UNKNOWN]
        unanswered = [f.id for f in policy.factors_of(kind) if a.factor(f.id).answer is FactorAnswer.UNANSWERED]
        compact = "; ".join(x for x in (f"absent: {', '.join(absent)}" if absent else "",
                                        f"unknown: {', '.join(unknown)}" if unknown else "",
                                        f"not answered: {', '.join(unanswered)}" if unanswered else "") if x)
        if compact:
            out.append(P(escape(compact[0].upper() + compact[1:] + "."), st["small"]))
        out.append(Spacer(1, 4))
    out += [P("7. Weighing", st["h2"]), P(t(a.weighing or "—"), st["body"]),
            P(escape(THREAT_WORDS[a.current_threat]), st["body"])]
    d = policy.determination(a.determination)
    out += [P("8. Determination", st["h2"]),
            P(f"<b>{escape(d.label if d else 'Not chosen')}</b>"
              + (": " + t(a.determination_detail) if a.determination_detail.strip() else ""), st["body"]),
            P("<b>Rationale.</b> " + t(a.rationale or "—"), st["body"])]
    never = ", ".join(policy.never_factors)
    mark = "☒" if a.attested else "☐"
    out += [P("9. Civil-rights attestation", st["h2"]),
            P(f"{mark} The officer attests that none of the following was considered: {escape(never)}.",
              st["body"])]
    status = policy.status_on(a.assessed_on) if a.assessed_on else "unknown"
    out += [P("10. Policy", st["h2"]),
            P(escape(f"{policy.title}, {policy.issuer}, signed {policy.signed.isoformat()}; version "
                     f"{policy.version}; id {policy.id}; SHA-256 {a.policy_sha256}. Status on the assessment "
                     f"date: {status}."), st["small"])]
    if a.history:
        out.append(P("<b>Review history</b>", st["body"]))
        for ev in a.history:
            line = f"{ev.at.strftime('%Y-%m-%d %H:%M UTC')} · {ev.event} · {ev.actor}"
            out.append(P(t(line + (f" · {ev.comment}" if ev.comment else "")), st["small"]))
    return out


def _signatures(case: CaseFile, policy: Policy, st: dict[str, ParagraphStyle], width: float) -> list[object]:
    P = Paragraph
    blocks = [("Officer", case.officer.name, "Immigration Officer")]
    if policy.requires_supervisor_concurrence:
        blocks.append(("Supervisor (concur / non-concur)", "", "Supervisory Officer"))
    rows = []
    for role, name, title in blocks:
        rows.append([P(f"<b>{escape(role)}</b>", st["cell"]),
                     P(f"Printed name: {t(name) or '_' * 30}<br/>Title: {escape(title)}<br/><br/>"
                       f"Signature: {'_' * 34}&nbsp;&nbsp;&nbsp;Date: {'_' * 14}", st["cell"])])
    return [Spacer(1, 10), KeepTogether([P("11. Signatures", st["h2"]),
                                         _table(rows, [1.6 * inch, width - 1.6 * inch], header=False)])]


def _seal(seal: Seal, st: dict[str, ParagraphStyle], width: float) -> list[object]:
    P = Paragraph
    size = 1.35 * inch
    drawing = QrFlowable(seal.to_payload(), size)
    text = P(escape(f"Record seal: case {seal.case_number}, revision {seal.revision}.") + "<br/>"
             + escape(f"SHA-256 of the record: {seal.digest}") + "<br/>"
             + escape(f"Signed with profile key {seal.key_id} (Ed25519). Check with: casefile verify MEMO.pdf"),
             st["small"])
    return [Spacer(1, 10), KeepTogether([_table([[drawing, text]], [size + 8, width - size - 8], header=False)])]
