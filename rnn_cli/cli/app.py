"""The Typer app itself: the two Consoles, one-line errors and exit codes, --version, main().

The only place rnnx turns an error into a line on stderr and an exit code; the command
modules beside it register on `app`.
"""

import io
import os
import sys
from collections.abc import Sequence
from typing import IO, Annotated, Any, Literal, cast

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

from rnn_cli import __version__
from rnn_cli.errors import RnnxError


class _Rstripped(io.TextIOBase):
    """sys.stdout (looked up at each write) with every line's trailing spaces dropped: a
    table's padding is no content, and piped text must not end lines in spaces."""

    def __init__(self) -> None:
        self._pending = ""

    def write(self, s: str) -> int:
        *lines, self._pending = (self._pending + s).split("\n")
        if lines:
            sys.stdout.write("\n".join(line.rstrip(" ") for line in lines) + "\n")
        return len(s)

    def flush(self) -> None:
        if self._pending:
            sys.stdout.write(self._pending)
            self._pending = ""
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()


# NO_COLOR asks for plain text: no colour, and no bold or italic escapes either
_COLOR: Literal["auto"] | None = None if os.environ.get("NO_COLOR") else "auto"
out = Console(color_system=_COLOR, file=cast(IO[str], _Rstripped()))
err = Console(stderr=True, color_system=_COLOR)


class RnnxGroup(TyperGroup):
    """Every error, Click's usage errors included, is one line on stderr and an exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except click.ClickException as e:  # usage errors: exit 2
            # a bare `rnnx` has printed its help already and carries no message
            code = _fail(_usage_line(e), e.exit_code) if e.format_message() else e.exit_code
        except RnnxError as e:
            code = _fail(str(e), e.exit_code)
        except click.Abort:
            code = _fail("aborted", 130)
        except BrokenPipeError:  # `rnnx ... | head -1`: the reader left; end quietly
            sys.stdout = None  # no flush of a closed pipe at exit
            code = 0
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _usage_line(e: click.ClickException) -> str:
    """Click's message (it names the option and the value) on one line, and where help is."""
    ctx = getattr(e, "ctx", None)
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    return e.format_message().replace("\n", " ") + hint


def _fail(message: str, code: int) -> int:
    line = f"rnnx: error: {message}"
    err.print(line, markup=False, highlight=False, soft_wrap=True, style="red")
    return code


EXIT_CODES = "Exit codes: 0 success, 1 a comparison found a mismatch, 2 bad input."

app = typer.Typer(
    cls=RnnxGroup,
    epilog=(
        "Examples:\n\n"
        "  rnnx shape --layers 2 --bidirectional\n\n"
        "  rnnx shape --cell lstm --proj-size 4 --format json | jq .tensors\n\n" + EXIT_CODES
    ),
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        out.print(f"rnnx {__version__}", highlight=False)
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Explain the shapes of PyTorch's recurrent layers (RNN, LSTM, GRU), dimension by dimension."""
    if ctx.invoked_subcommand is None:  # a bare `rnnx` asks what there is: help, and success
        typer.echo(ctx.get_help())


def main() -> None:
    """Console-script entry point."""
    app()
