"""The from-scratch NumPy backend against torch: one forward pass of the same network.

The same weights go through rnnx's own backends, timed by them (forward only), numpy and torch
alternating so that load on the machine hits both alike; median of ROUNDS. Between passes the
process sleeps PAUSE_S, so that BLAS and OpenMP worker threads still spinning after one backend
have gone idle before the other starts. `in_child` runs it in a fresh process (this file with
--json), so the parent's imports and thread pools play no part. One thread each (numpy's two
directions one after the other, torch and OpenBLAS held to one thread), counted in CPU time, is
what stays steady on a busy machine; beside it, the CPU time of the same pass's matrix products
alone, numpy's floor with this BLAS. Run alone: `python bench/bench_numpy.py`. Asserts nothing."""

import json
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass

import numpy as np
from timing import load, timed

from rnn_cli.backends import numpy_net
from rnn_cli.backends.dispatch import run
from rnn_cli.network.result import Result
from rnn_cli.network.weights import NP_DTYPE, draw
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec

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
ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


@dataclass(frozen=True)
class Forward:
    numpy_s: float  # median seconds of a numpy forward pass
    torch_s: float  # median seconds of a torch forward pass
    max_diff: float  # max |numpy - torch| over the output
    load: float  # 1-minute load average when the passes ended
    numpy_cpu_s: float  # median CPU seconds of the process over a numpy pass, all its threads
    torch_cpu_s: float  # the same for torch: with one thread each, steady under load
    gemm_cpu_s: float  # median CPU seconds of the numpy pass's matrix products alone


def forward_times() -> Forward:
    """Median numpy and torch forward seconds over ROUNDS, in this process."""
    weights = draw(SPEC)
    times: dict[Backend, list[float]] = {Backend.NUMPY: [], Backend.TORCH: []}
    cpu: dict[Backend, list[float]] = {Backend.NUMPY: [], Backend.TORCH: []}
    last: dict[Backend, Result] = {}
    for backend in times:  # warm-up: first-call allocations, thread pools
        run(SPEC, backend, weights)
    for _ in range(ROUNDS):
        for backend, seconds in times.items():
            time.sleep(PAUSE_S)
            start = time.process_time()
            last[backend] = run(SPEC, backend, weights)
            cpu[backend].append(time.process_time() - start)
            seconds.append(last[backend].seconds)
    diff = float(np.abs(last[Backend.NUMPY].output - last[Backend.TORCH].output).max())
    numpy_s, torch_s = (statistics.median(times[b]) for b in (Backend.NUMPY, Backend.TORCH))
    numpy_cpu, torch_cpu = (statistics.median(cpu[b]) for b in (Backend.NUMPY, Backend.TORCH))
    return Forward(numpy_s, torch_s, diff, load(), numpy_cpu, torch_cpu, gemm_cpu_seconds())


def gemm_cpu_seconds() -> float:
    """CPU seconds of a numpy pass's matrix products alone: its floor with this BLAS."""
    s, rng = SPEC, np.random.default_rng(0)
    rows = {Cell.LSTM: 4, Cell.GRU: 3, Cell.RNN: 1}[s.cell] * s.hidden_size  # G*hidden
    widths = [s.input_size] + [s.num_directions * s.hidden_size] * (s.num_layers - 1)

    def normal(*shape: int) -> np.ndarray:
        return rng.standard_normal(shape).astype(NP_DTYPE[s.dtype])

    xs = [(normal(s.seq_len * s.batch_size, k), normal(rows, k)) for k in widths]  # x, W_ih
    h, w_hh = normal(s.batch_size, s.hidden_size), normal(rows, s.hidden_size)
    xw, gates = normal(s.seq_len * s.batch_size, rows), normal(s.batch_size, rows)
    times = []
    for _ in range(ROUNDS):
        start = time.process_time()
        for x, w_ih in xs * s.num_directions:
            np.matmul(x, w_ih.T, out=xw)  # (L*N, G*hidden)
            for _ in range(s.seq_len):
                np.matmul(h, w_hh.T, out=gates)  # (N, G*hidden)
        times.append(time.process_time() - start)
    return statistics.median(times)


def in_child(one_thread: bool = False, unset: tuple[str, ...] = ()) -> Forward:
    """forward_times() in a fresh process; unset names environment variables it runs without."""
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env |= ONE_THREAD_ENV if one_thread else {}
    args = ["--one-thread"] if one_thread else []
    _, out = timed([sys.executable, __file__, "--json", *args], env=env)
    found: Forward = Forward(**json.loads(out))
    return found


def title() -> str:
    s = SPEC
    return (
        f"{s.cell.value.upper()} {s.input_size}→{s.hidden_size}, {s.num_layers} layers, "
        f"bidirectional, T={s.seq_len}, B={s.batch_size}, {s.dtype.value}"
    )


def main() -> list[str]:
    """Lines for `python bench/run.py numpy`: both thread settings."""
    lines = [f"numpy ÷ torch forward, {title()}, median of {ROUNDS}:"]
    for one_thread in (False, True):
        f = in_child(one_thread)
        lines.append(
            f"  {'one thread each' if one_thread else 'default threads'}: numpy "
            f"{f.numpy_s * 1e3:.1f} ms, torch {f.torch_s * 1e3:.1f} ms, ratio "
            f"{f.numpy_s / f.torch_s:.2f} (CPU time {f.numpy_cpu_s / f.torch_cpu_s:.2f}), "
            f"max |Δoutput| {f.max_diff:.1e}, load {f.load:.2f}"
        )
    return lines


if __name__ == "__main__":
    if "--json" in sys.argv:
        if "--one-thread" in sys.argv:
            numpy_net.SIDE_BY_SIDE_FROM = sys.maxsize  # the two directions one after the other
        print(json.dumps(asdict(forward_times())))
    else:
        print("\n".join(main()))
