from __future__ import annotations


def open_review_queue(controller):  # type: ignore[no-untyped-def]
    pass
