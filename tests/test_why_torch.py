"""`rnnx why` against torch itself: every current message is produced by running torch 2.13 with
the mistake made, then decoded; the family and the true cause (listed first) are asserted. A
property test does the same over random networks and random mistakes."""

import traceback
import warnings
from collections.abc import Callable
from typing import Any

import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence, pad_packed_sequence

from rnn_cli.spec.choices import Cell
from rnn_cli.why.decode import Reading, decode
from rnn_cli.why.network import Network

z = torch.zeros
PACKED = pack_padded_sequence(z(3, 4, 5), [3, 2, 2, 1])


def said(mistake: Callable[[], object]) -> str:
    """What a student pastes: the traceback of the mistake (or the warning it raised)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            mistake()
        except Exception as e:  # the student's error, whatever torch raised
            return "".join(traceback.format_exception(e))
    assert caught, "the mistake raised nothing"
    return f"UserWarning: {caught[-1].message}"


def read(mistake: Callable[[], object], net: Network | None = None) -> Reading:
    reading = decode(said(mistake), net)
    assert reading is not None, said(mistake)
    return reading


def _unpack_three() -> object:
    out, h, c = nn.LSTM(5, 8)(z(3, 4, 5))
    return out, h, c


def _unpack_gru_pair() -> object:
    out, (h, c) = nn.GRU(5, 8)(z(3, 4, 5))
    return out, h, c


def _unpack_output() -> object:
    out, h = nn.LSTM(5, 8)(z(3, 4, 5))[0]
    return out, h


def _bidirectional_linear() -> object:
    out, _ = nn.LSTM(5, 8, bidirectional=True, batch_first=True)(z(4, 3, 5))
    return nn.Linear(8, 2)(out[:, -1])


def _hn_all_layers() -> object:
    _, (h_n, _) = nn.LSTM(5, 8, 3, batch_first=True)(z(4, 3, 5))
    return nn.Linear(8, 2)(h_n.view(4, -1))


def _time_flattened() -> object:
    out, _ = nn.LSTM(5, 8, batch_first=True)(z(4, 7, 5))
    return nn.Linear(8, 2)(out.reshape(4, -1))


def _long(*shape: int) -> torch.Tensor:
    return torch.zeros(*shape, dtype=torch.long)


# (family, the true cause, the mistake made in torch)
CASES: list[tuple[str, str, Callable[[], object]]] = [
    ("dropout_range", "dropout_percent", lambda: nn.LSTM(5, 8, 2, dropout=20)),
    ("dropout_one_layer", "dropout_one_layer", lambda: nn.LSTM(5, 8, 1, dropout=0.5)),
    ("size_type", "true_division", lambda: nn.LSTM(5, 16 / 2)),
    ("size_not_positive", "size_zero", lambda: nn.GRU(5, 3 // 4)),
    ("size_not_positive", "size_zero", lambda: nn.GRU(5, 8, 0)),
    ("proj_negative", "proj_minus_one", lambda: nn.LSTM(5, 8, proj_size=-1)),
    ("proj_not_smaller", "proj_not_smaller", lambda: nn.LSTM(5, 8, proj_size=8)),
    ("proj_not_lstm", "proj_not_lstm", lambda: nn.GRU(5, 8, proj_size=4)),
    ("nonlinearity", "nonlinearity_choice", lambda: nn.RNN(5, 8, nonlinearity="sigmoid")),
    ("input_size", "input_size_wrong", lambda: nn.LSTM(5, 8)(z(3, 4, 6))),
    ("input_size", "after_bidirectional", lambda: nn.GRU(8, 8)(z(3, 4, 16))),
    ("hidden_size", "rows_layers", lambda: nn.LSTM(5, 8, 2)(z(3, 4, 5), (z(1, 4, 8),) * 2)),
    ("hidden_size", "rows_layers", lambda: nn.GRU(5, 8, 3)(z(3, 4, 5), z(1, 4, 8))),
    ("hidden_size", "last_batch", lambda: nn.GRU(5, 8)(z(3, 4, 5), z(1, 64, 8))),
    ("hidden_size", "batch_first_state",
     lambda: nn.GRU(5, 8, 2, batch_first=True)(z(4, 3, 5), z(4, 2, 8))),
    ("hidden_size", "doubled_state",
     lambda: nn.GRU(5, 8, bidirectional=True)(z(3, 4, 5), z(2, 4, 16))),
    ("hidden_size", "state_size",
     lambda: nn.LSTM(5, 8)(z(3, 4, 5), (z(1, 4, 8), z(1, 4, 7)))),
    ("input_rank", "image_input", lambda: nn.LSTM(28, 8)(z(4, 1, 28, 28))),
    ("input_rank", "no_feature_axis", lambda: nn.GRU(1, 8)(z(10))),
    ("state_rank", "state_without_rows", lambda: nn.GRU(5, 8)(z(3, 4, 5), z(4, 8))),
    ("state_rank", "state_without_rows", lambda: nn.LSTM(5, 8)(z(3, 4, 5), (z(4, 8),) * 2)),
    ("state_rank", "input_lost_batch", lambda: nn.GRU(5, 8)(z(3, 5), z(1, 4, 8))),
    ("state_rank", "input_lost_batch", lambda: nn.LSTM(5, 8)(z(3, 5), (z(1, 4, 8),) * 2)),
    ("dtype", "token_ids", lambda: nn.LSTM(5, 8)(_long(3, 4, 5))),
    ("dtype", "numpy_float64", lambda: nn.GRU(5, 8)(z(3, 4, 5, dtype=torch.float64))),
    ("dtype", "model_converted", lambda: nn.GRU(5, 8).double()(z(3, 4, 5))),
    ("cell_input_size", "input_size_wrong", lambda: nn.LSTMCell(5, 8)(z(4, 6))),
    ("cell_batch", "last_batch", lambda: nn.GRUCell(5, 8)(z(4, 5), z(64, 8))),
    ("cell_batch", "last_batch", lambda: nn.LSTMCell(5, 8)(z(4, 5), (z(64, 8),) * 2)),
    ("cell_hidden_size", "state_size", lambda: nn.GRUCell(5, 8)(z(4, 5), z(4, 7))),
    ("cell_hidden_size", "state_size", lambda: nn.LSTMCell(5, 8)(z(4, 5), (z(4, 8), z(4, 7)))),
    ("cell_rank", "sequence_to_cell", lambda: nn.RNNCell(5, 8)(z(2, 4, 5))),
    ("lengths_type", "lengths_not_1d",
     lambda: pack_padded_sequence(z(3, 4, 5), torch.tensor([[3, 2, 2, 1]]))),
    ("lengths_zero", "empty_sequence", lambda: pack_padded_sequence(z(3, 4, 5), [3, 2, 2, 0])),
    ("lengths_unsorted", "enforce_sorted",
     lambda: pack_padded_sequence(z(3, 4, 5), [2, 3, 2, 1])),
    ("lengths_count", "pack_layout", lambda: pack_padded_sequence(z(3, 4, 5), [4, 3, 1])),
    ("total_length", "total_length_short",
     lambda: pad_packed_sequence(PACKED, total_length=2)),
    ("empty", "empty_batch", lambda: pack_padded_sequence(z(0, 4, 5), [0, 0, 0, 0])),
    ("empty", "empty_batch", lambda: pack_sequence([])),
    ("empty", "empty_batch", lambda: nn.LSTM(5, 8)(z(0, 4, 5))),
    ("packed_to_tensor_op", "packed_output", lambda: nn.Linear(8, 2)(nn.LSTM(5, 8)(PACKED)[0])),
    ("packed_to_tensor_op", "packed_output", lambda: nn.LSTM(5, 8)(PACKED)[0].shape),
    ("device", "state_device",
     lambda: nn.LSTM(5, 8)(z(3, 4, 5), (z(1, 4, 8, device="meta"),) * 2)),
    ("matmul", "bidirectional_linear", _bidirectional_linear),
    ("matmul", "hn_all_layers", _hn_all_layers),
    ("matmul", "linear_in_features", lambda: nn.Linear(8, 2)(z(4, 5))),
    ("tuple_to_tensor_op", "sequential_rnn",
     lambda: nn.Sequential(nn.LSTM(5, 8), nn.Linear(8, 2))(z(3, 4, 5))),
    ("unpack", "lstm_three_values", _unpack_three),
    ("unpack", "gru_state_pair", _unpack_gru_pair),
    ("unpack", "unpack_tensor", _unpack_output),
    ("tuple_attribute", "rnn_returns_tuple", lambda: nn.LSTM(5, 8)(z(3, 4, 5)).shape),
    ("view_stride", "view_after_transpose",
     lambda: nn.LSTM(5, 8)(z(3, 4, 5))[0].transpose(0, 1).view(4, -1)),
    ("target_size", "logits_nlc",
     lambda: F.cross_entropy(z(4, 3, 10), _long(4, 3))),
    ("loss_batch", "targets_not_flattened", lambda: F.cross_entropy(z(12, 10), _long(4))),
]  # fmt: skip


@pytest.mark.parametrize(
    ("family", "cause", "mistake"), CASES, ids=[f"{f}-{c}-{i}" for i, (f, c, _) in enumerate(CASES)]
)
def test_each_message_torch_raises_is_read_with_the_true_cause_first(
    family: str, cause: str, mistake: Callable[[], object]
) -> None:
    reading = read(mistake)
    assert reading.error == family
    assert reading.causes[0].id == cause, [c.id for c in reading.causes]
    assert reading.causes[0].likely
    assert reading.message in said(mistake)  # quoted as torch printed it
    assert reading.command.startswith("rnnx shape")


def test_every_family_but_cudas_is_made_by_torch_here() -> None:
    """cuDNN's own messages need a GPU: tests/test_why_older.py holds them as fixtures."""
    from rnn_cli.why.decode import families  # noqa: PLC0415

    cuda_only = {"not_contiguous", "cudnn_eval_backward", "flatten_parameters"}
    assert {f for f, _, _ in CASES} == set(families()) - cuda_only


def test_a_projection_comes_first_when_the_network_has_one() -> None:
    """h_0 built with hidden_size where nn.LSTM(proj_size=4) wants 4: without --proj-size the
    plain size mismatch leads; with it, the projection."""
    mistake = lambda: nn.LSTM(5, 8, proj_size=4)(z(3, 4, 5), (z(1, 4, 8), z(1, 4, 8)))  # noqa: E731
    assert [c.id for c in read(mistake).causes] == ["state_size", "projection"]
    with_projection = read(mistake, Network(cell=Cell.LSTM, proj_size=4))
    assert [c.id for c in with_projection.causes] == ["projection", "state_size"]
    assert [c.id for c in read(mistake, Network(proj_size=0)).causes] == ["state_size"]


def test_time_flattened_comes_first_when_the_sequence_length_says_so() -> None:
    reading = read(_time_flattened, Network(seq_len=7))
    assert [c.id for c in reading.causes][:1] == ["time_flattened"]


def test_the_issues_example_names_rows_layers_and_the_h0_fix() -> None:
    """nn.LSTM(5, 8, 2) given a one-layer h_0: 2 layers expected, h_0 built for one."""
    reading = read(lambda: nn.LSTM(5, 8, 2)(z(3, 4, 5), (z(1, 4, 8),) * 2))
    assert reading.numbers == {"which": 0, "expected": [2, 4, 8], "got": [1, 4, 8]}
    assert "layers × directions" in reading.named[0]
    assert "2 layers × 1 directions" in reading.causes[0].says
    assert reading.causes[0].fix == "h_0 = torch.zeros(2, 4, 8)"
    assert "--layers 2" in reading.command


# ---- the property: random networks, random mistakes ------------------------------------------


def _state(cell: Cell, shape: tuple[int, ...]) -> Any:
    return (z(*shape), z(*shape)) if cell is Cell.LSTM else z(*shape)


def _layer(cell: Cell, i: int, h: int, layers: int, bi: bool, bf: bool) -> nn.RNNBase:
    kind = {Cell.RNN: nn.RNN, Cell.GRU: nn.GRU, Cell.LSTM: nn.LSTM}[cell]
    return kind(i, h, layers, bidirectional=bi, batch_first=bf)


MISTAKES = ("rows_layers", "rows_directions", "last_batch", "input_size_wrong",
            "bidirectional_linear", "hn_all_layers", "batch_first_state")  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    cell=st.sampled_from(list(Cell)),
    i=st.integers(1, 6),
    h=st.integers(1, 6),
    layers=st.integers(1, 3),
    bi=st.booleans(),
    bf=st.booleans(),
    n=st.integers(1, 5),
    t=st.integers(1, 4),
    mistake=st.sampled_from(MISTAKES),
)
def test_random_networks_and_mistakes_are_read_with_the_true_cause_first(
    cell: Cell, i: int, h: int, layers: int, bi: bool, bf: bool, n: int, t: int, mistake: str
) -> None:
    """The student gives what they know of their network (cell, layers, directions); the
    message of the mistake they made names it first."""
    rnn, d = _layer(cell, i, h, layers, bi, bf), 2 if bi else 1
    x = z(n, t, i) if bf else z(t, n, i)
    made: dict[str, Callable[[], object]] = {
        "rows_layers": lambda: rnn(x, _state(cell, (d, n, h))),
        "rows_directions": lambda: rnn(x, _state(cell, (layers, n, h))),
        "last_batch": lambda: rnn(x, _state(cell, (layers * d, n + 3, h))),
        "input_size_wrong": lambda: rnn(z(*x.shape[:2], 2 * i + 1)),  # not 2 × i: not doubled
        "bidirectional_linear": lambda: nn.Linear(h, 2)(rnn(x)[0]),
        "hn_all_layers": lambda: nn.Linear(h, 2)(_flat(rnn(x)[1], cell, n)),
        "batch_first_state": lambda: rnn(x, _state(cell, (n, layers * d, h))),
    }  # fmt: skip
    plausible = {
        "rows_layers": layers > 1,
        "rows_directions": bi,
        "input_size_wrong": True,
        "last_batch": True,
        "bidirectional_linear": bi,
        "hn_all_layers": layers * d > 1 and not bi,
        "batch_first_state": bf and n != layers * d,
    }
    assume(plausible[mistake])
    net = Network(cell=cell, layers=layers, bidirectional=bi, batch_first=bf)
    reading = read(made[mistake], net)
    ids = [c.id for c in reading.causes]
    assert reading.conflict is None
    if mistake.startswith("rows_") and layers == d:  # 2 layers × 2: either half gives 2 rows
        assert set(ids[:2]) == {"rows_layers", "rows_directions"}
    else:
        assert ids[0] == mistake, (reading.message, ids)


def _flat(state: Any, cell: Cell, n: int) -> torch.Tensor:
    """h_n.view(batch, -1) done as students mean it: every layer's rows joined per sequence."""
    h_n = state[0] if cell is Cell.LSTM else state
    return h_n.transpose(0, 1).reshape(n, -1)
