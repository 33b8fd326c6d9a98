"""`--lengths`: a packed variable-length batch equals each sequence run alone, padding zeroed."""

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch

from rnn_cli.backends import torch_net
from rnn_cli.cli.launch import app
from rnn_cli.network.weights import draw
from rnn_cli.spec.choices import Cell, DType
from rnn_cli.spec.config import Spec, validate
from tests.helpers import runner


def test_shapes_and_bad_lengths() -> None:
    result = runner.invoke(app, ["shape", "--lengths", "10,7,3", "--bidirectional", "-f", "json"])
    assert result.exit_code == 0, result.output
    tensors = {t["name"]: t["shape"] for t in json.loads(result.stdout)["tensors"]}
    assert tensors["input"] == [3, 10, 5]
    assert tensors["output"] == [3, 10, 16]
    assert tensors["packed_data"] == [20, 16]
    assert tensors["batch_sizes"] == [10]
    assert tensors["h_n"] == [2, 3, 8]
    for args in (["--lengths", "3,x"], ["--lengths", "3,0"], ["--lengths", "3", "--unbatched"]):
        bad = runner.invoke(app, ["shape", *args])
        assert bad.exit_code == 2
        assert "--lengths" in bad.stderr


@pytest.mark.parametrize("cell", list(Cell))
@pytest.mark.parametrize("batch_first", [True, False])
def test_packed_equals_each_sequence_alone(cell: Cell, batch_first: bool, tmp_path: Path) -> None:
    lengths = (5, 2, 4)
    spec = validate(
        Spec(
            cell=cell,
            num_layers=2,
            bidirectional=True,
            batch_first=batch_first,
            batch_size=3,
            seq_len=5,
            lengths=lengths,
            dtype=DType.FLOAT64,
        )
    )
    args = ["--cell", cell.value, "--layers", "2", "--bidirectional", "--dtype", "float64"]
    args += ["--lengths", "5,2,4", "--batch-first" if batch_first else "--seq-first"]
    path = tmp_path / "run.npz"
    assert runner.invoke(app, ["shape", *args, "--save", str(path)]).exit_code == 0
    saved = np.load(path)
    out = saved["output"] if batch_first else saved["output"].transpose(1, 0, 2)
    x = saved["input"] if batch_first else saved["input"].transpose(1, 0, 2)
    net = torch_net.build(replace(spec, lengths=None, batch_first=True), draw(spec))
    for b, n in enumerate(lengths):
        with torch.no_grad():
            alone, state = net(torch.from_numpy(x[b : b + 1, :n]))
        h_n = state[0] if isinstance(state, tuple) else state
        np.testing.assert_allclose(out[b, :n], alone[0].numpy(), atol=1e-12)
        np.testing.assert_array_equal(out[b, n:], 0.0)
        np.testing.assert_allclose(saved["h_n"][:, b], h_n[:, 0].numpy(), atol=1e-12)
