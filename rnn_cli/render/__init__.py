"""One module per output format; each takes a `Report` and returns text or a Rich renderable.

Renderers never compute and must not import torch. Shared formatting helpers live here.
"""


def shape_text(shape: tuple[int, ...]) -> str:
    """(1, 10, 16), as torch.Size prints it."""
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def shape_cell(shape: tuple[int, ...]) -> str:
    """1x10x16: one token, for CSV and awk."""
    return "x".join(str(s) for s in shape)


def human_bytes(n: int) -> str:
    """6,912 B (6.8 KiB)."""
    size = float(n)
    units = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")
    for unit in units:
        if size < 1024 or unit == units[-1]:
            return f"{n:,} B" if unit == "B" else f"{n:,} B ({size:,.1f} {unit})"
        size /= 1024
    raise AssertionError("unreachable")
