"""The Rich view of a Report: tensors with every dimension explained, notes, recipes; then, on
request, the identities, parameters and totals. Must not import torch.
"""

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.recipes import Recipe
from rnn_cli.findings.report import Report
from rnn_cli.render.pieces import lead, prose
from rnn_cli.render.plain import Detail, shape_text
from rnn_cli.spec.sizes import human_bytes


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
        table.add_row(p.name, shape_text(p.shape), f"{p.count:,}", Text(str(p.meaning)))
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
        grid.add_row(Text(mark, style=style), prose(item, style))
    return Group(Text(heading, style=f"bold {style}".strip()), grid)


def answers(report: Report) -> RenderableType:
    """The student's --expect answers, each ✓ or ✗ with why, last: the verdict they came for
    stays on screen, the table above it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for e in report.expectations:
        mark, style = ("✓", "green") if e.holds else ("✗", "bold red")
        said = f"{e.name} = {shape_text(e.shape)}"
        line = said if e.holds else f"{said} → {shape_text(e.expected_shape)}"
        grid.add_row(Text(mark, style=style), Group(Text(line, style=style), Text(e.why)))
    return Padding(Group(Text(text("head.expectations"), style="bold"), grid), (1, 0, 0, 0))


def notes(report: Report) -> RenderableType:
    warnings = [bullets(text("head.warnings"), "⚠", report.warnings, "yellow")]
    return Group(
        *(warnings if report.warnings else []),
        bullets(text("head.notes"), "•", report.notes, ""),
    )


def _outcome(holds: bool, expected: bool) -> Text:
    """✓ equal / ✗ differ, green or blue when torch's word bears out, red for a surprise."""
    style = ("green" if holds else "blue") if holds == expected else "bold red"
    return Text(text("id.holds" if holds else "id.differs"), style=style)


def identity_table(report: Report) -> RenderableType:
    """Claims torch guarantees and look-alikes, each with what these numbers show."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for i in report.identities:
        says = text("id.expected" if i.expected else "id.trap")
        why = prose(f"{says}: {i.why}", "dim")
        grid.add_row(_outcome(i.holds, i.expected), Group(lead(Text(i.claim, style="cyan")), why))
    title = Text(text("title.identities"), style="bold")
    return Padding(Group(title, prose(text("id.legend"), "dim"), grid), (1, 0, 0, 0))


def _mark(holds: bool | None) -> Text:
    if holds is None:
        return Text(text("recipe.unchecked"), style="dim")
    return Text(
        text("recipe.holds" if holds else "recipe.fails"), style="green" if holds else "bold red"
    )


def _wrong(r: Recipe) -> RenderableType:
    # the wrong twin where the language puts it: "not X", "X 아님"
    before, _, after = text("recipe.not", wrong="\x00").partition("\x00")
    code = Text.assemble((f"✗ {before}", "red"), (r.wrong or "", "cyan"), (after, "red"))
    # shown only where it differs by construction; a coincidence on the numbers is said
    chance = r.wrong_differs is False
    why = f"{r.wrong_why} ({text('recipe.same_here')})" if chance else str(r.wrong_why)
    return lead(code, Text(why, style="dim"))


def _recipe(r: Recipe) -> Group:
    shape = f"  {shape_text(r.shape)}" if r.shape is not None else ""
    lines: list[RenderableType] = [
        lead(Text.assemble((r.expression, "bold cyan"), shape)),
        prose(r.purpose, "dim"),
    ]
    if r.wrong:
        lines.append(_wrong(r))
    return Group(*lines)


def recipe_list(report: Report) -> RenderableType:
    """Each recipe's expression on a line of its own, its check's mark before it."""
    checked = any(r.holds is not None for r in report.recipes)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for r in report.recipes:
        grid.add_row(_mark(r.holds), _recipe(r))
    title = text("title.recipes" if checked else "title.recipes_unchecked")
    return Padding(Group(Text(title, style="bold"), grid), (1, 0, 0, 0))


def cost_line(report: Report) -> Text:
    more = text(
        "note.more",
        params=f"{report.total_parameters:,}",
        tensors=len(report.parameters),
        mult_adds=f"{report.mult_adds:,}",
    )
    return Text(more, style="dim")


def render(report: Report, detail: Detail = Detail.FIRST) -> RenderableType:
    parts: list[RenderableType] = [tensor_table(report), notes(report)]
    if report.recipes:
        parts.append(recipe_list(report))
    if detail is Detail.ALL and report.identities:
        parts.append(identity_table(report))
    if detail is Detail.FIRST:
        parts += [Text(""), cost_line(report)]
    else:
        parts += [Text(""), parameter_table(report), summary_table(report)]
    if report.expectations:  # the student's own question, answered last
        parts.append(answers(report))
    return Group(*parts)
