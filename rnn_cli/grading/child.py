"""The sandbox's child process: limits first, then the student's module, one call, its arrays.

Started as `python -I .../child.py DIR` (no working directory, user site or PYTHON* variable on
the path, so nothing beside the submission can stand in for `resource`, numpy or this file). DIR
holds call.json and args.npz, written by rnnx and read here before anything of the student's runs.
In order: the limits (address space, CPU, file size, processes, open files), then (as root) the
run's own unprivileged uid, then the student's folder on sys.path and their import. What the
function returned goes to DIR/box/out.npz, the outcome to DIR/box/result.json; rnnx parses both as
hostile. Only the standard library and numpy: no rnnx module, no torch unless the student's is.
"""

import copy
import ctypes
import importlib
import importlib.util
import json
import os
import resource
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

LARGEST_LIMIT = 2**63 - 1  # what setrlimit takes; 1e999 bytes means no limit, not an OverflowError
PR_SET_DUMPABLE = 4
TEXT_CHARS = (20_000, 5_000)  # characters kept of an exception's head and tail: rnnx cuts again


class BadReturn(Exception):
    """The function returned, but not what its call asks for."""

    def __init__(self, what: str, got: str) -> None:
        super().__init__(what, got)
        self.fields = {"what": what, "got": got}


def limit(limits: dict[str, int]) -> None:
    """Each RLIMIT_* to its value, clamped to the hard limit this process already has."""
    for name, value in limits.items():
        which = getattr(resource, name)
        _, hard = resource.getrlimit(which)
        cap = LARGEST_LIMIT if hard == resource.RLIM_INFINITY else hard
        extra = 1 if name == "RLIMIT_CPU" else 0  # SIGXCPU at the soft limit, SIGKILL 1 s on
        resource.setrlimit(which, (min(value, cap), min(value + extra, cap)))


def drop(uid: int | None) -> None:
    """Become uid (as root only): no groups, no way back. Folders on sys.path that uid cannot
    reach (an interpreter under /root) stay reachable through descriptors opened before."""
    if uid is None:
        return
    held = {p: os.open(p, os.O_RDONLY | os.O_DIRECTORY) for p in sys.path if os.path.isdir(p)}
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    os.umask(0o077)
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # its own /proc/self/fd back, as uid's
    unreachable = {p: f"/proc/self/fd/{fd}" for p, fd in held.items() if not os.access(p, os.X_OK)}
    for p, fd in held.items():
        if p not in unreachable:
            os.close(fd)
    if unreachable:
        reroute(unreachable)


def reroute(moves: dict[str, str]) -> None:
    """sys.path and every imported package's __path__ through moves' descriptors."""

    def moved(path: str) -> str:
        for old, new in moves.items():
            if path == old or path.startswith(old + os.sep):
                return new + path[len(old) :]
        return path

    sys.path[:] = [moved(p) for p in sys.path]
    for module in list(sys.modules.values()):
        search = getattr(module, "__path__", None)
        if isinstance(search, list):
            search[:] = [moved(p) for p in search]
    sys.path_importer_cache.clear()


def load(target: dict[str, str]) -> ModuleType:
    """The student's module: FILE.py by path, or a module name under root."""
    sys.path.insert(0, target["root"])
    if "file" not in target:
        return importlib.import_module(target["module"])
    path = Path(target["file"])
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path.name}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def argument(node: dict[str, Any], arrays: dict[str, np.ndarray]) -> Any:
    if "array" in node:
        return arrays[node["array"]]
    if "tuple" in node:
        return tuple(argument(a, arrays) for a in node["tuple"])
    return {key: argument(a, arrays) for key, a in node["dict"].items()}


def shown(node: dict[str, Any]) -> str:
    """A return pattern as the student reads it: output, (output, (h_n, c_n))."""
    if "array" in node:
        return str(node["array"])
    return "(" + ", ".join(shown(p) for p in node["tuple"]) + ")"


def array(value: Any, what: str) -> np.ndarray:
    if hasattr(value, "detach"):  # a torch tensor: leave the graph, come to the CPU
        value = value.detach().cpu().numpy()
    if value is None:
        raise BadReturn(what, "None")
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise BadReturn(what, type(value).__name__) from None


def take(value: Any, node: dict[str, Any], out: dict[str, np.ndarray]) -> None:
    """value's arrays into out, by the names of the pattern node."""
    if "array" in node:
        out[node["array"]] = array(value, node["array"])
        return
    parts = node["tuple"]
    if not (isinstance(value, tuple | list) and len(value) == len(parts)):
        raise BadReturn(shown(node), type(value).__name__)
    for item, part in zip(value, parts, strict=True):
        take(item, part, out)


def invoke(fn: Any, call: dict[str, Any], arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """fn called as call's args say, its value unpacked by call's returns (in this process)."""
    value = fn(*(argument(a, arrays) for a in call["args"]))
    if call["first_of_tuple"] and isinstance(value, tuple) and value:
        value = value[0]  # (h, cache), as cs231n's layers return
    out: dict[str, np.ndarray] = {}
    take(value, call["returns"], out)
    return out


def their_frames(e: BaseException, target: dict[str, str]) -> str:
    """The traceback with the student's own frames only (this file's and importlib's left out),
    each named as the grader named the file (relative to their working directory, never rnnx's
    copy), its text cut to its head and tail: a message may hold millions of lines."""
    root = Path(target["root"]).resolve()
    here = Path(__file__).resolve()
    frames = [
        shown_frame(f, str(path.relative_to(root)), target["shown"])
        for f in traceback.extract_tb(e.__traceback__)
        if (path := Path(f.filename).resolve()).is_relative_to(root) and path != here
    ]
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
    text = "".join((lines if frames else []) + traceback.format_exception_only(type(e), e))
    first, last = TEXT_CHARS
    return text if len(text) <= first + last else f"{text[:first]}\n…\n{text[-last:]}"


def shown_frame(f: traceback.FrameSummary, relative: str, shown: str) -> traceback.FrameSummary:
    """f under the name the grader gave its folder, its source line (and carets) kept."""
    renamed = copy.copy(f)
    renamed.filename = os.path.normpath(os.path.join(shown, relative))
    return renamed


def failed(kind: str, fields: dict[str, str], frames: str) -> dict[str, Any]:
    return {"status": "failed", "kind": kind, "fields": fields, "traceback": frames}


def outcome(call: dict[str, Any], arrays: dict[str, np.ndarray], box: Path) -> dict[str, Any]:
    """Import, look up, call, save: every exception on the way is the student's."""
    try:
        module = load(call["target"])
        fn = vars(module).get(call["function"])  # no getattr: a module __getattr__ is their code
        if not callable(fn):
            return {"status": "missing", "missing": call["function"]}
        np.savez(box / "out.npz", **invoke(fn, call, arrays))  # type: ignore[arg-type]
    except BadReturn as e:
        return failed("return", e.fields, "")
    except SystemExit as e:
        return failed("exit", {"code": repr(e.code)[:200]}, their_frames(e, call["target"]))
    except MemoryError as e:
        return failed("memory", {}, their_frames(e, call["target"]))
    except BaseException as e:  # whatever their code raises is theirs to read
        return failed("exception", {"error": type(e).__name__}, their_frames(e, call["target"]))
    return {"status": "ok"}


def main(folder: Path) -> None:
    call = json.loads((folder / "call.json").read_text())
    limit(call["limits"])
    arrays = dict(np.load(folder / "args.npz"))
    box = Path(call["box"])
    drop(call["uid"])
    os.environ.update(HOME=str(box), TMPDIR=str(box))
    result = outcome(call, arrays, box)
    (box / "result.json").write_text(json.dumps(result))
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(0)  # now: no thread, atexit hook or finalizer of theirs runs after the result


if __name__ == "__main__":
    main(Path(sys.argv[1]))
