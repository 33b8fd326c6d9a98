"""The from-scratch NumPy backend against torch, the reference, on random configurations."""

import dataclasses
import subprocess
import sys
import threading
import warnings

import numpy as np
import pytest
from hypothesis import given, settings

from rnn_cli.backends import numpy_cells, numpy_net
from rnn_cli.backends.dispatch import run
from rnn_cli.network import shapes, weights
from rnn_cli.network.result import Result
from rnn_cli.spec.choices import Backend, Cell, DType
from rnn_cli.spec.config import Spec
from tests.helpers import lstm_f_before_i
from tests.strategies import specs

ATOL: dict[DType, float] = {DType.FLOAT32: 1e-5, DType.FLOAT64: 1e-9}


def mismatches(spec: Spec, got: Result, want: Result) -> list[str]:
    """Each way got (numpy) differs from want (torch) or from the analytic shapes; [] if none."""
    expected = {t.name: t.shape for t in shapes.tensors(spec)}
    problems = []
    for name in ("output", "h_n", "c_n"):
        a, b = getattr(got, name), getattr(want, name)
        if a is None or b is None:
            if not (a is None and b is None and name not in expected):
                problems.append(f"{name}: numpy {a is None=}, torch {b is None=}")
            continue
        if not a.shape == b.shape == expected[name]:
            problems.append(f"{name} shape: numpy {a.shape}, torch {b.shape}, {expected[name]=}")
        elif a.dtype != b.dtype:
            problems.append(f"{name} dtype: numpy {a.dtype}, torch {b.dtype}")
        elif not np.allclose(a, b, rtol=0.0, atol=ATOL[spec.dtype]):
            problems.append(f"{name} values: max |numpy - torch| = {np.abs(a - b).max():.3g}")
    return problems


def compare(spec: Spec, w: weights.Weights | None = None) -> list[str]:
    w = weights.draw(spec) if w is None else w
    return mismatches(spec, run(spec, Backend.NUMPY, w), run(spec, Backend.TORCH, w))


@settings(max_examples=400, deadline=None)
@given(spec=specs(max_input=8, max_hidden=8, max_batch=4, max_seq=6, dropouts=(0.0, 0.5)))
def test_numpy_matches_torch(spec: Spec) -> None:
    assert compare(spec) == []


@pytest.mark.parametrize("lengths", [None, (6, 2, 5)])
@pytest.mark.parametrize("cell", list(Cell))
def test_directions_side_by_side_agree(
    cell: Cell, lengths: tuple[int, ...] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big networks run a layer's two directions in two threads: the same numbers as torch."""
    monkeypatch.setattr(numpy_net, "SIDE_BY_SIDE_FROM", 0)  # small enough to test, threaded
    spawned: list[threading.Thread] = []
    monkeypatch.setattr(threading, "Thread", _spy(spawned))
    for dtype in DType:
        spec = Spec(
            cell=cell,
            num_layers=3,
            bidirectional=True,
            batch_size=3,
            seq_len=6,
            lengths=lengths,
            dtype=dtype,
            proj_size=2 if cell is Cell.LSTM else 0,
        )
        assert compare(spec) == []
    # one worker per layer, in each of the two forward passes (each pass on its own rnnx-forward
    # thread, which Ctrl-C can abandon)
    assert len([t for t in spawned if t.name != "rnnx-forward"]) == 2 * 3


def _spy(spawned: list[threading.Thread]) -> type[threading.Thread]:
    class Spy(threading.Thread):
        def start(self) -> None:
            spawned.append(self)
            super().start()

    return Spy


@pytest.mark.parametrize("batch_first", [True, False])
@pytest.mark.parametrize("cell", list(Cell))
def test_packed_sequences_agree(cell: Cell, batch_first: bool) -> None:
    """--lengths: past its own length a sequence's state holds and its output is 0, as in torch."""
    spec = Spec(
        cell=cell,
        num_layers=2,
        bidirectional=True,
        batch_first=batch_first,
        batch_size=3,
        seq_len=5,
        lengths=(5, 2, 4),
    )
    assert compare(spec) == []


@pytest.mark.parametrize("cell", list(Cell))
def test_saturated_gates_agree_without_warnings(cell: Cell) -> None:
    """Inputs ×1e4 drive σ and tanh into overflow of e^-a; values stay exact and silent."""
    spec = Spec(cell=cell, input_size=3, hidden_size=4, seq_len=4, batch_size=2, num_layers=2)
    w = weights.draw(spec)
    loud = dataclasses.replace(w, x=w.x * np.float32(1e4))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run(spec, Backend.NUMPY, loud)
    assert compare(spec, loud) == []


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("width", range(1, 10))
def test_in_place_gates_on_column_views(dtype: type[np.floating], width: int) -> None:
    """σ and tanh act on slices of the gate matrix in place; every row stride must be read right.

    NumPy 2.4.6's in-place np.negative misreads a 16-byte (float32) or 64-byte (float64) stride;
    this caught it when sigmoid used it.
    """
    rng = np.random.default_rng(width)
    for fn, reference in (
        (numpy_cells.sigmoid, lambda a: 1 / (1 + np.exp(-a))),
        (numpy_cells.tanh, np.tanh),
    ):
        a = (4 * rng.standard_normal((5, width))).astype(dtype)  # (rows, width)
        want = reference(a[:, -1:])
        fn(a[:, -1:])
        np.testing.assert_allclose(a[:, -1:], want, rtol=0.0, atol=ATOL[DType(a.dtype.name)])


def test_comparison_catches_a_wrong_gate_order(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = Spec(cell=Cell.LSTM, input_size=3, hidden_size=4, seq_len=5, batch_size=2, seed=1)
    assert compare(spec) == []
    monkeypatch.setattr(numpy_net, "lstm_step", lstm_f_before_i)
    found = compare(spec)
    assert [p.split(" ")[0] for p in found] == ["output", "h_n", "c_n"], found


NO_TORCH = """
import sys
from rnn_cli.backends.dispatch import run
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec
from rnn_cli.network.weights import draw
for cell in Cell:
    spec = Spec(cell=cell, bidirectional=True, num_layers=2)
    run(spec, Backend(sys.argv[1]), draw(spec))
print(sorted(m for m in sys.modules if m.split(".")[0] == "torch")[:3])
"""


@pytest.mark.parametrize(("backend", "imports_torch"), [("numpy", False), ("torch", True)])
def test_only_the_torch_backend_imports_torch(backend: str, imports_torch: bool) -> None:
    """A fresh interpreter: the numpy path leaves torch unloaded; the torch path shows it would."""
    done = subprocess.run(
        [sys.executable, "-c", NO_TORCH, backend], capture_output=True, text=True, check=True
    )
    assert (done.stdout.strip() != "[]") is imports_torch, done.stdout
