"""What a command prints, the one way: text as it is, a picture on the console; --svg and
--html record the picture on a Console of their own and write it atomically (rnn_cli.files).
"""

from __future__ import annotations

import io
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


def save(
    picture: RenderableType, svg: Path | None, html: Path | None, width: int, title: str
) -> None:
    """Record picture at width (the terminal's, or the picture's own) and write the files."""
    if svg is None and html is None:
        return
    from rich.console import Console  # noqa: PLC0415 (Rich only where a picture is drawn)

    recorder = Console(record=True, width=width, file=io.StringIO())
    recorder.print(picture, crop=False)
    if svg is not None:
        write_text(svg, preserve_spaces(recorder.export_svg(title=title, clear=False)), "--svg")
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


def show(
    shown: RenderableType | str,
    svg: Path | None = None,
    html: Path | None = None,
    title: str = "rnnx",
    wide: int | None = None,
) -> None:
    """Print what a view rendered; a picture is saved first, so a path that cannot be written
    fails before anything is printed. wide: the file's width where the picture is wider than the
    terminal (a diagram, a sweep table on a pipe)."""
    if isinstance(shown, str):
        typer.echo(shown)
        return
    out = console()
    save(shown, svg, html, wide or out.width, title)
    out.print(shown, crop=out.is_terminal)  # a pipe takes long lines whole
