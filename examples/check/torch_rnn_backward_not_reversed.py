"""Wrong: the backward direction walks forward in time (run with --bidirectional)."""

import torch_correct as tc


def rnn(x, h0, params):
    return tc.network(x, h0, params, tc.rnn_step, walk_back=False)
