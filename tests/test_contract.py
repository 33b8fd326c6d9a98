"""The contract with scripts: JSON keys, CSV columns, exit codes, pipes, and the docs listing them.

A change here is a change for every script that reads rnnx: update README.md with it, and
raise report.SCHEMA when a key is renamed or removed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rnn_cli.cli import app
from rnn_cli.render import csv as csv_render
from rnn_cli.render import sweep as sweep_render
from rnn_cli.report import SCHEMA

runner = CliRunner()
DOCS = Path(__file__).parent.parent / "README.md"

REPORT_KEYS = ["schema", "config", "tensors", "parameters", "total_parameters",
               "parameter_bytes", "mult_adds", "estimated_bytes", "notes", "seconds",
               "identities", "recipes", "warnings"]  # fmt: skip
CONFIG_KEYS = ["cell", "input_size", "hidden_size", "num_layers", "bidirectional", "batch_first",
               "proj_size", "nonlinearity", "bias", "dropout", "batch_size", "seq_len",
               "unbatched", "dtype", "device", "seed", "lengths", "input_shape",
               "backend"]  # fmt: skip
IDENTITY_KEYS = ["claim", "expected", "holds", "why"]
TENSOR_NAMES = ["input", "output", "packed_data", "batch_sizes", "h_n", "c_n", "h_0", "c_0"]
TENSOR_KEYS = ["name", "shape", "dims"]
DIM_KEYS = ["size", "meaning"]
PARAMETER_KEYS = ["name", "shape", "count", "meaning"]
SHAPE_CSV = ["tensor", "shape", "dimensions"]
SWEEP_CSV = ["output", "h_n", "c_n", "total_parameters", "mult_adds", "estimated_bytes"]
EXIT_CODES = "Exit codes: 0 success, 1 a"


def shape_json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["shape", "--backend", "analytic", "-f", "json", *args])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def rnnx(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """rnnx in its own process, its stdout a pipe (not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "rnn_cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_schema_version_is_1() -> None:
    assert SCHEMA == 1


def test_shape_json_keys_are_pinned() -> None:
    document = shape_json("--cell", "lstm", "--proj-size", "2")
    assert list(document) == REPORT_KEYS
    assert document["schema"] == 1
    assert list(document["config"]) == CONFIG_KEYS
    assert [list(t) for t in document["tensors"]] == [TENSOR_KEYS] * 6
    assert {tuple(d) for t in document["tensors"] for d in t["dims"]} == {tuple(DIM_KEYS)}
    assert {tuple(p) for p in document["parameters"]} == {tuple(PARAMETER_KEYS)}


def test_identities_keys_are_pinned() -> None:
    result = runner.invoke(app, ["shape", "--cell", "gru", "--bidirectional", "-f", "json"])
    identities = json.loads(result.stdout)["identities"]
    assert identities
    assert {tuple(i) for i in identities} == {tuple(IDENTITY_KEYS)}


def test_tensor_names_are_pinned() -> None:
    packed = shape_json("--cell", "lstm", "--lengths", "3,2")
    assert [t["name"] for t in packed["tensors"]] == TENSOR_NAMES


def test_sweep_json_is_an_array_of_shape_objects() -> None:
    result = runner.invoke(app, ["sweep", "-l", "1,2", "-f", "json"])
    documents = json.loads(result.stdout)
    assert [d["schema"] for d in documents] == [1, 1]
    assert all(list(d) == REPORT_KEYS for d in documents)
    assert documents[1] == shape_json("--layers", "2")


def test_csv_headers_are_pinned() -> None:
    shape = runner.invoke(app, ["shape", "--backend", "analytic", "-f", "csv"])
    assert shape.stdout.splitlines()[0] == ",".join(SHAPE_CSV)
    sweep = runner.invoke(app, ["sweep", "-c", "rnn,gru", "--seed", "1,2", "-f", "csv"])
    assert sweep.stdout.splitlines()[0] == ",".join(["cell", "nonlinearity", "seed", *SWEEP_CSV])
    assert list(sweep_render.COLUMNS) == SWEEP_CSV
    assert list(csv_render.COLUMNS) == SHAPE_CSV


def test_docs_name_every_key_and_column() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    names = REPORT_KEYS + CONFIG_KEYS + TENSOR_KEYS + DIM_KEYS + PARAMETER_KEYS + SHAPE_CSV
    names += IDENTITY_KEYS + TENSOR_NAMES
    missing = [n for n in [*names, *SWEEP_CSV] if f"`{n}`" not in docs]
    assert missing == []
    assert '"schema": 1' in docs
    for heading in ("Exit codes", "Shell completion", "rnnx sweep", "JSON and CSV contract"):
        assert heading in docs


@pytest.mark.parametrize("command", [[], ["shape"], ["sweep"]])
def test_help_states_the_exit_codes(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert EXIT_CODES in result.stdout


def test_help_offers_shell_completion() -> None:
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


def test_sweep_table_on_a_pipe_is_plain_and_one_line_per_row() -> None:
    """(shape's own pipe and NO_COLOR behaviour: tests/test_cli.py)"""
    result = rnnx("sweep", "-c", "rnn,lstm", "-H", "8,4096", "-L", "10,100000")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout + result.stderr
    assert sum(" (1, 100000, 4096) " in line for line in result.stdout.splitlines()) == 2


def test_no_color_means_plain_text_even_on_a_terminal() -> None:
    styled = rnnx("sweep", "-c", "rnn,lstm", env={"FORCE_COLOR": "1"})  # as a terminal is served
    assert "\x1b[" in styled.stdout
    plain = rnnx("sweep", "-c", "rnn,lstm", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b" not in plain.stdout + plain.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    """`rnnx sweep ... | head -1`: the reader leaves early; no traceback, exit 0."""
    args = [sys.executable, "-m", "rnn_cli", "sweep", "-H", ",".join(map(str, range(1, 300)))]
    with subprocess.Popen(
        [*args, "-f", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as p:
        assert p.stdout is not None
        assert p.stderr is not None
        assert p.stdout.readline() == b"[\n"
        p.stdout.close()  # far more than a pipe buffer is still to come
        assert p.stderr.read() == b""
        assert p.wait() == 0


def test_analytic_never_imports_torch() -> None:
    script = (
        "import sys; from typer.testing import CliRunner; from rnn_cli.cli import app; "
        "r = CliRunner().invoke(app, ['shape', '-B', 'analytic', '-c', 'lstm']); "
        "s = CliRunner().invoke(app, ['sweep', '-c', 'rnn,lstm', '-l', '1,2']); "
        "print(r.exit_code, s.exit_code, 'torch' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "0", "False"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["shape", "-B", "analytic"], 0),
        (["shape", "--layers", "0"], 2),
        (["shape", "--cell", "gru", "--proj-size", "2"], 2),
        (["shape", "-B", "analytic", "--save", "run.npz"], 2),
        (["sweep", "--layers", "1,x"], 2),
        (["nonsense"], 2),
    ],
)
def test_exit_codes(args: list[str], code: int) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert (result.stderr.startswith("rnnx: error: ")) == (code != 0)
