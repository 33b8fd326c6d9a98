"""The study notebook's first cell as a function: correct. Check it with

rnnx check examples/check/loop_correct.py:rnn_loop --convention loop
"""

import numpy as np


def rnn_loop(inputs, h0, Wx, Wh, b):
    """inputs (L, I), h0 (H,), Wx (H, I), Wh (H, H), b (H,) -> the L hidden states."""
    hidden_state_t = h0
    total_hidden_state = []
    for input_t in inputs:
        output_t = np.tanh(np.dot(Wx, input_t) + np.dot(Wh, hidden_state_t) + b)
        total_hidden_state.append(output_t)
        hidden_state_t = output_t
    return total_hidden_state
