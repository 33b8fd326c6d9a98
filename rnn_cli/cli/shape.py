"""`rnnx shape`: parse → spec → run → report → render → print, and --save."""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import typer

from rnn_cli import pipeline
from rnn_cli.cli import saving
from rnn_cli.cli.app import EXIT_CODES, app, out
from rnn_cli.cli.options import (
    AllOpt,
    BackendOpt,
    FormatOpt,
    HtmlOpt,
    MaxMemoryOpt,
    ParamsOpt,
    SaveOpt,
    SvgOpt,
    network_command,
)
from rnn_cli.errors import SpecError
from rnn_cli.render import csv as csv_render
from rnn_cli.render import json as json_render
from rnn_cli.render import markdown as markdown_render
from rnn_cli.render import table as table_render
from rnn_cli.render.table import Detail
from rnn_cli.report import Report, build
from rnn_cli.result import Result
from rnn_cli.spec import (
    Backend,
    Format,
    Spec,
    validate_backend,
)
from rnn_cli.weights import Weights


@dataclass(frozen=True)
class View:
    """How shape's table view is printed and saved."""

    detail: Detail = Detail.FIRST
    svg: Path | None = None
    html: Path | None = None


def emit(report: Report, fmt: Format, view: View = View()) -> None:
    if fmt is Format.TABLE:
        picture = table_render.render(report, view.detail)
        saving.save(picture, view.svg, view.html, out.width, "rnnx shape")
        out.print(picture)
        return
    renderers = {Format.JSON: json_render, Format.CSV: csv_render, Format.MARKDOWN: markdown_render}
    typer.echo(renderers[fmt].render(report))


def _view(params: bool, everything: bool, svg: Path | None, html: Path | None) -> View:
    saving.check_paths(svg, html)
    detail = Detail.ALL if everything else Detail.PARAMS if params else Detail.FIRST
    return View(detail, svg, html)


def check_save_path(path: Path) -> None:
    if path.suffix != ".npz":
        raise SpecError(f"--save must name a .npz file: save={path}; use e.g. --save run.npz")
    if path.is_dir():
        raise SpecError(f"--save names a directory: save={path}; give a file name such as run.npz")
    if not path.parent.is_dir():
        raise SpecError(
            f"--save: directory {path.parent} does not exist: save={path}; "
            "create it or pick another path"
        )


def save_npz(path: Path, weights: Weights, result: Result) -> None:
    arrays = {"input": weights.x, "output": result.output, "h_n": result.h_n, **weights.params}
    if result.c_n is not None:
        arrays["c_n"] = result.c_n
    try:
        np.savez(path, **arrays)  # type: ignore[arg-type]
    except OSError as e:
        raise SpecError(f"--save: cannot write {path}: {e.strerror}; pick a writable path") from e


SHAPE_EXAMPLES = (
    "Examples:\n\n"
    "  rnnx shape                             # nn.RNN(5, 8, batch_first=True)\n\n"
    "  rnnx shape --layers 2 --bidirectional  # output (1, 10, 16), h_n (4, 1, 8)\n\n"
    "  rnnx shape --cell lstm --proj-size 4   # h_n takes proj_size, c_n not\n\n"
    "  rnnx shape -f json | jq '.tensors[] | {name, shape}'\n\n"
    "  rnnx shape --cell gru --save run.npz   # every array, torch's names\n\n"
    "  rnnx shape --all --svg shape.svg       # parameters and identities too, saved\n\n"
    + EXIT_CODES
)


@app.command(epilog=SHAPE_EXAMPLES)
@network_command
def shape(
    spec: Spec,
    backend: BackendOpt = Backend.TORCH,
    fmt: FormatOpt = Format.TABLE,
    save: SaveOpt = None,
    max_memory: MaxMemoryOpt = None,
    params: ParamsOpt = False,
    everything: AllOpt = False,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
) -> None:
    """Build the network, run a dummy batch, and explain every shape, with recipes to paste."""
    validate_backend(spec, backend)
    view = _view(params, everything, svg, html)
    budget = pipeline.memory_budget(max_memory)
    if save is None:
        emit(pipeline.report_for(spec, backend, budget), fmt, view)
        return
    check_save_path(save)
    if backend is Backend.ANALYTIC:
        raise SpecError(
            "--save needs computed values: backend=analytic; use --backend torch or numpy"
        )
    weights, result = pipeline.compute(spec, backend, budget)
    save_npz(save, weights, result)  # first: a path that cannot be written fails before printing
    emit(build(spec, backend, result), fmt, view)
