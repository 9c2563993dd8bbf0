"""The shipped Unicode font (DejaVu Sans), registered once, shaped with HarfBuzz; and the glyph check.

Right-to-left text: reportlab (with HarfBuzz) draws each right-to-left word with its letters in the right
visual order, but leaves the words of a line in logical order. So the line order comes from the Unicode bidi
algorithm (python-bidi), after which each right-to-left word is turned back to logical order for reportlab to
reverse once. Checked visually: "אב" prints with bet left of alef; "سمير مثال" prints with مثال on the left.
"""

from __future__ import annotations

import re
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
def _covered() -> frozenset[int]:
    """Code points both the regular and the bold face can draw (computed once)."""
    register_fonts()
    faces = [frozenset(pdfmetrics.getFont(name).face.charToGlyph) for name in (REGULAR, BOLD)]
    return faces[0] & faces[1]


def missing_glyphs(text: str) -> list[str]:
    """Characters of `text` that the shipped font cannot draw (they would print as empty boxes)."""
    covered = _covered()
    missing = []
    for ch in text:
        if ch in "\n\r\t" or unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp"):
            continue
        if ord(ch) not in covered and ch not in missing:
            missing.append(ch)
    return missing


_RTL = {"R", "AL"}
_RTL_WORD = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+")


def visual(text: str) -> str:
    """Text in the order reportlab must be given it: words in bidi visual order, letters left for HarfBuzz."""
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return text
    return _RTL_WORD.sub(lambda m: m.group(0)[::-1], get_display(text))
