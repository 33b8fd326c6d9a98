"""`rnnx compare`: the cell swapped, and one network through several backends."""

import math
from typing import Annotated

import typer

from rnn_cli import comparison, pipeline
from rnn_cli.backends import run
from rnn_cli.catalog import text
from rnn_cli.cli import saving
from rnn_cli.cli.app import app, out
from rnn_cli.cli.options import RUN, FormatOpt, HtmlOpt, MaxMemoryOpt, SvgOpt, network_command
from rnn_cli.comparison import default_others
from rnn_cli.errors import MismatchError, SpecError
from rnn_cli.render import compare as compare_render
from rnn_cli.spec import (
    Backend,
    Cell,
    Format,
    Spec,
    parse_choices,
    validate_backend,
)
from rnn_cli.weights import draw

COMPARE_EXAMPLES = (
    "Examples:\n\n"
    "  rnnx compare --cell lstm                # LSTM beside RNN; torch beside numpy\n\n"
    "  rnnx compare --cell rnn --with lstm,gru --dtype float64\n\n"
    "  rnnx compare --cell gru -f json | jq .match\n\n"
    "Exit status: 0 every backend agrees, 1 a shape or value differs, 2 bad input."
)


def _computing_backends(spec: Spec, backends: str) -> tuple[Backend, ...]:
    """--backends read: two different ones at least, each able to compute spec."""
    chosen = parse_choices("--backends", backends, Backend)
    if len(chosen) < 2:
        raise SpecError(
            f"--backends needs two different backends to compare: got {backends!r}; "
            "use e.g. --backends torch,numpy"
        )
    if Backend.ANALYTIC in chosen:
        raise SpecError("--backends: analytic computes no values to compare; use e.g. torch,numpy")
    for backend in chosen:
        validate_backend(spec, backend)
    return chosen


@app.command(epilog=COMPARE_EXAMPLES)
@network_command
def compare(
    spec: Spec,
    with_cells: Annotated[
        str | None,
        typer.Option(
            "--with",
            help="Cells to set beside --cell, comma-separated [default: rnn; lstm,gru for rnn].",
            rich_help_panel=RUN,
        ),
    ] = None,
    backends: Annotated[
        str,
        typer.Option("--backends", help="Backends to run, comma-separated.", rich_help_panel=RUN),
    ] = "torch,numpy",
    atol: Annotated[
        float | None,
        typer.Option(
            "--atol",
            min=0.0,
            help="Largest |Δ| still a match [1e-5 float32, 1e-9 float64].",
            rich_help_panel=RUN,
        ),
    ] = None,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat",
            min=1,
            help="Forward passes timed per backend (median).",
            rich_help_panel=RUN,
        ),
    ] = 3,
    fmt: FormatOpt = Format.TABLE,
    max_memory: MaxMemoryOpt = None,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
) -> None:
    """Swap the cell, and check the from-scratch backend against torch: same network?"""
    others = (
        default_others(spec.cell)
        if with_cells is None
        else parse_choices("--with", with_cells, Cell)
    )
    chosen = _computing_backends(spec, backends)
    if atol is not None and not math.isfinite(atol):
        raise SpecError(f"--atol must be a finite number: got {atol}; e.g. --atol 1e-6")
    if fmt is Format.CSV:
        raise SpecError("--format csv: compare prints two tables; use table, json or markdown")
    saving.check_paths(svg, html)
    pipeline.check_memory(spec, pipeline.memory_budget(max_memory))
    weights = draw(spec)
    results = {b: run(spec, b, weights, repeat) for b in chosen}
    tolerance = comparison.ATOL[spec.dtype] if atol is None else atol
    found = comparison.build(spec, others, results, tolerance, repeat)
    if fmt is Format.TABLE:
        picture = compare_render.render(found)
        saving.save(picture, svg, html, out.width, "rnnx compare")
        out.print(picture)
    else:
        as_text = (
            compare_render.render_json if fmt is Format.JSON else compare_render.render_markdown
        )
        typer.echo(as_text(found))
    if not found.match:
        names = ", ".join(t.name for t in found.tensors if not t.match)
        raise MismatchError(text("cmp.mismatch", names=names, backends=backends, atol=found.atol))
