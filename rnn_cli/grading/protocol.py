"""What crosses between `rnnx check` and the student's child process: `Call`, what the student's
function is called with, `Returned`, what it gave back, and `Failure`, why it gave nothing.

Must not import torch or rich; numpy only for type checking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnn_cli.spec.choices import Convention
from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Failure:
    """Why a student's function gave no tensors: the student's failure, never rnnx's."""

    kind: str  # exception, exit, memory, timeout, return, killed
    message: str  # one sentence from the catalog
    traceback: str  # the student's own frames, or the child's last words; may be empty


@dataclass(frozen=True)
class Returned:
    """What `rnnx check`'s child process brought back from a student's function."""

    tensors: dict[str, np.ndarray]  # by rnnx's names: output, h_n, c_n
    failure: Failure | None  # set when the function did not return what was asked


@dataclass(frozen=True)
class Call:
    """What the student's function receives and what rnnx expects back."""

    convention: Convention
    spec: Spec  # the network as the convention runs it (float64; unbatched for loop...)
    args: dict[str, np.ndarray]  # positional arguments by name, in call order
    params: dict[str, np.ndarray]  # torch convention: the third argument; empty otherwise
    returns: tuple[str, ...]  # tensor names, as shapes.tensors(spec) names them
    conversions: tuple[str, ...]  # sentences: what rnnx did to its weights for this layout
