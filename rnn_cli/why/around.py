"""The messages around a recurrent layer: its constructor, packing, devices and cuDNN, and the
errors of the layers and losses that follow it, read into their numbers and causes.

Must not import numpy, torch or rich.
"""

from collections.abc import Callable
from typing import Any

from rnn_cli.catalog.lookup import text
from rnn_cli.spec.choices import Cell
from rnn_cli.why.causes import Candidate, Explained, maybe
from rnn_cli.why.network import Network

Numbers = dict[str, Any]


def _plain(*ids: str, named: str | None = None) -> Callable[[Numbers, Network], Explained]:
    """A family whose causes are fixed, in this order, the first the likely one; its numbers
    named by one sentence (why.named.<family>) where it has any."""

    def read(n: Numbers, net: Network) -> Explained:
        causes = tuple(Candidate(c, n, i == 0) for i, c in enumerate(ids))
        return Explained((text(named, **n),) if named else (), causes)

    return read


def dropout_one_layer(n: Numbers, net: Network) -> Explained:
    causes = (Candidate("dropout_one_layer", n, True),)
    named = (text("why.named.dropout_one_layer", **n),)
    conflict = maybe(
        net.layers not in (None, n["num_layers"]),
        "why.conflict.layers",
        said=net.layers,
        got=n["num_layers"],
    )
    return Explained(named, causes, {"layers": n["num_layers"], "dropout": n["dropout"]}, conflict)


def proj_not_lstm(n: Numbers, net: Network) -> Explained:
    causes = (Candidate("proj_not_lstm", n, True),)
    return Explained(
        (), causes, {}, maybe(net.cell is Cell.LSTM, "why.conflict.not_lstm", cell="lstm")
    )


def lengths_type(n: Numbers, net: Network) -> Explained:
    ids = ["lengths_on_gpu"] if n["device"] != "cpu" else []
    ids += ["lengths_not_1d"] if n["rank"] != 1 else ["lengths_type"]
    causes = tuple(Candidate(c, n, i == 0) for i, c in enumerate(ids))
    return Explained((text("why.named.lengths_type", **n),), causes)


def lengths_count(n: Numbers, net: Network) -> Explained:
    """The likely reading: batch-first data packed seq-first, its time steps read as the batch."""
    causes = (
        Candidate("pack_layout", n, True, {"seq_len": n["batch"]}),
        Candidate("lengths_other_batch", n, False),
    )
    named = (text("why.named.lengths_count", **n),)
    return Explained(named, causes, {"batch_size": n["got"]})


def packed_to_tensor_op(n: Numbers, net: Network) -> Explained:
    fields = {"what": f"{n['op']}()" if "op" in n else f".{n['attribute']}"}
    causes = (Candidate("packed_output", fields, True),)
    return Explained((text("why.named.packed_to_tensor_op", **fields),), causes)


def device(n: Numbers, net: Network) -> Explained:
    ids = ("state_device",) if n["other"] == "hidden" else ("model_device",)
    causes = tuple(Candidate(c, n, True) for c in ids)
    return Explained((text("why.named.device", **n),), causes)


def _split(features: int, in_features: int, net: Network) -> list[Candidate]:
    """Features that are k × what the Linear takes: both directions, every layer's h_n, or
    every time step joined."""
    if in_features == 0 or features % in_features or features == in_features:
        return []
    k = features // in_features
    f = {"k": k, "features": features, "hidden": in_features}
    hidden = {"hidden_size": in_features}
    found = [
        Candidate("hn_all_layers", f, True, {"rows": k} | hidden),
        Candidate("time_flattened", f, False, {"seq_len": k} | hidden),
    ]
    if k == 2:
        found.insert(
            0, Candidate("bidirectional_linear", f, True, {"bidirectional": True} | hidden)
        )
    if net.seq_len == k:
        found.sort(key=lambda c: c.id != "time_flattened")
    return found


def matmul(n: Numbers, net: Network) -> Explained:
    causes = _split(n["features"], n["in_features"], net)
    if n["in_features"] == 2 * n["features"]:
        causes.append(Candidate("linear_doubled", n, True, {"bidirectional": False}))
    causes.append(Candidate("linear_in_features", n, not causes))
    return Explained((text("why.named.matmul", **n),), tuple(causes))


# the unpack message's kinds, as why.named.unpack_<kind> names them
UNPACKS = {"not enough": "not_enough", "too many": "too_many"}


def unpack(n: Numbers, net: Network) -> Explained:
    key = (n["kind"], n["expected"], n.get("got"))
    ids: dict[tuple[str, int, int | None], list[str]] = {
        ("not enough", 3, 2): ["lstm_three_values"],
        ("not enough", 2, 1): ["gru_state_pair"],
    }
    chosen = ids.get(key, ["unpack_tensor"] if n["kind"] == "too many" else ["rnn_returns"])
    fields = {"expected": n["expected"], "got": n.get("got", "?")}
    causes = tuple(Candidate(c, fields, i == 0) for i, c in enumerate([*chosen, "rnn_returns"][:2]))
    named = (text(f"why.named.unpack_{UNPACKS[n['kind']]}", **fields),)
    return Explained(named, tuple({c.id: c for c in causes}.values()))


def target_size(n: Numbers, net: Network) -> Explained:
    want, got = n["expected"], n["got"]
    fields = {"batch": want[0], "classes": want[-1], "time": got[-1]}
    causes = (Candidate("logits_nlc", fields, True),)
    return Explained((text("why.named.target_size", **fields),), causes)


def loss_batch(n: Numbers, net: Network) -> Explained:
    rows, target = n["input"], n["target"]
    fields = {"input": rows, "target": target, "k": max(rows, target) // max(min(rows, target), 1)}
    ids = ["targets_not_flattened"] if rows > target and rows % target == 0 else []
    ids += ["logits_last_step"] if target > rows and target % rows == 0 else []
    causes = tuple(Candidate(c, fields, True) for c in [*ids, "loss_rows"])
    return Explained((text("why.named.loss_batch", **fields),), causes)


READERS: dict[str, Callable[[Numbers, Network], Explained]] = {
    "dropout_range": _plain("dropout_percent", "dropout_not_number"),
    "dropout_one_layer": dropout_one_layer,
    "size_type": _plain("true_division", "float_config", named="why.named.size_type"),
    "size_not_positive": _plain("size_zero", named="why.named.size_not_positive"),
    "proj_negative": _plain("proj_minus_one"),
    "proj_not_smaller": _plain("proj_not_smaller"),
    "proj_not_lstm": proj_not_lstm,
    "nonlinearity": _plain("nonlinearity_choice", named="why.named.nonlinearity"),
    "lengths_type": lengths_type,
    "lengths_zero": _plain("empty_sequence"),
    "lengths_unsorted": _plain("enforce_sorted"),
    "lengths_count": lengths_count,
    "total_length": _plain("total_length_short", named="why.named.total_length"),
    "empty": _plain("empty_batch"),
    "packed_to_tensor_op": packed_to_tensor_op,
    "device": device,
    "not_contiguous": _plain("state_transposed", named="why.named.not_contiguous"),
    "cudnn_eval_backward": _plain("backward_in_eval"),
    "flatten_parameters": _plain("weights_not_flat"),
    "matmul": matmul,
    "tuple_to_tensor_op": _plain("sequential_rnn", "state_tuple"),
    "unpack": unpack,
    "tuple_attribute": _plain(
        "rnn_returns_tuple", "state_tuple", named="why.named.tuple_attribute"
    ),
    "view_stride": _plain("view_after_transpose"),
    "target_size": target_size,
    "loss_batch": loss_batch,
}
