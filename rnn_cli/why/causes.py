"""What every family's reader hands back: the numbers named, the causes that fit them (each a
catalog key and its fields, or a sentence already made by --expect's misconception rules), the
options the message revealed, and where the network said contradicts the message.

Must not import numpy, torch or rich.
"""

from dataclasses import dataclass, field
from typing import Any

from rnn_cli.catalog.lookup import text


@dataclass(frozen=True)
class Candidate:
    id: str  # stable, English: the JSON's cause id
    fields: dict[str, Any]  # the catalog's {placeholders}
    likely: bool = True  # the numbers point at it, not merely allow it
    needs: dict[str, Any] = field(default_factory=dict)  # network options it takes (Network names)
    says: str | None = None  # made already (a misconception of --expect); else why.cause.<id>
    fix_key: str | None = None  # else why.fix.<id>

    def said(self) -> str:
        return self.says if self.says is not None else text(f"why.cause.{self.id}", **self.fields)

    def fix(self) -> str:
        return text(self.fix_key or f"why.fix.{self.id}", **self.fields)


@dataclass(frozen=True)
class Explained:
    named: tuple[str, ...]  # one sentence per number of the message
    causes: tuple[Candidate, ...]  # most likely first
    revealed: dict[str, Any] = field(default_factory=dict)  # rnnx shape options it shows
    conflict: str | None = None  # the network said cannot have raised it: why


def maybe(flag: bool, key: str, **fields: Any) -> str | None:
    """The sentence for key when flag holds (a conflict with what was said)."""
    return text(key, **fields) if flag else None
