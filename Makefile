# `make run` and `make test` set themselves up: a missing .venv is created and filled first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint bench clean

# rnn_cli is byte-compiled at install: with PYTHONDONTWRITEBYTECODE=1 set, as it is here, every
# run would compile it from source again (measured: `rnnx shape --backend numpy` 186 -> 158 ms)
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m compileall -q rnn_cli
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/rnnx shape --layers 2 --bidirectional

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict rnn_cli tests $(wildcard bench)

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis *.egg-info
