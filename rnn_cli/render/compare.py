"""`rnnx compare` as Rich tables, JSON or Markdown. Must not import torch."""

import json
from collections.abc import Callable
from dataclasses import asdict

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.comparison import Agreement, Comparison
from rnn_cli.render.markdown import table as md_table
from rnn_cli.render.plain import shape_text
from rnn_cli.render.table import bullets
from rnn_cli.spec.choices import Format


def _tensor_cols(c: Comparison) -> list[str]:
    """output, h_n, and c_n when any cell has one."""
    return list(dict.fromkeys(name for row in c.cells for name in row.tensors))


def _cell_rows(c: Comparison) -> list[list[str]]:
    """The network you have first, then each cell you swap to, marked →."""
    names = _tensor_cols(c)
    return [
        [
            r.cell if k == 0 else f"→ {r.cell}",
            *(shape_text(r.tensors[n]) if n in r.tensors else text("cmp.none") for n in names),
            f"{r.total_parameters:,}",
            f"{r.mult_adds:,}",
            "\n".join(r.changes),
        ]
        for k, r in enumerate(c.cells)
    ]


def _cell_header(c: Comparison) -> list[str]:
    return [
        text("cmp.col_cell"),
        *_tensor_cols(c),
        text("cmp.col_params"),
        text("cmp.col_mult_adds"),
        text("cmp.col_changes"),
    ]


def _verdict(a: Agreement) -> str:
    return text("cmp.same" if a.match else "cmp.differs")


def _diff(a: Agreement) -> str:
    return text("cmp.none") if a.max_abs_diff is None else f"{a.max_abs_diff:.3g}"


def _backend_header(c: Comparison) -> list[str]:
    return [text("col.tensor"), *c.seconds, text("cmp.col_diff"), text("cmp.col_verdict")]


def _backend_rows(c: Comparison) -> list[list[str]]:
    none = text("cmp.none")
    rows = [
        [a.name, *(shape_text(s) if s else none for s in a.shapes.values()), _diff(a), _verdict(a)]
        for a in c.tensors
    ]
    n = c.config.get("repeat", 1)
    seconds = [f"{s * 1e3:.3g} ms" for s in c.seconds.values()]
    rows.append([text("cmp.col_seconds", n=n), *seconds, "", ""])
    return rows


def _summary(c: Comparison) -> str:
    return text("cmp.summary_match" if c.match else "cmp.summary_mismatch", atol=c.atol)


def _rich(header: list[str], rows: list[list[str]], title: str) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for h in header:
        table.add_column(h, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    return table


def _changes(c: Comparison) -> list[RenderableType]:
    """What changed, under the table rather than in a column an 80-column terminal would crush;
    each swap headed by its direction, nn.RNN → nn.LSTM, and the flags that ask for it."""
    chosen = c.cells[0].cell
    return [bullets(_swap(chosen, row.cell), "•", row.changes, "") for row in c.cells[1:]]


def _swap(chosen: str, cell: str) -> str:
    return text("cmp.instead", was=chosen.upper(), now=cell.upper(), chosen=chosen, cell=cell)


def render(c: Comparison) -> RenderableType:
    backends = ", ".join(c.seconds)
    style = "bold green" if c.match else "bold red"
    cells = [row[:-1] for row in _cell_rows(c)]
    return Group(
        _rich(_cell_header(c)[:-1], cells, text("cmp.title_cells")),
        *_changes(c),
        Text(""),
        _rich(_backend_header(c), _backend_rows(c), text("cmp.title_backends", backends=backends)),
        Text(_summary(c), style=style),
        bullets(text("head.notes"), "•", c.notes, "") if c.notes else Text(""),
    )


def render_json(c: Comparison) -> str:
    return json.dumps(asdict(c), indent=2, ensure_ascii=False)


def render_markdown(c: Comparison) -> str:
    backends = ", ".join(c.seconds)
    lines = [
        f"**{text('cmp.title_cells')}**",
        "",
        *md_table(_cell_header(c), [[*r[:-1], r[-1].replace("\n", "<br>")] for r in _cell_rows(c)]),
        "",
        f"**{text('cmp.title_backends', backends=backends)}**",
        "",
        *md_table(_backend_header(c), _backend_rows(c)),
        "",
        _summary(c),
        *(f"- {note}" for note in c.notes),
    ]
    return "\n".join(lines)


# compare prints two tables: no CSV
VIEW: dict[Format, Callable[[Comparison], RenderableType | str]] = {
    Format.TABLE: render,
    Format.JSON: render_json,
    Format.MARKDOWN: render_markdown,
}
