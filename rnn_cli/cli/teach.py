"""`rnnx explain`, `rnnx diagram` and `rnnx code`: the network taught rather than run."""

from rnn_cli import pipeline
from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.cli import output
from rnn_cli.cli.core import command, epilog
from rnn_cli.cli.options import (
    BATCH_OPTS,
    NETWORK_OPTS,
    RUN_OPTS,
    HtmlOpt,
    SvgOpt,
    network_command,
)
from rnn_cli.cli.wording import said
from rnn_cli.render import code as code_render
from rnn_cli.render import diagram as diagram_render
from rnn_cli.render import equations as equations_render
from rnn_cli.spec.config import Spec

EXPLAIN_EXAMPLES = epilog(
    ("rnnx explain --cell lstm               # ", "help.ex.explain_lstm"),
    ("rnnx explain --cell gru --batch-size 4 # ", "help.ex.explain_gru"),
    "rnnx explain --cell lstm --proj-size 4 # h_t = W_hr (o_t ⊙ tanh(c_t))",
)


@command(epilog=EXPLAIN_EXAMPLES, help=said("help.explain"))
@network_command(NETWORK_OPTS, BATCH_OPTS)
def explain(spec: Spec, svg: SvgOpt = None, html: HtmlOpt = None) -> None:
    """Print one time step's equations, every term's shape, and how torch packs the gates."""
    output.refuse_unwritable(svg, html)
    output.show(equations_render.render(pipeline.lesson(spec)), svg, html, "rnnx explain")


DIAGRAM_EXAMPLES = epilog(
    ("rnnx diagram --layers 2 --bidirectional  # ", "help.ex.diagram_rows"),
    ("rnnx diagram --seq-len 50 --svg rnn.svg  # ", "help.ex.diagram_long"),
)


@command(epilog=DIAGRAM_EXAMPLES, help=said("help.diagram"))
@network_command(NETWORK_OPTS, BATCH_OPTS)
def diagram(spec: Spec, svg: SvgOpt = None, html: HtmlOpt = None) -> None:
    """Draw the network unrolled over time: layers, directions, output and h_n."""
    if spec.num_layers > diagram_render.MOST_LAYERS:
        most = diagram_render.MOST_LAYERS
        raise SpecError(text("error.diagram_layers", layers=spec.num_layers, most=most))
    output.refuse_unwritable(svg, html)
    picture = diagram_render.render(spec, output.columns())
    # at the picture's own width: a narrower terminal must not cut the file; first, so a path
    # that cannot be written fails before anything is printed
    width = diagram_render.picture_width(spec, output.columns())
    output.show(picture, svg, html, "rnnx diagram", width)


CODE_EXAMPLES = epilog(
    "rnnx code --cell lstm --layers 2 --bidirectional > lstm.py && python lstm.py",
    "help.code_script",
)


@command("code", epilog=CODE_EXAMPLES, help=said("help.code"))
@network_command(NETWORK_OPTS, BATCH_OPTS, RUN_OPTS)
def code_command(spec: Spec) -> None:
    """Print a runnable PyTorch script that builds this network and prints its shapes."""
    output.show(code_render.render(pipeline.report(spec)))
