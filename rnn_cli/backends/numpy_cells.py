"""From-scratch NumPy RNN/LSTM/GRU cell steps, in torch's gate order. Must not import torch or rich.

A step advances one layer and direction by one time step. It receives `xw`, the input's share of
the gate pre-activations, x_t W_ih^T + b_ih, which numpy_net computes for the whole sequence in
one matrix product; the step adds the recurrent share h W_hh^T + b_hh and applies the gates.
The state is (h,) for RNN and GRU, (h, c) for LSTM; a step returns the next one.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

State = tuple[np.ndarray, ...]  # (h,) or (h, c); h (batch, H_out), c (batch, hidden)


@dataclass(frozen=True, eq=False)
class CellWeights:
    """One layer and direction's parameters, torch's weight_ih_l{k}{_reverse} and kin."""

    w_ih: np.ndarray  # (G*hidden, H_in of this layer)
    w_hh: np.ndarray  # (G*hidden, H_out)
    b_ih: np.ndarray | None  # (G*hidden,); None when bias=False
    b_hh: np.ndarray | None  # (G*hidden,)
    w_hr: np.ndarray | None = None  # (proj_size, hidden): LSTM with proj_size > 0 only


Step = Callable[[np.ndarray, State, CellWeights], State]


def recurrent(h: np.ndarray, w: CellWeights) -> np.ndarray:
    """h W_hh^T + b_hh, all gate blocks in one product."""
    gh: np.ndarray = h @ w.w_hh.T  # (batch, G*hidden)
    if w.b_hh is not None:
        gh += w.b_hh
    return gh


def sigmoid(a: np.ndarray) -> np.ndarray:
    """σ(a) = 1 / (1 + e^-a), in place; where e^-a overflows to inf, σ is 0 as it should be."""
    # not np.negative(a, out=a): NumPy 2.4.6 gets it wrong in place at some strides (16 B float32)
    a *= -1.0
    np.exp(a, out=a)
    a += 1.0
    np.reciprocal(a, out=a)
    return a


def tanh(a: np.ndarray) -> np.ndarray:
    """tanh(a) = 2 / (1 + e^-2a) - 1, in place: NumPy's exp is vectorised, its tanh 2-3× slower."""
    a *= -2.0
    np.exp(a, out=a)
    a += 1.0
    np.divide(2.0, a, out=a)
    a -= 1.0
    return a


def relu(a: np.ndarray) -> np.ndarray:
    np.maximum(a, 0.0, out=a)
    return a


def rnn_tanh_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)."""
    a = recurrent(state[0], w)  # (batch, hidden)
    a += xw
    return (tanh(a),)


def rnn_relu_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """h' = relu(x W_ih^T + b_ih + h W_hh^T + b_hh)."""
    a = recurrent(state[0], w)  # (batch, hidden)
    a += xw
    return (relu(a),)


def lstm_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """i,f,g,o = σ,σ,tanh,σ(x W_ih^T + b_ih + h W_hh^T + b_hh); c' = f⊙c + i⊙g; h' = o⊙tanh(c').

    With proj_size > 0, h' = (o ⊙ tanh(c')) W_hr^T.
    """
    h, c = state
    n = c.shape[-1]
    a = recurrent(h, w)  # (batch, 4*hidden), blocks i, f, g, o
    a += xw
    # one σ call for all four blocks, the slow part of a step: tanh(g) = 2σ(2g) - 1
    a[:, 2 * n : 3 * n] *= 2.0
    sigmoid(a)
    i, f, g, o = a[:, :n], a[:, n : 2 * n], a[:, 2 * n : 3 * n], a[:, 3 * n :]  # views
    g *= 2.0
    g -= 1.0  # now tanh(g)
    c_next = f * c  # (batch, hidden)
    g *= i
    c_next += g
    h_next = tanh(c_next.copy())  # (batch, hidden); c' itself is the next state
    h_next *= o
    if w.w_hr is not None:
        h_next = h_next @ w.w_hr.T  # (batch, proj_size)
    return h_next, c_next


def gru_step(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """r,z = σ(x W_ih^T + b_ih + h W_hh^T + b_hh); n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)).

    h' = (1 - z) ⊙ n + z ⊙ h, written as n + z ⊙ (h - n).
    """
    (h,) = state
    n_h = h.shape[-1]
    gh = recurrent(h, w)  # (batch, 3*hidden), blocks r, z, n
    rz = sigmoid(xw[:, : 2 * n_h] + gh[:, : 2 * n_h])  # (batch, 2*hidden)
    r, z = rz[:, :n_h], rz[:, n_h:]
    n = gh[:, 2 * n_h :]  # (batch, hidden): W_hn h + b_hn, overwritten in place
    n *= r
    n += xw[:, 2 * n_h :]
    tanh(n)
    h_next = h - n  # (batch, hidden)
    h_next *= z
    h_next += n
    return (h_next,)
