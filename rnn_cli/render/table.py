"""The Rich view of a Report: tensors with every dimension explained, notes, parameters, totals.

Must not import torch.
"""

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog import text
from rnn_cli.render import shape_text
from rnn_cli.report import Report
from rnn_cli.sizes import human_bytes


def _title(report: Report) -> str:
    spec = report.spec
    return text(
        "title.shape", cell=spec.cell.name, backend=report.backend.value, dtype=spec.dtype.value
    )


def tensor_table(report: Report) -> Table:
    table = Table(title=_title(report), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(text("col.tensor"), style="bold cyan", no_wrap=True)
    table.add_column(text("col.shape"), style="bold", no_wrap=True)
    table.add_column(text("col.dims"), overflow="fold")
    for t in report.tensors:
        dims = "\n".join(f"{i}: {d.meaning}" for i, d in enumerate(t.dims))
        table.add_row(t.name, shape_text(t.shape), Text(dims))  # Text: "[t]" is no markup
    return table


def parameter_table(report: Report) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column(text("col.parameter"), style="cyan", no_wrap=True)
    table.add_column(text("col.shape"), no_wrap=True)
    table.add_column(text("col.count"), justify="right", no_wrap=True)
    table.add_column(text("col.meaning"), overflow="fold")
    for p in report.parameters:
        table.add_row(p.name, shape_text(p.shape), f"{p.count:,}", Text(p.meaning))
    return table


def summary_table(report: Report) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(text("sum.total"), f"{report.total_parameters:,}")
    table.add_row(text("sum.bytes"), human_bytes(report.parameter_bytes))
    table.add_row(text("sum.mult_adds"), f"{report.mult_adds:,}")
    table.add_row(text("sum.estimate"), human_bytes(report.estimated_bytes))
    return table


def bullets(heading: str, mark: str, items: tuple[str, ...], style: str) -> Group:
    """A heading over marked lines; a wrapped line stays indented under its own text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row(Text(mark, style=style), Text(item, style=style))
    return Group(Text(heading, style=f"bold {style}".strip()), grid)


def answers(report: Report) -> RenderableType:
    """The student's --expect answers, each ✓ or ✗ with why, first: it is their question."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for e in report.expectations:
        mark, style = ("✓", "green") if e.holds else ("✗", "bold red")
        said = f"{e.name} = {shape_text(e.shape)}"
        line = said if e.holds else f"{said} → {shape_text(e.expected_shape)}"
        grid.add_row(Text(mark, style=style), Group(Text(line, style=style), Text(e.why)))
    return Group(Text(text("head.expectations"), style="bold"), grid, Text(""))


def notes(report: Report) -> RenderableType:
    warnings = [bullets(text("head.warnings"), "⚠", report.warnings, "yellow")]
    return Group(
        *(warnings if report.warnings else []),
        bullets(text("head.notes"), "•", report.notes, ""),
    )


def identity_table(report: Report) -> RenderableType:
    """Claims torch guarantees and traps, side by side, so a trap that happens to hold shows."""
    table = Table(title=text("title.identities"), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(text("col.claim"), overflow="fold")
    table.add_column(text("col.torch_says"), no_wrap=True)
    table.add_column(text("col.numbers"), no_wrap=True)
    for i in report.identities:
        claim = Group(Text(i.claim, style="cyan"), Padding(Text(i.why, style="dim"), (0, 0, 0, 2)))
        says = text("id.expected" if i.expected else "id.trap")
        numbers = text("id.holds" if i.holds else "id.differs")
        style = "green" if i.holds == i.expected else "bold red"
        table.add_row(claim, says, Text(numbers, style=style))
    return Padding(table, (1, 0, 0, 0))


def render(report: Report) -> RenderableType:
    identities = [identity_table(report)] if report.identities else []
    return Group(
        *([answers(report)] if report.expectations else []),
        tensor_table(report),
        notes(report),
        *identities,
        parameter_table(report),
        summary_table(report),
    )
