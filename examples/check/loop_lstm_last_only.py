"""Wrong: only the last hidden state returned, (H,), where every step's is asked for, (L, H)."""

import numpy as np


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_loop(inputs, h0, c0, Wx, Wh, b):
    H = h0.shape[0]
    h, c = h0, c0
    for x_t in inputs:
        a = np.dot(Wx, x_t) + np.dot(Wh, h) + b
        i, f, o = sigmoid(a[:H]), sigmoid(a[H : 2 * H]), sigmoid(a[3 * H :])
        c = f * c + i * np.tanh(a[2 * H : 3 * H])
        h = o * np.tanh(c)
    return h
