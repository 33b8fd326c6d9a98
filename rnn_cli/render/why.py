"""`rnnx why`'s view: one renderer per --format. JSON and Markdown are here; the Rich table lives
in why_table.py and loads (with Rich) only when a table is drawn, so `-f json` starts without
Rich. Must not import torch or numpy.

torch's message is quoted as the student saw it, in every language; JSON keys are English and
stable (tests/test_why_contract.py pins them).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from rnn_cli.catalog.lookup import text
from rnn_cli.render.markdown import table as markdown_table
from rnn_cli.why.decode import Reading

if TYPE_CHECKING:
    from rich.console import RenderableType


class WhyFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def _table(reading: Reading) -> RenderableType:
    from rnn_cli.render import why_table  # noqa: PLC0415 (Rich, only when a table is drawn)

    return why_table.render(reading)


def render_json(reading: Reading) -> str:
    return json.dumps(reading.to_dict(), indent=2, ensure_ascii=False)


def render_markdown(reading: Reading) -> str:
    lines = [f"**{text('why.head_message')}**", "", "```", reading.message, "```", ""]
    lines += [f"**{text('why.head_checked')}**: {reading.checked}", ""]
    lines += [f"**{text('why.head_numbers')}**", "", *(f"- {n}" for n in reading.named), ""]
    if reading.conflict:
        lines += [f"**{text('why.head_conflict')}**: {reading.conflict}", ""]
    rows = [
        [str(i), f"{c.mark()}: {c.says}", "`" + c.fix.replace("\n", "`<br>`") + "`"]
        for i, c in enumerate(reading.causes, 1)
    ]
    header = ["#", text("why.col_cause"), text("why.col_fix")]
    lines += [f"**{text('why.head_causes')}**", "", *markdown_table(header, rows), ""]
    return "\n".join([*lines, f"**{text('why.head_command')}**: `{reading.command}`"])


VIEW: dict[WhyFormat, Callable[[Reading], RenderableType | str]] = {
    WhyFormat.TABLE: _table,
    WhyFormat.JSON: render_json,
    WhyFormat.MARKDOWN: render_markdown,
}
