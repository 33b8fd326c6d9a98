"""Wrong: only Wh used transposed, np.dot(h, Wh)."""

import numpy as np


def rnn_loop(inputs, h0, Wx, Wh, b):
    hidden_state_t = h0
    total_hidden_state = []
    for input_t in inputs:
        output_t = np.tanh(np.dot(Wx, input_t) + np.dot(hidden_state_t, Wh) + b)
        total_hidden_state.append(output_t)
        hidden_state_t = output_t
    return total_hidden_state
