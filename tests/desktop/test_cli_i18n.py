"""The command line in Spanish: every bad input and the common store errors as one Spanish line (exit 2) with
`--language es`, a profile's setting or a Spanish locale; English by default. The catalogue is complete and
current, and its help text list is generated from the parser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from casework.exchange import dump_case
from desktop import cli_i18n
from desktop.app import main
from desktop.settings import UI_LANGUAGE, open_settings
from storage.paths import StorePaths
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE, raw_bytes_of
from tests.desktop.test_cli_errors import BAD_INPUTS, assert_one_line
from tests.storage.faults import Holder, fill, read_only, tmpfs

REPO = Path(__file__).parents[2]
CATALOGUE = REPO / "resources" / "translations" / "casefile_cli_es.ts"

SPANISH = {
    "data dir is a file (list)": "a-file es un archivo, no una carpeta, por lo que no puede contener un perfil",
    "data dir is a file (init)": "a-file es un archivo, no una carpeta, por lo que no puede contener un perfil",
    "-o is a folder": "es una carpeta; indique un nombre de archivo (no se escribió nada).",
    "-o in a missing folder": "missing no existe (no se escribió nada).",
    "--all -o an existing file": "a-file es un archivo, no una carpeta (no se escribió nada).",
    "non-UTF-8 passphrase file": "el archivo de la frase de contraseña {t}/latin1.txt no es texto UTF-8",
    "lone surrogate in a name": "surrogate.json: subject.family_name: contiene un carácter dañado",
    "init with a 1-character passphrase": "se rechaza la nueva frase de contraseña: Use al menos 10 caracteres",
    "init with a name the memo cannot print": "--officer-name: los memorandos no pueden imprimir \U0001f642",
    "init with a bidi control in the officer name": "--officer-name: el nombre del oficial contiene caracteres "
                                                    "invisibles que pueden hacer que se lea como otro nombre "
                                                    "(U+202E RIGHT-TO-LEFT OVERRIDE)",
    "init with a bidi control in the officer ID": "--officer-id: la identificación de oficial contiene caracteres "
                                                  "de control invisibles (U+202E RIGHT-TO-LEFT OVERRIDE)",
    "init with a guessable passphrase": "se rechaza la nueva frase de contraseña: Demasiado fácil de adivinar. Las "
                                        "repeticiones como «aaa» son fáciles de adivinar.",
    "passwd to a 1-character passphrase": "se rechaza la nueva frase de contraseña: Use al menos 10 caracteres",
}


@pytest.fixture(scope="module", autouse=True)
def _qm_cache(tmp_path_factory):
    """The catalogues compiled once for this module (desktop.i18n compiles a missing .qm into this cache)."""
    saved = os.environ.get("CASEFILE_CACHE_DIR")
    os.environ["CASEFILE_CACHE_DIR"] = str(tmp_path_factory.mktemp("qm"))
    yield
    if saved is None:
        os.environ.pop("CASEFILE_CACHE_DIR", None)
    else:
        os.environ["CASEFILE_CACHE_DIR"] = saved


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw.txt"
    p.write_text(PASSPHRASE + "\n")
    return p


@pytest.fixture
def profile(data_dir: Path) -> list[str]:
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        return [store.new_case().case.case_number for _ in range(2)]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_spanish(err: str) -> None:
    """No English sentence left: none of the English words every English message of these cases holds."""
    for english in ("is a file", "not a folder", "nothing was written", "Nothing has been changed", "passphrase",
                    "is refused", "holds a broken", "does not exist", "already open", "is not correct", "see '"):
        assert english not in err, err


# ----- the bad-input table, in Spanish ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_each_bad_input_is_one_spanish_line_with_language_es(capsys, data_dir, pwfile, profile, tmp_path, case):
    make_args, english = BAD_INPUTS[case]
    before = raw_bytes_of(data_dir)
    args = ["--data-dir", str(data_dir), "--passphrase-file", str(pwfile), *make_args(tmp_path, profile[0])]
    code, out, err = run(capsys, "--language", "es", *args)
    assert_one_line(code, err, SPANISH[case].format(t=tmp_path))
    assert english not in err
    assert_spanish(err)
    assert out == ""
    assert raw_bytes_of(data_dir) == before
    code, _out, err = run(capsys, *args)  # and English by default
    assert_one_line(code, err, english)


def test_argparse_s_own_messages_in_spanish(capsys, tmp_path, pwfile):
    code, _, err = run(capsys, "--language", "es", "--data-dir", str(tmp_path / "x"), "init", "--officer-name", "A",
                       "--officer-id", "B", "--office", "C", "--role", "chief")
    assert_one_line(code, err, "argumento --role: opción no válida: 'chief' (elija entre 'officer', 'supervisor') "
                               "(consulte 'casefile --help')")
    code, _, err = run(capsys, "--language", "es", "export", "--nope")
    assert_one_line(code, err, "argumentos no reconocidos: --nope")
    code, _, err = run(capsys, "--language", "es", "init")
    assert_one_line(code, err, "faltan los siguientes argumentos obligatorios: --officer-name, --officer-id, "
                               "--office")
    code, _, err = run(capsys, "--language", "fr", "list")
    assert_one_line(code, err, "argument --language: invalid choice: 'fr'")


def test_help_in_spanish(capsys):
    with pytest.raises(SystemExit):
        main(["--language", "es", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: casefile")
    assert "argumentos posicionales:" in out and "opciones:" in out
    assert "configura un perfil nuevo y su almacén cifrado" in out
    assert "muestra esta ayuda y termina" in out
    with pytest.raises(SystemExit):
        main(["--language", "es", "export", "--help"])
    out = capsys.readouterr().out
    assert "exporta todos los casos a la carpeta indicada con -o" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "set up a new profile and its encrypted store" in capsys.readouterr().out


# ----- the common store errors -----


def test_a_wrong_passphrase_in_spanish(capsys, data_dir, profile, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope nope nope\n")
    code, _, err = run(capsys, "--language", "es", "--data-dir", str(data_dir), "--passphrase-file", str(wrong),
                       "list")
    assert_one_line(code, err, "La frase de contraseña no es correcta. Compruebe las mayúsculas (Bloq Mayús) y la "
                               "distribución del teclado, e inténtelo de nuevo.")
    assert_spanish(err)


@pytest.mark.parametrize("kind", ["store", "sqlite"])
def test_a_busy_store_in_spanish(capsys, data_dir, pwfile, profile, kind):
    holder = Holder(data_dir, PASSPHRASE, kind)
    try:
        code, out, err = run(capsys, "--language", "es", "--data-dir", str(data_dir), "--passphrase-file",
                             str(pwfile), "list")
    finally:
        holder.release()
    assert (code, out, err) == (2, "", "casefile: Casefile ya está abierto con este perfil en otra ventana o "
                                       "proceso.\n")


def test_a_damaged_store_in_spanish(capsys, data_dir, pwfile, profile):
    db = data_dir / "casefile.db"
    db.write_bytes(b"\x5a" * db.stat().st_size)
    code, _, err = run(capsys, "--language", "es", "--data-dir", str(data_dir), "--passphrase-file", str(pwfile),
                       "list")
    assert_one_line(code, err, f"{db} no puede descifrarse con este archivo de claves: la base de datos está "
                               "dañada, o ella y el archivo de claves no se corresponden. No se ha cambiado nada.")


def test_a_full_disk_in_spanish(capsys, tmp_path, pwfile):
    with tmpfs(tmp_path / "disk", "3m") as disk:
        data_dir = disk / "profile"
        CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
        fill(disk)
        code, _, err = run(capsys, "--language", "es", "--data-dir", str(data_dir), "--passphrase-file",
                           str(pwfile), "list")
    assert_one_line(code, err, f"El disco que contiene {data_dir} está lleno, por lo que Casefile no puede abrir el "
                               "almacén de casos. No se ha cambiado nada; libere espacio e inténtelo de nuevo.")


def test_a_read_only_folder_in_spanish(capsys, tmp_path, pwfile):
    with tmpfs(tmp_path / "disk", "8m") as disk:
        data_dir = disk / "profile"
        CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
        with read_only(data_dir, disk):
            code, _, err = run(capsys, "--language", "es", "--data-dir", str(data_dir), "--passphrase-file",
                               str(pwfile), "list")
    assert_one_line(code, err, f"La carpeta del perfil {data_dir} es de solo lectura, por lo que Casefile no puede "
                               "abrir el almacén de casos (allí registra cada desbloqueo).")


def _imported(capsys, tmp_path, pwfile, case) -> tuple[list[str], str]:
    base = ["--data-dir", str(tmp_path / "p"), "--passphrase-file", str(pwfile)]
    code, _, err = run(capsys, *base, "init", "--officer-name", "Dana Ortiz", "--officer-id", "DO-1138", "--office",
                       "FO Example")
    assert (code, err) == (0, "")
    file = tmp_path / "case.json"
    file.write_text(dump_case(case), encoding="utf-8")
    code, _, err = run(capsys, *base, "import", str(file))
    assert (code, err) == (0, ""), err
    _code, out, _ = run(capsys, *base, "list")
    return base, out.split("\t")[0]


def test_a_refused_workflow_step_in_spanish(capsys, tmp_path, pwfile):
    from casework.model import CaseFile

    base, number = _imported(capsys, tmp_path, pwfile, CaseFile(id="", case_number=""))
    code, _, err = run(capsys, "--language", "es", *base, "submit", number)
    assert_one_line(code, err, f"Caso {number}: inicie la evaluación antes de presentarla.")
    code, _, err = run(capsys, *base, "submit", number)
    assert_one_line(code, err, f"Case {number}: start the assessment before submitting.")


def test_a_read_only_case_in_spanish(capsys, tmp_path, pwfile):
    from tests.casework.test_checks import complete_case

    base, number = _imported(capsys, tmp_path, pwfile, replace(complete_case(), id="", case_number=""))
    code, _, err = run(capsys, *base, "submit", number)
    assert code == 0, err
    file = tmp_path / "changed.json"
    code, _, err = run(capsys, *base, "export", number, "-o", str(file))
    assert code == 0, err
    file.write_text(file.read_text(encoding="utf-8").replace('"notes": ""', '"notes": "changed"'), encoding="utf-8")
    code, _, err = run(capsys, "--language", "es", *base, "import", "--replace", str(file))
    assert_one_line(code, err, f"El caso {number} está en estado «presentado»; el archivo es distinto. Reabra el caso "
                               "para editarlo antes de reemplazarlo.")


# ----- how the language is chosen -----


def test_the_profile_s_setting_and_the_locale_choose_spanish_and_language_en_overrides(capsys, tmp_path):
    folder = tmp_path / "p"
    args = ["--data-dir", str(folder), "list"]
    missing = "no hay ningún almacén de casos en"
    assert missing not in run(capsys, *args)[2]  # English: no setting, an English locale
    folder.mkdir()
    settings = open_settings(StorePaths(folder).settings)
    UI_LANGUAGE.set(settings, "es")
    settings.sync()
    assert missing in run(capsys, *args)[2]
    assert missing not in run(capsys, "--language", "en", *args)[2]
    assert missing not in run(capsys, "--language", "system", *args)[2]  # system: the locale, not the setting


@pytest.mark.parametrize(("lang", "language", "spanish"), [
    ("es_MX.UTF-8", None, True), ("es_ES.UTF-8", None, True), ("es_US.UTF-8", "en", False),
    ("C.UTF-8", None, False), ("en_US.UTF-8", "es", True), ("fr_FR.UTF-8", None, False),
])
def test_the_system_locale_chooses_the_language(tmp_path, lang, language, spanish):
    """In a process of its own, as a shell runs it (Qt reads the system locale once per process)."""
    from tests.storage.faults import casefile_cmd

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG=lang, PYTHONPATH=str(REPO))
    proc = subprocess.run(casefile_cmd("--data-dir", str(tmp_path / "none"), *(["--language", language] if language
                                                                                else []), "list"),
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert ("no hay ningún almacén de casos en" in proc.stderr) is spanish, proc.stderr


def test_english_loads_no_qt(tmp_path):
    code = ("import sys; from desktop.cli import main; main(['--data-dir', sys.argv[1], 'list']); "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    proc = subprocess.run([os.sys.executable, "-c", code, str(tmp_path / "none")], capture_output=True, text=True,
                          env={**env, "LANG": "C.UTF-8", "PYTHONPATH": str(REPO)}, timeout=60)
    assert proc.stdout == "[]\n", proc.stderr


# ----- the catalogue -----


def test_the_help_text_list_is_current(tmp_path):
    from desktop.cli import build_parser

    fresh = tmp_path / "cli_help_strings.py"
    cli_i18n.write_help_strings(build_parser(), fresh)
    assert fresh.read_text(encoding="utf-8") == cli_i18n.HELP_STRINGS.read_text(encoding="utf-8"), \
        "run `python -m desktop.cli_i18n` and `make translations`"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")): m.find("translation") for c in root.findall("context")
            for m in c.findall("message")}


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(Path(os.sys.executable).parent)) is None,
                    reason="needs pyside6-lupdate")
def test_the_catalogue_is_current_and_complete(tmp_path):
    """Every marked message of the CLI, casework, storage and printing is in the catalogue, translated, with the
    same {fields} and %-fields."""
    copy = tmp_path / "casefile_cli_es.ts"
    shutil.copy(CATALOGUE, copy)
    sources = sorted(str(p) for d in ("casework", "storage", "printing") for p in (REPO / d).rglob("*.py"))
    sources = sorted(str(p) for p in (REPO / "desktop").glob("cli*.py")) + sources
    lupdate = Path(os.sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)], check=True,
                   capture_output=True, timeout=120)
    fresh, shipped = _messages(copy), _messages(CATALOGUE)
    assert sorted(fresh) == sorted(shipped), "run `make translations`"
    for (context, source), translation in shipped.items():
        assert translation is not None and translation.get("type") is None and translation.text, (context, source)
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", translation.text)), source
        assert sorted(re.findall(r"%\(\w+\)\w|%s", source)) == sorted(re.findall(r"%\(\w+\)\w|%s",
                                                                             translation.text)), source


def test_a_message_without_a_translation_prints_in_english():
    from casework.i18n import QT_TRANSLATE_NOOP

    catalogue = cli_i18n.Catalogue("es")
    text = QT_TRANSLATE_NOOP("storage", "Not in any catalogue: {x}").format(x=QT_TRANSLATE_NOOP(
        "storage", "open the case store"))
    assert catalogue.text(text) == "Not in any catalogue: abrir el almacén de casos"


# ----- casefile policy translations -----


def test_policy_translations_reports_current_files(capsys):
    code, out, err = run(capsys, "policy", "translations")
    assert (code, err) == (0, "")
    assert "dhs-civil-enforcement-guidelines@2021-09-30 es: current (109 texts)" in out
    assert "ice-interim-enforcement-priorities@2021-02-18 es: current (93 texts)" in out


def test_policy_translations_names_a_stale_text_and_lists_it_for_the_translator(capsys, monkeypatch):
    """The shipped Spanish file as it would read after the English of one label changed: stale, exit 1."""
    import json as _json

    import casework.policy_translation as pt

    real = list(pt._shipped("es"))
    doc = _json.loads(dict(real)["dhs-civil-enforcement-2021-09-30.es.json"])
    doc["entries"]["categories.public_safety.label"]["en_hash"] = "0" * 16
    changed = [(n, _json.dumps(doc).encode() if n.startswith("dhs") else d) for n, d in real]
    monkeypatch.setattr(pt, "_shipped", lambda _lang: iter(changed))
    pt.find_translation.cache_clear()
    try:
        code, out, _ = run(capsys, "policy", "translations")
        assert code == 1
        assert ("dhs-civil-enforcement-2021-09-30.es.json: 1 text(s) translate an earlier English wording and are "
                "shown in English: categories.public_safety.label") in out
        assert "ice-interim-enforcement-priorities@2021-02-18 es: current" in out
        code, out, _ = run(capsys, "policy", "translations", "--todo")
        todo = [_json.loads(part) for part in out.replace("}\n{", "}\x00{").split("\x00")]
        (dhs,) = [t for t in todo if t["policy_id"] == "dhs-civil-enforcement-guidelines"]
        assert dhs["entries"] == {"categories.public_safety.label": {
            "en_hash": pt.text_hash("Threat to public safety"), "en": "Threat to public safety",
            "previous": "Amenaza para la seguridad pública"}}
    finally:
        pt.find_translation.cache_clear()


# ----- casework's check items, with the policy's own words from its translation -----


def test_a_new_assessment_s_items_in_spanish_with_the_policy_s_spanish_labels():
    from datetime import date

    from casework.checks import review_items
    from casework.i18n import render
    from casework.model import CaseFile
    from casework.workflow import start_assessment
    from tests.casework.assessing import GUIDELINES

    case = start_assessment(CaseFile(id="c", case_number="x"), GUIDELINES, date(2024, 5, 1))
    items = review_items(case, GUIDELINES)
    spanish = [cli_i18n.Catalogue("es").text(i.message) for i in items]
    assert "responda si «Amenaza para la seguridad pública» se aplica" in spanish
    assert "concluya si la persona constituye una amenaza actual para la seguridad pública" in spanish
    assert ("marque «Repercusión de la expulsión en la familia en los Estados Unidos» como presente, ausente o "
            "desconocido") in spanish
    assert "indique qué registros examinó" in spanish and "elija la determinación" in spanish
    assert any(s.startswith("declare que no se tuvo en cuenta ninguno de estos elementos: raza, religión, género")
               for s in spanish)
    english = [render(i.message, cli_i18n.ENGLISH.translate) for i in items]
    assert english == [str(i.message) for i in items]  # the English is the item's own text
    assert "answer whether “Threat to public safety” applies" in english


def test_casefile_check_lists_the_items_in_spanish(capsys, tmp_path):
    from datetime import date

    from casework.model import CaseFile
    from casework.workflow import start_assessment
    from tests.casework.assessing import GUIDELINES

    case = start_assessment(CaseFile(id="c", case_number="CF-9"), GUIDELINES, date(2024, 5, 1))
    file = tmp_path / "case.json"
    file.write_text(dump_case(case), encoding="utf-8")
    code, out, err = run(capsys, "--language", "es", "check", str(file))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"{file}: CF-9: ") and lines[0].endswith(" punto(s) pendiente(s)")
    assert "  open: assessment.categories.public_safety.answer: responda si «Amenaza para la seguridad pública» se " \
           "aplica" in lines
    code, out, _ = run(capsys, "check", str(file))
    assert "  open: assessment.categories.public_safety.answer: answer whether “Threat to public safety” applies" \
        in out.splitlines()


# ----- the rarer messages of casework (contradictions, cutoff reviews, the proposal, dates, attachments…) -----

_ENGLISH = frozenset({
    'answered', 'basis', 'source',
    'the', 'is', 'are', 'was', 'were', 'but', 'and', 'or', 'of', 'to', 'with', 'whether', 'answer', 'applies',
    'apply', 'marked', 'meet', 'meets', 'met', 'facts', 'fact', 'prong', 'prongs', 'cutoff', 'date', 'review',
    'acknowledge', 'note', 'only', 'may', 'fall', 'either', 'side', 'weighed', 'must', 'make', 'sure',
    'evidence', 'rests', 'another', 'conviction', 'present', 'offense', 'behind', 'question', 'category',
    'factor', 'twice', 'kind', 'record', 'records', 'type', 'policy', 'this', 'assessment', 'made', 'under',
    'version', 'text', 'differs', 'choose', 'none', 'list', 'choices', 'one', 'answers', 'reviewed', 'obtain',
    'full', 'criminal', 'administrative', 'alike', 'before', 'mentions', 'point', 'never', 'finding', 'check',
    'for', 'you', 'something', 'else', 'not', 'known', 'against', 'itself', 'qualifies', 'day', 'recorded',
    'exactly', 'entry', 'last', 'where', 'apprehended', 'manner', 'encounter', 'in', 'force', 'proposed',
    'empty', 'nothing', 'attach', 'accepted', 'limited', 'scan', 'lower', 'resolution', 'split', 'bytes',
    'characters', 'long', 'limit', 'contains', 'arrest', 'use', 'calendar', 'exist', 'range', 'year', 'month',
    'copy', 'needs', 'recipient', 'name', 'fit', 'page', 'header', 'profile', 'disclosure', 'withheld', 'tip',
    'informant', 'third', 'party', 'agency', 'notes', 'comment', 'comments', 'counsel', 'subject',
})
"""English words none of these Spanish messages should hold (besides the case's own data and ids)."""


def _english_words(text: str, data: set[str]) -> set[str]:
    return ({w.lower() for w in re.findall(r"[^\W\d_]+", text)} - data) & _ENGLISH


def _rarer_cases():
    """Cases whose checklists hold every kind of item: prongs met and contradicted, cutoff reviews, dispositions,
    unknown ids, a never-factor, a re-assessment, records not enough, a policy text that differs."""
    from casework.assessment import Answer, CategoryFinding, FactorAnswer, FactorFinding, OtherFactor
    from casework.model import ApprehensionSite, Disposition, MannerOfEntry, Offense
    from tests.casework.assessing import set_category, set_factor, with_assessment, with_facts
    from tests.casework.test_checks import (
        APPLIES,
        AT_BORDER,
        BORDER_TABLE,
        DNA,
        EWI,
        INTERIOR,
        OVERSTAY,
        complete_case,
    )

    base = complete_case()
    yield from (set_category(with_facts(base, e, s, m), "border_security", a, b) for e, s, m, a, b, _ in BORDER_TABLE)
    yield set_category(with_facts(base, "2021-03", AT_BORDER, EWI), "border_security", DNA, "")
    yield set_category(with_facts(base, "2019", INTERIOR, OVERSTAY), "border_security", APPLIES, "I-213.")
    vacated = replace(base, offenses=(Offense(charge="Robo", disposition=Disposition.VACATED),))
    yield with_assessment(set_factor(vacated, "A1", FactorAnswer.PRESENT, "Robo"), rationale="A1.")
    mixed = replace(base, offenses=(Offense(charge="Robo", disposition=Disposition.EXPUNGED),
                                    Offense(charge="Asalto", disposition=Disposition.CONVICTED)))
    yield with_assessment(set_factor(mixed, "A5", FactorAnswer.PRESENT, "Asalto 2019"), rationale="A5.")
    a = base.assessment
    yield replace(base, assessment=replace(
        a, factors=(*a.factors, FactorFinding("A99", FactorAnswer.PRESENT, "x"), FactorFinding("A1")),
        categories=(*a.categories, CategoryFinding("zz_salud"), CategoryFinding("national_security")),
        records_reviewed=("database_result", "zz_tarot"), determination="zz_deportar",
        answers=(Answer("zz_notas", "x"), Answer("current_threat", "zz_quiza"), Answer("border_notes", "", ("a",))),
        other_factors=(OtherFactor("zz_neutral", "Ajedrez", "Carta"), OtherFactor("", "", ""),
                       OtherFactor("mitigating", "Su religión", "Carta")),
        rationale="La religión del club.", policy_sha256="0" * 64))
    from casework.reassess import reassess
    from tests.casework.assessing import GUIDELINES, INTERIM
    from tests.widgets.test_assessment_form import interim_case

    yield reassess(interim_case(), INTERIM, GUIDELINES, date(2024, 5, 1))
    yield reassess(complete_case(), GUIDELINES, INTERIM, date(2024, 5, 1))  # marks: factors and a question gone
    yield with_facts(base, "2020", ApprehensionSite.UNKNOWN, MannerOfEntry.UNKNOWN)


def _checklist_english(catalogue) -> tuple[int, list[str]]:
    """(items seen, the items whose text in `catalogue`'s language holds English words)."""
    from casework.checks import review_items
    from tests.desktop.test_i18n_screens import case_words

    problems, seen = [], 0
    for case in _rarer_cases():
        data = case_words(case) | {"zz"}
        for item in review_items(case, _policy_of(case)):
            seen += 1
            text = catalogue.text(item.message)
            if found := _english_words(text, data):
                problems.append(f"{item.field}: {text!r} {sorted(found)}")
    return seen, problems


def test_every_kind_of_checklist_item_in_spanish():
    """The walker over the checklist: each item of these cases, in Spanish, holds no English sentence (it
    fails on the items that were plain English: contradictions, cutoff reviews, re-assessment marks…)."""
    from casework.checks import review_items
    from tests.casework.assessing import GUIDELINES

    catalogue = cli_i18n.Catalogue("es")
    seen, problems = _checklist_english(catalogue)
    assert seen > 100 and problems == []
    _seen, english = _checklist_english(cli_i18n.ENGLISH)  # the control: in English, nearly every item is caught
    assert len(english) > seen * 3 // 4
    vacated = next(c for c in _rarer_cases() if c.offenses and c.offenses[0].charge == "Robo")
    (item,) = [i for i in review_items(vacated, GUIDELINES) if i.field == "assessment.factors.A1.answer"]
    assert cli_i18n.ENGLISH.text(item.message) == str(item.message)  # the English is the item's own text
    assert str(item.message).endswith("is marked present, but the only offense behind it is “Robo” (vacated)")
    assert catalogue.text(item.message).endswith("está marcado como presente, pero el único delito en que se basa "
                                                 "es «Robo» (anulada)")


def _policy_of(case):
    from casework.policy import PolicyLibrary

    a = case.assessment
    return PolicyLibrary.bundled().get(a.policy_id, a.policy_version) if a is not None else None


def test_the_proposal_dates_attachments_and_disclosure_in_spanish():
    from casework import attachments as att
    from casework.dates import PartialDate, PartialDateError
    from casework.disclosure import DisclosureError, check_recipient, profile_for
    from casework.model import CaseFile, Offense, Subject
    from casework.policy import PolicyLibrary
    from casework.policy_choice import propose_policy
    from casework.validation import validate_case

    es = cli_i18n.Catalogue("es")
    library = PolicyLibrary.bundled()
    none_in_force = propose_policy(library, date(2026, 1, 5)).reason
    assert es.text(none_in_force).startswith("Ninguna política que Casefile conozca estaba en vigor el 2026-01-05")
    assert str(none_in_force).startswith("No policy Casefile knows was in force on 2026-01-05")
    in_force = es.text(propose_policy(library, date(2021, 12, 1)).reason)
    assert in_force == ("Directrices para la aplicación de la ley civil de inmigración (2021-09-30) estaba en vigor "
                        "el 2021-12-01, la fecha del encuentro.")
    assert es.text(propose_policy(library, None).reason).startswith("No consta la fecha del encuentro")
    errors = []
    for text in ("1.2.2020", "1700", "2020-13", "2021-02-30"):
        with pytest.raises(PartialDateError) as caught:
            PartialDate.parse(text)
        errors.append(es.text(caught.value.args[0]))
    assert errors == ["use AAAA-MM-DD, AAAA-MM o AAAA", "el año 1700 está fuera del intervalo admitido",
                      "el mes 13 no existe", "2021-02-30 no es una fecha del calendario"]
    bad = CaseFile(id="x", case_number="CF-1", subject=Subject(a_number="A12", date_of_birth=PartialDate("1990-02-30")),
                   offenses=(Offense(arrest_date=PartialDate("2020-05-01"), conviction_date=PartialDate("2019")),),
                   notes="n\x00")
    shown = {e.field: es.text(e.message) for e in validate_case(bad)}
    assert shown == {"subject.a_number": "un número A es la letra A seguida de 8 o 9 dígitos",
                     "subject.date_of_birth": "'1990-02-30' no es una fecha; use AAAA-MM-DD, AAAA-MM o AAAA",
                     "offenses[0].conviction_date": "es anterior a la fecha del arresto",
                     "notes": "contiene un carácter NUL"}
    with pytest.raises(att.AttachmentRefused) as caught:
        att.check_content("escaneo.pdf", b"")
    assert es.text(caught.value.args[0]) == "«escaneo.pdf» está vacío; no hay nada que adjuntar."
    too_big = att.too_large("escaneo.pdf", att.MAX_BYTES + 1)
    assert es.text(too_big) == ("«escaneo.pdf» ocupa 26.214.401 bytes; los adjuntos están limitados a 25,0 MB "
                                "(26.214.400 bytes). Escanee con menos resolución o divida el documento.")
    assert str(too_big).startswith("“escaneo.pdf” is 26,214,401 bytes; attachments are limited to 25.0 MB")
    assert es.text(att.human_size(1536)) == "1,5 KB" and str(att.human_size(1536)) == "1.5 KB"
    assert es.text(att.type_label("application/pdf")) == "documento PDF"
    for name, spanish in (("", "una copia necesita el nombre del destinatario"),
                          ("x" * 200, "el nombre del destinatario tiene 200 caracteres")):
        with pytest.raises(DisclosureError) as caught:
            check_recipient(name)
        assert es.text(caught.value.args[0]).startswith(spanish)
    from casework.disclosure import profile_words

    counsel = profile_for("counsel")
    assert es.text(profile_words(counsel.summary)).startswith("Se retienen las fuentes de denuncias")
    assert {es.text(profile_words(r.reason)) for r in counsel.rules} <= {
        "fuente de la denuncia", "fuente de la denuncia o informante", "tercero", "informante o tercero", "fuente"}


def test_every_text_of_the_shipped_disclosure_profiles_is_marked_for_translation():
    from casework.disclosure import PROFILE_TEXTS, profiles

    for p in profiles():
        assert {p.label, p.summary, *(r.reason for r in p.rules)} <= set(PROFILE_TEXTS), p.id


def test_numbers_follow_the_locale_of_the_language():
    from PySide6.QtCore import QLocale

    from desktop import i18n

    assert i18n.number_locale("es", QLocale("es_MX")).toString(25.0, "f", 1) == "25.0"  # Mexico's own convention
    assert i18n.number_locale("es", QLocale("en_US")).toString(25.0, "f", 1) == "25,0"  # Spanish on an English system
    assert i18n.number_locale("en", QLocale("C")).toString(26214401.0, "f", 0) == "26,214,401"


def test_the_success_lines_in_spanish(capsys, tmp_path, pwfile):
    """init, import, submit, reopen, backup, passwd and print say what they did in Spanish (each line was
    English whatever the language)."""
    from tests.casework.test_checks import complete_case

    base = ["--language", "es", "--data-dir", str(tmp_path / "p"), "--passphrase-file", str(pwfile)]
    lines = []

    def ok(*args: str) -> str:
        code, out, err = run(capsys, *base, *args)
        assert (code, err) == (0, ""), err
        lines.append(out.strip())
        return out

    ok("init", "--officer-name", "Dana Ortiz", "--officer-id", "DO-1138", "--office", "FO Example")
    file = tmp_path / "caso.json"
    file.write_text(dump_case(replace(complete_case(), id="", case_number="")), encoding="utf-8")
    ok("import", str(file))
    number = ok("list").split("\t")[0]
    lines.pop()  # the list is data
    code, _, err = run(capsys, *base, "import", str(file))  # the same file again: refused, in Spanish
    assert_one_line(code, err, f"Este caso ya está en el almacén como {number}. Use --replace para guardar el archivo "
                               "como su siguiente revisión.")
    ok("import", "--replace", str(file))  # the same record: unchanged
    ok("submit", number)
    ok("reopen", number, "--reason", "Corregir la fecha")
    ok("print", str(file), "-o", str(tmp_path / "memo.pdf"))
    ok("backup", "-o", str(tmp_path / "copias"))
    new = tmp_path / "nueva.txt"
    new.write_text("otra-frase-de-contraseña-larga 42\n")
    ok("passwd", "--new-passphrase-file", str(new))
    assert lines[0].startswith("Se creó un almacén cifrado de casos para Dana Ortiz en ")
    assert lines[1] == f"Se importó {number} (revisión 1) de {file}"
    assert lines[2] == f"Sin cambios {number} (revisión 1): {file} contiene el mismo registro"
    assert lines[3] == f"Se presentó {number} (revisión 2)"
    assert lines[4] == f"Se reabrió {number} para editarlo (revisión 3)"
    assert lines[5].startswith(f"Se escribió {tmp_path / 'memo.pdf'} (sin sellar: el caso no está en el almacén)")
    assert lines[6].startswith("Se hizo una copia de seguridad de 1 casos en ")
    assert lines[7] == "Se cambió la frase de contraseña."
    data = {w.lower() for w in re.findall(r"[^\W\d_]+", str(tmp_path) + " Dana Ortiz FO Example")}
    assert [line for line in lines if _english_words(line, data)] == []


def test_office_messages_in_spanish(tmp_path):
    """The office folder's connection test, the sync's summary line and its refusals, in Spanish."""
    from storage.office.probe import probe_folder
    from storage.sync import SyncReport

    es = cli_i18n.Catalogue("es")
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "empty").mkdir()
    shown = [es.text(probe_folder(tmp_path / name).message) for name in ("missing", "a-file", "empty")]
    assert shown == [f"La carpeta {tmp_path / 'missing'} no está (¿una unidad extraída o un recurso compartido sin "
                     "montar?). Crear allí una oficina nueva la crearía.",
                     f"{tmp_path / 'a-file'} es un archivo, no una carpeta.",
                     f"La carpeta {tmp_path / 'empty'} está vacía y admite escritura: se puede crear una oficina aquí."]
    report = SyncReport(pulled=2, pushed=1, held=["CF-1"], office_cases=3, local_cases=3)
    assert es.text(report.summary()).startswith("recibidos 2, enviados 1, combinados 0, conflictos 0, rechazados 0; "
                                                "NO sincronizados (3 casos, resumen ")
    assert es.text(report.summary()).endswith("; retenidos por conflictos: CF-1 (casefile conflicts)")
    assert str(report.summary()).startswith("pulled 2, pushed 1, merged 0, conflicts 0, rejected 0; NOT in step")
    assert not _english_words(es.text(report.summary()), {"casefile", "conflicts", "cf"})


@pytest.mark.parametrize(("text", "spanish"), [
    (b"\xff", "no es texto UTF-8"),
    (b"{", "no es JSON válido (línea 1, columna 2: "),
    (b'{"format": "x"}', 'no es un caso de Casefile (se esperaba "format": "casefile.case")'),
    (b'{"format": "casefile.case", "format_version": 99, "case": {}}', "format_version 99 no es compatible"),
    (b'{"format": "casefile.case", "format_version": 1, "case": {"assessment": {}}}',
     "case.assessment: no forma parte de format_version 1 (use 2)"),
])
def test_a_file_that_is_not_an_exchange_file_is_refused_in_spanish(text, spanish):
    from casework.errors import ExchangeError
    from casework.exchange import load_case

    with pytest.raises(ExchangeError) as caught:
        load_case(text)
    assert cli_i18n.Catalogue("es").text(caught.value.args[0]).startswith(spanish)



def test_office_join_link_and_database_errors_in_spanish(tmp_path, store):
    """The office's join/link errors, the database's own refusals and the clock line, in Spanish (each the
    real error the code raises, translated by the CLI's catalogue)."""
    from storage.office import link
    from storage.office.backend import OfficeError
    from storage.office.pg import PostgresOffice

    es = cli_i18n.Catalogue("es")
    with pytest.raises(OfficeError) as not_linked:
        link.require_link(store)
    with pytest.raises(OfficeError) as both:
        link.open_backend()
    with pytest.raises(OfficeError) as schema:
        PostgresOffice("host=127.0.0.1", "Bad-Schema")
    with pytest.raises(OfficeError) as dsn:
        PostgresOffice("host=127.0.0.1\x00", "casefile_office")
    assert [es.text(e.value.args[0]) for e in (not_linked, both, schema, dsn)] == [
        "Este perfil no está vinculado a ninguna oficina: use primero 'casefile office init' o 'casefile office "
        "join'.",
        "Indique la oficina como una carpeta o como un DSN de PostgreSQL, no ambos.",
        "'Bad-Schema' no es un nombre de esquema válido (letras minúsculas, dígitos, _).",
        "Esa cadena de conexión contiene caracteres que ningún servidor de bases de datos acepta (un NUL, un "
        "carácter de control o uno dañado); escríbala de nuevo.",
    ]
    assert es.text(link.describe_skew(-3600.4)).startswith(
        "el reloj de esta computadora portátil va 3600 s atrasado respecto al de la oficina; corrija la hora")
    assert es.text(link.describe_skew(12)) == "el reloj de esta computadora portátil va 12 s adelantado respecto al " \
        "de la oficina"


def test_what_changed_between_policy_versions_in_spanish(capsys):
    """`casefile policy diff` (and the window's Compare policy versions, which renders the same messages) says
    what changed in Spanish; the policy's own words it quotes stay the English original."""
    from tests.casework.assessing import GUIDELINES, INTERIM

    rc = main(["--language", "es", "policy", "diff", f"{INTERIM.id}@{INTERIM.version}",
               f"{GUIDELINES.id}@{GUIDELINES.version}"])
    out = capsys.readouterr().out
    assert rc == 0
    assert ("  fecha límite border_security modificado: la fecha del encuentro igual o posterior a 2020-11-01; la "
            "última entrada igual o posterior a 2020-11-01 → la última entrada posterior a 2020-11-01, con revisión "
            "del propio día") in out
    assert "  categoría public_safety modificado: pondera factores: no → sí" in out
    assert "  pregunta public_safety_conditions suprimido: “Conditions met”" in out
    heads = "".join(line.split("“")[0] for line in out.splitlines()[2:])  # before the policy's own words
    assert not {"weighs", "day", "none", "changed", "removed", "added", "category"} & set(re.findall(r"[a-z]+", heads))


def test_a_re_assessment_mark_s_earlier_answer_in_spanish():
    """A mark's "Before: …" names the earlier choice by its label (not its id) and reads in Spanish: the
    policy's words from its translation, the part names translated, what the officer wrote as written."""
    from casework.checks import review_items
    from casework.reassess import previous_message, reassess
    from tests.casework.assessing import GUIDELINES, INTERIM
    from tests.casework.test_checks import complete_case

    es = cli_i18n.Catalogue("es")
    case = reassess(complete_case(), GUIDELINES, INTERIM, date(2024, 5, 1))
    (item,) = [i for i in review_items(case, INTERIM) if "Current threat to public safety" in str(i.message)]
    assert str(item.message).endswith("Before: Is not a current threat")
    assert es.text(item.message).endswith("Antes: No constituye una amenaza actual")
    stored = "not answered; basis: seen at the port; evidence: I-213; source: Officer's notes"
    assert es.text(previous_message(stored)) == ("sin responder; fundamento: seen at the port; pruebas: I-213; "
                                                 "fuente: Officer's notes")
    assert str(previous_message(stored)) == stored
