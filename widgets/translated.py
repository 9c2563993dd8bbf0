"""casework's words for coded values (casework.labels) in the window's language.

casework never imports Qt, so its English labels are listed here for pyside6-lupdate (context "casework") and
translated where the window shows them; the command line and the memo keep casework.labels' English.
tests/desktop/test_i18n.py fails when a label is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from casework import labels
from casework.i18n import render

LABEL_TEXTS = (
    QT_TRANSLATE_NOOP("casework", "Draft"),
    QT_TRANSLATE_NOOP("casework", "Submitted"),
    QT_TRANSLATE_NOOP("casework", "Concurred"),
    QT_TRANSLATE_NOOP("casework", "Returned"),
    QT_TRANSLATE_NOOP("casework", "Non-concurred"),
    QT_TRANSLATE_NOOP("casework", "Not recorded"),
    QT_TRANSLATE_NOOP("casework", "Referral from a law-enforcement agency"),
    QT_TRANSLATE_NOOP("casework", "Transfer from jail or prison custody"),
    QT_TRANSLATE_NOOP("casework", "Apprehension at or near the border"),
    QT_TRANSLATE_NOOP("casework", "Encounter at a port of entry"),
    QT_TRANSLATE_NOOP("casework", "Database result"),
    QT_TRANSLATE_NOOP("casework", "Tip from a member of the public"),
    QT_TRANSLATE_NOOP("casework", "Tip from an employer"),
    QT_TRANSLATE_NOOP("casework", "Tip from a landlord"),
    QT_TRANSLATE_NOOP("casework", "At or connected to a protest or demonstration"),
    QT_TRANSLATE_NOOP("casework", "Other"),
    QT_TRANSLATE_NOOP("casework", "Unknown"),
    QT_TRANSLATE_NOOP("casework", "Inspected and admitted"),
    QT_TRANSLATE_NOOP("casework", "Paroled"),
    QT_TRANSLATE_NOOP("casework", "Entered without inspection"),
    QT_TRANSLATE_NOOP("casework", "Admitted; overstayed"),
    QT_TRANSLATE_NOOP("casework", "At the border, attempting to enter unlawfully"),
    QT_TRANSLATE_NOOP("casework", "At a port of entry, attempting to enter unlawfully"),
    QT_TRANSLATE_NOOP("casework", "In the interior of the United States"),
    QT_TRANSLATE_NOOP("casework", "Pending"),
    QT_TRANSLATE_NOOP("casework", "Convicted"),
    QT_TRANSLATE_NOOP("casework", "Acquitted"),
    QT_TRANSLATE_NOOP("casework", "Dismissed"),
    QT_TRANSLATE_NOOP("casework", "Vacated"),
    QT_TRANSLATE_NOOP("casework", "Expunged"),
)


def label(value: object) -> str:
    """casework.labels.label(value), translated."""
    return QCoreApplication.translate("casework", labels.label(value))  # noop-translated


def translated(context: str, text: str) -> str:
    """`text` (an English constant marked with QT_TRANSLATE_NOOP(context, …) where it is defined) in the window's
    language."""
    return QCoreApplication.translate(context, text)  # noop-translated


def tr_message(text: object) -> str:
    """A message written in casework or storage (casework.i18n.Message: a check's item, a field's error, a
    refused passphrase) in the window's language, the policy's own words in it from the policy's translation;
    plain text as it is; its numbers (a size) as the window's locale writes them. The English stays what is
    stored."""
    return render(text, QCoreApplication.translate, locale_number)


def locale_number(value: float, decimals: int = 0) -> str:
    """A number the window's way (QLocale's default, set with the language by desktop.i18n): "25,0", "26.214.401"
    in Spanish (Spain), "25.0", "26,214,401" in English."""
    return QLocale().toString(float(value), "f", decimals)
