"""Memory the guard must see (process limits, compare's two backends) and a tolerance that grows
with the length of the sums, so two correct backends agree however wide the network."""

import json
import resource
import subprocess
import sys

import pytest

from rnn_cli.base import machine
from rnn_cli.cli.launch import app
from rnn_cli.findings import comparison
from rnn_cli.network import shapes
from rnn_cli.spec.choices import DType
from rnn_cli.spec.config import Spec
from tests.helpers import runner

LIMIT = 1_500_000_000  # bytes of address space the children below may map (`ulimit -v`)
BIG = ["shape", "-B", "numpy", "-H", "2048", "-L", "4000", "-n", "64", "-f", "json"]


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def rnnx_limited(*args: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, "-m", "rnn_cli", *args],
        capture_output=True,
        text=True,
        preexec_fn=_limited,
        check=False,
        timeout=300,
    )


def test_the_default_budget_sees_a_process_limit() -> None:
    done = rnnx_limited(*BIG)
    assert done.returncode == 2
    assert done.stderr.startswith("rnnx: error: --max-memory: this run needs about")
    assert done.stderr.count("\n") == 1
    assert done.stdout == ""


def test_running_out_past_the_guard_is_one_line_exit_2() -> None:
    done = rnnx_limited(*BIG, "--max-memory", "100GB")  # the guard waved it through
    assert done.returncode == 2
    assert done.stderr.startswith("rnnx: error: ran out of memory")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_rlimit_headroom_is_below_the_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (8 * 2**40, hard))  # far above what the test uses
    try:
        available = machine.available_bytes()
        assert available is not None
        assert available < 8 * 2**40
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_compare_estimates_every_backend_at_once() -> None:
    spec = Spec(input_size=64, hidden_size=64, seq_len=100, batch_size=8)
    one = shapes.memory_bytes(spec)
    assert comparison.memory_bytes(spec, 2) > one
    assert comparison.memory_bytes(spec, 3) > comparison.memory_bytes(spec, 2)
    result = runner.invoke(app, ["compare", "-i", "64", "-H", "64", "-L", "100", "-n", "8",
                                 "--max-memory", str(one + 1)])  # fmt: skip
    assert result.exit_code == 2
    assert "--max-memory" in result.stderr


@pytest.mark.parametrize(
    ("spec", "k"),
    [
        (Spec(), 5 + 8),
        (Spec(input_size=6000), 6000 + 8),
        (Spec(num_layers=2, bidirectional=True, hidden_size=100), 200 + 100),
    ],
)
def test_reduction_length(spec: Spec, k: int) -> None:
    assert comparison.reduction_length(spec) == k


def test_tolerance_grows_with_the_sums_and_not_below_the_floor() -> None:
    assert comparison.default_atol(Spec()) == comparison.ATOL[DType.FLOAT32]
    assert comparison.default_atol(Spec(input_size=6000)) > comparison.ATOL[DType.FLOAT32]
    wide64 = Spec(input_size=6000, dtype=DType.FLOAT64)
    assert comparison.default_atol(wide64) == comparison.ATOL[DType.FLOAT64]


def test_wide_float32_input_matches() -> None:
    """-i 6000: torch and numpy 1.2e-5 apart, a correct result that a fixed 1e-5 called wrong."""
    result = runner.invoke(app, ["compare", "-i", "6000", "-f", "json", "--repeat", "1"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["match"] is True
    assert doc["atol"] == comparison.default_atol(Spec(input_size=6000))
