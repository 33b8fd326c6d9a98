"""`rnnx compare`'s findings: the sizes under other cells; one network through several backends.

Sits beside report.py (a frozen dataclass, JSON as is). Must not import rich or torch.
"""

from dataclasses import dataclass, field, replace
from fractions import Fraction

import numpy as np

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.report import SCHEMA, config
from rnn_cli.network import shapes
from rnn_cli.network.result import Result
from rnn_cli.spec.choices import Backend, Cell, DType
from rnn_cli.spec.config import Spec, validate

ATOL: dict[DType, float] = {DType.FLOAT32: 1e-5, DType.FLOAT64: 1e-9}
EPS: dict[DType, float] = {DType.FLOAT32: 2.0**-23, DType.FLOAT64: 2.0**-52}  # machine epsilon


def reduction_length(spec: Spec) -> int:
    """K: the most products any one gate pre-activation sums, I_k + H_out (+ H for weight_hr)."""
    widest = max(shapes.layer_input_size(spec, k) for k in range(min(spec.num_layers, 2)))
    return widest + spec.h_out + (spec.hidden_size if spec.proj_size else 0)


def default_atol(spec: Spec) -> float:
    """compare's default --atol: max(ATOL, K·eps). A sum of K rounded products may be off by up
    to K·eps of its terms' size (the textbook bound), so two correct backends drift apart as K
    grows (-i 6000 in float32: 1.2e-5 apart, over a fixed 1e-5)."""
    return max(ATOL[spec.dtype], reduction_length(spec) * EPS[spec.dtype])


def memory_bytes(spec: Spec, backends: int) -> int:
    """compare's peak: one backend's forward pass (shapes.memory_bytes) while the results of the
    others are held, plus the float64 copies the difference is taken in (the reference, the other,
    their difference and its absolute value, output-sized)."""
    held = sum(
        shapes.elements(t.shape) for t in shapes.tensors(spec) if t.name in ("output", "h_n", "c_n")
    )
    output = next(shapes.elements(t.shape) for t in shapes.tensors(spec) if t.name == "output")
    return shapes.memory_bytes(spec) + (backends - 1) * spec.itemsize * held + 4 * 8 * output


@dataclass(frozen=True)
class CellRow:
    cell: str
    tensors: dict[str, tuple[int, ...]]  # output, h_n, c_n
    total_parameters: int
    mult_adds: int
    changes: tuple[str, ...]  # what differs from the chosen cell, the code that breaks last


@dataclass(frozen=True)
class Agreement:
    name: str
    shapes: dict[str, tuple[int, ...] | None]  # backend -> shape (None: no such tensor)
    max_abs_diff: float | None  # largest |x_backend - x_first| over the backends with values
    match: bool


@dataclass(frozen=True)
class Comparison:
    schema: int = field(default=SCHEMA, kw_only=True)  # first key, as in shape's JSON
    config: dict[str, object]
    cells: tuple[CellRow, ...]  # the chosen cell first
    tensors: tuple[Agreement, ...]
    seconds: dict[str, float]  # backend -> median forward-pass seconds
    atol: float
    match: bool
    notes: tuple[str, ...]


def default_others(cell: Cell) -> tuple[Cell, ...]:
    """--with's default: rnn beside lstm or gru; lstm and gru beside rnn."""
    return (Cell.LSTM, Cell.GRU) if cell is Cell.RNN else (Cell.RNN,)


def as_cell(spec: Spec, cell: Cell) -> Spec:
    """spec with another cell; options that cell lacks (proj_size, nonlinearity) are dropped."""
    proj = spec.proj_size if cell is Cell.LSTM else 0
    nonlinearity = spec.nonlinearity if cell is Cell.RNN else None
    return validate(replace(spec, cell=cell, proj_size=proj, nonlinearity=nonlinearity))


def _outputs(spec: Spec) -> dict[str, tuple[int, ...]]:
    return {t.name: t.shape for t in shapes.tensors(spec) if t.name in ("output", "h_n", "c_n")}


def _ratio(new: int, old: int) -> str:
    r = Fraction(new, old)
    return f"×{r.numerator}" if r.denominator == 1 else f"×{float(r):.3g}"


def _changes(chosen: Spec, other: Spec) -> tuple[str, ...]:
    if other.cell is chosen.cell:
        return (text("cmp.chosen"),)
    a, b = _outputs(chosen), _outputs(other)
    out: list[str] = []
    if "c_n" in b and "c_n" not in a:
        out.append(text("cmp.c_n_new"))
    if "c_n" in a and "c_n" not in b:
        out.append(text("cmp.c_n_gone"))
    gates = ", ".join(other.gates)
    ratio = _ratio(shapes.total_parameters(other), shapes.total_parameters(chosen))
    if other.cell is Cell.RNN:
        out.append(text("cmp.params_plain", ratio=ratio))
    else:
        out.append(text("cmp.params", ratio=ratio, g=len(other.gates), names=gates))
    same = a["output"] == b["output"] and a["h_n"] == b["h_n"]
    if same:
        out.append(text("cmp.unchanged"))
    elif chosen.bidirectional:  # output joins the two directions; h_n keeps them as rows
        d = chosen.num_directions
        out.append(
            text(
                "cmp.h_out_2dir",
                h=other.h_out,
                was=chosen.h_out,
                o=d * other.h_out,
                o_was=d * chosen.h_out,
            )
        )
    else:
        out.append(text("cmp.h_out", h=other.h_out, was=chosen.h_out))
    return (*out, _code(chosen, other))


def _code(chosen: Spec, other: Spec) -> str:
    """The line of the student's code that the swap breaks: LSTM returns (h_n, c_n) as a tuple."""
    if other.cell is Cell.LSTM:
        return text("cmp.code_to_lstm")
    if chosen.cell is not Cell.LSTM:
        return text("cmp.code_same")
    rows = other.num_layers * other.num_directions  # `(h_n, c_n) =` unpacks h_n's rows
    key = "cmp.code_from_lstm_silent" if rows == 2 else "cmp.code_from_lstm"
    return text(key, rows=rows)


def cell_rows(spec: Spec, others: tuple[Cell, ...]) -> tuple[CellRow, ...]:
    rows = []
    for cell in dict.fromkeys((spec.cell, *others)):
        other = as_cell(spec, cell)
        rows.append(
            CellRow(
                cell=cell.value,
                tensors=_outputs(other),
                total_parameters=shapes.total_parameters(other),
                mult_adds=shapes.mult_adds(other),
                changes=_changes(spec, other),
            )
        )
    return tuple(rows)


def agreements(spec: Spec, results: dict[Backend, Result], atol: float) -> tuple[Agreement, ...]:
    """Per tensor: each backend's shape, and the largest difference from the first backend."""
    rows = []
    for name, expected in _outputs(spec).items():
        arrays: dict[str, np.ndarray | None] = {
            b.value: getattr(r, name) for b, r in results.items()
        }
        shape_of = {b: None if a is None else tuple(a.shape) for b, a in arrays.items()}
        diff = _max_abs_diff([a for a in arrays.values() if a is not None])
        same = all(s == expected for s in shape_of.values())
        rows.append(Agreement(name, shape_of, diff, same and (diff is None or diff <= atol)))
    return tuple(rows)


def _max_abs_diff(arrays: list[np.ndarray]) -> float | None:
    """None with fewer than two arrays; inf when their shapes differ."""
    if len(arrays) < 2:
        return None
    if any(a.shape != arrays[0].shape for a in arrays):
        return float("inf")
    ref = arrays[0].astype(np.float64)
    return max(float(np.max(np.abs(a.astype(np.float64) - ref), initial=0.0)) for a in arrays[1:])


def build(
    spec: Spec,
    others: tuple[Cell, ...],
    results: dict[Backend, Result],
    atol: float,
    repeat: int,
) -> Comparison:
    tensors = agreements(spec, results, atol)
    cfg = config(spec, next(iter(results)))
    cfg.pop("backend")
    cfg["backends"] = [b.value for b in results]
    cfg["with"] = [c.value for c in others]
    cfg["atol"] = atol
    cfg["repeat"] = repeat
    notes = (
        [text("cmp.dropped", cell=spec.cell.value)] if spec.proj_size or spec.nonlinearity else []
    )
    if spec.dropout:
        notes.append(text("cmp.dropout"))
    return Comparison(
        config=cfg,
        cells=cell_rows(spec, others),
        tensors=tensors,
        seconds={b.value: r.seconds for b, r in results.items()},
        atol=atol,
        match=all(t.match for t in tensors),
        notes=tuple(notes),
    )
