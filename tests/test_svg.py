"""SVG exports drawn to PNG (CairoSVG) and measured: every glyph on its cell of the grid, Hangul
rows included, and the last line whole (its underscores too)."""

import io
import re
from pathlib import Path

import cairosvg
import numpy as np
import pytest
from PIL import Image
from rich.text import Text

from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import Lang
from rnn_cli.cli import output
from rnn_cli.cli.launch import app
from tests.helpers import runner

BRIGHT = 100  # grey level: text on Rich's dark terminal background (#292929)


def drawn(svg: str) -> tuple[np.ndarray, float, float, float]:
    """The SVG as a grey image; where its text matrix starts (y) and its line height, and the
    x where it starts."""
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"))
    grey = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    origin = re.search(r'<g transform="translate\(([\d.]+), ([\d.]+)\)" clip-path', svg)
    assert origin is not None
    return grey, float(origin[2]), _number(r"line-height: ([\d.]+)px", svg), float(origin[1])


def marks(svg: str, line: int) -> list[float]:
    """The x centres of the separate marks drawn on text line `line` (0 = the first)."""
    grey, top, height, left = drawn(svg)
    band = grey[int(top + line * height + 2) : int(top + (line + 1) * height)]
    lit = [bool(on) for on in np.any(band > BRIGHT, axis=0).tolist()]
    frame = int(left)  # the window's border, left and right
    lit = [False] * frame + lit[frame:-frame] + [False] * (frame + 1)
    centres: list[float] = []
    start = None
    for x, on in enumerate(lit):
        if on and start is None:
            start = x
        elif not on and start is not None:
            centres.append((start + x - 1) / 2)
            start = None
    return centres


def diagram_svg(tmp_path: Path, *args: str) -> str:
    svg = tmp_path / "d.svg"
    try:
        result = runner.invoke(app, ["diagram", *args, "--svg", str(svg)])
    finally:
        lookup.use(Lang.EN)  # --lang holds for the process: the goldens after this are English
    assert result.exit_code == 0, result.stderr
    return svg.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_marks_above_and_below_the_chain_share_their_columns(tmp_path: Path, lang: str) -> None:
    """Line 3 is `output[:, t]  ▲ ▲ …`, line 5 the input's features `5 features  ▲ ▲ …` (in
    Korean `특성 5개`, a Hangul label in the same run as the marks: it drifted left)."""
    svg = diagram_svg(tmp_path, "--lang", lang)
    above, below = marks(svg, 3)[-5:], marks(svg, 5)[-5:]  # the five steps drawn
    assert len(above) == len(below) == 5
    assert np.allclose(above, below, atol=1.0), (above, below)


def test_a_hangul_run_takes_two_cells_a_character(tmp_path: Path) -> None:
    svg = diagram_svg(tmp_path, "--lang", "ko")
    run = re.search(r'<text [^>]*x="([\d. ]+)"[^>]*>특성', svg)
    assert run is not None
    xs = [float(x) for x in run[1].split()]
    cell = xs[3] - xs[2]  # "특성 5개": 특, 성, space, 5
    assert xs[1] - xs[0] == pytest.approx(2 * cell)  # one Hangul syllable, two cells


def _number(pattern: str, svg: str) -> float:
    found = re.search(pattern, svg)
    assert found is not None, pattern
    return float(found[1])


def test_the_last_line_has_room_below_its_baseline(tmp_path: Path) -> None:
    """`h_n` on the last line drew as `h n`: the window's clip ended 3.4 px under the last
    baseline (an underscore lies lower in Fira Code), and that line's own clip was missing."""
    path = tmp_path / "last.svg"
    output.save(Text("first line\nh_n"), path, None, 20, "rnnx")
    svg = path.read_text(encoding="utf-8")
    shown = r'<text class="[^"]*-r\d+" x="[^"]*" y="([\d.]+)"[^>]*#([^)]+)\)">([^<]*)<'
    runs = [(y, clip) for y, clip, said in re.findall(shown, svg) if said.strip()]
    clips = set(re.findall(r'<clipPath id="([^"]+)"', svg))
    assert len(runs) == 2
    assert all(clip in clips for _, clip in runs)
    window = _number(r'clip-terminal">\s*<rect [^>]*height="([\d.]+)"', svg)
    size = _number(r"-matrix \{\s*font-family[^;]*;\s*font-size: ([\d.]+)px", svg)
    assert window - max(float(y) for y, _ in runs) >= size  # a whole line's room
