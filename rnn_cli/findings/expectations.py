"""`--expect NAME=SHAPE`: a student's answer for a tensor's shape, checked against the arithmetic,
and, where it is wrong, the misconception that produces exactly that wrong shape.

Each misconception is a rule that builds the shape a student holding it would write; the first
rule that reproduces the answer names the mistake. An answer no rule explains gets each wrong
dimension with its meaning. Must not import numpy, torch or rich.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.network import shapes
from rnn_cli.network.shapes import Tensor
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import comma_list, parse_ints

STATES = ("h_n", "c_n", "h_0", "c_0")
SEQUENCES = ("input", "output")


@dataclass(frozen=True)
class Expectation:
    name: str  # a tensor rnnx shows: output, h_n, ...
    shape: tuple[int, ...]  # what the student wrote
    expected_shape: tuple[int, ...]  # what torch gives
    holds: bool
    why: str


Answer = tuple[str, tuple[int, ...]]
# a misconception: (spec, the tensor) -> (the shape its holder writes, why) or None
Rule = Callable[[Spec, Tensor], tuple[tuple[int, ...], str] | None]


def parse(raw: str, spec: Spec) -> Answer:
    """'h_n=4,1,16', 'h_n=(4, 1, 16)' or 'h_n=4x1x16' -> ('h_n', (4, 1, 16)), else SpecError."""
    name, sep, shape = raw.partition("=")
    names = [t.name for t in shapes.tensors(spec)]
    if not sep or name.strip() not in names:
        raise SpecError(text("error.expect_name", names=", ".join(names), raw=raw))
    try:
        return name.strip(), parse_ints("--expect", shape, "h_n=4,1,8")
    except SpecError:
        raise SpecError(text("error.expect_shape", name=name.strip(), raw=raw)) from None


def _feature(spec: Spec, t: Tensor) -> str:
    """What a state's last dimension is: 'hidden_size 8' or 'proj_size 4'."""
    if spec.proj_size and t.name not in ("c_n", "c_0"):
        return text("exp.feature_proj", p=spec.proj_size)
    return text("exp.feature_hidden", h=spec.hidden_size)


def _with(shape: tuple[int, ...], i: int, size: int) -> tuple[int, ...]:
    return (*shape[:i], size, *shape[i + 1 :])


def _doubled_state(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    if t.name not in STATES or not spec.bidirectional:
        return None
    i, got = len(t.shape) - 1, 2 * t.shape[-1]
    why = text(
        "exp.doubled", i=i, f=_feature(spec, t), got=got, rows=t.shape[0], layers=spec.num_layers
    )
    return _with(t.shape, i, got), why


def _output_without_x2(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    if t.name != "output" or not spec.bidirectional:
        return None
    i, f = len(t.shape) - 1, t.shape[-1]
    return _with(t.shape, i, spec.h_out), text("exp.output_x2", i=i, f=f, h=spec.h_out)


def _batch_first_state(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    if t.name not in STATES or spec.unbatched or not spec.batch_first:
        return None
    swapped = (t.shape[1], t.shape[0], t.shape[2])
    return swapped, text("exp.batch_first_state", name=t.name, shape=comma_list(t.shape))


def _rows_fields(spec: Spec, t: Tensor) -> dict[str, int]:
    return {"rows": t.shape[0], "layers": spec.num_layers, "d": spec.num_directions}


def _rows_directions(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    """Dimension 0 of a state written as the layers alone (the directions forgotten)."""
    if t.name not in STATES or not spec.bidirectional:
        return None
    return _with(t.shape, 0, spec.num_layers), text("exp.rows_directions", **_rows_fields(spec, t))


def _rows_layers(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    """Dimension 0 of a state written as the directions alone (the layers forgotten)."""
    if t.name not in STATES or spec.num_layers == 1:
        return None
    return _with(t.shape, 0, spec.num_directions), text("exp.rows_layers", **_rows_fields(spec, t))


def _projection(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    if not spec.proj_size or t.name not in (*STATES, "output"):
        return None
    i, f = len(t.shape) - 1, t.shape[-1]
    p, h, d = spec.proj_size, spec.hidden_size, spec.num_directions if t.name == "output" else 1
    if t.name in ("c_n", "c_0"):
        return _with(t.shape, i, p), text("exp.proj_c", i=i, p=p, h=h)
    key = "exp.proj_h_2dir" if d == 2 else "exp.proj_h"
    return _with(t.shape, i, h * d), text(key, i=i, p=p, h=h, f=f, got=h * d)


def _batch_axis(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    """Unbatched: the batch axis kept (as 1); batched: the batch axis dropped."""
    axis = 1 if t.name in STATES or not spec.batch_first else 0
    if spec.unbatched:
        return (*t.shape[:axis], 1, *t.shape[axis:]), text("exp.unbatched", name=t.name)
    dropped = (*t.shape[:axis], *t.shape[axis + 1 :])
    return dropped, text("exp.batch_kept", name=t.name, i=axis, n=spec.batch_size)


def _layout(spec: Spec, t: Tensor) -> tuple[tuple[int, ...], str] | None:
    if t.name not in SEQUENCES or spec.unbatched:
        return None
    swapped = (t.shape[1], t.shape[0], t.shape[2])
    key = "exp.layout_bf" if spec.batch_first else "exp.layout_sf"
    return swapped, text(key, name=t.name, shape=comma_list(t.shape))


class Misconception(NamedTuple):
    id: str  # the rule's name: doubled_state, rows_layers, ... (`rnnx why` lists it as a cause)
    shape: tuple[int, ...]  # the shape its holder writes
    why: str


RULES: tuple[Rule, ...] = (
    _doubled_state,
    _output_without_x2,
    _projection,
    _batch_first_state,
    _rows_directions,
    _rows_layers,
    _batch_axis,
    _layout,
)


def misconceptions(spec: Spec, t: Tensor) -> Iterator[Misconception]:
    """Every misconception's shape for t, in the order they are tried."""
    for rule in RULES:
        found = rule(spec, t)
        if found is not None:
            yield Misconception(rule.__name__.removeprefix("_"), *found)


def _dimensions(t: Tensor, got: tuple[int, ...]) -> str:
    """No misconception fits: every wrong dimension with what it means."""
    if len(got) != len(t.shape):
        dims = "; ".join(f"{i}: {d.meaning}" for i, d in enumerate(t.dims))
        return text("exp.rank", name=t.name, n=len(t.shape), got=len(got), dims=dims)
    wrong = [
        text("exp.dim", i=i, want=d.size, got=g, meaning=d.meaning)
        for i, (d, g) in enumerate(zip(t.dims, got, strict=True))
        if d.size != g
    ]
    return "; ".join(wrong)


def evaluate(spec: Spec, answers: tuple[Answer, ...]) -> tuple[Expectation, ...]:
    """Each answer against spec's tensors, with the misconception behind a wrong one."""
    by_name = {t.name: t for t in shapes.tensors(spec)}
    out = []
    for name, got in answers:
        t = by_name[name]
        if got == t.shape:
            out.append(Expectation(name, got, t.shape, True, text("exp.holds", name=name)))
            continue
        why = next((m.why for m in misconceptions(spec, t) if m.shape == got), None)
        out.append(Expectation(name, got, t.shape, False, why or _dimensions(t, got)))
    return tuple(out)
