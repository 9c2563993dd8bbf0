import json
from datetime import UTC, datetime
from importlib import resources

import jsonschema
import pytest

from casework.exchange import ExchangeError, case_schema, dump_case, load_case
from casework.samples import demo_cases


def test_round_trip_keeps_every_field():
    for case in demo_cases():
        assert load_case(dump_case(case)) == case


def test_export_validates_against_the_published_schema():
    schema = case_schema()
    for case in demo_cases():
        jsonschema.validate(json.loads(dump_case(case)), schema)


def test_published_schema_file_matches_the_code():
    published = json.loads(resources.files("resources.schema").joinpath("case-v3.schema.json").read_text())
    assert published == case_schema(), "regenerate with: casefile schema > resources/schema/case-v3.schema.json"


def test_id_and_number_may_be_left_out_by_other_systems():
    case = load_case('{"format": "casefile.case", "format_version": 1, "case": {"subject": {"family_name": "X"}}}')
    assert case.id == "" and case.case_number == "" and case.subject.family_name == "X"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('{"format": "other"}', "not a Casefile case"),
        ('{"format": "casefile.case", "format_version": 9, "case": {}}', "format_version 9 is not supported"),
        ('{"format": "casefile.case", "format_version": 1, "case": {"subject": {"nickname": "x"}}}',
         "case.subject.nickname: is not a known field"),
        ('{"format": "casefile.case", "format_version": 1, "case": {"subject": {"date_of_birth": "1990-13"}}}',
         "case.subject.date_of_birth: '1990-13': month 13 does not exist"),
        ('{"format": "casefile.case", "format_version": 1, "case": {"status": "closed"}}',
         "case.status: 'closed' is not one of"),
        ('{"format": "casefile.case", "format_version": 1, "case": {"revision": "2"}}',
         "case.revision: expected a whole number"),
    ],
)
def test_bad_documents_say_what_is_wrong(text, message):
    with pytest.raises(ExchangeError, match=None) as info:
        load_case(text)
    assert message in str(info.value)


def test_datetimes_survive_with_their_zone():
    case = demo_cases()[0]
    assert load_case(dump_case(case)).encounter.occurred_at == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
