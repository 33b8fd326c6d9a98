"""`rnnx why` as a Rich report: torch's message, what it checked, its numbers named, the causes
with their fixes, and the command. Must not import torch or numpy.
"""

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog.lookup import text
from rnn_cli.render.table import bullets
from rnn_cli.why.decode import Reading


def _causes(reading: Reading) -> RenderableType:
    if not reading.causes:
        return Text(text("why.no_cause"), style="yellow")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("#", no_wrap=True)
    table.add_column(text("why.col_cause"), ratio=3, overflow="fold")
    table.add_column(text("why.col_fix"), style="cyan", ratio=2, overflow="fold")
    for i, c in enumerate(reading.causes, 1):
        said = Text(f"[{c.mark()}] ", style="bold" if c.likely else "dim")
        table.add_row(str(i), said + Text(c.says), Text(c.fix))
    return table


def render(reading: Reading) -> RenderableType:
    parts: list[RenderableType] = [
        Text(text("why.head_message"), style="bold"),
        Text(f"  {reading.message}", style="red"),
        bullets(text("why.head_checked"), "•", (reading.checked,), ""),
        bullets(text("why.head_numbers"), "•", reading.named, ""),
    ]
    if reading.conflict:
        parts.append(bullets(text("why.head_conflict"), "!", (reading.conflict,), "yellow"))
    parts += [Text(text("why.head_causes"), style="bold"), _causes(reading)]
    parts += [Text(text("why.head_command"), style="bold"), Text(f"  {reading.command}")]
    return Group(*parts)
