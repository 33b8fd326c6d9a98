"""`rnnx why MESSAGE` (or the text on stdin): the last torch error in it that rnnx knows,
decoded with the student's numbers. Text only: never imports torch or numpy."""

import json
import sys
from typing import IO, Annotated

import typer

from rnn_cli.base.errors import MismatchError, SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import output
from rnn_cli.cli.core import command, epilog
from rnn_cli.cli.options import BATCH_OPTS, NETWORK_OPTS, OUTPUT, hint_command
from rnn_cli.cli.wording import said
from rnn_cli.render import why as why_view
from rnn_cli.render.why import WhyFormat
from rnn_cli.why.decode import decode, families, unrecognized
from rnn_cli.why.network import Network

WHY_EXAMPLES = epilog(
    'rnnx why "Expected hidden[0] size (2, 4, 8), got [1, 4, 8]"',
    'rnnx why "mat1 and mat2 shapes cannot be multiplied (4x16 and 8x2)" --layers 1',
    "rnnx why -f json < traceback.txt | jq '.causes[0]'",
    "help.why_pipe",
    "help.why_exit",
)
# the batch options a message can speak of (the rest describe rnnx's own dummy batch)
LAYOUT = tuple(o for o in BATCH_OPTS if o.name in ("batch_size", "seq_len", "batch_first"))
MOST = 1_000_000  # characters read from stdin: the end of a longer log (its last error wins)


def _tail(stream: IO[bytes], most: int = MOST) -> str:
    """The last `most` characters of stream, undecodable bytes replaced."""
    kept = b""
    while chunk := stream.read(1 << 16):
        kept = (kept + chunk)[-4 * most :]  # UTF-8: at most 4 bytes a character
    return kept.decode("utf-8", errors="replace")[-most:]


def _text(message: str | None) -> str:
    if message is not None:
        return message
    if sys.stdin is None or sys.stdin.isatty():
        raise SpecError(text("why.no_text"))
    stream = getattr(sys.stdin, "buffer", None)
    return _tail(stream) if stream is not None else sys.stdin.read()[-MOST:]


@command(epilog=WHY_EXAMPLES, help=said("help.why"))
@hint_command(NETWORK_OPTS, LAYOUT)
def why(
    given: dict[str, object],
    message: Annotated[
        str | None,
        typer.Argument(
            help=said("help.why_message"),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        WhyFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=said("help.format_why"),
            rich_help_panel=OUTPUT,
        ),
    ] = WhyFormat.TABLE,
) -> None:
    """Decode a torch error: what it checked, its numbers, the likely mistake and the fix."""
    reading = decode(_text(message), Network(**given))  # type: ignore[arg-type]
    if reading is None:
        if fmt is WhyFormat.JSON:
            output.show(json.dumps(unrecognized(), indent=2))
            raise typer.Exit(1)
        raise MismatchError(text("why.unknown", families=", ".join(families())))
    output.show(why_view.VIEW[fmt](reading))
