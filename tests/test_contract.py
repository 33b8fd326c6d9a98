"""The contract with scripts: JSON keys, CSV columns, exit codes, pipes, and the docs listing them.

A change here is a change for every script that reads rnnx: update README.md with it, and
raise report.SCHEMA when a key is renamed or removed.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rnn_cli.cli.launch import app
from rnn_cli.findings.report import SCHEMA
from rnn_cli.render import csv as csv_render
from rnn_cli.render import sweep as sweep_render
from tests.helpers import runner, shape_json

DOCS = Path(__file__).parent.parent / "docs" / "json.md"

REPORT_KEYS = ["schema", "config", "tensors", "parameters", "total_parameters",
               "parameter_bytes", "mult_adds", "estimated_bytes", "notes", "seconds",
               "identities", "recipes", "warnings", "expectations"]  # fmt: skip
CONFIG_KEYS = ["cell", "input_size", "hidden_size", "num_layers", "bidirectional", "batch_first",
               "proj_size", "nonlinearity", "bias", "dropout", "batch_size", "seq_len",
               "unbatched", "dtype", "device", "seed", "lengths", "input_shape",
               "backend"]  # fmt: skip
IDENTITY_KEYS = ["claim", "expected", "holds", "why"]
TENSOR_NAMES = ["input", "output", "packed_data", "batch_sizes", "h_n", "c_n", "h_0", "c_0"]
TENSOR_KEYS = ["name", "shape", "dims"]
DIM_KEYS = ["size", "meaning", "role"]
ROLES = {"batch", "seq", "features", "layers_directions", "packed_steps"}
PARAMETER_KEYS = ["name", "shape", "count", "meaning"]
SHAPE_CSV = ["tensor", "shape", "dimensions"]
SWEEP_CSV = ["output", "h_n", "c_n", "total_parameters", "mult_adds", "estimated_bytes"]
EXIT_CODES = "Exit codes: 0 success, 1 a"


def test_schema_version_is_1() -> None:
    assert SCHEMA == 1


def test_shape_json_keys_are_pinned() -> None:
    document = shape_json("-B", "analytic", "--cell", "lstm", "--proj-size", "2")
    assert list(document) == REPORT_KEYS
    assert document["schema"] == 1
    assert list(document["config"]) == CONFIG_KEYS
    assert [list(t) for t in document["tensors"]] == [TENSOR_KEYS] * 6
    assert {tuple(d) for t in document["tensors"] for d in t["dims"]} == {tuple(DIM_KEYS)}
    assert {tuple(p) for p in document["parameters"]} == {tuple(PARAMETER_KEYS)}


def test_identities_keys_are_pinned() -> None:
    identities = shape_json("-B", "numpy", "--cell", "gru", "--bidirectional")["identities"]
    assert [list(i) for i in identities] == [IDENTITY_KEYS] * len(identities)
    kinds = {
        (type(i["claim"]), type(i["expected"]), type(i["holds"]), type(i["why"]))
        for i in identities
    }
    assert kinds == {(str, bool, bool, str)}
    assert {i["expected"] for i in identities} == {True, False}  # claims and traps both listed


STATES = ("h_n", "c_n", "h_0", "c_0")


def test_every_dimension_has_a_role_from_the_pinned_list() -> None:
    packed = shape_json("-B", "analytic", "--cell", "lstm", "--lengths", "3,2", "--seq-first")
    roles = {t["name"]: [d["role"] for d in t["dims"]] for t in packed["tensors"]}
    assert roles == {
        "input": ["seq", "batch", "features"],
        "output": ["seq", "batch", "features"],
        "packed_data": ["packed_steps", "features"],
        "batch_sizes": ["seq"],
        **{state: ["layers_directions", "batch", "features"] for state in STATES},
    }
    assert {r for rs in roles.values() for r in rs} == ROLES


def test_tensor_names_are_pinned() -> None:
    packed = shape_json("-B", "analytic", "--cell", "lstm", "--lengths", "3,2")
    assert [t["name"] for t in packed["tensors"]] == TENSOR_NAMES


def test_sweep_json_is_an_array_of_shape_objects() -> None:
    result = runner.invoke(app, ["sweep", "-l", "1,2", "-f", "json"])
    documents = json.loads(result.stdout)
    assert [d["schema"] for d in documents] == [1, 1]
    assert all(list(d) == REPORT_KEYS for d in documents)
    assert documents[1] == shape_json("-B", "analytic", "--layers", "2")


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
    for heading in ("Exit codes", "rnnx sweep", "JSON and CSV contract"):
        assert heading in docs
    assert "Shell completion" in (DOCS.parent / "commands.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [[], ["shape"], ["sweep"]])
def test_help_states_the_exit_codes(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert EXIT_CODES in result.stdout


def test_help_offers_shell_completion() -> None:
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


def test_analytic_never_imports_torch() -> None:
    script = (
        "import sys; from typer.testing import CliRunner; from rnn_cli.cli.launch import app; "
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
