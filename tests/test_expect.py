"""`--expect NAME=SHAPE`: a right answer holds, a wrong one exits 1 naming the misconception."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.findings import expectations
from rnn_cli.network import shapes
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec
from rnn_cli.spec.lists import comma_list
from tests.helpers import rnnx, shape_json
from tests.strategies import specs

NOTEBOOK = ["--layers", "2", "--bidirectional"]  # the study notebook's deep bidirectional RNN


def _why(spec: Spec, name: str, shape: tuple[int, ...]) -> str:
    (found,) = expectations.evaluate(spec, ((name, shape),))
    assert not found.holds
    return found.why


def test_the_notebooks_wrong_guess_names_dimension_2_and_the_directions() -> None:
    code, stdout, stderr = rnnx("shape", "-B", "analytic", *NOTEBOOK, "--expect", "h_n=4,1,16")
    assert code == 1
    assert "dimension 2: hidden_size 8, not 16" in " ".join(stdout.split())
    assert "separate rows of dimension 0 (4 = 2 layers × 2 directions)" in " ".join(stdout.split())
    assert stderr.startswith("rnnx: error: --expect")
    assert stderr.count("\n") == 1


def test_the_right_answer_exits_0() -> None:
    assert rnnx("shape", "-B", "analytic", *NOTEBOOK, "--expect", "h_n=4,1,8").code == 0


@pytest.mark.parametrize("spelling", ["4,1,16", "4x1x16", "(4, 1, 16)", "[4,1,16]"])
def test_every_shape_spelling_rnnx_prints_is_read(spelling: str) -> None:
    spec = Spec(num_layers=2, bidirectional=True)
    assert expectations.parse(f"h_n={spelling}", spec) == ("h_n", (4, 1, 16))


@pytest.mark.parametrize(
    ("spec", "name", "answer", "needle"),
    [
        (Spec(bidirectional=True), "h_n", (2, 1, 16), "only output joins them"),
        (Spec(num_layers=2, batch_size=3), "h_n", (3, 2, 8), "batch_first never applies to h_n"),
        (Spec(num_layers=2, bidirectional=True), "h_n", (2, 1, 8), "not 2: one row per layer and"),
        (Spec(num_layers=3), "h_n", (1, 1, 8), "every layer leaves its own final state"),
        (Spec(cell=Cell.LSTM, proj_size=4), "h_n", (1, 1, 8), "with proj_size 4, h_t is projected"),
        (Spec(cell=Cell.LSTM, proj_size=4), "c_n", (1, 1, 4), "the cell state is never projected"),
        (Spec(unbatched=True), "h_n", (1, 1, 8), "unbatched input (L, H_in) drops it"),
        (Spec(unbatched=True), "output", (1, 10, 8), "unbatched input (L, H_in) drops it"),
        (Spec(batch_size=4), "output", (10, 8), "keeps its batch axis at dimension 0"),
        (Spec(bidirectional=True), "output", (1, 10, 8), "joins the two directions"),
        (Spec(batch_size=4), "output", (10, 4, 8), "batch_first=True: output is (batch, seq"),
    ],
)
def test_each_misconception_is_named(
    spec: Spec, name: str, answer: tuple[int, ...], needle: str
) -> None:
    assert needle in _why(spec, name, answer)


def test_an_answer_no_misconception_explains_gets_each_wrong_dimension() -> None:
    why = _why(Spec(), "output", (1, 11, 8))
    assert why == text("exp.dim", i=1, want=10, got=11, meaning=text("dim.seq", n=10))


@settings(max_examples=60, deadline=None)
@given(spec=specs(), data=st.data())
def test_right_answers_hold_and_each_wrong_one_is_refused(spec: Spec, data: st.DataObject) -> None:
    """torch's own shape always holds; every misconception's shape that differs never does."""
    tensor = data.draw(st.sampled_from(shapes.tensors(spec)))
    (right,) = expectations.evaluate(spec, ((tensor.name, tensor.shape),))
    assert right.holds
    for wrong in expectations.misconceptions(spec, tensor):
        if wrong.shape != tensor.shape:
            (found,) = expectations.evaluate(spec, ((tensor.name, wrong.shape),))
            assert not found.holds
            assert found.why


def test_json_lists_each_expectation_with_holds_and_why() -> None:
    doc = shape_json("-B", "analytic", *NOTEBOOK, "--expect", "h_n=4,1,8")
    assert doc["expectations"] == [
        {
            "name": "h_n",
            "shape": [4, 1, 8],
            "expected_shape": [4, 1, 8],
            "holds": True,
            "why": text("exp.holds", name="h_n"),
        }
    ]


@pytest.mark.parametrize("raw", ["hn=4,1,8", "h_n", "h_n=4,,8", "h_n=0,1,8", "c_n=1,1,8"])
def test_bad_expect_is_exit_2_naming_the_flag(raw: str) -> None:
    code, stdout, stderr = rnnx("shape", "-B", "analytic", "--expect", raw)
    assert (code, stdout) == (2, "")
    assert stderr.startswith("rnnx: error: --expect")
    assert stderr.count("\n") == 1
    with pytest.raises(SpecError):
        expectations.parse(raw, Spec())


def test_several_expectations_are_all_checked() -> None:
    spec = Spec(cell=Cell.LSTM, num_layers=2, bidirectional=True)
    args = ["--expect", f"h_n={comma_list((4, 1, 8))}", "--expect", "c_n=4,1,16"]
    code, stdout, _ = rnnx("shape", "-B", "analytic", "-c", "lstm", *NOTEBOOK, *args)
    assert code == 1
    assert [
        e.holds for e in expectations.evaluate(spec, (("h_n", (4, 1, 8)), ("c_n", (4, 1, 16))))
    ] == [
        True,
        False,
    ]
    assert "✓ h_n = (4, 1, 8)" in stdout
    assert "✗ c_n = (4, 1, 16)" in stdout


def test_a_bidirectional_projection_names_both_directions() -> None:
    spec = Spec(cell=Cell.LSTM, proj_size=4, bidirectional=True)
    assert "(8 = 2 × 4)" in _why(spec, "output", (1, 10, 16))


def test_expect_with_csv_is_refused_for_want_of_a_reason_column() -> None:
    code, stdout, stderr = rnnx("shape", "-B", "analytic", "--expect", "h_n=2,1,8", "-f", "csv")
    assert (code, stdout) == (2, "")
    assert "--expect" in stderr
