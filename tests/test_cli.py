"""The CLI through CliRunner and real processes: exit codes, one-line errors, help, version."""

import json
import subprocess
import sys

import pytest
import torch

from rnn_cli import __version__
from tests.helpers import as_json, process, python, rnnx


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["--cell", "foo"], ["--cell", "'foo'", "'rnn', 'lstm', 'gru'"]),
        (["--hidden-size", "0"], ["--hidden-size must be at least 1: got 0"]),
        (["--seed", "-1"], ["--seed must be 0 or more: got -1"]),
        (["--layers", "two"], ["--layers", "'two'", "integer"]),
        (["--dropout", "1.5"], ["--dropout", "1.5", "[0, 1)"]),
        (["--dropout", "-0.1"], ["--dropout", "-0.1", "[0, 1)"]),
        (["--proj-size", "3"], ["--proj-size", "proj_size=3", "--cell lstm"]),
        (["--cell", "lstm", "--proj-size", "8"], ["--proj-size", "proj_size=8", "smaller than"]),
        (["--cell", "gru", "--nonlinearity", "relu"], ["--nonlinearity", "relu", "--cell rnn"]),
        (["--unbatched", "--batch-size", "3"], ["--batch-size", "batch_size=3", "--unbatched"]),
        (["--save", "out.txt"], ["--save", "out.txt", ".npz"]),
        (["--save", "no/such/dir/run.npz"], ["--save", "no/such/dir", "does not exist"]),
        (["--backend", "analytic", "--save", "run.npz"], ["--save", "analytic", "--backend torch"]),
        (["--bogus"], ["--bogus"]),
        (["--format", "yaml"], ["--format", "'yaml'"]),
    ],
)
def test_bad_input_is_one_line_exit_2(args: list[str], needles: list[str]) -> None:
    code, stdout, stderr = rnnx("shape", *args)
    assert code == 2
    assert stdout == ""
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("rnnx: error: ")
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in stderr


def test_cuda_without_gpu_is_exit_2() -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    code, stdout, stderr = rnnx("shape", "--device", "cuda")
    assert (code, stdout) == (2, "")
    assert "--device cuda" in stderr
    assert "--device cpu" in stderr


@pytest.mark.parametrize("backend", ["numpy", "analytic"])
def test_cuda_on_a_backend_other_than_torch_is_exit_2(backend: str) -> None:
    code, stdout, stderr = rnnx("shape", "--device", "cuda", "--backend", backend)
    assert (code, stdout) == (2, "")
    assert f"backend={backend}" in stderr
    assert "--backend torch" in stderr


def test_version() -> None:
    code, stdout, _ = rnnx("--version")
    assert (code, stdout.strip()) == (0, f"rnnx {__version__}")


def test_help_shows_examples_and_exit_codes() -> None:
    code, stdout, _ = rnnx("--help")
    assert code == 0
    assert "rnnx shape --layers 2 --bidirectional" in stdout
    assert "Exit codes" in stdout
    code, stdout, _ = rnnx("shape", "--help")
    assert code == 0
    assert "Examples" in stdout
    assert "--proj-size" in stdout


def test_table_names_every_tensor_and_explains_dims() -> None:
    args = ("--cell", "lstm", "--layers", "2", "--bidirectional", "--params")
    code, stdout, _ = rnnx("shape", *args)
    assert code == 0
    for needle in ("input", "output", "h_n", "c_n", "h_0", "16 = 2 directions × hidden_size 8"):
        assert needle in stdout
    assert "row = 2·layer + direction" in stdout
    assert "weight_ih_l0" in stdout
    _, stdout, _ = rnnx("shape", *args, "--format", "markdown")  # no wrapping at 80 columns
    assert "4 gates (i, f, g, o) × hidden 8 by input 5" in stdout


def test_notes_only_where_they_apply() -> None:
    _, plain_rnn, _ = rnnx("shape")
    _, proj, _ = rnnx("shape", "--cell", "lstm", "--proj-size", "4", "--dropout", "0.3")
    assert "proj_size" not in plain_rnn
    assert "dropout" not in plain_rnn
    assert "c_n keeps hidden_size 8" in proj
    assert "dropout 0.3 with 1 layer does nothing" in proj
    assert "oneDNN" in proj  # torch's warning, turned into a note
    assert "Triggered internally" not in proj


def test_unbatched_drops_the_batch_axis() -> None:
    _, stdout, _ = rnnx("shape", "--unbatched", "--format", "csv")
    rows = dict(line.split(",", 2)[:2] for line in stdout.splitlines()[1:])
    assert rows["input"] == "10x5"
    assert rows["output"] == "10x8"
    assert rows["h_n"] == "1x8"


def test_markdown_is_a_pasteable_table() -> None:
    code, stdout, _ = rnnx("shape", "--format", "markdown", "--bidirectional")
    assert code == 0
    assert stdout.startswith("| tensor | shape | dimensions |\n| --- | --- | --- |\n")
    assert "| `output` | `(1, 10, 16)` |" in stdout


def test_python_m_works_like_rnnx() -> None:
    proc = python("-m", "rnn_cli", "shape", "-B", "analytic", "--format", "csv")
    assert proc.returncode == 0
    assert "output,1x10x8," in proc.stdout


def test_help_does_not_import_torch() -> None:
    code = "import sys; from rnn_cli.cli.launch import app; assert 'torch' not in sys.modules"
    assert python("-c", code).returncode == 0
    proc = python("-X", "importtime", "-m", "rnn_cli", "--help")
    assert proc.returncode == 0
    assert " torch" not in proc.stderr


TABLES = [["shape", "-B", "analytic"], ["sweep", "-c", "rnn,lstm"]]


@pytest.mark.parametrize("args", TABLES)
def test_colour_only_on_a_terminal_and_never_with_no_color(args: list[str]) -> None:
    assert "\x1b[" in process(*args, env={"FORCE_COLOR": "1"}).stdout  # as a terminal is served
    assert "\x1b[" not in process(*args).stdout  # a pipe
    forced = process(*args, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b" not in forced.stdout + forced.stderr


def test_sweep_table_on_a_pipe_has_one_line_per_row() -> None:
    result = process("sweep", "-c", "rnn,lstm", "-H", "8,4096", "-L", "10,100000")
    assert result.returncode == 0
    assert sum(" (1, 100000, 4096) " in line for line in result.stdout.splitlines()) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["shape", "-B", "analytic", "--layers", "300", "--bidirectional"],
        ["sweep", "-H", ",".join(map(str, range(1, 300))), "-f", "json"],
    ],
)
def test_closed_pipe_ends_quietly(args: list[str]) -> None:
    """Output far longer than a pipe buffer, its reader gone after one line: exit 0, no noise."""
    with subprocess.Popen(
        [sys.executable, "-m", "rnn_cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.readline()
        proc.stdout.close()
        assert proc.stderr.read() == b""
        assert proc.wait() == 0


def test_save_failure_prints_nothing_on_stdout() -> None:
    code, stdout, stderr = rnnx("shape", "--save", "/proc/rnnx-cannot-write-here.npz")
    assert (code, stdout) == (2, "")
    assert "--save" in stderr


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["shape", "--lengths", ""], "--lengths"),
        (["shape", "--lengths", "0"], "--lengths"),
        (["shape", "--lengths", "4,2", "--unbatched"], "--lengths"),
        (["shape", "--input-shape", "²,5"], "--input-shape"),
        (["compare", "--with", ""], "--with"),
        (["compare", "--to", ""], "--to"),
    ],
)
def test_odd_values_blame_their_own_flag(args: list[str], flag: str) -> None:
    code, stdout, stderr = rnnx(*args)
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"rnnx: error: {flag}")


def test_catalog_text_is_not_read_as_markup() -> None:
    _, stdout, _ = rnnx("shape", "-B", "analytic", "--lengths", "10,7,3")
    assert "batch_sizes[t] = sequences" in stdout


@pytest.mark.parametrize(
    ("layout", "last", "own"),
    [
        ("--batch-first", "output[:, -1]", "output[b, length_b - 1]"),
        ("--seq-first", "output[-1]", "output[length_b - 1, b]"),
    ],
)
def test_packed_note_indexes_this_layout(layout: str, last: str, own: str) -> None:
    _, stdout, _ = rnnx("shape", "-B", "analytic", "--lengths", "4,2", layout, "-f", "json")
    (note,) = [n for n in json.loads(stdout)["notes"] if n.startswith("packed")]
    assert f"so {last} is padding" in note
    assert f"their last step is {own}." in note


def test_bare_rnnx_shows_help_and_succeeds() -> None:
    code, stdout, stderr = rnnx()
    assert code == 0
    assert "Usage" in stdout
    assert "shape" in stdout
    assert stderr == ""


LIST_OPTIONS = [
    (["shape", "--lengths"], "{}"),
    (["shape", "--input-shape"], "2,{},5"),
    (["sweep", "--hidden-size"], "8,{}"),
    (["sweep", "--layers"], "{}"),
    (["shape", "--expect"], "h_n=1,{},8"),
]


@pytest.mark.parametrize(("command", "pattern"), LIST_OPTIONS)
@pytest.mark.parametrize("bad", ["1_0", "١", "", "x", "9" * 30, "2.5"])
def test_every_list_option_reads_numbers_one_way(
    command: list[str], pattern: str, bad: str
) -> None:
    """One grammar: 1_0, another script's digits, empty entries and floats are refused alike."""
    code, stdout, stderr = rnnx(*command, pattern.format(bad), "-B", "analytic")
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"rnnx: error: {command[1]}")
    assert stderr.count("\n") == 1


@pytest.mark.parametrize("spelling", ["10,7,3", "[10, 7, 3]", "(10, 7, 3)", "10x7x3"])
def test_every_spelling_of_a_list_is_read_alike(spelling: str) -> None:
    doc = as_json("shape", "-B", "analytic", "--lengths", spelling, "-f", "json")
    assert doc["config"]["lengths"] == [10, 7, 3]


def test_a_missing_value_is_named_as_missing_not_as_twice() -> None:
    code, _, stderr = rnnx("shape", "-i", "5", "-i")
    assert code == 2
    assert "requires an argument" in stderr
    assert "twice" not in stderr


def test_each_option_default_and_least_is_the_specs() -> None:
    """Declared once, on the Spec: the options, build_spec and the Spec agree, and the CLI holds
    no range of its own (the Spec refuses, in the user's language)."""
    import inspect  # noqa: PLC0415

    from rnn_cli.cli.options import BATCH_OPTS, NETWORK_OPTS, RUN_OPTS  # noqa: PLC0415
    from rnn_cli.spec.build import build_spec  # noqa: PLC0415
    from rnn_cli.spec.config import DEFAULT, LEAST  # noqa: PLC0415

    built = inspect.signature(build_spec).parameters
    field = {"layers": "num_layers"}
    for opt in (*NETWORK_OPTS, *BATCH_OPTS, *RUN_OPTS):
        name = field.get(opt.name, opt.name)
        assert built[opt.name].default == opt.default, opt.name
        if opt.default is not None:
            assert opt.default == getattr(DEFAULT, name), opt.name
        assert opt.least == LEAST.get(name), opt.name
        info = opt.single().annotation.__metadata__[0]
        assert info.min is None, opt.name
    assert build_spec() == DEFAULT
