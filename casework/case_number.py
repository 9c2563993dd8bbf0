"""Human-readable case numbers: CF-2026-JD4821-0042.

Year, the officer's ID and a per-profile sequence: unique across the office without any coordination, short
enough to read over a radio, and sortable within one officer's cases.
"""

from __future__ import annotations

import re


def officer_code(officer_id: str) -> str:
    """The officer ID reduced to ASCII letters and digits (at most 12), so the number is safe anywhere."""
    code = re.sub(r"[^A-Za-z0-9]", "", officer_id).upper()[:12]
    return code or "X"


def format_case_number(year: int, officer_id: str, sequence: int) -> str:
    return f"CF-{year}-{officer_code(officer_id)}-{sequence:04d}"
