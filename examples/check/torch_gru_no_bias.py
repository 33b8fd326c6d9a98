"""Wrong: a GRU that leaves both biases out."""

import torch_correct as tc


def gru(x, h0, params):
    weights_only = {k: v for k, v in params.items() if not k.startswith("bias")}
    return tc.gru(x, h0, weights_only)
