"""`rnnx shape`'s view: one renderer per --format, each a Report to text or a Rich renderable.

The table, JSON, CSV and Markdown renderers live in the modules of those names; this map is the one
place a command finds them. The table's module (and Rich) loads only when a table is drawn, so JSON
and CSV start without Rich. Must not import torch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rnn_cli.render import csv, json, markdown
from rnn_cli.render.plain import Detail
from rnn_cli.spec.choices import Format

if TYPE_CHECKING:
    from rich.console import RenderableType

    from rnn_cli.findings.report import Report

Renderer = Callable[["Report"], "RenderableType | str"]


def _table(detail: Detail) -> Renderer:
    def render(report: Report) -> RenderableType:
        from rnn_cli.render import table  # noqa: PLC0415 (Rich, only when a table is drawn)

        return table.render(report, detail)

    return render


def view(detail: Detail = Detail.FIRST) -> dict[Format, Renderer]:
    """Each format's renderer; detail: how much the table shows (--params, --all)."""
    return {
        Format.TABLE: _table(detail),
        Format.JSON: json.render,
        Format.CSV: csv.render,
        Format.MARKDOWN: markdown.render,
    }
