# Two commands do all set-up: `make run` (install and launch) and `make test` (install and run every check).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test bench lint clean translations qm pyc

# Translations (desktop/i18n.py): the .ts catalogues are sources, kept in git; the .qm files are build outputs,
# compiled here at install time (and by the app into the user cache when one is missing or stale).
TS_DIR := resources/translations
QM := $(patsubst %.ts,%.qm,$(wildcard $(TS_DIR)/*.ts))
APP_SOURCES = $(shell find desktop widgets -name '*.py' ! -name 'cli*.py' | sort)
# The CLI's catalogue: its own messages, argparse's and its help (desktop/cli*.py), and the messages casework,
# storage and printing raise (casework.i18n marks them; the CLI and the window translate them).
CLI_SOURCES = $(shell find desktop -name 'cli*.py' | sort) $(shell find casework storage printing -name '*.py' | sort)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Casefile needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

$(TS_DIR)/%.qm: $(TS_DIR)/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

qm: $(QM)

# Bytecode, as an installed copy has it (pip compiles a wheel's modules when it installs it): without it, and with
# PYTHONDONTWRITEBYTECODE set, every launch compiles the modules the unlock prompt needs (~14 ms of CPU).
# compileall skips what is up to date; Python ignores a .pyc older than its source.
pyc: $(STAMP)
	$(BIN)/python -m compileall -q -j 0 casework storage desktop widgets printing resources

# Refresh the app's catalogue from the code (new strings come in unfinished; obsolete ones are dropped).
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(APP_SOURCES) -ts $(TS_DIR)/casefile_es.ts
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -pluralonly $(APP_SOURCES) -ts $(TS_DIR)/casefile_en.ts
	$(BIN)/python -m desktop.cli_i18n
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(CLI_SOURCES) -ts $(TS_DIR)/casefile_cli_es.ts

run: $(STAMP) qm pyc
	$(BIN)/casefile

demo: $(STAMP) qm pyc
	$(BIN)/casefile demo

test: $(STAMP) qm
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy casework storage
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP) qm pyc
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache $(QM)
	find casework storage desktop widgets printing resources -name __pycache__ -prune -exec rm -rf {} +
