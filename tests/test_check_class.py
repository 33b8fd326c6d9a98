"""`rnnx check` for a class (issue 17): the convention read from a signature, several targets or a
glob graded at once, a gradebook, every student's trouble their own zero, and Gradescope's file
valid whatever happens."""

import csv
import io
import json
import secrets
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from rnn_cli.grading import classroom, processes, source
from rnn_cli.grading.conventions import SIGNATURES
from rnn_cli.spec.choices import Cell, Convention
from rnn_cli.spec.config import Spec
from tests.helpers import rnnx

EXAMPLES = Path(__file__).parent.parent / "examples" / "check"


@pytest.mark.parametrize(
    ("target", "options", "convention", "why"),
    [
        ("loop_correct.py:rnn_loop", (), "loop", "starts with inputs"),
        ("cs231n_rnn.py:rnn_forward", ("-n", "2"), "cs231n", "starts with x"),
        ("loop_lstm.py:lstm_loop", ("--cell", "lstm"), "loop", "takes 6 arguments"),
        ("loop_gru.py:gru_loop", ("--cell", "gru"), "loop", "takes 6 arguments"),
        ("torch_correct.py:gru", ("--cell", "gru"), "torch", "takes 3 arguments"),
    ],
)
def test_the_convention_is_read_from_the_signature(
    target: str, options: tuple[str, ...], convention: str, why: str
) -> None:
    code, stdout, _ = rnnx("check", str(EXAMPLES / target), *options, "-f", "json")
    doc = json.loads(stdout)
    assert code == 0, doc
    assert doc["convention"] == convention
    assert why in doc["detected"]


def test_an_ambiguous_signature_is_refused_with_the_choices(tmp_path: Path) -> None:
    (tmp_path / "rnn.py").write_text("def forward(a, b, c, d, e):\n    return a\n")
    code, stdout, stderr = rnnx("check", f"{tmp_path / 'rnn.py'}:forward")
    assert code == 2
    assert stdout == ""
    (line,) = stderr.strip().splitlines()
    assert "forward(a, b, c, d, e)" in line
    assert "--convention loop: f(inputs, h0, Wx, Wh, b)" in line
    assert "--convention cs231n: f(x, h0, Wx, Wh, b)" in line


def test_detection_never_runs_the_students_code(tmp_path: Path) -> None:
    flag = tmp_path / "ran"
    (tmp_path / "rnn.py").write_text(
        f"open({str(flag)!r}, 'w').close()\ndef forward(a, b, c, d, e):\n    return a\n"
    )
    rnnx("check", f"{tmp_path / 'rnn.py'}:forward")
    assert not flag.exists()


def test_every_signature_detects_its_own_convention() -> None:
    for convention, by_cell in SIGNATURES.items():
        for cell, params in by_cell.items():
            assert source.detect("f", params, cell).convention is convention


def test_help_shows_each_conventions_signature() -> None:
    code, stdout, _ = rnnx("check", "--help")
    assert code == 0
    for by_cell in SIGNATURES.values():
        for params in by_cell.values():
            assert f"f({', '.join(params)})" in stdout


@pytest.fixture
def submissions(tmp_path: Path) -> Path:
    """A class of four: right, wrong, a misnamed function, and no file at all."""
    for who, example in (("ana", "loop_correct"), ("bo", "loop_transposed_wh"), ("cy", None)):
        (tmp_path / who).mkdir()
        if example:
            shutil.copy(EXAMPLES / f"{example}.py", tmp_path / who / "rnn.py")
    (tmp_path / "cy" / "rnn.py").write_text("def rnn_lop(inputs, h0, Wx, Wh, b):\n    pass\n")
    return tmp_path


def test_a_glob_grades_a_class_one_row_each(submissions: Path) -> None:
    code, stdout, stderr = rnnx("check", f"{submissions}/*/rnn.py:rnn_loop", "-j", "2")
    assert code == 1, stderr
    rows = [
        line.split()[:3]
        for line in stdout.splitlines()
        if line.strip()[:3] in ("ana", "bo ", "cy ")
    ]
    assert rows == [["ana", "loop", "1"], ["bo", "loop", "0"], ["cy", "—", "0"]]
    assert "1 of 3 passed" in stdout


def test_the_gradebook_csv_and_the_json_list(submissions: Path) -> None:
    glob = f"{submissions}/*/rnn.py:rnn_loop"
    _, stdout, _ = rnnx("check", glob, "-f", "csv", "--max-score", "10")
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert [(r["student"], r["score"], r["passed"]) for r in rows] == [
        ("ana", "10.0", "True"),
        ("bo", "0.0", "False"),
        ("cy", "0.0", "False"),
    ]
    assert "did you mean one of: rnn_lop?" in rows[2]["verdict"]
    assert "prev_h" not in rows[1]["verdict"]  # the loop convention's own names
    _, stdout, _ = rnnx("check", glob, str(submissions / "dee.py:rnn_loop"), "-f", "json")
    docs = json.loads(stdout)
    assert [d["student"] for d in docs][:3] == ["ana", "bo", "cy"]
    assert docs[3]["failure"]["kind"] == "missing"  # no file: that student's zero, no exit 2
    assert "there is no file" in docs[3]["failure"]["message"]


def test_a_glob_that_matches_nothing_is_the_graders_error(tmp_path: Path) -> None:
    code, _, stderr = rnnx("check", f"{tmp_path}/*/rnn.py:f")
    assert code == 2
    assert "no file matches" in stderr


def test_seed_per_student_differs_by_path_and_is_stable() -> None:
    spec = Spec()
    a, b = (classroom.student_seed(spec, f"s/{w}/rnn.py:f") for w in ("ana", "bo"))
    assert a != b
    assert a == classroom.student_seed(spec, "s/ana/rnn.py:f")
    assert classroom.student_seed(Spec(seed=1), "s/ana/rnn.py:f") != a


def test_seed_per_student_grades_on_that_seed(submissions: Path) -> None:
    target = f"{submissions}/ana/rnn.py:rnn_loop"
    _, stdout, _ = rnnx("check", target, "--seed-per-student", "-f", "json")
    assert json.loads(stdout)["seed"] == classroom.student_seed(Spec(), target)


GRADESCOPE_USAGE = [
    ("--cell", "foo"),  # Click's own usage error
    ("--convention", "loop", "--layers", "2"),  # rnnx's
    ("--timeout", "0"),
]


@pytest.mark.parametrize("options", GRADESCOPE_USAGE)
def test_gradescope_writes_a_valid_results_json_on_a_usage_error(options: tuple[str, ...]) -> None:
    for fmt in (("-f", "gradescope"), ("--format=gradescope",), ("-fgradescope",)):
        code, stdout, stderr = rnnx(
            "check", str(EXAMPLES / "loop_correct.py:rnn_loop"), *options, *fmt
        )
        assert code == 2
        doc = json.loads(stdout)
        assert doc["score"] == 0
        assert doc["tests"] == []
        assert doc["output"]
        assert doc["output"] in stderr.replace("\n", " ")


def test_gradescope_shows_the_students_shape_and_max_score() -> None:
    target = str(EXAMPLES / "loop_lstm_last_only.py:lstm_loop")
    code, stdout, _ = rnnx(
        "check", target, "--cell", "lstm", "-f", "gradescope", "--max-score", "5"
    )
    assert code == 1
    doc = json.loads(stdout)
    assert doc["max_score"] == 5
    (test,) = doc["tests"]
    assert test["max_score"] == 5
    assert test["output"].startswith("expected (10, 8), got (8,): only the last state")
    code, stdout, _ = rnnx(
        "check",
        str(EXAMPLES / "loop_lstm.py:lstm_loop"),
        "--cell",
        "lstm",
        "-f",
        "gradescope",
        "--max-score",
        "5",
    )
    assert code == 0
    assert json.loads(stdout)["score"] == 5


def test_gradescope_grades_one_submission(submissions: Path) -> None:
    code, stdout, _ = rnnx("check", f"{submissions}/*/rnn.py:rnn_loop", "-f", "gradescope")
    assert code == 2
    assert json.loads(stdout)["score"] == 0


def test_a_class_rows_escape_the_students_text(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for who in "ab":
        (tmp_path / who / "rnn.py").write_text(
            "def rnn_loop(inputs, h0, Wx, Wh, b):\n"
            "    raise type('X\\x1b[2J', (Exception,), {})()\n"
        )
    _, stdout, _ = rnnx("check", f"{tmp_path}/*/rnn.py:rnn_loop")
    assert "\x1b[2J" not in stdout


def test_the_convention_chosen_when_several_cells_share_it() -> None:
    assert source.detect("f", ("x", "h0", "params"), Cell.LSTM).convention is Convention.TORCH


def test_a_missing_module_is_that_students_zero_a_bad_target_the_graders(
    submissions: Path,
) -> None:
    glob = f"{submissions}/*/rnn.py:rnn_loop"
    code, stdout, stderr = rnnx("check", glob, "no_such_package.hw:rnn_loop", "-f", "json")
    assert code == 1, stderr
    last = json.loads(stdout)[-1]
    assert last["failure"]["kind"] == "missing"
    assert "no module no_such_package.hw" in last["failure"]["message"]
    code, stdout, stderr = rnnx("check", glob, str(submissions / "ana" / "rnn.py"))
    assert (code, stdout) == (2, "")  # no :FUNCTION: the grader's typo, nothing graded
    assert "FILE.py:FUNCTION" in stderr


def test_what_a_student_prints_is_in_the_report_never_in_the_json(tmp_path: Path) -> None:
    for who in ("a", "b"):
        (tmp_path / who).mkdir()
        code = (EXAMPLES / "loop_correct.py").read_text()
        call = "def rnn_loop(inputs, h0, Wx, Wh, b):\n"
        assert call in code
        said = f"{call}    print('debug {who}\\x1b[2J')\n"
        (tmp_path / who / "rnn.py").write_text(code.replace(call, said))
    one = f"{tmp_path / 'a' / 'rnn.py'}:rnn_loop"
    _, stdout, _ = rnnx("check", one)
    assert "debug a\\x1b[2J" in stdout  # shown, escaped
    _, stdout, _ = rnnx("check", one, "-f", "gradescope")
    assert "debug a\\x1b[2J" in json.loads(stdout)["output"]
    _, stdout, _ = rnnx("check", f"{tmp_path}/*/rnn.py:rnn_loop", "-j", "2", "-f", "json")
    docs = json.loads(stdout)
    assert [d["passed"] for d in docs] == [True, True]
    assert "debug" not in stdout


def test_runs_at_once_never_share_a_uid(monkeypatch: pytest.MonkeyPatch) -> None:
    """As root each run's processes are killed by uid: two students graded at once (-j) must
    not be given the same one, or one's end would kill the other."""
    monkeypatch.setattr(processes, "is_root", lambda: True)
    monkeypatch.setattr(processes, "processes", list)  # no process holds any uid
    draws = iter([5, 5, 7, 5])
    monkeypatch.setattr(secrets, "randbelow", lambda _: next(draws))
    base = processes.UID_RANGE[0]
    with processes.run_uid() as first, processes.run_uid() as second:
        assert (first, second) == (base + 5, base + 7)  # 5 drawn again while held: drawn anew
    with processes.run_uid() as third:
        assert third == base + 5  # given back when its run ended


def test_a_child_being_started_is_never_swept_by_another_run() -> None:
    """Without root each run ends by killing the descendants started since it began, other runs'
    children aside: one started meanwhile (-j) is spared even before it is recorded."""
    since = processes.now_ticks()
    with processes.starting():
        child = subprocess.Popen(["sleep", "30"])
        sweep = threading.Thread(target=processes.kill_descendants, args=(since,))
        sweep.start()
        sweep.join(timeout=1)  # the other run's sweep waits: the child is not recorded yet
        processes.started(child.pid)
    sweep.join()
    try:
        assert child.poll() is None
    finally:
        child.kill()
        child.wait()
        processes.ended(child.pid)
