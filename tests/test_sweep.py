"""`rnnx sweep`: comma lists, the grid, and every row equal to the `shape` run of its config."""

import csv
import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rnn_cli.base.errors import SpecError
from rnn_cli.cli.launch import app
from rnn_cli.spec import grid
from rnn_cli.spec.build import build_spec
from rnn_cli.spec.choices import Cell, Nonlinearity
from tests.helpers import runner


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result


def shape_args(config: dict[str, Any]) -> list[str]:
    """The `rnnx shape` command line of one JSON config."""

    def flag(on: bool, yes: str, no: str) -> str:
        return yes if on else no

    args = ["shape", "--backend", config["backend"], "-f", "json"]
    args += ["--cell", config["cell"], "--input-size", str(config["input_size"])]
    args += ["--hidden-size", str(config["hidden_size"]), "--layers", str(config["num_layers"])]
    args += ["--proj-size", str(config["proj_size"]), "--dropout", str(config["dropout"])]
    args += ["--batch-size", str(config["batch_size"]), "--seq-len", str(config["seq_len"])]
    args += [
        "--dtype",
        config["dtype"],
        "--device",
        config["device"],
        "--seed",
        str(config["seed"]),
    ]
    args += [flag(config["bidirectional"], "--bidirectional", "--unidirectional")]
    args += [flag(config["bias"], "--bias", "--no-bias")]
    args += [flag(config["batch_first"], "--batch-first", "--seq-first")]
    args += ["--unbatched"] if config["unbatched"] else []
    args += ["--lengths", ",".join(map(str, config["lengths"]))] if config["lengths"] else []
    if config["cell"] == "rnn":
        args += ["--nonlinearity", config["nonlinearity"]]
    return args


def without_seconds(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "seconds"}


def test_parse_list_reads_each_type() -> None:
    assert grid.parse_list("--layers", "1, 2,3,2", int, 1) == (1, 2, 3)
    assert grid.parse_list("--dropout", "0,0.5", float) == (0.0, 0.5)
    assert grid.parse_list("--cell", "gru,lstm", Cell) == (Cell.GRU, Cell.LSTM)
    assert grid.parse_list("--bias", "both", bool) == (False, True)
    assert grid.parse_list("--bias", "yes,off", bool) == (True, False)
    assert grid.parse_list("--nonlinearity", "relu", Nonlinearity) == (Nonlinearity.RELU,)


@pytest.mark.parametrize(
    ("flag", "text", "kind", "minimum", "message"),
    [
        ("--layers", "1,0", int, 1, r"--layers takes values of at least 1: got 0 in '1,0'"),
        ("--hidden-size", "8,x", int, 1, r"--hidden-size .* whole numbers: got 'x' in '8,x'"),
        ("--hidden-size", "8,", int, 1, r"--hidden-size .*: got '' in '8,'"),
        ("--cell", "lstm,cnn", Cell, None, r"--cell: unknown choice 'cnn' .* rnn, lstm, gru"),
        ("--bidirectional", "maybe", bool, None, r"--bidirectional .* true, false or both"),
        ("--dropout", "half", float, None, r"--dropout .* numbers: got 'half'"),
    ],
)
def test_parse_list_names_flag_and_value(
    flag: str, text: str, kind: Any, minimum: int | None, message: str
) -> None:
    with pytest.raises(SpecError, match=message):
        grid.parse_list(flag, text, kind, minimum)


def test_plan_sets_aside_combinations_torch_rejects() -> None:
    choices = {"cell": (Cell.RNN, Cell.LSTM), "proj_size": (0, 4)}
    plan = grid.plan(choices, build_spec, 100)
    assert [(s.cell, s.proj_size) for s in plan.specs] == [
        (Cell.RNN, 0),
        (Cell.LSTM, 0),
        (Cell.LSTM, 4),
    ]
    assert len(plan.rejected) == 1
    assert "--proj-size applies to --cell lstm only" in plan.rejected[0]


def test_plan_with_nothing_valid_raises_the_first_reason() -> None:
    with pytest.raises(SpecError, match="--proj-size applies to --cell lstm only"):
        grid.plan({"cell": (Cell.GRU,), "proj_size": (4,)}, build_spec, 100)


def test_plan_refuses_more_than_max_configs_before_building_any() -> None:
    def never(**_: object) -> Any:
        raise AssertionError("built a configuration")

    with pytest.raises(SpecError, match="--max-configs: the grid holds 12 configurations"):
        grid.plan({"a": (1, 2, 3), "b": (1, 2, 3, 4)}, never, 11)


def test_csv_has_one_row_per_configuration_varied_columns_first() -> None:
    result = invoke(
        "sweep", "--cell", "rnn,lstm,gru", "--layers", "1,2,3", "-H", "8,16", "-f", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 18
    assert list(rows[0])[:3] == ["cell", "hidden_size", "num_layers"]
    lstm = next(r for r in rows if r["cell"] == "lstm" and r["num_layers"] == "3")
    assert (lstm["output"], lstm["h_n"], lstm["c_n"]) == ("1x10x8", "3x1x8", "3x1x8")
    assert next(r for r in rows if r["cell"] == "gru")["c_n"] == ""


def test_bidirectional_both_tries_both() -> None:
    rows = json.loads(invoke("sweep", "--bidirectional", "both", "-f", "json").stdout)
    assert [r["config"]["bidirectional"] for r in rows] == [False, True]
    assert [r["tensors"][1]["shape"] for r in rows] == [[1, 10, 8], [1, 10, 16]]


def test_rejected_combinations_are_noted_on_stderr() -> None:
    result = invoke("sweep", "-c", "rnn,lstm", "--proj-size", "0,4", "-f", "csv")
    assert len(result.stdout.splitlines()) == 1 + 3
    assert "set aside 1 of 4 configurations" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layers", "0,1"], "--layers takes values of at least 1"),
        (["-c", "gru", "--proj-size", "4"], "--proj-size applies to --cell lstm only"),
        (["-H", "1,2,3", "-l", "1,2,3", "--max-configs", "8"], "holds 9 configurations"),
        (["--device", "cuda", "--backend", "numpy"], "configuration 1 of 1"),
    ],
)
def test_bad_sweeps_exit_2_before_printing_rows(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["sweep", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_table_and_markdown_keep_one_line_per_configuration() -> None:
    args = ["sweep", "-c", "rnn,lstm", "-H", "8,4096", "-n", "1,64", "-L", "10,10000"]
    table = invoke(*args).stdout.splitlines()
    assert sum(line.lstrip().startswith(("rnn ", "lstm ")) for line in table) == 16
    assert "(64, 10000, 4096)" in invoke(*args).stdout
    markdown = invoke(*args, "-f", "markdown").stdout.splitlines()
    assert len(markdown) == 2 + 16
    assert markdown[0].startswith("| cell | hidden_size | nonlinearity | batch_size | seq_len |")


lists = st.lists(st.integers(1, 6), min_size=1, max_size=2, unique=True)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(st.sampled_from(["rnn", "lstm", "gru"]), min_size=1, max_size=3, unique=True),
    hidden=lists,
    layers=st.lists(st.integers(1, 3), min_size=1, max_size=2, unique=True),
    proj=st.lists(st.integers(0, 3), min_size=1, max_size=2, unique=True),
    bidirectional=st.sampled_from(["true", "false", "both"]),
    batch_first=st.sampled_from(["true", "false"]),
    unbatched=st.sampled_from(["false", "both"]),
)
def test_every_sweep_row_equals_its_shape_run(
    cells: list[str],
    hidden: list[int],
    layers: list[int],
    proj: list[int],
    bidirectional: str,
    batch_first: str,
    unbatched: str,
) -> None:
    def csv_list(values: list[Any]) -> str:
        return ",".join(str(v) for v in values)

    args = ["sweep", "-c", csv_list(cells), "-H", csv_list(hidden), "-l", csv_list(layers),
            "--proj-size", csv_list(proj), "--bidirectional", bidirectional,
            "--batch-first", batch_first, "--unbatched", unbatched, "-f", "json"]  # fmt: skip
    result = runner.invoke(app, args)
    if result.exit_code == 2:  # e.g. only gru with proj_size 3: nothing valid to compare
        assert "rnnx: error:" in result.stderr
        return
    rows = json.loads(result.stdout)
    for row in rows:
        assert row == json.loads(invoke(*shape_args(row["config"])).stdout)


def test_lengths_and_input_shape_apply_to_every_configuration() -> None:
    packed = json.loads(
        invoke("sweep", "-c", "lstm,gru", "--lengths", "4,2,1", "-f", "json").stdout
    )
    assert [r["config"]["lengths"] for r in packed] == [[4, 2, 1], [4, 2, 1]]
    assert packed[1] == json.loads(invoke(*shape_args(packed[1]["config"])).stdout)
    read = json.loads(invoke("sweep", "-l", "1,2", "--input-shape", "7,3,5", "-f", "json").stdout)
    assert [r["tensors"][0]["shape"] for r in read] == [[7, 3, 5], [7, 3, 5]]


def test_torch_sweep_rows_equal_torch_shape_runs() -> None:
    """Notes too: torch warns once per process (oneDNN and proj_size), rnnx on every row."""
    result = invoke("sweep", "-c", "rnn,lstm,gru", "--bidirectional", "both", "-l", "1,2",
                    "--backend", "torch", "-f", "json")  # fmt: skip
    projected = invoke("sweep", "-c", "lstm", "--proj-size", "2,3,4", "--lengths", "3,1",
                       "--backend", "torch", "-f", "json")  # fmt: skip
    rows = [*json.loads(result.stdout), *json.loads(projected.stdout)]
    assert len(rows) == 12 + 3
    for row in rows:
        alone = json.loads(invoke(*shape_args(row["config"])).stdout)
        assert without_seconds(row) == without_seconds(alone)
        assert isinstance(row["seconds"], float)
