"""One inspection: the model in eval mode under no_grad, hooked, run once on the inputs; every
module's mode restored afterwards, whatever forward did. Returns the `Inspection`.

Runs in the caller's process (the API) or in the CLI's child. Must not import rich, render or cli.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import torch
from torch import nn

from rnn_cli.inspect import failure, seams
from rnn_cli.inspect.flow import Recorder
from rnn_cli.inspect.model import Error, Finding, Inspection


@contextmanager
def evaluating(model: nn.Module) -> Iterator[None]:
    """eval mode and no_grad while inside; each module's own mode back after."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            yield
    finally:
        for module, training in modes:
            module.training = training


@contextmanager
def recording_warnings(recorder: Recorder, caught: list[tuple[str, str]]) -> Iterator[None]:
    """Every warning raised inside, with the module that was running (the model's, between)."""

    def keep(message: Warning | str, *_: Any, **__: Any) -> None:
        caught.append((str(message), recorder.running[-1] if recorder.running else "model"))

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = keep
        yield


def _findings(recorder: Recorder, batch_size: int | None) -> tuple[list[Finding], list[str]]:
    found, notes = seams.slices(recorder), []
    for seen in recorder.layers:
        note, swapped = seams.layout(seen.layer, batch_size)
        notes.append(note)
        found += [f for f in (swapped, seams.dropout(seen.layer)) if f is not None]
    nonfinite = seams.nonfinite(recorder.steps)
    return found + ([nonfinite] if nonfinite else []), notes


def inspect(
    model: nn.Module,
    inputs: tuple[Any, ...],
    kwargs: dict[str, Any],
    batch_size: int | None = None,
) -> Inspection:
    """model(*inputs, **kwargs) once, watched; batch_size: the batch the student means."""
    recorder, caught = Recorder(), list[tuple[str, str]]()
    error: Error | None = None
    recorder.attach(model)
    try:
        with evaluating(model), recording_warnings(recorder, caught):
            try:
                model(*inputs, **kwargs)
            except Exception as e:  # the student's forward raised: the flow up to it, then why
                layers = [seen.layer for seen in recorder.layers]
                error = failure.explain(e, recorder.steps, recorder.running, layers)
    finally:
        recorder.detach()
    found, notes = _findings(recorder, batch_size)
    found += seams.torch_warnings(caught)
    explained = [(seen.layer, seen.report) for seen in recorder.layers if seen.report]
    return Inspection(
        modules=tuple(recorder.steps),
        layers=tuple(layer for layer, _ in explained),
        findings=tuple(found),
        notes=tuple(notes),
        error=error,
        reports=tuple(report for _, report in explained),
    )
