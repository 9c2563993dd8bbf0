"""Issue 3's and issue 8's figures: open the assessment of a case, recompute the open items after a keystroke
(with the never-factor scan over a 5,000-character rationale), and `casefile check` over 10,000 case files."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Report, median, timed

FILES = int(os.environ.get("CASEFILE_BENCH_CASES", "10000"))


def sample_case(n: int):
    from tests.casework.test_checks import complete_case

    return replace(complete_case(), id=f"{n:032x}", case_number=f"CF-2026-BENCH-{n:06d}")


RATIONALE = ("On the totality of the facts, his lengthy presence in the United States and the impact on the family "
             "outweigh the prior record; cited: Immigration and Nationality Act 237(a), acted in good faith, and a "
             "letter from his church. ")


def long_rationale(chars: int = 5000) -> str:
    """A rationale of `chars` characters with never-factor words and look-alikes throughout."""
    return (RATIONALE * (chars // len(RATIONALE) + 1))[:chars]


def keystroke_checks() -> float:
    """Median ms of review_items after one more character of a 5,000-character rationale (nothing cached)."""
    from casework.checks import review_items
    from tests.casework.test_checks import POLICY

    case = sample_case(0)
    text = long_rationale()
    times = []
    for i, ch in enumerate("Weighed on the totality of the facts"):
        text = text[: 5000 - i - 1] + ch
        typed = replace(case, assessment=replace(case.assessment, rationale=text))
        t = time.perf_counter()
        review_items(typed, POLICY)
        times.append((time.perf_counter() - t) * 1000)
    return median(times)


def typing_times(editor: Any) -> list[float]:
    """Milliseconds the open items take to recompute after each keystroke typed into the rationale."""
    form = editor.assessment.form
    times = []
    for ch in "Weighed on the totality of the facts":
        form.rationale.blockSignals(True)
        form.rationale.insertPlainText(ch)
        form.rationale.blockSignals(False)
        t = time.perf_counter()
        editor.refresh_items()
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from casework.exchange import dump_case
    from widgets.case_edit import CaseEdit

    app = QApplication.instance() or QApplication([])
    report = Report("Assessment (issue 3)")
    editor = CaseEdit()
    editor.resize(1300, 860)
    editor.show()
    app.processEvents()

    cases = [sample_case(n) for n in range(20)]
    first = timed(lambda: (editor.set_value(cases[0]), editor.tabs.setCurrentWidget(editor.assessment),
                           app.processEvents()))[0]
    opens = [timed(lambda c=c: (editor.set_value(c), app.processEvents()))[0] for c in cases[1:]]
    report.add("open the assessment of a case (first, builds the form)", first, 80)
    report.add("open the assessment of a case (median after)", median(opens), 80)

    report.add("recompute open items after a keystroke (median)", median(typing_times(editor)), 5)

    long = replace(cases[0], assessment=replace(cases[0].assessment, rationale=long_rationale()))
    editor.set_value(long)
    app.processEvents()
    report.add("open items after a keystroke, never-factor scan of a 5,000-character rationale (median)",
               median(typing_times(editor)), 5)
    report.add("  the same, checks alone without the window (median)", keystroke_checks(), 5)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = dump_case(sample_case(0))
        for n in range(FILES):
            (folder / f"case-{n:05d}.json").write_text(text, encoding="utf-8")
        exe = Path(sys.executable).parent / "casefile"
        files = sorted(str(p) for p in folder.glob("*.json"))
        t = time.perf_counter()
        proc = subprocess.run([str(exe), "check", *files], capture_output=True, text=True)
        elapsed = time.perf_counter() - t
        assert proc.returncode == 0, proc.stderr
    report.add(f"casefile check over {FILES:,} case files", elapsed, 10, unit="s")
    report.print()


if __name__ == "__main__":
    main()
