"""Errors of the domain layer, in a module light enough to import anywhere."""

from __future__ import annotations


class ExchangeError(ValueError):
    """The text is not a case in a format version this program reads; the message says where and why."""


class NotPrintable(ValueError):
    """Text the memo font cannot draw; the message names the fields and the characters."""


class PolicyError(ValueError):
    """A policy file is unusable, or a policy version is unknown; the message names the file, key and problem."""
