"""What is still open in an assessment, and what contradicts itself: one pure function, no score.

`review_items(case, policy)` lists every item, each naming the field it is about, so the form can jump there
and the CLI can print it. Every rule reads the policy's data (its categories, prongs, questions, factors and
never-factors); none names a category or a factor. The rules live in:

    casework.check_categories   each category's finding, its prongs and cutoff, its questions; sections
    casework.check_factors      factors, other factors, and whether the rationale addresses them
    casework.check_text         the never-factor guard over every free-text field

Items of kind OPEN and CONTRADICTION block submission. REVIEW items are cautions; those that need the
officer's acknowledgement (a cutoff-date review, a never-factor word) block until acknowledged with a note,
kept in the assessment under the item's stable `key` — and stay listed, with the note, afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from casework.assessment import Assessment, CategoryAnswer
from casework.i18n import QT_TRANSLATE_NOOP, joined, policy_text, policy_texts
from casework.model import CaseFile
from casework.policy import Policy


class ItemKind(StrEnum):
    OPEN = "open"
    CONTRADICTION = "contradiction"
    REVIEW = "review"


_TEMPLATE_NOTES = {"", "mentioned only as", "mentioned only as …", "mentioned only as..."}


def is_acknowledgement(note: str) -> bool:
    """A note that says something (not empty, not just the "mentioned only as …" the form offers to start)."""
    return note.strip().casefold().rstrip(" .…") not in {t.rstrip(" .…") for t in _TEMPLATE_NOTES}


@dataclass(frozen=True, slots=True)
class Item:
    field: str
    kind: ItemKind
    message: str
    key: str = ""
    """Stable across edits elsewhere: what an acknowledgement is filed under."""
    needs_acknowledgement: bool = False
    acknowledged: str = ""
    """The officer's note, once acknowledged."""

    @property
    def blocks_submission(self) -> bool:
        if self.kind is ItemKind.REVIEW:
            return self.needs_acknowledgement and not self.acknowledged
        return True

    def __str__(self) -> str:
        text = f"{self.kind.value}: {self.field}: {self.message}"
        if self.acknowledged:
            return f"{text} [acknowledged: {self.acknowledged}]"
        if self.needs_acknowledgement:
            return f"{text} [to acknowledge with a note, key {self.key}]"
        return text


@dataclass
class Context:
    """What every rule reads, and where it reports."""

    case: CaseFile
    a: Assessment
    policy: Policy
    items: list[Item] = field(default_factory=list)

    def add(self, path: str, kind: ItemKind, message: str, *, key: str = "", ack: bool = False) -> None:
        self.items.append(Item(path, kind, message, key or f"{kind.value}:{path}", ack))

    def finding_word(self, answer: CategoryAnswer) -> str:
        return self.policy.word(f"finding.{answer.value}") or answer.value


def review_items(case: CaseFile, policy: Policy) -> list[Item]:
    a = case.assessment
    if a is None:
        return [Item("assessment", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks", "the assessment has not been started"),
                     "open:assessment")]
    ctx = Context(case, a, policy)
    _policy_text(ctx)
    _assessed_on(ctx)
    _unknown_ids(ctx)
    _records(ctx)
    _attention(ctx)
    for category in policy.categories:
        check_categories.category(ctx, category)
    check_categories.sections(ctx)
    check_factors.factors(ctx)
    _decision(ctx)
    check_factors.addressed(ctx)
    check_text.never_factors(ctx)
    if not a.attested:
        ctx.add("assessment.attested", ItemKind.OPEN, QT_TRANSLATE_NOOP(
            "checks", "attest that none of {never_factors} was considered").format(
            never_factors=policy_texts(policy.never_factors)))
    _reassessment(ctx)
    return [_acknowledged(a, i) for i in ctx.items]


def blocking(items: list[Item]) -> list[Item]:
    return [i for i in items if i.blocks_submission]


def _acknowledged(a: Assessment, item: Item) -> Item:
    if not item.needs_acknowledgement:
        return item
    note = a.acknowledgement(item.key)
    return replace(item, acknowledged=note.strip()) if is_acknowledgement(note) else item


def _policy_text(ctx: Context) -> None:
    a, policy = ctx.a, ctx.policy
    if (a.policy_id, a.policy_version) != policy.key:
        ctx.add("assessment.policy", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
            "checks", "this assessment was made under {policy_id} version {version}, not {title} ({title_version})")
            .format(policy_id=a.policy_id, version=a.policy_version, title=policy_text(policy.title),
                    title_version=policy.version))
    elif not policy.accepts(a.policy_sha256):
        ctx.add("assessment.policy", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
            "checks", "the text of {title} ({version}) differs from the one this assessment was made under").format(
            title=policy_text(policy.title), version=policy.version))


def _assessed_on(ctx: Context) -> None:
    a, policy = ctx.a, ctx.policy
    if a.assessed_on is None:
        ctx.add("assessment.assessed_on", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks",
                                                                         "enter the date of the assessment"))
    elif policy.window_for(a.assessed_on) is None:
        ctx.add("assessment.assessed_on", ItemKind.REVIEW, QT_TRANSLATE_NOOP(
            "checks", "the policy was {status}: check which guidance applied on that date").format(
            status=policy.status_on(a.assessed_on)))


def _unknown_ids(ctx: Context) -> None:
    """Ids the policy does not have are refused by name (a finding for "A99" decides nothing)."""
    a, policy = ctx.a, ctx.policy
    where = QT_TRANSLATE_NOOP("checks", "{title} ({version})").format(title=policy_text(policy.title),
                                                                       version=policy.version)
    seen: set[str] = set()
    for c in a.categories:
        path = f"assessment.categories.{c.category_id}"
        if policy.category(c.category_id) is None:
            ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                "checks", "category {id} is not a category of {policy}").format(id=repr(c.category_id), policy=where))
        elif c.category_id in seen:
            ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP("checks", "category {id} is answered twice").format(
                id=repr(c.category_id)))
        seen.add(c.category_id)
    seen = set()
    for f in a.factors:
        path = f"assessment.factors.{f.factor_id}"
        if policy.factor(f.factor_id) is None:
            ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                "checks", "factor {id} is not a factor of {policy}").format(id=repr(f.factor_id), policy=where))
        elif f.factor_id in seen:
            ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP("checks", "factor {id} is answered twice").format(
                id=repr(f.factor_id)))
        seen.add(f.factor_id)
    seen = set()
    for answer in a.answers:
        path = f"assessment.{answer.question}"
        q = policy.question(answer.question)
        if q is None:
            ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                "checks", "question {id} is not a question of {policy}").format(id=repr(answer.question),
                                                                                 policy=where))
            continue
        if answer.question in seen:
            ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP("checks", "question {id} is answered twice")
                    .format(id=repr(answer.question)))
        seen.add(answer.question)
        if q.kind == "multi":
            if answer.value:
                ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                    "checks", "“{question}” takes a list of choices, not text").format(question=policy_text(q.label)))
            unknown = [v for v in answer.values if q.option(v) is None]
        else:
            if answer.values:
                ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                    "checks", "“{question}” takes one answer, not a list").format(question=policy_text(q.label)))
            unknown = [answer.value] if q.kind == "choice" and answer.value and q.option(answer.value) is None else []
        for v in unknown:
            ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                "checks", "{value} is not an answer to “{question}”").format(value=repr(v),
                                                                             question=policy_text(q.label)))
    for i, o in enumerate(a.other_factors):
        kind = policy.factor_kind(o.kind)
        if kind is None or not kind.others_allowed:
            allowed = ", ".join(k.id for k in policy.factor_kinds if k.others_allowed) or QT_TRANSLATE_NOOP(
                "checks", "none")
            if not o.kind:  # a new row: the officer has not chosen yet
                ctx.add(f"assessment.other_factors[{i}].kind", ItemKind.OPEN, QT_TRANSLATE_NOOP(
                    "checks", "choose what kind of factor “{description}” is ({kinds})").format(
                    description=o.description or QT_TRANSLATE_NOOP("checks", "this other factor"), kinds=allowed))
            else:
                ctx.add(f"assessment.other_factors[{i}].kind", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                    "checks", "{kind} is not a kind of other factor under {policy} (kinds: {kinds})").format(
                    kind=repr(o.kind), policy=where, kinds=allowed))


def _records(ctx: Context) -> None:
    a, policy = ctx.a, ctx.policy
    if not a.records_reviewed:
        ctx.add("assessment.records_reviewed", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks",
                                                                                "record which records you reviewed"))
        return
    kinds = {r.id: r for r in policy.records}
    unknown = [r for r in a.records_reviewed if r not in kinds]
    if unknown:
        ctx.add("assessment.records_reviewed", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
            "checks", "{records} is not a record type of this policy").format(records=", ".join(unknown)))
    known = [r for r in a.records_reviewed if r in kinds]
    if known and all(kinds[r].insufficient_alone for r in known):
        names = joined([policy_text(kinds[r].label, lower=True) for r in known],
                       QT_TRANSLATE_NOOP("checks", " and "))
        ctx.add("assessment.records_reviewed", ItemKind.OPEN, QT_TRANSLATE_NOOP(
            "checks", "only a {records} was reviewed: obtain and review the full criminal and administrative record, "
            "aggravating and mitigating alike").format(records=names))


def _attention(ctx: Context) -> None:
    encounter = ctx.case.encounter
    flag = ctx.policy.attention_flags.get(encounter.attention_source.value)
    if flag and not encounter.attention_detail.strip():
        ctx.add("encounter.attention_detail", ItemKind.OPEN, QT_TRANSLATE_NOOP(
            "checks", "{flag} Describe it in the encounter details.").format(flag=policy_text(flag)))
    elif flag:
        ctx.add("encounter.attention_detail", ItemKind.REVIEW, policy_text(flag))


def _decision(ctx: Context) -> None:
    a, policy = ctx.a, ctx.policy
    determination = policy.determination(a.determination) if a.determination else None
    if not a.determination:
        ctx.add("assessment.determination", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks", "choose the determination"))
    elif determination is None:
        ctx.add("assessment.determination", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
            "checks", "{determination} is not a determination of this policy").format(
            determination=repr(a.determination)))
    elif determination.needs_detail and not a.determination_detail.strip():
        ctx.add("assessment.determination_detail", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks", "{detail}?").format(
            detail=policy_text(determination.needs_detail)))
    if not a.rationale.strip():
        ctx.add("assessment.rationale", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks",
                                                                       "write the rationale for the determination"))


def _reassessment(ctx: Context) -> None:
    r = ctx.a.reassessed_from
    if r is None:
        return
    from casework.reassess import previous_message, reason_message  # reassess imports workflow, which imports this

    policy = ctx.policy
    for mark in r.marks:
        item = QT_TRANSLATE_NOOP("checks", "re-assessed from version {version}: {reason}.").format(
            version=r.from_version, reason=reason_message(mark.reason))  # stored in English
        if mark.previous:
            item = QT_TRANSLATE_NOOP("checks", "{item} Before: {previous}").format(item=item,
                                                                                      previous=previous_message(mark.previous))
        ctx.add(mark.field, ItemKind.REVIEW, item, key=f"reassessed:{mark.field}")
    params = {"title": policy_text(policy.title), "version": policy.version, "from_id": r.from_policy_id,
              "from_version": r.from_version, "n": len(r.marks)}
    if r.on:
        summary = QT_TRANSLATE_NOOP(
            "checks", "re-assessed under {title} ({version}) from {from_id} version {from_version} on {on}: {n} "
            "answer(s) were not carried over or changed meaning and are marked. Check every answer against this "
            "version, then acknowledge.").format(on=r.on.isoformat(), **params)
    else:
        summary = QT_TRANSLATE_NOOP(
            "checks", "re-assessed under {title} ({version}) from {from_id} version {from_version}: {n} answer(s) "
            "were not carried over or changed meaning and are marked. Check every answer against this version, "
            "then acknowledge.").format(**params)
    ctx.add("assessment.policy", ItemKind.REVIEW, summary,
            key=f"reassessed:{r.from_policy_id}@{r.from_version}:{r.from_sha256[:16]}", ack=True)


# The rule modules import Context and ItemKind from here, so they are imported once those exist.
from casework import check_categories, check_factors, check_text  # noqa: E402
