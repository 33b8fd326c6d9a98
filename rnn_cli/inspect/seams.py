"""The findings at the seams, each only where it is certain: a wrong slice read by value, a
batch-first tensor fed to a seq-first layer (told by --batch-size), NaN or infinity, dropout
torch never applies, torch's warnings; and how torch read every recurrent input, as notes.

Must not import rich, render or cli.
"""

from __future__ import annotations

from rnn_cli.catalog.lookup import text
from rnn_cli.inspect.flow import Recorder
from rnn_cli.inspect.layer import Layer
from rnn_cli.inspect.model import Finding, Step, Value

# torch's warnings rnnx explains (substring -> catalog key); any other is quoted as it is
KNOWN_WARNINGS = {
    "not part of single contiguous chunk of memory": "inspect.warn_contiguous",
    "non-zero dropout expects num_layers greater than 1": "inspect.warn_dropout",
}


def slices(recorder: Recorder) -> list[Finding]:
    """A wrong twin some module read: what it is and the expression that fixes it."""
    found = []
    for step, read, piece in recorder.matched:
        reading = piece.reading
        if reading.mistake is None:
            continue
        says = text(
            "inspect.reads_wrong",
            module=step.path,
            expression=reading.expression,
            layer=read.layer,
            why=reading.why,
        )
        found.append(Finding(reading.mistake, step.path, says, reading.fix))
    return found


def layout(layer: Layer, batch_size: int | None) -> tuple[str, Finding | None]:
    """How torch read layer's input, and with batch_size, whether it read the batch as time."""
    o = layer.options
    key = "inspect.read_batch_first" if o["batch_first"] else "inspect.read_seq_first"
    if o["unbatched"]:
        key = "inspect.read_unbatched"
    note = text(key, layer=layer.path, n=o["batch_size"], steps=o["seq_len"])
    if batch_size is None or o["unbatched"] or o["lengths"]:
        return note, None
    if o["batch_size"] != batch_size and o["seq_len"] == batch_size:
        fix = "batch_first=False" if o["batch_first"] else "batch_first=True"
        says = text("inspect.layout_swapped", layer=layer.path, n=batch_size, steps=o["batch_size"])
        return note, Finding("layout_swapped", layer.path, says, fix)
    return note, None


def dropout(layer: Layer) -> Finding | None:
    """dropout > 0 on a one-layer network: torch applies it after every layer but the last."""
    o = layer.options
    if o["dropout"] > 0 and o["layers"] == 1:
        says = text("inspect.dropout_unused", layer=layer.path, p=o["dropout"])
        return Finding("dropout_one_layer", layer.path, says, "num_layers >= 2, or nn.Dropout")
    return None


def _first_nonfinite(values: tuple[Value, ...]) -> Value | None:
    return next((v for v in values if v.nonfinite), None)


def nonfinite(steps: list[Step]) -> Finding | None:
    """Where NaN or infinity first appears: in what a module received, or what it returned."""
    for step in steps:
        got = _first_nonfinite(step.inputs)
        key = "inspect.nonfinite_in"
        if got is None:
            got, key = _first_nonfinite(step.outputs), "inspect.nonfinite_out"
        if got is not None:
            says = text(key, module=step.path, name=got.name, count=got.nonfinite)
            return Finding("nonfinite", step.path, says, text("inspect.nonfinite_fix"))
    return None


def torch_warnings(caught: list[tuple[str, str]]) -> list[Finding]:
    """torch's warnings during the run, (message, the module running), explained where rnnx
    knows them, quoted always."""
    found = []
    for message, module in caught:
        key = next((k for s, k in KNOWN_WARNINGS.items() if s in message), "inspect.warn_other")
        says = text(key, message=message.strip().splitlines()[0][:300])
        found.append(Finding("warning", module, says, None))
    return found
