"""Every sentence rnnx prints, keyed, one module per language; the language is chosen once per
process (`use`), so no caller threads it through. Must not import numpy, torch or rich.

A renderer, a finding or an error never writes prose of its own: it asks `text(key, **fields)`.
English is loaded always; another language's module only when it is chosen.
"""

import importlib
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Enum

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.en import EN

ENV = "RNNX_LANG"  # the environment's choice of language; --lang overrides it


class Lang(str, Enum):
    EN = "en"
    KO = "ko"


_CATALOGS: dict[Lang, dict[str, str]] = {Lang.EN: EN}
_current: list[Lang] = [Lang.EN]  # the process's one language, set once by the CLI

ENDS_SHOWN = 4  # a packed batch's sequences whose last step is spelled out; "…" for the rest


def catalog(lang: Lang) -> dict[str, str]:
    """Every sentence of lang, keyed; rnn_cli.catalog.<lang> is imported on first use."""
    if lang not in _CATALOGS:
        module = importlib.import_module(_module(lang))
        _CATALOGS[lang] = getattr(module, lang.name)
    return _CATALOGS[lang]


# the English glosses given so far in the output being made; None outside one (every gloss given)
_glossed: ContextVar[set[str] | None] = ContextVar("rnnx_glossed", default=None)


@contextmanager
def one_output() -> Iterator[None]:
    """Within it, each English gloss is given at its first mention only: one command's output,
    or one report shown in a notebook. Outside it, text() gives every gloss."""
    token = _glossed.set(set())
    try:
        yield
    finally:
        _glossed.reset(token)


def use(lang: Lang) -> None:
    """Choose the language every later text() answers in."""
    catalog(lang)  # load it now, so a missing module fails here and not mid-output
    _current[0] = lang


def lang_from_env(environ: dict[str, str] | None = None) -> Lang:
    """RNNX_LANG as a Lang (unset or empty: English); else SpecError naming it and the choices."""
    raw = (os.environ if environ is None else environ).get(ENV, "")
    value = raw.strip().lower()
    if not value:
        return Lang.EN
    try:
        return Lang(value)
    except ValueError:
        choices = ", ".join(lang.value for lang in Lang)
        # the environment chose no language we know: say so in English, whatever ran before
        raise SpecError(EN["error.lang_env"].format(value=raw, choices=choices)) from None


def current() -> Lang:
    return _current[0]


def in_english(say: Callable[[], str]) -> str:
    """What say() answers in English, whatever the process's language: Click is given the
    English of a help text, which rnnx swaps for the chosen language when help is shown."""
    chosen = _current[0]
    _current[0] = Lang.EN
    try:
        return say()
    finally:
        _current[0] = chosen


def template(key: str) -> str:
    """The sentence for key in the process's language with its {fields} unfilled, for a caller
    that fills them itself (Click formats its own messages)."""
    return catalog(_current[0])[key]


def text(key: str, **fields: object) -> str:
    """The sentence for key in the process's language, its {fields} filled in."""
    sentence = catalog(_current[0])[key]
    glossed = _glossed.get()
    if glossed is not None and _current[0] is not Lang.EN:  # on the sentence, not its fields
        sentence = _first_glosses(sentence, glossed)
    if _current[0] is Lang.KO:  # 은/는, 이/가 … after a value fitted to it
        from rnn_cli.catalog import particles  # noqa: PLC0415 (English runs never need it)

        return particles.fill(sentence, fields)
    return sentence.format(**fields)


def _first_glosses(said: str, glossed: set[str]) -> str:
    """A term's English gloss, 은닉 상태 (hidden state), at its first mention only: a table
    does not repeat it on every row (the language module lists its GLOSSES)."""
    glosses: tuple[str, ...] = getattr(importlib.import_module(_module(_current[0])), "GLOSSES", ())
    if not glosses:
        return said

    def once(match: re.Match[str]) -> str:
        if match[1] in glossed:
            return ""
        glossed.add(match[1])
        return match[0]

    return re.sub(r" \((" + "|".join(map(re.escape, glosses)) + r")\)", once, said)


def _module(lang: Lang) -> str:
    return f"rnn_cli.catalog.{lang.value}"


def sequence_ends(lengths: tuple[int, ...]) -> str:
    """(10, 4, 2) -> 'b=0 at t=9, b=1 at t=3, b=2 at t=1': each sequence's last step."""
    shown = [text("seq.end", b=b, t=n - 1) for b, n in enumerate(lengths[:ENDS_SHOWN])]
    return ", ".join(shown + (["…"] if len(lengths) > ENDS_SHOWN else []))
