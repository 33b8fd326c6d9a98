"""Ctrl-C ends rnnx at once, exit 130 and no traceback: while modules load (tests/test_streams.py)
and in the middle of a forward pass that one long C++ call would not let go of."""

import _thread
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from rnn_cli.backends.dispatch import abandonable


def test_abandonable_gives_back_the_result_and_the_error() -> None:
    assert abandonable(lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        abandonable(lambda: 1 // 0)


def test_ctrl_c_abandons_work_that_never_ends() -> None:
    never = threading.Event()
    threading.Timer(0.2, _thread.interrupt_main).start()  # Ctrl-C, as the terminal sends it
    with pytest.raises(KeyboardInterrupt):
        abandonable(never.wait)  # blocks in C, holding no bytecode the main thread could stop at
    never.set()


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for_the_forward(child: subprocess.Popen[str]) -> None:
    """Until torch is loaded (libtorch mapped) and the process has computed a second past it:
    the forward passes are running then (1000 of them take minutes). Polls, never sleeps blind."""
    maps = Path(f"/proc/{child.pid}/maps")
    deadline = time.monotonic() + 120
    loaded_at: float | None = None
    while time.monotonic() < deadline and child.poll() is None:
        if loaded_at is None and "libtorch_cpu" in maps.read_text():
            loaded_at = _cpu_seconds(child.pid)
        if loaded_at is not None and _cpu_seconds(child.pid) > loaded_at + 1.0:
            return
        time.sleep(0.02)
    raise AssertionError(f"the forward never ran: exit {child.poll()}")


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_a_torch_forward_ends_it(sig: signal.Signals, code: int) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "rnn_cli", "compare", "--cell", "lstm", "-H", "256", "-L", "500",
         "-n", "16", "--backends", "torch,numpy", "--repeat", "1000"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    _wait_for_the_forward(child)
    child.send_signal(sig)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == code, stderr
    assert "Traceback" not in stderr
    assert "terminate called" not in stderr
    assert stdout == ""
