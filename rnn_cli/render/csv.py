"""One CSV row per tensor: tensor, shape (1x10x16), dimensions. Must not import torch."""

import csv
import io

from rnn_cli.findings.report import Report
from rnn_cli.render.plain import shape_cell

# a contract with scripts, like the JSON keys: never translated, never renamed
COLUMNS = ("tensor", "shape", "dimensions")


def render(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for t in report.tensors:
        writer.writerow([t.name, shape_cell(t.shape), "; ".join(str(d.meaning) for d in t.dims)])
    return buffer.getvalue().rstrip("\n")
