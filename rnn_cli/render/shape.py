"""`rnnx shape`'s view: one renderer per --format, each a Report to text or a Rich renderable.

The table, JSON, CSV and Markdown renderers live in the modules of those names; this map is the one
place a command finds them. Must not import torch.
"""

from collections.abc import Callable
from functools import partial

from rich.console import RenderableType

from rnn_cli.render import csv, json, markdown, table
from rnn_cli.render.table import Detail
from rnn_cli.report import Report
from rnn_cli.spec import Format

Renderer = Callable[[Report], RenderableType | str]


def view(detail: Detail = Detail.FIRST) -> dict[Format, Renderer]:
    """Each format's renderer; detail: how much the table shows (--params, --all)."""
    return {
        Format.TABLE: partial(table.render, detail=detail),
        Format.JSON: json.render,
        Format.CSV: csv.render,
        Format.MARKDOWN: markdown.render,
    }
