"""Right-to-left and mixed lines: Unicode bidi levels (python-bidi), line reordering (rule L2), level runs.

reportlab lays words out left to right; it reorders right-to-left text only with the optional `rlbidi`
package (not on PyPI), and not at all in paragraphs with markup. So the memo does it itself, per printed
line, after line breaking (reordering before breaking would put words on the wrong lines):

- `levels(text)` gives each character's resolved embedding level from python-bidi (the Rust `unicode-bidi`
  crate). python-bidi 0.6 exposes the levels only through its debug output, which `levels` parses; a test
  pins that parse, and pyproject pins python-bidi below 0.7.
- `runs(line, levels)` splits a printed line into level runs in logical order and `visual_order(runs)`
  applies rule L2 to them: the run drawn leftmost first.

Bidi controls (LRE, RLO, isolates…) are dropped before printing (`strip_controls`): a name such as
"RLO evil PDF" prints as the letters typed, never as the spoofed "live".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bidi import get_display

CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_RTL_CLASSES = frozenset({"R", "AL"})


def strip_controls(text: str) -> str:
    """`text` without bidi formatting characters (they steer display order and are never printed)."""
    return text.translate(CONTROLS)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


@lru_cache(maxsize=2048)
def levels(text: str, base_dir: str | None = None) -> tuple[int, tuple[int, ...]]:
    """(paragraph level, one resolved level per character) for one paragraph (no line breaks) of `text`.

    The paragraph direction comes from its first strong character, or `base_dir` "L" / "R" when given (a
    sentence the memo composes around a name is English, so left-to-right).

    Rule L1 (trailing whitespace back to the paragraph level) is applied per printed line by `line_levels`.
    """
    if not text:
        return 0, ()
    info = str(get_display(text, base_dir=base_dir, debug=True))
    try:
        per_byte = [int(m) for m in _LEVEL.findall(info.split("levels:", 1)[1].split("paragraphs:", 1)[0])]
        base = int(_LEVEL.findall(info.split("paragraphs:", 1)[1])[0])
    except (IndexError, ValueError):
        raise RuntimeError("python-bidi's debug output changed; pin python-bidi <0.7") from None
    if len(per_byte) != len(text.encode("utf-8")):
        raise RuntimeError("python-bidi's debug output changed; pin python-bidi <0.7")
    out = []
    offset = 0
    for ch in text:
        out.append(per_byte[offset])
        offset += len(ch.encode("utf-8"))
    return base, tuple(out)


def line_levels(base: int, char_levels: tuple[int, ...] | list[int], line: str) -> list[int]:
    """The levels of one printed line after rule L1: trailing whitespace takes the paragraph level."""
    out = list(char_levels)
    i = len(line)
    while i > 0 and line[i - 1] in " \t\u00a0":
        i -= 1
        out[i] = base
    return out


@dataclass(frozen=True, slots=True)
class Run:
    """Characters of one embedding level, in logical order; `start` indexes the printed line."""

    start: int
    text: str
    level: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def runs(line: str, line_levels_: list[int]) -> list[Run]:
    """The level runs of a printed line, in logical order."""
    out: list[Run] = []
    i = 0
    while i < len(line):
        j = i
        while j < len(line) and line_levels_[j] == line_levels_[i]:
            j += 1
        out.append(Run(i, line[i:j], line_levels_[i]))
        i = j
    return out


def visual_order(line_runs: list[Run]) -> list[Run]:
    """Rule L2: from the highest level down to the lowest odd level, reverse every sequence of runs at that
    level or higher. Inside a run, HarfBuzz puts right-to-left glyphs in visual order itself."""
    order = list(line_runs)
    if not order:
        return order
    highest = max(r.level for r in order)
    lowest_odd = min((r.level for r in order if r.level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if order[i].level >= level:
                j = i
                while j < len(order) and order[j].level >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
