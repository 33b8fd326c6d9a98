"""The notebook's LSTM, gate by gate, in a loop: correct. Check it with

rnnx check examples/check/loop_lstm.py:lstm_loop --convention loop --cell lstm
"""

import numpy as np


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_loop(inputs, h0, c0, Wx, Wh, b):
    """inputs (L, I), h0 and c0 (H,), Wx (4H, I), Wh (4H, H), b (4H,): blocks i, f, g, o."""
    H = h0.shape[0]
    h, c = h0, c0
    hidden_states = []
    for x_t in inputs:
        a = np.dot(Wx, x_t) + np.dot(Wh, h) + b
        i = sigmoid(a[:H])
        f = sigmoid(a[H : 2 * H])
        g = np.tanh(a[2 * H : 3 * H])
        o = sigmoid(a[3 * H :])
        c = f * c + i * g
        h = o * np.tanh(c)
        hidden_states.append(h)
    return np.stack(hidden_states)
