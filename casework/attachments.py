"""Attachments (photos, scans, PDFs): what is accepted, how it is named, and the rules a reference must meet.

Pure rules, shared by the store (which enforces them), the GUI (which says them early) and the memo (which
lists attachments as exhibits). The content itself never passes through here except to be sniffed: its type
is decided by its first bytes, never by the file name, so a file called "photo.jpg" that is really something
else is refused, and a renamed PDF is still shown as a PDF.

Accepted: JPEG, PNG, GIF and TIFF images, HEIC/HEIF photos (kept and listed, shown with a generic icon: Qt
cannot decode them here, so they open only in another program) and PDF documents. Anything else is refused
with a message naming the file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from casework.i18n import QT_TRANSLATE_NOOP, Message, Number
from casework.model import Attachment

MAX_BYTES = 25 * 1024 * 1024
"""The largest attachment accepted (25 MiB): a phone photo or a many-page scan fits; a video does not."""

MAX_NAME = 255
"""The longest file name kept (characters): what file systems allow."""


@dataclass(frozen=True, slots=True)
class MediaType:
    mime: str
    label: Message
    extension: str
    previewable: bool
    """Shown inside Casefile (a thumbnail and the viewer); otherwise a generic icon and "open in another program"."""
    short: str
    """The type in a word, where room is scarce (under a thumbnail)."""


MEDIA_TYPES: dict[str, MediaType] = {m.mime: m for m in (
    MediaType("image/jpeg", QT_TRANSLATE_NOOP("casework", "JPEG image"), ".jpg", True, "JPEG"),
    MediaType("image/png", QT_TRANSLATE_NOOP("casework", "PNG image"), ".png", True, "PNG"),
    MediaType("image/gif", QT_TRANSLATE_NOOP("casework", "GIF image"), ".gif", True, "GIF"),
    MediaType("image/tiff", QT_TRANSLATE_NOOP("casework", "TIFF image"), ".tif", True, "TIFF"),
    MediaType("image/heic", QT_TRANSLATE_NOOP("casework", "HEIC photo"), ".heic", False, "HEIC"),
    MediaType("application/pdf", QT_TRANSLATE_NOOP("casework", "PDF document"), ".pdf", True, "PDF"),
)}

ACCEPTED_WORDS = QT_TRANSLATE_NOOP("casework", "photos and scans (JPEG, PNG, GIF, TIFF, HEIC) and PDF documents")


class AttachmentRefused(ValueError):
    """A file that cannot be attached, and why, in words that name it."""


def sniff(data: bytes) -> str | None:
    """The media type of `data` from its first bytes (magic numbers), or None when it is none we accept."""
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        return "image/heic"
    if b"%PDF-" in data[:1024]:  # PDF allows up to 1 KB of junk before the header
        return "application/pdf"
    return None


def check_content(file_name: str, data: bytes) -> str:
    """The sniffed media type of `data`, or AttachmentRefused naming the file and the rule it breaks."""
    shown = display_name(file_name)
    if len(data) > MAX_BYTES:
        raise AttachmentRefused(too_large(shown, len(data)))
    if not data:
        raise AttachmentRefused(QT_TRANSLATE_NOOP("casework", "“{name}” is empty; there is nothing to attach.")
                                .format(name=shown))
    media = sniff(data)
    if media is None:
        raise AttachmentRefused(QT_TRANSLATE_NOOP(
            "casework", "“{name}” is not a file Casefile can attach: only {accepted} are accepted (the type is read "
            "from the content, not the name).").format(name=shown, accepted=ACCEPTED_WORDS))
    return media


def too_large(shown_name: str, size: int) -> Message:
    have, limit = human_size(size), human_size(MAX_BYTES)
    if have == limit:  # just over: the rounded sizes would read the same
        have = QT_TRANSLATE_NOOP("casework", "{n} bytes").format(n=Number(size))
        limit = QT_TRANSLATE_NOOP("casework", "{size} ({n} bytes)").format(size=limit, n=Number(MAX_BYTES))
    return QT_TRANSLATE_NOOP("casework", "“{name}” is {size}; attachments are limited to {limit}. Scan at a lower "
                             "resolution or split the document.").format(name=shown_name, size=have, limit=limit)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_BIDI_AND_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def clean_file_name(name: str) -> str:
    """The name to keep (callers pass a file's name, never its path): NFC, without control characters and
    surrounding white space, at most MAX_NAME characters (the extension kept); "attachment" when nothing is
    left. Everything else — slashes, markup, any script — is kept as given."""
    base = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch) != "Cc").strip()
    if len(base) > MAX_NAME:
        _stem, dot, ext = base.rpartition(".")
        keep = f"{dot}{ext}" if dot and len(ext) <= 16 else ""
        base = base[:MAX_NAME - len(keep)] + keep
    return base or "attachment"


def display_name(name: str) -> str:
    """`name` safe to show in one line: direction overrides and isolates removed (so "evil\u202egpj.exe" cannot
    pose as a .jpg), control characters dropped."""
    return _BIDI_AND_CONTROL.sub("", "".join(ch for ch in name if unicodedata.category(ch) != "Cc"))


def outside_name(attachment: Attachment) -> str:
    """A file name for the temporary copy another program opens: the shown name made safe for any file system,
    with the extension of the sniffed type (never one the name claims)."""
    media = MEDIA_TYPES.get(attachment.media_type)
    ext = media.extension if media else ".bin"
    stem = display_name(attachment.file_name)
    if stem.lower().endswith(ext) or (media and stem.lower().endswith(".jpeg") and ext == ".jpg"):
        stem = stem[: stem.rfind(".")]
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", stem).strip(" .") or "attachment"
    return stem[:100] + ext


def human_size(size: int) -> Message:
    """1536 → '1.5 KB' (binary multiples, as file managers show sizes); a Message whose number the window and
    the CLI write the reader's way ("1,5 KB")."""
    if size == 1:
        return QT_TRANSLATE_NOOP("casework", "1 byte")
    if size < 1024:
        return QT_TRANSLATE_NOOP("casework", "{n} bytes").format(n=Number(size))
    units = (QT_TRANSLATE_NOOP("casework", "{n} KB"), QT_TRANSLATE_NOOP("casework", "{n} MB"),
             QT_TRANSLATE_NOOP("casework", "{n} GB"))
    value, step = size / 1024, 0
    while value >= 1024 and step < len(units) - 1:
        value, step = value / 1024, step + 1
    return units[step].format(n=Number(value, 1 if value < 100 else 0))


def type_label(media_type: str) -> str | Message:
    media = MEDIA_TYPES.get(media_type)
    return media.label if media else media_type


_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def reference_problems(items: tuple[Attachment, ...], path: str = "attachments") -> list[tuple[str, str]]:
    """What is wrong with attachment references (from an edit, a file, or a sync), as (field, message)."""
    out: list[tuple[str, str]] = []
    for i, a in enumerate(items):
        where = f"{path}[{i}]"
        if not _HEX64.match(a.sha256):
            out.append((f"{where}.sha256", QT_TRANSLATE_NOOP("casework", "is not a SHA-256 in lowercase hex (64 "
                                                             "characters)")))
        if a.media_type not in MEDIA_TYPES:
            out.append((f"{where}.media_type", QT_TRANSLATE_NOOP("casework", "{type} is not a type Casefile "
                                                                 "attaches").format(type=repr(a.media_type))))
        if not 0 < a.size <= MAX_BYTES:
            out.append((f"{where}.size", QT_TRANSLATE_NOOP("casework", "must be between 1 byte and {size}").format(
                size=human_size(MAX_BYTES))))
        if not a.file_name or len(a.file_name) > MAX_NAME or any(unicodedata.category(c) == "Cc"
                                                                  for c in a.file_name):
            out.append((f"{where}.file_name", QT_TRANSLATE_NOOP(
                "casework", "must be 1 to {n} characters without control characters").format(n=MAX_NAME)))
        if len(a.caption) > 1000:
            out.append((f"{where}.caption", QT_TRANSLATE_NOOP("casework", "is longer than {n} characters").format(
                n=Number(1000))))
    return out
