"""A record whose author was changed by hand at the office is refused, and the refusal does not blame the member
it names: that member did not sign it, the record only claims to be theirs."""

from __future__ import annotations

import json

from storage.office import link
from storage.sync import sync
from tests.office.conftest import PG_DSN, Laptops
from tests.office.test_sync import edit, run_sync


def reattribute(laptops: Laptops, member_id: str) -> None:
    if laptops.office.kind == "postgres":
        import psycopg

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'UPDATE "{laptops.office.schema}".records SET author = %s', (member_id,))
    else:
        (path,) = (laptops.office.folder / "log").glob("*.jsonl")
        doc = json.loads(path.read_text())
        doc["author"] = member_id
        path.write_text(json.dumps(doc) + "\n")


def test_a_record_reattributed_to_the_supervisor_is_refused_as_claiming_to_be_theirs(laptops: Laptops):
    case = laptops.alice.new_case().case
    edit(laptops.alice, case.id, notes="original words")
    run_sync(laptops, laptops.alice)
    reattribute(laptops, link.require_link(laptops.sam).member_id)
    backend = laptops.backend(laptops.bob)
    try:
        report = sync(laptops.bob, backend)
    finally:
        backend.close()
    (refusal,) = report.rejected
    assert refusal.startswith(f"Office record 1 (case {case.id}, office revision 1) claiming to be from SR-7: ")
    assert "signature does not match its content and routing" in refusal
    assert not laptops.bob.has_case(case.id)
