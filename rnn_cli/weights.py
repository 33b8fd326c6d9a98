"""Seeded parameters under torch's names, and the dummy input: every backend runs these numbers.

Must not import torch or rich.
"""

import math
from dataclasses import dataclass

import numpy as np

from rnn_cli import shapes
from rnn_cli.spec import DType, Spec

NP_DTYPE: dict[DType, type[np.floating]] = {DType.FLOAT32: np.float32, DType.FLOAT64: np.float64}


@dataclass(frozen=True)
class Weights:
    params: dict[str, np.ndarray]  # torch's named_parameters() order and names
    x: np.ndarray  # the input tensor, shaped as shapes.tensors(spec)[0]


def draw(spec: Spec) -> Weights:
    """Parameters as torch initialises them, U(-1/√hidden_size, 1/√hidden_size), then x ~ N(0, 1).

    One generator draws everything in float64, then casts, so float32 and float64 runs share
    their numbers up to rounding.
    """
    rng = np.random.default_rng(spec.seed)
    k = 1.0 / math.sqrt(spec.hidden_size)  # math: any int, however large
    dtype = NP_DTYPE[spec.dtype]
    params = {
        p.name: rng.uniform(-k, k, size=p.shape).astype(dtype) for p in shapes.parameters(spec)
    }
    x = rng.standard_normal(shapes.tensors(spec)[0].shape).astype(dtype)
    return Weights(params, x)
