"""`casefile submit | review | reopen | show | queue | audit`: the review workflow and the audit log, by command.

The store enforces every rule (desktop.cli's exit codes apply: a refused step is exit 2 with one line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP, message_of
from casework.labels import STATUS_WORDS
from desktop.cli import UsageError, _open
from desktop.cli_i18n import say

DECISIONS = {"concur": "concurred", "return": "returned", "nonconcur": "nonconcurred"}


def add_parsers(sub: Any) -> None:
    s = sub.add_parser("submit", help="submit a case for supervisor review (refused while anything blocks)")
    s.add_argument("case", help="case number or id")

    r = sub.add_parser("review", help="a supervisor profile concurs, returns or non-concurs a submitted case")
    r.add_argument("case", help="case number or id")
    r.add_argument("decision", choices=sorted(DECISIONS))
    r.add_argument("--comment", default="", help="required to return or non-concur")

    o = sub.add_parser("reopen", help="make a submitted or reviewed case a draft again (the reason is recorded)")
    o.add_argument("case", help="case number or id")
    o.add_argument("--reason", default="", help="why (required unless the case was returned)")

    w = sub.add_parser("show", help="a case's status and its latest review decision (stale when the case changed "
                       "after it); opening it clears a new-decision notice")
    w.add_argument("case", help="case number or id")

    q = sub.add_parser("queue", help="the review queue: submitted cases, oldest first (filters combine)")
    which = q.add_mutually_exclusive_group()
    which.add_argument("--waiting", action="store_true", help="only cases waiting for a decision")
    which.add_argument("--returned", action="store_true", help="only cases returned to the officer")
    which.add_argument("--decided", action="store_true", help="only concurred or non-concurred cases")
    q.add_argument("--officer", help="only cases this officer (officer id) submitted")
    q.add_argument("--older-than", type=int, metavar="DAYS",
                   help="only cases submitted DAYS days ago or earlier (0: any age)")

    a = sub.add_parser("audit", help="the store's audit log")
    a.add_argument("action", choices=["verify", "list"], help="verify: check the chain and its signed head, "
                   "naming the first bad entry (exit 0 intact, 1 not); list: print the entries")
    a.add_argument("--case", help="only the entries of this case (for list)")


def cmd_submit(args: argparse.Namespace) -> int:
    from storage.errors import WorkflowRefused

    with _open(args) as store:
        case = store.find_case(args.case)
        try:
            result = store.submit_case(case.id)
        except WorkflowRefused as exc:
            if exc.items:  # name the first thing to do; `casefile check` lists them all
                raise UsageError(QT_TRANSLATE_NOOP("cli", "{problem} First: {item}").format(
                    problem=message_of(exc), item=str(exc.items[0]))) from None
            raise
    say(args, QT_TRANSLATE_NOOP("cli", "Submitted {number} (revision {revision})").format(
        number=result.case.case_number, revision=result.case.revision))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from casework.assessment import ReviewDecision

    with _open(args) as store:
        case = store.find_case(args.case)
        result = store.review_case(case.id, ReviewDecision(DECISIONS[args.decision]), args.comment)
    say(args, QT_TRANSLATE_NOOP("cli", "{number}: {status} (revision {revision})").format(
        number=result.case.case_number, status=STATUS_WORDS[result.case.status], revision=result.case.revision))
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    with _open(args) as store:
        case = store.find_case(args.case)
        result = store.reopen_case(case.id, args.reason)
    say(args, QT_TRANSLATE_NOOP("cli", "Reopened {number} for editing (revision {revision})").format(
        number=result.case.case_number, revision=result.case.revision))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with _open(args) as store:
        if args.action == "list":
            case_id = store.find_case(args.case).id if args.case else None
            for e in store.audit_entries(case_id):
                print(f"{e.seq}\t{e.at}\t{e.actor}\t{e.device}\t{e.action}\t{e.case_id or ''}\t{e.detail}")
            return 0
        check = store.verify_audit()
        store.record_event("audit_verified", detail="intact" if check.ok else f"first bad entry {check.first_bad}")
    print(("intact: " if check.ok else "NOT INTACT: ") + check.message)
    return 0 if check.ok else 1


def cmd_show(args: argparse.Namespace) -> int:
    from casework.labels import label
    from casework.workflow import decision_state

    with _open(args) as store:
        case = store.view_case(store.find_case(args.case).id)
    s = case.subject
    print(f"{case.case_number}\t{', '.join(n for n in (s.family_name, s.given_names) if n)}")
    print(f"status: {label(case.status)} (revision {case.revision})")
    state = decision_state(case)
    if state is not None:
        e = state.event
        bound = ("STALE: the case changed after this review" if state.stale else "bound to the content reviewed"
                 if state.bound else "not bound to a digest (made before Casefile bound decisions)")
        print(f"decision: {e.event} by {e.actor} on {e.at.isoformat(timespec='minutes')}; {bound}")
        if e.comment:
            print(f"comment: {e.comment}")
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from casework.labels import label
    from casework.queue_filter import filter_queue
    from storage.review_queue import review_queue

    if args.older_than is not None and args.older_than < 0:
        raise UsageError(QT_TRANSLATE_NOOP("cli", "--older-than: give a number of days, 0 or more"))
    show = "submitted" if args.waiting else "returned" if args.returned else "decided" if args.decided else "all"
    with _open(args) as store:
        unseen = store.decision_notices()
        items = review_queue(store)
    now = datetime.now(UTC)
    shown = filter_queue(items, now=now, show=show, officer=args.officer or "", min_days=args.older_than or 0)
    if not shown and sys.stdout.isatty():  # for a person; a script reading the lines gets none
        say(args, QT_TRANSLATE_NOOP("cli", "No cases in the review queue match.") if items else
            QT_TRANSLATE_NOOP("cli", "The review queue is empty."))
    for item in shown:
        days = (now - item.submitted_at).days if item.submitted_at else None
        flags = ("\tdecision stale" if item.stale else "") + ("\tnew decision" if item.case_id in unseen else "")
        print(f"{item.case_number}\t{item.name}\t{label(item.status)}\t{item.officer_id}\t"
              f"{'' if days is None else f'{days} d' if days >= 0 else 'clock ahead'}{flags}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "queue": cmd_queue,
    "show": cmd_show,
    "submit": cmd_submit,
    "review": cmd_review,
    "reopen": cmd_reopen,
    "audit": cmd_audit,
}
