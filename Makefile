# The quick-start commands: `make demo`, `make test` and `make bench`. Each sets up .venv first if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

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

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks examples fuzz
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
