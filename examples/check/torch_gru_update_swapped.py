"""Wrong: the GRU's update gate the other way round, h' = z ⊙ n + (1 - z) ⊙ h (Cho et al.'s)."""

import numpy as np
import torch_correct as tc


def step(x, state, w):
    (h,) = state
    gi = np.split(x @ w["ih"].T + w["b_ih"], 3, axis=-1)
    gh = np.split(h @ w["hh"].T + w["b_hh"], 3, axis=-1)
    r = tc.sigmoid(gi[0] + gh[0])
    z = tc.sigmoid(gi[1] + gh[1])
    n = np.tanh(gi[2] + r * gh[2])
    return (z * n + (1 - z) * h,)


def gru(x, h0, params):
    return tc.network(x, h0, params, step)
