"""`%load_ext rnn_cli`: the `%rnnx` line magic, which takes the CLI's arguments
(`%rnnx shape --layers 2 --bidirectional`) and shows what the command prints in the cell.

Imports IPython only when the extension is loaded. Must not be imported by any floor below.
"""

from __future__ import annotations

import io
import shlex
from typing import Any

from rnn_cli.api import speaking


class Printed:
    """What a command printed, shown as text and as HTML in the cell."""

    def __init__(self, out: str, code: int) -> None:
        self.out, self.code = out, code

    def __repr__(self) -> str:
        return self.out

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        from rich.console import Console
        from rich.text import Text

        recorder = Console(record=True, width=120, file=io.StringIO())
        recorder.print(Text.from_ansi(self.out))
        html = recorder.export_html(inline_styles=True, code_format="<pre>{code}</pre>")
        return {"text/plain": self.out, "text/html": html}


def rnnx(line: str) -> Printed:
    """The CLI run on line's arguments, in this process; its output and exit code."""
    from typer.testing import CliRunner

    from rnn_cli.cli.launch import app

    with speaking(None):
        done = CliRunner().invoke(app, shlex.split(line), env={"COLUMNS": "120"})
    return Printed((done.stdout + done.stderr).rstrip(), done.exit_code)


def load_ipython_extension(ipython: Any) -> None:
    """%load_ext rnn_cli: register %rnnx."""
    ipython.register_magic_function(rnnx, "line", "rnnx")
