"""Options shared by the commands: the network and batch options of `shape` (as one Spec),
their comma-list form for `sweep`, and the run and output options.
"""

import functools
import inspect
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, get_args

import typer

from rnn_cli import grid
from rnn_cli.input_shape import parse as parse_input_shape
from rnn_cli.input_shape import read as read_input_shape
from rnn_cli.spec import (
    Backend,
    Cell,
    Device,
    DType,
    Format,
    Nonlinearity,
    Spec,
    parse_lengths,
    validate,
)

NETWORK, BATCH, RUN, OUTPUT = "Network", "Batch", "Run", "Output"


CellOpt = Annotated[
    Cell,
    typer.Option("--cell", "-c", help="nn.RNN, nn.LSTM or nn.GRU.", rich_help_panel=NETWORK),
]
InputSizeOpt = Annotated[
    int,
    typer.Option(
        "--input-size",
        "-i",
        min=1,
        help="H_in: features of each x_t.",
        rich_help_panel=NETWORK,
    ),
]
HiddenSizeOpt = Annotated[
    int,
    typer.Option(
        "--hidden-size", "-H", min=1, help="Features in h_t (and c_t).", rich_help_panel=NETWORK
    ),
]
LayersOpt = Annotated[
    int,
    typer.Option(
        "--layers", "-l", min=1, help="num_layers: stacked layers.", rich_help_panel=NETWORK
    ),
]
BidirectionalOpt = Annotated[
    bool,
    typer.Option(
        "--bidirectional/--unidirectional",
        help="Run both directions (D = 2).",
        rich_help_panel=NETWORK,
    ),
]
ProjSizeOpt = Annotated[
    int,
    typer.Option(
        "--proj-size",
        min=0,
        help="LSTM only: project h_t to this many features (< hidden).",
        rich_help_panel=NETWORK,
    ),
]
NonlinearityOpt = Annotated[
    Nonlinearity | None,
    typer.Option(
        "--nonlinearity",
        help="RNN only: tanh (torch's default) or relu.",
        rich_help_panel=NETWORK,
    ),
]
BiasOpt = Annotated[
    bool,
    typer.Option("--bias/--no-bias", help="Include bias_ih and bias_hh.", rich_help_panel=NETWORK),
]
DropoutOpt = Annotated[
    float,
    typer.Option(
        "--dropout", help="0 <= P < 1, between layers, training only.", rich_help_panel=NETWORK
    ),
]
BatchSizeOpt = Annotated[
    int | None,
    typer.Option(
        "--batch-size",
        "-n",
        min=1,
        show_default="1",
        help="N: sequences in the batch.",
        rich_help_panel=BATCH,
    ),
]
SeqLenOpt = Annotated[
    int | None,
    typer.Option(
        "--seq-len",
        "-L",
        min=1,
        show_default="10",
        help="L: time steps per sequence.",
        rich_help_panel=BATCH,
    ),
]
LengthsOpt = Annotated[
    str | None,
    typer.Option(
        "--lengths",
        metavar="10,7,3",
        help="Packed variable-length batch: one length per sequence (sets N and L).",
        rich_help_panel=BATCH,
    ),
]
BatchFirstOpt = Annotated[
    bool,
    typer.Option(
        "--batch-first/--seq-first",
        help="Input (N, L, H_in) or (L, N, H_in); torch's own default is seq-first.",
        rich_help_panel=BATCH,
    ),
]
UnbatchedOpt = Annotated[
    bool,
    typer.Option("--unbatched", help="2-D input (L, H_in), no batch axis.", rich_help_panel=BATCH),
]
DtypeOpt = Annotated[
    DType, typer.Option("--dtype", help="Parameter and input precision.", rich_help_panel=RUN)
]
DeviceOpt = Annotated[
    Device, typer.Option("--device", help="Where torch runs.", rich_help_panel=RUN)
]
SeedOpt = Annotated[
    int,
    typer.Option(
        "--seed",
        min=0,
        help="Seeds parameters and input, the same for every backend.",
        rich_help_panel=RUN,
    ),
]
InputShapeOpt = Annotated[
    str | None,
    typer.Option(
        "--input-shape",
        help="Your input's shape, e.g. 64,28,5, or 28,5 unbatched: read as torch would.",
        metavar="A,B,C",
        rich_help_panel=BATCH,
    ),
]


def network_spec(
    cell: CellOpt = Cell.RNN,
    input_size: InputSizeOpt = 5,
    hidden_size: HiddenSizeOpt = 8,
    layers: LayersOpt = 1,
    bidirectional: BidirectionalOpt = False,
    proj_size: ProjSizeOpt = 0,
    nonlinearity: NonlinearityOpt = None,
    bias: BiasOpt = True,
    dropout: DropoutOpt = 0.0,
    batch_size: BatchSizeOpt = None,
    seq_len: SeqLenOpt = None,
    lengths: LengthsOpt = None,
    batch_first: BatchFirstOpt = True,
    unbatched: UnbatchedOpt = False,
    dtype: DtypeOpt = DType.FLOAT32,
    device: DeviceOpt = Device.CPU,
    seed: SeedOpt = 0,
    input_shape: InputShapeOpt = None,
) -> Spec:
    packed = None if lengths is None else parse_lengths(lengths)
    spec = validate(
        Spec(
            cell=cell,
            input_size=input_size,
            hidden_size=hidden_size,
            num_layers=layers,
            bidirectional=bidirectional,
            batch_first=batch_first,
            proj_size=proj_size,
            nonlinearity=nonlinearity,
            bias=bias,
            dropout=dropout,
            batch_size=batch_size or (len(packed) if packed else 1),
            seq_len=seq_len or (max(packed) if packed else 10),
            lengths=packed,
            unbatched=unbatched,
            dtype=dtype,
            device=device,
            seed=seed,
        )
    )
    if input_shape is None:
        return spec
    return read_input_shape(spec, parse_input_shape(input_shape), batch_size, seq_len)


_NETWORK_PARAMS = inspect.signature(network_spec, eval_str=True).parameters


def _take_options(
    fn: Callable[..., None],
    params: Mapping[str, inspect.Parameter],
    into: str,
    make: Callable[..., object],
) -> Callable[..., None]:
    """fn with params' options before its own; their values reach it as into=make(**values)."""
    own = [p for p in inspect.signature(fn, eval_str=True).parameters.values() if p.name != into]
    signature = inspect.Signature([*params.values(), *own])

    @functools.wraps(fn)
    def command(**kwargs: Any) -> None:
        fn(**{into: make(**{name: kwargs.pop(name) for name in params})}, **kwargs)

    # Typer reads options from the signature and annotations: show it the merged ones
    setattr(command, "__signature__", signature)  # noqa: B010
    command.__annotations__ = {p.name: p.annotation for p in signature.parameters.values()}
    return command


def network_command(fn: Callable[..., None]) -> Callable[..., None]:
    """Give a command every network and batch option of `shape`; it receives them as spec: Spec."""
    return _take_options(fn, _NETWORK_PARAMS, "spec", network_spec)


BackendOpt = Annotated[
    Backend,
    typer.Option(
        "--backend",
        "-B",
        help="torch (reference), numpy (from scratch) or analytic (arithmetic only).",
        rich_help_panel=RUN,
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="table, json, csv or markdown.", rich_help_panel=OUTPUT),
]
SaveOpt = Annotated[
    Path | None,
    typer.Option(
        "--save",
        help="Write input, parameters, output, h_n, c_n to FILE.npz.",
        metavar="FILE.npz",
        rich_help_panel=OUTPUT,
    ),
]
MaxMemoryOpt = Annotated[
    str | None,
    typer.Option(
        "--max-memory",
        metavar="SIZE",
        help=(
            "Refuse (exit 2) a torch or numpy run estimated to need more than SIZE "
            "(4GiB, 512MiB, 1e9). Default: half the memory available now."
        ),
        rich_help_panel=RUN,
    ),
]

SvgOpt = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        help="Also save what is printed as an SVG picture.",
        metavar="FILE.svg",
        rich_help_panel=OUTPUT,
    ),
]
HtmlOpt = Annotated[
    Path | None,
    typer.Option(
        "--html",
        help="Also save what is printed as an HTML page.",
        metavar="FILE.html",
        rich_help_panel=OUTPUT,
    ),
]
ParamsOpt = Annotated[
    bool,
    typer.Option(
        "--params", help="Table view: the parameter table and totals too.", rich_help_panel=OUTPUT
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Table view: parameters, totals and the identities too.",
        rich_help_panel=OUTPUT,
    ),
]


# rnnx sweep: every option of network_command, as a comma list


def _primary_flag(param: inspect.Parameter) -> str:
    """--bidirectional for "--bidirectional/--unidirectional"; Typer keeps the first as default."""
    return str(get_args(param.annotation)[1].default).split("/")[0]


def _comma_option(param: inspect.Parameter) -> inspect.Parameter:
    """shape's option taking a comma list: its flags, help and panel; unset keeps its default."""
    kind, info = get_args(param.annotation)
    flags = [_primary_flag(param), *info.param_decls]
    also = f", or {grid.BOTH}" if kind is bool else ""
    default = param.default.value if isinstance(param.default, Enum) else param.default
    default = info.show_default if isinstance(info.show_default, str) else default
    option = typer.Option(
        *flags,
        metavar="LIST",
        help=f"{info.help} Comma list{also}."
        + ("" if default is None else f" \\[default: {default}]"),
        rich_help_panel=info.rich_help_panel,
    )
    return param.replace(annotation=Annotated[str | None, option], default=None)


# their one value is a comma list already: given as in shape, the same for every configuration
SWEEP_AS_IS = ("lengths", "input_shape")
_SWEEP_PARAMS = {
    name: p if name in SWEEP_AS_IS else _comma_option(p) for name, p in _NETWORK_PARAMS.items()
}


def _choices(**lists: str | None) -> dict[str, tuple[Any, ...]]:
    """Each comma list read as its option's type; an option left out is (shape's default,)."""
    choices: dict[str, tuple[Any, ...]] = {}
    for name, value in lists.items():
        param = _NETWORK_PARAMS[name]
        kind, info = get_args(param.annotation)
        if value is None or name in SWEEP_AS_IS:
            choices[name] = (param.default if value is None else value,)
        else:
            flag = _primary_flag(param)
            choices[name] = grid.parse_list(flag, value, grid.base_type(kind), info.min)
    return choices


def sweep_command(fn: Callable[..., None]) -> Callable[..., None]:
    """Give a command network_command's options as comma lists; it gets choices: {name: values}."""
    return _take_options(fn, _SWEEP_PARAMS, "choices", _choices)


MaxConfigsOpt = Annotated[
    int,
    typer.Option(
        "--max-configs",
        min=1,
        help="Refuse (exit 2), before running any, a grid of more configurations than this.",
        rich_help_panel=RUN,
    ),
]
