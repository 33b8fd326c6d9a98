"""The Typer app: thin commands that read parse → spec → run → report → render → print.

The only module that prints or exits: it owns the two Consoles and maps RnnxError to exit codes.
"""

import functools
import inspect
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import typer
from rich.console import Console, RenderableType
from typer.core import TyperGroup

from rnn_cli import __version__, comparison
from rnn_cli.backends import Result, run
from rnn_cli.comparison import default_others
from rnn_cli.equations import lesson
from rnn_cli.errors import MismatchError, RnnxError, SpecError
from rnn_cli.explain import text
from rnn_cli.input_shape import parse as parse_input_shape
from rnn_cli.input_shape import read as read_input_shape
from rnn_cli.render import code as code_render
from rnn_cli.render import compare as compare_render
from rnn_cli.render import csv as csv_render
from rnn_cli.render import diagram as diagram_render
from rnn_cli.render import equations as equations_render
from rnn_cli.render import json as json_render
from rnn_cli.render import markdown as markdown_render
from rnn_cli.render import table as table_render
from rnn_cli.report import Report, build
from rnn_cli.spec import (
    Backend,
    Cell,
    Device,
    DType,
    Format,
    Nonlinearity,
    Spec,
    parse_choices,
    parse_lengths,
    validate,
    validate_backend,
)
from rnn_cli.weights import Weights, draw

# NO_COLOR asks for plain text: no colour, and no bold or italic escapes either
_COLOR: Literal["auto"] | None = None if os.environ.get("NO_COLOR") else "auto"
out = Console(color_system=_COLOR)
err = Console(stderr=True, color_system=_COLOR)

NETWORK, BATCH, RUN, OUTPUT = "Network", "Batch", "Run", "Output"


class RnnxGroup(TyperGroup):
    """Every error, Click's usage errors included, is one line on stderr and an exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.TyperException as e:  # Click's usage errors: exit 2
            # a bare `rnnx` has printed its help already and carries no message
            code = _fail(_usage_line(e), e.exit_code) if e.format_message() else e.exit_code
        except RnnxError as e:
            code = _fail(str(e), e.exit_code)
        except typer.Abort:
            code = _fail("aborted", 130)
        except BrokenPipeError:  # `rnnx ... | head -1`: the reader left; end quietly
            sys.stdout = None  # no flush of a closed pipe at exit
            code = 0
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _usage_line(e: typer.TyperException) -> str:
    ctx = getattr(e, "ctx", None)
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    # Typer validates through pydantic, whose messages start with this noise
    message = e.format_message().replace("\n", " ").replace("Value error, ", "")
    return message + _bad_input(e) + hint


def _bad_input(e: typer.TyperException) -> str:
    """The rejected value, which Typer keeps only on the pydantic error it raised from."""
    errors = getattr(e.__cause__, "errors", None)
    if not callable(errors):
        return ""
    return f" (got {errors()[0].get('input')!r})"


def _fail(message: str, code: int) -> int:
    line = f"rnnx: error: {message}"
    err.print(line, markup=False, highlight=False, soft_wrap=True, style="red")
    return code


app = typer.Typer(
    cls=RnnxGroup,
    epilog=(
        "Examples:\n\n"
        "  rnnx shape --layers 2 --bidirectional\n\n"
        "  rnnx shape --cell lstm --proj-size 4 --format json | jq .tensors\n\n"
        "Exit codes: 0 success, 1 a comparison found a mismatch, 2 bad input."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        out.print(f"rnnx {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Explain the shapes of PyTorch's recurrent layers (RNN, LSTM, GRU), dimension by dimension."""


def _network(
    cell: Annotated[
        Cell,
        typer.Option("--cell", "-c", help="nn.RNN, nn.LSTM or nn.GRU.", rich_help_panel=NETWORK),
    ] = Cell.RNN,
    input_size: Annotated[
        int,
        typer.Option(
            "--input-size",
            "-i",
            min=1,
            help="H_in: features of each x_t.",
            rich_help_panel=NETWORK,
        ),
    ] = 5,
    hidden_size: Annotated[
        int,
        typer.Option(
            "--hidden-size", "-H", min=1, help="Features in h_t (and c_t).", rich_help_panel=NETWORK
        ),
    ] = 8,
    layers: Annotated[
        int,
        typer.Option(
            "--layers", "-l", min=1, help="num_layers: stacked layers.", rich_help_panel=NETWORK
        ),
    ] = 1,
    bidirectional: Annotated[
        bool,
        typer.Option(
            "--bidirectional/--unidirectional",
            help="Run both directions (D = 2).",
            rich_help_panel=NETWORK,
        ),
    ] = False,
    proj_size: Annotated[
        int,
        typer.Option(
            "--proj-size",
            min=0,
            help="LSTM only: project h_t to this many features (< hidden).",
            rich_help_panel=NETWORK,
        ),
    ] = 0,
    nonlinearity: Annotated[
        Nonlinearity | None,
        typer.Option(
            "--nonlinearity",
            help="RNN only: tanh (torch's default) or relu.",
            rich_help_panel=NETWORK,
        ),
    ] = None,
    bias: Annotated[
        bool,
        typer.Option(
            "--bias/--no-bias", help="Include bias_ih and bias_hh.", rich_help_panel=NETWORK
        ),
    ] = True,
    dropout: Annotated[
        float,
        typer.Option(
            "--dropout", help="0 <= P < 1, between layers, training only.", rich_help_panel=NETWORK
        ),
    ] = 0.0,
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            "-n",
            min=1,
            show_default="1",
            help="N: sequences in the batch.",
            rich_help_panel=BATCH,
        ),
    ] = None,
    seq_len: Annotated[
        int | None,
        typer.Option(
            "--seq-len",
            "-L",
            min=1,
            show_default="10",
            help="L: time steps per sequence.",
            rich_help_panel=BATCH,
        ),
    ] = None,
    lengths: Annotated[
        str | None,
        typer.Option(
            "--lengths",
            metavar="10,7,3",
            help="Packed variable-length batch: one length per sequence (sets N and L).",
            rich_help_panel=BATCH,
        ),
    ] = None,
    batch_first: Annotated[
        bool,
        typer.Option(
            "--batch-first/--seq-first",
            help="Input (N, L, H_in) or (L, N, H_in); torch's own default is seq-first.",
            rich_help_panel=BATCH,
        ),
    ] = True,
    unbatched: Annotated[
        bool,
        typer.Option(
            "--unbatched", help="2-D input (L, H_in), no batch axis.", rich_help_panel=BATCH
        ),
    ] = False,
    dtype: Annotated[
        DType, typer.Option("--dtype", help="Parameter and input precision.", rich_help_panel=RUN)
    ] = DType.FLOAT32,
    device: Annotated[
        Device, typer.Option("--device", help="Where torch runs.", rich_help_panel=RUN)
    ] = Device.CPU,
    seed: Annotated[
        int,
        typer.Option(
            "--seed",
            min=0,
            help="Seeds parameters and input, the same for every backend.",
            rich_help_panel=RUN,
        ),
    ] = 0,
    input_shape: Annotated[
        str | None,
        typer.Option(
            "--input-shape",
            help="Your input's shape, e.g. 64,28,5, or 28,5 unbatched: read as torch would.",
            metavar="A,B,C",
            rich_help_panel=BATCH,
        ),
    ] = None,
) -> Spec:
    packed = parse_lengths(lengths) if lengths else None
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


_NETWORK_PARAMS = inspect.signature(_network, eval_str=True).parameters


def network_command(fn: Callable[..., None]) -> Callable[..., None]:
    """Give a command every network and batch option of `shape`; it receives them as spec: Spec."""
    own = [p for p in inspect.signature(fn, eval_str=True).parameters.values() if p.name != "spec"]
    signature = inspect.Signature([*_NETWORK_PARAMS.values(), *own])

    @functools.wraps(fn)
    def command(**kwargs: Any) -> None:
        spec = _network(**{name: kwargs.pop(name) for name in _NETWORK_PARAMS})
        fn(spec=spec, **kwargs)

    # Typer reads options from the signature and annotations: show it the merged ones
    setattr(command, "__signature__", signature)  # noqa: B010
    command.__annotations__ = {p.name: p.annotation for p in signature.parameters.values()}
    return command


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


def emit(report: Report, fmt: Format) -> None:
    if fmt is Format.TABLE:
        out.print(table_render.render(report))
        return
    renderers = {Format.JSON: json_render, Format.CSV: csv_render, Format.MARKDOWN: markdown_render}
    typer.echo(renderers[fmt].render(report))


def check_save_path(path: Path) -> None:
    if path.suffix != ".npz":
        raise SpecError(f"--save must name a .npz file: save={path}; use e.g. --save run.npz")
    if path.is_dir():
        raise SpecError(f"--save names a directory: save={path}; give a file name such as run.npz")
    if not path.parent.is_dir():
        raise SpecError(
            f"--save: directory {path.parent} does not exist: save={path}; "
            "create it or pick another path"
        )


def save_npz(path: Path, weights: Weights, result: Result) -> None:
    arrays = {"input": weights.x, "output": result.output, "h_n": result.h_n, **weights.params}
    if result.c_n is not None:
        arrays["c_n"] = result.c_n
    try:
        np.savez(path, **arrays)  # type: ignore[arg-type]
    except OSError as e:
        raise SpecError(f"--save: cannot write {path}: {e.strerror}; pick a writable path") from e


SHAPE_EXAMPLES = (
    "Examples:\n\n"
    "  rnnx shape                             # nn.RNN(5, 8, batch_first=True)\n\n"
    "  rnnx shape --layers 2 --bidirectional  # output (1, 10, 16), h_n (4, 1, 8)\n\n"
    "  rnnx shape --cell lstm --proj-size 4   # h_n takes proj_size, c_n not\n\n"
    "  rnnx shape -f json | jq '.tensors[] | {name, shape}'\n\n"
    "  rnnx shape --cell gru --save run.npz   # every array, torch's names"
)


@app.command(epilog=SHAPE_EXAMPLES)
@network_command
def shape(
    spec: Spec,
    backend: BackendOpt = Backend.TORCH,
    fmt: FormatOpt = Format.TABLE,
    save: SaveOpt = None,
) -> None:
    """Build the network, run a dummy batch, and explain every shape."""
    validate_backend(spec, backend)
    if save is not None:
        check_save_path(save)
        if backend is Backend.ANALYTIC:
            raise SpecError(
                "--save needs computed values: backend=analytic; use --backend torch or numpy"
            )
    if backend is Backend.ANALYTIC:
        emit(build(spec, backend, None), fmt)
        return
    weights = draw(spec)
    result = run(spec, backend, weights)
    emit(build(spec, backend, result), fmt)
    if save is not None:
        save_npz(save, weights, result)


COMPARE_EXAMPLES = (
    "Examples:\n\n"
    "  rnnx compare --cell lstm                # LSTM beside RNN; torch beside numpy\n\n"
    "  rnnx compare --cell rnn --with lstm,gru --dtype float64\n\n"
    "  rnnx compare --cell gru -f json | jq .match\n\n"
    "Exit status: 0 every backend agrees, 1 a shape or value differs, 2 bad input."
)


@app.command(epilog=COMPARE_EXAMPLES)
@network_command
def compare(
    spec: Spec,
    with_cells: Annotated[
        str | None,
        typer.Option(
            "--with",
            help="Cells to set beside --cell, comma-separated [default: rnn; lstm,gru for rnn].",
            rich_help_panel=RUN,
        ),
    ] = None,
    backends: Annotated[
        str,
        typer.Option("--backends", help="Backends to run, comma-separated.", rich_help_panel=RUN),
    ] = "torch,numpy",
    atol: Annotated[
        float | None,
        typer.Option(
            "--atol",
            min=0.0,
            help="Largest |Δ| still a match [1e-5 float32, 1e-9 float64].",
            rich_help_panel=RUN,
        ),
    ] = None,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat",
            min=1,
            help="Forward passes timed per backend (median).",
            rich_help_panel=RUN,
        ),
    ] = 3,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Swap the cell, and check the from-scratch backend against torch: same network?"""
    others = parse_choices("--with", with_cells, Cell) if with_cells else default_others(spec.cell)
    chosen = parse_choices("--backends", backends, Backend)
    if Backend.ANALYTIC in chosen:
        raise SpecError("--backends: analytic computes no values to compare; use e.g. torch,numpy")
    if fmt is Format.CSV:
        raise SpecError("--format csv: compare prints two tables; use table, json or markdown")
    for backend in chosen:
        validate_backend(spec, backend)
    weights = draw(spec)
    results = {b: run(spec, b, weights, repeat) for b in chosen}
    found = comparison.build(spec, others, results, atol or comparison.ATOL[spec.dtype], repeat)
    if fmt is Format.TABLE:
        out.print(compare_render.render(found))
    else:
        as_text = (
            compare_render.render_json if fmt is Format.JSON else compare_render.render_markdown
        )
        typer.echo(as_text(found))
    if not found.match:
        names = ", ".join(t.name for t in found.tensors if not t.match)
        raise MismatchError(text("cmp.mismatch", names=names, backends=backends, atol=found.atol))


EXPLAIN_EXAMPLES = (
    "Examples:\n\n"
    "  rnnx explain --cell lstm               # i_t, f_t, g_t, o_t, c_t, h_t with their shapes\n\n"
    "  rnnx explain --cell gru --batch-size 4 # where b_hn sits, terms shaped (4, ...)\n\n"
    "  rnnx explain --cell lstm --proj-size 4 # h_t = W_hr (o_t ⊙ tanh(c_t))"
)


@app.command(epilog=EXPLAIN_EXAMPLES)
@network_command
def explain(spec: Spec) -> None:
    """Print one time step's equations, every term's shape, and how torch packs the gates."""
    out.print(equations_render.render(lesson(spec)))


SvgOpt = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        help="Also save the picture as an SVG file.",
        metavar="FILE.svg",
        rich_help_panel=OUTPUT,
    ),
]
DIAGRAM_EXAMPLES = (
    "Examples:\n\n"
    "  rnnx diagram --layers 2 --bidirectional  # which cell becomes which h_n row\n\n"
    "  rnnx diagram --seq-len 50 --svg rnn.svg  # long sequences collapse to …"
)


def save_svg(path: Path, picture: RenderableType, width: int) -> None:
    """Record at the picture's own width: a terminal's narrower one must not cut the file."""
    if path.suffix.lower() != ".svg":
        raise SpecError(f"--svg must name a .svg file: svg={path}; use e.g. --svg rnn.svg")
    recorder = Console(record=True, width=width, file=io.StringIO())
    recorder.print(picture)
    try:
        recorder.save_svg(str(path), title="rnnx diagram")
    except OSError as e:
        raise SpecError(f"--svg: cannot write {path}: {e.strerror}; pick a writable path") from e


@app.command(epilog=DIAGRAM_EXAMPLES)
@network_command
def diagram(spec: Spec, svg: SvgOpt = None) -> None:
    """Draw the network unrolled over time: layers, directions, output and h_n."""
    picture = diagram_render.render(spec, out.width)
    if svg is not None:
        # first, so a bad path fails before anything is printed
        save_svg(svg, picture, diagram_render.picture_width(spec, out.width))
    out.print(picture)


CODE_EXAMPLES = (
    "Examples:\n\n"
    "  rnnx code --cell lstm --layers 2 --bidirectional > lstm.py && python lstm.py\n\n"
    "The script builds nn.RNN/LSTM/GRU with only the arguments that differ from torch's\n"
    "defaults, runs torch.randn of the input's shape and prints the shapes rnnx shape shows.\n"
    "rnnx draws its own numbers, so only the shapes match."
)


@app.command("code", epilog=CODE_EXAMPLES)
@network_command
def code_command(spec: Spec) -> None:
    """Print a runnable PyTorch script that builds this network and prints its shapes."""
    typer.echo(code_render.render(build(spec, Backend.ANALYTIC, None)))


def main() -> None:
    """Console-script entry point."""
    app()
