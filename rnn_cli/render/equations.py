"""The Rich view of `rnnx explain`: a cell's equations, every term's shape, torch's gate packing.

Takes a Lesson (rnn_cli.equations) and computes nothing. Must not import torch.
"""

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog.lookup import text
from rnn_cli.network.lesson import Lesson
from rnn_cli.render.pieces import Flow, commas, lead, prose
from rnn_cli.render.plain import shape_text
from rnn_cli.render.table import bullets


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold")


def _equations(lesson: Lesson) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column(text("col.equation"), overflow="fold")
    table.add_column(text("col.nonlinearity"), no_wrap=True)
    for eq in lesson.equations:
        # the explanation keeps its indent when it wraps
        does = Padding(prose(eq.does, "dim"), (0, 0, 0, 2))
        table.add_row(Group(lead(Text(eq.text, style="bold")), does), Text(eq.act))
    return table


def _two_lines(symbols: str) -> int:
    """The narrowest width that holds a list of symbols in two lines, cut after a comma."""
    parts = [p.cell_len for p in commas(Text(symbols))]
    return min(
        max(sum(parts[:k]) + k - 1, sum(parts[k:]) + len(parts) - k - 1)
        for k in range(1, len(parts) + 1)
    )


def _terms(lesson: Lesson) -> Table:
    """A long list of symbols (the eight biases) takes two lines, so the meanings keep the width."""
    table = Table(box=box.SIMPLE_HEAD)
    widest = max((_two_lines(t.symbol) for t in lesson.terms), default=None)
    table.add_column(text("col.term"), style="cyan", max_width=widest)
    table.add_column(text("col.shape"), no_wrap=True)
    table.add_column(text("col.as"), no_wrap=True)
    table.add_column(text("col.meaning"))
    for t in lesson.terms:
        symbols = Flow(commas(Text(t.symbol)))
        table.add_row(symbols, shape_text(t.shape), Text(t.dims), prose(t.meaning))
    return table


def _packing(lesson: Lesson) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column(text("col.parameter"), style="cyan", no_wrap=True)
    table.add_column(text("col.shape"), no_wrap=True)
    table.add_column(text("col.blocks"), overflow="fold")
    table.add_column(text("col.rows"), overflow="fold")
    for p in lesson.packing:
        table.add_row(p.param, shape_text(p.shape), Text(p.blocks), Text(p.rows))
    return table


def _notes(lesson: Lesson) -> RenderableType:
    return bullets(text("head.notes"), "•", lesson.notes, "")


def render(lesson: Lesson) -> RenderableType:
    return Group(
        Text(lesson.title, style="bold"),
        _equations(lesson),
        _heading(text("title.terms")),
        _terms(lesson),
        _heading(text("title.packing")),
        _packing(lesson),
        _notes(lesson),
    )
