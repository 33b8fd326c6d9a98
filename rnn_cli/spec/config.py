"""The network a user asked for, with its dummy batch, and the checks on it. Every option's
default and least value is declared here once, on the Spec's field (`least`); the CLI's options
and build_spec derive theirs from it.

Must not import numpy, torch or rich: this is the leftmost module after the CLI.
"""

from dataclasses import dataclass, field, fields
from typing import TypeVar

from rnn_cli.base.errors import SpecError
from rnn_cli.base.safe import shown
from rnn_cli.catalog.lookup import text
from rnn_cli.spec.choices import GATES, ITEMSIZE, Backend, Cell, Device, DType, Nonlinearity
from rnn_cli.spec.lists import comma_list

T = TypeVar("T")

# the refusal of a value below an option's least, by least (the message's {flag} and {value})
_BELOW = {0: "error.negative", 1: "error.not_positive"}


LARGEST_SIZE = 2**63 - 1  # torch keeps every size as an int64


def _least(default: T, least: int, most: int | None = LARGEST_SIZE) -> T:
    """A field's default, and the least (and most) value its option takes: validate refuses
    the others."""
    return field(default=default, metadata={"least": least, "most": most})


@dataclass(frozen=True)
class Spec:
    """A recurrent network and the dummy batch it runs on (torch's argument names)."""

    cell: Cell = Cell.RNN  # nn.RNN, nn.LSTM or nn.GRU
    input_size: int = _least(5, 1)  # H_in: features of each x_t
    hidden_size: int = _least(8, 1)  # H_cell: features of h_t (and c_t)
    num_layers: int = _least(1, 1)  # stacked layers; layer k > 0 reads layer k-1's output
    bidirectional: bool = False  # D = 2 when True
    batch_first: bool = True  # rnnx's default (the study notebook's); torch's own is False
    proj_size: int = _least(0, 0)  # LSTM only: h_t is projected to proj_size features when > 0
    nonlinearity: Nonlinearity | None = None  # RNN only; None means torch's default, tanh
    bias: bool = True  # bias_ih/bias_hh present
    dropout: float = 0.0  # between layers, training only
    batch_size: int = _least(1, 1)  # N
    seq_len: int = _least(10, 1)  # L
    unbatched: bool = False  # 2-D input (L, H_in), no batch axis anywhere
    dtype: DType = DType.FLOAT32
    device: Device = Device.CPU
    seed: int = _least(0, 0, most=None)  # one numpy generator draws the parameters, then the input
    lengths: tuple[int, ...] | None = None  # packed: each sequence's own length, N of them
    input_shape: tuple[int, ...] | None = None  # --input-shape as given; sets N, L, unbatched

    @property
    def num_directions(self) -> int:
        """D in torch's docs."""
        return 2 if self.bidirectional else 1

    @property
    def h_out(self) -> int:
        """H_out: features of output and h_n (proj_size when projecting)."""
        return self.proj_size if self.proj_size > 0 else self.hidden_size

    @property
    def gates(self) -> tuple[str, ...]:
        return GATES[self.cell]

    @property
    def activation(self) -> Nonlinearity:
        return self.nonlinearity or Nonlinearity.TANH

    @property
    def itemsize(self) -> int:
        return ITEMSIZE[self.dtype]


DEFAULT = Spec()  # every option's default, read by build_spec and the CLI's options

# the flag that sets a field, where it is not the field's name with dashes
FLAGS = {"num_layers": "--layers"}


def flag(name: str) -> str:
    """--input-size for input_size: the option a user types to set the Spec's field name."""
    return FLAGS.get(name, "--" + name.replace("_", "-"))


LEAST: dict[str, int] = {f.name: f.metadata["least"] for f in fields(Spec) if f.metadata}
_MOST: dict[str, int | None] = {f.name: f.metadata["most"] for f in fields(Spec) if f.metadata}


def in_range(name: str, value: int) -> None:
    """value for the Spec's field name, or SpecError naming its flag, the value and the fix."""
    if value < LEAST[name]:
        raise SpecError(text(_BELOW[LEAST[name]], flag=flag(name), value=value))
    most = _MOST[name]
    if most is not None and value > most:
        raise SpecError(text("error.size_too_large", flag=flag(name), value=shown(value)))


def validate(spec: Spec) -> Spec:
    """Return spec unchanged, or raise SpecError naming the flag, the value and the fix."""
    if spec.lengths is not None:  # first: --lengths sets N and L, so blame it, not them
        _check_lengths(spec, spec.lengths)
    for name in LEAST:
        in_range(name, getattr(spec, name))
    if spec.proj_size > 0 and spec.cell is not Cell.LSTM:
        raise SpecError(
            text("error.proj_lstm_only", proj_size=spec.proj_size, cell=spec.cell.value)
        )
    if spec.proj_size > 0 and spec.proj_size >= spec.hidden_size:
        raise SpecError(
            text("error.proj_not_smaller", proj_size=spec.proj_size, hidden_size=spec.hidden_size)
        )
    if spec.nonlinearity is not None and spec.cell is not Cell.RNN:
        raise SpecError(
            text(
                "error.nonlinearity_rnn_only",
                nonlinearity=spec.nonlinearity.value,
                cell=spec.cell.value,
            )
        )
    if not 0.0 <= spec.dropout < 1.0:
        raise SpecError(text("error.dropout_range", dropout=spec.dropout))
    if spec.unbatched and spec.batch_size != 1:
        raise SpecError(text("error.unbatched_batch", batch_size=spec.batch_size))
    return spec


def _check_lengths(spec: Spec, lengths: tuple[int, ...]) -> None:
    written = comma_list(lengths)
    if spec.unbatched:
        raise SpecError(text("error.lengths_unbatched", lengths=written))
    if not lengths or min(lengths) < 1:
        raise SpecError(text("error.lengths_positive", lengths=written))
    if len(lengths) != spec.batch_size or max(lengths) != spec.seq_len:
        raise SpecError(
            text(
                "error.lengths_mismatch",
                lengths=written,
                n=len(lengths),
                l=max(lengths),
                batch_size=spec.batch_size,
                seq_len=spec.seq_len,
            )
        )


# layers a computing backend builds: torch takes ~3 s for 4,096 and ~28 s for 20,000 (measured)
MOST_COMPUTED_LAYERS = 4096


def validate_backend(spec: Spec, backend: Backend) -> None:
    """Checks that involve the backend as well as the network."""
    if spec.device is Device.CUDA and backend is not Backend.TORCH:
        raise SpecError(text("error.cuda_backend", backend=backend.value))
    if backend is not Backend.ANALYTIC and spec.num_layers > MOST_COMPUTED_LAYERS:
        raise SpecError(
            text(
                "error.computed_layers",
                layers=spec.num_layers,
                backend=backend.value,
                most=MOST_COMPUTED_LAYERS,
            )
        )
