"""The JSON document of a Report: its dataclass, as is. Must not import torch."""

import json
from collections.abc import Sequence

from rnn_cli.findings.report import Report, as_dict


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False)


def render_all(reports: Sequence[Report]) -> str:
    """`rnnx sweep`'s document: an array of `shape`'s objects, in the sweep's order."""
    return json.dumps([as_dict(r) for r in reports], indent=2, ensure_ascii=False)
