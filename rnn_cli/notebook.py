"""`%load_ext rnn_cli`: the `%rnnx` line magic, which takes the CLI's arguments
(`%rnnx shape --layers 2 --bidirectional`) and shows what the command prints in the cell, as text
and as HTML. The command runs as its own process, as in a terminal: the kernel's language and
display stay untouched. `%rnnx why` reads the notebook's last exception (what IPython keeps in
sys.last_value) as `rnnx why` reads a pipe, unless the line gives a message.
Must not be imported by any floor below.
"""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from typing import Any

from rnn_cli.api import HTML, WIDTH, error_text, last_error
from rnn_cli.catalog.lookup import text


class Printed:
    """What a command printed (stdout, then stderr) and its exit code."""

    def __init__(self, out: str, code: int) -> None:
        self.out, self.code = out, code

    def __repr__(self) -> str:
        from rich.text import Text

        return Text.from_ansi(self.out).plain

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        from rich.console import Console
        from rich.text import Text

        recorder = Console(record=True, width=WIDTH, file=io.StringIO(), force_jupyter=False)
        recorder.print(Text.from_ansi(self.out), crop=False)
        html = recorder.export_html(inline_styles=True, code_format=HTML)
        return {"text/plain": repr(self), "text/html": html}


def _piped(words: list[str]) -> str:
    """What the command reads on stdin: for why, the last exception's traceback."""
    error = last_error() if words[:1] == ["why"] else None
    return "" if error is None else error_text(error)


def rnnx(line: str) -> Printed:
    """`rnnx LINE` in a process of its own; what it printed and its exit code."""
    words = shlex.split(line)
    piped = _piped(words)
    if words == ["why"] and not piped:
        return Printed(text("why.no_exception"), 2)
    env = {**os.environ, "COLUMNS": str(WIDTH), "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    done = subprocess.run(
        [sys.executable, "-m", "rnn_cli", *words],
        capture_output=True,
        text=True,
        input=piped,
        env=env,
        check=False,
    )
    return Printed((done.stdout + done.stderr).rstrip(), done.returncode)


def load_ipython_extension(ipython: Any) -> None:
    """%load_ext rnn_cli: register %rnnx."""
    ipython.register_magic_function(rnnx, "line", "rnnx")
