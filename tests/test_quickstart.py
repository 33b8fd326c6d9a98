"""A newcomer's first minutes: a fresh clone, README's Quick start run exactly as written (the
repository's URL aside), then `rnnx` typed by name prints the table. Slow (a fresh .venv is
installed), and the one test that proves the Quick start."""

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URL = "<this repository's URL>"


def quick_start(readme: Path) -> list[str]:
    """The shell lines of README's Quick start block."""
    section = readme.read_text(encoding="utf-8").split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return block[1].strip().splitlines()


def test_the_quick_start_leaves_rnnx_on_the_path(tmp_path: Path) -> None:
    lines = quick_start(ROOT / "README.md")
    assert lines[0].startswith(f"git clone {URL} ")
    assert lines[-1] == "rnnx shape --layers 2 --bidirectional"
    script = "\n".join(
        ["set -e", *(line.replace(URL, str(ROOT)) for line in lines[:-1]), "command -v rnnx"]
    )
    # whatever venv ran this test is not the newcomer's: off the PATH
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not p.endswith(".venv/bin")
    )
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    done = subprocess.run(
        ["bash", "-c", script + "\n" + lines[-1]],
        cwd=tmp_path,
        env={**env, "PATH": path, "COLUMNS": "80"},
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    where = done.stdout.split("command -v", 1)[0]
    assert f"{tmp_path}/rnnx/.venv/bin/rnnx" in done.stdout, where[-500:]
    table = done.stdout.rsplit(f"{tmp_path}/rnnx/.venv/bin/rnnx\n", 1)[1]
    assert table.startswith("RNN · torch backend · float32")
    assert "h_n      (4, 1, 8)" in table
