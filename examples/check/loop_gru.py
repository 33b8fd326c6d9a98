"""The notebook's GRU, gate by gate, in a loop: correct. Check it with

rnnx check examples/check/loop_gru.py:gru_loop --convention loop --cell gru
"""

import numpy as np


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def gru_loop(inputs, h0, Wx, Wh, bx, bh):
    """inputs (L, I), h0 (H,), Wx (3H, I), Wh (3H, H), bx and bh (3H,): blocks r, z, n."""
    H = h0.shape[0]
    h = h0
    hidden_states = []
    for x_t in inputs:
        gx = np.dot(Wx, x_t) + bx
        gh = np.dot(Wh, h) + bh
        r = sigmoid(gx[:H] + gh[:H])
        z = sigmoid(gx[H : 2 * H] + gh[H : 2 * H])
        n = np.tanh(gx[2 * H :] + r * gh[2 * H :])
        h = (1 - z) * n + z * h
        hidden_states.append(h)
    return np.stack(hidden_states)
