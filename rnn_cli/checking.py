"""`rnnx check`'s one run: the convention's arguments, the student's child process, the grading.

Floor 7 beside pipeline.py: it calls the student backend (and torch, for --reference torch only)
and hands the numbers to grading. Must not import rich or render/.
"""

from dataclasses import dataclass, replace

import numpy as np

from rnn_cli import conventions, grading
from rnn_cli.backends import student
from rnn_cli.catalog import text
from rnn_cli.conventions import Convention
from rnn_cli.grading import Check, Diagnosis
from rnn_cli.reference import Mistake, forward
from rnn_cli.result import Returned
from rnn_cli.spec import Backend, Spec
from rnn_cli.weights import draw

Inputs = tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray | None]


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds of wall-clock time for the child
    memory: int  # bytes of address space for the child


def _expected(spec: Spec, reference: Backend, inputs: Inputs) -> dict[str, np.ndarray]:
    params, x, h0, c0 = inputs
    if reference is not Backend.TORCH:
        return forward(spec, params, x, h0, c0).tensors()
    from rnn_cli.backends import torch_net
    from rnn_cli.weights import Weights

    out, h_n, c_n = torch_net.forward_from(spec, Weights(params, x), h0, c0)
    return {"output": out, "h_n": h_n} | ({} if c_n is None else {"c_n": c_n})


def _student(
    spec: Spec, convention: Convention, target: student.Target, limits: Limits
) -> tuple[Inputs, Returned, tuple[str, ...], tuple[str, ...]]:
    """Draw rnnx's numbers for spec, call the function on them in a child; what came back."""
    weights = draw(spec)
    h0, c0 = conventions.initial_state(spec, convention)
    call = conventions.call(spec, convention, weights.params, weights.x, h0, c0)
    returned = student.run(target, call, limits.timeout, limits.memory)
    return (weights.params, weights.x, h0, c0), returned, call.returns, call.conversions


def _square_diagnosis(
    spec: Spec,
    convention: Convention,
    target: student.Target,
    limits: Limits,
    tolerance: tuple[float, float],
) -> tuple[Diagnosis, ...]:
    """A crash from transposed non-square weights: rerun with input_size = hidden_size and see."""
    square = replace(spec, input_size=spec.hidden_size)
    if spec.input_size == spec.hidden_size or not any(
        f.mistake is Mistake.TRANSPOSED_WEIGHTS for f in grading.faults(square, convention)
    ):
        return ()
    inputs, returned, _, _ = _student(square, convention, target, limits)
    if returned.failure is not None:
        return ()
    found = grading.diagnose(square, convention, inputs, returned.tensors, tolerance)
    return tuple(d for d in found if d.mistake is Mistake.TRANSPOSED_WEIGHTS)


def check(
    spec: Spec,
    convention: Convention,
    target: student.Target,
    reference: Backend,
    tolerance: tuple[float, float],
    limits: Limits,
) -> Check:
    """Grade target's function on spec's network under convention."""
    spec = conventions.fit(spec, convention)
    inputs, returned, names, notes = _student(spec, convention, target, limits)
    expected = _expected(spec, reference, inputs)
    tensors = grading.grade(spec, names, expected, returned.tensors, tolerance)
    diagnosis: tuple[Diagnosis, ...] = ()
    square = False
    if returned.failure is not None and returned.failure.kind == "exception":
        diagnosis = _square_diagnosis(spec, convention, target, limits, tolerance)
        square = bool(diagnosis)
    elif returned.failure is None and not all(t.passed for t in tensors):
        diagnosis = grading.diagnose(spec, convention, inputs, returned.tensors, tolerance)
    return Check(
        target=target.shown,
        convention=convention,
        reference=reference.value,
        atol=tolerance[0],
        rtol=tolerance[1],
        conversions=(*notes, text("check.conv_h0")),
        tensors=tensors,
        diagnosis=diagnosis,
        failure=returned.failure,
        square_rerun=square,
        spec=spec,
    )
