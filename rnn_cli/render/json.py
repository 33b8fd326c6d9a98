"""The JSON document of a Report: its dataclass, as is. Must not import torch."""

import json

from rnn_cli.report import Report, as_dict


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False)
