"""Output streams and terminals: a full device, a closed stdout, a reader that left, odd COLUMNS,
non-UTF-8 encodings, NO_COLOR, Ctrl-C while loading; every one without a traceback."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rnn_cli.cli.launch import app
from rnn_cli.cli.terminal import NARROWEST, clamp_width
from rnn_cli.render.plain import WIDEST
from tests.helpers import runner

# every command once, none importing torch (the numpy and analytic paths, and help)
COMMANDS = [
    ["--help"],
    ["--version"],
    ["shape", "--help"],
    ["shape", "-B", "analytic"],
    ["shape", "-B", "numpy", "-f", "json"],
    ["sweep", "-l", "1,2"],
    ["explain", "--cell", "lstm"],
    ["diagram", "--layers", "2", "--bidirectional"],
    ["code"],
    ["compare", "--help"],
]


def run(
    args: list[str], env: dict[str, str] | None = None, **kwargs: object
) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "rnn_cli", *args],
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
        **{"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs},
    )


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_full_device_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = run(args, stdout=full)
    assert done.returncode == 2
    assert done.stderr.startswith("rnnx: error: cannot write to standard output: No space left")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["--version"], ["shape", "-B", "analytic"]], ids=" ".join)
def test_closed_stdout_is_said_and_not_success(args: list[str]) -> None:
    done = run(args, stdout=None, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert done.stderr.startswith("rnnx: error: standard output is closed")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_reader_that_left_is_quiet_success(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader quit before rnnx wrote a byte (`| true`)
    try:
        done = run(args, stdout=write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize("columns", ["0", "10", "99999999", "1" * 5000, "wide", "-5"])
def test_odd_columns_print_a_sane_width(columns: str) -> None:
    done = run(["shape", "-B", "analytic", "--layers", "2", "--params"], env={"COLUMNS": columns})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines
    assert max(map(len, lines)) <= WIDEST
    assert "weight_hh_l1" in done.stdout  # cells have room for their text, not only "…"
    bad = run(["shape", "--layers", "0"], env={"COLUMNS": columns})
    assert bad.returncode == 2
    assert bad.stderr.startswith("rnnx: error: ")


def test_clamp_width_keeps_a_sane_range() -> None:
    env = {"COLUMNS": "0", "TERMINAL_WIDTH": "99999999"}
    clamp_width(env)
    assert env == {"COLUMNS": str(NARROWEST), "TERMINAL_WIDTH": str(WIDEST)}
    env = {"COLUMNS": "abc", "TERMINAL_WIDTH": "120"}
    clamp_width(env)
    assert env == {"TERMINAL_WIDTH": "120"}


ASCII_ENVS = [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}]


@pytest.mark.parametrize("env", ASCII_ENVS, ids=["ioencoding", "c-locale"])
@pytest.mark.parametrize(
    "args",
    [
        ["shape", "-B", "numpy", "--layers", "2", "--bidirectional"],
        ["explain", "--cell", "lstm", "--proj-size", "4"],
        ["diagram", "--layers", "2", "--bidirectional"],
        ["sweep", "-c", "rnn,lstm", "-l", "1,2"],
        ["shape", "--help"],
        ["shape", "--cell", "nope"],
    ],
    ids=" ".join,
)
def test_ascii_output_falls_back_without_error(env: dict[str, str], args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rnn_cli", *args],
        capture_output=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )
    assert done.returncode in (0, 2), done.stderr
    assert b"Traceback" not in done.stderr
    done.stdout.decode("ascii")
    done.stderr.decode("ascii")
    assert (done.returncode == 0) == bool(done.stdout)


def test_help_is_plain_text_whatever_the_colour_settings() -> None:
    """--help is Click's plain text: no bold under NO_COLOR, none on a terminal either."""
    piped = run(["shape", "--help"])
    for env in ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, {"FORCE_COLOR": "1"}):
        done = run(["shape", "--help"], env=env)
        assert done.returncode == 0
        assert done.stdout == piped.stdout
    assert "\x1b" not in piped.stdout


@pytest.mark.parametrize("name", ["a\x1b[31mred\n.txt", "x\ry.txt", "bell\a/run.npz"])
def test_echoed_paths_are_escaped_on_one_line(name: str) -> None:
    result = runner.invoke(app, ["shape", "-B", "numpy", "--save", name])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert not any(c in result.stderr.rstrip("\n") for c in "\x1b\r\a\n")
    assert "\\x1b" in result.stderr or "\\r" in result.stderr or "\\x07" in result.stderr


def _guarded(pid: int) -> bool:
    """Has rnnx's main() set its handlers? It catches SIGTERM from then on (Python alone does
    not): a signal in the interpreter's own first milliseconds is before rnnx runs at all."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1)
    return False


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_loading_ends_quietly(sig: signal.Signals) -> None:
    """At every moment of start-up from main() on (the delays spread over typer, rich and
    numpy importing), a signal ends rnnx with 130 or 143 and at most rnnx's one line: no
    "Exception ignored in", no traceback."""
    for delay in (0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3):
        child = subprocess.Popen(
            [sys.executable, "-m", "rnn_cli", "shape", "-B", "numpy"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        while child.poll() is None and not _guarded(child.pid):
            time.sleep(0.001)
        time.sleep(delay)
        child.send_signal(sig)
        stdout, stderr = child.communicate(timeout=60)
        # 0: the run had already ended; -sig: it had, and Python, shutting down, had given the
        # signal back its default (the table printed whole shows it)
        finished = child.returncode == -sig and "multiply-adds" in stdout
        assert child.returncode in (0, 128 + sig) or finished, stderr
        assert "Traceback" not in stderr
        assert "Exception ignored" not in stderr
        assert stderr.count("\n") <= 1, stderr  # at most rnnx's one line, once the app runs


def test_an_os_error_naming_a_file_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> None:
        raise PermissionError(13, "Permission denied", "/etc/rnnx\nfile")

    monkeypatch.setattr("rnn_cli.pipeline.shape", refused)
    result = runner.invoke(app, ["shape", "-B", "analytic"])
    assert result.exit_code == 2
    assert result.stderr == "rnnx: error: /etc/rnnx\\nfile: Permission denied; " + (
        "check that it exists and can be read and written\n"
    )
