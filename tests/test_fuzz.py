"""Generated command lines, hostile values included: whatever rnnx is given, it answers within
its contract. Seeded, so every CI run tries the same RUNS command lines (and SUBPROCESS_RUNS of
them again in their own process, under a memory limit).

For every run: exit 0, 1 or 2; 1 only for a mismatch; no traceback; exit 2 is exactly one
`rnnx: error:` line and nothing on stdout; a failed run writes no file; exit 0 in JSON or CSV is
strict JSON (no NaN) or rectangular CSV.
"""

import csv
import io
import json
import os
import random
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from rnn_cli.catalog.lookup import text
from rnn_cli.cli.launch import app
from tests.helpers import runner

RUNS = 300  # in-process command lines per CI run
SUBPROCESS_RUNS = 12  # of those, run again as a real process
SECONDS = 60  # one run's limit
MEMORY = 2 * 2**30  # a subprocess run's address space (torch alone maps about 1 GiB)
SEED = 13


SMALL = ["1", "2", "3", "5", "8"]
HOSTILE_INTS = [
    "0",
    "-1",
    "abc",
    "",
    "1_0",
    "٣",
    "1e3",
    "3.5",
    str(2**63),
    str(10**160),
    "9" * 5000,
]
HUGE = ["100000", "2147483648", str(2**63 - 1)]
FLOATS = ["0", "0.2", "0.5", "1", "1.5", "-0.1", "nan", "inf", "-inf", "x"]
SIZES = ["1MB", "64MiB", "1e6", "0", "-5MB", "1e-3", "abc", "1e999999", "9" * 1201, "4 GiB"]
SHAPES = ["3,5", "2,3,5", "64,,5", ",", "1,2,3,4", "0,5", "(2, 3, 5)", "torch.Size([2, 3, 5])",
          "1" * 5000 + ",5", "a,b", "2,3,٥"]  # fmt: skip
LENGTHS = ["3,2,1", "5", "0,1", "1,,2", "x", "10,7,3"]
NAMES = ["run", "a\x1b[31mb", "new\nline", "r" * 300, "sub/none/x", "."]


def _value(rng: random.Random, pool: list[str], hostile: float = 0.06) -> str:
    return rng.choice(HOSTILE_INTS) if rng.random() < hostile else rng.choice(pool)


def _network(rng: random.Random, analytic: bool) -> list[str]:
    """Network and batch options: small sizes, a hostile one now and then, huge ones only
    where nothing is computed."""
    argv: list[str] = []
    sizes = SMALL + (HUGE if analytic else [])
    for flag in rng.sample(["-i", "-H", "-l", "-n", "-L", "--seed"], 3):
        argv += [flag, _value(rng, sizes)]
    cell = _value(rng, ["rnn", "lstm", "lstm", "gru"], hostile=0.05)
    argv += ["-c", cell, "-H", "8"]
    if cell == "lstm" and rng.random() < 0.5:
        argv += ["--proj-size", _value(rng, ["0", "2", "4", "8"])]
    extras = [
        ["--bidirectional"], ["--unbatched"], ["--seq-first"], ["--no-bias"],
        ["--dropout", rng.choice(FLOATS)], ["--dtype", rng.choice(["float32", "float64"])],
        ["--nonlinearity", rng.choice(["tanh", "relu", "sigmoid"])] if cell == "rnn" else [],
        ["--input-shape", rng.choice(SHAPES)], ["--lengths", rng.choice(LENGTHS)],
        ["--device", rng.choice(["cpu", "cuda", "tpu"])],
    ]  # fmt: skip
    for extra in rng.sample(extras, rng.randint(0, 2)):
        argv += extra
    return argv


def _path(rng: random.Random, where: Path, suffix: str) -> str:
    name = rng.choice(NAMES) + rng.choice([suffix, suffix, ".txt", ""])
    return str(where / name)


def _command(rng: random.Random, where: Path) -> list[str]:
    command = rng.choice(["shape"] * 4 + ["sweep"] * 2 + ["explain", "diagram", "code", "compare"])
    if command == "sweep":
        lists = [["-l", "1,2"], ["-H", "4,8"], ["-c", "rnn,gru"], ["--dropout", "0.1,nan"],
                 ["--bidirectional", "both"], ["-H", "8,x"], ["-l", "1,2147483648"],
                 ["--device", "cpu,cuda"], ["-n", "1,,2"]]  # fmt: skip
        argv = ["sweep", *[a for pair in rng.sample(lists, 2) for a in pair]]
        argv += ["-B", rng.choice(["analytic", "analytic", "numpy"])]
        return [*argv, "-f", rng.choice(["table", "json", "csv", "markdown"])]
    backend = rng.choice(["analytic", "analytic", "numpy", "numpy", "torch"])
    argv = [command, *_network(rng, command in ("explain", "code") or backend == "analytic")]
    if command == "shape":
        argv += ["-B", backend, "-f", _value(rng, ["table", "json", "json", "csv", "markdown"])]
        if rng.random() < 0.3:
            argv += ["--save", _path(rng, where, ".npz")]
        if rng.random() < 0.3:
            argv += ["--max-memory", rng.choice(SIZES)]
    if command == "diagram" and rng.random() < 0.4:
        argv += ["--svg", _path(rng, where, ".svg")]
    if command == "compare":
        argv += ["-f", rng.choice(["table", "json", "csv"]), "--repeat", _value(rng, ["1"])]
        argv += ["--max-memory", "64MB"]
    return argv


def command_lines(where: Path) -> Iterator[list[str]]:
    rng = random.Random(SEED)
    for _ in range(RUNS):
        yield _command(rng, where)


def _reject(constant: str) -> None:
    raise ValueError(f"not strict JSON: {constant}")


def check(
    argv: list[str], code: int, stdout: str, stderr: str, before: set[Path], where: Path
) -> None:
    """The contract, for one run."""
    said = f"{argv!r} -> {code}\nstdout: {stdout[-500:]}\nstderr: {stderr[-2000:]}"
    assert code in (0, 1, 2), said
    assert "Traceback" not in stdout + stderr, said
    if code == 1:
        assert argv[0] in ("compare", "shape"), said
        assert stderr.startswith("rnnx: error: "), said
        assert "differ" in stderr, said
    if code == 2:
        assert stderr.startswith("rnnx: error: "), said
        assert stderr.count("\n") == 1, said
        assert stdout == "", said
    if code != 0:
        assert set(where.rglob("*")) == before, said  # a failed run writes nothing
        return
    fmt = argv[argv.index("-f") + 1] if "-f" in argv else "table"
    if fmt == "json":
        json.loads(stdout, parse_constant=_reject)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(stdout)))
        assert rows, said
        assert all(len(r) == len(rows[0]) for r in rows), said


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"a run took over {SECONDS} s")


@pytest.fixture
def alarm() -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def memory_cap() -> Iterator[None]:
    """This process's address space capped at what it maps now plus 4 GiB while the runs go:
    a run that allocates past the guard fails as MemoryError, not by taking the machine down."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    mapped = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (mapped + 4 * 2**30, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _computes_nothing(argv: list[str]) -> bool:
    """The analytic backend, code, explain and diagram: arithmetic only, never an array."""
    analytic = argv[0] in ("shape", "sweep") and "analytic" in argv
    return analytic or argv[0] in ("code", "explain", "diagram")


@pytest.mark.usefixtures("alarm", "memory_cap")
def test_generated_command_lines_keep_the_contract(tmp_path: Path) -> None:
    codes: list[int] = []
    for argv in command_lines(tmp_path):
        before = set(tmp_path.rglob("*"))
        signal.alarm(SECONDS)
        result = runner.invoke(app, argv)
        signal.alarm(0)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"{argv!r} raised") from result.exception
        check(argv, result.exit_code, result.stdout, result.stderr, before, tmp_path)
        if _computes_nothing(argv):  # any size answered by arithmetic, in no memory
            assert text("error.out_of_memory") not in result.stderr, argv
        codes.append(result.exit_code)
    # the generator reaches both sides of the contract (else the test could not fail)
    assert codes.count(0) > RUNS // 10
    assert codes.count(2) > RUNS // 10


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def test_a_sample_keeps_the_contract_as_a_process(tmp_path: Path) -> None:
    lines = list(command_lines(tmp_path))
    for argv in random.Random(SEED).sample(lines, SUBPROCESS_RUNS):
        before = set(tmp_path.rglob("*"))
        done = subprocess.run(
            [sys.executable, "-m", "rnn_cli", *argv],
            capture_output=True,
            text=True,
            timeout=SECONDS,
            preexec_fn=_limits,
            env={**os.environ, "COLUMNS": "100"},
            check=False,
        )
        check(argv, done.returncode, done.stdout, done.stderr, before, tmp_path)
