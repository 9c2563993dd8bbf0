"""Assessments made under the format-1 encoding of the 2021 guidelines keep working after the re-encoding:
tested on the frozen v0005 store, which holds a concurred assessment made under the old file."""

from __future__ import annotations

import shutil
from pathlib import Path

from casework.checks import ItemKind, review_items
from storage.store import CaseStore
from tests.casework.assessing import BUNDLED
from tests.casework.test_policy import OLD_FORMAT_SHA
from tests.fixtures.make_db_fixtures import TEST_PASSPHRASE

V0005 = Path(__file__).parents[1] / "fixtures" / "db" / "v0005"


def test_the_concurred_fixture_assessment_is_not_a_text_differs_contradiction(tmp_path):
    folder = tmp_path / "v0005"
    shutil.copytree(V0005, folder)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        case = store.find_case("CF-2026-FX1-0002")
    a = case.assessment
    assert a is not None and a.policy_sha256 == OLD_FORMAT_SHA
    policy = BUNDLED.get(a.policy_id, a.policy_version)
    assert policy.sha256 != OLD_FORMAT_SHA
    items = review_items(case, policy)
    assert not [i for i in items if i.field == "assessment.policy"]
    assert not [i for i in items if i.kind is ItemKind.CONTRADICTION]
    # what the old file's assessment said is read through the new questions
    assert a.answer("border_notes").value == "Entered before the cutoff (fixture)."
    assert a.answer("weighing").value == "Weighed as a whole (fixture)."
