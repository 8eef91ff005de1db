# Two commands do all set-up: `make run` and `make test`. Both create .venv and install into it.
VENV   := .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint catalog bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/drafter

test: $(STAMP)
	$(BIN)/ruff check drafter tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -q -n auto --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check drafter tests bench
	$(BIN)/lint-imports

# Regenerate the bundled catalogue from examples/corpus (byte-identical on a second run).
catalog: $(STAMP)
	$(BIN)/drafter mine examples/corpus/*.txt -o drafter/data/catalog --replace --force

bench: $(STAMP)
	$(BIN)/python bench/start.py
	$(BIN)/python bench/mine.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/tui.py
	$(BIN)/python bench/catalog.py
	$(BIN)/python bench/mine_accuracy.py --quiet
	$(BIN)/python bench/compare.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
