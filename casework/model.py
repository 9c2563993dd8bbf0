"""The case file: what an officer records about one person and one encounter.

Every class is a frozen dataclass so that a value handed to a widget, the store or the printer cannot change
under anyone's feet; edits make a new value with `dataclasses.replace`. Free text is kept exactly as typed
(any script, any length); rules about it live in `casework.validation`, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from casework.assessment import Assessment
from casework.dates import PartialDate


class CaseStatus(StrEnum):
    """Where the case stands in the officer → supervisor workflow."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    CONCURRED = "concurred"
    RETURNED = "returned"
    NONCONCURRED = "nonconcurred"


class Role(StrEnum):
    """What a profile may do: officers record and submit; supervisors also review other people's submissions."""

    OFFICER = "officer"
    SUPERVISOR = "supervisor"


class AttentionSource(StrEnum):
    """How the case came to the officer's attention."""

    UNSPECIFIED = ""
    LAW_ENFORCEMENT_REFERRAL = "law_enforcement_referral"
    CUSTODY_TRANSFER = "custody_transfer"
    BORDER_APPREHENSION = "border_apprehension"
    PORT_OF_ENTRY = "port_of_entry"
    DATABASE_RESULT = "database_result"
    TIP_PUBLIC = "tip_public"
    TIP_EMPLOYER = "tip_employer"
    TIP_LANDLORD = "tip_landlord"
    PROTEST_OR_DEMONSTRATION = "protest_or_demonstration"
    OTHER = "other"


class MannerOfEntry(StrEnum):
    UNKNOWN = ""
    INSPECTED_ADMITTED = "inspected_admitted"
    PAROLED = "paroled"
    WITHOUT_INSPECTION = "without_inspection"
    VISA_OVERSTAY = "visa_overstay"
    OTHER = "other"


class ApprehensionSite(StrEnum):
    UNKNOWN = ""
    BORDER_ATTEMPTING_ENTRY = "border_attempting_entry"
    PORT_OF_ENTRY_ATTEMPTING_ENTRY = "port_of_entry_attempting_entry"
    INTERIOR = "interior"


class Disposition(StrEnum):
    UNKNOWN = ""
    PENDING = "pending"
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    DISMISSED = "dismissed"
    VACATED = "vacated"
    EXPUNGED = "expunged"


@dataclass(frozen=True, slots=True)
class Officer:
    name: str = ""
    officer_id: str = ""
    office: str = ""


@dataclass(frozen=True, slots=True)
class IdentityDocument:
    kind: str = ""
    number: str = ""
    issuing_country: str = ""
    expires: PartialDate = PartialDate()
    id: str = ""
    """Stable id of this list item (casework.ids), so that a later merge can tell items apart."""


@dataclass(frozen=True, slots=True)
class Subject:
    family_name: str = ""
    given_names: str = ""
    aliases: tuple[str, ...] = ()
    date_of_birth: PartialDate = PartialDate()
    a_number: str = ""
    country_of_citizenship: str = ""
    """A record fact for identification only; never a factor in the assessment."""
    documents: tuple[IdentityDocument, ...] = ()

    @property
    def display_name(self) -> str:
        if self.family_name and self.given_names:
            return f"{self.family_name}, {self.given_names}"
        return self.family_name or self.given_names


@dataclass(frozen=True, slots=True)
class Encounter:
    occurred_at: datetime | None = None
    place: str = ""
    attention_source: AttentionSource = AttentionSource.UNSPECIFIED
    attention_detail: str = ""


@dataclass(frozen=True, slots=True)
class ImmigrationHistory:
    last_entry: PartialDate = PartialDate()
    manner_of_entry: MannerOfEntry = MannerOfEntry.UNKNOWN
    place_of_entry: str = ""
    apprehension_site: ApprehensionSite = ApprehensionSite.UNKNOWN
    apprehension_place: str = ""


@dataclass(frozen=True, slots=True)
class Offense:
    charge: str = ""
    statute: str = ""
    jurisdiction: str = ""
    arrest_date: PartialDate = PartialDate()
    conviction_date: PartialDate = PartialDate()
    disposition: Disposition = Disposition.UNKNOWN
    sentence: str = ""
    id: str = ""
    """Stable id of this list item (casework.ids)."""


@dataclass(frozen=True, slots=True)
class FamilyTie:
    name: str = ""
    relationship: str = ""
    status_in_us: str = ""
    notes: str = ""
    id: str = ""
    """Stable id of this list item (casework.ids)."""


@dataclass(frozen=True, slots=True)
class Attachment:
    """A reference to a photo, scan or PDF kept in the encrypted store (casework.attachments).

    The content itself is not in the case body: it is stored once, by its SHA-256, however many cases or
    revisions cite it. The reference is part of the sealed record, so a memo names exactly which bytes were
    exhibits. `file_name` is the name as given (NFC; any characters); `media_type` was sniffed from the content.
    """

    sha256: str
    file_name: str
    media_type: str
    size: int
    added_at: datetime | None = None
    caption: str = ""
    id: str = ""
    """Stable id of this list item (casework.ids)."""


@dataclass(frozen=True, slots=True)
class CaseFile:
    """One case: identity, encounter, history, offenses, ties and notes.

    `id` is the stable identity used by the store and (later) office sync; `case_number` is what people read
    and write on paper. `revision` counts committed saves and is printed on every memo page.
    """

    id: str
    case_number: str
    officer: Officer = Officer()
    status: CaseStatus = CaseStatus.DRAFT
    created_at: datetime | None = None
    updated_at: datetime | None = None
    revision: int = 0
    subject: Subject = Subject()
    encounter: Encounter = Encounter()
    history: ImmigrationHistory = ImmigrationHistory()
    offenses: tuple[Offense, ...] = ()
    family: tuple[FamilyTie, ...] = ()
    other_ties: str = ""
    notes: str = ""
    assessment: Assessment | None = None
    attachments: tuple[Attachment, ...] = ()
    """Exhibits: added and removed only through the store (CaseStore.add_attachment), never by an edit."""


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """The few columns the case list shows; read without decoding whole case files."""

    id: str
    case_number: str
    family_name: str
    given_names: str
    aliases: tuple[str, ...]
    a_number: str
    status: CaseStatus
    updated_at: datetime | None
    revision: int
    search_text: str = ""
    """Folded names, aliases, A-number and case number (casework.search.haystack); computed when empty."""

    @property
    def display_name(self) -> str:
        if self.family_name and self.given_names:
            return f"{self.family_name}, {self.given_names}"
        return self.family_name or self.given_names


def summary_of(case: CaseFile) -> CaseSummary:
    s = case.subject
    return CaseSummary(case.id, case.case_number, s.family_name, s.given_names, s.aliases, s.a_number,
                       case.status, case.updated_at, case.revision)
