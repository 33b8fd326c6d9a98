"""The slices a module after a recurrent layer may read of its results, each with the numpy that
computes it: the right ones (recipes' expressions, the whole output, the mean over time, ...) and
the known wrong twins, each with its finding id, why it is wrong and the expression that fixes it.

A wrong twin comes from recipes where recipes has it (it differs there by construction), else it
is one of the misreadings of issue 19, built as an expression tree like recipes' own. Matching is
bit for bit: a value is named only when it equals a reading exactly.
Must not import torch, rich, render or cli.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rnn_cli.catalog.lookup import text
from rnn_cli.findings import recipes
from rnn_cli.findings.expression import Cat, Code, Node, Permute, Pick, Reshape, step
from rnn_cli.findings.slices import Arrays, Take
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Reading:
    expression: str
    take: Take
    mistake: str | None = None  # the finding's id when a module reads this
    why: str = ""
    fix: str | None = None


@dataclass(frozen=True)
class Slice:
    """A reading computed on one run's arrays."""

    reading: Reading
    value: np.ndarray


def _read(code: Node, mistake: str | None = None, why: str = "", fix: str | None = None) -> Reading:
    """A reading whose text and value come from one expression tree."""
    return Reading(code.text, code.value, mistake, why, fix)


def _node(code: Code | None) -> Node | None:
    """The plans read here are expressions; a statement (the initial state) is never read."""
    return code if isinstance(code, Node) else None


def _padded(spec: Spec) -> bool:
    return spec.lengths is not None and min(spec.lengths) < max(spec.lengths)


def _plan_mistake(plan: recipes.Plan, spec: Spec) -> str:
    if plan.name == "summary":
        if not spec.bidirectional:
            return "h_n_first_layer"
        return "last_step_padded" if _padded(spec) else "last_step_bidirectional"
    return {"last_valid": "last_step_padded", "top_directions": "h_n_view_mixes_batch"}[plan.name]


def _plans(spec: Spec) -> list[recipes.Plan]:
    plans = [recipes.summary(spec)]
    if spec.bidirectional and not spec.unbatched and spec.batch_size > 1:
        plans.append(recipes.top_directions(spec))
    if spec.lengths:
        plans.append(recipes.last_valid(spec))
    if spec.num_layers * spec.num_directions > 1:
        plans.append(recipes.layers_directions(spec))
    return plans


def _from_recipes(spec: Spec) -> tuple[list[Reading], list[Reading]]:
    right, wrong = [], []
    for plan in _plans(spec):
        code, twin = _node(plan.code), _node(plan.wrong)
        if code is None:
            continue
        right.append(_read(code))
        if twin is not None:
            mistake = _plan_mistake(plan, spec)
            wrong.append(_read(twin, mistake, plan.wrong_why or "", code.text))
    return right, wrong


def _time_axis(spec: Spec) -> int:
    return 1 if spec.batch_first and not spec.unbatched else 0


def _whole(spec: Spec) -> list[Reading]:
    """The whole output, its first step and its mean over time (torch computes the mean, so the
    flow hands it in as "mean": numpy's summation order would not match bit for bit)."""
    return [
        _read(Pick("output")),
        _read(step(spec, 0)),
        Reading(f"output.mean(dim={_time_axis(spec)})", lambda a: a["mean"]),
    ]


def _misreadings(spec: Spec, summary: str) -> list[Reading]:
    """Issue 19's wrong twins that recipes does not list."""
    found = []
    if spec.bidirectional:
        why = text("inspect.why_backward_only")
        found.append(_read(Pick("h_n", (-1,)), "h_n_backward_only", why, summary))
    if spec.cell is Cell.LSTM:
        top: Node = Pick("c_n", (-1,))
        c_n = Cat((Pick("c_n", (-2,)), top)) if spec.bidirectional else top
        found.append(_read(c_n, "c_n_as_hidden", text("inspect.why_c_n"), summary))
    if spec.num_layers > 1 and not spec.unbatched:
        flat = Reshape(Permute(Pick("h_n"), (1, 0, 2)), (spec.batch_size, -1))
        why = text("inspect.why_flat_all", layers=spec.num_layers)
        found.append(_read(flat, "h_n_all_layers", why, summary))
    return found


def readings(spec: Spec) -> tuple[Reading, ...]:
    """Every reading of spec's results: the right ones first, so a value both a right and a
    wrong reading give (one layer, one direction, one step) is never called a mistake."""
    right, wrong = _from_recipes(spec)
    last = step(spec, -1)
    if not any(r.expression == last.text for r in wrong) and not _padded(spec):
        right.append(_read(last))  # output's last step is the summary here
    return (*right, *_whole(spec), *wrong, *_misreadings(spec, right[0].expression))


def computed(spec: Spec, arrays: Arrays) -> tuple[Slice, ...]:
    """Each reading of spec on one run's arrays (one that does not apply to them is skipped)."""
    found = []
    for reading in readings(spec):
        try:
            found.append(Slice(reading, reading.take(arrays)))
        except (IndexError, KeyError, ValueError):
            continue
    return tuple(found)
