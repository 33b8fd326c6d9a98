"""The rendered report, pinned in golden files (tests/golden/, regenerated on purpose only)."""

from collections.abc import Callable

import pytest

from rnn_cli.backends.dispatch import run
from rnn_cli.findings.report import Report, build
from rnn_cli.network.weights import draw
from rnn_cli.render import csv as csv_render
from rnn_cli.render import json as json_render
from rnn_cli.render import markdown as markdown_render
from rnn_cli.render import table as table_render
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec
from tests.helpers import plain

CONFIGS: dict[str, Spec] = {
    "rnn_default": Spec(),
    "rnn_2layer_bidir": Spec(num_layers=2, bidirectional=True),
    "lstm_proj_seqfirst": Spec(cell=Cell.LSTM, proj_size=4, batch_first=False, batch_size=3),
    "gru_unbatched_dropout": Spec(cell=Cell.GRU, unbatched=True, num_layers=3, dropout=0.25),
}


def analytic(spec: Spec) -> Report:
    return build(spec, Backend.ANALYTIC, None)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_table(name: str, golden: Callable[[str, str], None]) -> None:
    golden(f"table_{name}", plain(table_render.render(analytic(CONFIGS[name])), 80))


@pytest.mark.parametrize("name", ["rnn_2layer_bidir", "lstm_proj_seqfirst"])
def test_text_formats(name: str, golden: Callable[[str, str], None]) -> None:
    report = analytic(CONFIGS[name])
    golden(f"markdown_{name}", markdown_render.render(report) + "\n")
    golden(f"csv_{name}", csv_render.render(report) + "\n")
    golden(f"json_{name}", json_render.render(report) + "\n")


def test_torch_run_renders_like_the_arithmetic() -> None:
    """A computed run's tensor and parameter tables are the arithmetic's, bar the title."""
    spec = Spec(cell=Cell.GRU, num_layers=2, bidirectional=True)
    computed = build(spec, Backend.TORCH, run(spec, Backend.TORCH, draw(spec)))
    for part in (table_render.tensor_table, table_render.parameter_table):
        expected = plain(part(analytic(spec))).replace("analytic", "torch")
        assert plain(part(computed)) == expected
