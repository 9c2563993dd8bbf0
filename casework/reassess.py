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

import re
from dataclasses import replace
from datetime import date

from casework.assessment import (
    Answer,
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
from casework.i18n import QT_TRANSLATE_NOOP, Message, joined, policy_text
from casework.labels import STATUS_WORDS
from casework.model import CaseFile
from casework.policy import Policy, Question
from casework.policy_diff import same_category, same_factor, same_question
from casework.workflow import WorkflowError, is_editable

NEW_CATEGORY = QT_TRANSLATE_NOOP("casework", "the category is new in this version")
CHANGED_CATEGORY = QT_TRANSLATE_NOOP("casework", "the category's words or prongs changed")
NEW_FACTOR = QT_TRANSLATE_NOOP("casework", "the factor is new in this version")
CHANGED_FACTOR = QT_TRANSLATE_NOOP("casework", "the factor's words changed")
CHANGED_RECORDS = QT_TRANSLATE_NOOP("casework", "these record types are not in this version as they were")
CHANGED_DETERMINATION = QT_TRANSLATE_NOOP("casework", "the determination is not in this version as it was")
CHANGED_NEVER_FACTORS = QT_TRANSLATE_NOOP("casework", "the never-factors differ in this version: attest again")
ATTESTED_BEFORE = QT_TRANSLATE_NOOP("casework", "attested under the earlier version")
NEW_QUESTION = QT_TRANSLATE_NOOP("casework", "the question is new in this version")
CHANGED_QUESTION = QT_TRANSLATE_NOOP("casework", "the question changed")
"""A mark's reason, kept with the assessment in English and shown in the reader's language (a constant the
catalogue knows, so it is translated even after it was stored)."""


_STORED_REASONS = (
    (re.compile(r"the category “(?P<label>.*)” is not part of this version"),
     QT_TRANSLATE_NOOP("casework", "the category “{label}” is not part of this version")),
    (re.compile(r"the factor “(?P<label>.*)” \((?P<id>[^()]*)\) is not part of this version"),
     QT_TRANSLATE_NOOP("casework", "the factor “{label}” ({id}) is not part of this version")),
    (re.compile(r"the question “(?P<label>.*)” is not part of this version"),
     QT_TRANSLATE_NOOP("casework", "the question “{label}” is not part of this version")),
    (re.compile(r"this version takes no other factor of the kind (?P<kind>.*)"),
     QT_TRANSLATE_NOOP("casework", "this version takes no other factor of the kind {kind}")),
)


def reason_message(reason: str) -> Message:
    """A mark's reason as stored (English, in the assessment) made a Message again, so the checklist shows it in
    the reader's language, the policy's labels in it from the policy's translation."""
    for pattern, template in _STORED_REASONS:
        if found := pattern.fullmatch(reason):
            params = found.groupdict()
            if "label" in params:
                params["label"] = policy_text(params["label"])
            return template.format(**params)
    return Message("casework", reason)  # a constant reason (NEW_CATEGORY…), or one this version does not know


_PREVIOUS_PARTS = {
    "basis: ": QT_TRANSLATE_NOOP("casework", "basis: {text}"),
    "evidence: ": QT_TRANSLATE_NOOP("casework", "evidence: {text}"),
    "source: ": QT_TRANSLATE_NOOP("casework", "source: {text}"),
}
NOT_ANSWERED = QT_TRANSLATE_NOOP("casework", "not answered")


def previous_message(previous: str) -> Message:
    """A mark's earlier answer as stored (English words around what the officer wrote: "Yes; basis: …;
    evidence: …") made a Message again for the checklist: "not answered" and the part names in the reader's
    language, the policy's words from its translation, what the officer wrote exactly as written."""
    parts: list[object] = []
    for i, part in enumerate(previous.split("; ")):
        prefix = next((p for p in _PREVIOUS_PARTS if part.startswith(p)), None)
        if prefix is not None:
            parts.append(_PREVIOUS_PARTS[prefix].format(text=part[len(prefix):]))
        elif part == NOT_ANSWERED:
            parts.append(NOT_ANSWERED)
        elif i == 0 and part:
            parts.append(policy_text(part))  # the answer in the policy's words ("Yes", "Aggravating")
        else:
            parts.append(part)
    return joined(parts)


def reassess(case: CaseFile, old: Policy, new: Policy, today: date) -> CaseFile:
    """`case` with its assessment (made under `old`) moved to `new`; raises WorkflowError if it cannot be."""
    a = case.assessment
    if a is None:
        raise WorkflowError(QT_TRANSLATE_NOOP("casework", "there is no assessment to re-assess; start one"))
    if not is_editable(case.status):
        raise WorkflowError(QT_TRANSLATE_NOOP("casework", "case {number} is {status}: reopen it before re-assessing")
                            .format(number=case.case_number, status=STATUS_WORDS[case.status]))
    if (a.policy_id, a.policy_version) != old.key:
        raise WorkflowError(QT_TRANSLATE_NOOP("casework", "the assessment was made under {made} version {version}, "
                                              "not {old} version {old_version}").format(
            made=a.policy_id, version=a.policy_version, old=old.id, old_version=old.version))
    if old.key == new.key:
        raise WorkflowError(QT_TRANSLATE_NOOP("casework", "the assessment is already under {title} ({version})")
                            .format(title=policy_text(new.title), version=new.version))
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
            why = NEW_CATEGORY if old.category(c.id) is None else \
                CHANGED_CATEGORY
            marks.append(Mark(f"assessment.categories.{c.id}.answer", why, _finding_words(old, before)))
    for c in old.categories:
        if new.category(c.id) is None and _said(a.category(c.id)):
            marks.append(Mark("assessment.policy", f"the category “{c.label}” is not part of this version",
                              _finding_words(old, a.category(c.id))))
    return replace(b, categories=tuple(findings))


def _said(f: CategoryFinding) -> bool:
    return f.answer is not CategoryAnswer.UNANSWERED or bool(f.basis.strip() or f.evidence.strip())


def _finding_words(policy: Policy, f: CategoryFinding) -> str:
    parts = [policy.word(f"finding.{f.answer.value}") or str(NOT_ANSWERED)]
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
            why = NEW_FACTOR if old.factor(f.id) is None else CHANGED_FACTOR
            marks.append(Mark(f"assessment.factors.{f.id}.answer", why, _factor_words(old, before)))
    for f in old.factors:
        finding = a.factor(f.id)
        if new.factor(f.id) is None and finding.answer is not FactorAnswer.UNANSWERED:
            marks.append(Mark("assessment.policy", f"the factor “{f.label}” ({f.id}) is not part of this version",
                              _factor_words(old, finding)))
    return replace(b, factors=tuple(findings))


def _factor_words(policy: Policy, f: FactorFinding) -> str:
    parts = [policy.word(f"factor.{f.answer.value}") or f.answer.value or str(NOT_ANSWERED)]
    parts += [f"evidence: {f.evidence}"] if f.evidence.strip() else []
    parts += [f"source: {f.source}"] if f.source.strip() else []
    return "; ".join(parts)


def _answer_words(question: Question | None, answer: Answer) -> str:
    """The earlier answer as the officer saw it: a choice by its option's label (its id means nothing to a
    reader, and the old policy is not at hand when the mark is shown), written text as written."""
    chosen = [answer.value] if answer.value else list(answer.values)
    if question is None or not question.options:
        return ", ".join(chosen)
    return ", ".join(o.label if (o := question.option(v)) is not None else v for v in chosen)


def _answers(a: Assessment, b: Assessment, old: Policy, new: Policy, marks: list[Mark]) -> Assessment:
    for q in new.questions():
        before = a.answer(q.id)
        if same_question(old.question(q.id), q):
            b = with_answer(b, before)
        elif not before.is_blank:
            why = NEW_QUESTION if old.question(q.id) is None else CHANGED_QUESTION
            marks.append(Mark(f"assessment.{q.id}", why, _answer_words(old.question(q.id), before)))
    for q in old.questions():
        before = a.answer(q.id)
        if new.question(q.id) is None and not before.is_blank:
            marks.append(Mark("assessment.policy", f"the question “{q.label}” is not part of this version",
                              _answer_words(q, before)))
    return b


def _rest(a: Assessment, b: Assessment, old: Policy, new: Policy, marks: list[Mark]) -> Assessment:
    old_labels = {x.id: x.label for x in old.records}
    new_labels = {x.id: x.label for x in new.records}
    records = tuple(r for r in a.records_reviewed if r in old_labels and old_labels[r] == new_labels.get(r))
    if dropped := [r for r in a.records_reviewed if r not in records]:
        marks.append(Mark("assessment.records_reviewed", CHANGED_RECORDS,
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
        marks.append(Mark("assessment.determination", CHANGED_DETERMINATION,
                          f"{was.label if was else a.determination}" + (f": {a.determination_detail}"
                                                                         if a.determination_detail else "")))
    same_never = old.never_factors == new.never_factors
    if a.attested and not same_never:
        marks.append(Mark("assessment.attested", CHANGED_NEVER_FACTORS,
                          ATTESTED_BEFORE))
    return replace(b, records_reviewed=records, other_factors=tuple(others),
                   determination=a.determination if keep else "",
                   determination_detail=a.determination_detail if keep else "",
                   attested=a.attested and same_never)
