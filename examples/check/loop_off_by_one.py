"""Wrong: off by one time step, the state is stored before it is updated."""

import numpy as np


def rnn_loop(inputs, h0, Wx, Wh, b):
    hidden_state_t = h0
    total_hidden_state = []
    for input_t in inputs:
        total_hidden_state.append(hidden_state_t)
        hidden_state_t = np.tanh(np.dot(Wx, input_t) + np.dot(Wh, hidden_state_t) + b)
    return total_hidden_state
