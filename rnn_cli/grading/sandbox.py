"""Run a student's function in a child process, with a time and a memory limit.

The child (student_child.py) gets the convention's arguments as an .npz in a temporary folder and
leaves what the function returned beside them; nothing is pickled. Whatever the student's code
does, raising, calling sys.exit, looping forever, allocating without bound, ends as a `Failure`
here: rnnx itself goes on to report it. Must not import torch or rich.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.grading.protocol import Call, Failure, Returned

STDERR_TAIL = 2000  # characters of the child's own stderr kept when it dies without a word


@dataclass(frozen=True)
class Target:
    """FILE.py:FUNCTION or package.module:FUNCTION, as given."""

    module: str
    function: str

    @property
    def shown(self) -> str:
        return f"{self.module}:{self.function}"


def parse_target(raw: str) -> Target:
    """'loop.py:rnn' or 'hw.layers:rnn_forward'; a missing file is a usage error (exit 2)."""
    module, sep, function = raw.rpartition(":")
    if not sep or not module or not function.isidentifier():
        raise SpecError(text("check.bad_target", target=raw))
    if module.endswith(".py") and not Path(module).is_file():
        raise SpecError(text("check.no_file", path=module, target=raw))
    return Target(module, function)


def _write(folder: Path, target: Target, call: Call, memory: int) -> None:
    arrays = {**call.args, **{f"param:{k}": v for k, v in call.params.items()}}
    np.savez(folder / "args.npz", **arrays)  # type: ignore[arg-type]
    spec = {
        "target": target.module,
        "function": target.function,
        "convention": call.convention.value,
        "args": list(call.args),
        "returns": list(call.returns),
        "memory": memory,
    }
    (folder / "call.json").write_text(json.dumps(spec))


def _child_env() -> dict[str, str]:
    """One BLAS thread: a grader runs many children, and each thread reserves address space."""
    env = dict(os.environ)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    return env


def _kill(child: subprocess.Popen[bytes]) -> None:
    """SIGKILL the child's whole process group: whatever it started goes with it."""
    with contextlib.suppress(ProcessLookupError):  # it may have ended on its own meanwhile
        os.killpg(child.pid, signal.SIGKILL)


def _wait(folder: Path, timeout: float) -> Failure | None:
    """Run the child to its end, or kill its whole process group at timeout."""
    with open(folder / "stderr.txt", "wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "rnn_cli.grading.child", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=_child_env(),
            start_new_session=True,  # its own process group: a timeout ends their children too
        )
        try:
            code = child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(child)
            child.wait()
            return Failure("timeout", text("check.fail_timeout", seconds=timeout), "")
        finally:
            if child.poll() is None:  # Ctrl-C while waiting: leave no child behind
                _kill(child)
    if (folder / "result.json").is_file():
        return None
    tail = (folder / "stderr.txt").read_bytes()[-STDERR_TAIL:].decode(errors="replace").strip()
    return Failure("killed", text("check.fail_killed", code=code), tail)


def _read(folder: Path, target: Target) -> Returned:
    result = json.loads((folder / "result.json").read_text())
    if result["status"] == "usage":
        raise SpecError(text("check.missing", missing=result["missing"], target=target.shown))
    if result["status"] == "failed":
        kind = result["kind"]
        message = text(f"check.fail_{kind}", **result["fields"])
        return Returned({}, Failure(kind, message, result["traceback"]))
    with np.load(folder / "out.npz") as out:
        return Returned({name: out[name] for name in out.files}, None)


def run(target: Target, call: Call, timeout: float, memory: int) -> Returned:
    """Call target's function as call says, in a child process; what it returned, or why not."""
    with tempfile.TemporaryDirectory(prefix="rnnx-check-") as tmp:
        folder = Path(tmp)
        _write(folder, target, call, memory)
        failure = _wait(folder, timeout)
        return Returned({}, failure) if failure else _read(folder, target)
