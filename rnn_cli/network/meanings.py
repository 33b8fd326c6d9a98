"""The meaning of a dimension or a parameter, as a catalog key and its numbers: shape arithmetic
names what a dimension is and emits no prose; the sentence is made when a view shows it, in the
language of that moment, so a gloss's first mention is the first one read.

Must not import numpy, torch or rich.
"""

from rnn_cli.catalog.lookup import text


class Phrase:
    """text(key, **fields), made when shown (str(phrase)); equal when key and fields are."""

    __slots__ = ("fields", "key")

    def __init__(self, key: str, **fields: object) -> None:
        self.key = key
        self.fields = tuple(fields.items())

    def __str__(self) -> str:
        return text(self.key, **dict(self.fields))

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {dict(self.fields)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.key, self.fields) == (other.key, other.fields)

    def __hash__(self) -> int:
        return hash((self.key, self.fields))
