"""A recurrent layer as rnnx knows it: the option values of its real configuration and the input
it really received, the Spec they build, and the `rnnx shape` command that reproduces it.

Imports torch only for type checking (the caller's layer carries it); never rich, render or cli.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rnn_cli.spec.build import build_spec
from rnn_cli.spec.choices import Cell, DType, Nonlinearity
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import comma_list

if TYPE_CHECKING:
    from torch import nn

Options = dict[str, Any]  # build_spec's keywords as plain JSON values

# each option's `rnnx shape` flag; a switch is written as its on or off form
FLAGS = {
    "cell": "--cell",
    "input_size": "--input-size",
    "hidden_size": "--hidden-size",
    "layers": "--layers",
    "proj_size": "--proj-size",
    "nonlinearity": "--nonlinearity",
    "dropout": "--dropout",
    "batch_size": "--batch-size",
    "seq_len": "--seq-len",
    "lengths": "--lengths",
    "dtype": "--dtype",
}
SWITCHES = {
    "bidirectional": ("--bidirectional", "--unidirectional"),
    "bias": ("--bias", "--no-bias"),
    "batch_first": ("--batch-first", "--seq-first"),
    "unbatched": ("--unbatched", "--batched"),
}
DEFAULTS = {
    "cell": "rnn",
    "input_size": 5,
    "hidden_size": 8,
    "layers": 1,
    "bidirectional": False,
    "proj_size": 0,
    "nonlinearity": None,
    "bias": True,
    "dropout": 0.0,
    "batch_first": True,
    "unbatched": False,
    "dtype": "float32",
}


@dataclass(frozen=True)
class Layer:
    path: str  # where it sits in the model: encoder.lstm
    options: Options  # build_spec's keywords, plain values (they cross from the child as JSON)

    @property
    def spec(self) -> Spec:
        return spec_of(self.options)

    @property
    def command(self) -> str:
        return command(self.options)


def options(
    layer: nn.RNNBase, dims: tuple[int, ...], lengths: tuple[int, ...] | None, dtype: str
) -> Options:
    """layer's configuration and the input it received: dims as torch read them (padded
    (N, L, F) or (L, N, F) for a packed input, whose lengths are given)."""
    cell = type(layer).__name__.lower()
    unbatched = len(dims) == 2
    n, steps = (1, dims[0]) if unbatched else (dims[0], dims[1])
    if not unbatched and not layer.batch_first:
        n, steps = steps, n
    return {
        "cell": cell if cell in {c.value for c in Cell} else "rnn",
        "input_size": layer.input_size,
        "hidden_size": layer.hidden_size,
        "layers": layer.num_layers,
        "bidirectional": layer.bidirectional,
        "proj_size": layer.proj_size,
        "nonlinearity": "relu" if getattr(layer, "nonlinearity", "") == "relu" else None,
        "bias": layer.bias,
        "dropout": float(layer.dropout),
        "batch_size": n,
        "seq_len": steps,
        "lengths": comma_list(lengths) if lengths else None,
        "batch_first": layer.batch_first,
        "unbatched": unbatched,
        "dtype": dtype if dtype in {d.value for d in DType} else "float32",
    }


def spec_of(values: Options) -> Spec:
    """The Spec of a layer's options (SpecError when they describe no network rnnx can build)."""
    given = dict(values)
    if given.get("lengths"):  # --lengths sets N and L
        given.pop("batch_size", None)
        given.pop("seq_len", None)
    nonlinearity = given.pop("nonlinearity", None)
    return build_spec(
        **{**given, "cell": Cell(given["cell"]), "dtype": DType(given["dtype"])},
        nonlinearity=Nonlinearity(nonlinearity) if nonlinearity else None,
    )


def command(values: Options) -> str:
    """`rnnx shape` with the flags that differ from its defaults."""
    words = ["rnnx", "shape"]
    for name, value in values.items():
        if name in SWITCHES:
            on, off = SWITCHES[name]
            if value != DEFAULTS[name]:
                words.append(on if value else off)
        elif value is not None and value != DEFAULTS.get(name):
            if name in {"batch_size", "seq_len"} and values.get("lengths"):
                continue
            words += [FLAGS[name], str(value)]
    return " ".join(words)
