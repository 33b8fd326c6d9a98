"""Wrong, as in the study notebook: a 2-layer bidirectional RNN whose h_n joins each layer's two
directions along the features, (2, 1, 16), as output does, where torch keeps them as rows,
(4, 1, 8). Check it with

rnnx check examples/check/torch_notebook_h_n.py:rnn --layers 2 --bidirectional -n 1 -H 8
"""

import numpy as np
from torch_correct import rnn as correct


def rnn(x, h0, params):
    output, h_n = correct(x, h0, params)
    return output, np.concatenate([h_n[0::2], h_n[1::2]], axis=-1)  # (layers, N, 2H)
