"""`rnnx code`: a short runnable PyTorch script that builds a Report's network, runs an input of
the same shape and prints the shapes, for a student to paste into a notebook.

Writes only the arguments that differ from torch's defaults; a batch with lengths runs through
pack_padded_sequence and back, as rnnx's torch backend does. Must not import torch.
"""

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.report import Report
from rnn_cli.spec.choices import Cell, Device, DType
from rnn_cli.spec.config import Spec

# nn.RNN/LSTM/GRU's own defaults: an argument equal to these is left out of the script
TORCH_DEFAULTS: dict[str, object] = {
    "num_layers": 1,
    "nonlinearity": "tanh",
    "bias": True,
    "batch_first": False,
    "dropout": 0.0,
    "bidirectional": False,
    "proj_size": 0,
}


def _factory(spec: Spec) -> list[str]:
    """dtype= and device=, as torch's factory functions and modules take them, where not default."""
    out = [] if spec.dtype is DType.FLOAT32 else [f"dtype=torch.{spec.dtype.value}"]
    return out + ([] if spec.device is Device.CPU else [f"device={spec.device.value!r}"])


def _module(spec: Spec) -> str:
    values: dict[str, object] = {
        "num_layers": spec.num_layers,
        "nonlinearity": spec.activation.value if spec.cell is Cell.RNN else None,
        "bias": spec.bias,
        "batch_first": spec.batch_first,
        "dropout": spec.dropout,
        "bidirectional": spec.bidirectional,
        "proj_size": spec.proj_size,
    }
    args = [str(spec.input_size), str(spec.hidden_size)]
    for name, default in TORCH_DEFAULTS.items():
        if values[name] is not None and values[name] != default:
            args.append(f"{name}={values[name]!r}")
    return f"rnn = nn.{spec.cell.name}({', '.join([*args, *_factory(spec)])})"


def _layout(spec: Spec) -> str:
    if spec.unbatched:
        return "(L, H_in)"
    return "(N, L, H_in)" if spec.batch_first else "(L, N, H_in)"


# each tensor the script prints, as the script names it; h_0 and c_0 are never passed in
_PRINTED = {
    "input": "x",
    "output": "output",
    "packed_data": "packed_out.data",
    "batch_sizes": "packed_out.batch_sizes",
    "h_n": "h_n",
    "c_n": "c_n",
}


def _imports(packed: bool) -> list[str]:
    lines = ["import torch", "from torch import nn"]
    if packed:
        lines.append("from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence")
    return lines


def _forward(spec: Spec, state: str) -> list[str]:
    """rnn(x), or through pack_padded_sequence and back when the batch has lengths."""
    lengths = spec.lengths
    if lengths is None:  # one length for all, nothing to pack
        return [f"output, {state} = rnn(x)"]
    bf = spec.batch_first
    return [
        f"lengths = torch.tensor({list(lengths)})  " + text("code.lengths"),
        f"packed = pack_padded_sequence(x, lengths, batch_first={bf}, enforce_sorted=False)",
        f"packed_out, {state} = rnn(packed)",
        f"output, _ = pad_packed_sequence(packed_out, batch_first={bf}, "
        f"total_length={spec.seq_len})",
    ]


TORCH_SEEDS = 2**63  # torch.manual_seed overflows past 64 bits; --seed has no upper bound


def _seed(seed: int) -> str:
    """torch.manual_seed(seed), taken mod 2**63 (with a comment saying so) when it is larger."""
    line = f"torch.manual_seed({seed % TORCH_SEEDS})"
    return line if seed < TORCH_SEEDS else f"{line}  " + text("code.seed", seed=seed)


def render(report: Report) -> str:
    c = report.spec
    state = "(h_n, c_n)" if c.cell is Cell.LSTM else "h_n"
    shape = ", ".join(str(s) for s in report.tensors[0].shape)
    lines = [
        text("code.header", cell=c.cell.name),
        *_imports(c.lengths is not None),
        "",
        _seed(c.seed),
        _module(c),
        f"x = torch.randn({', '.join([shape, *_factory(c)])})  "
        + text("code.input", layout=_layout(c)),
        *_forward(c, state),
        *(
            f'print("{t.name}", tuple({_PRINTED[t.name]}.shape))'
            for t in report.tensors
            if t.name in _PRINTED
        ),
    ]
    return "\n".join(lines)
