"""The one grammar for numbers in an option's value: lists of whole numbers (--lengths,
--input-shape, --expect, sweep's comma lists), decimals, tolerances, comma-separated choices, and
lists written back short in prose.

Must not import numpy, torch or rich.
"""

import math
from enum import Enum
from typing import TypeVar

from rnn_cli.base.errors import SpecError
from rnn_cli.base.safe import shown
from rnn_cli.catalog.lookup import text

Choice = TypeVar("Choice", bound=Enum)


def comma_list(values: tuple[int, ...]) -> str:
    """(10, 7, 3) -> '10,7,3', as --lengths and --input-shape are written."""
    return ",".join(map(str, values))


SHOWN_VALUES = 6  # a long list in prose shows its first values, "…" and its last


def short_list(values: tuple[int, ...], sep: str = ",") -> str:
    """(10, 7, 3) -> '10,7,3'; 20,000 values -> '3,3,3,3,3,…,3': prose never grows with N."""
    if len(values) <= SHOWN_VALUES:
        return sep.join(map(str, values))
    return sep.join([*map(str, values[: SHOWN_VALUES - 1]), "…", str(values[-1])])


# one grammar for every list of whole numbers rnnx reads: 10,7,3  [10, 7, 3]  (64, 28, 5)  4x1x8
# torch.Size([4, 1, 8]); ASCII digits only (no 1_0, no other scripts' digits), no empty entries
_BRACKETS = "()[] "
MAX_DIGITS = 18  # 10**18 is past any size a machine holds, and int() stays cheap


def whole(item: str) -> int:
    """'10' or '-1' as an int; ValueError for anything else: 1_0, another script's digits, a
    number past MAX_DIGITS (every list rnnx reads takes its numbers this one way)."""
    digits = item.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= MAX_DIGITS):
        raise ValueError(item)
    return int(item)


def decimal(item: str) -> float:
    """'0.5' or '1e-3' as a float; ValueError for 1_0.5, another script's digits, nan, inf."""
    number = float(item) if item.isascii() and "_" not in item else math.nan
    if not math.isfinite(number):
        raise ValueError(item)
    return number


def tolerance(flag: str, value: float) -> float:
    """--atol or --rtol: a finite number, 0 or more, else SpecError naming the flag."""
    if not math.isfinite(value) or value < 0:
        raise SpecError(text("error.tolerance", flag=flag, value=value))
    return value


def parse_ints(flag: str, raw: str, example: str) -> tuple[int, ...]:
    """'10,7,3', '[10, 7, 3]' or '4x1x8' -> positive whole numbers, or SpecError naming flag."""
    inner = raw.strip().removeprefix("torch.Size").strip(_BRACKETS)
    sep = "x" if "x" in inner and "," not in inner else ","
    parts = [p.strip() for p in inner.split(sep)]
    if sep == "," and len(parts) > 1 and parts[-1] == "":  # (64,) as Python writes a 1-tuple
        parts.pop()
    try:
        values = tuple(whole(p) for p in parts)
    except ValueError:
        values = ()
    if not values or min(values) < 1:
        raise SpecError(text("error.ints", flag=flag, raw=shown(raw), example=example))
    return values


def parse_lengths(raw: str) -> tuple[int, ...]:
    """'10,7,3' -> (10, 7, 3), or SpecError naming --lengths."""
    return parse_ints("--lengths", raw, "10,7,3")


def parse_choices(flag: str, raw: str, choices: type[Choice]) -> tuple[Choice, ...]:
    """'lstm,gru' -> (Cell.LSTM, Cell.GRU); an unknown name raises SpecError naming the flag."""
    names = [part.strip().lower() for part in raw.split(",") if part.strip()]
    allowed = [c.value for c in choices]
    for name in names:
        if name not in allowed:
            raise SpecError(
                text(
                    "error.unknown_choice",
                    flag=flag,
                    name=name,
                    raw=raw,
                    allowed=", ".join(allowed),
                )
            )
    if not names:
        raise SpecError(text("error.empty_choices", flag=flag, example=",".join(allowed[:2])))
    return tuple(dict.fromkeys(choices(name) for name in names))
