"""The analytic backend against torch itself, on random small configurations.

Torch's modules are built here directly with torch.nn (not through rnnx's torch backend), and the
input is shaped here by hand, so a mistake in rnnx's arithmetic cannot hide behind itself.
"""

import pytest
import torch
from hypothesis import given, settings
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from rnn_cli.findings.report import config
from rnn_cli.network import shapes
from rnn_cli.spec.choices import Backend, Cell, DType
from rnn_cli.spec.config import Spec
from tests.helpers import torch_module as module_from_config
from tests.strategies import specs

pytestmark = pytest.mark.filterwarnings("ignore:LSTM with projections is not supported with oneDNN")
TORCH_DTYPE = {DType.FLOAT32: torch.float32, DType.FLOAT64: torch.float64}


def torch_module(spec: Spec) -> nn.RNNBase:
    """torch's module for spec, built by torch.nn from the plain config values JSON carries."""
    return module_from_config(config(spec, Backend.TORCH)).eval()


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
    """output, h_n, c_n (packed_data, batch_sizes) from a real forward; h_0, c_0 as torch takes."""
    net, expected, x = torch_module(spec), analytic(spec), torch_input(spec)
    assert expected["input"] == tuple(x.shape)
    h_0 = torch.zeros(expected["h_0"], dtype=TORCH_DTYPE[spec.dtype])
    c_0 = torch.zeros(expected.get("c_0", (0,)), dtype=TORCH_DTYPE[spec.dtype])
    if spec.lengths:
        x = pack_padded_sequence(x, torch.tensor(spec.lengths), spec.batch_first, False)
    with torch.no_grad():  # torch checks the shape of every initial state it is given
        output, state = net(x, (h_0, c_0) if spec.cell is Cell.LSTM else h_0)
    if spec.lengths:
        assert expected["packed_data"] == tuple(output.data.shape)
        assert expected["batch_sizes"] == tuple(output.batch_sizes.shape)
        output, _ = pad_packed_sequence(output, spec.batch_first, total_length=spec.seq_len)
    h_n, c_n = state if spec.cell is Cell.LSTM else (state, None)
    assert expected["output"] == tuple(output.shape)
    assert expected["h_n"] == tuple(h_n.shape)
    assert expected.get("c_n") == (None if c_n is None else tuple(c_n.shape))


def test_a_five_billion_parameter_lstm_is_arithmetic_only() -> None:
    """The analytic answer for a network no laptop could hold, counted with python ints."""
    spec = Spec(cell=Cell.LSTM, input_size=8192, hidden_size=8192, num_layers=4,
                bidirectional=True, batch_size=64, seq_len=10000)  # fmt: skip
    per_direction = 4 * 8192 * (8192 + 8192 + 2) + 3 * 4 * 8192 * (2 * 8192 + 8192 + 2)
    assert shapes.total_parameters(spec) == 2 * per_direction == 5_906_104_320
    assert analytic(spec)["output"] == (64, 10000, 16384)
    assert shapes.memory_bytes(spec) > 4 * shapes.total_parameters(spec)
