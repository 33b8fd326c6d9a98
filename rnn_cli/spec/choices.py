"""Every choice a user makes, as a str Enum (a flag's values are its members), and the facts
that belong to a choice: torch's gate order per cell, the bytes per dtype.

Must not import anything of rnnx but the stdlib.
"""

from enum import Enum


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


# torch stacks each cell's gate blocks in this order along dim 0 of weight_ih/weight_hh
GATES: dict[Cell, tuple[str, ...]] = {
    Cell.RNN: ("h",),
    Cell.LSTM: ("i", "f", "g", "o"),
    Cell.GRU: ("r", "z", "n"),
}

ITEMSIZE: dict[DType, int] = {DType.FLOAT32: 4, DType.FLOAT64: 8}
