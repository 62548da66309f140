# One place for the commands a newcomer needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
DB ?= data/kgraph.db

.PHONY: run test lint format install install-test bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## Build the graph from the shipped corpus (if needed) and open the explorer on :8501.
run: install
	$(VENV)/bin/kgraph build --db $(DB) --if-missing
	$(VENV)/bin/kgraph app --db $(DB) --port $(PORT)

## Lint, then run the whole suite (browser tests need Debian's chromium, see .ci/run).
test: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

lint: install-test
	$(VENV)/bin/ruff check .

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(VENV)/bin/kgraph bench --posts 10000

clean:
	rm -rf $(VENV) data/kgraph.db data/kgraph.db-wal data/kgraph.db-shm
