"""`make bench`: one table from one run, then where each start-up path's import time goes.

Rows: each start-up path as a ratio to a bare `python -c "import torch"` (startup.py, medians of
timing.ROUNDS, commands alternated round by round), and the NumPy forward pass as a ratio to
torch's (bench_numpy.py, in a child process). The 1-minute load average stands beside every row:
ratios are only as steady as the machine is quiet. Words name other bench_*.py modules to run
instead, each printing the lines its main() returns: `python bench/run.py scale`, `refusals`
(the huge sizes rnnx must answer at once), `check` (a class of 100 students graded, also part of
the default run). Timings are never asserted in tests.
"""

import importlib.util
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import bench_check
import bench_numpy
import startup
from timing import ROUNDS, alternated_medians, load

BENCH_DIR = Path(__file__).resolve().parent
FORWARD_GOAL = 1.0


@dataclass(frozen=True)
class Row:
    measure: str
    rnnx_s: float
    anchor_s: float
    goal: float | None  # the ratio to reach; None for a row shown for comparison
    load: float

    def cells(self) -> list[str]:
        ratio = self.rnnx_s / self.anchor_s
        goal = "—" if self.goal is None else f"≤ {self.goal:g}"
        if self.goal is not None and ratio <= self.goal:
            goal += " ✓"
        return [
            self.measure,
            f"{self.rnnx_s * 1e3:.0f} ms",
            f"{self.anchor_s * 1e3:.0f} ms",
            f"{ratio:.3f}",
            goal,
            f"{self.load:.2f}",
        ]


def startup_rows() -> list[Row]:
    cmds = {s.measure: s.cmd for s in startup.STARTS} | {"anchor": startup.TORCH_IMPORT}
    medians = alternated_medians(cmds)
    anchor, now = medians["anchor"], load()
    return [Row(s.measure, medians[s.measure], anchor, s.goal, now) for s in startup.STARTS]


def forward_rows() -> list[Row]:
    """Default threads (the goal's row); one thread each in CPU time, steady under load; and,
    where the environment pins OpenBLAS's kernel, what OpenBLAS would pick itself."""
    title = f"numpy ÷ torch forward, {bench_numpy.title()}"
    f = bench_numpy.in_child()
    rows = [Row(title, f.numpy_s, f.torch_s, FORWARD_GOAL, f.load)]
    f = bench_numpy.in_child(one_thread=True)
    measure = "the same forward, one thread each, CPU time"
    rows.append(Row(measure, f.numpy_cpu_s, f.torch_cpu_s, None, f.load))
    measure = "floor: numpy's matrix products alone, one thread, CPU time"
    rows.append(Row(measure, f.gemm_cpu_s, f.torch_cpu_s, None, f.load))
    if "OPENBLAS_CORETYPE" in os.environ:
        f = bench_numpy.in_child(unset=("OPENBLAS_CORETYPE",))
        measure = (
            f"the same forward, OPENBLAS_CORETYPE unset (here {os.environ['OPENBLAS_CORETYPE']})"
        )
        rows.append(Row(measure, f.numpy_s, f.torch_s, None, f.load))
    return rows


def table(rows: list[Row]) -> list[str]:
    """A Markdown table, so the README can quote it as it is."""
    head = ["measure", "rnnx", "anchor", "ratio", "goal", "load (1 min)"]
    lines = [head, ["---"] * len(head), *(r.cells() for r in rows)]
    return ["| " + " | ".join(cells) + " |" for cells in lines]


def bench() -> None:
    cpus = os.cpu_count()
    loads = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"rnnx bench, {time.strftime('%Y-%m-%d %H:%M')}, {platform.machine()} with {cpus} CPUs, "
          f"load average {loads} (1, 5, 15 min)", flush=True)  # fmt: skip
    print("anchor: a bare `python -c \"import torch\"` for start-up rows, torch's forward for "
          f"forward rows; start-up medians of {ROUNDS}, forward medians of "
          f"{bench_numpy.ROUNDS}\n", flush=True)  # fmt: skip
    rows = startup_rows() + forward_rows()
    print("\n".join(table(rows)), flush=True)
    busy = sum(r.load >= (cpus or 1) for r in rows)
    if busy:
        print(
            f"\n{busy} rows ran with a load average at or over {cpus} CPUs: multi-threaded "
            "torch stalls then (PERF-NOTES), so judge those ratios by the CPU-time rows."
        )
    print("\n" + "\n".join(bench_check.main()), flush=True)
    print("\n" + "\n".join(load_main(BENCH_DIR / "bench_inspect.py")()), flush=True)
    print("\nWhere start-up goes (python -X importtime, one run each):")
    for start in startup.STARTS:
        if start.goal is not None:
            print("\n".join(startup.profile_lines(start)), flush=True)


def load_main(path: Path) -> Callable[[], list[str]]:
    """A bench module's main(), imported from its file (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import a bench module from its file: path={path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    main: Callable[[], list[str]] = module.main
    return main


def modules(words: list[str]) -> None:
    for path in sorted(BENCH_DIR.glob("bench_*.py")):
        if any(w in path.stem for w in words):
            start = time.perf_counter()
            print(f"== {path.stem}", flush=True)
            print("\n".join(load_main(path)()), flush=True)
            print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)


def main(args: list[str]) -> int:
    words = [a for a in args if not a.startswith("--")]
    if words:
        modules(words)
    else:
        bench()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
