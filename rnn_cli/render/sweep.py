"""`rnnx sweep`'s views: one row per configuration as a Rich table, CSV, JSON or Markdown.

Columns: the config keys whose values differ across the sweep, then COLUMNS. Headings are the
JSON keys, not prose, so a script reads the same names in every format. Must not import torch.
"""

import csv
import io
from collections.abc import Callable, Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.report import Report, config
from rnn_cli.render import json as json_render
from rnn_cli.render.markdown import table as pipe_table
from rnn_cli.render.plain import WIDEST, shape_cell, shape_text
from rnn_cli.spec import grid
from rnn_cli.spec.choices import Format

STATES = ("output", "h_n", "c_n")  # c_n is empty for RNN and GRU
COLUMNS = (*STATES, "total_parameters", "mult_adds", "estimated_bytes")


def varied(reports: Sequence[Report]) -> tuple[str, ...]:
    """The config keys whose values differ across the sweep."""
    return grid.varied([config(r.spec, r.backend) for r in reports])


def header(reports: Sequence[Report], keys: Sequence[str] | None = None) -> list[str]:
    """The varied config keys (computed unless given), then COLUMNS."""
    return [*(varied(reports) if keys is None else keys), *COLUMNS]


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
    values = config(report.spec, report.backend)
    counts = (report.total_parameters, report.mult_adds, report.estimated_bytes)
    return [
        *(_value(values[k]) for k in keys),
        *(shape(shapes[s]) if s in shapes else "" for s in STATES),
        *(format(n, number) for n in counts),
    ]


def render_csv(reports: Sequence[Report]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    keys = varied(reports)
    writer.writerow(header(reports, keys))
    writer.writerows(row(r, keys, shape_cell, "d") for r in reports)
    return buffer.getvalue().rstrip("\n")


def render_markdown(reports: Sequence[Report]) -> str:
    keys = varied(reports)
    rows = [row(r, keys, lambda s: f"`{shape_text(s)}`", ",") for r in reports]
    return "\n".join(pipe_table(header(reports, keys), rows))


SEP = " · "


def heading(name: str) -> str:
    """The table view's short heading for a column (catalog sweep.col.*; a tensor's name as it
    is); a legend line spells out each one that differs from the name CSV and JSON use."""
    return name if name in STATES else text(f"sweep.col.{name}")


def _cells(reports: Sequence[Report], every: list[str]) -> list[dict[str, str]]:
    """Every configuration's cells by column name, computed once per sweep."""
    keys = every[: -len(COLUMNS)]
    return [dict(zip(every, row(r, keys, shape_text, ","), strict=True)) for r in reports]


def _columns(every: list[str], cells: list[dict[str, str]]) -> tuple[list[str], dict[str, str]]:
    """The varying columns, and the tensors whose shape every configuration shares."""
    same = {}
    for name in STATES:
        values = {c[name] for c in cells}
        if len(values) == 1:
            same[name] = values.pop()
    return [n for n in every if n not in same], same


def _preamble(
    reports: Sequence[Report], names: list[str], same: dict[str, str], width: int
) -> list[Text]:
    backend = reports[0].backend.value if reports else ""
    lines = [Text(text("title.sweep", n=len(reports), backend=backend), style="bold")]
    shared = [f"{name} {shape}" for name, shape in same.items() if shape]
    if shared:
        lines += _pack([text("sweep.same", shapes=shared[0]), *shared[1:]], width)
    lines += _pack([f"{heading(n)} = {n}" for n in names if heading(n) != n], width, "dim")
    return lines


def _table(cells: list[dict[str, str]], names: list[str]) -> Table:
    """Every column unwrapped, so each configuration stays on one line."""
    table = Table(box=box.SIMPLE_HEAD)
    for name in names:
        numeric = name in COLUMNS[len(STATES) :]
        table.add_column(heading(name), justify="right" if numeric else "left", no_wrap=True)
    for c in cells:
        table.add_row(*(c[n] for n in names))
    return table


def _pack(items: list[str], width: int, style: str = "", indent: str = "") -> list[Text]:
    """items on as few lines as width allows, none split: a shape or a value stays whole;
    lines after the first start with indent."""
    lines: list[str] = []
    for item in items:
        if lines and cell_len(lines[-1]) + len(SEP) + cell_len(item) <= width:
            lines[-1] += SEP + item
        else:
            lines.append(indent + item if lines else item)
    return [Text(line, style=style, no_wrap=True, overflow="ignore") for line in lines]


def _blocks(cells: list[dict[str, str]], names: list[str], width: int) -> list[RenderableType]:
    """One block per configuration, for a terminal too narrow for the table."""
    out: list[RenderableType] = []
    for i, c in enumerate(cells, 1):
        items = [f"{heading(n)} {c[n]}" for n in names if c[n]]
        out += [Text(""), *_pack([f"#{i}", *items], width, indent="   ")]
    return out


def render_table(reports: Sequence[Report], width: int | None = None) -> RenderableType:
    """A table when it fits width (None: any width, as on a pipe), else one block each."""
    every = header(reports)
    cells = _cells(reports, every)
    names, same = _columns(every, cells)
    preamble = _preamble(reports, names, same, width or WIDEST)
    table = _table(cells, names)
    natural = _natural_width(table)
    if width is None or natural <= width:
        table.width = natural  # a pipe's console would squeeze it to its own 80 columns
        return Group(*preamble, table)
    return Group(*preamble, *_blocks(cells, names, width))


def _natural_width(table: Table) -> int:
    console = Console(width=WIDEST, file=io.StringIO())
    return Measurement.get(console, console.options, table).maximum


def view(width: int | None) -> dict[Format, Callable[[Sequence[Report]], RenderableType | str]]:
    """Each format's renderer; width: the terminal's, or None on a pipe (the table's own)."""
    return {
        Format.TABLE: lambda reports: render_table(reports, width),
        Format.JSON: json_render.render_all,
        Format.CSV: render_csv,
        Format.MARKDOWN: render_markdown,
    }
