# The quick-start commands: `make demo`, `make test` and `make bench`. Each sets up .venv first if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean fuzz

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/python examples/mend_article.py

test: $(BIN)/.installed
	$(BIN)/python -m pytest
	$(BIN)/ruff check src tests benchmarks examples fuzz
	$(BIN)/mypy

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/speed.py

# Fuzzing: the long hypothesis profile over the whole entity table and real prose, then atheris for
# FUZZ_SECONDS (pip install atheris). Each reports every failure it finds.
FUZZ_SECONDS ?= 600
FUZZ_EXAMPLES ?= 20000
fuzz: $(BIN)/.installed
	PYTHONPATH=src $(BIN)/python fuzz/long_properties.py $(FUZZ_EXAMPLES)
	PYTHONPATH=src PATH=$(CURDIR)/$(BIN):$$PATH bash fuzz/run.sh $(FUZZ_SECONDS)

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks examples fuzz
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
