# make demo: create or reuse .venv, install recgraph, read and build the seed papers, print a summary.
# make test: create or reuse .venv, install recgraph with its test extras, run the whole suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.recgraph-installed

.PHONY: demo test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

# Reinstall when the project's metadata changes; code changes need none (editable install).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/recgraph read data/papers
	$(BIN)/recgraph build
	$(BIN)/recgraph view

test: install
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
