"""The encounter date picks the policy a new assessment starts under; with none in force, the officer chooses."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from casework.model import CaseFile, Encounter
from casework.policy_choice import propose_for, propose_policy
from tests.casework.assessing import BUNDLED as LIBRARY
from tests.casework.assessing import GUIDELINES, INTERIM


@pytest.mark.parametrize(("day", "proposed"), [
    (date(2021, 2, 18), INTERIM), (date(2021, 10, 1), INTERIM), (date(2021, 11, 28), INTERIM),
    (date(2021, 11, 29), GUIDELINES), (date(2021, 12, 1), GUIDELINES), (date(2024, 5, 1), GUIDELINES),
    (date(2025, 1, 19), GUIDELINES),
    (date(2021, 2, 17), None), (date(2021, 9, 1), None), (date(2022, 12, 1), None), (date(2025, 1, 20), None),
    (date(2025, 2, 1), None),
])
def test_the_policy_in_force_on_the_encounter_date(day, proposed):
    proposal = propose_policy(LIBRARY, day)
    assert (proposal.policy.key if proposal.policy else None) == (proposed.key if proposed else None)


def test_the_reason_says_why():
    assert propose_policy(LIBRARY, date(2021, 12, 1)).reason == (
        "Guidelines for the Enforcement of Civil Immigration Law (2021-09-30) was in force on 2021-12-01, the date "
        "of the encounter.")
    interim = propose_policy(LIBRARY, date(2021, 10, 1)).reason
    assert interim.startswith("Interim Guidance: Civil Immigration Enforcement and Removal Priorities (2021-02-18) "
                              "was in force on 2021-10-01") and "Partial stay" in interim
    after = propose_policy(LIBRARY, date(2025, 2, 1)).reason
    assert after.startswith("No policy Casefile knows was in force on 2025-02-01, the date of the encounter")
    assert "ended by the executive orders of 20 Jan 2025" in after
    assert after.endswith("Choose the policy to assess under.")
    enjoined = propose_policy(LIBRARY, date(2021, 9, 1)).reason
    assert "enjoined" in enjoined


def test_a_case_without_an_encounter_date_gets_no_proposal():
    proposal = propose_for(LIBRARY, CaseFile(id="c", case_number="x"))
    assert proposal.policy is None and "encounter date is not recorded" in proposal.reason


def test_a_case_s_encounter_date_is_used():
    case = CaseFile(id="c", case_number="x", encounter=Encounter(occurred_at=datetime(2021, 10, 1, 9, tzinfo=UTC)))
    assert propose_for(LIBRARY, case).policy is INTERIM
