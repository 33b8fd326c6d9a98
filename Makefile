# `make run` and `make test` set themselves up: a missing .venv is created and filled first.
# `make run` installs what running needs; `make test` adds the dev tools (pytest, ruff, mypy,
# import-linter).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
ARGS   ?= --layers 2 --bidirectional

.PHONY: install run test lint bench clean

# rnn_cli is byte-compiled at install: with PYTHONDONTWRITEBYTECODE=1 set, as it is here, every
# run would compile it from source again (measured: `rnnx shape --backend numpy` 186 -> 158 ms)
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	$(BIN)/python -m compileall -q rnn_cli
	touch $(STAMP)

$(DEV): $(STAMP)
	$(PIP) -e '.[dev]'
	touch $(DEV)

install: $(STAMP)

# the main job; `make run ARGS="--cell lstm --proj-size 4"` runs `rnnx shape` with those options
run: install
	$(BIN)/rnnx shape $(ARGS)
	@echo
	@echo "rnnx is installed in .venv. Next time, in this folder:"
	@echo "  . .venv/bin/activate    # then type rnnx, e.g. rnnx shape --help"

test: $(DEV)
	$(BIN)/python -m pytest -q

lint: $(DEV)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict rnn_cli tests $(wildcard bench)

bench: $(DEV)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis *.egg-info
