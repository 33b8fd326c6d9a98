"""`rnnx sweep`'s views: one row per configuration as a Rich table, CSV, JSON or Markdown.

Columns: the config keys whose values differ across the sweep, then COLUMNS. Headings are the
JSON keys, not prose, so a script reads the same names in every format. Must not import torch.
"""

import csv
import io
from collections.abc import Callable, Sequence

from rich import box
from rich.table import Table

from rnn_cli import grid
from rnn_cli.catalog import text
from rnn_cli.render import json as json_render
from rnn_cli.render import shape_cell, shape_text
from rnn_cli.render.markdown import table as pipe_table
from rnn_cli.report import Report, config
from rnn_cli.spec import Format

STATES = ("output", "h_n", "c_n")  # c_n is empty for RNN and GRU
COLUMNS = (*STATES, "total_parameters", "mult_adds", "estimated_bytes")


def header(reports: Sequence[Report]) -> list[str]:
    return [*grid.varied([config(r.spec, r.backend) for r in reports]), *COLUMNS]


def _value(v: object) -> str:
    """A config value as the sweep's own options take it: true/false, empty for None."""
    if isinstance(v, bool):
        return str(v).lower()
    return "" if v is None else str(v)


def row(
    report: Report, keys: Sequence[str], shape: Callable[[tuple[int, ...]], str], number: str
) -> list[str]:
    """One configuration's cells: its varied config values, then COLUMNS."""
    shapes = {t.name: t.shape for t in report.tensors}
    counts = (report.total_parameters, report.mult_adds, report.estimated_bytes)
    return [
        *(_value(config(report.spec, report.backend)[k]) for k in keys),
        *(shape(shapes[s]) if s in shapes else "" for s in STATES),
        *(format(n, number) for n in counts),
    ]


def render_csv(reports: Sequence[Report]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header(reports))
    keys = grid.varied([config(r.spec, r.backend) for r in reports])
    writer.writerows(row(r, keys, shape_cell, "d") for r in reports)
    return buffer.getvalue().rstrip("\n")


def render_markdown(reports: Sequence[Report]) -> str:
    keys = grid.varied([config(r.spec, r.backend) for r in reports])
    rows = [row(r, keys, lambda s: f"`{shape_text(s)}`", ",") for r in reports]
    return "\n".join(pipe_table(header(reports), rows))


def render_table(reports: Sequence[Report]) -> Table:
    """Every column unwrapped: each configuration on one line (cli/sweep.py sets the width)."""
    backend = reports[0].backend.value if reports else ""
    title = text("title.sweep", n=len(reports), backend=backend)
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    keys = grid.varied([config(r.spec, r.backend) for r in reports])
    for name in header(reports):
        numeric = name in COLUMNS[len(STATES) :]
        table.add_column(name, justify="right" if numeric else "left", no_wrap=True)
    for r in reports:
        table.add_row(*row(r, keys, shape_text, ","))
    return table


def render_text(reports: Sequence[Report], fmt: Format) -> str:
    """JSON, CSV or Markdown; Format.TABLE is render_table's."""
    views = {
        Format.JSON: json_render.render_all,
        Format.CSV: render_csv,
        Format.MARKDOWN: render_markdown,
    }
    return views[fmt](reports)
