"""Which command module a run loads, and the language it speaks (--lang, read before Click
parses, so Click's errors and --help are in it too): a run imports only the module of the command
it runs (`prepare`), so `rnnx shape -f json` never loads what `check` or `compare` need; `app`, as
tests take it, has every command. `app` itself lives in core.py; importing a command's module
registers it.
"""

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from rnn_cli.base.loading import collector_paused
from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import Lang

LANG_FLAG = "--lang"  # the one option taken before the command with a value of its own

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
    """The command argv runs: its first word that is no option nor --lang's value (none: the
    root help)."""
    words = iter(argv)
    for word in words:
        if word == LANG_FLAG:
            next(words, None)  # its value, `ko`, is no command
        elif not word.startswith("-"):
            return [word] if word in MODULES else list(MODULES)
    return list(MODULES)


def chosen_lang(args: Sequence[str]) -> Lang:
    """The language of a run: the last --lang before `--`, before the command or after it
    (`rnnx --lang ko shape`, `rnnx shape --lang ko`), else RNNX_LANG. A value no language
    has is left to Click, which refuses it."""
    chosen = None
    words = iter(args)
    for word in words:
        if word == "--":
            break
        value = next(words, "") if word == LANG_FLAG else None
        if word.startswith(LANG_FLAG + "="):
            value = word.split("=", 1)[1]
        if value is not None and value.lower() in {lang.value for lang in Lang}:
            chosen = Lang(value.lower())
    return chosen or lookup.lang_from_env()


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
