"""Every sentence rnnx prints, keyed, per language. Must not import torch or rich.

A renderer or report never writes prose of its own: it asks `text(key, **fields)`, so a second
language is one more dictionary here and touches no other module.
"""

from typing import Final

EN: Final[dict[str, str]] = {
    # dimensions of tensors
    "dim.batch": "batch_size {n}",
    "dim.seq": "seq_len {n} time steps",
    "dim.input": "input_size {n} features",
    "dim.hidden": "hidden_size {h}",
    "dim.proj": "proj_size {p} (projected from hidden_size {h})",
    "dim.hidden_2dir": "{n} = 2 directions × hidden_size {h}",
    "dim.proj_2dir": "{n} = 2 directions × proj_size {p}",
    "dim.packed_steps": "{n} = {terms}: every real time step, padding dropped",
    "dim.batch_sizes": "seq_len {n}: batch_sizes[t] = sequences still running at step t",
    "dim.cell_state": "hidden_size {h} (the cell state is never projected)",
    "dim.rows_1dir": "{n} = layers {layers} × directions 1, one row per layer: row = layer",
    "dim.rows_2dir": (
        "{n} = layers {layers} × directions 2, ordered {order}: row = 2·layer + direction"
    ),
    # parameters, torch's gate blocks
    "param.gates": "{g} gates ({names}) × hidden {h}",
    "param.one_gate": "hidden {h}",
    "param.by_input": "{rows} by input {i}",
    "param.by_below_1dir": "{rows} by {i}, the features of layer {below}'s output",
    "param.by_below_2dir": "{rows} by {i} = 2 directions × {h_out} from layer {below}",
    "param.by_hidden": "{rows} by hidden {h}",
    "param.by_proj": "{rows} by proj {p} (h_t is projected)",
    "param.bias": "{rows}",
    "param.proj": "proj {p} by hidden {h}: h_t = W_hr (o_t ⊙ tanh(c_t))",
    # notes under the tensor table, each shown only where it applies
    "note.torch_default": (
        "rnnx defaults to batch_first=True (like the study notebook); torch's own default is "
        "batch_first=False, i.e. seq-first (L, N, H_in)."
    ),
    "note.seq_first": "seq-first (batch_first=False): input and output are (L, N, features).",
    "note.states_ignore_batch_first": (
        "batch_first never applies to h_n, c_n or h_0: they are always "
        "(layers·directions, batch, features)."
    ),
    "note.proj": ("proj_size {p}: output and h_n carry {p} features; c_n keeps hidden_size {h}."),
    "note.unbatched": (
        "unbatched input (L, H_in): the batch axis is dropped from input, output, h_n, c_n and "
        "h_0; batch_first is ignored, as in torch."
    ),
    "note.bidirectional": (
        "output[..., :{h}] is the forward direction, output[..., {h}:] the backward one."
    ),
    "note.dropout": (
        "dropout {p} acts between layers, in training only: this inference run applies none."
    ),
    "note.dropout_one_layer": (
        "dropout {p} with 1 layer does nothing: torch applies it after every layer but the last."
    ),
    "note.packed": (
        "packed lengths {lengths}: each sequence stops at its own length; output is zero past "
        "it, so output[:, -1] is not a short sequence's last step: use output[b, length_b - 1]."
    ),
    "note.torch_warning": "torch warned: {message}",
    "note.onednn_proj": (
        "torch runs LSTM with proj_size on its default kernel, not oneDNN: same numbers, "
        "slower on CPU."
    ),
    # rnnx compare
    "cmp.chosen": "the chosen cell",
    "cmp.c_n_new": "c_n: new, the LSTM's cell state",
    "cmp.c_n_gone": "c_n: gone, only the LSTM keeps a cell state",
    "cmp.params": "parameters {ratio}: {g} gate blocks ({names})",
    "cmp.params_plain": "parameters {ratio}: one weight block, no gates",
    "cmp.unchanged": "output and h_n: unchanged",
    "cmp.h_out": "output and h_n: {h} features instead of {was}",
    "cmp.dropped": (
        "proj_size and nonlinearity belong to one cell: the other cells run without them."
    ),
    "cmp.dropout": "dropout acts in training only: no backend applies it here.",
    "cmp.title_cells": "What changes when you swap the cell?",
    "cmp.title_backends": "Is it the same network? {backends}, same parameters and input",
    "cmp.col_cell": "cell",
    "cmp.col_params": "parameters",
    "cmp.col_mult_adds": "mult-adds",
    "cmp.col_changes": "what changed",
    "cmp.col_diff": "max |Δ|",
    "cmp.col_verdict": "verdict",
    "cmp.col_seconds": "forward (median of {n})",
    "cmp.same": "✓ same",
    "cmp.differs": "✗ differs",
    "cmp.none": "—",
    "cmp.summary_match": "every backend agrees (atol {atol:g})",
    "cmp.summary_mismatch": "backends disagree (atol {atol:g})",
    "cmp.mismatch": "{names} differ between {backends} beyond atol {atol:g}",
    # headings and summary lines
    "title.shape": "{cell} · {backend} backend · {dtype}",
    "col.tensor": "tensor",
    "col.shape": "shape",
    "col.dims": "dimensions",
    "col.parameter": "parameter",
    "col.count": "count",
    "col.meaning": "meaning",
    "sum.total": "total parameters",
    "sum.bytes": "parameter bytes",
    "sum.mult_adds": "multiply-adds per forward pass",
    "head.notes": "notes",
}

CATALOG: Final[dict[str, dict[str, str]]] = {"en": EN}


def text(key: str, lang: str = "en", **fields: object) -> str:
    """The sentence for key in lang, its {fields} filled in."""
    return CATALOG[lang][key].format(**fields)
