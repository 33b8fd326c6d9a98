"""rnn_cli.shape: a torch layer's real configuration (and a PackedSequence's lengths) read into
the same report `rnnx shape` prints; the CLI's options as keywords; shown three ways. rnn_cli.why:
`rnnx why`'s document for a message, an exception torch raised, or the session's last one."""

import json
from typing import Any

import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from rnn_cli import api
from rnn_cli.base.errors import SpecError
from tests.helpers import rnnx, shape_json


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


def _raised() -> RuntimeError:
    """The error torch raises for an h_0 built with one row for a two-layer LSTM."""
    lstm = nn.LSTM(8, 8, num_layers=2)
    state = (torch.zeros(1, 4, 8), torch.zeros(1, 4, 8))
    with pytest.raises(RuntimeError) as raised:
        lstm(torch.randn(3, 4, 8), state)
    return raised.value


def test_why_of_an_exception_is_rnnx_whys_document() -> None:
    error = _raised()
    report = api.why(error)
    shown = f"RuntimeError: {error}"  # its last line, as the traceback printed it
    code, out, _ = rnnx("why", shown, "--format", "json")
    assert code == 0
    document = report.to_dict()
    assert document == json.loads(out)
    assert document["numbers"] == {"which": 0, "expected": [2, 4, 8], "got": [1, 4, 8]}
    bundle = report._repr_mimebundle_()
    assert str(error) in bundle["text/plain"]
    assert "<pre" in bundle["text/html"]
    assert report.__rich__() is not None


def test_why_of_text_it_does_not_know_and_of_the_last_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unknown = api.why("KeyError: 'x'")
    code, out, _ = rnnx("why", "KeyError: 'x'", "--format", "json")
    assert (code, unknown.recognized) == (1, False)
    assert unknown.to_dict() == json.loads(out)
    for name in ("last_exc", "last_value"):
        monkeypatch.delattr(f"sys.{name}", raising=False)
    with pytest.raises(SpecError, match="no exception"):
        api.why()
    monkeypatch.setattr("sys.last_value", _raised(), raising=False)
    said = api.why(lang="ko")
    assert said.to_dict() == api.why(_raised(), lang="ko").to_dict()
    assert "torch의 메시지" in str(said)
