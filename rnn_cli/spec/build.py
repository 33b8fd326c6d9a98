"""A Spec from plain option values, the one way every command, sweep row, test or future screen
builds one: the defaults, --lengths setting N and L, --input-shape read as torch reads it.

Knows nothing of Typer: the values are what a user typed, already typed as int, bool or Enum.
Must not import numpy, torch or rich.
"""

from rnn_cli.spec.choices import Cell, Device, DType, Nonlinearity
from rnn_cli.spec.config import Spec, validate
from rnn_cli.spec.input_shape import parse as parse_input_shape
from rnn_cli.spec.input_shape import read as read_input_shape
from rnn_cli.spec.lists import parse_lengths

BATCH_SIZE = 1  # N when neither --batch-size, --lengths nor --input-shape says
SEQ_LEN = 10  # L likewise


def build_spec(
    *,
    cell: Cell = Cell.RNN,
    input_size: int = 5,
    hidden_size: int = 8,
    layers: int = 1,
    bidirectional: bool = False,
    proj_size: int = 0,
    nonlinearity: Nonlinearity | None = None,
    bias: bool = True,
    dropout: float = 0.0,
    batch_size: int | None = None,  # None: not given, so --lengths/--input-shape may set it
    seq_len: int | None = None,
    lengths: str | None = None,  # "10,7,3" as typed
    batch_first: bool = True,
    unbatched: bool = False,
    dtype: DType = DType.FLOAT32,
    device: Device = Device.CPU,
    seed: int = 0,
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
            batch_size=batch_size or (len(packed) if packed else BATCH_SIZE),
            seq_len=seq_len or (max(packed, default=0) if packed else SEQ_LEN),
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
