"""Scale: the analytic answer for a 5.9-billion-parameter LSTM, and a torch sweep in one process
against the same configurations as separate `rnnx shape` processes.

`main()` returns the lines to print (bench/run.py's protocol); run alone with
`python bench/bench_scale.py`. Timings live here, never in tests.
"""

import itertools
import json
import time
from typing import Any

from timing import rnnx, timed

from rnn_cli.findings.report import build
from rnn_cli.render import json as json_render
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec

RNNX = rnnx()
BIG = ["-c", "lstm", "-i", "8192", "-H", "8192", "-l", "4", "--bidirectional", "-n", "64"]
BIG += ["-L", "10000"]
# 2 cells x 5 hidden sizes x 5 depths x 2 directions = 100 configurations
GRID: dict[str, list[str]] = {
    "--cell": ["lstm", "gru"],
    "--hidden-size": ["8", "16", "32", "64", "128"],
    "--layers": ["1", "2", "3", "4", "5"],
    "--bidirectional": ["false", "true"],
}


def analytic_lines() -> list[str]:
    spec = Spec(cell=Cell.LSTM, input_size=8192, hidden_size=8192, num_layers=4,
                bidirectional=True, batch_size=64, seq_len=10000)  # fmt: skip
    start = time.perf_counter()
    report = build(spec, Backend.ANALYTIC, None)
    json_render.render(report)
    in_process = time.perf_counter() - start
    whole, _ = timed([*RNNX, "shape", "--backend", "analytic", *BIG, "-f", "json"])
    return [
        f"analytic LSTM 8192/8192 x4 bidirectional, N=64, L=10000 "
        f"({report.total_parameters:,} parameters): report + JSON {in_process * 1e3:.1f} ms "
        f"in process, {whole:.2f} s as `rnnx shape` (imports included)"
    ]


def _shape_args(values: tuple[str, ...]) -> list[str]:
    cell, hidden, layers, bidirectional = values
    direction = "--bidirectional" if bidirectional == "true" else "--unidirectional"
    return ["shape", "--cell", cell, "--hidden-size", hidden, "--layers", layers, direction]


def _without_seconds(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "seconds"}


def sweep_lines() -> list[str]:
    lists = [arg for flag, values in GRID.items() for arg in (flag, ",".join(values))]
    torch_json = ["--backend", "torch", "-f", "json"]
    swept, out = timed([*RNNX, "sweep", *lists, *torch_json])
    rows = json.loads(out)
    separate, equal = 0.0, 0
    for values, row in zip(itertools.product(*GRID.values()), rows, strict=True):
        seconds, alone = timed([*RNNX, *_shape_args(values), *torch_json])
        separate += seconds
        equal += _without_seconds(json.loads(alone)) == _without_seconds(row)
    return [
        f"torch sweep of {len(rows)} configurations: {swept:.1f} s in one process, "
        f"{separate:.1f} s as {len(rows)} `rnnx shape` processes: {separate / swept:.1f}x "
        f"faster ({equal}/{len(rows)} rows equal to their shape run, seconds aside)"
    ]


def main() -> list[str]:
    return [*analytic_lines(), *sweep_lines()]


if __name__ == "__main__":
    print("\n".join(main()))
