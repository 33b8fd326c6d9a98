"""rnn_cli.shape: a torch layer's real configuration (and a PackedSequence's lengths) read into
the same report `rnnx shape` prints; the CLI's options as keywords; shown three ways."""

import json
from typing import Any

import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from rnn_cli import api
from tests.helpers import shape_json


def same(report: api.ShapeReport, *args: str) -> None:
    """report's document is `rnnx shape ARGS --format json`'s, the forward's timing aside."""
    mine = json.loads(json.dumps(report.to_dict()))
    theirs = shape_json(*args)
    mine["seconds"] = theirs["seconds"] = None
    assert mine == theirs


@pytest.mark.parametrize(
    ("layer", "x", "args"),
    [
        (nn.RNN(5, 8), None, ("--seq-first", "--seq-len", "10", "--batch-size", "1")),
        (
            nn.LSTM(3, 6, num_layers=2, bidirectional=True, batch_first=True, proj_size=4),
            torch.randn(7, 11, 3),
            (
                "--cell",
                "lstm",
                "--input-size",
                "3",
                "-H",
                "6",
                "-l",
                "2",
                "--bidirectional",
                "--proj-size",
                "4",
                "-n",
                "7",
                "-L",
                "11",
            ),
        ),
        (
            nn.GRU(4, 5, bias=False, dropout=0.25, num_layers=3),
            torch.randn(9, 2, 4),
            (
                "--cell",
                "gru",
                "--input-size",
                "4",
                "-H",
                "5",
                "--no-bias",
                "--dropout",
                "0.25",
                "-l",
                "3",
                "--seq-first",
                "-n",
                "2",
                "-L",
                "9",
            ),
        ),
        (
            nn.RNN(5, 8, nonlinearity="relu"),
            torch.randn(6, 5),
            ("--nonlinearity", "relu", "--unbatched", "-L", "6", "--seq-first"),
        ),
    ],
)
def test_a_layer_reads_as_the_cli_options_that_describe_it(
    layer: nn.RNNBase, x: Any, args: tuple[str, ...]
) -> None:
    same(api.shape(layer, x), *args)


def test_a_packed_sequence_gives_its_lengths() -> None:
    lstm = nn.LSTM(5, 8, batch_first=True)
    packed = pack_padded_sequence(
        torch.randn(3, 10, 5), torch.tensor([10, 7, 3]), batch_first=True, enforce_sorted=False
    )
    same(api.shape(lstm, packed), "--cell", "lstm", "--lengths", "10,7,3")


def test_the_cli_options_as_keywords() -> None:
    same(api.shape(cell="lstm", layers=2, bidirectional=True), "--cell", "lstm", "-l", "2",
         "--bidirectional")  # fmt: skip


def test_the_report_shows_itself_in_korean() -> None:
    report = api.shape(nn.GRU(5, 8, batch_first=True), lang="ko")
    bundle = report._repr_mimebundle_()
    assert "텐서" in str(report)
    assert "텐서" in bundle["text/html"]
    assert bundle["text/plain"] == str(report)
    assert "은닉 상태" in json.dumps(report.to_dict(), ensure_ascii=False)
    assert "텐서" not in str(api.shape(nn.GRU(5, 8, batch_first=True)))  # the process's: English
