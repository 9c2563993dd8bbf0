"""The never-factor guard over every free-text field of the assessment (casework.never_factors).

Each field that mentions a word the policy lists for a never-factor raises a review item naming the field and
the never-factor; it blocks submission until the officer acknowledges it with a note ("mentioned only as …").
The item's key names the field and the never-factor — not the words — so an acknowledged mention stays
acknowledged while the officer goes on writing, and a different never-factor in the same field asks again.
An other factor's description that names a never-factor is refused as a factor (casework.check_factors), so
it is not asked about here.
"""

from __future__ import annotations

from collections.abc import Iterator

from casework.checks import Context, ItemKind
from casework.i18n import QT_TRANSLATE_NOOP, Message, policy_text
from casework.never_factors import mentioned

MESSAGE = QT_TRANSLATE_NOOP(
    "checks", "the {field} mentions “{said}”, which can point to {never_factor} — never a factor in deciding to take "
    "enforcement action. This is a check for you, not a finding: if it is mentioned only as something else (a "
    "citation, a name, a place, part of the record), acknowledge it with a note saying so (“mentioned only as …”)")


def never_factors(ctx: Context) -> None:
    for path, key_path, name, text in free_text(ctx):
        for nf, said in mentioned(ctx.policy, text):
            ctx.add(path, ItemKind.REVIEW,
                    MESSAGE.format(field=name, said="”, “".join(said), never_factor=policy_text(nf.label)),
                    key=f"never-factor:{key_path}:{nf.id}", ack=True)


def free_text(ctx: Context) -> Iterator[tuple[str, str, Message, str]]:
    """(field path, key path, the field in words, its text) for every free-text field of the assessment."""
    a, policy = ctx.a, ctx.policy
    yield "assessment.records_note", "assessment.records_note", QT_TRANSLATE_NOOP("checks", "records note"), \
        a.records_note
    for c in policy.categories:
        found = a.category(c.id)
        path = f"assessment.categories.{c.id}"
        label = policy_text(c.label)
        yield f"{path}.basis", f"{path}.basis", QT_TRANSLATE_NOOP("checks", "basis for “{label}”").format(
            label=label), found.basis
        yield f"{path}.evidence", f"{path}.evidence", QT_TRANSLATE_NOOP("checks", "evidence for “{label}”").format(
            label=label), found.evidence
    for q in policy.questions():
        if q.kind in ("text", "line"):
            yield f"assessment.{q.id}", f"assessment.{q.id}", QT_TRANSLATE_NOOP("checks", "“{label}”").format(
                label=policy_text(q.label)), a.answer(q.id).value
    for f in policy.factors:
        finding = a.factor(f.id)
        path = f"assessment.factors.{f.id}"
        label = policy_text(f.label)
        yield f"{path}.evidence", f"{path}.evidence", QT_TRANSLATE_NOOP("checks", "evidence for “{label}”").format(
            label=label), finding.evidence
        yield f"{path}.source", f"{path}.source", QT_TRANSLATE_NOOP("checks", "source for “{label}”").format(
            label=label), finding.source
    for i, o in enumerate(a.other_factors):
        path, key = f"assessment.other_factors[{i}]", f"assessment.other_factors.{o.id or i}"
        yield f"{path}.evidence", f"{key}.evidence", QT_TRANSLATE_NOOP(
            "checks", "evidence for the other factor “{description}”").format(description=o.description), o.evidence
        yield f"{path}.source", f"{key}.source", QT_TRANSLATE_NOOP(
            "checks", "source for the other factor “{description}”").format(description=o.description), o.source
    yield "assessment.determination_detail", "assessment.determination_detail", QT_TRANSLATE_NOOP(
        "checks", "determination detail"), a.determination_detail
    yield "assessment.rationale", "assessment.rationale", QT_TRANSLATE_NOOP("checks", "rationale"), a.rationale
