"""A paragraph of user text (any script, any length) as a platypus flowable, with an optional bold lead-in.

Why not reportlab's Paragraph: it reorders right-to-left text only with the optional `rlbidi` package and
never in paragraphs with markup, and it parses markup in the text. `TextFlow` breaks lines in logical order,
then reorders and draws each printed line with printing.lines (exact extraction, joined letters). It splits
across pages without leaving a single line behind or carrying one over (no widows, no orphans).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from printing import bidi
from printing.lines import ShapedRun, draw_line, shape_line, text_width

MIN_LINES = 2
"""Fewest lines of a paragraph left at the foot of a page or carried to the next one."""


@dataclass(frozen=True, slots=True)
class Line:
    runs: tuple[ShapedRun, ...]
    lead: str = ""  # the bold lead-in, on the first line only


class TextFlow(Flowable):
    """`text` (plain, never markup) in `font` at `size` pt on `leading` pt lines, after a bold `lead`."""

    def __init__(self, text: str, font: str, size: float, leading: float, *, lead: str = "", lead_font: str = "",
                 space_after: float = 0.0, lines: list[Line] | None = None, lines_width: float = -1.0,
                 base_dir: str | None = None) -> None:
        super().__init__()
        self.text = bidi.strip_controls(text)
        self.font = font
        self.size = size
        self.leading = leading
        self.lead = lead
        self.lead_font = lead_font or font
        self.spaceAfter = space_after
        self._lines = lines
        self._lines_width = lines_width
        self.base_dir = base_dir
        self.width = 0.0
        self.height = 0.0

    def __repr__(self) -> str:
        return f"TextFlow({self.text[:30]!r})"

    # ----- layout -------------------------------------------------------------------------------------------

    def lines(self, width: float) -> list[Line]:
        if self._lines is None or abs(self._lines_width - width) > 0.01:
            self._lines = self._break(width)
            self._lines_width = width
        return self._lines

    def _break(self, width: float) -> list[Line]:
        lead_width = pdfmetrics.stringWidth(self.lead + " ", self.lead_font, self.size) if self.lead else 0.0
        space = pdfmetrics.stringWidth(" ", self.font, self.size)
        out: list[Line] = []
        for paragraph in self.text.split("\n"):
            base, levels = bidi.levels(paragraph, self.base_dir)
            words = paragraph.split(" ")
            starts = []
            pos = 0
            for w in words:
                starts.append(pos)
                pos += len(w) + 1
            line_start = 0  # index into words
            used = 0.0  # the lead-in narrows the first line (see `available`)
            i = 0
            pieces: list[tuple[int, int]] = []  # (char start, char end) of each printed line
            while i < len(words):
                available = width - (lead_width if not out and not pieces else 0.0)
                word_width = _width(words[i], self.font, self.size, available) if words[i] else 0.0
                if i > line_start and used + space + word_width > available:
                    pieces.append((starts[line_start], starts[i] - 1))
                    line_start, used = i, 0.0
                    continue
                if i == line_start and word_width > available:  # one word wider than the line: cut it
                    cut = _fit(words[i], self.font, self.size, available)
                    _head, tail = words[i][:cut], words[i][cut:]
                    pieces.append((starts[i], starts[i] + cut))
                    words[i] = tail
                    starts[i] += cut
                    line_start, used = i, 0.0
                    continue
                used += (space if i > line_start else 0.0) + word_width
                i += 1
            pieces.append((starts[line_start] if line_start < len(words) else len(paragraph), len(paragraph)))
            for a, b in pieces:
                text = paragraph[a:b]
                runs = shape_line(text, self.font, self.size, base, tuple(levels[a:b])) if text else ()
                out.append(Line(runs, self.lead if not out else ""))
        return out

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = len(self.lines(available_width)) * self.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self.lines(available_width)
        fit = int((available_height + 1e-6) // self.leading)
        if fit >= len(lines):
            return [self]
        if len(lines) < 2 * MIN_LINES:
            return []
        fit = min(fit, len(lines) - MIN_LINES)
        if fit < MIN_LINES:
            return []
        return [self._part(lines[:fit], available_width, 0.0), self._part(lines[fit:], available_width,
                                                                          self.spaceAfter)]

    def _part(self, lines: list[Line], width: float, space_after: float) -> TextFlow:
        return TextFlow(self.text, self.font, self.size, self.leading, lead=self.lead, lead_font=self.lead_font,
                        space_after=space_after, lines=lines, lines_width=width, base_dir=self.base_dir)

    def pieces(self, width: float, most: int) -> list[TextFlow]:
        """This text as flowables of at most `most` lines each at `width` (itself when it has no more)."""
        lines = self.lines(width)
        if len(lines) <= most:
            return [self]
        cuts = list(range(0, len(lines), most))
        if len(lines) - cuts[-1] < MIN_LINES:  # no line left alone in the last piece
            cuts[-1] = len(lines) - MIN_LINES
        ends = [*cuts[1:], len(lines)]
        return [self._part(lines[a:b], width, self.spaceAfter if b == len(lines) else 0.0)
                for a, b in zip(cuts, ends, strict=True)]

    def line_count(self) -> int:
        """Lines after the last wrap (layout tests read this)."""
        return len(self._lines or [])

    def draw(self) -> None:
        canvas = self.canv
        y = self.height - self.size  # first baseline
        for line in self.lines(self.width):
            x = 0.0
            if line.lead:
                # drawn like the text (no line feed after it), so extractors keep the lead-in on the line
                draw_line(canvas, 0, y, shape_line(line.lead, self.lead_font, self.size, base_dir="L"),
                          self.lead_font, self.size)
                x = pdfmetrics.stringWidth(line.lead + " ", self.lead_font, self.size)
            if line.runs:
                draw_line(canvas, x, y, line.runs, self.font, self.size)
            y -= self.leading


def _width(word: str, font: str, size: float, limit: float) -> float:
    """The width of `word`, or of a start of it already wider than `limit` (all the line breaker needs to know:
    measuring the whole of a word 100,000 characters long for each line cut from it took minutes)."""
    n = 256
    while n < len(word):
        start = text_width(word[:n], font, size)
        if start > limit:
            return start
        n *= 4
    return text_width(word, font, size)


def _fit(word: str, font: str, size: float, width: float) -> int:
    """How many characters of `word` fit in `width` (at least one)."""
    n = 1
    while n < len(word) and text_width(word[: n + 1], font, size) <= width:
        n += 1
    return n
