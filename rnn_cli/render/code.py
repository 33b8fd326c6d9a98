"""`rnnx code`: a short runnable PyTorch script that builds a Report's network, runs an input of
the same shape and prints the shapes, for a student to paste into a notebook.

Writes only the arguments that differ from torch's defaults. Must not import torch.
"""

from rnn_cli.explain import text
from rnn_cli.report import Report

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


def _factory(config: dict[str, object]) -> list[str]:
    """dtype= and device=, as torch's factory functions and modules take them, where not default."""
    out = [] if config["dtype"] == "float32" else [f"dtype=torch.{config['dtype']}"]
    return out + ([] if config["device"] == "cpu" else [f"device={config['device']!r}"])


def _module(config: dict[str, object]) -> str:
    cell = str(config["cell"]).upper()
    args = [str(config["input_size"]), str(config["hidden_size"])]
    for name, default in TORCH_DEFAULTS.items():
        value = config[name]
        if value is not None and value != default:
            args.append(f"{name}={value!r}")
    return f"rnn = nn.{cell}({', '.join([*args, *_factory(config)])})"


def _layout(config: dict[str, object]) -> str:
    if config["unbatched"]:
        return "(L, H_in)"
    return "(N, L, H_in)" if config["batch_first"] else "(L, N, H_in)"


def render(report: Report) -> str:
    c = report.config
    is_lstm = c["cell"] == "lstm"
    shape = ", ".join(str(s) for s in report.tensors[0].shape)
    printed = [("input", "x"), ("output", "output"), ("h_n", "h_n")]
    printed += [("c_n", "c_n")] if is_lstm else []
    lines = [
        text("code.header", cell=str(c["cell"]).upper()),
        "import torch",
        "from torch import nn",
        "",
        f"torch.manual_seed({c['seed']})",
        _module(c),
        f"x = torch.randn({', '.join([shape, *_factory(c)])})  "
        + text("code.input", layout=_layout(c)),
        f"output, {'(h_n, c_n)' if is_lstm else 'h_n'} = rnn(x)",
        *(f'print("{name}", tuple({var}.shape))' for name, var in printed),
    ]
    return "\n".join(lines)
