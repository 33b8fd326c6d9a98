"""--svg and --html: what a command prints, recorded on a Console of its own and written out,
atomically like every file rnnx writes (rnn_cli.files).
"""

import io
from pathlib import Path

from rich.console import Console, RenderableType

from rnn_cli import files


def write_text(path: Path, content: str, flag: str) -> None:
    data = content.encode("utf-8")
    files.write_atomic(flag, path, lambda f: f.write(data))


def check_paths(svg: Path | None, html: Path | None) -> None:
    """Refuse a wrong suffix or an unwritable place before anything runs or prints."""
    for flag, path, suffix in (("--svg", svg, ".svg"), ("--html", html, ".html")):
        if path is not None:
            files.check_target(flag, path, suffix)


def preserve_spaces(svg: str) -> str:
    """xml:space="preserve" on the root, so no SVG renderer collapses a leading space."""
    return svg.replace("<svg ", '<svg xml:space="preserve" ', 1)


def save(
    picture: RenderableType, svg: Path | None, html: Path | None, width: int, title: str
) -> None:
    """Record picture at width (the terminal's, or the picture's own) and write the files."""
    if svg is None and html is None:
        return
    recorder = Console(record=True, width=width, file=io.StringIO())
    recorder.print(picture, crop=False)
    if svg is not None:
        write_text(svg, preserve_spaces(recorder.export_svg(title=title, clear=False)), "--svg")
    if html is not None:
        write_text(html, recorder.export_html(clear=False), "--html")
