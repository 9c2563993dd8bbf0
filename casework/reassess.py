"""Re-assessing a case under another policy version: what still means the same is carried over, the rest is
marked for the officer.

An assessment keeps its policy for good; moving it is a deliberate step on a draft. Carried over: each
category finding whose category is unchanged (label, condition, prongs, cutoff), each factor finding whose
factor is unchanged (kind, label, help), each answer whose question is unchanged (kind, label, help, options),
records and the determination where they still exist with the same words, other factors of a kind the new
version still allows, and the officer's own text (records note, rationale). The attestation is carried only
when the never-factors are the same. Everything else starts blank and is marked (casework.assessment.Mark),
with the earlier answer in words, so nothing the officer wrote is lost; the checklist lists the marks and
asks for one acknowledgement that every answer was checked against the new version.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from casework.assessment import (
    Assessment,
    CategoryAnswer,
    CategoryFinding,
    FactorAnswer,
    FactorFinding,
    Mark,
    OtherFactor,
    Reassessment,
    with_answer,
)
from casework.model import CaseFile
from casework.policy import Policy
from casework.policy_diff import same_category, same_factor, same_question
from casework.workflow import WorkflowError, is_editable


def reassess(case: CaseFile, old: Policy, new: Policy, today: date) -> CaseFile:
    """`case` with its assessment (made under `old`) moved to `new`; raises WorkflowError if it cannot be."""
    a = case.assessment
    if a is None:
        raise WorkflowError("there is no assessment to re-assess; start one")
    if not is_editable(case.status):
        raise WorkflowError(f"case {case.case_number} is {case.status.value}: reopen it before re-assessing")
    if (a.policy_id, a.policy_version) != old.key:
        raise WorkflowError(f"the assessment was made under {a.policy_id} version {a.policy_version}, not "
                            f"{old.id} version {old.version}")
    if old.key == new.key:
        raise WorkflowError(f"the assessment is already under {new.title} ({new.version})")
    marks: list[Mark] = []
    b = Assessment(new.id, new.version, new.sha256, assessed_on=today, records_note=a.records_note,
                   rationale=a.rationale, history=a.history, acknowledgements=a.acknowledgements)
    b = _categories(a, b, old, new, marks)
    b = _factors(a, b, old, new, marks)
    b = _answers(a, b, old, new, marks)
    b = _rest(a, b, old, new, marks)
    b = replace(b, reassessed_from=Reassessment(old.id, old.version, a.policy_sha256, today, tuple(marks)))
    return replace(case, assessment=b)


def _categories(a: Assessment, b: Assessment, old: Policy, new: Policy, marks: list[Mark]) -> Assessment:
    findings = []
    for c in new.categories:
        before = a.category(c.id)
        if same_category(old.category(c.id), c):
            findings.append(replace(before, category_id=c.id))
            continue
        findings.append(CategoryFinding(c.id))
        if _said(before):
            why = "the category is new in this version" if old.category(c.id) is None else \
                "the category's words or prongs changed"
            marks.append(Mark(f"assessment.categories.{c.id}.answer", why, _finding_words(old, before)))
    for c in old.categories:
        if new.category(c.id) is None and _said(a.category(c.id)):
            marks.append(Mark("assessment.policy", f"the category “{c.label}” is not part of this version",
                              _finding_words(old, a.category(c.id))))
    return replace(b, categories=tuple(findings))


def _said(f: CategoryFinding) -> bool:
    return f.answer is not CategoryAnswer.UNANSWERED or bool(f.basis.strip() or f.evidence.strip())


def _finding_words(policy: Policy, f: CategoryFinding) -> str:
    parts = [policy.word(f"finding.{f.answer.value}") or "not answered"]
    parts += [f"basis: {f.basis.strip()}"] if f.basis.strip() else []
    parts += [f"evidence: {f.evidence.strip()}"] if f.evidence.strip() else []
    return "; ".join(parts)


def _factors(a: Assessment, b: Assessment, old: Policy, new: Policy, marks: list[Mark]) -> Assessment:
    findings = []
    for f in new.factors:
        before = a.factor(f.id)
        if same_factor(old.factor(f.id), f):
            findings.append(before)
            continue
        findings.append(FactorFinding(f.id))
        if before.answer is not FactorAnswer.UNANSWERED:
            why = "the factor is new in this version" if old.factor(f.id) is None else "the factor's words changed"
            marks.append(Mark(f"assessment.factors.{f.id}.answer", why, _factor_words(old, before)))
    for f in old.factors:
        finding = a.factor(f.id)
        if new.factor(f.id) is None and finding.answer is not FactorAnswer.UNANSWERED:
            marks.append(Mark("assessment.policy", f"the factor “{f.label}” ({f.id}) is not part of this version",
                              _factor_words(old, finding)))
    return replace(b, factors=tuple(findings))


def _factor_words(policy: Policy, f: FactorFinding) -> str:
    parts = [policy.word(f"factor.{f.answer.value}") or f.answer.value or "not answered"]
    parts += [f"evidence: {f.evidence}"] if f.evidence.strip() else []
    parts += [f"source: {f.source}"] if f.source.strip() else []
    return "; ".join(parts)


def _answers(a: Assessment, b: Assessment, old: Policy, new: Policy, marks: list[Mark]) -> Assessment:
    for q in new.questions():
        before = a.answer(q.id)
        if same_question(old.question(q.id), q):
            b = with_answer(b, before)
        elif not before.is_blank:
            why = "the question is new in this version" if old.question(q.id) is None else "the question changed"
            marks.append(Mark(f"assessment.{q.id}", why, before.value or ", ".join(before.values)))
    for q in old.questions():
        before = a.answer(q.id)
        if new.question(q.id) is None and not before.is_blank:
            marks.append(Mark("assessment.policy", f"the question “{q.label}” is not part of this version",
                              before.value or ", ".join(before.values)))
    return b


def _rest(a: Assessment, b: Assessment, old: Policy, new: Policy, marks: list[Mark]) -> Assessment:
    old_labels = {x.id: x.label for x in old.records}
    new_labels = {x.id: x.label for x in new.records}
    records = tuple(r for r in a.records_reviewed if r in old_labels and old_labels[r] == new_labels.get(r))
    if dropped := [r for r in a.records_reviewed if r not in records]:
        marks.append(Mark("assessment.records_reviewed", "these record types are not in this version as they were",
                          ", ".join(dropped)))
    others: list[OtherFactor] = []
    for o in a.other_factors:
        kind = new.factor_kind(o.kind)
        if kind is not None and kind.others_allowed:
            others.append(o)
        else:
            marks.append(Mark("assessment.other_factors", f"this version takes no other factor of the kind {o.kind!r}",
                              f"{o.description}; evidence: {o.evidence}; source: {o.source}"))
    was, now = old.determination(a.determination), new.determination(a.determination)
    keep = was is not None and now is not None and (was.label, was.needs_detail) == (now.label, now.needs_detail)
    if a.determination and not keep:
        marks.append(Mark("assessment.determination", "the determination is not in this version as it was",
                          f"{was.label if was else a.determination}" + (f": {a.determination_detail}"
                                                                         if a.determination_detail else "")))
    same_never = old.never_factors == new.never_factors
    if a.attested and not same_never:
        marks.append(Mark("assessment.attested", "the never-factors differ in this version: attest again",
                          "attested under the earlier version"))
    return replace(b, records_reviewed=records, other_factors=tuple(others),
                   determination=a.determination if keep else "",
                   determination_detail=a.determination_detail if keep else "",
                   attested=a.attested and same_never)
