"""What an inspection found, as frozen dataclasses: the flow (one `Step` per leaf module, in call
order), the recurrent layers, the findings at the seams and the error forward raised. The CLI's
JSON is `as_dict` of this; the child process hands it back as that JSON (`exchange` reads it).

Must not import torch, numpy, rich, render or cli.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rnn_cli.findings.report import Report
from rnn_cli.findings.report import as_dict as report_dict
from rnn_cli.inspect.layer import Layer

SCHEMA = 1  # the JSON contract's version: raise it when a key is renamed or removed


@dataclass(frozen=True)
class Value:
    """One tensor a module received or returned; a PackedSequence as its padded batch."""

    name: str  # input, output, h_n, c_n, h, c, or [i] inside other tuples
    shape: tuple[int, ...]  # a packed batch: (N, L_max, F), not the data's (sum of lengths, F)
    dtype: str
    roles: tuple[str, ...] = ()  # each dimension's role (batch, seq, features, ...) where known
    lengths: tuple[int, ...] | None = None  # a PackedSequence's lengths, in batch order
    nonfinite: int = 0  # NaN and ±inf among its values


@dataclass(frozen=True)
class Read:
    """A value a module received, found bit for bit equal to a slice of a recurrent layer's."""

    input: str  # which of the module's inputs
    layer: str  # the recurrent layer's path
    expression: str  # the slice, over that layer's output, h_n (c_n): output[:, -1]


@dataclass(frozen=True)
class Step:
    """One leaf module: its first call's values, and how often forward called it."""

    path: str  # encoder.lstm
    type: str  # LSTM
    config: str  # its extra_repr(): in_features=128, out_features=3, bias=True
    inputs: tuple[Value, ...]
    outputs: tuple[Value, ...]  # empty for the module forward raised in
    parameters: int
    calls: int = 1
    reads: tuple[Read, ...] = ()  # the slices of earlier recurrent layers it received


@dataclass(frozen=True)
class Finding:
    id: str  # machine id: last_step_bidirectional, h_n_backward_only, nonfinite, warning, ...
    module: str  # the module's path it concerns
    says: str  # one sentence, in the report's language
    fix: str | None  # the expression or change that fixes it


@dataclass(frozen=True)
class Error:
    """forward raised: where, and torch's message as the student saw it."""

    module: str | None  # the leaf module it raised in; None when it raised between modules
    type: str  # the exception's class name
    message: str  # torch's, quoted as the student saw it
    says: str  # the error in terms of the modules, in the report's language
    cause: str | None = None  # `rnnx why`'s most likely cause, where its decoder knows the error
    fix: str | None = None  # that cause's fix, as code
    decoded: dict[str, Any] | None = None  # `rnnx why -f json`'s document for the message


@dataclass(frozen=True)
class Inspection:
    schema: int = field(default=SCHEMA, kw_only=True)
    modules: tuple[Step, ...]
    layers: tuple[Layer, ...]  # each recurrent layer: its configuration and real input
    findings: tuple[Finding, ...]  # mistakes: the student's to fix (exit 1)
    notes: tuple[str, ...]  # how torch read each recurrent input, and the like
    error: Error | None
    reports: tuple[Report, ...] = ()  # each layer as `rnnx shape` explains it, filled above

    @property
    def failed(self) -> bool:
        return self.error is not None or bool(self.findings)


def as_dict(found: Inspection) -> dict[str, object]:
    """The JSON document (layers carry their `rnnx shape` command beside their options)."""
    document = asdict(found)
    del document["reports"]
    shapes: list[dict[str, object] | None] = [report_dict(r) for r in found.reports]
    shapes = shapes or [None] * len(found.layers)
    document["layers"] = [
        {"path": layer.path, "options": layer.options, "command": layer.command, "shape": shape}
        for layer, shape in zip(found.layers, shapes, strict=True)
    ]
    return document
