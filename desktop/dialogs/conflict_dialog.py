from __future__ import annotations


def open_conflicts(controller, case_id):  # type: ignore[no-untyped-def]
    pass
