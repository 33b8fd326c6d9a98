"""What a student's file says without running it: the functions it defines and their parameters.

Read with `ast`, never imported, so nothing of the student's runs in rnnx's own process. Used to
detect the calling convention from a function's signature and to offer "did you mean" for a
function that is not there. A file too big or too odd to parse says nothing (None); the child
process then reports what Python itself makes of it. Must not import numpy, torch or rich.
"""

import ast
import difflib
from dataclasses import dataclass
from pathlib import Path

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.grading.conventions import SIGNATURES
from rnn_cli.spec.choices import Cell, Convention

MOST_BYTES = 2**20  # a submission's source beyond this is not parsed here
MOST_SHOWN = 6  # names offered in "did you mean"


def path_of(module: str) -> Path | None:
    """FILE.py, or package.module under the working directory, as the child would find it."""
    if module.endswith(".py"):
        return Path(module)
    base = Path.cwd().joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


@dataclass(frozen=True)
class Source:
    """A file's top-level names: each function's positional parameters (None: a name bound some
    other way, an assignment or an import), and whether names may come from elsewhere."""

    names: dict[str, tuple[str, ...] | None]
    open_ended: bool  # `from m import *` or a module __getattr__: absence proves nothing

    def lacks(self, name: str) -> bool:
        return not self.open_ended and name not in self.names

    @property
    def functions(self) -> list[str]:
        return [n for n, params in self.names.items() if params is not None]


def _bound(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    if isinstance(node, ast.ClassDef):
        return [node.name]
    return []


def read(path: Path) -> Source | None:
    """path's top-level names, parsed, never run; None when it cannot be parsed here."""
    try:
        if path.stat().st_size > MOST_BYTES:
            return None
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    names: dict[str, tuple[str, ...] | None] = {}
    open_ended = False
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            names[node.name] = tuple(a.arg for a in (*args.posonlyargs, *args.args))
            open_ended |= node.name == "__getattr__"
        else:
            bound = _bound(node)
            open_ended |= "*" in bound
            names |= {n: None for n in bound if n not in names}
    return Source(names, open_ended or not isinstance(tree, ast.Module))


def did_you_mean(wanted: str, found: Source | None) -> str:
    """The functions the file defines, the closest to wanted first; '' when none are known."""
    defined = [] if found is None else found.functions
    if not defined:
        return text("check.defines_none") if found is not None else ""
    close = difflib.get_close_matches(wanted, defined, n=MOST_SHOWN, cutoff=0.4)
    names = [*close, *sorted(set(defined) - set(close))][:MOST_SHOWN]
    return text("check.did_you_mean", names=", ".join(names))


@dataclass(frozen=True)
class Detected:
    convention: Convention
    why: str  # one sentence: the signature, and what in it decided


def _signature(name: str, params: tuple[str, ...]) -> str:
    return f"{name}({', '.join(params)})"


def signatures(cell: Cell) -> str:
    """Each convention's signature for cell: the choices a refusal lists."""
    return "; ".join(
        f"--convention {c.value}: {_signature('f', by_cell[cell])}"
        for c, by_cell in SIGNATURES.items()
        if cell in by_cell
    )


def detect(function: str, params: tuple[str, ...] | None, cell: Cell) -> Detected:
    """The convention whose signature for cell params fits: by arity, then by names."""
    if params is None:
        raise SpecError(text("check.no_signature", function=function, choices=signatures(cell)))
    offered = {c: by_cell[cell] for c, by_cell in SIGNATURES.items() if cell in by_cell}
    shown = _signature(function, params)
    fits = [c for c, names in offered.items() if len(names) == len(params)]
    if len(fits) == 1:
        return Detected(
            fits[0],
            text("check.detected_arity", signature=shown, n=len(params), convention=fits[0].value),
        )
    lower = tuple(p.lower() for p in params)
    for same in (
        [c for c in fits if tuple(n.lower() for n in offered[c]) == lower],
        [c for c in fits if offered[c][0].lower() == lower[0]],
    ):
        if len(same) == 1:
            return Detected(
                same[0],
                text(
                    "check.detected_names",
                    signature=shown,
                    first=params[0],
                    convention=same[0].value,
                ),
            )
    raise SpecError(
        text("check.ambiguous", signature=shown, cell=cell.value, choices=signatures(cell))
    )
