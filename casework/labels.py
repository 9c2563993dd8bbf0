"""Words shown to people for the domain's coded values (one place, used by the form, the CLI and the memo)."""

from __future__ import annotations

from casework.i18n import QT_TRANSLATE_NOOP
from casework.model import ApprehensionSite, AttentionSource, CaseStatus, Disposition, MannerOfEntry

LABELS: dict[object, str] = {
    CaseStatus.DRAFT: "Draft",
    CaseStatus.SUBMITTED: "Submitted",
    CaseStatus.CONCURRED: "Concurred",
    CaseStatus.RETURNED: "Returned",
    CaseStatus.NONCONCURRED: "Non-concurred",
    AttentionSource.UNSPECIFIED: "Not recorded",
    AttentionSource.LAW_ENFORCEMENT_REFERRAL: "Referral from a law-enforcement agency",
    AttentionSource.CUSTODY_TRANSFER: "Transfer from jail or prison custody",
    AttentionSource.BORDER_APPREHENSION: "Apprehension at or near the border",
    AttentionSource.PORT_OF_ENTRY: "Encounter at a port of entry",
    AttentionSource.DATABASE_RESULT: "Database result",
    AttentionSource.TIP_PUBLIC: "Tip from a member of the public",
    AttentionSource.TIP_EMPLOYER: "Tip from an employer",
    AttentionSource.TIP_LANDLORD: "Tip from a landlord",
    AttentionSource.PROTEST_OR_DEMONSTRATION: "At or connected to a protest or demonstration",
    AttentionSource.OTHER: "Other",
    MannerOfEntry.UNKNOWN: "Unknown",
    MannerOfEntry.INSPECTED_ADMITTED: "Inspected and admitted",
    MannerOfEntry.PAROLED: "Paroled",
    MannerOfEntry.WITHOUT_INSPECTION: "Entered without inspection",
    MannerOfEntry.VISA_OVERSTAY: "Admitted; overstayed",
    MannerOfEntry.OTHER: "Other",
    ApprehensionSite.UNKNOWN: "Not recorded",
    ApprehensionSite.BORDER_ATTEMPTING_ENTRY: "At the border, attempting to enter unlawfully",
    ApprehensionSite.PORT_OF_ENTRY_ATTEMPTING_ENTRY: "At a port of entry, attempting to enter unlawfully",
    ApprehensionSite.INTERIOR: "In the interior of the United States",
    Disposition.UNKNOWN: "Unknown",
    Disposition.PENDING: "Pending",
    Disposition.CONVICTED: "Convicted",
    Disposition.ACQUITTED: "Acquitted",
    Disposition.DISMISSED: "Dismissed",
    Disposition.VACATED: "Vacated",
    Disposition.EXPUNGED: "Expunged",
}


def label(value: object) -> str:
    return LABELS.get(value, str(value))


STATUS_WORDS: dict[CaseStatus, str] = {
    CaseStatus.DRAFT: QT_TRANSLATE_NOOP("labels", "draft"),
    CaseStatus.SUBMITTED: QT_TRANSLATE_NOOP("labels", "submitted"),
    CaseStatus.CONCURRED: QT_TRANSLATE_NOOP("labels", "concurred"),
    CaseStatus.RETURNED: QT_TRANSLATE_NOOP("labels", "returned"),
    CaseStatus.NONCONCURRED: QT_TRANSLATE_NOOP("labels", "non-concurred"),
}


def status_word(status: CaseStatus) -> str:
    """A status inside a sentence ("Case X is submitted"): lower case, and translatable (casework.i18n)."""
    return STATUS_WORDS.get(status, status.value)
