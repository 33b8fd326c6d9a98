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
BARE = MODEL + "with torch.no_grad():\n    model.eval()(tokens)\n"
INSPECTED = MODEL + "import rnn_cli\nrnn_cli.inspect(model, tokens)\n"
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


def _wall(code: str) -> float:
    """Seconds from torch imported to the end of code (printed by the child)."""
    timed = code + "print(time.perf_counter() - start)\n"
    done = subprocess.run([sys.executable, "-c", timed], capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def main() -> list[str]:
    load = os.getloadavg()[0]
    bare, inspected = [], []
    for _ in range(ROUNDS):  # alternated, so the machine's load falls on both alike
        bare.append(_wall(BARE))
        inspected.append(_wall(INSPECTED))
    extra = statistics.median(inspected) - statistics.median(bare)
    shapes = [
        subprocess.run([sys.executable, "-c", SHAPE], capture_output=True, text=True, check=True)
        for _ in range(ROUNDS)
    ]
    first = statistics.median(float(s.stdout.split()[0]) for s in shapes)
    again = statistics.median(float(s.stdout.split()[1]) for s in shapes)
    mark = "✓" if extra <= 0.3 else "✗"
    return [
        f"rnn_cli API, medians of {ROUNDS} fresh processes (load average {load:.2f})",
        f"  model built and run once (torch imported): {statistics.median(bare) * 1e3:.0f} ms",
        f"  the same with rnn_cli.inspect: {statistics.median(inspected) * 1e3:.0f} ms, "
        f"{extra * 1e3:.0f} ms more (goal <= 300 ms {mark})",
        f"  rnn_cli.shape(lstm) after torch: first call {first * 1e3:.0f} ms "
        f"(goal <= 50 ms {'✓' if first <= 0.05 else '✗'}), again {again * 1e3:.0f} ms",
    ]


if __name__ == "__main__":
    print("\n".join(main()))
