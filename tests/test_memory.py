"""The memory estimate, --max-memory sizes, and the guard that refuses a run before it allocates."""

from pathlib import Path

import pytest

from rnn_cli.base import machine
from rnn_cli.base.errors import SpecError
from rnn_cli.cli.launch import app
from rnn_cli.network import shapes
from rnn_cli.spec.choices import Cell, DType
from rnn_cli.spec.config import Spec
from rnn_cli.spec.sizes import parse_bytes
from tests.helpers import runner


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("4GiB", 4 * 2**30),
        ("512MiB", 512 * 2**20),
        ("1e9", 10**9),
        ("1.5GB", 1_500_000_000),
        ("2 kib", 2048),
        ("100", 100),
        (".5KiB", 512),
    ],
)
def test_parse_bytes_reads_sizes(text: str, size: int) -> None:
    assert parse_bytes("--max-memory", text) == size


@pytest.mark.parametrize("text", ["0", "-1GiB", "abc", "4XB", "1..2", "GiB", "0.1"])
def test_parse_bytes_names_flag_and_value(text: str) -> None:
    with pytest.raises(SpecError, match=f"--max-memory .*got '{text}'"):
        parse_bytes("--max-memory", text)


def test_memory_bytes_follows_its_formula() -> None:
    """nn.LSTM(3, 4, 2 layers, bidirectional), float64, batch 2, seq 5, counted by hand."""
    spec = Spec(cell=Cell.LSTM, input_size=3, hidden_size=4, num_layers=2, bidirectional=True,
                batch_size=2, seq_len=5, dtype=DType.FLOAT64)  # fmt: skip
    p = 2 * (16 * 3 + 16 * 4 + 32) + 2 * (16 * 8 + 16 * 4 + 32)  # layer 0, then layer 1 (D·H in)
    x, y = 2 * 5 * 3, 2 * 5 * 8
    s = 4 * (4 * 2 * 4)  # h_n, c_n, h_0, c_0: (layers·D, N, H)
    w = 2 * 5 * 16  # N·L·G·H
    expected = 8 * (3 * p + x + 4 * y + s + 2 * w) + 8 * max(x, 16 * 8)
    assert shapes.memory_bytes(spec) == expected


def test_memory_bytes_grows_with_every_size() -> None:
    base = Spec(cell=Cell.GRU)
    bigger = [
        Spec(cell=Cell.GRU, hidden_size=9),
        Spec(cell=Cell.GRU, input_size=6),
        Spec(cell=Cell.GRU, num_layers=2),
        Spec(cell=Cell.GRU, batch_size=2),
        Spec(cell=Cell.GRU, seq_len=11),
        Spec(cell=Cell.GRU, dtype=DType.FLOAT64),
    ]
    assert all(shapes.memory_bytes(s) > shapes.memory_bytes(base) for s in bigger)


def test_available_bytes_reads_this_machine() -> None:
    """On Linux the figure exists and lies between nothing and all the memory the machine has."""
    if not Path("/proc/meminfo").exists():
        pytest.skip("no /proc/meminfo to check against")
    total_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    available = machine.available_bytes()
    assert available is not None
    assert 0 < available <= total_kib * 1024


def test_guard_refuses_past_max_memory_with_estimate_and_budget() -> None:
    result = runner.invoke(app, ["shape", "--cell", "lstm", "--max-memory", "1KiB"])
    estimate = shapes.memory_bytes(Spec(cell=Cell.LSTM))
    assert result.exit_code == 2
    assert f"{estimate:,} B" in result.stderr
    assert "budget of 1,024 B" in result.stderr
    assert "--backend analytic" in result.stderr
    assert result.stdout == ""


def test_guard_lets_a_run_within_budget_through() -> None:
    result = runner.invoke(app, ["shape", "--max-memory", "1MiB", "-f", "json"])
    assert result.exit_code == 0, result.stderr


def test_guard_default_budget_is_half_the_available(monkeypatch: pytest.MonkeyPatch) -> None:
    estimate = shapes.memory_bytes(Spec())
    monkeypatch.setattr(machine, "available_bytes", lambda: 2 * estimate - 2)
    refused = runner.invoke(app, ["shape"])
    assert refused.exit_code == 2
    assert "half of the" in refused.stderr
    monkeypatch.setattr(machine, "available_bytes", lambda: 2 * estimate)
    assert runner.invoke(app, ["shape"]).exit_code == 0


def test_analytic_is_never_refused() -> None:
    """A 5.9-billion-parameter LSTM: no tensors, so no guard, and the estimate is still shown."""
    args = ["shape", "--backend", "analytic", "-c", "lstm", "-i", "8192", "-H", "8192", "-l", "4",
            "--bidirectional", "-n", "64", "-L", "10000", "--max-memory", "1KiB",
            "--params"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "5,906,104,320" in result.stdout
    assert "estimated memory to compute" in result.stdout


def test_bad_max_memory_is_bad_input_even_for_analytic() -> None:
    result = runner.invoke(app, ["shape", "--backend", "analytic", "--max-memory", "lots"])
    assert result.exit_code == 2
    assert "--max-memory" in result.stderr
    assert "'lots'" in result.stderr


def test_sweep_guard_names_the_configuration_before_running_any() -> None:
    args = ["sweep", "-H", "4,512", "-L", "200", "--backend", "torch", "--max-memory", "1MiB"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "configuration 2 of 2 (hidden_size=512)" in result.stderr
    assert result.stdout == ""
