"""Run a spec through a computing backend: `run(spec, backend, weights)` gives numpy arrays.

Each backend is imported only when asked for, so the numpy and analytic paths never import torch.
Must not import rich.
"""

import numpy as np

from rnn_cli.catalog import text
from rnn_cli.errors import SpecError
from rnn_cli.result import Result
from rnn_cli.spec import Backend, Spec
from rnn_cli.weights import Weights


def run(spec: Spec, backend: Backend, weights: Weights, repeat: int = 1) -> Result:
    """Forward the dummy batch through backend with exactly weights' parameters and input."""
    if backend is Backend.TORCH:
        from rnn_cli.backends import torch_net

        return torch_net.run(spec, weights, repeat)
    if backend is Backend.NUMPY:
        from rnn_cli.backends import numpy_net

        return numpy_net.run(spec, weights, repeat)
    raise SpecError(text("error.no_tensors", backend=backend.value))


def torch_from_state(
    spec: Spec, weights: Weights, h0: np.ndarray, c0: np.ndarray | None
) -> dict[str, np.ndarray]:
    """torch's output, h_n (c_n) from the given h_0 (c_0): `rnnx check --reference torch`."""
    from rnn_cli.backends import torch_net

    out, h_n, c_n = torch_net.forward_from(spec, weights, h0, c0)
    return {"output": out, "h_n": h_n} | ({} if c_n is None else {"c_n": c_n})
