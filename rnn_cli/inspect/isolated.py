"""`rnnx inspect`'s side of the child process: the request written, the child run under the
grading sandbox's process group and environment (one call site, `_wait`), and its answer read
back as hostile data into an `Inspection`, or a `Failure` that is the student's.

Must not import torch, rich, render or cli.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import text
from rnn_cli.grading import sandbox
from rnn_cli.inspect.layer import Layer
from rnn_cli.inspect.model import Error, Finding, Inspection, Read, Step, Value

LARGEST_ANSWER = 16 * 2**20  # bytes of result.json read at most
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


@dataclass(frozen=True)
class Failure:
    """The student's code failed before forward ran (or never ended): exit 1."""

    message: str
    traceback: str


def _wait(folder: Path, timeout: float) -> Failure | None:
    """The child to its end, or its whole process group killed at timeout."""
    with open(folder / "stderr.txt", "wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "rnn_cli.inspect.child", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=sandbox._child_env(),
            start_new_session=True,
        )
        try:
            code = child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            sandbox._kill(child)
            child.wait()
            return Failure(text("check.fail_timeout", seconds=timeout), "")
        finally:
            if child.poll() is None:  # Ctrl-C while waiting: leave no child behind
                sandbox._kill(child)
    if (folder / "result.json").is_file():
        return None
    tail = (folder / "stderr.txt").read_bytes()[-sandbox.STDERR_TAIL :]
    return Failure(text("check.fail_killed", code=code), tail.decode(errors="replace").strip())


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
        error = Error(_optional(e["module"]), str(e["type"]), str(e["message"]), str(e["says"]))
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


def _read(folder: Path) -> Inspection | Failure:
    path = folder / "result.json"
    if path.stat().st_size > LARGEST_ANSWER:
        return Failure(text("inspect.bad_answer", reason=f"{path.stat().st_size} bytes"), "")
    try:
        result = json.loads(path.read_text())
        if result["status"] == "usage":
            raise SpecError(str(result["message"]))
        if result["status"] == "failed":
            return Failure(str(result["message"]), str(result["traceback"]))
        return parse(result["inspection"])
    except (KeyError, TypeError, ValueError, AttributeError) as e:  # theirs: they wrote it
        return Failure(text("inspect.bad_answer", reason=type(e).__name__), "")


def run(request: dict[str, Any], timeout: float, memory: int) -> Inspection | Failure:
    """request's model inspected in a child process, under timeout and memory."""
    with tempfile.TemporaryDirectory(prefix="rnnx-inspect-") as tmp:
        folder = Path(tmp)
        request = {**request, "memory": memory, "lang": lookup.current().value}
        (folder / "request.json").write_text(json.dumps(request))
        failure = _wait(folder, timeout)
        return failure or _read(folder)
