"""`casefile office init|join|approve|remove|members|status`, `casefile sync`, `conflicts` and `resolve`.

The office is a shared folder (`--folder DIR`) or a PostgreSQL database (`--dsn DSN`, schema `--schema`); the
link is kept in the encrypted store, so later commands need neither. See storage.office and storage.sync.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casework.i18n import QT_TRANSLATE_NOOP
from desktop.cli import UsageError, _open
from desktop.cli_i18n import ENGLISH, say

if TYPE_CHECKING:
    from casework.model import CaseFile
    from storage.store import CaseStore


ROLE_WORDS = {"administrator": QT_TRANSLATE_NOOP("cli", "administrator"),
              "supervisor": QT_TRANSLATE_NOOP("cli", "supervisor"), "officer": QT_TRANSLATE_NOOP("cli", "officer")}
"""A member's role as `office status` says it (storage.office.roster.MemberRole's values)."""
KIND_WORDS = {"folder": QT_TRANSLATE_NOOP("cli", "folder")}
"""An office backend's kind as `office status` says it (PostgreSQL is its name in every language)."""


def add_parsers(sub: Any) -> None:
    o = sub.add_parser("office", help="the office store: create, join, approve members, status")
    osub = o.add_subparsers(dest="office_command", required=True)
    for name, text in (("init", "create an office store (this supervisor profile becomes its administrator)"),
                       ("join", "ask to join an office (an administrator or supervisor approves)")):
        p = osub.add_parser(name, help=text)
        where = p.add_mutually_exclusive_group(required=True)
        where.add_argument("--folder", type=Path, help="a shared folder (network share, USB drive)")
        where.add_argument("--dsn", help="a PostgreSQL connection string (TLS settings pass through)")
        p.add_argument("--schema", default="casefile_office", help="the PostgreSQL schema (default casefile_office)")
        if name == "init":
            p.add_argument("--member-roles", action="store_true", help="PostgreSQL, with the owner's DSN: each "
                           "approved member gets a database role of its own (row-level security)")
    a = osub.add_parser("approve", help="approve a pending member, or change a member's role")
    a.add_argument("member", help="member id or officer id")
    a.add_argument("--role", required=True, choices=["officer", "supervisor"])
    rm = osub.add_parser("remove", help="remove a member (administrator or supervisor): its later pushes are "
                         "refused and the office key is rotated for the others")
    rm.add_argument("member", help="member id or officer id")
    osub.add_parser("members", help="list the verified member list and pending join requests")
    osub.add_parser("status", help="the office this profile is linked to, and what waits to sync")
    from desktop.cli_store import add_keygen_arguments

    add_keygen_arguments(osub.add_parser("keygen", help="office IT: make the office recovery key pair (needs no "
                                         "profile)"))

    sub.add_parser("sync", help="pull from and push to the office; conflicts are kept for a person")
    sub.add_parser("conflicts", help="list the fields changed both here and at the office")
    r = sub.add_parser("resolve", help="choose one side of a sync conflict")
    r.add_argument("case", help="case number or id")
    r.add_argument("field", help="the field, as 'casefile conflicts' names it")
    side = r.add_mutually_exclusive_group(required=True)
    side.add_argument("--mine", action="store_true", help="keep this laptop's value")
    side.add_argument("--theirs", action="store_true", help="take the office's value")
    r.add_argument("--digest", help="the conflict's digest as 'casefile conflicts' listed it (needed with --theirs "
                   "and for 'deleted'): refused if the conflict changed since")


def cmd_office(args: argparse.Namespace) -> int:
    from storage.office import link
    from storage.office.roster import MemberRole, member_id_of

    if args.office_command == "keygen":
        from desktop.cli_store import cmd_office_keygen

        return cmd_office_keygen(args)
    with _open(args) as store:
        command = args.office_command
        if command in ("init", "join"):
            # kept in the link as given: a relative folder would be looked for from wherever a later command runs
            folder = Path(os.path.abspath(args.folder.expanduser())) if args.folder is not None else None
            backend = link.open_backend(folder=folder, dsn=args.dsn, schema=args.schema)
            try:
                if command == "init":
                    roster = link.init_office(store, backend, member_roles=args.member_roles)
                    print(f"Created office {roster.office_id} at {backend.location}; this profile "
                          f"({link.member_id(store)}) is its administrator.")
                else:
                    roster = link.join_office(store, backend)
                    founder = roster.member(roster.signed_by) if roster.version == 1 else None
                    print(f"Asked to join office {roster.office_id} as member {link.member_id(store)}. "
                          f"Founder key {member_id_of(link.require_link(store).founder_key)}"
                          + (f" ({founder.officer_id})" if founder else "")
                          + ": compare it with the administrator's before trusting the office.")
            finally:
                backend.close()
            return 0
        backend = link.linked_backend(store)
        try:
            if command == "approve":
                member = link.approve(store, backend, args.member, MemberRole(args.role))
                print(f"Approved {member.officer_id} ({member.member_id}) as {member.role.value}.")
            elif command == "remove":
                gone = link.remove(store, backend, args.member)
                current = link.refresh(store, backend)
                print(f"Removed {gone.member.officer_id} ({gone.member.member_id}); its pushes after office record "
                      f"{gone.after_seq} are refused. The office key was rotated to version {current.key_version} "
                      f"for the {len(current.members)} remaining members.")
            elif command == "members":
                from storage.office.status import member_list

                for m in member_list(store, backend)[0]:
                    role = f"removed {m.since[:10]}" if m.role == "removed" else m.role
                    print(f"{m.member_id}\t{m.officer_id}\t{role}\t{m.name}")
            else:
                current = link.refresh(store, backend)
                me = link.require_link(store)
                mine = current.member(me.member_id)
                say(args, QT_TRANSLATE_NOOP("cli", "office {office} ({kind}: {where})").format(
                    office=me.office_id, kind=KIND_WORDS.get(backend.kind, backend.kind), where=backend.location))
                gone = current.revocation(me.member_id) if mine is None else None
                state = (ROLE_WORDS.get(mine.role.value, mine.role.value) if mine else QT_TRANSLATE_NOOP(
                    "cli", "removed from the office on {date}").format(date=gone.revoked_at[:10]) if gone
                    else QT_TRANSLATE_NOOP("cli", "pending approval"))
                say(args, QT_TRANSLATE_NOOP("cli", "member {member}: {state}; member list version {version}; pull "
                                            "cursor {cursor}").format(member=me.member_id, state=state,
                                                                      version=current.version, cursor=me.cursor))
                conflicts = store.sync_conflicts()
                held = list(dict.fromkeys(c.case_id for c in conflicts))
                line = QT_TRANSLATE_NOOP("cli", "to push {pushing}; open conflicts {conflicts}").format(
                    pushing=len(store.sync_outgoing()), conflicts=len(conflicts))
                if held:  # not pushed until a person resolves them: "to push 0" alone read as nothing waiting
                    numbers = {s.id: s.case_number for s in store.list_cases(held)}
                    line = QT_TRANSLATE_NOOP("cli", "{line}; held back by conflicts: {cases} (casefile conflicts)"
                                             ).format(line=line, cases=", ".join(numbers.get(i, i) for i in held))
                say(args, line)
                say(args, QT_TRANSLATE_NOOP("cli", "clock: {skew}").format(
                    skew=link.describe_skew(link.clock_skew(backend))))
        finally:
            backend.close()
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from storage.office import link
    from storage.sync import sync

    with _open(args) as store:
        backend = link.linked_backend(store)
        try:
            report = sync(store, backend)
        finally:
            backend.close()
    for reason in report.rejected:
        print(f"rejected: {' '.join(getattr(args, 'catalogue', ENGLISH).text(reason).split())}", file=sys.stderr)
    say(args, report.summary())  # it says why any of this laptop's changes were not sent (report.set_aside)
    return 0 if report.in_step and not report.rejected and not report.set_aside else 1


def cmd_conflicts(args: argparse.Namespace) -> int:
    from storage.sync import current_conflicts

    with _open(args) as store:
        conflicts = current_conflicts(store)  # mine as it stands now
        for c in conflicts:
            number = store.get_case(c.case_id).case_number
            print(f"{number}\t{c.path}\tmine: {_short(c.mine)}\ttheirs: {_short(c.theirs)}\tdigest: {c.digest}")
    if not conflicts and sys.stdout.isatty():  # for a person; a script reading the lines gets none
        say(args, QT_TRANSLATE_NOOP("cli", "No open conflicts."))
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from storage.store import DELETED
    from storage.sync import resolve

    with _open(args) as store:
        case = store.find_case(args.case)
        shown = _as_listed(store, case, args)
        side = "mine" if args.mine else "theirs"
        result = resolve(store, case.id, args.field, side, shown=shown)
        if args.field == DELETED:
            state = "deleted" if not store.has_case(case.id) else "kept"
            print(f"{case.case_number}: kept {side}: the case is {state} here; sync to send it")
            return 0
    print(f"{result.case.case_number}: kept {side} for {args.field} (revision "
          f"{result.case.revision}); sync to send it")
    return 0


def _as_listed(store: CaseStore, case: CaseFile, args: argparse.Namespace) -> str | None:
    """The conflict `args` resolves is the one 'casefile conflicts' showed the person: its digest (--digest) is
    the conflict's as it stands now, or UsageError (exit 2) — a sync or an edit since may have changed either
    value. Needed to take the office's value or to decide a deletion; checked whenever given. Returns the mine
    value shown, which storage.sync.resolve checks again."""
    from storage.store import DELETED
    from storage.sync import current_conflicts

    conflict = next((c for c in current_conflicts(store, case.id) if c.path == args.field), None)
    if conflict is None:
        return None  # storage.sync.resolve says there is no such conflict
    if args.digest is None:
        if args.theirs or args.field == DELETED:
            raise UsageError(QT_TRANSLATE_NOOP(
                "cli", "say which conflict you were shown: give --digest as 'casefile conflicts' lists it for {field} "
                "of {number}").format(field=args.field, number=case.case_number))
        return None
    if args.digest.strip().lower() != conflict.digest:
        raise UsageError(QT_TRANSLATE_NOOP(
            "cli", "the conflict on {field} of {number} changed since it was listed (digest now {digest}); nothing "
            "was changed. Run 'casefile conflicts' again and choose again").format(
            field=args.field, number=case.case_number, digest=conflict.digest))
    return conflict.mine


def _short(value_json: str) -> str:
    text = json.dumps(json.loads(value_json), ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."



COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "office": cmd_office,
    "sync": cmd_sync,
    "conflicts": cmd_conflicts,
    "resolve": cmd_resolve,
}
