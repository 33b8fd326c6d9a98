"""One configuration from Spec to Report, as every command runs it: the memory guard, the seeded
draw, the backend, the report.

A helper of cli.py's commands beside the chain rather than on it: it imports what they need
(render only for human_bytes in its messages) and never prints or exits.
Must not import torch (backends load it on demand) or rich.
"""

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from rnn_cli import grid, machine, shapes
from rnn_cli.backends import run
from rnn_cli.catalog import text
from rnn_cli.errors import SpecError
from rnn_cli.report import Report, build
from rnn_cli.result import Result
from rnn_cli.sizes import human_bytes, parse_bytes
from rnn_cli.spec import Backend, Spec, validate_backend
from rnn_cli.weights import Weights, draw


@dataclass(frozen=True)
class Budget:
    bytes: int  # the most a computing run may be estimated to need
    source: str  # where the figure came from, for the error message


def memory_budget(max_memory: str | None) -> Budget | None:
    """--max-memory, else half of what the machine has free; None when the OS will not say."""
    if max_memory is not None:
        return Budget(parse_bytes("--max-memory", max_memory), f"--max-memory {max_memory}")
    available = machine.available_bytes()
    if available is None:
        return None
    return Budget(available // 2, text("budget.half", free=human_bytes(available)))


def check_memory(spec: Spec, budget: Budget | None) -> None:
    """The memory guard: refuse, before anything is allocated, a run estimated past the budget."""
    estimate = shapes.memory_bytes(spec)
    if budget is not None and estimate > budget.bytes:
        raise SpecError(
            text(
                "error.memory",
                need=human_bytes(estimate),
                budget=human_bytes(budget.bytes),
                source=budget.source,
            )
        )


def compute(spec: Spec, backend: Backend, budget: Budget | None) -> tuple[Weights, Result]:
    """Guard the memory, then draw the seeded numbers and run them through backend."""
    check_memory(spec, budget)
    weights = draw(spec)
    return weights, run(spec, backend, weights)


def report_for(spec: Spec, backend: Backend, budget: Budget | None) -> Report:
    """What `shape` reports for spec: arithmetic alone with analytic, else a guarded run."""
    if backend is Backend.ANALYTIC:
        return build(spec, backend, None)
    return build(spec, backend, compute(spec, backend, budget)[1])


def check_all(specs: Sequence[Spec], backend: Backend, budget: Budget | None) -> None:
    """Every backend and memory check of a sweep, before its first run."""
    keys = grid.varied([asdict(spec) for spec in specs])
    for i, spec in enumerate(specs, 1):
        try:
            validate_backend(spec, backend)
            if backend is not Backend.ANALYTIC:
                check_memory(spec, budget)
        except SpecError as e:
            label = grid.label(spec, keys)
            raise SpecError(text("error.in_config", i=i, n=len(specs), label=label, error=e)) from e
