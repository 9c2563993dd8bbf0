"""Rules for each category — its finding, its prongs against the facts, its questions — and for sections.

Prongs, as the policy file states them, are the ways the facts meet a category: every fact test and the
cutoff must hold. For each prong the facts meet, contradict, or leave open (a fact not recorded, a date that
straddles the cutoff):

- a prong the facts meet, with the category marked "does not apply" → a contradiction naming the facts;
  with it unanswered or "unknown" → open;
- every prong contradicted by the facts, with the category marked "applies" → a contradiction naming them;
- a cutoff date the facts are certainly past, with the category not answered "applies" or "does not apply"
  with a reason (the basis) → open;
- a date exactly on the cutoff date (where the policy says it needs review) or one that may fall either side
  → a review item that stays until the officer acknowledges it with a note, whatever else is written.
"""

from __future__ import annotations

from datetime import date

from casework.assessment import Answer, CategoryAnswer, FactorAnswer
from casework.checks import Context, ItemKind
from casework.cutoff import Position, classify, comparison_words, qualifies
from casework.facts import FACTS, precision_word
from casework.i18n import QT_TRANSLATE_NOOP, Message, joined, policy_text
from casework.policy import Category, Cutoff, Prong, Question

UNDECIDED = (CategoryAnswer.UNANSWERED, CategoryAnswer.UNKNOWN)


def category(ctx: Context, c: Category) -> None:
    finding = ctx.a.category(c.id)
    path = f"assessment.categories.{c.id}"
    reported = _prongs(ctx, c) if c.prongs else False
    if finding.answer is CategoryAnswer.UNANSWERED and not reported:
        ctx.add(f"{path}.answer", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks", "answer whether “{label}” applies").format(
            label=policy_text(c.label)))
    elif finding.answer is CategoryAnswer.APPLIES and not finding.basis.strip():
        ctx.add(f"{path}.basis", ItemKind.OPEN, QT_TRANSLATE_NOOP("checks", "give the basis for finding “{label}”"
                                                                  ).format(label=policy_text(c.label)))
    for q in c.questions:
        required = (q.required == "always" or (q.required == "if_applies" and finding.answer is CategoryAnswer.APPLIES)
                    or (q.required == "if_factors_present" and factors_present(ctx)))
        _question(ctx, q, required, c, finding.answer)


def sections(ctx: Context) -> None:
    for s in ctx.policy.sections:
        if all(_holds(ctx, condition) for condition in s.asked_when):
            for q in s.questions:
                _question(ctx, q, q.required == "always", None, None)


def _holds(ctx: Context, condition: str) -> bool:
    a, policy = ctx.a, ctx.policy
    if condition == "no_category_applies":
        answers = [a.category(c.id).answer for c in policy.categories]
        return CategoryAnswer.UNANSWERED not in answers and CategoryAnswer.APPLIES not in answers
    if condition == "action":
        d = policy.determination(a.determination)
        return d is not None and d.action
    return condition == "always"


def factors_present(ctx: Context) -> bool:
    """Any factor found present, or any other factor described (what a weighing must then weigh)."""
    a = ctx.a
    return (any(a.factor(f.id).answer is FactorAnswer.PRESENT for f in ctx.policy.factors)
            or any(o.description.strip() for o in a.other_factors))


def _question(ctx: Context, q: Question, required: bool, c: Category | None, finding: CategoryAnswer | None) -> None:
    path = f"assessment.{q.id}"
    answer: Answer = ctx.a.answer(q.id)
    if answer.is_blank:
        if required:
            ctx.add(path, ItemKind.OPEN, policy_text(q.prompt) if q.prompt else QT_TRANSLATE_NOOP(
                "checks", "answer “{label}”").format(label=policy_text(q.label)))
        return
    if q.kind == "date":
        try:
            date.fromisoformat(answer.value.strip())
        except ValueError:
            ctx.add(path, ItemKind.OPEN, QT_TRANSLATE_NOOP(
                "checks", "“{question}”: {value} is not a date; use YYYY-MM-DD").format(
                question=policy_text(q.label), value=repr(answer.value.strip())))
    option = q.option(answer.value) if q.kind == "choice" else None
    if option is not None and c is not None and finding is not None and finding.value in option.contradicts:
        ctx.add(path, ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
            "checks", "“{category}” is marked “{finding}”, but “{question}” is answered “{option}”").format(
            category=policy_text(c.label), finding=policy_text(ctx.finding_word(finding)),
            question=policy_text(q.label), option=policy_text(option.label)))


# ----- prongs and cutoffs -------------------------------------------------------------------------------------

Outcome = bool | None
"""A fact test's outcome: met, not met, or not known (the fact is not recorded, the date straddles)."""


def _prongs(ctx: Context, c: Category) -> bool:
    """Items from the category's prongs; True if one of them already asks for the finding to be answered."""
    finding = ctx.a.category(c.id)
    path = f"assessment.categories.{c.id}"
    answer = finding.answer
    opened: set[str] = set()

    def open_once(field: str, message: Message) -> None:
        if field not in opened:
            opened.add(field)
            ctx.add(field, ItemKind.OPEN, message)

    evaluated = [(p, *_evaluate(ctx, p)) for p in c.prongs]
    met = [(p, facts) for p, outcomes, facts in evaluated if all(o is True for o, _ in outcomes)]
    label = policy_text(c.label)
    for p, facts in met:
        named = joined(facts)
        if answer is CategoryAnswer.DOES_NOT_APPLY:
            ctx.add(f"{path}.answer", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
                "checks", "“{category}” is marked “{finding}”, but the facts meet {prong}: {facts}").format(
                category=label, finding=policy_text(ctx.finding_word(answer)), prong=policy_text(p.label), facts=named))
        elif answer in UNDECIDED:
            open_once(f"{path}.answer", QT_TRANSLATE_NOOP(
                "checks", "the facts meet {prong} ({facts}): answer whether “{category}” applies").format(
                prong=policy_text(p.label), facts=named, category=label))
    contradicted = [(p, outcomes) for p, outcomes, _ in evaluated if any(o is False for o, _ in outcomes)]
    if answer is CategoryAnswer.APPLIES and len(contradicted) == len(c.prongs):
        why = joined([QT_TRANSLATE_NOOP("checks", "{prong}: not met ({facts})").format(
            prong=policy_text(p.label), facts=joined([d for o, d in outcomes if o is False], ", "))
            for p, outcomes in contradicted])
        ctx.add(f"{path}.answer", ItemKind.CONTRADICTION, QT_TRANSLATE_NOOP(
            "checks", "“{category}” is marked “{finding}”, but the facts meet none of its prongs: {why}").format(
            category=label, finding=policy_text(ctx.finding_word(answer)), why=why))
    for p, outcomes, _facts in evaluated:
        if p.cutoff is None or any(o is False for o, _ in outcomes[:-1]):
            continue  # no cutoff, or the prong's other facts already rule it out
        cut = p.cutoff
        fact = FACTS[cut.fact]
        value = fact.date_of(ctx.case)
        position = classify(value, cut.day, cut.comparison)
        word = comparison_words(cut.comparison)
        params = {"fact": fact.name, "date": value.text, "day": cut.day.isoformat(), "word": word,
                  "prong": policy_text(p.label), "category": label}
        if position is Position.STRADDLES or (position is Position.ON_THE_DAY and cut.review_on_the_day):
            if position is Position.ON_THE_DAY:
                review = QT_TRANSLATE_NOOP("checks", "the {fact} ({date}) is exactly the cutoff date {day} (“{word}”): "
                                           "review whether {prong} is met, and acknowledge with a note.")
            else:
                review = QT_TRANSLATE_NOOP("checks", "the {fact} ({date}, {precision} only) may fall either side of "
                                           "the cutoff {day} (“{word}”): review whether {prong} is met, and "
                                           "acknowledge with a note.")
            review = review.format(precision=precision_word(value), **params)
            if cut.review_note:
                review = QT_TRANSLATE_NOOP("checks", "{item} {note}").format(item=review,
                                                                             note=policy_text(cut.review_note))
            ctx.add(f"{path}.answer", ItemKind.REVIEW, review,
                    key=f"cutoff:{c.id}:{p.id}:{cut.fact}={value.text}:{cut.comparison}:{cut.day.isoformat()}",
                    ack=True)
        elif position is Position.QUALIFIES and not all(o is True for o, _ in outcomes):
            if answer in UNDECIDED:
                open_once(f"{path}.answer", QT_TRANSLATE_NOOP(
                    "checks", "the {fact} ({date}) is {word} the cutoff of {day}: answer whether “{category}” "
                    "applies under {prong}, or that it does not, with the reason in the basis").format(**params))
            elif answer is CategoryAnswer.DOES_NOT_APPLY and not finding.basis.strip():
                open_once(f"{path}.basis", QT_TRANSLATE_NOOP(
                    "checks", "the {fact} ({date}) is {word} the cutoff of {day}: say in the basis why “{category}” "
                    "does not apply").format(**params))
    return f"{path}.answer" in opened


def _evaluate(ctx: Context, p: Prong) -> tuple[list[tuple[Outcome, Message]], list[Message]]:
    """Each test's outcome with the fact in words (the cutoff last), and the facts that meet the prong."""
    outcomes: list[tuple[Outcome, Message]] = []
    for t in p.tests:
        fact = FACTS[t.fact]
        code = fact.code_of(ctx.case)
        outcomes.append((None if not code else code in t.values, fact.describe(ctx.case)))
    if p.cutoff is not None:
        outcomes.append(_cutoff_outcome(ctx, p.cutoff))
    return outcomes, [d for o, d in outcomes if o is True]


def _cutoff_outcome(ctx: Context, cut: Cutoff) -> tuple[Outcome, Message]:
    fact = FACTS[cut.fact]
    value = fact.date_of(ctx.case)
    position = classify(value, cut.day, cut.comparison)
    params = {"fact": fact.name, "date": value.text, "word": comparison_words(cut.comparison),
              "day": cut.day.isoformat()}
    if position is Position.QUALIFIES:
        return True, QT_TRANSLATE_NOOP("checks", "{fact} {date} ({word} {day})").format(**params)
    if position is Position.DOES_NOT_QUALIFY:
        return False, QT_TRANSLATE_NOOP("checks", "{fact} {date} (not {word} {day})").format(**params)
    if position is Position.ON_THE_DAY and not cut.review_on_the_day:
        if qualifies(cut.day, cut.day, cut.comparison):
            return True, QT_TRANSLATE_NOOP("checks", "{fact} {date} (the cutoff date itself: {word} {day})").format(
                **params)
        return False, QT_TRANSLATE_NOOP("checks", "{fact} {date} (the cutoff date itself: not {word} {day})").format(
            **params)
    return None, QT_TRANSLATE_NOOP("checks", "{fact} {date} (not known against {day})").format(**params)
