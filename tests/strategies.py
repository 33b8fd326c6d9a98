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
            batch_size=1 if unbatched else draw(st.integers(1, 3)),
            seq_len=draw(st.integers(1, 5)),
            unbatched=unbatched,
            dtype=draw(st.sampled_from(list(DType))),
            seed=draw(st.integers(0, 2**16)),
        )
    )
