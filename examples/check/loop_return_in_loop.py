"""Wrong: `return` indented into the loop, so the function stops after the first time step."""

import numpy as np


def rnn_loop(inputs, h0, Wx, Wh, b):
    hidden_state_t = h0
    total_hidden_state = []
    for input_t in inputs:
        output_t = np.tanh(np.dot(Wx, input_t) + np.dot(Wh, hidden_state_t) + b)
        total_hidden_state.append(output_t)
        hidden_state_t = output_t
        return total_hidden_state
