"""Timing helpers every bench module shares: a command's wall time, medians of commands run in
alternation, the load average. Asserts nothing; bench/ is never part of `make test`.
"""

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROUNDS = 5  # rounds of every start-up command, after one untimed round that fills the file cache


def rnnx(*args: str) -> list[str]:
    """`rnnx args` as a user runs it: the console script installed beside this interpreter."""
    script = Path(sys.executable).with_name("rnnx")
    if script.exists():
        return [sys.executable, str(script), *args]
    return [sys.executable, "-m", "rnn_cli", *args]


def timed(
    cmd: list[str],
    expect: int = 0,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
) -> tuple[float, str]:
    """Wall seconds of cmd and its stdout; raises if it exits with another code than expect."""
    start = time.perf_counter()
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != expect:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}, not {expect}: {done.stderr}")
    return seconds, done.stdout


def wall_seconds(cmd: list[str]) -> float:
    return timed(cmd)[0]


def alternated_medians(cmds: Mapping[str, list[str]], rounds: int = ROUNDS) -> dict[str, float]:
    """Median wall seconds of each command, run once each per round so load hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd in cmds.values():
        wall_seconds(cmd)
    for _ in range(rounds):
        for name, cmd in cmds.items():
            times[name].append(wall_seconds(cmd))
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def load() -> float:
    """The 1-minute load average."""
    return os.getloadavg()[0]
