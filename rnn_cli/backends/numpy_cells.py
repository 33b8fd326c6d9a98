"""From-scratch NumPy RNN/LSTM/GRU cell steps, in torch's gate order. Must not import torch or rich.

A step advances one layer and direction by one time step. It receives `xw`, the input's share of
the gate pre-activations, which numpy_net computes for the whole sequence in one matrix product
with both biases already added; the step adds the recurrent share h W_hh^T and applies the gates.
The state is (h,) for RNN and GRU, (h, c) for LSTM; a step overwrites it in place and returns it.

The weights arrive prepared (numpy_net.prepare): each gate block scaled by what the exp form of
its activation starts with, -1 for σ and -2 for tanh, so a step goes straight to e^(...). Scaling
by a power of two is exact, so the numbers stay torch's.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

State = tuple[np.ndarray, ...]  # (h,) or (h, c); h (batch, H_out), c (batch, hidden)


@dataclass(frozen=True, eq=False)
class CellWeights:
    """One layer and direction's parameters, scaled per gate block, with the step's scratch."""

    w_ih: np.ndarray  # (G*hidden, H_in of this layer), a view of a contiguous (H_in, G*hidden)
    w_hh: np.ndarray  # (G*hidden, H_out), a view of a contiguous (H_out, G*hidden)
    b_ih: np.ndarray | None  # (G*hidden,): b_ih + b_hh, but GRU's b_hn; None when bias=False
    b_hh: np.ndarray | None  # (hidden,): GRU's b_hn, which r multiplies; None otherwise
    gates: np.ndarray  # (batch, G*hidden): the step's scratch, overwritten every step
    w_hr: np.ndarray | None = None  # (proj_size, hidden): LSTM with proj_size > 0 only


Step = Callable[[np.ndarray, State, CellWeights], State]


def gate_sums(h: np.ndarray, xw: np.ndarray, w: CellWeights) -> np.ndarray:
    """xw + h W_hh^T, all gate blocks in one product, in w.gates."""
    a = np.matmul(h, w.w_hh.T, out=w.gates)  # (batch, G*hidden)
    a += xw
    return a


def sigmoid_of_negated(a: np.ndarray) -> np.ndarray:
    """σ(-a) = 1 / (1 + e^a), in place; where e^a overflows to inf, σ is 0 as it should be."""
    np.exp(a, out=a)
    a += 1.0
    np.reciprocal(a, out=a)
    return a


def tanh_of_halved(a: np.ndarray, out: np.ndarray) -> np.ndarray:
    """tanh(-a/2) = 2 / (1 + e^a) - 1 into out; a is overwritten. NumPy's tanh is 2× slower."""
    np.exp(a, out=a)
    a += 1.0
    np.divide(2.0, a, out=out)
    out -= 1.0
    return out


def sigmoid(a: np.ndarray) -> np.ndarray:
    """σ(a), in place."""
    # not np.negative(a, out=a): NumPy 2.4.6 gets it wrong in place at some strides (16 B float32)
    a *= -1.0
    return sigmoid_of_negated(a)


def tanh(a: np.ndarray) -> np.ndarray:
    """tanh(a), in place."""
    a *= -2.0
    return tanh_of_halved(a, a)


def rnn_tanh_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh); weights scaled by -2."""
    (h,) = state
    tanh_of_halved(gate_sums(h, xw, w), out=h)  # (batch, hidden)
    return (h,)


def rnn_relu_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """h' = relu(x W_ih^T + b_ih + h W_hh^T + b_hh); weights unscaled."""
    (h,) = state
    np.maximum(gate_sums(h, xw, w), 0.0, out=h)  # (batch, hidden)
    return (h,)


def lstm_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """i,f,g,o = σ,σ,tanh,σ(x W_ih^T + b_ih + h W_hh^T + b_hh); c' = f⊙c + i⊙g; h' = o⊙tanh(c').

    With proj_size > 0, h' = (o ⊙ tanh(c')) W_hr^T. Blocks i, f, o are scaled by -1, g by -2.
    """
    h, c = state
    n = c.shape[-1]
    # one σ call for all four blocks, the slow part of a step: tanh(g) = 2σ(2g) - 1
    a = sigmoid_of_negated(gate_sums(h, xw, w))  # (batch, 4*hidden), blocks i, f, g, o
    i, f, g, o = a[:, :n], a[:, n : 2 * n], a[:, 2 * n : 3 * n], a[:, 3 * n :]  # views
    g *= 2.0
    g -= 1.0  # now tanh(g)
    c *= f
    g *= i
    c += g  # c' (batch, hidden)
    np.multiply(c, -2.0, out=i)  # i is spent: its block holds tanh(c') next
    tanh_of_halved(i, out=i)
    if w.w_hr is None:
        np.multiply(o, i, out=h)
    else:
        o *= i
        np.matmul(o, w.w_hr.T, out=h)  # (batch, proj_size)
    return h, c


def gru_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """r,z = σ(x W_ih^T + b_ih + h W_hh^T + b_hh); n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)).

    h' = (1 - z) ⊙ n + z ⊙ h, written as n + z ⊙ (h - n). Blocks r, z are scaled by -1, n by -2.
    """
    (h,) = state
    k = h.shape[-1]
    a = np.matmul(h, w.w_hh.T, out=w.gates)  # (batch, 3*hidden), blocks r, z, n
    rz = a[:, : 2 * k]
    rz += xw[:, : 2 * k]
    sigmoid_of_negated(rz)
    r, z = rz[:, :k], rz[:, k:]
    n = a[:, 2 * k :]  # (batch, hidden): W_hn h + b_hn, then n itself, in place
    if w.b_hh is not None:
        n += w.b_hh
    n *= r
    n += xw[:, 2 * k :]
    tanh_of_halved(n, out=n)
    h -= n
    h *= z
    h += n
    return (h,)
