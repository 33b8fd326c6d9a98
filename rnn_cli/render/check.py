"""`rnnx check` as a Rich report, JSON, or Gradescope's results.json. Must not import torch.

JSON keys are English identifiers and stable (tests/test_check_contract.py pins them); the
sentences inside them come from the catalog.
"""

import json
import math
from collections.abc import Callable
from enum import Enum
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
from rnn_cli.spec.choices import Nonlinearity


def diagnosis_text(check: Check, d: Diagnosis) -> str:
    """The mistake in words, with the convention's expectation where it has one."""
    if d.mistake is Mistake.GATE_ORDER:
        return text(
            "mistake.gate_order",
            order=", ".join(d.order),
            expected=", ".join(d.expected),
            convention=check.convention.value,
        )
    if d.mistake is Mistake.ACTIVATION_SWAPPED:
        want = check.spec.activation
        got = Nonlinearity.TANH if want is Nonlinearity.RELU else Nonlinearity.RELU
        return text("mistake.activation_swapped", got=got.value, want=want.value)
    return text(f"mistake.{d.mistake.value}", convention=f"--convention {check.convention.value}")


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


def _verdict(t: TensorCheck) -> str:
    if t.got_shape is None:
        return text("check.not_returned")
    if t.got_shape != t.expected_shape:
        return text("check.shape_differs")
    return text("check.pass" if t.passed else "check.fail")


def _summary(check: Check) -> str:
    if check.failure is not None:
        return text("check.failed_run")
    failed = sum(not t.passed for t in check.tensors)
    key = "check.failed" if failed else "check.passed"
    return text(key, n=failed, total=len(check.tensors), atol=check.atol, rtol=check.rtol)


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
        convention=check.convention.value,
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
            _verdict(t),
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
    parts += _section(text("check.col_first"), first)
    parts += _section(text("check.head_layout"), list(check.conversions))
    if check.failure is not None:
        parts += _section(text("check.head_failure"), [student_text(check.failure.message)])
        if check.failure.traceback:
            parts.append(Text(student_text(check.failure.traceback), style="dim"))
    found = [diagnosis_text(check, d) for d in check.diagnosis]
    if check.square_rerun:
        found.append(text("check.square_rerun", size=check.spec.hidden_size))
    if not check.passed and check.failure is None and not found:
        found = [text("check.no_diagnosis")]
    parts += _section(text("check.head_diagnosis"), found)
    style = "bold green" if check.passed else "bold red"
    parts.append(Text(_summary(check), style=style))
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


def as_dict(check: Check) -> dict[str, Any]:
    failure = check.failure
    return {
        "schema": SCHEMA,
        "target": check.target,
        "convention": check.convention.value,
        "reference": check.reference,
        "atol": check.atol,
        "rtol": check.rtol,
        "passed": check.passed,
        "score": check.score,
        "tensors": [
            {
                "name": t.name,
                "expected_shape": list(t.expected_shape),
                "got_shape": None if t.got_shape is None else list(t.got_shape),
                "passed": t.passed,
                "max_abs_error": _finite(t.max_abs_error),
                "max_rel_error": _finite(t.max_rel_error),
                "first_divergence": _divergence(t.first_divergence),
            }
            for t in check.tensors
        ],
        "diagnosis": [
            {
                "mistake": d.mistake.value,
                "order": list(d.order) or None,
                "says": diagnosis_text(check, d),
            }
            for d in check.diagnosis
        ],
        "square_rerun": check.square_rerun,
        "failure": None
        if failure is None
        else {"kind": failure.kind, "message": failure.message, "traceback": failure.traceback},
        "conversions": list(check.conversions),
    }


def render_json(check: Check) -> str:
    return json.dumps(as_dict(check), indent=2, ensure_ascii=False, allow_nan=False)


def _test_output(check: Check, t: TensorCheck) -> str:
    lines = [f"{shape_text(t.expected_shape)} → {_verdict(t)}"]
    if t.first_divergence is not None:
        lines.append(where_text(t.first_divergence))
    return "\n".join(lines)


def render_gradescope(check: Check) -> str:
    """Gradescope's results.json: one test per returned tensor, worth 1 each."""
    tests: list[dict[str, Any]] = []
    if check.failure is not None:
        failure = [check.failure.message, check.failure.traceback]
        message = "\n".join(student_text(t) for t in failure if t)
        tests.append({"name": text("check.gs_run"), "score": 0, "max_score": 0, "output": message})
    tests += [
        {
            "name": text("check.gs_tensor", name=t.name),
            "score": 1 if t.passed and check.failure is None else 0,
            "max_score": 1,
            "output": _test_output(check, t),
        }
        for t in check.tensors
    ]
    found = [diagnosis_text(check, d) for d in check.diagnosis]
    printed = printed_lines(check)
    said = [text("check.gs_printed"), *printed] if printed else []
    summary = "\n".join([_summary(check), *found, *said])
    score = sum(test["score"] for test in tests)
    return json.dumps(
        {"score": score, "output": summary, "tests": tests}, indent=2, ensure_ascii=False
    )


class CheckFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    GRADESCOPE = "gradescope"


VIEW: dict[CheckFormat, Callable[[Check], RenderableType | str]] = {
    CheckFormat.TABLE: render,
    CheckFormat.JSON: render_json,
    CheckFormat.GRADESCOPE: render_gradescope,
}
