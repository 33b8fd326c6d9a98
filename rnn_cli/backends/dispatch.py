"""Run a spec through a computing backend: `run(spec, backend, weights)` gives numpy arrays.

Each backend is imported only when asked for, so the numpy and analytic paths never import torch.
Must not import rich.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from rnn_cli.base.errors import SpecError
from rnn_cli.base.loading import collector_paused
from rnn_cli.catalog.lookup import text
from rnn_cli.network.result import Result
from rnn_cli.network.weights import Weights
from rnn_cli.spec.choices import Backend, Device
from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np

T = TypeVar("T")


def abandonable(work: Callable[[], T]) -> T:
    """work() on a daemon thread while the main thread waits in short joins: a long forward
    holds no Python bytecode of the main thread, so Ctrl-C ends the wait at once and the
    process exits, abandoning the thread (torch's one C++ call would otherwise finish first)."""
    outcome: list[tuple[bool, object]] = []

    def target() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as e:  # handed to the main thread as it is
            outcome.append((False, e))

    worker = threading.Thread(target=target, name="rnnx-forward", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(_POLL)
    done, value = outcome[0]
    if not done:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


_POLL = 0.05  # seconds between the main thread's checks for Ctrl-C


def load_torch() -> None:
    """torch_net, and torch with it, imported once with the collector paused (rnn_cli.loading);
    later calls find it loaded and pause nothing."""
    if "rnn_cli.backends.torch_net" not in sys.modules:
        with collector_paused():
            importlib.import_module("rnn_cli.backends.torch_net")


def require_device(spec: Spec, backend: Backend) -> None:
    """Before any run: the device spec names exists (torch is loaded only for --device cuda)."""
    if backend is Backend.TORCH and spec.device is Device.CUDA:
        load_torch()
        from rnn_cli.backends import torch_net

        torch_net.device_for(spec)


def run(spec: Spec, backend: Backend, weights: Weights, repeat: int = 1) -> Result:
    """Forward the dummy batch through backend with exactly weights' parameters and input."""
    if backend is Backend.TORCH:
        load_torch()
        from rnn_cli.backends import torch_net

        return abandonable(lambda: torch_net.run(spec, weights, repeat))
    if backend is Backend.NUMPY:
        from rnn_cli.backends import numpy_net

        return abandonable(lambda: numpy_net.run(spec, weights, repeat))
    raise SpecError(text("error.no_tensors", backend=backend.value))


def torch_from_state(
    spec: Spec, weights: Weights, h0: np.ndarray, c0: np.ndarray | None
) -> dict[str, np.ndarray]:
    """torch's output, h_n (c_n) from the given h_0 (c_0): `rnnx check --reference torch`."""
    load_torch()
    from rnn_cli.backends import torch_net

    out, h_n, c_n = torch_net.forward_from(spec, weights, h0, c0)
    return {"output": out, "h_n": h_n} | ({} if c_n is None else {"c_n": c_n})
