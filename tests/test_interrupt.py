"""Ctrl-C ends rnnx at once, exit 130 and no traceback: while modules load (tests/test_streams.py)
and in the middle of a forward pass that one long C++ call would not let go of."""

import _thread
import signal
import subprocess
import sys
import threading
import time

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


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_a_torch_forward_ends_it(sig: signal.Signals, code: int) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "rnn_cli", "compare", "--cell", "lstm", "-H", "256", "-L", "500",
         "-n", "16", "--backends", "torch,numpy", "--repeat", "1000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    time.sleep(8)  # torch loaded, the forward passes running (1000 of them take minutes)
    child.send_signal(sig)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == code, stderr
    assert "Traceback" not in stderr
    assert "terminate called" not in stderr
    assert stdout == ""
