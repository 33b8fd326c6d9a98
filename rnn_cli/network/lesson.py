"""One time step of a cell, as torch's docs write it: equations, every term's shape for a Spec,
and how torch stacks the gate blocks into its parameters. `rnnx explain` renders this.

Pure arithmetic, prose from the catalog. Must not import numpy, torch or rich.
"""

from dataclasses import dataclass

from rnn_cli.catalog.lookup import sequence_ends, text
from rnn_cli.network.shapes import layer_input_size
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec

# the nonlinearity of each gate, as catalog keys; the RNN's comes from spec.activation
_ACT = {"sigmoid": ("σ", "act.sigmoid"), "tanh": ("tanh", "act.tanh"), "relu": ("relu", "act.relu")}
_GATE_ACT = {
    "i": "sigmoid",
    "f": "sigmoid",
    "g": "tanh",
    "o": "sigmoid",
    "r": "sigmoid",
    "z": "sigmoid",
}


@dataclass(frozen=True)
class Equation:
    text: str  # "i_t = σ(W_ii x_t + b_ii + W_hi h_(t-1) + b_hi)"
    act: str  # the nonlinearity applied, with its range
    does: str  # one line of prose


@dataclass(frozen=True)
class Term:
    symbol: str  # "W_ii, W_if, W_ig, W_io": the terms of one shape
    shape: tuple[int, ...]
    dims: str  # the same shape in symbols, "(H, H_in)"
    meaning: str


@dataclass(frozen=True)
class Packing:
    param: str  # torch's name, layer 0 forward ("weight_ih_l0")
    shape: tuple[int, ...]
    blocks: str  # "[W_ii | W_if | W_ig | W_io]"
    rows: str  # "0:8 | 8:16 | 16:24 | 24:32"


@dataclass(frozen=True)
class Lesson:
    title: str
    equations: tuple[Equation, ...]
    terms: tuple[Term, ...]
    packing: tuple[Packing, ...]
    notes: tuple[str, ...]


def _gate(spec: Spec, g: str) -> Equation:
    """A gate (or the RNN's h_t): nonlinearity of W_i· x_t + b_i· + W_h· h_(t-1) + b_h·."""
    if spec.cell is Cell.RNN:
        act, key = spec.activation.value, "gate.rnn.h"
    else:
        act, key = _GATE_ACT[g], f"gate.{spec.cell.value}.{g}"
    symbol, act_key = _ACT[act]
    affine = text("eq.affine" if spec.bias else "eq.affine_nobias", g=g)
    return Equation(text("eq.gate", g=g, act=symbol, affine=affine), text(act_key), text(key))


def equations(spec: Spec) -> tuple[Equation, ...]:
    """The step's equations in torch's order and names."""
    if spec.cell is Cell.RNN:
        return (_gate(spec, "h"),)
    mix, tanh = text("act.mix"), text("act.tanh")
    if spec.cell is Cell.GRU:
        n = "eq.gru_n" if spec.bias else "eq.gru_n_nobias"
        return (
            _gate(spec, "r"),
            _gate(spec, "z"),
            Equation(text(n), tanh, text("gate.gru.n")),
            Equation(text("eq.gru_h"), mix, text("gate.gru.h")),
        )
    h, act, does = (
        ("eq.lstm_h_proj", "act.tanh_proj", "gate.lstm.h_proj")
        if spec.proj_size
        else ("eq.lstm_h", "act.tanh", "gate.lstm.h")
    )
    return (
        *(_gate(spec, g) for g in spec.gates),
        Equation(text("eq.lstm_c"), mix, text("gate.lstm.c")),
        Equation(text(h), text(act), text(does)),
    )


def _per_gate(template: str, spec: Spec, sep: str = ", ") -> str:
    """'W_i{g}', LSTM -> 'W_ii, W_if, W_ig, W_io': one name per gate, torch's order."""
    return sep.join(template.format(g=g) for g in spec.gates)


Sized = tuple[str, int]  # a symbol and its size: ("H_in", 5)


def _shape(*dims: Sized) -> tuple[str, tuple[int, ...]]:
    """(("H", 8), ("H_in", 5)) -> ("(H, H_in)", (8, 5))."""
    symbols = ", ".join(d for d, _ in dims) + ("," if len(dims) == 1 else "")
    return f"({symbols})", tuple(n for _, n in dims)


def _batched(spec: Spec, *dims: Sized) -> tuple[str, tuple[int, ...]]:
    """A per-step activation: (N, ...) with a batch, as is when unbatched."""
    return _shape(*dims) if spec.unbatched else _shape(("N", spec.batch_size), *dims)


def terms(spec: Spec) -> tuple[Term, ...]:
    """Every term of the step, each with its shape for spec (layer 0 unless it says otherwise)."""
    hid, x_in = ("H", spec.hidden_size), ("H_in", spec.input_size)
    out = ("P", spec.proj_size) if spec.proj_size else hid  # H_out
    rows = [("x_t", _batched(spec, x_in), "term.x")]
    if spec.num_layers > 1:
        above = (f"D·{out[0]}", layer_input_size(spec, 1))
        rows.append(("x_t", _batched(spec, above), "term.x_above"))
    rows.append(("h_(t-1)", _batched(spec, out), "term.h_prev"))
    if spec.cell is Cell.LSTM:
        rows.append(("c_(t-1)", _batched(spec, hid), "term.c_prev"))
    rows.append((_per_gate("W_i{g}", spec), _shape(hid, x_in), "term.w_ih"))
    rows.append((_per_gate("W_h{g}", spec), _shape(hid, out), "term.w_hh"))
    if spec.bias:
        biases = f"{_per_gate('b_i{g}', spec)}, {_per_gate('b_h{g}', spec)}"
        rows.append((biases, _shape(hid), "term.b"))
    rows.append(("W_i· x_t, W_h· h_(t-1)", _batched(spec, hid), "term.product"))
    if spec.cell is not Cell.RNN:
        rows.append((_per_gate("{g}_t", spec), _batched(spec, hid), "term.gates"))
    if spec.cell is Cell.LSTM:
        rows.append(("c_t", _batched(spec, hid), "term.c"))
    if spec.proj_size:
        rows.append(("o_t ⊙ tanh(c_t)", _batched(spec, hid), "term.o_tanh_c"))
        rows.append(("W_hr", _shape(out, hid), "term.w_hr"))
    rows.append(("h_t", _batched(spec, out), "term.h"))
    return tuple(Term(sym, shape, dims, text(key)) for sym, (dims, shape), key in rows)


def _blocks(template: str, spec: Spec) -> str:
    return f"[{_per_gate(template, spec, ' | ')}]"


def _row_ranges(spec: Spec) -> str:
    h = spec.hidden_size
    return " | ".join(f"{k * h}:{(k + 1) * h}" for k in range(len(spec.gates)))


def packing(spec: Spec) -> tuple[Packing, ...]:
    """Layer 0's forward parameters, each split into torch's gate blocks."""
    g_h, ranges = len(spec.gates) * spec.hidden_size, _row_ranges(spec)
    rows = [
        Packing("weight_ih_l0", (g_h, spec.input_size), _blocks("W_i{g}", spec), ranges),
        Packing("weight_hh_l0", (g_h, spec.h_out), _blocks("W_h{g}", spec), ranges),
    ]
    if spec.bias:
        rows.append(Packing("bias_ih_l0", (g_h,), _blocks("b_i{g}", spec), ranges))
        rows.append(Packing("bias_hh_l0", (g_h,), _blocks("b_h{g}", spec), ranges))
    if spec.proj_size:
        rows.append(Packing("weight_hr_l0", (spec.proj_size, spec.hidden_size), "W_hr", "—"))
    return tuple(rows)


def _states(spec: Spec) -> str:
    """Which step h_n (and c_n) come from: per direction, and per sequence when packed."""
    if spec.lengths:
        key = "explain.states_packed_2dir" if spec.bidirectional else "explain.states_packed"
    else:
        key = "explain.states_2dir" if spec.bidirectional else "explain.states"
    ends = sequence_ends(spec.lengths) if spec.lengths else ""
    lstm = spec.cell is Cell.LSTM
    states = text("explain.both", a="h_n", b="c_n") if lstm else "h_n"
    values = text("explain.both", a="h_t", b="c_t") if lstm else "h_t"
    return text(key, states=states, values=values, last=spec.seq_len - 1, ends=ends)


def notes(spec: Spec) -> tuple[str, ...]:
    """What the tables cannot say, only where it applies."""
    g, h, n = len(spec.gates), spec.hidden_size, spec.batch_size
    out: list[str] = []
    if not spec.unbatched:
        t_in = f"({spec.input_size}, {h})"
        out.append(
            text(
                "explain.batched", n_in=f"({n}, {spec.input_size})", t_in=t_in, n_out=f"({n}, {h})"
            )
        )
    if spec.cell is not Cell.RNN:
        out.append(text("explain.chunk", g=g, blocks=_per_gate("W_i{g}", spec)))
    if spec.cell is Cell.GRU and spec.bias:
        out.append(text("explain.gru_bhn", rows=f"{2 * h}:{3 * h}"))
    out.append(_states(spec))
    if spec.proj_size:
        out.append(text("explain.proj", p=spec.proj_size, rows=g * h))
    if spec.num_layers > 1:
        i = layer_input_size(spec, 1)
        out.append(text("explain.layers", d=spec.num_directions, h_out=spec.h_out, i=i, rows=g * h))
    if spec.bidirectional:
        out.append(text("explain.bidirectional"))
    if not spec.bias:
        out.append(text("explain.no_bias"))
    return tuple(out)


def _sizes(spec: Spec) -> str:
    sizes = [] if spec.unbatched else [text("size.batch", n=spec.batch_size)]
    sizes += [text("size.input", n=spec.input_size), text("size.hidden", n=spec.hidden_size)]
    if spec.proj_size:
        sizes.append(text("size.proj", n=spec.proj_size))
    return ", ".join(sizes)


def lesson(spec: Spec) -> Lesson:
    """Everything `rnnx explain` shows for spec."""
    return Lesson(
        title=text("title.explain", cell=spec.cell.name, sizes=_sizes(spec)),
        equations=equations(spec),
        terms=terms(spec),
        packing=packing(spec),
        notes=notes(spec),
    )
