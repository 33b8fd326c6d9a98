"""A Korean Windows console's code pages (cp949, euc-kr) on the streams: every command runs in its
own process without a traceback, its Hangul intact, and the symbols the code page lacks (•, −, —,
✗, ✓) written as ASCII look-alikes."""

import os
import subprocess
import sys

import pytest
from rich.cells import cell_len

CHECKED = "examples/check/loop_correct.py:rnn_loop"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (arguments, exit code): every command, --expect and an error, the torch paths included
RUNS = [
    (["shape", "-l", "2", "--bidirectional"], 0),
    (["shape", "-l", "2", "--bidirectional", "--expect", "h_n=2,1,8"], 1),
    (["explain", "--cell", "gru"], 0),
    (["compare", "--cell", "lstm"], 0),
    (["diagram", "--lengths", "10,4,2"], 0),
    (["sweep", "-c", "rnn,lstm", "-B", "analytic"], 0),
    (["code", "--cell", "lstm"], 0),
    (["check", CHECKED, "--convention", "loop"], 0),
    (["shape", "--layers", "0"], 2),
    (["shape", "--cell", "nope"], 2),
    (["shape", "--help"], 0),
]
# characters the code pages have no place for; each has its look-alike instead
MISSING = "•−—✗✓"


def _run(args: list[str], encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "RNNX_LANG": "ko", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "rnn_cli", *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr"])
@pytest.mark.parametrize(
    ("args", "code"), RUNS, ids=lambda a: " ".join(a) if isinstance(a, list) else str(a)
)
def test_korean_code_pages_keep_hangul_and_replace_the_rest(
    args: list[str], code: int, encoding: str
) -> None:
    done = _run(args, encoding)
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)  # strict: no mojibake
    assert done.returncode == code, err
    assert "Traceback" not in err
    shown = out + err
    assert any("가" <= ch <= "힣" for ch in shown), shown
    assert "?" not in "".join(ch for ch in shown if not ch.isascii()), shown
    assert not set(shown) & set(MISSING)


def test_the_look_alikes_keep_the_table_aligned() -> None:
    """compare's — and ✓ become - and v, one cell each as Rich measured them: every row of the
    table is as wide as its border."""
    out = _run(["compare", "--cell", "lstm"], "cp949").stdout.decode("cp949")
    assert "| -" in out
    assert "v 같음" in out
    table = [line for line in out.splitlines() if line.startswith(("|", "+"))]
    widths = {cell_len(line) for line in table}
    assert len(table) > 6
    assert len(widths) == 2, table  # two tables, each with its own width
