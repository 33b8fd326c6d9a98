"""`rnnx check` through the command line, its child process included: every example's verdict
and diagnosis, the hostile ones, and the usage errors."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rnn_cli.cli.launch import app
from tests.helpers import runner

EXAMPLES = Path(__file__).parent.parent / "examples" / "check"


def check(target: str, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", str(EXAMPLES / target), *args, "-f", "json"])
    return result.exit_code, json.loads(result.stdout)


LSTM, GRU, BI = ("--cell", "lstm"), ("--cell", "gru"), ("--bidirectional",)

# (target, options, mistake diagnosed or None for a correct one)
CASES: list[tuple[str, tuple[str, ...], str | None]] = [
    ("loop_correct.py:rnn_loop", ("--convention", "loop"), None),
    ("loop_transposed_wh.py:rnn_loop", ("--convention", "loop"), "transposed_w_hh"),
    ("loop_no_bias.py:rnn_loop", ("--convention", "loop"), "bias_missing"),
    ("loop_relu.py:rnn_loop", ("--convention", "loop"), "activation_swapped"),
    ("loop_h0_ignored.py:rnn_loop", ("--convention", "loop"), "h0_ignored"),
    ("loop_off_by_one.py:rnn_loop", ("--convention", "loop"), "off_by_one"),
    ("loop_notebook_cell.py:rnn_loop", ("--convention", "loop"), "state_not_carried"),
    ("cs231n_rnn.py:rnn_forward", ("--convention", "cs231n", "-n", "3"), None),
    ("cs231n_lstm.py:lstm_forward", ("--convention", "cs231n", *LSTM, "-n", "3"), None),
    ("cs231n_lstm_torch_gates.py:lstm_forward", ("--convention", "cs231n", *LSTM), "gate_order"),
    ("cs231n_lstm_c_as_output.py:lstm_forward", ("--convention", "cs231n", *LSTM), "c_as_output"),
    ("torch_correct.py:rnn", ("--layers", "2", *BI, "-n", "2"), None),
    ("torch_correct.py:lstm", (*LSTM, "--layers", "2", *BI, "--proj-size", "3"), None),
    ("torch_correct.py:gru", (*GRU, "--layers", "2", *BI, "-n", "2"), None),
    ("torch_correct.py:gru", (*GRU, "--unbatched"), None),
    ("torch_lstm_cs231n_gates.py:lstm", LSTM, "gate_order"),
    ("torch_gru_zrn.py:gru", GRU, "gate_order"),
    ("torch_lstm_h_c_swapped.py:lstm", LSTM, "h_c_swapped"),
    ("torch_lstm_bias_once.py:lstm", LSTM, "bias_ih_only"),
    ("torch_rnn_backward_not_reversed.py:rnn", BI, "backward_not_reversed"),
    ("torch_rnn_not_rereversed.py:rnn", BI, "backward_not_rereversed"),
    ("torch_gru_reset_before.py:gru", GRU, "gru_reset_before_matmul"),
    ("torch_gru_update_swapped.py:gru", GRU, "gru_update_swapped"),
    ("torch_gru_no_bias.py:gru", GRU, "bias_missing"),
    ("torch_correct.py:rnn", ("--nonlinearity", "relu"), "activation_swapped"),  # tanh's
    ("torch_gru_off_by_one.py:gru", GRU, "off_by_one"),
    ("torch_lstm_h0_ignored.py:lstm", LSTM, "h0_ignored"),
    ("torch_lstm_transposed_hh.py:lstm", LSTM, "transposed_w_hh"),
    ("loop_sigmoid.py:rnn_loop", ("--convention", "loop"), "sigmoid_for_tanh"),
    ("loop_lstm.py:lstm_loop", ("--convention", "loop", *LSTM), None),
    ("loop_lstm_ifog.py:lstm_loop", ("--convention", "loop", *LSTM), "gate_order"),
    ("loop_lstm_c_as_output.py:lstm_loop", ("--convention", "loop", *LSTM), "c_as_output"),
    ("loop_gru.py:gru_loop", ("--convention", "loop", *GRU), None),
    ("loop_gru_update_swapped.py:gru_loop", ("--convention", "loop", *GRU), "gru_update_swapped"),
    (
        "loop_gru_reset_before.py:gru_loop",
        ("--convention", "loop", *GRU),
        "gru_reset_before_matmul",
    ),
    (
        "loop_gru_biases_summed.py:gru_loop",
        ("--convention", "loop", *GRU),
        "gru_bias_outside_reset",
    ),
]

# (target, options, tensor, the student's shape, words the misconception is named with)
SHAPES = [
    (
        "torch_notebook_h_n.py:rnn",
        ("--layers", "2", *BI, "-n", "1", "-H", "8"),
        "h_n",
        [2, 1, 16],
        "directions joined",
    ),
    (
        "loop_return_in_loop.py:rnn_loop",
        ("--convention", "loop"),
        "output",
        [1, 8],
        "one time step",
    ),
    (
        "loop_lstm_last_only.py:lstm_loop",
        ("--convention", "loop", *LSTM),
        "output",
        [8],
        "only the last",
    ),
]


@pytest.mark.parametrize(("target", "options", "name", "got", "words"), SHAPES)
def test_a_wrong_shape_is_named_as_a_misconception(
    target: str, options: tuple[str, ...], name: str, got: list[int], words: str
) -> None:
    code, doc = check(target, *options)
    assert code == 1
    (tensor,) = [t for t in doc["tensors"] if t["name"] == name]
    assert tensor["got_shape"] == got
    assert words in tensor["shape_says"]
    result = runner.invoke(app, ["check", str(EXAMPLES / target), *options])
    assert f"{name} has shape ({', '.join(map(str, got))}" in result.stdout
    assert "differ beyond atol" not in result.stdout


@pytest.mark.parametrize(("target", "options", "mistake"), CASES)
def test_example_verdict_and_diagnosis(
    target: str, options: tuple[str, ...], mistake: str | None
) -> None:
    code, doc = check(target, *options)
    assert code == (0 if mistake is None else 1)
    assert doc["passed"] is (mistake is None)
    assert [d["mistake"] for d in doc["diagnosis"]] == ([] if mistake is None else [mistake])


def test_gate_order_says_which_order() -> None:
    _, doc = check("cs231n_lstm_torch_gates.py:lstm_forward", "--convention", "cs231n", *LSTM)
    (found,) = doc["diagnosis"]
    assert found["order"] == ["i", "f", "g", "o"]
    assert "i, f, g, o" in found["says"]
    assert "i, f, o, g" in found["says"]


def test_transposed_weights_crash_is_reported_and_diagnosed() -> None:
    """np.dot(x, Wx) with Wx (8, 5) raises; a rerun with square weights names the mistake."""
    code, doc = check("loop_transposed.py:rnn_loop", "--convention", "loop")
    assert code == 1
    assert doc["failure"]["kind"] == "exception"
    assert "np.dot(input_t, Wx)" in doc["failure"]["traceback"]
    assert [d["mistake"] for d in doc["diagnosis"]] == ["transposed_weights"]
    assert doc["square_rerun"] is True


def test_transposed_weights_with_square_sizes_are_diagnosed_directly() -> None:
    code, doc = check("loop_transposed.py:rnn_loop", "--convention", "loop", "-i", "8")
    assert code == 1
    assert doc["failure"] is None
    assert doc["square_rerun"] is False
    assert [d["mistake"] for d in doc["diagnosis"]] == ["transposed_weights"]


def test_first_divergence_names_the_time_step() -> None:
    _, doc = check("loop_off_by_one.py:rnn_loop", "--convention", "loop")
    first = doc["tensors"][0]["first_divergence"]
    assert first["time_step"] == 0
    assert first["batch_row"] is None
    assert first["layer"] is None
    _, doc = check("torch_rnn_not_rereversed.py:rnn", *BI)
    first = doc["tensors"][0]["first_divergence"]
    assert first["direction"] == 1
    assert first["layer"] is None  # one layer: nothing to choose


HOSTILE = [
    ("forever", "timeout", ("--timeout", "2")),
    ("allocate", "memory", ("--memory-limit", "512MiB")),
    ("exits", "exit", ()),
    ("raises", "exception", ()),
    ("hard_exit", "killed", ()),
    ("returns_none", "return", ()),
    ("returns_text", "return", ()),
]


@pytest.mark.parametrize(("function", "kind", "options"), HOSTILE)
def test_hostile_function_is_the_students_failure(
    function: str, kind: str, options: tuple[str, ...]
) -> None:
    code, doc = check(f"hostile.py:{function}", "--convention", "loop", *options)
    assert code == 1
    assert doc["failure"]["kind"] == kind
    assert doc["score"] == 0.0
    assert doc["passed"] is False


def test_traceback_holds_the_students_frames_only() -> None:
    _, doc = check("hostile.py:raises", "--convention", "loop")
    trace = doc["failure"]["traceback"]
    assert "hostile.py" in trace
    assert "helper" in trace
    assert "student's own error" in trace
    assert "rnn_cli" not in trace
    assert "importlib" not in trace


def test_table_report_prints_no_rnnx_traceback() -> None:
    result = runner.invoke(
        app, ["check", str(EXAMPLES / "hostile.py:exits"), "--convention", "loop"]
    )
    assert result.exit_code == 1
    assert "sys.exit(3)" in result.stdout
    assert "rnn_cli" not in result.stdout


@pytest.mark.parametrize(
    ("target", "options", "needle"),
    [
        ("loop_correct.py", (), "FILE.py:FUNCTION"),
        ("loop_correct.py:rnn_loop", ("--convention", "loop", "--layers", "2"), "--layers 2"),
        ("cs231n_rnn.py:rnn_forward", ("--convention", "cs231n", "--cell", "gru"), "--cell gru"),
        ("loop_correct.py:rnn_loop", ("--convention", "loop", "-n", "4"), "--batch-size 4"),
        ("cs231n_rnn.py:rnn_forward", ("--convention", "cs231n", "--bidirectional"), "--bidir"),
        ("cs231n_rnn.py:rnn_forward", ("--convention", "cs231n", "--seq-first"), "--seq-first"),
        ("loop_correct.py:rnn_loop", ("--timeout", "0"), "--timeout"),
        ("loop_correct.py:rnn_loop", ("--atol", "-1"), "--atol"),
        ("loop_correct.py:rnn_loop", ("--memory-limit", "lots"), "--memory-limit"),
    ],
)
def test_usage_errors_are_one_line_exit_2(
    target: str, options: tuple[str, ...], needle: str
) -> None:
    result = runner.invoke(app, ["check", str(EXAMPLES / target), *options])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("rnnx: error: ")
    assert needle in lines[0]


@pytest.mark.parametrize(
    ("target", "needle"),
    [
        ("hostile.py:nope", "no function nope in the file; did you mean one of: "),
        ("hostile.py:not_a_function", "no function not_a_function"),
        ("missing.py:f", "there is no file"),
    ],
)
def test_a_missing_file_or_function_is_the_students_zero(target: str, needle: str) -> None:
    code, doc = check(target, "--convention", "loop")
    assert code == 1
    assert doc["score"] == 0
    assert doc["failure"]["kind"] == "missing"
    assert needle in doc["failure"]["message"]


def test_did_you_mean_lists_the_functions_the_file_defines(tmp_path: Path) -> None:
    (tmp_path / "rnn.py").write_text("def rnn_lop(a, b):\n    pass\n\ndef helper():\n    pass\n")
    code, doc = check_path(tmp_path / "rnn.py", "rnn_loop")
    assert code == 1
    assert doc["failure"]["message"].endswith("did you mean one of: rnn_lop, helper?")


def check_path(path: Path, function: str, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", f"{path}:{function}", *args, "-f", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_module_target_is_imported_from_the_working_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(EXAMPLES.parent.parent)
    result = runner.invoke(
        app, ["check", "examples.check.loop_correct:rnn_loop", "--convention", "loop"]
    )
    assert result.exit_code == 0, result.stdout


def test_default_check_never_imports_torch() -> None:
    """The reference is the float64 NumPy one: no torch, unless --reference torch asks for it."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from rnn_cli.cli.launch import app\n"
        f"r = CliRunner().invoke(app, ['check', {str(EXAMPLES / 'torch_correct.py:gru')!r},"
        " '--cell', 'gru', '--bidirectional'])\n"
        "assert r.exit_code == 0, r.stdout\n"
        "print('torch' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_reference_torch_grades_alike() -> None:
    code, doc = check("torch_gru_zrn.py:gru", "--cell", "gru", "--reference", "torch")
    assert code == 1
    assert doc["reference"] == "torch"
    assert [d["order"] for d in doc["diagnosis"]] == [["z", "r", "n"]]
