"""Byte sizes: read as people write them (--max-memory 4GiB) and printed as rnnx shows them.

Must not import anything beyond the stdlib and floor 1 (errors, catalog, safe).
"""

import re
from decimal import Decimal, InvalidOperation

from rnn_cli.base.errors import SpecError
from rnn_cli.base.safe import shown
from rnn_cli.catalog.lookup import text

# the largest budget rnnx reads: a bigger --max-memory (1e999999) means "no limit" and becomes this
LARGEST = 2**80  # 1 YiB, past any machine's memory
_WRITTEN_OUT_BITS = 100  # past 2**100 (~1.3e30) bytes, a count is written as 1.2e+60 B


def human_bytes(n: int) -> str:
    """6,912 B (6.8 KiB); past ~1e30 bytes 1.0e+60 B, so any size prints (no OverflowError)."""
    if n.bit_length() > _WRITTEN_OUT_BITS:
        return f"{_scientific(n)} B"
    size = float(n)
    units = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB")
    for unit in units:
        if size < 1024 or unit == units[-1]:
            return f"{n:,} B" if unit == "B" else f"{n:,} B ({size:,.1f} {unit})"
        size /= 1024
    raise AssertionError("unreachable")


def _scientific(n: int) -> str:
    """1.2e+60 for a count too long to write out, without str() of the whole int."""
    exponent = int(n.bit_length() * 0.30102999566398) - 1
    exponent = max(exponent, 0)
    while n >= 10 ** (exponent + 1):
        exponent += 1
    mantissa = n // 10 ** max(exponent - 2, 0)
    return f"{mantissa / 100:.1f}e+{exponent}"


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
    """4GiB, 512MiB, 1.5GB or 1e9 as a whole number of bytes, or SpecError naming flag and value.

    O(len(value)): the magnitude is read from the exponent before any big number is made, and
    anything past LARGEST is LARGEST.
    """
    match = _SIZE.fullmatch(value.lower()) if len(value) <= _LONGEST_SIZE else None
    try:
        size = _whole_bytes(Decimal(match[1]), _SIZE_UNITS[match[2]]) if match else 0
    except (InvalidOperation, KeyError):
        size = 0
    if size < 1:
        raise SpecError(text("error.size", flag=flag, value=shown(value)))
    return size


_LONGEST_SIZE = 10_000  # characters read at most: parsing stays well under a millisecond


def _whole_bytes(number: Decimal, unit: int) -> int:
    if not number.is_finite():
        return 0
    if number.adjusted() + len(str(unit)) > len(str(LARGEST)):  # past LARGEST: no int() of it
        return LARGEST
    return min(int(number * unit), LARGEST)
