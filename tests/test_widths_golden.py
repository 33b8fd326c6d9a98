"""`sweep` and `explain` as an 80- and a 120-column terminal show them, pinned in goldens."""

from collections.abc import Callable

import pytest

from rnn_cli.findings.report import build
from rnn_cli.network.lesson import lesson
from rnn_cli.render import equations as equations_render
from rnn_cli.render import sweep as sweep_render
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec
from tests.helpers import plain

WIDTHS = (80, 120)


def _sweep() -> list[Spec]:
    return [
        Spec(cell=cell, num_layers=layers, hidden_size=hidden)
        for cell in Cell
        for layers in (1, 2, 3)
        for hidden in (8, 16)
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_sweep_golden(width: int, golden: Callable[[str, str], None]) -> None:
    reports = [build(spec, Backend.ANALYTIC, None) for spec in _sweep()]
    text = plain(sweep_render.render_table(reports, width), width)
    golden(f"sweep_cells_layers_hidden_{width}", text)
    # never cut: every shape and count of every configuration is there whole
    for r in reports:
        assert f"{r.total_parameters:,}" in text
    assert "…" not in text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("name", "spec"),
    [
        (
            "lstm_proj_2layer_bidir",
            Spec(cell=Cell.LSTM, proj_size=3, num_layers=2, bidirectional=True),
        ),
        ("gru_batch4", Spec(cell=Cell.GRU, batch_size=4)),
    ],
)
def test_explain_golden(
    name: str, spec: Spec, width: int, golden: Callable[[str, str], None]
) -> None:
    golden(f"explain_{name}_{width}", plain(equations_render.render(lesson(spec)), width))
