"""`rnnx check TARGET...`: grade students' own RNN functions against rnnx's reference.

One target is one report; several, or a glob, are a class: one row per student and the totals.
"""

from enum import Enum
from typing import Annotated, Any

import click
import typer

from rnn_cli.base.errors import RnnxError, SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import output
from rnn_cli.cli.core import RnnxCommand, app, epilog
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
from rnn_cli.grading import classroom, run
from rnn_cli.grading.conventions import SIGNATURES
from rnn_cli.grading.verdict import ATOL, RTOL, Check
from rnn_cli.render import gradebook
from rnn_cli.render.gradebook import CheckFormat
from rnn_cli.render.gradescope import gradescope_refusal
from rnn_cli.spec.choices import Backend, Convention
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import tolerance


class Reference(str, Enum):
    NUMPY = "numpy"
    TORCH = "torch"


def _signatures() -> str:
    """Each convention's signature by cell, as --help shows them (code under a catalog heading)."""
    lines = [
        f"  {c.value:<7} {cell.value:<5} f({', '.join(params)})"
        for c, by_cell in SIGNATURES.items()
        for cell, params in by_cell.items()
    ]
    return "\n".join(["\b", text("help.check_signatures"), *lines])


CHECK_EXAMPLES = epilog(
    "rnnx check examples/check/loop_correct.py:rnn_loop",
    "rnnx check examples/check/loop_lstm.py:lstm_loop --cell lstm",
    "rnnx check examples/check/cs231n_lstm.py:lstm_forward --convention cs231n --cell lstm",
    "rnnx check 'submissions/*/rnn.py:rnn_forward' -j 2 --seed-per-student -f csv",
    "rnnx check hw3.rnn:forward --cell gru --layers 2 --bidirectional -f gradescope",
    _signatures,
    "help.check_exit",
)

ConventionOpt = Annotated[
    Convention | None,
    typer.Option(
        "--convention",
        case_sensitive=False,
        show_default=False,
        help=said("help.convention"),
        rich_help_panel=RUN,
    ),
]


def _tolerance(atol: float, rtol: float) -> tuple[float, float]:
    return tolerance("--atol", atol), tolerance("--rtol", rtol)


GRADESCOPE = "rnnx.check.gradescope"  # ctx.meta: -f gradescope was asked for


def _gradescope_asked(args: list[str]) -> bool:
    """-f gradescope in any spelling Click accepts, read before Click has parsed anything."""
    pairs = zip(args, [*args[1:], ""][: len(args)], strict=True)  # each one and the next
    values = [v for a, v in pairs if a in ("-f", "--format")]
    values += [a.split("=", 1)[1] for a in args if a.startswith("--format=")]
    values += [a[2:] for a in args if a.startswith("-f") and len(a) > 2 and a[2] != "-"]
    return any(v.lower() == CheckFormat.GRADESCOPE.value for v in values)


class CheckCommand(RnnxCommand):
    """With -f gradescope, a usage error still leaves a valid results.json on stdout."""

    def make_context(
        self, info_name: str | None, args: list[str], *rest: Any, **extra: Any
    ) -> click.Context:
        gradescope = _gradescope_asked(list(args))  # before Click consumes args
        try:
            ctx = super().make_context(info_name, args, *rest, **extra)
        except click.UsageError as e:
            if gradescope:
                typer.echo(gradescope_refusal(e.format_message()))
            raise
        ctx.meta[GRADESCOPE] = gradescope
        return ctx

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RnnxError as e:
            if ctx.meta.get(GRADESCOPE):
                typer.echo(gradescope_refusal(str(e)))
            raise


def _show(checks: list[Check], single: bool, fmt: CheckFormat, most: float | None) -> None:
    if single and fmt is not CheckFormat.CSV:
        output.show(gradebook.ONE[fmt](checks[0], most))
    elif fmt is CheckFormat.GRADESCOPE:
        raise SpecError(text("class.gradescope_one", n=len(checks)))
    else:
        output.show(gradebook.CLASS[fmt](checks, most))


@app.command(cls=CheckCommand, epilog=CHECK_EXAMPLES, help=said("help.check"))
@network_command(NETWORK_OPTS, BATCH_OPTS, (SEED_OPT,))  # float64 on the CPU: no --dtype, --device
def check(
    spec: Spec,
    targets: Annotated[
        list[str],
        typer.Argument(
            help=said("help.target"),
            show_default=False,
        ),
    ],
    convention: ConventionOpt = None,
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
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, help=said("help.jobs"), rich_help_panel=RUN),
    ] = 1,
    seed_per_student: Annotated[
        bool,
        typer.Option(
            "--seed-per-student",
            help=said("help.seed_per_student"),
            rich_help_panel=RUN,
        ),
    ] = False,
    max_score: Annotated[
        float | None,
        typer.Option("--max-score", min=0.0, help=said("help.max_score"), rich_help_panel=OUTPUT),
    ] = None,
) -> None:
    """Run students' RNN functions on rnnx's numbers and grade what they return."""
    raws = classroom.expand(targets)
    options = classroom.Options(
        convention,
        Backend(reference.value),
        _tolerance(atol, rtol),
        run.Limits(*sandbox_limits(timeout, memory_limit)),
        seed_per_student,
    )
    single = len(raws) == 1 and raws == targets
    if single:
        checks = [classroom.one(spec, raws[0], options)]
    else:
        checks = classroom.grade(spec, raws, options, jobs)
    _show(checks, single, fmt, max_score)
    if not all(c.passed for c in checks):
        raise typer.Exit(1)
