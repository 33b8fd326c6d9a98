"""Wrong: a GRU that stores each state before updating it, so output[t] holds h_(t-1)."""

import numpy as np
import torch_correct as tc


def gru(x, h0, params):
    h = h0[0]  # one layer, one direction, batch-first x (N, L, H_in)
    w = tc.weights(params, 0, 0)
    states = []
    for t in range(x.shape[1]):
        states.append(h)
        (h,) = tc.gru_step(x[:, t], (h,), w)
    return np.stack(states, axis=1), h[None]
