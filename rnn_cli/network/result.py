"""What a backend returns: `Result`, one run's tensors.

Must not import torch or rich; numpy only for type checking, as the analytic path names Result
without loading numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Result:
    output: np.ndarray  # shaped as shapes.tensors(spec) "output"
    h_n: np.ndarray
    c_n: np.ndarray | None  # LSTM only
    seconds: float  # median forward-pass time, set-up and imports excluded
    warnings: tuple[str, ...] = ()  # notes keys or torch's own messages, never printed raw
