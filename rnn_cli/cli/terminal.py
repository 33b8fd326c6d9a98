"""The process's terminal made safe before any Console exists: a sane width, and an encoding that
cannot fail on rnnx's symbols (on ASCII, or a Korean Windows console's cp949: Hangul stays, a
symbol the code page lacks becomes its ASCII look-alike). Imports the stdlib and floor 1 only, so
the entry point can call it before the heavy modules load.
"""

import codecs
import os
import sys

from rnn_cli.base.safe import to_ascii
from rnn_cli.render.plain import WIDEST

NARROWEST = 40  # columns: narrower squeezes every cell to "…"; wider than WIDEST only pads
_WIDTH_VARS = ("COLUMNS", "TERMINAL_WIDTH")  # Rich reads the first, Typer's help the second
_HANDLER = "rnnx-ascii"


def prepare() -> None:
    """Clamp the width variables and give non-UTF streams an ASCII fallback for what their
    encoding lacks (cp949 has ×, ·, → and Hangul, but no •, −, — or ✗)."""
    clamp_width(os.environ)
    codecs.register_error(_HANDLER, _transliterate)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not _is_utf(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=_HANDLER)


def clamp_width(environ: "os._Environ[str] | dict[str, str]") -> None:
    """COLUMNS=0 printed nothing, 99999999 a gigabyte of padding, 10 only "…": keep 40..1000."""
    for name in _WIDTH_VARS:
        value = environ.get(name)
        if value is None:
            continue
        digits = value.strip()
        if not (digits.isascii() and digits.isdigit()):
            del environ[name]  # not a width: let Rich measure the terminal itself
        elif len(digits) > 9:
            environ[name] = str(WIDEST)  # int() of a 5,000-digit string is refused anyway
        else:
            environ[name] = str(min(max(int(digits), NARROWEST), WIDEST))


def _is_utf(stream: object) -> bool:
    """Does the stream's encoding carry every character (UTF-8, -16, -32)?"""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return to_ascii(error.object[error.start : error.end]), error.end


def stdout_usable() -> bool:
    """False when fd 1 was closed before rnnx started (`rnnx ... >&-`)."""
    if sys.stdout is None:
        return False
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return True  # not a real file (a test's capture): trust it
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True
