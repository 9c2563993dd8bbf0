"""Words drawn as filled glyph outlines (vector paths), not as text: the DRAFT mark.

A mark drawn as text lands in the text layer (copy and paste, search, pdftotext pick up stray "D R A F T"
letters); outlines print and photocopy like text but are not text.
"""

from __future__ import annotations

from functools import cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas


class _PathPen:
    """fontTools-style pen (what uharfbuzz's draw_glyph_with_pen calls) writing into a reportlab path."""

    def __init__(self, path: object, scale: float, dx: float) -> None:
        self.path = path
        self.scale = scale
        self.dx = dx
        self._last = (0.0, 0.0)

    def _p(self, x: float, y: float) -> tuple[float, float]:
        return (x + self.dx) * self.scale, y * self.scale

    def moveTo(self, p: tuple[float, float]) -> None:
        self.path.moveTo(*self._p(*p))  # type: ignore[attr-defined]
        self._last = p

    def lineTo(self, p: tuple[float, float]) -> None:
        self.path.lineTo(*self._p(*p))  # type: ignore[attr-defined]
        self._last = p

    def curveTo(self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]) -> None:
        self.path.curveTo(*self._p(*p1), *self._p(*p2), *self._p(*p3))  # type: ignore[attr-defined]
        self._last = p3

    def qCurveTo(self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
        (x0, y0), (x1, y1), (x2, y2) = self._last, p1, p2
        c1 = (x0 + 2 / 3 * (x1 - x0), y0 + 2 / 3 * (y1 - y0))
        c2 = (x2 + 2 / 3 * (x1 - x2), y2 + 2 / 3 * (y1 - y2))
        self.curveTo(c1, c2, p2)

    def closePath(self) -> None:
        self.path.close()  # type: ignore[attr-defined]


@cache
def _glyphs(font: str, word: str) -> tuple[tuple[int, int], ...]:
    ttf = pdfmetrics.getFont(font)
    buf = uharfbuzz.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    uharfbuzz.shape(ttf.hbFont(1000), buf, {})
    return tuple((i.codepoint, p.x_advance) for i, p in zip(buf.glyph_infos, buf.glyph_positions, strict=True))


def outline_width(font: str, word: str, size: float) -> float:
    upem = pdfmetrics.getFont(font).hbFace.upem
    return sum(a for _g, a in _glyphs(font, word)) * size / upem


def draw_outlined(canvas: Canvas, x: float, y: float, word: str, font: str, size: float) -> None:
    """Fill `word`'s glyph outlines with the current fill colour, baseline at (x, y)."""
    ttf = pdfmetrics.getFont(font)
    hb_font = uharfbuzz.Font(ttf.hbFace)
    upem = ttf.hbFace.upem
    path = canvas.beginPath()
    advance = 0
    for gid, adv in _glyphs(font, word):
        hb_font.draw_glyph_with_pen(gid, _PathPen(path, size / upem, advance))
        advance += adv
    canvas.saveState()
    canvas.translate(x, y)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=0)
    canvas.restoreState()
