"""--input-shape: read as torch reads it, a warning when it looks transposed, torch's error."""

import json

import pytest
import torch
from torch import nn

from rnn_cli.base.errors import SpecError
from rnn_cli.cli.launch import app
from rnn_cli.spec.config import Spec
from rnn_cli.spec.input_shape import parse, read, warnings
from tests.helpers import runner


@pytest.mark.parametrize(
    "value", ["64,28,5", "(64, 28, 5)", "torch.Size([64, 28, 5])", "64, 28, 5,"]
)
def test_parse_takes_what_torch_prints(value: str) -> None:
    assert parse(value) == (64, 28, 5)


@pytest.mark.parametrize("value", ["", "a,b,c", "0,3,5", "-1,3,5", "2.5,3,5"])
def test_parse_rejects_naming_the_value(value: str) -> None:
    with pytest.raises(SpecError, match="--input-shape must be positive whole numbers"):
        parse(value)


def test_batch_first_reads_n_then_l() -> None:
    spec = read(Spec(batch_first=True), (64, 28, 5))
    assert (spec.batch_size, spec.seq_len, spec.unbatched) == (64, 28, False)


def test_seq_first_reads_l_then_n() -> None:
    spec = read(Spec(batch_first=False), (64, 28, 5))
    assert (spec.batch_size, spec.seq_len) == (28, 64)


def test_two_dims_are_unbatched_as_in_torch() -> None:
    spec = read(Spec(), (12, 5))
    assert (spec.batch_size, spec.seq_len, spec.unbatched) == (1, 12, True)


@pytest.mark.parametrize(
    ("batch_first", "dims", "flag"),
    [(False, (64, 28, 5), "--batch-first"), (True, (28, 64, 5), "--seq-first")],
)
def test_warns_when_time_looks_like_a_batch(
    batch_first: bool, dims: tuple[int, ...], flag: str
) -> None:
    (warning,) = warnings(read(Spec(batch_first=batch_first), dims))
    assert flag in warning
    assert "N = 64 sequences, L = 28 time steps" in warning  # the other reading


@pytest.mark.parametrize(
    ("batch_first", "dims"),
    [(True, (64, 28, 5)), (False, (28, 64, 5)), (True, (32, 64, 5)), (True, (7, 7, 5))],
)
def test_no_warning_when_the_reading_is_plausible(batch_first: bool, dims: tuple[int, ...]) -> None:
    assert warnings(read(Spec(batch_first=batch_first), dims)) == ()


def test_wrong_features_exit_2_with_torchs_message_and_the_fix() -> None:
    with pytest.raises(RuntimeError) as torch_error:
        nn.RNN(5, 8)(torch.zeros(3, 10, 4))
    result = runner.invoke(app, ["shape", "--input-shape", "3,10,4"])
    assert result.exit_code == 2
    assert str(torch_error.value) in result.stderr
    assert "pass --input-size 4" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--input-shape", "2,3,4,5"], "has 4 dimensions"),
        (["--input-shape", "10,5,5", "--unbatched"], "--unbatched wants 2"),
        (["--input-shape", "64,28,5", "--batch-size", "4"], "--batch-size 4 disagrees"),
        (["--input-shape", "64,28,5", "--seq-len", "3"], "--seq-len 3 disagrees"),
    ],
)
def test_contradictions_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["shape", *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_runs_the_users_shape_and_lists_warnings_in_json() -> None:
    result = runner.invoke(app, ["shape", "--seq-first", "--input-shape", "64,28,5", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["tensors"][0]["shape"] == [64, 28, 5]
    assert [d["meaning"] for d in doc["tensors"][0]["dims"]][:2] == [
        "seq_len 64 time steps",
        "batch_size 28",
    ]
    assert len(doc["warnings"]) == 1
    assert "N = 28 sequences, L = 64 time steps, H_in = 5 features" in doc["notes"][0]


def test_table_shows_the_warning() -> None:
    result = runner.invoke(app, ["shape", "--seq-first", "--input-shape", "64,28,5"])
    assert result.exit_code == 0, result.stderr
    assert "⚠ --input-shape 64,28,5" in result.stdout


def test_other_network_commands_take_it_too() -> None:
    result = runner.invoke(app, ["diagram", "--input-shape", "2,3,5"])
    assert result.exit_code == 0, result.stderr
    assert "t=2" in result.stdout
    assert "t=3" not in result.stdout
