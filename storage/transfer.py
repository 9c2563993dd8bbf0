"""Exchange files into and out of the store: what `casefile import`/`export` and File ▸ Import…/Export… share.

Importing is two steps, so that a window can show what will happen before anything is written:
`look_at(store, path)` reads and checks one file and says what importing it would do (a new case, a case already
in the store, a review bundle, or refused and why), without writing; `take_in(store, item, replace=…)` then
imports it in one transaction (the store audits it: `case_imported`, or the bundle's submission). Exporting:
`exported_case` (the case as stored, its open revision closed first so the export is one revision),
`export_name`, and `export_cases`, which writes every file or none (storage.outputs) and records a
`case_exported` audit entry per case once the files are on disk.

The long loops take `progress(done, total)` and `cancelled()` so that a window can show progress and offer
Cancel: an import stops between files (each file is its own transaction; what was imported stays, and says so),
an export stops before writing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from casework.errors import ExchangeError
from casework.exchange import Exchanged, dump_case, load_exchange
from casework.i18n import QT_TRANSLATE_NOOP, Message, message_of
from casework.model import CaseFile
from casework.validation import validate_case
from storage.bundle import Bundle, BundleError, is_bundle, read_bundle, receive_for_review
from storage.errors import Cancelled, UserFacingError
from storage.outputs import check_output_path, write_outputs
from storage.store import CaseStore, SaveResult, import_id

Progress = Callable[[int, int], object]
"""progress(done, total): called after each file or case."""
IsCancelled = Callable[[], bool]


class ImportRefused(UserFacingError):
    """A file that cannot be imported; the message names the file and the problem."""

    title = "Not imported"


class Kind(Enum):
    NEW = "new"
    PRESENT = "present"
    BUNDLE = "bundle"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ImportItem:
    """What importing one file would do (`look_at`), and what it carries to `take_in`."""

    path: Path
    kind: Kind
    detail: str
    """The case it holds ("CF-2026-0001 · Okafor, Ana"), where it already is, whose bundle, or why it is refused."""
    case: CaseFile | None = None
    bundle: Bundle | None = None
    attachment_data: dict[str, bytes] = field(default_factory=dict)
    """The content of the attachments the file carries, by SHA-256 (checked against it on reading)."""


def read_exchange_file(path: Path, data: bytes | None = None) -> Exchanged:
    """A case from an exchange file with the attachments it carries, checked field by field and against their
    hashes; ImportRefused (naming the file) otherwise."""
    try:
        found = load_exchange(path.read_bytes() if data is None else data)
    except OSError as exc:
        raise ImportRefused(_ON_PATH.format(path=path, problem=exc.strerror or str(exc))) from None
    except ExchangeError as exc:
        raise ImportRefused(_ON_PATH.format(path=path, problem=message_of(exc))) from None
    if errors := validate_case(found.case):
        raise ImportRefused(QT_TRANSLATE_NOOP("cli", "{path}: {field}: {problem}").format(
            path=path, field=errors[0].field, problem=errors[0].message))
    return found


_ON_PATH = QT_TRANSLATE_NOOP("cli", "{path}: {problem}")  # the CLI's catalogue context: it says these lines


def _describe(case: CaseFile) -> Message:
    s = case.subject
    name = ", ".join(p for p in (s.family_name, s.given_names) if p) or QT_TRANSLATE_NOOP("storage", "no name")
    return QT_TRANSLATE_NOOP("storage", "{number} · {name}").format(
        number=case.case_number or QT_TRANSLATE_NOOP("storage", "no case number yet"), name=name)


def look_at(store: CaseStore, path: Path) -> ImportItem:
    """Read and check `path` and say what importing it would do; nothing is written."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ImportItem(path, Kind.REFUSED, QT_TRANSLATE_NOOP("storage", "cannot be read: {problem}.").format(
            problem=exc.strerror or str(exc)))
    if is_bundle(raw):
        try:
            bundle = read_bundle(raw)
        except BundleError as exc:
            return ImportItem(path, Kind.REFUSED, message_of(exc))
        return ImportItem(path, Kind.BUNDLE, QT_TRANSLATE_NOOP(
            "storage", "a review bundle of {case}, from {name} ({officer_id})").format(
            case=_describe(bundle.case), name=bundle.signer.name, officer_id=bundle.signer.officer_id), bundle=bundle)
    try:
        found = read_exchange_file(path, raw)
    except ImportRefused as exc:
        said = message_of(exc)
        problem = said.params.get("problem") if isinstance(said, Message) else None
        field_name = said.params.get("field") if isinstance(said, Message) else None
        if isinstance(problem, str) and isinstance(field_name, str):  # a field's problem says which field
            problem = QT_TRANSLATE_NOOP("storage", "{field}: {problem}").format(field=field_name, problem=problem)
        return ImportItem(path, Kind.REFUSED, problem if isinstance(problem, str) else
                          str(exc).removeprefix(f"{path}: "))
    case = found.case
    stored = store.list_cases([import_id(case)])  # from the list index: no body decrypted
    if stored:
        return ImportItem(path, Kind.PRESENT, QT_TRANSLATE_NOOP("storage", "{case}: already in the store as {number}")
                          .format(case=_describe(case), number=stored[0].case_number),
                          case=case, attachment_data=found.attachment_data)
    return ImportItem(path, Kind.NEW, _describe(case), case=case, attachment_data=found.attachment_data)


def look_at_files(store: CaseStore, paths: Sequence[Path], *, progress: Progress = lambda _d, _t: None,
                  cancelled: IsCancelled = lambda: False) -> list[ImportItem]:
    """`look_at` for each file; Cancelled when cancelled (nothing was written either way)."""
    items = []
    for n, path in enumerate(paths, 1):
        if cancelled():
            raise Cancelled()
        items.append(look_at(store, path))
        progress(n, len(paths))
    return items


def received_line(case_number: str, name: str, officer_id: str) -> Message:
    """The line saying a review bundle was taken in (the CLI prints it; the window lists it)."""
    return QT_TRANSLATE_NOOP("storage", "Received {number} for review from {name} ({officer_id})").format(
        number=case_number, name=name, officer_id=officer_id)


def import_summary(path: Path, result: SaveResult) -> Message:
    """One line on what importing `path` did (the CLI prints it; the window lists it), to be translated."""
    case = result.case
    if result.changes.cases:
        return QT_TRANSLATE_NOOP("storage", "Imported {number} (revision {revision}) from {path}").format(
            number=case.case_number, revision=case.revision, path=str(path))
    return QT_TRANSLATE_NOOP("storage", "Unchanged {number} (revision {revision}): {path} holds the same "
                             "record").format(number=case.case_number, revision=case.revision, path=str(path))


def take_in(store: CaseStore, item: ImportItem, *, replace: bool = False) -> Message:
    """Import one looked-at file in one transaction; the line saying what happened. UserFacingError (naming the
    case) when the store refuses it: nothing of that file was written."""
    if item.bundle is not None:
        result = receive_for_review(store, item.bundle)
        signer = item.bundle.signer
        return received_line(result.case.case_number, signer.name, signer.officer_id)
    if item.case is None:
        raise ImportRefused(f"{item.path}: {item.detail}")
    (result,) = store.import_cases([item.case], replace_existing=replace,
                                   attachment_data=list(item.attachment_data.values()))
    return import_summary(item.path, result)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    path: Path
    imported: bool
    message: str


def take_in_files(store: CaseStore, items: Sequence[ImportItem], *, replace: bool = False,
                  progress: Progress = lambda _d, _t: None, cancelled: IsCancelled = lambda: False
                  ) -> list[ImportOutcome]:
    """`take_in` each item, one transaction each, saying per file what happened; stops between files when
    cancelled (what was imported stays, the rest says it was not)."""
    outcomes = []
    for n, item in enumerate(items, 1):
        if cancelled():
            outcomes.append(ImportOutcome(item.path, False, QT_TRANSLATE_NOOP(
                "storage", "{name}: not imported (cancelled).").format(name=item.path.name)))
            continue
        try:
            outcomes.append(ImportOutcome(item.path, True, take_in(store, item, replace=replace)))
        except UserFacingError as exc:
            outcomes.append(ImportOutcome(item.path, False, QT_TRANSLATE_NOOP(
                "storage", "{name}: not imported: {problem}").format(name=item.path.name, problem=message_of(exc))))
        progress(n, len(items))
    return outcomes


# ----- export ------------------------------------------------------------------------------------------------

def export_name(case_number: str, case_id: str) -> str:
    """`CASE_NUMBER.json`, or the id when the number could not be a plain file name."""
    name = f"{case_number}.json"
    return name if case_number and Path(name).name == name and not name.startswith(".") else f"{case_id}.json"


def exported_case(store: CaseStore, case_id: str) -> bytes:
    """The case as stored, as an exchange file carrying the content of its attachments; its open revision is
    closed first, so what is exported stays one revision."""
    store.close_revision(case_id)
    case = store.get_case(case_id)
    data = {a.sha256: store.get_blob(a.sha256) for a in case.attachments}
    return dump_case(case, data).encode("utf-8")


def export_cases(store: CaseStore, case_ids: Iterable[str], output: Path, *, folder: bool,
                 protected_dirs: Iterable[Path], force: bool = False, progress: Progress = lambda _d, _t: None,
                 cancelled: IsCancelled = lambda: False) -> list[Path]:
    """Write the cases as exchange files — into the folder `output` (named by `export_name`) or, for one case,
    as the file `output` — all or none, 0600, never over the data folder or (without `force`) an existing
    file; then record a `case_exported` entry per case. Cancelled (nothing written) when cancelled."""
    protected = list(protected_dirs)
    ids = list(case_ids)
    if not folder and len(ids) != 1:
        raise ValueError("a single output file holds exactly one case")
    check_output_path(output, protected_dirs=protected, force=force, kind="folder" if folder else "file",
                      new_folder_ok=folder)
    numbers = {s.id: s.case_number for s in store.list_cases(ids)}
    files: dict[Path, bytes] = {}
    targets: list[tuple[str, Path]] = []
    for n, case_id in enumerate(ids, 1):
        if cancelled():
            raise Cancelled()
        target = output / export_name(numbers.get(case_id, ""), case_id) if folder else output
        files[target] = exported_case(store, case_id)
        targets.append((case_id, target))
        progress(n, len(ids))
    if cancelled():
        raise Cancelled()
    written = write_outputs(files, protected_dirs=protected, force=force)
    for case_id, target in targets:
        store.record_event("case_exported", case_id, target.name)
    return written
