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

from casework.i18n import QT_TRANSLATE_NOOP, joined, policy_text
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
        return Proposal(None, QT_TRANSLATE_NOOP("casework", "The encounter date is not recorded, so no policy is "
                                                "proposed: record the date of the encounter, or choose the policy "
                                                "to assess under."), None)
    in_force = [p for p in library.all() if p.window_for(day) is not None]
    if in_force:
        policy = max(in_force, key=lambda p: (p.effective, p.version))
        note = policy.note_on(day)
        reason = QT_TRANSLATE_NOOP("casework", "{policy} ({version}) was in force on {day}, the date of the "
                                   "encounter.").format(policy=policy_text(policy.title), version=policy.version,
                                                        day=day.isoformat())
        if note:
            reason = QT_TRANSLATE_NOOP("casework", "{reason} {note}").format(reason=reason, note=policy_text(note))
        return Proposal(policy, reason, day)
    standing = joined([QT_TRANSLATE_NOOP("casework", "{policy} ({version}) was {status}").format(
        policy=policy_text(p.title), version=p.version, status=p.status_on(day)) for p in library.all()])
    return Proposal(None, QT_TRANSLATE_NOOP("casework", "No policy Casefile knows was in force on {day}, the date of "
                                            "the encounter ({standing}). Choose the policy to assess under.").format(
        day=day.isoformat(), standing=standing), day)


def propose_for(library: PolicyLibrary, case: CaseFile) -> Proposal:
    return propose_policy(library, encounter_day(case))
