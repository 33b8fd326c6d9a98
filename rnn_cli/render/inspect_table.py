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
from rnn_cli.render.pieces import prose
from rnn_cli.render.plain import Detail

# each column's least and most width: the shapes and the slice read keep room at 80 columns
WIDTHS = ((None, 18), (None, 12), (15, None), (15, None), (14, None))


def _flow(title: str, header: list[str], rows: list[list[str]]) -> Table:
    grid = Table(
        title=title, box=box.SIMPLE_HEAVY, title_justify="left", show_lines=True, show_edge=False
    )
    for i, name in enumerate(header):  # module, type, inputs, outputs, reads
        least, most = WIDTHS[i]
        grid.add_column(name, overflow="fold", min_width=least, max_width=most)
    for row in rows:
        grid.add_row(*(Text(cell) for cell in row))
    return grid


def _findings(found: Inspection) -> RenderableType:
    """Each finding, its fix on a line of its own under it."""
    if not found.findings:
        return Text(text("inspect.no_findings"), style="green")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for f in found.findings:
        fix = [prose(text("inspect.fix", fix=f.fix), "cyan")] if f.fix else []
        grid.add_row(Text("✗", style="bold red"), Group(prose(f.says), *fix))
    return Group(Text(text("inspect.findings"), style="bold red"), grid)


def _error(lines: tuple[str, ...]) -> RenderableType:
    """The error's first line marked, torch's message, the cause and the fix under it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(Text("✗", style="bold red"), Group(*(prose(line) for line in lines)))
    return Group(Text(text("inspect.error"), style="bold red"), grid)


def render(
    found: Inspection,
    title: str,
    header: list[str],
    rows: list[list[str]],
    error: tuple[str, ...],
    detail: Detail,
) -> RenderableType:
    """The picture; error: the error's lines (render/inspect.error_lines), empty when none."""
    parts: list[RenderableType] = [_flow(title, header, rows), Text("")]
    if error:
        parts += [_error(error)]
    parts += [_findings(found)]
    if found.notes:
        parts += [table.bullets(text("inspect.notes"), "•", found.notes, "")]
    for layer, report in zip(found.layers, found.reports, strict=False):
        heading = Text(text("inspect.layer_heading", layer=layer.path), style="bold")
        command = Text(text("inspect.reproduce", command=layer.command), style="cyan")
        parts += [Text(""), heading, command, table.render(report, detail)]
    return Group(*parts)
