"""What crosses between rnnx and the student's child process, and the schema it is parsed against.

Outward (trusted, written by rnnx): `Call`, what `rnnx check` calls the function with, and the
generic `Arg`/`Pattern` structures any caller (check, inspect) describes a call with. Inward
(hostile, written by a process the student controls): the child's result.json, parsed here by
`parse_result` into a `Reply`; every kind is an Enum, every field checked, every text capped.
Anything else is `ProtocolError`, which the sandbox reports as the student's failure.

Must not import torch or rich; numpy only for type checking.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeAlias

from rnn_cli.base.safe import shown
from rnn_cli.spec.choices import Convention
from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np

TEXT_LINES = (20, 5)  # (first, last) lines kept of a student's text: an exception, their prints
LINE_CHARS = 500  # characters kept of one such line


class FailureKind(str, Enum):
    """Why a student's function gave no tensors; each has a sentence `check.fail_<kind>`."""

    EXCEPTION = "exception"  # it raised
    EXIT = "exit"  # it called sys.exit
    MEMORY = "memory"  # MemoryError under --memory-limit
    TIMEOUT = "timeout"  # still running at --timeout (or out of CPU time)
    RETURN = "return"  # it returned something else than its convention asks
    KILLED = "killed"  # its process died without a word (os._exit, a signal)
    GARBLED = "garbled"  # its process handed back files rnnx cannot read (rewritten, too big)


class Status(str, Enum):
    """The child's verdict on the call, the first field of result.json."""

    OK = "ok"  # out.npz holds what the function returned
    FAILED = "failed"  # kind, fields and traceback say why not
    MISSING = "missing"  # the module defines no such function


@dataclass(frozen=True)
class Failure:
    """Why a student's function gave no tensors: the student's failure, never rnnx's."""

    kind: FailureKind
    message: str  # one sentence from the catalog
    traceback: str  # the student's own frames, or the child's last words; may be empty


@dataclass(frozen=True)
class Printed:
    """What the student's code wrote to stdout and stderr: first lines, raw (escape to show)."""

    stdout: str = ""
    stderr: str = ""
    cut: bool = False  # more was written than is kept here


@dataclass(frozen=True)
class Returned:
    """What `rnnx check`'s child process brought back from a student's function."""

    tensors: dict[str, np.ndarray]  # by rnnx's names: output, h_n, c_n
    failure: Failure | None  # set when the function did not return what was asked
    printed: Printed = field(default_factory=Printed)


@dataclass(frozen=True)
class Call:
    """What the student's function receives and what rnnx expects back."""

    convention: Convention
    spec: Spec  # the network as the convention runs it (float64; unbatched for loop...)
    args: dict[str, np.ndarray]  # positional arguments by name, in call order
    params: dict[str, np.ndarray]  # torch convention: the third argument; empty otherwise
    returns: tuple[str, ...]  # tensor names, as shapes.tensors(spec) names them
    conversions: tuple[str, ...]  # sentences: what rnnx did to its weights for this layout


# One argument of a generic call: an array by name, or a tuple or dict of arguments.
Arg: TypeAlias = str | tuple["Arg", ...] | dict[str, "Arg"]
# What the function must return: an array by name, or a tuple (or list) of patterns.
Pattern: TypeAlias = str | tuple["Pattern", ...]


def arg_json(arg: Arg) -> Any:
    """arg as call.json writes it: {"array": name}, {"tuple": [...]} or {"dict": {...}}."""
    if isinstance(arg, str):
        return {"array": arg}
    if isinstance(arg, tuple):
        return {"tuple": [arg_json(a) for a in arg]}
    return {"dict": {k: arg_json(a) for k, a in arg.items()}}


def pattern_json(pattern: Pattern) -> Any:
    """pattern as call.json writes it: {"array": name} or {"tuple": [...]}."""
    if isinstance(pattern, str):
        return {"array": pattern}
    return {"tuple": [pattern_json(p) for p in pattern]}


def pattern_names(pattern: Pattern) -> tuple[str, ...]:
    """The array names pattern holds, in order: what out.npz may contain."""
    if isinstance(pattern, str):
        return (pattern,)
    return tuple(name for p in pattern for name in pattern_names(p))


class ProtocolError(Exception):
    """The child's files are not what rnnx wrote them to be: the student's process touched them."""


@dataclass(frozen=True)
class Reply:
    """result.json, parsed: a status and, when failed, the kind, its fields and the traceback."""

    status: Status
    kind: FailureKind | None = None
    fields: dict[str, str] = field(default_factory=dict)
    traceback: str = ""
    missing: str = ""  # the function's name, for Status.MISSING


# the catalog placeholders each kind's sentence takes, as the child fills them
FIELDS: dict[FailureKind, frozenset[str]] = {
    FailureKind.EXCEPTION: frozenset({"error"}),
    FailureKind.EXIT: frozenset({"code"}),
    FailureKind.MEMORY: frozenset(),
    FailureKind.RETURN: frozenset({"what", "got"}),
}


def capped(raw: str, lines: tuple[int, int] = TEXT_LINES) -> str:
    """raw's first and last lines (each cut to LINE_CHARS), with a marker where lines were left."""
    first, last = lines
    kept = raw.splitlines()
    if len(kept) > first + last:
        kept = [*kept[:first], f"… ({len(kept) - first - last} lines)", *kept[len(kept) - last :]]
    return "\n".join(line if len(line) <= LINE_CHARS else line[:LINE_CHARS] + "…" for line in kept)


def _text(document: dict[str, Any], key: str) -> str:
    value = document.get(key, "")
    if not isinstance(value, str):
        raise ProtocolError(f"{key} is {type(value).__name__}, not text")
    return capped(value)


def parse_result(raw: bytes) -> Reply:
    """result.json's bytes as a Reply, or ProtocolError naming what is wrong."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise ProtocolError(f"result.json is not JSON: {e}") from None
    if not isinstance(document, dict):
        raise ProtocolError("result.json is not an object")
    try:
        status = Status(document.get("status"))
    except ValueError:
        raise ProtocolError(f"unknown status {document.get('status')!r:.40}") from None
    if status is Status.OK:
        return Reply(status)
    if status is Status.MISSING:
        return Reply(status, missing=_text(document, "missing"))
    try:
        kind = FailureKind(document.get("kind"))
    except ValueError:
        raise ProtocolError(f"unknown failure kind {document.get('kind')!r:.40}") from None
    fields = document.get("fields")
    if kind not in FIELDS or not isinstance(fields, dict) or set(fields) != FIELDS[kind]:
        raise ProtocolError(f"fields of {kind.value} are not {sorted(FIELDS.get(kind, ()))}")
    texts = {key: shown(_text(fields, key)) for key in fields}  # one line, escaped, cut
    return Reply(status, kind, texts, _text(document, "traceback"))
