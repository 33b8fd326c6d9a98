"""`rnnx explain`: the equations shown are torch's, every term's shape is right for the config."""

from collections.abc import Callable

import pytest
import torch

from rnn_cli.backends import torch_net
from rnn_cli.cli.launch import app
from rnn_cli.network.lesson import equations, lesson, packing
from rnn_cli.network.weights import draw
from rnn_cli.render.equations import render
from rnn_cli.spec.choices import Cell, Nonlinearity
from rnn_cli.spec.config import Spec
from tests.helpers import plain, runner

Terms = dict[str, torch.Tensor]

CONFIGS = {
    "rnn": Spec(cell=Cell.RNN),
    "lstm": Spec(cell=Cell.LSTM),
    "gru": Spec(cell=Cell.GRU),
    "lstm_proj_2layer_bidir": Spec(
        cell=Cell.LSTM, proj_size=3, num_layers=2, bidirectional=True, batch_size=4
    ),
    "gru_unbatched_nobias": Spec(cell=Cell.GRU, unbatched=True, bias=False),
}


# lstm_proj_2layer_bidir's goldens are test_widths_golden's, at 80 and 120 columns
@pytest.mark.parametrize("name", [n for n in CONFIGS if n != "lstm_proj_2layer_bidir"])
def test_golden(name: str, golden: Callable[[str, str], None]) -> None:
    golden(f"explain_{name}", plain(render(lesson(CONFIGS[name])), 80))


def _affine(spec: Spec, p: Terms, x: torch.Tensor, h: torch.Tensor) -> list[torch.Tensor]:
    """W_i· x_t + b_i· + W_h· h_(t-1) + b_h·, per gate, from torch's stacked parameters."""
    g = len(spec.gates)
    w_i, w_h = p["weight_ih_l0"].chunk(g), p["weight_hh_l0"].chunk(g)
    zeros = [torch.zeros(spec.hidden_size, dtype=x.dtype)] * g
    b_i = p["bias_ih_l0"].chunk(g) if spec.bias else zeros
    b_h = p["bias_hh_l0"].chunk(g) if spec.bias else zeros
    return [x @ w_i[k].T + b_i[k] + h @ w_h[k].T + b_h[k] for k in range(g)]


def _step(spec: Spec, p: Terms, x: torch.Tensor) -> Terms:
    """The first step from zero state, as `rnnx explain` writes it, every term by its symbol."""
    batch = () if spec.unbatched else (spec.batch_size,)
    h = torch.zeros((*batch, spec.h_out), dtype=x.dtype)
    c = torch.zeros((*batch, spec.hidden_size), dtype=x.dtype)
    w_i, w_h = p["weight_ih_l0"].chunk(len(spec.gates)), p["weight_hh_l0"].chunk(len(spec.gates))
    names = ", ".join
    t: Terms = {"x_t": x, "h_(t-1)": h, names(f"W_i{g}" for g in spec.gates): w_i[0]}
    t[names(f"W_h{g}" for g in spec.gates)] = w_h[0]
    t["W_i· x_t, W_h· h_(t-1)"] = x @ w_i[0].T
    if spec.bias:
        b = names([*(f"b_i{g}" for g in spec.gates), *(f"b_h{g}" for g in spec.gates)])
        t[b] = p["bias_ih_l0"].chunk(len(spec.gates))[0]
    a = _affine(spec, p, x, h)
    if spec.cell is Cell.RNN:
        t["h_t"] = torch.relu(a[0]) if spec.activation is Nonlinearity.RELU else torch.tanh(a[0])
    elif spec.cell is Cell.GRU:
        t.update(_gru(spec, p, x, h, a))
    else:
        t.update(_lstm(p, c, a))
    return t


def _gru(spec: Spec, p: Terms, x: torch.Tensor, h: torch.Tensor, a: list[torch.Tensor]) -> Terms:
    r, z = torch.sigmoid(a[0]), torch.sigmoid(a[1])
    w_in, w_hn = p["weight_ih_l0"].chunk(3)[2], p["weight_hh_l0"].chunk(3)[2]
    b_in = p["bias_ih_l0"].chunk(3)[2] if spec.bias else 0.0
    b_hn = p["bias_hh_l0"].chunk(3)[2] if spec.bias else 0.0
    n = torch.tanh(x @ w_in.T + b_in + r * (h @ w_hn.T + b_hn))  # b_hn inside r_t ⊙ (...)
    return {"r_t, z_t, n_t": n, "h_t": (1 - z) * n + z * h}


def _lstm(p: Terms, c: torch.Tensor, a: list[torch.Tensor]) -> Terms:
    i, f, g, o = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.tanh(a[2]), torch.sigmoid(a[3])
    c_t = f * c + i * g
    h_t = o * torch.tanh(c_t)
    t = {"c_(t-1)": c, "i_t, f_t, g_t, o_t": i, "c_t": c_t, "o_t ⊙ tanh(c_t)": h_t}
    if "weight_hr_l0" in p:
        t.update({"W_hr": p["weight_hr_l0"], "h_t": h_t @ p["weight_hr_l0"].T})
    else:
        t["h_t"] = h_t
    return t


STEP_CONFIGS = [
    Spec(cell=Cell.RNN, batch_size=3),
    Spec(cell=Cell.RNN, nonlinearity=Nonlinearity.RELU, unbatched=True),
    Spec(cell=Cell.LSTM, batch_size=3, batch_first=False),
    Spec(cell=Cell.LSTM, proj_size=3, unbatched=True),
    Spec(cell=Cell.LSTM, proj_size=2, bias=False, batch_size=2),
    Spec(cell=Cell.GRU, batch_size=3),
    Spec(cell=Cell.GRU, bias=False, unbatched=True),
]


@pytest.mark.parametrize("spec", STEP_CONFIGS, ids=lambda s: f"{s.cell.value}")
def test_equations_compute_torchs_first_step_with_every_terms_shape(spec: Spec) -> None:
    weights = draw(spec)
    net = torch_net.build(spec, weights)
    x = torch.from_numpy(weights.x)
    with torch.no_grad():
        output, _ = net(x)
        x0 = x[:, 0] if spec.batch_first and not spec.unbatched else x[0]
        computed = _step(spec, dict(net.named_parameters()), x0)
    first = output[:, 0] if spec.batch_first and not spec.unbatched else output[0]
    torch.testing.assert_close(computed["h_t"], first)
    for term in lesson(spec).terms:
        assert tuple(computed[term.symbol].shape) == term.shape, term.symbol


@pytest.mark.parametrize("spec", STEP_CONFIGS, ids=lambda s: f"{s.cell.value}")
def test_packing_matches_torchs_parameters(spec: Spec) -> None:
    params = dict(torch_net.build(spec, draw(spec)).named_parameters())
    for row in packing(spec):
        assert tuple(params[row.param].shape) == row.shape
        blocks = row.blocks.count("|") + 1
        assert blocks == (1 if row.param.startswith("weight_hr") else len(spec.gates))


def test_explain_command() -> None:
    result = runner.invoke(app, ["explain", "--cell", "gru", "--batch-size", "4"])
    assert result.exit_code == 0, result.stderr
    assert "n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_(t-1) + b_hn))" in result.stdout
    assert "b_hn (bias_hh_l0[16:24])" in result.stdout


def test_explain_rejects_a_bad_network() -> None:
    result = runner.invoke(app, ["explain", "--cell", "gru", "--proj-size", "2"])
    assert result.exit_code == 2
    assert "--proj-size applies to --cell lstm only" in result.stderr


def test_layer_above_reads_what_torch_sizes_weight_ih_l1() -> None:
    spec = CONFIGS["lstm_proj_2layer_bidir"]
    params = dict(torch_net.build(spec, draw(spec)).named_parameters())
    above = [t for t in lesson(spec).terms if t.symbol == "x_t"][1]
    assert above.shape == (spec.batch_size, params["weight_ih_l1"].shape[1])


@pytest.mark.parametrize("proj_size", [0, 3])
def test_h_ts_range_is_what_torch_computes(proj_size: int) -> None:
    """tanh bounds h_t to (−1, 1) unless W_hr projects it afterwards: then nothing bounds it."""
    spec = Spec(cell=Cell.LSTM, proj_size=proj_size, batch_size=4)
    weights = draw(spec)
    net = torch_net.build(spec, weights)
    with torch.no_grad():
        if proj_size:
            net.weight_hr_l0.mul_(20.0)
        output, _ = net(torch.from_numpy(weights.x) * 5.0)
    h_t = equations(spec)[-1]
    assert h_t.text.startswith("h_t = ")
    bounded = bool(output.abs().max() < 1.0)
    assert bounded == (not proj_size)
    assert ("(−1, 1)" in h_t.act) == bounded
    assert ("(−∞, ∞)" in h_t.act) == (not bounded)


STATE_NOTES = [
    (Spec(cell=Cell.LSTM, seq_len=6), ["t = 5"], ["t = 0"]),
    (Spec(cell=Cell.LSTM, seq_len=6, bidirectional=True), ["t = 5", "backward", "t = 0"], []),
    (
        Spec(cell=Cell.LSTM, batch_size=3, seq_len=6, lengths=(6, 3, 1)),
        ["b=0 at t=5, b=1 at t=2, b=2 at t=0"],
        ["backward"],
    ),
    (
        Spec(cell=Cell.LSTM, batch_size=3, seq_len=6, lengths=(6, 3, 1), bidirectional=True),
        ["b=0 at t=5, b=1 at t=2, b=2 at t=0", "backward", "finishes at t = 0"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("spec", "says", "not_says"), STATE_NOTES, ids=["1dir", "2dir", "packed", "packed_2dir"]
)
def test_h_n_and_c_n_note_says_where_each_direction_finishes(
    spec: Spec, says: list[str], not_says: list[str]
) -> None:
    """'both at the last step of each layer' was wrong backward (t = 0) and packed (own end)."""
    (note,) = (n for n in lesson(spec).notes if "c_n" in n)
    assert "last step of each layer" not in note
    for part in says:
        assert part in note
    for part in not_says:
        assert part not in note


@pytest.mark.parametrize("cell", [Cell.RNN, Cell.GRU])
def test_rnn_and_gru_say_where_h_n_comes_from_too(cell: Cell) -> None:
    notes = lesson(Spec(cell=cell, bidirectional=True)).notes
    (note,) = (n for n in notes if n.startswith("h_n"))
    assert "forward at t = 9, backward at t = 0" in note
    assert "c_n" not in note
