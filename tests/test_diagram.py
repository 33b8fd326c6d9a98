"""`rnnx diagram`: each h_n row labelled once at the right end, long sequences elided, SVG."""

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from rnn_cli.backends import torch_net
from rnn_cli.cli import core
from rnn_cli.cli.launch import app
from rnn_cli.network.shapes import state_row
from rnn_cli.network.weights import draw
from rnn_cli.render.diagram import picture_width, render
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec
from tests.helpers import plain, runner

CONFIGS = {
    "rnn_default": Spec(),
    "gru_2layer_bidir_5steps": Spec(cell=Cell.GRU, num_layers=2, bidirectional=True, seq_len=5),
    "lstm_unbatched_seqfirst_3steps": Spec(
        cell=Cell.LSTM, unbatched=True, batch_first=False, seq_len=3
    ),
    "lstm_3layer_bidir_long": Spec(
        cell=Cell.LSTM, num_layers=3, bidirectional=True, proj_size=4, seq_len=128
    ),
    "rnn_packed_bidir": Spec(bidirectional=True, batch_size=3, seq_len=10, lengths=(10, 4, 2)),
}


@pytest.mark.parametrize("name", CONFIGS)
def test_golden(name: str, golden: Callable[[str, str], None]) -> None:
    golden(f"diagram_{name}", plain(render(CONFIGS[name], 120), 120))


@settings(max_examples=60, deadline=None)
@given(
    layers=st.integers(1, 4),
    bidirectional=st.booleans(),
    seq_len=st.integers(1, 300),
    batch_first=st.booleans(),
)
def test_every_state_row_once_at_its_end(
    layers: int, bidirectional: bool, seq_len: int, batch_first: bool
) -> None:
    spec = Spec(
        num_layers=layers, bidirectional=bidirectional, seq_len=seq_len, batch_first=batch_first
    )
    picture = plain(render(spec, 100))
    rows = layers * spec.num_directions
    assert sorted(int(r) for r in re.findall(r"h_n\[(\d+)\]", picture)) == list(range(rows))
    assert sorted(int(r) for r in re.findall(r"h_0\[(\d+)\]", picture)) == list(range(rows))
    cells = [line for line in picture.splitlines() if line.startswith("layer ")]
    for line in cells:
        if "←" in line:  # backward: h_n at the t = 0 end, on the left
            assert line.index("h_n[") < line.index("■") < line.index("h_0[")
        elif "→" in line:
            assert line.index("h_0[") < line.index("■") < line.index("h_n[")
    assert sum(line.count("■") for line in cells) == rows
    assert f"t={seq_len - 1}" in picture  # the last step is never cut off
    assert ("…" in picture) == (seq_len > 6)
    assert max(len(line) for line in picture.splitlines()) <= 100


@settings(max_examples=80, deadline=None)
@given(
    layers=st.integers(1, 6),
    bidirectional=st.booleans(),
    seq_len=st.integers(1, 2000),
    width=st.integers(20, 160),
)
def test_fits_the_width_it_is_given(
    layers: int, bidirectional: bool, seq_len: int, width: int
) -> None:
    """Narrower than the fewest columns (first step, …, last step) it overflows, cutting nothing."""
    spec = Spec(num_layers=layers, bidirectional=bidirectional, seq_len=seq_len)
    fewest = picture_width(spec, 0)
    assert picture_width(spec, width) == max(width, fewest)
    picture = plain(render(spec, width), width=picture_width(spec, width))
    assert max(len(line) for line in picture.splitlines()) <= max(width, fewest)
    assert f"t={seq_len - 1}" in picture
    assert "t=0" in picture
    rows = layers * spec.num_directions
    assert sorted(int(r) for r in re.findall(r"h_n\[(\d+)\]", picture)) == list(range(rows))


def _drawn_steps(picture: str) -> list[int]:
    steps = next(line for line in picture.splitlines() if "t=0" in line)
    return [int(t) for t in re.findall(r"\bt=(\d+)", steps)]


def test_more_width_draws_more_steps_up_to_six() -> None:
    spec = Spec(seq_len=50)
    drawn = [_drawn_steps(plain(render(spec, w), width=w)) for w in range(40, 140, 4)]
    assert drawn[0] == [0, 49]
    assert drawn[-1] == [0, 1, 2, 48, 49]
    assert all(len(a) <= len(b) for a, b in itertools.pairwise(drawn))


def test_default_fits_fifty_columns() -> None:
    picture = plain(render(Spec(), 50), width=50)
    assert picture_width(Spec(), 50) == 50
    assert "t=9" in picture
    assert "h_n[0]" in picture


def _diagram_at(
    width: int, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    """`rnnx diagram ARGS --svg` on a terminal WIDTH columns wide: what it printed, and the SVG."""
    terminal = Console(width=width, color_system=None, force_terminal=True)
    monkeypatch.setitem(core._CONSOLES, "out", terminal)
    svg = tmp_path / "d.svg"
    result = runner.invoke(app, ["diagram", *args, "--svg", str(svg)])
    assert result.exit_code == 0, result.stderr
    return result.stdout, svg.read_text(encoding="utf-8").replace("&#160;", " ")


def test_narrow_terminal_and_its_svg_keep_the_last_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """COLUMNS=60 printed t=8 as the last step and lost h_n[0]; the SVG recorded the cut."""
    for shown in _diagram_at(50, [], tmp_path, monkeypatch):
        assert "t=9" in shown
        assert "h_n[0]" in shown


def test_svg_keeps_what_a_too_narrow_terminal_cuts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed, drawn = _diagram_at(30, ["--layers", "2"], tmp_path, monkeypatch)
    assert "h_n[1]" not in printed  # a terminal crops what is wider than itself
    assert "t=9" in drawn
    assert "h_n[1]" in drawn


def _forward_marks(picture: str) -> dict[int, str]:
    """Drawn step -> its glyph on layer 0's forward row, found by the step labels' columns."""
    lines = picture.splitlines()
    steps = next(line for line in lines if "t=0" in line)
    forward = next(line for line in lines if line.startswith("layer 0 →"))
    marks = {}
    for found in re.finditer(r"t=(\d+)", steps):
        centre = found.start() + len(found.group()) // 2
        marks[int(found.group(1))] = forward[centre]
    return marks


@settings(max_examples=60, deadline=None)
@given(lengths=st.lists(st.integers(1, 40), min_size=1, max_size=6), width=st.integers(40, 140))
def test_packed_marks_each_sequences_own_last_step(lengths: list[int], width: int) -> None:
    """h_n[:, b] of the forward rows is sequence b's step length_b - 1, not t = L - 1."""
    spec = Spec(batch_size=len(lengths), seq_len=max(lengths), lengths=tuple(lengths))
    picture = plain(render(spec, width), width=picture_width(spec, width))
    ends = {n - 1 for n in lengths}
    for t, mark in _forward_marks(picture).items():
        assert mark == ("■" if t in ends else "□"), (t, picture)
    words = " ".join(picture.split())  # the legend wraps
    for b, n in enumerate(lengths[:4]):
        assert f"b={b} at t={n - 1}" in words


def test_packed_legend_says_where_each_direction_starts_and_ends() -> None:
    spec = CONFIGS["rnn_packed_bidir"]
    picture = plain(render(spec, 100))
    legend = " ".join(picture.split("\n\n")[-1].split())
    assert "b=0 at t=9, b=1 at t=3, b=2 at t=1" in legend
    assert "backward direction starts at each sequence's own last step" in legend
    marks = _forward_marks(picture)
    assert (marks[1], marks[2], marks[9]) == ("■", "□", "■")  # b=2 ends at t=1, drawn
    stops = next(line for line in picture.splitlines() if line.startswith("last step of"))
    assert stops.split()[3:] == ["b=2", "b=0"]


def test_state_rows_are_torchs() -> None:
    """h_n[state_row(layer 0, backward)] of a 2-layer net is a 1-layer net's backward h_n."""
    spec = Spec(cell=Cell.GRU, num_layers=2, bidirectional=True)
    one = Spec(cell=Cell.GRU, num_layers=1, bidirectional=True)
    weights = draw(spec)
    x = torch.from_numpy(weights.x)
    with torch.no_grad():
        _, h_n = torch_net.build(spec, weights)(x)
        _, h_n_one = torch_net.build(one, weights)(x)  # the same layer-0 parameters
    for direction in (0, 1):
        row = state_row(spec, 0, direction)
        torch.testing.assert_close(h_n[row], h_n_one[state_row(one, 0, direction)])


def test_svg_saved(tmp_path: Path) -> None:
    svg = tmp_path / "rnn.svg"
    result = runner.invoke(app, ["diagram", "--layers", "2", "--svg", str(svg)])
    assert result.exit_code == 0, result.stderr
    assert "h_n[1]" in result.stdout
    assert svg.read_text(encoding="utf-8").startswith("<svg")


def test_svg_bad_path_exits_2_before_printing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diagram", "--svg", str(tmp_path / "missing" / "rnn.svg")])
    assert result.exit_code == 2
    assert "--svg: directory" in result.stderr
    assert "does not exist" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("name", ["d.png", "d", "d.svg.txt"])
def test_svg_must_name_an_svg_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    result = runner.invoke(app, ["diagram", "--svg", str(path)])
    assert result.exit_code == 2
    assert f"--svg must name a .svg file: svg={path}" in result.stderr
    assert "--svg rnn.svg" in result.stderr  # the fix
    assert result.stdout == ""
    assert not path.exists()


def test_svg_suffix_in_capitals_is_an_svg(tmp_path: Path) -> None:
    path = tmp_path / "D.SVG"
    assert runner.invoke(app, ["diagram", "--svg", str(path)]).exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("<svg")
