"""`rnnx shape --format json` and `--save` against torch itself, over random configurations."""

from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import shape_json, torch_module


@st.composite
def cli_args(draw: st.DrawFn) -> list[str]:
    """A valid `rnnx shape` command line, small enough to run in milliseconds."""
    cell = draw(st.sampled_from(["rnn", "lstm", "gru"]))
    hidden = draw(st.integers(1, 7))
    args = ["--cell", cell, "--hidden-size", str(hidden)]
    args += ["--input-size", str(draw(st.integers(1, 6))), "--layers", str(draw(st.integers(1, 3)))]
    args += ["--seq-len", str(draw(st.integers(1, 5))), "--seed", str(draw(st.integers(0, 99)))]
    args.append(draw(st.sampled_from(["--bidirectional", "--unidirectional"])))
    args.append(draw(st.sampled_from(["--batch-first", "--seq-first"])))
    args.append(draw(st.sampled_from(["--bias", "--no-bias"])))
    args += ["--dtype", draw(st.sampled_from(["float32", "float64"]))]
    if draw(st.booleans()):
        args.append("--unbatched")
    else:
        args += ["--batch-size", str(draw(st.integers(1, 4)))]
    if cell == "lstm" and hidden > 1 and draw(st.booleans()):
        args += ["--proj-size", str(draw(st.integers(1, hidden - 1)))]
    if cell == "rnn":
        args += ["--nonlinearity", draw(st.sampled_from(["tanh", "relu"]))]
    return args


def forward(net: torch.nn.RNNBase, x: np.ndarray) -> dict[str, tuple[int, ...]]:
    with torch.no_grad():
        out, state = net(torch.from_numpy(x))
    h_n, c_n = state if isinstance(state, tuple) else (state, None)
    shapes = {"output": tuple(out.shape), "h_n": tuple(h_n.shape)}
    if c_n is not None:
        shapes["c_n"] = tuple(c_n.shape)
    return shapes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cli_args())
def test_json_equals_torch(args: list[str]) -> None:
    doc = shape_json(*args)
    net = torch_module(doc["config"])
    named = [(name, tuple(p.shape)) for name, p in net.named_parameters()]
    assert [(p["name"], tuple(p["shape"])) for p in doc["parameters"]] == named
    assert [p["count"] for p in doc["parameters"]] == [p.numel() for p in net.parameters()]
    assert doc["total_parameters"] == sum(p.numel() for p in net.parameters())
    itemsize = 8 if doc["config"]["dtype"] == "float64" else 4
    assert doc["parameter_bytes"] == doc["total_parameters"] * itemsize

    tensors = {t["name"]: tuple(t["shape"]) for t in doc["tensors"]}
    for t in doc["tensors"]:
        assert tuple(d["size"] for d in t["dims"]) == tuple(t["shape"])
        assert all(d["meaning"] for d in t["dims"])
    x = np.zeros(tensors["input"], dtype=doc["config"]["dtype"])
    got = forward(net, x)
    assert {k: tensors[k] for k in got} == got
    assert ("c_n" in tensors) == (doc["config"]["cell"] == "lstm")
    assert tensors["h_0"] == tensors["h_n"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(args=cli_args())
def test_save_holds_what_torch_computes(
    args: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("save") / "run.npz"
    doc = shape_json(*args, "--save", str(path))
    saved = np.load(path)
    net = torch_module(doc["config"])
    names = [p["name"] for p in doc["parameters"]]
    net.load_state_dict({n: torch.from_numpy(saved[n]) for n in names})
    with torch.no_grad():
        out, state = net(torch.from_numpy(saved["input"]))
    h_n, c_n = state if isinstance(state, tuple) else (state, None)
    tol = 1e-12 if doc["config"]["dtype"] == "float64" else 1e-6
    np.testing.assert_allclose(saved["output"], out.numpy(), atol=tol)
    np.testing.assert_allclose(saved["h_n"], h_n.numpy(), atol=tol)
    assert ("c_n" in saved) == (c_n is not None)
    if c_n is not None:
        np.testing.assert_allclose(saved["c_n"], c_n.numpy(), atol=tol)


@pytest.mark.parametrize(
    ("args", "output", "h_n"),
    [
        ([], (1, 10, 8), (1, 1, 8)),
        (["--layers", "2"], (1, 10, 8), (2, 1, 8)),
        (["--layers", "2", "--bidirectional"], (1, 10, 16), (4, 1, 8)),
    ],
)
def test_study_notebook_shapes(
    args: list[str], output: tuple[int, ...], h_n: tuple[int, ...]
) -> None:
    tensors = {t["name"]: tuple(t["shape"]) for t in shape_json(*args)["tensors"]}
    assert tensors["output"] == output
    assert tensors["h_n"] == h_n


def test_seed_reproduces_and_varies(tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{n}.npz" for n in "abc")
    for path, seed in ((a, "1"), (b, "1"), (c, "2")):
        shape_json("--cell", "gru", "--seed", seed, "--save", str(path))
    assert np.array_equal(np.load(a)["output"], np.load(b)["output"])
    assert not np.array_equal(np.load(a)["output"], np.load(c)["output"])
