"""`rnnx sweep`: the cartesian product of comma-listed options, one row each."""

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.progress import Progress

from rnn_cli import pipeline
from rnn_cli.base.safe import escape
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import output
from rnn_cli.cli.core import EXIT_CODES, command, console, epilog
from rnn_cli.cli.options import (
    BATCH_OPTS,
    NETWORK_OPTS,
    RUN_OPTS,
    BackendOpt,
    FormatOpt,
    HtmlOpt,
    MaxConfigsOpt,
    MaxMemoryOpt,
    SvgOpt,
    sweep_command,
)
from rnn_cli.cli.wording import said
from rnn_cli.findings.report import Report
from rnn_cli.render import sweep as sweep_render
from rnn_cli.spec import grid
from rnn_cli.spec.build import build_spec
from rnn_cli.spec.choices import Backend, Format
from rnn_cli.spec.config import Spec

MOMENT = 0.5  # seconds a sweep may run before its progress bar appears


def each_report(specs: Sequence[Spec], work: Callable[[Spec], Report]) -> list[Report]:
    """work(spec) for every spec, with a progress bar on a terminal's stderr past MOMENT."""
    err = console("err")
    bar = Progress(console=err, transient=True)
    task = bar.add_task(text("sweep.progress", n=len(specs)), total=len(specs))
    start = time.perf_counter()
    reports: list[Report] = []
    try:
        for spec in specs:
            late = time.perf_counter() - start > MOMENT
            if late and err.is_terminal and not bar.live.is_started:
                bar.start()
            reports.append(work(spec))
            bar.advance(task)
    finally:
        if bar.live.is_started:  # stopping a bar that never showed still writes a newline
            bar.stop()
    return reports


def emit_sweep(
    reports: Sequence[Report], fmt: Format, svg: Path | None = None, html: Path | None = None
) -> None:
    # on a pipe the table takes its natural width, so that no row wraps
    shown = sweep_render.view(output.width())[fmt](reports)
    output.show(shown, svg, html, "rnnx sweep", output.natural(shown))


def _note(message: str) -> None:
    line = f"rnnx: note: {escape(message)}"  # a set-aside value is the user's own text
    console("err").print(line, markup=False, highlight=False, soft_wrap=True)


SWEEP_EXAMPLES = epilog(
    "rnnx sweep --cell rnn,lstm,gru --layers 1,2,3 --hidden-size 8,16",
    "rnnx sweep -H 256,1024,4096 --bidirectional both -f csv > grid.csv",
    "rnnx sweep -c lstm,gru --proj-size 0,4 -f json | jq '.[].total_parameters'",
    ("rnnx sweep -l 1,2 -n 1,32 --backend torch   # ", "help.ex.sweep_torch"),
    "help.sweep_rejected",
    EXIT_CODES,
)


@command(name="sweep", epilog=SWEEP_EXAMPLES, help=said("help.sweep"))
@sweep_command(NETWORK_OPTS, BATCH_OPTS, RUN_OPTS)
def sweep(
    choices: dict[str, tuple[Any, ...]],
    backend: BackendOpt = Backend.ANALYTIC,
    fmt: FormatOpt = Format.TABLE,
    max_configs: MaxConfigsOpt = 10_000,
    max_memory: MaxMemoryOpt = None,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
) -> None:
    """Every combination of comma-listed options, one row each: shapes, parameters, cost."""
    output.refuse_unwritable(svg, html)
    plan = grid.plan(choices, build_spec, max_configs)
    budget = pipeline.memory_budget(max_memory)
    pipeline.refuse_any(plan.specs, backend, budget)
    if plan.rejected:
        total = len(plan.specs) + len(plan.rejected)
        _note(text("sweep.rejected", n=len(plan.rejected), total=total, reason=plan.rejected[0]))
    reports = each_report(plan.specs, lambda spec: pipeline.shape(spec, backend, budget).report)
    emit_sweep(reports, fmt, svg, html)
