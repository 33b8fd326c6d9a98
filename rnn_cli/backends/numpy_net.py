"""From-scratch NumPy forward pass: layers and directions around a cell step from numpy_cells.

One loop serves RNN, LSTM and GRU; only the step and the state's length differ.
Computes in the input's dtype; dropout acts in training only, so inference applies none.
Must not import torch or rich: the numpy path has to run where torch is absent or slow to load.
"""

import statistics
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import numpy as np
from threadpoolctl import threadpool_limits

from rnn_cli.backends.numpy_cells import (
    CellWeights,
    State,
    Step,
    gru_step,
    lstm_step,
    rnn_relu_step,
    rnn_tanh_step,
)
from rnn_cli.network import shapes
from rnn_cli.network.result import Result
from rnn_cli.network.weights import Weights
from rnn_cli.spec.choices import Cell, Nonlinearity
from rnn_cli.spec.config import Spec

Forward = tuple[np.ndarray, np.ndarray, np.ndarray | None]  # output, h_n, c_n (LSTM only)


def step_for(spec: Spec) -> Step:
    """The cell step spec calls for."""
    if spec.cell is Cell.LSTM:
        return lstm_step
    if spec.cell is Cell.GRU:
        return gru_step
    return rnn_relu_step if spec.activation is Nonlinearity.RELU else rnn_tanh_step


# what each gate block's pre-activation is multiplied by: σ(a) = (1 + tanh(a/2)) / 2
SCALES: dict[Cell, tuple[float, ...]] = {
    Cell.LSTM: (0.5, 0.5, 1.0, 0.5),  # i, f, g, o
    Cell.GRU: (0.5, 0.5, 1.0),  # r, z, n
    Cell.RNN: (1.0,),
}


def prepare(
    spec: Spec, params: dict[str, np.ndarray], layer: int, direction: int, batch: int
) -> CellWeights:
    """Layer and direction's parameters under torch's names, scaled per gate block, biases folded.

    Absent ones (bias, proj) are None. GRU keeps b_hn apart: r multiplies it.
    """
    sfx = f"_l{layer}" + ("_reverse" if direction else "")
    w_hh = params[f"weight_hh{sfx}"]
    k = spec.hidden_size
    s = np.repeat(np.array(SCALES[spec.cell], w_hh.dtype), k)  # (G*hidden,)
    b_ih, b_hh = params.get(f"bias_ih{sfx}"), params.get(f"bias_hh{sfx}")
    b_hn = None
    if b_ih is not None and b_hh is not None:
        b_ih = b_ih + b_hh
        if spec.cell is Cell.GRU:
            b_ih[2 * k :] = params[f"bias_ih{sfx}"][2 * k :]
            b_hn = b_hh[2 * k :] * s[2 * k :]
        b_ih *= s
    return CellWeights(
        w_ih=params[f"weight_ih{sfx}"] * s[:, None],
        w_hh=w_hh * s[:, None],
        b_x=b_ih,
        b_hn=b_hn,
        gates=np.empty((batch, s.size), w_hh.dtype),
        w_hr=params.get(f"weight_hr{sfx}"),
    )


def initial_state(spec: Spec, batch: int, dtype: np.dtype) -> State:
    """Zeros, as torch uses when no h_0 (c_0) is given."""
    h = np.zeros((batch, spec.h_out), dtype)  # (batch, H_out)
    if spec.cell is Cell.LSTM:
        return h, np.zeros((batch, spec.hidden_size), dtype)  # c: (batch, hidden)
    return (h,)


def run_direction(
    x: np.ndarray,
    step: Step,
    w: CellWeights,
    state: State,
    out: np.ndarray,
    reverse: bool,
    valid: np.ndarray | None,
    xw: np.ndarray,
) -> State:
    """Run one direction over x (L, N, H_in), writing h_t into out (L, N, H_out); final state.

    The backward direction walks time in reverse but writes each h_t at its own t.
    valid (L, N, 1), for packed sequences, is False past a sequence's own length: there its
    state holds and its output is 0, as pad_packed_sequence pads. xw (L*N, G*hidden) is scratch.
    """
    seq_len, batch, _ = x.shape
    np.matmul(x.reshape(seq_len * batch, -1), w.w_ih.T, out=xw)  # every step in one product
    if w.b_x is not None:
        xw += w.b_x
    xw = xw.reshape(seq_len, batch, -1)  # (L, N, G*hidden)
    for t in range(seq_len - 1, -1, -1) if reverse else range(seq_len):
        if valid is None:
            state = step(xw[t], state, w)  # overwrites state in place
            out[t] = state[0]
        else:
            new = step(xw[t], tuple(a.copy() for a in state), w)
            state = tuple(np.where(valid[t], a, b) for a, b in zip(new, state, strict=True))
            out[t] = np.where(valid[t], state[0], 0.0)
    return state


MapDirections = Callable[[Callable[[int], State], Iterable[int]], Iterator[State]]


# below this many multiply-adds a forward pass takes about a millisecond, less than setting up
# the threads and the BLAS limit costs
SIDE_BY_SIDE_FROM = 10**7


@contextmanager
def _directions(spec: Spec) -> Iterator[MapDirections]:
    """How a layer's directions run: one after the other, or, for two, side by side.

    The two directions of a layer are independent, and a step is mostly single-threaded
    elementwise work, so two threads use both cores; BLAS is held to one thread meanwhile, or
    its own threads would fight them (measured: 1.75x torch serial, 1.4x side by side).
    """
    if spec.num_directions == 1 or shapes.mult_adds(spec) < SIDE_BY_SIDE_FROM:
        yield map
        return
    with threadpool_limits(1, user_api="blas"):
        yield side_by_side


def side_by_side(one: Callable[[int], State], directions: Iterable[int]) -> Iterator[State]:
    """one(0) here and one(1) on a daemon thread at the same time; results in direction order.

    A daemon, not a pool: Ctrl-C stops the main thread at once, and nothing waits at exit for
    a worker still deep in its own direction.
    """
    first, second = directions
    found: dict[str, State | BaseException] = {}

    def work() -> None:
        try:
            found["state"] = one(second)
        except BaseException as e:  # handed to the caller below
            found["state"] = e

    worker = threading.Thread(target=work, name="rnnx-reverse", daemon=True)
    worker.start()
    state = one(first)
    worker.join()
    other = found["state"]
    if isinstance(other, BaseException):
        raise other
    return iter((state, other))


def _layer(
    spec: Spec,
    params: dict[str, np.ndarray],
    x: np.ndarray,
    layer: int,
    valid: np.ndarray | None,
    each: MapDirections,
    xws: list[np.ndarray],
) -> tuple[np.ndarray, list[State]]:
    """One layer, every direction: its output (L, N, D*H_out) and each direction's final state.

    xws holds each direction's scratch for the input's share of the gates, (L*N, G*hidden).
    """
    seq_len, batch, _ = x.shape
    out = np.empty((seq_len, batch, spec.num_directions * spec.h_out), x.dtype)
    step = step_for(spec)

    def one(direction: int) -> State:
        w = prepare(spec, params, layer, direction, batch)
        cols = out[:, :, direction * spec.h_out : (direction + 1) * spec.h_out]  # a disjoint view
        state = initial_state(spec, batch, x.dtype)
        return run_direction(x, step, w, state, cols, direction == 1, valid, xws[direction])

    return out, list(each(one, range(spec.num_directions)))  # direction order, as map keeps it


def forward(spec: Spec, params: dict[str, np.ndarray], x: np.ndarray) -> Forward:
    """The whole network on x as torch takes it; output, h_n, c_n as torch returns them."""
    if spec.unbatched:
        x = x[:, None, :]  # (L, 1, H_in)
    elif spec.batch_first:
        x = np.ascontiguousarray(x.swapaxes(0, 1))  # (L, N, H_in), copied once for all directions
    seq_len, batch, _ = x.shape
    gate_rows = params["weight_hh_l0"].shape[0]  # G*hidden
    # one scratch per direction for every layer: a fresh 10 MB array a layer costs page faults
    xws = [np.empty((seq_len * batch, gate_rows), x.dtype) for _ in range(spec.num_directions)]
    valid = None
    if spec.lengths is not None:
        valid = np.arange(seq_len)[:, None, None] < np.array(spec.lengths)[:, None]  # (L, N, 1)
    finals: list[State] = []  # row D*layer + direction, as torch orders h_n
    with _directions(spec) as each:
        for layer in range(spec.num_layers):
            x, states = _layer(spec, params, x, layer, valid, each, xws)  # layer k > 0 reads it all
            finals += states
    h_n = np.stack([s[0] for s in finals])  # (D*layers, N, H_out)
    c_n = np.stack([s[1] for s in finals]) if spec.cell is Cell.LSTM else None
    return _torch_layout(spec, x, h_n, c_n)


def _torch_layout(spec: Spec, out: np.ndarray, h_n: np.ndarray, c_n: np.ndarray | None) -> Forward:
    """Undo forward's seq-first, batched working layout."""
    if spec.unbatched:
        return out[:, 0], h_n[:, 0], None if c_n is None else c_n[:, 0]
    if spec.batch_first:
        out = np.ascontiguousarray(out.swapaxes(0, 1))  # (N, L, D*H_out)
    return out, h_n, c_n


def run(spec: Spec, weights: Weights, repeat: int = 1) -> Result:
    """Forward weights.x; seconds is the median of repeat timed passes, as in torch_net."""
    times = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        output, h_n, c_n = forward(spec, weights.params, weights.x)
        times.append(time.perf_counter() - start)
    return Result(output=output, h_n=h_n, c_n=c_n, seconds=statistics.median(times))
