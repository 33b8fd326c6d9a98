"""A class graded: 100 submissions in one `rnnx check` with -j 2, against 100 separate `rnnx check`
runs (one per student, as an autograder runs them), and against the floor: 100 child processes
started alone, each calling a correct function once, with no grading around it.

The class mixes right and wrong loop, LSTM-loop and cs231n submissions, and one misnamed function;
conventions are read from the signatures. `main()` returns the lines to print (bench/run.py's
protocol); run alone with `python bench/bench_check.py`.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import rnnx, timed

from rnn_cli.grading import conventions, sandbox
from rnn_cli.grading.target import parse_target
from rnn_cli.spec.choices import Convention
from rnn_cli.spec.config import Spec

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "check"
STUDENTS = 100
JOBS = 2
# (example, function) the class is made of, in turn; the options apply to the whole class
KINDS = [
    ("loop_correct", "rnn_loop"),
    ("loop_transposed_wh", "rnn_loop"),
    ("loop_no_bias", "rnn_loop"),
    ("loop_off_by_one", "rnn_loop"),
    ("loop_return_in_loop", "rnn_loop"),
]


def _class(root: Path) -> list[str]:
    """STUDENTS folders s000/rnn.py, each a copy of one kind, the function renamed to `f`."""
    targets = []
    for i in range(STUDENTS):
        example, function = KINDS[i % len(KINDS)]
        folder = root / f"s{i:03d}"
        folder.mkdir()
        code = (EXAMPLES / f"{example}.py").read_text().replace(f"def {function}(", "def f(")
        if i == STUDENTS - 1:
            code = code.replace("def f(", "def g(")  # one student misnamed it
        (folder / "rnn.py").write_text(code)
        targets.append(f"{folder / 'rnn.py'}:f")
    return targets


def _floor(targets: list[str]) -> float:
    """Wall seconds of one child per student, each calling the first (correct) function once."""
    spec = conventions.fit(Spec(), Convention.LOOP)
    _, call = conventions.prepare(spec, Convention.LOOP)
    target = parse_target(targets[0])
    start = time.perf_counter()
    for _ in targets:
        sandbox.run(target, call, 10.0, 2 * 2**30)
    return time.perf_counter() - start


def main() -> list[str]:
    root = Path(tempfile.mkdtemp(prefix="rnnx-bench-class-"))
    try:
        targets = _class(root)
        load = os.getloadavg()[0]
        glob = f"{root}/*/rnn.py:f"
        whole, gradebook = timed(rnnx("check", glob, "-j", str(JOBS), "-f", "csv"), expect=1)
        rows = gradebook.strip().splitlines()[1:]
        alone = sum(_one(t) for t in targets)
        floor = _floor(targets)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    passed = sum(",True," in r for r in rows)
    return [
        f"rnnx check, a class of {STUDENTS} ({passed} pass; load average {load:.2f}, "
        f"{os.cpu_count()} CPUs)",
        f"  one run, -j {JOBS}:             {whole:6.1f} s",
        f"  {STUDENTS} separate runs:         {alone:6.1f} s   class / them {whole / alone:.2f}",
        f"  floor, {STUDENTS} children alone: {floor:6.1f} s   class / floor {whole / floor:.2f}",
    ]


def _one(target: str) -> float:
    """One student's own `rnnx check`: exit 0 (passed) or 1 (failed) both mean it graded."""
    start = time.perf_counter()
    done = subprocess.run(rnnx("check", target, "-f", "json"), capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"rnnx check {target} exited {done.returncode}: {done.stderr!r}")
    return seconds


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print("\n".join(main()))
