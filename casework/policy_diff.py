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

    def __str__(self) -> str:
        return f"{self.area} {self.id} {self.change}" + (f": {self.detail}" if self.detail else "")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


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


def _reworded(area: str, ident: str, what: str, old: str, new: str) -> list[Change]:
    if old == new:
        return []
    return [Change(area, ident, "reworded", f"{what} {_q(old)} → {_q(new)}" if what else f"{_q(old)} → {_q(new)}")]


def _changed(area: str, ident: str, what: str, old: object, new: object) -> list[Change]:
    return [] if old == new else [Change(area, ident, "changed", f"{what}: {old} → {new}")]


def cutoff_words(cut: Cutoff | None) -> str:
    if cut is None:
        return "none"
    review = ", the day itself reviewed" if cut.review_on_the_day else ""
    return f"{FACTS[cut.fact].name} {comparison_words(cut.comparison)} {cut.day.isoformat()}{review}"


def _prong(ident: str, old: Prong, new: Prong) -> list[Change]:
    out = _reworded("prong", ident, "", old.label, new.label)
    if old.tests != new.tests:
        def words(p: Prong) -> str:
            return "; ".join(f"{FACTS[t.fact].name} in {', '.join(t.values)}" for t in p.tests) or "none"
        out.append(Change("prong", ident, "changed", f"facts: {words(old)} → {words(new)}"))
    if old.cutoff != new.cutoff:
        out.append(Change("cutoff", ident, "changed", f"{cutoff_words(old.cutoff)} → {cutoff_words(new.cutoff)}"))
    return out


def _question(ident: str, old: Question, new: Question) -> list[Change]:
    out = _reworded("question", ident, "", old.label, new.label) + _reworded("question", ident, "help", old.help,
                                                                              new.help)
    out += _changed("question", ident, "kind", old.kind, new.kind)
    out += _changed("question", ident, "required", old.required, new.required)
    out += _by_id("option", old.options, new.options,
                  lambda i, a, b: _reworded("option", i, "", a.label, b.label)
                  + _changed("option", i, "contradicts", ", ".join(a.contradicts) or "nothing",
                             ", ".join(b.contradicts) or "nothing"),
                  lambda o: _q(o.label), prefix=f"{ident}/")
    return out


def _category(ident: str, old: Category, new: Category) -> list[Change]:
    out = _reworded("category", ident, "", old.label, new.label)
    out += _reworded("category", ident, "condition", old.condition, new.condition)
    out += _changed("category", ident, "weighs factors", old.weighs_factors, new.weighs_factors)
    out += _by_id("prong", old.prongs, new.prongs, _prong, lambda p: _q(p.label), prefix=f"{ident}/")
    if {p.id for p in old.prongs} != {p.id for p in new.prongs}:
        def cutoffs(c: Category) -> str:
            return "; ".join(cutoff_words(p.cutoff) for p in c.prongs if p.cutoff is not None) or "none"
        if cutoffs(old) != cutoffs(new):
            out.append(Change("cutoff", ident, "changed", f"{cutoffs(old)} → {cutoffs(new)}"))
    return out


def _factor(ident: str, old: Factor, new: Factor) -> list[Change]:
    out = _reworded("factor", ident, "", old.label, new.label) + _reworded("factor", ident, "help", old.help,
                                                                            new.help)
    out += _changed("factor", ident, "kind", old.kind, new.kind)
    if set(old.aliases) != set(new.aliases):
        added, removed = sorted(set(new.aliases) - set(old.aliases)), sorted(set(old.aliases) - set(new.aliases))
        detail = "; ".join(x for x in (f"added {', '.join(map(_q, added))}" if added else "",
                                       f"removed {', '.join(map(_q, removed))}" if removed else "") if x)
        out.append(Change("factor", ident, "changed", f"phrases that address it: {detail}"))
    out += _changed("factor", ident, "conflicts with dispositions", ", ".join(old.conflicts_with_dispositions) or
                    "none", ", ".join(new.conflicts_with_dispositions) or "none")
    return out


def _windows(old: Iterable[Window], new: Iterable[Window]) -> str:
    def one(w: Window) -> str:
        return f"{w.start.isoformat()}–{'' if w.until.year == 9999 else w.until.isoformat()}"
    return f"{', '.join(map(one, old)) or 'none'} → {', '.join(map(one, new)) or 'none'}"


def diff(old: Policy, new: Policy) -> list[Change]:
    """Every difference from `old` to `new`, categories first, then questions, factors and the rest."""
    out: list[Change] = []
    for what, a, b in (("title", old.title, new.title), ("issuer", old.issuer, new.issuer),
                       ("principle", old.principle, new.principle)):
        out += _reworded("policy", what, "", a, b)
    out += _changed("policy", "effective", "date", old.effective, new.effective)
    out += _changed("policy", "supervisor concurrence", "required", old.requires_supervisor_concurrence,
                    new.requires_supervisor_concurrence)
    if old.in_force != new.in_force:
        out.append(Change("windows", "in force", "changed", _windows(old.in_force, new.in_force)))
    if old.not_in_force != new.not_in_force:
        out.append(Change("windows", "not in force", "changed", _windows(old.not_in_force, new.not_in_force)))
    out += _by_id("category", old.categories, new.categories, _category, lambda c: _q(c.label))
    out += _by_id("question", old.questions(), new.questions(), _question, lambda q: _q(q.label))
    out += _by_id("factor kind", old.factor_kinds, new.factor_kinds,
                  lambda i, a, b: _reworded("factor kind", i, "", a.title, b.title)
                  + _changed("factor kind", i, "other factors allowed", a.others_allowed, b.others_allowed),
                  lambda k: _q(k.title))
    out += _by_id("factor", old.factors, new.factors, _factor, lambda f: _q(f.label))
    out += _by_id("never-factor", old.never_factor_rules, new.never_factor_rules,
                  lambda i, a, b: _reworded("never-factor", i, "", a.label, b.label)
                  + ([Change("never-factor", i, "changed", "its words or look-alikes")]
                     if (a.terms, a.exclusions) != (b.terms, b.exclusions) else []),
                  lambda n: _q(n.label))
    out += _by_id("record", old.records, new.records,
                  lambda i, a, b: _reworded("record", i, "", a.label, b.label), lambda r: _q(r.label))
    out += _by_id("determination", old.determinations, new.determinations,
                  lambda i, a, b: _reworded("determination", i, "", a.label, b.label)
                  + _reworded("determination", i, "detail asked", a.needs_detail, b.needs_detail)
                  + _changed("determination", i, "an enforcement action", a.action, b.action),
                  lambda d: _q(d.label))
    out += _by_id("section", old.sections, new.sections,
                  lambda i, a, b: _reworded("section", i, "", a.title, b.title)
                  + _changed("section", i, "asked when", ", ".join(a.asked_when), ", ".join(b.asked_when)),
                  lambda s: _q(s.title))
    for key in sorted(set(old.wording) | set(new.wording)):
        a_word, b_word = old.wording.get(key, ""), new.wording.get(key, "")
        if a_word != b_word:
            change = "added" if not a_word else "removed" if not b_word else "reworded"
            out.append(Change("wording", key, change, f"{_q(a_word)} → {_q(b_word)}" if change == "reworded"
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
