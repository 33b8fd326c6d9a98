"""Recipes: every expression holds on torch's and numpy's tensors, every wrong twin differs."""

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from rnn_cli.backends.dispatch import run
from rnn_cli.catalog.lookup import text
from rnn_cli.cli.launch import app
from rnn_cli.findings.recipes import evaluate
from rnn_cli.findings.report import build
from rnn_cli.network.weights import draw
from rnn_cli.render import table as table_render
from rnn_cli.render.plain import Detail
from rnn_cli.spec.choices import Backend, Cell, Nonlinearity
from rnn_cli.spec.config import Spec
from tests.helpers import plain, runner
from tests.strategies import specs


@pytest.mark.parametrize("backend", [Backend.TORCH, Backend.NUMPY])
@settings(max_examples=60, deadline=None, derandomize=True)
@given(spec=specs())
def test_every_recipe_holds(backend: Backend, spec: Spec) -> None:
    for recipe in evaluate(spec, run(spec, backend, draw(spec))):
        assert recipe.holds is True, (recipe.expression, spec)


@pytest.mark.parametrize("backend", [Backend.TORCH, Backend.NUMPY])
@settings(max_examples=60, deadline=None, derandomize=True)
@given(spec=specs())
def test_every_wrong_twin_shown_differs(backend: Backend, spec: Spec) -> None:
    # relu can zero a state on both sides; rnnx then says "equal on these numbers, by chance"
    assume(spec.activation is not Nonlinearity.RELU)
    for recipe in evaluate(spec, run(spec, backend, draw(spec))):
        if recipe.wrong is not None:
            assert recipe.wrong_differs is True, (recipe.wrong, spec)


def test_twins_that_would_coincide_are_not_shown() -> None:
    one_step = {r.name: r.wrong for r in evaluate(Spec(bidirectional=True, seq_len=1), None)}
    assert one_step["summary"] is None
    assert one_step["backward_final"] is None
    one_layer = {r.name: r.wrong for r in evaluate(Spec(), None)}
    assert one_layer["summary"] is None  # h_n[0] is h_n[-1]
    one_sequence = {r.name for r in evaluate(Spec(bidirectional=True), None)}
    assert "top_directions" not in one_sequence  # view(1, -1) is the concatenation
    same_lengths = Spec(batch_size=2, seq_len=3, lengths=(3, 3))
    assert {r.name: r.wrong for r in evaluate(same_lengths, None)}["last_valid"] is None


def test_analytic_recipes_are_unchecked() -> None:
    report = build(Spec(num_layers=2, bidirectional=True), Backend.ANALYTIC, None)
    assert report.recipes
    assert all(r.holds is None for r in report.recipes)
    assert all(r.wrong_differs is None for r in report.recipes)


def test_a_broken_tensor_fails_the_check() -> None:
    spec = Spec(bidirectional=True, batch_size=2)
    result = run(spec, Backend.NUMPY, draw(spec))
    broken = type(result)(result.output * 2, result.h_n, None, 0.0)
    assert not all(r.holds for r in evaluate(spec, broken))


def test_this_networks_numbers() -> None:
    spec = Spec(cell=Cell.LSTM, num_layers=2, bidirectional=True, batch_size=3, lengths=(4, 2, 1))
    got = {r.name: r for r in evaluate(spec, None)}
    assert got["summary"].expression == "torch.cat([h_n[-2], h_n[-1]], dim=-1)"
    assert got["classifier"].expression.startswith("nn.Linear(in_features=16,")
    assert got["layers_directions"].expression == "h_n.view(2, 2, 3, 8)"
    assert got["top_directions"].wrong == "h_n[-2:].view(3, -1)"
    assert got["last_valid"].expression == "output[torch.arange(3), lengths - 1, :8]"
    assert got["last_valid"].wrong == "output[:, -1, :8]"
    assert got["backward_final"].expression == "output[:, 0, 8:]"
    assert got["initial_state"].expression.startswith("h_0, c_0 = torch.zeros(4, 3, 8)")


def test_unbatched_forms_have_no_batch_axis() -> None:
    got = {
        r.name: r for r in evaluate(Spec(unbatched=True, bidirectional=True, num_layers=2), None)
    }
    assert got["summary"].shape == (16,)
    assert got["layers_directions"].expression == "h_n.view(2, 2, 8)"
    assert got["backward_final"].expression == "output[0, 8:]"
    assert got["initial_state"].expression == "h_0 = torch.zeros(4, 8)"


def _shape(*args: str, columns: int = 80) -> str:
    result = runner.invoke(app, ["shape", *args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_first_screen_fits() -> None:
    out = _shape("--layers", "2", "--bidirectional")
    assert len(out.splitlines()) <= 45
    assert "nn.Linear(in_features=16, out_features=num_classes)" in out
    assert "656 parameters in 16 tensors, 5,920 multiply-adds" in out
    assert "weight_ih_l0" not in out


@pytest.mark.parametrize("flag", ["--params", "--all"])
def test_params_and_all_show_the_parameter_table(flag: str) -> None:
    out = _shape("--layers", "2", flag)
    assert "weight_ih_l1" in out
    assert ("output[:, -1] == h_n[-1]" in out) is (flag == "--all")


@pytest.mark.parametrize(
    "args",
    [
        ["shape", "--layers", "2", "--bidirectional", "--all"],
        ["explain", "--cell", "lstm", "--proj-size", "3"],
        ["diagram", "--layers", "2"],
        ["sweep", "--cell", "rnn,lstm", "--layers", "1,2"],
        ["compare", "--cell", "gru"],
    ],
)
def test_piped_text_has_no_trailing_spaces(args: list[str]) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


@pytest.mark.parametrize("command", ["shape", "explain", "diagram", "sweep", "compare"])
def test_svg_and_html_saved(command: str, tmp_path: Path) -> None:
    svg, html = tmp_path / "out.svg", tmp_path / "out.html"
    result = runner.invoke(app, [command, "--svg", str(svg), "--html", str(html)])
    assert result.exit_code == 0, result.output
    assert 'xml:space="preserve"' in svg.read_text(encoding="utf-8")
    assert "<html" in html.read_text(encoding="utf-8").lower()


def test_wrong_suffix_is_refused() -> None:
    result = runner.invoke(app, ["shape", "--html", "page.txt"])
    assert result.exit_code == 2
    assert "--html must name a .html file" in result.stderr


WIDTHS = (80, 120)
SHAPES = {
    "rnn_2layer_bidir": Spec(num_layers=2, bidirectional=True),
    "lstm_packed_seqfirst": Spec(
        cell=Cell.LSTM,
        proj_size=3,
        batch_first=False,
        batch_size=3,
        lengths=(6, 4, 2),
        bidirectional=True,
        seq_len=6,
    ),
    "gru_unbatched": Spec(cell=Cell.GRU, unbatched=True, num_layers=2),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_first_screen_golden(
    name: str, width: int, golden: Callable[[str, str], None]
) -> None:
    spec = SHAPES[name]
    report = build(spec, Backend.NUMPY, run(spec, Backend.NUMPY, draw(spec)))
    golden(f"shape_{name}_{width}", plain(table_render.render(report), width))


@pytest.mark.parametrize("width", [50, 64, 80])
def test_no_code_is_broken_across_lines(width: int) -> None:
    spec = Spec(cell=Cell.GRU, num_layers=2, bidirectional=True, batch_size=3, lengths=(5, 3, 1))
    report = build(spec, Backend.NUMPY, run(spec, Backend.NUMPY, draw(spec)))
    lines = plain(table_render.render(report, Detail.ALL), width).splitlines()
    code = [r.expression for r in report.recipes] + [i.claim for i in report.identities]
    code += [r.wrong for r in report.recipes if r.wrong] + ["output[b, length_b - 1]"]
    for expression in code:
        if len(expression) <= width - 4:
            assert any(expression in line for line in lines), (expression, width)


def test_a_packed_last_step_is_called_padding_where_it_is() -> None:
    """output[:, -1] of a short sequence is zeros: the recipe says padding, not 'one step read'."""
    spec = Spec(bidirectional=True, batch_size=3, seq_len=10, lengths=(10, 7, 3))
    (summary,) = (r for r in evaluate(spec, None) if r.name == "summary")
    assert summary.wrong_why == text("recipe.summary_wrong_padded")
    (equal,) = (r for r in evaluate(Spec(bidirectional=True), None) if r.name == "summary")
    assert equal.wrong_why == text("recipe.summary_wrong_last")
