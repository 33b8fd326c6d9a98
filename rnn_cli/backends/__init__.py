"""Run a spec through a computing backend: `run(spec, backend, weights)` gives numpy arrays.

Each backend is imported only when asked for, so the numpy and analytic paths never import torch.
Must not import rich.
"""

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
