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
from rnn_cli.render import code as code_render
from rnn_cli.render import diagram as diagram_render
from rnn_cli.render import equations as equations_render
from rnn_cli.spec.config import Spec

EXPLAIN_EXAMPLES = epilog(
    "rnnx explain --cell lstm               # i_t, f_t, g_t, o_t, c_t, h_t with their shapes",
    "rnnx explain --cell gru --batch-size 4 # where b_hn sits, terms shaped (4, ...)",
    "rnnx explain --cell lstm --proj-size 4 # h_t = W_hr (o_t ⊙ tanh(c_t))",
)


@command(epilog=EXPLAIN_EXAMPLES)
@network_command(NETWORK_OPTS, BATCH_OPTS)
def explain(spec: Spec, svg: SvgOpt = None, html: HtmlOpt = None) -> None:
    """Print one time step's equations, every term's shape, and how torch packs the gates."""
    output.refuse_unwritable(svg, html)
    output.show(equations_render.render(pipeline.lesson(spec)), svg, html, "rnnx explain")


DIAGRAM_EXAMPLES = epilog(
    "rnnx diagram --layers 2 --bidirectional  # which cell becomes which h_n row",
    "rnnx diagram --seq-len 50 --svg rnn.svg  # long sequences collapse to …",
)


@command(epilog=DIAGRAM_EXAMPLES)
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
    "The script builds nn.RNN/LSTM/GRU with only the arguments that differ from torch's "
    "defaults, runs torch.randn of the input's shape and prints the shapes rnnx shape shows. "
    "rnnx draws its own numbers, so only the shapes match.",
)


@command("code", epilog=CODE_EXAMPLES)
@network_command(NETWORK_OPTS, BATCH_OPTS, RUN_OPTS)
def code_command(spec: Spec) -> None:
    """Print a runnable PyTorch script that builds this network and prints its shapes."""
    output.show(code_render.render(pipeline.report(spec)))
