"""Identities between output and h_n: the claims rnnx marks as guaranteed hold on real numbers."""

import dataclasses
import importlib.util
import json

import numpy as np
import pytest
from hypothesis import assume, given, settings

from rnn_cli.backends.dispatch import run
from rnn_cli.catalog.lookup import text
from rnn_cli.cli.launch import app
from rnn_cli.findings.identities import claims, evaluate
from rnn_cli.findings.report import build
from rnn_cli.network.weights import draw
from rnn_cli.spec.choices import Backend, Cell, Nonlinearity
from rnn_cli.spec.config import Spec
from tests.helpers import runner
from tests.strategies import specs

# the numpy backend lands on its own branch; test it here as soon as it exists
BACKENDS = [Backend.TORCH] + (
    [Backend.NUMPY] if importlib.util.find_spec("rnn_cli.backends.numpy_net") else []
)


def _claims(spec: Spec) -> dict[str, bool]:
    return {c.text: c.expected for c in claims(spec)}


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=40, deadline=None)
@given(spec=specs())
def test_every_guaranteed_identity_holds(backend: Backend, spec: Spec) -> None:
    result = run(spec, backend, draw(spec))
    for identity in evaluate(spec, result):
        if identity.expected:
            assert identity.holds, (identity.claim, spec)


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=40, deadline=None)
@given(spec=specs())
def test_traps_fail_beyond_one_step(backend: Backend, spec: Spec) -> None:
    # with one step t = 0 is t = -1, and relu can zero both sides: there a trap may hold
    assume(spec.seq_len > 1 and spec.activation is not Nonlinearity.RELU)
    for identity in evaluate(spec, run(spec, backend, draw(spec))):
        if not identity.expected:
            assert not identity.holds, (identity.claim, spec)


def test_the_check_can_fail() -> None:
    spec = Spec(bidirectional=True)
    result = run(spec, Backend.TORCH, draw(spec))
    broken = dataclasses.replace(result, h_n=result.h_n + np.float32(1e-3))
    assert not any(i.holds for i in evaluate(spec, broken))


@pytest.mark.parametrize("backend", BACKENDS)
def test_tiny_activations_do_not_make_a_trap_hold(backend: Backend) -> None:
    """No bias, one input, a 1-wide projection: the top h_t is ~1e-6, under the old 1e-6 atol."""
    spec = Spec(
        cell=Cell.LSTM, input_size=1, hidden_size=2, num_layers=3, bidirectional=True,
        batch_first=False, proj_size=1, bias=False, seq_len=2, unbatched=True, seed=1000,
    )  # fmt: skip
    result = run(spec, backend, draw(spec))
    assert float(np.abs(result.output).max()) < 1e-4  # the top layer, where the claims look
    assert not [i.claim for i in evaluate(spec, result) if i.holds != i.expected]
    assert text("note.trap_holds") not in build(spec, backend, result).notes


def test_unidirectional_batch_first() -> None:
    assert _claims(Spec()) == {
        "output[:, -1] == h_n[-1]": True,
        "output[-1] == h_n[-1]": False,
    }


def test_bidirectional_writes_this_configs_sizes() -> None:
    assert _claims(Spec(bidirectional=True, hidden_size=8, num_layers=2)) == {
        "output[:, -1, :8] == h_n[-2]": True,
        "output[:, 0, 8:] == h_n[-1]": True,
        "output[:, -1, 8:] == h_n[-1]": False,
        "output[:, -1] == torch.cat([h_n[-2], h_n[-1]], dim=-1)": False,
        "output[:, -1, :8] == h_n[0]": False,
        "output[-1, :, :8] == h_n[-2]": False,
    }


def test_seq_first_and_projection_indices() -> None:
    spec = Spec(cell=Cell.LSTM, hidden_size=8, proj_size=3, bidirectional=True, batch_first=False)
    got = _claims(spec)
    assert got["output[-1, :, :3] == h_n[-2]"] is True
    assert got["output[0, :, 3:] == h_n[-1]"] is True
    assert got["output[:, -1, :3] == h_n[-2]"] is False


def test_unbatched_has_no_batch_axis_and_no_layout_trap() -> None:
    assert _claims(Spec(unbatched=True, bidirectional=True, hidden_size=4)) == {
        "output[-1, :4] == h_n[-2]": True,
        "output[0, 4:] == h_n[-1]": True,
        "output[-1, 4:] == h_n[-1]": False,
        "output[-1] == torch.cat([h_n[-2], h_n[-1]], dim=-1)": False,
    }


def test_a_trap_that_holds_is_shown_as_such() -> None:
    spec = Spec(bidirectional=True, seq_len=1)
    report = build(spec, Backend.TORCH, run(spec, Backend.TORCH, draw(spec)))
    trap = next(i for i in report.identities if i.claim == "output[:, -1, 8:] == h_n[-1]")
    assert (trap.expected, trap.holds) == (False, True)
    assert text("note.trap_holds") in report.notes


def test_json_lists_claims_with_holds() -> None:
    result = runner.invoke(app, ["shape", "--bidirectional", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)["identities"]
    assert {"claim": "output[:, 0, 8:] == h_n[-1]", "holds": True}.items() <= listed[1].items()
    assert all({"claim", "expected", "holds"} <= i.keys() for i in listed)


def test_table_marks_traps() -> None:
    result = runner.invoke(app, ["shape", "--seq-first", "--all"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "output[:, -1] == h_n[-1]" in line)
    assert text("id.differs") in lines[at]
    assert lines[at + 1].strip().startswith(text("id.trap"))
    assert text("id.legend")[:20] in result.stdout


def test_analytic_backend_has_a_note_not_an_error() -> None:
    result = runner.invoke(app, ["shape", "--backend", "analytic", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["identities"] == []
    assert text("note.recipes_need_values") in doc["notes"]
