"""Wrong: the backward direction's outputs are left in walking order (run with --bidirectional)."""

import torch_correct as tc


def rnn(x, h0, params):
    return tc.network(x, h0, params, tc.rnn_step, reverse_back=False)
