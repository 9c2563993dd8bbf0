"""The command line in the officer's language: its one-line errors, argparse's own messages and its --help.

The language is `--language` (system, en, es), else the profile's settings file (`ui/language`, as the window
reads it: desktop.i18n), else the system locale. English needs no catalogue and loads no Qt; Spanish loads the
Qt catalogues (every `resources/translations/*_es.ts`, compiled by desktop.i18n) into QTranslator objects,
which translate without a QApplication.

What is translated:
- messages raised in casework/ and storage/ (casework.i18n.Message: context, English template, parameters),
  and the CLI's own (QT_TRANSLATE_NOOP("cli", …) in desktop/cli*.py) — all in `casefile_cli_es.ts`;
- argparse's messages ("invalid choice: …", "the following arguments are required: …"), listed below so
  pyside6-lupdate finds them;
- the help text of every command and option: desktop/cli_help_strings.py lists them (generated from the
  parser by `python -m desktop.cli_i18n`, checked by a test) under the context "cli-help".
Anything without a translation prints in English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP, NumberFormat, render

LANGUAGES = ("system", "en", "es")
HELP_CONTEXT = "cli-help"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

ARGPARSE_MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
)
"""The messages of Python's argparse (it marks them for gettext); translated by `argparse_in`."""


# ----- which language --------------------------------------------------------------------------------------


def asked_language(argv: Sequence[str]) -> str | None:
    """The value of `--language` on the command line (before any `--`), if given."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--language" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--language="):
            return arg.partition("=")[2]
    return None


def _asked_data_dir(argv: Sequence[str]) -> Path | None:
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--data-dir" and i + 1 < len(argv):
            return Path(argv[i + 1])
        if arg.startswith("--data-dir="):
            return Path(arg.partition("=")[2])
    return None


def choose_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """`en` or `es` for this command: --language, else the profile's settings, else the system locale.
    An unknown --language value reads as `system` (argparse then refuses it, in that language)."""
    environ = os.environ if environ is None else environ
    asked = asked_language(argv)
    if asked in ("en", "es"):
        return asked
    if asked is None:
        from storage.paths import StorePaths, default_data_dir

        folder = _asked_data_dir(argv) or default_data_dir()
        settings = StorePaths(folder).settings
        try:
            if settings.is_file():
                from desktop import i18n
                from desktop.settings import open_settings

                return i18n.chosen_language(open_settings(settings))
        except OSError:
            pass  # an unreadable profile folder: the command itself will say so
    if not any(environ.get(v, "").lower().startswith("es") for v in _LOCALE_VARIABLES):
        return "en"  # without loading Qt
    from desktop import i18n

    return i18n.system_language()


# ----- the catalogue -----------------------------------------------------------------------------------------


class Catalogue:
    """The Qt catalogues of one language, used without a QApplication. English has none."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._translators: list[Any] = []
        self.number: NumberFormat | None = None
        """How this language writes a number (its locale's separators); None: English digits, without Qt."""
        if language == "en":
            return
        from PySide6.QtCore import QTranslator

        from desktop import i18n

        locale = i18n.number_locale(language)
        self.number = lambda value, decimals: locale.toString(float(value), "f", decimals)

        for ts in i18n.catalogues(language):
            qm = i18n.compiled(ts)
            translator = QTranslator()
            if qm is not None and translator.load(str(qm)):
                self._translators.append(translator)

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The translation of `source` (for a plural, its form for `n`, %n left in), or "" when no catalogue has
        one."""
        for translator in self._translators:
            text = translator.translate(context, source, disambiguation, n)
            if text:
                return str(text)
        return ""

    def get(self, context: str, source: str) -> str:
        """The translation of `source`, or `source` itself."""
        return self.translate(context, source) or source

    def text(self, message: object) -> str:
        """A message for the reader (casework.i18n.Message translated; anything else as it is)."""
        return render(message, self.translate, self.number)


ENGLISH = Catalogue("en")


@contextmanager
def argparse_in(catalogue: Catalogue) -> Iterator[None]:
    """argparse's own messages in the catalogue's language while parsing (argparse looks up `_` and `ngettext`
    in its module at each call)."""
    if catalogue.language == "en":
        yield
        return
    module: Any = argparse
    saved = module._, module.ngettext

    def gettext(text: str) -> str:
        return catalogue.get("argparse", text)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return catalogue.get("argparse", singular if n == 1 else plural)

    module._, module.ngettext = gettext, ngettext
    try:
        yield
    finally:
        module._, module.ngettext = saved


def say(args: argparse.Namespace, message: object) -> None:
    """Print a line of a command's output ("Wrote …", "Submitted …") in the command's language (the catalogue
    main() put on `args`; English without one). Data lines (lists, JSON) are printed as they are."""
    print(getattr(args, "catalogue", ENGLISH).text(message))


# ----- help text ---------------------------------------------------------------------------------------------


def help_texts(parser: argparse.ArgumentParser) -> Iterator[tuple[Any, str]]:
    """Every (object, attribute) holding help text in `parser` and its subcommands, in order."""
    seen: set[int] = set()

    def walk(p: argparse.ArgumentParser) -> Iterator[tuple[Any, str]]:
        if id(p) in seen:
            return
        seen.add(id(p))
        if p.description:
            yield p, "description"
        for action in p._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                yield action, "help"
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        yield choice, "help"
                for sub in action.choices.values():
                    yield from walk(sub)

    yield from walk(parser)


def translate_help(parser: argparse.ArgumentParser, catalogue: Catalogue) -> None:
    """Put the help text of `parser` into the catalogue's language (English text stays where none exists)."""
    if catalogue.language == "en":
        return
    for holder, attribute in help_texts(parser):
        setattr(holder, attribute, catalogue.get(HELP_CONTEXT, getattr(holder, attribute)))


def write_help_strings(parser: argparse.ArgumentParser, path: Path) -> None:
    """desktop/cli_help_strings.py: every help text marked for pyside6-lupdate (run `python -m desktop.cli_i18n`
    after changing one)."""
    texts = list(dict.fromkeys(getattr(h, a) for h, a in help_texts(parser)))
    lines = ["# ruff: noqa: E501",
             '"""Generated by `python -m desktop.cli_i18n` from the CLI\'s parser: every help text, marked for',
             'pyside6-lupdate (context "cli-help"). Do not edit: a test checks it is current."""',
             "", "from casework.i18n import QT_TRANSLATE_NOOP", "", "HELP = ("]
    lines += [f"    QT_TRANSLATE_NOOP({HELP_CONTEXT!r}, {text!r})," for text in texts]
    lines += [")", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


HELP_STRINGS = Path(__file__).with_name("cli_help_strings.py")


def main() -> int:
    from desktop.cli import build_parser

    write_help_strings(build_parser(), HELP_STRINGS)
    print(f"wrote {HELP_STRINGS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

