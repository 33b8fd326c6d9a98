"""The command line: a Typer app whose thin commands read parse → spec → run → report → render.

Only this package prints or exits. `app` and `main` live in app.py; importing the command modules
registers their commands on it.
"""

from rnn_cli.cli import check, compare, shape, sweep, teach
from rnn_cli.cli.app import app, main

__all__ = ["app", "check", "compare", "main", "shape", "sweep", "teach"]
