"""Seeded parameters under torch's names, and the dummy input: every backend runs these numbers.

numpy is imported by draw alone, so the analytic path, which names Weights but draws none, never
loads it (issue 12). Must not import torch or rich.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnn_cli.network import shapes
from rnn_cli.spec.choices import DType
from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np

# numpy's names for rnnx's dtypes: astype and np.dtype take them as they are
NP_DTYPE: dict[DType, str] = {DType.FLOAT32: "float32", DType.FLOAT64: "float64"}


@dataclass(frozen=True)
class Weights:
    params: dict[str, np.ndarray]  # torch's named_parameters() order and names
    x: np.ndarray  # the input tensor, shaped as shapes.tensors(spec)[0]


def draw(spec: Spec) -> Weights:
    """Parameters as torch initialises them, U(-1/√hidden_size, 1/√hidden_size), then x ~ N(0, 1).

    One generator draws everything in float64, then casts, so float32 and float64 runs share
    their numbers up to rounding.
    """
    import numpy as np

    rng = np.random.default_rng(spec.seed)
    k = 1.0 / math.sqrt(spec.hidden_size)  # math: any int, however large
    dtype = NP_DTYPE[spec.dtype]
    params = {
        p.name: rng.uniform(-k, k, size=p.shape).astype(dtype) for p in shapes.parameters(spec)
    }
    x = rng.standard_normal(shapes.tensors(spec)[0].shape).astype(dtype)
    return Weights(params, x)
