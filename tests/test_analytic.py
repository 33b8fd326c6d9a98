"""The analytic backend against torch itself, on random small configurations.

Torch's modules are built here directly with torch.nn (not through rnnx's torch backend), and the
input is shaped here by hand, so a mistake in rnnx's arithmetic cannot hide behind itself.
"""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from rnn_cli import shapes
from rnn_cli.spec import Cell, DType, Nonlinearity, Spec, validate

pytestmark = [
    pytest.mark.filterwarnings("ignore:dropout option adds dropout after all but last"),
    pytest.mark.filterwarnings("ignore:LSTM with projections is not supported with oneDNN"),
]
TORCH_DTYPE = {DType.FLOAT32: torch.float32, DType.FLOAT64: torch.float64}


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    """A valid configuration small enough to run in a millisecond."""
    cell = draw(st.sampled_from(Cell))
    hidden = draw(st.integers(1, 6))
    unbatched = draw(st.booleans())
    return validate(
        Spec(
            cell=cell,
            input_size=draw(st.integers(1, 6)),
            hidden_size=hidden,
            num_layers=draw(st.integers(1, 3)),
            bidirectional=draw(st.booleans()),
            batch_first=draw(st.booleans()),
            proj_size=draw(st.integers(0, hidden - 1)) if cell is Cell.LSTM else 0,
            nonlinearity=draw(st.sampled_from([None, *Nonlinearity])) if cell is Cell.RNN else None,
            bias=draw(st.booleans()),
            dropout=draw(st.sampled_from([0.0, 0.25])),
            batch_size=1 if unbatched else draw(st.integers(1, 3)),
            seq_len=draw(st.integers(1, 4)),
            unbatched=unbatched,
            dtype=draw(st.sampled_from(DType)),
        )
    )


def torch_module(spec: Spec) -> nn.RNNBase:
    common = {
        "input_size": spec.input_size,
        "hidden_size": spec.hidden_size,
        "num_layers": spec.num_layers,
        "bias": spec.bias,
        "batch_first": spec.batch_first,
        "dropout": spec.dropout,
        "bidirectional": spec.bidirectional,
    }
    if spec.cell is Cell.RNN:
        net: nn.RNNBase = nn.RNN(nonlinearity=spec.activation.value, **common)
    elif spec.cell is Cell.LSTM:
        net = nn.LSTM(proj_size=spec.proj_size, **common)
    else:
        net = nn.GRU(**common)
    return net.to(TORCH_DTYPE[spec.dtype]).eval()


def torch_input(spec: Spec) -> torch.Tensor:
    """torch's documented input layout, written out here rather than taken from shapes.py."""
    n, length, features = spec.batch_size, spec.seq_len, spec.input_size
    if spec.unbatched:
        size: tuple[int, ...] = (length, features)
    else:
        size = (n, length, features) if spec.batch_first else (length, n, features)
    return torch.randn(size, dtype=TORCH_DTYPE[spec.dtype])


def analytic(spec: Spec) -> dict[str, tuple[int, ...]]:
    return {t.name: t.shape for t in shapes.tensors(spec)}


@settings(max_examples=200, deadline=None)
@given(specs())
def test_parameters_match_torch(spec: Spec) -> None:
    net = torch_module(spec)
    params = shapes.parameters(spec)
    assert [(p.name, p.shape) for p in params] == [
        (name, tuple(p.shape)) for name, p in net.named_parameters()
    ]
    assert [p.count for p in params] == [p.numel() for p in net.parameters()]
    assert shapes.total_parameters(spec) == sum(p.numel() for p in net.parameters())
    assert shapes.parameter_bytes(spec) == sum(
        p.numel() * p.element_size() for p in net.parameters()
    )


@settings(max_examples=200, deadline=None)
@given(specs())
def test_tensors_match_a_torch_forward(spec: Spec) -> None:
    """output, h_n, c_n from a real forward pass; h_0 (c_0) as torch accepts them."""
    net = torch_module(spec)
    expected = analytic(spec)
    assert expected["input"] == tuple(torch_input(spec).shape)
    h_0 = torch.zeros(expected["h_0"], dtype=TORCH_DTYPE[spec.dtype])
    with torch.no_grad():
        if spec.cell is Cell.LSTM:
            c_0 = torch.zeros(expected["c_0"], dtype=TORCH_DTYPE[spec.dtype])
            output, (h_n, c_n) = net(torch_input(spec), (h_0, c_0))  # torch checks both shapes
            assert expected["c_n"] == tuple(c_n.shape)
        else:
            output, h_n = net(torch_input(spec), h_0)
            assert "c_n" not in expected
    assert expected["output"] == tuple(output.shape)
    assert expected["h_n"] == tuple(h_n.shape)


def test_a_five_billion_parameter_lstm_is_arithmetic_only() -> None:
    """The analytic answer for a network no laptop could hold, counted with python ints."""
    spec = Spec(cell=Cell.LSTM, input_size=8192, hidden_size=8192, num_layers=4,
                bidirectional=True, batch_size=64, seq_len=10000)  # fmt: skip
    per_direction = 4 * 8192 * (8192 + 8192 + 2) + 3 * 4 * 8192 * (2 * 8192 + 8192 + 2)
    assert shapes.total_parameters(spec) == 2 * per_direction == 5_906_104_320
    assert analytic(spec)["output"] == (64, 10000, 16384)
    assert shapes.memory_bytes(spec) > 4 * shapes.total_parameters(spec)
