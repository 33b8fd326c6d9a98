"""Wrong: the gate blocks read in cs231n's order i, f, o, g, where the loop convention stacks
torch's i, f, g, o."""

import numpy as np


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_loop(inputs, h0, c0, Wx, Wh, b):
    H = h0.shape[0]
    h, c = h0, c0
    hidden_states = []
    for x_t in inputs:
        a = np.dot(Wx, x_t) + np.dot(Wh, h) + b
        i, f, o = sigmoid(a[:H]), sigmoid(a[H : 2 * H]), sigmoid(a[2 * H : 3 * H])
        g = np.tanh(a[3 * H :])
        c = f * c + i * g
        h = o * np.tanh(c)
        hidden_states.append(h)
    return np.stack(hidden_states)
