"""Thumbnails are made in memory from the bytes: every type Casefile shows gets a picture no larger than the
thumbnail box, a type it only lists (HEIC) or damaged content gets none (the generic icon)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from casework.attachments import sniff
from tests import attachment_files as files
from widgets.attachments_preview import THUMB_EDGE, thumbnail


def pil(fmt: str, size=(900, 300)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, "#228833").save(buf, fmt)
    return buf.getvalue()


@pytest.mark.parametrize("data", [files.jpeg("t", (1600, 1200)), files.png("t", (300, 900)), pil("GIF"),
                                  pil("TIFF"), files.pdf("t")], ids=["jpeg", "png", "gif", "tiff", "pdf"])
def test_every_shown_type_gets_a_thumbnail_within_the_box(qapp, data):
    image = thumbnail(data, sniff(data))
    assert image is not None and not image.isNull()
    assert max(image.width(), image.height()) == THUMB_EDGE


def test_a_listed_only_type_and_damaged_content_get_none(qapp):
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    assert sniff(heic) == "image/heic" and thumbnail(heic, "image/heic") is None
    assert thumbnail(b"\xff\xd8\xff" + b"\x00" * 100, "image/jpeg") is None
    assert thumbnail(b"%PDF-1.4 garbage", "application/pdf") is None
