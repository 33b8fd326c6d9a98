"""Every note that makes a checkable claim, checked against torch's own tensors for random
configurations; and no note claims an error that torch does not raise (the code it quotes is run).

Notes are matched back to their catalog key by the English template, their placeholders read out.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_cli.backends.dispatch import run
from rnn_cli.catalog.en import EN
from rnn_cli.catalog.lookup import text
from rnn_cli.findings.identities import claims
from rnn_cli.findings.report import build, config, notes
from rnn_cli.network import shapes
from rnn_cli.network.weights import draw
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec, validate
from tests.helpers import torch_module
from tests.strategies import specs


@dataclass(frozen=True)
class Run:
    """torch's own module and tensors for a spec, built without rnnx's backend."""

    spec: Spec
    net: torch.nn.RNNBase
    x: torch.Tensor
    output: torch.Tensor  # padded back to L for a packed batch
    h_n: torch.Tensor
    c_n: torch.Tensor | None

    def forward(self, x: torch.Tensor | None = None) -> Any:
        """net(x) as the student calls it: a packed batch goes in packed."""
        x = self.x if x is None else x
        if not self.spec.lengths:
            return self.net(x)
        packed = torch.nn.utils.rnn.pack_padded_sequence(
            x, torch.tensor(self.spec.lengths), self.spec.batch_first, enforce_sorted=False
        )
        return self.net(packed)


def torch_run(spec: Spec) -> Run:
    torch.manual_seed(spec.seed)
    net = torch_module(config(spec, Backend.TORCH)).eval()
    x_shape = next(t.shape for t in shapes.tensors(spec) if t.name == "input")
    x = torch.randn(x_shape, dtype=next(net.parameters()).dtype)
    partial = Run(spec, net, x, x, x, None)
    with torch.no_grad():
        output, state = partial.forward()
    if spec.lengths:
        output, _ = torch.nn.utils.rnn.pad_packed_sequence(
            output, spec.batch_first, total_length=spec.seq_len
        )
    h_n, c_n = state if isinstance(state, tuple) else (state, None)
    return Run(spec, net, x, output, h_n, c_n)


def _step(r: Run, t: int) -> torch.Tensor:
    """output at time step t, (N, D·H_out) or (D·H_out,)."""
    if r.spec.unbatched:
        return r.output[t]
    return r.output[:, t] if r.spec.batch_first else r.output[t]


def _unpack_as_lstm(r: Run) -> tuple[torch.Tensor, torch.Tensor]:
    """The code the notes quote: output, (h_n, c_n) = rnn(x)."""
    with torch.no_grad():
        output, (h_n, c_n) = r.forward()  # noqa: RUF059 (output is what the student keeps)
    return h_n, c_n


def _equal(a: torch.Tensor, b: torch.Tensor) -> bool:
    return a.shape == b.shape and bool(torch.equal(a, b))


# each checker: (run, the note's placeholder values) -> the note is true
Check = Callable[[Run, dict[str, str]], bool]


def _packed(r: Run, said: dict[str, str]) -> bool:
    lengths, h = r.spec.lengths or (), r.spec.h_out
    top = r.h_n[-2] if r.spec.bidirectional else r.h_n[-1]
    own = [r.output[b, n - 1] if r.spec.batch_first else r.output[n - 1, b] for b, n in
           enumerate(lengths)]  # fmt: skip
    padded = [b for b, n in enumerate(lengths) if n < r.spec.seq_len]
    return (
        bool(padded)
        and all(not _step(r, -1)[b].any() for b in padded)
        and all(_equal(own[b][:h], top[b]) for b in range(len(lengths)))
    )


def _packed_equal(r: Run, said: dict[str, str]) -> bool:
    top = r.h_n[-2] if r.spec.bidirectional else r.h_n[-1]
    full = all(n == r.spec.seq_len for n in r.spec.lengths or ())
    return full and _equal(_step(r, -1)[..., : r.spec.h_out], top)


def _unbatched(r: Run, said: dict[str, str]) -> bool:
    states = said["states"].split(", ")
    torch_states = ["h_n", "c_n", "h_0", "c_0"] if r.spec.cell is Cell.LSTM else ["h_n", "h_0"]
    zeros = torch.zeros_like(r.h_n)  # a 2-D h_0 (and c_0) is what torch takes
    with torch.no_grad():
        r.net(r.x, (zeros, torch.zeros_like(r.c_n)) if r.c_n is not None else zeros)
    two_d = r.x.dim() == 2 and r.output.dim() == 2 and r.h_n.dim() == 2
    return sorted(states) == sorted(torch_states) and two_d


def _returns_fails(r: Run, said: dict[str, str]) -> bool:
    try:
        _unpack_as_lstm(r)
    except ValueError:
        return int(r.h_n.shape[0]) == int(said["rows"]) != 2
    return False


def _returns_two(r: Run, said: dict[str, str]) -> bool:
    h_n, c_n = _unpack_as_lstm(r)  # raises no error: the note says so
    shape = str(tuple(r.h_n.shape[1:]))
    return _equal(h_n, r.h_n[0]) and _equal(c_n, r.h_n[1]) and said["shape"] == shape


def _returns_lstm(r: Run, said: dict[str, str]) -> bool:
    h_n, c_n = _unpack_as_lstm(r)
    return r.c_n is not None and _equal(h_n, r.h_n) and _equal(c_n, r.c_n)


def _bidirectional(r: Run, said: dict[str, str]) -> bool:
    h = int(said["h"])
    # the backward direction finishes at t = 0 for every sequence, packed or not
    return h == r.spec.h_out and _equal(_step(r, 0)[..., h:], r.h_n[-1])


def _dropout(r: Run, said: dict[str, str], mode: str) -> bool:
    """The same weights with dropout 0 give the same numbers: dropout did nothing here."""
    r.net.train(mode == "train")
    with torch.no_grad():
        with_dropout = r.forward()[0]
        r.net.dropout = 0.0
        without = r.forward()[0]
    if r.spec.lengths:  # PackedSequences: their data
        with_dropout, without = with_dropout.data, without.data
    return float(said["p"]) > 0 and _equal(with_dropout, without)


def _states_lstm(r: Run, said: dict[str, str]) -> bool:
    """h_n holds each layer and direction's last hidden state (the top layer's forward row is
    output's last step), c_n the cell states beside it, row for row."""
    if r.c_n is None or r.c_n.shape[:-1] != r.h_n.shape[:-1]:
        return False
    if r.spec.lengths:  # the last step differs per sequence: the recipes check those
        return True
    last = r.output[-1] if r.spec.unbatched or not r.spec.batch_first else r.output[:, -1]
    forward_top = r.h_n[-r.spec.num_directions]  # l{top}-fwd
    return _equal(last[..., : r.h_n.shape[-1]], forward_top)


CHECKS: dict[str, Check] = {
    "note.torch_default": lambda r, _: (
        torch.nn.RNN(1, 1).batch_first is False and r.spec.batch_first and r.x.dim() == 3
    ),
    "note.seq_first": lambda r, _: (
        r.x.shape[:2] == (r.spec.seq_len, r.spec.batch_size) and r.output.shape[:2] == r.x.shape[:2]
    ),
    "note.unbatched": _unbatched,
    "note.packed": _packed,
    "note.packed_equal": _packed_equal,
    "note.proj": lambda r, said: (
        r.output.shape[-1] == r.spec.num_directions * int(said["p"])
        and r.h_n.shape[-1] == int(said["p"])
        and r.c_n is not None
        and r.c_n.shape[-1] == int(said["h"])
    ),
    "note.returns_lstm": _returns_lstm,
    "note.states_lstm": _states_lstm,
    "note.returns": _returns_fails,
    "note.returns_layers": lambda r, said: r.spec.num_layers == 2 and _returns_two(r, said),
    "note.returns_directions": lambda r, said: r.spec.bidirectional and _returns_two(r, said),
    "note.bidirectional": _bidirectional,
    "note.h_n_not_doubled": lambda r, said: (
        r.h_n.shape[-1] == int(said["h"]) and r.output.shape[-1] == int(said["n"])
    ),
    "note.dropout": lambda r, said: r.spec.num_layers > 1 and _dropout(r, said, "eval"),
    "note.dropout_one_layer": lambda r, said: r.spec.num_layers == 1 and _dropout(r, said, "train"),
}
# notes about rnnx itself or relaying torch's words: nothing to check on tensors
UNCHECKED = {
    "note.recipes_need_values",
    "note.torch_warning",
    "note.onednn_proj",
    "note.trap_holds",
}


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)(?:[^}]*)\}", template)  # literal, name, literal, name, ...
    regex, seen = "", set()
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex += re.escape(part)
        else:  # a placeholder said twice says the same value twice
            regex += f"(?P={part})" if part in seen else f"(?P<{part}>.+?)"
            seen.add(part)
    return re.compile(regex + r"\Z", re.DOTALL)


NOTES = {key: _pattern(t) for key, t in EN.items() if key.startswith("note.")}


def key_of(note: str) -> tuple[str, dict[str, str]]:
    """The catalog key a note was written from, and its placeholders' values."""
    found = [(k, m.groupdict()) for k, p in NOTES.items() if (m := p.match(note))]
    assert len(found) == 1, (note, [k for k, _ in found])
    return found[0]


@settings(max_examples=120, deadline=None, derandomize=True)
@given(spec=specs(dropouts=(0.0, 0.5)))
def test_every_note_is_true_on_torchs_tensors(spec: Spec) -> None:
    report = build(spec, Backend.TORCH, run(spec, Backend.TORCH, draw(spec)))
    r = torch_run(spec)
    for note in report.notes:
        key, said = key_of(note)
        assert key in CHECKS or key in UNCHECKED, f"{key}: add its check here ({note})"
        if key in CHECKS:
            assert CHECKS[key](r, said), (key, note, spec)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(spec=specs(cells=[Cell.RNN, Cell.GRU], max_layers=2))
def test_no_note_claims_an_error_torch_does_not_raise(spec: Spec) -> None:
    claims_error = "note.returns" in {key_of(n)[0] for n in notes(spec)}
    try:
        _unpack_as_lstm(torch_run(spec))
    except ValueError:
        raised = True
    else:
        raised = False
    assert raised == claims_error, spec


@pytest.mark.parametrize(
    ("spec", "key"),
    [
        (Spec(num_layers=2), "note.returns_layers"),  # the README's `rnnx shape --layers 2`
        (Spec(cell=Cell.GRU, bidirectional=True), "note.returns_directions"),
        (Spec(num_layers=2, bidirectional=True), "note.returns"),
        (Spec(), "note.returns"),
    ],
)
def test_two_rows_unpack_silently(spec: Spec, key: str) -> None:
    assert key in {key_of(n)[0] for n in notes(spec)}


def test_equal_lengths_speak_of_no_padding() -> None:
    said = notes(Spec(batch_size=2, seq_len=3, lengths=(3, 3)))
    assert [key_of(n)[0] for n in said].count("note.packed_equal") == 1
    assert not any("short" in n for n in said)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(drawn=specs(max_batch=4, packed=False), data=st.data())
def test_packed_traps_speak_of_padding_where_torch_pads(drawn: Spec, data: st.DataObject) -> None:
    """At t = L−1 a sequence shorter than L is zero padding, not a backward first step."""
    rest = st.lists(st.integers(1, drawn.seq_len), min_size=drawn.batch_size - 1)
    lengths = (drawn.seq_len, *data.draw(rest.map(lambda r: r[: drawn.batch_size - 1])))
    spec = validate(replace(drawn, unbatched=False, bidirectional=True, lengths=lengths))
    whys = {c.why for c in claims(spec)}
    last = _step(torch_run(spec), -1)
    padded = [b for b, n in enumerate(lengths) if n < spec.seq_len]
    assert all(not last[b].any() for b in padded)
    assert (text("id.trap_backward_packed") in whys) == bool(padded)
    assert (text("id.trap_cat_packed") in whys) == bool(padded)
    assert (text("id.trap_cat") in whys) != bool(padded)
