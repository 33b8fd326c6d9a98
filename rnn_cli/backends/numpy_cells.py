"""From-scratch NumPy RNN/LSTM/GRU cell steps, in torch's gate order. Must not import torch or rich.

A step advances one layer and direction by one time step. It receives `xw`, the input's share of
the gate pre-activations, which numpy_net computes for the whole sequence in one matrix product
with both biases already added; the step adds the recurrent share h W_hh^T and applies the gates.
The state is (h,) for RNN and GRU, (h, c) for LSTM; a step overwrites it in place and returns it.

The weights arrive prepared (numpy_net.prepare): σ's gate blocks halved, since
σ(a) = (1 + tanh(a/2)) / 2 lets one np.tanh call serve every block. Halving is exact, so the
numbers stay torch's. (On AVX-512, np.tanh beats the e^-a forms: float32 tanh 0.2 ns an element,
exp 0.37; PERF-NOTES measured the reverse on an AVX2 machine, 7.2 against 3.9.)
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

State = tuple[np.ndarray, ...]  # (h,) or (h, c); h (batch, H_out), c (batch, hidden)


@dataclass(frozen=True, eq=False)
class CellWeights:
    """One layer and direction's parameters, scaled per gate block, with the step's scratch."""

    # not copied to a contiguous W^T: no faster here (OpenBLAS reads W^T in place), ~1 ms a copy
    w_ih: np.ndarray  # (G*hidden, H_in of this layer)
    w_hh: np.ndarray  # (G*hidden, H_out)
    # (G*hidden,): b_ih + b_hh folded into the input projection (GRU's n block: b_in alone)
    b_x: np.ndarray | None  # None when bias=False
    b_hn: np.ndarray | None  # (hidden,): GRU's b_hn, which r multiplies; None otherwise
    gates: np.ndarray  # (batch, G*hidden): the step's scratch, overwritten every step
    w_hr: np.ndarray | None = None  # (proj_size, hidden): LSTM with proj_size > 0 only


Step = Callable[[np.ndarray, State, CellWeights], State]


def gate_sums(h: np.ndarray, xw: np.ndarray, w: CellWeights) -> np.ndarray:
    """xw + h W_hh^T, all gate blocks in one product, in w.gates."""
    a = np.matmul(h, w.w_hh.T, out=w.gates)  # (batch, G*hidden)
    a += xw
    return a


def sigmoid_of_tanh(t: np.ndarray) -> np.ndarray:
    """σ(a) from t = tanh(a/2), in place: (1 + t) / 2."""
    t *= 0.5
    t += 0.5
    return t


def sigmoid(a: np.ndarray) -> np.ndarray:
    """σ(a), in place."""
    a *= 0.5
    np.tanh(a, out=a)
    return sigmoid_of_tanh(a)


def tanh(a: np.ndarray) -> np.ndarray:
    """tanh(a), in place."""
    np.tanh(a, out=a)
    return a


def rnn_tanh_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)."""
    (h,) = state
    np.tanh(gate_sums(h, xw, w), out=h)  # (batch, hidden)
    return (h,)


def rnn_relu_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """h' = relu(x W_ih^T + b_ih + h W_hh^T + b_hh)."""
    (h,) = state
    np.maximum(gate_sums(h, xw, w), 0.0, out=h)  # (batch, hidden)
    return (h,)


def lstm_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """i,f,g,o = σ,σ,tanh,σ(x W_ih^T + b_ih + h W_hh^T + b_hh); c' = f⊙c + i⊙g; h' = o⊙tanh(c').

    With proj_size > 0, h' = (o ⊙ tanh(c')) W_hr^T. Blocks i, f, o arrive halved.
    """
    h, c = state
    n = c.shape[-1]
    # one tanh call for all four blocks, the slow part of a step
    a = np.tanh(gate_sums(h, xw, w), out=w.gates)  # (batch, 4*hidden), blocks i, f, g, o
    sigmoid_of_tanh(a[:, : 2 * n])  # i and f side by side
    i, f, g, o = a[:, :n], a[:, n : 2 * n], a[:, 2 * n : 3 * n], sigmoid_of_tanh(a[:, 3 * n :])
    c *= f
    g *= i
    c += g  # c' (batch, hidden)
    np.tanh(c, out=i)  # i is spent: its block holds tanh(c')
    if w.w_hr is None:
        np.multiply(o, i, out=h)
    else:
        o *= i
        np.matmul(o, w.w_hr.T, out=h)  # (batch, proj_size)
    return h, c


def gru_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """r,z = σ(x W_ih^T + b_ih + h W_hh^T + b_hh); n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)).

    h' = (1 - z) ⊙ n + z ⊙ h, written as n + z ⊙ (h - n). Blocks r, z arrive halved.
    """
    (h,) = state
    k = h.shape[-1]
    a = np.matmul(h, w.w_hh.T, out=w.gates)  # (batch, 3*hidden), blocks r, z, n
    rz = a[:, : 2 * k]
    rz += xw[:, : 2 * k]
    sigmoid_of_tanh(np.tanh(rz, out=rz))
    r, z = rz[:, :k], rz[:, k:]
    n = a[:, 2 * k :]  # (batch, hidden): W_hn h + b_hn, then n itself, in place
    if w.b_hn is not None:
        n += w.b_hn
    n *= r
    n += xw[:, 2 * k :]
    np.tanh(n, out=n)
    h -= n
    h *= z
    h += n
    return (h,)
