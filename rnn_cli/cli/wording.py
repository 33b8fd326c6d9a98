"""Every word of `--help` and of Click's own errors in the process's language: the catalog's
help.* keys (options, commands, examples) and words.* keys (Click's and Typer's headings and
messages, whose English is Click's own msgid, so English help stays byte for byte as Click writes
it).

Click and Typer call gettext for their words; `install` has them call `localize` instead. A help
text is given to Click in English (`said`) and swapped for the chosen language while a help is
rendered (`localized`). Imports click and typer, never rich.
"""

import importlib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from difflib import get_close_matches
from typing import Any

import click
import click.formatting

from rnn_cli.catalog import lookup
from rnn_cli.catalog.en import EN
from rnn_cli.catalog.lookup import Lang, text

# the words of Click and Typer that rnnx says in the chosen language (their English is the msgid)
CLICK_KEYS = (
    "words.usage",
    "words.options",
    "words.arguments",
    "words.commands",
    "words.help",
    "words.default",
    "words.required",
    "words.invalid_for",
    "words.invalid",
    "words.missing_argument",
    "words.missing_option",
    "words.missing_parameter",
    "words.no_option",
    "words.did_you_mean",
    "words.possible",
    "words.no_command",
    "words.extra_argument",
    "words.extra_arguments",
    "words.needs_value",
    "words.no_value",
    "words.not_choice",
    "words.not_one_of",
    "words.not_number",
    "words.not_in_range",
    "words.not_boolean",
    "words.options_metavar",
    "words.command_metavar",
    "words.install_completion",
    "words.show_completion",
)
_CLICK = {EN[key]: key for key in CLICK_KEYS}  # Click's English msgid -> its catalog key
# a help text's English, as Click holds it -> how to say it in the language of the moment
_SAID: dict[str, Callable[[], str]] = {}
# what a command, an option or an argument shows in its help
_SHOWN_ATTRS = ("help", "short_help", "epilog", "options_metavar", "subcommand_metavar")
# the modules whose gettext calls make the words of a help or a usage error
_GETTEXT_USERS = (
    "click.core",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "typer.core",
)


def said(key: str, **fields: object) -> str:
    """The help text for key in English (what Click is given); localize gives the chosen one."""
    return say(lambda: text(key, **fields))


def say(build: Callable[[], str]) -> str:
    """build()'s English, remembered so that localize can build it again in another language."""
    english = lookup.in_english(build)
    _SAID[english] = build
    return english


def localize(english: str) -> str:
    """A help text or a Click msgid in the process's language (anything else as it is)."""
    if lookup.current() is Lang.EN:
        return english
    build = _SAID.get(english)
    if build is not None:
        return build()
    key = _CLICK.get(english)
    return english if key is None else lookup.template(key)


def _ngettext(one: str, many: str, n: int) -> str:
    return localize(one if n == 1 else many)


def install() -> None:
    """Click's and Typer's words (Usage:, Options, their errors) through the catalog, and
    help wrapped by the cells a terminal gives each character (Hangul takes two)."""
    if click.formatting.wrap_text is not _wrap_by_cells:
        global _wrap_text  # noqa: PLW0603 (Click's own, kept once, before it is replaced)
        _wrap_text = click.formatting.wrap_text
        click.formatting.wrap_text = _wrap_by_cells
    for name in _GETTEXT_USERS:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = localize  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


_wrap_text: Callable[..., str] = click.formatting.wrap_text
_PAD = "\x00"  # counted by Click's wrapper as the second cell of a wide character, then dropped


def _wrap_by_cells(text: str, *args: Any, **kwargs: Any) -> str:
    """Click's wrap_text, measuring a wide character (Hangul) as the two cells it takes."""
    if text.isascii():
        return _wrap_text(text, *args, **kwargs)
    padded = "".join(ch + _PAD if unicodedata.east_asian_width(ch) in "WF" else ch for ch in text)
    return _wrap_text(padded, *args, **kwargs).replace(_PAD, "")


def suggest_command(error: click.UsageError, typo: str, names: Sequence[str]) -> None:
    """Typer's "Did you mean 'shape'?" for an unknown command, in the chosen language."""
    matches = get_close_matches(typo, names)
    if matches:
        commands = ", ".join(repr(m) for m in matches)
        said = lookup.template("words.did_you_mean_command")
        error.message = said.format(message=error.message.rstrip("."), commands=commands)


@contextmanager
def localized(*shown: object) -> Iterator[None]:
    """Within it, the help texts of shown (commands, options, arguments) read in the process's
    language; as Click was given them again after it."""
    swapped: list[tuple[object, str, str]] = []
    for item in shown:
        for attr in _SHOWN_ATTRS:
            value = getattr(item, attr, None)
            if isinstance(value, str):
                swapped.append((item, attr, value))
                setattr(item, attr, localize(value))
    try:
        yield
    finally:
        for item, attr, value in swapped:
            setattr(item, attr, value)
