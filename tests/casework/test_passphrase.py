"""The passphrase rule: one function in casework, which every entry point (CLI, dialogs, the store) applies."""

from __future__ import annotations

import pytest

from casework.passphrase import MIN_LENGTH, officer_words, passphrase_problem


@pytest.mark.parametrize("text", ["", "x", "nine char", "Short1!"])
def test_fewer_than_ten_characters_are_refused(text):
    assert passphrase_problem(text) == f"Use at least {MIN_LENGTH} characters; several unrelated words work well."


@pytest.mark.parametrize("text", ["aaaaaaaaaa", "1234567890", "password123"])
def test_long_but_guessable_is_refused(text):
    assert passphrase_problem(text).startswith("Too easy to guess.")


@pytest.mark.parametrize("text", ["copper kettle winter harbor", "violet-anchor-meadow-42"])
def test_several_unrelated_words_pass(text):
    assert passphrase_problem(text) is None


def test_the_officers_own_name_and_id_do_not_make_a_passphrase():
    words = officer_words("Dana Ortiz", "DO-1138")
    assert words == ["Dana", "Ortiz", "DO-1138"]
    assert passphrase_problem("DO-1138Ortiz") is None  # strong to a stranger…
    assert passphrase_problem("DO-1138Ortiz", words).startswith("Too easy to guess.")  # …not to a colleague
