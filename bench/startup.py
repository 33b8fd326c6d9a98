"""Cold start: each start-up path of rnnx as a ratio to a bare `python -c "import torch"`, and
where its import time goes (`python -X importtime`, one run per path).

Commands run as a user runs them (the `rnnx` console script, this environment as it is), in
alternation round by round (timing.alternated_medians). Asserts nothing.
"""

import subprocess
import sys
from collections import Counter
from dataclasses import dataclass

from timing import rnnx

TORCH_IMPORT = [sys.executable, "-c", "import torch"]


@dataclass(frozen=True)
class Start:
    measure: str  # what the table's row says
    cmd: list[str]
    goal: float | None  # ratio to TORCH_IMPORT; None for a floor, printed for comparison


STARTS = [
    Start("`rnnx shape --backend numpy` (table)", rnnx("shape", "--backend", "numpy"), 0.13),
    Start(
        "`rnnx shape --backend analytic --format json`",
        rnnx("shape", "--backend", "analytic", "--format", "json"),
        0.07,
    ),
    Start("`rnnx shape` (torch)", rnnx("shape"), 1.05),
    Start(
        "`rnnx why MESSAGE` (table)",
        rnnx("why", "Expected hidden[0] size (2, 4, 8), got [1, 4, 8]"),
        0.10,
    ),
    Start(
        "`rnnx why MESSAGE --format json`",
        rnnx("why", "Expected hidden[0] size (2, 4, 8), got [1, 4, 8]", "--format", "json"),
        0.10,
    ),
    Start(
        "floor: python + numpy + typer + rich.console/table imports",
        [sys.executable, "-c", "import numpy, typer, rich.console, rich.table"],
        None,
    ),
    Start("floor: python + typer imports", [sys.executable, "-c", "import typer"], None),
]

WATCHED = ("numpy", "rich", "torch", "typer")  # who imports these first, per path


@dataclass(frozen=True)
class Imported:
    name: str
    self_us: int
    cumulative_us: int
    depth: int  # 0: imported by the script itself


def imports(cmd: list[str]) -> list[Imported]:
    """`-X importtime`'s lines for cmd, in its order (a module after everything it imports)."""
    done = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True, check=False
    )
    found = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        found.append(Imported(name.strip(), int(self_us), int(cumulative_us), depth))
    return found


def importer_chain(found: list[Imported], i: int) -> list[str]:
    """The modules whose import led to found[i], nearest first."""
    chain, depth = [], found[i].depth
    for later in found[i + 1 :]:
        if later.depth < depth:
            chain.append(later.name)
            depth = later.depth
    return chain


def profile_lines(start: Start, top: int = 6) -> list[str]:
    """Self milliseconds per top-level package, the heaviest rnn_cli modules, who pulls what."""
    found = imports(start.cmd)
    per_package: Counter[str] = Counter()
    for m in found:
        per_package[m.name.split(".")[0]] += m.self_us
    packages = ", ".join(f"{p} {us / 1e3:.0f}" for p, us in per_package.most_common(top))
    ours = sorted(
        (m for m in found if m.name.startswith("rnn_cli.")), key=lambda m: -m.cumulative_us
    )
    heavy = ", ".join(f"{m.name} {m.cumulative_us / 1e3:.0f}" for m in ours[:top])
    lines = [
        f"{start.measure}: {sum(per_package.values()) / 1e3:.0f} ms of imports",
        f"  self ms per package: {packages}",
        f"  heaviest rnn_cli modules, cumulative ms: {heavy}",
    ]
    for i, m in enumerate(found):
        if m.name in WATCHED:
            lines.append(f"  {m.name} ← {' ← '.join(importer_chain(found, i)) or '(the script)'}")
    return lines
