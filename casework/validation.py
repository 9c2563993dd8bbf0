"""Field rules for a case file, as one pure function the editor, the store and the CLI all call."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from casework.attachments import reference_problems
from casework.dates import PartialDate
from casework.i18n import QT_TRANSLATE_NOOP, Message, Number
from casework.model import CaseFile
from casework.serial import field_names

A_NUMBER = re.compile(r"^A\d{8,9}$")
CASE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""A case id travels as routing data (office rows, folder index lines, file names): letters, digits, - and _."""
MAX_TEXT = 100_000
"""Longest free text accepted in one field: generous for a narrative, small enough to print."""


@dataclass(frozen=True, slots=True)
class FieldError:
    """A problem with one field: `field` is its path ("subject.a_number"), `message` what to do about it."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def normalize_a_number(text: str) -> str:
    """'a-123 456 789' → 'A123456789': people write A-numbers with dashes and spaces; the record does not."""
    return re.sub(r"[\s\-]", "", text).upper()


def check_a_number(text: str) -> str | None:
    if not text:
        return None
    if not A_NUMBER.match(normalize_a_number(text)):
        return QT_TRANSLATE_NOOP("casework", "an A-number is the letter A followed by 8 or 9 digits")
    return None


INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Zl", "Zp"))
"""Unicode categories that show as nothing (or as a box) yet change what a text is: controls (NUL, tab, line
breaks), format characters (the bidi overrides and isolates that make "DO-1138" display as another ID, zero-width
spaces and joiners), surrogates, private-use characters and line or paragraph separators."""


def invisible_characters(text: str) -> list[str]:
    """Each control or format character in `text`, once, as "U+202E RIGHT-TO-LEFT OVERRIDE" (for the message)."""
    found: list[str] = []
    for ch in text:
        if unicodedata.category(ch) in INVISIBLE_CATEGORIES:
            name = f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
            if name not in found:
                found.append(name)
    return found


def check_officer_id(officer_id: str) -> Message | None:
    """The officer ID signs every audit entry, case number and office record and is compared as text: one holding
    invisible controls could display as a colleague's ID while being another. None when it is fine."""
    found = invisible_characters(officer_id)
    if not found:
        return None
    return QT_TRANSLATE_NOOP("casework", "the officer ID holds invisible control characters ({chars}), which can "
                             "make it read as another ID; type it with visible characters only").format(
        chars=", ".join(found))


def validate_case(case: CaseFile) -> list[FieldError]:
    """Every field problem in `case`, in form order. An empty list means the case may be saved."""
    errors: list[FieldError] = []
    if case.id and not CASE_ID.fullmatch(case.id):
        errors.append(FieldError("id", QT_TRANSLATE_NOOP("casework", "a case id is 1 to 64 letters, digits, '-' or "
                                                                  "'_' (this one is not)")))

    def date_field(path: str, value: PartialDate) -> None:
        if not value.is_valid():
            errors.append(FieldError(path, QT_TRANSLATE_NOOP(
                "casework", "{text} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY").format(text=repr(value.text))))

    def text_field(path: str, value: str) -> None:
        if len(value) > MAX_TEXT:
            errors.append(FieldError(path, QT_TRANSLATE_NOOP(
                "casework", "is {n} characters long; the limit is {limit}").format(n=Number(len(value)),
                                                                                   limit=Number(MAX_TEXT))))
        if "\x00" in value:
            errors.append(FieldError(path, QT_TRANSLATE_NOOP("casework", "contains a NUL character")))

    s = case.subject
    for name in ("family_name", "given_names", "country_of_citizenship"):
        text_field(f"subject.{name}", getattr(s, name))
    for i, alias in enumerate(s.aliases):
        text_field(f"subject.aliases[{i}]", alias)
    date_field("subject.date_of_birth", s.date_of_birth)
    if (msg := check_a_number(s.a_number)) is not None:
        errors.append(FieldError("subject.a_number", msg))
    for i, doc in enumerate(s.documents):
        date_field(f"subject.documents[{i}].expires", doc.expires)
    text_field("encounter.place", case.encounter.place)
    text_field("encounter.attention_detail", case.encounter.attention_detail)
    date_field("history.last_entry", case.history.last_entry)
    for i, off in enumerate(case.offenses):
        date_field(f"offenses[{i}].arrest_date", off.arrest_date)
        date_field(f"offenses[{i}].conviction_date", off.conviction_date)
        text_field(f"offenses[{i}].charge", off.charge)
        a, c = off.arrest_date.earliest(), off.conviction_date.latest()
        if a and c and c < a:
            errors.append(FieldError(f"offenses[{i}].conviction_date", QT_TRANSLATE_NOOP(
                "casework", "is before the arrest date")))
    text_field("other_ties", case.other_ties)
    text_field("notes", case.notes)
    errors += [FieldError(path, message) for path, message in reference_problems(case.attachments)]
    errors += [FieldError(path, QT_TRANSLATE_NOOP("casework", "holds a broken character (an unpaired surrogate, "
                                                  "often from a wrongly converted file); retype or fix the text"))
               for path in unencodable_fields(case)]
    return errors


def unencodable_fields(value: object, path: str = "") -> list[str]:
    """The paths of every string in `value` that cannot be written as UTF-8 (a lone surrogate: JSON's "\ud800"
    decodes to one). Refused by name here, instead of failing later in the store, an export or the memo."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return [path or "value"]
        return []
    names = field_names(type(value))
    if names is not None:
        return [p for name in names
                for p in unencodable_fields(getattr(value, name), f"{path}.{name}" if path else name)]
    if isinstance(value, tuple | list):
        return [p for i, item in enumerate(value) for p in unencodable_fields(item, f"{path}[{i}]")]
    return []
