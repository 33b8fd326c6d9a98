"""Wrong: the GRU's reset gate applied before the matmul, W_hn (r ⊙ h), as d2l writes it."""

import numpy as np
import torch_correct as tc


def step(x, state, w):
    (h,) = state
    gi = np.split(x @ w["ih"].T + w["b_ih"], 3, axis=-1)
    gh = np.split(h @ w["hh"].T + w["b_hh"], 3, axis=-1)
    r = tc.sigmoid(gi[0] + gh[0])
    z = tc.sigmoid(gi[1] + gh[1])
    w_hn, b_hn = np.split(w["hh"], 3)[2], np.split(w["b_hh"], 3)[2]
    n = np.tanh(gi[2] + (r * h) @ w_hn.T + b_hn)
    return ((1 - z) * n + z * h,)


def gru(x, h0, params):
    return tc.network(x, h0, params, step)
