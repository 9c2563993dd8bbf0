"""A policy version, loaded from data: its categories and what each asks, factors, never-factors, wording.

Nothing about any one policy is written in code: the form, the checks and the memo are built from a `Policy`.
Each category declares its own questions (notes, a weighing, a current-threat conclusion, which conditions
are met…), whether it weighs factors, and its prongs — the facts that meet it, with a cutoff date and the
fact it compares. Labels and memo wording come from the file too. The file format is described in
resources/policies/README.md; casework.policy_reader reads it and refuses a bad file naming the file, the key
and the problem.

Each policy's `sha256` is over its canonical JSON, so an assessment can prove which exact text it was made
under. Re-encoding a file (a new format version) changes that hash without changing the policy: the file then
lists the hashes of its earlier encodings in `earlier_sha256`, and `accepts()` takes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from casework.errors import PolicyError
from casework.i18n import QT_TRANSLATE_NOOP, policy_text

FORMAT = "casefile.policy"
FORMAT_VERSION = 2

QUESTION_KINDS = ("text", "line", "choice", "multi", "date")
"""text: several lines; line: one line; choice: one option; multi: any of the options; date: YYYY-MM-DD."""

REQUIRED = ("always", "if_applies", "if_factors_present", "no")
"""When a question must be answered: always (while its category or section is asked), when its category is
found to apply, when any factor is found present, or never (optional)."""

ASKED_WHEN = ("always", "no_category_applies", "action")
"""When a policy-level section is asked: always, when no category is found to apply, when the determination is
an enforcement action; several conditions must all hold."""

WORDING_KEYS = (
    "finding.applies", "finding.does_not_apply", "finding.unknown",
    "form.intro", "form.categories", "form.never_factors", "form.attestation",
    "memo.subject", "memo.records", "memo.categories", "memo.determination", "memo.attestation_heading",
    "memo.attestation", "memo.policy",
)
"""Wording every policy file gives (in "wording"); "{never_factors}" is replaced by the never-factor labels."""

FACTOR_WORDING_KEYS = ("factor.present", "factor.absent", "factor.unknown", "memo.factors", "memo.weighing")
"""Wording a policy with factors gives as well."""


@dataclass(frozen=True, slots=True)
class Window:
    """A period [start, until) with a note; `until` is date.max for a period with no end."""

    start: date
    until: date
    note: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= day < self.until


@dataclass(frozen=True, slots=True)
class Cutoff:
    """A date that a fact of the case is compared with ("after" or "on_or_after")."""

    day: date
    comparison: str
    fact: str = "history.last_entry"
    review_on_the_day: bool = False
    """An exact date equal to the cutoff date needs the officer's review (as under the 2021 guidelines)."""
    review_note: str = ""


@dataclass(frozen=True, slots=True)
class FactTest:
    """A coded fact of the case (casework.facts) that must hold one of `values`."""

    fact: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Prong:
    """One way a category is met by the facts: every test and the cutoff (if any) must hold."""

    id: str
    label: str
    tests: tuple[FactTest, ...] = ()
    cutoff: Cutoff | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: str
    memo: str = ""
    """How the memo states this answer (the label when empty)."""
    contradicts: tuple[str, ...] = ()
    """Category findings this answer contradicts ("applies", "does_not_apply")."""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: str
    label: str
    help: str = ""
    required: str = "no"
    options: tuple[Option, ...] = ()
    prompt: str = ""
    """The open item's message while unanswered."""
    memo_label: str = ""

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def printed_label(self) -> str:
        return self.memo_label or self.label

    @property
    def open_message(self) -> str:
        return self.prompt or f"answer “{self.label}”"


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    condition: str
    weighs_factors: bool = False
    prongs: tuple[Prong, ...] = ()
    questions: tuple[Question, ...] = ()

    @property
    def cutoff(self) -> Cutoff | None:
        """The first cutoff of the category's prongs (the one the form's hint describes)."""
        return next((p.cutoff for p in self.prongs if p.cutoff is not None), None)


@dataclass(frozen=True, slots=True)
class Section:
    """Questions asked outside any category (for example a pre-approval when no category is met)."""

    id: str
    title: str
    help: str
    asked_when: tuple[str, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class FactorKind:
    id: str
    label: str
    title: str
    """Form heading: "Aggravating factors (weigh toward enforcement action)"."""
    memo_title: str
    others_allowed: bool = True


@dataclass(frozen=True, slots=True)
class Factor:
    id: str
    kind: str
    label: str
    help: str
    aliases: tuple[str, ...] = ()
    """Phrases that address this factor in a rationale, besides its label and id."""
    conflicts_with_dispositions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NeverFactor:
    """A never-factor and the words that suggest it, per language; `exclusions` are look-alikes that do not
    (a statute's name in a citation, "good faith")."""

    id: str
    label: str
    terms: dict[str, tuple[str, ...]]
    exclusions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordKind:
    id: str
    label: str
    insufficient_alone: bool = False


@dataclass(frozen=True, slots=True)
class Determination:
    id: str
    label: str
    needs_detail: str = ""
    action: bool = False
    """An enforcement action (for sections asked only when action is taken)."""


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    version: str
    title: str
    issuer: str
    signed: date
    effective: date
    in_force: tuple[Window, ...]
    principle: str
    categories: tuple[Category, ...]
    factors: tuple[Factor, ...]
    never_factors: tuple[str, ...]
    """The never-factors' labels, in order (the attestation names them)."""
    attention_flags: dict[str, str]
    records: tuple[RecordKind, ...]
    determinations: tuple[Determination, ...]
    requires_supervisor_concurrence: bool
    sha256: str
    not_in_force: tuple[Window, ...] = ()
    """Periods the policy did not apply, with the reason (enjoined, vacated, superseded, ended)."""
    factor_kinds: tuple[FactorKind, ...] = ()
    never_factor_rules: tuple[NeverFactor, ...] = ()
    sections: tuple[Section, ...] = ()
    wording: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    """What could not be verified against the policy's own text, and other remarks about the file."""
    earlier_sha256: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def accepts(self, sha256: str) -> bool:
        """Whether an assessment made under the text with this hash was made under this policy text."""
        return sha256 == self.sha256 or sha256 in self.earlier_sha256

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def factor(self, factor_id: str) -> Factor | None:
        return next((f for f in self.factors if f.id == factor_id), None)

    def factors_of(self, kind: str) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.kind == kind)

    def factor_kind(self, kind_id: str) -> FactorKind | None:
        return next((k for k in self.factor_kinds if k.id == kind_id), None)

    def determination(self, determination_id: str) -> Determination | None:
        return next((d for d in self.determinations if d.id == determination_id), None)

    def questions(self) -> tuple[Question, ...]:
        """Every question of the policy: each category's, then each section's."""
        return (tuple(q for c in self.categories for q in c.questions)
                + tuple(q for s in self.sections for q in s.questions))

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions() if q.id == question_id), None)

    def word(self, key: str) -> str:
        """The policy's own wording for `key` (see WORDING_KEYS), with the never-factors filled in."""
        return self.wording.get(key, "").replace("{never_factors}", ", ".join(self.never_factors))

    def window_for(self, day: date) -> Window | None:
        return next((w for w in self.in_force if w.contains(day)), None)

    def status_on(self, day: date) -> str:
        """'in force', or a sentence saying why not, for the banner and the memo."""
        if self.window_for(day):
            return QT_TRANSLATE_NOOP("casework", "in force")
        gap = next((w for w in self.not_in_force if w.contains(day)), None)
        if gap is not None:
            return QT_TRANSLATE_NOOP("casework", "not in force on {day}: {note}").format(day=day.isoformat(),
                                                                                       note=policy_text(gap.note))
        if day < self.effective:
            return QT_TRANSLATE_NOOP("casework", "not yet in force on {day} (effective {effective})").format(
                day=day.isoformat(), effective=self.effective.isoformat())
        return QT_TRANSLATE_NOOP("casework", "not in force on {day}").format(day=day.isoformat())

    def note_on(self, day: date) -> str:
        """The note of the in-force window holding `day` (a partial stay, say), for the banner; "" if none."""
        window = self.window_for(day)
        return window.note if window is not None else ""


def parse_policy(text: str | bytes, name: str) -> Policy:
    """Parse and check one policy document. `name` (usually the file name) prefixes every error."""
    from casework.policy_reader import read_policy

    return read_policy(text, name)


class PolicyLibrary:
    """Every policy version Casefile knows, by (id, version). Assessments keep the version they were made under."""

    def __init__(self, policies: list[Policy]) -> None:
        self._by_key = {p.key: p for p in policies}
        if not policies:
            raise PolicyError("no policy files found")

    @classmethod
    def bundled(cls) -> PolicyLibrary:
        """The policies shipped in resources/policies/ (one JSON file per version)."""
        from casework.policy_translation import is_translation_file

        found = []
        for entry in sorted(resources.files("resources.policies").iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json") and not is_translation_file(entry.name):  # ….es.json: a translation
                found.append(parse_policy(entry.read_bytes(), entry.name))
        return cls(found)

    def get(self, policy_id: str, version: str) -> Policy:
        try:
            return self._by_key[(policy_id, version)]
        except KeyError:
            raise PolicyError(
                f"policy {policy_id} version {version} is not known to this version of Casefile"
            ) from None

    def find(self, text: str) -> Policy:
        """A policy named on a command line: "ID@VERSION", a version, or an id (its newest version)."""
        if "@" in text:
            policy_id, _, version = text.partition("@")
            return self.get(policy_id, version)
        by_version = [p for p in self._by_key.values() if p.version == text]
        if len(by_version) == 1:
            return by_version[0]
        by_id = [p for p in self._by_key.values() if p.id == text]
        if by_id:
            return max(by_id, key=lambda p: (p.effective, p.version))
        known = ", ".join(f"{p.id}@{p.version}" for p in self.all())
        raise PolicyError(f"no policy {text!r} (known: {known})")

    def latest(self) -> Policy:
        """The newest version (by effective date) of any policy."""
        return max(self._by_key.values(), key=lambda p: (p.effective, p.version))

    def all(self) -> list[Policy]:
        """Every policy, oldest first."""
        return sorted(self._by_key.values(), key=lambda p: (p.effective, p.id, p.version))
