"""`casefile print` and `casefile verify`, and the memo steps the window shares with them: recording a print,
and checking a memo file or scan against the store (see desktop.cli for the exit-status rules).

Verification, in order: the seal's signature (forged), the pages against the seal (altered), the record
(unknown), then the pages against the memo rendered again from the stored revision with the settings kept
in its print record (altered, naming the first page and what on it differs), then the revision (superseded
or match). This module imports no Qt.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli import UsageError, _open, data_dir, load_case_file, policy_for
from storage.paths import StorePaths

if TYPE_CHECKING:
    from casework.policy import PolicyLibrary
    from printing.memo import RenderedMemo
    from printing.scan import ScannedPage
    from printing.verify import MemoFile, PagePrint
    from storage.memo_prints import PrintRecord
    from storage.store import CaseStore, Changes


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
    prt.add_argument("--for", dest="copy_for", metavar="RECIPIENT_TYPE", choices=_recipient_types(),
                     help="a copy for someone outside the office, under that recipient type's disclosure profile ("
                     + ", ".join(_recipient_types()) + "): withheld items blacked out, the disclosure logged")
    prt.add_argument("--recipient", help="the recipient's name, printed on every page of the copy (with --for)")
    prt.add_argument("--translated-copy", metavar="LANGUAGE", choices=("es",), help="also a translated copy (es: "
                     "Spanish) after the English original, which stays the sealed record; the copy is not sealed")

    ver = sub.add_parser("verify", help="say whether a memo PDF, or scans or photos of a paper copy, match the "
                         "store (exit 0 match, 1 otherwise, 2 bad input)")
    ver.add_argument("memo", type=Path, nargs="+", help="the memo PDF, or scans: a PDF of scanned pages or images")


def _recipient_types() -> list[str]:
    from casework.disclosure import recipients

    return recipients()


# ----- recording a print -----------------------------------------------------------------------------------


def record_memo(store: CaseStore, memo: RenderedMemo, how: str) -> Changes:
    """Keep the print record of a sealed memo (what its rendering used, its pages' digests) and note the print
    in the case's audit trail, in one transaction."""
    from printing.verify import page_prints
    from storage import memo_prints

    seal = memo.seal
    assert seal is not None, "only sealed memos are recorded"
    pages = [p.to_json() for p in page_prints(memo.pdf) if p is not None]
    copy = memo.spec.get("copy")
    if copy:
        # Who (the entry's officer), to whom, when (the entry's time), under which profile; no case text, and no
        # file name (one may carry the subject's name).
        how = "printed" if how.startswith("printed") else "saved as a PDF file"
        detail = (f"copy for {copy['recipient']} ({copy['for']}), disclosure profile {copy['profile']} version "
                  f"{copy['version']}, revision {seal.revision}, print {seal.print_id}, {seal.page_count} pages, "
                  f"{how}")
        action = "memo_disclosed"
    else:
        detail = f"revision {seal.revision}, print {seal.print_id}, {seal.page_count} pages, {how}"
        action = "memo_printed"
    return memo_prints.record_print(store, print_id=seal.print_id, spec=memo.spec, key_id=seal.key_id, pages=pages,
                                    action=action, detail=detail)


# ----- the commands ----------------------------------------------------------------------------------------


def cmd_print(args: argparse.Namespace) -> int:
    """Sealed when the store holds this exact revision; unsealed when the store lacks the case."""
    from casework.disclosure import DisclosureError, check_recipient, profile_for
    from casework.policy import PolicyLibrary
    from casework.serial import canonical_json
    from printing.memo import CopyFor, MemoSettings, SealRequest, render_memo
    from storage import memo_prints
    from storage.outputs import check_output_path, write_output

    paths = StorePaths(data_dir(args))
    protected, inputs = [paths.data_dir], [args.case]
    # Refused before asking for a passphrase or rendering anything.
    check_output_path(args.output, protected_dirs=protected, inputs=inputs, force=args.force)
    copy = None
    if args.recipient is not None and args.copy_for is None:
        raise UsageError("--recipient names the recipient of a copy: add --for " + "|".join(_recipient_types()))
    if args.copy_for is not None:
        if args.recipient is None:
            raise UsageError(f"--for {args.copy_for} needs --recipient NAME (printed on every page of the copy)")
        try:
            copy = CopyFor(profile_for(args.copy_for), check_recipient(args.recipient))
        except DisclosureError as exc:
            raise UsageError(f"--recipient: {exc}") from None
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
        if copy is not None and request is None:
            raise UsageError(f"{args.case}: a copy for a recipient is printed only from a case in the store, where "
                             "its disclosure is logged; import the case first")
        settings = MemoSettings(agency=args.agency, office=case.officer.office, handling=args.handling,
                                memo_for=args.memo_for, through=args.through, paper=args.paper)
        memo = render_memo(case, policy, settings, request, copy=copy)
        pdf, translated_pages = memo.pdf, 0
        if args.translated_copy:
            pdf, translated_pages = with_translated_copy(case, policy, settings, memo, args.translated_copy, copy)
        write_output(args.output, pdf, protected_dirs=protected, inputs=inputs, force=args.force)
        if store is not None and memo.seal is not None:
            with_copy = (f", with a translated copy ({args.translated_copy}, {translated_pages} pages, not sealed)"
                         if translated_pages else "")
            record_memo(store, memo, f"saved as {args.output.name}{with_copy}")
    finally:
        if store is not None:
            store.close()
    seal = memo.seal
    from casework.disclosure import profile_words
    from casework.i18n import QT_TRANSLATE_NOOP
    from desktop.cli_i18n import say

    path = str(args.output)
    if seal and copy:
        line = QT_TRANSLATE_NOOP("cli", "Wrote {path} (a copy for {recipient} ({profile}), the disclosure logged; "
                                 "sealed: revision {revision}, {pages} pages)").format(
            path=path, recipient=copy.recipient, profile=profile_words(copy.profile.label), revision=seal.revision,
            pages=seal.page_count)
    elif seal:
        line = QT_TRANSLATE_NOOP("cli", "Wrote {path} (sealed: revision {revision}, {pages} pages)").format(
            path=path, revision=seal.revision, pages=seal.page_count)
    else:
        line = QT_TRANSLATE_NOOP("cli", "Wrote {path} (not sealed: the case is not in the store)").format(path=path)
    if translated_pages:
        line = QT_TRANSLATE_NOOP("cli", "{line}, then a translated copy ({language}, {pages} pages, not "
                                 "sealed)").format(line=line, language=args.translated_copy, pages=translated_pages)
    say(args, line)
    return 0


def with_translated_copy(case: Any, policy: Any, settings: Any, memo: RenderedMemo, language: str,
                         copy: Any = None) -> tuple[bytes, int]:
    """The memo's file with a translated copy after its pages (printing.translated_copy), and the copy's page
    count. The copy's words come from the language's Qt catalogue (desktop.cli_i18n), whatever language the
    command speaks."""
    from pypdf import PdfReader

    from desktop.cli_i18n import Catalogue
    from printing import translated_copy

    translate = Catalogue(language).translate
    pages = translated_copy.render_translated_copy(case, policy, settings, memo, language, translate,
                                                   memo_date=date.fromisoformat(memo.spec["memo_date"]), copy=copy)
    return translated_copy.with_translated_copy(memo, pages, language), len(PdfReader(io.BytesIO(pages)).pages)


def cmd_verify(args: argparse.Namespace) -> int:
    from casework.seal import SealError

    files = []
    for path in args.memo:
        try:
            files.append((path, path.read_bytes()))
        except OSError as exc:
            raise UsageError(f"{path}: {exc.strerror}") from None
    memos = _sealed_memos(files) if len(files) > 1 else None
    if memos is not None:  # several memos: one result for each (several scans are the pages of one memo)
        with _open(args) as store:
            checks = [(path, check_memo_file(store, memo)) for path, memo in memos]
        for path, check in checks:
            print(f"{path}: {check.status}: {check.message}" + "".join(f"\n  {line}" for line in check.details))
        return 0 if all(check.status == "match" for _path, check in checks) else 1
    try:
        memo, images = read_memo_or_scans([(p.name, d) for p, d in files])
    except SealError as exc:
        raise UsageError(f"{args.memo[0]}: {exc}") from None
    with _open(args) as store:
        check = check_memo_file(store, memo) if memo is not None else check_scans(store, images)
    print(f"{check.status}: {check.message}" + "".join(f"\n{line}" for line in check.details))
    return 0 if check.status == "match" else 1


# ----- verification ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScanPage:
    """One scanned page, for a person to compare with the stored page it claims to be."""

    source: str  # "scan.pdf page 2", "p3.png"
    png: bytes  # the scanned image
    page: int | None  # the page of the checked memo it is (None: unreadable, or from another memo)
    note: str  # what verify found about it, in words


@dataclass(frozen=True, slots=True)
class MemoCheck:
    """What verify found: status is match, superseded, unknown, forged, altered or incomplete."""

    status: str
    message: str
    details: tuple[str, ...] = ()
    stored_pdf: bytes | None = None
    """The memo as stored (rendered again from the store), when it could be: the pages to compare scans with."""
    scans: tuple[ScanPage, ...] = ()


def _sealed_memos(files: list[tuple[Any, bytes]]) -> list[tuple[Any, MemoFile]] | None:
    """Every file read as a sealed memo, or None when any of them is not one (then they are scanned pages)."""
    from casework.seal import SealError
    from printing.verify import read_memo

    memos = []
    for path, data in files:
        if data[:5] != b"%PDF-":
            return None
        try:
            memos.append((path, read_memo(data)))
        except SealError:
            return None
    return memos


def read_memo_or_scans(files: list[tuple[str, bytes]]) -> tuple[MemoFile | None, list[tuple[str, Any]]]:
    """(the sealed memo, []) for one sealed memo PDF; (None, page images) for scans or photos (a PDF of scanned
    pages, PNG, JPEG). SealError when neither holds anything to check."""
    from casework.seal import SealError
    from printing import scan
    from printing.verify import read_memo

    if len(files) == 1 and files[0][1][:5] == b"%PDF-":
        try:
            return read_memo(files[0][1]), []
        except SealError as exc:
            if "no Casefile seal" not in str(exc):
                raise
    images = []
    for name, data in files:
        images += scan.images_of(name, data)
    if not images:
        raise SealError("no Casefile seal found (and no scanned pages either)")
    return None, images


def check_memo_file(store: CaseStore, memo: MemoFile, policies: PolicyLibrary | None = None) -> MemoCheck:
    """Signature first (forged), then the pages against the seal (altered), then the record (unknown), then the
    pages against the memo rendered again from the store (altered), then the revision (superseded, match)."""
    from printing.verify import first_altered_page, first_page_differing
    from storage import memo_prints

    seal = memo.seal
    if not memo_prints.signature_valid(store, seal):
        check = memo_prints.check_memo_seal(store, seal)
        return MemoCheck(check.status, check.message)
    altered = first_altered_page(memo)
    if altered is not None:
        return MemoCheck("altered", f"The memo was changed after it was sealed: {altered}.")
    base = memo_prints.check_memo_seal(store, seal)
    if base.status == "unknown":
        return MemoCheck(base.status, base.message)
    record = memo_prints.get_print(store, seal.print_id)
    if record is None or not record.spec_ok or record.record_digest != seal.digest:
        return MemoCheck(base.status, f"{base.message} Every page matches its seal; this store keeps no record "
                         "of the print, so the fonts and drawings were not compared.")
    expected = _expected_pages(store, record, policies)
    diff = first_page_differing(memo.prints, expected.prints, expected.as_what)
    note = expected.note
    if (diff is not None and expected.rendered
            and first_page_differing(memo.prints, _recorded(record), "as printed") is None):
        diff, note = None, ("this version of Casefile lays the revision out differently, so the pages were "
                            "compared with the digests kept when it was printed")
    if diff is not None:
        return MemoCheck("altered", f"The memo was changed after it was printed: {diff}.",
                         stored_pdf=expected.pdf)
    details = _record_details(record)
    if memo.translation is not None:
        t = memo.translation
        details += (f"pages {t.first_page}–{t.first_page + t.pages - 1}: a translated copy ({t.language}), not "
                    "sealed and not the record; not checked",)
    return MemoCheck(base.status, f"{base.message} {_pages_sentence(record, expected.rendered, note)}",
                     details, expected.pdf)


def _pages_sentence(record: PrintRecord, rendered: bool, note: str) -> str:
    count = len(record.pages)
    how = ("rendered again from the stored revision with the settings it was printed with"
           if rendered else "compared with the digests kept when it was printed")
    return f"Every one of its {count} pages is as printed ({note or how})."


def _record_details(record: PrintRecord) -> tuple[str, ...]:
    copy = record.spec.get("copy") or {}
    lines = [f"printed {record.printed_at.strftime('%Y-%m-%d %H:%M UTC')}, print {record.print_id}, "
             f"revision {record.revision}"]
    if copy:
        lines.append(f"a copy for {copy['recipient']} ({copy['for']}) under disclosure profile {copy['profile']} "
                     f"version {copy['version']}")
    return tuple(lines)


@dataclass(frozen=True, slots=True)
class _Expected:
    prints: tuple[PagePrint, ...]
    as_what: str
    rendered: bool
    pdf: bytes | None
    note: str


def _recorded(record: PrintRecord) -> tuple[PagePrint, ...]:
    from printing.verify import PagePrint

    return tuple(PagePrint.from_json(p) for p in record.pages)


def render_record(store: CaseStore, record: PrintRecord, policies: PolicyLibrary | None = None
                  ) -> RenderedMemo | str:
    """The memo of a print record rendered again from the stored revision, or why it cannot be."""
    from casework.policy import PolicyLibrary
    from printing.memo import render_again
    from storage import memo_prints

    found = memo_prints.stored_revision(store, record.case_id, record.revision)
    if found is None or found[1] != record.record_digest:
        return f"revision {record.revision} is no longer stored as it was printed"
    return render_again(found[0], policies or PolicyLibrary.bundled(), record.spec, memo_prints.ProfileSigner(store))


def _expected_pages(store: CaseStore, record: PrintRecord, policies: PolicyLibrary | None) -> _Expected:
    from printing.verify import page_prints

    again = render_record(store, record, policies)
    if isinstance(again, str):
        return _Expected(_recorded(record), "as printed", False, None,
                         f"not rendered again: {again}; compared with the digests kept when it was printed")
    prints = tuple(p for p in page_prints(again.pdf) if p is not None)
    return _Expected(prints, "as rendered again from the store", True, again.pdf, "")


def check_scans(store: CaseStore, images: list[tuple[str, Any]], policies: PolicyLibrary | None = None, *,
                keep_images: bool = False) -> MemoCheck:
    """Scanned pages against the store: forged (a code not signed by this profile), unknown, incomplete (pages
    missing, duplicated, from another memo or unreadable), superseded or match. The stored memo is rendered
    again so a person can compare each scanned page with the page it claims to be (`keep_images`: the result
    carries each scanned image as PNG, for the window to show)."""
    from printing import scan
    from storage import memo_prints

    pages = scan.read_pages(images)
    if not any(p.seal for p in pages):
        return MemoCheck("unknown", "No Casefile page code could be read on any page.",
                         scans=_scan_pages(images, pages, None, {}, keep_images))
    forged = [p.source for p in pages if p.seal and not memo_prints.signature_valid(store, p.seal)]
    report = scan.account(pages)
    lines = report.lines()
    notes: dict[str, str] = {}
    if forged:
        return MemoCheck("forged", f"{', '.join(forged)}: the page code is not signed by this profile.",
                         tuple(lines), scans=_scan_pages(images, pages, None, notes, keep_images))
    m = report.memo
    assert m is not None
    base = memo_prints.check_memo_seal(store, m)
    if base.status == "unknown":
        return MemoCheck("unknown", base.message, tuple(lines),
                         scans=_scan_pages(images, pages, None, notes, keep_images))
    record = memo_prints.get_print(store, m.print_id)
    stored_pdf = None
    if record is not None:
        recorded = _recorded(record)
        for p in pages:
            s = p.seal
            if s is not None and s.print_id == m.print_id and (
                    s.page > len(recorded) or recorded[s.page - 1].contents != s.page_digest):
                notes[p.source] = "its code does not match the page as printed"
        again = render_record(store, record, policies)
        stored_pdf = None if isinstance(again, str) else again.pdf
    else:
        lines.append("this store keeps no record of the print: the stored pages cannot be shown")
    scans = _scan_pages(images, pages, m.print_id, notes, keep_images)
    if notes:
        return MemoCheck("altered", "A page's code does not match the page as printed.",
                         (*lines, *(f"{k}: {v}" for k, v in notes.items())), stored_pdf, scans)
    if report.missing or report.duplicated or report.foreign or report.unreadable:
        return MemoCheck("incomplete", f"The scan is not the whole memo of case {m.case_number} (revision "
                         f"{m.revision}).", tuple(lines), stored_pdf, scans)
    if base.status == "superseded":
        return MemoCheck("superseded", base.message, tuple(lines), stored_pdf, scans)
    return MemoCheck("match", f"Every page of the memo of case {m.case_number} (revision {m.revision}, "
                     f"{m.total} pages) is here, each code signed by this profile; compare each page with the "
                     "stored page to see that nothing was written over.", tuple(lines), stored_pdf, scans)


def _scan_pages(images: list[tuple[str, Any]], pages: list[ScannedPage], print_id: str | None,
                notes: dict[str, str], keep_images: bool) -> tuple[ScanPage, ...]:
    out = []
    for (source, image), page in zip(images, pages, strict=True):
        buffer = io.BytesIO()
        if keep_images:
            image.save(buffer, format="PNG", compress_level=1)
        s = page.seal
        if s is None:
            number, note = None, "no Casefile page code could be read"
        elif print_id is not None and s.print_id != print_id:
            number, note = None, (f"from another memo: page {s.page} of {s.total} of case {s.case_number}, "
                                  f"revision {s.revision}")
        else:
            number, note = s.page, notes.get(source, f"page {s.page} of {s.total}")
        out.append(ScanPage(source, buffer.getvalue(), number, note))
    return tuple(out)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "print": cmd_print,
    "verify": cmd_verify,
}
