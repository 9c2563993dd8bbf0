"""Which policy a new assessment starts under: the one in force on the encounter date, or the officer's choice.

The encounter date decides, not today's date: a case from an encounter on 1 Oct 2021 is assessed under the
interim guidance even when written up in December. When no policy Casefile knows was in force that day (an
injunction, the end of the guidelines on 20 Jan 2025) or the date is not recorded, nothing is proposed and the
reason says why, for the banner; the officer chooses. An assessment keeps its policy for good once started
(casework.reassess is the deliberate way to move it to another version).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from casework.model import CaseFile
from casework.policy import Policy, PolicyLibrary


@dataclass(frozen=True, slots=True)
class Proposal:
    policy: Policy | None
    """The policy to start under; None when the officer must choose."""
    reason: str
    """One or two sentences for the banner: why this policy, or why none."""
    day: date | None


def encounter_day(case: CaseFile) -> date | None:
    at = case.encounter.occurred_at
    return at.date() if at is not None else None


def propose_policy(library: PolicyLibrary, day: date | None) -> Proposal:
    """The policy in force on `day` (the newest, should two overlap), with the reason in words."""
    if day is None:
        return Proposal(None, "The encounter date is not recorded, so no policy is proposed: record the date of "
                              "the encounter, or choose the policy to assess under.", None)
    in_force = [p for p in library.all() if p.window_for(day) is not None]
    if in_force:
        policy = max(in_force, key=lambda p: (p.effective, p.version))
        note = policy.note_on(day)
        reason = (f"{policy.title} ({policy.version}) was in force on {day.isoformat()}, the date of the "
                  "encounter." + (f" {note}" if note else ""))
        return Proposal(policy, reason, day)
    standing = "; ".join(f"{p.title} ({p.version}) was {p.status_on(day)}" for p in library.all())
    return Proposal(None, f"No policy Casefile knows was in force on {day.isoformat()}, the date of the encounter "
                          f"({standing}). Choose the policy to assess under.", day)


def propose_for(library: PolicyLibrary, case: CaseFile) -> Proposal:
    return propose_policy(library, encounter_day(case))
