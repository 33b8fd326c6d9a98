"""--svg and --html: what a command prints, recorded on a Console of its own and written out.

Every file rnnx writes as text goes through `write_text`, the one place to make writes atomic.
"""

import io
from pathlib import Path

from rich.console import Console, RenderableType

from rnn_cli.catalog import text
from rnn_cli.errors import SpecError


def write_text(path: Path, content: str, flag: str) -> None:
    """Write content to path (the one text-writing function; rnn_cli.files may take it over)."""
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as e:
        raise SpecError(text("error.file_write", flag=flag, path=path, reason=e.strerror)) from e


def check_paths(svg: Path | None, html: Path | None) -> None:
    """Refuse a wrong suffix or a missing directory before anything runs or prints."""
    for flag, path, suffixes in (("--svg", svg, (".svg",)), ("--html", html, (".html", ".htm"))):
        if path is None:
            continue
        if path.suffix.lower() not in suffixes:
            raise SpecError(text("error.file_suffix", flag=flag, suffix=suffixes[0], path=path))
        if not path.parent.is_dir():
            raise SpecError(text("error.file_parent", flag=flag, parent=path.parent, path=path))


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
