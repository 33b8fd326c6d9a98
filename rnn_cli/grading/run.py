"""`rnnx check`'s one run: the convention's arguments, the student's child process, the verdict.

The function runs on the student's own draw first; where that draw could hide a mistake, or leaves
several mistakes reproducing the numbers, on the few more draws probes.py picks to tell them
apart. Floor 7 beside pipeline.py: it calls the student backend (and torch, for --reference torch
only) and hands the numbers to verdict. Must not import rich or render/.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from rnn_cli.backends.dispatch import torch_from_state
from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.grading import conventions, probes, sandbox, source, verdict
from rnn_cli.grading.conventions import Inputs, prepare
from rnn_cli.grading.protocol import Call, Failure, FailureKind, Returned
from rnn_cli.grading.reference import Mistake, forward
from rnn_cli.grading.target import Missing, Target, parse_target
from rnn_cli.grading.verdict import Check, Diagnosis, TensorCheck
from rnn_cli.network.weights import Weights
from rnn_cli.spec.choices import Backend, Convention
from rnn_cli.spec.config import Spec


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds of wall-clock time for the child
    memory: int  # bytes of address space for the child


Runner = Callable[[Call], Returned]  # calls the student's function: a child process, or a test's


@dataclass(frozen=True)
class Grader:
    """What stays the same across a check's draws."""

    convention: Convention
    runner: Runner
    reference: Backend
    tolerance: tuple[float, float]


@dataclass(frozen=True)
class Draw:
    """One run of the student's function on one seed's numbers, graded."""

    spec: Spec
    inputs: Inputs
    call: Call
    returned: Returned
    tensors: tuple[TensorCheck, ...]

    @property
    def passed(self) -> bool:
        return self.returned.failure is None and all(t.passed for t in self.tensors)


def expected(spec: Spec, reference: Backend, inputs: Inputs) -> dict[str, np.ndarray]:
    """The correct tensors: the float64 reference, or torch for --reference torch."""
    params, x, h0, c0 = inputs
    if reference is not Backend.TORCH:
        return forward(spec, params, x, h0, c0).tensors()
    return torch_from_state(spec, Weights(params, x), h0, c0)  # imports torch, only here


def _draw(spec: Spec, g: Grader) -> Draw:
    inputs, call = prepare(spec, g.convention)
    returned = g.runner(call)
    want = expected(spec, g.reference, inputs)
    return Draw(
        spec,
        inputs,
        call,
        returned,
        verdict.grade(spec, call.returns, want, returned.tensors, g.tolerance),
    )


def _square_rerun(spec: Spec, g: Grader) -> tuple[Diagnosis, ...]:
    """A crash from transposed non-square weights: rerun with input_size = hidden_size and see."""
    square = replace(spec, input_size=spec.hidden_size)
    faults = verdict.faults(square, g.convention)
    if spec.input_size == spec.hidden_size or Mistake.TRANSPOSED_WEIGHTS not in {
        f.mistake for f in faults
    }:
        return ()
    inputs, call = prepare(square, g.convention)
    returned = g.runner(call)
    if returned.failure is not None:
        return ()
    found = verdict.diagnose(square, g.convention, inputs, returned.tensors, g.tolerance)
    return tuple(d for d in found if d.mistake is Mistake.TRANSPOSED_WEIGHTS)


def _confirm(first: Draw, g: Grader) -> tuple[Draw, list[int], list[Diagnosis], list[Diagnosis]]:
    """A pass on the first draw, tried on the draws that show each mistake it could hide.

    Returns the draw to grade (the first one that fails, else the first), the seeds run, the
    mistakes hidden on the first draw, and those no draw tried could show."""
    names = first.call.returns
    hidden = probes.hidden(first.spec, g.convention, names, g.tolerance)
    pairs: list[probes.Pair] = [(None, f) for f in hidden]
    seeds, apart = probes.separating(first.spec, g.convention, pairs, names, g.tolerance)
    unseen = [Diagnosis.of(b) for _, b in apart]
    for k, s in enumerate(seeds):
        d = _draw(replace(first.spec, seed=s), g)
        if not d.passed:
            return d, seeds[: k + 1], [Diagnosis.of(f) for f in hidden], unseen
    return first, seeds, [Diagnosis.of(f) for f in hidden], unseen


def _separate(
    graded: Draw, found: tuple[Diagnosis, ...], g: Grader
) -> tuple[tuple[Diagnosis, ...], list[int]]:
    """Several mistakes reproduce the numbers: the ones that still do on draws that part them."""
    names = graded.call.returns
    pairs = probes.pairs_of(found)
    seeds, _ = probes.separating(graded.spec, g.convention, pairs, names, g.tolerance)
    for k, s in enumerate(seeds):
        d = _draw(replace(graded.spec, seed=s), g)
        if d.returned.failure is not None:
            return found, seeds[: k + 1]
        found = tuple(
            c
            for c in found
            if verdict.reproduces(
                forward(d.spec, *d.inputs, c.fault).tensors(), d.returned.tensors, *g.tolerance
            )
        )
        if len(found) <= 1:
            return found, seeds[: k + 1]
    return found, seeds


def _missing(
    spec: Spec, shown: str, reference: Backend, tol: tuple[float, float], why: str
) -> Check:
    """No file or no function: the student's zero, with what the file does define."""
    failure = Failure(FailureKind.MISSING, why, "")
    return Check(shown, None, reference.value, *tol, (), (), (), failure, spec)


def _runner(target: Target, limits: Limits, hint: str) -> Runner:
    """The student's function called through the sandbox's hardened entry."""

    def runner(call: Call) -> Returned:
        try:
            return sandbox.run(target, call, limits.timeout, limits.memory)
        except SpecError as e:  # the child found no such function: still the student's zero
            return Returned({}, Failure(FailureKind.MISSING, f"{e}{hint}", ""))

    return runner


def check(
    spec: Spec,
    convention: Convention | None,
    raw: str,
    reference: Backend,
    tolerance: tuple[float, float],
    limits: Limits,
) -> Check:
    """Grade raw's function (FILE.py:FUNCTION), run in a child process, on spec's network under
    convention, or the one its signature asks for."""
    if convention is not None:
        conventions.fit(spec, convention)  # the grader's flags, refused before any student's
    try:
        target = parse_target(raw)
    except Missing as e:
        return _missing(spec, raw, reference, tolerance, str(e))
    path = source.path_of(target.module)
    found = None if path is None else source.read(path)
    hint = source.did_you_mean(target.function, found)
    if found is not None and found.lacks(target.function):
        why = text("check.no_function", function=target.function, hint=hint)
        return _missing(spec, raw, reference, tolerance, why)
    detected = None
    if convention is None:
        params = None if found is None else found.names.get(target.function)
        detected = source.detect(target.function, params, spec.cell)
        convention = detected.convention
    g = Grader(convention, _runner(target, limits, hint), reference, tolerance)
    checked = grade(spec, target.shown, g)
    return replace(checked, detected=None if detected is None else detected.why)


def grade(spec: Spec, shown: str, g: Grader) -> Check:
    """Grade the function g.runner calls on spec's network: its own draw, then those probes pick."""
    convention, tolerance = g.convention, g.tolerance
    spec = conventions.fit(spec, convention)
    graded = first = _draw(spec, g)
    seeds = [spec.seed]
    hidden: list[Diagnosis] = []
    unseen: list[Diagnosis] = []
    if first.passed:
        graded, more, hidden, unseen = _confirm(first, g)
        seeds += more
    diagnosis: tuple[Diagnosis, ...] = ()
    failure = graded.returned.failure
    if failure is None and not graded.passed:
        diagnosis = verdict.diagnose(
            graded.spec, convention, graded.inputs, graded.returned.tensors, tolerance
        )
        if len(diagnosis) > 1:
            diagnosis, more = _separate(graded, diagnosis, g)
            seeds += more
    crashed = failure is not None and failure.kind is FailureKind.EXCEPTION
    if crashed:
        diagnosis = _square_rerun(spec, g)
    return Check(
        target=shown,
        convention=convention,
        reference=g.reference.value,
        atol=tolerance[0],
        rtol=tolerance[1],
        conversions=graded.call.conversions,
        tensors=graded.tensors,
        diagnosis=diagnosis,
        failure=failure,
        spec=graded.spec,
        square_rerun=crashed and bool(diagnosis),
        seeds=tuple(seeds),
        hidden=tuple(hidden),
        unseen=tuple(unseen),
        printed=graded.returned.printed,
    )
