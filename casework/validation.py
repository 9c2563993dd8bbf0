"""Field rules for a case file, as one pure function the editor, the store and the CLI all call."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from casework.attachments import reference_problems
from casework.dates import PartialDate
from casework.i18n import QT_TRANSLATE_NOOP, Message, Number
from casework.model import CaseFile
from casework.serial import field_names, strings_of

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
    if text.isprintable():  # every invisible category is "Other" or "Separator": none is printable (fast, in C)
        return []
    found: list[str] = []
    for ch in text:
        if unicodedata.category(ch) in INVISIBLE_CATEGORIES:
            name = f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
            if name not in found:
                found.append(name)
    return found


JOINERS = frozenset((0x200C, 0x200D))
"""ZERO WIDTH NON-JOINER and JOINER: part of how Persian, Arabic and the Indic scripts are written, so allowed
in a name after a letter or mark of such a script; anywhere else they only hide a break inside a word."""
BLANK_LETTERS = frozenset((0x115F, 0x1160, 0x3164, 0xFFA0))
"""Hangul fillers: letters that draw nothing, so they can pad a name or ID invisibly."""
_BLANK_LETTER = re.compile("[" + "".join(map(chr, sorted(BLANK_LETTERS))) + "]")


def _joining_context(text: str, at: int) -> bool:
    if at == 0 or at == len(text) - 1:
        return False
    before, after = text[at - 1], text[at + 1]
    return (ord(before) >= 0x0590 and unicodedata.category(before)[0] in "LM"
            and not unicodedata.name(before, "").startswith(("LATIN", "GREEK", "CYRILLIC"))
            and unicodedata.category(after)[0] in "LM")


def disguising_characters(text: str) -> list[str]:
    """Each character in `text` that shows as nothing yet changes how it reads or is found — the bidi
    embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make "evil" display as "live", the
    direction marks, zero-width spaces, word joiners, soft hyphens, controls, line separators, private-use and
    blank letters — once, as "U+202E RIGHT-TO-LEFT OVERRIDE". Right-to-left letters themselves are fine: it is
    only the invisible controls around them that can disguise a name."""
    if text.isprintable() and not _BLANK_LETTER.search(text):  # no invisible category is printable (in C)
        return []
    found: list[str] = []
    for at, ch in enumerate(text):
        code = ord(ch)
        category = unicodedata.category(ch)
        if category == "Cs" or (code in JOINERS and _joining_context(text, at)):
            continue  # a lone surrogate is refused as broken text (unencodable_fields)
        if category in INVISIBLE_CATEGORIES or code in BLANK_LETTERS:
            name = f"U+{code:04X} {unicodedata.name(ch, '')}".strip()
            if name not in found:
                found.append(name)
    return found


BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
"""The bidi embeddings, overrides and isolates: they reorder the text around them on screen, so a comment holding
U+202E shows "evil" as "live". Direction marks and joiners stay allowed in free text (mixed Arabic and Latin
needs them)."""


_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def bidi_controls(text: str) -> list[str]:
    """Each bidi embedding, override or isolate in `text`, once, as "U+202E RIGHT-TO-LEFT OVERRIDE"."""
    if text.isprintable() or not _BIDI_CONTROL.search(text):  # both in C: a line break makes text unprintable
        return []
    found: list[str] = []
    for ch in _BIDI_CONTROL.findall(text):
        if (name := f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()) not in found:
            found.append(name)
    return found


def check_free_text(text: str) -> Message | None:
    """Free text a person types into the case record (notes, the assessment's rationale, evidence, a charge) is
    shown on screen and printed in the memo: one holding bidi embeddings, overrides or isolates reads there as
    other words (U+202E shows "evil" as "live"), as a review comment would (casework.workflow). Right-to-left
    letters, direction marks, joiners and line breaks are fine. None when it is fine."""
    found = bidi_controls(text)
    if not found:
        return None
    return QT_TRANSLATE_NOOP("casework", "holds invisible direction controls ({chars}) that make it read as other "
                             "words; type it without them").format(chars=", ".join(found))


def free_text_fields(case: CaseFile) -> Iterator[tuple[str, str, str]]:
    """(path, key, text) of every free-text field a person types into the case record — beyond the identity
    fields (names, places, numbers), which refuse every invisible character (check_identity_text). `path` is the
    field as the form and the messages name it ("offenses[1].charge", "assessment.rationale"); `key` names it by
    its list item's stable id where it has one ("offenses.<id>.charge"), so a field is known again after rows
    above it were added or removed. The workflow history, re-assessment marks and policy ids are not typed here."""
    s = case.subject
    for i, doc in enumerate(s.documents):
        yield f"subject.documents[{i}].kind", f"subject.documents.{doc.id or i}.kind", doc.kind
    yield "encounter.attention_detail", "encounter.attention_detail", case.encounter.attention_detail
    for i, off in enumerate(case.offenses):
        for name in ("charge", "statute", "jurisdiction", "sentence"):
            yield f"offenses[{i}].{name}", f"offenses.{off.id or i}.{name}", getattr(off, name)
    for i, tie in enumerate(case.family):
        for name in ("relationship", "status_in_us", "notes"):
            yield f"family[{i}].{name}", f"family.{tie.id or i}.{name}", getattr(tie, name)
    yield "other_ties", "other_ties", case.other_ties
    yield "notes", "notes", case.notes
    for i, att in enumerate(case.attachments):
        yield f"attachments[{i}].caption", f"attachments.{att.id or i}.caption", att.caption
    a = case.assessment
    if a is None:
        return
    yield "assessment.records_note", "assessment.records_note", a.records_note
    for c in a.categories:
        for name in ("basis", "evidence"):
            path = f"assessment.categories.{c.category_id}.{name}"
            yield path, path, getattr(c, name)
    for f in a.factors:
        for name in ("evidence", "source"):
            path = f"assessment.factors.{f.factor_id}.{name}"
            yield path, path, getattr(f, name)
    for i, o in enumerate(a.other_factors):
        for name in ("description", "evidence", "source"):
            yield f"assessment.other_factors[{i}].{name}", f"assessment.other_factors.{o.id or i}.{name}", \
                getattr(o, name)
    for x in a.answers:  # a text or line question's answer (a choice's or a date's is never typed with these)
        yield f"assessment.{x.question}", f"assessment.{x.question}", x.value
    for i, ack in enumerate(a.acknowledgements):
        yield f"assessment.acknowledgements[{i}].note", f"assessment.acknowledgements.{ack.key}", ack.note
    yield "assessment.determination_detail", "assessment.determination_detail", a.determination_detail
    yield "assessment.rationale", "assessment.rationale", a.rationale


def free_text_problems(case: CaseFile, before: CaseFile | None = None) -> list[FieldError]:
    """check_free_text over every free-text field of `case`, in the order of free_text_fields. `before`: the case
    as stored — a field that holds the very text it held there (written before this rule) is not refused, so an
    older case still opens, moves through review and can be saved; only a change to that field must drop them."""
    fields = list(free_text_fields(case))
    if not _BIDI_CONTROL.search("".join(text for _path, _key, text in fields)):  # one search, in C
        return []
    kept = {(key, text) for _path, key, text in free_text_fields(before)} if before is not None else set()
    return [FieldError(path, problem) for path, key, text in fields
            if (problem := check_free_text(text)) is not None and (key, text) not in kept]


def check_identity_text(text: str) -> Message | None:
    """A name, alias, A-number, case number or place is compared, searched and read aloud by people: one holding
    invisible controls could display as another name (a right-to-left override shows "evil" as "live") and not
    be found under what it shows. None when it is fine."""
    found = disguising_characters(text)
    if not found:
        return None
    return QT_TRANSLATE_NOOP("casework", "holds invisible characters that can make it read as other text ({chars}); "
                             "type it with visible characters only").format(chars=", ".join(found))


def check_officer_id(officer_id: str) -> Message | None:
    """The officer ID signs every audit entry, case number and office record and is compared as text: one holding
    invisible controls could display as a colleague's ID while being another. None when it is fine."""
    found = invisible_characters(officer_id)
    if not found:
        return None
    return QT_TRANSLATE_NOOP("casework", "the officer ID holds invisible control characters ({chars}), which can "
                             "make it read as another ID; type it with visible characters only").format(
        chars=", ".join(found))


def check_officer_name(name: str) -> Message | None:
    """The officer's name is printed on every memo's signature block and shown beside each submission and decision:
    one holding invisible characters could display as a colleague's name. The rule of names
    (disguising_characters: right-to-left letters, and the joiners their scripts need, are fine). None when it is
    fine."""
    found = disguising_characters(name)
    if not found:
        return None
    return QT_TRANSLATE_NOOP("casework", "the officer name holds invisible characters that can make it read as "
                             "another name ({chars}); type it with visible characters only").format(
        chars=", ".join(found))


def validate_case(case: CaseFile, before: CaseFile | None = None) -> list[FieldError]:
    """Every field problem in `case`, in form order. An empty list means the case may be saved. `before`: the case
    as stored, when `case` is an edit of it — free text it already held with bidi controls, unchanged, is carried
    (free_text_problems)."""
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

    def identity_field(path: str, value: str) -> None:
        if (msg := check_identity_text(value)) is not None:
            errors.append(FieldError(path, msg))

    identity_field("case_number", case.case_number)
    s = case.subject
    for name in ("family_name", "given_names", "country_of_citizenship"):
        text_field(f"subject.{name}", getattr(s, name))
        identity_field(f"subject.{name}", getattr(s, name))
    for i, alias in enumerate(s.aliases):
        text_field(f"subject.aliases[{i}]", alias)
        identity_field(f"subject.aliases[{i}]", alias)
    date_field("subject.date_of_birth", s.date_of_birth)
    if (msg := check_identity_text(s.a_number) or check_a_number(s.a_number)) is not None:
        errors.append(FieldError("subject.a_number", msg))
    for i, doc in enumerate(s.documents):
        identity_field(f"subject.documents[{i}].number", doc.number)
        identity_field(f"subject.documents[{i}].issuing_country", doc.issuing_country)
    identity_field("encounter.place", case.encounter.place)
    identity_field("history.place_of_entry", case.history.place_of_entry)
    identity_field("history.apprehension_place", case.history.apprehension_place)
    for i, tie in enumerate(case.family):
        identity_field(f"family[{i}].name", tie.name)
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
    joined = "".join(strings_of(case))  # all its text at once: the checks below ask it in C, once a case
    if not joined.isascii() and _BIDI_CONTROL.search(joined):
        errors += free_text_problems(case, before)
    errors += [FieldError(path, message) for path, message in reference_problems(case.attachments)]
    errors += [FieldError(path, QT_TRANSLATE_NOOP("casework", "holds a broken character (an unpaired surrogate, "
                                                  "often from a wrongly converted file); retype or fix the text"))
               for path in ([] if joined.isascii() or _encodes(joined) else unencodable_fields(case))]
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


def _encodes(text: str) -> bool:
    """Whether `text` can be written as UTF-8. validate_case asks it once of all a case's strings joined, instead
    of unencodable_fields' walk with a path for every field (validation runs at every save and for every case a
    sync takes in); Python never joins two lone surrogates into a pair, so the join changes nothing."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
