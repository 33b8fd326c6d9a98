"""What each path imports, in a fresh interpreter: the analytic path below the CLI loads neither
numpy nor torch (nor Rich), the numpy path never torch (issue 12: a command loads only what it
uses). Each child prints its own answer; nothing here times anything.
"""

import json

import pytest

from tests.helpers import python

LOADED = "print(json.dumps(sorted(m for m in ('numpy', 'torch', 'rich') if m in sys.modules)))"


def run_child(body: str) -> tuple[list[str], str]:
    """The heavy modules a child running body ended with, and what body printed before them."""
    code = f"import json, sys\n{body}\n{LOADED}\n"
    done = python("-c", code)
    assert done.returncode == 0, done.stderr
    *printed, loaded = done.stdout.rstrip("\n").split("\n")
    modules = json.loads(loaded)
    assert isinstance(modules, list)
    return modules, "\n".join(printed)


ANALYTIC = """\
from rnn_cli.spec.build import build_spec
from rnn_cli.pipeline import shape
from rnn_cli.render import {view} as view
from rnn_cli.spec.choices import Backend, Cell
spec = build_spec(cell=Cell.LSTM, layers=2, bidirectional=True, lengths="4,2")
run = shape(spec, Backend.ANALYTIC, None)
print(view.render(run.report))
"""


@pytest.mark.parametrize("view", ["json", "csv"])
def test_analytic_path_imports_neither_numpy_nor_torch(view: str) -> None:
    modules, printed = run_child(ANALYTIC.format(view=view))
    assert modules == []
    assert "h_n" in printed  # the report was built and rendered, not skipped
    if view == "json":
        recipes = json.loads(printed)["recipes"]
        assert recipes  # listed, unchecked: nothing ran
        assert {r["holds"] for r in recipes} == {None}


def test_analytic_sweep_imports_no_numpy() -> None:
    body = """\
from rnn_cli.findings import expectations
from rnn_cli.spec import grid
from rnn_cli.spec.build import build_spec
from rnn_cli.pipeline import refuse_any, shape
from rnn_cli.spec.choices import Backend, Cell
specs = [build_spec(cell=c, hidden_size=h) for c in Cell for h in (4, 4096)]
refuse_any(specs, Backend.ANALYTIC, None)
runs = [shape(s, Backend.ANALYTIC, None, (expectations.parse("h_n=1,1,4", s),)) for s in specs]
print(*[r.report.expectations[0].holds for r in runs])
"""
    modules, printed = run_child(body)
    assert modules == []
    assert printed == "True False True False True False"  # --expect checked, arithmetic only


def test_numpy_path_loads_numpy_on_demand_and_never_torch() -> None:
    body = """\
from rnn_cli.spec.build import build_spec
from rnn_cli.pipeline import shape
from rnn_cli.spec.choices import Backend, Cell
spec = build_spec(cell=Cell.GRU, layers=2, bidirectional=True, lengths="4,2")
report = shape(spec, Backend.NUMPY, None).report
print(all(r.holds for r in report.recipes), all(i.holds == i.expected for i in report.identities))
"""
    modules, printed = run_child(body)
    assert modules == ["numpy"]
    assert printed == "True True"  # the readings, loading numpy themselves, checked every one


def test_compare_loads_its_findings_on_demand_and_never_torch() -> None:
    body = """\
from rnn_cli.spec.build import build_spec
from rnn_cli.pipeline import compare
from rnn_cli.spec.choices import Backend
spec = build_spec()
print(compare(spec, (), (Backend.NUMPY, Backend.NUMPY), None, 1, None).match)
"""
    modules, printed = run_child(body)
    assert modules == ["numpy"]
    assert printed == "True"


COMMAND = """\
sys.argv = ["rnnx", *{argv!r}]
from rnn_cli.cli.main import main
try:
    main()
except SystemExit as e:
    assert e.code in (0, None), e.code
"""


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["shape", "-B", "analytic", "-f", "json", "-c", "lstm", "--expect", "h_n=1,1,8"], []),
        (["shape", "-B", "analytic", "-f", "csv", "--lengths", "4,2"], []),
        (["shape", "-B", "numpy", "-f", "json"], ["numpy"]),
        (["shape", "-B", "numpy"], ["numpy", "rich"]),
        (["explain", "--cell", "gru"], ["rich"]),
        (["why", "Expected hidden size (2, 4, 8), got [1, 4, 8]", "-f", "json"], []),
        (["why", "mat1 and mat2 shapes cannot be multiplied (4x16 and 8x2)"], ["rich"]),
    ],
)
def test_a_command_loads_only_what_it_uses(argv: list[str], allowed: list[str]) -> None:
    """As the console script runs it: JSON and CSV load no Rich, analytic no numpy, none torch."""
    modules, _ = run_child(COMMAND.format(argv=argv))
    assert modules == allowed


def test_torch_loads_with_the_collector_paused_and_leaves_it_on() -> None:
    """rnn_cli.loading: no cyclic collection while torch imports, the collector on afterwards."""
    body = """\
import gc
from rnn_cli.backends.dispatch import load_torch
counts = []
gc.callbacks.append(lambda phase, info: counts.append(info["generation"]))
load_torch()
print(len(counts), gc.isenabled(), gc.get_freeze_count() > 0)
"""
    modules, printed = run_child(body)
    assert printed == "0 True True"
    assert "torch" in modules


def test_import_rnn_cli_loads_neither_torch_numpy_nor_rich() -> None:
    """The package's public names (rnn_cli.shape, rnn_cli.inspect) load on first use only."""
    modules, printed = run_child("import rnn_cli\nprint(sorted(rnn_cli.__all__))")
    assert modules == []
    assert printed == "['inspect', 'load_ipython_extension', 'shape', 'why']"


def test_rnn_cli_why_reads_text_without_torch_or_numpy() -> None:
    """rnn_cli.why on a message is why's decoder: text only, as `rnnx why` is."""
    body = (
        "import rnn_cli\n"
        "said = rnn_cli.why('Expected hidden[0] size (2, 4, 8), got [1, 4, 8]').to_dict()\n"
        "print(said['error'])"
    )
    modules, printed = run_child(body)
    assert printed == "hidden_size"
    assert modules == []
