"""`rnnx check TARGET`: grade a student's own RNN function against rnnx's reference."""

import math
from enum import Enum
from typing import Annotated

import typer

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import output
from rnn_cli.cli.core import command, epilog
from rnn_cli.cli.options import (
    BATCH_OPTS,
    NETWORK_OPTS,
    OUTPUT,
    RUN,
    SEED_OPT,
    network_command,
)
from rnn_cli.cli.wording import said
from rnn_cli.grading import run
from rnn_cli.grading.sandbox import parse_target
from rnn_cli.grading.verdict import ATOL, RTOL
from rnn_cli.render import check as check_render
from rnn_cli.render.check import CheckFormat
from rnn_cli.spec.choices import Backend, Convention
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import tolerance
from rnn_cli.spec.sizes import parse_bytes


class Reference(str, Enum):
    NUMPY = "numpy"
    TORCH = "torch"


CHECK_EXAMPLES = epilog(
    "rnnx check examples/check/loop_correct.py:rnn_loop --convention loop",
    "rnnx check examples/check/cs231n_lstm.py:lstm_forward --convention cs231n --cell lstm",
    "rnnx check hw3.rnn:forward --cell gru --layers 2 --bidirectional -f gradescope",
    "help.check_exit",
)

ConventionOpt = Annotated[
    Convention,
    typer.Option(
        "--convention",
        case_sensitive=False,
        help=said("help.convention"),
        rich_help_panel=RUN,
    ),
]


def _tolerance(atol: float, rtol: float) -> tuple[float, float]:
    return tolerance("--atol", atol), tolerance("--rtol", rtol)


LEAST_MEMORY = 256 * 2**20  # the child's Python with numpy loaded, and room to call a function


def _limits(timeout: float, memory_limit: str) -> run.Limits:
    if not math.isfinite(timeout) or timeout <= 0:
        raise SpecError(text("check.bad_timeout", value=timeout))
    limit = parse_bytes("--memory-limit", memory_limit)
    if limit < LEAST_MEMORY:  # below it the limit strikes rnnx's own imports, not the student
        raise SpecError(text("check.memory_too_low", value=memory_limit, least="256MiB"))
    return run.Limits(timeout, limit)


@command(epilog=CHECK_EXAMPLES, help=said("help.check"))
@network_command(NETWORK_OPTS, BATCH_OPTS, (SEED_OPT,))  # float64 on the CPU: no --dtype, --device
def check(
    spec: Spec,
    target: Annotated[str, typer.Argument(help=said("help.target"), show_default=False)],
    convention: ConventionOpt = Convention.TORCH,
    reference: Annotated[
        Reference,
        typer.Option(
            "--reference",
            case_sensitive=False,
            help=said("help.reference"),
            rich_help_panel=RUN,
        ),
    ] = Reference.NUMPY,
    atol: Annotated[
        float, typer.Option("--atol", help=said("help.check_atol"), rich_help_panel=RUN)
    ] = ATOL,
    rtol: Annotated[
        float, typer.Option("--rtol", help=said("help.check_rtol"), rich_help_panel=RUN)
    ] = RTOL,
    timeout: Annotated[
        float,
        typer.Option("--timeout", help=said("help.timeout"), rich_help_panel=RUN),
    ] = 10.0,
    memory_limit: Annotated[
        str,
        typer.Option(
            "--memory-limit",
            metavar="SIZE",
            help=said("help.memory_limit"),
            rich_help_panel=RUN,
        ),
    ] = "2GiB",
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=said("help.format_check"),
            rich_help_panel=OUTPUT,
        ),
    ] = CheckFormat.TABLE,
) -> None:
    """Run a student's RNN function on rnnx's numbers and grade what it returns."""
    found = run.check(
        spec,
        convention,
        parse_target(target),
        Backend(reference.value),
        _tolerance(atol, rtol),
        _limits(timeout, memory_limit),
    )
    output.show(check_render.VIEW[fmt](found))
    if not found.passed:
        raise typer.Exit(1)
