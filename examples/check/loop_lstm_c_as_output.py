"""Wrong: the cell state c_t collected as the output, where the hidden state h_t is asked for."""

import numpy as np


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_loop(inputs, h0, c0, Wx, Wh, b):
    H = h0.shape[0]
    h, c = h0, c0
    states = []
    for x_t in inputs:
        a = np.dot(Wx, x_t) + np.dot(Wh, h) + b
        i, f, o = sigmoid(a[:H]), sigmoid(a[H : 2 * H]), sigmoid(a[3 * H :])
        c = f * c + i * np.tanh(a[2 * H : 3 * H])
        h = o * np.tanh(c)
        states.append(c)
    return np.stack(states)
