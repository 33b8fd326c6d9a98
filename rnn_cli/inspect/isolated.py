"""`rnnx inspect`'s side of the child process: the request sent through the grading sandbox's
one entry (`sandbox.call`: limits, its own uid, every process killed at the end), calling
`rnn_cli.inspect.child.inspected` there; its answer read back as hostile data into an `Inspection`,
or the student's `Failure`. The request and the answer cross as UTF-8 bytes in an array, the one
thing the sandbox carries.

Must not import torch, rich, render or cli.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import text
from rnn_cli.grading import sandbox
from rnn_cli.grading.protocol import Failure, FailureKind
from rnn_cli.grading.target import Target
from rnn_cli.inspect.layer import Layer
from rnn_cli.inspect.model import Error, Finding, Inspection, Read, Step, Value

LARGEST_ANSWER = 16 * 2**20  # bytes of the answer read at most
# the function the sandbox's child calls: rnnx's own, which builds and inspects the model
CHILD = Target("rnn_cli.inspect.child", "inspected")
# --input's dtypes, each as torch names it (the child, which imports torch, looks it up)
DTYPES = {
    "float": "float32",
    "float32": "float32",
    "float64": "float64",
    "double": "float64",
    "long": "int64",
    "int64": "int64",
    "int": "int64",
}


def _values(raw: Any) -> tuple[Value, ...]:
    return tuple(
        Value(
            str(v["name"]),
            tuple(int(d) for d in v["shape"]),
            str(v["dtype"]),
            tuple(str(r) for r in v["roles"]),
            None if v["lengths"] is None else tuple(int(n) for n in v["lengths"]),
            int(v["nonfinite"]),
        )
        for v in raw
    )


def _step(s: dict[str, Any]) -> Step:
    reads = tuple(Read(str(r["input"]), str(r["layer"]), str(r["expression"])) for r in s["reads"])
    return Step(
        str(s["path"]),
        str(s["type"]),
        str(s["config"]),
        _values(s["inputs"]),
        _values(s["outputs"]),
        int(s["parameters"]),
        int(s["calls"]),
        reads,
    )


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def parse(document: dict[str, Any]) -> Inspection:
    """The child's JSON as an Inspection; KeyError/TypeError/ValueError when it is not one."""
    e = document["error"]
    error = None
    if e is not None:
        decoded = e["decoded"]
        error = Error(
            _optional(e["module"]),
            str(e["type"]),
            str(e["message"]),
            str(e["says"]),
            _optional(e["cause"]),
            _optional(e["fix"]),
            None if decoded is None else {str(k): v for k, v in dict(decoded).items()},
        )
    return Inspection(
        modules=tuple(_step(s) for s in document["modules"]),
        layers=tuple(Layer(str(x["path"]), dict(x["options"])) for x in document["layers"]),
        findings=tuple(
            Finding(str(f["id"]), str(f["module"]), str(f["says"]), _optional(f["fix"]))
            for f in document["findings"]
        ),
        notes=tuple(str(n) for n in document["notes"]),
        error=error,
    )


def packed(document: Any) -> np.ndarray:
    """A JSON document as the array of its UTF-8 bytes."""
    return np.frombuffer(json.dumps(document).encode(), dtype=np.uint8)


def unpacked(array: np.ndarray) -> Any:
    """packed's document back; ValueError when the array holds no bytes of JSON."""
    if array.ndim != 1 or not np.all((array >= 0) & (array < 256) & (array == np.floor(array))):
        raise ValueError("not bytes")
    return json.loads(array.astype(np.uint8).tobytes().decode())


def _read(answer: np.ndarray) -> Inspection | Failure:
    if answer.size > LARGEST_ANSWER:
        return _garbled(f"{answer.size} bytes")
    try:
        result = unpacked(answer)
        if result["status"] == "usage":
            raise SpecError(str(result["message"]))
        if result["status"] == "failed":
            return Failure(FailureKind.EXCEPTION, str(result["message"]), str(result["traceback"]))
        return parse(result["inspection"])
    except (KeyError, TypeError, ValueError, AttributeError) as e:  # theirs: they wrote it
        return _garbled(type(e).__name__)


def _garbled(reason: str) -> Failure:
    return Failure(FailureKind.GARBLED, text("inspect.bad_answer", reason=reason), "")


def run(request: dict[str, Any], target: Target, limits: sandbox.Limits) -> Inspection | Failure:
    """request's model (target, as the student named it) inspected in the sandbox."""
    request = {**request, "target": target.located, "name": target.function}
    request["lang"] = lookup.current().value
    returned = sandbox.call(CHILD, {"request": packed(request)}, ("request",), "inspection", limits)
    if returned.failure is not None:
        return returned.failure
    return _read(returned.tensors["inspection"])
