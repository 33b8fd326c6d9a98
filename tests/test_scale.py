"""Huge sizes answered at once: closed-form totals equal to the row-by-row sums, estimates that
build no per-layer rows, refusals decided before any work, sizes and shapes read with caps.
(How fast is measured in bench/bench_refusals.py, never asserted here.)"""

import json
import math

import pytest
from hypothesis import given, settings

from rnn_cli.base.errors import SpecError
from rnn_cli.cli.launch import app
from rnn_cli.network import shapes
from rnn_cli.spec.config import Spec
from rnn_cli.spec.input_shape import parse as parse_input_shape
from rnn_cli.spec.sizes import LARGEST, human_bytes, parse_bytes
from tests.helpers import runner
from tests.strategies import specs


@settings(max_examples=300, deadline=None)
@given(specs(max_layers=6))
def test_closed_forms_equal_the_sums_over_every_row(spec: Spec) -> None:
    params = shapes.parameters(spec)
    assert shapes.total_parameters(spec) == sum(p.count for p in params)
    assert shapes.largest_parameter(spec) == max(p.count for p in params)
    assert shapes.parameter_rows(spec) == len(params)
    per_step = sum(
        len(spec.gates) * spec.hidden_size * (shapes.layer_input_size(spec, k) + spec.h_out)
        + spec.proj_size * spec.hidden_size
        for k in range(spec.num_layers)
    )
    assert shapes.mult_adds(spec) == per_step * spec.num_directions * shapes.steps(spec)


def test_a_huge_network_is_summarised_not_listed() -> None:
    result = runner.invoke(
        app, ["shape", "-B", "analytic", "-f", "json", "--layers", "1000000", "--bidirectional"]
    )
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["parameters"] == []
    assert any("8 rows per layer × 1,000,000 layers" in n for n in document["notes"])
    assert document["total_parameters"] == shapes.total_parameters(
        Spec(num_layers=1_000_000, bidirectional=True)
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["shape", "--layers", "1000000", "--max-memory", "1MB"], "at most 4,096 layers"),
        (["shape", "-B", "numpy", "--layers", "2147483648"], "at most 4,096 layers"),
        (["compare", "--layers", "2147483648", "--max-memory", "1GB"], "at most 4,096 layers"),
        (["shape", "--layers", "4097"], "use --backend analytic"),
        (["sweep", "-B", "numpy", "--layers", "1,5000"], "configuration 2 of 2"),
        (["compare", "--repeat", "9223372036854775807"], "--repeat"),
        (["diagram", "--layers", "100000"], "--layers 100,000"),
        (["sweep", "-l", ",".join(map(str, range(1, 101))),
          "-H", ",".join(map(str, range(1, 101))), "-L", ",".join(map(str, range(1, 101))),
          "--max-configs", "99999999999"], "1,000,000 configurations"),
        (["shape", "-H", str(10**160)], "--hidden-size"),
        (["shape", "--input-shape", "1" * 5000 + ",5"], "--input-shape"),
        (["shape", "--input-shape", "64,,5"], "--input-shape"),
        (["shape", "--max-memory", "0.1"], "--max-memory"),
        (["sweep", "--dropout", "0.1,nan"], "--dropout"),
        (["sweep", "--dropout", "inf"], "--dropout"),
    ],
)  # fmt: skip
def test_huge_or_wrong_values_are_refused_in_one_line(args: list[str], needle: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert needle in result.stderr


@pytest.mark.parametrize("layers", ["100000", "2147483648", str(2**63 - 1)])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_analytic_answers_any_number_of_layers(layers: str, fmt: str) -> None:
    result = runner.invoke(app, ["shape", "-B", "analytic", "-f", fmt, "--layers", layers])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout) < 20_000


def test_code_and_explain_take_huge_layers() -> None:
    for command in ("code", "explain"):
        result = runner.invoke(app, [command, "--layers", "1000000"])
        assert result.exit_code == 0, result.stderr
        assert len(result.stdout) < 20_000


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4GiB", 4 * 2**30), ("1.5GB", 1_500_000_000), ("1e9", 10**9), ("1e999999", LARGEST),
     ("1" * 1201, LARGEST), ("9" * 9000 + "e99999", LARGEST)],
)  # fmt: skip
def test_sizes_parse_with_the_exponent_capped(value: str, expected: int) -> None:
    assert parse_bytes("--max-memory", value) == expected


@pytest.mark.parametrize("n", [0, 1, 2**64, 10**160, 10**1201, 2**80 + 1])
def test_any_byte_count_prints(n: int) -> None:
    shown = human_bytes(n)
    assert shown.endswith(("B", ")"))
    assert len(shown) < 80


@pytest.mark.parametrize(
    "value", ["64,,5", ",64,5", "64,5,,", "1" * 5000 + ",5", "6٤,5", "0,5", "", " , "]
)
def test_input_shape_refuses_empty_huge_and_odd_entries(value: str) -> None:
    with pytest.raises(SpecError, match=r"^--input-shape"):
        parse_input_shape(value)


@pytest.mark.parametrize(
    ("value", "dims"),
    [("64,28,5", (64, 28, 5)), ("(28, 5,)", (28, 5)), ("torch.Size([2, 3, 5])", (2, 3, 5))],
)
def test_input_shape_still_reads_what_torch_prints(value: str, dims: tuple[int, ...]) -> None:
    assert parse_input_shape(value) == dims
    assert math.prod(dims) > 0


def test_sweep_checks_the_device_before_any_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """--device cpu,cuda with no GPU: refused before the cpu rows run, not after."""
    from rnn_cli import pipeline  # noqa: PLC0415

    def missing(spec: Spec, backend: object) -> None:
        if spec.device.value == "cuda":
            raise SpecError("--device cuda: torch sees no CUDA GPU on this machine")

    ran: list[Spec] = []
    monkeypatch.setattr(pipeline, "require_device", missing)
    monkeypatch.setattr(pipeline, "shape", lambda spec, *a: ran.append(spec))
    result = runner.invoke(app, ["sweep", "--device", "cpu,cuda", "-B", "torch"])
    assert result.exit_code == 2
    assert "configuration 2 of 2 (device=cuda)" in result.stderr
    assert ran == []
