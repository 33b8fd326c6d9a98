"""Relations between output and h_n: those torch guarantees and the traps that look the same,
each written with this configuration's indices and checked on a run's numbers.

Pure function of (Spec, Result). Must not import torch or rich, nor numpy itself (slices reads
the arrays): report imports this module on the analytic path too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.slices import Arrays, concat, identical
from rnn_cli.network.result import Result
from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np

Index = tuple[int | slice, ...]
ALL = slice(None)


@dataclass(frozen=True)
class Identity:
    claim: str  # a Python expression over this run's output and h_n
    expected: bool  # True: torch guarantees it; False: a trap that looks right
    holds: bool  # what this run's numbers say
    why: str


def _index_text(index: Index) -> str:
    """(ALL, -1, slice(None, 8)) -> '[:, -1, :8]'; trailing ':' are implied, as in numpy."""
    while index and index[-1] == ALL:
        index = index[:-1]

    def one(i: int | slice) -> str:
        if isinstance(i, int):
            return str(i)
        return f"{'' if i.start is None else i.start}:{'' if i.stop is None else i.stop}"

    return "[" + ", ".join(one(i) for i in index) + "]"


@dataclass(frozen=True)
class Pick:
    tensor: str  # "output" or "h_n"
    index: Index

    @property
    def text(self) -> str:
        return self.tensor + _index_text(self.index)

    def take(self, arrays: Arrays) -> np.ndarray:
        return arrays[self.tensor][self.index]


@dataclass(frozen=True)
class Cat:
    parts: tuple[Pick, ...]  # joined along the features

    @property
    def text(self) -> str:
        return f"torch.cat([{', '.join(p.text for p in self.parts)}], dim=-1)"

    def take(self, arrays: Arrays) -> np.ndarray:
        return concat([p.take(arrays) for p in self.parts])


@dataclass(frozen=True)
class Claim:
    lhs: Pick
    rhs: Pick | Cat
    expected: bool
    why: str

    @property
    def text(self) -> str:
        return f"{self.lhs.text} == {self.rhs.text}"


def _step(spec: Spec, t: int, features: slice, batch_first: bool) -> Pick:
    """output at time step t, the chosen features, laid out as batch_first says."""
    if spec.unbatched:
        return Pick("output", (t, features))  # (L, D·H_out)
    if batch_first:
        return Pick("output", (ALL, t, features))  # (N, L, D·H_out)
    return Pick("output", (t, ALL, features))  # (L, N, D·H_out)


# per-sequence claims of a packed batch are listed for its first few sequences only
PACKED_SHOWN = 4


def _packed_claims(spec: Spec, lengths: tuple[int, ...], fwd: slice) -> list[Claim]:
    """Sequence b's forward state stops at its own last step, t = length_b - 1."""
    row = -2 if spec.bidirectional else -1
    out = []
    for b, n in enumerate(lengths[:PACKED_SHOWN]):
        step = (b, n - 1, fwd) if spec.batch_first else (n - 1, b, fwd)
        why = text("id.packed_last", b=b, n=n, t=n - 1)
        out.append(Claim(Pick("output", step), Pick("h_n", (row, b)), True, why))
    if min(lengths) < max(lengths):
        naive = _step(spec, -1, fwd, spec.batch_first)
        last = Pick("output", naive.index[:2]).text  # output[:, -1] or output[-1, :]
        out.append(Claim(naive, Pick("h_n", (row,)), False, text("id.trap_packed", last=last)))
    return out


def claims(spec: Spec) -> tuple[Claim, ...]:
    """What to check for spec; the top layer's h_n rows are the last D (-1, or -2 and -1)."""
    h, bf = spec.h_out, spec.batch_first
    fwd = slice(None, h) if spec.bidirectional else ALL
    top = Pick("h_n", (-2,) if spec.bidirectional else (-1,))  # the top layer, forward
    if spec.lengths:
        out = _packed_claims(spec, spec.lengths, fwd)
    else:
        key = "id.forward" if spec.bidirectional else "id.last"
        out = [Claim(_step(spec, -1, fwd, bf), top, True, text(key))]
    if spec.bidirectional:
        back, bwd = Pick("h_n", (-1,)), slice(h, None)
        why = text("id.backward_packed" if spec.lengths else "id.backward")
        # sequences shorter than L have zero padding at t = L-1, not a backward first step
        padded = spec.lengths is not None and min(spec.lengths) < spec.seq_len
        first, cat = (
            ("id.trap_backward_packed", "id.trap_cat_packed")
            if padded
            else ("id.trap_backward", "id.trap_cat")
        )
        out += [
            Claim(_step(spec, 0, bwd, bf), back, True, why),
            Claim(_step(spec, -1, bwd, bf), back, False, text(first)),
            # the concatenation is the idiom (a recipe); the look-alike is output's last step
            Claim(_step(spec, -1, ALL, bf), Cat((top, back)), False, text(cat)),
        ]
    if spec.num_layers > 1:
        out.append(
            Claim(_step(spec, -1, fwd, bf), Pick("h_n", (0,)), False, text("id.trap_layer0"))
        )
    if not spec.unbatched:
        key = "id.trap_layout_bf" if bf else "id.trap_layout_sf"
        out.append(Claim(_step(spec, -1, fwd, not bf), top, False, text(key)))
    return tuple(out)


def evaluate(spec: Spec, result: Result) -> tuple[Identity, ...]:
    """Every claim for spec, with whether result's numbers bear it out."""
    arrays = {"output": result.output, "h_n": result.h_n}
    return tuple(
        Identity(
            claim=c.text,
            expected=c.expected,
            holds=identical(c.lhs.take(arrays), c.rhs.take(arrays)),
            why=c.why,
        )
        for c in claims(spec)
    )
