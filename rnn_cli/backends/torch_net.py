"""The reference: torch's nn.RNN / nn.LSTM / nn.GRU, loaded with rnnx's parameters, under no_grad.

Must not import rich.
"""

import contextlib
import statistics
import time
import warnings
from collections.abc import Iterator

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.network.result import Result
from rnn_cli.network.weights import Weights
from rnn_cli.spec.choices import Cell, Device, DType
from rnn_cli.spec.config import Spec

_MODULES: dict[Cell, type[nn.RNNBase]] = {Cell.RNN: nn.RNN, Cell.LSTM: nn.LSTM, Cell.GRU: nn.GRU}
_DTYPES: dict[DType, torch.dtype] = {DType.FLOAT32: torch.float32, DType.FLOAT64: torch.float64}


def device_for(spec: Spec) -> torch.device:
    if spec.device is Device.CUDA and not torch.cuda.is_available():
        raise SpecError(text("error.no_cuda"))
    return torch.device(spec.device.value)


def build(spec: Spec, weights: Weights) -> nn.RNNBase:
    """The torch module for spec, its parameters replaced by weights' (same names, same order)."""
    kwargs: dict[str, object] = {
        "input_size": spec.input_size,
        "hidden_size": spec.hidden_size,
        "num_layers": spec.num_layers,
        "bias": spec.bias,
        "batch_first": spec.batch_first,
        "dropout": spec.dropout,
        "bidirectional": spec.bidirectional,
    }
    if spec.cell is Cell.RNN:
        kwargs["nonlinearity"] = spec.activation.value
    if spec.cell is Cell.LSTM:
        kwargs["proj_size"] = spec.proj_size
    net = _MODULES[spec.cell](**kwargs).to(dtype=_DTYPES[spec.dtype])
    with torch.no_grad():
        for name, p in net.named_parameters():
            p.copy_(torch.from_numpy(weights.params[name]))
    return net.eval()


@contextlib.contextmanager
def _every_warning() -> Iterator[list[warnings.WarningMessage]]:
    """Record every warning, torch's C++ warn-once ones too: a process running several networks
    (rnnx sweep, the tests) would otherwise hear them on its first run only."""
    always = torch.is_warn_always_enabled()
    torch.set_warn_always(True)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield caught
    finally:
        torch.set_warn_always(always)


def run(spec: Spec, weights: Weights, repeat: int = 1) -> Result:
    device = device_for(spec)
    with _every_warning() as caught:
        net = build(spec, weights).to(device)
        x = torch.from_numpy(weights.x).to(device)
        times = []
        with torch.no_grad():
            for _ in range(repeat):
                start = time.perf_counter()
                out, state = _forward(spec, net, x)
                if device.type == "cuda":
                    torch.cuda.synchronize()
                times.append(time.perf_counter() - start)
    h_n, c_n = state if spec.cell is Cell.LSTM else (state, None)
    return Result(
        output=_numpy(out),
        h_n=_numpy(h_n),
        c_n=None if c_n is None else _numpy(c_n),
        seconds=statistics.median(times),
        warnings=tuple(dict.fromkeys(str(w.message) for w in caught)),
    )


def _forward(
    spec: Spec, net: nn.RNNBase, x: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor | tuple[torch.Tensor, torch.Tensor]]:
    """One forward pass; with lengths, packed as pack_padded_sequence(enforce_sorted=False) does."""
    if spec.lengths is None:
        return net(x)  # type: ignore[no-any-return]
    lengths = torch.tensor(spec.lengths)
    packed = pack_padded_sequence(x, lengths, batch_first=spec.batch_first, enforce_sorted=False)
    out, state = net(packed)
    padded, _ = pad_packed_sequence(out, batch_first=spec.batch_first, total_length=spec.seq_len)
    return padded, state


def _numpy(t: torch.Tensor) -> np.ndarray:
    array: np.ndarray = t.detach().cpu().numpy()
    return array


def forward_from(
    spec: Spec, weights: Weights, h0: np.ndarray, c0: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """output, h_n, c_n from the given h_0 (c_0): `rnnx check --reference torch`'s numbers."""
    net = build(spec, weights)
    state: torch.Tensor | tuple[torch.Tensor, torch.Tensor] = torch.from_numpy(h0)
    if c0 is not None:
        state = (torch.from_numpy(h0), torch.from_numpy(c0))
    with torch.no_grad():
        out, final = net(torch.from_numpy(weights.x), state)
    h_n, c_n = final if spec.cell is Cell.LSTM else (final, None)
    return _numpy(out), _numpy(h_n), None if c_n is None else _numpy(c_n)
