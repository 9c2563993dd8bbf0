"""Stable ids: for cases and for the items of a case's lists (offenses, family ties, documents, other factors).

A list item keeps its id for life, so that office sync can merge two edited copies item by item instead of by
position. New items get a random id; items read from an older stored body get a *deterministic* one (derived
from the case id, the list and the position), so every laptop holding the same old body derives the same ids.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TypeVar

from casework.assessment import OtherFactor
from casework.model import Attachment, CaseFile, FamilyTie, IdentityDocument, Offense

_Item = TypeVar("_Item", IdentityDocument, Offense, FamilyTie, OtherFactor, Attachment)

_NAMESPACE = uuid.UUID("5b7e3c1e-8f0a-4c53-9a57-6f1d2b8c4e90")


def new_id() -> str:
    return uuid.uuid4().hex


def derived_id(*parts: str) -> str:
    """The same id for the same parts, on every machine."""
    return uuid.uuid5(_NAMESPACE, "/".join(parts)).hex


def with_item_ids(case: CaseFile) -> CaseFile:
    """`case` with a new id on every list item that has none (items that have one keep it)."""
    s = case.subject
    a = case.assessment
    lists = (s.documents, case.offenses, case.family, a.other_factors if a is not None else (), case.attachments)
    if all(item.id for items in lists for item in items):
        return case  # the same object: a caller may know it checked this one already

    def fill(items: tuple[_Item, ...]) -> tuple[_Item, ...]:
        return tuple(item if item.id else replace(item, id=new_id()) for item in items)

    return replace(
        case,
        subject=replace(s, documents=fill(s.documents)),
        offenses=fill(case.offenses),
        family=fill(case.family),
        assessment=replace(a, other_factors=fill(a.other_factors)) if a is not None else None,
        attachments=fill(case.attachments),
    )


def case_id_for_content(canonical_content: str) -> str:
    """The id of a case that arrived without one: derived from its content, so importing the same file twice
    finds the first copy instead of silently making a second case."""
    return derived_id("imported-case", canonical_content)
