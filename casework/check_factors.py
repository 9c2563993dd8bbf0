"""Rules for the factors a category weighs: every factor answered, present ones with evidence and addressed in
the rationale, other factors described with evidence — and never a never-factor as a factor.

"Addressed in the rationale" means the rationale names the factor: its own label, its id ("M5"), or one of the
aliases the policy file lists for it, as whole words. An incidental shared word ("years") does not count. An
other factor is addressed when the rationale names it as written.
"""

from __future__ import annotations

from casework.assessment import FactorAnswer, OtherFactor
from casework.checks import Context, ItemKind
from casework.i18n import QT_TRANSLATE_NOOP, joined, policy_text
from casework.model import Disposition
from casework.never_factors import mentioned
from casework.phrases import PhraseIndex, Words, words
from casework.policy import Factor


def factors(ctx: Context) -> None:
    a, policy = ctx.a, ctx.policy
    if not any(c.weighs_factors for c in policy.categories):
        return
    present, absent, unknown = (policy.word(f"factor.{w}").lower() for w in ("present", "absent", "unknown"))
    for factor in policy.factors:
        finding = a.factor(factor.id)
        path = f"assessment.factors.{factor.id}"
        if finding.answer is FactorAnswer.UNANSWERED:
            ctx.add(f"{path}.answer", ItemKind.OPEN, QT_TRANSLATE_NOOP(
                "checks", "mark “{label}” as {present}, {absent} or {unknown}").format(
                label=policy_text(factor.label), present=policy_text(present), absent=policy_text(absent),
                unknown=policy_text(unknown)))
        elif finding.answer is FactorAnswer.PRESENT:
            if not finding.evidence.strip():
                ctx.add(f"{path}.evidence", ItemKind.OPEN, QT_TRANSLATE_NOOP(
                    "checks", "“{label}” is marked {present}: name the evidence").format(
                    label=policy_text(factor.label), present=policy_text(present)))
            _disposition_conflict(ctx, factor)
    for i, other in enumerate(a.other_factors):
        path = f"assessment.other_factors[{i}]"
        if not other.description.strip():
            ctx.add(f"{path}.description", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks", "describe the other factor"))
            continue
        if named := refused(ctx, other):
            nf, said = named
            ctx.add(f"{path}.description", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                "checks", "the other factor “{description}” names {never_factor} (“{said}”), which can never be a "
                "factor: it cannot be weighed. Remove it from the factors; a fact that matters for another reason "
                "belongs in the evidence or the notes").format(description=other.description,
                                                               never_factor=policy_text(nf), said=said))
        elif not other.evidence.strip():
            ctx.add(f"{path}.evidence", ItemKind.OPEN, QT_TRANSLATE_NOOP(
                "checks", "the other factor “{description}” needs its evidence").format(description=other.description))


def refused(ctx: Context, other: OtherFactor) -> tuple[str, str] | None:
    """(never-factor, words as written) when an other factor's description names a never-factor."""
    found = mentioned(ctx.policy, other.description)
    if not found:
        return None
    nf, said = found[0]
    return nf.label, ", ".join(said)


DISPOSITION_WORDS = {
    Disposition.PENDING: QT_TRANSLATE_NOOP("checks", "pending"),
    Disposition.CONVICTED: QT_TRANSLATE_NOOP("checks", "convicted"),
    Disposition.ACQUITTED: QT_TRANSLATE_NOOP("checks", "acquitted"),
    Disposition.DISMISSED: QT_TRANSLATE_NOOP("checks", "dismissed"),
    Disposition.VACATED: QT_TRANSLATE_NOOP("checks", "vacated"),
    Disposition.EXPUNGED: QT_TRANSLATE_NOOP("checks", "expunged"),
}
"""An offense's disposition as an item names it ("“Theft” (vacated)")."""


def _disposition_conflict(ctx: Context, factor: Factor) -> None:
    if not factor.conflicts_with_dispositions:
        return
    offenses = ctx.case.offenses
    conflicting = [o for o in offenses if o.disposition.value in factor.conflicts_with_dispositions]
    if not conflicting:
        return
    names = joined([QT_TRANSLATE_NOOP("checks", "“{charge}” ({disposition})").format(
        charge=o.charge or QT_TRANSLATE_NOOP("checks", "offense"),
        disposition=DISPOSITION_WORDS.get(o.disposition, o.disposition.value)) for o in conflicting])
    path = f"assessment.factors.{factor.id}"
    if any(o.disposition is Disposition.CONVICTED for o in offenses):
        ctx.add(f"{path}.evidence", ItemKind.REVIEW, QT_TRANSLATE_NOOP(
            "checks", "{offenses} must not be weighed as “{factor}”: make sure the evidence rests on another "
            "conviction").format(offenses=names, factor=policy_text(factor.label)))
    else:
        ctx.add(f"{path}.answer", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
            "checks", "“{factor}” is marked present, but the only offense behind it is {offenses}").format(
            factor=policy_text(factor.label), offenses=names))


def addressed(ctx: Context) -> None:
    """Every factor found present, and every other factor, named in the rationale."""
    a, policy = ctx.a, ctx.policy
    if not a.rationale.strip():
        return
    said = words(a.rationale)
    for factor in policy.factors:
        if a.factor(factor.id).answer is FactorAnswer.PRESENT and not _names(said, factor):
            ctx.add("assessment.rationale", ItemKind.OPEN, QT_TRANSLATE_NOOP(
                "checks", "the rationale does not address “{label}” ({id}): name it, or a phrase the policy lists "
                "for it").format(label=policy_text(factor.label), id=factor.id))
    for other in a.other_factors:
        if other.description.strip() and refused(ctx, other) is None and not _named(said, other.description):
            ctx.add("assessment.rationale", ItemKind.OPEN, QT_TRANSLATE_NOOP(
                "checks", "the rationale does not address the other factor “{description}”: name it as written"
            ).format(description=other.description))


_INDEXES: dict[tuple[str, str], PhraseIndex[None]] = {}


def _names(said: Words, factor: Factor) -> bool:
    key = (factor.id, factor.label + "\x00" + "\x00".join(factor.aliases))
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = PhraseIndex((p, None) for p in (factor.label, factor.id, *factor.aliases))
    return index.contains_any(said)


def _named(said: Words, description: str) -> bool:
    try:
        return PhraseIndex([(description, None)]).contains_any(said)
    except ValueError:  # a description of punctuation only: nothing to name
        return True
