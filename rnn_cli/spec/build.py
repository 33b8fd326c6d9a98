"""A Spec from plain option values, the one way every command, sweep row, test or future screen
builds one: the Spec's own defaults (spec/config.py), --lengths setting N and L, --input-shape
read as torch reads it.

Knows nothing of Typer: the values are what a user typed, already typed as int, bool or Enum.
Must not import numpy, torch or rich.
"""

from rnn_cli.spec.choices import Cell, Device, DType, Nonlinearity
from rnn_cli.spec.config import DEFAULT, Spec, validate
from rnn_cli.spec.input_shape import parse as parse_input_shape
from rnn_cli.spec.input_shape import read as read_input_shape
from rnn_cli.spec.lists import parse_lengths


def build_spec(
    *,
    cell: Cell = DEFAULT.cell,
    input_size: int = DEFAULT.input_size,
    hidden_size: int = DEFAULT.hidden_size,
    layers: int = DEFAULT.num_layers,
    bidirectional: bool = DEFAULT.bidirectional,
    proj_size: int = DEFAULT.proj_size,
    nonlinearity: Nonlinearity | None = DEFAULT.nonlinearity,
    bias: bool = DEFAULT.bias,
    dropout: float = DEFAULT.dropout,
    batch_size: int | None = None,  # None: not given, so --lengths/--input-shape may set it
    seq_len: int | None = None,
    lengths: str | None = None,  # "10,7,3" as typed
    batch_first: bool = DEFAULT.batch_first,
    unbatched: bool = DEFAULT.unbatched,
    dtype: DType = DEFAULT.dtype,
    device: Device = DEFAULT.device,
    seed: int = DEFAULT.seed,
    input_shape: str | None = None,  # "64,28,5" as typed
) -> Spec:
    """The validated Spec these option values describe, or SpecError naming the flag to fix."""
    packed = None if lengths is None else parse_lengths(lengths)
    spec = validate(
        Spec(
            cell=cell,
            input_size=input_size,
            hidden_size=hidden_size,
            num_layers=layers,
            bidirectional=bidirectional,
            batch_first=batch_first,
            proj_size=proj_size,
            nonlinearity=nonlinearity,
            bias=bias,
            dropout=dropout,
            batch_size=batch_size or (len(packed) if packed else DEFAULT.batch_size),
            seq_len=seq_len or (max(packed, default=0) if packed else DEFAULT.seq_len),
            lengths=packed,
            unbatched=unbatched,
            dtype=dtype,
            device=device,
            seed=seed,
        )
    )
    if input_shape is None:
        return spec
    return read_input_shape(spec, parse_input_shape(input_shape), batch_size, seq_len)
