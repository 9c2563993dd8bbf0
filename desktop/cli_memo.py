"""`casefile print` and `casefile verify`: the decision memo on the command line (see desktop.cli for the
exit-status rules). Kept apart from desktop.cli so the memo's commands can grow without touching the others.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli import UsageError, _open, data_dir, load_case_file, policy_for
from storage.paths import StorePaths


def add_parsers(sub: Any) -> None:
    prt = sub.add_parser("print", help="render a case's decision memo as PDF (sealed when the case is in the store)")
    prt.add_argument("case", type=Path, help="a JSON exchange file")
    prt.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    prt.add_argument("--force", action="store_true", help="replace the output file if it exists")
    prt.add_argument("--agency", default="U.S. Department of Homeland Security")
    prt.add_argument("--handling", default="LAW ENFORCEMENT SENSITIVE", help="the line printed on every page")
    prt.add_argument("--memo-for", default="Field Office Director", help="the MEMORANDUM FOR line")
    prt.add_argument("--through", default="Supervisory Immigration Officer", help="the THROUGH line")
    prt.add_argument("--paper", choices=("letter", "a4"), default="letter")

    ver = sub.add_parser("verify", help="say whether a memo PDF, or scans or photos of a paper copy, match the "
                         "store (exit 0 match, 1 otherwise, 2 bad input)")
    ver.add_argument("memo", type=Path, nargs="+", help="the memo PDF, or scans: a PDF of scanned pages or images")


def cmd_print(args: argparse.Namespace) -> int:
    """Sealed when the store holds this exact revision; unsealed when the store lacks the case."""
    from casework.policy import PolicyLibrary
    from casework.serial import canonical_json
    from printing.memo import MemoSettings, SealRequest, render_memo
    from storage import memo_prints
    from storage.outputs import check_output_path, write_output

    paths = StorePaths(data_dir(args))
    protected, inputs = [paths.data_dir], [args.case]
    # Refused before asking for a passphrase or rendering anything.
    check_output_path(args.output, protected_dirs=protected, inputs=inputs, force=args.force)
    case = load_case_file(args.case)
    policy = policy_for(case, PolicyLibrary.bundled(), args.case)
    request = None
    store = _open(args) if paths.exists() else None
    try:
        if store is not None and case.id and store.has_case(case.id):
            stored = store.get_case(case.id)
            if canonical_json(stored) != canonical_json(case):
                raise UsageError(f"{args.case}: case {case.case_number} differs from revision {stored.revision} in "
                                 "the store; import it (casefile import --replace) or export it again first")
            case, digest = memo_prints.sealed_revision(store, case.id)
            request = SealRequest(digest, memo_prints.ProfileSigner(store), case.id)
        settings = MemoSettings(agency=args.agency, office=case.officer.office, handling=args.handling,
                                memo_for=args.memo_for, through=args.through, paper=args.paper)
        memo = render_memo(case, policy, settings, request)
        write_output(args.output, memo.pdf, protected_dirs=protected, inputs=inputs, force=args.force)
        if store is not None and memo.seal is not None:
            store.record_event("memo_printed", case.id, f"revision {memo.seal.revision}, print {memo.seal.print_id}, "
                               f"{memo.seal.page_count} pages, saved as {args.output.name}")
    finally:
        if store is not None:
            store.close()
    seal = memo.seal
    print(f"Wrote {args.output}" + (f" (sealed: revision {seal.revision}, {seal.page_count} pages)" if seal else
                                    " (not sealed: the case is not in the store)"))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from casework.seal import SealError
    from printing import scan
    from printing.verify import read_memo

    files = []
    for path in args.memo:
        try:
            files.append((path, path.read_bytes()))
        except OSError as exc:
            raise UsageError(f"{path}: {exc.strerror}") from None
    memo = None
    if len(files) == 1 and files[0][1][:5] == b"%PDF-":
        try:
            memo = read_memo(files[0][1])
        except SealError as exc:
            if "no Casefile seal" not in str(exc):
                raise UsageError(f"{files[0][0]}: {exc}") from None
    if memo is None:
        images = []
        for path, data in files:
            try:
                images += scan.images_of(path.name, data)
            except SealError as exc:
                raise UsageError(f"{path}: {exc}") from None
        pages = scan.read_pages(images)
        if not any(p.seal for p in pages):
            raise UsageError(f"{args.memo[0]}: no Casefile seal found (no page code could be read either)")
        with _open(args) as store:
            status, lines = check_scan(store, pages)
        print(f"{status}: " + "\n".join(lines))
        return 0 if status == "match" else 1
    with _open(args) as store:
        check = check_memo_file(store, memo)
    print(f"{check.status}: {check.message}")
    return 0 if check.status == "match" else 1


def check_scan(store: Any, pages: list[Any]) -> tuple[str, list[str]]:
    """Scanned pages against the store: forged (a code not signed by this profile), incomplete (pages
    missing, duplicated, from another memo or unreadable), unknown, superseded or match."""
    from printing import scan
    from storage import memo_prints

    forged = [p.source for p in pages if p.seal and not memo_prints.signature_valid(store, p.seal)]
    report = scan.account(pages)
    lines = report.lines()
    if forged:
        return "forged", [f"{', '.join(forged)}: the page code is not signed by this profile", *lines]
    m = report.memo
    assert m is not None
    row = store.conn.execute("SELECT revision FROM cases WHERE case_number = ?", (m.case_number,)).fetchone()
    if row is None:
        return "unknown", [f"case {m.case_number} is not in this store", *lines]
    if report.missing or report.duplicated or report.foreign or report.unreadable:
        return "incomplete", lines
    if row[0] != m.revision:
        return "superseded", [*lines, f"printed from revision {m.revision}; the case is now at revision {row[0]}"]
    return "match", lines


def check_memo_file(store: Any, memo: Any) -> Any:
    """Signature first (forged), then the pages (altered), then the record (unknown, superseded, match)."""
    from casework.seal import SealCheck
    from printing.verify import first_altered_page
    from storage import memo_prints

    if not memo_prints.signature_valid(store, memo.seal):
        return memo_prints.check_memo_seal(store, memo.seal)
    altered = first_altered_page(memo)
    if altered is not None:
        return SealCheck("altered", f"The memo was changed after it was sealed: {altered}.")
    return memo_prints.check_memo_seal(store, memo.seal)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "print": cmd_print,
    "verify": cmd_verify,
}
