"""`make bench`: run every bench/bench_*.py module and print the lines it returns.

Protocol: a bench module defines `main() -> list[str]`, does its own measuring, and returns
finished lines of text (no printing of its own). Modules run in name order, each once; pass
words on the command line to run only the modules whose name contains one of them:
`python bench/run.py numpy`. Timings live here and are never asserted in tests.
"""

import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def load(path: Path) -> Callable[[], list[str]]:
    """The module's main(), imported from its file (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import a bench module from its file: path={path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    main: Callable[[], list[str]] = module.main
    return main


def selected(words: list[str]) -> list[Path]:
    paths = sorted(BENCH_DIR.glob("bench_*.py"))
    return [p for p in paths if not words or any(w in p.stem for w in words)]


def main(words: list[str]) -> int:
    for path in selected(words):
        start = time.perf_counter()
        print(f"== {path.stem}", flush=True)
        for line in load(path)():
            print(line, flush=True)
        print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
