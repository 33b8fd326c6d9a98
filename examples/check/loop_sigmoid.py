"""Wrong: the logistic sigmoid where the RNN's tanh belongs."""

import numpy as np


def rnn_loop(inputs, h0, Wx, Wh, b):
    hidden_state_t = h0
    total_hidden_state = []
    for input_t in inputs:
        output_t = 1 / (1 + np.exp(-(np.dot(Wx, input_t) + np.dot(Wh, hidden_state_t) + b)))
        total_hidden_state.append(output_t)
        hidden_state_t = output_t
    return total_hidden_state
