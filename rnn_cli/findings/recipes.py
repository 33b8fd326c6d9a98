"""Recipes: the slices students actually need (a classifier's summary, a layer's or direction's
state, each sequence's last real step, the initial state), each code to paste with this network's
numbers, checked on this run's tensors, and beside it the common wrong version where one exists,
checked to differ. Each is one expression tree (expression.py): the text printed and the value
checked come from the same object, against a reference read another way (slices.py).

`holds` is None when nothing ran (--backend analytic): a recipe is only ever called true on
numbers. A wrong twin is listed only where it differs by construction (not merely by chance),
so rnnx never shows one that coincides with the right expression in this configuration.

Pure function of (Spec, Result). Must not import torch, rich or the backends package, nor numpy
itself: the trees and readings load it when they read a run's arrays, so an unchecked recipe
(--backend analytic) costs no numpy import.
"""

from collections.abc import Callable
from dataclasses import dataclass

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.expression import (
    ALL,
    Assign,
    Cat,
    Code,
    Linear,
    Node,
    Permute,
    Pick,
    Reshape,
    Value,
    Zeros,
    own_step,
    step,
)
from rnn_cli.findings.slices import (
    Arrays,
    backward_final,
    batch,
    counted,
    forward_final,
    identical,
    joined,
    lengths,
    stacked,
    zeros_like,
)
from rnn_cli.network.result import Result
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec


@dataclass(frozen=True)
class Recipe:
    name: str  # machine id: summary, classifier, layers_directions, ...
    expression: str  # Python to paste, over torch's output, h_n (and lengths)
    shape: tuple[int, ...] | None  # the expression's value; None for a statement
    purpose: str
    holds: bool | None  # the check on this run's tensors; None when nothing ran
    wrong: str | None = None  # the common wrong version, same purpose
    wrong_why: str | None = None
    wrong_differs: bool | None = None  # it differs from expression on this run's tensors


@dataclass(frozen=True)
class Plan:
    """A recipe before the numbers: its code (printed and computed from one tree), what that code
    must equal, and its wrong twin."""

    name: str
    code: Code
    shape: tuple[int, ...] | None
    purpose: str
    reference: Callable[[Arrays], Value]  # what code must equal, read another way
    wrong: Code | None = None
    wrong_why: str | None = None
    at: tuple[int, ...] = ()  # the part of code's value the reference reads (h_n.view: top layer)


def _summary(spec: Spec) -> Node:
    """The top layer's final state: h_n[-1], or both directions' rows side by side."""
    if spec.bidirectional:
        return Cat((Pick("h_n", (-2,)), Pick("h_n", (-1,))))
    return Pick("h_n", (-1,))


def _last_step_why(spec: Spec) -> str:
    """Why output's last step is no summary: padding for the short sequences of a packed batch."""
    padded = spec.lengths is not None and min(spec.lengths) < max(spec.lengths)
    return "recipe.summary_wrong_padded" if padded else "recipe.summary_wrong_last"


def summary(spec: Spec) -> Plan:
    n, fwd = batch(spec), forward_final(spec)
    if not spec.bidirectional:
        deep = spec.num_layers > 1  # with one layer, h_n[0] is h_n[-1]
        return Plan(
            "summary",
            _summary(spec),
            (*n, spec.h_out),
            text("recipe.summary"),
            fwd,
            Pick("h_n", (0,)) if deep else None,
            text("recipe.summary_wrong_layer") if deep else None,
        )
    ok = spec.seq_len > 1  # with one step, t = L - 1 is t = 0: output[:, -1] is the summary
    return Plan(
        "summary",
        _summary(spec),
        (*n, 2 * spec.h_out),
        text("recipe.summary_2dir"),
        joined([fwd, backward_final(spec)]),
        step(spec, -1) if ok else None,
        text(_last_step_why(spec)) if ok else None,
    )


def classifier(spec: Spec) -> Plan:
    features = spec.num_directions * spec.h_out
    read = _summary(spec)
    return Plan(
        "classifier",
        Linear(features),
        None,
        text("recipe.classifier"),
        counted(lambda a: read.value(a).shape[-1]),
        Linear(spec.h_out) if spec.bidirectional else None,
        text("recipe.classifier_wrong", h=spec.h_out) if spec.bidirectional else None,
    )


def layers_directions(spec: Spec) -> Plan:
    """h_n as [layer, direction, (batch,) features]; its top layer read back from output."""
    dims = (spec.num_layers, spec.num_directions, *batch(spec), spec.h_out)
    fwd, bwd = forward_final(spec), backward_final(spec)
    finals = [fwd, bwd] if spec.bidirectional else [fwd]
    key = "recipe.layers_directions_2dir" if spec.bidirectional else "recipe.layers_directions"
    view = Reshape(Pick("h_n"), dims, "view")
    return Plan("layers_directions", view, dims, text(key), stacked(finals), at=(-1,))


def top_directions(spec: Spec) -> Plan:
    """The summary from h_n's last two rows: permute the batch first, then flatten."""
    n, h, rows = spec.batch_size, spec.h_out, Pick("h_n", (slice(-2, None),))
    return Plan(
        "top_directions",
        Reshape(Permute(rows, (1, 0, 2)), (n, -1)),
        (n, 2 * h),
        text("recipe.top_directions"),
        _summary(spec).value,
        Reshape(rows, (n, -1), "view"),
        text("recipe.top_directions_wrong"),
    )


def last_valid(spec: Spec) -> Plan:
    """Packed: each sequence's last real output (forward), checked against h_n's top row."""
    features = slice(None, spec.h_out) if spec.bidirectional else ALL
    given = spec.lengths or ()
    padded = min(given) < max(given)  # else every sequence runs all L steps
    return Plan(
        "last_valid",
        own_step(spec, features),
        (spec.batch_size, spec.h_out),
        text("recipe.last_valid"),
        Pick("h_n", (-2 if spec.bidirectional else -1,)).value,
        step(spec, -1, features) if padded else None,
        text("recipe.last_valid_wrong") if padded else None,
    )


def backward_done(spec: Spec) -> Plan:
    """The backward direction's final state: at t = 0, for every sequence, packed or not."""
    backward = slice(spec.h_out, None)
    if spec.lengths:
        wrong = own_step(spec, backward)
        why, key = text("recipe.backward_wrong_packed"), "recipe.backward_packed"
    else:
        wrong = step(spec, -1, backward)
        why, key = text("recipe.backward_wrong"), "recipe.backward"
    ok = spec.seq_len > 1  # one step: where it starts is where it ends
    return Plan(
        "backward_final",
        step(spec, 0, backward),
        (*batch(spec), spec.h_out),
        text(key),
        Pick("h_n", (-1,)).value,
        wrong if ok else None,
        why if ok else None,
    )


def _zeros(spec: Spec, *shapes: tuple[int, ...]) -> Assign:
    """h_0 = torch.zeros(...), or h_0, c_0 = ... when two shapes are given."""
    names = ("h_0", "c_0")[: len(shapes)]
    return Assign(names, tuple(Zeros(dims, spec.dtype) for dims in shapes))


def initial_state(spec: Spec) -> Plan:
    """h_0 (c_0): optional, zeros when left out, shaped like h_n (c_n) whatever batch_first."""
    rows, n = spec.num_layers * spec.num_directions, batch(spec)
    lstm = spec.cell is Cell.LSTM
    sizes = (spec.h_out, spec.hidden_size) if lstm else (spec.h_out,)  # h_0's, c_0's features
    h_0 = (rows, *n, spec.h_out)
    # a batch-first student puts the batch first here too; it shows only where it differs
    confusable = spec.batch_first and not spec.unbatched and spec.batch_size != rows
    key = "recipe.initial_state_lstm" if lstm else "recipe.initial_state"
    return Plan(
        "initial_state",
        _zeros(spec, *((rows, *n, size) for size in sizes)),
        h_0,
        text(key, name=spec.cell.value),
        zeros_like(("h_n", "c_n")[: len(sizes)]),
        _zeros(spec, *((*n, rows, size) for size in sizes)) if confusable else None,
        text("recipe.initial_state_wrong") if confusable else None,
    )


def plans(spec: Spec) -> tuple[Plan, ...]:
    """The recipes that apply to spec, the classifier's first."""
    out = [summary(spec), classifier(spec)]
    if spec.bidirectional and not spec.unbatched and spec.batch_size > 1:
        out.append(top_directions(spec))
    if spec.num_layers * spec.num_directions > 1:
        out.append(layers_directions(spec))
    if spec.lengths:
        out.append(last_valid(spec))
    if spec.bidirectional:
        out.append(backward_done(spec))
    out.append(initial_state(spec))
    return tuple(out)


def _same(a: Value, b: Value) -> bool:
    """Bit for bit (see slices.identical), an assignment's arrays one by one."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, tuple) or isinstance(b, tuple):
        return False
    return identical(a, b)


def _part(value: Value, at: tuple[int, ...]) -> Value:
    return value[at] if at and not isinstance(value, tuple) else value


def _checked(plan: Plan, arrays: Arrays | None) -> Recipe:
    holds = differs = None
    if arrays is not None:
        value = plan.code.value(arrays)
        holds = _same(_part(value, plan.at), plan.reference(arrays))  # copies of one h_t
        if plan.wrong is not None:
            differs = not _same(plan.wrong.value(arrays), value)
    return Recipe(
        plan.name,
        plan.code.text,
        plan.shape,
        plan.purpose,
        holds,
        None if plan.wrong is None else plan.wrong.text,
        plan.wrong_why,
        differs,
    )


def arrays_of(spec: Spec, result: Result) -> Arrays:
    """What the recipes' code reads: torch's names for result's tensors, and lengths."""
    arrays = {"output": result.output, "h_n": result.h_n, "lengths": lengths(spec)}
    if result.c_n is not None:
        arrays["c_n"] = result.c_n
    return arrays


def evaluate(spec: Spec, result: Result | None) -> tuple[Recipe, ...]:
    """Every recipe for spec, checked on result's tensors (unchecked, None, when nothing ran)."""
    arrays = None if result is None else arrays_of(spec, result)
    return tuple(_checked(p, arrays) for p in plans(spec))
