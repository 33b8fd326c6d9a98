"""The flow: hooks on every leaf module record, in call order, what each received and returned;
each recurrent layer's results are read every way `readings` knows, and every later module's
inputs are matched against those slices bit for bit.

Must not import rich, render or cli.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

import torch
from torch import nn
from torch.nn.utils.rnn import PackedSequence

from rnn_cli.base.errors import MismatchError, SpecError
from rnn_cli.findings.report import Report, build
from rnn_cli.findings.slices import identical
from rnn_cli.inspect import readings, values
from rnn_cli.inspect.layer import Layer, options
from rnn_cli.inspect.model import Read, Step
from rnn_cli.inspect.readings import Slice
from rnn_cli.network.result import Result
from rnn_cli.spec.choices import Backend


@dataclass(frozen=True)
class Seen:
    """A recurrent layer's run: its Layer and its results read every way."""

    layer: Layer
    slices: tuple[Slice, ...]
    report: Report | None  # as `rnnx shape` explains it, checked on the layer's own tensors


@dataclass
class Recorder:
    """Attached to a model's leaf modules while forward runs."""

    steps: list[Step] = field(default_factory=list)
    layers: list[Seen] = field(default_factory=list)
    matched: list[tuple[Step, Read, Slice]] = field(default_factory=list)
    running: list[str] = field(default_factory=list)  # started, not finished: the innermost last
    _index: dict[int, int] = field(default_factory=dict)
    _started: dict[int, float] = field(default_factory=dict)
    _paths: dict[int, str] = field(default_factory=dict)
    _handles: list[Any] = field(default_factory=list)

    def attach(self, model: nn.Module) -> None:
        for path, module in model.named_modules():
            if next(module.children(), None) is None:
                self._paths[id(module)] = path or type(module).__name__
                self._handles.append(
                    module.register_forward_pre_hook(self.before, with_kwargs=True)
                )
                self._handles.append(module.register_forward_hook(self.after, with_kwargs=True))

    def detach(self) -> None:
        for handle in self._handles:
            handle.remove()

    def before(self, module: nn.Module, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        path = self._paths[id(module)]
        self.running.append(path)
        self._started[id(module)] = time.perf_counter()
        if id(module) in self._index:
            i = self._index[id(module)]
            self.steps[i] = replace(self.steps[i], calls=self.steps[i].calls + 1)
            return
        named = values.arguments(module, args, kwargs)
        kind, config = type(module).__name__, module.extra_repr()
        step = Step(path, kind, config, values.described(module, named), (), _count(module))
        step = replace(step, reads=self._reads(step, named))
        self._index[id(module)] = len(self.steps)
        self.steps.append(step)

    def after(
        self, module: nn.Module, args: tuple[Any, ...], kwargs: dict[str, Any], output: Any
    ) -> None:
        self.running.pop()
        i = self._index[id(module)]
        if self.steps[i].outputs:
            return
        self.steps[i] = replace(
            self.steps[i], outputs=values.described(module, values.results(module, output))
        )
        if isinstance(module, nn.RNNBase) and self.steps[i].calls == 1:
            seconds = time.perf_counter() - self._started[id(module)]
            self.layers.append(_seen(self.steps[i].path, module, args, output, seconds))

    def _reads(self, step: Step, named: values.Named) -> tuple[Read, ...]:
        found = []
        for name, value in named:
            if not isinstance(value, torch.Tensor):
                continue
            match = self._match(value)
            if match is not None:
                read = Read(name, match[0], match[1].reading.expression)
                found.append(read)
                self.matched.append((step, read, match[1]))
        return tuple(found)

    def _match(self, value: torch.Tensor) -> tuple[str, Slice] | None:
        """The first reading (right ones first) bit for bit equal to value, latest layer first."""
        array = None
        for seen in reversed(self.layers):
            for piece in seen.slices:
                if tuple(piece.value.shape) != tuple(value.shape):
                    continue
                if array is None:
                    array = value.detach().cpu().numpy()
                if identical(piece.value, array):
                    return seen.layer.path, piece
        return None


def _count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters(recurse=False))


def _seen(
    path: str, module: nn.RNNBase, args: tuple[Any, ...], output: Any, seconds: float
) -> Seen:
    """The layer's options from its input, its results read every way, and its report."""
    x, (out, state) = args[0], output
    lengths = None
    if isinstance(x, PackedSequence):
        x, lengths_t = values.padded(x, bool(module.batch_first))
        lengths = tuple(int(n) for n in lengths_t)
        out, _ = values.padded(out, bool(module.batch_first))
    dtype = str(x.dtype).removeprefix("torch.")
    layer = Layer(path, options(module, tuple(x.shape), lengths, dtype))
    h_n, c_n = state if isinstance(state, tuple) else (state, None)
    t = 1 if module.batch_first and out.dim() == 3 else 0
    arrays = {"output": out, "h_n": h_n, "mean": out.mean(dim=t)}
    if c_n is not None:
        arrays["c_n"] = c_n
    numbers = {k: v.detach().cpu().numpy() for k, v in arrays.items()}
    try:
        spec = layer.spec
        result = Result(numbers["output"], numbers["h_n"], numbers.get("c_n"), seconds)
        report = build(spec, Backend.TORCH, result)
    except (SpecError, MismatchError):  # a configuration rnnx cannot describe: read nothing
        return Seen(layer, (), None)
    return Seen(layer, readings.computed(spec, numbers), report)
