"""Markdown tables a student can paste into a report. Must not import torch."""

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.report import Report
from rnn_cli.render.plain import shape_text
from rnn_cli.spec.sizes import human_bytes


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [line(header), line(["---"] * len(header)), *(line(r) for r in rows)]


def _identities(report: Report) -> list[str]:
    if not report.identities:
        return []
    rows = [
        [
            f"`{i.claim}`<br>{i.why}",
            text("id.expected" if i.expected else "id.trap"),
            text("id.holds" if i.holds else "id.differs"),
        ]
        for i in report.identities
    ]
    header = [text("col.claim"), text("col.torch_says"), text("col.numbers")]
    return [f"**{text('title.identities')}**", "", *table(header, rows), ""]


def _answers(report: Report) -> list[str]:
    """--expect: each answer ✓ or ✗, the shape torch gives, and why."""
    if not report.expectations:
        return []
    lines = [f"**{text('head.expectations')}**", ""]
    for e in report.expectations:
        said = f"`{e.name} = {shape_text(e.shape)}`"
        if e.holds:
            lines.append(f"- ✓ {said}: {e.why}")
        else:
            lines.append(f"- ✗ {said} → `{shape_text(e.expected_shape)}`: {e.why}")
    return lines


def _check(holds: bool | None) -> str:
    return text(
        "recipe.unchecked" if holds is None else "recipe.holds" if holds else "recipe.fails"
    )


def _recipes(report: Report) -> list[str]:
    if not report.recipes:
        return []
    rows = [
        [
            _check(r.holds),
            f"`{r.expression}`",
            "" if r.shape is None else f"`{shape_text(r.shape)}`",
            r.purpose
            + (
                f"<br>✗ {text('recipe.not', wrong=f'`{r.wrong}`')}: {r.wrong_why}"
                if r.wrong
                else ""
            ),
        ]
        for r in report.recipes
    ]
    checked = any(r.holds is not None for r in report.recipes)
    title = text("title.recipes" if checked else "title.recipes_unchecked")
    header = ["", text("col.recipe"), text("col.shape"), text("col.purpose")]
    return [f"**{title}**", "", *table(header, rows), ""]


def render(report: Report) -> str:
    tensors = [
        [f"`{t.name}`", f"`{shape_text(t.shape)}`", "<br>".join(str(d.meaning) for d in t.dims)]
        for t in report.tensors
    ]
    params = [
        [f"`{p.name}`", f"`{shape_text(p.shape)}`", f"{p.count:,}", str(p.meaning)]
        for p in report.parameters
    ]
    lines = [
        *table([text("col.tensor"), text("col.shape"), text("col.dims")], tensors),
        "",
        *(f"- ⚠ {w}" for w in report.warnings),
        *(f"- {n}" for n in report.notes),
        "",
        *_recipes(report),
        *_identities(report),
        *table(
            [text("col.parameter"), text("col.shape"), text("col.count"), text("col.meaning")],
            params,
        ),
        "",
        f"- **{text('sum.total')}**: {report.total_parameters:,}",
        f"- **{text('sum.bytes')}**: {human_bytes(report.parameter_bytes)}",
        f"- **{text('sum.mult_adds')}**: {report.mult_adds:,}",
        f"- **{text('sum.estimate')}**: {human_bytes(report.estimated_bytes)}",
        *([""] if report.expectations else []),
        *_answers(report),  # the verdict last, as on the screen
    ]
    return "\n".join(lines)
