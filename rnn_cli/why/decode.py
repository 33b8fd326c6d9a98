"""`rnnx why`'s one entry: the last error in a text that rnnx knows, read with the student's
numbers into a `Reading` (what torch checked, each number named, the causes that fit, most
likely first, each with its fix, and the `rnnx shape` command that shows the right shapes).

`decode` is pure: the CLI, the Python API and `rnn_cli.inspect` call it. Must not import numpy,
torch or rich.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rnn_cli.catalog import lookup
from rnn_cli.spec.config import Spec
from rnn_cli.why import around, forward
from rnn_cli.why.causes import Explained
from rnn_cli.why.families import FAMILIES, Value, find
from rnn_cli.why.network import Network, command

SCHEMA = "rnnx.why/1"
READERS: dict[str, Callable[[dict[str, Any], Network], Explained]] = {
    **forward.READERS,
    **around.READERS,
}


@dataclass(frozen=True)
class Cause:
    id: str  # stable, English: a named misconception
    says: str  # the misconception and how to tell it apart
    fix: str  # the fix, as code
    likely: bool  # the numbers point at it (else they merely allow it)

    def mark(self) -> str:
        """likely / possible, in words."""
        return lookup.text("why.likely" if self.likely else "why.possible")


@dataclass(frozen=True)
class Reading:
    error: str  # the family's stable id
    message: str  # the line torch printed, quoted as the student saw it (never translated)
    checked: str  # what torch checked, in one plain sentence
    numbers: dict[str, Value]  # every number of the message, by name
    named: tuple[str, ...]  # each number named in words
    causes: tuple[Cause, ...]  # the causes that reproduce these numbers, most likely first
    command: str  # `rnnx shape ...` showing the right shapes
    conflict: str | None  # the network given cannot have raised this message: why

    def to_dict(self) -> dict[str, Any]:
        """The JSON document (`rnnx why -f json`); tests/test_why_contract.py pins its keys."""
        return {
            "schema": SCHEMA,
            "recognized": True,
            "error": self.error,
            "message": self.message,
            "checked": self.checked,
            "numbers": self.numbers,
            "named": list(self.named),
            "causes": [
                {"id": c.id, "says": c.says, "fix": c.fix, "likely": c.likely} for c in self.causes
            ],
            "command": self.command,
            "conflict": self.conflict,
        }


def families() -> tuple[str, ...]:
    """Every family's id, in the order docs/why.md lists them."""
    return tuple(f.id for f in FAMILIES)


def unrecognized() -> dict[str, Any]:
    """The JSON document when nothing in the text is an error rnnx knows."""
    return {"schema": SCHEMA, "recognized": False, "families": list(families())}


def decode(text: str, spec_hint: Spec | Network | None) -> Reading | None:
    """The last error in text that rnnx knows, read against what spec_hint says of the
    network (a full Spec, a partial Network, or None); None when no error is known."""
    found = find(text)
    if found is None:
        return None
    net = Network.of(spec_hint) if isinstance(spec_hint, Spec) else spec_hint or Network()
    explained = READERS[found.family.id](dict(found.numbers), net)
    kept = [c for c in explained.causes if net.allows(c.needs)]
    causes = tuple(Cause(c.id, c.said(), c.fix(), c.likely) for c in kept)
    first = kept[0].needs if kept else {}
    return Reading(
        error=found.family.id,
        message=found.message,
        checked=lookup.text(f"why.checked.{found.family.id}"),
        numbers=found.numbers,
        named=explained.named,
        causes=causes,
        command=command({**explained.revealed, **first}, net),
        conflict=explained.conflict,
    )
