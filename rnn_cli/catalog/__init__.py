"""Every sentence rnnx prints, keyed, one module per language; the language is chosen once per
process (`use`), so no caller threads it through. Must not import numpy, torch or rich.

A renderer, a finding or an error never writes prose of its own: it asks `text(key, **fields)`.
"""

from enum import Enum

from rnn_cli.catalog.en import EN


class Lang(str, Enum):
    EN = "en"


_CATALOGS: dict[Lang, dict[str, str]] = {Lang.EN: EN}
_current: list[Lang] = [Lang.EN]  # the process's one language, set once by the CLI

ENDS_SHOWN = 4  # a packed batch's sequences whose last step is spelled out; "…" for the rest


def use(lang: Lang) -> None:
    """Choose the language every later text() answers in."""
    _current[0] = lang


def current() -> Lang:
    return _current[0]


def text(key: str, **fields: object) -> str:
    """The sentence for key in the process's language, its {fields} filled in."""
    return _CATALOGS[_current[0]][key].format(**fields)


def sequence_ends(lengths: tuple[int, ...]) -> str:
    """(10, 4, 2) -> 'b=0 at t=9, b=1 at t=3, b=2 at t=1': each sequence's last step."""
    shown = [text("seq.end", b=b, t=n - 1) for b, n in enumerate(lengths[:ENDS_SHOWN])]
    return ", ".join(shown + (["…"] if len(lengths) > ENDS_SHOWN else []))
