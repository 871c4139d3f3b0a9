# One entry point for people and CI. Every target sets up what it needs;
# stamps make a second run skip work that is already done.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
SYS_STAMP := $(VENV)/.system-installed
VNU_JAR := tests/gates/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := tests/bench/node_modules/.bin/lighthouse
export NO_MKDOCS_2_WARNING := 1
# Bytecode (and pytest's rewritten test modules) cached inside the venv, not
# beside the sources: a second run skips compiling them.
export PYTHONPYCACHEPREFIX := $(CURDIR)/$(VENV)/pycache
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help serve build test check check-data fuzz pdf bench clean

help:
	@echo "make serve      set up, build and serve on http://127.0.0.1:8000"
	@echo "make test       set up and run every test (build, data, browser)"
	@echo "make build      write the site to site/"
	@echo "make check      fast loop (no build, no browser): ruff, the data, unit tests"
	@echo "make check-data validate data/*.yml and print plain errors"
	@echo "make fuzz       5000 random damages of the data files through the checker"
	@echo "make pdf        print every printable page of site/ to PDF (both languages)"
	@echo "make bench      print build time and page weight, and PDF time"

$(BIN)/python:
	@bash .ci/system-deps venv
	$(PY) -m venv $(VENV)

# The pinned packages, then the site's own package (pyproject.toml: the page
# macros and the tsp MkDocs plugin), editable so a change needs no reinstall.
$(SITE_STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $@

$(TEST_STAMP): requirements-test.txt requirements.txt $(SITE_STAMP)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-test.txt
	touch $@

# Debian packages the browser and PDF tests need; installed only when missing.
$(SYS_STAMP): .ci/system-deps | $(BIN)/python
	@bash .ci/system-deps
	touch $@

# The Nu HTML Checker and Biome, pinned in tests/gates/package(-lock).json; the
# checker runs with Debian's Java (its install script, which would fetch a Java,
# is skipped).
$(VNU_JAR): tests/gates/package.json tests/gates/package-lock.json
	cd tests/gates && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(SITE_STAMP) $(SYS_STAMP)
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m macros.tsp.steps.pdf site

# PDFs of the printables (data/printables.yml) into site/pdf and site/en/pdf.
pdf: $(SITE_STAMP) $(SYS_STAMP)
	@test -f site/index.html || $(BIN)/mkdocs build --strict
	$(BIN)/python -m macros.tsp.steps.pdf site

check-data: $(SITE_STAMP)
	$(BIN)/python -m macros.tsp.check

# The property test of tests/test_data_fuzz.py with 5 000 random examples
# (`make test` runs 200 fixed ones); prints one summary line.
fuzz: $(TEST_STAMP)
	TSP_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest -c tests/pytest.ini --rootdir . \
		-p no:cacheprovider -q -s tests/test_data_fuzz.py

# The fast loop: lint, the data files, and every test that needs no build and
# no browser (tests/conftest.py --no-build). Config in pyproject.toml.
CHECK := $(BIN)/ruff check --quiet . && $(BIN)/python -m macros.tsp.check && \
	$(BIN)/python -m pytest -c tests/pytest.ini --rootdir . --no-build -q -p no:cacheprovider \
		-p no:playwright -p no:xdist

# $(call timed,NAME,COMMAND): run COMMAND (echoed), and append its wall-clock
# seconds, exit code and the load average at its start to $(TIMES), which
# `make bench` reports (tests/bench/suite_times.py).
TIMES := $(VENV)/suite-times.tsv
timed = echo '$(2)'; load=$$(cut -d' ' -f1 /proc/loadavg); start=$$EPOCHREALTIME; \
	( $(2) ); code=$$?; \
	printf '%s\t%s\t%s\t%s\t%s\n' $(1) "$$start" "$$EPOCHREALTIME" $$code "$$load" >> $(TIMES); \
	exit $$code
# (The lint of the stylesheets and scripts needs Biome from tests/gates.)
check: $(TEST_STAMP) $(VNU_JAR)
	@$(call timed,check,$(CHECK))

# On JOBS workers (pytest-xdist; JOBS=0 runs in this process), the groups of
# tests/conftest.py each whole on one worker. The slowest tests are listed at
# the end, to see where the time goes.
JOBS ?= 4
test: $(TEST_STAMP) $(SYS_STAMP) $(VNU_JAR)
	@$(call timed,test,$(BIN)/python -m pytest -c tests/pytest.ini --rootdir . \
		-n $(JOBS) --durations=40)

# Lighthouse 12 pinned in tests/bench/package.json (`npm ci` fails for it).
$(LIGHTHOUSE): tests/bench/package.json
	cd tests/bench && npm install --no-audit --no-fund
	touch $@

bench: $(TEST_STAMP) $(SYS_STAMP) $(LIGHTHOUSE)
	$(BIN)/python tests/bench/bench.py
	$(BIN)/python tests/bench/pdf_bench.py
	$(BIN)/python tests/bench/suite_times.py

clean:
	rm -rf site .pytest_cache
