"""`rnnx compare`: the cell swapped (--cell, the network you have, --to the cells you swap to),
and one network through several backends."""

from typing import Annotated

import click
import typer

from rnn_cli import pipeline
from rnn_cli.base.errors import MismatchError, SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import output
from rnn_cli.cli.core import command, epilog
from rnn_cli.cli.options import (
    BATCH_OPTS,
    NETWORK_OPTS,
    OUTPUT,
    RUN,
    RUN_OPTS,
    HtmlOpt,
    MaxMemoryOpt,
    SvgOpt,
    network_command,
)
from rnn_cli.cli.wording import said
from rnn_cli.findings.comparison import default_others
from rnn_cli.render import compare as compare_render
from rnn_cli.spec.choices import Backend, Cell, Format
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import parse_choices, tolerance

MOST_REPEATS = 1000  # timed forward passes: a median needs few, and each may take seconds

COMPARE_EXAMPLES = epilog(
    ("rnnx compare --cell rnn --to lstm       # ", "help.ex.compare_lstm"),
    "rnnx compare --cell rnn --to lstm,gru --dtype float64",
    "rnnx compare --cell gru -f json | jq .match",
    "help.compare_exit",
)


def _computing_backends(spec: Spec, backends: str) -> tuple[Backend, ...]:
    """--backends read: two different ones at least, each able to compute spec."""
    chosen = parse_choices("--backends", backends, Backend)
    if len(chosen) < 2:
        raise SpecError(text("error.backends_two", backends=backends))
    if Backend.ANALYTIC in chosen:
        raise SpecError(text("error.backends_analytic"))
    return chosen


def _swapped_to(cell: Cell, to_cells: str | None, with_cells: str | None) -> tuple[Cell, ...]:
    """--to read (or --with, its old name, as scripts still write it); the default otherwise."""
    if to_cells is not None and with_cells is not None:
        raise SpecError(text("error.contradict", first="--to", then="--with"))
    if to_cells is not None:
        return parse_choices("--to", to_cells, Cell)
    if with_cells is not None:
        return parse_choices("--with", with_cells, Cell)
    return default_others(cell)


@command(epilog=COMPARE_EXAMPLES, help=said("help.compare"))
@network_command(NETWORK_OPTS, BATCH_OPTS, RUN_OPTS)
def compare(
    spec: Spec,
    to_cells: Annotated[
        str | None,
        typer.Option(
            "--to",
            help=said("help.to"),
            rich_help_panel=RUN,
        ),
    ] = None,
    with_cells: Annotated[
        str | None,
        typer.Option("--with", hidden=True, help="--to's old name.", rich_help_panel=RUN),
    ] = None,
    backends: Annotated[
        str,
        typer.Option("--backends", help=said("help.backends"), rich_help_panel=RUN),
    ] = "torch,numpy",
    atol: Annotated[
        float | None,
        typer.Option(
            "--atol",
            min=0.0,
            help=said("help.atol"),
            rich_help_panel=RUN,
        ),
    ] = None,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat",
            min=1,
            max=MOST_REPEATS,
            help=said("help.repeat"),
            rich_help_panel=RUN,
        ),
    ] = 3,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            click_type=click.Choice([f.value for f in compare_render.VIEW], case_sensitive=False),
            help=said("help.format_compare"),
            rich_help_panel=OUTPUT,
        ),
    ] = Format.TABLE,
    max_memory: MaxMemoryOpt = None,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
) -> None:
    """Swap the cell (--cell → --to), and check the from-scratch backend against torch."""
    others = _swapped_to(spec.cell, to_cells, with_cells)
    chosen = _computing_backends(spec, backends)
    atol = None if atol is None else tolerance("--atol", atol)
    output.refuse_unwritable(svg, html)
    budget = pipeline.memory_budget(max_memory)
    found = pipeline.compare(spec, others, chosen, atol, repeat, budget)
    output.show(compare_render.VIEW[fmt](found), svg, html, "rnnx compare")
    if not found.match:
        names = ", ".join(t.name for t in found.tensors if not t.match)
        raise MismatchError(text("cmp.mismatch", names=names, backends=backends, atol=found.atol))
