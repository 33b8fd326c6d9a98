"""Every recipe rnnx prints, its wrong twin, and every identity, run as Python against torch's own
tensors: the module is built here with torch.nn from the JSON config, loaded with rnnx's numbers,
and run on rnnx's input (a packed batch through pack_padded_sequence, then pad_packed_sequence).
What a student pastes must compute in torch what rnnx says, shape and values bit for bit.
"""

from typing import Any, TypeAlias

import numpy as np
import pytest
import torch
from hypothesis import example, given, settings
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from rnn_cli.backends.dispatch import run
from rnn_cli.findings import recipes
from rnn_cli.findings.expression import Value
from rnn_cli.findings.recipes import Recipe
from rnn_cli.findings.report import build, config
from rnn_cli.network.weights import Weights, draw
from rnn_cli.spec.choices import Backend, Cell, DType
from rnn_cli.spec.config import Spec
from tests.helpers import torch_module
from tests.strategies import specs

pytestmark = pytest.mark.filterwarnings("ignore:LSTM with projections is not supported with oneDNN")
NUM_CLASSES = 3  # the name num_classes in `nn.Linear(..., out_features=num_classes)`
# packed batches whatever hypothesis draws: both layouts, two directions, a projection, float64
PACKED = (
    Spec(cell=Cell.LSTM, proj_size=3, num_layers=2, bidirectional=True, batch_size=3,
         seq_len=6, lengths=(6, 4, 1), batch_first=False, dtype=DType.FLOAT64),
    Spec(cell=Cell.GRU, num_layers=3, bidirectional=True, batch_size=4, seq_len=5,
         lengths=(2, 5, 3, 5)),
)  # fmt: skip
State: TypeAlias = torch.Tensor | tuple[torch.Tensor, torch.Tensor] | None


class Network:
    """torch.nn's module for spec with rnnx's parameters, run on rnnx's input as a student does."""

    def __init__(self, spec: Spec, weights: Weights) -> None:
        self.spec, self.x = spec, torch.from_numpy(weights.x)
        self.net = torch_module(config(spec, Backend.TORCH)).eval()
        with torch.no_grad():
            for name, p in self.net.named_parameters():
                p.copy_(torch.from_numpy(weights.params[name]))
        self.names = self.forward()

    def forward(self, state: State = None) -> dict[str, Any]:
        """The names a student's code sees after `output, h_n = net(x, state)`."""
        spec, bf = self.spec, self.spec.batch_first
        with torch.no_grad():
            if spec.lengths is None:
                output, final = self.net(self.x, state)
            else:
                lengths = torch.tensor(spec.lengths)
                packed = pack_padded_sequence(self.x, lengths, batch_first=bf, enforce_sorted=False)
                out, final = self.net(packed, state)
                output, _ = pad_packed_sequence(out, batch_first=bf, total_length=spec.seq_len)
        h_n, c_n = final if spec.cell is Cell.LSTM else (final, None)
        names = {"torch": torch, "nn": torch.nn, "num_classes": NUM_CLASSES}
        names |= {"output": output, "h_n": h_n, "c_n": c_n}
        if spec.lengths is not None:
            names["lengths"] = torch.tensor(spec.lengths)  # a tensor, as the recipe says
        return names


def evaluate(code: str, names: dict[str, Any]) -> Any:
    """An expression's value; for a statement (h_0, c_0 = ...), the names it assigns, in order."""
    scope = dict(names)
    with torch.no_grad():
        try:
            return eval(compile(code, "<printed>", "eval"), scope)
        except SyntaxError:
            exec(compile(code, "<printed>", "exec"), scope)
    return tuple(v for k, v in scope.items() if k not in names and k != "__builtins__")


def numbers(got: Any) -> Value:
    """torch's result in numpy; an nn.Linear by the features it reads, as rnnx counts it."""
    if isinstance(got, tuple):
        return tuple(t.numpy() for t in got)
    if isinstance(got, torch.nn.Linear):
        return np.array(got.in_features)
    assert isinstance(got, torch.Tensor), got
    array: np.ndarray = got.numpy()
    return array


def equal(a: Value, b: Value) -> bool:
    """Same shape, same dtype, every bit the same (an assignment's tensors one by one)."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, tuple) or isinstance(b, tuple):
        return False
    return a.shape == b.shape and a.dtype == b.dtype and bool(np.array_equal(a, b))


def put_to_use(net: Network, names: dict[str, Any], summary: str, got: Any) -> None:
    """What the code is for, done in torch: the classifier reads the summary; h_0 (c_0) is taken
    by the network and, being zeros, changes nothing. Raises where torch refuses."""
    if isinstance(got, torch.nn.Linear):
        read = evaluate(summary, names)
        assert got.to(read.dtype)(read).shape == (*read.shape[:-1], NUM_CLASSES)
    elif isinstance(got, tuple):
        rerun = net.forward(got if len(got) == 2 else got[0])
        assert torch.equal(rerun["output"], names["output"])
        assert torch.equal(rerun["h_n"], names["h_n"])


def _shape_of(got: Any) -> tuple[int, ...]:
    return tuple((got[0] if isinstance(got, tuple) else got).shape)


def _check_recipe(
    recipe: Recipe, plan: recipes.Plan, arrays: Any, net: Network, summary: str
) -> None:
    """recipe as printed, run in torch; summary: the printed summary a classifier reads."""
    names = net.names
    assert recipe.holds is True, (recipe.expression, net.spec)
    got = evaluate(recipe.expression, names)
    assert equal(numbers(got), plan.code.value(arrays)), (recipe.expression, net.spec)
    if recipe.shape is not None:
        assert _shape_of(got) == recipe.shape
    put_to_use(net, names, summary, got)
    if recipe.wrong is None or not recipe.wrong_differs:
        return
    assert plan.wrong is not None
    twin = evaluate(recipe.wrong, names)
    assert equal(numbers(twin), plan.wrong.value(arrays)), (recipe.wrong, net.spec)
    assert not equal(numbers(twin), numbers(got)), (recipe.wrong, net.spec)
    if isinstance(twin, (torch.nn.Linear, tuple)):  # torch itself refuses the wrong one
        with pytest.raises((RuntimeError, IndexError)):  # torch raises either
            put_to_use(net, names, summary, twin)


@settings(max_examples=80, deadline=None)
@given(spec=specs())
@example(spec=PACKED[0])
@example(spec=PACKED[1])
def test_every_printed_recipe_computes_in_torch_what_rnnx_says(spec: Spec) -> None:
    weights = draw(spec)
    result = run(spec, Backend.TORCH, weights)
    report = build(spec, Backend.TORCH, result)
    plans = {p.name: p for p in recipes.plans(spec)}
    assert [r.name for r in report.recipes] == list(plans)
    arrays, net = recipes.arrays_of(spec, result), Network(spec, weights)
    (summary,) = (r.expression for r in report.recipes if r.name == "summary")
    for recipe in report.recipes:
        _check_recipe(recipe, plans[recipe.name], arrays, net, summary)


@settings(max_examples=80, deadline=None)
@given(spec=specs())
@example(spec=PACKED[0])
@example(spec=PACKED[1])
def test_every_printed_identity_is_what_torch_says(spec: Spec) -> None:
    weights = draw(spec)
    report = build(spec, Backend.TORCH, run(spec, Backend.TORCH, weights))
    names = Network(spec, weights).names
    for identity in report.identities:
        lhs, rhs = identity.claim.split(" == ")
        said = torch.equal(evaluate(lhs, names), evaluate(rhs, names))
        assert said is identity.holds, (identity.claim, spec)
