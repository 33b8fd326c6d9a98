"""Recipes: the slices students actually need (a classifier's summary, a layer's or direction's
state, each sequence's last real step, the initial state), each an expression to paste with this
network's numbers, checked on this run's tensors, and beside it the common wrong version where
one exists, checked to differ.

`holds` is None when nothing ran (--backend analytic): a recipe is only ever called true on
numbers. A wrong twin is listed only where it differs by construction (not merely by chance),
so rnnx never shows one that coincides with the right expression in this configuration.

Pure function of (Spec, Result). Must not import torch, rich or the backends package, nor numpy
itself: the readings in slices load it when they read a run's arrays, so an unchecked recipe
(--backend analytic) costs no numpy import.
"""

from dataclasses import dataclass

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.slices import (
    Arrays,
    Take,
    backward_final,
    batch,
    constant,
    counted,
    forward_final,
    identical,
    joined,
    last_step,
    own_last,
    stacked,
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
    """A recipe before the numbers: its expression, what it must equal, and its wrong twin."""

    name: str
    expression: str
    shape: tuple[int, ...] | None
    purpose: str
    value: Take  # the expression, computed in numpy
    reference: Take  # what it must equal, read another way (from output when it reads h_n)
    wrong: str | None = None
    wrong_why: str | None = None
    wrong_value: Take | None = None


def _summary_value(spec: Spec) -> Take:
    if spec.bidirectional:
        return joined([lambda a: a["h_n"][-2], lambda a: a["h_n"][-1]])
    return lambda a: a["h_n"][-1]


def _summary_reference(spec: Spec) -> Take:
    fwd, bwd = forward_final(spec), backward_final(spec)
    if not spec.bidirectional:
        return fwd
    return joined([fwd, bwd])


def _last_step_why(spec: Spec) -> str:
    """Why output's last step is no summary: padding for the short sequences of a packed batch."""
    padded = spec.lengths is not None and min(spec.lengths) < max(spec.lengths)
    return "recipe.summary_wrong_padded" if padded else "recipe.summary_wrong_last"


def summary(spec: Spec) -> Plan:
    n = batch(spec)
    if not spec.bidirectional:
        wrong = "h_n[0]" if spec.num_layers > 1 else None
        return Plan(
            "summary",
            "h_n[-1]",
            (*n, spec.h_out),
            text("recipe.summary"),
            _summary_value(spec),
            _summary_reference(spec),
            wrong,
            text("recipe.summary_wrong_layer") if wrong else None,
            (lambda a: a["h_n"][0]) if wrong else None,
        )
    label, take = last_step(spec)
    ok = spec.seq_len > 1  # with one step, t = L - 1 is t = 0: output[:, -1] is the summary
    return Plan(
        "summary",
        "torch.cat([h_n[-2], h_n[-1]], dim=-1)",
        (*n, 2 * spec.h_out),
        text("recipe.summary_2dir"),
        _summary_value(spec),
        _summary_reference(spec),
        label if ok else None,
        text(_last_step_why(spec)) if ok else None,
        take if ok else None,
    )


def classifier(spec: Spec) -> Plan:
    features = spec.num_directions * spec.h_out
    summary_of = _summary_value(spec)
    wrong = f"nn.Linear(in_features={spec.h_out}, ...)"
    return Plan(
        "classifier",
        f"nn.Linear(in_features={features}, out_features=num_classes)",
        None,
        text("recipe.classifier"),
        counted(lambda a: summary_of(a).shape[-1]),
        constant(features),
        wrong if spec.bidirectional else None,
        text("recipe.classifier_wrong", h=spec.h_out) if spec.bidirectional else None,
        constant(spec.h_out) if spec.bidirectional else None,
    )


def layers_directions(spec: Spec) -> Plan:
    """h_n as [layer, direction, (batch,) features]; its top layer read back from output."""
    dims = (spec.num_layers, spec.num_directions, *batch(spec), spec.h_out)
    fwd, bwd = forward_final(spec), backward_final(spec)
    finals = [fwd, bwd] if spec.bidirectional else [fwd]
    key = "recipe.layers_directions_2dir" if spec.bidirectional else "recipe.layers_directions"
    return Plan(
        "layers_directions",
        f"h_n.view({', '.join(map(str, dims))})",
        dims,
        text(key),
        lambda a: a["h_n"].reshape(dims)[-1],
        stacked(finals),
    )


def top_directions(spec: Spec) -> Plan:
    """The summary from h_n's last two rows: permute the batch first, then flatten."""
    n, h = spec.batch_size, spec.h_out
    return Plan(
        "top_directions",
        f"h_n[-2:].permute(1, 0, 2).reshape({n}, -1)",
        (n, 2 * h),
        text("recipe.top_directions"),
        lambda a: a["h_n"][-2:].transpose(1, 0, 2).reshape(n, -1),
        _summary_value(spec),
        f"h_n[-2:].view({n}, -1)",
        text("recipe.top_directions_wrong"),
        lambda a: a["h_n"][-2:].reshape(n, -1),
    )


def last_valid(spec: Spec) -> Plan:
    """Packed: each sequence's last real output (forward), checked against h_n's top row."""
    features = f":{spec.h_out}" if spec.bidirectional else ""
    label, take = own_last(spec, features)
    wrong, wrong_value = last_step(spec, features)
    lengths = spec.lengths or ()
    padded = min(lengths) < max(lengths)  # else every sequence runs all L steps
    row = -2 if spec.bidirectional else -1
    return Plan(
        "last_valid",
        label,
        (spec.batch_size, spec.h_out),
        text("recipe.last_valid"),
        take,
        lambda a: a["h_n"][row],
        wrong if padded else None,
        text("recipe.last_valid_wrong") if padded else None,
        wrong_value if padded else None,
    )


def backward_done(spec: Spec) -> Plan:
    """The backward direction's final state: at t = 0, for every sequence, packed or not."""
    h = spec.h_out
    if spec.unbatched:
        label = f"output[0, {h}:]"
    else:
        label = f"output[:, 0, {h}:]" if spec.batch_first else f"output[0, :, {h}:]"
    if spec.lengths:
        wrong, wrong_value = own_last(spec, f"{h}:")
        why, key = text("recipe.backward_wrong_packed"), "recipe.backward_packed"
    else:
        wrong, wrong_value = last_step(spec, f"{h}:")
        why, key = text("recipe.backward_wrong"), "recipe.backward"
    ok = spec.seq_len > 1  # one step: where it starts is where it ends
    return Plan(
        "backward_final",
        label,
        (*batch(spec), h),
        text(key),
        backward_final(spec),
        lambda a: a["h_n"][-1],
        wrong if ok else None,
        why if ok else None,
        wrong_value if ok else None,
    )


def _zeros(dims: tuple[int, ...]) -> str:
    return f"torch.zeros({', '.join(map(str, dims))})"


def initial_state(spec: Spec) -> Plan:
    """h_0 (c_0): optional, zeros when left out, shaped like h_n (c_n) whatever batch_first."""
    rows, n = spec.num_layers * spec.num_directions, batch(spec)
    h_0, c_0 = (rows, *n, spec.h_out), (rows, *n, spec.hidden_size)
    lstm = spec.cell is Cell.LSTM
    names = ("h_n", "c_n") if lstm else ("h_n",)
    expected = h_0 + c_0 if lstm else h_0
    expression = f"h_0 = {_zeros(h_0)}"
    swapped = (*n, rows, spec.h_out)
    wrong = f"h_0 = {_zeros(swapped)}"
    if lstm:
        expression = f"h_0, c_0 = {_zeros(h_0)}, {_zeros(c_0)}"
        wrong = f"h_0, c_0 = {_zeros(swapped)}, {_zeros((*n, rows, spec.hidden_size))}"
        swapped += (*n, rows, spec.hidden_size)
    # a batch-first student puts the batch first here too; it shows only where it differs
    confusable = spec.batch_first and not spec.unbatched and spec.batch_size != rows
    return Plan(
        "initial_state",
        expression,
        h_0,
        text("recipe.initial_state_lstm" if lstm else "recipe.initial_state", name=spec.cell.value),
        counted(lambda a: [d for name in names for d in a[name].shape]),
        constant(expected),
        wrong if confusable else None,
        text("recipe.initial_state_wrong") if confusable else None,
        constant(swapped) if confusable else None,
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


def _checked(plan: Plan, arrays: Arrays | None) -> Recipe:
    holds = differs = None
    if arrays is not None:
        value = plan.value(arrays)
        holds = identical(value, plan.reference(arrays))  # copies of the same h_t: bit for bit
        if plan.wrong_value is not None:
            differs = not identical(plan.wrong_value(arrays), value)
    return Recipe(
        plan.name,
        plan.expression,
        plan.shape,
        plan.purpose,
        holds,
        plan.wrong,
        plan.wrong_why,
        differs,
    )


def check(spec: Spec, result: Result | None) -> tuple[Recipe, ...]:
    """Every recipe for spec, checked on result's tensors (unchecked, None, when nothing ran)."""
    arrays = None
    if result is not None:
        arrays = {"output": result.output, "h_n": result.h_n}
        if result.c_n is not None:
            arrays["c_n"] = result.c_n
    return tuple(_checked(p, arrays) for p in plans(spec))
