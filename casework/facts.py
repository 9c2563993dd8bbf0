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

from casework.dates import PartialDate
from casework.labels import label
from casework.model import ApprehensionSite, AttentionSource, CaseFile, MannerOfEntry


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact: what it is called in an item, how to read it from a case, and (for coded facts) its values."""

    name: str
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

    def describe(self, case: CaseFile) -> str:
        """The fact as the item names it: "where apprehended: In the interior of the United States"."""
        value = self.read(case)
        if isinstance(value, PartialDate):
            shown = f"{value} ({value.precision.value} date)" if value.text else "not recorded"
        else:
            shown = label(value)
        return f"{self.name}: {shown}"


def _encounter_day(case: CaseFile) -> PartialDate:
    at = case.encounter.occurred_at
    return PartialDate.of(at.date()) if at is not None else PartialDate()


FACTS: dict[str, Fact] = {
    "history.last_entry": Fact("last entry", lambda c: c.history.last_entry),
    "history.apprehension_site": Fact("where apprehended", lambda c: c.history.apprehension_site, ApprehensionSite),
    "history.manner_of_entry": Fact("manner of entry", lambda c: c.history.manner_of_entry, MannerOfEntry),
    "encounter.occurred_at": Fact("encounter date", _encounter_day),
    "encounter.attention_source": Fact("how the case came to attention", lambda c: c.encounter.attention_source,
                                       AttentionSource),
}
"""Every fact a policy file may name, by its path in the case file."""
