"""Wrong: an LSTM that multiplies h by each gate's W_hh block untransposed (h @ W_hh_i, ...)."""

import numpy as np
import torch_correct as tc


def lstm(x, h0, params):
    blocks_transposed = {
        k: np.concatenate([b.T for b in np.split(v, 4)]) if k.startswith("weight_hh") else v
        for k, v in params.items()
    }
    return tc.lstm(x, h0, blocks_transposed)
