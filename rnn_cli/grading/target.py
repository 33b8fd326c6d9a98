"""What `rnnx check` (or inspect) names as the student's function: FILE.py:FUNCTION or
package.module:FUNCTION, checked to exist before any child process starts. Must not import numpy,
torch or rich.
"""

from dataclasses import dataclass
from pathlib import Path

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text


class Missing(SpecError):
    """No such file or module: the student's failure in a class, exit 2 only where nothing is
    graded."""


@dataclass(frozen=True)
class Target:
    """FILE.py:FUNCTION or package.module:FUNCTION, as given."""

    module: str
    function: str

    @property
    def shown(self) -> str:
        return f"{self.module}:{self.function}"

    @property
    def located(self) -> dict[str, str]:
        """For the child: the file (or module name), the folder that goes on sys.path, whose
        frames count as the student's, and that folder as the grader named it (for tracebacks)."""
        here = Path.cwd().resolve()
        if not self.module.endswith(".py"):
            return {"module": self.module, "root": str(here), "shown": "."}
        path = Path(self.module).resolve()
        return {"file": str(path), "root": str(path.parent), "shown": str(Path(self.module).parent)}


def split(raw: str) -> tuple[str, str]:
    """raw's module and function, as written (a glob's FILE part included); SpecError when it is
    not MODULE:FUNCTION: the grader's typo."""
    module, sep, function = raw.rpartition(":")
    if not sep or not module or not function.isidentifier():
        raise SpecError(text("check.bad_target", target=raw))
    return module, function


def parse_target(raw: str) -> Target:
    """'loop.py:rnn' or 'hw.layers:rnn_forward'; Missing when the file or module is not there."""
    module, function = split(raw)
    if module.endswith(".py"):
        if not Path(module).is_file():
            raise Missing(text("check.no_file", path=module, target=raw))
        return Target(module, function)
    parts = module.split(".")
    base = Path.cwd().joinpath(*parts)
    found = base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()
    if not all(p.isidentifier() for p in parts) or not found:
        raise Missing(text("check.missing", missing=f"module {module}", target=raw))
    return Target(module, function)
