"""`casefile policy list | diff A B`: the policy versions this Casefile knows, and what changed between two.

A policy is named as ID@VERSION, by its version alone when that is unambiguous, by its id (its newest
version), or as the path of a policy file (NAME.json) to compare one that has not shipped yet. Needs no store
and no passphrase (see desktop.cli for the exit-status rules). This module imports no Qt.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli import UsageError

if TYPE_CHECKING:
    from casework.policy import Policy, PolicyLibrary


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("policy", help="list the policy versions, or show what changed between two "
                       "(categories, conditions, factors, cutoffs)")
    actions = p.add_subparsers(dest="policy_action", metavar="ACTION", required=True)
    lst = actions.add_parser("list", help="the policy versions this Casefile knows")
    lst.add_argument("--json", action="store_true", help="one JSON object per policy")
    d = actions.add_parser("diff", help="what changed from policy A to policy B")
    d.add_argument("old", metavar="A", help="ID@VERSION, a version, an id (its newest version) or a policy file")
    d.add_argument("new", metavar="B", help="the same, for the version to compare with")
    d.add_argument("--json", action="store_true", help="one JSON object per change")
    t = actions.add_parser("translations", help="whether each policy's translation file (beside it) translates "
                           "every text of the policy as it reads now (exit 0 current, 1 stale or missing texts)")
    t.add_argument("--language", dest="translation_language", default="es", choices=("es",),
                   help="the translation to check (default es)")
    t.add_argument("--todo", action="store_true", help="print, as JSON, each text to translate (missing or "
                   "changed since it was translated), with the English and its hash, for a translator")


def _policy(text: str, library: PolicyLibrary) -> Policy:
    from casework.errors import PolicyError
    from casework.policy import parse_policy

    path = Path(text)
    if text.endswith(".json"):
        try:
            return parse_policy(path.read_bytes(), path.name)
        except OSError as exc:
            raise UsageError(f"{path}: {exc.strerror}") from None
    try:
        return library.find(text)
    except PolicyError as exc:
        raise UsageError(str(exc)) from None


def cmd_policy(args: argparse.Namespace) -> int:
    from casework.policy import PolicyLibrary

    library = PolicyLibrary.bundled()
    if args.policy_action == "translations":
        return _translations(library, args.translation_language, args.todo)
    if args.policy_action == "list":
        for p in library.all():
            windows = ", ".join(f"{w.start.isoformat()} to {w.until.isoformat()}" for w in p.in_force)
            if args.json:
                print(json.dumps({"id": p.id, "version": p.version, "title": p.title, "effective":
                                  p.effective.isoformat(), "in_force": [[w.start.isoformat(), w.until.isoformat()]
                                                                       for w in p.in_force],
                                  "sha256": p.sha256}, ensure_ascii=False))
            else:
                print(f"{p.id}@{p.version}\t{p.title}\tin force {windows}\tsha256 {p.sha256}")
        return 0
    from casework.policy_diff import diff

    old, new = _policy(args.old, library), _policy(args.new, library)
    changes = diff(old, new)
    if args.json:
        for c in changes:
            print(json.dumps({"area": c.area, "id": c.id, "change": c.change, "detail": c.detail}, ensure_ascii=False))
        return 0
    print(f"From {old.title} ({old.id}@{old.version})\n  to {new.title} ({new.id}@{new.version}):")
    if not changes:
        print("No differences.")
    from desktop.cli_i18n import ENGLISH

    shown = getattr(args, "catalogue", ENGLISH)  # as cli_i18n.say: the command's language
    for c in changes:
        detail = shown.text(c.detail)
        area, change = shown.get("PolicyDiffDialog", c.area), shown.get("PolicyDiffDialog", c.change)  # the window's
        print(f"  {area} {c.id} {change}" + (f": {detail}" if detail else ""))
    return 0


def _translations(library: PolicyLibrary, language: str, todo: bool) -> int:
    """One line per policy: current, or what is wrong (casework.policy_translation); with `todo`, the entries
    a translator has to write."""
    from casework.policy_translation import find_translation, overlay, source_texts, stub

    current = True
    for p in library.all():
        shown = overlay(p, language)
        current &= not shown.problems
        if todo:
            found = find_translation(p.id, p.version, language)
            entries = stub(p, found if found is not None and not isinstance(found, Exception) else None)
            print(json.dumps({"policy_id": p.id, "policy_version": p.version, "language": language,
                              "entries": entries}, ensure_ascii=False, indent=2))
        elif shown.problems:
            print(f"{p.id}@{p.version} {language}: " + " ".join(shown.problems))
        else:
            print(f"{p.id}@{p.version} {language}: current ({len(source_texts(p))} texts)")
    return 0 if current else 1


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"policy": cmd_policy}
