# One entry point for people and CI. Every target sets up what it needs;
# stamps make a second run skip work that is already done.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
SYS_STAMP := $(VENV)/.system-installed
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve build test check-data pdf bench clean

help:
	@echo "make serve      set up, build and serve on http://127.0.0.1:8000"
	@echo "make test       set up and run every test (build, data, browser)"
	@echo "make build      write the site to site/"
	@echo "make check-data validate data/*.yml and print plain errors"
	@echo "make bench      print build time and page weight"

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(SITE_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt requirements.txt $(SITE_STAMP)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-test.txt
	touch $@

# Debian packages the browser and PDF tests need; installed only when missing.
$(SYS_STAMP): | $(BIN)/python
	@bash .ci/system-deps
	touch $@

# The Nu HTML Checker, pinned in package.json/package-lock.json; run with
# Debian's Java (its install script, which would fetch a Java, is skipped).
$(VNU_JAR): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict

check-data: $(SITE_STAMP)
	$(BIN)/python -m macros.check

test: $(TEST_STAMP) $(SYS_STAMP) $(VNU_JAR)
	$(BIN)/python -m pytest

bench: $(TEST_STAMP) $(SYS_STAMP)
	$(BIN)/python tests/bench/bench.py

clean:
	rm -rf site .pytest_cache
