"""`rnnx check` as a Rich report, JSON, or Gradescope's results.json. Must not import torch.

JSON keys are English identifiers and stable (tests/test_check_contract.py pins them); the
sentences inside them come from the catalog.
"""

import json
import math
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rnn_cli.base.safe import escape
from rnn_cli.catalog.lookup import text
from rnn_cli.grading.reference import Mistake
from rnn_cli.grading.verdict import SCHEMA, Check, Diagnosis, Divergence, TensorCheck
from rnn_cli.render.plain import shape_text
from rnn_cli.spec.choices import Convention, Nonlinearity

# W_hh transposed, in each convention's own names (cs231n's Wh is already W_hhᵀ)
TRANSPOSED_W_HH = {
    Convention.LOOP: "mistake.transposed_w_hh_loop",
    Convention.CS231N: "mistake.transposed_w_hh_cs231n",
}


def convention_name(check: Check) -> str:
    return "—" if check.convention is None else check.convention.value


def diagnosis_text(check: Check, d: Diagnosis) -> str:
    """The mistake in words, with the convention's expectation where it has one."""
    if d.mistake is Mistake.GATE_ORDER:
        return text(
            "mistake.gate_order",
            order=", ".join(d.order),
            expected=", ".join(d.expected),
            convention=convention_name(check),
        )
    if d.mistake is Mistake.ACTIVATION_SWAPPED:
        want = check.spec.activation
        got = Nonlinearity.TANH if want is Nonlinearity.RELU else Nonlinearity.RELU
        return text("mistake.activation_swapped", got=got.value, want=want.value)
    if d.mistake is Mistake.TRANSPOSED_W_HH and check.convention in TRANSPOSED_W_HH:
        return text(TRANSPOSED_W_HH[check.convention])
    return text(f"mistake.{d.mistake.value}", convention=f"--convention {convention_name(check)}")


def _mistakes(check: Check, found: tuple[Diagnosis, ...]) -> str:
    return "; ".join(diagnosis_text(check, d) for d in found)


def draws_text(check: Check) -> list[str]:
    """Why the function ran on more than its own seed, and what that showed."""
    if not check.seeds:  # it never ran
        return []
    first, more = check.seeds[0], check.seeds[1:]
    lines = []
    if more:
        fields = {"first": first, "seeds": ", ".join(map(str, more))}
        if check.hidden:
            lines.append(
                text("check.drawn_hidden", mistakes=_mistakes(check, check.hidden), **fields)
            )
        else:
            lines.append(text("check.drawn_apart", **fields))
    if check.spec.seed != first:
        lines.append(text("check.failed_on_draw", first=first, seed=check.spec.seed))
    if check.unseen:
        lines.append(text("check.unseen", mistakes=_mistakes(check, check.unseen)))
    return lines


def shape_lines(check: Check) -> list[str]:
    """Each tensor of the wrong shape: the student's beside the expected, and the misconception."""
    return [
        text(
            "check.shape_line",
            name=t.name,
            got=shape_text(t.got_shape),
            want=shape_text(t.expected_shape),
            why=t.shape_says,
        )
        for t in check.tensors
        if t.got_shape is not None and t.shape_says is not None
    ]


def where_text(d: Divergence) -> str:
    parts = [
        text(key, **{field: value})
        for key, field, value in (
            ("check.where_time", "t", d.time_step),
            ("check.where_layer", "layer", d.layer),
            ("check.where_direction", "d", d.direction),
            ("check.where_batch", "b", d.batch_row),
            ("check.where_feature", "f", d.feature),
        )
        if value is not None
    ]
    return text("check.at", where=", ".join(parts), expected=d.expected, got=d.got)


def verdict_cell(t: TensorCheck) -> str:
    """A tensor's verdict in a word or two: pass, FAIL, shape differs, not returned."""
    if t.got_shape is None:
        return text("check.not_returned")
    if t.got_shape != t.expected_shape:
        return text("check.shape_differs")
    return text("check.pass" if t.passed else "check.fail")


def summary(check: Check) -> str:
    if check.failure is not None:
        return text("check.failed_run")
    for t in check.tensors:
        if t.got_shape is not None and t.got_shape != t.expected_shape:
            got, want = shape_text(t.got_shape), shape_text(t.expected_shape)
            return text("check.failed_shape", name=t.name, got=got, want=want)
    failed = sum(not t.passed for t in check.tensors)
    key = "check.failed" if failed else "check.passed"
    return text(key, n=failed, total=len(check.tensors), atol=check.atol, rtol=check.rtol)


def verdict_line(check: Check) -> str:
    """The check in one line, for a class's table and gradebook: pass, or what went wrong."""
    if check.passed:
        return text("check.pass")
    if check.failure is not None:
        return escape(check.failure.message)
    found = [diagnosis_text(check, d) for d in check.diagnosis]
    return "; ".join(found or shape_lines(check) or [summary(check)])


def student_text(raw: str) -> str:
    """A student's text (their exception, their prints) safe to show: each line escaped, so no
    escape sequence reaches the terminal (already cut to its first and last lines)."""
    return "\n".join(escape(line.expandtabs(4)) for line in raw.splitlines())


def printed_lines(check: Check) -> list[str]:
    """What the student's function printed, stdout then stderr, escaped; a note if cut."""
    shown = [student_text(t) for t in (check.printed.stdout, check.printed.stderr) if t.strip()]
    return [*shown, text("check.printed_cut")] if shown and check.printed.cut else shown


def _tensor_table(check: Check) -> Table:
    title = text(
        "check.title",
        target=check.target,
        convention=convention_name(check),
        reference=check.reference,
    )
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(text("col.tensor"), style="bold cyan", no_wrap=True)
    table.add_column(text("check.col_expected"), no_wrap=True)
    for key in ("check.col_got", "check.col_verdict", "check.col_max_abs", "check.col_max_rel"):
        table.add_column(text(key), no_wrap=True)
    for t in check.tensors:
        table.add_row(
            t.name,
            shape_text(t.expected_shape),
            "" if t.got_shape is None else shape_text(t.got_shape),
            verdict_cell(t),
            "" if t.max_abs_error is None else f"{t.max_abs_error:.3g}",
            "" if t.max_rel_error is None else f"{t.max_rel_error:.3g}",
        )
    return table


def _section(head: str, lines: list[str]) -> list[RenderableType]:
    """A bold head and its bullets, each wrapped under its own first word."""
    if not lines:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        grid.add_row("  •", Text(line))
    return [Text(head, style="bold"), grid]


def render(check: Check) -> RenderableType:
    parts: list[RenderableType] = [_tensor_table(check)]
    first = [
        f"{t.name}: {where_text(t.first_divergence)}" for t in check.tensors if t.first_divergence
    ]
    dims = [
        f"{t.name} {shape_text(t.expected_shape)}: "
        + " · ".join(f"{i}: {m}" for i, m in enumerate(t.meanings))
        for t in check.tensors
    ]
    parts += _section(text("col.dims"), dims)
    parts += _section(text("check.head_shape"), shape_lines(check))
    parts += _section(text("check.col_first"), first)
    chosen = [] if check.detected is None else [check.detected]
    parts += _section(text("check.head_layout"), [*chosen, *check.conversions])
    parts += _section(text("check.head_draws"), draws_text(check))
    if check.failure is not None:
        parts += _section(text("check.head_failure"), [student_text(check.failure.message)])
        if check.failure.traceback:
            parts.append(Text(student_text(check.failure.traceback), style="dim"))
    found = [diagnosis_text(check, d) for d in check.diagnosis]
    if check.square_rerun:
        found.append(text("check.square_rerun", size=check.spec.hidden_size))
    if not check.passed and check.failure is None and not found and not shape_lines(check):
        found = [text("check.no_diagnosis")]  # a wrong shape has its own section
    head = "check.head_ambiguous" if check.ambiguous else "check.head_diagnosis"
    parts += _section(text(head), found)
    style = "bold green" if check.passed else "bold red"
    parts.append(Text(summary(check), style=style))
    printed = printed_lines(check)
    if printed:
        parts += [Text(text("check.head_printed"), style="bold"), Text("\n".join(printed))]
    return Group(*parts)


def _finite(x: float | None) -> float | str | None:
    """JSON has no inf or NaN: a student's NaN or overflow is written as the string "nan"/"inf"."""
    return x if x is None or math.isfinite(x) else str(x)


def _divergence(d: Divergence | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "index": list(d.index),
        "time_step": d.time_step,
        "layer": d.layer,
        "direction": d.direction,
        "batch_row": d.batch_row,
        "feature": d.feature,
        "expected": _finite(d.expected),
        "got": _finite(d.got),
    }


def _tensor(t: TensorCheck) -> dict[str, Any]:
    return {
        "name": t.name,
        "expected_shape": list(t.expected_shape),
        "got_shape": None if t.got_shape is None else list(t.got_shape),
        "passed": t.passed,
        "max_abs_error": _finite(t.max_abs_error),
        "max_rel_error": _finite(t.max_rel_error),
        "first_divergence": _divergence(t.first_divergence),
        "shape_says": t.shape_says,
    }


def as_dict(check: Check) -> dict[str, Any]:
    failure = check.failure
    return {
        "schema": SCHEMA,
        "target": check.target,
        "convention": None if check.convention is None else check.convention.value,
        "detected": check.detected,
        "reference": check.reference,
        "atol": check.atol,
        "rtol": check.rtol,
        "passed": check.passed,
        "score": check.score,
        "tensors": [_tensor(t) for t in check.tensors],
        "diagnosis": [
            {
                "mistake": d.mistake.value,
                "order": list(d.order) or None,
                "says": diagnosis_text(check, d),
            }
            for d in check.diagnosis
        ],
        "ambiguous": check.ambiguous,
        "square_rerun": check.square_rerun,
        "seed": check.spec.seed,
        "seeds": list(check.seeds),
        "hidden": [d.mistake.value for d in check.hidden],
        "unseen": [d.mistake.value for d in check.unseen],
        "failure": None
        if failure is None
        else {
            "kind": failure.kind.value,
            "message": failure.message,
            "traceback": failure.traceback,
        },
        "conversions": list(check.conversions),
    }


def render_json(check: Check) -> str:
    return json.dumps(as_dict(check), indent=2, ensure_ascii=False, allow_nan=False)
