"""What a student says of their network (`rnnx why ... --cell lstm --layers 2`): each option
None unless given, so only what was said pins the reading; and the `rnnx shape` command that
shows the right shapes, from what the message revealed and what was said.

Must not import numpy, torch or rich.
"""

from dataclasses import dataclass, fields
from typing import Any

from rnn_cli.spec.choices import Cell, Nonlinearity
from rnn_cli.spec.config import Spec


@dataclass(frozen=True)
class Network:
    """The network options of `rnnx shape` (their names), None where not given."""

    cell: Cell | None = None
    input_size: int | None = None
    hidden_size: int | None = None
    layers: int | None = None
    bidirectional: bool | None = None
    proj_size: int | None = None
    nonlinearity: Nonlinearity | None = None
    bias: bool | None = None
    dropout: float | None = None
    batch_size: int | None = None
    seq_len: int | None = None
    batch_first: bool | None = None

    @classmethod
    def of(cls, spec: Spec) -> "Network":
        """Everything a full Spec knows (an inspected model: nothing is unknown)."""
        return cls(
            cell=spec.cell,
            input_size=spec.input_size,
            hidden_size=spec.hidden_size,
            layers=spec.num_layers,
            bidirectional=spec.bidirectional,
            proj_size=spec.proj_size,
            nonlinearity=spec.activation if spec.cell is Cell.RNN else None,
            bias=spec.bias,
            dropout=spec.dropout,
            batch_size=spec.batch_size,
            seq_len=spec.seq_len,
            batch_first=spec.batch_first,
        )

    def allows(self, needs: dict[str, Any]) -> bool:
        """Does what was said agree with needs (option name -> value)?"""
        return all(getattr(self, k) in (None, v) for k, v in needs.items())

    def said(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }

    @property
    def rows(self) -> int | None:
        """Dimension 0 of a state (layers × directions) when both were said."""
        if self.layers is None or self.bidirectional is None:
            return None
        return self.layers * (2 if self.bidirectional else 1)


# the order `rnnx shape --help` lists them; a boolean's flag where it differs from leaving it out
ORDER = tuple(f.name for f in fields(Network))
OFF = {"bias": "--no-bias", "batch_first": "--seq-first"}


def command(revealed: dict[str, Any], net: Network) -> str:
    """`rnnx shape` with what the message revealed, what was said winning where both speak."""
    known = {**revealed, **net.said()}
    words = ["rnnx", "shape"]
    for name in ORDER:
        value = known.get(name)
        flag = "--" + name.replace("_", "-")
        if isinstance(value, bool) and value != (name in OFF):  # not what leaving it out says
            words.append(flag if value else OFF[name])
        elif value not in (None, 0) and not isinstance(value, bool):  # proj_size 0: none
            words += [flag, str(getattr(value, "value", value))]
    return " ".join(words)
