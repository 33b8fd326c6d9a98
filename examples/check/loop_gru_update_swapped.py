"""Wrong: the update gate the other way round, h = z * n + (1 - z) * h (as some textbooks write
it, but not torch)."""

import numpy as np


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def gru_loop(inputs, h0, Wx, Wh, bx, bh):
    H = h0.shape[0]
    h = h0
    hidden_states = []
    for x_t in inputs:
        gx, gh = np.dot(Wx, x_t) + bx, np.dot(Wh, h) + bh
        r = sigmoid(gx[:H] + gh[:H])
        z = sigmoid(gx[H : 2 * H] + gh[H : 2 * H])
        n = np.tanh(gx[2 * H :] + r * gh[2 * H :])
        h = z * n + (1 - z) * h
        hidden_states.append(h)
    return np.stack(hidden_states)
