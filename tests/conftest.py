"""Shared fixtures: golden files and rendering a Rich renderable to plain text."""

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

GOLDEN = Path(__file__).parent / "golden"
# Goldens are regenerated on purpose only: RNNX_REGEN_GOLDEN=1 make test
REGEN = os.environ.get("RNNX_REGEN_GOLDEN") == "1"


def plain(renderable: RenderableType, width: int = 100) -> str:
    """What a 100-column terminal without colour shows."""
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's RNNX_LANG=ko must not turn the English goldens Korean."""
    monkeypatch.delenv("RNNX_LANG", raising=False)


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>.txt (write it instead when regenerating)."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / f"{name}.txt"
        if REGEN:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if not path.exists():
            pytest.fail(f"missing golden file {path}; write it on purpose: RNNX_REGEN_GOLDEN=1")
        assert text == path.read_text(encoding="utf-8"), f"{path} differs; regenerate on purpose"

    return check
