"""A correct LSTM in the cs231n assignment's layout, gates i, f, o, g. Check it with

rnnx check examples/check/cs231n_lstm.py:lstm_forward --convention cs231n --cell lstm
"""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm_step_forward(x, prev_h, prev_c, Wx, Wh, b, gates="ifog"):
    """x (N, D), prev_h and prev_c (N, H), Wx (D, 4H), Wh (H, 4H), b (4H,); a split as gates."""
    a = x @ Wx + prev_h @ Wh + b  # (N, 4H)
    block = dict(zip(gates, np.split(a, 4, axis=1), strict=True))
    i, f, o = sigmoid(block["i"]), sigmoid(block["f"]), sigmoid(block["o"])
    g = np.tanh(block["g"])
    next_c = f * prev_c + i * g
    next_h = o * np.tanh(next_c)
    return next_h, next_c


def lstm_forward(x, h0, Wx, Wh, b, gates="ifog", keep_c=False):
    """x (N, T, D), h0 (N, H) -> h (N, T, H), cache; the cell state starts at zero."""
    N, T, _ = x.shape
    h = np.zeros((N, T, h0.shape[1]))
    prev_h, prev_c = h0, np.zeros_like(h0)
    for t in range(T):
        prev_h, prev_c = lstm_step_forward(x[:, t], prev_h, prev_c, Wx, Wh, b, gates)
        h[:, t] = prev_c if keep_c else prev_h
    return h, None
