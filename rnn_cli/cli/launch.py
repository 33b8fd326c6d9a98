"""Which command module a run loads: a run imports only the module of the command it runs
(`prepare`), so `rnnx shape -f json` never loads what `check` or `compare` need; `app`, as tests
take it, has every command. `app` itself lives in core.py; importing a command's module
registers it.
"""

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from rnn_cli.base.loading import collector_paused

# each command and the module that registers it, in the order `rnnx --help` lists them
MODULES = {
    "shape": "shape",
    "compare": "compare",
    "explain": "teach",
    "diagram": "teach",
    "code": "teach",
    "sweep": "sweep",
    "check": "check",
    "why": "why",
    "inspect": "inspect",
}


def load(names: Sequence[str] = tuple(MODULES)) -> None:
    """Register the commands named (all by default; an unknown name loads them all, so that
    Click can say it is unknown and `--help` can list the rest)."""
    wanted = [MODULES[n] for n in names if n in MODULES] if set(names) <= set(MODULES) else []
    for module in dict.fromkeys(wanted or MODULES.values()):
        importlib.import_module(f"rnn_cli.cli.{module}")


def _command_name(argv: Sequence[str]) -> list[str]:
    """The command argv runs: its first word that is no option (none: the root help)."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return [first] if first in MODULES else list(MODULES)


def prepare(argv: Sequence[str]) -> Callable[[], object]:
    """Register the command argv names; the app that runs it."""
    with collector_paused():
        load(_command_name(argv))
        app: Callable[[], object] = importlib.import_module("rnn_cli.cli.core").app
    return app


def __getattr__(name: str) -> Any:
    """`from rnn_cli.cli import app`: the app with every command registered."""
    if name == "app":
        load()
        return importlib.import_module("rnn_cli.cli.core").app
    raise AttributeError(name)
