"""`rnnx check`'s views by format: one student's (ONE), and a class's (CLASS): one row per
student and the totals, a CSV gradebook, a JSON list.

Column names and JSON keys are English identifiers; the verdict cells come from the catalog.
Must not import torch.
"""

import csv
import io
import json
from collections.abc import Callable
from enum import Enum
from pathlib import PurePath

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rnn_cli.catalog.lookup import text
from rnn_cli.grading.verdict import Check
from rnn_cli.render import check as check_view
from rnn_cli.render import gradescope
from rnn_cli.render.check import as_dict, convention_name, verdict_line

COLUMNS = ("student", "target", "convention", "seed", "score", "max_score", "passed", "verdict")


def students(checks: list[Check]) -> list[str]:
    """Each target's student: the first path part in which the targets differ, or the file."""
    parts = [PurePath(c.target.rpartition(":")[0]).parts for c in checks]
    shortest = min((len(p) for p in parts), default=0)
    differs = next((i for i in range(shortest) if len({p[i] for p in parts}) > 1), shortest - 1)
    return [
        PurePath(p[differs]).stem if p else c.target for p, c in zip(parts, checks, strict=True)
    ]


def _score(check: Check, max_score: float | None) -> float:
    return round(check.score * (max_score or 1.0), 6)


def rows(checks: list[Check], max_score: float | None) -> list[dict[str, object]]:
    return [
        {
            "student": who,
            "target": c.target,
            "convention": convention_name(c),
            "seed": c.spec.seed,
            "score": _score(c, max_score),
            "max_score": max_score or 1.0,
            "passed": c.passed,
            "verdict": verdict_line(c),
        }
        for who, c in zip(students(checks), checks, strict=True)
    ]


def render_csv(checks: list[Check], max_score: float | None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(checks, max_score))
    return out.getvalue().rstrip("\n")


def render_json(checks: list[Check], max_score: float | None) -> str:
    docs = [
        {"student": r["student"], "max_score": r["max_score"], **as_dict(c)}
        for r, c in zip(rows(checks, max_score), checks, strict=True)
    ]
    return json.dumps(docs, indent=2, ensure_ascii=False, allow_nan=False)


def render(checks: list[Check], max_score: float | None) -> RenderableType:
    table = Table(
        title=text("class.title", n=len(checks)), box=box.SIMPLE_HEAD, title_justify="left"
    )
    for key in (
        "class.col_student",
        "class.col_convention",
        "class.col_score",
        "class.col_verdict",
    ):
        table.add_column(text(key), no_wrap=key != "class.col_verdict")
    for r in rows(checks, max_score):
        style = "green" if r["passed"] else "red"
        table.add_row(
            str(r["student"]),
            str(r["convention"]),
            f"{r['score']:g}",
            Text(str(r["verdict"]), style=style),
        )
    passed = sum(c.passed for c in checks)
    mean = sum(_score(c, max_score) for c in checks) / max(len(checks), 1)
    totals = text("class.totals", passed=passed, n=len(checks), mean=mean, most=max_score or 1.0)
    return Group(table, Text(totals, style="bold"))


class CheckFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    GRADESCOPE = "gradescope"


ONE: dict[CheckFormat, Callable[[Check, float | None], RenderableType | str]] = {
    CheckFormat.TABLE: lambda check, _: check_view.render(check),
    CheckFormat.JSON: lambda check, _: check_view.render_json(check),
    CheckFormat.GRADESCOPE: gradescope.render_gradescope,
}

CLASS: dict[CheckFormat, Callable[[list[Check], float | None], RenderableType | str]] = {
    CheckFormat.TABLE: render,
    CheckFormat.JSON: render_json,
    CheckFormat.CSV: render_csv,
}
