"""The floors as folders: the import contracts (import-linter, `make lint`) hold, an upward import
breaks them, docs/development.md's "Layout" lists the same floors, and the floors below the
backends load numpy only inside the functions that compute.
"""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rnn_cli"
LINT = Path(sys.executable).parent / "lint-imports"


def lint(where: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports over the rnn_cli found in where, with where's pyproject.toml."""
    return subprocess.run(
        [str(LINT), "--no-cache"],
        cwd=where,
        env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def floors() -> list[list[str]]:
    """The layers contract's floors, top first, each its packages ("a | b": independent
    siblings; tomllib is 3.11+: read the one list)."""
    config = (ROOT / "pyproject.toml").read_text()
    block = re.search(r'type = "layers"\nlayers = \[(.*?)\]', config, re.DOTALL)
    assert block is not None
    return [entry.split(" | ") for entry in re.findall(r'"([\w. |]+)"', block[1])]


def layers() -> list[str]:
    """Every package on a floor, top floor first."""
    return [name for floor in floors() for name in floor]


def test_the_contracts_hold() -> None:
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def lint_with(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """lint-imports over a copy of the house where module (a path under rnn_cli/) ends in line."""
    shutil.copytree(PACKAGE, tmp_path / "rnn_cli", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    changed = tmp_path / "rnn_cli" / module
    changed.write_text(changed.read_text() + f"\n{line}\n")
    return lint(tmp_path)


def test_an_upward_import_breaks_the_floors(tmp_path: Path) -> None:
    """A copy of the house where floor 1 reaches up to the CLI: the layers contract says so."""
    done = lint_with(tmp_path, "base/errors.py", "from rnn_cli.cli import core  # upward")
    assert done.returncode == 1
    assert "rnn_cli.base.errors -> rnn_cli.cli.core" in done.stdout
    assert "Floors: each package imports only from the floors below it BROKEN" in done.stdout


def test_readme_layout_lists_the_floors_of_the_contract() -> None:
    """docs/development.md's Layout table, read bottom floor first, names the contract's floors
    in order; siblings on one floor (`a | b` in the contract) share the floor's number, a row
    each."""
    readme = (ROOT / "docs" / "development.md").read_text()
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    listed: dict[int, set[str]] = {}
    for row in section.splitlines():
        number = re.match(r"\| (\d+) \|", row)
        if number:
            names = re.findall(r"`(\w+)(?:/|\.py)`", row.split("|")[2])
            listed.setdefault(int(number[1]), set()).update(names)
    in_readme = [listed[n] for n in sorted(listed, reverse=True)]
    assert in_readme == [{name.removeprefix("rnn_cli.") for name in f} for f in floors()]


def test_siblings_on_a_floor_may_not_import_each_other(tmp_path: Path) -> None:
    """why/ and grading/ share a floor: one importing the other breaks the layers contract."""
    done = lint_with(tmp_path, "why/decode.py", "from rnn_cli.grading import verdict  # sideways")
    assert done.returncode == 1
    assert "rnn_cli.why.decode -> rnn_cli.grading.verdict" in done.stdout


def test_every_package_is_on_a_floor() -> None:
    """A new folder or top-level module must be given a floor (or be the package's own entry)."""
    found = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()
    }
    on_floors = {name.removeprefix("rnn_cli.") for name in layers()}
    assert found - on_floors == {"__init__", "__main__"}


def test_subpackage_inits_hold_a_docstring_only() -> None:
    """Importing a floor loads nothing: each __init__.py is its docstring alone."""
    for init in PACKAGE.glob("*/__init__.py"):
        body = ast.parse(init.read_text()).body
        assert len(body) == 1, init
        assert isinstance(body[0], ast.Expr), init
        assert isinstance(body[0].value, ast.Constant), init


def _module_level_imports(tree: ast.Module) -> set[str]:
    """Top-level names imported when the module loads (under `if TYPE_CHECKING:` excluded)."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_no_floor_below_the_backends_imports_numpy_when_it_loads() -> None:
    """numpy only inside the functions that compute, so the analytic path never loads it."""
    for floor in ("base", "catalog", "spec", "network"):
        for module in (PACKAGE / floor).rglob("*.py"):
            loaded = _module_level_imports(ast.parse(module.read_text()))
            assert not loaded & {"numpy", "torch"}, module
