"""Wrong: an LSTM that starts from zeros instead of the (h0, c0) passed in."""

import numpy as np
import torch_correct as tc


def lstm(x, h0, params):
    h, c = h0
    return tc.lstm(x, (np.zeros_like(h), np.zeros_like(c)), params)
