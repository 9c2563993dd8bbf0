"""`casefile backup | backups | restore`: encrypted backups of the profile on the command line.

See storage.backup for what a backup holds and how it is checked.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli import UsageError, _open, data_dir, read_passphrase


def add_parsers(sub: Any) -> None:
    b = sub.add_parser("backup", help="write an encrypted, checked backup of the store (with its key file)")
    b.add_argument("-o", "--output", type=Path, help="a folder to write it to, e.g. a USB drive (default: the "
                   "profile's backups/ folder)")
    sub.add_parser("backups", help="list the backups in the profile's backups/ folder, newest first")
    r = sub.add_parser("restore", help="put a backup in place of the store; the store it replaces is kept aside")
    r.add_argument("backup", type=Path, help="a backup folder (as listed by 'casefile backups')")


def cmd_backup(args: argparse.Namespace) -> int:
    from storage.outputs import check_output_path

    if args.output is not None:
        check_output_path(args.output, kind="folder")
    with _open(args) as store:
        made = store.backup(dest=args.output)
    print(f"Backed up {made.cases} cases to {made.folder} (checked; encrypted with the store's key: keep it with "
          "its casefile.keys, which it contains)")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from storage.backup import list_backups
    from storage.paths import StorePaths

    for b in list_backups(StorePaths(data_dir(args))):
        print(f"{b.folder}\t{b.taken_at:%Y-%m-%d %H:%M} UTC\t{b.reason}\t{b.cases} cases\tschema {b.schema_version}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from storage import keyslot
    from storage.backup import read_backup, restore_backup
    from storage.errors import WrongPassphrase
    from storage.lockfile import ProfileLock
    from storage.paths import StorePaths

    paths = StorePaths(data_dir(args))
    backup = read_backup(args.backup)  # damaged or foreign: refused before anything changes
    passphrase = read_passphrase(args, prompt="Passphrase of the backup: ")
    try:
        keyslot.read_key_file(backup.folder / "casefile.keys").unwrap(passphrase)
    except WrongPassphrase:
        raise UsageError("that passphrase does not open this backup (it needs the passphrase in use when the "
                         "backup was taken); nothing was changed") from None
    lock = ProfileLock.acquire(paths, doing="restore a backup")  # no window or process may have it open
    try:
        aside = restore_backup(paths, backup.folder)
    finally:
        lock.release()
    with _open(args, passphrase) as store:
        store.record_event("backup_restored", detail=f"{backup.name}; the replaced store is in {aside.name}")
    print(f"Restored {backup.name} ({backup.cases} cases). The store it replaced is kept in {aside}.")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
}
