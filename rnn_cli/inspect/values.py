"""What a module received or returned, described: tensors with their shapes, a PackedSequence as
its batch, time and lengths, tuples flattened under torch's names (output, h_n, c_n; h, c).

The one module of inspect/ that reads torch's value types. Must not import rich, render or cli.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from torch.nn.utils.rnn import PackedSequence, pad_packed_sequence

from rnn_cli.inspect.model import Value
from rnn_cli.network.shapes import Role

Named = list[tuple[str, Any]]  # (name, tensor or PackedSequence)


def _sequence_roles(batch_first: bool, dims: int) -> tuple[str, ...]:
    if dims == 2:
        return (Role.SEQ.value, Role.FEATURES.value)
    order = (Role.BATCH, Role.SEQ) if batch_first else (Role.SEQ, Role.BATCH)
    return (*(r.value for r in order), Role.FEATURES.value)


def _state_roles(dims: int) -> tuple[str, ...]:
    middle = (Role.BATCH.value,) if dims == 3 else ()
    return (Role.LAYERS_DIRECTIONS.value, *middle, Role.FEATURES.value)


def padded(value: PackedSequence, batch_first: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    """The padded batch and its lengths, in the batch's own order."""
    data, lengths = pad_packed_sequence(value, batch_first=batch_first)
    return data, lengths


def nonfinite(tensor: torch.Tensor) -> int:
    """NaN and ±inf among tensor's values: one sum first, finite whenever every value is (a sum
    that overflows is counted exactly, so the answer is exact either way)."""
    if not tensor.is_floating_point() and not tensor.is_complex():
        return 0
    if tensor.numel() == 0 or bool(torch.isfinite(tensor.sum())):
        return 0
    return int((~torch.isfinite(tensor)).sum().item())


def describe(name: str, value: Any, roles: tuple[str, ...] = ()) -> Value | None:
    """A tensor or PackedSequence as a Value; None for anything else."""
    if isinstance(value, PackedSequence):
        data, lengths = padded(value)
        return Value(
            name,
            tuple(data.shape),
            str(value.data.dtype).removeprefix("torch."),
            _sequence_roles(True, 3),
            tuple(int(n) for n in lengths),
            nonfinite(value.data),
        )
    if isinstance(value, torch.Tensor):
        dtype = str(value.dtype).removeprefix("torch.")
        return Value(name, tuple(value.shape), dtype, roles, None, nonfinite(value))
    return None


def flatten(name: str, value: Any, names: tuple[Any, ...] | None = None) -> Named:
    """value's tensors under their names: a tuple's items under names, else name[i]."""
    if isinstance(value, tuple | list) and not isinstance(value, PackedSequence):
        found: Named = []
        for i, item in enumerate(value):
            sub = names[i] if names is not None and i < len(names) else f"{name}[{i}]"
            inner = sub if isinstance(sub, tuple) else None
            found += flatten(sub if isinstance(sub, str) else f"{name}[{i}]", item, inner)
        return found
    return [(name, value)]


def io_names(module: nn.Module) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """torch's names for a recurrent layer's or cell's arguments and results; () elsewhere."""
    lstm = isinstance(module, nn.LSTM | nn.LSTMCell)
    if isinstance(module, nn.RNNBase):
        state = ("h_0", "c_0") if lstm else "h_0"
        return ("input", state), ("output", ("h_n", "c_n") if lstm else "h_n")
    if isinstance(module, nn.RNNCellBase):
        return ("input", ("h", "c") if lstm else "h"), ("h", "c") if lstm else ("h",)
    return (), ()


def roles_of(module: nn.Module, name: str, dims: int) -> tuple[str, ...]:
    """Each dimension's role in a recurrent layer's input, output and states."""
    if not isinstance(module, nn.RNNBase):
        return ()
    if name in {"input", "output"}:
        return _sequence_roles(bool(module.batch_first), dims)
    return _state_roles(dims)


def described(module: nn.Module, named: Named) -> tuple[Value, ...]:
    found = []
    for name, value in named:
        dims = value.dim() if isinstance(value, torch.Tensor) else 3
        shown = describe(name, value, roles_of(module, name, dims))
        if shown is not None:
            found.append(shown)
    return tuple(found)


def arguments(module: nn.Module, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Named:
    names, _ = io_names(module)
    positional = flatten("input", args, names or None) if len(args) != 1 or names else []
    if len(args) == 1 and not names:
        positional = flatten("input", args[0])
    return positional + [item for k, v in kwargs.items() for item in flatten(k, v)]


def results(module: nn.Module, output: Any) -> Named:
    _, names = io_names(module)
    if names and not isinstance(output, tuple):
        output = (output,)
    return flatten("output", output, names or None)
