"""The public Python API: `shape`, `inspect` and `why`, each returning a report that shows itself
(a table in a terminal, Rich HTML in Jupyter, `.to_dict()` the CLI's `--format json` document), in
the language asked for. Runs in the caller's process; never prints.

Imports torch only where the caller's own torch objects are read; Rich only when a report is
drawn. Must not import typer or cli.
"""

from __future__ import annotations

import io
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from rnn_cli import pipeline
from rnn_cli.base.errors import SpecError
from rnn_cli.catalog import lookup
from rnn_cli.findings.report import Report, as_dict
from rnn_cli.inspect.layer import options, spec_of
from rnn_cli.inspect.model import Inspection
from rnn_cli.inspect.model import as_dict as inspection_dict
from rnn_cli.spec.build import build_spec
from rnn_cli.spec.choices import Backend, Cell, Device, DType, Nonlinearity
from rnn_cli.spec.config import DEFAULT
from rnn_cli.why.decode import Reading, decode, families, unrecognized

if TYPE_CHECKING:
    from rich.console import RenderableType
    from torch import nn

WIDTH = 120  # columns a report is drawn in for print() and Jupyter
HTML = (
    '<pre style="white-space:pre;overflow-x:auto;line-height:normal;'
    "font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace\">{code}</pre>"
)


@contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """lang ("en", "ko"; None: the process's) while inside; the process's language after."""
    before = lookup.current()
    lookup.use(lookup.Lang(lang) if lang is not None else before)
    try:
        yield
    finally:
        lookup.use(before)


class Shown:
    """A report that renders itself: __rich__, print(), Jupyter, to_dict()."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang

    def _picture(self) -> RenderableType:
        raise NotImplementedError

    def _document(self) -> dict[str, object]:
        raise NotImplementedError

    def to_dict(self) -> dict[str, object]:
        """The CLI's --format json document, in the report's language."""
        with speaking(self.lang):
            return self._document()

    def __rich__(self) -> RenderableType:
        with speaking(self.lang):
            return self._picture()

    def _recorded(self, color: bool) -> Any:
        from rich.console import Console

        out = Console(
            width=WIDTH,
            file=io.StringIO(),
            record=True,
            color_system="truecolor" if color else None,
            force_jupyter=False,  # in a kernel Rich would display it rather than write the file
        )
        out.print(self.__rich__(), crop=False)
        return out

    def __str__(self) -> str:
        lines = self._recorded(False).file.getvalue().splitlines()
        return "\n".join(line.rstrip() for line in lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        html = self._recorded(True).export_html(inline_styles=True, code_format=HTML)
        return {"text/plain": str(self), "text/html": html}


class ShapeReport(Shown):
    """What `rnnx shape` prints for one configuration."""

    def __init__(self, report: Report, lang: str | None) -> None:
        super().__init__(lang)
        self.report = report

    def _picture(self) -> RenderableType:
        from rnn_cli.render import table

        return table.render(self.report)

    def _document(self) -> dict[str, object]:
        return as_dict(self.report)


class InspectReport(Shown):
    """What `rnnx inspect` prints for a model: the flow, each recurrent layer, the findings."""

    def __init__(self, found: Inspection, lang: str | None) -> None:
        super().__init__(lang)
        self.inspection = found

    @property
    def findings(self) -> tuple[Any, ...]:
        return self.inspection.findings

    def _picture(self) -> RenderableType:
        from rnn_cli.render.inspect import VIEW, InspectFormat

        shown = VIEW[InspectFormat.TABLE](self.inspection)
        assert not isinstance(shown, str)
        return shown

    def _document(self) -> dict[str, object]:
        return inspection_dict(self.inspection)


class WhyReport(Shown):
    """What `rnnx why` prints for a message: its reading, or that no error rnnx knows is in it."""

    def __init__(self, reading: Reading | None, lang: str | None) -> None:
        super().__init__(lang)
        self.reading = reading

    @property
    def recognized(self) -> bool:
        return self.reading is not None

    def _picture(self) -> RenderableType:
        from rich.text import Text

        from rnn_cli.render.why import VIEW, WhyFormat

        if self.reading is None:
            return Text(lookup.text("why.unknown", families=", ".join(families())))
        shown = VIEW[WhyFormat.TABLE](self.reading)
        assert not isinstance(shown, str)
        return shown

    def _document(self) -> dict[str, object]:
        return unrecognized() if self.reading is None else self.reading.to_dict()


def last_error() -> BaseException | None:
    """The exception the interactive session (Python's or IPython's) last showed, if any."""
    found = getattr(sys, "last_exc", None) or getattr(sys, "last_value", None)
    return found if isinstance(found, BaseException) else None


def error_text(error: BaseException) -> str:
    """An exception as its traceback prints it, the text `rnnx why` reads from a pipe."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def explained(found: Inspection) -> Inspection:
    """found, come from `rnnx inspect`'s child without its reports, with each recurrent layer
    explained as `rnnx shape` explains it, on rnnx's seeded numbers (a layer rnnx cannot build
    is left out). In-process, the inspection explains each on the layer's own tensors."""
    budget = pipeline.memory_budget(None)
    kept, reports = [], []
    for layer in found.layers:
        try:
            reports.append(pipeline.shape(layer.spec, Backend.TORCH, budget).report)
        except SpecError:
            continue
        kept.append(layer)
    return replace(found, layers=tuple(kept), reports=tuple(reports))


CHOICES: dict[str, type[Enum]] = {
    "cell": Cell,
    "dtype": DType,
    "device": Device,
    "nonlinearity": Nonlinearity,
}


def _layer_options(layer: nn.RNNBase, x: Any) -> dict[str, Any]:
    from torch.nn.utils.rnn import PackedSequence, pad_packed_sequence

    lengths = None
    if isinstance(x, PackedSequence):
        x, found = pad_packed_sequence(x, batch_first=bool(layer.batch_first))
        lengths = tuple(int(n) for n in found)
    if x is None:
        L = DEFAULT.seq_len
        dims = (1, L) if layer.batch_first else (L, 1)
        return options(layer, (*dims, layer.input_size), None, "float32")
    return options(layer, tuple(x.shape), lengths, str(x.dtype).removeprefix("torch."))


def shape(
    layer: Any = None, x: Any = None, *, lang: str | None = None, **given: Any
) -> ShapeReport:
    """The report `rnnx shape` prints: for an nn.RNN/LSTM/GRU (its real configuration, and the
    input x it receives: a tensor or a PackedSequence), or for the CLI's options as keywords
    (`shape(cell="lstm", layers=2, bidirectional=True)`); keywords override the layer's."""
    with speaking(lang):
        values = {
            k: CHOICES[k](v) if k in CHOICES and v is not None else v for k, v in given.items()
        }
        if layer is None:
            spec = build_spec(**values)  # type: ignore[arg-type]
        else:
            spec = spec_of({**_layer_options(layer, x), **given})
        run = pipeline.shape(spec, Backend.TORCH, pipeline.memory_budget(None))
        return ShapeReport(run.report, lang)


def inspect(
    model: nn.Module,
    *inputs: Any,
    batch_size: int | None = None,
    lang: str | None = None,
    **forward_kwargs: Any,
) -> InspectReport:
    """model(*inputs, **forward_kwargs) once, in eval mode under no_grad (each module's mode
    restored), watched: the flow, each recurrent layer explained, the findings at the seams.
    batch_size: the batch you mean, so a batch read as time is named."""
    from rnn_cli.inspect import run

    with speaking(lang):
        found = run.inspect(model, inputs, forward_kwargs, batch_size)  # layers explained there
        return InspectReport(found, lang)


def why(
    text_or_exception: str | BaseException | None = None, *, lang: str | None = None
) -> WhyReport:
    """`rnnx why`'s reading of torch's message: a string (a message or a whole traceback), an
    exception object, or (None) the exception this session last showed."""
    given = last_error() if text_or_exception is None else text_or_exception
    with speaking(lang):
        if given is None:
            raise SpecError(lookup.text("why.no_exception"))
        said = given if isinstance(given, str) else error_text(given)
        return WhyReport(decode(said, None), lang)
