"""What a command prints, the one way: text as it is, a picture on the console; --svg and
--html record the picture on a Console of their own and write it atomically (rnn_cli.files).
Taller than the terminal, it goes through a pager as git's does ($PAGER, else `less -FRX`),
never on a pipe, in a notebook, in CI or with --no-pager.
"""

from __future__ import annotations

import html
import io
import os
import re
import shlex
import shutil
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from rnn_cli.cli import files
from rnn_cli.cli.core import console
from rnn_cli.render.plain import WIDEST

if TYPE_CHECKING:
    from rich.console import RenderableType


def write_text(path: Path, content: str, flag: str) -> None:
    data = content.encode("utf-8")
    files.write_atomic(flag, path, lambda f: f.write(data))


def refuse_unwritable(svg: Path | None, html: Path | None) -> None:
    """Refuse a wrong suffix or an unwritable place before anything runs or prints."""
    for flag, path, suffix in (("--svg", svg, ".svg"), ("--html", html, ".html")):
        if path is not None:
            files.refuse_bad_target(flag, path, suffix)


def preserve_spaces(svg: str) -> str:
    """xml:space="preserve" on the root, so no SVG renderer collapses a leading space."""
    return svg.replace("<svg ", '<svg xml:space="preserve" ', 1)


# one run of text as Rich's export_svg writes it: textLength is char_width × characters
_RUN = re.compile(
    r'(<text class="[^"]*") x="([\d.]+)"( y="[^"]*") textLength="([\d.]+)"([^>]*>)([^<]*)<'
)


def on_the_grid(svg: str) -> str:
    """Every character of every run at its own cell's x: Rich sizes a run by characters, so a
    Hangul (two-cell) run was squeezed and drifted left of the grid, and renderers that ignore
    textLength (librsvg, CairoSVG) lay text out by the font's own widths."""
    from rich.cells import cell_len  # noqa: PLC0415 (Rich only where a picture is drawn)

    def place(m: re.Match[str]) -> str:
        start, per_char, chars = float(m[2]), float(m[4]), html.unescape(m[6])
        cell = per_char / max(len(chars), 1)  # Rich's char_width
        xs, x = [], start
        for ch in chars:
            xs.append(f"{x:g}")
            x += cell * cell_len(ch)
        return f'{m[1]} x="{" ".join(xs)}"{m[3]}{m[5]}{m[6]}<'

    return _RUN.sub(place, svg)


def save(
    picture: RenderableType, svg: Path | None, html: Path | None, width: int, title: str
) -> None:
    """Record picture at width (the terminal's, or the picture's own) and write the files."""
    if svg is None and html is None:
        return
    from rich.console import Console  # noqa: PLC0415 (Rich only where a picture is drawn)

    recorder = Console(record=True, width=width, file=io.StringIO())
    recorder.print(picture, crop=False)
    recorder.print()  # the SVG's last line is clipped at its baseline: h_n drew as "h n"
    if svg is not None:
        drawn = recorder.export_svg(title=title, clear=False)
        write_text(svg, on_the_grid(preserve_spaces(drawn)), "--svg")
    if html is not None:
        write_text(html, recorder.export_html(clear=False), "--html")


def width() -> int | None:
    """The terminal's columns, or None on a pipe: a picture then takes its own width."""
    out = console()
    return out.width if out.is_terminal else None


def columns() -> int:
    """Columns to lay a picture out in: the terminal's, or the console's default on a pipe."""
    return console().width


def natural(shown: RenderableType | str) -> int | None:
    """On a pipe, the picture's own width (a file from a pipe takes no blank columns)."""
    out = console()
    if isinstance(shown, str) or out.is_terminal:
        return None
    from rich.measure import Measurement  # noqa: PLC0415 (Rich only where a picture is drawn)

    return Measurement.get(out, out.options.update_width(WIDEST), shown).maximum


_PAGING = {"allowed": True}  # --no-pager turns it off for the process


def no_pager() -> None:
    _PAGING["allowed"] = False


def pager() -> str | None:
    """The pager command, chosen as git chooses it, or None where paging would get in the way:
    --no-pager, a pipe or a file, a notebook, CI, PAGER set to "" or "cat", or no such program."""
    terminal = sys.stdout is not None and sys.stdout.isatty()
    notebook = "ipykernel" in sys.modules  # its stdout is no terminal either; said outright
    if not _PAGING["allowed"] or not terminal or notebook or os.environ.get("CI"):
        return None
    command = os.environ.get("PAGER", "less -FRX").strip()
    words = shlex.split(command) if command not in ("", "cat") else []
    return command if words and shutil.which(words[0]) else None


def _page(text: str, command: str) -> None:
    """text through the pager; Ctrl-C belongs to the pager meanwhile (git ignores it too)."""
    env = {**os.environ}
    env.setdefault("LESS", "FRX")  # as git sets it: quit if one screen, keep colour, no clear
    import subprocess  # noqa: PLC0415 (only a run that pages starts a process)

    stream = sys.stdout
    data = text.encode(stream.encoding or "utf-8", errors=stream.errors or "strict")
    stream.flush()
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        # $PAGER is a shell command line ("less -R", "most"), run by the shell as git runs it
        subprocess.run(command, shell=True, input=data, env=env, check=False)
    finally:
        signal.signal(signal.SIGINT, before)


def show(
    shown: RenderableType | str,
    svg: Path | None = None,
    html: Path | None = None,
    title: str = "rnnx",
    wide: int | None = None,
    page: bool = True,
) -> None:
    """Print what a view rendered; a picture is saved first, so a path that cannot be written
    fails before anything is printed. wide: the file's width where the picture is wider than the
    terminal (a diagram, a sweep table on a pipe). page=False: the end is what matters (--expect's
    verdict), so it stays on screen rather than in a pager's first page."""
    command = pager() if page else None
    if isinstance(shown, str):  # JSON, CSV, Markdown: no Rich loaded
        if command is None or shown.count("\n") + 1 < shutil.get_terminal_size().lines:
            typer.echo(shown)
        else:
            _page(shown + "\n", command)
        return
    out = console()
    save(shown, svg, html, wide or out.width, title)
    if command is None:
        out.print(shown, crop=out.is_terminal)  # a pipe takes long lines whole
        return
    with out.capture() as captured:
        out.print(shown, crop=True)
    text = captured.get()
    if text.count("\n") < out.height:  # one screen, the prompt's line included
        out.file.write(text)
        out.file.flush()
    else:
        _page(text, command)
