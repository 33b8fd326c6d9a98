"""Atomic writes (rnn_cli.files): a reader finds the old file or the new one, never a mix, under
concurrent writers, kill -9, a full disk, Ctrl-C, and paths the filesystem refuses."""

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pytest

from rnn_cli.base.errors import SpecError
from rnn_cli.cli import files

ROOT = os.geteuid() == 0  # root writes through any permission bits


def rnnx_process(*args: str, **kwargs: object) -> "subprocess.Popen[str]":
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "rnn_cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def consistent(path: Path) -> bool:
    """One run's arrays: the input as wide as weight_ih_l0 reads, output as wide as h_n."""
    with np.load(path) as z:
        return bool(
            z["input"].shape[-1] == z["weight_ih_l0"].shape[1]
            and z["output"].shape[-1] == z["h_n"].shape[-1] == z["weight_hh_l0"].shape[1]
        )


def test_concurrent_writers_leave_one_whole_run(tmp_path: Path) -> None:
    target = tmp_path / "run.npz"
    for _ in range(3):
        runs = [
            rnnx_process(
                "shape", "-B", "numpy", "-f", "json", "-i", str(200 + 50 * k),
                "-H", str(300 + 40 * k), "-L", "20", "--save", str(target),
            )
            for k in range(6)
        ]  # fmt: skip
        for run in runs:
            _, stderr = run.communicate(timeout=120)
            assert run.returncode == 0, stderr
        assert consistent(target)
    assert [p.name for p in tmp_path.iterdir()] == ["run.npz"]  # no temporary file left


KILLED_WRITER = """
import sys, time
from pathlib import Path
from rnn_cli.cli import files
from rnn_cli.cli.main import clean_up_on_sigterm

clean_up_on_sigterm()  # as the rnnx entry point does

def slow(f):
    for _ in range(1000):
        f.write(b"x" * 65536)
        f.flush()
        print("writing", flush=True)
        time.sleep(0.01)

files.write_atomic("--save", Path(sys.argv[1]), slow)
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killed_mid_write_keeps_the_old_file(tmp_path: Path, sig: signal.Signals) -> None:
    target = tmp_path / "run.npz"
    target.write_bytes(b"old, complete file")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    for _ in range(3):  # well into the write
        assert child.stdout.readline() == "writing\n"
    child.send_signal(sig)
    child.communicate(timeout=30)
    assert target.read_bytes() == b"old, complete file"
    if sig is not signal.SIGKILL:  # Ctrl-C and SIGTERM unwind: the writer cleans up
        assert [p.name for p in tmp_path.iterdir()] == ["run.npz"]


def test_interrupted_writer_removes_its_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "rnn.svg"
    target.write_text("old")

    def interrupted(f: BinaryIO) -> None:
        f.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        files.write_atomic("--svg", target, interrupted)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["rnn.svg"]


def _small_file_limit() -> None:
    """As `ulimit -f`: every file this process writes stops at 20,000 bytes (EFBIG)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@pytest.mark.parametrize(
    "args",
    [
        ["shape", "-B", "numpy", "-i", "300", "-H", "300", "--save"],
        ["diagram", "-l", "8", "--bidirectional", "--svg"],
    ],
)
def test_full_disk_keeps_the_old_file(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / ("run.npz" if "--save" in args else "rnn.svg")
    target.write_bytes(b"old")
    run = rnnx_process(*args, str(target), preexec_fn=_small_file_limit)
    stdout, stderr = run.communicate(timeout=120)
    assert run.returncode == 2, stderr
    assert stderr.count("\n") == 1
    assert stderr.startswith(f"rnnx: error: {args[-1]}: cannot write")
    assert "File too large" in stderr
    assert stdout == ""
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.svg"
    files.write_atomic("--svg", target, lambda f: f.write(b"<svg/>"))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(("flag", "suffix"), [("--save", ".npz"), ("--svg", ".svg")])
def test_a_name_too_long_is_refused_before_any_work(tmp_path: Path, flag: str, suffix: str) -> None:
    target = tmp_path / ("r" * 300 + suffix)
    with pytest.raises(SpecError, match=f"^{flag}: the file name is 304 characters"):
        files.refuse_bad_target(flag, target, suffix)


@pytest.mark.skipif(ROOT, reason="root searches and writes any directory")
def test_an_unsearchable_directory_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o000)
    try:
        with pytest.raises(SpecError, match=r"^--save: "):
            files.refuse_bad_target("--save", locked / "inner" / "run.npz", ".npz")
        with pytest.raises(SpecError, match=r"^--save: cannot write into directory"):
            files.refuse_bad_target("--save", locked / "run.npz", ".npz")
    finally:
        locked.chmod(0o700)


def test_cli_long_name_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    run = rnnx_process("shape", "-B", "numpy", "--save", str(tmp_path / ("r" * 300 + ".npz")))
    stdout, stderr = run.communicate(timeout=60)
    assert (run.returncode, stdout, stderr.count("\n")) == (2, "", 1)
    assert "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_directory_that_cannot_be_searched_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user without search permission meets it (root never does): stat() refused."""

    def refused(self: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "is_dir", refused)
    with pytest.raises(SpecError, match="Permission denied; the old file"):
        files.refuse_bad_target("--save", tmp_path / "locked" / "run.npz", ".npz")
    monkeypatch.undo()
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    with pytest.raises(SpecError, match=r"^--save: cannot write into directory"):
        files.refuse_bad_target("--save", tmp_path / "run.npz", ".npz")
