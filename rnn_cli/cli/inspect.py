"""`rnnx inspect TARGET`: the student's own model run once in a child process, its flow, each
recurrent layer explained, the findings at the seams. Exit 0 clean, 1 a mistake or an error in
their code, 2 a bad target or option."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from rnn_cli.api import explained
from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import output
from rnn_cli.cli.core import command, epilog
from rnn_cli.cli.options import (
    OUTPUT,
    RUN,
    HtmlOpt,
    MemoryLimitOpt,
    SvgOpt,
    TimeoutOpt,
    sandbox_limits,
    shared_command,
)
from rnn_cli.cli.wording import said
from rnn_cli.grading import sandbox
from rnn_cli.grading.protocol import Failure
from rnn_cli.grading.target import parse_target
from rnn_cli.inspect import isolated
from rnn_cli.inspect.isolated import DTYPES
from rnn_cli.render.inspect import VIEW, InspectFormat
from rnn_cli.spec.config import in_range
from rnn_cli.spec.lists import parse_ints, parse_lengths

INSPECT_EXAMPLES = epilog(
    "rnnx inspect examples/inspect/last_step_bidirectional.py:Classifier --input 4,6,5",
    "rnnx inspect model.py:TextClassifier --kwargs '{\"vocab\": 1000}' --input 32,50:long",
    "rnnx inspect examples/inspect/packed_correct.py:Classifier --input 4,6,5 --lengths 6,3,2,6",
    "rnnx inspect hw.model:build --input 50,32,5 --batch-size 32 -f json",
    "help.inspect_exit",
)


def _input(raw: str) -> dict[str, Any]:
    """'32,50:long' -> a shape and dtype; 'x.npz' or 'x.pt' -> a file (SpecError naming --input)."""
    if raw.endswith((".npz", ".pt")):
        if not Path(raw).is_file():
            raise SpecError(text("inspect.no_file", raw=raw))
        return {"file": str(Path(raw).resolve())}
    dims, _, dtype = raw.partition(":")
    dtype = dtype.strip().lower() or "float32"
    if dtype not in DTYPES:
        raise SpecError(text("inspect.bad_dtype", raw=raw, dtype=dtype, allowed=", ".join(DTYPES)))
    return {"shape": list(parse_ints("--input", dims, "32,50,5")), "dtype": dtype, "raw": raw}


def _kwargs(raw: str | None) -> dict[str, Any]:
    if raw is None:
        return {}
    try:
        value = json.loads(raw)
    except ValueError as e:
        raise SpecError(text("inspect.bad_kwargs", raw=raw, reason=e.__class__.__name__)) from None
    if not isinstance(value, dict):
        raise SpecError(text("inspect.bad_kwargs", raw=raw, reason=type(value).__name__))
    return value


@command(epilog=INSPECT_EXAMPLES, help=said("help.inspect"))
@shared_command()
def inspect(
    target: Annotated[
        str,
        typer.Argument(
            help=said("help.inspect_target"),
            show_default=False,
        ),
    ],
    inputs: Annotated[
        list[str] | None,
        typer.Option(
            "--input",
            metavar="SHAPE[:DTYPE]|FILE",
            help=said("help.inspect_input"),
            rich_help_panel=RUN,
        ),
    ] = None,
    kwargs: Annotated[
        str | None,
        typer.Option(
            "--kwargs",
            metavar="JSON",
            help=said("help.inspect_kwargs"),
            rich_help_panel=RUN,
        ),
    ] = None,
    lengths: Annotated[
        str | None,
        typer.Option(
            "--lengths",
            metavar="10,7,3",
            help=said("help.inspect_lengths"),
            rich_help_panel=RUN,
        ),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            "-n",
            help=said("help.inspect_batch_size"),
            rich_help_panel=RUN,
        ),
    ] = None,
    timeout: TimeoutOpt = 60.0,
    memory_limit: MemoryLimitOpt = "4GiB",
    fmt: Annotated[
        InspectFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=said("help.format_why"),
            rich_help_panel=OUTPUT,
        ),
    ] = InspectFormat.TABLE,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
) -> None:
    """Run your own model once and explain its flow, its recurrent layers and their seams."""
    if batch_size is not None:
        in_range("batch_size", batch_size)  # the Spec's own refusal, in the user's language
    output.refuse_unwritable(svg, html)
    goal = parse_target(target)
    if not inputs:
        raise SpecError(text("inspect.no_input"))
    request = {
        "shown": goal.shown,
        "kwargs": _kwargs(kwargs),
        "inputs": [_input(raw) for raw in inputs],
        "lengths": list(parse_lengths(lengths)) if lengths else None,
        "batch_size": batch_size,
    }
    limits = sandbox.Limits(*sandbox_limits(timeout, memory_limit))
    found = isolated.run(request, goal, limits)
    if isinstance(found, Failure):
        typer.echo(f"{goal.shown}: {found.message}", err=True)
        if found.traceback:
            typer.echo(found.traceback, err=True)
        raise typer.Exit(1)
    found = explained(found)
    output.show(VIEW[fmt](found), svg, html, "rnnx inspect")
    if found.failed:
        raise typer.Exit(1)
