"""`rnnx diagram`: the network unrolled over time, layers × steps × directions, as plain text.

Draws the recurrence arrows, the input feeding layer 0 and layer k feeding layer k+1, the steps
that become output (the top layer's) and h_n (■, labelled with their row), and h_0 where each
direction starts. Long sequences keep their first and last steps and draw the middle as "…".
Pure function of a Spec: layout only. Must not import torch.
"""

from rich.console import Group, RenderableType
from rich.text import Text

from rnn_cli.explain import text
from rnn_cli.shapes import layer_input_size, state_row
from rnn_cli.spec import Cell, Spec

HEAD, TAIL = 3, 2  # steps kept at each end of a sequence too long to draw whole
LABEL = 14  # width of the row labels
PITCH = 8  # characters from one time step's column to the next


def columns(seq_len: int) -> tuple[int | None, ...]:
    """Time steps drawn left to right; None is the "…" column."""
    if seq_len <= HEAD + TAIL + 1:
        return tuple(range(seq_len))
    return (*range(HEAD), None, *range(seq_len - TAIL, seq_len))


class _Grid:
    """Where things go on a line: a label, then the end labels' margin, then one column per step."""

    def __init__(self, spec: Spec) -> None:
        self.steps = columns(spec.seq_len)
        self.margin = len(f"h_n[{spec.num_layers * spec.num_directions - 1}]") + 1
        self.width = LABEL + 2 * self.margin + len(self.steps) * PITCH + 4

    def x(self, j: int) -> int:
        """The centre of the j-th drawn column."""
        return LABEL + self.margin + j * PITCH + PITCH // 2

    def blank(self, label: str) -> list[str]:
        line = [" "] * self.width
        line[: len(label)] = label
        return line


def _put(line: list[str], start: int, token: str) -> None:
    line[start : start + len(token)] = token


def _arrow(n: int, backward: bool) -> str:
    """n characters of recurrence, pointing the way the direction runs."""
    return "◀" + "─" * (n - 1) if backward else "─" * (n - 1) + "▶"


def _recurrence(spec: Spec, grid: _Grid, layer: int, backward: bool) -> str:
    """One direction of one layer: h_0 enters, a cell per step, h_n leaves (■ is its step)."""
    row = state_row(spec, layer, int(backward))
    line = grid.blank(text("diagram.layer", k=layer, arrow="←" if backward else "→"))
    final = 0 if backward else len(grid.steps) - 1
    for j, t in enumerate(grid.steps):
        x = grid.x(j)
        line[x] = "…" if t is None else "■" if j == final else "□"
        if j + 1 < len(grid.steps):
            _put(line, x + 2, _arrow(PITCH - 3, backward))
    left, right = f"h_n[{row}]", f"h_0[{row}]"
    if not backward:
        left, right = right, left
    first, last = grid.x(0), grid.x(len(grid.steps) - 1)
    _put(line, first - 3, _arrow(2, backward))
    _put(line, first - 4 - len(left), left)
    _put(line, last + 2, _arrow(2, backward))
    _put(line, last + 5, right)
    return "".join(line).rstrip()


def _tokens(grid: _Grid, label: str, token: str, ellipsis: str = "") -> str:
    """A row with token (formatted with t) under every drawn step."""
    line = grid.blank(label)
    for j, t in enumerate(grid.steps):
        cell = ellipsis if t is None else token.format(t=t)
        _put(line, grid.x(j) - len(cell) // 2, cell)
    return "".join(line).rstrip()


def _output(spec: Spec) -> str:
    return "output[:, t]" if spec.batch_first and not spec.unbatched else "output[t]"


def _body(spec: Spec, grid: _Grid) -> list[str]:
    lines = [_tokens(grid, "", "t={t}", "…"), _tokens(grid, _output(spec), "▲")]
    for layer in reversed(range(spec.num_layers)):
        if spec.bidirectional:
            lines.append(_recurrence(spec, grid, layer, backward=True))
        lines.append(_recurrence(spec, grid, layer, backward=False))
        features = text("diagram.features", i=layer_input_size(spec, layer))
        lines.append(_tokens(grid, features, "▲"))
    lines.append(_tokens(grid, text("diagram.input"), "x_{t}", "…"))
    return lines


def _legend(spec: Spec, grid: _Grid) -> list[str]:
    h = spec.h_out
    if spec.bidirectional:
        lines = [text("diagram.output_2dir", out=_output(spec), h=h, n=2 * h)]
    else:
        lines = [text("diagram.output_1dir", out=_output(spec), h=h)]
    lines.append(text("diagram.legend"))
    if spec.cell is Cell.LSTM:
        lines.append(text("diagram.legend_lstm"))
    if spec.bidirectional:
        lines.append(text("diagram.legend_2dir"))
    if None in grid.steps:
        lines.append(text("diagram.legend_skip", first=HEAD, last=spec.seq_len - TAIL - 1))
    return lines


def render(spec: Spec) -> RenderableType:
    grid = _Grid(spec)
    title = text(
        "diagram.title",
        cell=spec.cell.name,
        layers=spec.num_layers,
        d=spec.num_directions,
        steps=spec.seq_len,
    )
    body = Text("\n".join(_body(spec, grid)), no_wrap=True, overflow="ignore")
    body.highlight_regex(r"h_n\[\d+\]|■", "bold cyan")
    body.highlight_regex(r"h_0\[\d+\]", "dim")
    legend = Text("\n".join(_legend(spec, grid)), style="dim")
    return Group(Text(title, style="bold"), Text(""), body, Text(""), legend)
