"""One printed line of user text in any script: measured, reordered for display, and drawn so that it reads
back exactly as typed.

Drawing: every level run is placed at its visual position (rule L2, see printing.bidi); right-to-left runs
are shaped by HarfBuzz (joined Arabic letters, lam-alef ligatures, mirrored brackets). The order of the
drawing operators in the page is chosen for text extraction, which the seal and people copying a name rely
on:
- runs are written in logical order, each in its own BT … ET, so extractors that read the stream in order
  (pypdf) meet the characters in the order they were typed;
- a right-to-left run is written one cluster at a time, right to left (logical order), so no extractor
  has to reverse it (pypdf would reverse a whole run with its neighbouring spaces);
- a space that follows a right-to-left run is written right after the glyph written before it (it is
  invisible): pypdf then neither adds a second space nor loses it.
Extractors that read by position (pdftotext, viewers' copy and paste) see glyphs where they are displayed.
The ToUnicode maps turn shaped glyphs back into the letters typed (see printing.fonts.unicode_for).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from printing import bidi
from printing.fonts import remember_private, unicode_for


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str  # the character reportlab encodes for this glyph (its code in the font subset)
    cluster: int  # index in the run's text of the first character this glyph shows
    x: float  # from the run's left edge, in points
    dx: float  # HarfBuzz offsets, in points
    dy: float


@dataclass(frozen=True, slots=True)
class ShapedRun:
    text: str
    level: int
    width: float
    glyphs: tuple[Glyph, ...] = ()  # only for right-to-left runs; left-to-right runs are drawn as text

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def text_width(text: str, font: str, size: float) -> float:
    """Width of `text` as printed (shaped when it holds right-to-left letters)."""
    if not bidi.has_rtl(text):
        return pdfmetrics.stringWidth(text, font, size)
    return sum(r.width for r in shape_line(text, font, size))


@lru_cache(maxsize=4096)
def _shape_rtl(text: str, font: str, size: float) -> ShapedRun:
    ttf = pdfmetrics.getFont(font)
    hb = ttf.hbFont(size)
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl"
    uharfbuzz.shape(hb, buf, {"kern": True, "liga": True})
    scale = size / 1000
    glyphs = []
    x = 0.0
    starts = [*sorted({info.cluster for info in buf.glyph_infos}), len(text)]
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        gid = info.codepoint
        source = text[info.cluster:starts[starts.index(info.cluster) + 1]]
        try:
            code = ttf.face.glyphToChar[gid][0]
        except (KeyError, IndexError):
            code = ttf.hbAddPrivate(hb.glyph_to_string(gid), gid, ttf.pdfScale(pos.x_advance))
            remember_private(code, source)
        if len(source) == 1 and unicodedata.mirrored(source) and chr(code) != source:
            # "(" drawn with the ")" glyph: its own code, extracting as the "(" typed.
            code = ttf.hbAddPrivate(f"{hb.glyph_to_string(gid)}#for{ord(source):04X}", gid, ttf.pdfScale(pos.x_advance))
            remember_private(code, source)
        advance = ttf.pdfScale(pos.x_advance) * scale
        glyphs.append(Glyph(chr(code), info.cluster, x, ttf.pdfScale(pos.x_offset) * scale,
                            ttf.pdfScale(pos.y_offset) * scale))
        x += advance
    return ShapedRun(text, 1, x, tuple(glyphs))


@lru_cache(maxsize=4096)
def shape_line(line: str, font: str, size: float, base: int | None = None,
               levels: tuple[int, ...] | None = None, base_dir: str | None = None) -> tuple[ShapedRun, ...]:
    """The level runs of one printed line, in logical order, measured (and shaped when right-to-left).

    `base` and `levels` come from the whole paragraph the line was broken from; without them the line is
    its own paragraph.
    """
    if levels is None:  # a line of its own (a page header, a label): its bidi controls go as in paragraphs
        line = bidi.strip_controls(line)
        base, levels = bidi.levels(line, base_dir)
    assert base is not None
    out = []
    for run in bidi.runs(line, bidi.line_levels(base, levels, line)):
        if run.rtl:
            shaped = _shape_rtl(run.text, font, size)
            out.append(ShapedRun(run.text, run.level, shaped.width, shaped.glyphs))
        else:
            out.append(ShapedRun(run.text, run.level, pdfmetrics.stringWidth(run.text, font, size)))
    return tuple(out)


_STRONG = frozenset({"L", "R", "AL", "EN", "AN"})


def _neutral(ch: str) -> bool:
    return unicodedata.bidirectional(ch) not in _STRONG


def draw_line(canvas: Canvas, x: float, y: float, runs: tuple[ShapedRun, ...], font: str, size: float) -> float:
    """Draw one line's runs with its left edge at `x`; returns the line's width.

    Units of drawing, in logical order: a left-to-right run (its leading punctuation and spaces one character
    each), a right-to-left run's core (first to last strong letter, glyphs in display order: pypdf reverses
    such a unit back) with the neutral characters at its ends one each. A unit of one neutral character reads
    back as itself whatever direction pypdf thinks it is in; a longer unit of neutrals would be reversed.
    """
    visual = bidi.visual_order([bidi.Run(i, r.text, r.level) for i, r in enumerate(runs)])
    left: dict[int, float] = {}
    pos = x
    for vr in visual:
        left[vr.start] = pos  # Run.start holds the run's index here
        pos += runs[vr.start].width
    ttf = pdfmetrics.getFont(font)
    doc = canvas._doc
    code = canvas._code
    pen: float | None = None  # where the last unit written ends
    for i, run in enumerate(runs):
        if not run.rtl:
            lead = len(run.text) - len(run.text.lstrip("".join(ch for ch in run.text if _neutral(ch)) or " "))
            at = left[i]
            for ch in run.text[:lead]:
                width = pdfmetrics.stringWidth(ch, font, size)
                # A space is invisible: written right after the last unit, pypdf neither doubles nor drops it.
                _show(code, ttf, doc, size, pen if ch == " " and pen is not None else at, y, ch)
                at += width
                pen = (pen if ch == " " and pen is not None else at - width) + width
            if run.text[lead:]:
                _show(code, ttf, doc, size, at, y, run.text[lead:])
                pen = left[i] + run.width
            continue
        pen = _draw_rtl(code, ttf, doc, size, left[i], y, run)
    return pos - x


def _draw_rtl(code: list[str], ttf: object, doc: object, size: float, x: float, y: float, run: ShapedRun) -> float:
    """Draw a right-to-left run; returns where the last unit written ends."""
    clusters: dict[int, list[Glyph]] = {}
    for g in run.glyphs:
        clusters.setdefault(g.cluster, []).append(g)
    order = sorted(clusters)
    strong = [c for c in order if not all(_neutral(ch) for ch in run.text[c:_next(order, c, run.text)])]
    pen = x
    if not strong:
        for c in order:
            pen = _glyphs(code, ttf, doc, size, x, y, clusters[c])
        return pen
    first, last = strong[0], strong[-1]
    for c in order:
        if c < first:
            pen = _glyphs(code, ttf, doc, size, x, y, clusters[c])
    core = [g for g in run.glyphs if first <= g.cluster <= last]  # display order
    chars = "".join(g.char for g in core)
    parts = ttf.splitString(chars, doc)  # type: ignore[attr-defined]
    if len(parts) == 1 and not any(g.dy for g in core):
        pen = _core(code, ttf, doc, size, x, y, core, parts[0][0])
    else:  # glyphs from two font subsets: a font switch ends pypdf's run, so one cluster at a time instead
        for c in order:
            if first <= c <= last:
                pen = _glyphs(code, ttf, doc, size, x, y, clusters[c])
    for c in order:
        if c > last:
            pen = _glyphs(code, ttf, doc, size, x, y, clusters[c])
    return pen


def _core(code: list[str], ttf: object, doc: object, size: float, x: float, y: float, glyphs: list[Glyph],
          subset: int) -> float:
    """A right-to-left run's glyphs in display order in ONE text-showing operation (a TJ array whose numbers
    put each glyph where HarfBuzz placed it): pypdf reverses such a run back, and only within one operation."""
    name = ttf.getSubsetInternalName(subset, doc)  # type: ignore[attr-defined]
    items = []
    pen = x + glyphs[0].x + glyphs[0].dx
    for g in glyphs:
        target = x + g.x + g.dx
        if abs(target - pen) > 1e-3:
            items.append(fp_str(-(target - pen) * 1000 / size))
        shown = unicode_for(ord(g.char))
        (_subset, chunk), = ttf.splitString(g.char, doc)  # type: ignore[attr-defined]
        items.append(f"({_escape(chunk)})")
        pen = target + pdfmetrics.stringWidth(g.char, ttf.fontName, size)  # type: ignore[attr-defined]
        if len(shown) > 1:  # see _glyphs: a ligature's letters for pdftotext, in display order
            items[-1] = (f"] TJ /Span <</ActualText <FEFF{shown[::-1].encode('utf-16-be').hex().upper()}>>> BDC "
                         f"[{items[-1]}] TJ EMC [")
    start = glyphs[0]
    code.append(f"BT 1 0 0 1 {fp_str(x + start.x + start.dx)} {fp_str(y)} Tm {name} {fp_str(size)} Tf "
                f"[{' '.join(items)}] TJ ET")
    return pen


def _next(order: list[int], cluster: int, text: str) -> int:
    i = order.index(cluster)
    return order[i + 1] if i + 1 < len(order) else len(text)


def _glyphs(code: list[str], ttf: object, doc: object, size: float, x: float, y: float, glyphs: list[Glyph]
            ) -> float:
    """One BT … ET showing `glyphs` (display order) each at its own place. A ligature standing for several
    letters is marked with ActualText in display order: pdftotext reverses a right-to-left run letter by
    letter, the ligature's letters included, and pypdf (which ignores ActualText) reads the ToUnicode map."""
    parts = ["BT"]
    for g in glyphs:
        shown = unicode_for(ord(g.char))
        ligature = len(shown) > 1
        if ligature:
            parts.append(f"/Span <</ActualText <FEFF{shown[::-1].encode('utf-16-be').hex().upper()}>>> BDC")
        parts.append(f"1 0 0 1 {fp_str(x + g.x + g.dx)} {fp_str(y + g.dy)} Tm")
        for subset, chunk in ttf.splitString(g.char, doc):  # type: ignore[attr-defined]
            name = ttf.getSubsetInternalName(subset, doc)  # type: ignore[attr-defined]
            parts.append(f"{name} {fp_str(size)} Tf ({_escape(chunk)}) Tj")
        if ligature:
            parts.append("EMC")
    parts.append("ET")
    code.append(" ".join(parts))
    last = glyphs[-1]
    return x + last.x + last.dx + pdfmetrics.stringWidth(last.char, ttf.fontName, size)  # type: ignore[attr-defined]


def _show(code: list[str], ttf: object, doc: object, size: float, x: float, y: float, text: str) -> None:
    """One BT … ET: `text` (characters of the font, any subset) with its origin at (x, y)."""
    parts = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm"]
    for subset, chunk in ttf.splitString(text, doc):  # type: ignore[attr-defined]
        name = ttf.getSubsetInternalName(subset, doc)  # type: ignore[attr-defined]
        parts.append(f"{name} {fp_str(size)} Tf ({_escape(chunk)}) Tj")
    parts.append("ET")
    code.append(" ".join(parts))


def _escape(data: bytes) -> str:
    out = []
    for b in data:
        if b in (0x28, 0x29, 0x5C):
            out.append("\\" + chr(b))
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append(f"\\{b:03o}")
    return "".join(out)
