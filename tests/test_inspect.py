"""rnn_cli.inspect and `rnnx inspect` on examples/inspect: each silent mistake named by value, the
correct models with no finding, the failing Linear's flow up to it and torch's own message; the
JSON keys pinned; hostile models the student's failure (exit 1), bad options exit 2.
"""

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import torch
from torch import nn

import rnn_cli
from rnn_cli.api import InspectReport
from tests.helpers import rnnx

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "inspect"
X = (4, 6, 5)
LENGTHS = (6, 3, 2, 6)

# example -> (class, the finding ids the inspection must give, exactly)
CASES: dict[str, tuple[str, set[str]]] = {
    "bidirectional_correct": ("Classifier", set()),
    "packed_correct": ("Classifier", set()),
    "embedding_correct": ("TextClassifier", set()),
    "decoder_cell": ("Decoder", set()),
    "last_step_bidirectional": ("Classifier", {"last_step_bidirectional"}),
    "h_n_backward_only": ("Classifier", {"h_n_backward_only"}),
    "c_n_as_hidden": ("Classifier", {"c_n_as_hidden"}),
    "all_layers_flattened": ("Classifier", {"h_n_all_layers"}),
    "padded_last_step": ("Classifier", {"last_step_padded"}),
    "seq_first_layer": ("Classifier", {"layout_swapped"}),
}


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"inspect_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def inputs(name: str) -> tuple[Any, ...]:
    torch.manual_seed(0)
    if name == "embedding_correct":
        return (torch.randint(0, 1000, (4, 7)),)
    if name == "decoder_cell":
        return (torch.randn(4, 5),)
    if name in {"packed_correct", "padded_last_step"}:
        return torch.randn(*X), torch.tensor(LENGTHS)
    return (torch.randn(*X),)


def inspected(name: str, **options: Any) -> InspectReport:
    cls, _ = CASES.get(name, ("Classifier", set()))
    model = getattr(load(name), cls)()
    report = rnn_cli.inspect(model, *inputs(name), batch_size=4, **options)
    assert isinstance(report, InspectReport)
    return report


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_example_gives_its_findings_and_no_other(name: str) -> None:
    found = inspected(name).inspection
    assert {f.id for f in found.findings} == CASES[name][1]
    assert found.error is None


def test_the_wrong_slice_is_named_in_the_flow_with_its_fix() -> None:
    found = inspected("last_step_bidirectional").inspection
    classifier = next(s for s in found.modules if s.path == "classifier")
    assert [(r.layer, r.expression) for r in classifier.reads] == [("lstm", "output[:, -1]")]
    assert found.findings[0].fix == "torch.cat([h_n[-2], h_n[-1]], dim=-1)"


def test_the_right_summary_is_named_where_it_is_read() -> None:
    found = inspected("bidirectional_correct").inspection
    classifier = next(s for s in found.modules if s.path == "classifier")
    assert classifier.reads[0].expression == "torch.cat([h_n[-2], h_n[-1]], dim=-1)"


def test_a_cell_in_a_loop_is_one_row_with_its_calls() -> None:
    found = inspected("decoder_cell").inspection
    cell = next(s for s in found.modules if s.path == "cell")
    assert cell.calls == 4
    assert [v.name for v in cell.outputs] == ["h", "c"]


def test_a_packed_input_shows_batch_time_and_lengths() -> None:
    found = inspected("packed_correct").inspection
    gru = next(s for s in found.modules if s.path == "gru")
    assert gru.inputs[0].shape == X
    assert gru.inputs[0].lengths == LENGTHS
    assert found.layers[0].options["lengths"] == "6,3,2,6"


def test_the_failing_linear_shows_the_flow_up_to_it_and_torchs_message() -> None:
    found = inspected("failing_linear").inspection
    assert [s.path for s in found.modules] == ["encoder", "classifier"]
    assert found.modules[-1].outputs == ()
    assert found.error is not None
    assert found.error.module == "classifier"
    model = load("failing_linear").Classifier()
    with pytest.raises(RuntimeError) as raised:
        model(torch.randn(*X))
    assert found.error.message == str(raised.value)  # torch's own words, quoted


def test_the_failing_linear_is_decoded_in_the_modules_terms_and_its_fix_runs() -> None:
    """why's decoder reads torch's message against the layer the Linear reads: the numbers are
    the model's own, and the fix printed, pasted, makes forward run."""
    found = inspected("failing_linear").inspection
    model = load("failing_linear").Classifier()
    error, hidden = found.error, model.encoder.hidden_size
    assert error is not None
    assert error.decoded is not None
    assert error.decoded["error"] == "matmul"
    assert error.decoded["message"].endswith(error.message)
    assert error.decoded["numbers"]["in_features"] == model.classifier.in_features
    features = model.encoder(torch.randn(*X))[0][:, -1].shape[-1]
    assert error.decoded["numbers"]["features"] == features == 2 * hidden
    assert error.says == (
        f"classifier: nn.Linear(in_features={model.classifier.in_features}) receives "
        f"{features} = 2 directions × hidden_size {hidden} from encoder"
    )
    assert error.fix is not None
    fixed = eval(error.fix.replace("...", str(model.classifier.out_features)), {"nn": nn})
    model.classifier = fixed
    assert model(torch.randn(*X)).shape == (X[0], model.classifier.out_features)


def test_an_error_why_does_not_know_is_quoted_with_the_module() -> None:
    class Raises(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.gru = nn.GRU(5, 8, batch_first=True)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.gru(x)[0].sum() / "not a number"

    found = rnn_cli.inspect(Raises(), torch.randn(*X)).inspection
    assert found.error is not None
    assert found.error.decoded is None
    assert found.error.cause is None
    assert found.error.module is None  # raised in forward's own code, between the modules
    assert found.error.type == "TypeError"


def test_the_models_modes_are_restored_and_no_grad_kept() -> None:
    model = load("bidirectional_correct").Classifier()
    model.train()
    model.classifier.eval()
    rnn_cli.inspect(model, torch.randn(*X))
    assert model.training
    assert model.lstm.training
    assert not model.classifier.training


def test_nonfinite_input_is_named() -> None:
    model = load("bidirectional_correct").Classifier()
    x = torch.randn(*X)
    x[0, 0, 0] = float("nan")
    found = rnn_cli.inspect(model, x).inspection
    assert [(f.id, f.module) for f in found.findings] == [("nonfinite", "lstm")]


def test_dropout_with_one_layer_is_named() -> None:
    with pytest.warns(UserWarning, match="num_layers greater than 1"):
        model = nn.Sequential(nn.GRU(5, 8, dropout=0.5, batch_first=True))
    found = rnn_cli.inspect(model, torch.randn(*X)).inspection
    assert [f.id for f in found.findings] == ["dropout_one_layer"]


def test_the_report_shows_itself_three_ways_in_both_languages() -> None:
    for lang, word in (("en", "Findings"), ("ko", "발견")):
        report = inspected("last_step_bidirectional", lang=lang)
        bundle = report._repr_mimebundle_()
        assert word in str(report)
        assert word in bundle["text/plain"]
        assert "<pre" in bundle["text/html"]
        assert word in bundle["text/html"]
        assert report.__rich__() is not None
        findings = report.to_dict()["findings"]
        assert isinstance(findings, tuple)
        assert ("읽습니다" in findings[0]["says"]) == (lang == "ko")
        assert ("발견" in str(report)) == (lang == "ko")


def cli(name: str, *extra: str) -> tuple[int, str, str]:
    cls = CASES.get(name, ("Classifier", set()))[0]
    code, out, err = rnnx("inspect", f"{EXAMPLES / name}.py:{cls}", *extra)
    return code, out, err


def test_cli_json_equals_the_apis_to_dict_and_its_keys_are_pinned() -> None:
    code, out, _ = cli("last_step_bidirectional", "--input", "4,6,5", "-f", "json")
    assert code == 1
    document = json.loads(out)
    assert list(document) == ["schema", "modules", "layers", "findings", "notes", "error"]
    assert set(document["modules"][0]) == {
        "path",
        "type",
        "config",
        "inputs",
        "outputs",
        "parameters",
        "calls",
        "reads",
    }
    assert set(document["findings"][0]) == {"id", "module", "says", "fix"}
    assert set(document["layers"][0]) == {"path", "options", "command", "shape"}
    api = json.loads(json.dumps(inspected("last_step_bidirectional").to_dict()))
    for shown in (api, document):  # the forward's timing is the one value two runs differ in
        shown["layers"][0]["shape"]["seconds"] = None
    assert api == document


def test_cli_exit_codes_and_formats() -> None:
    code, out, _ = cli("bidirectional_correct", "--input", "4,6,5")
    assert code == 0, out
    assert "rnnx shape --cell lstm --bidirectional --batch-size 4 --seq-len 6" in out
    code, out, _ = cli("embedding_correct", "--input", "4,7:long", "-f", "markdown")
    assert code == 0, out
    assert "| embedding | Embedding<br>16,000 params |" in out
    code, out, _ = cli("failing_linear", "--input", "4,6,5", "--lang", "ko", "-f", "json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error["message"] == "mat1 and mat2 shapes cannot be multiplied (4x256 and 128x3)"
    assert error["message"] in error["decoded"]["message"]  # quoted, never translated
    assert "encoder의 256 = 방향 2개" in error["says"]
    assert error["decoded"]["causes"][0]["id"] == "bidirectional_linear"
    code, out, _ = cli("packed_correct", "--input", "4,6,5", "--lengths", "6,3,2,6")
    assert code == 0, out


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (("--input", "4,x,5"), "--input"),
        (("--input", "4,6:complex"), "--input"),
        (("--input", "4,6,5", "--kwargs", "[1]"), "--kwargs"),
        (("--input", "4,6:long"), "--input"),  # no nn.Embedding to bound the ids
        ((), "--input"),
    ],
)
def test_bad_options_exit_2_naming_the_flag(args: tuple[str, ...], flag: str) -> None:
    code, _, err = cli("bidirectional_correct", *args)
    assert code == 2
    assert flag in err


def test_a_missing_name_is_a_bad_target(tmp_path: Path) -> None:
    code, _, err = rnnx("inspect", f"{EXAMPLES / 'bidirectional_correct.py'}:Nope", "--input", "4")
    assert code == 2
    assert "Nope" in err


MODULE = "import sys, torch\nclass M(torch.nn.Module):\n    def forward(self, x):\n        {body}\n"
HOSTILE = {
    "loop": MODULE.format(body="while True: pass"),
    "exit": MODULE.format(body="sys.exit(3)"),
    "notmodule": "class M:\n    pass\n",
    "raises": "class M:\n    def __init__(self):\n        raise ValueError('no')\n",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_model_is_the_students_failure(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.py"
    path.write_text(HOSTILE[kind])
    code, _, err = rnnx("inspect", f"{path}:M", "--input", "2,3", "--timeout", "20")
    assert code == 1, err
    assert "Traceback (most recent call last)" not in err or "rnn_cli" not in err
    assert err.strip()


def test_import_rnn_cli_gives_the_api_by_name() -> None:
    assert callable(rnn_cli.inspect)
    assert callable(rnn_cli.shape)
    assert callable(rnn_cli.why)
    assert set(rnn_cli.__all__) == {"shape", "inspect", "why", "load_ipython_extension"}
    assert "rnn_cli.inspect.run" in sys.modules  # the package is there too, under its name
    assert "rnn_cli.why.decode" in sys.modules


def test_each_layer_is_explained_on_its_own_tensors() -> None:
    """The in-process report's recipes and identities hold on the student's own numbers."""
    found = inspected("packed_correct").inspection
    (report,) = found.reports
    assert report.spec.lengths == LENGTHS
    assert report.recipes
    assert all(r.holds for r in report.recipes)
    assert all(i.holds == i.expected for i in report.identities)
