"""Byte sizes: read as people write them (--max-memory 4GiB) and printed as rnnx shows them.

Must not import anything beyond the stdlib and rnn_cli.errors.
"""

import re
from decimal import Decimal, InvalidOperation

from rnn_cli.catalog import text
from rnn_cli.errors import SpecError


def human_bytes(n: int) -> str:
    """6,912 B (6.8 KiB)."""
    size = float(n)
    units = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")
    for unit in units:
        if size < 1024 or unit == units[-1]:
            return f"{n:,} B" if unit == "B" else f"{n:,} B ({size:,.1f} {unit})"
        size /= 1024
    raise AssertionError("unreachable")


# sizes people write: decimal units count in 1000s, binary ones (KiB, MiB...) in 1024s
_SIZE_UNITS: dict[str, int] = {
    "": 1,
    "b": 1,
    "kb": 10**3,
    "mb": 10**6,
    "gb": 10**9,
    "tb": 10**12,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
}
_SIZE = re.compile(r"\s*([0-9.]+(?:e[0-9]+)?)\s*([a-z]*)\s*")


def parse_bytes(flag: str, value: str) -> int:
    """4GiB, 512MiB, 1.5GB or 1e9 as a whole number of bytes, or SpecError naming flag and value."""
    match = _SIZE.fullmatch(value.lower())
    try:
        size = int(Decimal(match[1]) * _SIZE_UNITS[match[2]]) if match else 0
    except (InvalidOperation, KeyError):
        size = 0
    if size < 1:
        raise SpecError(text("error.size", flag=flag, value=value))
    return size
