"""Relations between output and h_n: those torch guarantees and the traps that look the same,
each written with this configuration's indices and checked on a run's numbers.

Pure function of (Spec, Result). Must not import torch or rich, nor numpy itself (the expression
trees read the arrays): report imports this module on the analytic path too.
"""

from __future__ import annotations

from dataclasses import dataclass

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.expression import ALL, Cat, Node, Pick, step
from rnn_cli.findings.slices import identical
from rnn_cli.network.result import Result
from rnn_cli.spec.config import Spec


@dataclass(frozen=True)
class Identity:
    claim: str  # a Python expression over this run's output and h_n
    expected: bool  # True: torch guarantees it; False: a trap that looks right
    holds: bool  # what this run's numbers say
    why: str


@dataclass(frozen=True)
class Claim:
    lhs: Pick
    rhs: Node
    expected: bool
    why: str

    @property
    def text(self) -> str:
        return f"{self.lhs.text} == {self.rhs.text}"


# per-sequence claims of a packed batch are listed for its first few sequences only
PACKED_SHOWN = 4


def _packed_claims(spec: Spec, lengths: tuple[int, ...], fwd: slice) -> list[Claim]:
    """Sequence b's forward state stops at its own last step, t = length_b - 1."""
    row = -2 if spec.bidirectional else -1
    out = []
    for b, n in enumerate(lengths[:PACKED_SHOWN]):
        at = (b, n - 1, fwd) if spec.batch_first else (n - 1, b, fwd)
        why = text("id.packed_last", b=b, n=n, t=n - 1)
        out.append(Claim(Pick("output", at), Pick("h_n", (row, b)), True, why))
    if min(lengths) < max(lengths):
        naive = step(spec, -1, fwd, spec.batch_first)
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
        out = [Claim(step(spec, -1, fwd, bf), top, True, text(key))]
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
            Claim(step(spec, 0, bwd, bf), back, True, why),
            Claim(step(spec, -1, bwd, bf), back, False, text(first)),
            # the concatenation is the idiom (a recipe); the look-alike is output's last step
            Claim(step(spec, -1, ALL, bf), Cat((top, back)), False, text(cat)),
        ]
    if spec.num_layers > 1:
        out.append(Claim(step(spec, -1, fwd, bf), Pick("h_n", (0,)), False, text("id.trap_layer0")))
    if not spec.unbatched:
        key = "id.trap_layout_bf" if bf else "id.trap_layout_sf"
        out.append(Claim(step(spec, -1, fwd, not bf), top, False, text(key)))
    return tuple(out)


def evaluate(spec: Spec, result: Result) -> tuple[Identity, ...]:
    """Every claim for spec, with whether result's numbers bear it out."""
    arrays = {"output": result.output, "h_n": result.h_n}
    return tuple(
        Identity(
            claim=c.text,
            expected=c.expected,
            holds=identical(c.lhs.value(arrays), c.rhs.value(arrays)),
            why=c.why,
        )
        for c in claims(spec)
    )
