"""A check's findings: each returned tensor against the reference, and the mistake that explains it.

A tensor passes when every value is within atol + rtol·|expected| (np.isclose). Only when the
correct reference fails does diagnosis start: the reference re-runs with each mistake that can
occur in this network (reference.Fault), and every one that reproduces all the student's tensors
within the same tolerance is named. A correct implementation is therefore never diagnosed.
Must not import torch, rich or the backends package.
"""

import itertools
from dataclasses import dataclass, field

import numpy as np

from rnn_cli.grading.conventions import CONVENTION_GATES
from rnn_cli.grading.protocol import Failure, Printed
from rnn_cli.grading.reference import Fault, Mistake, Outputs, forward
from rnn_cli.network import shapes
from rnn_cli.spec.choices import Cell, Convention
from rnn_cli.spec.config import Spec

SCHEMA = 1

Inputs = tuple[
    dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray | None
]  # params, x, h0, c0

# rnnx computes in float64. Measured (README): a correct function computing in float32 is off by
# at most 2.3e-7 (RNN/LSTM/GRU, 2 layers, both directions, 20 steps); the closest diagnosed mistake
# is off by 0.11. 1e-5 sits 40x above the first and 10^4 below the second, like compare's float32.
ATOL = 1e-5
RTOL = 1e-5


@dataclass(frozen=True)
class Divergence:
    index: tuple[int, ...]  # the first value beyond tolerance, in the tensor's own axes
    time_step: int | None
    layer: int | None
    direction: int | None
    batch_row: int | None
    feature: int | None
    expected: float
    got: float


@dataclass(frozen=True)
class TensorCheck:
    name: str
    expected_shape: tuple[int, ...]
    meanings: tuple[str, ...]  # per dimension, shapes.tensors' words
    got_shape: tuple[int, ...] | None  # None when the function did not return it
    passed: bool
    max_abs_error: float | None  # None unless the shapes agree
    max_rel_error: float | None
    first_divergence: Divergence | None


@dataclass(frozen=True)
class Diagnosis:
    mistake: Mistake
    order: tuple[str, ...]  # gate_order: the order the student read the blocks in
    expected: tuple[str, ...]  # gate_order: the order the convention stacks them in


def _axes(spec: Spec, name: str) -> tuple[str, ...]:
    if name == "output":
        if spec.unbatched:
            return ("time", "feature")
        return ("batch", "time", "feature") if spec.batch_first else ("time", "batch", "feature")
    return ("row", "feature") if spec.unbatched else ("row", "batch", "feature")


def _divergence(
    spec: Spec, name: str, bad: np.ndarray, exp: np.ndarray, got: np.ndarray
) -> Divergence:
    """The earliest time step's bad value (then batch row, layer): where the student first erred."""
    axes = _axes(spec, name)
    rank = [axes.index(a) for a in ("time", "row", "batch", "feature") if a in axes]
    index = tuple(int(i) for i in min(np.argwhere(bad), key=lambda i: [i[k] for k in rank]))
    at = dict(zip(axes, index, strict=True))
    feature = at["feature"]
    if name == "output":
        direction, feature = divmod(feature, spec.h_out) if spec.bidirectional else (0, feature)
        layer = spec.num_layers - 1
    else:
        layer, direction = divmod(at["row"], spec.num_directions)
    return Divergence(
        index,
        at.get("time"),
        layer if spec.num_layers > 1 else None,  # named only where there is a choice
        direction if spec.bidirectional else None,
        at.get("batch"),
        feature,
        float(exp[index]),
        float(got[index]),
    )


def compare(
    spec: Spec, name: str, exp: np.ndarray, got: np.ndarray | None, atol: float, rtol: float
) -> TensorCheck:
    """One tensor: shape, then values."""
    tensor = next(t for t in shapes.tensors(spec) if t.name == name)
    meanings = tuple(str(d.meaning) for d in tensor.dims)
    if got is None or got.shape != exp.shape:
        shape = None if got is None else tuple(got.shape)
        return TensorCheck(name, tensor.shape, meanings, shape, False, None, None, None)
    diff = np.abs(got - exp)
    diff[np.isnan(diff)] = np.inf
    rel = np.divide(diff, np.abs(exp), out=np.zeros_like(diff), where=exp != 0)
    bad = ~np.isclose(got, exp, rtol=rtol, atol=atol)
    first = _divergence(spec, name, bad, exp, got) if bad.any() else None
    max_abs = float(diff.max()) if diff.size else 0.0
    max_rel = float(rel.max()) if rel.size else 0.0
    return TensorCheck(
        name, tensor.shape, meanings, tuple(got.shape), first is None, max_abs, max_rel, first
    )


def _square(spec: Spec) -> bool:
    """Every W_ih block square: a transposed one multiplies without an error."""
    return all(shapes.layer_input_size(spec, k) == spec.hidden_size for k in range(spec.num_layers))


def faults(spec: Spec, convention: Convention) -> list[Fault]:
    """Every mistake that can be made in spec's network under convention and changes numbers."""
    m = Mistake
    found = [Fault(m.H0_IGNORED), Fault(m.OFF_BY_ONE), Fault(m.STATE_NOT_CARRIED)]
    if spec.bias:
        found.append(Fault(m.BIAS_MISSING))
        if convention is Convention.TORCH:
            found += [Fault(m.BIAS_IH_ONLY), Fault(m.BIAS_HH_ONLY)]
    if spec.proj_size == 0:
        found.append(Fault(m.TRANSPOSED_W_HH))
        if _square(spec):
            found.append(Fault(m.TRANSPOSED_WEIGHTS))
    if spec.cell is Cell.RNN:
        found.append(Fault(m.ACTIVATION_SWAPPED))
    else:
        expected = CONVENTION_GATES[convention][spec.cell]
        orders = (p for p in itertools.permutations(expected) if p != expected)
        found += [Fault(m.GATE_ORDER, order, expected) for order in orders]
    if spec.cell is Cell.GRU:
        found += [Fault(m.GRU_RESET_BEFORE_MATMUL), Fault(m.GRU_UPDATE_SWAPPED)]
    if spec.cell is Cell.LSTM and spec.proj_size == 0:
        found.append(Fault(m.C_AS_OUTPUT))
        if convention is Convention.TORCH:
            found.append(Fault(m.H_C_SWAPPED))
    if spec.bidirectional:
        found += [Fault(m.BACKWARD_NOT_REVERSED), Fault(m.BACKWARD_NOT_REREVERSED)]
    return found


def _reproduces(made: Outputs, got: dict[str, np.ndarray], atol: float, rtol: float) -> bool:
    want = made.tensors()
    return all(
        name in want
        and want[name].shape == g.shape
        and np.allclose(g, want[name], rtol=rtol, atol=atol)
        for name, g in got.items()
    )


def diagnose(
    spec: Spec,
    convention: Convention,
    inputs: Inputs,
    got: dict[str, np.ndarray],
    tolerance: tuple[float, float],
) -> tuple[Diagnosis, ...]:
    """Each mistake whose deliberate reference reproduces every tensor the student returned."""
    params, x, h0, c0 = inputs
    found = []
    with np.errstate(all="ignore"):  # a wrong activation may overflow on purpose
        for fault in faults(spec, convention):
            if _reproduces(forward(spec, params, x, h0, c0, fault), got, *tolerance):
                found.append(Diagnosis(fault.mistake, fault.order, fault.expected))
    return tuple(found)


@dataclass(frozen=True)
class Check:
    """Everything `rnnx check` found about one student function."""

    target: str
    convention: Convention
    reference: str  # numpy or torch: what computed the expected numbers
    atol: float
    rtol: float
    conversions: tuple[str, ...]  # what rnnx did to its weights for the convention's layout
    tensors: tuple[TensorCheck, ...]
    diagnosis: tuple[Diagnosis, ...]
    failure: Failure | None  # the function raised, exited, hung or returned the wrong thing
    spec: Spec  # the network as the convention ran it
    square_rerun: bool = False  # diagnosis found on a rerun with --input-size = --hidden-size
    printed: Printed = field(default_factory=Printed)  # the student's stdout, stderr: first lines

    @property
    def passed(self) -> bool:
        return self.failure is None and all(t.passed for t in self.tensors)

    @property
    def score(self) -> float:
        """The share of returned tensors that pass: 0 when the function failed."""
        if self.failure is not None or not self.tensors:
            return 0.0
        return sum(t.passed for t in self.tensors) / len(self.tensors)


def grade(
    spec: Spec,
    names: tuple[str, ...],
    expected: dict[str, np.ndarray],
    got: dict[str, np.ndarray],
    tolerance: tuple[float, float],
) -> tuple[TensorCheck, ...]:
    """Each tensor the convention returns, against the reference's."""
    return tuple(compare(spec, n, expected[n], got.get(n), *tolerance) for n in names)
