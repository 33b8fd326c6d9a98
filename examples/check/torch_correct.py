"""A correct from-scratch nn.RNN / nn.LSTM / nn.GRU in the torch convention: fn(x, h0, params).

x is batch-first (N, L, H_in) as rnnx passes it by default, or (L, H_in) unbatched; h0 is
(D*layers, N, H_out), a pair (h0, c0) for the LSTM; params holds torch's names. Check with

    rnnx check examples/check/torch_correct.py:gru --cell gru --layers 2 --bidirectional
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def rnn_step(x, state, w):
    return (np.tanh(x @ w["ih"].T + w["b_ih"] + state[0] @ w["hh"].T + w["b_hh"]),)


def lstm_step(x, state, w, gates="ifgo"):
    h, c = state
    a = x @ w["ih"].T + w["b_ih"] + h @ w["hh"].T + w["b_hh"]
    block = dict(zip(gates, np.split(a, 4, axis=-1), strict=True))
    i, f, o = sigmoid(block["i"]), sigmoid(block["f"]), sigmoid(block["o"])
    c = f * c + i * np.tanh(block["g"])
    h = o * np.tanh(c)
    return (h if w["hr"] is None else h @ w["hr"].T), c


def gru_step(x, state, w, gates="rzn"):
    (h,) = state
    gi = dict(zip(gates, np.split(x @ w["ih"].T + w["b_ih"], 3, axis=-1), strict=True))
    gh = dict(zip(gates, np.split(h @ w["hh"].T + w["b_hh"], 3, axis=-1), strict=True))
    r = sigmoid(gi["r"] + gh["r"])
    z = sigmoid(gi["z"] + gh["z"])
    n = np.tanh(gi["n"] + r * gh["n"])
    return ((1 - z) * n + z * h,)


def weights(params, layer, direction):
    sfx = f"_l{layer}" + ("_reverse" if direction else "")
    w_ih = params[f"weight_ih{sfx}"]
    zero = np.zeros(w_ih.shape[0])
    return {
        "ih": w_ih,
        "hh": params[f"weight_hh{sfx}"],
        "b_ih": params.get(f"bias_ih{sfx}", zero),
        "b_hh": params.get(f"bias_hh{sfx}", zero),
        "hr": params.get(f"weight_hr{sfx}"),
    }


def direction(x, state, step, w, backward, walk_back=True, reverse_back=True):
    """x (L, N, F): each step's h, and the final state."""
    times = range(len(x))
    if backward and walk_back:
        times = reversed(times)
    hs = []
    for t in times:
        state = step(x[t], state, w)
        hs.append(state[0])
    if backward and reverse_back:
        hs = hs[::-1]
    return np.stack(hs), state


def network(x, h0, params, step, **how):
    """Every layer and direction; output and the final states as torch returns them."""
    lstm = isinstance(h0, tuple)
    h0, c0 = h0 if lstm else (h0, None)
    unbatched = x.ndim == 2
    seq = x[:, None] if unbatched else x.swapaxes(0, 1)  # (L, N, F)
    h0 = h0[:, None] if unbatched else h0
    c0 = c0[:, None] if unbatched and lstm else c0
    dirs = 2 if any(k.endswith("_reverse") for k in params) else 1
    layers = len(h0) // dirs
    finals = []
    for layer in range(layers):
        outs = []
        for d in range(dirs):
            row = layer * dirs + d
            state = (h0[row], c0[row]) if lstm else (h0[row],)
            w = weights(params, layer, d)
            hs, state = direction(seq, state, step, w, d == 1, **how)
            outs.append(hs)
            finals.append(state)
        seq = np.concatenate(outs, axis=-1)
    out = seq[:, 0] if unbatched else seq.swapaxes(0, 1)
    h_n = np.stack([s[0] for s in finals])
    h_n = h_n[:, 0] if unbatched else h_n
    if not lstm:
        return out, h_n
    c_n = np.stack([s[1] for s in finals])
    return out, (h_n, c_n[:, 0] if unbatched else c_n)


def rnn(x, h0, params):
    return network(x, h0, params, rnn_step)


def lstm(x, h0, params):
    return network(x, h0, params, lstm_step)


def gru(x, h0, params):
    return network(x, h0, params, gru_step)
