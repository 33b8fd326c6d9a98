"""The console-script entry point (`rnnx`, `python -m rnn_cli`): the CLI loaded under a Ctrl-C
guard, so an interrupt while typer, rich and numpy import ends with 130 and no traceback.

Imports nothing at module level: whatever it imports is inside the guard.
"""

import os
import signal
import sys
from types import FrameType

INTERRUPTED = 130  # 128 + SIGINT, as shells report it
TERMINATED = 143  # 128 + SIGTERM


def main() -> None:
    """Load the app, then run it; Ctrl-C before the app can handle it exits 130 quietly."""
    clean_up_on_sigterm()
    try:
        from rnn_cli.cli.launch import run  # noqa: PLC0415 (the point: the heavy import, guarded)
    except KeyboardInterrupt:
        _quit(INTERRUPTED)
    try:
        run()  # loads the command's modules first: still before the app handles Ctrl-C
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


def _quit(code: int) -> None:
    """Exit at once, past the interpreter's clean-up: torch aborts the process when a thread
    still inside its C++ code is torn down, and an import cut short has nothing to clean."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
