"""Layout over many cases, read from the memo's layout log (where each heading, paragraph part, table part and
the seal were drawn), not by eye: headings are kept with what follows, split paragraphs leave no single line
at the foot of a page or the head of the next (no widows, no orphans), a table never leaves its header row
alone, and the seal stands on the page of the signatures, last.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from typing import Any

import pytest

from casework.assessment import FactorAnswer
from casework.dates import PartialDate
from casework.model import Disposition, FamilyTie, Offense
from casework.samples import generated_cases
from printing.memo import MemoSettings, render_memo
from tests.casework.test_checks import complete_case, set_factor
from tests.printing.test_memo import MEMO_DATE, POLICY

WORDS = ["the", "officer", "reviewed", "records", "interview", "statement", "custody", "county", "court", "hearing",
         "employer", "family", "school", "children", "residence", "since", "community", "church", "volunteer",
         "evidence", "report", "supervisor", "weighed"]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def varied_cases(count: int = 50) -> list[Any]:
    """`count` generated cases, each with an assessment, and notes, offenses, family and reasoning of lengths
    that vary from none to several pages (deterministic)."""
    rng = random.Random(20261103)
    base = complete_case()
    base = set_factor(base, "A4", FactorAnswer.PRESENT, "Police report")
    base = set_factor(base, "M5", FactorAnswer.PRESENT, "Two children")
    out = []
    for n, case in enumerate(generated_cases(count, seed=7)):
        if n % 6 == 0:  # a short case: little but the assessment itself
            out.append(replace(case, notes="", assessment=replace(base.assessment, rationale="Declined. M5 A4"),
                               officer=base.officer))
            continue
        paragraphs = rng.choice([0, 1, 1, 2, 3, 6, 12])
        notes = "\n".join(words(rng, rng.randint(5, 160)) for _ in range(paragraphs))
        offenses = tuple(Offense(words(rng, rng.randint(1, 14)), f"PC {rng.randint(1, 999)}", "Sample County",
                                 PartialDate(f"{2000 + rng.randint(0, 20)}-0{rng.randint(1, 9)}"),
                                 disposition=rng.choice(list(Disposition)), sentence=words(rng, rng.randint(0, 6)))
                         for _ in range(rng.choice([0, 1, 2, 4, 9, 25])))
        family = tuple(FamilyTie(f"Member {i}", rng.choice(["son", "daughter", "spouse"]), "U.S. citizen",
                                 words(rng, rng.randint(0, 30))) for i in range(rng.choice([0, 1, 3, 6])))
        assessment = replace(base.assessment, weighing=words(rng, rng.randint(3, 400)),
                             rationale=words(rng, rng.randint(3, 600)) + " M5 A4",
                             records_note=words(rng, rng.randint(0, 80)))
        out.append(replace(case, notes=notes, offenses=offenses or case.offenses, family=family or case.family,
                           other_ties=words(rng, rng.randint(0, 50)), assessment=assessment,
                           officer=base.officer))
    return out


def layout_problems(log: list[tuple[Any, ...]]) -> list[str]:
    """What is wrong with one memo's layout, read from its log (empty when nothing is)."""
    problems = []
    for i, entry in enumerate(log):
        if entry[0] != "heading":
            continue
        following = next((e for e in log[i + 1:] if e[0] != "heading"), None)
        between = [e for e in log[i + 1:log.index(following)]] if following else log[i + 1:]
        if following is None or following[1] != entry[1] or any(e[1] != entry[1] for e in between):
            problems.append(f"heading {entry[2]!r} is not kept with what follows it (page {entry[1]})")
    parts: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for entry in log:
        if entry[0] in ("text", "table"):
            parts[entry[3]].append(entry)
    for pieces in parts.values():
        if len(pieces) < 2:
            continue
        kind, total = pieces[0][0], pieces[0][4]
        for piece in pieces:
            if kind == "text" and piece[2] < 2:
                problems.append(f"a paragraph of {total} lines leaves {piece[2]} line alone on page {piece[1]}")
            if kind == "table" and piece[2] < 1:
                problems.append(f"a table's header row stands alone on page {piece[1]}")
    seal = [e for e in log if e[0] == "seal"]
    signatures = [e for e in log if e[0] == "heading" and e[2] == "Signatures"]
    if len(seal) != 1 or len(signatures) != 1 or seal[0][1] != signatures[0][1]:
        problems.append("the seal is not on the page of the signatures")
    elif log[-1] != seal[0]:
        problems.append("something is drawn after the seal")
    pages = {e[1] for e in log}
    if pages != set(range(1, max(pages) + 1)):
        problems.append(f"pages without body content: {sorted(set(range(1, max(pages) + 1)) - pages)}")
    return problems


CASES = varied_cases()


@pytest.fixture(scope="module")
def layouts() -> list[list[tuple[Any, ...]]]:
    return [render_memo(c, POLICY, MemoSettings(), memo_date=MEMO_DATE).layout for c in CASES]


def test_the_cases_vary_from_three_pages_to_many(layouts):
    counts = sorted(max(e[1] for e in log) for log in layouts)
    assert counts[0] == 3 and counts[-1] >= 9


@pytest.mark.parametrize("n", range(len(CASES)))
def test_headings_kept_with_what_follows_no_widows_or_orphans(layouts, n):
    assert layout_problems(layouts[n]) == []


def test_the_checks_catch_a_bad_layout():
    """The checks themselves: a heading alone at a page foot, a single carried line, a lone header row and a
    seal away from the signatures are each reported."""
    log = [("heading", 1, "1. Subject"), ("text", 2, 3, 1, 3), ("text", 2, 5, 2, 6), ("text", 3, 1, 2, 6),
           ("table", 3, 0, 3, 4), ("table", 4, 4, 3, 4), ("heading", 4, "Signatures"), ("seal", 5)]
    assert layout_problems(log) == [
        "heading '1. Subject' is not kept with what follows it (page 1)",
        "heading 'Signatures' is not kept with what follows it (page 4)",
        "a paragraph of 6 lines leaves 1 line alone on page 3",
        "a table's header row stands alone on page 3",
        "the seal is not on the page of the signatures",
    ]
