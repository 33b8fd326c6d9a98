"""What the test modules share: rnnx run in process (CliRunner) or as a real process, rendering a
Rich renderable to text, and the oracle's own torch.nn build. Test modules import from here, never
from each other.
"""

import dataclasses
import io
import json
import os
import subprocess
import sys
from typing import Any, NamedTuple

import numpy as np
import torch
from rich.console import Console, RenderableType
from typer.testing import CliRunner

from rnn_cli.backends import numpy_cells
from rnn_cli.backends.numpy_cells import CellWeights, State
from rnn_cli.cli.launch import app

runner = CliRunner()


class Outcome(NamedTuple):
    code: int
    stdout: str
    stderr: str


def rnnx(
    *args: str, env: dict[str, str] | None = None, stdin: str | bytes | None = None
) -> Outcome:
    """rnnx in this process through CliRunner: exit code, stdout and stderr apart; stdin: what
    standard input holds (none: empty)."""
    result = runner.invoke(app, list(args), env=env, input=stdin)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def ok(*args: str) -> str:
    """stdout of a run that must succeed."""
    code, stdout, stderr = rnnx(*args)
    assert code == 0, stderr
    return stdout


def as_json(*args: str) -> Any:
    """The JSON document a successful run prints."""
    return json.loads(ok(*args))


def shape_json(*args: str) -> dict[str, Any]:
    """The document of a successful `rnnx shape ARGS --format json`."""
    document = as_json("shape", *args, "--format", "json")
    assert isinstance(document, dict)
    return document


def python(
    *args: str, env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """The test's own Python in a child process, its stdout a pipe (not a terminal); past
    timeout seconds it is killed and the test fails with TimeoutExpired (a hang, not a timing)."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def process(
    *args: str, env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m rnn_cli ARGS` in its own process."""
    return python("-m", "rnn_cli", *args, env=env, timeout=timeout)


def plain(renderable: RenderableType, width: int = 80) -> str:
    """What a terminal of width columns without colour shows, no line ending in a space."""
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def torch_module(config: dict[str, Any]) -> torch.nn.RNNBase:
    """The network torch builds from rnnx's JSON config, independently of rnnx's backend."""
    kwargs: dict[str, Any] = {
        k: config[k]
        for k in ("input_size", "hidden_size", "num_layers", "bias", "batch_first", "bidirectional")
    }
    if config["cell"] == "rnn":
        kwargs["nonlinearity"] = config["nonlinearity"]
    if config["cell"] == "lstm":
        kwargs["proj_size"] = config["proj_size"]
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[config["cell"]]
    dtype = {"float32": torch.float32, "float64": torch.float64}[config["dtype"]]
    return cls(**kwargs).to(dtype)


def lstm_f_before_i(xw: np.ndarray, state: State, w: CellWeights) -> State:
    """A wrong LSTM: reads torch's (i, f, g, o) blocks as (f, i, g, o)."""
    n = state[1].shape[-1]
    swap = np.r_[n : 2 * n, 0:n, 2 * n : 4 * n]  # block order f, i, g, o
    return numpy_cells.lstm_step(xw[:, swap], state, dataclasses.replace(w, w_hh=w.w_hh[swap]))
