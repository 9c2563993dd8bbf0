"""Messages for people, marked for translation where they are written and translated where they are shown.

casework/, storage/ and printing/ never import Qt, yet their messages (a refused passphrase, a busy store, a
field that holds a broken character) reach the officer through the CLI and the window, which translate with
Qt's catalogues. So a message is written as

    QT_TRANSLATE_NOOP("storage", "The disk holding {folder} is full, so Casefile cannot {doing}.").format(
        folder=data_dir, doing=doing)

— the call shape pyside6-lupdate extracts (context and English source into a .ts catalogue) — and the result
is a `Message`: an ordinary `str` holding the English text (so everything that prints, logs or compares it
works as before), which also remembers its context, English template and parameters. The desktop layer
translates it with `render(message, translate)`: the template is looked up in the catalogue, then filled in
with the parameters, a parameter that is itself a Message ("open the case store") translated the same way.

Templates use named `{fields}` only (a translation may put them in another order). The English original is
always what is written to logs and records; a translation is for the person reading the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any


class Message(str):
    """English text that can be translated later: `context`, the English `source` template and `params`."""

    context: str
    source: str
    params: Mapping[str, object]

    def __new__(cls, context: str, source: str, params: Mapping[str, object] | None = None) -> Message:
        params = dict(params or {})
        text = source.format(**params) if params else source
        self = super().__new__(cls, text)
        self.context = context
        self.source = source
        self.params = params
        return self

    def format(self, *args: object, **params: Any) -> Message:
        """The template filled in with named fields (never positional: a translation may reorder them)."""
        if args:
            raise TypeError("a Message takes named fields only")
        return Message(self.context, self.source, {**self.params, **params})

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.context, self.source, dict(self.params)))


class Counted(Message):
    """A count in words, "%n case(s)" for n: the catalogue's plural form for n (Spanish "%n caso" / "%n casos"),
    %n replaced by the number; in English, "(s)" dropped for 1 and made "s" otherwise ("1 case", "3 cases"), which
    is also its text for logs and records. Made with plural.translate(context, source, None, -1).of(n) — the
    call shape pyside6-lupdate marks as a plural (numerus) entry: it does so only for a number written there, so
    the count comes after — and used as a parameter of a Message ("Exported {cases}
    to {folder}"), or alone."""

    n: int

    def __new__(cls, context: str, source: str, n: int) -> Counted:
        self = str.__new__(cls, english_count(source, n))
        self.context = context
        self.source = source
        self.params = {}
        self.n = n
        return self

    def of(self, n: int) -> Counted:
        """The same words for `n`."""
        return Counted(self.context, self.source, n)

    def format(self, *args: object, **params: Any) -> Message:
        raise TypeError("a Counted takes no fields: make it a field of a Message")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Counted, (self.context, self.source, self.n))


class _Plural:
    @staticmethod
    def translate(context: str, source: str, disambiguation: None = None, n: int = -1) -> Counted:
        """Mark `source` (holding %n) for the catalogue as a plural under `context`: its words for `n` (-1 in the
        source, for pyside6-lupdate; give the count with .of(n))."""
        return Counted(context, source, n)


plural = _Plural()
"""plural.translate("cli", "%n case(s)", None, -1).of(n): see Counted."""


def english_count(source: str, n: int) -> str:
    """ "%n case(s)" in English for `n`: "1 case", "0 cases", "2 cases"."""
    return source.replace("(s)", "" if n == 1 else "s").replace("%n", str(n))


class Number(str):
    """A number inside a message ("25.0" of "25.0 MB", "26,214,401" bytes): English digits as text, written the
    reader's way ("25,0", "26.214.401") when render() is given the reader's NumberFormat."""

    value: float
    decimals: int

    def __new__(cls, value: float, decimals: int = 0) -> Number:
        self = super().__new__(cls, f"{value:,.{decimals}f}")
        self.value = value
        self.decimals = decimals
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Number, (self.value, self.decimals))


NumberFormat = Callable[[float, int], str]
"""(value, decimals) → the number as the reader's locale writes it, with its decimal and group separators. The
window passes QLocale's, the CLI its language's; without one, English digits."""


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:  # the name pyside6-lupdate looks for
    """Mark `source` for the catalogue under `context`; the English Message (call .format() to fill it in)."""
    return Message(context, source)


Translate = Callable[[str, str], str]
"""(context, English source) → the translation, or "" when the catalogue has none (QTranslator.translate)."""


POLICY = "policy"
"""The context of a policy's own words inside a message (a category's label in a check's item): translated
from the policy's translation file (casework.policy_translation), not from a catalogue."""
LANGUAGE = QT_TRANSLATE_NOOP("i18n", "en")
"""The catalogue's language: a catalogue translates this to its language code ("es")."""


def policy_text(text: str, *, lower: bool = False) -> Message:
    """A policy's own words (a label, a prompt) inside a message, so a reader in another language gets them from
    the policy's translation; the English is the policy file's. `lower`: in lower case, mid-sentence."""
    if not lower:
        return Message(POLICY, text)
    message = Message(POLICY, text.lower())
    message.source, message.params = text, {"lower": True}  # not a format field: the translation is lowered
    return message


def policy_texts(texts: Sequence[str], separator: str = ", ") -> Message:
    """Several of a policy's own words joined ("race, religion, …"), each translated as policy_text."""
    message = Message(POLICY_LIST, separator.join(texts))
    message.params = {"texts": tuple(texts), "separator": separator}  # not format fields: the texts are joined
    return message


POLICY_LIST = "policy-list"
JOINED = "joined"


def joined(parts: Sequence[object], separator: str = "; ") -> Message:  # separator: a Message too ("and")
    """Several messages in one ("A was in force; B was not"), each translated on its own when rendered."""
    message = Message(JOINED, separator.join(str(p) for p in parts))
    message.params = {"parts": tuple(parts), "separator": separator}  # not format fields: the parts are joined
    return message


def render(text: object, translate: Translate, number: NumberFormat | None = None) -> str:
    """`text` for the reader: a Message translated (its Message parameters too), a Number written by `number`,
    anything else as str()."""
    if isinstance(text, Number):
        return number(text.value, text.decimals) if number is not None else str(text)
    if not isinstance(text, Message):
        return str(text)
    if isinstance(text, Counted):
        return _counted(text, translate)
    if text.context in (POLICY, POLICY_LIST):
        from casework.policy_translation import policy_words

        words = policy_words(translate("i18n", LANGUAGE) or "en")
        if text.context == POLICY:
            shown = words.get(text.source, text.source)
            return shown.lower() if text.params.get("lower") else shown
        texts = text.params.get("texts", ())
        items = texts if isinstance(texts, tuple) else ()
        return str(text.params.get("separator", ", ")).join(words.get(str(t), str(t)) for t in items)
    if text.context == JOINED:
        parts = text.params.get("parts", ())
        return render(text.params.get("separator", "; "), translate, number).join(
            render(p, translate, number) for p in (parts if isinstance(parts, tuple) else ()))
    template = translate(text.context, text.source) or text.source
    params = {k: render(v, translate, number) for k, v in text.params.items()}
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):
        # A translation that names a field the English does not (a catalogue error): the English, not a crash.
        return text.source.format(**params) if params else text.source


def _counted(text: Counted, translate: Translate) -> str:
    """The catalogue's plural form for text.n (QCoreApplication.translate and the command line's catalogue take
    the count; a translator without plurals, or a form still saying "(s)" — Qt's own English — gives the English
    rule), %n filled in."""
    try:
        form = str(translate(text.context, text.source, None, text.n))  # type: ignore[call-arg]
    except TypeError:  # a (context, source) translator: no plural forms
        form = ""
    if not form or "(s)" in form:
        return english_count(text.source, text.n)
    return form.replace("%n", str(text.n))


def message_of(exc: BaseException) -> str:
    """The message an exception carries: its Message when it was raised with one (kept for translation),
    else its text."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)
