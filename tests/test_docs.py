"""The documents are true: every link in README.md, README.ko.md and docs/ resolves, every rnnx
command they quote runs, and every quoted session (`$ rnnx ...` and what follows) prints what is
quoted, at 80 columns. RNNX_REGEN_GOLDEN=1 rewrites the quoted output instead (then read the diff).
"""

import os
import re
import shlex
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pytest

from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import Lang
from tests.helpers import rnnx

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", ROOT / "README.ko.md", *sorted((ROOT / "docs").glob("*.md"))]
REGEN = os.environ.get("RNNX_REGEN_GOLDEN") == "1"
ELIDED = ("…", "...")  # a quoted line standing for any lines of the real output
WIDTH = {"COLUMNS": "80", "NO_COLOR": "1"}


class Block(NamedTuple):
    path: Path
    line: int  # the opening fence's line number, 1-based
    info: str  # the fence's info string: sh, console, ...
    body: list[str]
    nth: int  # the document's how-manyth fence: where it is after an earlier block changed


def blocks(path: Path) -> list[Block]:
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            found.append(Block(path, i + 1, lines[i][3:].strip(), lines[i + 1 : end], len(found)))
            i = end
        i += 1
    return found


def _argv(command: str) -> tuple[dict[str, str], list[str]]:
    """'RNNX_LANG=ko rnnx shape -l 2  # why' -> ({RNNX_LANG: ko}, [shape, -l, 2])."""
    words = shlex.split(command, comments=True)
    env = {}
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
        key, value = words.pop(0).split("=", 1)
        env[key] = value
    assert words[0] == "rnnx", command
    return env, words[1:]


def sessions(block: Block) -> list[tuple[str, list[str]]]:
    """Each `$ rnnx ...` line of a quoted session and the output quoted under it."""
    out: list[tuple[str, list[str]]] = []
    for line in block.body:
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
    return [(c, o) for c, o in out if re.match(r"([A-Z_]+=\S* )*rnnx ", c)]


def commands(block: Block) -> list[str]:
    """The rnnx commands of a shell block, each cut before a pipe or a redirection."""
    found, joined = [], "\n".join(block.body).replace("\\\n", " ")  # continued lines joined
    for raw in joined.splitlines():
        line = raw.split(" | ")[0].split(" > ")[0].split(" && ")[0].strip()
        if re.match(r"([A-Z_]+=\S* )*rnnx ", line) or line == "rnnx":
            found.append(line)
    return found


def matches(quoted: list[str], shown: list[str]) -> bool:
    """shown line for line, where a quoted `…` line stands for any lines (none included)."""
    if not quoted:
        return not shown
    if quoted[0].strip() in ELIDED:
        return any(matches(quoted[1:], shown[k:]) for k in range(len(shown) + 1))
    return (
        bool(shown) and quoted[0].rstrip() == shown[0].rstrip() and matches(quoted[1:], shown[1:])
    )


def run(command: str) -> tuple[int, list[str]]:
    env, argv = _argv(command)
    try:
        code, stdout, stderr = rnnx(*argv, env={**WIDTH, **env})
    finally:
        lookup.use(Lang.EN)  # a --lang ko command leaves the process's language Korean
    return code, (stdout + stderr).rstrip("\n").splitlines()


SESSIONS = [
    pytest.param(b, c, o, id=f"{b.path.name}:{b.line}:{c}")
    for path in DOCUMENTS
    for b in blocks(path)
    if b.info in ("", "console", "text")
    for c, o in sessions(b)
]
COMMANDS = [
    pytest.param(c, id=f"{b.path.name}:{b.line}:{c}")
    for path in DOCUMENTS
    for b in blocks(path)
    if b.info in ("sh", "bash", "shell")
    for c in commands(b)
]


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run where a reader would, with the repository's examples beside them; what they
    write (--save, --svg) lands in a folder of the test's own."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("examples")
@pytest.mark.parametrize(("block", "command", "quoted"), SESSIONS)
def test_a_quoted_session_prints_what_is_quoted(
    block: Block, command: str, quoted: list[str]
) -> None:
    _, shown = run(command)
    if REGEN and not matches(quoted, shown):
        _rewrite(block, command, shown)
        return
    assert matches(quoted, shown), "\n".join(shown)


@pytest.mark.usefixtures("examples")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_quoted_command_runs(command: str) -> None:
    """0, or 1 where the command finds a mismatch or a student's mistake: never bad input."""
    code, shown = run(command)
    assert code in (0, 1), "\n".join(shown)
    assert not any("Traceback" in line for line in shown)


def _rewrite(block: Block, command: str, shown: list[str]) -> None:
    """Replace the output quoted under command in block's document with shown."""
    lines = block.path.read_text(encoding="utf-8").splitlines()
    now = blocks(block.path)[block.nth].line  # an earlier rewrite may have moved it
    start = now + lines[now:].index(f"$ {command}") + 1
    end = start
    while end < len(lines) and not lines[end].startswith(("$ ", "```")):
        end += 1
    lines[start:end] = [line.rstrip() for line in shown]
    block.path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes."""
    kept = "".join(
        c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LN"
    )
    return kept.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    fenced = re.sub(r"(?ms)^```.*?^```", "", text)
    return {_slug(h) for h in re.findall(r"(?m)^#+ (.+)$", fenced)}


LINKS = [
    pytest.param(path, target, id=f"{path.name}->{target}")
    for path in DOCUMENTS
    for target in re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))
    if not target.startswith(("http://", "https://", "mailto:"))
]


@pytest.mark.parametrize(("path", "target"), LINKS)
def test_every_link_resolves(path: Path, target: str) -> None:
    file, _, anchor = target.partition("#")
    linked = (path.parent / file).resolve() if file else path
    assert linked.exists(), target
    if anchor:
        assert anchor in _anchors(linked), target


def test_the_documents_quote_commands() -> None:
    """The collection above is not empty by accident (a changed fence would hide every check)."""
    assert len(SESSIONS) >= 5
    assert len(COMMANDS) >= 20
    assert len(LINKS) >= 8
