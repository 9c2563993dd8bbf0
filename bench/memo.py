"""Issue 4's figures: a typical memo after imports, 100 memos in one batch, and the first preview page."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Report, median, timed


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from casework.seal import Seal
    from printing.fonts import register_fonts
    from printing.memo import MemoSettings, render_memo
    from tests.printing.test_memo import POLICY, memo_case

    app = QApplication.instance() or QApplication([])
    report = Report("Decision memo (issue 4)")
    register_fonts()  # "after imports": font loading is a one-time start-up cost
    case = memo_case()
    seal = Seal(case.case_number, case.revision, "ab" * 32, "0123456789abcdef", "c2ln")
    settings = MemoSettings(office="Field Office Example")
    first = timed(lambda: render_memo(case, POLICY, settings, seal))[0]
    typical = median(timed(lambda: render_memo(case, POLICY, settings, seal), repeat=10))
    report.add("typical memo (median, after imports)", typical, 60, note=f"very first: {first:.0f} ms")
    batch = timed(lambda: [render_memo(case, POLICY, settings, seal) for _ in range(100)])[0] / 1000
    report.add("100 memos in one batch", batch, 5, unit="s")

    from desktop.dialogs.memo_preview import MemoPreviewDialog

    pdf = render_memo(case, POLICY, settings, seal)
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
