"""Huge sizes answered at once (issue 13): each command line below used to run for seconds to
forever; each should now answer (refuse, or summarise) in well under a second, as a process and
in process. Timed here, never asserted in tests (tests/test_scale.py checks what they answer).

`main()` returns the lines to print (bench/run.py's protocol); run alone with
`python bench/bench_refusals.py`.
"""

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from typer.testing import CliRunner

from rnn_cli.cli.launch import app
from rnn_cli.findings import comparison
from rnn_cli.network import shapes
from rnn_cli.spec.config import Spec
from rnn_cli.spec.sizes import parse_bytes

RNNX = [sys.executable, "-m", "rnn_cli"]
ROUNDS = 5
CASES: list[list[str]] = [
    ["shape", "--layers", "1000000", "--max-memory", "1MB"],
    ["shape", "--layers", "10000000", "--max-memory", "1MB"],
    ["shape", "-B", "analytic", "--layers", "100000"],
    ["shape", "-B", "analytic", "-f", "json", "--layers", str(2**63 - 1)],
    ["shape", "-B", "analytic", "--layers", "1000", "--bidirectional"],
    ["code", "--layers", "1000000"],
    ["diagram", "--layers", "1000000"],
    ["compare", "--layers", "2147483648"],
    ["compare", "--repeat", "9223372036854775807"],
    ["sweep", "-l", ",".join(map(str, range(1, 1001))), "-H", ",".join(map(str, range(1, 1001))),
     "--max-configs", "999999999999"],
    ["shape", "--max-memory", "1e999999", "-B", "analytic"],
    ["shape", "-H", str(10**160)],
]  # fmt: skip


def _process(args: list[str]) -> tuple[float, int, int]:
    """Median wall seconds, exit code, and the largest child's peak RSS in KiB."""
    times, code = [], 0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        done = subprocess.run([*RNNX, *args], capture_output=True, check=False, timeout=120)
        times.append(time.perf_counter() - start)
        code = done.returncode
    return statistics.median(times), code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def _in_process(args: list[str]) -> float:
    runner = CliRunner()
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        runner.invoke(app, args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _short(args: list[str]) -> str:
    return " ".join(a if len(a) <= 24 else a[:10] + "…" + a[-6:] for a in args)


def _functions() -> list[str]:
    """The closed forms and the parse on their own, in microseconds."""
    huge = Spec(num_layers=2**62, bidirectional=True, hidden_size=2**20)
    calls: dict[str, Callable[[], object]] = {
        "shapes.memory_bytes(2**62 layers)": lambda: shapes.memory_bytes(huge),
        "shapes.total_parameters(2**62 layers)": lambda: shapes.total_parameters(huge),
        "comparison.memory_bytes(2**62 layers)": lambda: comparison.memory_bytes(huge, 2),
        "parse_bytes('1e999999')": lambda: parse_bytes("--max-memory", "1e999999"),
    }
    lines = []
    for name, call in calls.items():
        start = time.perf_counter()
        for _ in range(1000):
            call()
        lines.append(f"   {name}: {(time.perf_counter() - start) * 1000:.1f} µs per call")
    return lines


def main() -> list[str]:
    load = os.getloadavg()[0]
    baseline, _, _ = _process(["--version"])
    lines = [f"   load average {load:.2f}; `rnnx --version` as a process: {baseline:.3f} s"]
    for args in CASES:
        seconds, code, rss = _process(args)
        inside = _in_process(args)
        lines.append(
            f"   exit {code}  process {seconds:.3f} s  in process {inside * 1000:.1f} ms  "
            f"peak RSS so far {rss / 1024:.0f} MiB  rnnx {_short(args)}"
        )
    return lines + _functions()


if __name__ == "__main__":
    print("\n".join(main()))
