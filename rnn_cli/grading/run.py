"""`rnnx check`'s one run: the convention's arguments, the student's child process, the verdict.

Floor 7 beside pipeline.py: it calls the student backend (and torch, for --reference torch only)
and hands the numbers to verdict. Must not import rich or render/.
"""

from dataclasses import dataclass, replace

import numpy as np

from rnn_cli.backends.dispatch import torch_from_state
from rnn_cli.grading import conventions, sandbox, verdict
from rnn_cli.grading.protocol import Call, Returned
from rnn_cli.grading.reference import Mistake, forward
from rnn_cli.grading.verdict import Check, Diagnosis, Inputs
from rnn_cli.network.weights import Weights, draw
from rnn_cli.spec.choices import Backend, Convention
from rnn_cli.spec.config import Spec


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds of wall-clock time for the child
    memory: int  # bytes of address space for the child


def prepare(spec: Spec, convention: Convention) -> tuple[Inputs, Call]:
    """rnnx's numbers for spec (as `conventions.fit` returned it) and the call made of them."""
    weights = draw(spec)
    h0, c0 = conventions.initial_state(spec, convention)
    call = conventions.call(spec, convention, weights.params, weights.x, h0, c0)
    return (weights.params, weights.x, h0, c0), call


def expected(spec: Spec, reference: Backend, inputs: Inputs) -> dict[str, np.ndarray]:
    """The correct tensors: the float64 reference, or torch for --reference torch."""
    params, x, h0, c0 = inputs
    if reference is not Backend.TORCH:
        return forward(spec, params, x, h0, c0).tensors()
    return torch_from_state(spec, Weights(params, x), h0, c0)  # imports torch, only here


def judge(
    spec: Spec,
    call: Call,
    inputs: Inputs,
    returned: Returned,
    want: dict[str, np.ndarray],
    tolerance: tuple[float, float],
) -> tuple[tuple[verdict.TensorCheck, ...], tuple[Diagnosis, ...]]:
    """Each tensor graded; the mistakes that explain a failing one (none when all pass)."""
    tensors = verdict.grade(spec, call.returns, want, returned.tensors, tolerance)
    if returned.failure is not None or all(t.passed for t in tensors):
        return tensors, ()
    return tensors, verdict.diagnose(spec, call.convention, inputs, returned.tensors, tolerance)


def _square_rerun(
    spec: Spec,
    convention: Convention,
    target: sandbox.Target,
    limits: Limits,
    tol: tuple[float, float],
) -> tuple[Diagnosis, ...]:
    """A crash from transposed non-square weights: rerun with input_size = hidden_size and see."""
    square = replace(spec, input_size=spec.hidden_size)
    faults = verdict.faults(square, convention)
    if spec.input_size == spec.hidden_size or Mistake.TRANSPOSED_WEIGHTS not in {
        f.mistake for f in faults
    }:
        return ()
    inputs, call = prepare(square, convention)
    returned = sandbox.run(target, call, limits.timeout, limits.memory)
    if returned.failure is not None:
        return ()
    found = verdict.diagnose(square, convention, inputs, returned.tensors, tol)
    return tuple(d for d in found if d.mistake is Mistake.TRANSPOSED_WEIGHTS)


def check(
    spec: Spec,
    convention: Convention,
    target: sandbox.Target,
    reference: Backend,
    tolerance: tuple[float, float],
    limits: Limits,
) -> Check:
    """Grade target's function on spec's network under convention."""
    spec = conventions.fit(spec, convention)
    inputs, call = prepare(spec, convention)
    returned = sandbox.run(target, call, limits.timeout, limits.memory)
    tensors, diagnosis = judge(
        spec, call, inputs, returned, expected(spec, reference, inputs), tolerance
    )
    crashed = returned.failure is not None and returned.failure.kind == "exception"
    if crashed:
        diagnosis = _square_rerun(spec, convention, target, limits, tolerance)
    return Check(
        target=target.shown,
        convention=convention,
        reference=reference.value,
        atol=tolerance[0],
        rtol=tolerance[1],
        conversions=call.conversions,
        tensors=tensors,
        diagnosis=diagnosis,
        failure=returned.failure,
        spec=spec,
        square_rerun=crashed and bool(diagnosis),
        printed=returned.printed,
    )
