"""Pure arithmetic: every tensor's shape with a meaning per dimension, torch's parameters, counts.
A meaning is a Phrase (a catalog key and its numbers): no prose is made here.

This is the `analytic` backend and the truth the computing backends are checked against.
Must not import numpy, torch or rich.
"""

from dataclasses import dataclass
from enum import Enum

from rnn_cli.network.meanings import Phrase
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import short_list


class Role(str, Enum):
    """What a dimension is, for scripts: never translated (its `meaning` is the prose)."""

    BATCH = "batch"
    SEQ = "seq"
    FEATURES = "features"  # the last dimension of input, output and the states
    LAYERS_DIRECTIONS = "layers_directions"  # dimension 0 of h_n, c_n, h_0, c_0
    PACKED_STEPS = "packed_steps"  # packed_data's rows: every real time step


@dataclass(frozen=True)
class Dim:
    size: int
    meaning: Phrase  # said when shown: str(meaning)
    role: Role


@dataclass(frozen=True)
class Tensor:
    name: str
    shape: tuple[int, ...]
    dims: tuple[Dim, ...]


@dataclass(frozen=True)
class Param:
    name: str
    shape: tuple[int, ...]
    count: int
    meaning: Phrase


ROWS, FEATURES = Role.LAYERS_DIRECTIONS, Role.FEATURES


def _tensor(name: str, *dims: Dim) -> Tensor:
    return Tensor(name, tuple(d.size for d in dims), dims)


def _state_order(spec: Spec) -> str:
    """l0-fwd, l0-bwd, …, l9-bwd: the first rows and the last, never a list as long as layers."""
    layers = min(spec.num_layers, 3)
    rows = [f"l{k}-{d}" for k in range(layers) for d in ("fwd", "bwd")]
    if spec.num_layers <= 3:
        return ", ".join(rows)
    return ", ".join([*rows[:2], "…", f"l{spec.num_layers - 1}-bwd"])


def _state_rows(spec: Spec) -> Dim:
    n = spec.num_layers * spec.num_directions
    if spec.bidirectional:
        return Dim(
            n, Phrase("dim.rows_2dir", n=n, layers=spec.num_layers, order=_state_order(spec)), ROWS
        )
    return Dim(n, Phrase("dim.rows_1dir", n=n, layers=spec.num_layers), ROWS)


def _h_features(spec: Spec) -> Dim:
    if spec.proj_size:
        return Dim(
            spec.proj_size, Phrase("dim.proj", p=spec.proj_size, h=spec.hidden_size), FEATURES
        )
    return Dim(spec.hidden_size, Phrase("dim.hidden", h=spec.hidden_size), FEATURES)


def _output_features(spec: Spec) -> Dim:
    if not spec.bidirectional:
        return _h_features(spec)
    n = 2 * spec.h_out
    if spec.proj_size:
        return Dim(n, Phrase("dim.proj_2dir", n=n, p=spec.proj_size), FEATURES)
    return Dim(n, Phrase("dim.hidden_2dir", n=n, h=spec.hidden_size), FEATURES)


def _sequence(spec: Spec, name: str, features: Dim) -> Tensor:
    """input/output: (N, L, F) batch-first, (L, N, F) seq-first, (L, F) unbatched."""
    batch = Dim(spec.batch_size, Phrase("dim.batch", n=spec.batch_size), Role.BATCH)
    seq = Dim(spec.seq_len, Phrase("dim.seq", n=spec.seq_len), Role.SEQ)
    if spec.unbatched:
        return _tensor(name, seq, features)
    if spec.batch_first:
        return _tensor(name, batch, seq, features)
    return _tensor(name, seq, batch, features)


def _state(spec: Spec, name: str, features: Dim) -> Tensor:
    """h_n/c_n/h_0: (D·layers, N, F), or (D·layers, F) unbatched; batch_first never applies."""
    if spec.unbatched:
        return _tensor(name, _state_rows(spec), features)
    return _tensor(
        name,
        _state_rows(spec),
        Dim(spec.batch_size, Phrase("dim.batch", n=spec.batch_size), Role.BATCH),
        features,
    )


def _packed(spec: Spec, lengths: tuple[int, ...]) -> list[Tensor]:
    """pack_padded_sequence's data (every real step, padding dropped) and batch_sizes."""
    terms = short_list(lengths, " + ")
    data = Dim(
        sum(lengths), Phrase("dim.packed_steps", n=sum(lengths), terms=terms), Role.PACKED_STEPS
    )
    return [
        _tensor("packed_data", data, _output_features(spec)),
        _tensor(
            "batch_sizes", Dim(max(lengths), Phrase("dim.batch_sizes", n=max(lengths)), Role.SEQ)
        ),
    ]


def tensors(spec: Spec) -> tuple[Tensor, ...]:
    """input, output, (packed_data, batch_sizes), h_n, (c_n), and the h_0 (c_0) one may pass in.

    Each dimension's meaning is said when a view shows it (network/meanings.py)."""
    x = _sequence(
        spec, "input", Dim(spec.input_size, Phrase("dim.input", n=spec.input_size), FEATURES)
    )
    out = [x, _sequence(spec, "output", _output_features(spec))]
    if spec.lengths:
        out += _packed(spec, spec.lengths)
    for h_name, c_name in (("h_n", "c_n"), ("h_0", "c_0")):
        out.append(_state(spec, h_name, _h_features(spec)))
        if spec.cell is Cell.LSTM:
            out.append(_state(spec, c_name, _c_features(spec)))
    return tuple(out)


def _c_features(spec: Spec) -> Dim:
    key = "dim.cell_state" if spec.proj_size else "dim.hidden"
    return Dim(spec.hidden_size, Phrase(key, h=spec.hidden_size), FEATURES)


def layer_input_size(spec: Spec, layer: int) -> int:
    """Features layer k reads: input_size for layer 0, D·H_out (the layer below's output) after."""
    return spec.input_size if layer == 0 else spec.num_directions * spec.h_out


def _gate_rows(spec: Spec) -> Phrase:
    if spec.cell is Cell.RNN:
        return Phrase("param.one_gate", h=spec.hidden_size)
    names = ", ".join(spec.gates)
    return Phrase("param.gates", g=len(spec.gates), names=names, h=spec.hidden_size)


def _layer_params(spec: Spec, layer: int, suffix: str) -> list[Param]:
    """One layer and direction, torch's order: weight_ih, weight_hh, bias_ih, bias_hh, weight_hr."""
    rows = len(spec.gates) * spec.hidden_size  # gate blocks stacked along dim 0
    i = layer_input_size(spec, layer)
    by_i = (
        Phrase("param.by_input", rows=_gate_rows(spec), i=i)
        if layer == 0
        else Phrase(
            f"param.by_below_{spec.num_directions}dir",
            rows=_gate_rows(spec),
            i=i,
            h_out=spec.h_out,
            below=layer - 1,
        )
    )
    by_h = (
        Phrase("param.by_proj", rows=_gate_rows(spec), p=spec.proj_size)
        if spec.proj_size
        else Phrase("param.by_hidden", rows=_gate_rows(spec), h=spec.hidden_size)
    )
    entries: list[tuple[str, tuple[int, ...], Phrase]] = [
        (f"weight_ih_l{layer}{suffix}", (rows, i), by_i),
        (f"weight_hh_l{layer}{suffix}", (rows, spec.h_out), by_h),
    ]
    if spec.bias:
        bias = Phrase("param.bias", rows=_gate_rows(spec))
        entries += [
            (f"bias_ih_l{layer}{suffix}", (rows,), bias),
            (f"bias_hh_l{layer}{suffix}", (rows,), bias),
        ]
    if spec.proj_size:
        proj = Phrase("param.proj", p=spec.proj_size, h=spec.hidden_size)
        entries.append((f"weight_hr_l{layer}{suffix}", (spec.proj_size, spec.hidden_size), proj))
    return [Param(name, shape, _count(shape), meaning) for name, shape, meaning in entries]


def elements(shape: tuple[int, ...]) -> int:
    """How many numbers a tensor of shape holds."""
    return _count(shape)


def _count(shape: tuple[int, ...]) -> int:
    n = 1
    for s in shape:
        n *= s
    return n


def parameters(spec: Spec) -> tuple[Param, ...]:
    """Every parameter in torch's named_parameters() order and names."""
    suffixes = ("", "_reverse")[: spec.num_directions]
    return tuple(
        p for k in range(spec.num_layers) for sfx in suffixes for p in _layer_params(spec, k, sfx)
    )


# parameter rows a Report lists one by one; past this it gives the totals and says how many
MAX_PARAMETER_ROWS = 4096


def rows_per_layer(spec: Spec) -> int:
    """Parameters per layer, both directions: weight_ih, weight_hh, (2 biases), (weight_hr)."""
    return spec.num_directions * (2 + 2 * spec.bias + (spec.proj_size > 0))


def parameter_rows(spec: Spec) -> int:
    """len(parameters(spec)), without building them."""
    return spec.num_layers * rows_per_layer(spec)


def _layer_counts(spec: Spec, layer: int) -> tuple[int, ...]:
    """One direction's parameter sizes in layer, as _layer_params lists them (O(1))."""
    g_h = len(spec.gates) * spec.hidden_size
    counts = [g_h * layer_input_size(spec, layer), g_h * spec.h_out]
    counts += [g_h, g_h] if spec.bias else []
    counts += [spec.proj_size * spec.hidden_size] if spec.proj_size else []
    return tuple(counts)


def total_parameters(spec: Spec) -> int:
    """sum(p.count for p in parameters(spec)) in closed form: layers above 0 are all alike."""
    first = sum(_layer_counts(spec, 0))
    above = sum(_layer_counts(spec, 1)) * (spec.num_layers - 1) if spec.num_layers > 1 else 0
    return spec.num_directions * (first + above)


def largest_parameter(spec: Spec) -> int:
    """max(p.count for p in parameters(spec)), without building them."""
    layers = (0, 1) if spec.num_layers > 1 else (0,)
    return max(n for k in layers for n in _layer_counts(spec, k))


def parameter_bytes(spec: Spec) -> int:
    return total_parameters(spec) * spec.itemsize


def steps(spec: Spec) -> int:
    """Cell evaluations per layer and direction: every real time step of every sequence."""
    if spec.lengths:
        return sum(spec.lengths)
    return spec.seq_len * (1 if spec.unbatched else spec.batch_size)


def mult_adds(spec: Spec) -> int:
    """Multiply-adds of one forward pass (matrix products only; elementwise work not counted).

    Per layer k and direction, at each of steps(spec) steps:
    G·H·(I_k + H_out) for the input and recurrent products, plus H·P for the projection.
    """
    g_h = len(spec.gates) * spec.hidden_size
    inputs = spec.input_size + (spec.num_layers - 1) * layer_input_size(spec, 1)  # Σ_k I_k
    per_step = g_h * (inputs + spec.num_layers * spec.h_out)
    per_step += spec.num_layers * spec.proj_size * spec.hidden_size
    return per_step * spec.num_directions * steps(spec)


def state_row(spec: Spec, layer: int, direction: int) -> int:
    """The row of h_n (h_0, c_n) that holds layer's state in direction (0 forward, 1 backward)."""
    return spec.num_directions * layer + direction


def memory_bytes(spec: Spec) -> int:
    """Peak bytes a computing backend needs for one forward pass, estimated from shapes alone.

        itemsize · (3·P + X + 4·Y + S + 2·W) + 8 · max(X, P_max)

    P      parameters, held thrice: rnnx's seeded copy, the backend's own, and the packed copy a
           kernel such as oneDNN's may reorder them into
    X      input elements
    Y      one layer's output sequence, N·L·D·H_out; four are alive at once: the layer below's,
           each direction's per-step outputs and their stacked copy, the concatenation
    S      every other tensor: h_n, c_n, h_0, c_0 (packed_data and batch_sizes when packed)
    W      per-step work: one direction's input projections for the whole sequence, N·L·G·H,
           which torch's CPU kernel computes before its time loop; the product and its biased
           sum briefly coexist
    8·max  the float64 draw of the largest array (the input or one parameter) before its cast

    Meant as an upper bound: on the configurations tried, torch 2.13's measured CPU peaks fell
    between half of it and all of it.

    Closed form, O(1) in the number of layers: the guard answers before any work.
    """
    shaped = {t.name: _count(t.shape) for t in tensors(spec)}
    p = total_parameters(spec)
    x = shaped["input"]
    y = shaped["output"]
    s = sum(n for name, n in shaped.items() if name not in ("input", "output"))
    w = steps(spec) * len(spec.gates) * spec.hidden_size
    draw = 8 * max(x, largest_parameter(spec))
    return spec.itemsize * (3 * p + x + 4 * y + s + 2 * w) + draw
