"""The one way any command runs a configuration: the memory guard, the seeded draw, the backend,
then the findings (a Report, or a Comparison for `compare`; a Lesson for `explain`).

Never prints or exits. Must not import render/, rich or torch (backends load it on demand).
compare's findings (and the numpy they compute with) load only when compare runs: `shape` and
`sweep` import this module too, and their analytic path imports no numpy (issue 12).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from rnn_cli.backends.dispatch import require_device, run
from rnn_cli.base import machine
from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.findings.expectations import Answer
from rnn_cli.findings.report import Report, build
from rnn_cli.network import shapes
from rnn_cli.network.lesson import Lesson
from rnn_cli.network.lesson import lesson as network_lesson
from rnn_cli.network.result import Result
from rnn_cli.network.weights import Weights, draw
from rnn_cli.spec import grid
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec, validate_backend
from rnn_cli.spec.sizes import human_bytes, parse_bytes

if TYPE_CHECKING:
    from rnn_cli.findings.comparison import Comparison


@dataclass(frozen=True)
class Budget:
    bytes: int  # the most a computing run may be estimated to need
    source: str  # where the figure came from, for the error message


@dataclass(frozen=True)
class Run:
    report: Report
    weights: Weights | None  # None: the analytic backend computed nothing
    result: Result | None


def memory_budget(max_memory: str | None) -> Budget | None:
    """--max-memory, else half of what the machine has free; None when the OS will not say."""
    if max_memory is not None:
        return Budget(parse_bytes("--max-memory", max_memory), f"--max-memory {max_memory}")
    available = machine.available_bytes()
    if available is None:
        return None
    return Budget(available // 2, text("budget.half", free=human_bytes(available)))


def check_memory(spec: Spec, budget: Budget | None, estimate: int | None = None) -> None:
    """The memory guard: refuse, before anything is allocated, a run estimated past the budget
    (estimate: a command's own peak, such as compare's; shapes.memory_bytes by default)."""
    estimate = shapes.memory_bytes(spec) if estimate is None else estimate
    if budget is not None and estimate > budget.bytes:
        raise SpecError(
            text(
                "error.memory",
                need=human_bytes(estimate),
                budget=human_bytes(budget.bytes),
                source=budget.source,
            )
        )


def shape(
    spec: Spec, backend: Backend, budget: Budget | None, answers: tuple[Answer, ...] = ()
) -> Run:
    """What `shape` (and each sweep row) reports: arithmetic alone with analytic, else a run;
    answers are the student's --expect shapes, checked in the report."""
    validate_backend(spec, backend)
    if backend is Backend.ANALYTIC:
        return Run(build(spec, backend, None, answers), None, None)
    check_memory(spec, budget)
    weights = draw(spec)
    result = run(spec, backend, weights)
    return Run(build(spec, backend, result, answers), weights, result)


def lesson(spec: Spec) -> Lesson:
    """What `explain` teaches: one time step's equations and every term's shape (nothing runs)."""
    return network_lesson(spec)


def report(spec: Spec) -> Report:
    """What `code` writes a script for: the arithmetic alone (nothing runs here, so a script
    for --device cuda is written too)."""
    return build(spec, Backend.ANALYTIC, None)


def compare(
    spec: Spec,
    others: tuple[Cell, ...],
    backends: tuple[Backend, ...],
    atol: float | None,
    repeat: int,
    budget: Budget | None,
) -> Comparison:
    """The same seeded numbers through every backend; the guard counts every backend's tensors,
    which compare holds at once, and the default tolerance grows with the longest sum."""
    from rnn_cli.findings import comparison

    for backend in backends:
        validate_backend(spec, backend)
    check_memory(spec, budget, comparison.memory_bytes(spec, len(backends)))
    weights = draw(spec)
    results = {b: run(spec, b, weights, repeat) for b in backends}
    tolerance = comparison.default_atol(spec) if atol is None else atol
    return comparison.build(spec, others, results, tolerance, repeat)


def refuse_any(specs: Sequence[Spec], backend: Backend, budget: Budget | None) -> None:
    """Every backend and memory check of a sweep, before its first run."""
    keys = grid.varied([asdict(spec) for spec in specs])
    for i, spec in enumerate(specs, 1):
        try:
            validate_backend(spec, backend)
            if backend is not Backend.ANALYTIC:
                check_memory(spec, budget)
            require_device(spec, backend)
        except SpecError as e:
            label = grid.label(spec, keys)
            raise SpecError(text("error.in_config", i=i, n=len(specs), label=label, error=e)) from e
