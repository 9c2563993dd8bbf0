"""The window's language: English (the source text) or Spanish, chosen before any window is built.

The officer's choice is `ui/language` in the profile's settings.ini (`system`, `en` or `es`; Preferences sets
it); `system` follows the system locale (QLocale.system(), i.e. LANG/LC_ALL on Linux). Any other stored value
is logged and read as `system`.

Catalogues are Qt's own: every user-visible string goes through `self.tr()` / `QCoreApplication.translate()`,
`make translations` runs pyside6-lupdate into `resources/translations/*_<lang>.ts` (the app's catalogue
`casefile_es.ts`, and `casefile_en.ts` holding only the English plural forms of "%n case(s)"; other catalogues
may sit beside them, each loaded by the same rule), and the compiled `.qm`
files are build outputs: `make` builds them beside the .ts at install time, and when one is missing or older than
its .ts (a pip install, a fresh checkout) it is compiled once with pyside6-lrelease into the user cache folder,
named by the .ts's digest. Qt's own `qtbase_<lang>.qm` translates the standard buttons and dialogs.

Plurals: `self.tr("%n case(s)", "", n)`, in the class of the object itself (pyside6-lupdate marks only this form
as plural; and PySide6 looks the text up class by class from the object's own, so a call in a base class on a
subclass' object returns the English "3 case(s)" before it reaches the base class's entry). English has its
plural forms in `casefile_en.ts` (made by lupdate -pluralonly).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop import settings as S

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
TRANSLATED = ("es",)
"""Languages with a catalogue; the source text is English."""
TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"

_installed: list[QTranslator] = []
"""The translators in the application now (kept referenced: Qt does not own them)."""
_language = SOURCE_LANGUAGE


def system_language(locale: QLocale | None = None) -> str:
    """The catalogue the system locale asks for: Spanish for any Spanish locale (es_ES, es_MX, es_US…),
    English otherwise."""
    locale = QLocale.system() if locale is None else locale
    code = QLocale.languageToCode(locale.language())
    return code if code in TRANSLATED else SOURCE_LANGUAGE


def number_locale(language: str, system: QLocale | None = None) -> QLocale:
    """How numbers (a size, a count) are written: the system's own conventions when its language is the
    window's (es_MX writes 25.0, es_ES 25,0), else the language's own (Spanish as in Spain, English as in the US)."""
    system = QLocale.system() if system is None else system
    return system if QLocale.languageToCode(system.language()) == language else QLocale(language)


def chosen_language(settings: QSettings | None, locale: QLocale | None = None) -> str:
    """`en` or `es`: the stored choice, or the system's when it is `system` (or unreadable)."""
    choice = S.UI_LANGUAGE.get(settings) if settings is not None else "system"
    return system_language(locale) if choice == "system" else choice


def current_language() -> str:
    return _language


def install(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Put the catalogues of `language` into the application (replacing any installed before). Call it before
    building a window: texts are translated when a widget is built. English installs only its plural forms."""
    global _language
    app = app or QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = SOURCE_LANGUAGE
    if language != SOURCE_LANGUAGE and language not in TRANSLATED:
        log.warning("no catalogue for the language asked for; showing English")
        language = SOURCE_LANGUAGE
    files = []
    if language != SOURCE_LANGUAGE:
        files.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm")
    files += [qm for ts in catalogues(language) if (qm := compiled(ts)) is not None]
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("could not load the translation %s", path.name)
    _language = language
    QLocale.setDefault(number_locale(language))
    return list(_installed)


def ensure(language: str) -> None:
    """install(language) unless it is what is installed now."""
    if _language != language or not _installed:
        install(language)


def install_for(settings: QSettings | None) -> str:
    """Install the language the profile's settings (or the system) ask for; returns it."""
    language = chosen_language(settings)
    install(language)
    return language


def catalogues(language: str) -> list[Path]:
    return sorted(TRANSLATIONS.glob(f"*_{language}.ts"))


def compiled(ts: Path) -> Path | None:
    """The .qm for `ts`: the one built beside it when it is up to date, else one compiled into the user cache
    (once per content of the .ts). None (and a log line) when neither exists and lrelease cannot build it."""
    beside = ts.with_suffix(".qm")
    try:
        if beside.stat().st_mtime >= ts.stat().st_mtime:
            return beside
    except OSError:
        pass
    import hashlib  # here, not at start-up: an installed app has its .qm beside the .ts

    try:
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    except OSError:
        log.warning("cannot read the catalogue %s", ts.name)
        return None
    cached = cache_dir() / f"{ts.stem}-{digest}.qm"
    if cached.exists():
        return cached
    return cached if build_qm(ts, cached) else None


def cache_dir() -> Path:
    import platformdirs

    env = os.environ.get("CASEFILE_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("casefile", appauthor=False)) / "translations"


def lrelease() -> str | None:
    """pyside6-lrelease: the one next to this Python (a venv), on PATH, or the binary inside PySide6."""
    import shutil
    import sys

    import PySide6

    for candidate in (Path(sys.executable).with_name("pyside6-lrelease"), shutil.which("pyside6-lrelease"),
                      Path(PySide6.__file__).with_name("lrelease")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile `ts` into `qm` with lrelease, atomically (a half-written .qm is never loaded)."""
    import subprocess

    tool = lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; %s is not compiled", ts.name)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_suffix(f".{os.getpid()}.part")
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(partial)], check=True, capture_output=True,
                       timeout=60)
        os.replace(partial, qm)
    except (OSError, subprocess.SubprocessError):
        log.warning("pyside6-lrelease failed on %s", ts.name)
        partial.unlink(missing_ok=True)
        return False
    return True
