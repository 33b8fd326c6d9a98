"""The Python API's costs (issue 19): what `rnn_cli.inspect` adds to importing torch and running
the model once (goal <= 0.3 s), and `rnn_cli.shape(layer)` once torch is imported (goal <= 50 ms),
each in fresh processes, the first call as a notebook pays it. `main()` returns the lines to
print (bench/run.py's protocol); run alone with `python bench/bench_inspect.py`.
"""

import os
import statistics
import subprocess
import sys

ROUNDS = 5
MODEL = """\
import time, torch
from torch import nn
start = time.perf_counter()
class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(1000, 64)
        self.lstm = nn.LSTM(64, 128, num_layers=2, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(256, 4)
    def forward(self, tokens):
        _, (h_n, _) = self.lstm(self.embedding(tokens))
        return self.fc(torch.cat([h_n[-2], h_n[-1]], dim=-1))
torch.manual_seed(0)
model, tokens = Classifier(), torch.randint(0, 1000, (32, 50))
"""
# in one process: torch's first-call costs paid by a plain run, then plain runs and inspections
# alternated, so the machine's load falls on both alike; what inspect adds is its import plus
# the difference of the medians
INSPECTED = (
    MODEL
    + """\
with torch.no_grad():
    model.eval()(tokens)
start = time.perf_counter()
import rnn_cli
rnn_cli.inspect  # the API's modules loaded
loading = time.perf_counter() - start
plain, inspected = [], []
for _ in range(ROUNDS):
    start = time.perf_counter()
    with torch.no_grad():
        model(tokens)
    plain.append(time.perf_counter() - start)
    start = time.perf_counter()
    rnn_cli.inspect(model, tokens)
    inspected.append(time.perf_counter() - start)
import statistics
print(loading, statistics.median(plain), statistics.median(inspected))
"""
)
SHAPE = """\
import time, torch
lstm = torch.nn.LSTM(5, 8, num_layers=2, bidirectional=True, batch_first=True)
lstm(torch.randn(1, 10, 5))  # the notebook has run its layer: torch's first-call costs are paid
start = time.perf_counter()
import rnn_cli
rnn_cli.shape(lstm)
first = time.perf_counter() - start
start = time.perf_counter()
rnn_cli.shape(lstm)
print(first, time.perf_counter() - start)
"""


def main() -> list[str]:
    load = os.getloadavg()[0]
    code = f"ROUNDS = {ROUNDS}\n" + INSPECTED
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loading, plain, inspected = (float(v) for v in done.stdout.split())
    extra = loading + inspected - plain
    shapes = [
        subprocess.run([sys.executable, "-c", SHAPE], capture_output=True, text=True, check=True)
        for _ in range(ROUNDS)
    ]
    first = statistics.median(float(s.stdout.split()[0]) for s in shapes)
    again = statistics.median(float(s.stdout.split()[1]) for s in shapes)
    return [
        f"rnn_cli API (load average {load:.2f})",
        f"  a forward pass of the bench's model: {plain * 1e3:.0f} ms (median of {ROUNDS})",
        f"  rnn_cli.inspect of it: {inspected * 1e3:.0f} ms, after {loading * 1e3:.0f} ms to "
        f"import the API: {extra * 1e3:.0f} ms beyond the run "
        f"(goal <= 300 ms {'✓' if extra <= 0.3 else '✗'})",
        f"  rnn_cli.shape(lstm) after torch, medians of {ROUNDS} fresh processes: first call "
        f"{first * 1e3:.0f} ms (goal <= 50 ms {'✓' if first <= 0.05 else '✗'}), "
        f"again {again * 1e3:.0f} ms",
    ]


if __name__ == "__main__":
    print("\n".join(main()))
