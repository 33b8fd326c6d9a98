"""`rnnx code`: the script runs under the venv's python and prints the shapes `rnnx shape` shows."""

import ast
import json
import re
import subprocess
import sys

import pytest
import torch

from tests.helpers import ok

CONFIGS = [
    [],
    ["--cell", "lstm", "--layers", "2", "--bidirectional", "--proj-size", "3", "--seq-first"],
    ["--cell", "gru", "--unbatched", "--no-bias", "--seq-len", "7", "--dtype", "float64"],
    ["--nonlinearity", "relu", "--input-shape", "4,6,5", "--dropout", "0.5", "--layers", "3"],
    ["--lengths", "10,7,3", "--seed", "9" * 23],
    ["-c", "lstm", "--lengths", "4,6,2,5", "--seq-first", "--bidirectional", "--proj-size", "2"],
]
IDS = ["default", "lstm", "gru", "rnn", "packed", "packed_lstm_seqfirst"]


MARK = "--- next script ---"


@pytest.fixture(scope="module")
def printed() -> list[dict[str, list[int]]]:
    """Every config's script, run as a student would, one after another in one python: torch
    loads once. 'output (1, 10, 8)' -> {'output': [1, 10, 8]}, one dict per script."""
    program = f'\nprint("{MARK}")\n'.join(ok("code", *args) for args in CONFIGS)
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=300, check=True
    )
    parts = done.stdout.split(f"{MARK}\n")
    return [
        {
            name: list(ast.literal_eval(shape))
            for name, shape in (ln.split(" ", 1) for ln in part.splitlines())
        }
        for part in parts
    ]


@pytest.mark.parametrize(("index", "args"), list(enumerate(CONFIGS)), ids=IDS)
def test_script_prints_the_shapes_rnnx_shows(
    printed: list[dict[str, list[int]]], index: int, args: list[str]
) -> None:
    tensors = json.loads(ok("shape", "--format", "json", *args))["tensors"]
    shown = {t["name"]: t["shape"] for t in tensors if t["name"] in printed[index]}
    assert printed[index] == shown
    assert {"input", "output", "h_n"} <= shown.keys()
    assert ("c_n" in shown) == ("lstm" in args)
    packed = "--lengths" in args
    assert ("packed_data" in shown) == packed
    assert ("batch_sizes" in shown) == packed


@pytest.mark.parametrize("layout", ["--batch-first", "--seq-first"])
def test_packed_batch_runs_packed(layout: str) -> None:
    script = ok("code", "--lengths", "4,6,2", layout)
    batch_first = layout == "--batch-first"
    assert "lengths = torch.tensor([4, 6, 2])" in script
    assert (
        f"pack_padded_sequence(x, lengths, batch_first={batch_first}, enforce_sorted=False)"
        in script
    )
    assert f"batch_first={batch_first}, total_length=6)" in script


def test_only_arguments_that_differ_from_torchs_defaults() -> None:
    assert "rnn = nn.RNN(5, 8, batch_first=True)\n" in ok("code")
    script = ok("code", "--cell", "lstm", "--seq-first", "--proj-size", "2", "-l", "2")
    assert "rnn = nn.LSTM(5, 8, num_layers=2, proj_size=2)\n" in script
    assert "output, (h_n, c_n) = rnn(x)" in script


@pytest.mark.parametrize("seed", [0, 2**63 - 1, 2**63, 99999999999999999999999])
def test_seed_is_one_torch_takes(seed: int) -> None:
    """torch.manual_seed overflows past 64 bits; rnnx takes any seed --seed allows."""
    found = re.search(r"^torch\.manual_seed\((\d+)\)", ok("code", "--seed", str(seed)), re.M)
    assert found is not None
    assert int(found.group(1)) == seed % 2**63
    torch.manual_seed(int(found.group(1)))


def test_carries_dtype_and_device() -> None:
    script = ok("code", "--dtype", "float64", "--device", "cuda", "--batch-size", "3")
    assert "dtype=torch.float64, device='cuda')" in script
    assert "x = torch.randn(3, 10, 5, dtype=torch.float64, device='cuda')" in script
