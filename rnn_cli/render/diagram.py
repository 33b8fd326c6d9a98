"""`rnnx diagram`: the network unrolled over time, layers × steps × directions, as plain text.

Draws the recurrence arrows, the input feeding layer 0 and layer k feeding layer k+1, the steps
that become output (the top layer's) and h_n (■, labelled with their row), and h_0 where each
direction starts. Long sequences keep their first and last steps and draw the middle as "…":
as many steps as the width allows, up to HEAD + TAIL, down to the first and the last.
A line is a list with one entry per terminal column: a wide character (Korean labels) takes its
own cell and an empty one after it, so positions are columns as Rich's cell_len counts them.
Pure function of a Spec: layout only. Must not import torch.
"""

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from rnn_cli.catalog.lookup import sequence_ends, text
from rnn_cli.network.shapes import layer_input_size, state_row
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import short_list

HEAD, TAIL = 3, 2  # the most steps kept at each end of a sequence too long to draw whole
FEWEST = 3  # columns drawn however narrow the width: the first step, "…", the last step
PITCH = 8  # characters from one time step's column to the next
MOST_LAYERS = 64  # layers a diagram draws: more is a wall of alike lines (the command refuses)


def columns(seq_len: int, room: int) -> tuple[int | None, ...]:
    """Time steps drawn left to right in at most room columns (never fewer than FEWEST, never
    more than HEAD + "…" + TAIL); None is the "…" column."""
    room = max(FEWEST, min(room, HEAD + TAIL + 1))
    if seq_len <= room:
        return tuple(range(seq_len))
    head, tail = room // 2, (room - 1) // 2  # 6 -> 3 + 2, 5 -> 2 + 2, 4 -> 2 + 1, 3 -> 1 + 1
    return (*range(head), None, *range(seq_len - tail, seq_len))


def _labels(spec: Spec) -> tuple[int, int]:
    """The longest layer label, and the longest label of a row without h_0/h_n at its left."""
    layer = cell_len(text("diagram.layer", k=spec.num_layers - 1, arrow="→"))
    features = (
        text("diagram.features", i=layer_input_size(spec, k))
        for k in range(min(2, spec.num_layers))  # layers above 0 all read D·H_out features
    )
    other = (_output(spec), text("diagram.input"), text("diagram.ends"), *features)
    return layer, max(cell_len(label) for label in other)


class _Grid:
    """Where things go on a line: a label, the h_0/h_n labels' margin, then one column per step."""

    def __init__(self, spec: Spec, width: int) -> None:
        self.margin = len(f"h_n[{spec.num_layers * spec.num_directions - 1}]") + 1
        layer, other = _labels(spec)
        # a layer row reads "layer 0 → h_0[0] ─▶ □"; other rows only need a space before t=0
        self.left = max(layer + self.margin + 4, other + 2)
        room = (width - self.left - self.margin - 4) // PITCH + 1
        self.steps = columns(spec.seq_len, room)
        self.width = self.x(len(self.steps) - 1) + self.margin + 4  # to the right h_n/h_0 label

    def x(self, j: int) -> int:
        """The centre of the j-th drawn column."""
        return self.left + j * PITCH

    def blank(self, label: str) -> list[str]:
        line = [" "] * self.width
        _put(line, 0, label)
        return line


def _cells(token: str) -> list[str]:
    """One entry per column: "층 0" -> ["층", "", " ", "0"] (층 is two columns wide)."""
    return [part for ch in token for part in (ch, *[""] * (cell_len(ch) - 1))]


def _put(line: list[str], start: int, token: str) -> None:
    cells = _cells(token)
    line[start : start + len(cells)] = cells


def _arrow(n: int, backward: bool) -> str:
    """n characters of recurrence, pointing the way the direction runs."""
    return "◀" + "─" * (n - 1) if backward else "─" * (n - 1) + "▶"


def _last_steps(spec: Spec) -> set[int]:
    """Where the forward direction stops: t = L - 1, or each packed sequence's own last step."""
    return {n - 1 for n in spec.lengths} if spec.lengths else {spec.seq_len - 1}


def _recurrence(spec: Spec, grid: _Grid, layer: int, backward: bool) -> str:
    """One direction of one layer: h_0 enters, a cell per step, h_n leaves (■ is its step)."""
    row = state_row(spec, layer, int(backward))
    line = grid.blank(text("diagram.layer", k=layer, arrow="←" if backward else "→"))
    final = {0} if backward else _last_steps(spec)  # backward: every sequence ends at t = 0
    for j, t in enumerate(grid.steps):
        x = grid.x(j)
        line[x] = "…" if t is None else "■" if t in final else "□"
        if j + 1 < len(grid.steps):
            _put(line, x + 2, _arrow(PITCH - 3, backward))
    left, right = f"h_n[{row}]", f"h_0[{row}]"
    if not backward:
        left, right = right, left
    first, last = grid.x(0), grid.x(len(grid.steps) - 1)
    _put(line, first - 3, _arrow(2, backward))
    _put(line, first - 4 - cell_len(left), left)
    _put(line, last + 2, _arrow(2, backward))
    _put(line, last + 5, right)
    return "".join(line).rstrip()


def _tokens(grid: _Grid, label: str, token: str, ellipsis: str = "") -> str:
    """A row with token (formatted with t) under every drawn step."""
    cells = [ellipsis if t is None else token.format(t=t) for t in grid.steps]
    return _row(grid, label, cells)


def _row(grid: _Grid, label: str, cells: list[str]) -> str:
    """A row with each cell centred under its drawn step."""
    line = grid.blank(label)
    for j, cell in enumerate(cells):
        _put(line, grid.x(j) - cell_len(cell) // 2, cell)
    return "".join(line).rstrip()


def _stopping(lengths: tuple[int, ...], t: int | None) -> str:
    """The packed sequences whose last step is t: "b=1", "b=0,2", or "5 seqs" when too long."""
    stop = [b for b, n in enumerate(lengths) if n - 1 == t]
    names = "b=" + ",".join(map(str, stop))
    if not stop:
        return ""
    return names if cell_len(names) < PITCH else text("diagram.ends_many", n=len(stop))


def _output(spec: Spec) -> str:
    return "output[:, t]" if spec.batch_first and not spec.unbatched else "output[t]"


def _body(spec: Spec, grid: _Grid) -> list[str]:
    lines = [_tokens(grid, "", "t={t}", "…")]
    if spec.lengths:
        stops = [_stopping(spec.lengths, t) for t in grid.steps]
        lines.append(_row(grid, text("diagram.ends"), stops))
    lines.append(_tokens(grid, _output(spec), "▲"))
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
    if spec.lengths:
        lengths, ends = short_list(spec.lengths), sequence_ends(spec.lengths)
        row = text("diagram.ends")
        lines.append(text("diagram.legend_packed", lengths=lengths, ends=ends, ends_row=row))
        if spec.bidirectional:
            lines.append(text("diagram.legend_packed_2dir"))
    if None in grid.steps:
        drawn, gap = [t for t in grid.steps if t is not None], grid.steps.index(None)
        lines.append(text("diagram.legend_skip", first=drawn[gap - 1] + 1, last=drawn[gap] - 1))
    return lines


def picture_width(spec: Spec, width: int) -> int:
    """Columns the picture drawn for width takes: width, or more when FEWEST steps do not fit."""
    return max(width, _Grid(spec, width).width)


def render(spec: Spec, width: int) -> RenderableType:
    """The picture for a console of width columns: as many steps as fit, down to FEWEST."""
    grid = _Grid(spec, width)
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
