"""`rnnx inspect`'s child process: build the student's model, draw or load its inputs, inspect it,
write what was found. Run as `python -m rnn_cli.inspect.child DIR`: DIR holds request.json; this
writes result.json. Whatever the student's code does (raising, exiting, allocating) ends here as
a written failure, under the memory limit set before their code is imported.
Must not import rich, render or cli.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import resource
import sys
import traceback
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import text
from rnn_cli.inspect.isolated import DTYPES
from rnn_cli.inspect.model import as_dict
from rnn_cli.inspect.run import inspect


class Usage(Exception):
    """The caller named something that is not there: exit 2, not the student's failure."""


class NotModule(Exception):
    """The target gave something that is not an nn.Module."""


def _module(target: str) -> Any:
    if target.endswith(".py"):
        path = Path(target).resolve()
        sys.path.insert(0, str(path.parent))
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None:
            raise Usage(text("check.no_file", path=target, target=target))
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        return module
    sys.path.insert(0, str(Path.cwd()))
    return importlib.import_module(target)


def build(target: str, name: str, kwargs: dict[str, Any]) -> nn.Module:
    """A class built with kwargs, a function's module, or a module instance."""
    found = getattr(_module(target), name, None)
    if found is None:
        raise Usage(text("check.missing", missing=name, target=f"{target}:{name}"))
    model = found(**kwargs) if callable(found) and not isinstance(found, nn.Module) else found
    if not isinstance(model, nn.Module):
        raise NotModule(type(model).__name__)
    return model


def _tokens(model: nn.Module, raw: str) -> int:
    embedding = next((m for m in model.modules() if isinstance(m, nn.Embedding)), None)
    if embedding is None:
        raise Usage(text("inspect.no_embedding", raw=raw))
    return int(embedding.num_embeddings)


def _loaded(path: str) -> torch.Tensor:
    if path.endswith(".npz"):
        with np.load(path) as arrays:
            return torch.from_numpy(arrays[arrays.files[0]])
    value = torch.load(path, weights_only=True)
    if not isinstance(value, torch.Tensor):
        raise Usage(text("inspect.bad_file", raw=path, reason=type(value).__name__))
    return value


def inputs(model: nn.Module, given: list[dict[str, Any]]) -> list[torch.Tensor]:
    """Each --input: a file's tensor, or a seeded draw (token ids below the first Embedding's)."""
    torch.manual_seed(0)
    drawn = []
    for item in given:
        if "file" in item:
            drawn.append(_loaded(item["file"]))
            continue
        dtype, shape = getattr(torch, DTYPES[item["dtype"]]), tuple(item["shape"])
        if dtype.is_floating_point:
            drawn.append(torch.randn(shape, dtype=dtype))
        else:
            drawn.append(torch.randint(0, _tokens(model, item["raw"]), shape, dtype=dtype))
    return drawn


def _their_frames(e: BaseException) -> str:
    frames = [
        f for f in traceback.extract_tb(e.__traceback__) if "rnn_cli" not in Path(f.filename).parts
    ]
    head = (
        ["Traceback (most recent call last):\n", *traceback.format_list(frames)] if frames else []
    )
    return "".join(head + traceback.format_exception_only(type(e), e)).rstrip()[-4000:]


def _inspected(request: dict[str, Any]) -> dict[str, Any]:
    model = build(request["target"], request["name"], request["kwargs"])
    args = inputs(model, request["inputs"])
    if request["lengths"] is not None:
        args.append(torch.tensor(request["lengths"], dtype=torch.int64))
    found = inspect(model, tuple(args), {}, request["batch_size"])
    return {"status": "ok", "inspection": as_dict(found)}


def main(folder: Path) -> None:
    request = json.loads((folder / "request.json").read_text())
    lookup.use(lookup.Lang(request["lang"]))
    try:
        resource.setrlimit(resource.RLIMIT_AS, (request["memory"], request["memory"]))
        result = _inspected(request)
    except Usage as e:
        result = {"status": "usage", "message": str(e)}
    except NotModule as e:
        got = text("inspect.not_module", target=request["shown"], got=str(e))
        result = {"status": "failed", "message": got, "traceback": ""}
    except MemoryError as e:
        result = {
            "status": "failed",
            "message": text("check.fail_memory"),
            "traceback": _their_frames(e),
        }
    except SystemExit as e:
        said = text("check.fail_exit", code=repr(e.code))
        result = {"status": "failed", "message": said, "traceback": _their_frames(e)}
    except BaseException as e:  # building their model raised: theirs to read
        said = text("inspect.build_failed", target=request["shown"], error=type(e).__name__)
        result = {"status": "failed", "message": said, "traceback": _their_frames(e)}
    (folder / "result.json").write_text(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
