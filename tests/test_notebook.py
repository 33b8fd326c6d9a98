"""examples/notebook.ipynb run top to bottom in a real Jupyter kernel (nbclient, ipykernel): the
study notebook's networks, rnn_cli.shape, rnn_cli.inspect and %rnnx each show text/html and
text/plain; after a failing cell, %rnnx why and rnn_cli.why() decode that cell's exception."""

from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def outputs(cell: Any) -> dict[str, str]:
    """The cell's displayed data by mime type (its last result)."""
    shown = [o for o in cell["outputs"] if o["output_type"] in {"execute_result", "display_data"}]
    assert shown, cell["source"]
    data = shown[-1]["data"]
    return {mime: "".join(value) for mime, value in data.items()}


def test_the_notebook_runs_in_a_real_kernel() -> None:
    notebook = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(notebook, timeout=240, kernel_name="python3", resources={
        "metadata": {"path": str(ROOT)}
    }).execute()  # fmt: skip
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert "torch.Size([1, 10, 16]) torch.Size([4, 1, 8])" in cells[0]["outputs"][0]["text"]
    shape_b = outputs(cells[1])
    assert "(4, 1, 8)" in shape_b["text/plain"]
    assert "<pre" in shape_b["text/html"]
    assert "h_n" in shape_b["text/html"]
    assert "텐서" in outputs(cells[2])["text/plain"]  # lang="ko"
    inspected = outputs(cells[3])
    assert "output[:, -1]" in inspected["text/plain"]
    assert "backward half has read one step" in inspected["text/html"]
    magic = outputs(cells[5])
    assert "h_n" in magic["text/plain"]
    assert "(4, 1, 8)" in magic["text/html"]
    failing = cells[6]["outputs"][-1]
    assert failing["output_type"] == "error"
    message = failing["evalue"]  # torch's own words, as the kernel showed them
    assert message.startswith("mat1 and mat2 shapes cannot be multiplied")
    why = outputs(cells[7])
    assert message in why["text/plain"]
    assert "nn.Linear(2 * 8, ...)" in why["text/plain"]  # the cause its numbers give, fixed
    assert "bidirectional layer" in why["text/html"]
    why_ko = outputs(cells[8])
    assert message in why_ko["text/plain"]  # quoted in English, in the Korean report
    assert "양방향" in why_ko["text/html"]
