"""Run a function of a student's module in a child process that the student's code cannot break.

`call` is the one entry (check uses it through `run`; inspect may call it directly): a target, the
arrays and how to pass them (`Arg`), what must come back (`Pattern`), `Limits`; back comes a
`Returned`: the arrays, validated, or the `Failure` that is the student's, and what they printed.

The child is started isolated (`python -I` on child.py's path), in its own session, stdout and
stderr going to files rnnx opened (the student writes through the descriptors, never the names).
As root it runs under a user id of its own that owns only its scratch box; at the end every
process of that uid (or, without root, every descendant) is killed, the direct child at timeout
too. What the box holds afterwards is read as hostile (exchange.py, protocol.py). Whatever the
student's code does ends as a `Failure` here, never as rnnx's traceback or hang. docs/check.md
tells the design and what it does not stop. Must not import torch or rich.
"""

import contextlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.grading import exchange, processes
from rnn_cli.grading.protocol import (
    Arg,
    Call,
    Failure,
    FailureKind,
    Pattern,
    Printed,
    ProtocolError,
    Returned,
    Status,
    arg_json,
    capped,
    parse_result,
    pattern_json,
    pattern_names,
)
from rnn_cli.grading.target import Target, parse_target

__all__ = ["Limits", "Target", "call", "described", "parse_target", "plan", "run"]

CHILD = str(Path(__file__).resolve().with_name("child.py"))  # by path: no module search
TIMED_OUT = -(2**16)  # not an exit code any process can have
RESULT_LIMIT = 2**20  # bytes of result.json read at most
PRINTED_LIMIT = 64 * 2**10  # bytes of the student's stdout (and of stderr) read back
COPY_LIMIT = (2000, 64 * 2**20)  # files and bytes of a submission folder copied for the run's uid
PRINTED_LINES = 20  # lines of each kept for the report: the first ones


@dataclass(frozen=True)
class Limits:
    """What the student's process may use."""

    timeout: float  # seconds of wall-clock time (CPU time is capped a second past it)
    memory: int  # bytes of address space; clamped to what the system accepts
    processes: int = 64  # processes and threads alive at once
    open_files: int = 256
    file_size: int = 64 * 2**20  # bytes of any one file it writes, its prints included


def run(target: Target, call_: Call, timeout: float, memory: int) -> Returned:
    """`rnnx check`'s call: the convention's arguments in, its tensors out."""
    arrays, args, returns, first = plan(call_)
    return call(target, arrays, args, returns, Limits(timeout, memory), first_of_tuple=first)


def plan(call_: Call) -> tuple[dict[str, np.ndarray], tuple[Arg, ...], Pattern, bool]:
    """A convention's call as a generic one: arrays, arguments, return pattern, first_of_tuple."""
    arrays = {**call_.args, **{f"param:{k}": v for k, v in call_.params.items()}}
    args: tuple[Arg, ...] = tuple(call_.args)
    returns: Pattern = "output"
    if call_.convention.value == "torch":
        names = tuple(call_.args)
        h0: Arg = names[1] if len(names) == 2 else (names[1], names[2])
        args = (names[0], h0, {k: f"param:{k}" for k in call_.params})
        returns = ("output", ("h_n", "c_n")) if "c_n" in call_.returns else ("output", "h_n")
    return arrays, args, returns, call_.convention.value == "cs231n"  # (h, cache) in cs231n


def described(args: tuple[Arg, ...], returns: Pattern, first_of_tuple: bool) -> dict[str, Any]:
    """How the child calls the function and unpacks its value, as call.json (and invoke) say."""
    return {
        "args": [arg_json(a) for a in args],
        "returns": pattern_json(returns),
        "first_of_tuple": first_of_tuple,
    }


def call(
    target: Target,
    arrays: dict[str, np.ndarray],
    args: tuple[Arg, ...],
    returns: Pattern,
    limits: Limits,
    first_of_tuple: bool = False,
) -> Returned:
    """target's function called with args (made of arrays) in the sandbox; its return value
    unpacked by returns into named float64 arrays, or the student's Failure; never raises for
    anything the student's code does. SpecError if the module defines no such function."""
    uid = processes.run_uid() if processes.is_root() else None
    with _folders(uid) as (folder, box):
        np.savez(folder / "args.npz", **arrays)  # type: ignore[arg-type]
        document = {
            "target": _reachable(target.located, box, uid),
            "function": target.function,
            **described(args, returns, first_of_tuple),
            "limits": _rlimits(limits, uid),
            "uid": uid,
            "box": str(box),
        }
        (folder / "call.json").write_text(json.dumps(document))
        with open(folder / "stdout", "w+b") as out, open(folder / "stderr", "w+b") as err:
            code = _wait((folder, box), limits.timeout, uid, out, err)
            printed = _printed(out.fileno(), err.fileno())
        failure, tensors = _collect(box, code, limits, uid, pattern_names(returns), target)
        if failure is not None and failure.kind is FailureKind.KILLED:
            failure = Failure(failure.kind, failure.message, capped(printed.stderr, (10, 10)))
        return Returned(tensors, failure, printed)


@contextlib.contextmanager
def _folders(uid: int | None) -> Iterator[tuple[Path, Path]]:
    """rnnx's private folder (the call, the arguments, the captured prints: 700, rnnx's) and the
    student's box (700, the run's uid's): no student can list or open another's files."""
    with (
        tempfile.TemporaryDirectory(prefix="rnnx-run-", ignore_cleanup_errors=True) as folder,
        tempfile.TemporaryDirectory(prefix="rnnx-box-", ignore_cleanup_errors=True) as box,
    ):
        if uid is not None:
            os.chown(box, uid, uid)
        yield Path(folder), Path(box)


def _reachable(located: dict[str, str], box: Path, uid: int | None) -> dict[str, str]:
    """located, or (as root, when the run's uid could not read it in place) a copy of its root
    folder in the box, readable by the uid; a root past COPY_LIMIT stays in place."""
    root = Path(located["root"])
    if uid is None or _world_readable(Path(located.get("file", root))) or not _small(root):
        return located
    copy = box / "src"
    shutil.copytree(root, copy, symlinks=True)
    for path in (copy, *copy.rglob("*")):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    moved: dict[str, str] = {
        k: str(copy / Path(located[k]).relative_to(root)) for k in ("file", "root") if k in located
    }
    return {**located, **moved}  # "shown" still names the student's own folder


def _small(root: Path) -> bool:
    """Whether root holds at most COPY_LIMIT's files and bytes (counting stops past them)."""
    files = size = 0
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if not path.is_symlink():
                files, size = files + 1, size + path.stat().st_size
            if files > COPY_LIMIT[0] or size > COPY_LIMIT[1]:
                return False
    return True


def _world_readable(path: Path) -> bool:
    """Whether any user may read path: every folder above it passable, it readable (no ACLs)."""
    with contextlib.suppress(OSError):
        parts = [path, *path.parents]
        return bool(path.stat().st_mode & stat.S_IROTH) and all(
            p.stat().st_mode & stat.S_IXOTH for p in parts[1:]
        )
    return False


def _rlimits(limits: Limits, uid: int | None) -> dict[str, int]:
    """The child's RLIMIT_*; without a uid of its own, NPROC counts the user's other processes."""
    others = 0 if uid is not None else processes.user_processes(os.getuid())
    return {
        "RLIMIT_AS": limits.memory,
        "RLIMIT_CPU": int(limits.timeout) + 1,
        "RLIMIT_FSIZE": limits.file_size,
        "RLIMIT_NOFILE": limits.open_files,
        "RLIMIT_NPROC": others + limits.processes,
    }


def _env(box: Path) -> dict[str, str]:
    """A clean environment; one BLAS thread: each thread counts against NPROC and address space."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(box), "TMPDIR": str(box)}
    env.update({k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "LC_CTYPE")})
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    return env


def _wait(
    folders: tuple[Path, Path], timeout: float, uid: int | None, out: IO[bytes], err: IO[bytes]
) -> int:
    """The child's exit code, or TIMED_OUT; either way no process of the run is left."""
    folder, box = folders
    processes.become_subreaper()
    since = processes.now_ticks()
    child = subprocess.Popen(
        [sys.executable, "-I", CHILD, str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=err,
        env=_env(box),
        cwd=box if uid is not None else None,
        start_new_session=True,
    )
    processes.started(child.pid)
    try:
        return child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        return TIMED_OUT
    finally:
        with contextlib.suppress(ProcessLookupError):  # it may have ended on its own meanwhile
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        processes.ended(child.pid)
        if uid is not None:
            processes.kill_uid(uid)
        else:
            processes.kill_descendants(since)


def _printed(out: int, err: int) -> Printed:
    """The first lines of what the student's process wrote on stdout and stderr."""
    heads = [exchange.head(fd, PRINTED_LIMIT) for fd in (out, err)]
    lines = [raw.decode(errors="replace").splitlines() for raw, _ in heads]
    more = any(cut for _, cut in heads) or any(len(kept) > PRINTED_LINES for kept in lines)
    stdout, stderr = (capped("\n".join(kept[:PRINTED_LINES])) for kept in lines)
    return Printed(stdout, stderr, more)


def _collect(
    box: Path, code: int, limits: Limits, uid: int | None, names: tuple[str, ...], target: Target
) -> tuple[Failure | None, dict[str, np.ndarray]]:
    """What the box says, parsed as hostile: the arrays, or why there are none."""
    if code in (TIMED_OUT, -signal.SIGXCPU):
        return Failure(
            FailureKind.TIMEOUT, text("check.fail_timeout", seconds=limits.timeout), ""
        ), {}
    try:
        raw = exchange.read_file(box / "result.json", RESULT_LIMIT, uid)
        if raw is None:
            return Failure(FailureKind.KILLED, text("check.fail_killed", code=code), ""), {}
        reply = parse_result(raw)
        if reply.status is Status.MISSING:
            raise SpecError(
                text("check.missing", missing=f"function {target.function}", target=target.shown)
            )
        if reply.status is Status.FAILED and reply.kind is not None:
            message = text(f"check.fail_{reply.kind.value}", **reply.fields)
            return Failure(reply.kind, message, reply.traceback), {}
        npz = exchange.read_file(box / "out.npz", limits.file_size, uid)
        if npz is None:
            raise ProtocolError("out.npz is missing")
        return None, exchange.read_arrays(npz, names, limits.file_size)
    except ProtocolError as e:
        return Failure(FailureKind.GARBLED, text("check.fail_garbled"), capped(str(e))), {}
