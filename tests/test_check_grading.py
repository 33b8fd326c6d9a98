"""rnnx check's core in-process: the float64 reference against torch, a correct implementation
never diagnosed, and each deliberate mistake named by its own numbers."""

import importlib.util
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import given, settings

from rnn_cli.backends import torch_net
from rnn_cli.catalog.en import EN
from rnn_cli.grading import child, conventions, run, sandbox, verdict
from rnn_cli.grading.protocol import FailureKind, Returned
from rnn_cli.grading.reference import Fault, Mistake, forward
from rnn_cli.network.weights import Weights
from rnn_cli.render.check import render
from rnn_cli.spec.choices import Backend, Cell, Convention, DType
from rnn_cli.spec.config import Spec
from tests.helpers import plain
from tests.strategies import specs

EXAMPLES = Path(__file__).parent.parent / "examples" / "check"
TOL = (verdict.ATOL, verdict.RTOL)


def example(name: str) -> Any:
    """An example module, imported as the child imports it (its folder on sys.path)."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(EXAMPLES))


def in_process(spec: Spec, convention: Convention, fn: Callable[..., Any]) -> verdict.Check:
    """What `rnnx check` finds, with the function called here instead of in a child."""
    spec = conventions.fit(spec, convention)
    inputs, call = run.prepare(spec, convention)
    arrays, args, returns, first = sandbox.plan(call)
    got = child.invoke(fn, sandbox.described(args, returns, first), arrays)
    want = run.expected(spec, Backend.NUMPY, inputs)
    tensors, diagnosis = run.judge(spec, call, inputs, Returned(got, None), want, TOL)
    notes = call.conversions
    return verdict.Check("fn", convention, "numpy", *TOL, notes, tensors, diagnosis, None, spec)


def torch_ready(spec: Spec) -> Spec:
    """torch_correct.py reads 3-D input as batch-first and its RNN is tanh's; no packing here."""
    return replace(spec, batch_first=True, lengths=None, dtype=DType.FLOAT64, nonlinearity=None)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(specs(packed=False))
def test_reference_equals_torch_from_a_nonzero_h0(spec: Spec) -> None:
    spec = replace(spec, dtype=DType.FLOAT64)
    inputs, _ = run.prepare(spec, Convention.TORCH)
    params, x, h0, c0 = inputs
    ours = forward(spec, params, x, h0, c0).tensors()
    out, h_n, c_n = torch_net.forward_from(spec, Weights(params, x), h0, c0)
    theirs = {"output": out, "h_n": h_n} | ({} if c_n is None else {"c_n": c_n})
    assert ours.keys() == theirs.keys()
    for name in ours:
        np.testing.assert_allclose(ours[name], theirs[name], rtol=0, atol=1e-9)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(specs(packed=False))
def test_a_correct_torch_convention_function_always_passes(spec: Spec) -> None:
    fn = getattr(example("torch_correct"), spec.cell.value)
    found = in_process(torch_ready(spec), Convention.TORCH, fn)
    assert found.passed
    assert found.diagnosis == ()


def _inputs(spec: Spec) -> tuple[verdict.Inputs, dict[str, np.ndarray]]:
    inputs, _ = run.prepare(spec, Convention.TORCH)
    return inputs, forward(spec, *inputs).tensors()


@settings(max_examples=30, deadline=None, derandomize=True)
@given(specs(packed=False, max_layers=2))
def test_every_mistake_is_named_by_its_own_numbers(spec: Spec) -> None:
    """Feed grading each fault's output: that fault is among the ones named, unless its numbers
    happen to equal the correct ones (then nothing fails and nothing may be named)."""
    spec = replace(spec, dtype=DType.FLOAT64)
    inputs, want = _inputs(spec)
    for fault in verdict.faults(spec, Convention.TORCH):
        made = forward(spec, *inputs, fault).tensors()
        tensors = verdict.grade(spec, tuple(want), want, made, TOL)
        if all(t.passed for t in tensors):
            continue
        named = verdict.diagnose(spec, Convention.TORCH, inputs, made, TOL)
        assert (fault.mistake, fault.order) in {(d.mistake, d.order) for d in named}


def test_faults_cover_every_mistake() -> None:
    """Some network offers each mistake to the diagnosis."""
    offered = {
        f.mistake
        for spec in (
            Spec(cell=Cell.GRU, bidirectional=True, input_size=8),
            Spec(cell=Cell.LSTM),
            Spec(cell=Cell.RNN),
        )
        for f in verdict.faults(spec, Convention.TORCH)
    }
    assert offered == set(Mistake)


def test_gate_orders_offered_are_every_other_permutation() -> None:
    lstm = [f for f in verdict.faults(Spec(cell=Cell.LSTM), Convention.CS231N) if f.order]
    assert len(lstm) == 23
    assert all(f.expected == ("i", "f", "o", "g") for f in lstm)
    assert len([f for f in verdict.faults(Spec(cell=Cell.GRU), Convention.TORCH) if f.order]) == 5


def test_cs231n_layout_is_torchs_weights_transposed_and_reordered() -> None:
    spec = conventions.fit(Spec(cell=Cell.LSTM, batch_size=2), Convention.CS231N)
    (params, x, _, _), call = run.prepare(spec, Convention.CS231N)
    wx = call.args["Wx"]  # (D, 4H), blocks i, f, o, g
    hidden = spec.hidden_size
    g_torch = params["weight_ih_l0"][2 * hidden : 3 * hidden]  # torch's g block
    np.testing.assert_array_equal(wx[:, 3 * hidden :], g_torch.T)
    assert call.args["h0"].shape == (2, hidden)
    assert x.shape == (2, 10, 5)


def test_torch_reference_matches_numpy_on_the_cli() -> None:
    """--reference torch grades the same example the same way."""
    spec = conventions.fit(Spec(cell=Cell.GRU, bidirectional=True), Convention.TORCH)
    inputs, _ = run.prepare(spec, Convention.TORCH)
    ours = run.expected(spec, Backend.NUMPY, inputs)
    theirs = run.expected(spec, Backend.TORCH, inputs)
    for name in ours:
        np.testing.assert_allclose(ours[name], theirs[name], rtol=0, atol=1e-9)
    assert torch.get_default_dtype() == torch.float32  # untouched by rnnx


@pytest.mark.parametrize("cell", list(Cell))
def test_float32_student_still_passes(cell: Cell) -> None:
    """The default tolerance admits a correct function computing in float32 (torch's default)."""
    correct = getattr(example("torch_correct"), cell.value)

    def float32(x: Any, h0: Any, params: dict[str, np.ndarray]) -> Any:
        cast = (lambda a: a.astype(np.float32)) if not isinstance(h0, tuple) else None
        h = tuple(a.astype(np.float32) for a in h0) if cast is None else cast(h0)
        return correct(
            x.astype(np.float32), h, {k: v.astype(np.float32) for k, v in params.items()}
        )

    spec = Spec(cell=cell, num_layers=2, bidirectional=True, batch_size=3, seq_len=20)
    assert in_process(spec, Convention.TORCH, float32).passed


def test_a_fault_changes_nothing_it_does_not_name() -> None:
    """h0_ignored on a network whose h0 is zero would be invisible; rnnx's h0 never is."""
    spec = conventions.fit(Spec(), Convention.TORCH)
    (_, _, h0, _), _ = run.prepare(spec, Convention.TORCH)
    assert np.abs(h0).min() > 0
    assert Fault(Mistake.H0_IGNORED) in verdict.faults(spec, Convention.TORCH)


@pytest.mark.parametrize("width", [80, 120])
def test_report_golden(golden: Callable[[str, str], None], width: int) -> None:
    fn = example("torch_rnn_not_rereversed").rnn
    found = in_process(Spec(bidirectional=True, batch_size=2), Convention.TORCH, fn)
    golden(f"check_rnn_not_rereversed_{width}", plain(render(found), width))


def test_every_mistake_and_failure_kind_has_a_sentence() -> None:
    """Keys built as f"mistake.{value}" and f"check.fail_{kind}" exist in the catalog."""
    assert {f"mistake.{m.value}" for m in Mistake} <= set(EN)
    assert {f"check.fail_{k.value}" for k in FailureKind} <= set(EN)
