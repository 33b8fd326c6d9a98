"""`rnnx check TARGET`: grade a student's own RNN function against rnnx's reference."""

from enum import Enum
from typing import Annotated

import typer

from rnn_cli.cli import output
from rnn_cli.cli.core import command, epilog
from rnn_cli.cli.options import (
    BATCH_OPTS,
    NETWORK_OPTS,
    OUTPUT,
    RUN,
    SEED_OPT,
    MemoryLimitOpt,
    TimeoutOpt,
    network_command,
    sandbox_limits,
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
    timeout: TimeoutOpt = 10.0,
    memory_limit: MemoryLimitOpt = "2GiB",
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
        run.Limits(*sandbox_limits(timeout, memory_limit)),
    )
    output.show(check_render.VIEW[fmt](found))
    if not found.passed:
        raise typer.Exit(1)
