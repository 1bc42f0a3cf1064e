# The quick-start commands: `make demo` and `make test`; also `make docs`, `make bench`,
# `make test-versions`. Each sets up .venv first if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The other Pythons textmend claims; 3.11 is the main .venv's (see tools/test_versions.sh).
OTHER_PYTHONS ?= 3.10 3.12 3.13

.PHONY: demo test lint layers docs test-versions versions-venvs bench clean fuzz

# hatch_build.py compiles the C scanner (src/textmend/fixers/_runs.c) at install: a change to either
# installs again.
$(BIN)/.installed: pyproject.toml hatch_build.py src/textmend/fixers/_runs.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/python examples/mend_article.py

# pytest runs the tests, the doctests and every code block of the README and docs/ (tests/test_docs_blocks.py),
# in TEST_JOBS processes (pytest-xdist; `auto` is one per core). The engine tests share one process,
# one engine at a time (tests/conftest.py).
TEST_JOBS ?= auto
test: $(BIN)/.installed
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadgroup
	$(MAKE) --no-print-directory lint layers docs

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks examples fuzz tools hatch_build.py
	$(BIN)/ruff format --check src tests benchmarks examples fuzz tools hatch_build.py
	$(BIN)/mypy

layers: $(BIN)/.installed
	$(BIN)/python tools/check_layers.py

docs: $(BIN)/.installed
	NO_MKDOCS_2_WARNING=1 PYTHONPATH=tools $(BIN)/mkdocs build --strict --quiet

test-versions:
	tools/test_versions.sh $(OTHER_PYTHONS)

# The venvs of test-versions alone (.ci/run makes them beside .venv).
versions-venvs:
	tools/test_versions.sh --venvs $(OTHER_PYTHONS)

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/speed.py

# Fuzzing: the long hypothesis profile over the whole entity table and real prose, then atheris for
# FUZZ_SECONDS (pip install atheris). Each reports every failure it finds.
FUZZ_SECONDS ?= 600
FUZZ_EXAMPLES ?= 20000
fuzz: $(BIN)/.installed
	PYTHONPATH=src $(BIN)/python fuzz/long_properties.py $(FUZZ_EXAMPLES)
	PYTHONPATH=src PATH=$(CURDIR)/$(BIN):$$PATH bash fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) $(VENV)-* site .pytest_cache .mypy_cache .ruff_cache
