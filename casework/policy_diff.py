"""What changed between two policy versions, factor by factor: `casefile policy diff A B` and the re-assessment.

Things are matched by id (categories, prongs, questions and their options, factor kinds, factors,
never-factors, records, determinations, sections, wording keys): an id in one version only is added or
removed; the same id with other words is reworded; other settings (a cutoff's date or comparison, a
category's weighing, when a question is required) are changed. The `same_*` functions say whether an answer
given under one version means the same under the other (casework.reassess carries only those).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from casework.cutoff import comparison_words
from casework.facts import FACTS
from casework.i18n import QT_TRANSLATE_NOOP, Message, joined
from casework.policy import Category, Cutoff, Factor, Policy, Prong, Question, Window


@dataclass(frozen=True, slots=True)
class Change:
    area: str
    """"category", "prong", "cutoff", "question", "option", "factor kind", "factor", "never-factor", "record",
    "determination", "section", "wording", "windows" or "policy"."""
    id: str
    change: str
    """"added", "removed", "reworded" or "changed"."""
    detail: str = ""
    """What changed, in words: a casework.i18n Message (the window and the CLI show it translated; the policy's
    own words it quotes stay the English original, the authoritative text)."""

    def __str__(self) -> str:
        return f"{self.area} {self.id} {self.change}" + (f": {self.detail}" if self.detail else "")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


_HELP = QT_TRANSLATE_NOOP("policy_diff", "help")
_KIND = QT_TRANSLATE_NOOP("policy_diff", "kind")


def _q(text: str) -> str:
    return f"“{text}”"


def _by_id(area: str, old: Sequence[T], new: Sequence[T], compare: Callable[[str, T, T], list[Change]],
           name: Callable[[T], str], prefix: str = "") -> list[Change]:
    out: list[Change] = []
    old_ids = {x.id: x for x in old}
    new_ids = {x.id: x for x in new}
    for x in old:
        if x.id not in new_ids:
            out.append(Change(area, prefix + x.id, "removed", name(x)))
    for x in new:
        if x.id not in old_ids:
            out.append(Change(area, prefix + x.id, "added", name(x)))
        else:
            out += compare(prefix + x.id, old_ids[x.id], x)
    return out


NONE = QT_TRANSLATE_NOOP("policy_diff", "none")
ARROW = "{old} → {new}"


def _arrow(old: object, new: object) -> Message:
    return Message("policy_diff", ARROW, {"old": old, "new": new})  # no words: the same in every language


def _reworded(area: str, ident: str, what: str, old: str, new: str) -> list[Change]:
    if old == new:
        return []
    if not what:
        return [Change(area, ident, "reworded", _arrow(_q(old), _q(new)))]
    return [Change(area, ident, "reworded", QT_TRANSLATE_NOOP("policy_diff", "{what} {old} → {new}").format(
        what=what, old=_q(old), new=_q(new)))]


def _value(value: object) -> object:
    """A setting's value in words: yes/no for a switch, "none" for an empty one, the value itself otherwise."""
    if isinstance(value, bool):
        return QT_TRANSLATE_NOOP("policy_diff", "yes") if value else QT_TRANSLATE_NOOP("policy_diff", "no")
    return NONE if value in ("", None) else value


def _changed(area: str, ident: str, what: str, old: object, new: object) -> list[Change]:
    return [] if old == new else [Change(area, ident, "changed", QT_TRANSLATE_NOOP(
        "policy_diff", "{what}: {old} → {new}").format(what=what, old=_value(old), new=_value(new)))]


def cutoff_words(cut: Cutoff | None) -> Message:
    if cut is None:
        return NONE
    if cut.review_on_the_day:
        template = QT_TRANSLATE_NOOP("policy_diff", "{fact} {comparison} {day}, the day itself reviewed")
    else:
        template = QT_TRANSLATE_NOOP("policy_diff", "{fact} {comparison} {day}")
    return template.format(fact=FACTS[cut.fact].name, comparison=comparison_words(cut.comparison),
                           day=cut.day.isoformat())


def _prong(ident: str, old: Prong, new: Prong) -> list[Change]:
    out = _reworded("prong", ident, "", old.label, new.label)
    if old.tests != new.tests:
        def words(p: Prong) -> Message:
            return joined([QT_TRANSLATE_NOOP("policy_diff", "{fact} in {values}").format(
                fact=FACTS[t.fact].name, values=", ".join(t.values)) for t in p.tests]) if p.tests else NONE
        out.append(Change("prong", ident, "changed", QT_TRANSLATE_NOOP("policy_diff", "{what}: {old} → {new}").format(
            what=QT_TRANSLATE_NOOP("policy_diff", "facts"), old=words(old), new=words(new))))
    if old.cutoff != new.cutoff:
        out.append(Change("cutoff", ident, "changed", _arrow(cutoff_words(old.cutoff), cutoff_words(new.cutoff))))
    return out


def _question(ident: str, old: Question, new: Question) -> list[Change]:
    out = _reworded("question", ident, "", old.label, new.label) + _reworded("question", ident, _HELP, old.help,
                                                                              new.help)
    out += _changed("question", ident, _KIND, old.kind, new.kind)
    out += _changed("question", ident, QT_TRANSLATE_NOOP("policy_diff", "required"), old.required, new.required)
    out += _by_id("option", old.options, new.options,
                  lambda i, a, b: _reworded("option", i, "", a.label, b.label)
                  + _changed("option", i, QT_TRANSLATE_NOOP("policy_diff", "contradicts"), ", ".join(a.contradicts),
                             ", ".join(b.contradicts)),
                  lambda o: _q(o.label), prefix=f"{ident}/")
    return out


def _category(ident: str, old: Category, new: Category) -> list[Change]:
    out = _reworded("category", ident, "", old.label, new.label)
    out += _reworded("category", ident, QT_TRANSLATE_NOOP("policy_diff", "condition"), old.condition, new.condition)
    out += _changed("category", ident, QT_TRANSLATE_NOOP("policy_diff", "weighs factors"), old.weighs_factors,
                    new.weighs_factors)
    out += _by_id("prong", old.prongs, new.prongs, _prong, lambda p: _q(p.label), prefix=f"{ident}/")
    if {p.id for p in old.prongs} != {p.id for p in new.prongs}:
        def cutoffs(c: Category) -> Message:
            found = [cutoff_words(p.cutoff) for p in c.prongs if p.cutoff is not None]
            return joined(found) if found else NONE
        if cutoffs(old) != cutoffs(new):
            out.append(Change("cutoff", ident, "changed", _arrow(cutoffs(old), cutoffs(new))))
    return out


def _factor(ident: str, old: Factor, new: Factor) -> list[Change]:
    out = _reworded("factor", ident, "", old.label, new.label) + _reworded("factor", ident, _HELP, old.help,
                                                                            new.help)
    out += _changed("factor", ident, _KIND, old.kind, new.kind)
    if set(old.aliases) != set(new.aliases):
        added, removed = sorted(set(new.aliases) - set(old.aliases)), sorted(set(old.aliases) - set(new.aliases))
        parts = ([QT_TRANSLATE_NOOP("policy_diff", "added {phrases}").format(phrases=", ".join(map(_q, added)))]
                 if added else []) + ([QT_TRANSLATE_NOOP("policy_diff", "removed {phrases}").format(
                     phrases=", ".join(map(_q, removed)))] if removed else [])
        out.append(Change("factor", ident, "changed", QT_TRANSLATE_NOOP(
            "policy_diff", "phrases that address it: {changes}").format(changes=joined(parts))))
    out += _changed("factor", ident, QT_TRANSLATE_NOOP("policy_diff", "conflicts with dispositions"),
                    ", ".join(old.conflicts_with_dispositions), ", ".join(new.conflicts_with_dispositions))
    return out


def _windows(old: Iterable[Window], new: Iterable[Window]) -> Message:
    def one(w: Window) -> str:
        return f"{w.start.isoformat()}–{'' if w.until.year == 9999 else w.until.isoformat()}"
    return _arrow(", ".join(map(one, old)) or NONE, ", ".join(map(one, new)) or NONE)


def diff(old: Policy, new: Policy) -> list[Change]:
    """Every difference from `old` to `new`, categories first, then questions, factors and the rest."""
    out: list[Change] = []
    for what, a, b in (("title", old.title, new.title), ("issuer", old.issuer, new.issuer),
                       ("principle", old.principle, new.principle)):
        out += _reworded("policy", what, "", a, b)
    out += _changed("policy", "effective", QT_TRANSLATE_NOOP("policy_diff", "date"), old.effective, new.effective)
    out += _changed("policy", "supervisor concurrence", QT_TRANSLATE_NOOP("policy_diff", "required"),
                    old.requires_supervisor_concurrence, new.requires_supervisor_concurrence)
    if old.in_force != new.in_force:
        out.append(Change("windows", "in force", "changed", _windows(old.in_force, new.in_force)))
    if old.not_in_force != new.not_in_force:
        out.append(Change("windows", "not in force", "changed", _windows(old.not_in_force, new.not_in_force)))
    out += _by_id("category", old.categories, new.categories, _category, lambda c: _q(c.label))
    out += _by_id("question", old.questions(), new.questions(), _question, lambda q: _q(q.label))
    out += _by_id("factor kind", old.factor_kinds, new.factor_kinds,
                  lambda i, a, b: _reworded("factor kind", i, "", a.title, b.title)
                  + _changed("factor kind", i, QT_TRANSLATE_NOOP("policy_diff", "other factors allowed"),
                             a.others_allowed, b.others_allowed),
                  lambda k: _q(k.title))
    out += _by_id("factor", old.factors, new.factors, _factor, lambda f: _q(f.label))
    out += _by_id("never-factor", old.never_factor_rules, new.never_factor_rules,
                  lambda i, a, b: _reworded("never-factor", i, "", a.label, b.label)
                  + ([Change("never-factor", i, "changed", QT_TRANSLATE_NOOP("policy_diff",
                                                                              "its words or look-alikes"))]
                     if (a.terms, a.exclusions) != (b.terms, b.exclusions) else []),
                  lambda n: _q(n.label))
    out += _by_id("record", old.records, new.records,
                  lambda i, a, b: _reworded("record", i, "", a.label, b.label), lambda r: _q(r.label))
    out += _by_id("determination", old.determinations, new.determinations,
                  lambda i, a, b: _reworded("determination", i, "", a.label, b.label)
                  + _reworded("determination", i, QT_TRANSLATE_NOOP("policy_diff", "detail asked"), a.needs_detail,
                              b.needs_detail)
                  + _changed("determination", i, QT_TRANSLATE_NOOP("policy_diff", "an enforcement action"), a.action,
                             b.action),
                  lambda d: _q(d.label))
    out += _by_id("section", old.sections, new.sections,
                  lambda i, a, b: _reworded("section", i, "", a.title, b.title)
                  + _changed("section", i, QT_TRANSLATE_NOOP("policy_diff", "asked when"), ", ".join(a.asked_when),
                             ", ".join(b.asked_when)),
                  lambda s: _q(s.title))
    for key in sorted(set(old.wording) | set(new.wording)):
        a_word, b_word = old.wording.get(key, ""), new.wording.get(key, "")
        if a_word != b_word:
            change = "added" if not a_word else "removed" if not b_word else "reworded"
            out.append(Change("wording", key, change, _arrow(_q(a_word), _q(b_word)) if change == "reworded"
                              else _q(a_word or b_word)))
    return out


# ----- whether an answer keeps its meaning ---------------------------------------------------------------------


def same_category(old: Category | None, new: Category) -> bool:
    return old is not None and not _category(new.id, old, new)


def same_question(old: Question | None, new: Question) -> bool:
    if old is None:
        return False
    return (old.kind, old.label, old.help, [(o.id, o.label) for o in old.options]) == (
        new.kind, new.label, new.help, [(o.id, o.label) for o in new.options])


def same_factor(old: Factor | None, new: Factor) -> bool:
    return old is not None and (old.kind, old.label, old.help) == (new.kind, new.label, new.help)
