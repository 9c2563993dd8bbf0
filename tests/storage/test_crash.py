"""kill -9 in the middle of saves: the store opens afterwards with every committed case."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storage.store import CaseStore
from tests.conftest import FAST_KDF, OFFICER, PASSPHRASE

WRITER = textwrap.dedent(
    """
    import sys
    from dataclasses import replace
    from pathlib import Path
    from storage import keyslot
    from storage.store import CaseStore
    from casework.model import Officer, Subject
    keyslot.DEFAULT_KDF = keyslot.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
    store = CaseStore.open(Path(sys.argv[1]), sys.argv[2])
    n = 0
    while True:
        case = store.new_case().case
        store.update_case(replace(case, subject=Subject(family_name=f"Person {n}"), notes="x" * 4000))
        print(case.id, flush=True)  # printed only after the commit returned
        n += 1
    """
)


@pytest.mark.slow
def test_sigkill_during_saves_loses_no_committed_case(data_dir: Path):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER, kdf=FAST_KDF).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), PASSPHRASE],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
    )
    committed = []
    assert proc.stdout is not None
    for line in proc.stdout:
        committed.append(line.strip())
        if len(committed) >= 40:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        ids = {s.id for s in store.list_cases()}
        assert set(committed) <= ids
        for case_id in committed:
            assert store.get_case(case_id).subject.family_name.startswith("Person ")
