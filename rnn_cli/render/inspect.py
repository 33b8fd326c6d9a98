"""`rnnx inspect`'s view (and `rnn_cli.inspect`'s display): the flow as a table, each recurrent
layer as `rnnx shape` explains it with the command that reproduces it, the findings with their
fixes, the error forward raised. One renderer per format. Must not import torch.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from rnn_cli.catalog.lookup import text
from rnn_cli.inspect.model import Error, Inspection, Step, Value, as_dict
from rnn_cli.render import markdown
from rnn_cli.render.plain import Detail, shape_text

if TYPE_CHECKING:
    from rich.console import RenderableType


COLUMNS = ("module", "type", "inputs", "outputs", "reads")  # the flow's, as inspect.col_<name>


class InspectFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def value_text(v: Value) -> str:
    """input (4, 6, 5) batch·time·features; a packed batch with its lengths."""
    roles = ", ".join(text(f"inspect.role_{r}") for r in v.roles)
    said = f"{v.name} {shape_text(v.shape)}" + (f"\n[{roles}]" if roles else "")
    if v.lengths is not None:
        said += " " + text("inspect.packed", lengths=",".join(map(str, v.lengths)))
    return said


def _type(step: Step) -> str:
    """LSTM × 4 calls, its parameters under it."""
    calls = " " + text("inspect.calls", n=step.calls) if step.calls > 1 else ""
    return f"{step.type}{calls}\n" + text("inspect.params", n=f"{step.parameters:,}")


def _outputs(step: Step, found: Inspection) -> str:
    if not step.outputs and found.error is not None and found.error.module == step.path:
        return text("inspect.raised_here")
    return "\n".join(value_text(v) for v in step.outputs)


def _reads(step: Step) -> str:
    return "\n".join(f"{r.layer}: {r.expression}" for r in step.reads)


def rows(found: Inspection) -> list[list[str]]:
    """One row per leaf module, in call order."""
    return [
        [
            s.path,
            _type(s),
            "\n".join(value_text(v) for v in s.inputs),
            _outputs(s, found),
            _reads(s),
        ]
        for s in found.modules
    ]


def header() -> list[str]:
    return [text(f"inspect.col_{n}") for n in COLUMNS]


def error_lines(error: Error) -> tuple[str, ...]:
    """The error in the modules' terms, torch's message quoted, then `rnnx why`'s likely cause
    and its fix where its decoder knows the message."""
    lines = [error.says, text("inspect.torch_said", error=error.type, message=error.message)]
    if error.cause is not None:
        lines.append(text("inspect.cause", cause=error.cause))
    if error.fix is not None:
        lines.append(text("inspect.fix", fix=error.fix))
    return tuple(lines)


def render_json(found: Inspection) -> str:
    return json.dumps(as_dict(found), indent=2, ensure_ascii=False)


def _findings_md(found: Inspection) -> list[str]:
    lines = [f"**{text('inspect.findings')}**", ""]
    for f in found.findings:
        fix = f" ({text('inspect.fix', fix=f'`{f.fix}`')})" if f.fix else ""
        lines.append(f"- `{f.module}`: {f.says}{fix}")
    return lines if found.findings else [*lines, text("inspect.no_findings")]


def render_markdown(found: Inspection) -> str:
    cells = [[c.replace("\n", "<br>") for c in row] for row in rows(found)]
    lines = [f"**{_title(found)}**", "", *markdown.table(header(), cells), ""]
    if found.error is not None:
        said = error_lines(found.error)
        lines += [f"**{text('inspect.error')}**: {said[0]}", "", *(f"- {s}" for s in said[1:]), ""]
    lines += [*_findings_md(found), "", *(f"- {n}" for n in found.notes), ""]
    for layer, report in zip(found.layers, found.reports, strict=False):
        lines += [f"### {text('inspect.layer_heading', layer=layer.path)}", ""]
        lines += [f"`{layer.command}`", "", markdown.render(report), ""]
    return "\n".join(lines)


def _title(found: Inspection) -> str:
    return text("inspect.title", modules=len(found.modules), layers=len(found.layers))


def _table(found: Inspection) -> RenderableType:
    from rnn_cli.render import inspect_table  # noqa: PLC0415 (Rich, only when a table is drawn)

    error = () if found.error is None else error_lines(found.error)
    return inspect_table.render(found, _title(found), header(), rows(found), error, Detail.FIRST)


VIEW: dict[InspectFormat, Callable[[Inspection], RenderableType | str]] = {
    InspectFormat.TABLE: _table,
    InspectFormat.JSON: render_json,
    InspectFormat.MARKDOWN: render_markdown,
}
