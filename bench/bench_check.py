"""A class graded: 30 `rnnx check` processes, one per student, as an autograder runs them.

Each check starts rnnx, then a child process for the student's function; this measures both, with
the default (float64 NumPy) reference and with --reference torch. `main()` returns the lines to
print (bench/run.py's protocol); run alone with `python bench/bench_check.py`.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).parent.parent / "examples" / "check"
RNNX = [sys.executable, "-m", "rnn_cli", "check"]
# a class's submissions: right and wrong, the three conventions
CLASS = [
    ["loop_correct.py:rnn_loop", "--convention", "loop"],
    ["loop_no_bias.py:rnn_loop", "--convention", "loop"],
    ["cs231n_lstm.py:lstm_forward", "--convention", "cs231n", "--cell", "lstm"],
    ["cs231n_lstm_torch_gates.py:lstm_forward", "--convention", "cs231n", "--cell", "lstm"],
    ["torch_correct.py:gru", "--cell", "gru", "--layers", "2", "--bidirectional"],
    ["torch_gru_zrn.py:gru", "--cell", "gru", "--layers", "2", "--bidirectional"],
] * 5


def _run(args: list[str]) -> float:
    target, *rest = args
    start = time.perf_counter()
    command = [*RNNX, str(EXAMPLES / target), *rest, "-f", "json"]
    subprocess.run(command, capture_output=True, check=False)  # exit 1: a wrong submission
    return time.perf_counter() - start


def _class(extra: list[str]) -> tuple[float, float]:
    times = [_run([*args, *extra]) for args in CLASS]
    return sum(times), statistics.median(times)


def main() -> list[str]:
    load = os.getloadavg()[0]
    lines = [f"rnnx check, a class of {len(CLASS)} submissions (load average {load:.2f})"]
    for name, extra in (("numpy reference", []), ("--reference torch", ["--reference", "torch"])):
        total, median = _class(extra)
        lines.append(f"  {name}: {total:.1f} s in all, {median:.2f} s median per submission")
    return lines


if __name__ == "__main__":
    print("\n".join(main()))
