"""The shipped Unicode font (DejaVu Sans), registered once; its text-extraction maps; and the glyph check.

Shaped Arabic prints contextual glyphs (initial, medial, final forms, the lam-alef ligature). reportlab's
ToUnicode map names each glyph by the first code point the font maps to it, which for those glyphs is a
presentation form (U+FEE3 for a medial meem): pdftotext and pypdf would then extract "ﻣﺤﻤﺪ", not the
"محمد" typed. `unicode_for` maps presentation forms back to the letters they show (their compatibility
decomposition), and glyphs with no code point of their own to the text HarfBuzz shaped them from. Only the
presentation-form blocks are mapped: every other character extracts as itself.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import cache
from importlib import resources

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "CasefileSans"
BOLD = "CasefileSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_PRIVATE: dict[int, str] = {}
_PRESENTATION = ((0xFB00, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def remember_private(code: int, text: str) -> None:
    """A glyph without a code point was given the private-use `code`; it shows `text`."""
    _PRIVATE.setdefault(code, text)


def unicode_for(code: int) -> str:
    """What a glyph reportlab encoded as `code` should extract as."""
    if code in _PRIVATE:
        return _PRIVATE[code]
    if any(lo <= code <= hi for lo, hi in _PRESENTATION):
        return unicodedata.normalize("NFKC", chr(code))
    return chr(code)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's makeToUnicodeCMap with `unicode_for` applied (multi-character targets are allowed)."""
    entries = []
    for i, v in enumerate(subset):
        target = unicode_for(v).encode("utf-16-be").hex().upper()
        entries.append(f"<{i:02X}> <{target}>")
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange", f"{len(subset)} beginbfchar", *entries, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


@cache
def register_fonts() -> None:
    # reportlab looks makeToUnicodeCMap up at save time; only printing uses reportlab in this process.
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    # Streams deflated only, not also ASCII85-encoded: pure-Python ASCII85 was a sixth of a memo's rendering
    # time, and made the file a quarter larger for no reader's benefit.
    rl_config.useA85 = 0
    for name, file in FILES.items():
        path = resources.files("resources.fonts").joinpath(file)
        with resources.as_file(path) as real:
            pdfmetrics.registerFont(TTFont(name, str(real), shapable=True))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


@cache
def font_hashes() -> dict[str, str]:
    """SHA-256 of each shipped font file: a print record keeps them, so a later font change is noticed."""
    return {file: hashlib.sha256(resources.files("resources.fonts").joinpath(file).read_bytes()).hexdigest()
            for file in FILES.values()}


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
