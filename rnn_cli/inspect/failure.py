"""The error step: forward raised, so the flow stops at the module it raised in, and the error is
told in terms of that module and what it received, torch's message quoted as the student saw it.

The one place an exception becomes a finding: `why`'s decoder (rnn_cli.why.decode) plugs in
here, in `explain`, to read the message into its numbers and causes.
Must not import rich, render or cli.
"""

from __future__ import annotations

from rnn_cli.catalog.lookup import text
from rnn_cli.inspect.model import Error, Step


def _received(step: Step) -> str:
    return ", ".join(f"{v.name} {v.shape}" for v in step.inputs) or "—"


def explain(error: BaseException, steps: list[Step], running: list[str]) -> Error:
    """error, raised while the modules in running (innermost last) had not finished."""
    message = str(error).strip() or type(error).__name__
    module = running[-1] if running else None
    step = next((s for s in steps if s.path == module), None)
    if step is None:
        says = text("inspect.raised_between", error=type(error).__name__, message=message)
    else:
        says = text(
            "inspect.raised_in",
            module=step.path,
            type=f"nn.{step.type}({step.config})",
            received=_received(step),
            error=type(error).__name__,
            message=message,
        )
    return Error(module, type(error).__name__, message, says)
