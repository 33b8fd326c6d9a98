"""Lines that mix prose and code, wrapped without ever breaking the code. Must not import torch.

Prose is cut only at spaces outside brackets and away from operators, so `output[length_b - 1, b]`,
`rnn(x, h_0)`, `t = 0에서는` or `output, (h_n, c_n) = rnn(x)` in a sentence stays on one line; code
that leads a line (`lead`) is one unbreakable unit.
"""

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

OPEN, CLOSE = "([{", ")]}"
OPERATORS = "=+×⊙…→"  # a space beside one is inside an expression: `t = L−1 … 0`


def _joined(plain: str, i: int) -> bool:
    """Is the space at i part of an expression (an operator on either side)?"""
    return plain[i - 1 : i] in tuple(OPERATORS) or plain[i + 1 : i + 2] in tuple(OPERATORS)


def units(text: Text) -> list[Text]:
    """text split at the spaces outside brackets and expressions, styles kept."""
    out, depth, start = [], 0, 0
    plain = text.plain
    for i, ch in enumerate(plain):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch == " " and depth == 0 and not _joined(plain, i):
            if i > start:
                out.append(text[start:i])
            start = i + 1
    if start < len(plain):
        out.append(text[start:])
    return _targets(out)


def _targets(parts: list[Text]) -> list[Text]:
    """`output,` stays with `h_n = rnn(x)`: the names an assignment unpacks are one unit."""
    out: list[Text] = []
    for part in reversed(parts):
        if out and part.plain.endswith(",") and " = " in out[-1].plain:
            out[-1] = Text.assemble(part, " ", out[-1])
        else:
            out.append(part)
    return out[::-1]


def commas(text: Text) -> list[Text]:
    """A list of symbols (`b_ii, b_if, …`) split after each comma only."""
    pieces = text.plain.split(", ")
    out, start = [], 0
    for k, piece in enumerate(pieces):
        end = start + len(piece) + (1 if k < len(pieces) - 1 else 0)  # the comma stays
        out.append(text[start:end])
        start = end + 1
    return out


class Flow:
    """Units laid out greedily, one space apart; a unit wider than the line is folded."""

    def __init__(self, parts: list[Text]):
        self.parts = parts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line: Text | None = None
        for part in self.parts:
            if line is not None and line.cell_len + 1 + part.cell_len <= width:
                line.append(" ")
                line.append_text(part)
                continue
            if line is not None:
                yield line
            line = part.copy()
            line.overflow = "fold"
        if line is not None:
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((p.cell_len for p in self.parts), default=0)
        whole = sum(p.cell_len for p in self.parts) + max(len(self.parts) - 1, 0)
        return Measurement(widest, whole)


def prose(text: str, style: str = "") -> Flow:
    """A sentence that may quote code: wrapped only outside brackets."""
    return Flow(units(Text(text, style=style)))


def lead(code: Text, after: Text | None = None, sep: str = ":") -> Flow:
    """Code first, whole, then optional prose after sep, wrapped outside brackets."""
    if after is None:
        return Flow([code])
    return Flow([Text.assemble(code, sep), *units(after)])
