"""Hypothesis strategies for the property tests: random valid Specs, small enough to be fast.

`specs()` is any valid configuration; its arguments narrow it (`specs(cells=[Cell.LSTM])`) or
widen it (`specs(max_hidden=8, dropouts=(0.0, 0.5))`). Must not import torch or rich.
"""

from collections.abc import Sequence

from hypothesis import strategies as st

from rnn_cli.spec.choices import Cell, DType, Nonlinearity
from rnn_cli.spec.config import Spec, validate


@st.composite
def specs(
    draw: st.DrawFn,
    cells: Sequence[Cell] = tuple(Cell),
    dtypes: Sequence[DType] = tuple(DType),
    max_input: int = 5,
    max_hidden: int = 6,
    max_layers: int = 3,
    max_batch: int = 3,
    max_seq: int = 5,
    packed: bool = True,
    dropouts: Sequence[float] = (0.0,),
) -> Spec:
    """Any valid configuration, every flag that changes a shape or an index in play."""
    cell = draw(st.sampled_from(list(cells)))
    hidden = draw(st.integers(1, max_hidden))
    proj = draw(st.integers(0, hidden - 1)) if cell is Cell.LSTM else 0
    unbatched = draw(st.booleans())
    batch = 1 if unbatched else draw(st.integers(1, max_batch))
    seq = draw(st.integers(1, max_seq))
    lengths = None
    if packed and not unbatched and draw(st.booleans()):
        rest = draw(st.lists(st.integers(1, seq), min_size=batch - 1, max_size=batch - 1))
        lengths = tuple(draw(st.permutations([seq, *rest])))  # one sequence runs all seq_len
    return validate(
        Spec(
            cell=cell,
            input_size=draw(st.integers(1, max_input)),
            hidden_size=hidden,
            num_layers=draw(st.integers(1, max_layers)),
            bidirectional=draw(st.booleans()),
            batch_first=draw(st.booleans()),
            proj_size=proj,
            nonlinearity=draw(st.sampled_from(list(Nonlinearity))) if cell is Cell.RNN else None,
            bias=draw(st.booleans()),
            dropout=draw(st.sampled_from(list(dropouts))),
            batch_size=batch,
            seq_len=seq,
            lengths=lengths,
            unbatched=unbatched,
            dtype=draw(st.sampled_from(list(dtypes))),
            seed=draw(st.integers(0, 2**16)),
        )
    )
