"""How a student's function is called: `rnnx check`'s calling conventions and the layout each wants.

rnnx's own numbers live under torch's names and layout (weights.py); a convention says which of
them a student's function receives, transposed and re-ordered how, and which tensors it returns.
Must not import torch or rich.
"""

from dataclasses import replace
from functools import reduce

import numpy as np

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.grading.protocol import Call
from rnn_cli.spec.choices import GATES, Cell, Convention, DType, Nonlinearity
from rnn_cli.spec.config import Spec

# the order a convention stacks each cell's gate blocks in; cs231n's LSTM splits a as i, f, o, g
CONVENTION_GATES: dict[Convention, dict[Cell, tuple[str, ...]]] = {
    Convention.LOOP: {Cell.RNN: GATES[Cell.RNN]},
    Convention.TORCH: dict(GATES),
    Convention.CS231N: {Cell.RNN: GATES[Cell.RNN], Cell.LSTM: ("i", "f", "o", "g")},
}


def _refuse(
    flag: str, value: object, convention: Convention, fix: str = "check.fix_drop", **fields: str
) -> SpecError:
    """value True: a switch (--seq-first), named alone; else the flag with its value. The fix is a
    catalog key (drop the flag, by default), so a Korean refusal says it in Korean."""
    given = flag if value is True else f"{flag} {value}"
    how = text(fix, flag=flag, **fields)
    return SpecError(text("check.bad_fit", given=given, convention=convention.value, fix=how))


def fit(spec: Spec, convention: Convention) -> Spec:
    """spec as convention runs it (float64 always), or SpecError naming the flag that misfits."""
    if spec.lengths is not None:
        raise _refuse("--lengths", ",".join(map(str, spec.lengths)), convention)
    if convention is Convention.TORCH:
        return replace(spec, dtype=DType.FLOAT64)
    cells = CONVENTION_GATES[convention]
    if spec.cell not in cells:
        allowed = reduce(lambda a, b: text("check.or", a=a, b=b), (c.value for c in cells))
        raise _refuse("--cell", spec.cell.value, convention, "check.fix_cell", allowed=allowed)
    if spec.num_layers != 1:
        raise _refuse("--layers", spec.num_layers, convention)
    if spec.bidirectional:
        raise _refuse("--bidirectional", True, convention)
    if spec.proj_size:
        raise _refuse("--proj-size", spec.proj_size, convention)
    if not spec.bias:
        raise _refuse("--no-bias", True, convention)
    if convention is Convention.CS231N:
        if spec.activation is Nonlinearity.RELU:
            raise _refuse("--nonlinearity", "relu", convention)
        if spec.unbatched:
            raise _refuse("--unbatched", True, convention)
        if not spec.batch_first:
            raise _refuse("--seq-first", True, convention, "check.fix_seq_first")
        return replace(spec, dtype=DType.FLOAT64, batch_first=True)
    if spec.batch_size != 1:
        raise _refuse("--batch-size", spec.batch_size, convention)
    return replace(spec, dtype=DType.FLOAT64, unbatched=True, batch_size=1)


def initial_state(spec: Spec, convention: Convention) -> tuple[np.ndarray, np.ndarray | None]:
    """h_0 (and c_0) shaped as torch's h_0: seeded and non-zero, so a function ignoring h0 shows.

    cs231n's lstm_forward starts from c0 = 0 by its own definition, so its c_0 is zeros.
    """
    rows = spec.num_layers * spec.num_directions
    batch = () if spec.unbatched else (spec.batch_size,)
    rng = np.random.default_rng([spec.seed, 1])  # apart from weights.draw's stream
    h0 = 0.5 * rng.standard_normal((rows, *batch, spec.h_out))  # (D*layers, N, H_out)
    if spec.cell is not Cell.LSTM:
        return h0, None
    c0 = 0.5 * rng.standard_normal((rows, *batch, spec.hidden_size))  # (D*layers, N, hidden)
    return h0, np.zeros_like(c0) if convention is Convention.CS231N else c0


def reorder(w: np.ndarray, cell: Cell, convention: Convention) -> np.ndarray:
    """torch's gate blocks along dim 0, stacked in convention's order instead."""
    order = CONVENTION_GATES[convention][cell]
    blocks = dict(zip(GATES[cell], np.split(w, len(GATES[cell])), strict=True))
    return np.concatenate([blocks[g] for g in order])


def _returns(spec: Spec, convention: Convention) -> tuple[str, ...]:
    if convention is not Convention.TORCH:
        return ("output",)
    return ("output", "h_n", "c_n") if spec.cell is Cell.LSTM else ("output", "h_n")


def call(
    spec: Spec,
    convention: Convention,
    params: dict[str, np.ndarray],
    x: np.ndarray,
    h0: np.ndarray,
    c0: np.ndarray | None,
) -> Call:
    """The arguments for spec (as `fit` returned it), from torch-named params and torch-shaped x."""
    if convention is Convention.TORCH:
        args = {"x": x, "h0": h0} if c0 is None else {"x": x, "h0": h0, "c0": c0}
        torch_notes = (text("check.conv_h0"),)
        return Call(convention, spec, args, params, _returns(spec, convention), torch_notes)
    b = params["bias_ih_l0"] + params["bias_hh_l0"]  # (G*hidden,): the one bias both use
    w_ih, w_hh = params["weight_ih_l0"], params["weight_hh_l0"]
    notes = [text("check.conv_h0"), text("check.conv_one_bias")]
    if convention is Convention.LOOP:
        args = {"inputs": x, "h0": h0[0], "Wx": w_ih, "Wh": w_hh, "b": b}
        return Call(convention, spec, args, {}, _returns(spec, convention), tuple(notes))
    notes.append(text("check.conv_transposed"))
    if spec.cell is Cell.LSTM:
        notes.append(text("check.conv_gates", order="i, f, o, g", torch="i, f, g, o"))
        notes.append(text("check.conv_c0_zero"))
    args = {
        "x": x,  # (N, T, D)
        "h0": h0[0],  # (N, H)
        "Wx": reorder(w_ih, spec.cell, convention).T,  # (D, G*H)
        "Wh": reorder(w_hh, spec.cell, convention).T,  # (H, G*H)
        "b": reorder(b, spec.cell, convention),  # (G*H,)
    }
    return Call(convention, spec, args, {}, _returns(spec, convention), tuple(notes))
