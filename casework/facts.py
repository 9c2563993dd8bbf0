"""The facts of a case a policy file may test, by name: "history.last_entry", "history.apprehension_site"…

A policy's prongs and cutoffs say which fact they compare ("apprehended at the border while attempting to
enter" is `history.apprehension_site` in {border_attempting_entry, port_of_entry_attempting_entry}); this
module is the one list of such facts, with the words that name them in an item and the values they can take,
so a policy file that names an unknown fact or value is refused when it is read, never half-applied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from casework.dates import DatePrecision, PartialDate
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.labels import label
from casework.model import ApprehensionSite, AttentionSource, CaseFile, MannerOfEntry


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact: what it is called in an item, how to read it from a case, and (for coded facts) its values."""

    name: Message
    read: Callable[[CaseFile], object]
    values: type[StrEnum] | None = None
    """The enum of a coded fact; None for a date."""

    def is_date(self) -> bool:
        return self.values is None

    def date_of(self, case: CaseFile) -> PartialDate:
        value = self.read(case)
        return value if isinstance(value, PartialDate) else PartialDate()

    def code_of(self, case: CaseFile) -> str:
        """The coded value ("" when not recorded)."""
        value = self.read(case)
        return value.value if isinstance(value, StrEnum) else ""

    def describe(self, case: CaseFile) -> Message:
        """The fact as the item names it: "where apprehended: In the interior of the United States"."""
        value = self.read(case)
        shown: Message
        if isinstance(value, PartialDate):
            shown = QT_TRANSLATE_NOOP("checks", "{date} ({precision} date)").format(
                date=value.text, precision=precision_word(value)) if value.text else NOT_RECORDED
        else:
            shown = Message("casework", label(value))  # the label, as the window's catalogue translates it
        return QT_TRANSLATE_NOOP("checks", "{fact}: {value}").format(fact=self.name, value=shown)


NOT_RECORDED = QT_TRANSLATE_NOOP("checks", "not recorded")
PRECISION_WORDS = {
    DatePrecision.EXACT: QT_TRANSLATE_NOOP("checks", "exact"),
    DatePrecision.MONTH: QT_TRANSLATE_NOOP("checks", "month"),
    DatePrecision.YEAR: QT_TRANSLATE_NOOP("checks", "year"),
    DatePrecision.UNKNOWN: QT_TRANSLATE_NOOP("checks", "unknown"),
}


def precision_word(value: PartialDate) -> Message:
    """How precise a date is, in a word ("month" for 2020-11), to be translated where it is shown."""
    return PRECISION_WORDS[value.precision]


def _encounter_day(case: CaseFile) -> PartialDate:
    at = case.encounter.occurred_at
    return PartialDate.of(at.date()) if at is not None else PartialDate()


FACTS: dict[str, Fact] = {
    "history.last_entry": Fact(QT_TRANSLATE_NOOP("checks", "last entry"), lambda c: c.history.last_entry),
    "history.apprehension_site": Fact(QT_TRANSLATE_NOOP("checks", "where apprehended"),
                                      lambda c: c.history.apprehension_site, ApprehensionSite),
    "history.manner_of_entry": Fact(QT_TRANSLATE_NOOP("checks", "manner of entry"),
                                    lambda c: c.history.manner_of_entry, MannerOfEntry),
    "encounter.occurred_at": Fact(QT_TRANSLATE_NOOP("checks", "encounter date"), _encounter_day),
    "encounter.attention_source": Fact(QT_TRANSLATE_NOOP("checks", "how the case came to attention"),
                                       lambda c: c.encounter.attention_source, AttentionSource),
}
"""Every fact a policy file may name, by its path in the case file."""
