"""The network a user asked for, with its dummy batch, and the checks on it.

Must not import numpy, torch or rich: this is the leftmost module after the CLI.
"""

import math
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from rnn_cli.catalog import text
from rnn_cli.errors import SpecError
from rnn_cli.safe import shown


class Cell(str, Enum):
    RNN = "rnn"
    LSTM = "lstm"
    GRU = "gru"


class Backend(str, Enum):
    TORCH = "torch"
    NUMPY = "numpy"
    ANALYTIC = "analytic"


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class DType(str, Enum):
    FLOAT32 = "float32"
    FLOAT64 = "float64"


class Device(str, Enum):
    CPU = "cpu"
    CUDA = "cuda"


class Nonlinearity(str, Enum):
    TANH = "tanh"
    RELU = "relu"


class Convention(str, Enum):
    LOOP = "loop"  # the study notebook's first cell: fn(inputs, h0, Wx, Wh, b), unbatched RNN
    TORCH = "torch"  # fn(x, h0, params) under torch's names and layout, any network
    CS231N = "cs231n"  # rnn_forward / lstm_forward(x, h0, Wx, Wh, b), batch first, W as (D, G*H)


Choice = TypeVar("Choice", bound=Enum)

# torch stacks each cell's gate blocks in this order along dim 0 of weight_ih/weight_hh
GATES: dict[Cell, tuple[str, ...]] = {
    Cell.RNN: ("h",),
    Cell.LSTM: ("i", "f", "g", "o"),
    Cell.GRU: ("r", "z", "n"),
}

ITEMSIZE: dict[DType, int] = {DType.FLOAT32: 4, DType.FLOAT64: 8}


@dataclass(frozen=True)
class Spec:
    """A recurrent network and the dummy batch it runs on (torch's argument names)."""

    cell: Cell = Cell.RNN  # nn.RNN, nn.LSTM or nn.GRU
    input_size: int = 5  # H_in: features of each x_t
    hidden_size: int = 8  # H_cell: features of h_t (and c_t)
    num_layers: int = 1  # stacked layers; layer k > 0 reads layer k-1's output
    bidirectional: bool = False  # D = 2 when True
    batch_first: bool = True  # rnnx's default (the study notebook's); torch's own is False
    proj_size: int = 0  # LSTM only: h_t is projected to proj_size features when > 0
    nonlinearity: Nonlinearity | None = None  # RNN only; None means torch's default, tanh
    bias: bool = True  # bias_ih/bias_hh present
    dropout: float = 0.0  # between layers, training only
    batch_size: int = 1  # N
    seq_len: int = 10  # L
    unbatched: bool = False  # 2-D input (L, H_in), no batch axis anywhere
    dtype: DType = DType.FLOAT32
    device: Device = Device.CPU
    seed: int = 0  # one numpy generator draws the parameters, then the input
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


LARGEST_SIZE = 2**63 - 1  # torch keeps every size as an int64


def _positive(flag: str, value: int) -> None:
    if value < 1:
        raise SpecError(text("error.not_positive", flag=flag, value=value))
    if value > LARGEST_SIZE:
        raise SpecError(text("error.size_too_large", flag=flag, value=shown(value)))


def validate(spec: Spec) -> Spec:
    """Return spec unchanged, or raise SpecError naming the flag, the value and the fix."""
    if spec.lengths is not None:  # first: --lengths sets N and L, so blame it, not them
        _check_lengths(spec, spec.lengths)
    for flag, value in (
        ("--input-size", spec.input_size),
        ("--hidden-size", spec.hidden_size),
        ("--layers", spec.num_layers),
        ("--batch-size", spec.batch_size),
        ("--seq-len", spec.seq_len),
    ):
        _positive(flag, value)
    if spec.seed < 0:
        raise SpecError(text("error.seed", seed=spec.seed))
    if spec.proj_size < 0:
        raise SpecError(text("error.proj_negative", proj_size=spec.proj_size))
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


def comma_list(values: tuple[int, ...]) -> str:
    """(10, 7, 3) -> '10,7,3', as --lengths and --input-shape are written."""
    return ",".join(map(str, values))


SHOWN_VALUES = 6  # a long list in prose shows its first values, "…" and its last


def short_list(values: tuple[int, ...], sep: str = ",") -> str:
    """(10, 7, 3) -> '10,7,3'; 20,000 values -> '3,3,3,3,3,…,3': prose never grows with N."""
    if len(values) <= SHOWN_VALUES:
        return sep.join(map(str, values))
    return sep.join([*map(str, values[: SHOWN_VALUES - 1]), "…", str(values[-1])])


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


# one grammar for every list of whole numbers rnnx reads: 10,7,3  [10, 7, 3]  (64, 28, 5)  4x1x8
# torch.Size([4, 1, 8]); ASCII digits only (no 1_0, no other scripts' digits), no empty entries
_BRACKETS = "()[] "
MAX_DIGITS = 18  # 10**18 is past any size a machine holds, and int() stays cheap


def whole(item: str) -> int:
    """'10' or '-1' as an int; ValueError for anything else: 1_0, another script's digits, a
    number past MAX_DIGITS (every list rnnx reads takes its numbers this one way)."""
    digits = item.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= MAX_DIGITS):
        raise ValueError(item)
    return int(item)


def decimal(item: str) -> float:
    """'0.5' or '1e-3' as a float; ValueError for 1_0.5, another script's digits, nan, inf."""
    number = float(item) if item.isascii() and "_" not in item else math.nan
    if not math.isfinite(number):
        raise ValueError(item)
    return number


def tolerance(flag: str, value: float) -> float:
    """--atol or --rtol: a finite number, 0 or more, else SpecError naming the flag."""
    if not math.isfinite(value) or value < 0:
        raise SpecError(text("error.tolerance", flag=flag, value=value))
    return value


def parse_ints(flag: str, raw: str, example: str) -> tuple[int, ...]:
    """'10,7,3', '[10, 7, 3]' or '4x1x8' -> positive whole numbers, or SpecError naming flag."""
    inner = raw.strip().removeprefix("torch.Size").strip(_BRACKETS)
    sep = "x" if "x" in inner and "," not in inner else ","
    parts = [p.strip() for p in inner.split(sep)]
    if sep == "," and len(parts) > 1 and parts[-1] == "":  # (64,) as Python writes a 1-tuple
        parts.pop()
    try:
        values = tuple(whole(p) for p in parts)
    except ValueError:
        values = ()
    if not values or min(values) < 1:
        raise SpecError(text("error.ints", flag=flag, raw=shown(raw), example=example))
    return values


def parse_lengths(raw: str) -> tuple[int, ...]:
    """'10,7,3' -> (10, 7, 3), or SpecError naming --lengths."""
    return parse_ints("--lengths", raw, "10,7,3")


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


def parse_choices(flag: str, raw: str, choices: type[Choice]) -> tuple[Choice, ...]:
    """'lstm,gru' -> (Cell.LSTM, Cell.GRU); an unknown name raises SpecError naming the flag."""
    names = [part.strip().lower() for part in raw.split(",") if part.strip()]
    allowed = [c.value for c in choices]
    for name in names:
        if name not in allowed:
            raise SpecError(
                text(
                    "error.unknown_choice",
                    flag=flag,
                    name=name,
                    raw=raw,
                    allowed=", ".join(allowed),
                )
            )
    if not names:
        raise SpecError(text("error.empty_choices", flag=flag, example=",".join(allowed[:2])))
    return tuple(dict.fromkeys(choices(name) for name in names))
