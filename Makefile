# One command per job. The venv is built from pyproject.toml's pinned dependencies.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= ledger.db
PUBLISHED ?= 2025-07-31

.PHONY: demo test lint bench serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)  ## ingest corpus/ into ledger.db and print the claims and the summary
	$(BIN)/claimex ingest corpus/ --db $(DB) --published $(PUBLISHED) --table

test: $(STAMP) lint  ## ruff, mypy and the test suite
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check claimex tests benchmarks
	$(BIN)/ruff format --check claimex tests benchmarks
	$(BIN)/mypy claimex

bench: $(STAMP)  ## throughput against a bare nlp.pipe on BBC articles from ../shared
	$(BIN)/python benchmarks/throughput.py --limit 500

serve: $(STAMP)  ## browse the ledger in Datasette on http://127.0.0.1:8001/
	$(BIN)/claimex serve --db $(DB)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache
