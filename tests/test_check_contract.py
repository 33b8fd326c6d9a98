"""The JSON of `rnnx check` is a contract: a coursework script grades from these keys alone."""

import json
from pathlib import Path

from rnn_cli.cli.launch import app
from tests.helpers import runner

EXAMPLES = Path(__file__).parent.parent / "examples" / "check"

TOP = {
    "schema",
    "target",
    "convention",
    "detected",
    "reference",
    "atol",
    "rtol",
    "passed",
    "score",
    "tensors",
    "diagnosis",
    "square_rerun",
    "ambiguous",
    "seed",
    "seeds",
    "hidden",
    "unseen",
    "failure",
    "conversions",
}
TENSOR = {
    "name",
    "expected_shape",
    "got_shape",
    "passed",
    "max_abs_error",
    "max_rel_error",
    "first_divergence",
    "shape_says",
}
DIVERGENCE = {"index", "time_step", "layer", "direction", "batch_row", "feature", "expected", "got"}


def _run(target: str, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["check", str(EXAMPLES / target), *args])
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_json_keys_are_pinned() -> None:
    doc = _run("torch_lstm_cs231n_gates.py:lstm", "--cell", "lstm", "-f", "json")
    assert set(doc) == TOP
    assert doc["schema"] == 1
    assert doc["convention"] == "torch"
    assert doc["passed"] is False
    assert 0.0 <= doc["score"] < 1.0
    for tensor in doc["tensors"]:
        assert set(tensor) == TENSOR
    assert [t["name"] for t in doc["tensors"]] == ["output", "h_n", "c_n"]
    first = doc["tensors"][0]["first_divergence"]
    assert set(first) == DIVERGENCE
    assert set(doc["diagnosis"][0]) == {"mistake", "order", "says"}


def test_failure_keys_are_pinned() -> None:
    doc = _run("hostile.py:raises", "--convention", "loop", "-f", "json")
    assert set(doc["failure"]) == {"kind", "message", "traceback"}
    assert doc["tensors"][0]["got_shape"] is None
    assert doc["score"] == 0.0


def test_gradescope_results_json() -> None:
    """Gradescope reads score, output and tests[{name, score, max_score, output}]."""
    doc = _run("torch_rnn_not_rereversed.py:rnn", "--bidirectional", "-f", "gradescope")
    assert set(doc) == {"score", "output", "tests"}
    assert [set(t) for t in doc["tests"]] == [{"name", "score", "max_score", "output"}] * 2
    assert doc["score"] == sum(t["score"] for t in doc["tests"]) == 1  # h_n right, output wrong
    assert "re-reversed" in doc["output"]


def test_gradescope_counts_a_crash_as_zero() -> None:
    doc = _run("hostile.py:exits", "--convention", "loop", "-f", "gradescope")
    assert doc["score"] == 0
    assert "sys.exit(3)" in doc["tests"][0]["output"]
