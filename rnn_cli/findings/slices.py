"""Readings of a run's output and h_n that a recipe's or identity's code is checked against (each
sequence's forward and backward final state, zeros shaped like a state), read another way than the
code reads them; the code itself is in expression.

numpy is imported inside the readings, which run only on a run's arrays: building a reading, as
the analytic backend does for its unchecked recipes, loads no numpy (issue 12).
Must not import torch, rich or the backends package.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np

Arrays = dict[str, "np.ndarray"]
Take = Callable[[Arrays], "np.ndarray"]


def identical(a: np.ndarray, b: np.ndarray) -> bool:
    """Bit for bit, in the same dtype: output and h_n are copies of the same h_t, so a true claim
    holds exactly, and any tolerance would let a trap "hold" wherever the activations are smaller
    than it; a float32 h_0 for a float64 network is refused by torch, so it is no match either."""
    import numpy as np

    return a.dtype == b.dtype and bool(np.array_equal(a, b))


def concat(parts: Sequence[np.ndarray]) -> np.ndarray:
    """parts joined along the features (torch.cat(..., dim=-1))."""
    import numpy as np

    return np.concatenate(parts, axis=-1)


def joined(takes: Sequence[Take]) -> Take:
    """The readings side by side along the features."""
    return lambda a: concat([take(a) for take in takes])


def stacked(takes: Sequence[Take]) -> Take:
    """The readings stacked on a new first axis."""

    def take(a: Arrays) -> np.ndarray:
        import numpy as np

        return np.stack([t(a) for t in takes])

    return take


def counted(size: Callable[[Arrays], int | Sequence[int]]) -> Take:
    """A size read off the arrays (a dimension, or shapes end to end), as an array."""

    def take(a: Arrays) -> np.ndarray:
        import numpy as np

        return np.array(size(a))

    return take


def lengths(spec: Spec) -> np.ndarray:
    """Each sequence's length: --lengths, else seq_len for every one. O(N): called only inside a
    take, i.e. on a run's arrays, which the memory guard has let through (never for analytic)."""
    import numpy as np

    n = 1 if spec.unbatched else spec.batch_size
    return np.array(spec.lengths or (spec.seq_len,) * n)


def forward_final(spec: Spec) -> Take:
    """The top layer's forward state where each sequence ends, read from output."""
    h = spec.h_out

    def take(a: Arrays) -> np.ndarray:
        import numpy as np

        out, last = a["output"], lengths(spec) - 1
        if spec.unbatched:
            return np.asarray(out[last[0], :h])  # (H_out,)
        rows = np.arange(len(last))
        picked = out[rows, last] if spec.batch_first else out[last, rows]
        return np.asarray(picked[:, :h])  # (N, H_out)

    return take


def backward_final(spec: Spec) -> Take:
    """The top layer's backward state, which ends at t = 0 for every sequence."""
    h = spec.h_out

    def take(a: Arrays) -> np.ndarray:
        import numpy as np

        out = a["output"]
        if spec.unbatched:
            return np.asarray(out[0, h:])
        return (out[:, 0] if spec.batch_first else out[0])[:, h:]

    return take


def batch(spec: Spec) -> tuple[int, ...]:
    """(N,), or () when unbatched: the batch axis of a shape."""
    return () if spec.unbatched else (spec.batch_size,)


def zeros_like(names: Sequence[str]) -> Callable[[Arrays], tuple[np.ndarray, ...]]:
    """Zeros shaped like each named state (h_n, c_n): the initial state torch assumes."""

    def take(a: Arrays) -> tuple[np.ndarray, ...]:
        import numpy as np

        return tuple(np.zeros_like(a[name]) for name in names)

    return take
