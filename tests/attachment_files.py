"""Real attachment files for tests, each carrying a text marker in plaintext inside its bytes (a JPEG comment,
a PNG text chunk, an uncompressed PDF text stream), so a raw-bytes scan can tell whether the content leaked."""

from __future__ import annotations

import io

from PIL import Image, PngImagePlugin
from reportlab.pdfgen import canvas


def jpeg(marker: str, size: tuple[int, int] = (320, 240), color: str = "#3a6ea5") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG", quality=80, comment=f"note {marker}".encode())
    return buf.getvalue()


def png(marker: str, size: tuple[int, int] = (200, 150), color: str = "#c0392b") -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", f"note {marker}")
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def pdf(marker: str, pages: int = 2) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=0)
    for n in range(pages):
        c.setFont("Helvetica", 24)
        c.drawString(72, 720, f"Scanned statement {marker} page {n + 1}")
        c.rect(72, 300, 400, 300)
        c.showPage()
    c.save()
    return buf.getvalue()


def big(size: int, marker: str = "") -> bytes:
    """A JPEG-looking file of `size` bytes (valid header, filler after): for size limits and the benchmark."""
    head = jpeg(marker or "big", (16, 16))
    filler = bytes(range(256)) * ((size - len(head)) // 256 + 1)
    return (head + filler)[:size]
