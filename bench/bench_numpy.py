"""The from-scratch NumPy backend against torch: forward time, and the cost of a cold start.

(a) One forward pass of the same network with the same weights through rnnx's own backends,
    timed by them (forward only), alternating numpy and torch so that load on the machine hits
    both alike; median of ROUNDS. Target: numpy/torch ≤ 1.5. Between passes the process
    sleeps PAUSE_S, so that BLAS and OpenMP worker threads still spinning after one backend
    have gone idle before the other starts. (A one-thread-each variant no longer compares like
    with like: numpy runs a bidirectional layer's two directions on two threads of its own.)
(b) A cold `rnnx shape --backend numpy` (NUMPY_COLD_CMD) against a cold interpreter that only
    imports torch, median of COLD_ROUNDS each, alternating. Target: ≤ 0.25.
Returns lines for bench/run.py, or run alone: `python bench/bench_numpy.py`. Asserts nothing.
"""

import os
import statistics
import subprocess
import sys
import time

import numpy as np

from rnn_cli.backends import run
from rnn_cli.result import Result
from rnn_cli.spec import Backend, Cell, Spec
from rnn_cli.weights import draw

SPEC = Spec(
    cell=Cell.LSTM,
    input_size=256,
    hidden_size=256,
    num_layers=2,
    bidirectional=True,
    batch_size=32,
    seq_len=100,
)
ROUNDS = 9  # timed forward passes per backend, after one untimed warm-up each
PAUSE_S = 0.2  # seconds; BLAS and OpenMP worker threads spin a while after a call
COLD_ROUNDS = 5

# The numpy side of the cold start: what a user runs. To time the backend alone, without the
# CLI's imports (typer, rich) and rendering, swap in:
# [sys.executable, "-c", "from rnn_cli.backends import run; from rnn_cli.spec import Backend, "
#  "Spec; from rnn_cli.weights import draw; s = Spec(); run(s, Backend.NUMPY, draw(s))"]
NUMPY_COLD_CMD = [sys.executable, "-m", "rnn_cli", "shape", "--backend", "numpy"]
TORCH_IMPORT_CMD = [sys.executable, "-c", "import torch"]


def forward_times() -> tuple[float, float, float]:
    """Median numpy and torch forward seconds over ROUNDS, and max |numpy - torch| output."""
    weights = draw(SPEC)
    times: dict[Backend, list[float]] = {Backend.NUMPY: [], Backend.TORCH: []}
    last: dict[Backend, Result] = {}
    for backend in times:  # warm-up: first-call allocations, thread pools
        run(SPEC, backend, weights)
    for _ in range(ROUNDS):
        for backend, seconds in times.items():
            time.sleep(PAUSE_S)
            last[backend] = run(SPEC, backend, weights)
            seconds.append(last[backend].seconds)
    diff = float(np.abs(last[Backend.NUMPY].output - last[Backend.TORCH].output).max())
    return statistics.median(times[Backend.NUMPY]), statistics.median(times[Backend.TORCH]), diff


def wall_seconds(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def cold_times() -> tuple[float, float]:
    """Median wall seconds of NUMPY_COLD_CMD and TORCH_IMPORT_CMD, alternating."""
    numpy_s, torch_s = [], []
    for _ in range(COLD_ROUNDS):
        numpy_s.append(wall_seconds(NUMPY_COLD_CMD))
        torch_s.append(wall_seconds(TORCH_IMPORT_CMD))
    return statistics.median(numpy_s), statistics.median(torch_s)


def forward_line(threads: str) -> str:
    numpy_s, torch_s, diff = forward_times()
    return (
        f"  {threads}: numpy {numpy_s * 1e3:.1f} ms  torch {torch_s * 1e3:.1f} ms  "
        f"numpy/torch {numpy_s / torch_s:.2f} (target ≤ 1.5)  max |Δoutput| {diff:.1e}"
    )


def main() -> list[str]:
    s = SPEC
    load_before = os.getloadavg()[0]
    lines = [
        f"forward {s.cell.value} {s.input_size}→{s.hidden_size}, {s.num_layers} layers, "
        f"bidirectional, N={s.batch_size} L={s.seq_len} {s.dtype.value}, median of {ROUNDS}:",
        forward_line(f"default threads ({os.cpu_count()} CPUs)"),
    ]
    cold_numpy, cold_torch = cold_times()
    return [
        *lines,
        f"cold start, median of {COLD_ROUNDS}: {' '.join(NUMPY_COLD_CMD[1:])} {cold_numpy:.2f} s, "
        f"bare `import torch` {cold_torch:.2f} s, ratio {cold_numpy / cold_torch:.2f} "
        "(target ≤ 0.25)",
        f"1-min load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, "
        f"on {os.cpu_count()} CPUs: timings are only as steady as the machine is quiet",
    ]


if __name__ == "__main__":
    print("\n".join(main()))  # bench/run.py calls main()
