# make demo: create or reuse .venv, install recgraph (what running needs only), read and build the
#            seed papers, draw the views.
# make test: create or reuse .venv, install recgraph with its test extras, run the whole suite.
# Afterwards run recgraph as .venv/bin/recgraph, or `. .venv/bin/activate` and then `recgraph`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per set of extras: reinstall when the project's metadata changes; code changes need
# none (editable install).
STAMP := $(VENV)/.recgraph-installed
TEST_STAMP := $(VENV)/.recgraph-test-installed

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $(TEST_STAMP)

install: $(STAMP)

install-test: $(TEST_STAMP)

demo: install
	$(BIN)/recgraph read data/papers
	$(BIN)/recgraph build
	$(BIN)/recgraph view
	@echo "Run recgraph as $(BIN)/recgraph, or after '. $(BIN)/activate' as recgraph."

test: install-test
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
