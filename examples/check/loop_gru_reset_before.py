"""Wrong: the reset gate applied before the matmul, Wh_n (r * h), as d2l writes it; torch
computes r * (Wh_n h + bh_n)."""

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
        n = np.tanh(gx[2 * H :] + np.dot(Wh[2 * H :], r * h) + bh[2 * H :])
        h = (1 - z) * n + z * h
        hidden_states.append(h)
    return np.stack(hidden_states)
