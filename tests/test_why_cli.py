"""`rnnx why` as students use it: a pasted traceback or a pipe (ANSI colours, Windows line ends,
`RuntimeError:` prefixes; the last known error wins), network options that pin the reading, the
issue's LSTM(5, 8, 2) pipe, Korean, and the views at 80 and 120 columns."""

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import Lang
from rnn_cli.why.decode import decode
from rnn_cli.why.network import Network
from tests.helpers import plain, rnnx

HIDDEN = "Expected hidden[0] size (2, 4, 8), got [1, 4, 8]"
MATMUL = "mat1 and mat2 shapes cannot be multiplied (4x16 and 8x2)"
NOTEBOOK = (
    "\x1b[0;31m" + "-" * 75 + "\x1b[0m\r\n"
    "\x1b[0;31mRuntimeError\x1b[0m" + " " * 30 + "Traceback (most recent call last)\r\n"
    "Cell \x1b[0;32mIn[3], line 2\x1b[0m\r\n"
    "\x1b[0;31mRuntimeError\x1b[0m: " + HIDDEN + "\r\n"
)  # fmt: skip


def _json(*args: str, stdin: str | None = None) -> dict[str, Any]:
    code, stdout, stderr = rnnx("why", *args, "-f", "json", stdin=stdin)
    assert code == 0, stderr
    document = json.loads(stdout)
    assert isinstance(document, dict)
    return document


def test_a_notebook_traceback_with_colours_and_crlf_on_stdin() -> None:
    document = _json(stdin=NOTEBOOK)
    assert document["error"] == "hidden_size"
    assert document["message"] == "RuntimeError: " + HIDDEN  # colours and \r gone


def test_the_last_known_error_in_the_text_wins() -> None:
    log = f"epoch 1\nRuntimeError: {MATMUL}\nretrying\nRuntimeError: {HIDDEN}\nDone.\n"
    assert _json(stdin=log)["error"] == "hidden_size"
    assert _json(log.replace(HIDDEN, "a warning we do not know"))["error"] == "matmul"


def test_bytes_that_are_no_utf8_do_not_stop_the_reading() -> None:
    code, stdout, _ = rnnx("why", "-f", "json", stdin=b"\xff\xfe junk\n" + MATMUL.encode())
    assert code == 0
    assert json.loads(stdout)["error"] == "matmul"


def test_network_options_keep_only_the_causes_that_fit() -> None:
    both = [c["id"] for c in _json(HIDDEN)["causes"]]
    assert both == ["rows_layers", "rows_directions"]
    layers = _json(HIDDEN, "--layers", "2")
    assert [c["id"] for c in layers["causes"]] == ["rows_layers"]
    directions = _json(HIDDEN, "--bidirectional")
    assert [c["id"] for c in directions["causes"]] == ["rows_directions"]
    assert directions["command"] == (
        "rnnx shape --cell lstm --hidden-size 8 --layers 1 --bidirectional --batch-size 4"
    )


def test_a_network_that_cannot_raise_the_message_is_said_so() -> None:
    three = _json(HIDDEN, "--layers", "3", "--unidirectional")
    assert "3" in str(three["conflict"])
    assert "2" in str(three["conflict"])
    gru = _json(HIDDEN, "--cell", "gru")
    assert "nn.LSTM" in str(gru["conflict"])
    assert _json(HIDDEN, "--cell", "lstm", "--layers", "2")["conflict"] is None


def test_the_issues_lstm_pipe() -> None:
    """`python -c '...LSTM(5, 8, 2)... h_0 of one layer' 2>&1 | rnnx why`, as a shell runs it."""
    script = "import torch; torch.nn.LSTM(5, 8, 2)(torch.zeros(3, 4, 5), (torch.zeros(1, 4, 8),)*2)"
    failed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert HIDDEN in failed.stderr
    shown = subprocess.run(
        [sys.executable, "-m", "rnn_cli", "why"],
        input=failed.stderr,
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "400", "PATH": "/usr/bin:/bin"},  # no cell wraps into the next
    )
    assert shown.returncode == 0, shown.stderr
    out = " ".join(shown.stdout.split())
    assert "dimension 0 is layers × directions: the layer has 2 rows" in out
    assert "your h_0 was built with 1" in out
    assert "2 = 2 layers × 1 directions" in out
    assert "h_0 = torch.zeros(2, 4, 8)" in out


def test_korean_quotes_torch_and_leaves_no_english_catalog_sentence() -> None:
    from rnn_cli.catalog.en import EN  # noqa: PLC0415

    lookup.use(Lang.KO)
    try:
        reading = decode(NOTEBOOK, Network())
    finally:
        lookup.use(Lang.EN)
    assert reading is not None
    assert reading.message == "RuntimeError: " + HIDDEN  # as the student saw it
    korean = " ".join([reading.checked, *reading.named, *(c.says for c in reading.causes)])
    english = [s for k, s in EN.items() if k.startswith(("why.", "exp.")) and len(s) > 30]
    assert not [s for s in english if s.split("{")[0] and s.split("{")[0] in korean]
    assert re.search("[가-힣]", korean)


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_golden_why_table(golden: Callable[[str, str], None], width: int, lang: str) -> None:
    from rnn_cli.render.why_table import render  # noqa: PLC0415

    lookup.use(Lang(lang))
    try:
        reading = decode(MATMUL, Network(layers=1))
        assert reading is not None
        golden(f"why_matmul_{lang}_{width}", plain(render(reading), width))
    finally:
        lookup.use(Lang.EN)


def test_markdown_lists_every_cause_with_its_fix() -> None:
    code, stdout, _ = rnnx("why", MATMUL, "-f", "markdown")
    assert code == 0
    reading = decode(MATMUL, None)
    assert reading is not None
    for cause in reading.causes:
        assert cause.says.replace("|", "\\|") in stdout
        assert f"`{cause.fix.splitlines()[0]}" in stdout


def test_no_message_on_a_terminal_is_bad_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing to read (a terminal, no argument) is exit 2, never a wait on the keyboard."""
    from rnn_cli.base.errors import SpecError  # noqa: PLC0415
    from rnn_cli.cli import why  # noqa: PLC0415

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(SpecError) as caught:
        why._text(None)
    assert caught.value.exit_code == 2
    assert "rnnx why" in str(caught.value)


def test_a_long_log_is_read_from_its_end() -> None:
    """Past the characters read, the start of a log is dropped: its last error still wins."""
    from rnn_cli.cli import why  # noqa: PLC0415

    log = f"RuntimeError: {MATMUL}\n" + "x" * 50 + f"\nRuntimeError: {HIDDEN}\n"
    kept = why._tail(io.BytesIO(log.encode()), most=80)
    assert kept.endswith(HIDDEN + "\n")
    assert MATMUL not in kept
