"""`casefile backup | backups | restore | doctor | salvage` and the office recovery key on the command line.

See storage.backup for what a backup holds and how it is checked. The recovery key (storage.recovery):
`casefile office keygen -o DIR` (office IT, once; the action is parsed in desktop.cli_office, run here),
`casefile init --recovery-key FILE` or `casefile recovery-slot add FILE` (each laptop), and
`casefile recover --recovery-private-key FILE` (office IT, for an officer who forgot the passphrase or whose
profile is locked out after too many wrong passphrases).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP
from desktop.cli import UsageError, _open, data_dir, read_passphrase
from desktop.cli_i18n import say

SEALED = QT_TRANSLATE_NOOP("cli", "Recovery slot sealed to office recovery key {key}")


def add_parsers(sub: Any) -> None:
    b = sub.add_parser("backup", help="write an encrypted, checked backup of the store (with its key file)")
    b.add_argument("-o", "--output", type=Path, help="a folder to write it to, e.g. a USB drive (default: the "
                   "profile's backups/ folder)")
    sub.add_parser("backups", help="list the backups in the profile's backups/ folder, newest first")
    r = sub.add_parser("restore", help="put a backup in place of the store; the store it replaces is kept aside")
    r.add_argument("backup", type=Path, help="a backup folder (as listed by 'casefile backups')")
    sub.add_parser("doctor", help="check the store (every page, its structure, every case, the audit log) and "
                   "report the crypto module (exit 0 healthy, 1 not)")
    s = sub.add_parser("salvage", help="copy every case and revision that can still be read from a damaged store "
                       "into a new store (the damaged one is left as it is)")
    s.add_argument("-o", "--output", type=Path, required=True, help="the folder for the new store (must not exist)")
    rs = sub.add_parser("recovery-slot", help="the profile's recovery slot, sealed to the office's public recovery "
                        "key")
    rsub = rs.add_subparsers(dest="recovery_slot_command", required=True)
    add = rsub.add_parser("add", help="seal the data key to the office's public recovery key (replacing an "
                          "earlier recovery slot)")
    add.add_argument("public_key", type=Path, help="the office's public recovery key (recovery-public-key.json)")
    rsub.add_parser("show", help="which office recovery key this profile's recovery slot is sealed to")
    rc = sub.add_parser("recover", help="office IT: set a new passphrase with the office's private recovery key "
                        "(also lifts a lockout)")
    rc.add_argument("--recovery-private-key", type=Path, required=True, help="the office's private recovery key "
                    "(recovery-private-key.json)")
    rc.add_argument("--key-passphrase-file", type=Path, help="read the recovery key's own passphrase from this "
                    "file's first line (else a prompt); the new profile passphrase comes from --passphrase-file, "
                    "CASEFILE_PASSPHRASE or a prompt")


def add_keygen_arguments(k: Any) -> None:
    """`casefile office keygen`'s arguments (the parser lives in desktop.cli_office's `office` group)."""
    k.add_argument("-o", "--output", type=Path, required=True, help="a folder for the key pair (made if missing; "
                   "existing key files are never replaced)")
    k.add_argument("--key-passphrase-file", type=Path, help="read the new key's passphrase from this file's first "
                   "line (else a prompt, asked twice)")


def _key_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    """The recovery key's own passphrase: never the profile's (so never CASEFILE_PASSPHRASE)."""
    if args.key_passphrase_file is not None:
        return read_passphrase(args, file=args.key_passphrase_file)
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("no passphrase for the recovery key: use --key-passphrase-file, or run in a terminal")
    first = getpass.getpass("Passphrase of the office recovery key: ")
    if confirm and getpass.getpass("Repeat: ") != first:
        raise UsageError("the two passphrases differ")
    return first


def cmd_office_keygen(args: argparse.Namespace) -> int:
    from storage.recovery import keygen

    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output} is a file; give a folder for the key pair")
    made = keygen(args.output, _key_passphrase(args, confirm=True))
    print(f"Office recovery key {made.key_id}")
    print(f"public (give to every laptop: casefile init --recovery-key): {made.public}")
    print(f"private (keep offline with office IT; never in a profile): {made.private}")
    return 0


def cmd_recovery_slot(args: argparse.Namespace) -> int:
    from storage.recovery import load_public

    public = load_public(args.public_key) if args.recovery_slot_command == "add" else None
    with _open(args) as store:
        if public is not None:
            store.add_recovery_slot(public)
            say(args, SEALED.format(key=store.recovery_key_id))
        elif store.recovery_key_id:
            say(args, SEALED.format(key=store.recovery_key_id))
        else:
            say(args, QT_TRANSLATE_NOOP("cli", "No recovery slot: a forgotten passphrase cannot be reset (casefile "
                                               "recovery-slot add FILE)"))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from storage.paths import StorePaths
    from storage.recovery import load_private
    from storage.store import CaseStore
    from storage.throttle import UnlockThrottle

    paths = StorePaths(data_dir(args))
    if not paths.exists():
        raise UsageError(f"there is no case store in {paths.data_dir}; nothing to recover")
    private = load_private(args.recovery_private_key, _key_passphrase(args, confirm=False))
    was_locked = UnlockThrottle(paths.throttle, mirror=paths.key_file).locked_out()
    new = read_passphrase(args, prompt="New passphrase for the profile: ", confirm=True)
    with CaseStore.recover(paths.data_dir, private, new) as store:
        params = {"name": store.officer.name, "officer_id": store.officer.officer_id, "key": store.recovery_key_id}
        say(args, QT_TRANSLATE_NOOP("cli", "New passphrase set for {name} ({officer_id}) with office recovery key "
                                    "{key}; the lockout is lifted. Recorded in the audit log.").format(**params)
            if was_locked else QT_TRANSLATE_NOOP("cli", "New passphrase set for {name} ({officer_id}) with office "
                                                 "recovery key {key}. Recorded in the audit log.").format(**params))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from storage.outputs import check_output_path

    if args.output is not None:
        check_output_path(args.output, kind="folder")
    with _open(args) as store:
        made = store.backup(dest=args.output)
    say(args, QT_TRANSLATE_NOOP("cli", "Backed up {n} cases to {folder} (checked; encrypted with the store's key: "
                                "keep it with its casefile.keys, which it contains)").format(n=made.cases,
                                                                                             folder=str(made.folder)))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from storage.backup import list_backups
    from storage.paths import StorePaths

    for b in list_backups(StorePaths(data_dir(args))):
        print(f"{b.folder}\t{b.taken_at:%Y-%m-%d %H:%M} UTC\t{b.reason}\t{b.cases} cases\tschema {b.schema_version}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from storage.backup import read_backup
    from storage.store import CaseStore

    backup = read_backup(args.backup)  # damaged or foreign: refused before a passphrase is asked for
    passphrase = read_passphrase(args, prompt="Passphrase of the backup: ")
    store, aside = CaseStore.restore(data_dir(args), backup.folder, passphrase)
    store.close()
    say(args, QT_TRANSLATE_NOOP("cli", "Restored {name} ({n} cases). The store it replaced is kept in {aside}.")
        .format(name=backup.name, n=backup.cases, aside=str(aside)))
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from desktop.doctor_gui import check_desktop, report_lines
    from storage import keyslot
    from storage.database import crypto_module
    from storage.hardening import is_dumpable
    from storage.integrity import IntegrityReport
    from storage.paths import StorePaths
    from storage.store import CaseStore

    desktop = check_desktop()
    for line in report_lines(desktop):  # what the window needs from the system, even with no profile yet
        print(line)
    paths = StorePaths(data_dir(args))
    if not paths.exists():
        raise UsageError(f"there is no case store in {paths.data_dir}; run 'casefile init' first")
    with CaseStore.open(paths.data_dir, read_passphrase(args), check_integrity=True) as store:
        report = store.damage or IntegrityReport()  # opening with check_integrity ran the check
        audit_check = store.verify_audit()
        crypto = crypto_module(store.conn)
        cases = store.count_cases()
    print(f"store: {paths.database} ({cases} cases)")
    print("pages and structure: " + ("ok" if report.ok else f"DAMAGED: {report.summary()}"))
    print("audit log: " + (f"intact ({audit_check.entries} entries)" if audit_check.ok else
                           f"NOT INTACT: {audit_check.message}"))
    print(f"crypto: {crypto.summary()}")
    key_file = keyslot.read_key_file(paths.key_file)
    kdf = "PBKDF2-HMAC-SHA512 (FIPS profile)" if key_file.fips else "Argon2id"
    slot = key_file.recovery_slot
    print(f"key slots: passphrase with {kdf}; " + (f"recovery slot sealed to office recovery key {slot.recipient}"
          if slot else "no recovery slot (a forgotten passphrase cannot be reset)"))
    if key_file.fips and not crypto.fips_validated:
        print("FIPS: this profile's key slots use FIPS-approved PBKDF2, but the database encryption module is not "
              "FIPS-validated, so this installation does not meet a FIPS 140 requirement (see README, CJIS "
              "deployments)")
    print("core dumps: " + ("possible" if is_dumpable() else "off"))
    return 0 if report.ok and audit_check.ok else 1


def cmd_salvage(args: argparse.Namespace) -> int:
    from storage.paths import StorePaths
    from storage.salvage import salvage
    from storage.store import CaseStore

    target = args.output
    if target.exists() and any(target.iterdir()) if target.is_dir() else target.exists():
        raise UsageError(f"{target} already exists; give a new folder for the salvaged store")
    passphrase = read_passphrase(args)
    source_paths = StorePaths(data_dir(args))
    if not source_paths.exists():
        raise UsageError(f"there is no case store in {source_paths.data_dir}")
    # Checked on the way in, so a damaged store opens read-only however it was last closed.
    with CaseStore.open(source_paths.data_dir, passphrase, check_integrity=True) as store:
        report = salvage(store, target, passphrase)
    say(args, QT_TRANSLATE_NOOP("cli", "Salvaged {n} cases ({revisions} revisions) from {source} into {target}")
        .format(n=report.cases, revisions=report.revisions, source=str(source_paths.database),
                target=str(report.target)))
    for line in report.unreadable:
        say(args, QT_TRANSLATE_NOOP("cli", "could not be read: {what}").format(what=line))
    return 0 if not report.unreadable else 1


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "doctor": cmd_doctor,
    "salvage": cmd_salvage,
    "recovery-slot": cmd_recovery_slot,
    "recover": cmd_recover,
}
