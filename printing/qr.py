"""QR codes drawn as merged filled runs on the canvas (segno computes the matrix).

reportlab's own QR widget builds one validated shape object per module, which made it more than half of a
memo's rendering time; this draws the same code with a few hundred rectangles.
"""

from __future__ import annotations

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET = 2
"""Modules of white border inside the box (the page margin around it adds the rest of the quiet zone)."""


def draw_qr(canvas: Canvas, payload: str, size: float) -> None:
    """A QR code (error correction M) filling a `size` × `size` box whose lower left corner is the origin."""
    matrix = segno.make(payload, error="m", micro=False, boost_error=False).matrix
    count = len(matrix) + 2 * QUIET
    module = size / count
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    for row, line in enumerate(matrix):
        y = size - (row + QUIET + 1) * module
        col = 0
        while col < len(line):
            if line[col]:
                start = col
                while col < len(line) and line[col]:
                    col += 1
                canvas.rect((start + QUIET) * module, y, (col - start) * module, module, stroke=0, fill=1)
            else:
                col += 1
    canvas.restoreState()
