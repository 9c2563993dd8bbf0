"""A QR code as a platypus Flowable, drawn as merged filled runs (segno computes the matrix).

reportlab's own QR widget builds one validated shape object per module, which made it more than half of a
memo's rendering time; this draws the same code with a few hundred rectangles on the canvas directly.
"""

from __future__ import annotations

import segno
from reportlab.platypus import Flowable


class QrFlowable(Flowable):
    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.size = size
        self._matrix = segno.make(payload, error="m", micro=False).matrix
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        quiet = 2  # modules of white border inside our box
        count = len(self._matrix) + 2 * quiet
        module = self.size / count
        c = self.canv
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        for row, line in enumerate(self._matrix):
            y = self.size - (row + quiet + 1) * module
            col = 0
            while col < len(line):
                if line[col]:
                    start = col
                    while col < len(line) and line[col]:
                        col += 1
                    c.rect((start + quiet) * module, y, (col - start) * module, module, stroke=0, fill=1)
                else:
                    col += 1
        c.restoreState()
