"""Wrong: the LSTM returns (c_n, h_n) where torch returns (h_n, c_n)."""

import torch_correct as tc


def lstm(x, h0, params):
    output, (h_n, c_n) = tc.lstm(x, h0, params)
    return output, (c_n, h_n)
