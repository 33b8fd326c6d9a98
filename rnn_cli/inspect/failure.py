"""The error step: forward raised, so the flow stops at the module it raised in, and the error is
told in terms of that module, what it received and the recurrent layer that gave it, then read by
`rnnx why`'s decoder (rnn_cli.why.decode) into its likely cause and fix, torch's message quoted as
the student saw it.
Must not import rich, render or cli.
"""

from __future__ import annotations

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.inspect.layer import Layer
from rnn_cli.inspect.model import Error, Step
from rnn_cli.spec.config import Spec
from rnn_cli.why.decode import Reading, decode


def _received(step: Step) -> str:
    return ", ".join(f"{v.name} {v.shape}" for v in step.inputs) or "—"


def _source(step: Step | None, layers: list[Layer]) -> Layer | None:
    """The recurrent layer whose results the failing module received, where one is known."""
    read = step.reads[0].layer if step is not None and step.reads else None
    return next((layer for layer in layers if layer.path == read), None)


def _spec(layer: Layer | None) -> Spec | None:
    try:
        return layer.spec if layer is not None else None
    except SpecError:  # a configuration rnnx cannot build: decode without a hint
        return None


def _features(n: int, spec: Spec | None) -> str:
    """256 = 2 directions × hidden_size 128, where the source layer's directions make n."""
    if spec is None or not spec.bidirectional or n != 2 * spec.h_out:
        return str(n)
    if spec.proj_size:
        return text("dim.proj_2dir", n=n, p=spec.h_out)
    return text("dim.hidden_2dir", n=n, h=spec.h_out)


def _in_modules(step: Step, reading: Reading, source: Layer | None) -> str | None:
    """A Linear fed the wrong number of features, in the modules' terms."""
    if reading.error != "matmul" or step.type != "Linear" or source is None:
        return None
    numbers = reading.numbers
    return text(
        "inspect.linear_receives",
        module=step.path,
        in_features=numbers["in_features"],
        features=_features(int(str(numbers["features"])), _spec(source)),
        layer=source.path,
    )


def explain(
    error: BaseException, steps: list[Step], running: list[str], layers: list[Layer]
) -> Error:
    """error, raised while the modules in running (innermost last) had not finished; layers:
    the recurrent layers that ran before it."""
    message = str(error).strip() or type(error).__name__
    module = running[-1] if running else None
    step = next((s for s in steps if s.path == module), None)
    source = _source(step, layers)
    reading = decode(f"{type(error).__name__}: {message}", _spec(source))
    if step is None:
        says = text("inspect.raised_between", error=type(error).__name__)
    else:
        config = f"nn.{step.type}({step.config})"
        plain = text(
            "inspect.raised_in",
            module=step.path,
            type=config,
            received=_received(step),
            error=type(error).__name__,
        )
        says = (reading and _in_modules(step, reading, source)) or plain
    if reading is None:
        return Error(module, type(error).__name__, message, says)
    first = reading.causes[0] if reading.causes else None
    return Error(
        module,
        type(error).__name__,
        message,
        says,
        first.says if first else None,
        first.fix if first else None,
        reading.to_dict(),
    )
