"""Readings of a run's output and h_n as a student indexes them (each sequence's forward and
backward final state, output's last step, each sequence's own last step), each as the text to
paste and the same reading in numpy, for recipes and identities to check.

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
    """Bit for bit: output and h_n are copies of the same h_t, so a true claim holds exactly, and
    any tolerance would let a trap "hold" wherever the activations are smaller than it."""
    import numpy as np

    return bool(np.array_equal(a, b))


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


def constant(value: int | Sequence[int]) -> Take:
    """A number known from the arithmetic, as an array to compare a reading with."""

    def take(a: Arrays) -> np.ndarray:
        import numpy as np

        return np.array(value)

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


def last_step(spec: Spec, features: str = "") -> tuple[str, Take]:
    """output at t = L - 1, as a student indexes it for this layout: padding when packed."""
    tail = f", {features}" if features else ""
    cut = feature_slice(features)
    if spec.unbatched or not spec.batch_first:
        label = f"output[-1, :{tail}]" if tail and not spec.unbatched else f"output[-1{tail}]"
        return label, lambda a: a["output"][-1][..., cut]
    return f"output[:, -1{tail}]", lambda a: a["output"][:, -1][..., cut]


def feature_slice(features: str) -> slice:
    """':8' -> slice(None, 8), '8:' -> slice(8, None), '' -> everything."""
    if not features:
        return slice(None)
    start, stop = features.split(":")
    return slice(int(start) if start else None, int(stop) if stop else None)


def own_last(spec: Spec, features: str) -> tuple[str, Take]:
    """output at each sequence's own last step, lengths - 1, for this layout."""
    n, cut = spec.batch_size, feature_slice(features)
    tail = f", {features}" if features else ""

    def take(a: Arrays) -> np.ndarray:
        import numpy as np

        rows, last = np.arange(n), lengths(spec) - 1
        picked = a["output"][rows, last] if spec.batch_first else a["output"][last, rows]
        return np.asarray(picked[..., cut])

    if spec.batch_first:
        return f"output[torch.arange({n}), lengths - 1{tail}]", take
    return f"output[lengths - 1, torch.arange({n}){tail}]", take
