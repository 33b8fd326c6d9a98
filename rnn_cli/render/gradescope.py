"""`rnnx check -f gradescope`: Gradescope's results.json for one submission, valid even when
nothing could be graded. Must not import torch.
"""

import json
from typing import Any

from rnn_cli.catalog.lookup import text
from rnn_cli.grading.verdict import Check, TensorCheck
from rnn_cli.render.check import (
    diagnosis_text,
    draws_text,
    printed_lines,
    student_text,
    summary,
    verdict_cell,
    where_text,
)
from rnn_cli.render.plain import shape_text


def _test_output(check: Check, t: TensorCheck) -> str:
    if t.got_shape is not None and t.shape_says is not None:
        got, want = shape_text(t.got_shape), shape_text(t.expected_shape)
        return text("check.gs_shape", want=want, got=got, why=t.shape_says)
    lines = [f"{shape_text(t.expected_shape)} → {verdict_cell(t)}"]
    if t.first_divergence is not None:
        lines.append(where_text(t.first_divergence))
    return "\n".join(lines)


def render_gradescope(check: Check, max_score: float | None = None) -> str:
    """Gradescope's results.json: one test per returned tensor, max_score shared among them."""
    tests: list[dict[str, Any]] = []
    if check.failure is not None:
        failure = [check.failure.message, check.failure.traceback]
        message = "\n".join(student_text(t) for t in failure if t)
        tests.append({"name": text("check.gs_run"), "score": 0, "max_score": 0, "output": message})
    each = 1.0 if max_score is None else max_score / max(len(check.tensors), 1)
    tests += [
        {
            "name": text("check.gs_tensor", name=t.name),
            "score": each if t.passed and check.failure is None else 0,
            "max_score": each,
            "output": _test_output(check, t),
        }
        for t in check.tensors
    ]
    found = [diagnosis_text(check, d) for d in check.diagnosis]
    printed = printed_lines(check)
    heard = [text("check.gs_printed"), *printed] if printed else []
    said = "\n".join([summary(check), *found, *draws_text(check), *heard])
    score = sum(test["score"] for test in tests)
    doc: dict[str, Any] = {"score": score, "output": said, "tests": tests}
    if max_score is not None:
        doc["max_score"] = max_score
    return json.dumps(doc, indent=2, ensure_ascii=False)


def gradescope_refusal(reason: str) -> str:
    """A results.json for a run that could not grade at all: score 0, the reason as output."""
    return json.dumps({"score": 0, "output": reason, "tests": []}, indent=2, ensure_ascii=False)
