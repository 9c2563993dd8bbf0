"""Read the seal back out of a memo PDF (for `casefile verify` and the Verify menu item)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from casework.seal import Seal, SealError


def read_seal(pdf: bytes) -> Seal:
    """The seal a Casefile memo carries in its metadata; SealError if there is none or it is damaged."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        keywords = (reader.metadata or {}).get("/Keywords", "")
    except (PdfReadError, ValueError, OSError) as exc:
        raise SealError(f"not a readable PDF ({exc})") from None
    return Seal.from_payload(str(keywords or ""))
