"""The console-script entry point (`rnnx`, `python -m rnn_cli`): the CLI loaded under a signal
guard, so an interrupt while typer, rich and numpy import ends with 130 (143) and prints nothing.

Imports nothing of rnnx at module level: whatever it imports is inside the guard.
"""

import os
import signal
import sys
from types import FrameType

INTERRUPTED = 130  # 128 + SIGINT, as shells report it
TERMINATED = 143  # 128 + SIGTERM
_CODES = {signal.SIGINT: INTERRUPTED, signal.SIGTERM: TERMINATED}


def main() -> None:
    """Load the app, then run it. While modules load, Ctrl-C or SIGTERM ends the process at
    once: an exception raised inside importlib (or a finaliser it runs) would print Python's
    "Exception ignored in ..." and a traceback."""
    for sig in _CODES:
        signal.signal(sig, _quit_while_loading)
    from rnn_cli.cli.launch import prepare  # noqa: PLC0415 (the point: the heavy import, guarded)

    app = prepare(sys.argv[1:])
    signal.signal(signal.SIGINT, signal.default_int_handler)  # the app handles Ctrl-C now
    clean_up_on_sigterm()
    try:
        app()
    except KeyboardInterrupt:
        _quit(INTERRUPTED)
    except SystemExit as e:
        if e.code in (INTERRUPTED, TERMINATED):  # a forward abandoned on its thread: no clean-up
            _quit(int(e.code))  # may wait for it
        raise


def clean_up_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C (an atomic write removes its temporary file), exit 143."""
    signal.signal(signal.SIGTERM, _terminate)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(TERMINATED)


def _quit_while_loading(signum: int, frame: FrameType | None) -> None:
    os._exit(_CODES[signal.Signals(signum)])  # nothing is written yet, nothing to clean


def _quit(code: int) -> None:
    """Exit at once, past the interpreter's clean-up: torch aborts the process when a thread
    still inside its C++ code is torn down."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
