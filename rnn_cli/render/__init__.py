"""One module per output format; each takes a `Report` and returns text or a Rich renderable.

Renderers never compute and must not import torch. Shared formatting helpers live here.
"""


def shape_text(shape: tuple[int, ...]) -> str:
    """(1, 10, 16), as torch.Size prints it."""
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def shape_cell(shape: tuple[int, ...]) -> str:
    """1x10x16: one token, for CSV and awk."""
    return "x".join(str(s) for s in shape)
