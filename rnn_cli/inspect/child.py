"""`rnnx inspect`'s child: the function the grading sandbox's child process calls (`inspected`),
under the sandbox's limits and uid: build the student's model, draw or load its inputs, inspect it,
answer. The request and the answer are JSON as arrays of bytes (isolated.packed). Whatever the
student's code does (raising, exiting, allocating) ends here as a written failure, their frames
only; what escapes this (a signal, os._exit) the sandbox reports.
Must not import rich, render or cli.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn

from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import text
from rnn_cli.grading.child import load, their_frames
from rnn_cli.inspect.isolated import DTYPES, packed, unpacked
from rnn_cli.inspect.model import as_dict
from rnn_cli.inspect.run import inspect


class Usage(Exception):
    """The caller named something that is not there: exit 2, not the student's failure."""


class NotModule(Exception):
    """The target gave something that is not an nn.Module."""


def build(request: dict[str, Any]) -> nn.Module:
    """A class built with the request's kwargs, a function's module, or a module instance."""
    name = request["name"]
    found = vars(load(request["target"])).get(name)  # no getattr: __getattr__ is their code
    if found is None:
        raise Usage(text("check.missing", missing=name, target=request["shown"]))
    kwargs = request["kwargs"]
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


def _inspected(request: dict[str, Any]) -> dict[str, Any]:
    model = build(request)
    args = inputs(model, request["inputs"])
    if request["lengths"] is not None:
        args.append(torch.tensor(request["lengths"], dtype=torch.int64))
    found = inspect(model, tuple(args), {}, request["batch_size"])
    return {"status": "ok", "inspection": as_dict(found)}


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    try:
        return _inspected(request)
    except Usage as e:
        return {"status": "usage", "message": str(e)}
    except NotModule as e:
        got = text("inspect.not_module", target=request["shown"], got=str(e))
        return {"status": "failed", "message": got, "traceback": ""}
    except MemoryError as e:
        return _failed(text("check.fail_memory"), e, request)
    except SystemExit as e:
        return _failed(text("check.fail_exit", code=repr(e.code)), e, request)
    except BaseException as e:  # building their model raised: theirs to read
        said = text("inspect.build_failed", target=request["shown"], error=type(e).__name__)
        return _failed(said, e, request)


def _failed(message: str, e: BaseException, request: dict[str, Any]) -> dict[str, Any]:
    """The student's failure, with their own frames only."""
    return {"status": "failed", "message": message, "traceback": their_frames(e, request["target"])}


def inspected(request: np.ndarray) -> np.ndarray:
    """The sandbox's call: the request's model inspected, the answer as bytes."""
    asked = unpacked(request)
    lookup.use(lookup.Lang(asked["lang"]))
    return packed(_answer(asked))
