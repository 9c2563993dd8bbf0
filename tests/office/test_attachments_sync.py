"""Attachments travel by content hash, on each backend: sealed with the office key, sent once, fetched only when
missing, checked against the hash the case cites; the office never holds their bytes in the clear."""

from __future__ import annotations

import json
import subprocess

from storage.office import link
from storage.sync import sync
from tests import attachment_files as files
from tests.conftest import MARKER, files_containing
from tests.office.conftest import PG_DSN, Laptops
from tests.office.test_sync import edit, run_sync


def blob_count(laptops: Laptops) -> int:
    if laptops.office.kind == "folder":
        return len(list((laptops.office.folder / "blobs").glob("*.json")))
    import psycopg

    with psycopg.connect(PG_DSN) as conn:
        return int(conn.execute(f'SELECT count(*) FROM "{laptops.office.schema}".blobs').fetchone()[0])


def test_an_attachment_travels_once_by_its_hash_and_sealed(laptops: Laptops):
    scan = files.png(MARKER)
    case = laptops.alice.new_case().case
    item = laptops.alice.add_attachment(case.id, scan, "scan.png").case.attachments[0]
    laptops.alice.close_revision(case.id)
    run_sync(laptops, laptops.alice)
    assert blob_count(laptops) == 1
    run_sync(laptops, laptops.bob)
    assert laptops.bob.get_case(case.id).attachments[0].sha256 == item.sha256
    assert laptops.bob.get_blob(item.sha256) == scan
    edit(laptops.alice, case.id, notes="a note, the scan unchanged")
    edit(laptops.alice, laptops.alice.new_case().case.id, notes="another case citing nothing")
    other = laptops.alice.new_case().case
    laptops.alice.add_attachment(other.id, scan, "same-scan-again.png")
    laptops.alice.close_revision(other.id)
    run_sync(laptops, laptops.alice)
    assert blob_count(laptops) == 1  # the same content is never sent twice
    run_sync(laptops, laptops.bob)
    assert laptops.bob.get_case(other.id).attachments[0].sha256 == item.sha256
    # the raw office holds no marker: the scan is sealed
    if laptops.office.kind == "folder":
        assert files_containing(laptops.office.folder, MARKER) == []
    else:
        dump = subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-n", laptops.office.schema, "test"],
                              capture_output=True, check=True).stdout
        assert b"blobs" in dump and MARKER.encode() not in dump


def test_an_attachment_altered_at_the_office_is_rejected_by_name(laptops: Laptops):
    case = laptops.alice.new_case().case
    sha = laptops.alice.add_attachment(case.id, files.png("original"), "scan.png").case.attachments[0].sha256
    laptops.alice.close_revision(case.id)
    run_sync(laptops, laptops.alice)
    office = laptops.office.make()
    author, key_version, _envelope = office.get_blobs([sha])[sha]
    lk = link.require_link(laptops.alice)
    from storage.office import crypto

    forged = crypto.seal(link.content_keys(laptops.alice)[1],
                         {"office_id": lk.office_id, "kind": "attachment", "sha256": sha, "author": author,
                          "key_version": key_version}, files.png("swapped"), laptops.bob.profile_signing_key())
    if laptops.office.kind == "folder":
        path = laptops.office.folder / "blobs" / f"{sha}.json"
        doc = json.loads(path.read_text())
        path.write_text(json.dumps({**doc, "envelope": forged}))
    else:
        import psycopg

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'UPDATE "{laptops.office.schema}".blobs SET envelope = %s', (json.dumps(forged),))
    office.close()
    report = sync(laptops.bob, laptops.backend(laptops.bob))
    assert len(report.rejected) == 1
    assert f"its attachment {sha[:12]}: its signature does not match its content and routing" in report.rejected[0]
    assert not laptops.bob.has_case(case.id) and not laptops.bob.has_blob(sha)
