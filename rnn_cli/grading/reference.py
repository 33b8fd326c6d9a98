"""A float64 forward pass that can make a student's usual mistakes on purpose, one at a time.

The correct pass (`fault=None`) computes what the numpy backend and torch compute (the tests hold
it to both); each `Fault` changes one thing, so that re-running with it and finding the student's
numbers names their mistake. Plain loops over time: clarity over speed, networks here are small.
Must not import torch, rich or the backends package.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np

from rnn_cli.spec.choices import GATES, Cell, Nonlinearity
from rnn_cli.spec.config import Spec


class Mistake(str, Enum):
    TRANSPOSED_W_HH = "transposed_w_hh"  # h W_hh instead of h W_hh^T, gate block by block
    TRANSPOSED_WEIGHTS = "transposed_weights"  # W_ih's blocks too (square ones only)
    BIAS_MISSING = "bias_missing"
    BIAS_IH_ONLY = "bias_ih_only"  # one of torch's two biases counted
    BIAS_HH_ONLY = "bias_hh_only"
    ACTIVATION_SWAPPED = "activation_swapped"  # tanh for relu or relu for tanh
    GATE_ORDER = "gate_order"  # blocks read in Fault.order instead of the convention's order
    GRU_RESET_BEFORE_MATMUL = "gru_reset_before_matmul"  # W_hn (r ⊙ h) as d2l, not r ⊙ (W_hn h)
    GRU_UPDATE_SWAPPED = "gru_update_swapped"  # h' = z ⊙ n + (1 - z) ⊙ h
    H_C_SWAPPED = "h_c_swapped"  # (c_n, h_n) returned for (h_n, c_n)
    C_AS_OUTPUT = "c_as_output"  # the cell state stacked as the output sequence
    BACKWARD_NOT_REVERSED = "backward_not_reversed"  # the reverse direction walks forward
    BACKWARD_NOT_REREVERSED = "backward_not_rereversed"  # its outputs left in walking order
    H0_IGNORED = "h0_ignored"  # zeros instead of the h0 (c0) passed in
    STATE_NOT_CARRIED = "state_not_carried"  # every step starts again from h0
    OFF_BY_ONE = "off_by_one"  # output[t] holds h_{t-1}: the state stored before the update
    SIGMOID_FOR_TANH = "sigmoid_for_tanh"  # an RNN's tanh written as the logistic sigmoid
    GRU_BIAS_OUTSIDE_RESET = "gru_bias_outside_reset"  # r ⊙ (W_hn h) + b_hn, b_hn not gated


@dataclass(frozen=True)
class Fault:
    mistake: Mistake
    order: tuple[str, ...] = ()  # GATE_ORDER: the order the student reads the blocks in
    expected: tuple[str, ...] = ()  # GATE_ORDER: the order the convention stacks them in


@dataclass(frozen=True)
class Outputs:
    output: np.ndarray  # as torch lays it out for spec
    h_n: np.ndarray
    c_n: np.ndarray | None

    def tensors(self) -> dict[str, np.ndarray]:
        found = {"output": self.output, "h_n": self.h_n}
        return found if self.c_n is None else {**found, "c_n": self.c_n}


def _sigmoid(a: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        result: np.ndarray = 1.0 / (1.0 + np.exp(-a))
    return result


def _blocks(w: np.ndarray, cell: Cell) -> list[np.ndarray]:
    return list(np.split(w, len(GATES[cell])))


def _transposed(w: np.ndarray, cell: Cell) -> np.ndarray:
    return np.concatenate([b.T for b in _blocks(w, cell)])


def _permuted(w: np.ndarray, cell: Cell, fault: Fault) -> np.ndarray:
    """The weight a student reading the blocks in fault.order effectively uses for each gate."""
    true = dict(zip(GATES[cell], _blocks(w, cell), strict=True))
    seen = {
        read_as: true[stacked] for read_as, stacked in zip(fault.order, fault.expected, strict=True)
    }
    return np.concatenate([seen[g] for g in GATES[cell]])


def _faulty(spec: Spec, name: str, w: np.ndarray, fault: Fault) -> np.ndarray:
    """One parameter as a student making fault's mistake effectively uses it."""
    m = fault.mistake
    dropped = {
        Mistake.BIAS_MISSING: ("bias",),
        Mistake.BIAS_IH_ONLY: ("bias_hh",),
        Mistake.BIAS_HH_ONLY: ("bias_ih",),
    }
    transposed = {
        Mistake.TRANSPOSED_W_HH: ("weight_hh",),
        Mistake.TRANSPOSED_WEIGHTS: ("weight_hh", "weight_ih"),
    }
    if name.startswith(dropped.get(m, ())):
        return np.zeros_like(w)
    if name.startswith(transposed.get(m, ())):
        return _transposed(w, spec.cell)
    if m is Mistake.GATE_ORDER and not name.startswith("weight_hr"):
        return _permuted(w, spec.cell, fault)
    return w


def faulty_params(
    spec: Spec, params: dict[str, np.ndarray], fault: Fault | None
) -> dict[str, np.ndarray]:
    """params as a student making fault's mistake effectively uses them."""
    if fault is None:
        return params
    return {name: _faulty(spec, name, w, fault) for name, w in params.items()}


State = tuple[np.ndarray, np.ndarray]  # h (N, H_out), c (N, hidden); c unused outside LSTM
Step = Callable[[np.ndarray, State, dict[str, np.ndarray]], State]


def _rnn(spec: Spec, m: Mistake | None) -> Step:
    relu = (spec.activation is Nonlinearity.RELU) != (m is Mistake.ACTIVATION_SWAPPED)
    squash = _sigmoid if m is Mistake.SIGMOID_FOR_TANH else np.tanh

    def step(x: np.ndarray, state: State, w: dict[str, np.ndarray]) -> State:
        a = x @ w["ih"].T + w["b_ih"] + state[0] @ w["hh"].T + w["b_hh"]  # (N, hidden)
        return (np.maximum(a, 0.0) if relu else squash(a)), state[1]

    return step


def _lstm(spec: Spec, m: Mistake | None) -> Step:
    def step(x: np.ndarray, state: State, w: dict[str, np.ndarray]) -> State:
        h, c = state
        a = x @ w["ih"].T + w["b_ih"] + h @ w["hh"].T + w["b_hh"]  # (N, 4*hidden): i, f, g, o
        i, f, g, o = np.split(a, 4, axis=-1)
        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)  # (N, hidden)
        h = _sigmoid(o) * np.tanh(c)
        return (h if w["hr"] is None else h @ w["hr"].T), c

    return step


def _gru(spec: Spec, m: Mistake | None) -> Step:
    def step(x: np.ndarray, state: State, w: dict[str, np.ndarray]) -> State:
        h = state[0]
        n_h = h.shape[-1]
        gi = x @ w["ih"].T + w["b_ih"]  # (N, 3*hidden): r, z, n
        gh = h @ w["hh"].T + w["b_hh"]
        r = _sigmoid(gi[:, :n_h] + gh[:, :n_h])
        z = _sigmoid(gi[:, n_h : 2 * n_h] + gh[:, n_h : 2 * n_h])
        b_hn = w["b_hh"][2 * n_h :]
        if m is Mistake.GRU_RESET_BEFORE_MATMUL:
            n = np.tanh(gi[:, 2 * n_h :] + (r * h) @ w["hh"][2 * n_h :].T + b_hn)
        elif m is Mistake.GRU_BIAS_OUTSIDE_RESET:
            n = np.tanh(gi[:, 2 * n_h :] + r * (gh[:, 2 * n_h :] - b_hn) + b_hn)
        else:
            n = np.tanh(gi[:, 2 * n_h :] + r * gh[:, 2 * n_h :])
        if m is Mistake.GRU_UPDATE_SWAPPED:
            return z * n + (1.0 - z) * h, state[1]
        return (1.0 - z) * n + z * h, state[1]

    return step


_STEPS = {Cell.RNN: _rnn, Cell.LSTM: _lstm, Cell.GRU: _gru}


def _weights(spec: Spec, params: dict[str, np.ndarray], sfx: str) -> dict[str, np.ndarray]:
    w_ih = params[f"weight_ih{sfx}"]
    zero = np.zeros(w_ih.shape[0])
    return {
        "ih": w_ih,
        "hh": params[f"weight_hh{sfx}"],
        "b_ih": params.get(f"bias_ih{sfx}", zero),
        "b_hh": params.get(f"bias_hh{sfx}", zero),
        "hr": params.get(f"weight_hr{sfx}"),  # type: ignore[dict-item]
    }


def _direction(
    x: np.ndarray,
    state: State,
    step: Step,
    w: dict[str, np.ndarray],
    reverse: bool,
    m: Mistake | None,
) -> tuple[np.ndarray, np.ndarray, State]:
    """One direction over x (L, N, F): h_t and c_t at each t (L, N, ·), and the final state."""
    seq_len = x.shape[0]
    walk = (
        range(seq_len - 1, -1, -1)
        if reverse and m is not Mistake.BACKWARD_NOT_REVERSED
        else range(seq_len)
    )
    hs, cs = [], []
    first = state
    for t in walk:
        before = state
        state = step(x[t], first if m is Mistake.STATE_NOT_CARRIED else state, w)
        hs.append(before[0] if m is Mistake.OFF_BY_ONE else state[0])
        cs.append(before[1] if m is Mistake.OFF_BY_ONE else state[1])
    if reverse and m is not Mistake.BACKWARD_NOT_REREVERSED:
        hs, cs = hs[::-1], cs[::-1]  # write each h_t at its own t
    return np.stack(hs), np.stack(cs), state


def forward(
    spec: Spec,
    params: dict[str, np.ndarray],
    x: np.ndarray,
    h0: np.ndarray,
    c0: np.ndarray | None,
    fault: Fault | None = None,
) -> Outputs:
    """output, h_n, c_n for x, h0, c0 laid out as torch takes them, with fault's mistake made."""
    m = fault.mistake if fault else None
    params = faulty_params(spec, params, fault)
    step = _STEPS[spec.cell](spec, m)
    seq = _working(spec, x)  # (L, N, H_in)
    h0b = _batched(spec, h0)  # (D*layers, N, H_out)
    c0b = np.zeros((*h0b.shape[:2], spec.hidden_size)) if c0 is None else _batched(spec, c0)
    if m is Mistake.H0_IGNORED:
        h0b, c0b = np.zeros_like(h0b), np.zeros_like(c0b)
    finals: list[State] = []
    for layer in range(spec.num_layers):
        outs = []
        for d in range(spec.num_directions):
            row = layer * spec.num_directions + d
            w = _weights(spec, params, f"_l{layer}" + ("_reverse" if d else ""))
            hs, cs, state = _direction(seq, (h0b[row], c0b[row]), step, w, d == 1, m)
            outs.append(cs if m is Mistake.C_AS_OUTPUT else hs)
            finals.append(state)
        seq = np.concatenate(outs, axis=-1)  # (L, N, D*H_out): the next layer's input
    h_n, c_n = np.stack([s[0] for s in finals]), np.stack([s[1] for s in finals])
    if m is Mistake.H_C_SWAPPED:
        h_n, c_n = c_n, h_n
    return _torch_layout(spec, seq, h_n, c_n if spec.cell is Cell.LSTM else None)


def _working(spec: Spec, x: np.ndarray) -> np.ndarray:
    if spec.unbatched:
        return x[:, None, :]
    return x.swapaxes(0, 1) if spec.batch_first else x


def _batched(spec: Spec, state: np.ndarray) -> np.ndarray:
    return state[:, None, :] if spec.unbatched else state


def _torch_layout(spec: Spec, out: np.ndarray, h_n: np.ndarray, c_n: np.ndarray | None) -> Outputs:
    if spec.unbatched:
        return Outputs(out[:, 0], h_n[:, 0], None if c_n is None else c_n[:, 0])
    return Outputs(out.swapaxes(0, 1) if spec.batch_first else out, h_n, c_n)
