"""Every shared option, declared once as plain data (`Opt`), and the two forms Typer is shown:
one value each (`shape`, `compare`, …) and a comma list each (`sweep`).

Adding a network option is one `Opt` here and its keyword in build.build_spec. Typer reads a
command's options from its signature; `takes` gives the command one built from these Opts.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

import typer

from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import Lang
from rnn_cli.spec import grid
from rnn_cli.spec.build import BATCH_SIZE, SEQ_LEN, build_spec
from rnn_cli.spec.choices import Backend, Cell, Device, DType, Format, Nonlinearity
from rnn_cli.spec.config import Spec

NETWORK, BATCH, RUN, OUTPUT = "Network", "Batch", "Run", "Output"


@dataclass(frozen=True)
class Opt:
    name: str  # the keyword the command (or build_spec) receives
    flags: tuple[str, ...]  # the long flag first: ("--hidden-size", "-H")
    kind: type  # int, float, bool, str, Path or a str Enum
    default: object  # None: not given (then the help says what applies)
    help: str
    panel: str
    minimum: int | float | None = None
    off: str | None = None  # a boolean's other flag: "--unidirectional"
    metavar: str | None = None
    listable: bool = True  # sweep takes a comma list; False: one value for every row

    @property
    def flag(self) -> str:
        return self.flags[0]

    def _decls(self) -> tuple[str, ...]:
        first = f"{self.flag}/{self.off}" if self.off else self.flag
        return (first, *self.flags[1:])

    def single(self) -> inspect.Parameter:
        """The option as a command takes it: one value of its kind."""
        info = typer.Option(
            *self._decls(),
            help=self.help,
            rich_help_panel=self.panel,
            min=self.minimum,
            metavar=self.metavar,
            case_sensitive=False,
            show_default=self.default is not None,
        )
        kind: Any = self.kind if self.default is not None else self.kind | None
        return _param(self.name, Annotated[kind, info], self.default)

    def comma(self) -> inspect.Parameter:
        """The option as `sweep` takes it: a comma list of values, or `both` for a boolean."""
        if not self.listable:
            return self.single()
        also = f", or {grid.BOTH}" if self.kind is bool else ""
        shown = getattr(self.default, "value", self.default)
        shown = str(shown).lower() if isinstance(shown, bool) else shown  # as sweep takes it
        info = typer.Option(
            self.flag,
            *self.flags[1:],
            metavar="LIST",
            help=f"{self.help} Comma list{also}." + _default_text(shown),
            rich_help_panel=self.panel,
        )
        return _param(self.name, Annotated[str | None, info], None)

    def values(self, raw: str | None) -> tuple[Any, ...]:
        """A comma list read as this option's kind; not given: (its default,)."""
        if raw is None or not self.listable:
            return (self.default if raw is None else raw,)
        return grid.parse_list(self.flag, raw, self.kind, self.minimum)


def _param(name: str, annotation: Any, default: object) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def _default_text(value: object) -> str:
    return "" if value is None else f" [default: {value}]"


NETWORK_OPTS: tuple[Opt, ...] = (
    Opt("cell", ("--cell", "-c"), Cell, Cell.RNN, "nn.RNN, nn.LSTM or nn.GRU.", NETWORK),
    Opt(
        "input_size",
        ("--input-size", "-i"),
        int,
        5,
        "H_in: features of each x_t.",
        NETWORK,
        1,
        metavar="N",
    ),
    Opt(
        "hidden_size",
        ("--hidden-size", "-H"),
        int,
        8,
        "Features in h_t (and c_t).",
        NETWORK,
        1,
        metavar="N",
    ),
    Opt(
        "layers", ("--layers", "-l"), int, 1, "num_layers: stacked layers.", NETWORK, 1, metavar="N"
    ),
    Opt(
        "bidirectional",
        ("--bidirectional",),
        bool,
        False,
        "Run both directions (D = 2).",
        NETWORK,
        off="--unidirectional",
    ),
    Opt(
        "proj_size",
        ("--proj-size",),
        int,
        0,
        "LSTM only: project h_t to this many features (< hidden).",
        NETWORK,
        0,
        metavar="N",
    ),
    Opt(
        "nonlinearity",
        ("--nonlinearity",),
        Nonlinearity,
        None,
        "RNN only: tanh (torch's default) or relu.",
        NETWORK,
    ),
    Opt("bias", ("--bias",), bool, True, "Include bias_ih and bias_hh.", NETWORK, off="--no-bias"),
    Opt(
        "dropout",
        ("--dropout",),
        float,
        0.0,
        "0 <= P < 1, between layers, training only.",
        NETWORK,
        metavar="P",
    ),
)
BATCH_OPTS: tuple[Opt, ...] = (
    Opt(
        "batch_size",
        ("--batch-size", "-n"),
        int,
        None,
        f"N: sequences in the batch. Default: {BATCH_SIZE}.",
        BATCH,
        1,
        metavar="N",
    ),
    Opt(
        "seq_len",
        ("--seq-len", "-L"),
        int,
        None,
        f"L: time steps per sequence. Default: {SEQ_LEN}.",
        BATCH,
        1,
        metavar="N",
    ),
    Opt(
        "lengths",
        ("--lengths",),
        str,
        None,
        "Packed variable-length batch: one length per sequence (sets N and L).",
        BATCH,
        metavar="10,7,3",
        listable=False,
    ),
    Opt(
        "batch_first",
        ("--batch-first",),
        bool,
        True,
        "Input (N, L, H_in) or (L, N, H_in); torch's own default is seq-first.",
        BATCH,
        off="--seq-first",
    ),
    Opt(
        "unbatched",
        ("--unbatched",),
        bool,
        False,
        "2-D input (L, H_in), no batch axis.",
        BATCH,
        off="--batched",
    ),
    Opt(
        "input_shape",
        ("--input-shape",),
        str,
        None,
        "Your input's shape, e.g. 64,28,5, or 28,5 unbatched: read as torch would.",
        BATCH,
        metavar="A,B,C",
        listable=False,
    ),
)
SEED_OPT = Opt(
    "seed",
    ("--seed",),
    int,
    0,
    "Seeds parameters and input, the same for every backend.",
    RUN,
    0,
    metavar="N",
)
RUN_OPTS: tuple[Opt, ...] = (
    Opt("dtype", ("--dtype",), DType, DType.FLOAT32, "Parameter and input precision.", RUN),
    Opt("device", ("--device",), Device, Device.CPU, "Where torch runs.", RUN),
    SEED_OPT,
)
LANG = Opt(
    "lang",
    ("--lang",),
    Lang,
    None,  # not given: RNNX_LANG, which main() has applied, else English
    "Language rnnx writes in: en or ko. Default: $RNNX_LANG, else en.",
    OUTPUT,
)

Command = Callable[..., None]


def _takes(
    opts: tuple[Opt, ...],
    forms: Callable[[Opt], inspect.Parameter],
    into: str,
    make: Callable[[dict[str, Any]], object],
) -> Callable[[Command], Command]:
    """A decorator: the command gets opts' options (then its own) and receives into=make(values)."""

    def decorate(fn: Command) -> Command:
        own = [
            p for p in inspect.signature(fn, eval_str=True).parameters.values() if p.name != into
        ]
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own]
        signature = inspect.Signature([*(forms(o) for o in opts), LANG.single(), *own])

        @functools.wraps(fn)
        def command(**kwargs: Any) -> None:
            lang = kwargs.pop(LANG.name)
            if lang is not None:  # first: the Spec's own errors are in it
                lookup.use(lang)
            fn(**{into: make({o.name: kwargs.pop(o.name) for o in opts})}, **kwargs)

        # Typer reads options from the signature (inspect.signature honours __signature__)
        command.__signature__ = signature  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in signature.parameters.values()}
        return command

    return decorate


def _spec(values: dict[str, Any]) -> Spec:
    return build_spec(**values)


def network_command(*groups: tuple[Opt, ...]) -> Callable[[Command], Command]:
    """The command takes groups' options, one value each, and receives them as spec: Spec."""
    return _takes(sum(groups, ()), Opt.single, "spec", _spec)


def hint_command(*groups: tuple[Opt, ...]) -> Callable[[Command], Command]:
    """The command takes groups' options, each None unless given (nothing is assumed), and
    receives those given as given: {name: value}."""
    opts = tuple(
        replace(o, default=None, help=o.help.split(" Default:")[0]) for o in sum(groups, ())
    )
    return _takes(
        opts, Opt.single, "given", lambda raw: {n: v for n, v in raw.items() if v is not None}
    )


def sweep_command(*groups: tuple[Opt, ...]) -> Callable[[Command], Command]:
    """The command takes groups' options as comma lists; it receives choices: {name: values}."""
    opts: tuple[Opt, ...] = sum(groups, ())
    by_name = {o.name: o for o in opts}
    return _takes(
        opts, Opt.comma, "choices", lambda raw: {n: by_name[n].values(v) for n, v in raw.items()}
    )


BackendOpt = Annotated[
    Backend,
    typer.Option(
        "--backend",
        "-B",
        case_sensitive=False,
        help="torch (reference), numpy (from scratch) or analytic (arithmetic only).",
        rich_help_panel=RUN,
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table, json, csv or markdown.",
        rich_help_panel=OUTPUT,
    ),
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

MaxConfigsOpt = Annotated[
    int,
    typer.Option(
        "--max-configs",
        min=1,
        metavar="N",
        help="Refuse (exit 2), before running any, a grid of more configurations than this.",
        rich_help_panel=RUN,
    ),
]
