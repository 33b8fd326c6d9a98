"""Shared fixtures: golden files and rendering a Rich renderable to plain text."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

GOLDEN = Path(__file__).parent / "golden"
# Goldens are regenerated on purpose only: RNNX_REGEN_GOLDEN=1 make test
REGEN = os.environ.get("RNNX_REGEN_GOLDEN") == "1"

# CI runs the same examples every time (.ci/run sets HYPOTHESIS_PROFILE=ci): a red CI is a bug in
# the change, never a draw; `make test` on a laptop explores new examples each run
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)


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
