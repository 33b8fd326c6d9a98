"""`rnnx compare`: the cell swap table, and backends agreeing (or not) on the same network."""

import json
from typing import Any

import pytest
import torch

from rnn_cli.backends import numpy_net
from rnn_cli.cli.launch import app
from tests.helpers import lstm_f_before_i, ok, rnnx, runner, torch_module


def compare_json(*args: str, code: int = 0) -> dict[str, Any]:
    """compare's JSON document; code: the exit status the run must end with."""
    outcome = rnnx("compare", *args, "--format", "json", "--repeat", "1")
    assert outcome.code == code, outcome.stderr
    doc = json.loads(outcome.stdout)
    assert isinstance(doc, dict)
    return doc


def test_json_keys() -> None:
    doc = compare_json("--cell", "lstm", "--backends", "torch,numpy")
    assert next(iter(doc)) == "schema"
    assert doc["schema"] == 1
    assert {"config", "cells", "tensors", "seconds", "match"} <= set(doc)
    assert [c["cell"] for c in doc["cells"]] == ["lstm", "rnn"]
    assert {t["name"] for t in doc["tensors"]} == {"output", "h_n", "c_n"}
    assert set(doc["seconds"]) == {"torch", "numpy"}


def test_swapping_rnn_for_lstm_and_gru() -> None:
    cells = {
        c["cell"]: c for c in compare_json("--cell", "rnn", "--backends", "torch,numpy")["cells"]
    }
    assert list(cells) == ["rnn", "lstm", "gru"]
    assert cells["lstm"]["total_parameters"] == 4 * cells["rnn"]["total_parameters"]
    assert cells["gru"]["total_parameters"] == 3 * cells["rnn"]["total_parameters"]
    assert "c_n: new, the LSTM's cell state" in cells["lstm"]["changes"]
    assert "parameters ×4: 4 gate blocks (i, f, g, o)" in cells["lstm"]["changes"]
    assert "output and h_n: unchanged" in cells["gru"]["changes"]
    assert "c_n" not in cells["gru"]["tensors"]


def test_projection_is_dropped_for_other_cells() -> None:
    doc = compare_json(
        "--cell", "lstm", "--proj-size", "3", "--with", "gru", "--backends", "torch,numpy"
    )
    gru = doc["cells"][1]
    assert gru["tensors"]["h_n"] == [1, 1, 8]
    assert "output and h_n: 8 features instead of 3" in gru["changes"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--with", "lstm,transformer"], "'transformer'"),
        (["--backends", "torch,analytic"], "analytic"),
        (["--backends", "jax"], "'jax'"),
        (["--format", "csv"], "'csv' is not one of 'table', 'json', 'markdown'"),
        (["--repeat", "0"], "--repeat"),
        (["--backends", "torch"], "two different backends"),
        (["--atol", "nan"], "--atol"),
        (["--backends", "numpy,numpy"], "two different backends"),
    ],
)
def test_bad_input(args: list[str], needle: str) -> None:
    result = runner.invoke(app, ["compare", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert needle in result.stderr


def test_changes_stay_whole_at_80_columns() -> None:
    result = runner.invoke(app, ["compare", "--cell", "rnn"])
    assert result.exit_code == 0
    assert "nn.RNN → nn.LSTM (--cell rnn --to lstm)" in result.stdout
    assert "• parameters ×4: 4 gate blocks (i, f, g, o)" in result.stdout
    assert "• c_n: new, the LSTM's cell state" in result.stdout


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_numpy_is_the_same_network(cell: str, dtype: str) -> None:
    args = ["--cell", cell, "--layers", "2", "--bidirectional", "--dtype", dtype]
    doc = compare_json(*args, "--lengths", "6,2,4")
    assert doc["match"] is True
    for t in doc["tensors"]:
        assert t["shapes"]["torch"] == t["shapes"]["numpy"]
        assert t["max_abs_diff"] <= doc["config"]["atol"]


def test_a_wrong_gate_order_is_a_mismatch_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(numpy_net, "lstm_step", lstm_f_before_i)
    doc = compare_json("--cell", "lstm", code=1)
    assert doc["match"] is False
    assert [t["name"] for t in doc["tensors"] if not t["match"]] == ["output", "h_n", "c_n"]
    result = runner.invoke(app, ["compare", "--cell", "lstm"])
    assert result.exit_code == 1
    assert "✗ differs" in result.stdout
    assert result.stderr.startswith("rnnx: error: output, h_n, c_n differ between torch,numpy")


def test_atol_zero_is_taken_at_its_word() -> None:
    """0 is a tolerance, not "unset": float32 rounding then differs, exit 1."""
    doc = compare_json("--cell", "lstm", "--atol", "0", code=1)
    assert doc["atol"] == 0.0
    assert doc["match"] is False


def test_a_bidirectional_change_line_counts_both_directions() -> None:
    """output joins the directions and h_n keeps them apart: the line says both, as the table."""
    stdout = ok("compare", "-c", "lstm", "--proj-size", "3", "--bidirectional", "--repeat", "1")
    line = " ".join(stdout.split())
    assert "output: 16 features instead of 6 (2 directions × 8); h_n: 8 instead of 3" in line


def test_the_swap_reads_from_the_network_you_have_to_the_other() -> None:
    swapped = ok("compare", "--cell", "rnn", "--to", "lstm", "--repeat", "1")
    assert "nn.RNN → nn.LSTM (--cell rnn --to lstm)" in swapped
    assert "→ lstm" in swapped
    assert "nn.LSTM → nn.RNN" not in swapped
    back = ok("compare", "--cell", "lstm", "--repeat", "1")  # the default: to rnn
    assert "nn.LSTM → nn.RNN (--cell lstm --to rnn)" in back
    assert "c_n: gone" in back


def test_with_is_to_under_its_old_name() -> None:
    to = compare_json("--cell", "rnn", "--to", "gru")
    old = compare_json("--cell", "rnn", "--with", "gru")
    assert to["cells"] == old["cells"]
    both = rnnx("compare", "--to", "gru", "--with", "lstm")
    assert (both.code, both.stdout) == (2, "")
    assert "--to and --with" in both.stderr


def _code_line(chosen: str, other: str, *args: str) -> str:
    doc = compare_json("--cell", chosen, "--to", other, *args)
    return str(next(c for c in doc["cells"][1]["changes"] if c.startswith("code:")))


@pytest.mark.parametrize(
    ("chosen", "other", "args"),
    [
        ("rnn", "lstm", ()),
        ("gru", "lstm", ("--layers", "2")),
        ("lstm", "rnn", ()),
        ("lstm", "gru", ("--layers", "2")),  # two rows: unpacks without an error
        ("lstm", "rnn", ("--bidirectional",)),
        ("lstm", "gru", ("--layers", "2", "--bidirectional")),
        ("rnn", "gru", ()),
    ],
)
def test_the_code_line_is_what_torch_does(chosen: str, other: str, args: tuple[str, ...]) -> None:
    """The notebook's `outputs, _status = cell(inputs)` and the LSTM's unpacking, run in torch."""
    line = _code_line(chosen, other, *args)
    doc = compare_json("--cell", other, "--to", chosen, *args)
    net = torch_module(doc["config"])
    inputs = torch.randn(1, 10, 5)
    outputs, _status = net(inputs)  # noqa: RUF059 (the notebook's own line)
    if "_status.shape" in line:  # to an LSTM: _status is the tuple (h_n, c_n)
        with pytest.raises(AttributeError) as caught:
            print(_status.shape)
        assert str(caught.value) in line
        return
    if "unchanged" in line:
        assert isinstance(_status, torch.Tensor)
        return
    try:
        _outputs, (h_n, c_n) = net(inputs)
    except ValueError:
        assert "fails with ValueError" in line
    else:
        assert "raises no error" in line
        assert torch.equal(h_n, _status[0])
        assert torch.equal(c_n, _status[1])
