"""The Rich picture of an inspection: the flow table, the error, the findings with their fixes,
how torch read each recurrent input, then each recurrent layer as `rnnx shape` draws it.
Must not import torch.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog.lookup import text
from rnn_cli.inspect.model import Inspection
from rnn_cli.render import table
from rnn_cli.render.plain import Detail


def _flow(title: str, header: list[str], rows: list[list[str]]) -> Table:
    grid = Table(title=title, box=box.SIMPLE_HEAVY, title_justify="left", show_lines=True)
    for i, name in enumerate(header):
        grid.add_column(
            name, overflow="fold" if i == 0 else "ellipsis", justify="right" if i == 4 else "left"
        )
    for row in rows:
        grid.add_row(*(Text(cell) for cell in row))
    return grid


def _findings(found: Inspection) -> RenderableType:
    if not found.findings:
        return Text(text("inspect.no_findings"), style="green")
    items = tuple(
        f"{f.says}" + (f"\n{text('inspect.fix', fix=f.fix)}" if f.fix else "")
        for f in found.findings
    )
    return table.bullets(text("inspect.findings"), "✗", items, "red")


def render(
    found: Inspection, title: str, header: list[str], rows: list[list[str]], detail: Detail
) -> RenderableType:
    parts: list[RenderableType] = [_flow(title, header, rows)]
    if found.error is not None:
        parts += [table.bullets(text("inspect.error"), "✗", (found.error.says,), "bold red")]
    parts += [_findings(found)]
    if found.notes:
        parts += [table.bullets(text("inspect.notes"), "•", found.notes, "")]
    for layer, report in zip(found.layers, found.reports, strict=False):
        heading = Text(text("inspect.layer_heading", layer=layer.path), style="bold")
        command = Text(text("inspect.reproduce", command=layer.command), style="cyan")
        parts += [Text(""), heading, command, table.render(report, detail)]
    return Group(*parts)
