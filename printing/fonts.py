"""The shipped Unicode font (DejaVu Sans), registered once, shaped with HarfBuzz; and the glyph check.

Right-to-left runs are put in visual order with python-bidi before reportlab lays them out (reportlab shapes
Arabic joining through HarfBuzz but does not reorder), so Arabic and Hebrew names print correctly.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "CasefileSans"
BOLD = "CasefileSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> None:
    for name, file in _FILES.items():
        path = resources.files("resources.fonts").joinpath(file)
        with resources.as_file(path) as real:
            pdfmetrics.registerFont(TTFont(name, str(real), shapable=True))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


@cache
def _covered(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str) -> list[str]:
    """Characters of `text` that the shipped font cannot draw (they would print as empty boxes)."""
    covered = _covered(REGULAR) & _covered(BOLD)
    missing = []
    for ch in text:
        if ch in "\n\r\t" or unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp"):
            continue
        if ord(ch) not in covered and ch not in missing:
            missing.append(ch)
    return missing


_RTL = {"R", "AL", "AN"}


def visual(text: str) -> str:
    """Text in the order it must be drawn: right-to-left runs reversed by the Unicode bidi algorithm."""
    if any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return get_display(text)
    return text
