"""`Lead`: a line that starts with code, never broken inside the code. Must not import torch."""

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.text import Text


class Lead:
    """Code, then prose: on one line while the code and the prose's first word fit, else the
    code alone on its line and the prose under it, indented. Greedy wrapping keeps the code
    whole either way, and a table never gives it a column narrower than the code."""

    def __init__(self, code: Text, prose: Text | None = None, sep: str = ": ", indent: int = 2):
        self.code, self.prose, self.sep, self.indent = code, prose, sep, indent

    def _first_word(self) -> int:
        words = self.prose.plain.split() if self.prose else []
        return cell_len(words[0]) if words else 0

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        code = self.code.copy()
        code.no_wrap, code.overflow = True, "ignore"
        if self.prose is None:
            yield code
            return
        if code.cell_len + len(self.sep) + self._first_word() <= options.max_width:
            yield Text.assemble(self.code, self.sep, self.prose)
            return
        yield code
        yield Padding(self.prose, (0, 0, 0, self.indent))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        whole = self.code.cell_len + (len(self.sep) + self.prose.cell_len if self.prose else 0)
        return Measurement(self.code.cell_len, max(whole, self.code.cell_len))
