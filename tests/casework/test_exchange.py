import json
from datetime import UTC, datetime
from importlib import resources

import jsonschema
import pytest

from casework.exchange import FORMAT_VERSION, ExchangeError, case_schema, dump_case, load_case
from casework.samples import demo_cases


def test_round_trip_keeps_every_field():
    for case in demo_cases():
        assert load_case(dump_case(case)) == case


def test_export_validates_against_the_published_schema():
    schema = case_schema()
    for case in demo_cases():
        jsonschema.validate(json.loads(dump_case(case)), schema)


def test_published_schema_file_matches_the_code():
    name = f"case-v{FORMAT_VERSION}.schema.json"
    published = json.loads(resources.files("resources.schema").joinpath(name).read_text())
    assert published == case_schema(), f"regenerate with: casefile schema > resources/schema/{name}"


def test_answers_acknowledgements_and_a_reassessment_survive_the_round_trip():
    from dataclasses import replace

    from casework.assessment import Acknowledgement, Answer, Mark, Reassessment
    from tests.casework.test_checks import complete_case

    case = complete_case()
    a = replace(case.assessment, answers=(Answer("public_safety_conditions", values=("a", "b")),
                                          Answer("justification", "Because.")),
                acknowledgements=(Acknowledgement("never-factor:assessment.rationale:religion", "Only a citation."),),
                reassessed_from=Reassessment("x", "1", "0" * 64, None, (Mark("assessment.x", "changed", "y"),)))
    case = replace(case, assessment=a)
    assert load_case(dump_case(case)) == case
    jsonschema.validate(json.loads(dump_case(case)), case_schema())


@pytest.mark.parametrize("key", ["answers", "acknowledgements", "reassessed_from"])
@pytest.mark.parametrize("version", [2, 3])
def test_what_version_4_added_is_refused_in_an_older_file_by_name(key, version):
    doc = json.loads(dump_case(__import__("tests.casework.test_checks", fromlist=["x"]).complete_case()))
    doc["format_version"] = version
    for other in ("answers", "acknowledgements", "reassessed_from"):
        doc["case"]["assessment"].pop(other)
    doc["case"]["assessment"][key] = [] if key != "reassessed_from" else None
    with pytest.raises(ExchangeError) as info:
        load_case(json.dumps(doc))
    assert str(info.value) == f"case.assessment.{key}: is not part of format_version {version} (use 4)"


def test_a_version_3_file_reads_as_before():
    doc = json.loads(dump_case(__import__("tests.casework.test_checks", fromlist=["x"]).complete_case()))
    doc["format_version"] = 3
    for key in ("answers", "acknowledgements", "reassessed_from"):
        doc["case"]["assessment"].pop(key)
    assert load_case(json.dumps(doc)).assessment.answers == ()


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


# ----- attachments (format version 5) -------------------------------------------------------------------------

def _with_attachment():
    from casework.attachments import sha256_hex
    from casework.model import Attachment, CaseFile
    from tests import attachment_files

    data = attachment_files.jpeg("exchange")
    item = Attachment(sha256_hex(data), "‮gpj.exe Фото.jpg", "image/jpeg", len(data),
                      datetime(2026, 11, 1, tzinfo=UTC), "front", "a" * 32)
    return CaseFile(id="c" * 32, case_number="CF-1", attachments=(item,)), data


def test_attachments_travel_with_the_case_and_are_checked():
    from casework.exchange import load_exchange

    case, data = _with_attachment()
    text = dump_case(case, {case.attachments[0].sha256: data})
    jsonschema.validate(json.loads(text), case_schema())
    back = load_exchange(text)
    assert back.case == case and back.attachment_data == {case.attachments[0].sha256: data}


def test_a_case_citing_content_it_does_not_carry_is_never_written():
    case, _data = _with_attachment()
    with pytest.raises(ValueError, match="no content given"):
        dump_case(case)


@pytest.mark.parametrize(("change", "message"), [
    (lambda doc, sha: doc["attachments"].update({sha: "AAAA"}), "does not match its SHA-256"),
    (lambda doc, sha: doc["attachments"].update({sha: "not base64!"}), "is not base64 text"),
    (lambda doc, sha: doc.pop("attachments"), r"case.attachments\[0\]: its content .* is not in the file"),
    (lambda doc, sha: doc["attachments"].update({"0" * 64: "AAAA"}), "does not match"),
    (lambda doc, sha: doc.update(format_version=4), "case.attachments: is not part of format_version 4 \\(use 5\\)"),
])
def test_bad_attachment_content_is_refused_by_name(change, message):
    case, data = _with_attachment()
    sha = case.attachments[0].sha256
    doc = json.loads(dump_case(case, {sha: data}))
    change(doc, sha)
    with pytest.raises(ExchangeError, match=message):
        load_case(json.dumps(doc))
