"""`Report`: everything rnnx shows about one run, as one frozen dataclass. JSON is this, as is.

Must not import rich or torch.
"""

from dataclasses import asdict, dataclass, field, fields
from enum import Enum

from rnn_cli.base.errors import MismatchError
from rnn_cli.catalog.lookup import text
from rnn_cli.findings import expectations, identities, recipes
from rnn_cli.findings.expectations import Answer, Expectation
from rnn_cli.findings.identities import Identity
from rnn_cli.findings.recipes import Recipe
from rnn_cli.network import shapes
from rnn_cli.network.meanings import Phrase
from rnn_cli.network.result import Result
from rnn_cli.network.shapes import Param, Tensor
from rnn_cli.spec import input_shape
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import short_list

# torch's warnings that rnnx turns into notes (substring -> notes key); None drops one that a
# spec-based note already covers
_TORCH_WARNINGS: dict[str, str | None] = {
    "not supported with oneDNN": "note.onednn_proj",
    "non-zero dropout expects num_layers greater than 1": None,
}


# the JSON contract's version: raise it when a key is renamed or removed (README: Scripting)
SCHEMA = 1


@dataclass(frozen=True)
class Report:
    schema: int = field(default=SCHEMA, kw_only=True)  # first key of every JSON document
    spec: Spec  # what was asked for; JSON flattens it into "config"
    backend: Backend
    tensors: tuple[Tensor, ...]  # input, output, h_n, (c_n), h_0, (c_0)
    parameters: tuple[Param, ...]  # named_parameters() order
    total_parameters: int
    parameter_bytes: int
    mult_adds: int
    estimated_bytes: int  # shapes.memory_bytes: what a computing backend would need
    notes: tuple[str, ...]
    seconds: float | None  # median forward-pass time; None when nothing ran
    identities: tuple[Identity, ...] = ()  # output/h_n relations, checked on computed values
    recipes: tuple[Recipe, ...] = ()  # slices to paste; holds is None when nothing ran
    warnings: tuple[str, ...] = ()  # doubts about what the user meant (--input-shape)
    expectations: tuple[Expectation, ...] = ()  # --expect: the student's answers, checked


def config(spec: Spec, backend: Backend) -> dict[str, object]:
    """Every option's value under torch's argument names, plain JSON values: the "config" key."""
    values = {f.name: getattr(spec, f.name) for f in fields(spec)}
    values["nonlinearity"] = spec.activation if spec.cell is Cell.RNN else None
    values["backend"] = backend
    return {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}


def notes(spec: Spec, torch_warnings: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The facts that trip people up, only those that apply to spec."""
    out: list[str] = [*input_shape.note(spec)]
    if spec.unbatched:
        states = ", ".join(t.name for t in shapes.tensors(spec) if t.name[-2:] in ("_n", "_0"))
        out.append(text("note.unbatched", states=states))
    else:
        out.append(text("note.torch_default" if spec.batch_first else "note.seq_first"))
    if spec.lengths:
        out.append(_packed_note(spec, spec.lengths))
    if spec.proj_size:
        out.append(text("note.proj", p=spec.proj_size, h=spec.hidden_size))
    out.append(_returns_note(spec))
    if spec.cell is Cell.LSTM:  # the notebook's 장기 상태 and 단기 상태: an LSTM's two states
        out.append(text("note.states_lstm"))
    if spec.bidirectional:
        out.append(text("note.bidirectional", h=spec.h_out))
        out.append(text("note.h_n_not_doubled", h=spec.h_out, n=2 * spec.h_out))
    if spec.dropout:
        key = "note.dropout" if spec.num_layers > 1 else "note.dropout_one_layer"
        out.append(text(key, p=spec.dropout))
    for message in torch_warnings:
        out.extend(_warning_note(message))
    return tuple(dict.fromkeys(out))


def _packed_note(spec: Spec, lengths: tuple[int, ...]) -> str:
    last = "output[:, -1]" if spec.batch_first else "output[-1]"
    if min(lengths) == max(lengths):  # nothing is padded
        return text("note.packed_equal", lengths=short_list(lengths), last=last)
    own = "output[b, length_b - 1]" if spec.batch_first else "output[length_b - 1, b]"
    return text("note.packed", lengths=short_list(lengths), last=last, own=own)


def _returns_note(spec: Spec) -> str:
    """What `output, (h_n, c_n) = rnn(x)` does: unpacking iterates h_n's rows (dimension 0)."""
    if spec.cell is Cell.LSTM:
        return text("note.returns_lstm")
    rows = spec.num_layers * spec.num_directions
    name, cell = spec.cell.value, spec.cell.name
    if rows != 2:  # ValueError: too many / not enough values to unpack
        return text("note.returns", cell=cell, name=name, rows=rows)
    row_shape = next(t.shape for t in shapes.tensors(spec) if t.name == "h_n")[1:]
    key = "note.returns_directions" if spec.bidirectional else "note.returns_layers"
    return text(key, cell=cell, name=name, shape=str(row_shape))


def _warning_note(message: str) -> list[str]:
    for pattern, key in _TORCH_WARNINGS.items():
        if pattern in message:
            return [] if key is None else [text(key)]
    return [
        text("note.torch_warning", message=message.split(" (Triggered internally", maxsplit=1)[0])
    ]


def assert_shapes(spec: Spec, result: Result) -> None:
    """Raise MismatchError when a backend's tensors are not shaped as the arithmetic says."""
    expected = {t.name: t.shape for t in shapes.tensors(spec)}
    got = {"output": result.output, "h_n": result.h_n, "c_n": result.c_n}
    for name, array in got.items():
        shape = None if array is None else tuple(array.shape)
        if shape != expected.get(name):
            raise MismatchError(
                text("error.shape_mismatch", name=name, shape=shape, expected=expected.get(name))
            )


def _identity_notes(checked: tuple[Identity, ...] | None) -> tuple[str, ...]:
    """Why there are no identities, or why a trap holds here; None when nothing ran."""
    if checked is None:
        return (text("note.recipes_need_values"),)
    if any(i.holds and not i.expected for i in checked):
        return (text("note.trap_holds"),)
    return ()


def _parameters(spec: Spec) -> tuple[tuple[shapes.Param, ...], tuple[str, ...]]:
    """Every parameter row, or none and a note saying how many there are (--layers 1000000)."""
    rows = shapes.parameter_rows(spec)
    if rows <= shapes.MAX_PARAMETER_ROWS:
        return shapes.parameters(spec), ()
    note = text(
        "note.parameters_not_listed",
        per=shapes.rows_per_layer(spec),
        layers=spec.num_layers,
        rows=rows,
        most=shapes.MAX_PARAMETER_ROWS,
    )
    return (), (note,)


def build(
    spec: Spec, backend: Backend, result: Result | None, answers: tuple[Answer, ...] = ()
) -> Report:
    """Everything shown about spec; O(1) in the layers past MAX_PARAMETER_ROWS parameter rows."""
    if result is not None:
        assert_shapes(spec, result)
    checked = None if result is None else identities.evaluate(spec, result)
    params, params_note = _parameters(spec)
    return Report(
        spec=spec,
        backend=backend,
        tensors=shapes.tensors(spec),
        parameters=params,
        total_parameters=shapes.total_parameters(spec),
        parameter_bytes=shapes.parameter_bytes(spec),
        mult_adds=shapes.mult_adds(spec),
        estimated_bytes=shapes.memory_bytes(spec),
        notes=notes(spec, result.warnings if result else ())
        + _identity_notes(checked)
        + params_note,
        seconds=None if result is None else result.seconds,
        identities=checked or (),
        recipes=recipes.evaluate(spec, result),
        warnings=input_shape.warnings(spec),
        expectations=expectations.evaluate(spec, answers),
    )


def as_dict(report: Report) -> dict[str, object]:
    """The JSON document: the dataclass as is, its Spec and backend flattened into "config"."""
    flat = _said(asdict(report))  # nested dataclasses (tensors, identities) as dicts
    assert isinstance(flat, dict)
    del flat["spec"], flat["backend"]
    return {"schema": flat.pop("schema"), "config": config(report.spec, report.backend), **flat}


def _said(value: object) -> object:
    """value with every Phrase said, in document order (JSON holds sentences, not keys)."""
    if isinstance(value, dict):
        return {k: _said(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_said(v) for v in value)
    return str(value) if isinstance(value, Phrase) else value
