"""The grid of `rnnx sweep`: comma lists read into typed values, and their cartesian product.

A value no configuration could take (`--layers 0`, `--cell cnn`) is bad input; a combination
torch rejects (`--proj-size 4` with `--cell gru`) is set aside with its reason, and only a grid
with nothing left is bad input. Must not import numpy, torch or rich.
"""

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

from rnn_cli.base.errors import SpecError
from rnn_cli.base.safe import shown
from rnn_cli.catalog.lookup import text
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import decimal, parse_choices, whole

BOTH = "both"  # a boolean option's value that tries False, then True
LARGEST_GRID = 100_000  # configurations a sweep builds at most, even with a larger --max-configs
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


@dataclass(frozen=True)
class Grid:
    """A sweep's configurations: those torch accepts, and why each other was set aside."""

    specs: tuple[Spec, ...]  # the configurations torch accepts, in the product's order
    rejected: tuple[str, ...]  # one SpecError message per configuration set aside


def parse_list(flag: str, value: str, kind: Any, minimum: float | None = None) -> tuple[Any, ...]:
    """'1,2,3' as (1, 2, 3) of kind (int, float, bool or a str Enum), repeats dropped."""
    if isinstance(kind, type) and issubclass(kind, Enum):
        return parse_choices(flag, value, kind)
    values: list[Any] = []
    for item in (part.strip() for part in value.split(",")):
        if kind is bool and item.lower() == BOTH:
            values += [False, True]
        else:
            values.append(_parse_one(flag, item, kind, value))
        if minimum is not None and values[-1] < minimum:
            raise SpecError(
                text("error.grid_minimum", flag=flag, minimum=minimum, got=values[-1], value=value)
            )
    return tuple(dict.fromkeys(values))


def _parse_one(flag: str, item: str, kind: Any, value: str) -> Any:
    try:
        if kind is bool:
            return _parse_bool(item)
        if kind is float and item.lower().lstrip("+-") in ("nan", "inf", "infinity"):
            raise SpecError(
                text("error.list_not_finite", flag=flag, item=shown(item), value=shown(value))
            )
        return {int: whole, float: decimal}[kind](item)
    except ValueError:
        raise SpecError(
            text(
                "error.grid_item",
                flag=flag,
                expected=_expected(kind),
                item=shown(item),
                value=shown(value),
            )
        ) from None


def _parse_bool(item: str) -> bool:
    if item.lower() in _TRUE + _FALSE:
        return item.lower() in _TRUE
    raise ValueError(item)


def _expected(kind: Any) -> str:
    if kind is bool:
        return text("grid.bools", both=BOTH)
    key = {int: "grid.ints", float: "grid.floats"}.get(kind)
    return text(key) if key else str(kind)


def varied(rows: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The keys whose values differ across rows, in the first row's order."""
    keys = rows[0] if rows else {}
    return tuple(k for k in keys if len({repr(row[k]) for row in rows}) > 1)


def label(spec: Spec, keys: Sequence[str]) -> str:
    """cell=lstm, hidden_size=16: spec's values for keys, to name one configuration."""
    values = asdict(spec)
    return ", ".join(
        f"{k}={values[k].value if isinstance(values[k], Enum) else values[k]}" for k in keys
    )


def size(choices: Mapping[str, tuple[Any, ...]]) -> int:
    """How many configurations the grid holds."""
    return math.prod(len(values) for values in choices.values())


def plan(
    choices: Mapping[str, tuple[Any, ...]], make: Callable[..., Spec], max_configs: int
) -> Grid:
    """make(**one value per option) for every combination, first option varying slowest."""
    total = size(choices)
    if total > LARGEST_GRID:  # whatever --max-configs says: a grid this size is never run
        raise SpecError(text("error.grid_too_large", total=total, most=LARGEST_GRID))
    if total > max_configs:
        raise SpecError(text("error.max_configs", total=total, max_configs=max_configs))
    specs: list[Spec] = []
    rejected: list[SpecError] = []
    for combination in itertools.product(*choices.values()):
        try:
            specs.append(make(**dict(zip(choices, combination, strict=True))))
        except SpecError as e:
            rejected.append(e)
    if not specs:
        raise rejected[0]
    return Grid(tuple(specs), tuple(str(e) for e in rejected))
