"""The views: one per command, each a {format: renderer} map (shape.py, compare.py, sweep.py,
check.py; explain, diagram and code have one format each), and shape's format modules (table,
json, csv, markdown). The shared plain-text pieces live here.

Renderers never compute and must not import torch.
"""

WIDEST = 1000  # columns rnnx ever draws: a pipe's natural width, the most COLUMNS may ask


def shape_text(shape: tuple[int, ...]) -> str:
    """(1, 10, 16), as torch.Size prints it."""
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def shape_cell(shape: tuple[int, ...]) -> str:
    """1x10x16: one token, for CSV and awk."""
    return "x".join(str(s) for s in shape)
