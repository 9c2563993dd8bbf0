"""Clearly fictional sample cases for `casefile demo`, training, screenshots and benchmarks.

Every name is marked as a sample and every A-number starts A000, a range no real file uses. The names cover
several scripts on purpose, so the demo shows (and the benchmarks exercise) accented, Cyrillic, Greek, Arabic
and Hebrew text.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from casework.dates import PartialDate
from casework.model import (
    ApprehensionSite,
    AttentionSource,
    CaseFile,
    Disposition,
    Encounter,
    FamilyTie,
    IdentityDocument,
    ImmigrationHistory,
    MannerOfEntry,
    Offense,
    Subject,
)

DEMO_OFFICER_NAME = "Demo Officer"
DEMO_OFFICER_ID = "DEMO01"
DEMO_OFFICE = "Training Field Office (fictional)"

_PEOPLE = [
    ("Sample-Núñez", "María José", ("Majo Sample",), "1987-03-14", "Mexico"),
    ("Образцова", "Анна", ("Anna Obraztsova",), "1979-11", "Russia"),
    ("Δείγμα", "Ελένη", ("Eleni Deigma",), "1992", "Greece"),
    ("مثال", "سمير", ("Samir Mithal",), "1984-06-02", "Jordan"),
    ("דוגמה", "דוד", ("David Dugma",), "1990-01-20", "Israel"),
    ("Exampleton", "Jean-François", (), "1975-08-30", "Haiti"),
    ("Testová", "Zuzana", ("Zuzka",), "2001-02-11", "Czechia"),
    ("Nguyễn Mẫu", "Thị Lan", (), "1969", "Vietnam"),
]


def demo_cases() -> list[CaseFile]:
    """The handful of cases `casefile demo` opens with (ids and numbers are assigned by the store)."""
    return [_case(i, *p) for i, p in enumerate(_PEOPLE)]


def _case(i: int, family: str, given: str, aliases: tuple[str, ...], dob: str, country: str) -> CaseFile:
    offenses: tuple[Offense, ...] = ()
    if i % 3 == 0:
        offenses = (
            Offense(
                charge="Driving under the influence (sample)",
                statute="Veh. Code § 23152 (sample)",
                jurisdiction="Sample County, CA",
                arrest_date=PartialDate("2019-05-04"),
                conviction_date=PartialDate("2019-09-12"),
                disposition=Disposition.CONVICTED,
                sentence="3 years probation",
            ),
        )
    if i % 4 == 1:
        offenses += (
            Offense(
                charge="Petty theft (sample)",
                jurisdiction="Sample City",
                arrest_date=PartialDate("2012-02"),
                disposition=Disposition.VACATED,
            ),
        )
    return CaseFile(
        id="",
        case_number="",
        subject=Subject(
            family_name=family,
            given_names=given,
            aliases=aliases,
            date_of_birth=PartialDate(dob),
            a_number=f"A000{i + 1:06d}",
            country_of_citizenship=country,
            documents=(IdentityDocument("Passport", f"SAMPLE{i:04d}", country, PartialDate("2030-01-01")),),
        ),
        encounter=Encounter(
            occurred_at=datetime(2026, 11, 2 + i, 9, 30, tzinfo=UTC),
            place="Sample Street 1, Training City (fictional)",
            attention_source=list(AttentionSource)[1 + i % (len(AttentionSource) - 1)],
            attention_detail="Fictional training scenario.",
        ),
        history=ImmigrationHistory(
            last_entry=PartialDate(["2020-10-31", "2020-11-01", "2020-11", "2021-03-15", "2015", ""][i % 6]),
            manner_of_entry=MannerOfEntry.WITHOUT_INSPECTION if i % 2 else MannerOfEntry.VISA_OVERSTAY,
            apprehension_site=ApprehensionSite.INTERIOR,
        ),
        offenses=offenses,
        family=(FamilyTie("Sample Child", "Daughter", "U.S. citizen", "Attends school (fictional)"),) if i % 2 else (),
        notes="FICTIONAL SAMPLE CASE for training and demonstration. Not a real person.",
    )


def generated_cases(count: int, seed: int = 1) -> list[CaseFile]:
    """`count` varied fictional cases for benchmarks (deterministic for a seed)."""
    rng = random.Random(seed)
    base = demo_cases()
    out = []
    for n in range(count):
        c = base[n % len(base)]
        s = c.subject
        out.append(
            CaseFile(
                id=f"{n:032x}",
                case_number=f"CF-2026-BENCH-{n:06d}",
                subject=Subject(
                    family_name=f"{s.family_name}{rng.randint(1, 99999)}",
                    given_names=s.given_names,
                    aliases=s.aliases,
                    date_of_birth=s.date_of_birth,
                    a_number=f"A{rng.randint(0, 999_999_999):09d}",
                    country_of_citizenship=s.country_of_citizenship,
                    documents=s.documents,
                ),
                encounter=c.encounter,
                history=c.history,
                offenses=c.offenses,
                family=c.family,
                notes=c.notes,
            )
        )
    return out
