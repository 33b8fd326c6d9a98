"""Hypothesis strategies for the property tests: random valid Specs, small enough to be fast."""

from hypothesis import strategies as st

from rnn_cli.spec import Cell, DType, Nonlinearity, Spec, validate


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    """Any valid configuration, every flag that changes a shape or an index in play."""
    cell = draw(st.sampled_from(list(Cell)))
    hidden = draw(st.integers(1, 6))
    proj = draw(st.integers(0, hidden - 1)) if cell is Cell.LSTM else 0
    unbatched = draw(st.booleans())
    batch = 1 if unbatched else draw(st.integers(1, 3))
    seq = draw(st.integers(1, 5))
    lengths = None
    if not unbatched and draw(st.booleans()):  # packed: one sequence runs the whole seq_len
        rest = draw(st.lists(st.integers(1, seq), min_size=batch - 1, max_size=batch - 1))
        lengths = tuple(draw(st.permutations([seq, *rest])))
    return validate(
        Spec(
            cell=cell,
            input_size=draw(st.integers(1, 5)),
            hidden_size=hidden,
            num_layers=draw(st.integers(1, 3)),
            bidirectional=draw(st.booleans()),
            batch_first=draw(st.booleans()),
            proj_size=proj,
            nonlinearity=draw(st.sampled_from(list(Nonlinearity))) if cell is Cell.RNN else None,
            bias=draw(st.booleans()),
            batch_size=batch,
            seq_len=seq,
            lengths=lengths,
            unbatched=unbatched,
            dtype=draw(st.sampled_from(list(DType))),
            seed=draw(st.integers(0, 2**16)),
        )
    )
