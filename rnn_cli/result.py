"""`Result`: what a computing backend returns for one run. Must not import torch or rich."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Result:
    output: np.ndarray  # shaped as shapes.tensors(spec) "output"
    h_n: np.ndarray
    c_n: np.ndarray | None  # LSTM only
    seconds: float  # median forward-pass time, set-up and imports excluded
    warnings: tuple[str, ...] = ()  # notes keys or torch's own messages, never printed raw
