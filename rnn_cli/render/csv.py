"""One CSV row per tensor: tensor, shape (1x10x16), dimensions. Must not import torch."""

import csv
import io

from rnn_cli.explain import text
from rnn_cli.render import shape_cell
from rnn_cli.report import Report


def render(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([text("col.tensor"), text("col.shape"), text("col.dims")])
    for t in report.tensors:
        writer.writerow([t.name, shape_cell(t.shape), "; ".join(d.meaning for d in t.dims)])
    return buffer.getvalue().rstrip("\n")
