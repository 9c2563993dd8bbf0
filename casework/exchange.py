"""The JSON exchange format for one case: what `casefile export` writes and `casefile import` reads.

    {"format": "casefile.case", "format_version": 6, "case": {...}, "attachments": {"<sha256>": "<base64>"}}

The layout of "case" is the `CaseFile` dataclass tree (see `case_schema()`, published as
resources/schema/case-v6.schema.json). "attachments" carries the content of every attachment the case cites,
base64 by SHA-256, so a case moved to another laptop loses nothing; each is checked against its hash on reading.
A file names its own format version, so a future version can be told apart and refused in plain words rather
than half-read. `id` and `case_number` may be left out of a file made
by another system; the store assigns them on import.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from casework.attachments import sha256_hex
from casework.body import legacy_to_answers
from casework.dates import PartialDate
from casework.errors import ExchangeError
from casework.i18n import QT_TRANSLATE_NOOP
from casework.model import CaseFile
from casework.serial import DecodeError, from_jsonable, to_jsonable

FORMAT = "casefile.case"
FORMAT_VERSION = 6
READABLE_VERSIONS = (1, 2, 3, 4, 5, 6)
"""1: the case file alone; 2: adds the optional "assessment"; 3: list items (offenses, family ties, identity
documents, other factors) carry a stable "id"; 4: the assessment keeps the answers to its policy's questions by
question id ("answers"; the 2021 layout's "border_notes", "weighing" and "current_threat" of older files are
read into the answers of those ids), the officer's acknowledgements of review items ("acknowledgements") and
where a re-assessment came from ("reassessed_from"); 5: the case's "attachments" (references) and, beside
"case", the "attachments" content they cite; 6: each workflow event of the assessment's history carries a
"digest" (a review decision's: the digest of the content reviewed; older events read with none). Each version
reads as the next one without what it adds; items that arrive without an id get one when the case is saved."""
ADDED_IN = {"answers": 4, "acknowledgements": 4, "reassessed_from": 4}
"""Assessment fields an older format version cannot hold, with the version that added them."""
ATTACHMENTS_VERSION = 5
"""The format version that added attachments (references in "case", content beside it)."""
TOP_LEVEL_KEYS = frozenset({"format", "format_version", "case", "attachments"})
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclasses.dataclass(frozen=True, slots=True)
class Exchanged:
    """What an exchange file holds: the case, and the content of its attachments by SHA-256 (checked)."""

    case: CaseFile
    attachment_data: dict[str, bytes]


def dump_case(case: CaseFile, attachment_data: Mapping[str, bytes] | None = None) -> str:
    """The exchange document of `case`; `attachment_data` must hold the content of every attachment it cites
    (by SHA-256) — a file that cites what it does not carry would lose it on the way."""
    doc: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION, "case": to_jsonable(case)}
    if case.attachments:
        data = attachment_data or {}
        missing = [a.sha256 for a in case.attachments if a.sha256 not in data]
        if missing:
            raise ValueError(f"no content given for attachment {missing[0]}")
        doc["attachments"] = {a.sha256: base64.b64encode(data[a.sha256]).decode("ascii") for a in case.attachments}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


NOT_IN_VERSION = QT_TRANSLATE_NOOP("casework", "{field}: is not part of format_version {version} (use {use})")


def load_case(text: str | bytes) -> CaseFile:
    """Parse one exchange document; raise ExchangeError naming the line or field at fault."""
    return load_exchange(text).case


def load_exchange(text: str | bytes) -> Exchanged:
    """Parse one exchange document with the attachments it carries; ExchangeError names what is at fault
    (a content that does not match its hash, one cited but absent, one carried but not cited)."""
    try:
        doc = json.loads(text)
    except UnicodeDecodeError:
        raise ExchangeError(QT_TRANSLATE_NOOP("casework", "not UTF-8 text")) from None
    except json.JSONDecodeError as exc:
        raise ExchangeError(QT_TRANSLATE_NOOP("casework", "not valid JSON (line {line}, column {column}: {problem})")
                            .format(line=exc.lineno, column=exc.colno, problem=exc.msg)) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeError(QT_TRANSLATE_NOOP("casework", 'not a Casefile case (expected "format": "{format}")').format(
            format=FORMAT))
    if unknown := sorted(set(doc) - TOP_LEVEL_KEYS):
        raise ExchangeError(QT_TRANSLATE_NOOP("casework", "{field}: is not a known field (a case file holds format, "
                                              "format_version and case)").format(field=unknown[0]))
    version = doc.get("format_version")
    if version not in READABLE_VERSIONS:
        raise ExchangeError(QT_TRANSLATE_NOOP("casework", "format_version {version} is not supported; this program "
                                              "reads versions {versions}").format(
            version=repr(version), versions=", ".join(map(str, READABLE_VERSIONS))))
    if version == 1 and isinstance(doc.get("case"), dict) and "assessment" in doc["case"]:
        raise ExchangeError(NOT_IN_VERSION.format(field="case.assessment", version=1, use=2))
    body = doc.get("case")
    if not isinstance(body, dict):
        raise ExchangeError(QT_TRANSLATE_NOOP("casework", '"case" must be an object'))
    assessment = body.get("assessment")
    if isinstance(assessment, dict):
        for key, added in ADDED_IN.items():
            if key in assessment and version < added:
                raise ExchangeError(NOT_IN_VERSION.format(field=f"case.assessment.{key}", version=version, use=added))
        if version < 4:  # the 2021 layout's own fields are answers to its questions from version 4 on
            body = {**body, "assessment": legacy_to_answers(assessment)}
    if version < ATTACHMENTS_VERSION:
        for where, present in (("case.attachments", body.get("attachments")), ("attachments", doc.get("attachments"))):
            if present:  # empty says nothing a version before 5 cannot hold
                raise ExchangeError(NOT_IN_VERSION.format(field=where, version=version, use=ATTACHMENTS_VERSION))
    body = {"id": "", "case_number": "", **body}
    try:
        case = from_jsonable(CaseFile, body, "case")
    except DecodeError as exc:
        raise ExchangeError(str(exc)) from None
    return Exchanged(case, _attachment_data(case, doc.get("attachments", {})))


def _attachment_data(case: CaseFile, carried: Any) -> dict[str, bytes]:
    if not isinstance(carried, dict):
        raise ExchangeError(QT_TRANSLATE_NOOP("casework", '"attachments" must be an object of base64 content by '
                                              'SHA-256'))
    out: dict[str, bytes] = {}
    for sha, text in carried.items():
        if not _HEX64.match(sha):
            raise ExchangeError(QT_TRANSLATE_NOOP("casework", "attachments.{sha}: is not a SHA-256 in lowercase hex")
                                .format(sha=sha[:70]))
        try:
            data = base64.b64decode(text, validate=True) if isinstance(text, str) else None
        except (binascii.Error, ValueError):
            data = None
        if data is None:
            raise ExchangeError(QT_TRANSLATE_NOOP("casework", "attachments.{sha}: is not base64 text").format(sha=sha))
        if sha256_hex(data) != sha:
            raise ExchangeError(QT_TRANSLATE_NOOP("casework", "attachments.{sha}: the content does not match its "
                                                  "SHA-256 (altered or damaged)").format(sha=sha))
        out[sha] = data
    cited = {a.sha256 for a in case.attachments}
    for i, a in enumerate(case.attachments):
        if a.sha256 not in out:
            raise ExchangeError(QT_TRANSLATE_NOOP("casework", "case.attachments[{i}]: its content ({sha}…) is not in "
                                                  "the file").format(i=i, sha=a.sha256[:12]))
    for sha in out:
        if sha not in cited:
            raise ExchangeError(QT_TRANSLATE_NOOP("casework", "attachments.{sha}: is not cited by the case").format(
                sha=sha))
    return out


def case_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of an exchange document, derived from the dataclasses so it cannot drift."""
    defs: dict[str, Any] = {}
    case = _schema_for(CaseFile, defs)
    defs["CaseFile"]["required"] = []
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://casefile.invalid/schema/case-v{FORMAT_VERSION}.schema.json",
        "title": f"Casefile case exchange document, format version {FORMAT_VERSION}",
        "type": "object",
        "required": ["format", "format_version", "case"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"enum": list(READABLE_VERSIONS)},
            "case": case,
            "attachments": {
                "type": "object",
                "description": "the content of each attachment the case cites: base64, by its SHA-256",
                "propertyNames": {"pattern": "^[0-9a-f]{64}$"},
                "additionalProperties": {"type": "string", "contentEncoding": "base64"},
            },
        },
        "$defs": defs,
    }


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_schema_for(inner, defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(tp)[0], defs)}
    if tp is PartialDate:
        return {
            "type": "string",
            "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
            "description": "YYYY-MM-DD, YYYY-MM or YYYY as far as known; empty when unknown",
        }
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder first: guards against recursion
            hints = typing.get_type_hints(tp)
            fields = dataclasses.fields(tp)
            defs[name] = {
                "type": "object",
                "additionalProperties": False,
                "properties": {f.name: _schema_for(hints[f.name], defs) for f in fields},
                "required": [
                    f.name
                    for f in fields
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
                ],
            }
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if tp is datetime:
        return {"type": "string", "format": "date-time"}
    if tp is date:
        return {"type": "string", "format": "date"}
    return {str: {"type": "string"}, int: {"type": "integer"}, bool: {"type": "boolean"}}[tp]
