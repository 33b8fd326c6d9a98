"""What `rnnx check` (or inspect) names as the student's function: FILE.py:FUNCTION or
package.module:FUNCTION, checked to exist before any child process starts. Must not import numpy,
torch or rich.
"""

from dataclasses import dataclass
from pathlib import Path

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text


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


def parse_target(raw: str) -> Target:
    """'loop.py:rnn' or 'hw.layers:rnn_forward'; a missing file or module is a usage error."""
    module, sep, function = raw.rpartition(":")
    if not sep or not module or not function.isidentifier():
        raise SpecError(text("check.bad_target", target=raw))
    if module.endswith(".py"):
        if not Path(module).is_file():
            raise SpecError(text("check.no_file", path=module, target=raw))
        return Target(module, function)
    parts = module.split(".")
    base = Path.cwd().joinpath(*parts)
    found = base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()
    if not all(p.isidentifier() for p in parts) or not found:
        raise SpecError(text("check.missing", missing=f"module {module}", target=raw))
    return Target(module, function)
