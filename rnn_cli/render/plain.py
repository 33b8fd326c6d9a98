"""The plain-text pieces every view shares: the widest a view draws, a shape as torch prints it
or as one CSV token, and how much `shape` shows. Must not import rich or torch.
"""

from enum import Enum

WIDEST = 1000  # columns rnnx ever draws: a pipe's natural width, the most COLUMNS may ask


def shape_text(shape: tuple[int, ...]) -> str:
    """(1, 10, 16), as torch.Size prints it."""
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def shape_cell(shape: tuple[int, ...]) -> str:
    """1x10x16: one token, for CSV and awk."""
    return "x".join(str(s) for s in shape)


class Detail(str, Enum):
    """How much `shape` prints: the first screen, or the parameters too, or everything."""

    FIRST = "first"  # tensors, notes, recipes; parameters and cost in one line
    PARAMS = "params"  # and the parameter table with the totals
    ALL = "all"  # and the identities
