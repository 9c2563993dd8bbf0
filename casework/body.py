"""The stored form of a case: canonical JSON that names its own body version, and step-by-step upgraders.

Every stored body (the current row and every kept revision) says which version of the layout it was written
in. Reading an older body runs the upgraders one version at a time (Electrum's WalletDB upgrader is the model),
in memory: stored revisions are never rewritten, because memo seals cite their exact bytes.

    version 1 — no "body_version" key; list items have no ids; text as typed
    version 2 — "body_version": 2; every list item has a stable "id"; text in NFC
    version 3 — the assessment's "border_notes", "weighing" and "current_threat" (the 2021 guidelines' layout)
                are answers to the questions of those ids, in "answers"
    version 4 — "attachments": references (SHA-256, file name, media type, size…) to content kept in the store;
                older bodies have none
    version 5 — every workflow event has a "digest": a review decision's is the digest of the case content it
                was made on (casework.workflow.reviewed_digest); older events get "" (a decision not bound)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from casework.ids import derived_id
from casework.model import CaseFile
from casework.serial import from_jsonable, plain_canonical_json, to_jsonable
from casework.text import nfc

BODY_VERSION = 5
VERSION_KEY = "body_version"


class BodyTooNew(ValueError):
    """A body written by a newer Casefile: refused in words, never half-read."""


def dump_body(case: CaseFile) -> str:
    """The canonical JSON the store keeps for `case` (and hashes for memo seals)."""
    doc = to_jsonable(case)
    doc[VERSION_KEY] = BODY_VERSION
    return plain_canonical_json(doc)


def load_body(text: str | bytes) -> CaseFile:
    """A case from a stored body of any version up to BODY_VERSION."""
    return from_jsonable(CaseFile, upgrade(json.loads(text)), "case")


def upgrade(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a parsed body to BODY_VERSION, one step at a time; the result has no version key."""
    doc = dict(doc)
    version = doc.pop(VERSION_KEY, 1)
    if not isinstance(version, int) or version < 1:
        raise ValueError(f"{VERSION_KEY} {version!r} is not a body version")
    if version > BODY_VERSION:
        raise BodyTooNew(f"this case was saved by a newer version of Casefile (body version {version}; this "
                         f"version reads up to {BODY_VERSION})")
    for step in range(version, BODY_VERSION):
        doc = UPGRADERS[step](doc)
    return doc


_ITEM_LISTS: tuple[tuple[str, ...], ...] = (
    ("subject", "documents"),
    ("offenses",),
    ("family",),
    ("assessment", "other_factors"),
)
"""Where list items live in a body, as key paths."""


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Give every list item a stable id derived from the case id, the list and the position; text to NFC."""
    doc = nfc(doc)
    case_id = str(doc.get("id", ""))
    for path in _ITEM_LISTS:
        parent = doc
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None  # type: ignore[assignment]
        if not isinstance(parent, dict) or not isinstance(parent.get(path[-1]), list):
            continue
        parent[path[-1]] = [
            {**item, "id": item.get("id") or derived_id(case_id, ".".join(path), str(i))}
            if isinstance(item, dict) else item
            for i, item in enumerate(parent[path[-1]])
        ]
    return doc


LEGACY_ANSWER_KEYS = ("border_notes", "weighing", "current_threat")
"""The 2021 layout's own assessment fields, in the order their answers are added."""


def legacy_to_answers(assessment: dict[str, Any]) -> dict[str, Any]:
    """An assessment object with the 2021 layout's own fields moved into "answers" (empty ones dropped; an
    answer already there for the same question wins). Shared with the exchange reader for older files."""
    out = {k: v for k, v in assessment.items() if k not in LEGACY_ANSWER_KEYS}
    answers = list(out.get("answers") or [])
    have = {a.get("question") for a in answers if isinstance(a, dict)}
    for key in LEGACY_ANSWER_KEYS:
        value = assessment.get(key)
        if isinstance(value, str) and value.strip() and key not in have:
            answers.append({"question": key, "value": value, "values": []})
        elif key in assessment and not isinstance(value, str):
            out[key] = value  # not text: left for the decoder to refuse by name
    if answers or "answers" in assessment:
        out["answers"] = answers
    return out


def _v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """Move the assessment's border notes, weighing and current-threat conclusion into its answers."""
    if isinstance(doc.get("assessment"), dict):
        doc = {**doc, "assessment": legacy_to_answers(doc["assessment"])}
    return doc


def _v3_to_v4(doc: dict[str, Any]) -> dict[str, Any]:
    """Bodies before attachments existed cite none."""
    return {**doc, "attachments": doc.get("attachments", [])}


def _v4_to_v5(doc: dict[str, Any]) -> dict[str, Any]:
    """Workflow events gain a "digest"; a decision made before is not bound to what was reviewed ("")."""
    assessment = doc.get("assessment")
    if isinstance(assessment, dict) and isinstance(assessment.get("history"), list):
        history = [{**e, "digest": e.get("digest", "")} if isinstance(e, dict) else e for e in assessment["history"]]
        doc = {**doc, "assessment": {**assessment, "history": history}}
    return doc


UPGRADERS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
                                                                    4: _v4_to_v5}
"""UPGRADERS[n] turns a version-n body into a version-(n+1) body. Add one per new version; never edit one."""
