"""rnnx in Korean: every command's output leaves no English sentence, goldens at 80 columns, and
the diagram's columns line up when labels are two cells wide."""

import json
import re
import string
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from rnn_cli.catalog import lookup
from rnn_cli.catalog.en import EN
from rnn_cli.catalog.lookup import Lang, text
from rnn_cli.cli import core
from rnn_cli.cli.launch import app
from rnn_cli.findings.report import build
from rnn_cli.network.lesson import lesson
from rnn_cli.render import diagram
from rnn_cli.render import equations as equations_render
from rnn_cli.render import table as table_render
from rnn_cli.spec.choices import Backend, Cell
from rnn_cli.spec.config import Spec
from tests.helpers import plain, runner

# a word of English prose: not part of a name (torch.cuda, bias_ih, --save) nor a call (tanh()
_WORD = re.compile(r"(?<![\w.\-])[A-Za-z]{2,}(?![\w(])")


def _fragments() -> tuple[str, ...]:
    """The fixed text of every English sentence a translation replaces (formulas and names are
    the same in every language), where it holds two words or more: a tensor name never matches;
    nor does torch's own message, which Korean quotes in English ('...')."""
    ko = lookup.catalog(Lang.KO)
    found = set()
    for key, sentence in EN.items():
        if ko[key] == sentence:
            continue
        quoted = re.findall(r"'([^']*)'", ko[key])
        for literal, *_ in string.Formatter().parse(sentence):
            piece = literal.strip(" .,:;()")
            if len(_WORD.findall(piece)) >= 2 and not any(piece in q for q in quoted):
                found.add(piece)
    return tuple(sorted(found))


FRAGMENTS = _fragments()


def english_in(output: str) -> list[str]:
    return [f for f in FRAGMENTS if f in output]


@pytest.fixture
def korean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Korean for this test (chosen in process and through RNNX_LANG), English again after it;
    one output, as a command makes it (each gloss at its first mention)."""
    monkeypatch.setenv("RNNX_LANG", "ko")
    lookup.use(Lang.KO)
    try:
        with lookup.one_output():
            yield
    finally:
        lookup.use(Lang.EN)


@pytest.fixture
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands print to a console too wide to wrap a sentence, so a fragment is never split."""
    monkeypatch.setitem(core._CONSOLES, "out", Console(width=400, color_system=None))


COMMANDS = [
    ["shape", "--backend", "numpy"],
    ["shape", "--layers", "2", "--bidirectional", "--backend", "numpy"],
    ["shape", "--cell", "lstm", "--proj-size", "4", "--seq-first", "--backend", "numpy"],
    ["shape", "--lengths", "10,4,2", "--bidirectional", "--backend", "numpy"],
    ["shape", "--cell", "gru", "--unbatched", "--layers", "3", "--dropout", "0.25"],
    ["shape", "--dropout", "0.2", "--seq-len", "1", "--nonlinearity", "relu", "--backend", "numpy"],
    ["shape", "--input-shape", "28,64,5"],
    ["shape", "--backend", "analytic", "--cell", "lstm"],
    ["shape", "-B", "analytic", "--layers", "2", "--expect", "h_n=2,1,8", "--expect", "h_0=2,1,8"],
    ["shape", "--layers", "2", "--bidirectional", "--backend", "numpy", "-f", "markdown"],
    ["shape", "--lengths", "10,4,2", "--cell", "lstm", "-f", "markdown"],
    ["shape", "--cell", "lstm", "--proj-size", "4", "--bidirectional", "-f", "json"],
    ["explain", "--cell", "rnn"],
    ["explain", "--cell", "lstm", "--proj-size", "4", "--layers", "2", "--bidirectional"],
    ["explain", "--cell", "gru", "--no-bias", "--unbatched"],
    ["explain", "--cell", "lstm", "--lengths", "10,4,2", "--bidirectional"],
    ["explain", "--cell", "gru", "--lengths", "10,4,2"],
    ["diagram"],
    ["diagram", "--cell", "lstm", "--layers", "3", "--bidirectional", "--seq-len", "128"],
    ["diagram", "--lengths", "10,4,2", "--bidirectional", "--seq-first"],
    ["diagram", "--lengths", "9,9,9,9,9,3", "--seq-len", "9", "--batch-size", "6"],
    ["compare"],
    ["compare", "--cell", "lstm", "--proj-size", "4", "--dropout", "0.3", "--layers", "2"],
    ["compare", "--cell", "gru", "-f", "markdown"],
    ["compare", "-f", "json"],
    ["code", "--lengths", "10,4,2", "--seed", "99999999999999999999"],
    ["sweep", "--cell", "rnn,lstm", "--proj-size", "0,4", "--backend", "analytic"],
    ["why", "RuntimeError: Expected hidden[0] size (2, 4, 8), got [1, 4, 8]"],
    ["why", "Expected hidden size (2, 64, 8), got [2, 4, 8]", "--seq-first", "-f", "markdown"],
    ["why", "mat1 and mat2 shapes cannot be multiplied (4x16 and 8x2)", "-f", "json"],
    ["why", "RNN input dtype (torch.int64) does not match weight dtype (torch.float32)."],
    ["why", "Expected `len(lengths)` to be equal to batch_size, but got 3 (batch_size=4)"],
]


def test_lang_flag_chooses_korean_for_that_run() -> None:
    try:
        korean = runner.invoke(app, ["shape", "-B", "analytic", "--lang", "ko"])
    finally:
        lookup.use(Lang.EN)
    english = runner.invoke(app, ["shape", "-B", "analytic"])
    assert korean.exit_code == english.exit_code == 0
    assert text("note.torch_default") in " ".join(english.stdout.split())
    assert "은닉 상태" in korean.stdout
    assert "hidden_size 8" not in korean.stdout.replace("(hidden_size) 8", "")


def _run(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout + result.stderr


@pytest.mark.usefixtures("wide_console")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_korean_output_holds_no_english_sentence(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _run(args)
    assert english_in(english), "the check cannot fail on this command"
    with monkeypatch.context() as m:
        m.setenv("RNNX_LANG", "ko")
        lookup.use(Lang.KO)
        try:
            shown = _run(args)
        finally:
            lookup.use(Lang.EN)
    assert english_in(shown) == []
    assert re.search("[가-힣]", shown)


def _keys(value: object) -> object:
    """value's structure: every key, list lengths, no prose."""
    if isinstance(value, dict):
        return {k: _keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_keys(v) for v in value]
    return type(value).__name__


@pytest.mark.parametrize("command", ["shape", "compare"])
def test_json_keeps_its_names_in_korean(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys, tensor and parameter names and enum values are the same; only prose follows --lang."""
    args = [command, "--cell", "lstm", "--layers", "2", "--bidirectional", "-f", "json"]
    english = json.loads(_run(args))
    monkeypatch.setenv("RNNX_LANG", "ko")
    try:
        korean = json.loads(_run(args))
    finally:
        lookup.use(Lang.EN)
    assert _keys(korean) == _keys(english)
    assert korean["config"] == english["config"]
    if command == "shape":
        for ko_t, en_t in zip(korean["tensors"], english["tensors"], strict=True):
            assert (ko_t["name"], ko_t["shape"]) == (en_t["name"], en_t["shape"])
        assert korean["notes"] != english["notes"]


BAD_INPUT = [
    ["shape", "--cell", "lstm", "--proj-size", "8"],
    ["shape", "--cell", "gru", "--proj-size", "2"],
    ["shape", "--cell", "lstm", "--nonlinearity", "relu"],
    ["shape", "--dropout", "1.5"],
    ["shape", "--layers", "0"],
    ["shape", "--hidden-size", "0"],
    ["shape", "--cell", "lstm", "--proj-size", "-1"],
    ["code", "--seed", "-1"],
    ["shape", "--unbatched", "--batch-size", "3"],
    ["shape", "--lengths", "10,0"],
    ["shape", "--lengths", "10,x"],
    ["shape", "--input-shape", "1,2,3,4"],
    ["shape", "--input-shape", "64,28,6"],
    ["shape", "--input-shape", "64,28,5", "--batch-size", "3"],
    ["shape", "--input-shape", "what"],
    ["shape", "--device", "cuda", "--backend", "numpy"],
    ["shape", "--max-memory", "1KiB"],
    ["shape", "--max-memory", "lots"],
    ["shape", "--save", "run.txt"],
    ["shape", "--save", "run.npz", "--backend", "analytic"],
    ["compare", "--backends", "torch"],
    ["compare", "--backends", "torch,analytic"],
    ["compare", "--backends", "torch,tensorflow"],
    ["compare", "--atol", "nan"],
    ["shape", "--expect", "hn=4,1,8"],
    ["shape", "--expect", "h_n=4,,8"],
    ["diagram", "--svg", "d.png"],
    ["sweep", "--hidden-size", "8,x"],
    ["sweep", "--hidden-size", "8,0"],
    ["sweep", "--cell", "rnn,gru", "--proj-size", "4", "--backend", "analytic"],
    ["sweep", "--hidden-size", "1,2,3,4", "--layers", "1,2,3", "--max-configs", "5"],
    ["sweep", "--hidden-size", "8,16", "--backend", "numpy", "--max-memory", "1KiB"],
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=" ".join)
def test_korean_errors_are_one_line_with_no_english_sentence(
    args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.chdir(str(tmp_path))
    english = runner.invoke(app, args)
    assert english.exit_code == 2
    assert english_in(english.stderr), english.stderr  # else the check below cannot fail
    with monkeypatch.context() as m:
        m.setenv("RNNX_LANG", "ko")
        lookup.use(Lang.KO)
        try:
            shown = runner.invoke(app, args)
        finally:
            lookup.use(Lang.EN)
    assert shown.exit_code == 2
    assert shown.stderr.startswith("rnnx: error: ")
    assert shown.stderr.count("\n") == 1
    assert english_in(shown.stderr) == []
    assert re.search("[가-힣]", shown.stderr)


@pytest.mark.usefixtures("korean")
def test_golden_shape_the_notebooks_bidirectional_case(golden: Callable[[str, str], None]) -> None:
    """The notebook's cell_B: nn.RNN(5, 8, num_layers=2, batch_first=True, bidirectional=True)."""
    spec = Spec(num_layers=2, bidirectional=True)
    golden(
        "table_rnn_2layer_bidir_ko",
        plain(table_render.render(build(spec, Backend.ANALYTIC, None)), 80),
    )


@pytest.mark.usefixtures("korean")
def test_golden_explain_lstm(golden: Callable[[str, str], None]) -> None:
    golden("explain_lstm_ko", plain(equations_render.render(lesson(Spec(cell=Cell.LSTM))), 80))


@pytest.mark.usefixtures("korean")
def test_golden_diagram(golden: Callable[[str, str], None]) -> None:
    spec = Spec(num_layers=2, bidirectional=True, batch_size=3, lengths=(10, 4, 2))
    golden("diagram_rnn_packed_2layer_bidir_ko", plain(diagram.render(spec, 80), 80))


@pytest.mark.usefixtures("korean")
def test_golden_error(golden: Callable[[str, str], None]) -> None:
    result = runner.invoke(app, ["shape", "--cell", "lstm", "--proj-size", "8"])
    assert result.exit_code == 2
    golden("error_proj_not_smaller_ko", result.stderr)


def _centres(line: str, pattern: str) -> list[int]:
    """The cell column at the centre of each match of pattern, counted by cell width."""
    return [
        cell_len(line[: m.start()]) + cell_len(m.group()) // 2 for m in re.finditer(pattern, line)
    ]


def _glyph_columns(line: str, glyphs: str) -> list[int]:
    return [cell_len(line[:i]) for i, ch in enumerate(line) if ch in glyphs]


@settings(max_examples=40, deadline=None)
@given(
    layers=st.integers(1, 3),
    bidirectional=st.booleans(),
    lengths=st.lists(st.integers(1, 30), min_size=1, max_size=5),
    width=st.integers(60, 140),
)
def test_korean_diagram_columns_line_up_by_cell_width(
    layers: int, bidirectional: bool, lengths: list[int], width: int
) -> None:
    """Every row's marks sit in the step labels' columns, though 층 and 특성 take two cells."""
    spec = Spec(
        num_layers=layers,
        bidirectional=bidirectional,
        batch_size=len(lengths),
        seq_len=max(lengths),
        lengths=tuple(lengths),
    )
    lookup.use(Lang.KO)
    try:
        picture = plain(diagram.render(spec, width), width=diagram.picture_width(spec, width))
    finally:
        lookup.use(Lang.EN)
    lines = picture.splitlines()
    steps = next(line for line in lines if "t=0" in line)
    columns = _centres(steps, r"t=\d+|…")
    layer_rows = [line for line in lines if line.startswith("층 ")]
    assert len(layer_rows) == layers * spec.num_directions
    for row in layer_rows:
        assert _glyph_columns(row, "■□…") == columns, row
    drawn = _centres(steps, r"t=\d+")  # "…" has no ▲ under it
    for row in (line for line in lines if "▲" in line):
        assert _glyph_columns(row, "▲") == drawn, row
    inputs = next(line for line in lines if line.startswith("입력"))
    assert _centres(inputs, r"x_\d+|…") == columns
    assert max(cell_len(line) for line in lines) <= max(width, diagram.picture_width(spec, 0))


def test_each_english_gloss_is_given_once_at_its_first_mention() -> None:
    """은닉 상태의 크기 (hidden_size) on the first row that says it, not on every row."""
    from rnn_cli.catalog.ko import GLOSSES  # noqa: PLC0415 (English runs never load ko)

    try:
        shown = runner.invoke(
            app, ["shape", "-B", "analytic", "-c", "lstm", "-l", "2", "--bidirectional",
                  "--params", "--lang", "ko"], env={"COLUMNS": "400"},
        ).stdout  # fmt: skip
    finally:
        lookup.use(Lang.EN)
    counts = {g: shown.count(f" ({g})") for g in GLOSSES}
    assert max(counts.values()) == 1, counts
    assert counts["hidden_size"] == counts["gate"] == counts["time step"] == 1
    first = next(line for line in shown.splitlines() if "은닉 상태의 크기" in line)
    assert "(hidden_size)" in first


@pytest.mark.parametrize("backend", list(Backend))
def test_glosses_show_on_every_backend(backend: Backend) -> None:
    """The guard and the draw read shapes before the report is shown: they say nothing, so the
    table's first mention of each term still carries its gloss, whichever backend ran."""
    args = ["shape", "-B", backend.value, "-c", "lstm", "--lang", "ko"]
    try:
        shown = [runner.invoke(app, args, env={"COLUMNS": "120"}).stdout for _ in range(2)]
    finally:
        lookup.use(Lang.EN)
    assert "배치 크기 (batch_size) 1" in shown[0]
    assert "은닉 상태의 크기 (hidden_size) 8" in shown[0]
    assert shown[0].count("(batch_size)") == 1
    assert shown[1] == shown[0]  # a second output in the same process glosses afresh


def test_a_phrase_is_said_in_the_language_of_the_moment() -> None:
    """Shape arithmetic holds keys and numbers; the sentence comes when it is shown."""
    from rnn_cli.network import shapes  # noqa: PLC0415

    dim = shapes.tensors(Spec())[0].dims[0]
    english = str(dim.meaning)
    try:
        lookup.use(Lang.KO)
        korean = str(dim.meaning)
    finally:
        lookup.use(Lang.EN)
    assert (english, korean) == ("batch_size 1", "배치 크기 (batch_size) 1")
