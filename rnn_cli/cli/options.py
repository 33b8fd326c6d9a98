"""Every shared option, declared once as plain data (`Opt`), and the two forms Typer is shown:
one value each (`shape`, `compare`, …) and a comma list each (`sweep`).

Adding a network option is its field on the Spec (default and least declared there), one
`spec_opt` here and its keyword in build.build_spec. Typer reads a
command's options from its signature; `takes` gives the command one built from these Opts.
"""

import functools
import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

import typer

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog import lookup
from rnn_cli.catalog.lookup import Lang, text
from rnn_cli.cli import output, wording
from rnn_cli.cli.wording import said
from rnn_cli.spec import grid
from rnn_cli.spec.build import build_spec
from rnn_cli.spec.choices import Backend, Format, Nonlinearity
from rnn_cli.spec.config import DEFAULT, LEAST, Spec, flag, in_range
from rnn_cli.spec.sizes import parse_bytes

NETWORK, BATCH, RUN, OUTPUT = "Network", "Batch", "Run", "Output"


@dataclass(frozen=True, kw_only=True)
class Opt:
    name: str  # the keyword the command (or build_spec) receives
    flags: tuple[str, ...]  # the long flag first: ("--hidden-size", "-H")
    kind: type  # int, float, bool, str, Path or a str Enum
    help: str  # its catalog key
    panel: str
    default: object = None  # None: not given (then the help says what applies)
    least: int | None = None  # checked by the Spec (so refused in the user's language)
    sets: str | None = None  # the Spec's field the option sets, where it sets one
    off: str | None = None  # a boolean's other flag: "--unidirectional"
    metavar: str | None = None
    listable: bool = True  # sweep takes a comma list; False: one value for every row
    help_fields: dict[str, object] = field(default_factory=dict)  # the help's {fields}

    @property
    def flag(self) -> str:
        return self.flags[0]

    def _decls(self) -> tuple[str, ...]:
        first = f"{self.flag}/{self.off}" if self.off else self.flag
        return (first, *self.flags[1:])

    def single(self) -> inspect.Parameter:
        """The option as a command takes it: one value of its kind (no Click `min=`: the Spec
        refuses a value below its least, in the user's language)."""
        info = typer.Option(
            *self._decls(),
            help=said(self.help, **self.help_fields),
            rich_help_panel=self.panel,
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
        info = typer.Option(
            self.flag,
            *self.flags[1:],
            metavar="LIST",
            help=wording.say(self._comma_help),
            rich_help_panel=self.panel,
        )
        return _param(self.name, Annotated[str | None, info], None)

    def _comma_help(self) -> str:
        """The help, that the option takes a comma list, and its default as sweep takes it."""
        one = text(self.help, **self.help_fields)
        if self.kind is bool:
            said_here = text("help.comma_bool", help=one, both=grid.BOTH)
        else:
            said_here = text("help.comma", help=one)
        shown = getattr(self.default, "value", self.default)
        shown = str(shown).lower() if isinstance(shown, bool) else shown  # as sweep takes it
        return said_here + _default_text(shown)

    def values(self, raw: str | None) -> tuple[Any, ...]:
        """A comma list read as this option's kind; not given: (its default,)."""
        if raw is None or not self.listable:
            return (self.default if raw is None else raw,)
        return grid.parse_list(self.flag, raw, self.kind, self.least)


def _param(name: str, annotation: Any, default: object) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def _default_text(value: object) -> str:
    """Click's own "[default: …]", in the chosen language."""
    return "" if value is None else f" [{lookup.template('words.default').format(default=value)}]"


def spec_opt(
    name: str, *flags: str, field: str | None = None, given: bool = True, **rest: Any
) -> Opt:
    """An option that sets the Spec's field (name by default): its flag, default and least
    come from the Spec (spec/config.py), declared there once. given=False: the option's own
    default is None (not given), so other options may set the field (--lengths sets N and L)."""
    field = field or name
    assert flag(field) == flags[0], (field, flags)  # the Spec's errors name this same flag
    default = getattr(DEFAULT, field) if given else None
    kind = rest.pop("kind", type(getattr(DEFAULT, field)))
    least = LEAST.get(field)
    return Opt(name=name, flags=flags, kind=kind, default=default, least=least, sets=field, **rest)


NETWORK_OPTS: tuple[Opt, ...] = (
    spec_opt("cell", "--cell", "-c", help="help.cell", panel=NETWORK),
    spec_opt(
        "input_size", "--input-size", "-i", help="help.input_size", panel=NETWORK,
        metavar="N",
    ),
    spec_opt(
        "hidden_size", "--hidden-size", "-H", help="help.hidden_size", panel=NETWORK,
        metavar="N",
    ),
    spec_opt(
        "layers", "--layers", "-l", field="num_layers", help="help.layers",
        panel=NETWORK, metavar="N",
    ),
    spec_opt(
        "bidirectional", "--bidirectional", help="help.bidirectional", panel=NETWORK,
        off="--unidirectional",
    ),
    spec_opt(
        "proj_size", "--proj-size", help="help.proj_size",
        panel=NETWORK, metavar="N",
    ),
    spec_opt(
        "nonlinearity", "--nonlinearity", kind=Nonlinearity,
        help="help.nonlinearity", panel=NETWORK,
    ),
    spec_opt("bias", "--bias", help="help.bias", panel=NETWORK, off="--no-bias"),
    spec_opt(
        "dropout", "--dropout", help="help.dropout", panel=NETWORK,
        metavar="P",
    ),
)  # fmt: skip
BATCH_OPTS: tuple[Opt, ...] = (
    spec_opt(
        "batch_size", "--batch-size", "-n", given=False, panel=BATCH, metavar="N",
        help="help.batch_size", help_fields={"n": DEFAULT.batch_size},
    ),
    spec_opt(
        "seq_len", "--seq-len", "-L", given=False, panel=BATCH, metavar="N",
        help="help.seq_len", help_fields={"n": DEFAULT.seq_len},
    ),
    Opt(
        name="lengths", flags=("--lengths",), kind=str, panel=BATCH, metavar="10,7,3",
        help="help.lengths",
        listable=False,
    ),
    spec_opt(
        "batch_first", "--batch-first", panel=BATCH, off="--seq-first",
        help="help.batch_first",
    ),
    spec_opt(
        "unbatched", "--unbatched", help="help.unbatched", panel=BATCH,
        off="--batched",
    ),
    Opt(
        name="input_shape", flags=("--input-shape",), kind=str, panel=BATCH, metavar="A,B,C",
        help="help.input_shape",
        listable=False,
    ),
)  # fmt: skip
SEED_OPT = spec_opt(
    "seed", "--seed", help="help.seed", panel=RUN,
    metavar="N",
)  # fmt: skip
RUN_OPTS: tuple[Opt, ...] = (
    spec_opt("dtype", "--dtype", help="help.dtype", panel=RUN),
    spec_opt("device", "--device", help="help.device", panel=RUN),
    SEED_OPT,
)
LANG = Opt(
    name="lang",
    flags=("--lang",),
    kind=Lang,
    help="help.lang",
    panel=OUTPUT,
)  # not given: RNNX_LANG, which main() has applied, else English

NO_PAGER = Opt(
    name="no_pager",
    flags=("--no-pager",),
    kind=bool,
    default=False,
    help="help.no_pager",
    panel=OUTPUT,
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
        shared = (LANG.single(), NO_PAGER.single())
        signature = inspect.Signature([*(forms(o) for o in opts), *shared, *own])

        @functools.wraps(fn)
        def command(**kwargs: Any) -> None:
            lang = kwargs.pop(LANG.name)
            if lang is not None:  # first: the Spec's own errors are in it
                lookup.use(lang)
            if kwargs.pop(NO_PAGER.name):
                output.no_pager()
            values = {o.name: kwargs.pop(o.name) for o in opts}
            fn(**({into: make(values)} if into else {}), **kwargs)

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


def shared_command() -> Callable[[Command], Command]:
    """The command takes only the options every command shares (--lang, --no-pager), applied
    as for every other command, then its own."""
    return _takes((), Opt.single, "", lambda _: None)


def hint_command(*groups: tuple[Opt, ...]) -> Callable[[Command], Command]:
    """The command takes groups' options, each None unless given (nothing is assumed), and
    receives those given as given: {name: value}."""
    opts = tuple(
        replace(o, default=None, help=o.help.split(" Default:")[0]) for o in sum(groups, ())
    )
    fields = {o.name: o.sets for o in opts if o.sets in LEAST}

    def given(raw: dict[str, Any]) -> dict[str, Any]:
        values = {n: v for n, v in raw.items() if v is not None}
        for name, value in values.items():
            if name in fields:
                in_range(fields[name], value)  # the Spec's own refusal: --layers 0
        return values

    return _takes(opts, Opt.single, "given", given)


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
        help=said("help.backend"),
        rich_help_panel=RUN,
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help=said("help.format"),
        rich_help_panel=OUTPUT,
    ),
]
SaveOpt = Annotated[
    Path | None,
    typer.Option(
        "--save",
        help=said("help.save"),
        metavar="FILE.npz",
        rich_help_panel=OUTPUT,
    ),
]
MaxMemoryOpt = Annotated[
    str | None,
    typer.Option(
        "--max-memory",
        metavar="SIZE",
        help=said("help.max_memory"),
        rich_help_panel=RUN,
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", help=said("help.timeout"), rich_help_panel=RUN),
]
MemoryLimitOpt = Annotated[
    str,
    typer.Option(
        "--memory-limit",
        metavar="SIZE",
        help=said("help.memory_limit"),
        rich_help_panel=RUN,
    ),
]
LEAST_MEMORY = 256 * 2**20  # the child's Python with numpy loaded, and room to call a function


def sandbox_limits(timeout: float, memory_limit: str) -> tuple[float, int]:
    """--timeout and --memory-limit read: seconds and bytes for the student's child process."""
    if not math.isfinite(timeout) or timeout <= 0:
        raise SpecError(text("check.bad_timeout", value=timeout))
    limit = parse_bytes("--memory-limit", memory_limit)
    if limit < LEAST_MEMORY:  # below it the limit strikes rnnx's own imports, not the student
        raise SpecError(text("check.memory_too_low", value=memory_limit, least="256MiB"))
    return timeout, limit


SvgOpt = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        help=said("help.svg"),
        metavar="FILE.svg",
        rich_help_panel=OUTPUT,
    ),
]
HtmlOpt = Annotated[
    Path | None,
    typer.Option(
        "--html",
        help=said("help.html"),
        metavar="FILE.html",
        rich_help_panel=OUTPUT,
    ),
]
ParamsOpt = Annotated[
    bool,
    typer.Option("--params", help=said("help.params"), rich_help_panel=OUTPUT),
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        help=said("help.all"),
        rich_help_panel=OUTPUT,
    ),
]

MaxConfigsOpt = Annotated[
    int,
    typer.Option(
        "--max-configs",
        min=1,
        metavar="N",
        help=said("help.max_configs"),
        rich_help_panel=RUN,
    ),
]
