"""`rnnx check`'s child process: import the student's function, call it, write what it returned.

Run as `python -m rnn_cli.backends.student_child DIR`. DIR holds call.json and args.npz; this
writes result.json (and out.npz on success). Everything the student's code does, raising, exiting,
allocating, happens here, under the memory and file-size limits set before their code is imported.
Only the standard library and numpy: no rnnx module beyond this one, no torch unless they import it.
"""

import importlib
import importlib.util
import json
import resource
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

FILE_LIMIT = 64 * 2**20  # what the student's code may write to one file (their prints included)


class Usage(Exception):
    """rnnx's caller named something that is not there: a usage error, not the student's."""


class BadReturn(Exception):
    """The function returned, but not what its convention asks for."""

    def __init__(self, what: str, got: str) -> None:
        super().__init__(what, got)
        self.fields = {"what": what, "got": got}


def _limit(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))


def _module(target: str) -> tuple[ModuleType, Path]:
    """FILE.py or package.module, imported; and the folder whose frames count as the student's."""
    if target.endswith(".py"):
        path = Path(target).resolve()
        sys.path.insert(0, str(path.parent))
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None:
            raise Usage(f"file {target}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        return module, path.parent
    sys.path.insert(0, str(Path.cwd()))
    try:
        module = importlib.import_module(target)
    except ModuleNotFoundError as e:
        if e.name is not None and (target == e.name or target.startswith(e.name + ".")):
            raise Usage(f"module {target}") from None
        raise
    root = Path(module.__file__ or ".").resolve().parent
    return module, root.parents[target.count(".") - 1] if "." in target else root


def _array(value: Any, what: str) -> np.ndarray:
    if hasattr(value, "detach"):  # a torch tensor: leave the graph, come to the CPU
        value = value.detach().cpu().numpy()
    if value is None:
        raise BadReturn(what, "None")
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise BadReturn(what, type(value).__name__) from None
    return array


def _pair(value: Any, what: str) -> tuple[Any, Any]:
    if not (isinstance(value, tuple | list) and len(value) == 2):
        raise BadReturn(what, type(value).__name__)
    return value[0], value[1]


def _returned(value: Any, convention: str, names: list[str]) -> dict[str, np.ndarray]:
    """The convention's return value as {tensor name: array}."""
    if convention == "cs231n" and isinstance(value, tuple) and value:
        value = value[0]  # (h, cache), as the assignment's layers return
    if convention != "torch":
        return {"output": _array(value, "output")}
    lstm = "c_n" in names
    output, state = _pair(value, "(output, (h_n, c_n))" if lstm else "(output, h_n)")
    if not lstm:
        return {"output": _array(output, "output"), "h_n": _array(state, "h_n")}
    h_n, c_n = _pair(state, "(h_n, c_n)")
    return {
        "output": _array(output, "output"),
        "h_n": _array(h_n, "h_n"),
        "c_n": _array(c_n, "c_n"),
    }


def _their_frames(e: BaseException, root: Path) -> str:
    """The traceback with the student's own frames only: rnnx's and importlib's left out."""
    frames = [
        f
        for f in traceback.extract_tb(e.__traceback__)
        if Path(f.filename).resolve().is_relative_to(root)
        and "rnn_cli" not in Path(f.filename).parts
    ]
    lines = (
        ["Traceback (most recent call last):\n", *traceback.format_list(frames)] if frames else []
    )
    return "".join(lines + traceback.format_exception_only(type(e), e)).rstrip()


def _call(fn: Callable[..., Any], call: dict[str, Any], arrays: dict[str, np.ndarray]) -> Any:
    args = [arrays[name] for name in call["args"]]
    if call["convention"] == "torch":
        h0: Any = args[1] if len(args) == 2 else (args[1], args[2])
        params = {k[len("param:") :]: v for k, v in arrays.items() if k.startswith("param:")}
        return fn(args[0], h0, params)
    return fn(*args)


def _failed(kind: str, fields: dict[str, str], frames: str) -> dict[str, Any]:
    return {"status": "failed", "kind": kind, "fields": fields, "traceback": frames}


def main(folder: Path) -> None:
    call = json.loads((folder / "call.json").read_text())
    arrays = dict(np.load(folder / "args.npz"))
    result: dict[str, Any] = {"status": "ok"}
    root = Path.cwd()
    try:
        _limit(call["memory"])
        module, root = _module(call["target"])
        fn = getattr(module, call["function"], None)
        if not callable(fn):
            raise Usage(f"function {call['function']}")
        returned = _returned(_call(fn, call, arrays), call["convention"], call["returns"])
        np.savez(folder / "out.npz", **returned)  # type: ignore[arg-type]
    except Usage as e:
        result = {"status": "usage", "missing": str(e)}
    except BadReturn as e:
        result = _failed("return", e.fields, "")
    except SystemExit as e:
        result = _failed("exit", {"code": repr(e.code)}, _their_frames(e, root))
    except MemoryError as e:
        result = _failed("memory", {}, _their_frames(e, root))
    except BaseException as e:  # whatever their code raises is theirs to read
        result = _failed("exception", {"error": type(e).__name__}, _their_frames(e, root))
    (folder / "result.json").write_text(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
