"""`rnnx shape`: parse → spec → run → report → render → print, and --save."""

from pathlib import Path
from typing import Annotated

import typer

from rnn_cli import pipeline
from rnn_cli.base.errors import MismatchError, SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import files, output
from rnn_cli.cli.core import EXIT_CODES, command, epilog
from rnn_cli.cli.options import (
    BATCH_OPTS,
    NETWORK_OPTS,
    OUTPUT,
    RUN_OPTS,
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
from rnn_cli.cli.wording import said
from rnn_cli.findings import expectations
from rnn_cli.network.result import Result
from rnn_cli.network.weights import Weights
from rnn_cli.render import shape as shape_view
from rnn_cli.render.plain import Detail
from rnn_cli.spec.choices import Backend, Format
from rnn_cli.spec.config import Spec


def _detail(params: bool, everything: bool) -> Detail:
    return Detail.ALL if everything else Detail.PARAMS if params else Detail.FIRST


def save_npz(path: Path, weights: Weights, result: Result) -> None:
    """Every array under torch's names, written atomically (rnn_cli.files)."""
    arrays = {"input": weights.x, "output": result.output, "h_n": result.h_n, **weights.params}
    if result.c_n is not None:
        arrays["c_n"] = result.c_n
    import numpy as np  # noqa: PLC0415 (only --save writes arrays; -f json starts without numpy)

    files.write_atomic("--save", path, lambda f: np.savez(f, **arrays))  # type: ignore[arg-type]


SHAPE_EXAMPLES = epilog(
    "rnnx shape                             # nn.RNN(5, 8, batch_first=True)",
    "rnnx shape --layers 2 --bidirectional  # output (1, 10, 16), h_n (4, 1, 8)",
    ("rnnx shape --cell lstm --proj-size 4   # ", "help.ex.shape_proj"),
    "rnnx shape -f json | jq '.tensors[] | {name, shape}'",
    ("rnnx shape --cell gru --save run.npz   # ", "help.ex.shape_save"),
    ("rnnx shape --all --svg shape.svg       # ", "help.ex.shape_all"),
    ("rnnx shape -l 2 --bidirectional --expect h_n=4,1,16   # ", "help.ex.shape_expect"),
    EXIT_CODES,
)


@command(epilog=SHAPE_EXAMPLES, help=said("help.shape"))
@network_command(NETWORK_OPTS, BATCH_OPTS, RUN_OPTS)
def shape(
    spec: Spec,
    backend: BackendOpt = Backend.TORCH,
    fmt: FormatOpt = Format.TABLE,
    save: SaveOpt = None,
    max_memory: MaxMemoryOpt = None,
    expect: Annotated[
        list[str] | None,
        typer.Option(
            "--expect",
            metavar="NAME=SHAPE",
            help=said("help.expect"),
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    params: ParamsOpt = False,
    everything: AllOpt = False,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
) -> None:
    """Build the network, run a dummy batch, and explain every shape, with recipes to paste."""
    output.refuse_unwritable(svg, html)
    if save is not None:
        files.refuse_bad_target("--save", save, ".npz")
        if backend is Backend.ANALYTIC:
            raise SpecError(text("error.save_analytic"))
    answers = tuple(expectations.parse(raw, spec) for raw in expect or ())
    if answers and fmt is Format.CSV:
        raise SpecError(text("error.expect_csv"))
    done = pipeline.shape(spec, backend, pipeline.memory_budget(max_memory), answers)
    if save is not None and done.weights is not None and done.result is not None:
        save_npz(save, done.weights, done.result)  # first: an unwritable path fails before printing
    shown = shape_view.view(_detail(params, everything))[fmt](done.report)
    output.show(shown, svg, html, "rnnx shape", page=not answers)  # the verdict stays in view
    wrong = [e.name for e in done.report.expectations if not e.holds]
    if wrong:
        raise MismatchError(text("exp.mismatch", names=", ".join(wrong)))
