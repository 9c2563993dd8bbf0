"""The memo's figures (issues 4 and 9): a memo after imports, 100 memos in one batch, verifying a 3-page memo
against the store (rendered again), verifying a 3-page scan, and the first preview page.

Every memo timed is a different case (another name, other notes), so no cache of an earlier render helps.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Report, median, timed

_serial = iter(range(1, 1_000_000))


def variant(case):  # type: ignore[no-untyped-def]
    """The case with a name and notes no memo rendered before had (defeats every shaping and text cache)."""
    n = next(_serial)
    subject = replace(case.subject, family_name=f"{case.subject.family_name}{n}", given_names=f"Variant {n}")
    return replace(case, subject=subject, notes=f"Interview {n}: " + "the officer reviewed the records. " * (n % 7))


def main() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from PySide6.QtWidgets import QApplication

    from printing.fonts import register_fonts
    from printing.memo import MemoSettings, SealRequest, render_memo
    from tests.printing.test_memo import MEMO_DATE, POLICY, memo_case

    class Signer:
        key_id = "0123456789abcdef"
        key = Ed25519PrivateKey.generate()

        def sign(self, message: bytes) -> bytes:
            return self.key.sign(message)

    app = QApplication.instance() or QApplication([])
    report = Report("Decision memo (issues 4 and 9)")
    register_fonts()  # "after imports": font loading is a one-time start-up cost
    case = memo_case()
    seal = SealRequest("ab" * 32, Signer(), "case-id")
    settings = MemoSettings(office="Field Office Example")

    def one() -> object:
        return render_memo(variant(case), POLICY, settings, seal, memo_date=MEMO_DATE)

    first = timed(one)[0]
    typical = median(timed(one, repeat=15))
    report.add("typical memo (median, after imports)", typical, 60, note=f"very first: {first:.0f} ms")
    batch = timed(lambda: [one() for _ in range(100)])[0] / 1000
    report.add("100 memos in one batch", batch, 5, unit="s")

    with tempfile.TemporaryDirectory() as tmp:
        pdf, verify_ms, scan_cli, scan_gui, pages = _verify_figures(Path(tmp))
    report.add(f"verify a {pages}-page memo against the store (rendered again)", verify_ms, 300)
    report.add(f"verify a {pages}-page scan (150 dpi), command line", scan_cli, 2000)
    report.add(f"verify a {pages}-page scan, window (images kept)", scan_gui, 2000)

    from desktop.dialogs.memo_preview import MemoPreviewDialog

    t = time.perf_counter()
    dlg = MemoPreviewDialog(None, case.case_number, pdf, lambda _how: None)
    dlg.show()
    image = dlg.document.render(0, dlg.document.pagePointSize(0).toSize())  # the first page, as the view draws it
    app.processEvents()
    preview = (time.perf_counter() - t) * 1000
    assert not image.isNull()
    dlg.close()
    report.add("first preview page (dialog + page render)", preview, 150)
    report.print()


def _verify_figures(folder: Path) -> tuple[bytes, float, float, float, int]:
    """A store holding one case, its memo printed and recorded; the times to verify the file and a scan."""
    from casework.policy import PolicyLibrary
    from desktop.cli_memo import check_memo_file, check_scans, read_memo_or_scans, record_memo
    from printing.memo import MemoSettings, SealRequest, render_memo
    from printing.verify import read_memo
    from storage import keyslot, memo_prints
    from storage.store import CaseStore
    from tests.conftest import OFFICER, PASSPHRASE
    from tests.printing.test_memo import memo_case

    keyslot.DEFAULT_KDF = keyslot.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)  # not what is timed
    policies = PolicyLibrary.bundled()
    with CaseStore.create(folder / "profile", PASSPHRASE, OFFICER) as store:
        (result,) = store.import_cases([replace(memo_case(), id="", case_number="")])
        stored, digest = memo_prints.sealed_revision(store, result.case.id)
        memo = render_memo(stored, policies.latest(), MemoSettings(office="Field Office Example"),
                           SealRequest(digest, memo_prints.ProfileSigner(store), stored.id))
        record_memo(store, memo, "saved as memo.pdf")

        def verify() -> None:
            check = check_memo_file(store, read_memo(memo.pdf), policies)
            assert check.status == "match", check.message

        verify_ms = median(timed(verify, repeat=10))
        scan = _scan_of(memo.pdf, folder)

        def scan_check(keep: bool) -> None:
            _memo, images = read_memo_or_scans([("scan.pdf", scan)])
            check = check_scans(store, images, policies, keep_images=keep)
            assert check.status == "match", check.message

        scan_cli = median(timed(lambda: scan_check(False), repeat=3))
        scan_gui = median(timed(lambda: scan_check(True), repeat=3))
    return memo.pdf, verify_ms, scan_cli, scan_gui, memo.seal.page_count


def _scan_of(pdf: bytes, folder: Path) -> bytes:
    """The memo as a scanner would give it back: every page an image at 150 dpi, in one PDF."""
    from PIL import Image

    source = folder / "memo.pdf"
    source.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(source), str(folder / "page")], check=True)
        pages = [Image.open(p) for p in sorted(folder.glob("page-*.png"))]
    else:  # QtPdf renders the same pages
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
        from PySide6.QtPdf import QPdfDocument

        doc = QPdfDocument()
        data = QByteArray(pdf)
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        doc.load(buffer)
        pages = []
        for n in range(doc.pageCount()):
            size = doc.pagePointSize(n)
            image = doc.render(n, QSize(int(size.width() * 150 / 72), int(size.height() * 150 / 72)))
            png = QByteArray()
            out = QBuffer(png)
            out.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(out, "PNG")
            pages.append(Image.open(io.BytesIO(bytes(png.data()))))
    out = io.BytesIO()
    pages[0].convert("RGB").save(out, format="PDF", save_all=True,
                                 append_images=[p.convert("RGB") for p in pages[1:]], resolution=150)
    return out.getvalue()


if __name__ == "__main__":
    main()
