"""The Typer app itself: the two Consoles, one-line errors and exit codes, --version, --lang
before the command or after it, the command class that refuses an option given twice, and the
help's order and examples (in the chosen language: cli/wording.py).

The only place rnnx turns an error into a line on stderr and an exit code; the command
modules beside it register on `app`.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Annotated, Any, Literal, cast

import click
import typer
from typer.core import TyperCommand, TyperGroup

from rnn_cli import __version__
from rnn_cli.base.errors import RnnxError, SpecError
from rnn_cli.base.safe import escape
from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import Lang, text
from rnn_cli.cli import terminal, wording
from rnn_cli.cli.launch import LANG_FLAG, chosen_lang
from rnn_cli.cli.wording import said

if TYPE_CHECKING:
    from rich.console import Console

terminal.prepare()  # before any Console reads COLUMNS or the stream's encoding
wording.install()  # Click's own words (Usage:, its errors) from the catalog


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
        return sys.stdout is not None and sys.stdout.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """sys.stdout's: Rich picks its box characters by it (ASCII where that is all)."""
        return getattr(sys.stdout, "encoding", None) or "utf-8"


_CONSOLES: dict[str, Console] = {}  # "out" and "err", each made on first use


def console(stream: Literal["out", "err"] = "out") -> Console:
    """The Console on stdout ("out") or stderr ("err"), made when first asked for: a run that
    prints only text (JSON, CSV) never loads Rich."""
    if stream not in _CONSOLES:
        from rich.console import Console  # noqa: PLC0415 (see above)

        Console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign, assignment]
        # NO_COLOR asks for plain text: no colour, and no bold or italic escapes either
        color: Literal["auto"] | None = None if os.environ.get("NO_COLOR") else "auto"
        if stream == "out":
            _CONSOLES[stream] = Console(color_system=color, file=cast(IO[str], _Rstripped()))
        else:
            _CONSOLES[stream] = Console(stderr=True, color_system=color)
    return _CONSOLES[stream]


def _broken_pipe(console: Console) -> None:
    """Rich's own reaction to a closed pipe is exit 1, "mismatch" in rnnx's contract: pass the
    error on instead, for _stdout_errors. Set on the class, so Typer's help consoles get it too."""
    raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


class OutputError(Exception):
    """Writing to stdout failed (a full disk, a closed pipe): not Click's to handle."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


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
        code = self._run(args, prog_name, complete_var, windows_expand_args, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        windows_expand_args: bool,
        **extra: Any,
    ) -> int:
        """Click's main, every way it can end turned into an exit code and at most one line."""
        if not terminal.stdout_usable():
            return _fail(text("error.stdout_closed"), 2)
        try:
            # before Click parses: its errors and --help (eager) are in the language asked for
            lookup.use(chosen_lang(sys.argv[1:] if args is None else args))
            with lookup.one_output():
                code = super().main(
                    args, prog_name, complete_var, False, windows_expand_args, **extra
                )
            _flush_stdout()
        except click.ClickException as e:  # usage errors: exit 2
            # a bare `rnnx` has printed its help already and carries no message
            code = _fail(_usage_line(e), e.exit_code) if e.format_message() else e.exit_code
        except RnnxError as e:
            code = _fail(str(e), e.exit_code)
        except (click.Abort, KeyboardInterrupt):
            code = _fail(text("error.interrupted"), 130)
        except MemoryError:  # past the guard's estimate: numpy's _ArrayMemoryError too
            code = _fail(text("error.out_of_memory"), 2)
        except OutputError as e:
            code = _output_failed(e.error)
        return code if isinstance(code, int) else 0

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """--help and --version print while the context is made: their write errors too."""
        with _stdout_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with _stdout_errors():
            return super().invoke(ctx)

    def get_help(self, ctx: click.Context) -> str:
        with wording.localized(self, *self.get_params(ctx), *self.commands.values()):
            return plain_help(super().get_help(ctx))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:  # Click's, not Typer's: Typer adds its suggestion in English
            return click.Group.resolve_command(self, ctx, args)
        except click.UsageError as e:
            wording.suggest_command(e, args[0] if args else "", list(self.commands))
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        """In the order a student meets them, not alphabetical."""
        return sorted(self.commands, key=lambda name: (*ORDER, name).index(name))


class _stdout_errors:
    """An OSError from printing becomes OutputError, which Click passes on untouched
    (Click itself turns a closed pipe into exit 1, "mismatch" in rnnx's contract); any other
    OSError (a file, a library that would not load) is one line naming it, exit 2."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, e: BaseException | None, tb: Any) -> None:
        if not isinstance(e, OSError) or isinstance(e, click.ClickException):
            return
        if _stdout_broken(e):
            raise OutputError(e) from e
        what = e.filename if e.filename is not None else type(e).__name__
        reason = e.strerror or str(e)
        raise SpecError(text("error.os", what=escape(str(what)), reason=reason)) from e


def _stdout_broken(e: OSError) -> bool:
    """Was e a write to stdout? A stream's errors name no file; open(), stat()... name theirs."""
    return e.errno == errno.EPIPE or e.filename is None


def _flush_stdout() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as e:
        raise OutputError(e) from e


def _output_failed(error: OSError) -> int:
    """A reader that left (`| head -1`) is success, quietly; any other write error is not."""
    _silence_stdout()
    if error.errno == errno.EPIPE:
        return 0
    return _fail(text("error.stdout_failed", reason=error.strerror or str(error)), 2)


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null, so the interpreter's last flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = None


def plain_help(text: str) -> str:
    """Click's plain help (no Rich: it reads the same under NO_COLOR, in a pipe, at 80 columns);
    Typer escapes its "[default: …]" brackets for Rich markup, which plain text does not need."""
    return text.replace("\\[", "[")


ORDER = ("shape", "compare", "explain", "diagram", "code", "sweep", "check", "why")


class RnnxCommand(TyperCommand):
    """A command that refuses an option given twice (`-f json -f csv`, `--bidirectional
    --unidirectional`) instead of silently taking the last."""

    def get_help(self, ctx: click.Context) -> str:
        with wording.localized(self, *self.get_params(ctx)):
            return plain_help(super().get_help(ctx))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        seen: dict[str, str] = {}
        for param, flag in _given(self.params, args):
            if param.name in seen and not getattr(param, "multiple", False):
                raise click.UsageError(_twice(param, seen[param.name], flag), ctx)
            seen[str(param.name)] = flag
        return super().parse_args(ctx, args)


def _twice(param: click.Parameter, first: str, then: str) -> str:
    if (first in param.secondary_opts) != (then in param.secondary_opts):
        return text("error.contradict", first=first, then=then)
    return text("error.twice", flag=max(param.opts, key=len), first=first, then=then)


def _given(
    params: Sequence[click.Parameter], args: Sequence[str]
) -> list[tuple[click.Parameter, str]]:
    """(option, flag as typed) for each option flag in args, values and `--` onwards skipped."""
    flags = {f: p for p in params for f in (*p.opts, *p.secondary_opts)}
    given: list[tuple[click.Parameter, str]] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            break
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
        param = flags.get(name) if arg.startswith("-") else None
        if param is None:
            continue
        attached = "=" in arg if arg.startswith("--") else len(arg) > 2
        takes_value = not getattr(param, "is_flag", False) and not attached
        if takes_value and next(rest, None) is None:  # skip the value, whatever it looks like
            break  # none left: Click says the value is missing
        given.append((param, name))
    return given


def _usage_line(e: click.ClickException) -> str:
    """Click's message (it names the option and the value) on one line, and where help is."""
    ctx = getattr(e, "ctx", None)
    hint = f" ({text('error.see_help', command=ctx.command_path)})" if ctx is not None else ""
    return e.format_message().replace("\n", " ") + hint


def _fail(message: str, code: int) -> int:
    line = f"rnnx: error: {escape(message)}"  # user text inside may hold escapes or newlines
    err = console("err")
    # one line for a program; a terminal gets it wrapped between words, never inside one
    err.print(line, markup=False, highlight=False, soft_wrap=not err.is_terminal, style="red")
    return code


EXIT_CODES = "help.exit_codes"


Example = str | tuple[str, str]  # "rnnx ..." as written, or ("rnnx ...  # ", its comment's key)


def epilog(*examples: Example) -> str:
    """A help's closing: examples as a block Click prints as it is (\\b), then paragraphs (a
    catalog key each). A comment that is prose comes from the catalog; code stays as written."""
    return wording.say(lambda: _epilog(examples))


def _epilog(examples: Sequence[Example]) -> str:
    paragraphs = [e for e in examples if isinstance(e, str) and not e.startswith("rnnx")]
    shown = [e for e in examples if e not in paragraphs]
    lines = [e if isinstance(e, str) else e[0] + text(e[1]) for e in shown]
    paragraphs = [text(e) for e in paragraphs]
    block = "\n".join(f"  {line}" for line in lines)
    return "\n\n".join([text("help.examples"), f"\b\n{block}", *paragraphs])


app = typer.Typer(
    cls=RnnxGroup,
    help=said("help.rnnx"),
    epilog=epilog(
        "rnnx shape --layers 2 --bidirectional",
        "rnnx shape --cell lstm --proj-size 4 --format json | jq .tensors",
        EXIT_CODES,
    ),
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(name: str | None = None, **settings: Any) -> Callable[[Callable[..., None]], Any]:
    """app.command, every command an RnnxCommand (an option given twice is refused)."""
    return app.command(name, cls=RnnxCommand, **settings)


def _version(value: bool) -> None:
    if value:
        console().print(f"rnnx {__version__}", highlight=False)
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help=said("help.version")
        ),
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(LANG_FLAG, case_sensitive=False, help=said("help.lang")),
    ] = None,
) -> None:
    """Explain the shapes of PyTorch's recurrent layers (RNN, LSTM, GRU), dimension by dimension."""
    if lang is not None:  # chosen already (chosen_lang); said again for a caller of main()
        lookup.use(lang)
    if ctx.invoked_subcommand is None:  # a bare `rnnx` asks what there is: help, and success
        typer.echo(ctx.get_help())
