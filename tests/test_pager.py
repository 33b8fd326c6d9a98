"""The pager: output taller than the terminal goes to $PAGER when stdout is a terminal (a real
pseudo-terminal here, 80×24), and never with --no-pager, in CI, on a pipe, or under --expect."""

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.helpers import process, rnnx

TALL = ("shape", "--cell", "lstm", "--layers", "2", "--bidirectional", "-B", "analytic")
LAST_LINE = "--params for the table"


def on_terminal(*args: str, env: dict[str, str], rows: int = 24, cols: int = 80) -> tuple[int, str]:
    """`python -m rnn_cli ARGS` with stdout and stderr on a pseudo-terminal of rows × cols."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-m", "rnn_cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks, deadline = [], time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if not ready:
            if child.poll() is not None:
                break
            continue
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child has closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    code = child.wait(timeout=30)
    os.close(leader)
    return code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def paged(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose $PAGER saves what it is given, and where that lands."""
    saved = tmp_path / "paged.txt"
    script = tmp_path / "pager.sh"
    script.write_text(f'cat > "{saved}"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "LESS")}
    env.update({"PAGER": f"sh {script}", "NO_COLOR": "1", "LINES": "24", "COLUMNS": "80"})
    return env, saved


def test_taller_than_the_terminal_goes_to_the_pager(paged: tuple[dict[str, str], Path]) -> None:
    env, saved = paged
    code, screen = on_terminal(*TALL, env=env)
    assert code == 0, screen
    text = saved.read_text(encoding="utf-8")
    assert text.count("\n") > 24
    assert "c_0" in text
    assert LAST_LINE in text
    assert LAST_LINE not in screen  # the pager had it, not the terminal


@pytest.mark.parametrize(
    ("extra", "env_extra"),
    [
        (("--no-pager",), {}),
        ((), {"CI": "true"}),
        ((), {"LINES": "200"}),  # one screen holds it
        ((), {"PAGER": "cat"}),  # git's word for no pager
        (("--expect", "h_n=4,1,16"), {}),  # the verdict stays on screen, last
    ],
)
def test_no_pager_where_it_would_get_in_the_way(
    paged: tuple[dict[str, str], Path], extra: tuple[str, ...], env_extra: dict[str, str]
) -> None:
    env, saved = paged
    _, screen = on_terminal(*TALL, *extra, env={**env, **env_extra})
    assert not saved.exists()
    assert "c_0" in screen


def test_expect_ends_the_screen_with_the_verdict(paged: tuple[dict[str, str], Path]) -> None:
    env, _ = paged
    code, screen = on_terminal(*TALL, "--expect", "h_n=4,1,16", env=env)
    assert code == 1
    lines = [line.rstrip() for line in screen.splitlines() if line.strip()]
    verdict = next(i for i, line in enumerate(lines) if line.startswith("✗ h_n = (4, 1, 16)"))
    assert LAST_LINE in "\n".join(lines[:verdict])  # the table and notes come before it
    assert lines[-2:] == [
        "rnnx: error: --expect: torch disagrees on h_n; the reason is printed with each",
        "answer",
    ]  # wrapped at the terminal's width between words, not inside one


def test_never_on_a_pipe(paged: tuple[dict[str, str], Path]) -> None:
    env, saved = paged
    done = process(*TALL, env=env)
    assert done.returncode == 0
    assert LAST_LINE in done.stdout
    assert not saved.exists()


def test_text_formats_are_paged_too(paged: tuple[dict[str, str], Path]) -> None:
    env, saved = paged
    code, _ = on_terminal(*TALL, "--format", "json", env=env)
    assert code == 0
    assert saved.read_text(encoding="utf-8").startswith('{\n  "schema": 1,')


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_verdict_is_the_last_thing_printed(fmt: str) -> None:
    code, stdout, _ = rnnx(*TALL, "--expect", "h_n=4,1,16", "--format", fmt)
    assert code == 1
    tail = stdout.rstrip().splitlines()[-5:]
    assert any("h_n = (4, 1, 16)" in line for line in tail), tail
    assert stdout.index("(4, 1, 16)") > stdout.index("c_0")  # after the tensor table
