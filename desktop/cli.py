"""`casefile COMMAND`: headless commands for scripting and office IT, in the spirit of keepassxc-cli.

Exit status: 0 success, 2 bad input or a refused operation (one line on stderr), 1 an unexpected failure
(one line on stderr; never a traceback, which could carry case data to a terminal or a log). A reader that
stops early (`casefile list | head -1`) ends the command quietly with 141, as SIGPIPE ends other tools.
Nothing is half-written: every input is checked before the first write, and files are written atomically.
This module imports no Qt, so it runs on machines without a display.
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from casework.errors import ExchangeError, NotPrintable, PolicyError
from casework.i18n import QT_TRANSLATE_NOOP, message_of, plural
from desktop import cli_i18n
from storage import error_map
from storage.errors import AppError, CaseConflict, UserFacingError
from storage.paths import StorePaths, default_data_dir

if TYPE_CHECKING:
    from casework.exchange import Exchanged
    from casework.model import CaseFile, Officer
    from casework.policy import Policy, PolicyLibrary
    from storage.store import CaseStore

# The domain and store modules are imported inside the commands that use them: `casefile` with no command
# starts the GUI, whose launch time must not pay for crypto, SQLCipher and the exchange format.

PROG = "casefile"
BROKEN_PIPE_EXIT = 141
"""128 + SIGPIPE: what a shell reports for a command whose reader went away."""


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


class StdoutFailed(Exception):
    """Writing to standard output failed (a closed pipe, a full device): told apart from every other OSError."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror)
        self.error = error


class _GuardedStdout(io.TextIOBase):
    """sys.stdout while a command runs: a failed write or flush raises StdoutFailed instead of OSError."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        try:
            return self._inner.write(text)
        except OSError as exc:
            raise StdoutFailed(exc) from None

    def flush(self) -> None:
        try:
            self._inner.flush()
        except OSError as exc:
            raise StdoutFailed(exc) from None

    def fileno(self) -> int:
        return self._inner.fileno()

    def isatty(self) -> bool:
        return self._inner.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextmanager
def _guarded_stdout() -> Iterator[None]:
    inner = sys.stdout
    if inner is None:  # pythonw on Windows
        yield
        return
    sys.stdout = _GuardedStdout(inner)
    try:
        yield
        sys.stdout.flush()  # inside the guard: a full device or a closed pipe is reported here, not at exit
    finally:
        sys.stdout = inner


def _silence_stdout() -> None:
    """Point file descriptor 1 at the null device, so the interpreter's last flush at exit cannot fail again
    and print a traceback (the recipe in the Python docs' signal module notes on SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation, AttributeError):
        pass  # not a real file (a test's capture): nothing will be flushed at exit


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(QT_TRANSLATE_NOOP("cli", "{problem} (see '{prog} --help')").format(problem=message, prog=PROG))


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Casefile: encrypted field case files. With no command, opens the app.")
    p.add_argument("--data-dir", type=Path, help="the profile's folder (default: CASEFILE_DATA_DIR or the "
                   "platform data directory)")
    p.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file's first line "
                   "(else CASEFILE_PASSPHRASE, else a prompt)")
    p.add_argument("--language", choices=cli_i18n.LANGUAGES, help="the language of messages and help: system "
                   "(the default: the profile's setting, else the system's), en or es")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="set up a new profile and its encrypted store")
    init.add_argument("--officer-name", required=True)
    init.add_argument("--officer-id", required=True)
    init.add_argument("--office", required=True)
    init.add_argument("--recovery-key", type=Path, help="the office's public recovery key (from 'casefile office "
                      "keygen'): office IT can then reset a forgotten passphrase")
    init.add_argument("--fips", action="store_true", help="key slots with PBKDF2-HMAC-SHA512 instead of Argon2id, "
                      "for deployments that require FIPS-approved key derivation")
    init.add_argument("--role", choices=[r.value for r in _roles()], default="officer",
                      help="officer (records and submits cases) or supervisor (also reviews others' submissions)")

    lst = sub.add_parser("list", help="list the cases in the store")
    lst.add_argument("--json", action="store_true", help="one JSON object per line")

    imp = sub.add_parser("import", help="add cases from JSON exchange files or review bundles")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--replace", action="store_true", help="overwrite a case already in the store (a new revision)")

    exp = sub.add_parser("export", help="write a case as a JSON exchange file (plaintext: handle with care)")
    exp.add_argument("case", nargs="?", help="case number or id")
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    exp.add_argument("--all", action="store_true", help="export every case into the folder given by -o")
    exp.add_argument("--force", action="store_true", help="replace output files that already exist")
    exp.add_argument("--for-review", action="store_true", help="write a submitted case as a review bundle signed "
                     "with this profile's key, for a supervisor's profile to import")

    pw = sub.add_parser("passwd", help="change the profile's passphrase (the store is not re-encrypted)")
    pw.add_argument("--new-passphrase-file", type=Path, help="read the new passphrase from this file")

    chk = sub.add_parser("check", help="list what is open or contradictory in case files' assessments "
                         "(exit 0 complete, 1 items open, 2 bad input)")
    chk.add_argument("files", nargs="+", type=Path)
    chk.add_argument("--json", action="store_true", help="one JSON object per file")

    from desktop import cli_memo, cli_office, cli_policy, cli_store, cli_workflow

    cli_office.add_parsers(sub)
    cli_memo.add_parsers(sub)
    cli_workflow.add_parsers(sub)
    cli_store.add_parsers(sub)
    cli_policy.add_parsers(sub)
    sub.add_parser("schema", help="print the JSON Schema of the exchange format")
    sub.add_parser("demo", help="open the app on a throwaway store of fictional sample cases")
    return p


def _roles() -> list[Any]:
    from casework.model import Role

    return list(Role)


def _commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    from desktop import cli_memo, cli_office, cli_policy, cli_store, cli_workflow

    return {**COMMANDS, **cli_memo.COMMANDS, **cli_workflow.COMMANDS, **cli_store.COMMANDS, **cli_policy.COMMANDS,
            **cli_office.COMMANDS}


class _HeldLog(logging.Handler):
    """A command's log records, held until it ends (see _write_log)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self.command: list[str] = []
        self.folder: Path | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def main(argv: Sequence[str] | None = None, *, launch_gui: Callable[[argparse.Namespace], int] | None = None) -> int:
    """Run one command. Its events go to the profile's `logs/casefile.log`, as the window's do (desktop.app.
    setup_logging: events and error stacks, never case data or error messages) — the store opened and closed, an
    office folder's repairs, an unexpected failure's stack — written when the command ends (_write_log)."""
    from desktop import app

    held = _HeldLog() if app.logging_to() is None else None  # else the app's own log (in its process) has them
    if held is not None:
        for name in app.LOGGERS:
            logging.getLogger(name).addHandler(held)
            logging.getLogger(name).setLevel(logging.INFO)
    code = 1
    try:
        code = _main(argv, launch_gui, held)
        return code
    finally:
        if held is not None:
            for name in app.LOGGERS:
                logging.getLogger(name).removeHandler(held)
            _write_log(held, code)


def _write_log(held: _HeldLog, code: int) -> None:
    """Append a command's records to its profile's log when the profile is there at its end (`print` without a
    store, `schema` or a refused `init` make no profile folder for it). A command refused as bad input (exit 2)
    changed nothing and leaves the folder byte for byte as it was, log included, unless it logged a warning or an
    error (an office folder repaired before the refusal). Writing is best effort: a full disk loses the lines,
    never the command's own result or output."""
    from desktop import app

    if held.folder is None or not StorePaths(held.folder).exists():
        return
    if code == 2 and all(r.levelno < logging.WARNING for r in held.records):
        return
    end = logging.LogRecord(__name__, logging.INFO, __file__, 0, "command %s ended with exit status %d",
                            (" ".join(held.command), code), None)
    handler = app.setup_logging(StorePaths(held.folder).log_dir)
    if handler is None:
        return
    handler.handleError = lambda record: None  # type: ignore[method-assign]
    try:
        for record in [*held.records, end]:
            handler.handle(record)
    finally:
        app.stop_logging()


def _main(argv: Sequence[str] | None, launch_gui: Callable[[argparse.Namespace], int] | None,
          held: _HeldLog | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args: argparse.Namespace | None = None
    catalogue = _catalogue(argv)
    say = catalogue.text  # every message in the command's language (cli_i18n); English where none exists
    try:
        with _guarded_stdout(), cli_i18n.argparse_in(catalogue):
            parser = build_parser()
            cli_i18n.translate_help(parser, catalogue)
            args = parser.parse_args(argv)
            args.catalogue = catalogue  # commands that print people's words (check's items) speak the same language
            if args.command in (None, "demo"):
                if launch_gui is None:
                    raise UsageError(QT_TRANSLATE_NOOP("cli", "the app cannot be started from here"))
                return launch_gui(args)
            if held is not None:
                sub_command = getattr(args, args.command.replace("-", "_") + "_command", None)
                held.command = [args.command, *([sub_command] if sub_command else [])]
                held.folder = _folder_or_none(args)
            return _commands()[args.command](args)
    except StdoutFailed as exc:
        _silence_stdout()
        if isinstance(exc.error, BrokenPipeError):
            return BROKEN_PIPE_EXIT  # the reader has what it wanted (`| head`): nothing to report
        return _fail(say(QT_TRANSLATE_NOOP("cli", "cannot write to standard output: {problem}").format(
            problem=exc.error.strerror)))
    except UsageError as exc:
        return _fail(say(message_of(exc)))
    except (UserFacingError, ExchangeError, NotPrintable, PolicyError) as exc:
        return _fail(say(message_of(exc)))
    except AppError as exc:
        return _fail(say(message_of(exc)) or type(exc).__name__)
    except KeyboardInterrupt:
        return _fail(say(QT_TRANSLATE_NOOP("cli", "interrupted")), 130)
    except Exception as exc:
        # An OS or SQLite error that no command turned into words: the one mapping names it if it can.
        folder = args.data_dir if args is not None and args.data_dir else default_data_dir()
        doing = QT_TRANSLATE_NOOP("cli", "finish this command")
        if (mapped := error_map.user_error(exc, folder, doing=doing)) is not None:
            return _fail(say(message_of(mapped)))
        # its type and stack for the log, never its message (desktop.app.RedactingFormatter)
        logging.getLogger(__name__).error("unexpected failure", exc_info=exc)
        return _fail(say(QT_TRANSLATE_NOOP("cli", "unexpected {error}; nothing further was changed").format(
            error=type(exc).__name__)), 1)


def _folder_or_none(args: argparse.Namespace) -> Path | None:
    try:
        return data_dir(args)
    except (OSError, AppError):
        return None


def _catalogue(argv: list[str]) -> cli_i18n.Catalogue:
    """The catalogue of the language this command speaks; English if choosing or loading it fails (a message
    in English is better than a traceback)."""
    try:
        return cli_i18n.Catalogue(cli_i18n.choose_language(argv))
    except Exception:
        return cli_i18n.ENGLISH


def _fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return code


def data_dir(args: argparse.Namespace) -> Path:
    """The profile folder the command works on; WrongKindOfPath (exit 2) when it, or a folder above it, is a
    file."""
    folder = args.data_dir if args.data_dir else default_data_dir()
    error_map.check_data_dir(folder)
    return folder


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ", confirm: bool = False,
                    file: Path | None = None) -> str:
    source = file if file is not None else args.passphrase_file
    if source is not None:
        try:
            text = source.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(QT_TRANSLATE_NOOP("cli", "cannot read the passphrase file {path}: {problem}").format(
                path=source, problem=exc.strerror)) from None
        except UnicodeDecodeError:
            raise UsageError(QT_TRANSLATE_NOOP("cli", "the passphrase file {path} is not UTF-8 text").format(
                path=source)) from None
        lines = text.splitlines()
        if not lines or not lines[0]:
            raise UsageError(QT_TRANSLATE_NOOP("cli", "the passphrase file {path} is empty").format(path=source))
        return lines[0]
    if file is None and (env := os.environ.get("CASEFILE_PASSPHRASE")):
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(QT_TRANSLATE_NOOP("cli", "no passphrase given: use --passphrase-file or CASEFILE_PASSPHRASE, "
                                           "or run in a terminal"))
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise UsageError(QT_TRANSLATE_NOOP("cli", "the two passphrases differ"))
    return first


def load_case_file(path: Path) -> CaseFile:
    """A case from an exchange file, checked field by field; UsageError (one line, exit 2) otherwise."""
    return load_exchange_file(path).case


def load_exchange_file(path: Path) -> Exchanged:
    """A case from an exchange file with the attachments it carries (checked against their hashes)."""
    from storage.transfer import ImportRefused, read_exchange_file

    try:
        return read_exchange_file(path)
    except ImportRefused as exc:
        raise UsageError(message_of(exc)) from None


_ON_PATH = QT_TRANSLATE_NOOP("cli", "{path}: {problem}")


def policy_for(case: CaseFile, library: PolicyLibrary, path: Path) -> Policy:
    """The policy version the case's assessment was made under (the newest, before an assessment exists)."""
    a = case.assessment
    try:
        return library.get(a.policy_id, a.policy_version) if a else library.latest()
    except PolicyError as exc:
        raise UsageError(_ON_PATH.format(path=path, problem=message_of(exc))) from None


def cmd_init(args: argparse.Namespace) -> int:
    from casework.model import Officer, Role
    from storage.store import CaseStore

    for name in ("officer_name", "officer_id", "office"):
        if not getattr(args, name).strip():
            raise UsageError(QT_TRANSLATE_NOOP("cli", "{option} must not be empty").format(
                option="--" + name.replace("_", "-")))
    from casework.validation import check_officer_id, check_officer_name

    for option, problem in (("--officer-name", check_officer_name(args.officer_name.strip())),
                            ("--officer-id", check_officer_id(args.officer_id.strip()))):
        if problem:
            raise UsageError(QT_TRANSLATE_NOOP("cli", "{option}: {problem}").format(option=option, problem=problem))
    from printing.fonts import missing_glyphs

    for name in ("officer_name", "officer_id", "office"):  # every memo prints them: the profile must print
        if missing := missing_glyphs(getattr(args, name).strip()):
            raise UsageError(QT_TRANSLATE_NOOP("cli", "{option}: memos cannot print {chars}; type it with letters "
                                               "the memo's font has").format(option="--" + name.replace("_", "-"),
                                                                             chars=" ".join(missing)))
    folder = data_dir(args)
    officer = Officer(args.officer_name.strip(), args.officer_id.strip(), args.office.strip())
    from storage import keyslot, recovery

    recovery_key = recovery.load_public(args.recovery_key) if args.recovery_key is not None else None
    passphrase = read_passphrase(args, prompt="New passphrase: ", confirm=True)
    check_new_passphrase(passphrase, officer)
    with CaseStore.create(folder, passphrase, officer, role=Role(args.role), recovery_key=recovery_key,
                          kdf=keyslot.FIPS_KDF if args.fips else None) as store:
        line = QT_TRANSLATE_NOOP("cli", "Created an encrypted case store for {name} in {folder}").format(
            name=officer.name, folder=str(store.paths.data_dir))
        if recovery_key:
            line = QT_TRANSLATE_NOOP("cli", "{line}; recovery slot sealed to office recovery key {key}").format(
                line=line, key=store.recovery_key_id)
        if args.fips:
            line = QT_TRANSLATE_NOOP("cli", "{line}; FIPS key slots (PBKDF2-HMAC-SHA512)").format(line=line)
        cli_i18n.say(args, line)
    return 0


def check_new_passphrase(passphrase: str, officer: Officer) -> None:
    """casework's passphrase rule, the one every entry point applies (the store applies it again)."""
    from casework.passphrase import officer_words, passphrase_problem

    if problem := passphrase_problem(passphrase, officer_words(officer.name, officer.officer_id)):
        raise UsageError(QT_TRANSLATE_NOOP("cli", "the new passphrase is refused: {problem}").format(problem=problem))


def _open(args: argparse.Namespace, passphrase: str | None = None) -> CaseStore:
    from storage.store import CaseStore

    paths = StorePaths(data_dir(args))
    if not paths.exists():
        raise UsageError(QT_TRANSLATE_NOOP("cli", "there is no case store in {folder}; run '{prog} init' first").format(
            folder=paths.data_dir, prog=PROG))
    store = CaseStore.open(paths.data_dir, passphrase if passphrase is not None else read_passphrase(args))
    if store.damage is not None:  # opened read-only: say what is damaged and the way out, once, before the output
        from storage.store import StoreDamaged

        print(f"{PROG}: {StoreDamaged(store.paths, store.damage)}", file=sys.stderr)
    return store


def cmd_list(args: argparse.Namespace) -> int:
    from casework.labels import label

    with _open(args) as store:
        stale, unseen = store.stale_decisions(), store.decision_notices()
        for s in store.list_cases():
            if args.json:
                print(json.dumps({"id": s.id, "case_number": s.case_number, "family_name": s.family_name,
                                  "given_names": s.given_names, "a_number": s.a_number, "status": s.status.value,
                                  "revision": s.revision,
                                  "updated_at": s.updated_at.isoformat() if s.updated_at else None,
                                  "decision_stale": s.id in stale, "decision_unseen": s.id in unseen},
                                 ensure_ascii=False))
            else:
                flags = ("\tdecision stale: the case changed after the review" if s.id in stale else "") + (
                    "\tnew decision" if s.id in unseen else "")
                print(f"{s.case_number}\t{s.display_name}\t{s.a_number}\t{label(s.status)}\trev {s.revision}{flags}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from storage.bundle import is_bundle
    from storage.transfer import import_summary

    data = {path: _read_input(path) for path in args.files}
    bundles = [path for path, raw in data.items() if is_bundle(raw)]
    if bundles:
        if len(args.files) > 1:
            raise UsageError(QT_TRANSLATE_NOOP("cli", "{path}: import a review bundle on its own").format(
                path=bundles[0]))
        return _import_bundle(args, bundles[0], data[bundles[0]])
    # Read and check every file first, so one bad file imports nothing ("nothing saved half-way").
    found = [(path, load_exchange_file(path)) for path in args.files]
    cases = [(path, f.case) for path, f in found]
    carried = [data for _path, f in found for data in f.attachment_data.values()]
    with _open(args) as store:
        try:  # the store refuses a case already there (CaseConflict), all files or none
            results = store.import_cases([case for _path, case in cases], replace_existing=args.replace,
                                         attachment_data=carried)
        except CaseConflict as exc:
            if args.replace:
                raise
            raise UsageError(QT_TRANSLATE_NOOP("cli", "{problem} Use --replace to save the file as its next revision."
                                               ).format(problem=message_of(exc))) from None
        for (path, _case), result in zip(cases, results, strict=True):
            cli_i18n.say(args, import_summary(path, result))
    return 0


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(_ON_PATH.format(path=path, problem=exc.strerror)) from None


def _import_bundle(args: argparse.Namespace, path: Path, raw: bytes) -> int:
    from storage.bundle import read_bundle, receive_for_review

    bundle = read_bundle(raw)  # BundleError (a UserFacingError) names what is wrong
    with _open(args) as store:
        result = receive_for_review(store, bundle)
    from storage.transfer import received_line

    cli_i18n.say(args, received_line(result.case.case_number, bundle.signer.name, bundle.signer.officer_id))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Plaintext case files, never over the store or anything already there (unless --force), all or none.

    Every target is checked before the passphrase is asked for and again, per file, before the first byte is
    written; the files are written atomically, 0600. Exporting closes the case's open revision, so what was
    exported stays one revision.
    """
    from storage.outputs import check_output_path, write_output
    from storage.transfer import export_cases, exported_case

    if args.all == bool(args.case):
        raise UsageError(QT_TRANSLATE_NOOP("cli", "name one case, or give --all with -o FOLDER"))
    if args.for_review and (args.all or not args.output):
        raise UsageError(QT_TRANSLATE_NOOP("cli", "--for-review writes one case to the file given by -o"))
    if args.all and not args.output:
        raise UsageError(QT_TRANSLATE_NOOP("cli", "--all needs -o FOLDER"))
    protected = [data_dir(args)]
    if args.output:
        check_output_path(args.output, protected_dirs=protected, force=args.force,
                          kind="folder" if args.all else "file")
    with _open(args) as store:
        if args.all:
            count = len(export_cases(store, [s.id for s in store.list_cases()], args.output, folder=True,
                                     protected_dirs=protected, force=args.force))
            cases = plural.translate("cli", "%n case(s)", None, -1).of(count)
            cli_i18n.say(args, QT_TRANSLATE_NOOP("cli", "Exported {cases} to {folder} (plaintext: handle with care)")
                         .format(cases=cases, folder=str(args.output)))
            return 0
        case = store.find_case(args.case)
        if args.for_review:
            from storage.bundle import make_bundle

            write_output(args.output, make_bundle(store, case.id), protected_dirs=protected, force=args.force)
            store.record_event("case_bundled", case.id, f"for review, saved as {args.output.name}")
            cli_i18n.say(args, QT_TRANSLATE_NOOP("cli", "Wrote a review bundle of {number} to {path} (plaintext: "
                                                 "handle with care)").format(number=case.case_number,
                                                                             path=str(args.output)))
            return 0
        if args.output:
            export_cases(store, [case.id], args.output, folder=False, protected_dirs=protected, force=args.force)
            cli_i18n.say(args, QT_TRANSLATE_NOOP("cli", "Exported {number} to {path} (plaintext: handle with care)")
                         .format(number=case.case_number, path=str(args.output)))
            return 0
        sys.stdout.write(exported_case(store, case.id).decode("utf-8"))
        sys.stdout.flush()  # a full device or closed pipe stops here, before the export is recorded
        store.record_event("case_exported", case.id, "stdout")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from casework.model import Officer

    old = read_passphrase(args, prompt="Current passphrase: ")
    new = read_passphrase(args, prompt="New passphrase: ", confirm=True, file=args.new_passphrase_file)
    check_new_passphrase(new, Officer())  # refused before the store is even opened…
    with _open(args, old) as store:
        check_new_passphrase(new, store.officer)  # …and again knowing whose it is (name and ID are weak words)
        store.change_passphrase(old, new)
    cli_i18n.say(args, QT_TRANSLATE_NOOP("cli", "Passphrase changed."))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Needs no store and no passphrase: it reads exchange files and the bundled policy files."""
    from casework.checks import blocking, review_items
    from casework.policy import PolicyLibrary

    library = PolicyLibrary.bundled()
    incomplete = False
    for path in args.files:
        case = load_case_file(path)
        policy = policy_for(case, library, path)
        items = review_items(case, policy)
        complete = not blocking(items)
        incomplete |= not complete
        if args.json:
            print(json.dumps({"file": str(path), "case_number": case.case_number, "complete": complete,
                              "policy": {"id": policy.id, "version": policy.version},
                              "items": [{"field": i.field, "kind": i.kind.value, "message": i.message,
                                         "key": i.key, "blocks": i.blocks_submission,
                                         "acknowledged": i.acknowledged} for i in items]}, ensure_ascii=False))
        else:
            catalogue = getattr(args, "catalogue", cli_i18n.ENGLISH)
            state = (QT_TRANSLATE_NOOP("cli", "complete") if complete else
                     QT_TRANSLATE_NOOP("cli", "{count} item(s) to address").format(count=len(blocking(items))))
            number = case.case_number or QT_TRANSLATE_NOOP("cli", "(no case number)")
            print(f"{path}: {catalogue.text(number)}: {catalogue.text(state)}")
            for item in items:
                print(f"  {item}" if catalogue.language == "en" else f"  {_item_text(item, catalogue)}")
    return 1 if incomplete else 0


def _item_text(item: Any, catalogue: cli_i18n.Catalogue) -> str:
    """A check's item as Item.__str__ writes it, its words in the catalogue's language."""
    text = f"{item.kind.value}: {item.field}: {catalogue.text(item.message)}"
    if item.acknowledged:
        return text + " " + catalogue.text(QT_TRANSLATE_NOOP("cli", "[acknowledged: {note}]").format(
            note=item.acknowledged))
    if item.needs_acknowledgement:
        return text + " " + catalogue.text(QT_TRANSLATE_NOOP("cli", "[to acknowledge with a note, key {key}]").format(
            key=item.key))
    return text


def cmd_schema(args: argparse.Namespace) -> int:
    from casework.exchange import case_schema

    print(json.dumps(case_schema(), indent=2, ensure_ascii=False))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "list": cmd_list,
    "import": cmd_import,
    "export": cmd_export,
    "passwd": cmd_passwd,
    "schema": cmd_schema,
    "check": cmd_check,
}
