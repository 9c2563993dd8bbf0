"""Disclosure profiles: what a copy of the decision memo made for someone outside the office may show.

A profile is data (resources/disclosure/*.json), one per kind of recipient: the subject's counsel for a case
review, another agency. It names the fields of the case file that such a copy withholds, with the reason
printed on the black box that takes their place ("third party", "tip source"), and which of those fields
hold people's names: a withheld name is also blacked out wherever else the case's text mentions it.

`withhold(case, profile)` gives the case as the copy may show it. The withheld text is not in it at all, so
nothing downstream (layout, fonts, the PDF's text layer) can leak it: a withheld field holds a `Withheld`
string (its text is "[withheld: reason]", and printing draws it as a solid box), a withheld coded value
(how the case came to attention) is reset and listed in `Disclosed.withheld`, and a mention of a withheld
name in other text is replaced by a run of full blocks.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from casework.errors import PolicyError
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.model import CaseFile

FORMAT = "casefile.disclosure"
BLOCKS = "\u2588" * 6
"""What a withheld name mentioned in other text prints as (always six blocks: its length is not shown)."""
RECIPIENT_MAX = 50
"""Longest recipient name: "COPY FOR <name>" fits one line of the page header."""
_NOT_TEXT = frozenset({"id", "case_number", "category_id", "factor_id", "policy_id", "policy_version",
                       "policy_sha256", "records_reviewed", "determination", "event", "kind", "question", "key",
                       "from_policy_id", "from_version", "from_sha256", "field", "text", "sha256", "media_type"})
"""String fields that hold codes and ids, not words: never searched for names."""


class DisclosureError(PolicyError):
    """A disclosure profile file is malformed, or a copy was asked for in a way that cannot be made."""


class Withheld(str):
    """A withheld field's value: its text says so, and printing draws it as a solid box with the reason."""

    __slots__ = ("reason",)
    reason: str

    def __new__(cls, reason: str) -> Withheld:
        self = super().__new__(cls, f"[withheld: {reason}]")
        self.reason = reason
        return self


@dataclass(frozen=True, slots=True)
class Rule:
    field: str  # a path such as "family.name" (list items have no index: every item's field)
    reason: str
    when: tuple[str, ...] = ()  # for a coded field: withheld only when it holds one of these codes
    names: bool = False  # the field holds names: blacked out wherever else they are mentioned


@dataclass(frozen=True, slots=True)
class DisclosureProfile:
    id: str
    version: str
    recipient: str  # the kind of recipient, as `casefile print --for` takes it
    label: str  # "counsel for the subject, for a case review"
    summary: str  # what is withheld, in a sentence (printed on the copy)
    rules: tuple[Rule, ...]
    sha256: str  # of the profile file: a print record keeps it

    def to_json(self) -> dict[str, str]:
        """What a print spec keeps of the profile."""
        return {"profile": self.id, "version": self.version, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Disclosed:
    case: CaseFile  # the case as the copy may show it
    withheld: dict[str, str]  # withheld coded fields (printed as boxes): path -> reason
    count: int  # how many values were withheld or blacked out


def _paths() -> frozenset[str]:
    """Every field path of a case file whose value is text or a code."""
    out: set[str] = set()

    def walk(cls: type, prefix: str) -> None:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            path = f"{prefix}{f.name}"
            hint = hints[f.name]
            for inner in _unwrap(hint):
                if dataclasses.is_dataclass(inner):
                    walk(inner, path + ".")  # type: ignore[arg-type]
                elif inner is str or (isinstance(inner, type) and issubclass(inner, StrEnum)):
                    out.add(path)

    walk(CaseFile, "")
    return frozenset(out)


def _unwrap(hint: Any) -> list[Any]:
    origin = typing.get_origin(hint)
    if origin in (tuple, typing.Union, types.UnionType):
        return [x for a in typing.get_args(hint) if a is not Ellipsis for x in _unwrap(a)]
    return [hint]


PATHS = _paths()


PROFILE_TEXTS = (
    QT_TRANSLATE_NOOP("disclosure", 'counsel for the subject, for a case review'),
    QT_TRANSLATE_NOOP("disclosure", "Tip sources, informants and third parties' names and details are withheld."),
    QT_TRANSLATE_NOOP("disclosure", 'tip source'),
    QT_TRANSLATE_NOOP("disclosure", 'tip source or informant'),
    QT_TRANSLATE_NOOP("disclosure", 'third party'),
    QT_TRANSLATE_NOOP("disclosure", 'informant or third party'),
    QT_TRANSLATE_NOOP("disclosure", 'source'),
    QT_TRANSLATE_NOOP("disclosure", 'another agency'),
    QT_TRANSLATE_NOOP("disclosure", "Informants, third parties' names and details, the officer's case notes and the "
                      "review comments are withheld."),
    QT_TRANSLATE_NOOP("disclosure", 'informant'),
    QT_TRANSLATE_NOOP("disclosure", 'case notes'),
    QT_TRANSLATE_NOOP("disclosure", 'review comment'),
)
"""The shipped profiles' own words (labels, summaries, reasons), marked for the catalogues so the window and the
command line show them in the reader's language; the profile files stay the English authority (a test checks
that every text of every shipped profile is listed here)."""


def profile_words(text: str) -> Message:
    """A profile's label, summary or reason, to be translated where it is shown."""
    return Message("disclosure", text)


def parse_profile(data: bytes, name: str) -> DisclosureProfile:
    """A profile from its file; DisclosureError naming the file and the problem."""
    try:
        doc = json.loads(data)
        if doc.get("format") != FORMAT or doc.get("format_version") != 1:
            raise DisclosureError(QT_TRANSLATE_NOOP("casework", "{name}: not a disclosure profile (format {format}, "
                                                    "version 1)").format(name=name, format=FORMAT))
        rules = []
        for i, r in enumerate(doc["withhold"]):
            if r["field"] not in PATHS:
                raise DisclosureError(QT_TRANSLATE_NOOP(
                    "casework", "{name}: withhold[{i}].field {field} is not a field of a case file").format(
                    name=name, i=i, field=repr(r["field"])))
            rules.append(Rule(str(r["field"]), str(r["reason"]), tuple(str(w) for w in r.get("when", ())),
                              bool(r.get("names", False))))
        return DisclosureProfile(str(doc["id"]), str(doc["version"]), str(doc["recipient"]), str(doc["label"]),
                                 str(doc["summary"]), tuple(rules), hashlib.sha256(data).hexdigest())
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, DisclosureError):
            raise
        raise DisclosureError(QT_TRANSLATE_NOOP("casework", "{name}: not a valid disclosure profile ({problem})")
                              .format(name=name, problem=str(exc))) from None


@cache
def profiles() -> tuple[DisclosureProfile, ...]:
    """The shipped profiles (resources/disclosure/), one per kind of recipient."""
    found = []
    for entry in sorted(resources.files("resources.disclosure").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            found.append(parse_profile(entry.read_bytes(), entry.name))
    return tuple(found)


def recipients() -> list[str]:
    """The kinds of recipient a copy can be made for ("counsel", "agency")."""
    return [p.recipient for p in profiles()]


def profile_for(recipient: str) -> DisclosureProfile:
    found = next((p for p in profiles() if p.recipient == recipient), None)
    if found is None:
        raise DisclosureError(QT_TRANSLATE_NOOP("casework", "there is no disclosure profile for {recipient} (known: "
                                                "{known})").format(recipient=repr(recipient),
                                                                   known=", ".join(recipients())))
    return found


def find_profile(profile_id: str, version: str) -> DisclosureProfile | None:
    return next((p for p in profiles() if p.id == profile_id and p.version == version), None)


def check_recipient(name: str) -> str:
    """The recipient's name as it will print, or DisclosureError saying what is wrong with it."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise DisclosureError(QT_TRANSLATE_NOOP("casework", "a copy needs the recipient's name"))
    if len(cleaned) > RECIPIENT_MAX:
        raise DisclosureError(QT_TRANSLATE_NOOP("casework", "the recipient's name is {n} characters long; at most "
                                                "{limit} fit the page header").format(n=len(cleaned),
                                                                                      limit=RECIPIENT_MAX))
    return cleaned


# ----- withholding -----------------------------------------------------------------------------------------


def withhold(case: CaseFile, profile: DisclosureProfile) -> Disclosed:
    """The case as a copy under `profile` may show it (see the module docstring)."""
    rules = {r.field: r for r in profile.rules}
    names = _names(case, [r.field for r in profile.rules if r.names])
    pattern = _pattern(names)
    withheld_codes: dict[str, str] = {}
    count = 0

    def visit(path: str, value: str) -> str:
        nonlocal count
        rule = rules.get(path)
        if isinstance(value, StrEnum):
            if rule is not None and value and (not rule.when or value.value in rule.when):
                withheld_codes[path] = rule.reason
                count += 1
                return type(value)("")
            return value
        if rule is not None and value.strip() and (not rule.when or value in rule.when):
            count += 1
            return Withheld(rule.reason)
        if pattern is None or path.rsplit(".", 1)[-1] in _NOT_TEXT or not value:
            return value
        scrubbed, n = pattern.subn(BLOCKS, value)
        count += n
        return scrubbed

    disclosed = _walk(case, "", visit)
    assert isinstance(disclosed, CaseFile)
    return Disclosed(disclosed, withheld_codes, count)


def _walk(obj: Any, path: str, visit: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _walk(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name, visit)
                   for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, tuple):
        return tuple(_walk(x, path, visit) for x in obj)
    if isinstance(obj, str):
        return visit(path, obj)
    return obj


def _names(case: CaseFile, fields: list[str]) -> list[str]:
    """The names held in `fields`, whole and word by word (words of three letters or more that are not part of
    the subject's own names, which the copy shows)."""
    values: list[str] = []

    def collect(path: str, value: str) -> str:
        if path in fields and value.strip():
            values.append(value.strip())
        return value

    _walk(case, "", collect)
    own = {w.casefold() for text in (case.subject.family_name, case.subject.given_names, *case.subject.aliases)
           for w in re.findall(r"\w+", text)}
    words = {w for v in values for w in re.findall(r"\w+", v) if len(w) >= 3 and w.casefold() not in own}
    return sorted({*values, *words}, key=len, reverse=True)


def _pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names))
