"""`casefile COMMAND`: headless commands for scripting and office IT, in the spirit of keepassxc-cli.

Exit status: 0 success, 2 bad input or a refused operation (one line on stderr), 1 an unexpected failure
(one line on stderr; never a traceback, which could carry case data to a terminal or a log).
This module imports no Qt, so it runs on machines without a display.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from casework.errors import ExchangeError, NotPrintable, PolicyError
from storage.errors import AppError, UserFacingError
from storage.paths import StorePaths, default_data_dir

if TYPE_CHECKING:
    from casework.model import CaseFile
    from casework.policy import Policy, PolicyLibrary
    from storage.store import CaseStore

# The domain and store modules are imported inside the commands that use them: `casefile` with no command
# starts the GUI, whose launch time must not pay for crypto, SQLCipher and the exchange format.

PROG = "casefile"


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{PROG} --help')")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Casefile: encrypted field case files. With no command, opens the app.")
    p.add_argument("--data-dir", type=Path, help="the profile's folder (default: CASEFILE_DATA_DIR or the "
                   "platform data directory)")
    p.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file's first line "
                   "(else CASEFILE_PASSPHRASE, else a prompt)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="set up a new profile and its encrypted store")
    init.add_argument("--officer-name", required=True)
    init.add_argument("--officer-id", required=True)
    init.add_argument("--office", required=True)

    lst = sub.add_parser("list", help="list the cases in the store")
    lst.add_argument("--json", action="store_true", help="one JSON object per line")

    imp = sub.add_parser("import", help="add cases from JSON exchange files")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--replace", action="store_true", help="overwrite a case already in the store (a new revision)")

    exp = sub.add_parser("export", help="write a case as a JSON exchange file (plaintext: handle with care)")
    exp.add_argument("case", nargs="?", help="case number or id")
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    exp.add_argument("--all", action="store_true", help="export every case into the folder given by -o")

    pw = sub.add_parser("passwd", help="change the profile's passphrase (the store is not re-encrypted)")
    pw.add_argument("--new-passphrase-file", type=Path, help="read the new passphrase from this file")

    chk = sub.add_parser("check", help="list what is open or contradictory in case files' assessments "
                         "(exit 0 complete, 1 items open, 2 bad input)")
    chk.add_argument("files", nargs="+", type=Path)
    chk.add_argument("--json", action="store_true", help="one JSON object per file")

    from desktop import cli_memo

    cli_memo.add_parsers(sub)
    sub.add_parser("schema", help="print the JSON Schema of the exchange format")
    sub.add_parser("demo", help="open the app on a throwaway store of fictional sample cases")
    return p


def _commands() -> dict[str, Callable[[argparse.Namespace], int]]:
    from desktop import cli_memo

    return {**COMMANDS, **cli_memo.COMMANDS}


def main(argv: Sequence[str] | None = None, *, launch_gui: Callable[[argparse.Namespace], int] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
        if args.command in (None, "demo"):
            if launch_gui is None:
                raise UsageError("the app cannot be started from here")
            return launch_gui(args)
        return _commands()[args.command](args)
    except UsageError as exc:
        return _fail(str(exc))
    except (UserFacingError, ExchangeError, NotPrintable, PolicyError) as exc:
        return _fail(str(exc))
    except AppError as exc:
        return _fail(str(exc) or type(exc).__name__)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:
        return _fail(f"unexpected {type(exc).__name__}; nothing further was changed", 1)


def _fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return code


def data_dir(args: argparse.Namespace) -> Path:
    return args.data_dir if args.data_dir else default_data_dir()


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ", confirm: bool = False,
                    file: Path | None = None) -> str:
    source = file if file is not None else args.passphrase_file
    if source is not None:
        try:
            text = source.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read the passphrase file {source}: {exc.strerror}") from None
        lines = text.splitlines()
        if not lines or not lines[0]:
            raise UsageError(f"the passphrase file {source} is empty")
        return lines[0]
    if file is None and (env := os.environ.get("CASEFILE_PASSPHRASE")):
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("no passphrase given: use --passphrase-file or CASEFILE_PASSPHRASE, or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise UsageError("the two passphrases differ")
    return first


def load_case_file(path: Path) -> CaseFile:
    """A case from an exchange file, checked field by field; UsageError (one line, exit 2) otherwise."""
    from casework.exchange import load_case
    from casework.validation import validate_case

    try:
        case = load_case(path.read_bytes())
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror}") from None
    except ExchangeError as exc:
        raise UsageError(f"{path}: {exc}") from None
    if errors := validate_case(case):
        raise UsageError(f"{path}: {errors[0]}")
    return case


def policy_for(case: CaseFile, library: PolicyLibrary, path: Path) -> Policy:
    """The policy version the case's assessment was made under (the newest, before an assessment exists)."""
    a = case.assessment
    try:
        return library.get(a.policy_id, a.policy_version) if a else library.latest()
    except PolicyError as exc:
        raise UsageError(f"{path}: {exc}") from None


def cmd_init(args: argparse.Namespace) -> int:
    from casework.model import Officer
    from storage.store import CaseStore

    for name in ("officer_name", "officer_id", "office"):
        if not getattr(args, name).strip():
            raise UsageError(f"--{name.replace('_', '-')} must not be empty")
    passphrase = read_passphrase(args, prompt="New passphrase: ", confirm=True)
    officer = Officer(args.officer_name.strip(), args.officer_id.strip(), args.office.strip())
    with CaseStore.create(data_dir(args), passphrase, officer) as store:
        print(f"Created an encrypted case store for {officer.name} in {store.paths.data_dir}")
    return 0


def _open(args: argparse.Namespace, passphrase: str | None = None) -> CaseStore:
    from storage.store import CaseStore

    paths = StorePaths(data_dir(args))
    if not paths.exists():
        raise UsageError(f"there is no case store in {paths.data_dir}; run '{PROG} init' first")
    return CaseStore.open(paths.data_dir, passphrase if passphrase is not None else read_passphrase(args))


def cmd_list(args: argparse.Namespace) -> int:
    from casework.labels import label

    with _open(args) as store:
        for s in store.list_cases():
            if args.json:
                print(json.dumps({"id": s.id, "case_number": s.case_number, "family_name": s.family_name,
                                  "given_names": s.given_names, "a_number": s.a_number, "status": s.status.value,
                                  "revision": s.revision,
                                  "updated_at": s.updated_at.isoformat() if s.updated_at else None},
                                 ensure_ascii=False))
            else:
                print(f"{s.case_number}\t{s.display_name}\t{s.a_number}\t{label(s.status)}\trev {s.revision}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    # Read and check every file first, so one bad file imports nothing ("nothing saved half-way").
    cases = [(path, load_case_file(path)) for path in args.files]
    with _open(args) as store:
        for path, case in cases:
            if case.id and store.has_case(case.id) and not args.replace:
                raise UsageError(f"{path}: case {case.case_number or case.id} is already in the store "
                                 "(use --replace to save it as a new revision)")
        results = store.import_cases([case for _path, case in cases], replace_existing=args.replace)
        for (path, _case), result in zip(cases, results, strict=True):
            print(f"Imported {result.case.case_number} (revision {result.case.revision}) from {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from casework.exchange import dump_case

    if args.all == bool(args.case):
        raise UsageError("name one case, or give --all with -o FOLDER")
    if args.all and not args.output:
        raise UsageError("--all needs -o FOLDER")
    with _open(args) as store:
        if args.all:
            args.output.mkdir(parents=True, exist_ok=True)
            for s in store.list_cases():
                target = args.output / f"{s.case_number}.json"
                target.write_text(dump_case(store.get_case(s.id)), encoding="utf-8")
                store.record_event("case_exported", s.id, target.name)
            return 0
        case = store.find_case(args.case)
        text = dump_case(case)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        store.record_event("case_exported", case.id, args.output.name if args.output else "stdout")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    old = read_passphrase(args, prompt="Current passphrase: ")
    with _open(args, old) as store:
        new = read_passphrase(args, prompt="New passphrase: ", confirm=True, file=args.new_passphrase_file)
        store.change_passphrase(old, new)
    print("Passphrase changed.")
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
                              "items": [{"field": i.field, "kind": i.kind.value, "message": i.message}
                                        for i in items]}, ensure_ascii=False))
        else:
            state = "complete" if complete else f"{len(blocking(items))} item(s) to address"
            print(f"{path}: {case.case_number or '(no case number)'}: {state}")
            for item in items:
                print(f"  {item}")
    return 1 if incomplete else 0


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
