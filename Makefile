# `make run` and `make test` set themselves up: a missing .venv is created and filled first.
# `make run` installs what running needs; `make test` adds the dev tools (pytest, ruff, mypy).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
ARGS   ?= --layers 2 --bidirectional

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $(STAMP)

$(DEV): $(STAMP)
	$(PIP) -e '.[dev]'
	touch $(DEV)

install: $(STAMP)

# the main job; `make run ARGS="--cell lstm --proj-size 4"` runs `rnnx shape` with those options
run: install
	$(BIN)/rnnx shape $(ARGS)

test: $(DEV)
	$(BIN)/python -m pytest -q

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict rnn_cli tests $(wildcard bench)

bench: $(DEV)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis *.egg-info
