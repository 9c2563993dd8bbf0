"""Issue 4's figures: a typical memo after imports, 100 memos in one batch, and the first preview page."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Report, median, timed


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
    report = Report("Decision memo (issue 4)")
    register_fonts()  # "after imports": font loading is a one-time start-up cost
    case = memo_case()
    seal = SealRequest("ab" * 32, Signer(), "case-id")
    settings = MemoSettings(office="Field Office Example")
    first = timed(lambda: render_memo(case, POLICY, settings, seal, memo_date=MEMO_DATE))[0]
    typical = median(timed(lambda: render_memo(case, POLICY, settings, seal, memo_date=MEMO_DATE), repeat=10))
    report.add("typical memo (median, after imports)", typical, 60, note=f"very first: {first:.0f} ms")
    batch = timed(lambda: [render_memo(case, POLICY, settings, seal, memo_date=MEMO_DATE)
                           for _ in range(100)])[0] / 1000
    report.add("100 memos in one batch", batch, 5, unit="s")

    from desktop.dialogs.memo_preview import MemoPreviewDialog

    pdf = render_memo(case, POLICY, settings, seal, memo_date=MEMO_DATE).pdf

    from printing.verify import first_altered_page, read_memo

    check = median(timed(lambda: first_altered_page(read_memo(pdf)), repeat=10))
    report.add("verify a 3-page memo's pages (median)", check, 300)
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


if __name__ == "__main__":
    main()
