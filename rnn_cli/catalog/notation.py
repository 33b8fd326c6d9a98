"""The notation every language writes alike: equations, symbols, marks and code. Each entry lives
here once and every language module draws it in (`**NOTATION`), so a translation can neither drift
from it nor repeat it; tests/test_catalog.py checks that a value the same in every language lives
here and nowhere else.

Plain data. Must not import anything beyond the stdlib.
"""

from typing import Final

NOTATION: Final[dict[str, str]] = {
    # one time step's equations, torch's docs' names. Written h_(t-1), not h_{t-1}: every entry
    # goes through str.format
    "eq.affine": "W_i{g} x_t + b_i{g} + W_h{g} h_(t-1) + b_h{g}",
    "eq.affine_nobias": "W_i{g} x_t + W_h{g} h_(t-1)",
    "eq.gate": "{g}_t = {act}({affine})",
    "eq.gru_n": "n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_(t-1) + b_hn))",
    "eq.gru_n_nobias": "n_t = tanh(W_in x_t + r_t ⊙ (W_hn h_(t-1)))",
    "eq.gru_h": "h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t-1)",
    "eq.lstm_c": "c_t = f_t ⊙ c_(t-1) + i_t ⊙ g_t",
    "eq.lstm_h": "h_t = o_t ⊙ tanh(c_t)",
    "eq.lstm_h_proj": "h_t = W_hr (o_t ⊙ tanh(c_t))",
    # each nonlinearity's symbol and range
    "act.sigmoid": "σ: (0, 1)",
    "act.tanh": "tanh: (−1, 1)",
    "act.relu": "relu: [0, ∞)",
    # the sizes' symbols in explain's title
    "size.batch": "N = {n}",
    "size.input": "H_in = {n}",
    "size.hidden": "H = {n} (hidden_size)",
    "size.proj": "P = {n} (proj_size)",
    # marks in the tables: holds, unchecked, nothing
    "recipe.holds": "✓",
    "recipe.unchecked": "?",
    "cmp.none": "—",
    # code: batch_first as torch spells it, a comment line in the generated script
    "read.batch_first": "batch_first=True",
    "read.seq_first": "batch_first=False",
    "code.input": "# {layout}",
    # sweep's headings that are the sizes' symbols
    "sweep.col.batch_size": "N",
    "sweep.col.seq_len": "L",
    # a count or an index alone
    "param.bias": "{rows}",
    "check.where_time": "t={t}",
}
